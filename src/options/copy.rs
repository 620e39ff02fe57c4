//! Custom copy as MX's partners already write it, besides our own
//! `language.copy` keys: MX's custom-copy contexts (`connect/disclosure/title`, …)
//! in `language.copy`, and `language.localizedContent` in the shape MX's widget
//! reads (`connect.additional_product_screen.add_aggregation.title`, …). MX's
//! texts number their placeholders (`%1`); they become our named ones.

use super::client_config::shown;
use crate::i18n::Key;
use crate::small_map::SmallMap;
use serde_json::Value;

/// MX's custom-copy contexts that have a message here.
const MX_COPY_KEYS: [(&str, Key); 6] = [
    ("connect/disclosure/title", Key::DisclosureTitle),
    ("connect/disclosure/body", Key::DisclosureBody),
    ("connect/disclosure/policy/text", Key::DisclosurePolicy),
    ("connect/disclosure/policy/link", Key::DisclosurePolicyLink),
    ("connect/disclosure/button", Key::DisclosureContinue),
    ("connect/deletesurvey/disclaimer/text", Key::DisconnectReasonLegend),
];

/// `localizedContent.connect.additional_product_screen.<screen>.<field>`.
const OFFER_TEXTS: [(&str, &str, Key); 8] = [
    ("add_aggregation", "title", Key::OfferAggregationTitle),
    ("add_aggregation", "body", Key::OfferAggregationBody),
    ("add_aggregation", "button_1", Key::OfferAggregationAccept),
    ("add_aggregation", "button_2", Key::OfferAggregationDecline),
    ("add_verification", "title", Key::OfferVerificationTitle),
    ("add_verification", "body", Key::OfferVerificationBody),
    ("add_verification", "button_1", Key::OfferVerificationAccept),
    ("add_verification", "button_2", Key::OfferVerificationDecline),
];

/// The message for an MX custom-copy context.
pub fn mx_copy_key(name: &str) -> Option<Key> {
    MX_COPY_KEYS.iter().find(|(mx, _)| *mx == name).map(|(_, key)| *key)
}

/// `text` with MX's `%1` written as the message's first placeholder, or as
/// `{name}` (the institution, which every view that shows these fills).
pub fn from_mx_text(text: &str, key: Key) -> String {
    if !text.contains("%1") {
        return text.to_string();
    }
    let first = key.english().split('{').nth(1).and_then(|rest| rest.split_once('}')).map(|(name, _)| name);
    text.replace("%1", &format!("{{{}}}", first.unwrap_or("name")))
}

/// Read `language.localizedContent` into `copy`, warning about what is not understood.
pub fn read_localized_content(content: &Value, copy: &mut SmallMap<Key, String>, warnings: &mut Vec<String>) {
    let Some(entries) = content.as_object() else {
        if !content.is_null() {
            warnings
                .push(format!("`language.localizedContent` must be an object, got {}; it is ignored", shown(content)));
        }
        return;
    };
    for (name, value) in entries {
        if name != "connect" {
            warnings.push(format!("`language.localizedContent.{name}` is not content the widget shows; it is ignored"));
            continue;
        }
        for (section, screens) in value.as_object().into_iter().flatten() {
            if section != "additional_product_screen" {
                warnings.push(format!(
                    "`language.localizedContent.connect.{section}` is not content the widget shows; it is ignored"
                ));
                continue;
            }
            for (screen, fields) in screens.as_object().into_iter().flatten() {
                for (field, text) in fields.as_object().into_iter().flatten() {
                    let path = format!("language.localizedContent.connect.additional_product_screen.{screen}.{field}");
                    let key = OFFER_TEXTS.iter().find(|(s, f, _)| s == screen && f == field).map(|(_, _, k)| *k);
                    match (key, text.as_str()) {
                        (Some(key), Some(text)) => {
                            copy.insert(key, text.to_string());
                        }
                        (Some(_), None) => warnings.push(format!("`{path}` is not a string; it is ignored")),
                        (None, _) => warnings.push(format!("`{path}` is not a text the widget has; it is ignored")),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mx_contexts_name_our_messages() {
        assert_eq!(mx_copy_key("connect/disclosure/title"), Some(Key::DisclosureTitle));
        assert_eq!(mx_copy_key("connect/deletesurvey/disclaimer/text"), Some(Key::DisconnectReasonLegend));
        assert_eq!(mx_copy_key("connect/disclosure/nope"), None);
        assert_eq!(from_mx_text("Why disconnect %1?", Key::DisconnectReasonLegend), "Why disconnect {name}?");
        assert_eq!(from_mx_text("No placeholder", Key::DisclosureTitle), "No placeholder");
    }

    #[test]
    fn localized_content_fills_the_offer_texts() {
        let mut copy = SmallMap::new();
        let mut warnings = Vec::new();
        let content = json!({"connect": {"additional_product_screen": {
            "add_aggregation": {"title": "Track spending too?", "button_1": "Sure", "button_3": "?"},
            "add_verification": {"body": 5, "button_2": "Not now"},
        }, "elsewhere": {}}, "other": 1});
        read_localized_content(&content, &mut copy, &mut warnings);
        assert_eq!(copy.get(&Key::OfferAggregationTitle).map(String::as_str), Some("Track spending too?"));
        assert_eq!(copy.get(&Key::OfferAggregationAccept).map(String::as_str), Some("Sure"));
        assert_eq!(copy.get(&Key::OfferVerificationDecline).map(String::as_str), Some("Not now"));
        assert_eq!(copy.len(), 3);
        let expected = [
            "`language.localizedContent.connect.additional_product_screen.add_aggregation.button_3` is not a text the widget has; it is ignored",
            "`language.localizedContent.connect.additional_product_screen.add_verification.body` is not a string; it is ignored",
            "`language.localizedContent.connect.elsewhere` is not content the widget shows; it is ignored",
            "`language.localizedContent.other` is not content the widget shows; it is ignored",
        ];
        for line in expected {
            assert!(warnings.iter().any(|w| w == line), "missing {line:?} in {warnings:#?}");
        }
        assert_eq!(warnings.len(), expected.len());
    }
}
