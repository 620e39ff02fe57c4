//! The support request sub-view.

use crate::common::harness::*;
use connect_widget::flow::support::Msg;
use connect_widget::flow::{is_email, outcomes, Action, Effect, Environment, Flow, Overlay, Settings, SupportField};
use connect_widget::host::HostCall;
use connect_widget::model::ClientConfig;
use serde_json::json;

fn submit(h: &mut Harness, email: &str, title: &str, message: &str) {
    h.send(Msg::Submit { email: email.into(), title: title.into(), message: message.into() });
}

// The support form validates, sends, and recovers from a failure (a reference quirk).
#[test]
fn support_request() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("FAILED", false));
    h.effects.clear();
    h.send(outcomes::Msg::Act(Action::GetHelp));
    assert!(matches!(h.flow.overlay, Some(Overlay::Support(ref s)) if s.needs_email));
    assert!(h.effects.contains(&Effect::FocusHeading));
    assert!(h
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Pageview { path, .. } if path == "/connect/aggregation/support/support_general")));
    submit(&mut h, "bad", "", "x");
    assert!(
        matches!(&h.flow.overlay, Some(Overlay::Support(s)) if s.invalid == vec![SupportField::Email, SupportField::Title])
    );
    submit(&mut h, "a@b.co", "Help", "It fails");
    assert!(
        matches!(h.call("createSupportTicket").1, HostCall::CreateSupportTicket(ref t) if t.email == "a@b.co" && t.title == "Help")
    );
    h.reply("createSupportTicket", Err(rejected(500, json!(null))));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Support(s)) if !s.submitting && s.error.is_some()));
    submit(&mut h, "a@b.co", "Help", "It fails");
    h.reply("createSupportTicket", Ok(json!(null)));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Support(s)) if s.sent_to.as_deref() == Some("a@b.co")));
    h.send(Msg::Close);
    assert!(h.flow.overlay.is_none());
    assert_eq!(h.step(), "actionableError");
}

// With the user's email in the profile the form does not ask for it.
#[test]
fn known_email_is_not_asked() {
    let env = Environment { user_email: Some("known@example.com".into()), ..env_all() };
    let mut flow = Flow::new(ClientConfig::default(), Settings::default(), env);
    flow.update(connect_widget::flow::start::Msg::Begin.into());
    flow.update(Msg::Open.into());
    assert!(matches!(flow.overlay, Some(Overlay::Support(ref s)) if !s.needs_email));
    let fx = flow.update(Msg::Submit { email: String::new(), title: "T".into(), message: "M".into() }.into());
    assert!(fx.iter().any(
        |e| matches!(e, Effect::Call { call: HostCall::CreateSupportTicket(t), .. } if t.email == "known@example.com")
    ));
}

// Without `createSupportTicket` there is no support form.
#[test]
fn no_support_without_its_callback() {
    let env = Environment { available_callbacks: vec!["addMember"], ..env_all() };
    let mut flow = Flow::new(ClientConfig::default(), Settings::default(), env);
    flow.update(connect_widget::flow::start::Msg::Begin.into());
    flow.update(Msg::Open.into());
    assert!(flow.overlay.is_none());
    assert!(!flow.allowed().support);
}

#[test]
fn email_check() {
    assert!(is_email("a@b.co"));
    assert!(!is_email("a@b"));
    assert!(!is_email("a b@c.d"));
    assert!(!is_email("@b.co"));
}
