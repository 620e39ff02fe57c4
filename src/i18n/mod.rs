//! Every visible string goes through here.
//!
//! Keys are stable dotted names (`search.title`); placeholders are named
//! (`{name}`). Lookup order: the partner's copy overrides for the locale, the
//! locale's catalogue, then English. A key missing everywhere shows the key
//! itself (and a test keeps that from happening for keys the code uses).

mod en;

use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Es,
    FrCa,
}

impl Locale {
    /// `"en"`, `"en-US"`, `"es"`, `"fr-ca"`… Unknown locales are `None`
    /// (mount refuses them with a message naming the choices).
    pub fn parse(tag: &str) -> Option<Locale> {
        match tag.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-ca" | "en-gb" => Some(Locale::En),
            "es" | "es-us" | "es-mx" | "es-es" => Some(Locale::Es),
            "fr-ca" | "fr" => Some(Locale::FrCa),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::FrCa => "fr-ca",
        }
    }

    fn catalogue(self, key: &str) -> Option<&'static str> {
        match self {
            // Spanish and Canadian French catalogues are still to be written;
            // until then they fall back to English key by key.
            Locale::En | Locale::Es | Locale::FrCa => en::text(key),
        }
    }
}

/// The copy of one widget instance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct I18n {
    pub locale: Locale,
    overrides: BTreeMap<String, String>,
}

impl I18n {
    pub fn new(locale: Locale, overrides: BTreeMap<String, String>) -> I18n {
        I18n { locale, overrides }
    }

    /// The text for `key`.
    pub fn t(&self, key: &str) -> String {
        if let Some(text) = self.overrides.get(key) {
            return text.clone();
        }
        self.locale.catalogue(key).unwrap_or(key).to_string()
    }

    /// The text for `key` with `{name}` placeholders filled.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(&self.t(key), args)
    }
}

/// Replace `{name}` with values; unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(fill("Log in to {name}", &[("name", "MX Bank")]), "Log in to MX Bank");
        assert_eq!(fill("{a} and {b} and {c}", &[("a", "1"), ("b", "2")]), "1 and 2 and {c}");
        assert_eq!(fill("unclosed {x", &[]), "unclosed {x");
    }

    #[test]
    fn overrides_win_and_missing_keys_fall_back() {
        let mut o = BTreeMap::new();
        o.insert("search.title".to_string(), "Pick your bank".to_string());
        let i = I18n::new(Locale::Es, o);
        assert_eq!(i.t("search.title"), "Pick your bank");
        assert_eq!(i.t("connected.done"), en::text("connected.done").unwrap_or_default());
        assert_eq!(i.t("no.such.key"), "no.such.key");
    }

    #[test]
    fn locales_parse() {
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("fr_CA"), Some(Locale::FrCa));
        assert_eq!(Locale::parse("de"), None);
    }

    /// Every key the code asks for (in `src/`) exists in the English
    /// catalogue, so no user ever sees a raw key.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let mut missing = Vec::new();
        let mut checked = 0;
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().and_then(|e| e.to_str()) != Some("rs") || path.ends_with("en.rs") || path.ends_with("i18n/mod.rs") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                for key in quoted_keys(&text) {
                    checked += 1;
                    if en::text(&key).is_none() {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(checked > 50, "the scan found the keys ({checked})");
        assert!(missing.is_empty(), "keys without English text:\n{}", missing.join("\n"));
    }

    /// String literals that look like i18n keys: `"area.name"` made of
    /// lowercase, digits, `_` and at least one dot, starting with a known area.
    fn quoted_keys(text: &str) -> Vec<String> {
        const AREAS: [&str; 16] = [
            "common.", "search.", "credentials.", "connecting.", "mfa.", "connected.", "status.", "code.", "error.",
            "update.", "support.", "disconnect.", "load.", "institution.", "widget.", "disconnected.",
        ];
        let mut keys = Vec::new();
        for piece in text.split('"').skip(1).step_by(2) {
            let ok = AREAS.iter().any(|a| piece.starts_with(a) && piece.len() > a.len())
                && piece.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
            if ok {
                keys.push(piece.to_string());
            }
        }
        keys
    }
}
