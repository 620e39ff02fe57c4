//! Every visible string goes through here.
//!
//! Keys are stable dotted names (`search.title`); placeholders are named
//! (`{name}`). Lookup order: the partner's copy overrides for the locale, the
//! locale's catalogue, then English. A key missing everywhere shows the key
//! itself (and a test keeps that from happening for keys the code uses).

mod en;
mod es;
mod fr_ca;

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

    /// The locale's own text for `key`, else English (key by key, so a key
    /// added to English before it is translated still shows something).
    fn catalogue(self, key: &str) -> Option<&'static str> {
        let own = match self {
            Locale::En => None,
            Locale::Es => es::text(key),
            Locale::FrCa => fr_ca::text(key),
        };
        own.or_else(|| en::text(key))
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
        assert_eq!(i.t("connected.done"), es::text("connected.done").unwrap_or_default());
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
                if path.extension().and_then(|e| e.to_str()) != Some("rs")
                    || path.ends_with("en.rs")
                    || path.ends_with("i18n/mod.rs")
                {
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
            "common.",
            "search.",
            "credentials.",
            "connecting.",
            "mfa.",
            "connected.",
            "status.",
            "code.",
            "error.",
            "update.",
            "support.",
            "disconnect.",
            "load.",
            "institution.",
            "widget.",
            "disconnected.",
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

    type Catalogue = fn(&str) -> Option<&'static str>;

    /// The catalogues under test, with their tags and source text.
    const TRANSLATIONS: [(&str, Catalogue, &str); 2] =
        [("es", es::text, include_str!("es.rs")), ("fr-ca", fr_ca::text, include_str!("fr_ca.rs"))];

    /// Translations that may equal the English although the English has 3+
    /// words (e.g. a brand name). Empty today; add `(tag, key)` with a reason.
    const SAME_AS_ENGLISH: &[(&str, &str)] = &[];

    /// The keys of a catalogue's `match`, read from its source: every line
    /// that starts with a quoted key followed by `=>`. Also returns how many
    /// non-comment lines contain `=>` at all, so an arm the reader cannot
    /// parse (e.g. `"a" | "b" =>`) shows up as a mismatch instead of a gap.
    fn arm_keys(source: &str) -> (Vec<&str>, usize) {
        let mut keys = Vec::new();
        let mut arrows = 0;
        for line in source.lines().map(str::trim_start) {
            if line.starts_with("//") || !line.contains("=>") {
                continue;
            }
            arrows += 1;
            if let Some(rest) = line.strip_prefix('"') {
                if let Some(end) = rest.find("\" =>") {
                    keys.push(&rest[..end]);
                }
            }
        }
        (keys, arrows)
    }

    /// `{name}` placeholders of a text.
    fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
        let mut names = std::collections::BTreeSet::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            names.insert(&after[..close]);
            rest = &after[close + 1..];
        }
        names
    }

    // KEYS is what the other catalogue tests iterate, so it must be exactly
    // the English `match`: no key forgotten, none invented, none twice.
    #[test]
    fn keys_list_is_exactly_the_english_catalogue() {
        let (arms, arrows) = arm_keys(include_str!("en.rs"));
        assert_eq!(arrows, arms.len() + 1, "every `=>` line in en.rs is a one-key arm, plus `_`");
        let mut from_source = arms.clone();
        from_source.sort_unstable();
        from_source.dedup();
        assert_eq!(from_source.len(), arms.len(), "a key appears twice in en.rs");
        let mut listed = en::KEYS.to_vec();
        listed.sort_unstable();
        listed.dedup();
        assert_eq!(listed.len(), en::KEYS.len(), "a key appears twice in KEYS");
        assert_eq!(listed, from_source, "KEYS and en.rs's match arms differ");
        let without_text: Vec<_> = en::KEYS.iter().filter(|k| en::text(k).is_none()).collect();
        assert!(without_text.is_empty(), "KEYS without English text: {without_text:?}");
        assert!(en::KEYS.len() > 150, "the scan found the catalogue ({})", en::KEYS.len());
    }

    // A key missing from a translation would silently show English mid-screen.
    #[test]
    fn every_english_key_is_translated() {
        for (tag, text, _) in TRANSLATIONS {
            let missing: Vec<_> = en::KEYS.iter().filter(|k| text(k).is_none()).collect();
            assert!(missing.is_empty(), "{tag} lacks: {missing:?}");
        }
    }

    // A misspelt key in a translation is dead copy that never shows.
    #[test]
    fn translations_have_only_english_keys() {
        for (tag, _, source) in TRANSLATIONS {
            let (arms, arrows) = arm_keys(source);
            assert_eq!(arrows, arms.len() + 1, "every `=>` line in {tag} is a one-key arm, plus `_`");
            let stray: Vec<_> = arms.iter().filter(|k| !en::KEYS.contains(k)).collect();
            assert!(stray.is_empty(), "{tag} has keys English doesn't: {stray:?}");
            assert_eq!(arms.len(), en::KEYS.len(), "{tag} has a key twice or misses one");
        }
    }

    // `fill` only knows the English names; a renamed or dropped placeholder
    // would show `{name}` raw or lose the institution's name.
    #[test]
    fn translations_keep_the_placeholders() {
        for (tag, text, _) in TRANSLATIONS {
            for key in en::KEYS {
                let english = placeholders(en::text(key).unwrap_or_default());
                let translated = placeholders(text(key).unwrap_or_default());
                assert_eq!(translated, english, "{tag} {key}: placeholders differ");
            }
        }
    }

    // Catches blank entries and English pasted in as a stand-in translation.
    #[test]
    fn translations_are_not_empty_or_english() {
        for (tag, text, _) in TRANSLATIONS {
            for key in en::KEYS {
                let english = en::text(key).unwrap_or_default();
                let translated = text(key).unwrap_or_default();
                assert!(!translated.trim().is_empty(), "{tag} {key} is empty");
                let sentence = english.split_whitespace().count() >= 3;
                let untranslated = sentence && translated == english && !SAME_AS_ENGLISH.contains(&(tag, key));
                assert!(!untranslated, "{tag} {key} is still English: {english}");
            }
        }
    }

    // The widget actually picks the locale's catalogue, not English.
    #[test]
    fn locales_use_their_catalogue() {
        let es = I18n::new(Locale::Es, BTreeMap::new());
        assert_eq!(es.t("search.title"), "Busque su banco");
        assert_eq!(es.tf("connecting.title", &[("name", "MX Bank")]), "Conectando con MX Bank");
        let fr = I18n::new(Locale::FrCa, BTreeMap::new());
        assert_eq!(fr.t("search.title"), "Trouvez votre banque");
        assert_eq!(fr.t("support.email"), "Votre adresse courriel");
        assert_eq!(I18n::new(Locale::En, BTreeMap::new()).t("search.title"), "Find your bank");
    }
}
