//! Verification mode: existing connections first, picking one runs a
//! verification job; and the aggregation path's facts for the event stream
//! (MFA initiated, failed, succeeded; a verified connection activated or removed).

use crate::common::harness::*;
use crate::microdeposits::facts;
use connect_widget::flow::fact::{Fact, MfaFactor, VerificationMethod};
use connect_widget::flow::verification::{can_verify, Msg};
use connect_widget::flow::{mfa, Effect, ExistingState, Msg as FlowMsg, Step};
use connect_widget::host::HostCall;
use connect_widget::model::{Member, Secret};
use serde_json::{json, Value};

/// An existing member at `institution`.
fn existing(guid: &str, institution: &str, verification: bool, status: &str) -> Value {
    json!({"guid": guid, "institution_guid": institution, "name": institution, "connection_status": status,
           "is_being_aggregated": false, "verification_is_enabled": verification, "is_managed_by_user": true})
}

/// Answer the pending `loadInstitutionByGuid` of `guid` (several may be pending at once).
fn institution_answer(h: &mut Harness, guid: &str, result: Result<Value, connect_widget::host::HostError>) {
    let token = h
        .log
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::Call { token, call: HostCall::LoadInstitutionByGuid { guid: g } } if g == guid => Some(*token),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no loadInstitutionByGuid {guid}"));
    h.send(FlowMsg::HostAnswered { token, result });
}

fn listed(h: &Harness) -> ExistingState {
    match h.flow.step() {
        Step::VerifyExisting(e) => e.clone(),
        other => panic!("not on existing connections: {other:?}"),
    }
}

/// Verification mode with MBR-A (INS-A) and MBR-B (INS-B) able to verify, and three that cannot.
fn with_members() -> Harness {
    let mut h = Harness::with_config(json!({"mode": "verification"}));
    assert!(matches!(h.call("loadMembers").1, HostCall::LoadMembers));
    let mut not_mine = existing("MBR-N", "INS-A", true, "CONNECTED");
    not_mine["is_managed_by_user"] = json!(false);
    h.reply(
        "loadMembers",
        Ok(json!({"members": [
            existing("MBR-A", "INS-A", true, "CONNECTED"),
            existing("MBR-X", "INS-X", false, "CONNECTED"),
            existing("MBR-P", "INS-A", true, "PENDING"),
            not_mine,
            existing("MBR-B", "INS-B", true, "CONNECTED"),
        ]})),
    );
    h
}

// Members that can verify: `verification_is_enabled`, managed by the user, not waiting for OAuth.
#[test]
fn only_members_that_can_verify_are_offered() -> Result<(), String> {
    let read = |v: Value| Member::from_json(&v).map_err(|e| e.0);
    assert!(can_verify(&read(existing("M-1", "I", true, "CONNECTED"))?));
    assert!(!can_verify(&read(existing("M-1", "I", false, "CONNECTED"))?));
    assert!(!can_verify(&read(existing("M-1", "I", true, "PENDING"))?));
    let h = with_members();
    assert_eq!(h.step(), "verifyExistingMember");
    let guids: Vec<String> = listed(&h).members.iter().map(|m| m.member.guid.clone()).collect();
    assert_eq!(guids, vec!["MBR-A", "MBR-B"]);
    assert!(listed(&h).loading(), "institutions are loading");
    assert_eq!(h.events()[0], ("connect/loaded", json!({"initial_step": "verifyExistingMember"})));
    Ok(())
}

// Their institutions are loaded; one that cannot verify takes its member off the list.
#[test]
fn institutions_that_cannot_verify_drop_their_member() {
    let mut h = with_members();
    let calls: Vec<HostCall> = h
        .effects
        .iter()
        .filter_map(|e| match e {
            Effect::Call { call: c @ HostCall::LoadInstitutionByGuid { .. }, .. } => Some(c.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        calls,
        vec![
            HostCall::LoadInstitutionByGuid { guid: "INS-A".into() },
            HostCall::LoadInstitutionByGuid { guid: "INS-B".into() }
        ]
    );
    let (token_a, _) = h
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::Call { token, call: HostCall::LoadInstitutionByGuid { guid } } if guid == "INS-A" => {
                Some((*token, ()))
            }
            _ => None,
        })
        .unwrap_or_default();
    let mut a = institution("INS-A", "Alpha Bank");
    a["account_verification_is_enabled"] = json!(false);
    h.send(FlowMsg::HostAnswered { token: token_a, result: Ok(a) });
    h.reply("loadInstitutionByGuid", Ok(institution("INS-B", "Beta Bank")));
    let state = listed(&h);
    assert!(!state.loading());
    assert_eq!(state.members.len(), 1);
    assert_eq!(state.members[0].institution.as_ref().map(|i| i.name.as_str()), Some("Beta Bank"));
}

// Picking one runs a verification job (type 1) and follows it; back returns to the list.
#[test]
fn picking_an_existing_member_verifies_it() {
    let mut h = with_members();
    institution_answer(&mut h, "INS-B", Ok(institution("INS-B", "Beta Bank")));
    h.send(Msg::Choose("MBR-A".into()));
    assert_eq!(h.step(), "verifyExistingMember", "not while institutions load");
    institution_answer(&mut h, "INS-A", Ok(institution("INS-A", "Alpha Bank")));
    h.effects.clear();
    h.send(Msg::Choose("MBR-A".into()));
    assert_eq!(h.step(), "connecting");
    assert_eq!(h.call("runJob").1, HostCall::RunJob { job_type: 1, member_guid: "MBR-A".into() });
    assert_eq!(h.flow.institution.as_ref().map(|i| i.name.as_str()), Some("Alpha Bank"));
    h.send(FlowMsg::Back);
    assert_eq!(h.step(), "verifyExistingMember");
    assert!(listed(&h).selecting.is_none());
    h.send(Msg::Choose("MBR-A".into()));
    h.reply("runJob", Ok(json!({})));
    let fx = h.poll_answer(existing("MBR-A", "INS-A", true, "CONNECTED"));
    assert_eq!(h.step(), "connected");
    assert_eq!(
        facts(&fx),
        vec![Fact::ExternalAccountActivated {
            primary_id: "MBR-A".into(),
            account: None,
            institution_name: Some("Alpha Bank".into()),
            method: VerificationMethod::Instant,
        }]
    );
}

// "Search for another institution" opens search over the list; back returns to it.
#[test]
fn search_instead_opens_search_over_the_list() {
    let mut h = with_members();
    h.send(Msg::SearchInstead);
    assert_eq!(h.step(), "search");
    assert!(h.has_call("loadPopularInstitutions"));
    assert!(h.flow.can_go_back());
    h.send(FlowMsg::Back);
    assert_eq!(h.step(), "verifyExistingMember");
}

// With nothing to verify, or when loadMembers fails, verification starts on search.
#[test]
fn no_eligible_members_start_on_search() {
    for answer in
        [Ok(json!([])), Ok(json!([existing("MBR-X", "INS-X", false, "CONNECTED")])), Err(rejected(500, json!(null)))]
    {
        let mut h = Harness::with_config(json!({"mode": "verification"}));
        h.reply("loadMembers", answer);
        assert_eq!(h.step(), "search");
        assert!(!h.flow.can_go_back(), "search is the root");
    }
    let h = Harness::new();
    assert!(!h.has_call("loadMembers"), "aggregation mode starts on search at once");
}

// An institution that fails to load keeps its member; picking it tries again, and says so if it fails.
#[test]
fn a_failed_institution_load_is_retried_on_pick() {
    let mut h = with_members();
    institution_answer(&mut h, "INS-A", Err(rejected(500, json!(null))));
    institution_answer(&mut h, "INS-B", Err(rejected(500, json!(null))));
    assert_eq!(listed(&h).members.len(), 2);
    h.effects.clear();
    h.send(Msg::Choose("MBR-B".into()));
    h.reply("loadInstitutionByGuid", Err(rejected(500, json!(null))));
    assert_eq!(listed(&h).failed.as_deref(), Some("MBR-B"));
    h.send(Msg::Choose("MBR-B".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-B", "Beta Bank")));
    assert_eq!(h.step(), "connecting");
}

// MFA on the aggregation path: initiated, a wrong answer, then success, with the failure count.
#[test]
fn mfa_facts_follow_the_challenge() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let fx = h.poll_answer(challenged(0));
    assert_eq!(
        facts(&fx),
        vec![Fact::MfaInitiated { primary_id: "MBR-1".into(), factor: MfaFactor::SecurityQuestions }]
    );
    h.send(mfa::Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("wrong"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    let mut again = challenged(0);
    again["mfa"]["credentials"][0]["guid"] = json!("CRD-Q2");
    again["error"] = json!({"error_code": 2002});
    let fx = h.poll_answer(again);
    assert_eq!(
        facts(&fx),
        vec![Fact::MfaFailed { primary_id: "MBR-1".into(), factor: MfaFactor::SecurityQuestions, failure_count: 1 }]
    );
    h.send(mfa::Msg::SubmitAnswers(vec![("CRD-Q2".into(), Secret::new("right"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    let fx = h.poll_answer(member("CONNECTED", false));
    assert_eq!(
        facts(&fx),
        vec![Fact::MfaSucceeded { primary_id: "MBR-1".into(), factor: MfaFactor::SecurityQuestions, failure_count: 1 }]
    );
    assert!(
        facts(&h.log).iter().all(|f| !matches!(f, Fact::ExternalAccountActivated { .. })),
        "aggregation mode: no external account activated"
    );
}

// A token challenge ending REJECTED is a failed MFA; a disconnected verified member is removed.
#[test]
fn rejected_token_mfa_fails_and_removal_is_recorded() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut token = challenged(12);
    token["mfa"]["credentials"][0]["options"] = json!([]);
    let fx = h.poll_answer(token);
    assert_eq!(facts(&fx), vec![Fact::MfaInitiated { primary_id: "MBR-1".into(), factor: MfaFactor::SoftwareToken }]);
    h.send(mfa::Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("123"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    let fx = h.poll_answer(member("REJECTED", false));
    assert_eq!(
        facts(&fx),
        vec![Fact::MfaFailed { primary_id: "MBR-1".into(), factor: MfaFactor::SoftwareToken, failure_count: 1 }]
    );

    let mut h = with_members();
    institution_answer(&mut h, "INS-A", Ok(institution("INS-A", "Alpha Bank")));
    institution_answer(&mut h, "INS-B", Ok(institution("INS-B", "Beta Bank")));
    h.send(Msg::Choose("MBR-A".into()));
    h.reply("runJob", Ok(json!({})));
    h.poll_answer(existing("MBR-A", "INS-A", true, "LOCKED"));
    assert_eq!(h.step(), "actionableError");
    h.send(connect_widget::flow::disconnect::Msg::Open);
    h.send(connect_widget::flow::disconnect::Msg::Confirm {
        reason: Some(connect_widget::i18n::Key::DisconnectReasonOther),
    });
    let fx = h.reply("deleteMember", Ok(json!({})));
    assert_eq!(
        facts(&fx),
        vec![Fact::ExternalAccountRemoved {
            primary_id: "MBR-A".into(),
            account: None,
            institution_name: Some("Alpha Bank".into())
        }]
    );
}

// Verification mode says what it fetches and what it did.
#[test]
fn verification_mode_has_its_own_wording() {
    use connect_widget::flow::ConnectingPhase;
    use connect_widget::i18n::Key;
    let verifying = Harness::with_config(json!({"mode": "verification"}));
    assert_eq!(verifying.flow.phase_message(ConnectingPhase::Syncing), Key::ConnectingVerificationData);
    assert_eq!(verifying.flow.phase_message(ConnectingPhase::Verifying), Key::ConnectingVerifying);
    assert_eq!(verifying.flow.connected_message(), Key::ConnectedVerifiedBody);
    let aggregating = Harness::new();
    assert_eq!(aggregating.flow.phase_message(ConnectingPhase::Syncing), Key::ConnectingSyncing);
    assert_eq!(aggregating.flow.connected_message(), Key::ConnectedBody);
}
