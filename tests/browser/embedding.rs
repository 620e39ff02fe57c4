//! Embedding the widget in a partner's page: the mount API and its errors,
//! several widgets on one page, unmounting, throwing
//! listeners, focus on first mount, and secrets that never leave the form.

use crate::common::browser::*;
use connect_widget::WidgetHandle;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn partial_api() -> JsValue;
    fn listeners_that_throw(options: &JsValue);
    fn spy_console() -> JsValue;
    fn console_messages(spy: &JsValue) -> JsValue;
    fn restore_console(spy: &JsValue);
    fn page_traces() -> String;
    fn shadow_html(host: &web_sys::Element) -> String;
    fn ids_in(host: &web_sys::Element) -> Vec<String>;
    fn dangling_references(host: &web_sys::Element) -> Vec<String>;
    fn error_message(e: &JsValue) -> String;
}

/// What a console spy caught, as one JSON string.
fn console_text(spy: &JsValue) -> String {
    connect_widget::host::js::js_to_json(&console_messages(spy)).unwrap_or(Value::Null).to_string()
}

fn error_text(result: Result<WidgetHandle, JsError>) -> String {
    match result {
        Ok(handle) => {
            handle.unmount();
            panic!("mount should have failed");
        }
        Err(e) => {
            let value = JsValue::from(e);
            assert!(value.is_instance_of::<js_sys::Error>(), "mount fails with an Error");
            error_message(&value)
        }
    }
}

// ---- The mount API --------------------------------------------------------------

// Two widgets on one page keep their own state, events and DOM ids.
#[wasm_bindgen_test]
async fn two_widgets_on_one_page_do_not_interfere() {
    let a = mount_sandbox(json!({}));
    let b = mount_sandbox(json!({}));
    a.until_button("MX Bank").await;
    b.until_button("MX Bank").await;
    a.type_into("Search for your bank", "Gringotts");
    b.click("MX Bank");
    b.until_heading("Log in to MX Bank").await;
    a.until("a's results", 3000, |m| m.status_text().contains("for “Gringotts”")).await;
    assert!(a.heading().contains("Find your bank"));
    assert_eq!(a.events_named("connect/institutionSearch"), [json!({"query": "Gringotts"})]);
    assert!(a.events_named("connect/selectedInstitution").is_empty());
    assert!(b.events_named("connect/institutionSearch").is_empty());
    assert_eq!(b.events_named("connect/selectedInstitution").len(), 1);

    b.until("b's form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    let ids_a = ids_in(&a.host);
    let ids_b = ids_in(&b.host);
    assert!(!ids_a.is_empty() && !ids_b.is_empty());
    let shared: Vec<&String> = ids_a.iter().filter(|id| ids_b.contains(id)).collect();
    assert!(shared.is_empty(), "ids used by both: {shared:?}");
    for (w, ids) in [(&a, &ids_a), (&b, &ids_b)] {
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "ids unique within one widget: {ids:?}");
        assert!(dangling_references(&w.host).is_empty(), "{:?}", dangling_references(&w.host));
    }
    a.unmount();
    // b is unaffected by a's unmount.
    b.click("Back");
    b.until_heading("Find your bank").await;
    b.unmount();
}

// A bad mount argument fails at once with an Error naming the problem, and leaves nothing behind.
#[wasm_bindgen_test]
async fn mount_rejects_bad_arguments_with_clear_errors() {
    let sandbox = || json(&json!({"api": "sandbox"}));
    let message = error_text(connect_widget::mount(JsValue::UNDEFINED, sandbox()));
    assert!(message.contains("DOM element"), "{message}");
    let message = error_text(connect_widget::mount(JsValue::from_str("#connect"), sandbox()));
    assert!(message.contains("DOM element"), "{message}");

    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let element = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&element).expect("append");

    let message = error_text(connect_widget::mount(element.clone().into(), json(&json!({}))));
    assert!(message.contains("`api` is missing"), "{message}");

    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"api".into(), &partial_api()).expect("set");
    let message = error_text(connect_widget::mount(element.clone().into(), options.into()));
    assert!(message.contains("lacks required callback"), "{message}");
    for missing in
        ["loadMemberByGuid", "loadInstitutionByGuid", "loadPopularInstitutions", "getInstitutionCredentials", "runJob"]
    {
        assert!(message.contains(missing), "names {missing}: {message}");
    }
    assert!(!message.contains("addMember"), "only what is missing: {message}");

    let message = error_text(connect_widget::mount(
        element.clone().into(),
        json(&json!({"api": "sandbox", "language": {"locale": "xx"}})),
    ));
    assert!(message.contains("unknown locale") && message.contains("\"xx\""), "{message}");

    assert!(element.shadow_root().is_none(), "no blank widget left behind");
    // The element is still usable afterwards.
    let handle = connect_widget::mount(element.clone().into(), sandbox()).map_err(JsValue::from).expect("mount");
    assert!(handle.is_mounted());
    handle.unmount();
    element.remove();
}

// unmount() removes the widget's DOM and stops its work: no more host calls or events, even mid-connection.
#[wasm_bindgen_test]
async fn unmount_removes_the_dom_and_stops_everything() {
    let api = host(json!({"stuck": true}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_heading("Connecting to MX Bank").await;
    w.until("polling", 3000, |_| calls_to(&api, "loadMemberByGuid").len() >= 2).await;
    w.handle.unmount();
    let calls_then = calls(&api).len();
    let events_then = w.events().len();
    assert!(!w.handle.is_mounted());
    assert_eq!(shadow_html(&w.host), "", "the widget's DOM is gone");
    assert!(!w.handle.navigate_back());
    sleep(200).await; // ten poll intervals: long enough for polling to show itself if it went on
    assert_eq!(calls(&api).len(), calls_then, "no host call after unmount");
    assert_eq!(w.events().len(), events_then, "no event after unmount");
    w.unmount(); // a second unmount is harmless
}

// A partner listener that throws (onPostMessage, analytics) is the partner's bug, not a broken widget.
#[wasm_bindgen_test]
async fn throwing_listeners_do_not_break_the_widget() {
    let spy = spy_console();
    let api = host(json!({}));
    let w = mount_patched(api.clone(), json!({"clientConfig": client_config()}), listeners_that_throw);
    w.until_button("MX Bank").await;
    connect_from_popular(&w, "jane", "pw").await;
    w.click("Done");
    w.until_heading("Find your bank").await;
    w.until_button("MX Bank").await;
    let messages = console_text(&spy);
    restore_console(&spy);
    assert!(w.event_names().contains(&"connect/memberConnected".to_string()), "listeners still called");
    assert!(messages.contains("partner listener bug"), "the throw is reported: {messages}");
    w.unmount();
}

// ---- Focus ----------------------------------------------------------------------

// Focus lands on each new step's heading, but a widget that merely appears must not take the host page's focus.
#[wasm_bindgen_test]
async fn focus_lands_on_each_heading_but_not_on_first_mount() {
    let page_field = focused_page_input();
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    sleep(50).await; // room for a stray focus move (it would happen one macrotask after render)
    assert!(is_document_focus(&page_field), "the host page keeps its focus on mount");
    assert!(w.focused().is_none(), "nothing inside the widget took focus");

    open_mx_bank(&w).await;
    w.until_heading_focused().await;
    log_in(&w, "test_atrium", "password");
    w.until_heading("Connecting to MX Bank").await;
    w.until_heading_focused().await;
    w.until_heading("You're connected").await;
    w.until_heading_focused().await;
    w.click("Done");
    w.until_heading("Find your bank").await;
    w.until_heading_focused().await;
    w.unmount();
    page_field.remove();
}

// ---- Secrets ----------------------------------------------------------------------

// Credentials go to addMember only: never to events, pageviews, analytics, console, URL, storage, or the DOM after the form.
#[wasm_bindgen_test]
async fn credentials_never_leave_the_form() {
    const USERNAME: &str = "jane.Q7-secret-user";
    const PASSWORD: &str = "pw-Z9!secret-pass";
    let spy = spy_console();
    let api = host(json!({"faults": {"addMember": ["reject500"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    // A failed submit first: the error path must not leak either.
    log_in(&w, USERNAME, PASSWORD);
    w.until_alert("Something went wrong").await;
    w.click("Continue");
    w.until_heading("You're connected").await;
    let html_connected = shadow_html(&w.host);
    w.click("Done");
    w.until_heading("Find your bank").await;
    let html_search = shadow_html(&w.host);
    let messages = console_text(&spy);
    restore_console(&spy);

    let sent = calls_to(&api, "addMember");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1][0]["credentials"][1]["value"], PASSWORD, "the host does get them");
    let places = [
        ("events", w.recorded_json("events").to_string()),
        ("pageviews", w.recorded_json("pageviews").to_string()),
        ("analytics", w.recorded_json("analytics").to_string()),
        ("console", messages),
        ("page", page_traces()),
        ("DOM on connected", html_connected),
        ("DOM on search", html_search),
    ];
    for (place, text) in &places {
        for secret in [USERNAME, PASSWORD] {
            assert!(!text.contains(secret), "{secret:?} found in {place}");
        }
    }
    assert!(places[0].1.contains("memberConnected"), "the events were recorded");
    w.unmount();
}
