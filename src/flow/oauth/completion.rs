//! The completion message a page in the OAuth window may post to the widget
//! (docs/oauth.md): `{type: "connect-widget:oauth", status: "success" | "error",
//! error_reason?, member_guid?}`. The runtime checks who sent it; this reads it.

use serde_json::Value;

/// The message's `type`.
pub const COMPLETION_TYPE: &str = "connect-widget:oauth";

/// What the OAuth window reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub success: bool,
    /// The OAuth state's `error_reason` code (0–6), when an error says why.
    pub error_reason: Option<i64>,
    pub member_guid: Option<String>,
}

/// `error_reason` names, by code.
const REASON_NAMES: [&str; 7] =
    ["UNKNOWN_ERROR", "CANCELLED", "DENIED", "IMPEDED", "PROVIDER_ERROR", "SERVER_ERROR", "SESSION_ERROR"];

/// The message, if `data` is one: an object or its JSON text. Anything else
/// (other pages' messages, a wrong `status`) is `None`.
pub fn read_completion(data: &Value) -> Option<Completion> {
    let parsed;
    let data = match data {
        Value::String(text) => {
            parsed = serde_json::from_str::<Value>(text).ok()?;
            &parsed
        }
        other => other,
    };
    if data.get("type")?.as_str()? != COMPLETION_TYPE {
        return None;
    }
    let success = match data.get("status")?.as_str()? {
        "success" => true,
        "error" => false,
        _ => return None,
    };
    let error_reason = match data.get("error_reason") {
        Some(Value::Number(n)) => n.as_i64().filter(|c| (0..=6).contains(c)),
        Some(Value::String(name)) => {
            REASON_NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)).and_then(|i| i64::try_from(i).ok())
        }
        _ => None,
    };
    let member_guid = data.get("member_guid").and_then(Value::as_str).filter(|g| !g.is_empty()).map(str::to_string);
    Some(Completion { success, error_reason: if success { None } else { error_reason }, member_guid })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn completion_messages_are_read_as_objects_or_json_text() {
        assert_eq!(
            read_completion(&json!({"type": "connect-widget:oauth", "status": "success", "member_guid": "MBR-1"})),
            Some(Completion { success: true, error_reason: None, member_guid: Some("MBR-1".into()) })
        );
        assert_eq!(
            read_completion(&json!(r#"{"type":"connect-widget:oauth","status":"error","error_reason":"denied"}"#)),
            Some(Completion { success: false, error_reason: Some(2), member_guid: None })
        );
        assert_eq!(
            read_completion(&json!({"type": "connect-widget:oauth", "status": "error", "error_reason": 6})),
            Some(Completion { success: false, error_reason: Some(6), member_guid: None })
        );
        assert_eq!(
            read_completion(&json!({"type": "connect-widget:oauth", "status": "error", "error_reason": 99})),
            Some(Completion { success: false, error_reason: None, member_guid: None })
        );
    }

    #[test]
    fn other_messages_are_not_completions() {
        for other in [
            json!({"type": "mx/navigation", "payload": {"action": "back"}}),
            json!({"type": "connect-widget:oauth", "status": "maybe"}),
            json!({"type": "connect-widget:oauth"}),
            json!("not json"),
            json!(42),
            json!(null),
        ] {
            assert_eq!(read_completion(&other), None, "{other}");
        }
    }
}
