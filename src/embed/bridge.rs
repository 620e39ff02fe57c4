//! The messages of `api=parent`: the framed widget's host calls answered by
//! the parent page's `connect-widget-bridge.js`.
//!
//! 1. The frame posts `{type: HELLO, version}` to the parent, addressed to the
//!    parent's origin only, with one end of a `MessageChannel` transferred. The
//!    bridge accepts it only from its iframe's window and the frame's origin.
//!    (If the bridge starts after the frame, it posts `{type: ANNOUNCE}` to the
//!    frame, which says hello again.)
//! 2. Over that private port the bridge answers `{type: "ready", version, methods}`.
//! 3. Calls go `{id, method, args}` → `{id, ok: true, value}` or
//!    `{id, ok: false, error}`, where `error` keeps what a rejection carried
//!    (`{response: {status, data}}`, `status`, `data`, `message`, `name`), or
//!    says `missing: true` (no such callback) or `malformed: "…"` (an answer
//!    that is not plain data).
//!
//! None of these messages has MX's `mx` flag, so MX's web SDK, listening on the
//! same window, ignores them.

use crate::host::{HostCall, HostError, CALLBACK_NAMES};
use serde_json::{json, Value};

/// The version of these messages; both sides must speak the same.
pub const VERSION: u64 = 1;
/// Frame → parent, with a `MessagePort`.
pub const HELLO: &str = "connect-widget/bridge-hello";
/// Parent → frame: "say hello (again)".
pub const ANNOUNCE: &str = "connect-widget/bridge-announce";
/// Frame → parent: the widget's content height, to size the iframe.
pub const RESIZE: &str = "connect-widget/resize";

pub fn hello() -> Value {
    json!({ "type": HELLO, "version": VERSION })
}

pub fn is_announce(data: &Value) -> bool {
    data.get("type").and_then(Value::as_str) == Some(ANNOUNCE)
}

/// `{type: RESIZE, height}` in CSS pixels.
pub fn resize(height: u32) -> Value {
    json!({ "type": RESIZE, "height": height })
}

/// The callbacks the parent's host API has, from its `ready` message (names
/// that are not host callbacks are dropped).
pub fn read_ready(data: &Value) -> Result<Vec<&'static str>, String> {
    if data.get("type").and_then(Value::as_str) != Some("ready") {
        return Err("the page's bridge did not start with `ready`".into());
    }
    match data.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        other => {
            let got = other.map_or_else(|| "no version".to_string(), |v| format!("version {v}"));
            return Err(format!(
                "the page's connect-widget-bridge.js speaks {got}, this widget version {VERSION}: serve both from one package"
            ));
        }
    }
    let methods = data.get("methods").and_then(Value::as_array).ok_or("the bridge's `ready` lists no `methods`")?;
    Ok(CALLBACK_NAMES.iter().copied().filter(|name| methods.iter().any(|m| m.as_str() == Some(name))).collect())
}

/// A call: `{id, method, args}`. The args carry credentials and MFA answers;
/// they go only to the port whose other end the parent's origin holds.
pub fn request(id: u64, call: &HostCall, config: &Value, locale: &str) -> Value {
    json!({ "id": id, "method": call.name(), "args": call.args(config, locale) })
}

/// The call an answer is for.
pub fn answer_id(data: &Value) -> Option<u64> {
    data.get("id").and_then(Value::as_u64)
}

/// An answer, as the callback's result.
pub fn read_answer(callback: &'static str, data: &Value) -> Result<Value, HostError> {
    match data.get("ok").and_then(Value::as_bool) {
        Some(true) => Ok(data.get("value").cloned().unwrap_or(Value::Null)),
        Some(false) => {
            let error = data.get("error").cloned().unwrap_or(Value::Null);
            if error.get("missing") == Some(&Value::Bool(true)) {
                return Err(HostError::Missing { callback });
            }
            if let Some(detail) = error.get("malformed").and_then(Value::as_str) {
                return Err(HostError::Malformed { callback, detail: detail.to_string() });
            }
            let message = error.get("message").and_then(Value::as_str).map(str::to_string);
            Err(HostError::from_rejection(callback, &error, message))
        }
        None => Err(HostError::Malformed { callback, detail: "the page's bridge answered without `ok`".into() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::CredentialValue;
    use crate::model::Secret;

    #[test]
    fn a_call_is_framed_with_its_id_name_and_arguments() {
        let call = HostCall::LoadMemberByGuid { guid: "MBR-1".into() };
        assert_eq!(
            request(7, &call, &json!({"mode": "aggregation"}), "es"),
            json!({"id": 7, "method": "loadMemberByGuid", "args": ["MBR-1", "es"]})
        );
        let call = HostCall::AddMember {
            institution: json!({"guid": "INS-1"}),
            institution_guid: "INS-1".into(),
            credentials: vec![CredentialValue { guid: "CRD-1".into(), value: Some(Secret::new("hunter2")) }],
            is_oauth: false,
        };
        assert_eq!(
            request(8, &call, &json!({}), "en"),
            json!({"id": 8, "method": "addMember", "args": [
                {"institution_guid": "INS-1", "credentials": [{"guid": "CRD-1", "value": "hunter2"}], "rawInstitutionData": {"guid": "INS-1"}},
                {}, true
            ]})
        );
    }

    #[test]
    fn answers_become_the_callbacks_result() {
        let ok = json!({"id": 3, "ok": true, "value": {"member": {"guid": "MBR-1"}}});
        assert_eq!(answer_id(&ok), Some(3));
        assert_eq!(read_answer("loadMemberByGuid", &ok), Ok(json!({"member": {"guid": "MBR-1"}})));
        assert_eq!(read_answer("runJob", &json!({"id": 4, "ok": true})), Ok(Value::Null), "undefined is null");
        assert_eq!(answer_id(&json!({"id": "3"})), None);
    }

    #[test]
    fn rejections_keep_mx_error_shape() {
        let rejected = json!({"id": 5, "ok": false, "error": {
            "response": {"status": 409, "data": {"guid": "MBR-EXISTING"}}, "message": "Request failed with status code 409"}});
        let error = read_answer("addMember", &rejected);
        assert_eq!(
            error,
            Err(HostError::Rejected {
                callback: "addMember",
                status: Some(409),
                data: json!({"guid": "MBR-EXISTING"}),
                message: Some("Request failed with status code 409".into()),
            })
        );
        assert_eq!(error.err().and_then(|e| e.data_guid()), Some("MBR-EXISTING".to_string()));
        let thrown = json!({"id": 6, "ok": false, "error": {"message": "back-end down", "name": "Error"}});
        assert_eq!(
            read_answer("loadInstitutions", &thrown),
            Err(HostError::Failed { callback: "loadInstitutions", message: "back-end down".into() })
        );
    }

    #[test]
    fn missing_and_unreadable_answers_are_told_apart() {
        assert_eq!(
            read_answer("deleteMember", &json!({"id": 1, "ok": false, "error": {"missing": true}})),
            Err(HostError::Missing { callback: "deleteMember" })
        );
        assert_eq!(
            read_answer("loadJob", &json!({"id": 1, "ok": false, "error": {"malformed": "cyclic object"}})),
            Err(HostError::Malformed { callback: "loadJob", detail: "cyclic object".into() })
        );
        assert!(matches!(read_answer("loadJob", &json!({"id": 1})), Err(HostError::Malformed { .. })));
    }

    #[test]
    fn ready_lists_the_host_callbacks_only() {
        let ready = json!({"type": "ready", "version": 1, "methods": ["runJob", "addMember", "constructor", 5]});
        assert_eq!(read_ready(&ready), Ok(vec!["addMember", "runJob"]));
        assert!(
            read_ready(&json!({"type": "ready", "version": 2, "methods": []})).is_err_and(|e| e.contains("version 2"))
        );
        assert!(read_ready(&json!({"type": "ready", "version": 1})).is_err());
        assert!(read_ready(&json!({"type": "hello"})).is_err());
    }

    #[test]
    fn window_messages_are_not_mx_messages() {
        assert_eq!(hello(), json!({"type": "connect-widget/bridge-hello", "version": 1}));
        assert_eq!(resize(612), json!({"type": "connect-widget/resize", "height": 612}));
        assert!(is_announce(&json!({"type": "connect-widget/bridge-announce", "version": 1})));
        assert!(!is_announce(&json!({"type": "mx/navigation"})));
    }

    /// The bridge script calls only host callbacks: its list is the widget's.
    #[test]
    fn the_bridge_script_knows_every_callback() {
        let script = include_str!("../../public/connect-widget-bridge.js");
        let start = script.find("HOST_CALLBACKS = [").map(|i| i + "HOST_CALLBACKS = [".len());
        let listed: Vec<String> = start
            .and_then(|s| script[s..].find(']').map(|e| &script[s..s + e]))
            .unwrap_or("")
            .split(',')
            .map(|n| n.trim().trim_matches('"').to_string())
            .filter(|n| !n.is_empty())
            .collect();
        let expected: Vec<String> = CALLBACK_NAMES.iter().map(|n| n.to_string()).collect();
        assert_eq!(listed, expected);
    }
}
