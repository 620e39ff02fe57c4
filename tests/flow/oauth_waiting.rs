//! OAuth while the user is at the institution: polling, success (same or
//! another inbound member), each error reason, the window's fate, the wait
//! limit, polling errors, retry and back.

use super::oauth::*;
use crate::common::harness::*;
use connect_widget::flow::oauth::{Msg, Prepare, WindowStatus, CLOSED_CONFIRMATIONS};
use connect_widget::flow::{Effect, Msg as FlowMsg, OAuthErrorReason, OAuthWaitState, Step, Token};
use connect_widget::host::HostCall;
use serde_json::json;

/// Fire the newest timer set (ever) for `after_ms`.
fn fire_after(h: &mut Harness, after_ms: u32) {
    let token: Option<Token> = h.log.iter().rev().find_map(|e| match e {
        Effect::Timer { token, after_ms: ms } if *ms == after_ms => Some(*token),
        _ => None,
    });
    let token = token.unwrap_or_else(|| panic!("no {after_ms} ms timer; effects: {:?}", h.log));
    h.effects.clear();
    h.send(FlowMsg::TimerFired { token });
}

fn wait_state(h: &Harness) -> OAuthWaitState {
    match h.flow.step() {
        Step::OAuthWaiting(w) => w.clone(),
        other => panic!("not waiting: {other:?}"),
    }
}

/// Poll once (the 7 ms timer) and answer with `state`.
fn poll(h: &mut Harness, state: serde_json::Value) {
    fire_after(h, 7);
    assert_eq!(h.call("loadOAuthState").1, HostCall::LoadOAuthState { guid: "OAS-1".into() });
    h.reply("loadOAuthState", Ok(json!({"oauth_state": state})));
}

fn success(inbound: &str) -> serde_json::Value {
    json!({"guid": "OAS-1", "auth_status": 2, "outbound_member_guid": "MBR-O", "inbound_member_guid": inbound})
}

// Polling goes on while PENDING; SUCCESS loads the member and goes to connecting, closing the window.
#[test]
fn success_with_the_same_member_connects_it() {
    let mut h = to_waiting(json!({}));
    poll(&mut h, oauth_state("OAS-1", 1));
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 7, .. })), "still pending: poll again");
    poll(&mut h, success("MBR-O"));
    assert_eq!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { guid: "MBR-O".into() });
    let mut created = pending_member();
    created["connection_status"] = json!("CREATED");
    created["is_being_aggregated"] = json!(true);
    h.reply("loadMemberByGuid", Ok(created));
    assert!(closes_window(&h));
    assert_eq!(h.step(), "connecting");
    assert!(!h.has_call("runJob"), "the back-end is already aggregating after OAuth");
    assert_eq!(h.event_names(), vec!["connect/stepChange"]);
    h.poll_answer(json!({"guid": "MBR-O", "connection_status": "CONNECTED", "is_being_aggregated": false}));
    assert_eq!(h.step(), "connected");
}

// A different inbound member (a migration to OAuth) is followed: it is the one connected.
#[test]
fn success_with_another_inbound_member_follows_it() {
    let mut h = to_waiting(json!({}));
    poll(&mut h, success("MBR-NEW"));
    assert_eq!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { guid: "MBR-NEW".into() });
    h.reply("loadMemberByGuid", Err(rejected(500, json!(null))));
    assert_eq!(h.step(), "enterCreds", "a failed load is retried, not a dead end");
    assert_eq!(wait_state(&h).poll_failures, 1);
    poll_after_failure(&mut h, 14);
    h.reply("loadOAuthState", Ok(json!(success("MBR-NEW"))));
    h.reply(
        "loadMemberByGuid",
        Ok(json!({"guid": "MBR-NEW", "connection_status": "CONNECTED", "is_being_aggregated": true})),
    );
    assert_eq!(h.step(), "connecting");
    assert_eq!(h.flow.member.as_ref().map(|m| m.guid.as_str()), Some("MBR-NEW"));
}

fn poll_after_failure(h: &mut Harness, after_ms: u32) {
    fire_after(h, after_ms);
    assert!(h.has_call("loadOAuthState"));
}

// ERRORED: the OAuth error step with a message for the reason, `connect/oauthError` with the reason's
// name, the window closed. A missing reason reads as SERVER_ERROR, as MX's widget reports it.
#[test]
fn each_error_reason_has_its_error_step() {
    let cases = [
        (Some(0), OAuthErrorReason::Unknown, "UNKNOWN_ERROR"),
        (Some(1), OAuthErrorReason::Cancelled, "CANCELLED"),
        (Some(2), OAuthErrorReason::Denied, "DENIED"),
        (Some(3), OAuthErrorReason::Impeded, "IMPEDED"),
        (Some(4), OAuthErrorReason::ProviderError, "PROVIDER_ERROR"),
        (Some(5), OAuthErrorReason::ServerError, "SERVER_ERROR"),
        (Some(6), OAuthErrorReason::SessionError, "SESSION_ERROR"),
        (None, OAuthErrorReason::ServerError, "SERVER_ERROR"),
        (Some(42), OAuthErrorReason::Unknown, "UNKNOWN_ERROR"),
    ];
    for (code, reason, name) in cases {
        let mut h = to_waiting(json!({}));
        let state = json!({"guid": "OAS-1", "auth_status": 3, "error_reason": code, "inbound_member_guid": "MBR-O"});
        poll(&mut h, state);
        assert_eq!(h.flow.step(), &Step::OAuthError { reason }, "{code:?}");
        assert_eq!(h.step(), "oauthError");
        assert!(closes_window(&h));
        assert_eq!(
            h.events(),
            vec![
                ("connect/oauthError", json!({"member_guid": "MBR-O", "error_reason": name})),
                ("connect/stepChange", json!({"previous": "enterCreds", "current": "oauthError"})),
            ]
        );
        assert!(h
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Pageview { path, .. } if path == "/connect/aggregation/oauth_error")));
        assert_eq!(h.flow.pending_count(), 0, "polling stopped");
    }
}

// "Try again" (and back) from the error step starts over: a fresh URL and state for the same member.
#[test]
fn retry_after_an_error_gets_a_fresh_url_and_state() {
    for retry in [FlowMsg::OAuth(Msg::Restart), FlowMsg::Back] {
        let mut h = to_waiting(json!({}));
        poll(&mut h, json!({"guid": "OAS-1", "auth_status": 3, "error_reason": 1}));
        h.effects.clear();
        h.send(retry.clone());
        assert!(matches!(h.flow.step(), Step::OAuth(s) if s.prepare == Prepare::Preparing), "{retry:?}");
        assert!(!h.has_call("addMember"));
        h.reply("getOAuthWindowURI", Ok(json!({"oauth_window_uri": "https://bank.example/oauth?state=new"})));
        h.reply("loadOAuthStates", Ok(json!([oauth_state("OAS-2", 1)])));
        assert!(matches!(h.flow.step(), Step::OAuth(s)
            if s.prepare == Prepare::Ready { url: "https://bank.example/oauth?state=new".into(), state_guid: Some("OAS-2".into()) }));
    }
}

// Back (the control or `navigateBack()`) from waiting returns to the instructions, stops polling and
// closes the window; a late answer is ignored. "Try again" while waiting does the same.
#[test]
fn back_from_waiting_stops_polling() {
    for restart in [false, true] {
        let mut h = to_waiting(json!({}));
        fire_after(&mut h, 7);
        let (token, _) = h.call("loadOAuthState");
        h.effects.clear();
        if restart {
            h.send(Msg::Restart);
            assert!(h
                .effects
                .iter()
                .any(|e| matches!(e, Effect::Analytic { name: "connect_waiting_for_oauth_tryagain", .. })));
        } else {
            let (went, fx) = h.flow.navigate_back();
            assert!(went);
            h.effects.extend(fx);
        }
        assert!(matches!(h.flow.step(), Step::OAuth(_)));
        assert!(closes_window(&h));
        assert!(h.has_call("getOAuthWindowURI"), "fresh URL for the next attempt");
        h.effects.clear();
        h.send(FlowMsg::HostAnswered { token, result: Ok(json!(success("MBR-O"))) });
        assert!(h.effects.is_empty(), "the old poll is ignored");
        assert_eq!(h.flow.pending_count(), 1, "only the fresh URL is awaited");
    }
}

// The wait has a limit: then polling stops, the window closes, and "Try again" starts over.
#[test]
fn a_wait_that_never_ends_times_out() {
    let mut h = to_waiting(json!({}));
    poll(&mut h, oauth_state("OAS-1", 1));
    fire_after(&mut h, 7);
    let (late, _) = h.call("loadOAuthState");
    fire_after(&mut h, 5000);
    assert!(wait_state(&h).timed_out);
    assert!(closes_window(&h));
    assert!(!h.has_timer());
    h.send(FlowMsg::HostAnswered { token: late, result: Ok(json!(success("MBR-O"))) });
    assert!(wait_state(&h).timed_out, "a late answer does not revive the wait");
    assert_eq!(h.flow.pending_count(), 0);
    h.send(Msg::Restart);
    assert!(matches!(h.flow.step(), Step::OAuth(_)));
}

// Polling errors are retried with back-off (interval × 2ⁿ), counted for a notice, and reset by an answer.
#[test]
fn polling_errors_back_off_and_recover() {
    let mut h = to_waiting(json!({}));
    fire_after(&mut h, 7);
    for (failures, next) in [(1, 14), (2, 28), (3, 56)] {
        h.reply("loadOAuthState", Err(rejected(503, json!(null))));
        assert_eq!(wait_state(&h).poll_failures, failures);
        fire_after(&mut h, next);
    }
    h.reply("loadOAuthState", Ok(json!(oauth_state("OAS-1", 1))));
    assert_eq!(wait_state(&h).poll_failures, 0);
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 7, .. })));
}

// A blocked window (null, or closed at once) turns into "Continue in a new tab", which opens it again.
#[test]
fn a_blocked_window_offers_a_new_tab() {
    let mut h = to_waiting(json!({}));
    h.send(Msg::WindowBlocked);
    assert_eq!(wait_state(&h).window, WindowStatus::Blocked);
    h.effects.clear();
    h.send(Msg::Reopen);
    assert_eq!(opened(&h), vec![URL.to_string()]);
    assert_eq!(h.event_names(), vec!["connect/oauthRequested"]);
    assert_eq!(wait_state(&h).window, WindowStatus::Open);
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 5000, .. })), "the wait starts again");
}

// A closed window makes the widget check at once; only when the state stays pending does the step say
// the user left unfinished. Polling goes on, so finishing elsewhere still completes.
#[test]
fn a_closed_window_is_detected_without_giving_up() {
    let mut h = to_waiting(json!({}));
    fire_after(&mut h, 7);
    let (stale, _) = h.call("loadOAuthState");
    h.effects.clear();
    h.send(Msg::WindowClosed);
    assert!(h.has_call("loadOAuthState"), "checked at once");
    assert_eq!(wait_state(&h).window, WindowStatus::Closed);
    h.send(FlowMsg::HostAnswered { token: stale, result: Ok(json!(success("MBR-O"))) });
    assert!(!h.has_call("loadMemberByGuid"), "only one poll in flight: the earlier one is dropped");
    for seen in 1..=CLOSED_CONFIRMATIONS {
        assert!(!wait_state(&h).closed_unfinished());
        h.reply("loadOAuthState", Ok(json!(oauth_state("OAS-1", 1))));
        assert_eq!(wait_state(&h).pending_since_closed, seen);
        if seen < CLOSED_CONFIRMATIONS {
            fire_after(&mut h, 7);
        }
    }
    assert!(wait_state(&h).closed_unfinished());
    poll(&mut h, success("MBR-O"));
    assert!(h.has_call("loadMemberByGuid"), "a late success still completes");
}

// The completion message from the window only makes the widget look now; a message about another
// member is ignored.
#[test]
fn the_completion_message_checks_at_once() {
    let mut h = to_waiting(json!({}));
    h.effects.clear();
    h.send(Msg::WindowReported { member_guid: Some("MBR-OTHER".into()) });
    assert!(h.effects.is_empty());
    h.send(Msg::WindowReported { member_guid: Some("MBR-O".into()) });
    assert!(h.has_call("loadOAuthState"));
    h.reply("loadOAuthState", Ok(json!(oauth_state("OAS-1", 1))));
    assert_eq!(h.step(), "enterCreds", "the state decides, not the message");
}

// With no pending OAuth state to read, the member is followed: still PENDING keeps waiting, anything
// else has authorized.
#[test]
fn without_an_oauth_state_the_member_is_polled() {
    let mut h = to_oauth(json!({}));
    h.reply("addMember", Ok(json!({"member": pending_member()})));
    h.reply("loadOAuthStates", Ok(json!([])));
    h.send(Msg::Go);
    fire_after(&mut h, 7);
    assert_eq!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { guid: "MBR-O".into() });
    h.reply("loadMemberByGuid", Ok(pending_member()));
    fire_after(&mut h, 7);
    h.reply(
        "loadMemberByGuid",
        Ok(json!({"guid": "MBR-O", "connection_status": "CREATED", "is_being_aggregated": true})),
    );
    assert_eq!(h.step(), "connecting");
}
