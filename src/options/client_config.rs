//! Every `clientConfig` key of MX's `ClientConfigType`: what type it must
//! have and whether the widget acts on it or only passes it on to the host
//! callbacks (the whole object always travels as their `config` argument).
//!
//! Nothing here changes what the widget does: it checks what the partner
//! passed and says, in a console warning naming the key, what is unknown or
//! of the wrong type. docs/configuration.md is the partner-facing table.

use serde_json::Value;

/// What the widget does with a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// The widget acts on it.
    Applied,
    /// Only passed on, inside `config`, to the callbacks that take it.
    Forwarded,
}

/// The JSON a key must hold (`null` is always accepted: MX's defaults are `null`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Flag,
    Number,
    /// A list of strings.
    Texts,
    Object,
    /// One of these strings (case does not matter).
    OneOf(&'static [&'static str]),
}

/// Every key of MX's `ClientConfigType`, in its documentation's order.
pub const CLIENT_CONFIG_KEYS: &[(&str, Kind, Use)] = &[
    ("mode", Kind::OneOf(&["aggregation", "verification", "reward", "tax"]), Use::Applied),
    ("data_request", Kind::Object, Use::Applied),
    ("use_cases", Kind::Texts, Use::Forwarded),
    ("additional_product_option", Kind::OneOf(&["transactions", "account_verification"]), Use::Applied),
    ("current_institution_code", Kind::Text, Use::Applied),
    ("current_institution_guid", Kind::Text, Use::Applied),
    ("current_member_guid", Kind::Text, Use::Applied),
    ("current_microdeposit_guid", Kind::Text, Use::Applied),
    ("update_credentials", Kind::Flag, Use::Applied),
    ("disable_institution_search", Kind::Flag, Use::Applied),
    ("include_identity", Kind::Flag, Use::Applied),
    ("include_transactions", Kind::Flag, Use::Applied),
    ("iso_country_code", Kind::Text, Use::Applied),
    ("color_scheme", Kind::OneOf(&["light", "dark", "auto"]), Use::Applied),
    ("is_mobile_webview", Kind::Flag, Use::Applied),
    ("oauth_referral_source", Kind::OneOf(&["BROWSER", "APP"]), Use::Applied),
    ("ui_message_version", Kind::Number, Use::Forwarded),
    ("ui_message_protocol", Kind::Text, Use::Forwarded),
    ("ui_message_webview_url_scheme", Kind::Text, Use::Applied),
    ("target_origin_referrer", Kind::Text, Use::Forwarded),
    ("show_back_button", Kind::Flag, Use::Applied),
    ("client_redirect_url", Kind::Text, Use::Applied),
    ("enable_app2app", Kind::Flag, Use::Forwarded),
    ("disable_background_agg", Kind::Flag, Use::Forwarded),
    ("wait_for_full_aggregation", Kind::Flag, Use::Forwarded),
    ("widget_type", Kind::Text, Use::Forwarded),
];

/// The table entry of `key`.
pub fn client_config_key(key: &str) -> Option<(Kind, Use)> {
    CLIENT_CONFIG_KEYS.iter().find(|(name, _, _)| *name == key).map(|(_, kind, used)| (*kind, *used))
}

/// A value shown in a warning: short, and never more than the partner's own option.
pub(super) fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// What is wrong with `value` for `kind`, as the end of a sentence; `None` when fine.
pub(super) fn type_problem(kind: Kind, value: &Value) -> Option<String> {
    let lenient_flag = matches!(value, Value::String(s) if s == "true" || s == "false");
    match (kind, value) {
        (_, Value::Null) => None,
        (Kind::Text, Value::String(_))
        | (Kind::Flag, Value::Bool(_))
        | (Kind::Number, Value::Number(_))
        | (Kind::Object, Value::Object(_)) => None,
        // MX's widget reads a numeric string here itself.
        (Kind::Number, Value::String(s)) if s.trim().parse::<f64>().is_ok() => None,
        (Kind::Flag, _) if lenient_flag => Some(format!("should be true or false, not the string {}", shown(value))),
        (Kind::Texts, Value::Array(items)) if items.iter().all(Value::is_string) => None,
        (Kind::OneOf(choices), Value::String(s)) => {
            if choices.iter().any(|c| c.eq_ignore_ascii_case(s)) {
                None
            } else {
                Some(format!("should be one of {}, got {}", quoted(choices), shown(value)))
            }
        }
        (Kind::OneOf(choices), _) => Some(format!("should be one of {}, got {}", quoted(choices), shown(value))),
        (Kind::Text, _) => Some(format!("should be a string, got {}", shown(value))),
        (Kind::Flag, _) => Some(format!("should be true or false, got {}", shown(value))),
        (Kind::Number, _) => Some(format!("should be a number, got {}", shown(value))),
        (Kind::Texts, _) => Some(format!("should be a list of strings, got {}", shown(value))),
        (Kind::Object, _) => Some(format!("should be an object, got {}", shown(value))),
    }
}

fn quoted(choices: &[&str]) -> String {
    choices.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ")
}

/// Warnings for `clientConfig`: each unknown key, and each key whose value
/// has the wrong type, named. The config itself is left as it is.
pub fn check_client_config(config: &Value) -> Vec<String> {
    let Some(entries) = config.as_object() else { return Vec::new() };
    let mut warnings = Vec::new();
    for (key, value) in entries {
        match client_config_key(key) {
            None => warnings.push(format!(
                "`clientConfig.{key}` is not a key the widget knows; it is passed on to your callbacks unread"
            )),
            Some((kind, _)) => {
                if let Some(problem) = type_problem(kind, value) {
                    warnings.push(format!("`clientConfig.{key}` {problem}"));
                }
            }
        }
    }
    if let Some(request) = entries.get("data_request").and_then(Value::as_object) {
        for (key, value) in request {
            let problem = match key.as_str() {
                "products" => type_problem(Kind::Texts, value),
                "inferred" => type_problem(Kind::Flag, value),
                _ => Some("is not a key the widget knows".to_string()),
            };
            if let Some(problem) = problem {
                warnings.push(format!("`clientConfig.data_request.{key}` {problem}"));
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // Every key MX's ClientConfigType documents, with the use we decided for it.
    #[test]
    fn every_reference_key_is_applied_or_forwarded() {
        let applied = [
            "mode",
            "data_request",
            "additional_product_option",
            "current_institution_code",
            "current_institution_guid",
            "current_member_guid",
            "current_microdeposit_guid",
            "update_credentials",
            "disable_institution_search",
            "include_identity",
            "include_transactions",
            "iso_country_code",
            "color_scheme",
            "is_mobile_webview",
            "oauth_referral_source",
            "ui_message_webview_url_scheme",
            "show_back_button",
            "client_redirect_url",
        ];
        let forwarded = [
            "use_cases",
            "ui_message_version",
            "ui_message_protocol",
            "target_origin_referrer",
            "enable_app2app",
            "disable_background_agg",
            "wait_for_full_aggregation",
            "widget_type",
        ];
        for key in applied {
            assert_eq!(client_config_key(key).map(|(_, u)| u), Some(Use::Applied), "{key}");
        }
        for key in forwarded {
            assert_eq!(client_config_key(key).map(|(_, u)| u), Some(Use::Forwarded), "{key}");
        }
        assert_eq!(CLIENT_CONFIG_KEYS.len(), applied.len() + forwarded.len());
    }

    #[test]
    fn a_well_formed_config_gives_no_warning() {
        let config = json!({
            "mode": "Verification", "data_request": {"products": ["transactions"], "inferred": false},
            "use_cases": ["PFM"], "additional_product_option": null, "current_member_guid": "MBR-1",
            "update_credentials": true, "iso_country_code": "CA", "color_scheme": "auto",
            "oauth_referral_source": "APP", "ui_message_version": "4", "show_back_button": false,
            "enable_app2app": true, "widget_type": "connect_widget",
        });
        assert_eq!(check_client_config(&config), Vec::<String>::new());
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_named() {
        let config = json!({
            "mdoe": "aggregation", "update_credentials": "true", "disable_institution_search": 1,
            "color_scheme": "purple", "iso_country_code": 840, "ui_message_version": "four",
            "use_cases": "PFM", "data_request": {"products": "transactions", "extra": 1},
        });
        let warnings = check_client_config(&config);
        let expected = [
            "`clientConfig.mdoe` is not a key the widget knows; it is passed on to your callbacks unread",
            "`clientConfig.update_credentials` should be true or false, not the string \"true\"",
            "`clientConfig.disable_institution_search` should be true or false, got 1",
            "`clientConfig.color_scheme` should be one of \"light\", \"dark\", \"auto\", got \"purple\"",
            "`clientConfig.iso_country_code` should be a string, got 840",
            "`clientConfig.ui_message_version` should be a number, got \"four\"",
            "`clientConfig.use_cases` should be a list of strings, got \"PFM\"",
            "`clientConfig.data_request.products` should be a list of strings, got \"transactions\"",
            "`clientConfig.data_request.extra` is not a key the widget knows",
        ];
        for line in expected {
            assert!(warnings.iter().any(|w| w == line), "missing {line:?} in {warnings:#?}");
        }
        assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    }

    #[test]
    fn long_values_are_shortened_in_warnings() {
        let warnings = check_client_config(&json!({"mode": "x".repeat(100)}));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].ends_with("…"), "{}", warnings[0]);
        assert!(warnings[0].len() < 140);
    }
}
