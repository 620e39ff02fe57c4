//! Microdeposits, entering the details: the entry from search, the routing
//! number (checksum, blocked and instant-preferred numbers), the account and
//! its holder, the review with its edit controls, and submitting.

use crate::common::harness::*;
use connect_widget::flow::fact::{Fact, VerificationMethod};
use connect_widget::flow::microdeposits::{FieldError, MdField, MdProblem, Msg, ReviewRow};
use connect_widget::flow::{Effect, Environment, Flow, MdView, MicrodepositsState, Msg as FlowMsg, Settings, Step};
use connect_widget::host::{HostCall, MicrodepositChange, CALLBACK_NAMES};
use connect_widget::model::{AccountType, ClientConfig, Secret};
use serde_json::{json, Value};

pub const ACCOUNT: &str = "000123454321";

/// Verification mode on search (no existing connections), then "Connect with account numbers".
pub fn to_routing() -> Harness {
    to_routing_with(json!({"mode": "verification"}))
}

pub fn to_routing_with(config: Value) -> Harness {
    let mut h = Harness::with_config(config);
    h.reply("loadMembers", Ok(json!({"members": []})));
    h.reply("loadPopularInstitutions", Ok(json!([])));
    h.effects.clear();
    h.send(Msg::Begin);
    h
}

pub fn md(h: &Harness) -> MicrodepositsState {
    match h.flow.step() {
        Step::Microdeposits(m) => m.as_ref().clone(),
        other => panic!("not on microdeposits: {other:?}"),
    }
}

pub fn view(h: &Harness) -> MdView {
    md(h).view
}

pub fn pageviews(h: &Harness) -> Vec<String> {
    h.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Pageview { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect()
}

pub fn facts(effects: &[Effect]) -> Vec<Fact> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Fact(f) => Some(f.clone()),
            _ => None,
        })
        .collect()
}

fn account(h: &mut Harness, kind: AccountType, number: &str, confirmation: &str) {
    h.send(Msg::SubmitAccount {
        account_type: kind,
        number: Secret::new(number),
        confirmation: Secret::new(confirmation),
    });
}

/// Routing number accepted, on to the review with Ada's name and email.
pub fn to_review(h: &mut Harness) {
    h.send(Msg::SubmitRouting("123456780".into()));
    h.reply("verifyRoutingNumber", Ok(json!({})));
    h.send(Msg::Continue);
    account(h, AccountType::Savings, ACCOUNT, ACCOUNT);
    h.send(Msg::SubmitHolder {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        email: "ada@example.com".into(),
    });
    assert_eq!(view(h), MdView::Review);
}

/// A microdeposit as a host answers it.
pub fn microdeposit(status: i64, name: &str) -> Value {
    json!({"guid": "MIC-123456", "status": status, "status_name": name, "routing_number": "123456780",
           "account_number": ACCOUNT, "account_type": 2, "updated_at": "100", "attempts_remaining": 3})
}

// "Connect with account numbers" is offered in verification mode only, unless the profiles turn it off.
#[test]
fn account_numbers_are_offered_in_verification_mode_only() {
    let flow = |mode: &str, env: Environment| {
        Flow::new(ClientConfig::from_json(&json!({"mode": mode})), Settings::default(), env)
    };
    assert!(flow("verification", env_all()).microdeposits_offered());
    assert!(!flow("aggregation", env_all()).microdeposits_offered());
    let off = Environment { microdeposits_disabled: true, ..env_all() };
    assert!(!flow("verification", off).microdeposits_offered());
    let partial = Environment {
        available_callbacks: CALLBACK_NAMES.iter().copied().filter(|c| *c != "createMicrodeposit").collect(),
        ..env_all()
    };
    assert!(!flow("verification", partial).microdeposits_offered());
    let mut h = Harness::to_credentials();
    h.send(FlowMsg::Back);
    h.send(Msg::Begin);
    assert_eq!(h.step(), "search", "ignored outside verification mode");
}

// The entry opens the routing number, says so, and sends its page view.
#[test]
fn begin_opens_the_routing_number() {
    let h = to_routing();
    assert_eq!(h.step(), "microdeposits");
    assert_eq!(view(&h), MdView::RoutingNumber);
    assert_eq!(h.event_names(), vec!["connect/stepChange", "connect/microdeposits/loaded"]);
    assert_eq!(h.events()[1].1, json!({"initial_step": "routingNumber"}));
    assert_eq!(pageviews(&h), vec!["/connect/verification/microdeposits/routing_number"]);
    assert!(h.effects.contains(&Effect::FocusHeading));
}

// The ABA check digit is checked before the host is asked.
#[test]
fn routing_numbers_are_checked_before_the_host() {
    let mut h = to_routing();
    for (typed, why) in
        [("", FieldError::Required), ("12345", FieldError::RoutingLength), ("123456789", FieldError::RoutingChecksum)]
    {
        h.effects.clear();
        h.send(Msg::SubmitRouting(typed.into()));
        assert_eq!(md(&h).invalid, vec![(MdField::RoutingNumber, why)], "{typed:?}");
        assert!(!h.has_call("verifyRoutingNumber"));
        assert!(h.effects.contains(&Effect::FocusFirstInvalid));
    }
    h.send(Msg::SubmitRouting(" 1234-56780 ".into()));
    assert!(matches!(
        h.call("verifyRoutingNumber").1,
        HostCall::VerifyRoutingNumber { ref routing_number, include_identity: false } if routing_number == "123456780"
    ));
    assert!(md(&h).busy && !h.flow.can_go_back(), "no back while checking");
    h.reply("verifyRoutingNumber", Ok(json!({})));
    assert_eq!(view(&h), MdView::HowItWorks);
    assert_eq!(pageviews(&h), vec!["/connect/verification/microdeposits/how_it_works"]);
}

// A blocked number says why on its field, and the host is told.
#[test]
fn blocked_routing_numbers_are_refused_on_the_field() {
    for reason in ["INVALID", "BLOCKED", "CLIENT_BLOCKED"] {
        let mut h = to_routing();
        h.send(Msg::SubmitRouting("123456780".into()));
        h.reply("verifyRoutingNumber", Ok(json!({"blocked_routing_number": {"reason": 1, "reason_name": reason}})));
        assert_eq!(view(&h), MdView::RoutingNumber);
        assert_eq!(md(&h).invalid, vec![(MdField::RoutingNumber, FieldError::RoutingBlocked)]);
        assert_eq!(
            h.events(),
            vec![(
                "connect/microdeposits/blockedRoutingNumber",
                json!({"routing_number": "123456780", "reason": reason})
            )]
        );
        assert!(!md(&h).busy);
    }
}

// IAV_PREFERRED offers the instant institutions; picking one opens its login over this step.
#[test]
fn instant_preferred_numbers_offer_institutions() {
    let mut h = to_routing_with(json!({"mode": "verification", "include_identity": true}));
    h.send(Msg::SubmitRouting("011411633".into()));
    h.reply("verifyRoutingNumber", Ok(json!({"blockedRoutingNumber": {"reason": 3, "reason_name": "IAV_PREFERRED"}})));
    assert_eq!(h.event_names(), vec!["connect/microdeposits/blockedRoutingNumber"]);
    let HostCall::LoadInstitutions(q) = h.call("loadInstitutions").1 else { panic!("a search") };
    assert_eq!(q.routing_number.as_deref(), Some("011411633"));
    assert!(q.filters.contains(&("account_verification_is_enabled", json!(true))));
    assert!(q.filters.contains(&("account_identification_is_enabled", json!(true))));
    h.reply("loadInstitutions", Ok(json!([institution("INS-1", "MX Bank"), institution("INS-2", "MX Bank (OAuth)")])));
    assert_eq!(view(&h), MdView::SharedRouting);
    assert_eq!(md(&h).instant.len(), 2);
    assert_eq!(pageviews(&h), vec!["/connect/verification/microdeposits/shared_routing_number"]);
    h.send(Msg::ChooseInstitution("INS-1".into()));
    assert_eq!(h.events()[0].0, "connect/selectedInstitution");
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "enterCreds");
    h.send(FlowMsg::Back);
    assert_eq!((h.step(), view(&h)), ("microdeposits", MdView::SharedRouting), "back returns to the choice");
    assert!(md(&h).selecting.is_none());
    h.send(Msg::UseAccountNumbers);
    assert_eq!(view(&h), MdView::HowItWorks);
    h.send(FlowMsg::Back);
    assert_eq!(view(&h), MdView::SharedRouting);
}

// A press from a sub-view that is gone does nothing.
#[test]
fn stale_presses_are_ignored() {
    let mut h = to_routing();
    h.send(Msg::Continue);
    h.send(Msg::UseAccountNumbers);
    h.send(Msg::StartOver);
    h.send(Msg::Done);
    assert_eq!(view(&h), MdView::RoutingNumber);
}

// Without instant institutions (or if the search fails), account numbers it is.
#[test]
fn instant_preferred_without_institutions_goes_on() {
    let mut h = to_routing();
    h.send(Msg::SubmitRouting("011411633".into()));
    h.reply(
        "verifyRoutingNumber",
        Ok(json!({"blocked_routing_number": {"reason": 3, "reason_name": "IAV_PREFERRED"}})),
    );
    h.reply("loadInstitutions", Err(rejected(500, json!(null))));
    assert_eq!(view(&h), MdView::HowItWorks);
}

// A failing check is a message, and the form stays usable.
#[test]
fn a_failing_routing_check_can_be_retried() {
    let mut h = to_routing();
    h.send(Msg::SubmitRouting("123456780".into()));
    h.reply("verifyRoutingNumber", Err(rejected(503, json!(null))));
    assert_eq!(view(&h), MdView::RoutingNumber);
    assert!(matches!(md(&h).problem, Some(MdProblem::Host(_))));
    assert!(!md(&h).busy);
    h.send(Msg::SubmitRouting("123456780".into()));
    assert!(h.has_call("verifyRoutingNumber"));
}

// The account number is typed twice, 4 to 17 digits.
#[test]
fn account_numbers_are_checked() {
    let mut h = to_routing();
    h.send(Msg::SubmitRouting("123456780".into()));
    h.reply("verifyRoutingNumber", Ok(json!({})));
    h.send(Msg::Continue);
    assert_eq!(view(&h), MdView::AccountInfo);
    account(&mut h, AccountType::Checking, "", "");
    assert_eq!(md(&h).invalid, vec![(MdField::AccountNumber, FieldError::Required)]);
    account(&mut h, AccountType::Checking, "12", "12");
    assert_eq!(md(&h).invalid, vec![(MdField::AccountNumber, FieldError::AccountInvalid)]);
    account(&mut h, AccountType::Checking, "123456", "123465");
    assert_eq!(md(&h).invalid, vec![(MdField::ConfirmAccountNumber, FieldError::AccountMismatch)]);
    account(&mut h, AccountType::Savings, "9876 5432", "98765432");
    assert_eq!(view(&h), MdView::Holder);
    assert_eq!(md(&h).form.account_mask.as_deref(), Some("*5432"));
    assert_eq!(md(&h).form.account_type, AccountType::Savings);
}

// The holder's name and email are required; a partner profile that gives them skips the sub-view.
#[test]
fn holder_details_are_asked_unless_the_profile_gives_them() {
    let mut h = to_routing();
    h.send(Msg::SubmitRouting("123456780".into()));
    h.reply("verifyRoutingNumber", Ok(json!({})));
    h.send(Msg::Continue);
    account(&mut h, AccountType::Checking, "12345678", "12345678");
    h.send(Msg::SubmitHolder { first_name: " ".into(), last_name: "L".into(), email: "ada@".into() });
    assert_eq!(
        md(&h).invalid,
        vec![(MdField::FirstName, FieldError::Required), (MdField::Email, FieldError::EmailInvalid)]
    );
    let env = Environment {
        user_first_name: Some("Ada".into()),
        user_last_name: Some("Lovelace".into()),
        user_email: Some("ada@example.com".into()),
        ..env_all()
    };
    let mut flow = Flow::new(ClientConfig::from_json(&json!({"mode": "verification"})), Settings::default(), env);
    let fx = flow.update(connect_widget::flow::start::Msg::Begin.into());
    let mut h = Harness { flow, effects: fx.clone(), log: fx };
    h.reply("loadMembers", Ok(json!([])));
    h.send(Msg::Begin);
    assert!(md(&h).holder_known);
    h.send(Msg::SubmitRouting("123456780".into()));
    h.reply("verifyRoutingNumber", Ok(json!({})));
    h.send(Msg::Continue);
    account(&mut h, AccountType::Checking, "12345678", "12345678");
    assert_eq!(view(&h), MdView::Review, "holder skipped");
}

// Every review row can be edited, and continuing returns to the review.
#[test]
fn every_review_row_can_be_edited() {
    let mut h = to_routing();
    to_review(&mut h);
    for (row, at) in [
        (ReviewRow::Name, MdView::Holder),
        (ReviewRow::Email, MdView::Holder),
        (ReviewRow::RoutingNumber, MdView::RoutingNumber),
        (ReviewRow::AccountType, MdView::AccountInfo),
        (ReviewRow::AccountNumber, MdView::AccountInfo),
    ] {
        h.send(Msg::Edit(row));
        assert_eq!((view(&h), md(&h).editing), (at, true), "{row:?}");
        h.send(FlowMsg::Back);
        assert_eq!((view(&h), md(&h).editing), (MdView::Review, false), "back from {row:?}");
    }
    h.send(Msg::Edit(ReviewRow::RoutingNumber));
    h.send(Msg::SubmitRouting("011000015".into()));
    h.reply("verifyRoutingNumber", Ok(json!({})));
    assert_eq!(view(&h), MdView::Review, "continuing returns to the review");
    assert_eq!(md(&h).form.routing_number, "011000015");
    h.send(Msg::Edit(ReviewRow::AccountType));
    account(&mut h, AccountType::Checking, "", "");
    assert_eq!((view(&h), md(&h).form.account_type), (MdView::Review, AccountType::Checking), "blank keeps the number");
    assert_eq!(md(&h).form.account_mask.as_deref(), Some("*4321"));
    h.send(Msg::Edit(ReviewRow::Name));
    h.send(Msg::SubmitHolder { first_name: "Grace".into(), last_name: "Hopper".into(), email: "g@example.com".into() });
    assert_eq!((view(&h), md(&h).form.first_name.as_str()), (MdView::Review, "Grace"));
    // Back through the whole form from the review.
    let mut seen = Vec::new();
    while h.flow.can_go_back() && h.step() == "microdeposits" {
        h.send(FlowMsg::Back);
        if h.step() == "microdeposits" {
            seen.push(view(&h));
        }
    }
    assert_eq!(seen, vec![MdView::Holder, MdView::AccountInfo, MdView::HowItWorks, MdView::RoutingNumber]);
    assert_eq!(h.step(), "search");
}

// Confirming creates the microdeposit; the account number goes only into the call's arguments.
#[test]
fn confirming_sends_the_details_and_forgets_the_number() {
    let mut h = to_routing();
    to_review(&mut h);
    h.effects.clear();
    h.send(Msg::Confirm);
    let (_, call) = h.call("createMicrodeposit");
    let args = call.args(&json!({}), "en");
    assert_eq!(
        args[0],
        json!({"routing_number": "123456780", "account_number": ACCOUNT, "account_type": 2,
               "account_name": "Savings ...4321", "first_name": "Ada", "last_name": "Lovelace",
               "email": "ada@example.com", "user_guid": null})
    );
    assert!(!h.flow.can_go_back(), "no back while sending");
    h.send(Msg::Confirm);
    assert_eq!(h.effects.iter().filter(|e| matches!(e, Effect::Call { .. })).count(), 1, "no double submit");
    let fx = h.reply("createMicrodeposit", Ok(json!({"micro_deposit": microdeposit(0, "INITIATED")})));
    assert_eq!(view(&h), MdView::ComeBack);
    assert_eq!(
        h.events(),
        vec![("connect/microdeposits/detailsSubmitted", json!({"microdeposit_guid": "MIC-123456"}))]
    );
    assert_eq!(
        facts(&fx),
        vec![Fact::ExternalAccountRequested {
            primary_id: "MIC-123456".into(),
            account: connect_widget::flow::fact::AccountRef {
                masked_number: "*4321".into(),
                routing_number: "123456780".into()
            },
            method: VerificationMethod::MicroDeposits,
        }]
    );
    assert!(md(&h).form.account_number.is_none(), "the number is dropped once sent");
    assert!(!format!("{:?}", h.flow).contains(ACCOUNT));
    assert!(!h.flow.can_go_back(), "nothing to go back to after sending");
}

// A failing submit keeps the review, with a message; nothing is lost.
#[test]
fn a_failing_submit_stays_on_the_review() {
    let mut h = to_routing();
    to_review(&mut h);
    h.send(Msg::Confirm);
    h.reply("createMicrodeposit", Err(rejected(400, json!({"message": "bad"}))));
    assert_eq!(view(&h), MdView::Review);
    assert!(matches!(md(&h).problem, Some(MdProblem::Host(connect_widget::flow::SubmitError::CheckInput))));
    assert!(md(&h).form.account_number.is_some());
    h.send(Msg::Confirm);
    assert!(h.has_call("createMicrodeposit"));
}

// An ERRORED answer (the deposits cannot be made) goes to the failure sub-view.
#[test]
fn an_errored_answer_is_a_failure() {
    let mut h = to_routing();
    to_review(&mut h);
    h.send(Msg::Confirm);
    let fx = h.reply("createMicrodeposit", Ok(microdeposit(4, "ERRORED")));
    assert_eq!(view(&h), MdView::Failed);
    assert!(matches!(
        &facts(&fx)[..],
        [
            Fact::ExternalAccountRequested { .. },
            Fact::ExternalAccountVerificationFailed {
                reason: connect_widget::flow::fact::FailureReason::AccountMismatched,
                failure_count: Some(1),
                ..
            }
        ]
    ));
    h.effects.clear();
    h.send(Msg::StartOver);
    assert_eq!(view(&h), MdView::RoutingNumber);
    assert_eq!(md(&h).form.routing_number, "123456780", "the routing number is kept");
    assert!(md(&h).form.account_mask.is_none() && md(&h).guid.is_none());
}

// A pre-created verification is completed with updateMicrodeposit, names and email included.
#[test]
fn a_pre_created_verification_is_updated() {
    let mut h = Harness::with_config(json!({"mode": "verification", "current_microdeposit_guid": "MIC-123456"}));
    h.reply("refreshMicrodepositStatus", Ok(json!(null)));
    let mut pre = microdeposit(9, "PREINITIATED");
    pre["account_number"] = Value::Null;
    pre["first_name"] = json!("Ada");
    pre["last_name"] = json!("Lovelace");
    pre["email"] = json!("ada@example.com");
    h.reply("loadMicrodepositByGuid", Ok(pre));
    assert_eq!((h.step(), view(&h)), ("microdeposits", MdView::RoutingNumber));
    assert!(md(&h).holder_known);
    h.send(Msg::SubmitRouting("123456780".into()));
    h.reply("verifyRoutingNumber", Ok(json!({})));
    h.send(Msg::Continue);
    account(&mut h, AccountType::Checking, "12345678", "12345678");
    assert_eq!(view(&h), MdView::Review);
    h.send(Msg::Confirm);
    let (_, call) = h.call("updateMicrodeposit");
    let HostCall::UpdateMicrodeposit { guid, change: MicrodepositChange::Details(_) } = &call else {
        panic!("an update: {call:?}")
    };
    assert_eq!(guid, "MIC-123456");
    let args = call.args(&json!({}), "en");
    assert_eq!((args[1]["first_name"].clone(), args[1]["email"].clone()), (json!("Ada"), json!("ada@example.com")));
}
