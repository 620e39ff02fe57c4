//! The embedding tests' toolkit: the origins the fixture pages are served on,
//! frames, what the fixture pages report, and user actions on a widget in any
//! document of this origin (found by role and accessible name, as in the main
//! browser suite, but across frames: a framed document's elements belong to
//! another JS realm, so everything goes through plain JS, never `instanceof`).
//!
//! Origins: the test page's own (the test runner serves the repository root,
//! so `dist/widget.html` is same-origin with the test and its DOM can be
//! driven), `parent` (a partner's page: MX's SDK, the bridge) and `csp` (pages
//! served with the strict Content-Security-Policy), both started by
//! `scripts/test_servers.sh`.

use connect_widget::host::js::{js_to_json, json_to_js, now_ms, sleep};
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/tests/embedding/page.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn servers() -> Result<JsValue, JsValue>;
    fn add_frame(src: &str, name: &str, no_referrer: bool) -> JsValue;
    fn remove_frame(iframe: &JsValue);
    fn frame_window(iframe: &JsValue) -> JsValue;
    fn child_window(win: &JsValue, index: u32) -> JsValue;
    fn widget_root(win: &JsValue) -> JsValue;
    fn shadow_of(win: &JsValue, selector: &str) -> JsValue;
    fn window_value(win: &JsValue, name: &str) -> String;
    fn new_recorder() -> JsValue;
    fn stop_recorder(recorder: &JsValue);
    fn recorded(recorder: &JsValue) -> String;
    fn raw_from(recorder: &JsValue, win: &JsValue) -> String;
    fn command(iframe: &JsValue, origin: &str, name: &str);
    fn find(root: &JsValue, role: &str, name: &str) -> JsValue;
    fn names(root: &JsValue, role: &str) -> JsValue;
    fn heading(root: &JsValue) -> String;
    fn text_of(root: &JsValue) -> String;
    fn alerts(root: &JsValue) -> JsValue;
    fn attribute(root: &JsValue, selector: &str, name: &str) -> Option<String>;
    fn height_of(win: &JsValue) -> f64;
    fn type_text(el: &JsValue, value: &str);
    fn click(el: &JsValue);
}

/// Fast sandbox timings, as `widget.html`'s `timing` parameter.
pub const FAST_TIMING: &str = r#"{"searchDebounceMs":10,"sandboxLatencyMs":1,"sandboxAggregationMs":60,"sandboxSyncMs":10,"pollIntervalMs":20,"hostTimeoutMs":2000}"#;

/// The origins of the test page and of the two fixture servers.
pub struct Origins {
    pub own: String,
    pub parent: String,
    pub csp: String,
}

pub async fn origins() -> Origins {
    let found = servers().await.map_err(|e| js_to_json(&e).unwrap_or(Value::Null));
    let value = js_to_json(&found.unwrap_or_else(|e| panic!("{e}"))).unwrap_or(Value::Null);
    let get = |k: &str| value[k].as_str().unwrap_or_else(|| panic!("no {k} origin in {value}")).to_string();
    Origins { own: get("own"), parent: get("parent"), csp: get("csp") }
}

pub fn encode(text: &str) -> String {
    connect_widget::embed::url::encode_component(text)
}

/// `dist/widget.html` on the test page's origin, with `query`.
pub fn widget_url(origins: &Origins, query: &str) -> String {
    format!("{}/dist/widget.html?{query}", origins.own)
}

/// Wait until `cond` holds, at most `ms`.
pub async fn until(what: &str, ms: u32, cond: impl Fn() -> bool) {
    let start = now_ms();
    while !cond() {
        if now_ms() - start > f64::from(ms) {
            panic!("timed out after {ms} ms waiting for {what}");
        }
        sleep(10).await;
    }
}

/// An iframe in the test page, removed when dropped.
pub struct Frame(JsValue);

impl Frame {
    pub fn open(src: &str) -> Frame {
        Frame(add_frame(src, "", false))
    }

    pub fn named(src: &str, name: &str) -> Frame {
        Frame(add_frame(src, name, false))
    }

    /// Opened with `referrerpolicy="no-referrer"`: the framed page sees no referrer.
    pub fn without_referrer(src: &str) -> Frame {
        Frame(add_frame(src, "", true))
    }

    pub fn window(&self) -> JsValue {
        frame_window(&self.0)
    }

    /// The window of the page framed inside this frame's page (MX's SDK iframe, ...).
    pub fn inner_window(&self) -> JsValue {
        child_window(&self.window(), 0)
    }

    pub fn command(&self, origin: &str, name: &str) {
        command(&self.0, origin, name);
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        remove_frame(&self.0);
    }
}

/// What the fixture pages report, and the other messages this page receives.
pub struct Recorder(JsValue);

impl Recorder {
    pub fn start() -> Recorder {
        Recorder(new_recorder())
    }

    /// `(kind, payload)` of every report, in order.
    pub fn records(&self) -> Vec<(String, Value)> {
        let list: Value = serde_json::from_str(&recorded(&self.0)).unwrap_or(Value::Null);
        list.as_array()
            .map(|a| a.iter().map(|r| (r["kind"].as_str().unwrap_or("").to_string(), r["payload"].clone())).collect())
            .unwrap_or_default()
    }

    pub fn of_kind(&self, kind: &str) -> Vec<Value> {
        self.records().into_iter().filter(|(k, _)| k == kind).map(|(_, p)| p).collect()
    }

    pub fn kinds(&self) -> Vec<String> {
        self.records().into_iter().map(|(k, _)| k).collect()
    }

    /// Wait for the `n`th report of `kind` (1-based) and return it.
    pub async fn until_nth(&self, kind: &str, n: usize, ms: u32) -> Value {
        until(&format!("report {n} of {kind:?} (got {:?})", self.kinds()), ms, || self.of_kind(kind).len() >= n).await;
        self.of_kind(kind).swap_remove(n - 1)
    }

    /// Messages posted to this page by `win`, as `{origin, data}`.
    pub fn messages_from(&self, win: &JsValue) -> Vec<Value> {
        serde_json::from_str::<Value>(&raw_from(&self.0, win))
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        stop_recorder(&self.0);
    }
}

/// A widget in a document of this origin, found again at each look (its
/// shadow root comes and goes with mounts).
pub struct Widget {
    root: Box<dyn Fn() -> JsValue>,
    window: JsValue,
}

impl Widget {
    /// `widget.html`'s widget (the `<main>` shadow root) in `window`.
    pub fn of(window: JsValue) -> Widget {
        let win = window.clone();
        Widget { root: Box::new(move || widget_root(&win)), window }
    }

    /// The widget in the shadow root of `selector`'s element of `window`.
    pub fn at(window: JsValue, selector: &'static str) -> Widget {
        let win = window.clone();
        Widget { root: Box::new(move || shadow_of(&win, selector)), window }
    }

    /// The widget in `root()` (an element's shadow root).
    pub fn in_root(root: impl Fn() -> JsValue + 'static) -> Widget {
        Widget { root: Box::new(root), window: JsValue::NULL }
    }

    fn root(&self) -> JsValue {
        (self.root)()
    }

    pub fn is_shown(&self) -> bool {
        !self.root().is_null()
    }

    pub fn heading(&self) -> String {
        heading(&self.root())
    }

    pub fn text(&self) -> String {
        text_of(&self.root())
    }

    pub fn alerts(&self) -> Vec<String> {
        js_to_json(&alerts(&self.root()))
            .ok()
            .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()))
            .unwrap_or_default()
    }

    pub fn names(&self, role: &str) -> Vec<String> {
        js_to_json(&names(&self.root(), role))
            .ok()
            .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()))
            .unwrap_or_default()
    }

    pub fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        attribute(&self.root(), selector, name)
    }

    /// The height of the widget's `<main>` in CSS pixels.
    pub fn height(&self) -> f64 {
        height_of(&self.window)
    }

    /// A global of the framed page, as JSON (`recordedNavigations`).
    pub fn global(&self, name: &str) -> Value {
        serde_json::from_str(&window_value(&self.window, name)).unwrap_or(Value::Null)
    }

    pub fn has(&self, role: &str, name: &str) -> bool {
        !find(&self.root(), role, name).is_null()
    }

    pub fn click(&self, name: &str) {
        let el = find(&self.root(), "button", name);
        assert!(!el.is_null(), "no button {name:?}; buttons: {:?}", self.names("button"));
        click(&el);
    }

    pub fn type_into(&self, label: &str, text: &str) {
        let el = find(&self.root(), "textbox", label);
        assert!(!el.is_null(), "no field {label:?}; fields: {:?}", self.names("textbox"));
        type_text(&el, text);
    }

    pub async fn until_heading(&self, text: &str) {
        let what = format!("heading {text:?}");
        until(&what, 5000, || self.heading().contains(text)).await;
    }

    pub async fn until_button(&self, name: &str) {
        until(&format!("button {name:?}"), 5000, || self.has("button", name)).await;
    }

    /// Search the sandbox for MX Bank and open its login form.
    pub async fn open_mx_bank(&self) {
        self.until_heading("Find your bank").await;
        self.type_into("Search for your bank", "MX Bank");
        // The results of the search, not the popular list's MX Bank.
        until("results for MX Bank", 5000, || self.text().contains("for “MX Bank”")).await;
        self.click("MX Bank");
        self.until_heading("Log in to MX Bank").await;
        until("the login form", 5000, || self.has("textbox", "Username")).await;
    }

    /// Log in with the sandbox's test credentials and wait for the connected step.
    pub async fn connect(&self) {
        self.type_into("Username", "test_atrium");
        self.type_into("Password", "password");
        self.click("Continue");
        self.until_heading("You're connected").await;
    }
}

/// Wait until `frame`'s page frames a widget page of this origin, and return it.
pub async fn inner_widget(frame: &Frame) -> Widget {
    until("the framed widget page", 5000, || !widget_root(&frame.inner_window()).is_null()).await;
    Widget::of(frame.inner_window())
}

/// Wait until `frame` itself shows a widget page of this origin.
pub async fn widget_in(frame: &Frame) -> Widget {
    until("the widget page", 5000, || !widget_root(&frame.window()).is_null()).await;
    Widget::of(frame.window())
}

/// Wait until `widget` has a root.
pub async fn shown(widget: Widget) -> Widget {
    until("the widget", 5000, || widget.is_shown()).await;
    widget
}

/// A JSON value as a JS value (for `postMessage` from tests).
pub fn js(value: &Value) -> JsValue {
    json_to_js(value)
}

/// Resolve after `ms`.
pub async fn pause(ms: u32) {
    sleep(ms).await;
}
