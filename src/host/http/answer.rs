//! An HTTP answer as what a host object's Promise would have given: the
//! JSON on success, or the same `HostError` a rejection becomes.

use crate::host::HostError;
use serde_json::{json, Value};

/// Read the answer of `callback`'s request: HTTP `status` and the body text.
///
/// - 2xx: the JSON body (`null` when empty, e.g. 204); a body that is not
///   JSON is `Malformed`.
/// - anything else: `Rejected` with that status and the JSON body as `data`,
///   exactly as a host rejecting with `{response: {status, data}}` (so a 409's
///   `data.guid` and `data.message` are read the same way). A body that is not
///   JSON (a proxy's HTML error page) is dropped: `data` is `null`.
pub fn read_answer(callback: &'static str, status: u16, body: &str) -> Result<Value, HostError> {
    let text = body.trim();
    let parsed = if text.is_empty() { Ok(Value::Null) } else { serde_json::from_str::<Value>(text) };
    if (200..300).contains(&status) {
        return parsed.map_err(|_| HostError::Malformed {
            callback,
            detail: format!("the back-end answered HTTP {status} with a body that is not JSON"),
        });
    }
    let data = parsed.unwrap_or(Value::Null);
    Err(HostError::from_rejection(callback, &json!({ "response": { "status": status, "data": data } }), None))
}

/// No HTTP answer at all: the server is down, the name does not resolve, or
/// the browser blocked the answer (CORS). Browsers do not say which.
pub fn network_error(callback: &'static str) -> HostError {
    HostError::Failed {
        callback,
        message: "no answer from the back-end (it is unreachable, or CORS does not allow this page)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_success_is_the_json_body() {
        assert_eq!(
            read_answer("loadMemberByGuid", 200, r#"{"member": {"guid": "MBR-1"}}"#),
            Ok(json!({"member": {"guid": "MBR-1"}}))
        );
        assert_eq!(read_answer("runJob", 201, r#"[1, 2]"#), Ok(json!([1, 2])));
        assert_eq!(read_answer("deleteMember", 204, ""), Ok(Value::Null));
        assert_eq!(read_answer("oAuthStart", 200, "  \n"), Ok(Value::Null));
    }

    #[test]
    fn a_success_that_is_not_json_is_malformed() {
        let error = read_answer("loadInstitutions", 200, "<html>hello</html>").expect_err("not JSON");
        assert_eq!(
            error,
            HostError::Malformed {
                callback: "loadInstitutions",
                detail: "the back-end answered HTTP 200 with a body that is not JSON".into()
            }
        );
    }

    #[test]
    fn a_409_keeps_status_and_the_existing_members_guid() {
        let error = read_answer("addMember", 409, r#"{"guid": "MBR-9", "message": "exists"}"#).expect_err("409");
        assert_eq!(error.status(), Some(409));
        assert_eq!(error.data_guid().as_deref(), Some("MBR-9"));
        assert_eq!(
            error,
            HostError::Rejected {
                callback: "addMember",
                status: Some(409),
                data: json!({"guid": "MBR-9", "message": "exists"}),
                message: Some("exists".into()),
            }
        );
    }

    #[test]
    fn http_errors_are_the_same_errors_as_host_rejections() {
        for (status, body) in [(404, r#"{"message": "Member not found."}"#), (500, "{}"), (403, r#"{"code": 7}"#)] {
            let data: Value = serde_json::from_str(body).expect("test JSON");
            let over_http = read_answer("loadMemberByGuid", status, body).expect_err("an error");
            let from_host = HostError::from_rejection(
                "loadMemberByGuid",
                &json!({"response": {"status": status, "data": data}}),
                None,
            );
            assert_eq!(over_http, from_host, "HTTP {status}");
        }
        assert!(read_answer("loadMemberByGuid", 404, "{}").expect_err("404").is_not_found());
    }

    #[test]
    fn an_error_page_that_is_not_json_keeps_only_the_status() {
        let error = read_answer("addMember", 502, "<html>Bad gateway</html>").expect_err("502");
        assert_eq!(
            error,
            HostError::Rejected { callback: "addMember", status: Some(502), data: Value::Null, message: None }
        );
        // 1xx and 3xx that reach the widget (fetch follows redirects) are not answers either.
        assert_eq!(read_answer("loadJob", 304, "").expect_err("304").status(), Some(304));
    }

    #[test]
    fn no_answer_is_a_failure_naming_the_likely_causes() {
        let error = network_error("loadInstitutions");
        assert_eq!(error.callback(), "loadInstitutions");
        assert!(error.to_string().contains("CORS"), "{error}");
        assert_eq!(error.status(), None);
    }
}
