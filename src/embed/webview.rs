//! Events for mobile webviews (`clientConfig.is_mobile_webview: true`): each
//! hosted message also becomes a navigation to
//! `<scheme>://connect/<event>?metadata=<URL-encoded JSON>`, which the app
//! intercepts, the form MX's post-message definitions parse back.

use super::url::encode_component;
use serde_json::Value;

/// The scheme when `ui_message_webview_url_scheme` is not set.
pub const DEFAULT_SCHEME: &str = "mx";

/// The scheme to navigate to: `ui_message_webview_url_scheme`, lower-cased,
/// or `mx`. A value that is not a URL scheme (RFC 3986: a letter, then letters,
/// digits, `+`, `-`, `.`) falls back to `mx`, with the reason for the console;
/// `javascript`, `data`, `http(s)` and the like are refused, as they would not
/// reach the app but run or load something.
pub fn scheme(config: &Value) -> (String, Option<String>) {
    let Some(value) = config.get("ui_message_webview_url_scheme").filter(|v| !v.is_null()) else {
        return (DEFAULT_SCHEME.to_string(), None);
    };
    let fallback = |why: String| (DEFAULT_SCHEME.to_string(), Some(why));
    let Some(text) = value.as_str() else {
        return fallback(format!("`ui_message_webview_url_scheme` must be a string, got {value}; \"mx\" is used"));
    };
    let scheme = text.to_ascii_lowercase();
    let well_formed = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    const REFUSED: [&str; 8] = ["javascript", "data", "vbscript", "http", "https", "file", "blob", "about"];
    if !well_formed || REFUSED.contains(&scheme.as_str()) {
        let shown: String = text.chars().take(30).collect();
        return fallback(format!(
            "`ui_message_webview_url_scheme` {shown:?} is not a usable app scheme; \"mx\" is used"
        ));
    }
    (scheme, None)
}

/// The navigation for a hosted message (`{type: "mx/connect/loaded", metadata}`):
/// `mx://connect/loaded?metadata=%7B…%7D`.
pub fn url(scheme: &str, message: &Value) -> Option<String> {
    let path = message.get("type")?.as_str()?.strip_prefix("mx/")?;
    let metadata = message.get("metadata").map_or_else(|| "{}".to_string(), Value::to_string);
    Some(format!("{scheme}://{path}?metadata={}", encode_component(&metadata)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_scheme_is_the_configured_one_or_mx() {
        assert_eq!(scheme(&json!({})), ("mx".to_string(), None));
        assert_eq!(scheme(&json!({"ui_message_webview_url_scheme": null})), ("mx".to_string(), None));
        assert_eq!(scheme(&json!({"ui_message_webview_url_scheme": "BankApp"})), ("bankapp".to_string(), None));
        assert_eq!(scheme(&json!({"ui_message_webview_url_scheme": "com.bank.app+x"})).0, "com.bank.app+x");
        for bad in [json!("javascript"), json!("9app"), json!("bank app"), json!("https"), json!(""), json!(7)] {
            let (chosen, why) = scheme(&json!({ "ui_message_webview_url_scheme": bad }));
            assert_eq!(chosen, "mx", "{bad}");
            assert!(why.is_some_and(|w| w.contains("ui_message_webview_url_scheme")), "{bad}");
        }
    }

    #[test]
    fn the_url_carries_the_type_and_the_encoded_metadata() {
        let message = json!({"mx": true, "type": "mx/connect/memberConnected",
            "metadata": {"member_guid": "MBR-1", "session_guid": "S 1", "user_guid": ""}});
        assert_eq!(
            url("bankapp", &message).as_deref(),
            Some("bankapp://connect/memberConnected?metadata=%7B%22member_guid%22%3A%22MBR-1%22%2C%22session_guid%22%3A%22S%201%22%2C%22user_guid%22%3A%22%22%7D")
        );
        let nested = json!({"type": "mx/connect/connected/primaryAction", "metadata": {}});
        assert_eq!(url("mx", &nested).as_deref(), Some("mx://connect/connected/primaryAction?metadata=%7B%7D"));
        assert_eq!(url("mx", &json!({"type": "other"})), None);
    }
}
