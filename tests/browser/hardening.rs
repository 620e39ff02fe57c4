//! A hostile or broken partner: unmounting from inside a listener, listeners
//! and answers that throw from odd places (revoked Proxies, `toJSON`, a
//! Promise's `constructor`), handle methods called without `this`, and mount
//! arguments at the edges (another document's element, a throwing `api`
//! getter, an `<input>`, `document.body`, an unreadable `clientConfig`).

use crate::common::browser::*;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn occurrences_in_memory(memory: &JsValue, text: &str) -> u32;
    fn unmount_on(options: &JsValue, events: Vec<String>) -> JsValue;
    fn set_handle(holder: &JsValue, handle: &JsValue);
    fn unmounted_on(holder: &JsValue) -> Option<String>;
    fn listeners_with_revoked_proxies(options: &JsValue);
    fn odd_popular_host(kind: &str) -> JsValue;
    fn handle_shape(handle: &JsValue) -> JsValue;
    fn call_detached(handle: &JsValue, method: &str) -> JsValue;
    fn later_detached(handle: &JsValue, method: &str, ms: u32);
    fn is_mounted(handle: &JsValue) -> bool;
    fn options_with_throwing_getter(key: &str) -> JsValue;
    fn cyclic_client_config(options: &JsValue);
    async fn iframe_element() -> JsValue;
    fn remove_frame_of(el: &web_sys::Element);
    fn page_text_is_visible(marker: &str) -> bool;
    fn add_marker(id: &str) -> web_sys::Element;
    fn spy_console() -> JsValue;
    fn console_messages(spy: &JsValue) -> JsValue;
    fn restore_console(spy: &JsValue);
    fn error_message(e: &JsValue) -> String;
}

fn console_lines(spy: &JsValue) -> Vec<String> {
    let lines = connect_widget::host::js::js_to_json(&console_messages(spy)).unwrap_or(Value::Null);
    lines.as_array().map(|a| a.iter().filter_map(|l| l.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn mount_error(element: JsValue, options: JsValue) -> String {
    match connect_widget::mount(element, options) {
        Ok(handle) => {
            handle.unmount();
            panic!("mount should have failed");
        }
        Err(e) => error_message(&JsValue::from(e)),
    }
}

/// A widget on the contract-example host whose `onPostMessage` unmounts it on `event`.
fn unmounting_on(event: &str) -> (JsValue, Mounted, JsValue) {
    let api = host(json!({}));
    let holder = std::cell::RefCell::new(JsValue::NULL);
    let w = mount_patched(api.clone(), json!({"clientConfig": client_config()}), |options| {
        *holder.borrow_mut() = unmount_on(options, vec![event.to_string()]);
    });
    let holder = holder.into_inner();
    set_handle(&holder, &w.handle.to_js());
    (api, w, holder)
}

// `unmount()` from a listener stops what the same user action queued: nothing more reaches the host.
#[wasm_bindgen_test]
async fn unmount_from_a_listener_stops_what_is_queued() {
    // selectedInstitution → no loadInstitutionByGuid.
    let (api, w, holder) = unmounting_on("connect/selectedInstitution");
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    sleep(50).await;
    assert_eq!(unmounted_on(&holder).as_deref(), Some("connect/selectedInstitution"));
    assert!(calls_to(&api, "loadInstitutionByGuid").is_empty(), "{:?}", calls(&api));
    w.unmount();

    // stepChange (to the login form) → not its pageview, and no call after the two of the tap
    // (the institution's record and its login fields, asked for together).
    let (api, w, holder) = unmounting_on("connect/stepChange");
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    sleep(50).await;
    assert_eq!(unmounted_on(&holder).as_deref(), Some("connect/stepChange"));
    assert!(!w.pageviews().iter().any(|p| p.contains("credentials")), "{:?}", w.pageviews());
    let names: Vec<String> = calls(&api).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["loadPopularInstitutions", "loadInstitutionByGuid", "getInstitutionCredentials"]);
    w.unmount();

    // enterCredentials → no addMember: the typed password never leaves.
    let (api, w, holder) = unmounting_on("connect/enterCredentials");
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw-never-sent");
    sleep(50).await;
    assert_eq!(unmounted_on(&holder).as_deref(), Some("connect/enterCredentials"));
    assert!(calls_to(&api, "addMember").is_empty(), "{:?}", calls(&api));
    assert!(!calls(&api).iter().any(|(_, args)| args.to_string().contains("pw-never-sent")));
    w.unmount();
}

// A pending call that times out after `unmount()` logs nothing.
#[wasm_bindgen_test]
async fn no_timeout_warning_after_unmount() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["never"]}}));
    let w = mount_with(api, json!({"timing": timing_with(json!({"hostTimeoutMs": 30}))}));
    let spy = spy_console();
    w.handle.unmount();
    sleep(120).await;
    let lines = console_lines(&spy);
    restore_console(&spy);
    assert!(lines.iter().all(|l| !l.contains("connect-widget")), "{lines:?}");
    w.unmount();
}

// A listener that throws a revoked Proxy on `connect/loaded` (or returns one) does not stop the widget.
#[wasm_bindgen_test]
async fn revoked_proxy_listeners_do_not_break_mount() {
    let spy = spy_console();
    let w = mount_patched(JsValue::from_str("sandbox"), json!({}), listeners_with_revoked_proxies);
    w.until_button("MX Bank").await;
    let lines = console_lines(&spy);
    restore_console(&spy);
    assert!(lines.iter().any(|l| l.contains("`onPostMessage` handler failed")), "{lines:?}");
    open_mx_bank(&w).await;
    w.unmount();
}

// Answers whose `toJSON`, or whose Promise's `constructor` getter, throws (or a revoked
// Proxy) are a failure the user can retry, well within `hostTimeoutMs`: never an endless spinner.
#[wasm_bindgen_test]
async fn answers_that_throw_from_odd_places_are_handled() {
    for kind in ["toJSON", "constructor", "revoked"] {
        let timing = timing_with(json!({"hostTimeoutMs": 5000}));
        let w = mount_with(odd_popular_host(kind), json!({"clientConfig": client_config(), "timing": timing}));
        w.until(&format!("{kind}: a retry"), 1000, |m| m.has_button("Try again")).await;
        w.unmount();
    }
    let w = mount_with(odd_popular_host("plain"), json!({"clientConfig": client_config()}));
    w.until_button("Odd Bank").await;
    w.unmount();
}

// The handle's methods work without `this` (`setTimeout(w.unmount)`), and there is no
// `free()` that could make the widget impossible to unmount.
#[wasm_bindgen_test]
async fn handle_methods_need_no_this_and_there_is_no_free() {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let host = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&host).expect("append");
    let handle =
        connect_widget::mount_for_js(host.clone().into(), json_options(json!({"api": "sandbox"}))).expect("mount");
    let shape = connect_widget::host::js::js_to_json(&handle_shape(&handle)).unwrap_or(Value::Null);
    assert_eq!(shape, json!({"free": "undefined", "keys": ["isMounted", "navigateBack", "unmount"]}));
    assert_eq!(call_detached(&handle, "navigateBack").as_bool(), Some(false), "nowhere to go back to");
    later_detached(&handle, "unmount", 0);
    sleep(30).await;
    assert!(!is_mounted(&handle));
    assert!(host.shadow_root().is_none_or(|r| r.inner_html().is_empty()), "the widget is gone");
    host.remove();
}

fn json_options(v: Value) -> JsValue {
    connect_widget::host::js::json_to_js(&v)
}

// An element of a same-origin iframe is a DOM element: the widget mounts and works there.
#[wasm_bindgen_test]
async fn mounts_on_an_element_of_a_same_origin_iframe() {
    let element: web_sys::Element = iframe_element().await.unchecked_into();
    let w = mount_patched_in(element.clone(), JsValue::from_str("sandbox"), json!({}), |_| {});
    w.until_button("MX Bank").await;
    open_mx_bank(&w).await;
    w.unmount();
    remove_frame_of(&element);
}

// A throwing `api` or `clientConfig` getter, an `<input>` with `shadow: false`: clear errors.
#[wasm_bindgen_test]
async fn mount_edge_cases_fail_clearly() {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let div = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&div).expect("append");
    let message = mount_error(div.clone().into(), options_with_throwing_getter("api"));
    assert!(message.contains("reading `api` threw"), "{message}");
    let message = mount_error(div.clone().into(), options_with_throwing_getter("clientConfig"));
    assert!(message.contains("reading `clientConfig` threw"), "{message}");
    for config in [json!("x"), json!(42), json!([])] {
        let message = mount_error(div.clone().into(), json_options(json!({"api": "sandbox", "clientConfig": config})));
        assert!(message.contains("`clientConfig` must be an object"), "{message}");
    }
    let input = document.create_element("input").expect("input");
    document.body().expect("body").append_child(&input).expect("append");
    let message = mount_error(input.clone().into(), json_options(json!({"api": "sandbox", "shadow": false})));
    assert!(message.contains("<input> cannot show the widget"), "{message}");
    assert_eq!(input.child_element_count(), 0, "nothing left in it");
    input.remove();
    div.remove();
}

// A cyclic `clientConfig` is read key by key: the bad key is named, the partner's intent honoured.
#[wasm_bindgen_test]
async fn a_partly_unreadable_client_config_keeps_what_it_says() {
    let spy = spy_console();
    let w = mount_patched(JsValue::from_str("sandbox"), json!({}), cyclic_client_config);
    w.until_heading("Log in to MX Bank").await;
    let lines = console_lines(&spy);
    restore_console(&spy);
    assert!(lines.iter().any(|l| l.contains("`clientConfig`") && l.contains("`loop`")), "{lines:?}");
    w.unmount();
}

// Mounting on `document.body` does not hide the page: the widget gets a `<div>` of its own.
#[wasm_bindgen_test]
async fn mounting_on_the_body_keeps_the_page_visible() {
    let marker = add_marker("cw-page-marker");
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let body = document.body().expect("body");
    let w = mount_patched_in(body.clone().into(), JsValue::from_str("sandbox"), json!({}), |_| {});
    sleep(30).await;
    assert!(page_text_is_visible("cw-page-marker"), "the page's own text stays visible");
    let widget_host = body.last_element_child().expect("the widget's div");
    assert!(widget_host.shadow_root().is_some());
    let before = body.child_element_count();
    w.handle.unmount();
    assert_eq!(body.child_element_count(), before - 1, "unmount removes its div");
    marker.remove();
}

// In a same-origin frame's document (other classes than this page's), the disconnect dialog still traps Tab and
// Escape closes it.
#[wasm_bindgen_test]
async fn the_dialog_traps_tab_in_a_same_origin_iframe() {
    let element: web_sys::Element = iframe_element().await.unchecked_into();
    let w = mount_patched_in(element.clone(), JsValue::from_str("sandbox"), json!({}), |_| {});
    open_mx_bank(&w).await;
    log_in(&w, "test_atrium", "status:CLOSED");
    w.until_heading("This connection is closed").await;
    let opener: web_sys::HtmlElement = w.exact_button("Disconnect MX Bank").unchecked_into();
    let _ = opener.focus();
    opener.click();
    w.until("the disconnect dialog", 2000, |m| !m.by_role("dialog").is_empty()).await;
    let dialog = w.by_role("dialog").into_iter().next().expect("the dialog is open");
    let controls: Vec<web_sys::HtmlElement> =
        query_all(&dialog, "button, input").into_iter().map(JsCast::unchecked_into).collect();
    let (first, last) = (controls.first().expect("controls").clone(), controls.last().expect("controls").clone());
    let focused_is = |el: &web_sys::HtmlElement| w.focused().is_some_and(|f| f.is_same_node(Some(el)));
    let _ = last.focus();
    assert!(focused_is(&last), "the last control takes focus");
    fire_key(&last, "Tab", false);
    assert!(focused_is(&first), "Tab wraps to the first control inside the frame");
    fire_key(&first, "Tab", true);
    assert!(focused_is(&last), "Shift+Tab wraps to the last control inside the frame");
    w.unmount();
    remove_frame_of(&element);
}

// After unmount no copy of a typed password is left in wasm memory beyond the test's own (counted before typing;
// built at run time, so the binary holds no literal of it). A guard against a credential kept alive anywhere
// (a pending call, a signal, a cache): freed blocks are reused and partly overwritten by the allocator, so this
// cannot tell a zeroed block from an unzeroed one; `model::secret::wipe` has its own unit test.
#[wasm_bindgen_test]
async fn typed_credentials_are_not_kept_in_wasm_memory() {
    // Long, and searched by its second half: a freed block's first bytes hold the allocator's own pointers.
    let password = format!("zq7-{}-{}", "Wipe-Me-".repeat(7), 4711);
    let tail = password[password.len() / 2..].to_string();
    let memory = wasm_bindgen::memory();
    let own_copies = occurrences_in_memory(&memory, &tail);
    let w = mount_sandbox(json!({}));
    open_mx_bank(&w).await;
    w.type_into("Password", &password);
    assert!(occurrences_in_memory(&memory, &tail) > own_copies, "the scan sees the password while the form holds it");
    // A wrong password: the sandbox denies it, and the form asks again.
    log_in(&w, "test_atrium", &password);
    w.until_heading("Update your MX Bank login").await;
    w.unmount();
    let left = occurrences_in_memory(&memory, &tail).saturating_sub(own_copies);
    assert_eq!(left, 0, "copies of the typed password kept in wasm memory after unmount");
}
