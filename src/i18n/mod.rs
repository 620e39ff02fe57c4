//! Every visible string goes through here.
//!
//! The catalogue is defined once, in `en.rs`: each entry names a `Key`
//! variant, its stable dotted name (`search.title`, what `language.copy`
//! overrides use) and the English text. The other locales are exhaustive
//! `match`es on `Key`, so a key used in the code but missing, or missing from
//! a translation, does not compile. Placeholders are named (`{name}`).
//! Lookup order: the partner's override for the key, then the locale's text.

mod en;
mod es;
mod fr_ca;

pub use en::Key;

use crate::small_map::SmallMap;

/// Defines `Key`, its names and the English text from one table.
macro_rules! catalogue {
    ($( $(#[$doc:meta])* $key:ident = $name:literal => $text:literal, )*) => {
        /// A message of the widget's copy.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, in catalogue order.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The stable dotted name (`search.title`).
            pub fn name(self) -> &'static str {
                match self { $(Key::$key => $name),* }
            }

            pub(crate) fn english(self) -> &'static str {
                match self { $(Key::$key => $text),* }
            }
        }
    };
}
pub(crate) use catalogue;

impl Key {
    /// The key with this dotted name, if any.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|k| k.name() == name)
    }
}

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

    /// This locale's text for `key`.
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Locale::En => key.english(),
            Locale::Es => es::text(key),
            Locale::FrCa => fr_ca::text(key),
        }
    }
}

/// The copy of one widget instance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct I18n {
    pub locale: Locale,
    overrides: SmallMap<Key, String>,
}

impl I18n {
    pub fn new(locale: Locale, overrides: SmallMap<Key, String>) -> I18n {
        I18n { locale, overrides }
    }

    /// The text for `key`.
    pub fn t(&self, key: Key) -> String {
        match self.overrides.get(&key) {
            Some(text) => text.clone(),
            None => self.locale.text(key).to_string(),
        }
    }

    /// The text for `key` with `{name}` placeholders filled.
    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
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
mod tests;
