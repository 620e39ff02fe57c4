//! OAuth: when it applies, preparing the way (member, window URL, OAuth
//! state), going there, and what refuses to open. Waiting and its endings are
//! in `oauth_waiting.rs`.

use crate::common::harness::*;
use connect_widget::flow::oauth::{Msg, Prepare, StartFailure, WindowStatus};
use connect_widget::flow::{search, Effect, Load, Step, SubmitError};
use connect_widget::host::HostCall;
use serde_json::{json, Value};

/// The OAuth window URL every fake host hands out first.
pub const URL: &str = "https://bank.example/oauth/authorize?state=abc";

/// An institution that supports OAuth.
pub fn oauth_institution() -> Value {
    let mut i = institution("INS-O", "Oak Bank");
    i["supports_oauth"] = json!(true);
    i
}

/// The member `addMember({is_oauth: true})` creates.
pub fn pending_member() -> Value {
    json!({"guid": "MBR-O", "institution_guid": "INS-O", "connection_status": "PENDING", "is_oauth": true,
           "is_being_aggregated": false, "oauth_window_uri": URL, "user_guid": "USR-1"})
}

/// An OAuth state as the host answers it.
pub fn oauth_state(guid: &str, status: i64) -> Value {
    json!({"guid": guid, "auth_status": status, "outbound_member_guid": "MBR-O", "error_reason": null})
}

/// Search → Oak Bank picked: the OAuth instructions, preparing.
pub fn to_oauth(config: Value) -> Harness {
    let mut h = Harness::with_config(config);
    h.reply("loadPopularInstitutions", Ok(json!([oauth_institution()])));
    h.send(search::Msg::Select("INS-O".into()));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    h
}

/// …the member created and its pending state found: "Go to Oak Bank" is ready.
pub fn to_ready(config: Value) -> Harness {
    let mut h = to_oauth(config);
    h.reply("addMember", Ok(json!({"member": pending_member()})));
    h.reply("loadOAuthStates", Ok(json!([oauth_state("OAS-1", 1)])));
    h
}

/// …and the user clicked "Go to Oak Bank".
pub fn to_waiting(config: Value) -> Harness {
    let mut h = to_ready(config);
    h.effects.clear();
    h.send(Msg::Go);
    h
}

pub fn prepare_of(h: &Harness) -> Option<Prepare> {
    match h.flow.step() {
        Step::OAuth(s) => Some(s.prepare.clone()),
        _ => None,
    }
}

pub fn opened(h: &Harness) -> Vec<String> {
    h.effects
        .iter()
        .filter_map(|e| match e {
            Effect::OpenOAuthWindow { url } => Some(url.clone()),
            _ => None,
        })
        .collect()
}

pub fn closes_window(h: &Harness) -> bool {
    h.effects.contains(&Effect::CloseOAuthWindow)
}

// An OAuth institution gets the OAuth instructions, not a login form: the pending member is created
// with `is_oauth: true` and no credentials, and its pending OAuth state is looked up.
#[test]
fn an_oauth_institution_starts_oauth_instead_of_credentials() {
    let mut h = to_oauth(json!({}));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(prepare_of(&h), Some(Prepare::Preparing));
    assert!(!h.has_call("getInstitutionCredentials"), "no login form is loaded");
    let (_, call) = h.call("addMember");
    let args = call.args(&json!({"client_redirect_url": "https://app.example/back"}), "en");
    assert_eq!(args[0]["is_oauth"], json!(true));
    assert_eq!(args[0]["institution_guid"], json!("INS-O"));
    assert!(args[0].get("credentials").is_none());
    assert_eq!(args[1]["client_redirect_url"], json!("https://app.example/back"), "config travels to the host");
    assert!(h.log.iter().any(|e| matches!(e, Effect::Pageview { path, .. }
        if path == "/connect/aggregation/credentials/oauth_step/instructions")));
    h.reply("addMember", Ok(json!({"member": pending_member()})));
    assert!(h
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Analytic { name: "connect_oauth_pending_member_created", .. })));
    let (_, states) = h.call("loadOAuthStates");
    assert_eq!(
        states.args(&json!({}), "en"),
        vec![json!({"outbound_member_guid": "MBR-O", "auth_status": 1, "oauth_status": 1})]
    );
    h.reply("loadOAuthStates", Ok(json!({"oauth_states": [oauth_state("OAS-1", 1)]})));
    assert_eq!(prepare_of(&h), Some(Prepare::Ready { url: URL.into(), state_guid: Some("OAS-1".into()) }));
    assert!(h.flow.can_go_back());
}

// "Go to Oak Bank" opens the window first (inside the click), then tells the host and starts waiting.
#[test]
fn going_to_the_institution_opens_the_window_in_the_click() {
    let h = to_waiting(json!({}));
    assert_eq!(h.step(), "enterCreds", "as in MX's widget, waiting is part of the credentials step");
    assert!(matches!(h.flow.step(), Step::OAuthWaiting(w) if w.window == WindowStatus::Open));
    assert_eq!(h.effects.first(), Some(&Effect::OpenOAuthWindow { url: URL.into() }), "first, in the click");
    assert_eq!(h.events(), vec![("connect/oauthRequested", json!({"url": URL, "member_guid": "MBR-O"}))]);
    let (_, start) = h.call("oAuthStart");
    assert_eq!(start.args(&json!({}), "en")[0]["member"]["guid"], json!("MBR-O"));
    assert!(h
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Analytic { name: "connect_oauth_default_go_to_institution", .. })));
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 7, .. })), "polls at the OAuth interval");
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 5000, .. })), "the wait limit");
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Pageview { path, .. }
        if path == "/connect/aggregation/credentials/oauth_step/waiting")));
}

// In a webview, or with `oauth_referral_source: "APP"`, the widget opens nothing: the host opens the URL.
#[test]
fn webview_mode_leaves_opening_to_the_host() {
    for config in [json!({"is_mobile_webview": true}), json!({"oauth_referral_source": "APP"})] {
        let mut h = to_waiting(config.clone());
        assert!(opened(&h).is_empty(), "{config}");
        assert_eq!(h.events(), vec![("connect/oauthRequested", json!({"url": URL, "member_guid": "MBR-O"}))]);
        assert!(matches!(h.flow.step(), Step::OAuthWaiting(w) if w.window == WindowStatus::HostOpens));
        h.effects.clear();
        h.send(Msg::Reopen);
        assert!(opened(&h).is_empty(), "reopening asks the host again");
        assert_eq!(h.event_names(), vec!["connect/oauthRequested"]);
    }
}

// Only https: is ever opened. Any other scheme is refused with a message, and "Go" opens nothing.
#[test]
fn a_url_that_is_not_https_is_refused() {
    for url in ["http://bank.example/oauth", "javascript:alert(1)", "data:text/html,hi", "ftp://bank.example"] {
        let mut h = to_oauth(json!({}));
        let mut m = pending_member();
        m["oauth_window_uri"] = json!(url);
        h.reply("addMember", Ok(m));
        assert_eq!(prepare_of(&h), Some(Prepare::Failed(StartFailure::UnsafeUrl)), "{url}");
        assert!(!h.has_call("loadOAuthStates"));
        let warning = h.effects.iter().find_map(|e| match e {
            Effect::Warn(w) => Some(w.clone()),
            _ => None,
        });
        assert!(warning.is_some_and(|w| w.contains("not https") && !w.contains(url)), "the URL is not logged");
        h.send(Msg::Go);
        assert!(opened(&h).is_empty());
        assert_eq!(h.step(), "enterCreds");
    }
}

// `profiles.clientProfile.uses_oauth: false`: the credentials form, as MX's widget does; an institution
// without login fields then says so (with a retry), never an empty form.
#[test]
fn uses_oauth_false_shows_credentials() {
    let mut h = Harness::with_config(json!({}));
    h.flow.env.oauth_disabled = true;
    h.reply("loadPopularInstitutions", Ok(json!([oauth_institution()])));
    h.send(search::Msg::Select("INS-O".into()));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    assert!(matches!(h.flow.step(), Step::Credentials(_)));
    assert!(!h.has_call("addMember"));
    h.reply("getInstitutionCredentials", Ok(json!({"credentials": []})));
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.fields == Load::Failed));
}

// Fixing an OAuth member (`update_credentials`) asks `getOAuthWindowURI` for a fresh URL: no new member.
#[test]
fn an_existing_oauth_member_gets_a_fresh_url() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-O", "update_credentials": true}));
    let mut connected = pending_member();
    connected["connection_status"] = json!("CONNECTED");
    h.reply("loadMemberByGuid", Ok(connected));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    assert_eq!(h.step(), "enterCreds");
    assert!(!h.has_call("addMember") && !h.has_call("getMemberCredentials"));
    let (_, call) = h.call("getOAuthWindowURI");
    assert_eq!(call, HostCall::GetOAuthWindowUri { member_guid: "MBR-O".into() });
    h.reply("getOAuthWindowURI", Ok(json!({"guid": "MBR-O", "oauth_window_uri": "https:/bank.example/fresh"})));
    h.reply("loadOAuthStates", Ok(json!([oauth_state("OAS-2", 1)])));
    assert_eq!(
        prepare_of(&h),
        Some(Prepare::Ready { url: "https://bank.example/fresh".into(), state_guid: Some("OAS-2".into()) })
    );
    assert!(h.events().is_empty(), "a healthy member updated on request is no error");
}

// A configured member still PENDING has only not authorized yet: OAuth, with no memberError and no
// "log in again" notice. A member whose token expired (2004) is told why.
#[test]
fn a_pending_oauth_member_is_no_error_but_a_reauthorization_is_explained() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-O"}));
    h.reply("loadMemberByGuid", Ok(pending_member()));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    assert!(matches!(h.flow.step(), Step::OAuth(s) if s.reason.is_none()));
    assert!(!h.log.iter().any(|e| matches!(e, Effect::Emit(ev) if ev.name() == "connect/memberError")));

    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-O"}));
    let mut expired = pending_member();
    expired["connection_status"] = json!("DENIED");
    expired["error"] = json!({"error_code": 2004});
    h.reply("loadMemberByGuid", Ok(expired));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    assert!(matches!(h.flow.step(), Step::OAuth(s) if s.reason.is_some()));
    assert!(h.has_call("getOAuthWindowURI"));
}

// A failure at any stage of preparing shows a message with "Try again"; `createMemberError` only when
// the member could not be created.
#[test]
fn preparing_failures_offer_a_retry() {
    let mut h = to_oauth(json!({}));
    h.reply("addMember", Err(rejected(500, json!(null))));
    assert_eq!(prepare_of(&h), Some(Prepare::Failed(StartFailure::Host(SubmitError::Generic))));
    assert_eq!(
        h.events(),
        vec![("connect/createMemberError", json!({"institution_guid": "INS-O", "institution_code": "oak_bank"}))]
    );
    h.effects.clear();
    h.send(Msg::RetryStart);
    assert_eq!(prepare_of(&h), Some(Prepare::Preparing));
    h.reply("addMember", Err(rejected(403, json!(null))));
    assert_eq!(prepare_of(&h), Some(Prepare::Failed(StartFailure::Host(SubmitError::NotEnabled))));

    let mut h = to_oauth(json!({}));
    h.reply("addMember", Ok(json!({"member": pending_member()})));
    h.reply("loadOAuthStates", Err(rejected(500, json!(null))));
    assert!(matches!(prepare_of(&h), Some(Prepare::Failed(_))));
    assert!(h.events().is_empty(), "the member exists: no createMemberError");
    h.send(Msg::RetryStart);
    assert!(h.has_call("getOAuthWindowURI"), "the pending member is reused, not created again");
    h.reply("getOAuthWindowURI", Err(rejected(404, json!(null))));
    assert!(matches!(prepare_of(&h), Some(Prepare::Failed(StartFailure::Host(SubmitError::Generic)))));
}

// 409 "already exists" from addMember: go on with that member and a fresh URL.
#[test]
fn an_existing_member_from_a_409_is_reused() {
    let mut h = to_oauth(json!({}));
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-O"}))));
    assert_eq!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { guid: "MBR-O".into() });
    h.reply("loadMemberByGuid", Ok(pending_member()));
    assert!(h.has_call("getOAuthWindowURI"));
    assert!(h.events().is_empty());
}

// Without `loadOAuthStates`/`loadOAuthState` the widget still works: it follows the member instead.
// Without `getOAuthWindowURI`, the member's own `oauth_window_uri` is used.
#[test]
fn optional_oauth_callbacks_may_be_missing() {
    let mut h = Harness::with_config(json!({}));
    h.flow
        .env
        .available_callbacks
        .retain(|c| !matches!(*c, "loadOAuthStates" | "loadOAuthState" | "getOAuthWindowURI" | "oAuthStart"));
    h.reply("loadPopularInstitutions", Ok(json!([oauth_institution()])));
    h.send(search::Msg::Select("INS-O".into()));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    h.reply("addMember", Ok(json!({"member": pending_member()})));
    assert_eq!(prepare_of(&h), Some(Prepare::Ready { url: URL.into(), state_guid: None }));
    h.send(Msg::Go);
    assert!(!h.has_call("oAuthStart"));
    h.effects.clear();
    h.send(Msg::Restart);
    assert_eq!(prepare_of(&h), Some(Prepare::Ready { url: URL.into(), state_guid: None }), "the member's own URL");
}

// The instructions step goes back to search; there is no way back without search.
#[test]
fn back_from_the_instructions() {
    let mut h = to_ready(json!({}));
    h.effects.clear();
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
    assert!(h.event_names().contains(&"connect/backToSearch"));
    assert!(h.flow.member.is_none());

    let mut h = Harness::with_config(json!({"current_institution_guid": "INS-O", "disable_institution_search": true}));
    h.reply("loadInstitutionByGuid", Ok(oauth_institution()));
    assert!(matches!(h.flow.step(), Step::OAuth(_)));
    assert!(!h.flow.can_go_back());
    assert!(!h.flow.navigate_back().0);
}
