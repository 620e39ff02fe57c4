//! OAuth in the real widget: through the sandbox's authorization page, and
//! with JS hosts whose OAuth state succeeds or errors. `window.open` is
//! replaced per test (browsers block windows a synthetic click opens): it
//! records the URL and returns null (a blocked popup), a stand-in window
//! whose `closed` the test controls, or a frame showing the real
//! `public/oauth-sandbox.html` and `.js`, which report back like a popup.

use crate::common::browser::*;
use connect_widget::host::{HostCall, InstitutionQuery};
use connect_widget::sandbox::Sandbox;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

const PAGE_HTML: &str = include_str!("../../public/oauth-sandbox.html");
const PAGE_JS: &str = include_str!("../../public/oauth-sandbox.js");

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn stub_open(mode: &str, html: &str, js: &str) -> JsValue;
    fn restore_open();
    fn set_mode(rec: &JsValue, mode: &str);
    fn opened_urls(rec: &JsValue) -> Vec<String>;
    fn close_stand_in(rec: &JsValue, i: u32);
    fn stand_in_closes(rec: &JsValue, i: u32) -> i32;
    fn page_button(rec: &JsValue, name: &str) -> Option<web_sys::HtmlElement>;
    fn page_text(rec: &JsValue) -> String;
    fn post_from_page_itself(message: &JsValue);
    fn oauth_host(opts: &JsValue) -> JsValue;
    fn calls_named(host: &JsValue, name: &str) -> JsValue;
}

const SECURE_URI: &str = "https://oak.example/oauth/authorize?state=abc";

fn stub(mode: &str) -> JsValue {
    stub_open(mode, PAGE_HTML, PAGE_JS)
}

fn host(pending: u32, end: Value) -> JsValue {
    oauth_host(&json(&json!({"uri": SECURE_URI, "pending": pending, "end": end})))
}

/// Timings for OAuth tests: fast polls unless `poll_ms` says otherwise.
fn oauth_timing(poll_ms: u32) -> Value {
    timing_with(json!({"oauthPollIntervalMs": poll_ms, "sandboxAggregationMs": 30, "sandboxSyncMs": 10}))
}

/// Mount `api` on Oak Bank (`extra` added to the client config) and wait for "Go to Oak Bank".
async fn on_oak_bank(api: &JsValue, extra: Value, timing: Value) -> Mounted {
    let mut config = json!({"current_institution_guid": "INS-O"});
    if let (Some(c), Some(e)) = (config.as_object_mut(), extra.as_object()) {
        c.extend(e.clone());
    }
    let w = mount_with(api.clone(), json!({"clientConfig": config, "timing": timing}));
    until_ready(&w, "Oak Bank").await;
    w
}

/// …then "Go to Oak Bank": the user is at the institution.
async fn at_oak_bank(api: &JsValue, extra: Value, timing: Value) -> Mounted {
    let w = on_oak_bank(api, extra, timing).await;
    w.click("Go to Oak Bank");
    w
}

fn calls(api: &JsValue, name: &str) -> Vec<Value> {
    connect_widget::host::js::js_to_json(&calls_named(api, name))
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
}

fn has_password_field(w: &Mounted) -> bool {
    w.root().query_selector("input[type=password]").ok().flatten().is_some()
}

/// Open the OAuth institution configured by code and wait for "Go to <name>".
async fn until_ready(w: &Mounted, name: &str) {
    w.until_heading(&format!("Log in at {name}")).await;
    w.until_button(&format!("Go to {name}")).await;
}

async fn click_on_page(rec: &JsValue, w: &Mounted, name: &str) {
    let wanted = name.to_string();
    w.until(&format!("the sandbox page's {name:?} button"), 3000, |_| page_button(rec, &wanted).is_some()).await;
    if let Some(button) = page_button(rec, name) {
        button.click();
    }
}

// Authorize on the sandbox's own page: the page reports to the widget, which connects at once (the
// OAuth poll interval is a minute here, so only the completion message can make it that fast).
#[wasm_bindgen_test]
async fn authorizing_on_the_sandbox_page_connects() {
    let rec = stub("page");
    let w = mount_sandbox(
        json!({"clientConfig": {"current_institution_code": "mx_bank_oauth"}, "timing": oauth_timing(60_000)}),
    );
    until_ready(&w, "MX Bank (OAuth)").await;
    assert!(!has_password_field(&w));
    assert!(w.text().contains("You'll go to MX Bank (OAuth) to log in securely."));
    w.click("Go to MX Bank (OAuth)");
    w.until_heading("Finish logging in at MX Bank (OAuth)").await;
    w.until_heading_focused().await;
    let urls = opened_urls(&rec);
    assert_eq!(urls.len(), 1);
    assert!(
        urls[0].contains("/oauth-sandbox.html?member_guid=MBR-")
            && urls[0].contains("institution=MX%20Bank%20%28OAuth%29"),
        "{urls:?}"
    );
    let requested = w.events_named("connect/oauthRequested");
    assert_eq!(requested.len(), 1);
    assert_eq!(requested[0]["url"], json!(urls[0]));
    click_on_page(&rec, &w, "Authorize").await;
    w.until_heading("You're connected").await;
    assert!(page_text(&rec).contains("MX Bank (OAuth)"), "the page names the institution");
    let pageviews = w.pageviews();
    for path in ["/credentials/oauth_step/instructions", "/credentials/oauth_step/waiting", "/connected"] {
        assert!(pageviews.iter().any(|p| p.ends_with(path)), "{path}: {pageviews:?}");
    }
    assert_eq!(w.events_named("connect/memberConnected").len(), 1);
    restore_open();
    w.unmount();
}

// Deny on the sandbox page: the OAuth error step says the user declined; "Try again" starts over.
#[wasm_bindgen_test]
async fn denying_on_the_sandbox_page_shows_the_oauth_error() {
    let rec = stub("page");
    let w = mount_sandbox(
        json!({"clientConfig": {"current_institution_code": "keystone_national_oauth"}, "timing": oauth_timing(60_000)}),
    );
    until_ready(&w, "Keystone National Bank").await;
    w.click("Go to Keystone National Bank");
    click_on_page(&rec, &w, "Deny").await;
    w.until_heading("We couldn't connect to Keystone National Bank").await;
    w.until_heading_focused().await;
    assert!(w.alerts().iter().any(|a| a.contains("you chose not to share")), "{:?}", w.alerts());
    let errors = w.events_named("connect/oauthError");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["error_reason"], json!("CANCELLED"));
    assert!(errors[0]["member_guid"].as_str().is_some_and(|g| g.starts_with("MBR-")));
    w.click("Try again");
    until_ready(&w, "Keystone National Bank").await;
    w.click("Go to Keystone National Bank");
    assert_eq!(opened_urls(&rec).len(), 2);
    let urls = opened_urls(&rec);
    assert_ne!(urls[0], urls[1], "a fresh URL and state");
    restore_open();
    w.unmount();
}

// A JS host whose OAuth state is PENDING for a few polls, then SUCCESS: connected, window closed.
#[wasm_bindgen_test]
async fn a_host_state_that_succeeds_after_some_polls_connects() {
    let rec = stub("stand-in");
    let api = host(3, json!({"auth_status": 2}));
    let w = on_oak_bank(&api, json!({}), oauth_timing(15)).await;
    assert!(calls(&api, "getInstitutionCredentials").is_empty());
    let added = calls(&api, "addMember");
    assert_eq!(added[0]["args"][0]["is_oauth"], json!(true));
    w.click("Go to Oak Bank");
    assert_eq!(opened_urls(&rec), vec![SECURE_URI.to_string()], "opened inside the click");
    w.until_heading("You're connected").await;
    assert!(calls(&api, "loadOAuthState").len() >= 4, "polled until SUCCESS");
    assert_eq!(calls(&api, "oAuthStart").len(), 1);
    assert_eq!(stand_in_closes(&rec, 0), 1, "the window is closed once the flow is done with it");
    restore_open();
    w.unmount();
}

// ERRORED with each reason: a message that fits, and `connect/oauthError` with the reason's name.
#[wasm_bindgen_test]
async fn errored_states_explain_each_reason() {
    let cases = [
        (0, "UNKNOWN_ERROR", "Something went wrong while connecting to Oak Bank"),
        (1, "CANCELLED", "you chose not to share"),
        (2, "DENIED", "There was a problem logging in to Oak Bank"),
        (3, "IMPEDED", "Oak Bank needs your attention on its website"),
        (4, "PROVIDER_ERROR", "Oak Bank ran into a problem"),
        (5, "SERVER_ERROR", "Something went wrong on our side"),
        (6, "SESSION_ERROR", "Your session with Oak Bank ended"),
    ];
    for (code, name, message) in cases {
        let _rec = stub("stand-in");
        let api = host(1, json!({"auth_status": 3, "error_reason": code}));
        let w = at_oak_bank(&api, json!({}), oauth_timing(10)).await;
        w.until_heading("We couldn't connect to Oak Bank").await;
        assert!(w.alerts().iter().any(|a| a.contains(message)), "{name}: {:?}", w.alerts());
        assert_eq!(w.events_named("connect/oauthError"), vec![json!({"member_guid": "MBR-O", "error_reason": name})]);
        assert!(w.has_button("Try again"));
        restore_open();
        w.unmount();
    }
}

// Polling errors never leave a dead screen: retried with back-off, and said after three in a row.
#[wasm_bindgen_test]
async fn polling_errors_are_retried_and_said() {
    let _rec = stub("stand-in");
    let api = oauth_host(&json(&json!({"uri": SECURE_URI, "pending": 0, "end": null, "failing": true})));
    let w = at_oak_bank(&api, json!({}), oauth_timing(10)).await;
    w.until("the trouble notice", 3000, |m| m.text().contains("We're having trouble checking with Oak Bank")).await;
    assert!(calls(&api, "loadOAuthState").len() >= 3);
    assert!(w.has_button("Try again") && w.has_button("Open Oak Bank again"), "a way forward stays");
    let polls = calls(&api, "loadOAuthState").len();
    sleep(60).await;
    assert!(calls(&api, "loadOAuthState").len() <= polls + 1, "backing off, not hammering the host");
    restore_open();
    w.unmount();
}

// In a webview the widget opens nothing: it tells the host, which opens the system browser.
#[wasm_bindgen_test]
async fn webview_mode_opens_no_window_and_tells_the_host() {
    let rec = stub("stand-in");
    let api = host(1000, Value::Null);
    let w = at_oak_bank(&api, json!({"is_mobile_webview": true}), oauth_timing(20)).await;
    w.until_heading("Finish logging in at Oak Bank").await;
    assert!(opened_urls(&rec).is_empty());
    assert_eq!(w.events_named("connect/oauthRequested"), vec![json!({"url": SECURE_URI, "member_guid": "MBR-O"})]);
    assert!(w.text().contains("in the browser that opened"));
    w.click("Open Oak Bank again");
    assert!(opened_urls(&rec).is_empty());
    assert_eq!(w.events_named("connect/oauthRequested").len(), 2);
    restore_open();
    w.unmount();
}

// A blocked popup (window.open gives null) leads to "Continue in a new tab", itself a click that opens it.
#[wasm_bindgen_test]
async fn a_blocked_popup_offers_a_new_tab() {
    let rec = stub("null");
    let api = host(1000, Value::Null);
    let w = at_oak_bank(&api, json!({}), oauth_timing(20)).await;
    w.until_alert("Your browser blocked the Oak Bank tab").await;
    set_mode(&rec, "stand-in");
    w.click("Continue in a new tab");
    assert_eq!(opened_urls(&rec).len(), 2);
    w.until("the blocked notice to go", 2000, |m| !m.alerts().iter().any(|a| a.contains("blocked"))).await;
    assert_eq!(w.events_named("connect/oauthRequested").len(), 2);
    restore_open();
    w.unmount();
}

// A window closed before finishing is noticed: the step says so and offers to open it again.
#[wasm_bindgen_test]
async fn a_closed_window_is_detected() {
    let rec = stub("stand-in");
    let api = host(1000, Value::Null);
    let w = at_oak_bank(&api, json!({}), oauth_timing(20)).await;
    w.until_heading("Finish logging in at Oak Bank").await;
    sleep(100).await;
    assert!(!w.alerts().iter().any(|a| a.contains("was closed")), "not while it is open");
    close_stand_in(&rec, 0);
    w.until_alert("The Oak Bank tab was closed before you finished").await;
    w.click("Open Oak Bank again");
    assert_eq!(opened_urls(&rec).len(), 2);
    restore_open();
    w.unmount();
}

// A window URL that is not https: is refused with a message; nothing is opened.
#[wasm_bindgen_test]
async fn a_url_that_is_not_https_is_refused() {
    let rec = stub("stand-in");
    let api = oauth_host(&json(&json!({"uri": "http://oak.example/oauth", "pending": 0, "end": null})));
    let w = mount_with(
        api.clone(),
        json!({"clientConfig": {"current_institution_guid": "INS-O"}, "timing": oauth_timing(20)}),
    );
    w.until_alert("Oak Bank's login page address isn't secure").await;
    assert!(!w.has_button("Go to Oak Bank"));
    assert!(w.has_button("Try again"));
    assert!(opened_urls(&rec).is_empty());
    restore_open();
    w.unmount();
}

// A completion message that does not come from the window the widget opened changes nothing.
#[wasm_bindgen_test]
async fn a_completion_message_from_elsewhere_is_ignored() {
    let _rec = stub("stand-in");
    let api = host(0, json!({"auth_status": 2}));
    let w = at_oak_bank(&api, json!({}), oauth_timing(60_000)).await;
    w.until_heading("Finish logging in at Oak Bank").await;
    post_from_page_itself(&json(&json!({"type": "connect-widget:oauth", "status": "success", "member_guid": "MBR-O"})));
    sleep(150).await;
    assert!(calls(&api, "loadOAuthState").is_empty(), "not from the opened window: no early check");
    assert_eq!(w.heading(), "Finish logging in at Oak Bank");
    restore_open();
    w.unmount();
}

// The wait has a limit: then the step says so and offers to try again.
#[wasm_bindgen_test]
async fn a_wait_that_never_ends_says_so() {
    let rec = stub("stand-in");
    let api = host(1000, Value::Null);
    let w =
        at_oak_bank(&api, json!({}), timing_with(json!({"oauthPollIntervalMs": 20, "oauthWaitLimitMs": 150}))).await;
    w.until_alert("We didn't hear back from Oak Bank in time").await;
    assert_eq!(stand_in_closes(&rec, 0), 1);
    let polls = calls(&api, "loadOAuthState").len();
    sleep(100).await;
    assert_eq!(calls(&api, "loadOAuthState").len(), polls, "polling stopped");
    w.click("Try again");
    until_ready(&w, "Oak Bank").await;
    restore_open();
    w.unmount();
}

// Unmounting while the user is at the institution closes the window and stops polling.
#[wasm_bindgen_test]
async fn unmounting_closes_the_window() {
    let rec = stub("stand-in");
    let api = host(1000, Value::Null);
    let w = at_oak_bank(&api, json!({}), oauth_timing(20)).await;
    w.until_heading("Finish logging in at Oak Bank").await;
    w.unmount();
    assert_eq!(stand_in_closes(&rec, 0), 1);
    let polls = calls(&api, "loadOAuthState").len();
    sleep(100).await;
    assert_eq!(calls(&api, "loadOAuthState").len(), polls);
    restore_open();
}

// No OAuth institution of the sandbox ever shows a password field: each opens the OAuth instructions.
#[wasm_bindgen_test]
async fn no_oauth_institution_shows_a_password_field() {
    let popular = Sandbox::default()
        .handle(&HostCall::LoadPopularInstitutions { per_page: 100, iso_country_code: None, filters: vec![] }, 0.0);
    let search = Sandbox::default().handle(
        &HostCall::LoadInstitutions(InstitutionQuery {
            search_name: Some("Laurentian".into()),
            page: 1,
            per_page: 5,
            ..Default::default()
        }),
        0.0,
    );
    let oauth: Vec<(String, String)> = [popular, search]
        .into_iter()
        .flat_map(|r| r.ok().and_then(|v| v.as_array().cloned()).unwrap_or_default())
        .filter(|i| i["supports_oauth"] == json!(true))
        .filter_map(|i| Some((i["code"].as_str()?.to_string(), i["name"].as_str()?.to_string())))
        .collect();
    assert!(oauth.len() >= 5, "the sandbox has several OAuth institutions: {oauth:?}");
    for code in ["mx_bank_oauth", "keystone_national_oauth", "meridian_federal_oauth", "laurentian_trust_oauth"] {
        assert!(oauth.iter().any(|(c, _)| c == code), "{code}");
    }
    for (code, name) in oauth {
        let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": code}}));
        until_ready_or_titled(&w, &name).await;
        assert!(!has_password_field(&w), "{name}");
        assert!(w.find("textbox", "Password").is_none(), "{name}");
        w.unmount();
    }
}

/// Meridian has its own title; every other OAuth institution "Log in at <name>".
async fn until_ready_or_titled(w: &Mounted, name: &str) {
    let wanted = format!("Go to {name}");
    w.until(&format!("OAuth instructions for {name}"), 3000, move |m| m.has_button(&wanted)).await;
}
