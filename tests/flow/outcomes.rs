//! The ends of a path and their actions.

use crate::common::harness::*;
use connect_widget::flow::outcomes::Msg;
use connect_widget::flow::{Action, Effect, Step};
use serde_json::json;

fn at_locked() -> Harness {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("LOCKED", false));
    h.effects.clear();
    h
}

// Each login-error action does what it says.
#[test]
fn login_error_actions() {
    let mut h = at_locked();
    h.send(Msg::Act(Action::VisitWebsite));
    assert_eq!(h.effects, vec![Effect::OpenUrl("https://bank.example".into())]);
    let mut h = at_locked();
    h.send(Msg::Act(Action::TryAnotherInstitution));
    assert_eq!(h.step(), "search");
    assert_eq!(h.event_names()[0], "connect/backToSearch");
    let mut h = at_locked();
    h.send(Msg::Act(Action::UpdateCredentials));
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.is_update() && c.reason.is_none()));
    assert!(h.has_call("getMemberCredentials"));
    let mut h = at_locked();
    h.send(Msg::Act(Action::TryAgain));
    assert_eq!(h.step(), "connecting");
    assert!(h.has_call("runJob"), "try again re-runs even a finished member");
}

// "Done" on connected tells the host and starts over on search.
#[test]
fn done_after_connecting_starts_over() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CONNECTED", false));
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(h.event_names(), vec!["connect/connected/primaryAction", "connect/backToSearch", "connect/stepChange"]);
    assert_eq!(h.step(), "search");
    assert!(h.has_call("loadPopularInstitutions"));
    assert!(h.flow.institution.is_none() && h.flow.member.is_none());
}

// Without search, "Done" reopens the configured institution's form.
#[test]
fn done_without_search_reopens_the_institution() {
    let mut h = Harness::with_config(json!({"current_institution_guid": "INS-1", "disable_institution_search": true}));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h.reply("getInstitutionCredentials", Ok(fields()));
    h.submit_good_credentials();
    h.reply("addMember", Ok(member("CONNECTED", false)));
    h.reply("runJob", Ok(json!({})));
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(h.step(), "connected");
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(h.step(), "enterCreds");
    assert!(!h.event_names().contains(&"connect/backToSearch"));
    assert!(h.has_call("getInstitutionCredentials"));
}

// "Done" does nothing where there is nothing to finish.
#[test]
fn done_elsewhere_is_ignored() {
    let mut h = Harness::to_credentials();
    h.effects.clear();
    h.send(Msg::Done);
    assert!(h.effects.is_empty());
    assert_eq!(h.step(), "enterCreds");
}
