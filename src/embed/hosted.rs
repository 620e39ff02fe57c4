//! MX's hosted-widget messages, as MX's web SDK (`@mxenabled/web-widget-sdk`)
//! decodes them with `@mxenabled/widget-post-message-definitions`:
//! `{mx: true, type: "mx/connect/<event>", metadata: {user_guid, session_guid, ...}}`.
//!
//! The SDK drops a message whose field has the wrong type (and `null` is never
//! the right one), so each event is written here field by field with the
//! definitions' types: strings stay strings (an unknown one is `""`), numbers
//! stay numbers, optional fields are left out rather than `null`.

use crate::flow::{InstitutionRef, WidgetEvent};
use serde_json::{json, Map, Value};

/// The type of the first message, before any event: MX's SDK answers it with
/// `mx/sdk/info`.
pub const LOAD: &str = "mx/load";
/// Back requests from the parent and the widget's answers.
pub const NAVIGATION: &str = "mx/navigation";

/// The ids every `mx/connect/*` message carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// One per widget instance (a UUID), so the parent can tell loads apart.
    pub session_guid: String,
    /// The user the widget's members belong to; `""` until a member names it.
    user_guid: String,
}

impl Session {
    pub fn new(session_guid: String) -> Session {
        Session { session_guid, user_guid: String::new() }
    }

    /// Remember the user of a member the widget has seen (the first non-empty one wins:
    /// one widget serves one user).
    pub fn see_user(&mut self, user_guid: Option<&str>) {
        if let Some(user) = user_guid.filter(|u| !u.is_empty()) {
            if self.user_guid.is_empty() {
                self.user_guid = user.to_string();
            }
        }
    }

    pub fn user_guid(&self) -> &str {
        &self.user_guid
    }

    fn common(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("user_guid".into(), json!(self.user_guid));
        m.insert("session_guid".into(), json!(self.session_guid));
        m
    }
}

/// A UUID (version 4) from 16 random bytes.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// `{mx: true, type: "mx/load"}`: the definitions give it no fields.
pub fn load_message() -> Value {
    json!({ "mx": true, "type": LOAD })
}

/// The answer to a back request.
pub fn navigation_answer(did_go_back: bool, session: &Session) -> Value {
    let mut metadata = session.common();
    metadata.insert("did_go_back".into(), json!(did_go_back));
    json!({ "mx": true, "type": NAVIGATION, "metadata": metadata })
}

/// Whether `data` (an object, or the JSON string MX's SDK sends) is
/// `{mx: true, type: "mx/navigation", payload: {action: "back"}}`.
pub fn is_back_request(data: &Value) -> bool {
    let parsed;
    let data = match data {
        Value::String(text) => match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                parsed = value;
                &parsed
            }
            Err(_) => return false,
        },
        other => other,
    };
    data.get("mx") == Some(&Value::Bool(true))
        && data.get("type").and_then(Value::as_str) == Some(NAVIGATION)
        && data.pointer("/payload/action").and_then(Value::as_str) == Some("back")
}

fn text(value: &Option<String>) -> Value {
    json!(value.as_deref().unwrap_or(""))
}

fn institution(i: &InstitutionRef) -> Value {
    json!({ "code": text(&i.code), "guid": text(&i.guid) })
}

/// The hosted message for `event`, or `None` when it cannot be written in a
/// form the definitions accept (a status update without a status).
pub fn event_message(event: &WidgetEvent, session: &Session) -> Option<Value> {
    let mut metadata = session.common();
    let mut put = |key: &str, value: Value| {
        metadata.insert(key.to_string(), value);
    };
    match event {
        WidgetEvent::Loaded { initial_step } => put("initial_step", json!(initial_step)),
        WidgetEvent::StepChange { previous, current } => {
            put("previous", json!(previous));
            put("current", json!(current));
        }
        WidgetEvent::InstitutionSearch { query } => put("query", json!(query)),
        WidgetEvent::SelectedInstitution { code, guid, name, url } => {
            put("code", text(code));
            put("guid", json!(guid));
            put("name", json!(name));
            put("url", text(url));
        }
        WidgetEvent::EnterCredentials { institution: i } => put("institution", institution(i)),
        WidgetEvent::UpdateCredentials { member_guid, institution: i } => {
            put("member_guid", json!(member_guid));
            put("institution", institution(i));
        }
        WidgetEvent::CreateMemberError { institution: i } => {
            put("institution_guid", text(&i.guid));
            put("institution_code", text(&i.code));
        }
        WidgetEvent::MemberStatusUpdate { member_guid, connection_status } => {
            put("member_guid", json!(member_guid));
            put("connection_status", json!((*connection_status)?));
        }
        WidgetEvent::OAuthRequested { url, member_guid } => {
            put("url", json!(url));
            put("member_guid", json!(member_guid));
        }
        // `error_reason` is not in the definitions (the SDK drops it); MX's widget sends it.
        WidgetEvent::OAuthError { member_guid, error_reason } => {
            put("member_guid", json!(member_guid));
            put("error_reason", json!(error_reason));
        }
        WidgetEvent::SubmitMfa { member_guid } | WidgetEvent::MemberDeleted { member_guid } => {
            put("member_guid", json!(member_guid))
        }
        // The consent receipt is ours (the definitions have no field for it; the SDK drops it).
        WidgetEvent::MemberConnected { member_guid, consent, .. } => {
            put("member_guid", json!(member_guid));
            if let Some(receipt) = consent {
                put("consent", receipt.to_json());
            }
        }
        WidgetEvent::BackToSearch { context: Some(context) } => put("context", json!(context)),
        WidgetEvent::ConnectedPrimaryAction
        | WidgetEvent::BackToSearch { context: None }
        | WidgetEvent::BackButtonClicked => {}
        // Not in the definitions (the SDK hands it to `onMessage`, and to
        // `onInvalidMessageError` as an unknown type), sent as MX's hosted
        // widget sends it; the status is left out when unknown.
        WidgetEvent::MemberError { member_guid, connection_status } => {
            let mut member = Map::new();
            member.insert("guid".into(), json!(member_guid));
            if let Some(status) = connection_status {
                member.insert("connection_status".into(), json!(status));
            }
            put("member", Value::Object(member));
        }
        WidgetEvent::InvalidData { member_guid, code } => {
            put("member_guid", json!(member_guid));
            put("code", json!(code));
        }
        // The microdeposit events are not in the definitions either (the SDK
        // hands them to `onMessage`); sent with MX's hosted widget's fields.
        WidgetEvent::MicrodepositsLoaded { initial_step } => put("initial_step", json!(initial_step)),
        WidgetEvent::MicrodepositsBlockedRoutingNumber { routing_number, reason } => {
            put("routing_number", json!(routing_number));
            put("reason", json!(reason));
        }
        WidgetEvent::MicrodepositsDetailsSubmitted { microdeposit_guid }
        | WidgetEvent::MicrodepositsComeBackPrimaryAction { microdeposit_guid }
        | WidgetEvent::MicrodepositsVerified { microdeposit_guid }
        | WidgetEvent::MicrodepositsVerifiedPrimaryAction { microdeposit_guid } => {
            put("microdeposit_guid", json!(microdeposit_guid));
        }
        WidgetEvent::MicrodepositsErrorPrimaryAction { status, guid } => {
            put("status", json!(status));
            put("guid", json!(guid));
        }
    }
    // The member's own user wins over the session's for the event that names it.
    if let WidgetEvent::MemberConnected { user_guid: Some(user), .. } = event {
        if !user.is_empty() {
            metadata.insert("user_guid".into(), json!(user));
        }
    }
    Some(json!({ "mx": true, "type": format!("mx/{}", event.name()), "metadata": metadata }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let mut s = Session::new("SES-1".into());
        s.see_user(Some("USR-1"));
        s
    }

    fn message(event: WidgetEvent) -> Value {
        event_message(&event, &session()).unwrap_or(Value::Null)
    }

    #[test]
    fn every_event_has_the_definitions_types() {
        let mx = InstitutionRef { guid: Some("INS-1".into()), code: Some("mxbank".into()) };
        let cases = [
            (WidgetEvent::Loaded { initial_step: "search" }, "mx/connect/loaded", json!({"initial_step": "search"})),
            (
                WidgetEvent::StepChange { previous: "search", current: "enterCreds" },
                "mx/connect/stepChange",
                json!({"previous": "search", "current": "enterCreds"}),
            ),
            (
                WidgetEvent::InstitutionSearch { query: "mx".into() },
                "mx/connect/institutionSearch",
                json!({"query": "mx"}),
            ),
            (
                WidgetEvent::SelectedInstitution {
                    code: Some("mxbank".into()),
                    guid: "INS-1".into(),
                    name: "MX Bank".into(),
                    url: Some("https://mx.example".into()),
                },
                "mx/connect/selectedInstitution",
                json!({"code": "mxbank", "guid": "INS-1", "name": "MX Bank", "url": "https://mx.example"}),
            ),
            (
                WidgetEvent::EnterCredentials { institution: mx.clone() },
                "mx/connect/enterCredentials",
                json!({"institution": {"code": "mxbank", "guid": "INS-1"}}),
            ),
            (
                WidgetEvent::UpdateCredentials { member_guid: "MBR-1".into(), institution: mx.clone() },
                "mx/connect/updateCredentials",
                json!({"member_guid": "MBR-1", "institution": {"code": "mxbank", "guid": "INS-1"}}),
            ),
            (
                WidgetEvent::CreateMemberError { institution: mx },
                "mx/connect/createMemberError",
                json!({"institution_guid": "INS-1", "institution_code": "mxbank"}),
            ),
            (
                WidgetEvent::MemberStatusUpdate { member_guid: "MBR-1".into(), connection_status: Some(6) },
                "mx/connect/memberStatusUpdate",
                json!({"member_guid": "MBR-1", "connection_status": 6}),
            ),
            (
                WidgetEvent::SubmitMfa { member_guid: "MBR-1".into() },
                "mx/connect/submitMFA",
                json!({"member_guid": "MBR-1"}),
            ),
            (
                WidgetEvent::OAuthRequested { url: "https://bank.example/oauth".into(), member_guid: "MBR-1".into() },
                "mx/connect/oauthRequested",
                json!({"url": "https://bank.example/oauth", "member_guid": "MBR-1"}),
            ),
            (
                WidgetEvent::OAuthError { member_guid: "MBR-1".into(), error_reason: "CANCELLED" },
                "mx/connect/oauthError",
                json!({"member_guid": "MBR-1", "error_reason": "CANCELLED"}),
            ),
            (
                WidgetEvent::MemberConnected { member_guid: "MBR-1".into(), user_guid: None, consent: None },
                "mx/connect/memberConnected",
                json!({"member_guid": "MBR-1"}),
            ),
            (WidgetEvent::ConnectedPrimaryAction, "mx/connect/connected/primaryAction", json!({})),
            (
                WidgetEvent::MemberError { member_guid: "MBR-1".into(), connection_status: Some(5) },
                "mx/connect/memberError",
                json!({"member": {"guid": "MBR-1", "connection_status": 5}}),
            ),
            (
                WidgetEvent::InvalidData { member_guid: "MBR-1".into(), code: 1000 },
                "mx/connect/invalidData",
                json!({"member_guid": "MBR-1", "code": 1000}),
            ),
            (
                WidgetEvent::MemberDeleted { member_guid: "MBR-1".into() },
                "mx/connect/memberDeleted",
                json!({"member_guid": "MBR-1"}),
            ),
            (WidgetEvent::BackToSearch { context: None }, "mx/connect/backToSearch", json!({})),
            (
                WidgetEvent::BackToSearch { context: Some("manualAccountAdded") },
                "mx/connect/backToSearch",
                json!({"context": "manualAccountAdded"}),
            ),
            (WidgetEvent::BackButtonClicked, "mx/connect/backButtonClicked", json!({})),
            (
                WidgetEvent::MicrodepositsLoaded { initial_step: "routingNumber" },
                "mx/connect/microdeposits/loaded",
                json!({"initial_step": "routingNumber"}),
            ),
            (
                WidgetEvent::MicrodepositsBlockedRoutingNumber {
                    routing_number: "999999992".into(),
                    reason: "BLOCKED".into(),
                },
                "mx/connect/microdeposits/blockedRoutingNumber",
                json!({"routing_number": "999999992", "reason": "BLOCKED"}),
            ),
            (
                WidgetEvent::MicrodepositsDetailsSubmitted { microdeposit_guid: "MIC-1".into() },
                "mx/connect/microdeposits/detailsSubmitted",
                json!({"microdeposit_guid": "MIC-1"}),
            ),
            (
                WidgetEvent::MicrodepositsComeBackPrimaryAction { microdeposit_guid: "MIC-1".into() },
                "mx/connect/microdeposits/comeBack/primaryAction",
                json!({"microdeposit_guid": "MIC-1"}),
            ),
            (
                WidgetEvent::MicrodepositsVerified { microdeposit_guid: "MIC-1".into() },
                "mx/connect/microdeposits/verified",
                json!({"microdeposit_guid": "MIC-1"}),
            ),
            (
                WidgetEvent::MicrodepositsVerifiedPrimaryAction { microdeposit_guid: "MIC-1".into() },
                "mx/connect/microdeposits/verified/primaryAction",
                json!({"microdeposit_guid": "MIC-1"}),
            ),
            (
                WidgetEvent::MicrodepositsErrorPrimaryAction { status: "EXPIRED", guid: "MIC-1".into() },
                "mx/connect/microdeposits/error/primaryAction",
                json!({"status": "EXPIRED", "guid": "MIC-1"}),
            ),
        ];
        for (event, kind, fields) in cases {
            let mut metadata = json!({"user_guid": "USR-1", "session_guid": "SES-1"});
            if let (Some(m), Some(f)) = (metadata.as_object_mut(), fields.as_object()) {
                m.extend(f.clone());
            }
            assert_eq!(message(event), json!({"mx": true, "type": kind, "metadata": metadata}), "{kind}");
        }
    }

    #[test]
    fn unknown_strings_are_empty_never_null() {
        let m = message(WidgetEvent::SelectedInstitution {
            code: None,
            guid: "INS-9".into(),
            name: "Nine".into(),
            url: None,
        });
        assert_eq!(m["metadata"]["code"], json!(""));
        assert_eq!(m["metadata"]["url"], json!(""));
        let m = message(WidgetEvent::EnterCredentials { institution: InstitutionRef::default() });
        assert_eq!(m["metadata"]["institution"], json!({"code": "", "guid": ""}));
        let m = message(WidgetEvent::MemberError { member_guid: "MBR-1".into(), connection_status: None });
        assert_eq!(m["metadata"]["member"], json!({"guid": "MBR-1"}));
        let m = event_message(&WidgetEvent::BackToSearch { context: None }, &Session::new("SES-2".into()))
            .unwrap_or(Value::Null);
        assert_eq!(m["metadata"], json!({"user_guid": "", "session_guid": "SES-2"}));
    }

    // The consent receipt reaches the parent page too.
    #[test]
    fn member_connected_carries_the_consent_receipt() {
        let receipt = crate::flow::ConsentReceipt {
            clusters: vec!["account_information"],
            products: vec!["transactions".into()],
            granted_at: "2024-03-15T10:20:30.456Z".into(),
            expires_at: "2025-03-15T10:20:30.456Z".into(),
            locale: "en",
        };
        let event =
            WidgetEvent::MemberConnected { member_guid: "MBR-1".into(), user_guid: None, consent: Some(receipt) };
        assert_eq!(
            message(event)["metadata"]["consent"],
            json!({"clusters": ["account_information"], "products": ["transactions"],
                   "granted_at": "2024-03-15T10:20:30.456Z", "expires_at": "2025-03-15T10:20:30.456Z", "locale": "en"})
        );
    }

    #[test]
    fn a_status_update_without_a_status_is_not_sent() {
        let event = WidgetEvent::MemberStatusUpdate { member_guid: "MBR-1".into(), connection_status: None };
        assert_eq!(event_message(&event, &session()), None);
    }

    #[test]
    fn the_connected_members_user_names_the_user() {
        let event = WidgetEvent::MemberConnected {
            member_guid: "MBR-1".into(),
            user_guid: Some("USR-9".into()),
            consent: None,
        };
        assert_eq!(message(event)["metadata"]["user_guid"], json!("USR-9"));
        let mut s = Session::new("SES-3".into());
        s.see_user(None);
        s.see_user(Some(""));
        assert_eq!(s.user_guid(), "");
        s.see_user(Some("USR-2"));
        s.see_user(Some("USR-3"));
        assert_eq!(s.user_guid(), "USR-2");
    }

    #[test]
    fn load_and_navigation_messages() {
        assert_eq!(load_message(), json!({"mx": true, "type": "mx/load"}));
        assert_eq!(
            navigation_answer(true, &session()),
            json!({"mx": true, "type": "mx/navigation", "metadata": {"user_guid": "USR-1", "session_guid": "SES-1", "did_go_back": true}})
        );
    }

    #[test]
    fn back_requests_are_read_from_objects_and_json_strings() {
        let back = json!({"mx": true, "type": "mx/navigation", "payload": {"action": "back"}});
        assert!(is_back_request(&back));
        assert!(is_back_request(&json!(r#"{"mx":true,"type":"mx/navigation","payload":{"action":"back"}}"#)));
        for other in [
            json!({"mx": true, "type": "mx/navigation", "payload": {"action": "forward"}}),
            json!({"type": "mx/navigation", "payload": {"action": "back"}}),
            json!({"mx": true, "type": "mx/navigation", "metadata": {"action": "back"}}),
            json!(r#"{"type":"mx/sdk/info","metadata":{"sdk":"web","version":"0.0.15"}}"#),
            json!("not json"),
            json!(null),
        ] {
            assert!(!is_back_request(&other), "{other}");
        }
    }

    #[test]
    fn session_ids_are_version_4_uuids() {
        assert_eq!(uuid_v4([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }
}
