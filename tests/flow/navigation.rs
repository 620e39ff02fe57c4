//! Back navigation and stale answers.

use crate::common::harness::*;
use connect_widget::flow::{Msg, Step};
use serde_json::json;

// Back from credentials returns to search with its results, and tells the host.
#[test]
fn back_from_credentials_returns_to_search() {
    let mut h = Harness::to_credentials();
    assert!(h.flow.can_go_back());
    h.effects.clear();
    h.send(Msg::Back);
    assert_eq!(h.step(), "search");
    assert_eq!(h.event_names(), vec!["connect/backToSearch", "connect/stepChange"]);
    assert!(matches!(h.flow.step(), Step::Search(s) if s.popular.is_some()), "popular list kept");
    assert!(h.flow.institution.is_none());
}

// A reply for a step the user has left is ignored.
#[test]
fn late_replies_are_ignored() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    let (token, _) = h.call("addMember");
    h.send(Msg::Back);
    h.effects.clear();
    h.send(Msg::HostAnswered { token, result: Ok(member("CREATED", true)) });
    assert_eq!(h.step(), "search");
    assert!(h.effects.is_empty());
}

// Back while connecting stops polling and returns to the form.
#[test]
fn back_while_connecting_stops_polling() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let (token, _) = h.call("loadMemberByGuid");
    h.send(Msg::Back);
    assert_eq!(h.step(), "enterCreds");
    assert!(matches!(h.flow.step(), Step::Credentials(c) if !c.submitting), "the form is usable again");
    h.effects.clear();
    h.send(Msg::HostAnswered { token, result: Ok(member("CONNECTED", false)) });
    assert!(h.effects.is_empty());
    assert_eq!(h.flow.pending_count(), 0);
}

// `disable_institution_search` hides every way back to search.
#[test]
fn disabled_search_has_no_way_back() {
    let mut h = Harness::with_config(json!({"current_institution_guid": "INS-1", "disable_institution_search": true}));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert!(!h.flow.can_go_back());
    let (went, _) = h.flow.navigate_back();
    assert!(!went);
    assert_eq!(h.step(), "enterCreds");
    assert!(!h.flow.allowed().search);
}

// From an error screen reached without search below, back opens search afresh.
#[test]
fn back_from_a_first_step_error_goes_to_search() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-1"}));
    h.reply("loadMemberByGuid", Ok(member("LOCKED", false)));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "actionableError");
    h.effects.clear();
    let (went, _) = h.flow.navigate_back();
    assert!(went);
    assert_eq!(h.step(), "search");
}

// Every step states its back rule; the stack decides the rest.
#[test]
fn no_back_on_first_and_last_steps() {
    let h = Harness::new();
    assert!(!h.flow.can_go_back(), "search is the root");
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(h.step(), "connected");
    assert!(!h.flow.can_go_back(), "connected is an end");
}

// What the runtime asks before cancelling an HTTP read: a call is waited on
// until it is answered or its step is left.
#[test]
fn calls_are_waited_on_until_answered_or_left() {
    let mut h = Harness::new();
    let (popular, _) = h.call("loadPopularInstitutions");
    assert!(h.flow.is_waiting_on(popular));
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    assert!(!h.flow.is_waiting_on(popular), "answered");

    let mut h = Harness::to_connecting(member("CREATED", true));
    let (poll, _) = h.call("loadMemberByGuid");
    assert!(h.flow.is_waiting_on(poll));
    h.send(Msg::Back);
    assert!(!h.flow.is_waiting_on(poll), "the user left the connecting step");
    assert!(!h.flow.is_waiting_on(9_999), "a token never handed out");
}
