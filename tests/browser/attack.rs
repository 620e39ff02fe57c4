//! The widget under attack. Hostile host text: a host whose every string
//! (institution names, web addresses, logos, instructions, credential labels,
//! MFA questions, options and pictures, member names, `user_message`) is a
//! script, markup or `javascript:`/`data:` payload, driven through every screen
//! it reaches: no payload runs, no element is made from host markup, nothing
//! links or navigates to a non-`https:` address, and the payload is shown as
//! text. The secrets sweep: MFA answers and account numbers typed by the user
//! reach the host and nothing else.

use crate::common::browser::*;
use connect_widget::host::js::js_to_json;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn hostile_host(payload: &str, plan: &str) -> JsValue;
    fn hostile_calls(api: &JsValue) -> JsValue;
    fn hostile_watch_start();
    fn hostile_watch_end();
    fn hostile_findings(host: &web_sys::Element) -> Vec<String>;
    fn hostile_visible_text(host: &web_sys::Element) -> String;
    fn widget_values(host: &web_sys::Element) -> String;
    fn page_state() -> String;
    fn spy_console() -> JsValue;
    fn console_messages(spy: &JsValue) -> JsValue;
    fn restore_console(spy: &JsValue);
    fn record_stream(options: &JsValue) -> JsValue;
    fn stream_of(list: &JsValue) -> JsValue;
}

/// Counts each execution (an expression, so several payloads can share it).
const RUN: &str = "window.__cw_xss=(window.__cw_xss||0)+1";

/// The corpus: script, markup, attribute break-outs, URL schemes, template
/// syntax, entities, and bidirectional overrides.
fn corpus() -> Vec<String> {
    vec![
        format!("<img src=x onerror=\"{RUN}\">"),
        format!("<script>{RUN}</script>"),
        format!("\"><svg onload=\"{RUN}\">"),
        format!("javascript:{RUN}"),
        format!("data:text/html,<script>{RUN}</script>"),
        "<b data-cw-xss>bold</b>".to_string(),
        format!("{{{{constructor.constructor('{RUN}')()}}}}"),
        "&lt;entities&gt; &amp; &#60;b data-cw-xss&#62;".to_string(),
        "\u{202e}evil\u{202c} \u{200f}rtl\u{200e} override".to_string(),
        format!("<a href=\"javascript:{RUN}\" data-cw-xss>link</a>"),
        format!("<iframe src=\"javascript:{RUN}\"></iframe>"),
        format!("' onmouseover='{RUN}' x='"),
    ]
}

/// The screens visited and the host strings checked, for the summary line.
#[derive(Default)]
struct Tally {
    screens: usize,
    shown: usize,
}

/// After each screen: nothing ran, nothing was made from host markup, nothing
/// opened or navigated; and each of `shown` (host strings this screen shows) is
/// on screen, as text.
fn check(w: &Mounted, tally: &mut Tally, screen: &str, payload: &str, shown: &[String]) {
    let findings = hostile_findings(&w.host);
    assert!(findings.is_empty(), "{screen} with {payload:?}:\n{}", findings.join("\n"));
    let visible = hostile_visible_text(&w.host);
    for text in shown {
        assert!(visible.contains(text.as_str()), "{screen}: {text:?} is not shown as text:\n{visible}");
    }
    tally.screens += 1;
    tally.shown += shown.len();
}

fn textboxes(w: &Mounted) -> Vec<web_sys::HtmlInputElement> {
    w.by_role("textbox").into_iter().map(JsCast::unchecked_into).collect()
}

fn click_named(w: &Mounted, name: &str) {
    let button: HtmlElement = w
        .find("button", name)
        .map(JsCast::unchecked_into)
        .unwrap_or_else(|| panic!("no button named {name:?}; buttons: {:?}", w.names("button")));
    button.click();
}

/// Popular list, search results, then the login form (or the OAuth step) of the hostile institution.
async fn to_institution(w: &Mounted, tally: &mut Tally, p: &str) {
    let name = p.to_string();
    w.until("the hostile institution in the popular list", 3000, move |m| m.find("button", &name).is_some()).await;
    check(w, tally, "popular list", p, &[p.to_string()]);
    w.type_into("Search for your bank or credit union", "bank");
    w.until_results_for("bank").await;
    check(w, tally, "search results", p, &[p.to_string()]);
    click_named(w, p);
}

/// Log in with the two hostile-labelled fields.
async fn log_in_hostile(w: &Mounted, tally: &mut Tally, p: &str, password: &str) {
    w.until("the login form", 3000, |m| m.by_role("textbox").len() >= 2).await;
    check(w, tally, "login form", p, &[p.to_string(), format!("2 {p}")]);
    let fields = textboxes(w);
    fire_input(&fields[0], "hostile-user");
    fire_input(&fields[1], password);
    w.click("Continue");
}

fn calls_named(api: &JsValue, name: &str) -> Vec<Value> {
    js_to_json(&hostile_calls(api))
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .into_iter()
        .filter(|c| c["name"] == name)
        .map(|c| c["args"].clone())
        .collect()
}

/// Login, MFA (text, options, picture), connected.
async fn mfa_session(tally: &mut Tally, p: &str) {
    let api = hostile_host(p, "mfa");
    let w = mount_with(api.clone(), json!({}));
    to_institution(&w, tally, p).await;
    log_in_hostile(&w, tally, p, "pw").await;
    w.until_heading("Verify it's you").await;
    w.until("the challenges", 3000, |m| m.radios().len() == 2).await;
    check(&w, tally, "MFA", p, &[p.to_string(), format!("2 {p}"), format!("3 {p}")]);
    for field in textboxes(&w) {
        fire_input(&field, "mfa answer");
    }
    w.choose_exactly(&format!("2 {p}"));
    w.click("Continue");
    w.until_heading("You're connected").await;
    check(&w, tally, "connected", p, &[p.to_string()]);
    let sent = calls_named(&api, "updateMFA");
    assert_eq!(sent.len(), 1, "{p:?}: one MFA answer");
    w.unmount();
}

/// A member error with `user_message: p`: its screen, then "Get help" and the request sent.
async fn error_session(tally: &mut Tally, p: &str, plan: &str, heading: &str) {
    let api = hostile_host(p, plan);
    let w = mount_with(api.clone(), json!({}));
    to_institution(&w, tally, p).await;
    log_in_hostile(&w, tally, p, "pw").await;
    w.until_heading(heading).await;
    w.until_button("Get help").await;
    let screen = format!("{plan} error");
    // DENIED shows the form again with the aggregator's message; the others their own screen.
    check(&w, tally, &screen, p, &[p.to_string()]);
    w.exact_button("Get help").click();
    w.until_heading("Request support").await;
    check(&w, tally, "support form", p, &[]);
    for (label, text) in [("Your email address", "me@example.com"), ("Subject", p), ("What's happening?", p)] {
        fire_input(&w.find("textbox", label).unwrap_or_else(|| panic!("no field {label:?}")), text);
    }
    w.click("Send request");
    w.until_heading("Request sent").await;
    check(&w, tally, "support sent", p, &[]);
    w.click("Done");
    w.until_heading(heading).await;
    check(&w, tally, &screen, p, &[p.to_string()]);
    w.unmount();
}

/// An OAuth institution: its instructions, then with an unsafe window URI (`p` itself) a
/// way on without any window; with a safe one, the waiting step and the OAuth error.
async fn oauth_session(tally: &mut Tally, p: &str, plan: &str) {
    let api = hostile_host(p, plan);
    let w = mount_with(api.clone(), json!({"timing": timing_with(json!({"pollIntervalMs": 20}))}));
    to_institution(&w, tally, p).await;
    // The heading is the institution's instructional title when it has one (as text).
    let go = format!("Go to {p}");
    w.until("the OAuth step", 3000, |m| m.has_button(&go) || m.has_button("Try again")).await;
    check(&w, tally, "OAuth instructions", p, &[p.to_string()]);
    if plan == "oauth" {
        // The address is refused before any window opens.
        assert!(!w.has_button(&go), "{p:?}: no button opens a non-https address");
    } else {
        click_named(&w, &go);
        w.until_heading("couldn't connect to").await;
        check(&w, tally, "OAuth error", p, &[p.to_string()]);
    }
    w.unmount();
}

/// Verification mode on a microdeposit the host loads with hostile names, email, institution
/// and account number: the screen its status leads to.
async fn microdeposit_session(tally: &mut Tally, p: &str, status: &str) {
    let api = hostile_host(p, &format!("md:{status}"));
    let client = json!({"mode": "verification", "current_microdeposit_guid": "MIC-H"});
    let w = mount_with(api.clone(), json!({"clientConfig": client}));
    w.until("the microdeposit's step", 3000, |m| !m.heading().is_empty() && !m.by_role("button").is_empty()).await;
    check(&w, tally, &format!("microdeposit {status}"), p, &[]);
    if status == "PREINITIATED" {
        // Details started elsewhere: through the forms (the owner's names come from the host) to the review.
        w.type_into("Routing number", "011000015");
        w.click("Continue");
        microdeposit_account(&w, "Checking", "000555551234").await;
        check(&w, tally, "microdeposit owner", p, &[]);
        w.type_into("Email address", "ada@example.com");
        w.click("Continue");
        w.until_heading("Check your details").await;
        check(&w, tally, "microdeposit review", p, &[format!("{p} 2 {p}")]);
    }
    // Only the last four letters or digits of an account number are ever shown.
    assert!(w.text().contains("1234"), "{status}: {}", w.text());
    check(&w, tally, &format!("microdeposit {status}"), p, &[]);
    w.unmount();
}

// Every payload of the corpus in every host string, through search, login, MFA, connected,
// each member error, support and OAuth.
#[wasm_bindgen_test]
async fn hostile_host_text_stays_text() {
    let mut tally = Tally::default();
    let payloads = corpus();
    for p in &payloads {
        hostile_watch_start();
        mfa_session(&mut tally, p).await;
        error_session(&mut tally, p, "denied", "Update your").await;
        error_session(&mut tally, p, "locked", "Your account is locked").await;
        error_session(&mut tally, p, "impeded", "needs your attention").await;
        oauth_session(&mut tally, p, "oauth").await;
        oauth_session(&mut tally, p, "oauth-https").await;
        for status in ["PREINITIATED", "DEPOSITED", "DENIED", "EXPIRED", "VERIFIED"] {
            microdeposit_session(&mut tally, p, status).await;
        }
        let findings =
            hostile_findings(&web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()).expect("body"));
        hostile_watch_end();
        assert!(findings.is_empty(), "{p:?}: {findings:?}");
    }
    web_sys::console::log_1(
        &format!(
            "hostile host text: {} payloads, {} screens checked, {} host strings seen as text",
            payloads.len(),
            tally.screens,
            tally.shown
        )
        .into(),
    );
}

// ---- Secrets sweep -----------------------------------------------------------------------

/// Everything outside the host's own callbacks where a secret could surface.
struct Traces {
    console: JsValue,
    stream: JsValue,
}

impl Traces {
    fn places(&self, w: &Mounted) -> Vec<(&'static str, String)> {
        let text = |v: &JsValue| js_to_json(v).unwrap_or(Value::Null).to_string();
        vec![
            ("events", w.recorded_json("events").to_string()),
            ("pageviews", w.recorded_json("pageviews").to_string()),
            ("analytics", w.recorded_json("analytics").to_string()),
            ("onEvent messages", text(&stream_of(&self.stream))),
            ("console", text(&console_messages(&self.console))),
            ("page address, history, storage, cookies", page_state()),
        ]
    }

    /// Fail if any of `secrets` is in a trace, or in the widget's DOM (attributes, values, markup) now.
    fn assert_clean(&self, w: &Mounted, when: &str, secrets: &[&str]) {
        let mut places = self.places(w);
        places.push(("DOM attributes and values", widget_values(&w.host)));
        for (place, text) in &places {
            for secret in secrets {
                assert!(!text.contains(secret), "{when}: {secret:?} found in {place}:\n{text}");
            }
        }
        assert!(places[0].1.contains("connect/"), "{when}: the events were recorded");
    }
}

fn mount_traced(api: JsValue, rest: Value) -> (Mounted, Traces) {
    let console = spy_console();
    let mut stream = JsValue::NULL;
    let w = mount_patched(api, rest, |options| stream = record_stream(options));
    (w, Traces { console, stream })
}

// The typed MFA answer reaches updateMFA, and no event, pageview, analytic, onEvent message,
// console line, storage, cookie or address; nor the DOM once the challenge is gone.
#[wasm_bindgen_test]
async fn mfa_answers_never_leave_the_challenge() {
    const ANSWER: &str = "mfa-K4!secret-answer";
    let api = hostile_host("Harbor Savings", "mfa");
    let (w, traces) = mount_traced(api.clone(), json!({}));
    w.until_button("Harbor Savings").await;
    w.click("Harbor Savings");
    w.until("the login form", 3000, |m| m.by_role("textbox").len() >= 2).await;
    let fields = textboxes(&w);
    fire_input(&fields[0], "harbor-user");
    fire_input(&fields[1], "harbor-pass");
    w.click("Continue");
    w.until_heading("Verify it's you").await;
    w.until("the challenges", 3000, |m| m.radios().len() == 2).await;
    // The text question, and the picture question (its picture refused: a field without it).
    for field in textboxes(&w) {
        fire_input(&field, ANSWER);
    }
    w.choose_exactly("2 Harbor Savings");
    w.click("Continue");
    w.until_heading("You're connected").await;
    let sent = calls_named(&api, "updateMFA");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].to_string().contains(ANSWER), "the host does get it: {}", sent[0]);
    traces.assert_clean(&w, "connected", &[ANSWER]);
    w.click("Done");
    w.until_heading("Find your bank").await;
    traces.assert_clean(&w, "back on search", &[ANSWER]);
    restore_console(&traces.console);
    w.unmount();
    assert!(!page_state().contains(ANSWER), "not left on the page after unmount");
}

// The account number and its confirmation reach createMicrodeposit only: after the account
// step, only `*4321` may appear, in the DOM as everywhere else.
#[wasm_bindgen_test]
async fn account_numbers_never_leave_their_step() {
    const ACCOUNT: &str = "000987654321";
    let timing = timing_with(json!({"sandboxDepositMs": 40}));
    let rest = json!({"clientConfig": {"mode": "verification"}, "timing": timing});
    let (w, traces) = mount_traced(JsValue::from_str("sandbox"), rest);
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank or credit union", "qqqzzz");
    w.until_button("Connect with account numbers").await;
    w.click("Connect with account numbers");
    w.until_heading("Enter your routing number").await;
    w.type_into("Routing number", "123456780");
    w.click("Continue");
    microdeposit_account(&w, "Checking", ACCOUNT).await;
    traces.assert_clean(&w, "owner step", &[ACCOUNT]);
    w.type_into("First name", "Ada");
    w.type_into("Last name", "Lovelace");
    w.type_into("Email address", "ada@example.com");
    w.click("Continue");
    w.until_heading("Check your details").await;
    assert!(w.text().contains("*4321"), "masked on the review: {}", w.text());
    traces.assert_clean(&w, "review", &[ACCOUNT]);
    w.click("Confirm");
    w.until_heading("Check back soon").await;
    traces.assert_clean(&w, "check back soon", &[ACCOUNT]);
    let stream = js_to_json(&stream_of(&traces.stream)).unwrap_or(Value::Null).to_string();
    assert!(stream.contains("*4321"), "the masked number is what onEvent gets: {stream}");
    w.click("Done");
    w.until_heading("Find your bank").await;
    traces.assert_clean(&w, "back on search", &[ACCOUNT]);
    restore_console(&traces.console);
    w.unmount();
}
