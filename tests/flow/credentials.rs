//! The login form: validation, addMember, the 409 path, updateMember, failures.

use crate::common::harness::*;
use connect_widget::flow::credentials::Msg;
use connect_widget::flow::{CredentialsState, Effect, Load, Step, SubmitError};
use connect_widget::host::{CredentialValue, HostCall, HostError};
use connect_widget::model::Secret;
use serde_json::json;

// Fields come in display order, whatever order the host lists them in.
#[test]
fn fields_are_shown_in_display_order() {
    let h = Harness::to_credentials();
    match h.flow.step() {
        Step::Credentials(CredentialsState { fields: Load::Ready(f), .. }) => {
            assert_eq!(f.iter().map(|f| f.label.as_str()).collect::<Vec<_>>(), ["Username", "Password"]);
        }
        other => panic!("{other:?}"),
    }
}

// Required fields are checked before anything is sent.
#[test]
fn credentials_are_validated_before_submit() {
    let mut h = Harness::to_credentials();
    h.effects.clear();
    h.send(Msg::Submit(vec![("CRD-U".into(), Secret::new("  ")), ("CRD-P".into(), Secret::new(SECRET))]));
    assert!(!h.has_call("addMember"));
    assert!(h.effects.contains(&Effect::FocusFirstInvalid));
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.invalid == vec!["CRD-U".to_string()]));
}

// A good submit tells the host, creates the member and polls it while it aggregates.
#[test]
fn submit_creates_member_and_polls() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    assert_eq!(
        h.events(),
        vec![("connect/enterCredentials", json!({"institution": {"code": "mx_bank", "guid": "INS-1"}}))]
    );
    match h.call("addMember").1 {
        HostCall::AddMember { credentials, institution_guid, is_oauth, .. } => {
            assert_eq!(institution_guid, "INS-1");
            assert!(!is_oauth);
            assert_eq!(credentials[1], CredentialValue { guid: "CRD-P".into(), value: Some(Secret::new(SECRET)) });
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.submitting));
    h.reply("addMember", Ok(member("CREATED", true)));
    assert_eq!(h.step(), "connecting");
    assert!(h.has_call("loadMemberByGuid"), "already aggregating: poll at once");
    assert!(!h.has_call("loadJob"), "nothing reads the job: it is not loaded");
    assert!(!h.has_call("runJob"));
}

// A second submit while the first is on its way sends nothing.
#[test]
fn no_double_submit() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.submit_good_credentials();
    assert!(!h.has_call("addMember"));
}

// 409 "member already exists" loads that member and updates it with the new credentials.
#[test]
fn existing_member_is_updated() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-1"}))));
    assert!(matches!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { ref guid } if guid == "MBR-1"));
    h.reply("loadMemberByGuid", Ok(member("DENIED", false)));
    match h.call("updateMember").1 {
        HostCall::UpdateMember { member, credentials } => {
            assert_eq!(member["guid"], "MBR-1");
            assert_eq!(credentials.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    h.reply("updateMember", Ok(member("UPDATED", true)));
    assert_eq!(h.step(), "connecting");
}

// updateMember's answer counts as known, like addMember's: polling it back is not a status change.
#[test]
fn update_member_status_is_known_before_polling() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-1"}))));
    h.reply("loadMemberByGuid", Ok(member("DENIED", false)));
    h.reply("updateMember", Ok(member("UPDATED", true)));
    h.poll_answer(member("UPDATED", true));
    assert!(!h.event_names().contains(&"connect/memberStatusUpdate"), "{:?}", h.events());
    h.fire_timer();
    h.poll_answer(member("CONNECTED", true));
    assert_eq!(
        h.events(),
        vec![("connect/memberStatusUpdate", json!({"member_guid": "MBR-1", "connection_status": 6}))]
    );
}

// 409 on a challenged member goes straight to its questions.
#[test]
fn existing_challenged_member_goes_to_mfa() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-1"}))));
    h.reply("loadMemberByGuid", Ok(challenged(0)));
    assert_eq!(h.step(), "mfa");
}

// Any other failure keeps the form, says what happened, and tells the host.
#[test]
fn add_member_failure_keeps_the_form() {
    for (result, expected) in [
        (Err(rejected(500, json!(null))), SubmitError::Generic),
        (Err(rejected(403, json!(null))), SubmitError::NotEnabled),
        (Err(rejected(409, json!(null))), SubmitError::CheckInput),
        (Err(HostError::TimedOut { callback: "addMember", after_ms: 5 }), SubmitError::Unreachable),
        (Err(HostError::Failed { callback: "addMember", message: "boom".into() }), SubmitError::Generic),
        (Ok(json!({"member": "not a member"})), SubmitError::Generic),
    ] {
        let mut h = Harness::to_credentials();
        h.submit_good_credentials();
        h.reply("addMember", result);
        assert_eq!(
            h.events(),
            vec![("connect/createMemberError", json!({"institution_guid": "INS-1", "institution_code": "mx_bank"}))]
        );
        assert!(
            matches!(h.flow.step(), Step::Credentials(c) if !c.submitting && c.submit_error == Some(expected.clone()))
        );
    }
}

// Credentials that fail to load, or load empty, can be retried.
#[test]
fn credential_fields_failure_is_retryable() {
    for answer in [Err(rejected(500, json!(null))), Ok(json!({"credentials": []}))] {
        let mut h = Harness::new();
        h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
        h.send(connect_widget::flow::search::Msg::Select("INS-1".into()));
        h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
        h.reply("getInstitutionCredentials", answer);
        assert!(matches!(h.flow.step(), Step::Credentials(CredentialsState { fields: Load::Failed, .. })));
        h.effects.clear();
        h.send(Msg::RetryFields);
        assert!(h.has_call("getInstitutionCredentials"));
    }
}

// Update credentials end to end: getMemberCredentials, updateMember, connecting.
#[test]
fn update_credentials_end_to_end() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("DENIED", false));
    assert_eq!(h.event_names()[..2], ["connect/memberStatusUpdate", "connect/memberError"]);
    h.reply("getMemberCredentials", Ok(fields()));
    h.submit_good_credentials();
    assert_eq!(
        h.events(),
        vec![(
            "connect/updateCredentials",
            json!({"member_guid": "MBR-1", "institution": {"code": "mx_bank", "guid": "INS-1"}})
        )]
    );
    h.reply("updateMember", Ok(member("UPDATED", true)));
    assert_eq!(h.step(), "connecting");
}

// A login that never answers (`hostTimeoutMs: 0`) does not strand the user: back and
// `navigateBack()` leave the form while it is being sent, and the late answer is ignored.
#[test]
fn back_while_the_login_is_being_sent() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    let (token, _) = h.call("addMember");
    assert!(h.flow.shows_back_control(), "the back control stays while sending");
    let (went, _) = h.flow.navigate_back();
    assert!(went);
    assert_eq!(h.step(), "search");
    h.answer(token, Ok(member("CONNECTED", false)));
    assert_eq!(h.step(), "search", "the answer for a form the user left is ignored");
    assert!(h.events().is_empty());
}

// Without the optional `getMemberCredentials`, a DENIED member's "Update your login" asks
// the institution's fields instead of showing no form, even with `current_member_guid` and
// search disabled (no other way out), and sends them with `updateMember`.
#[test]
fn update_credentials_without_get_member_credentials() {
    let env = connect_widget::flow::Environment {
        available_callbacks: env_all()
            .available_callbacks
            .into_iter()
            .filter(|c| *c != "getMemberCredentials")
            .collect(),
        ..env_all()
    };
    let mut h = Harness::with_env(json!({"current_member_guid": "MBR-1", "disable_institution_search": true}), env);
    h.reply("loadMemberByGuid", Ok(member("DENIED", false)));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "enterCreds");
    assert!(!h.has_call("getMemberCredentials"));
    assert!(
        matches!(h.call("getInstitutionCredentials").1, HostCall::GetInstitutionCredentials { ref institution_guid } if institution_guid == "INS-1")
    );
    h.reply("getInstitutionCredentials", Ok(fields()));
    h.submit_good_credentials();
    match h.call("updateMember").1 {
        HostCall::UpdateMember { member, credentials } => {
            assert_eq!(member["guid"], "MBR-1");
            assert_eq!(credentials.iter().map(|c| c.guid.as_str()).collect::<Vec<_>>(), vec!["CRD-U", "CRD-P"]);
        }
        other => panic!("{other:?}"),
    }
}

// ---- Login fields asked for at the tap ------------------------------------------------------

fn field_labels(h: &Harness) -> Option<Vec<String>> {
    match h.flow.step() {
        Step::Credentials(CredentialsState { fields: Load::Ready(f), .. }) => {
            Some(f.iter().map(|f| f.label.clone()).collect())
        }
        _ => None,
    }
}

fn fields_loading(h: &Harness) -> bool {
    matches!(h.flow.step(), Step::Credentials(CredentialsState { fields: Load::Loading, .. }))
}

fn calls_named(h: &Harness, name: &str) -> Vec<HostCall> {
    h.log
        .iter()
        .filter_map(|e| match e {
            Effect::Call { call, .. } if call.name() == name => Some(call.clone()),
            _ => None,
        })
        .collect()
}

/// Search with `listed` in the popular list, then a tap on its first institution.
fn tapped(listed: serde_json::Value) -> Harness {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(listed));
    h.send(connect_widget::flow::search::Msg::Select("INS-1".into()));
    h
}

// A tap asks for the institution's record and its login fields together; the form opens
// ready when the record comes, the fields having come first, with no second request.
#[test]
fn a_tap_asks_for_the_record_and_the_login_fields_together() {
    let mut h = tapped(json!([institution("INS-1", "MX Bank")]));
    assert!(h.has_call("loadInstitutionByGuid"));
    assert!(
        matches!(h.call("getInstitutionCredentials").1, HostCall::GetInstitutionCredentials { ref institution_guid } if institution_guid == "INS-1")
    );
    h.reply("getInstitutionCredentials", Ok(fields()));
    assert_eq!(h.step(), "search", "the fields alone open nothing");
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(field_labels(&h), Some(vec!["Username".into(), "Password".into()]));
    assert_eq!(calls_named(&h, "getInstitutionCredentials").len(), 1);
}

// The record first: the form waits for the fields already asked for, without asking again.
#[test]
fn fields_that_come_after_the_record_fill_the_open_form() {
    let mut h = tapped(json!([institution("INS-1", "MX Bank")]));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert!(fields_loading(&h));
    assert!(!h.has_call("getInstitutionCredentials"), "the tap's request is the one waited for");
    h.reply("getInstitutionCredentials", Ok(fields()));
    assert_eq!(field_labels(&h), Some(vec!["Username".into(), "Password".into()]));
    assert_eq!(calls_named(&h, "getInstitutionCredentials").len(), 1);
}

// Fields that failed at the tap are asked for again when the form opens.
#[test]
fn fields_that_failed_at_the_tap_are_asked_again() {
    let mut h = tapped(json!([institution("INS-1", "MX Bank")]));
    h.reply("getInstitutionCredentials", Err(rejected(500, json!({}))));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert!(fields_loading(&h));
    assert!(h.has_call("getInstitutionCredentials"), "asked again");
    h.reply("getInstitutionCredentials", Ok(fields()));
    assert!(field_labels(&h).is_some());
    assert_eq!(calls_named(&h, "getInstitutionCredentials").len(), 2);
}

// Listed as OAuth, or unavailable: no login form follows, so its fields are not asked for.
// Listed without OAuth but OAuth in its record: the OAuth step, the fields' answer unused.
#[test]
fn no_fields_are_asked_for_where_no_login_form_follows() {
    let mut oauth = institution("INS-1", "O Bank");
    oauth["supports_oauth"] = json!(true);
    let mut down = institution("INS-1", "Down Bank");
    down["status"] = json!(3);
    for listed in [oauth.clone(), down] {
        let h = tapped(json!([listed]));
        assert!(h.has_call("loadInstitutionByGuid"));
        assert!(!h.has_call("getInstitutionCredentials"), "{listed}");
    }

    let mut h = tapped(json!([institution("INS-1", "O Bank")]));
    let (prefetch, _) = h.call("getInstitutionCredentials");
    h.reply("loadInstitutionByGuid", Ok(oauth));
    assert_eq!(h.step(), "enterCreds");
    assert!(field_labels(&h).is_none());
    assert!(!h.flow.is_waiting_on(prefetch), "the fields' answer is ignored");
}

// A second tap drops the first institution's fields: the form shows the second one's.
#[test]
fn a_second_tap_drops_the_first_institutions_fields() {
    let mut h = tapped(json!([institution("INS-1", "MX Bank"), institution("INS-2", "B Bank")]));
    let (first, _) = h.call("getInstitutionCredentials");
    h.send(connect_widget::flow::search::Msg::Select("INS-2".into()));
    assert!(!h.flow.is_waiting_on(first));
    let (second, call) = h.call("getInstitutionCredentials");
    assert!(
        matches!(call, HostCall::GetInstitutionCredentials { ref institution_guid } if institution_guid == "INS-2")
    );
    h.answer(first, Ok(fields()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-2", "B Bank")));
    assert!(fields_loading(&h), "the first institution's fields are not the second's");
    h.answer(second, Ok(json!({"credentials": [{"guid": "CRD-B", "label": "Card number", "field_type": 3}]})));
    assert_eq!(field_labels(&h), Some(vec!["Card number".into()]));
}
