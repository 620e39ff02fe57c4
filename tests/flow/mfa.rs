//! MFA questions, choices, rounds and failures.

use crate::common::harness::*;
use connect_widget::flow::mfa::Msg;
use connect_widget::flow::{outcomes, Action, MfaKind, MfaState, Step};
use connect_widget::host::{CredentialValue, HostCall};
use connect_widget::model::{ConnectionStatus as S, Member, Secret};
use serde_json::json;

// Text answers go to updateMFA as `{guid, value}`; the host hears submitMFA without the answer.
#[test]
fn mfa_text_answers_are_sent() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut m = challenged(0);
    m["mfa"] = json!({"credentials": [{"guid": "CRD-Q", "label": "City?"}]});
    h.poll_answer(m);
    assert_eq!(h.step(), "mfa");
    h.effects.clear();
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new(""))]));
    assert!(!h.has_call("updateMFA"), "empty answer is not sent");
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.invalid == vec!["CRD-Q".to_string()]));
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("correct"))]));
    assert_eq!(h.events(), vec![("connect/submitMFA", json!({"member_guid": "MBR-1"}))]);
    match h.call("updateMFA").1 {
        HostCall::UpdateMfa { member, credentials } => {
            assert_eq!(member["guid"], "MBR-1");
            assert_eq!(
                credentials,
                vec![CredentialValue { guid: "CRD-Q".into(), value: Some(Secret::new("correct")) }]
            );
        }
        other => panic!("{other:?}"),
    }
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    assert_eq!(h.step(), "connecting");
    assert!(h.has_call("loadMemberByGuid"));
    h.poll_answer(member("RESUMED", true));
    assert!(!h.event_names().contains(&"connect/memberStatusUpdate"), "updateMFA's status is already known");
}

// Option answers send the chosen option's guid on its credential, even without `credential_guid`.
#[test]
fn mfa_option_choice_goes_on_its_credential() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(2));
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.kind() == MfaKind::Options));
    h.effects.clear();
    h.send(Msg::SubmitChoice(None));
    assert!(!h.has_call("updateMFA"), "a choice is required");
    h.send(Msg::SubmitChoice(Some("OPT-2".into())));
    match h.call("updateMFA").1 {
        HostCall::UpdateMfa { credentials, .. } => {
            assert_eq!(credentials, vec![CredentialValue { guid: "CRD-Q".into(), value: Some(Secret::new("OPT-2")) }]);
        }
        other => panic!("{other:?}"),
    }
}

// Image options and account selection are recognised from the challenge.
#[test]
fn mfa_kinds() -> Result<(), connect_widget::model::DecodeError> {
    let state = |m: &Member| MfaState {
        challenges: m.mfa.clone(),
        submitting: false,
        invalid: vec![],
        submit_error: None,
        previous_wrong: false,
        timed_out: false,
    };
    let mut v = challenged(14);
    assert_eq!(state(&Member::from_json(&v)?).kind(), MfaKind::ImageOptions);
    v["mfa"]["credentials"][0]["external_id"] = json!("single_account_select");
    assert_eq!(state(&Member::from_json(&v)?).kind(), MfaKind::AccountSelect);
    v["mfa"]["credentials"][0]["options"] = json!([{"guid": "ACT-1", "label": "Checking"}]);
    assert_eq!(state(&Member::from_json(&v)?).kind(), MfaKind::AccountSelect);
    assert_eq!(state(&Member::from_json(&challenged(0))?).kind(), MfaKind::Text);
    Ok(())
}

// A wrong answer (REJECTED) explains and lets the user try again; then two rounds of MFA.
#[test]
fn wrong_answer_then_try_again_then_two_rounds() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("nope"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    h.poll_answer(member("REJECTED", false));
    assert!(matches!(h.flow.step(), Step::LoginError { status: Some(S::Rejected) }));
    h.effects.clear();
    h.send(outcomes::Msg::Act(Action::TryAgain));
    assert!(h.has_call("runJob"));
    assert_eq!(h.step(), "connecting");
    h.reply("runJob", Ok(json!({})));
    h.poll_answer(challenged(0));
    assert_eq!(h.step(), "mfa");
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("challenge"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    h.poll_answer(challenged(0));
    assert_eq!(h.step(), "mfa", "second round");
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("correct"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(h.step(), "connected");
}

// Codes 2001–2003 say why the question is asked again.
#[test]
fn wrong_and_expired_answers_are_explained() {
    for (code, wrong, timed_out) in [(2001, true, false), (2002, true, false), (2003, false, true)] {
        let mut h = Harness::to_connecting(member("CREATED", true));
        let mut m = challenged(0);
        m["error"] = json!({"error_code": code});
        h.poll_answer(m);
        assert!(
            matches!(h.flow.step(), Step::Mfa(m) if m.previous_wrong == wrong && m.timed_out == timed_out),
            "code {code}"
        );
    }
}

// An updateMFA failure stays on the question with a message.
#[test]
fn mfa_submit_failure_stays() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("x"))]));
    h.reply("updateMFA", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Mfa(m) if !m.submitting && m.submit_error.is_some()));
}

/// MBR-1 CHALLENGED with an options question (CRD-Q) and a text question (CRD-T), in `order`.
fn mixed(options_first: bool) -> serde_json::Value {
    let options = json!({"guid": "CRD-Q", "label": "Pick one", "field_type": 2,
        "options": [{"guid": "OPT-1", "label": "wrong"}, {"guid": "OPT-2", "label": "correct"}]});
    let text = json!({"guid": "CRD-T", "label": "Favourite colour?", "field_type": 0});
    let mut m = member("CHALLENGED", false);
    m["mfa"] = json!({"credentials": if options_first { [options, text] } else { [text, options] }});
    m
}

fn update_mfa_values(h: &Harness) -> Vec<(String, Option<String>)> {
    match h.call("updateMFA").1 {
        HostCall::UpdateMfa { credentials, .. } => {
            credentials.into_iter().map(|c| (c.guid, c.value.map(|v| v.expose().to_string()))).collect()
        }
        other => panic!("{other:?}"),
    }
}

// Options then text: both questions are asked; one choice alone never sends `null` for the text.
#[test]
fn mixed_questions_options_then_text() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(mixed(true));
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.kind() == MfaKind::Mixed));
    h.effects.clear();
    h.send(Msg::SubmitChoice(Some("OPT-2".into())));
    assert!(!h.has_call("updateMFA"), "the text question is unanswered");
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.invalid == vec!["CRD-T".to_string()]));
    h.send(Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("OPT-2")), ("CRD-T".into(), Secret::new("blue"))]));
    assert_eq!(
        update_mfa_values(&h),
        vec![("CRD-Q".into(), Some("OPT-2".into())), ("CRD-T".into(), Some("blue".into()))]
    );
}

// Text then options: the choice is a choice, never free text typed in its place.
#[test]
fn mixed_questions_text_then_options() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(mixed(false));
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.kind() == MfaKind::Mixed));
    h.effects.clear();
    h.send(Msg::SubmitAnswers(vec![("CRD-T".into(), Secret::new("blue")), ("CRD-Q".into(), Secret::new("typed"))]));
    assert!(!h.has_call("updateMFA"), "typed text is not an option");
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.invalid == vec!["CRD-Q".to_string()]));
    h.send(Msg::SubmitAnswers(vec![("CRD-T".into(), Secret::new("blue")), ("CRD-Q".into(), Secret::new("OPT-1"))]));
    assert_eq!(
        update_mfa_values(&h),
        vec![("CRD-T".into(), Some("blue".into())), ("CRD-Q".into(), Some("OPT-1".into()))]
    );
}
