//! What the host is told: payload shapes, the published event list, and no secrets.

use crate::common::harness::*;
use connect_widget::flow::mfa::Msg;
use connect_widget::flow::{ConsentReceipt, Effect, InstitutionRef, WidgetEvent};
use connect_widget::model::Secret;
use serde_json::json;

// Each event's name and data exactly as MX's React widget sends them.
#[test]
fn payloads_have_the_reference_shapes() {
    let inst = InstitutionRef { guid: Some("INS-1".into()), code: Some("mxbank".into()) };
    let cases = [
        (WidgetEvent::Loaded { initial_step: "search" }, "connect/loaded", json!({"initial_step": "search"})),
        (
            WidgetEvent::StepChange { previous: "search", current: "enterCreds" },
            "connect/stepChange",
            json!({"previous": "search", "current": "enterCreds"}),
        ),
        (WidgetEvent::InstitutionSearch { query: "mx".into() }, "connect/institutionSearch", json!({"query": "mx"})),
        (
            WidgetEvent::SelectedInstitution { code: None, guid: "INS-1".into(), name: "MX".into(), url: None },
            "connect/selectedInstitution",
            json!({"code": null, "guid": "INS-1", "name": "MX", "url": null}),
        ),
        (
            WidgetEvent::EnterCredentials { institution: inst.clone() },
            "connect/enterCredentials",
            json!({"institution": {"code": "mxbank", "guid": "INS-1"}}),
        ),
        (
            WidgetEvent::UpdateCredentials { member_guid: "MBR-1".into(), institution: inst.clone() },
            "connect/updateCredentials",
            json!({"member_guid": "MBR-1", "institution": {"code": "mxbank", "guid": "INS-1"}}),
        ),
        (
            WidgetEvent::CreateMemberError { institution: inst },
            "connect/createMemberError",
            json!({"institution_guid": "INS-1", "institution_code": "mxbank"}),
        ),
        (
            WidgetEvent::MemberStatusUpdate { member_guid: "MBR-1".into(), connection_status: Some(6) },
            "connect/memberStatusUpdate",
            json!({"member_guid": "MBR-1", "connection_status": 6}),
        ),
        (WidgetEvent::SubmitMfa { member_guid: "MBR-1".into() }, "connect/submitMFA", json!({"member_guid": "MBR-1"})),
        (
            WidgetEvent::OAuthRequested { url: "https://bank.example/o".into(), member_guid: "MBR-1".into() },
            "connect/oauthRequested",
            json!({"url": "https://bank.example/o", "member_guid": "MBR-1"}),
        ),
        (
            WidgetEvent::OAuthError { member_guid: "MBR-1".into(), error_reason: "CANCELLED" },
            "connect/oauthError",
            json!({"member_guid": "MBR-1", "error_reason": "CANCELLED"}),
        ),
        (
            WidgetEvent::MemberConnected {
                member_guid: "MBR-1".into(),
                user_guid: Some("USR-1".into()),
                consent: None,
            },
            "connect/memberConnected",
            json!({"member_guid": "MBR-1", "user_guid": "USR-1"}),
        ),
        (WidgetEvent::ConnectedPrimaryAction, "connect/connected/primaryAction", json!({})),
        (
            WidgetEvent::MemberError { member_guid: "MBR-1".into(), connection_status: Some(5) },
            "connect/memberError",
            json!({"member": {"guid": "MBR-1", "connection_status": 5}}),
        ),
        (
            WidgetEvent::InvalidData { member_guid: "MBR-1".into(), code: 1001 },
            "connect/invalidData",
            json!({"member_guid": "MBR-1", "code": 1001}),
        ),
        (
            WidgetEvent::MemberDeleted { member_guid: "MBR-1".into() },
            "connect/memberDeleted",
            json!({"member_guid": "MBR-1"}),
        ),
        (WidgetEvent::BackToSearch { context: None }, "connect/backToSearch", json!({})),
        (WidgetEvent::BackButtonClicked, "connect/backButtonClicked", json!({})),
        (
            WidgetEvent::MicrodepositsLoaded { initial_step: "routingNumber" },
            "connect/microdeposits/loaded",
            json!({"initial_step": "routingNumber"}),
        ),
        (
            WidgetEvent::MicrodepositsBlockedRoutingNumber {
                routing_number: "011411633".into(),
                reason: "IAV_PREFERRED".into(),
            },
            "connect/microdeposits/blockedRoutingNumber",
            json!({"routing_number": "011411633", "reason": "IAV_PREFERRED"}),
        ),
        (
            WidgetEvent::MicrodepositsDetailsSubmitted { microdeposit_guid: "MIC-1".into() },
            "connect/microdeposits/detailsSubmitted",
            json!({"microdeposit_guid": "MIC-1"}),
        ),
        (
            WidgetEvent::MicrodepositsComeBackPrimaryAction { microdeposit_guid: "MIC-1".into() },
            "connect/microdeposits/comeBack/primaryAction",
            json!({"microdeposit_guid": "MIC-1"}),
        ),
        (
            WidgetEvent::MicrodepositsVerified { microdeposit_guid: "MIC-1".into() },
            "connect/microdeposits/verified",
            json!({"microdeposit_guid": "MIC-1"}),
        ),
        (
            WidgetEvent::MicrodepositsVerifiedPrimaryAction { microdeposit_guid: "MIC-1".into() },
            "connect/microdeposits/verified/primaryAction",
            json!({"microdeposit_guid": "MIC-1"}),
        ),
        (
            WidgetEvent::MicrodepositsErrorPrimaryAction { status: "PREVENTED", guid: "MIC-1".into() },
            "connect/microdeposits/error/primaryAction",
            json!({"status": "PREVENTED", "guid": "MIC-1"}),
        ),
    ];
    assert_eq!(cases.len(), WidgetEvent::NAMES.len(), "one case per event");
    let receipt = ConsentReceipt {
        clusters: vec!["account_information", "transactions"],
        products: vec!["transactions".into()],
        granted_at: "2024-03-15T10:20:30.456Z".into(),
        expires_at: "2025-03-15T10:20:30.456Z".into(),
        locale: "fr-ca",
    };
    let more = [
        (
            WidgetEvent::MemberConnected { member_guid: "MBR-1".into(), user_guid: None, consent: Some(receipt) },
            json!({"member_guid": "MBR-1", "user_guid": null, "consent": {
                "clusters": ["account_information", "transactions"], "products": ["transactions"],
                "granted_at": "2024-03-15T10:20:30.456Z", "expires_at": "2025-03-15T10:20:30.456Z", "locale": "fr-ca"}}),
        ),
        (WidgetEvent::BackToSearch { context: Some("manualAccountAdded") }, json!({"context": "manualAccountAdded"})),
    ];
    for (event, payload) in more {
        assert_eq!(event.payload(), payload, "{}", event.name());
    }
    for (event, name, payload) in cases {
        assert_eq!(event.name(), name);
        assert_eq!(event.payload(), payload, "{name}");
    }
}

/// The README's events table and the `.d.ts` list exactly the events the widget has.
#[test]
fn readme_and_typings_list_every_event() {
    let readme = include_str!("../../README.md");
    let typings = include_str!("../../public/connect-widget.d.ts");
    let table: Vec<&str> =
        readme.lines().filter_map(|l| l.strip_prefix("| `connect/")).filter_map(|l| l.split('`').next()).collect();
    let mut documented: Vec<String> = table.iter().map(|n| format!("connect/{n}")).collect();
    documented.sort();
    let mut names: Vec<String> = WidgetEvent::NAMES.iter().map(|n| n.to_string()).collect();
    names.sort();
    assert_eq!(documented, names, "README events table");
    for name in WidgetEvent::NAMES {
        assert!(typings.contains(&format!("\"{name}\"")), "connect-widget.d.ts lacks {name}");
    }
}

// Credentials and MFA answers never reach an event, analytic or pageview, nor the state's Debug.
#[test]
fn secrets_never_leave_in_events() {
    const ANSWER: &str = "mfa-answer-xyz";
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new(ANSWER))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    h.poll_answer(member("CONNECTED", false));
    let mut outputs = 0;
    for e in &h.log {
        let text = match e {
            Effect::Emit(event) => event.payload().to_string(),
            Effect::Analytic { data, .. } => data.to_string(),
            Effect::Pageview { path, data } => format!("{path} {data}"),
            Effect::Warn(line) => line.clone(),
            _ => continue,
        };
        outputs += 1;
        assert!(!text.contains(SECRET) && !text.contains(ANSWER), "{e:?}");
    }
    assert!(outputs > 10, "the flow produced events to check ({outputs})");
    assert!(
        h.log.iter().any(|e| matches!(e, Effect::Emit(WidgetEvent::SubmitMfa { .. }))),
        "the MFA submit is in the log"
    );
    let calls: String = h
        .log
        .iter()
        .filter_map(|e| match e {
            Effect::Call { call, .. } => Some(format!("{call:?}")),
            _ => None,
        })
        .collect();
    assert!(calls.contains("updateMFA") || calls.contains("UpdateMfa"), "the answer was sent");
    assert!(!calls.contains(ANSWER) && !calls.contains(SECRET), "Debug of calls hides secrets");
    assert!(!format!("{:?}", h.flow).contains(SECRET), "state Debug hides secrets");
}

// A status the widget does not know goes out as the host's number; one that is not a
// number is never sent as `null` (MX's definitions allow only a number): no
// `memberStatusUpdate`, and `memberError` without the key.
#[test]
fn unknown_statuses_are_never_null() {
    use crate::common::harness::*;
    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut odd = member("CREATED", false);
    odd["connection_status"] = json!(22);
    h.poll_answer(odd);
    let events = h.events();
    assert!(
        events.contains(&("connect/memberStatusUpdate", json!({"member_guid": "MBR-1", "connection_status": 22}))),
        "{events:?}"
    );
    assert!(
        events.contains(&("connect/memberError", json!({"member": {"guid": "MBR-1", "connection_status": 22}}))),
        "{events:?}"
    );

    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut odd = member("CREATED", false);
    odd["connection_status"] = json!("HALTED");
    h.poll_answer(odd);
    let events = h.events();
    assert!(!h.event_names().contains(&"connect/memberStatusUpdate"), "{events:?}");
    assert!(events.contains(&("connect/memberError", json!({"member": {"guid": "MBR-1"}}))), "{events:?}");
    assert!(events.iter().all(|(_, payload)| !payload.to_string().contains("null")), "{events:?}");
}
