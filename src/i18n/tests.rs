//! Catalogue checks the compiler cannot make: names, placeholders, real
//! translations, and no dead copy.

use super::*;

const TRANSLATED: [Locale; 2] = [Locale::Es, Locale::FrCa];

/// Translations that may equal the English although the English has 3+
/// words (e.g. a brand name). Empty today; add `(locale, key)` with a reason.
const SAME_AS_ENGLISH: &[(Locale, Key)] = &[];

#[test]
fn placeholders_are_filled_by_name() {
    assert_eq!(fill("Log in to {name}", &[("name", "MX Bank")]), "Log in to MX Bank");
    assert_eq!(fill("{a} and {b} and {c}", &[("a", "1"), ("b", "2")]), "1 and 2 and {c}");
    assert_eq!(fill("unclosed {x", &[]), "unclosed {x");
}

#[test]
fn overrides_win_over_the_locale() {
    let mut o = SmallMap::new();
    o.insert(Key::SearchTitle, "Pick your bank".to_string());
    let i = I18n::new(Locale::Es, o);
    assert_eq!(i.t(Key::SearchTitle), "Pick your bank");
    assert_eq!(i.t(Key::ConnectedDone), "Listo");
}

#[test]
fn locales_parse() {
    assert_eq!(Locale::parse("en-US"), Some(Locale::En));
    assert_eq!(Locale::parse("fr_CA"), Some(Locale::FrCa));
    assert_eq!(Locale::parse("de"), None);
}

// `language.copy` finds keys by their dotted names, so names must be unique and well formed.
#[test]
fn key_names_are_unique_dotted_and_found_again() {
    let mut names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
    assert!(names.len() > 150, "the catalogue is there ({})", names.len());
    for name in &names {
        let well_formed = name.contains('.')
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
        assert!(well_formed, "{name}");
    }
    for key in Key::ALL {
        assert_eq!(Key::from_name(key.name()), Some(*key));
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Key::ALL.len(), "a dotted name is used twice");
    assert_eq!(Key::from_name("search.nope"), None);
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

// `fill` only knows the English names; a renamed or dropped placeholder
// would show `{name}` raw or lose the institution's name.
#[test]
fn translations_keep_the_placeholders() {
    for locale in TRANSLATED {
        for key in Key::ALL {
            let english = placeholders(key.english());
            let translated = placeholders(locale.text(*key));
            assert_eq!(translated, english, "{} {}: placeholders differ", locale.tag(), key.name());
        }
    }
}

// Catches blank entries and English pasted in as a stand-in translation.
#[test]
fn translations_are_not_empty_or_english() {
    for locale in TRANSLATED {
        for key in Key::ALL {
            let english = key.english();
            let translated = locale.text(*key);
            assert!(!translated.trim().is_empty(), "{} {} is empty", locale.tag(), key.name());
            let sentence = english.split_whitespace().count() >= 3;
            let untranslated = sentence && translated == english && !SAME_AS_ENGLISH.contains(&(locale, *key));
            assert!(!untranslated, "{} {} is still English: {english}", locale.tag(), key.name());
        }
    }
}

// The widget actually picks the locale's catalogue, not English.
#[test]
fn locales_use_their_catalogue() {
    let es = I18n::new(Locale::Es, SmallMap::new());
    assert_eq!(es.t(Key::SearchTitle), "Busque su banco");
    assert_eq!(es.tf(Key::ConnectingTitle, &[("name", "MX Bank")]), "Conectando con MX Bank");
    let fr = I18n::new(Locale::FrCa, SmallMap::new());
    assert_eq!(fr.t(Key::SearchTitle), "Trouvez votre banque");
    assert_eq!(fr.t(Key::SupportEmail), "Votre adresse courriel");
    assert_eq!(I18n::default().t(Key::SearchTitle), "Find your bank");
}

/// Dead copy is work for translators that no user ever reads: every key is
/// used somewhere in `src/` outside the catalogue files.
#[test]
fn every_key_is_used_by_the_code() {
    let mut sources = String::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("i18n") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    assert!(sources.len() > 10_000, "the sources were read");
    let unused: Vec<&str> = Key::ALL
        .iter()
        .filter(|k| {
            let variant = format!("{k:?}");
            let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
            let used = |at: usize| !sources[at + variant.len()..].starts_with(word) && !sources[..at].ends_with(word);
            !sources.match_indices(&variant).any(|(at, _)| used(at))
        })
        .map(|k| k.name())
        .collect();
    assert!(unused.is_empty(), "copy keys no code uses: {unused:?}");
}
