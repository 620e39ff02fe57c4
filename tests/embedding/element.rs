//! `<connect-widget>`, defined by importing `dist/connect-widget-element.js`:
//! attributes and properties, events as bubbling, composed `CustomEvent`s,
//! listener properties, mount on connect, unmount on removal, one remount per
//! batch of changes, and mount problems as `error` events.

use crate::kit::*;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/tests/embedding/page.js")]
extern "C" {
    async fn define_element() -> JsValue;
    fn place(attributes: &JsValue, properties: &JsValue) -> JsValue;
    fn shadow_root_of(placed: &JsValue) -> JsValue;
    fn seen(placed: &JsValue) -> String;
    fn set_property(placed: &JsValue, name: &str, value: &JsValue);
    fn set_two(placed: &JsValue, a: &str, va: &JsValue, b: &str, vb: &JsValue);
    fn detach(placed: &JsValue);
    fn attach(placed: &JsValue);
    fn is_mounted(placed: &JsValue) -> bool;
    fn navigate_back(placed: &JsValue) -> bool;
    fn remove_placed(placed: &JsValue);
    fn listen_by_property(placed: &JsValue) -> JsValue;
    fn read(order: &JsValue) -> String;
    fn host_api() -> JsValue;
}

/// A `<connect-widget>` in the page, removed when dropped.
struct Placed(JsValue);

impl Placed {
    async fn new(attributes: Value, properties: Value) -> Placed {
        assert_eq!(define_element().await.as_bool(), Some(true), "importing the module defines <connect-widget>");
        Placed(place(&js(&attributes), &js(&properties)))
    }

    fn widget(&self) -> Widget {
        let placed = self.0.clone();
        Widget::in_root(move || shadow_root_of(&placed))
    }

    fn seen(&self) -> Vec<Value> {
        serde_json::from_str::<Value>(&seen(&self.0)).ok().and_then(|v| v.as_array().cloned()).unwrap_or_default()
    }

    fn seen_of(&self, kind: &str) -> Vec<Value> {
        self.seen().into_iter().filter(|e| e["type"] == kind).collect()
    }
}

impl Drop for Placed {
    fn drop(&mut self) {
        remove_placed(&self.0);
    }
}

fn fast() -> Value {
    json!({"timing": {"searchDebounceMs": 10, "sandboxLatencyMs": 1, "sandboxAggregationMs": 60, "pollIntervalMs": 20}})
}

// Attributes alone mount it (api, locale, color-scheme); events leave the shadow root as bubbling, composed CustomEvents with the payload as detail.
#[wasm_bindgen_test]
async fn attributes_mount_it_and_events_reach_the_document() {
    let el = Placed::new(json!({"api": "sandbox", "locale": "es", "color-scheme": "dark"}), fast()).await;
    let w = shown(el.widget()).await;
    w.until_heading("Busque su banco").await;
    assert_eq!(w.attribute(".cw-root", "data-theme").as_deref(), Some("dark"));
    assert_eq!(w.attribute(".cw-root", "lang").as_deref(), Some("es"));
    w.type_into("Busque su banco", "MX Bank");
    until("the search event", 3000, || !el.seen_of("connect/institutionSearch").is_empty()).await;
    assert_eq!(
        el.seen_of("connect/loaded"),
        [json!({"type": "connect/loaded", "detail": {"initial_step": "search"}, "bubbles": true, "composed": true,
                "at": "document", "from_element": true})]
    );
    assert_eq!(el.seen_of("connect/institutionSearch")[0]["detail"], json!({"query": "MX Bank"}));
}

// Properties win over attributes, and two changes in one task remount once (two `loaded` in all, not three).
#[wasm_bindgen_test]
async fn properties_win_and_a_batch_of_changes_remounts_once() {
    let el = Placed::new(json!({"api": "sandbox", "locale": "es"}), fast()).await;
    let w = shown(el.widget()).await;
    w.until_heading("Busque su banco").await;
    set_two(
        &el.0,
        "language",
        &js(&json!({"locale": "fr-ca"})),
        "clientConfig",
        &js(&json!({"current_institution_code": "mxbank"})),
    );
    w.until_heading("Connectez-vous à MX Bank").await;
    pause(100).await;
    let loaded: Vec<Value> = el.seen_of("connect/loaded").into_iter().map(|e| e["detail"].clone()).collect();
    assert_eq!(loaded, [json!({"initial_step": "search"}), json!({"initial_step": "enterCreds"})]);
}

// The `api` property takes a host object; listener properties are called with the element as `this`, after the DOM event.
#[wasm_bindgen_test]
async fn the_api_and_listener_properties() {
    let el = Placed::new(json!({}), fast()).await;
    let order = listen_by_property(&el.0);
    pause(50).await;
    assert!(!is_mounted(&el.0), "no api, nothing mounted yet");
    set_property(&el.0, "api", &host_api());
    let w = shown(el.widget()).await;
    w.until_button("Element Bank").await;
    let calls: Vec<String> = serde_json::from_str(&read(&order)).unwrap_or_default();
    assert_eq!(
        calls[..3],
        [
            "dom event",
            "onPostMessage connect/loaded {\"initial_step\":\"search\"} this=true",
            "onAnalyticPageview /connect/aggregation/search/popular this=true",
        ],
        "{calls:?}"
    );
}

// Removed, it unmounts; put back, it mounts again; navigateBack() works through the element.
#[wasm_bindgen_test]
async fn it_unmounts_when_removed_and_mounts_when_put_back() {
    let el = Placed::new(json!({"api": "sandbox"}), fast()).await;
    let w = shown(el.widget()).await;
    w.open_mx_bank().await;
    assert!(is_mounted(&el.0));
    assert!(navigate_back(&el.0), "back from the login form");
    w.until_heading("Find your bank").await;

    detach(&el.0);
    assert!(!is_mounted(&el.0));
    assert_eq!(w.heading(), "", "the widget left the shadow root");
    attach(&el.0);
    w.until_heading("Find your bank").await;
    assert!(is_mounted(&el.0));
    assert!(!navigate_back(&el.0), "nothing to go back to on search");
}

// A locale mount refuses is an `error` event on the element (and a console error), with mount's message; nothing is mounted.
#[wasm_bindgen_test]
async fn a_mount_problem_is_an_error_event() {
    let el = Placed::new(json!({"api": "sandbox", "locale": "de"}), json!({})).await;
    until("the error event", 3000, || el.seen().iter().any(|e| e["at"] == "element")).await;
    let error = el.seen().into_iter().find(|e| e["at"] == "element").unwrap_or(Value::Null);
    let message = error["detail"]["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains("unknown locale \"de\""), "{message}");
    assert!(!is_mounted(&el.0));
    let document_errors = el.seen().into_iter().filter(|e| e["at"] == "document").count();
    assert_eq!(document_errors, 0, "the error event does not bubble");
}
