//! What can go wrong with a host callback, typed.

use serde_json::Value;
use std::fmt;

/// A failed host call. Every way a host can fail (a rejected Promise in the
/// `{response: {status, data}}` shape, a thrown `Error`, a garbage answer, a
/// missing callback, a Promise that never settles) becomes one of these, and
/// each has a screen.
#[derive(Clone, Debug, PartialEq)]
pub enum HostError {
    /// The Promise rejected with an HTTP-like `{response: {status, data}}` (or
    /// `{status, data}`). `data` is kept: a 409 on `addMember` carries the
    /// existing member's `guid`.
    Rejected { callback: &'static str, status: Option<u16>, data: Value, message: Option<String> },
    /// The callback threw, or rejected with an `Error` or anything else.
    Failed { callback: &'static str, message: String },
    /// The callback answered, but not with something the widget can read.
    Malformed { callback: &'static str, detail: String },
    /// The host API object has no such function.
    Missing { callback: &'static str },
    /// The Promise did not settle in time.
    TimedOut { callback: &'static str, after_ms: u32 },
}

impl HostError {
    pub fn callback(&self) -> &'static str {
        match self {
            HostError::Rejected { callback, .. }
            | HostError::Failed { callback, .. }
            | HostError::Malformed { callback, .. }
            | HostError::Missing { callback }
            | HostError::TimedOut { callback, .. } => callback,
        }
    }

    /// The HTTP-like status, when the host gave one.
    pub fn status(&self) -> Option<u16> {
        match self {
            HostError::Rejected { status, .. } => *status,
            _ => None,
        }
    }

    /// The guid in `response.data.guid` (409 "member already exists").
    pub fn data_guid(&self) -> Option<String> {
        match self {
            HostError::Rejected { data, .. } => data.get("guid").and_then(Value::as_str).map(str::to_string),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// Build from the value a rejected Promise carried (already turned into
    /// JSON). Recognises `{response: {status, data}}`, `{status, data}` and
    /// `{message}`; anything else is a plain failure.
    pub fn from_rejection(callback: &'static str, reason: &Value, message: Option<String>) -> HostError {
        let envelope = reason.get("response").filter(|r| r.is_object()).unwrap_or(reason);
        let status = envelope.get("status").and_then(crate::model::json::as_int).and_then(|s| u16::try_from(s).ok());
        let data = envelope.get("data").cloned().unwrap_or(Value::Null);
        let message = message.or_else(|| {
            data.get("message").or_else(|| reason.get("message")).and_then(Value::as_str).map(str::to_string)
        });
        match status {
            Some(_) => HostError::Rejected { callback, status, data, message },
            None => HostError::Failed { callback, message: message.unwrap_or_else(|| "the callback failed".into()) },
        }
    }
}

/// A developer-facing description (console), never shown to end users as is.
impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::Rejected { callback, status, message, .. } => {
                write!(f, "{callback} rejected")?;
                if let Some(s) = status {
                    write!(f, " with status {s}")?;
                }
                if let Some(m) = message {
                    write!(f, ": {m}")?;
                }
                Ok(())
            }
            HostError::Failed { callback, message } => write!(f, "{callback} failed: {message}"),
            HostError::Malformed { callback, detail } => {
                write!(f, "{callback} returned something unreadable: {detail}")
            }
            HostError::Missing { callback } => write!(f, "the host API object has no `{callback}` function"),
            HostError::TimedOut { callback, after_ms } => write!(f, "{callback} did not answer within {after_ms} ms"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn documented_rejection_shapes_keep_status_and_data() {
        let e = HostError::from_rejection(
            "addMember",
            &json!({"response": {"status": 409, "data": {"guid": "MBR-123"}}}),
            None,
        );
        assert_eq!(e.status(), Some(409));
        assert_eq!(e.data_guid().as_deref(), Some("MBR-123"));
        // deleteMember documents a bare `{status, data}`.
        let e = HostError::from_rejection("deleteMember", &json!({"status": 404, "data": {"guid": "MBR-123"}}), None);
        assert!(e.is_not_found());
        let e = HostError::from_rejection(
            "updateMFA",
            &json!({"response": {"status": "400", "data": {"message": "Test message here"}}}),
            None,
        );
        assert_eq!(e.status(), Some(400));
        assert!(e.to_string().contains("Test message here"));
        let e = HostError::from_rejection("loadJob", &json!("boom"), Some("boom".into()));
        assert_eq!(e, HostError::Failed { callback: "loadJob", message: "boom".into() });
    }
}
