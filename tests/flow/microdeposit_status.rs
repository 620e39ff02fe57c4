//! Microdeposits after the details are sent: every status's sub-view, coming
//! back with `current_microdeposit_guid`, the amounts, the verification's
//! outcome (attempts, lock-out, expiry and resend), and a poll that ends.

use crate::common::harness::*;
use crate::microdeposits::{facts, md, microdeposit, pageviews, view};
use connect_widget::flow::fact::{Fact, FailureReason};
use connect_widget::flow::microdeposits::{view_for, FieldError, MdField, MdProblem, Msg, MAX_POLLS};
use connect_widget::flow::{Effect, MdView, Msg as FlowMsg};
use connect_widget::host::{HostCall, MicrodepositChange};
use connect_widget::model::MicrodepositStatus as S;
use serde_json::{json, Value};

/// Mounted with `current_microdeposit_guid` MIC-1, loaded as `answer`.
fn come_back(answer: Value) -> Harness {
    let mut h = Harness::with_config(json!({"mode": "verification", "current_microdeposit_guid": "MIC-123456"}));
    let refresh = HostCall::RefreshMicrodepositStatus { guid: "MIC-123456".into() };
    assert_eq!(h.call("refreshMicrodepositStatus").1, refresh);
    h.reply("refreshMicrodepositStatus", Err(rejected(500, json!(null))));
    assert_eq!(h.call("loadMicrodepositByGuid").1, HostCall::LoadMicrodepositByGuid { guid: "MIC-123456".into() });
    h.reply("loadMicrodepositByGuid", Ok(answer));
    h
}

/// Back on VerifyDeposits with a DEPOSITED microdeposit, amounts entered and sent.
fn sent_amounts() -> Harness {
    let mut h = come_back(microdeposit(2, "DEPOSITED"));
    h.send(Msg::SubmitAmounts { first: "0.07".into(), second: ".03".into() });
    h
}

// Every status has its sub-view, and each of those has a way forward.
#[test]
fn every_status_routes_to_its_view() {
    let table = [
        (S::Preinitiated, MdView::RoutingNumber),
        (S::Initiated, MdView::ComeBack),
        (S::Requested, MdView::ComeBack),
        (S::Deposited, MdView::VerifyDeposits),
        (S::Denied, MdView::VerifyDeposits),
        (S::Verified, MdView::Verified),
        (S::Errored, MdView::Failed),
        (S::Prevented, MdView::Locked),
        (S::Conflicted, MdView::Failed),
        (S::Rejected, MdView::Failed),
        (S::Expired, MdView::Expired),
    ];
    assert_eq!(table.len(), S::ALL.len(), "one row per status");
    for (status, expected) in table {
        assert_eq!(view_for(Some(status)), expected, "{status:?}");
    }
    assert_eq!(view_for(None), MdView::Failed, "an unknown status is a failure, never a blank screen");
}

// Coming back: refresh, load, and open the sub-view the status calls for.
#[test]
fn coming_back_opens_the_view_for_each_status() {
    let cases = [
        (0, "INITIATED", MdView::ComeBack, "comeBack"),
        (1, "REQUESTED", MdView::ComeBack, "comeBack"),
        (2, "DEPOSITED", MdView::VerifyDeposits, "verifyDeposits"),
        (5, "DENIED", MdView::VerifyDeposits, "verifyDeposits"),
        (3, "VERIFIED", MdView::Verified, "verified"),
        (4, "ERRORED", MdView::Failed, "errors"),
        (6, "PREVENTED", MdView::Locked, "errors"),
        (7, "CONFLICTED", MdView::Failed, "errors"),
        (8, "REJECTED", MdView::Failed, "errors"),
        (10, "EXPIRED", MdView::Expired, "expired"),
    ];
    for (code, name, expected, initial_step) in cases {
        let h = come_back(microdeposit(code, name));
        assert_eq!((h.step(), view(&h)), ("microdeposits", expected), "{name}");
        let events = h.events();
        assert_eq!(events[0], ("connect/loaded", json!({"initial_step": "microdeposits"})));
        assert_eq!(events[1], ("connect/microdeposits/loaded", json!({"initial_step": initial_step})), "{name}");
        assert_eq!(pageviews(&h), vec![format!("/connect/verification{}", expected.pageview())]);
        assert_eq!(md(&h).form.account_mask.as_deref(), Some("*4321"), "only masked");
    }
    let denied = come_back(microdeposit(5, "DENIED"));
    assert_eq!(md(&denied).problem, Some(MdProblem::WrongAmounts { attempts_remaining: Some(3) }));
    let verified = come_back(microdeposit(3, "VERIFIED"));
    assert!(verified.event_names().contains(&"connect/microdeposits/verified"));
}

// A guid the host does not know is "not found", with a way to search instead.
#[test]
fn an_unknown_guid_is_a_load_error() {
    let mut h = Harness::with_config(json!({"mode": "verification", "current_microdeposit_guid": "MIC-x"}));
    h.reply("refreshMicrodepositStatus", Ok(json!({})));
    h.reply("loadMicrodepositByGuid", Err(rejected(404, json!(null))));
    assert_eq!(h.step(), "loadError");
    let aggregation = Harness::with_config(json!({"current_microdeposit_guid": "MIC-123456"}));
    assert!(!aggregation.has_call("loadMicrodepositByGuid"), "only in verification mode");
}

// The amounts are read as people write money; mistakes are said per field.
#[test]
fn amounts_are_checked_then_sent_as_two_digit_cents() {
    let mut h = come_back(microdeposit(2, "DEPOSITED"));
    h.send(Msg::SubmitAmounts { first: "".into(), second: "1.50".into() });
    assert_eq!(
        md(&h).invalid,
        vec![(MdField::Amount1, FieldError::Required), (MdField::Amount2, FieldError::AmountRange)]
    );
    h.send(Msg::SubmitAmounts { first: "abc".into(), second: "3".into() });
    assert_eq!(md(&h).invalid, vec![(MdField::Amount1, FieldError::AmountInvalid)]);
    assert!(!h.has_call("verifyMicrodeposit"));
    h.effects.clear();
    h.send(Msg::SubmitAmounts { first: "0,07".into(), second: "30".into() });
    assert_eq!(
        h.call("verifyMicrodeposit").1,
        HostCall::VerifyMicrodeposit { guid: "MIC-123456".into(), amount_1: "07".into(), amount_2: "30".into() }
    );
    assert_eq!(view(&h), MdView::Verifying);
    assert_eq!(pageviews(&h), vec!["/connect/verification/microdeposits/verifying"]);
    assert!(!h.flow.can_go_back(), "no back while verifying");
}

// Right amounts: verified, told to the host, and recorded as activated.
#[test]
fn right_amounts_verify_the_account() {
    let mut h = sent_amounts();
    let fx = h.reply("verifyMicrodeposit", Ok(microdeposit(3, "VERIFIED")));
    assert_eq!(view(&h), MdView::Verified);
    assert_eq!(h.events(), vec![("connect/microdeposits/verified", json!({"microdeposit_guid": "MIC-123456"}))]);
    assert!(matches!(&facts(&fx)[..], [Fact::ExternalAccountActivated { primary_id, account: Some(a), .. }]
        if primary_id == "MIC-123456" && a.masked_number == "*4321"));
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(
        h.events()[..2],
        [
            ("connect/microdeposits/verified/primaryAction", json!({"microdeposit_guid": "MIC-123456"})),
            ("connect/backToSearch", json!({})),
        ]
    );
    assert_eq!(h.step(), "search");
}

// Wrong amounts say so and count the tries left; the last one locks.
#[test]
fn wrong_amounts_count_down_then_lock() {
    let mut h = sent_amounts();
    let mut denied = microdeposit(5, "DENIED");
    denied["attempts_remaining"] = json!(2);
    let fx = h.reply("verifyMicrodeposit", Ok(denied));
    assert_eq!(view(&h), MdView::VerifyDeposits);
    assert_eq!(md(&h).problem, Some(MdProblem::WrongAmounts { attempts_remaining: Some(2) }));
    assert!(matches!(
        &facts(&fx)[..],
        [Fact::ExternalAccountVerificationFailed {
            reason: FailureReason::AmountsMismatched,
            failure_count: Some(1),
            ..
        }]
    ));
    h.send(Msg::SubmitAmounts { first: "1".into(), second: "2".into() });
    let mut denied = microdeposit(5, "DENIED");
    denied["attempts_remaining"] = Value::Null;
    h.reply("verifyMicrodeposit", Ok(denied));
    assert_eq!(
        md(&h).problem,
        Some(MdProblem::WrongAmounts { attempts_remaining: None }),
        "when the host does not say"
    );
    h.send(Msg::SubmitAmounts { first: "1".into(), second: "2".into() });
    let fx = h.reply("verifyMicrodeposit", Ok(microdeposit(6, "PREVENTED")));
    assert_eq!(view(&h), MdView::Locked);
    assert!(matches!(&facts(&fx)[..], [Fact::ExternalAccountVerificationFailed { failure_count: Some(3), .. }]));
    assert!(!h.flow.can_go_back());
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(
        h.events()[0],
        ("connect/microdeposits/error/primaryAction", json!({"status": "PREVENTED", "guid": "MIC-123456"}))
    );
}

// A verification the host refuses (409) is looked at again: here it has expired, and can be sent again.
#[test]
fn expired_deposits_can_be_resent_when_the_host_allows() {
    let mut h = sent_amounts();
    h.reply("verifyMicrodeposit", Err(rejected(409, json!({"status_name": "EXPIRED"}))));
    h.reply("refreshMicrodepositStatus", Ok(json!({})));
    let mut expired = microdeposit(10, "EXPIRED");
    expired["can_resend"] = json!(true);
    let fx = h.reply("loadMicrodepositByGuid", Ok(expired));
    assert_eq!(view(&h), MdView::Expired);
    assert!(matches!(&facts(&fx)[..], [Fact::ExternalAccountVerificationFailed { reason: FailureReason::Other, .. }]));
    h.effects.clear();
    h.send(Msg::Resend);
    assert_eq!(
        h.call("updateMicrodeposit").1,
        HostCall::UpdateMicrodeposit { guid: "MIC-123456".into(), change: MicrodepositChange::Resend }
    );
    let fx = h.reply("updateMicrodeposit", Ok(json!({"micro_deposit": microdeposit(0, "INITIATED")})));
    assert_eq!(view(&h), MdView::ComeBack);
    assert!(matches!(&facts(&fx)[..], [Fact::ExternalAccountRequested { .. }]));
}

// Without the host's `can_resend`, there is no resend: start over or finish.
#[test]
fn expired_without_resend_offers_start_over() {
    let mut h = come_back(microdeposit(10, "EXPIRED"));
    h.effects.clear();
    h.send(Msg::Resend);
    assert!(!h.has_call("updateMicrodeposit"));
    h.send(Msg::StartOver);
    assert_eq!(view(&h), MdView::RoutingNumber);
    assert_eq!(md(&h).form.routing_number, "123456780");
    h.send(FlowMsg::Back);
    assert_eq!(h.step(), "search", "back from the start of the form");
}

// No answer yet: poll at most MAX_POLLS times, then say so with "Check again" — never a spinner forever.
#[test]
fn verifying_polls_a_bounded_number_of_times() {
    let mut h = sent_amounts();
    h.reply("verifyMicrodeposit", Ok(json!(null)));
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    let mut loads = 1;
    loop {
        let fx = h.reply("loadMicrodepositByGuid", Ok(microdeposit(2, "DEPOSITED")));
        if !fx.iter().any(|e| matches!(e, Effect::Timer { .. })) {
            break;
        }
        h.fire_timer();
        loads += 1;
        assert!(loads <= MAX_POLLS, "the poll ends");
    }
    assert_eq!(loads, MAX_POLLS);
    assert_eq!(view(&h), MdView::StillVerifying);
    assert_eq!(h.flow.pending_count(), 0, "nothing left in flight");
    h.send(Msg::CheckAgain);
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    h.reply("loadMicrodepositByGuid", Ok(microdeposit(2, "DEPOSITED")));
    assert_eq!((view(&h), md(&h).problem), (MdView::StillVerifying, Some(MdProblem::NothingNew)));
    h.send(Msg::CheckAgain);
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    h.reply("loadMicrodepositByGuid", Ok(microdeposit(3, "VERIFIED")));
    assert_eq!(view(&h), MdView::Verified);
}

// A DENIED that was there before the amounts were sent is not their outcome; a new one is.
#[test]
fn a_stale_denial_is_not_taken_for_an_answer() {
    let mut h = come_back(microdeposit(5, "DENIED"));
    h.send(Msg::SubmitAmounts { first: "7".into(), second: "3".into() });
    h.reply("verifyMicrodeposit", Ok(json!({})));
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    h.reply("loadMicrodepositByGuid", Ok(microdeposit(5, "DENIED")));
    assert_eq!(view(&h), MdView::Verifying, "same updated_at: still waiting");
    h.fire_timer();
    let mut newer = microdeposit(5, "DENIED");
    newer["updated_at"] = json!("200");
    h.reply("loadMicrodepositByGuid", Ok(newer));
    assert_eq!(view(&h), MdView::VerifyDeposits);
    assert!(matches!(md(&h).problem, Some(MdProblem::WrongAmounts { .. })));
}

// "Check again" on "check back soon": the deposits landed, or not yet.
#[test]
fn check_again_follows_the_deposits() {
    let mut h = come_back(microdeposit(0, "INITIATED"));
    h.send(Msg::CheckAgain);
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    h.reply("loadMicrodepositByGuid", Ok(microdeposit(0, "INITIATED")));
    assert_eq!((view(&h), md(&h).problem), (MdView::ComeBack, Some(MdProblem::NothingNew)));
    h.send(Msg::CheckAgain);
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    h.reply("loadMicrodepositByGuid", Ok(microdeposit(2, "DEPOSITED")));
    assert_eq!(view(&h), MdView::VerifyDeposits);
    assert!(h.effects.contains(&Effect::FocusHeading), "a sub-view change moves focus");
    h.send(Msg::Done);
    assert_eq!(view(&h), MdView::VerifyDeposits, "no Done while amounts are due");
    let mut h = come_back(microdeposit(0, "INITIATED"));
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(
        h.events()[0],
        ("connect/microdeposits/comeBack/primaryAction", json!({"microdeposit_guid": "MIC-123456"}))
    );
    assert_eq!(h.step(), "search");
}

// A failing verification call keeps the amounts' sub-view with a message.
#[test]
fn a_failing_verification_is_explained() {
    let mut h = sent_amounts();
    h.reply("verifyMicrodeposit", Err(rejected(500, json!(null))));
    assert_eq!(view(&h), MdView::VerifyDeposits);
    assert!(matches!(md(&h).problem, Some(MdProblem::Host(_))));
}

// "Connect with account numbers" is offered on search only: sent while a configured
// verification loads, it is ignored, so back can never land on that forgotten load (found
// by the fault sessions).
#[test]
fn account_numbers_only_from_search() {
    let mut h = Harness::with_config(json!({"mode": "verification", "current_microdeposit_guid": "MIC-404"}));
    assert_eq!(h.step(), "loading");
    h.send(connect_widget::flow::microdeposits::Msg::Begin);
    assert_eq!(h.step(), "loading");
    assert_eq!(h.flow.pending_count(), 1, "the load goes on");
}
