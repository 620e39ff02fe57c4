//! Shared browser-test toolkit: mount a widget into its own container, find
//! things the way a screen-reader user would (role, accessible name, label)
//! inside that widget's shadow root only, act like a user, wait for the UI.

use connect_widget::{mount, WidgetHandle};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

#[wasm_bindgen(inline_js = r#"
export function make_options(api, rest) {
  const events = [];
  const pageviews = [];
  const analytics = [];
  const options = Object.assign({}, rest, {
    api,
    onPostMessage(event, data) { events.push({ event, data: data === undefined ? null : JSON.parse(JSON.stringify(data)) }); },
    onAnalyticPageview(path, data) { pageviews.push({ path, data }); },
    onAnalyticEvent(name, data) { analytics.push({ name, data }); },
  });
  return { options, events, pageviews, analytics };
}
export function recorded(rec, which) { return JSON.parse(JSON.stringify(rec[which])); }
export function options_of(rec) { return rec.options; }
export function fire_input(el, value) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}
export function fire_key(el, key, shift) {
  el.dispatchEvent(new KeyboardEvent("keydown", { key, shiftKey: !!shift, bubbles: true, cancelable: true }));
}
export function accessible_name(el) {
  if (el.hasAttribute("aria-label")) return el.getAttribute("aria-label").trim();
  const by = el.getAttribute("aria-labelledby");
  if (by) {
    const root = el.getRootNode();
    return by.split(/\s+/).map(id => root.getElementById(id)?.textContent ?? "").join(" ").replace(/\s+/g, " ").trim();
  }
  if (el.id) {
    const label = el.getRootNode().querySelector(`label[for="${el.id}"]`);
    if (label) return label.textContent.replace(/\s+/g, " ").trim();
  }
  const alt = el.tagName === "IMG" ? el.getAttribute("alt") : null;
  if (alt !== null) return alt;
  const imgs = [...el.querySelectorAll("img[alt]")].map(i => i.getAttribute("alt")).join(" ");
  return ((el.textContent || "") + " " + imgs).replace(/\s+/g, " ").trim();
}
"#)]
extern "C" {
    fn make_options(api: &JsValue, rest: &JsValue) -> JsValue;
    fn recorded(rec: &JsValue, which: &str) -> JsValue;
    fn options_of(rec: &JsValue) -> JsValue;
    pub fn fire_input(el: &Element, value: &str);
    pub fn fire_key(el: &Element, key: &str, shift: bool);
    pub fn accessible_name(el: &Element) -> String;
}

pub fn json(v: &Value) -> JsValue {
    connect_widget::host::js::json_to_js(v)
}

/// A mounted widget and what it reported.
pub struct Mounted {
    pub host: Element,
    pub handle: WidgetHandle,
    recorder: JsValue,
}

/// Fast timings so flows run in milliseconds.
pub fn fast_timing() -> Value {
    json!({"pollIntervalMs": 20, "searchDebounceMs": 10, "hostTimeoutMs": 300, "sandboxLatencyMs": 1, "sandboxAggregationMs": 60})
}

/// Mount with `api` (a JS host object, or the string "sandbox") and the
/// other options as JSON (`clientConfig`, `timing`, ...). `timing` defaults to `fast_timing()`.
pub fn mount_with(api: JsValue, rest: Value) -> Mounted {
    mount_patched(api, rest, |_| {})
}

pub fn mount_sandbox(rest: Value) -> Mounted {
    mount_with(JsValue::from_str("sandbox"), rest)
}

pub async fn sleep(ms: u32) {
    connect_widget::host::js::sleep(ms).await;
}

impl Mounted {
    pub fn root(&self) -> ShadowRoot {
        self.host.shadow_root().expect("the widget mounts into a shadow root")
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).expect("selector");
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    /// Events sent to `onPostMessage`, in order: `(name, data)`.
    pub fn events(&self) -> Vec<(String, Value)> {
        let list = connect_widget::host::js::js_to_json(&recorded(&self.recorder, "events")).unwrap_or(Value::Null);
        list.as_array()
            .map(|a| a.iter().map(|e| (e["event"].as_str().unwrap_or("").to_string(), e["data"].clone())).collect())
            .unwrap_or_default()
    }

    pub fn event_names(&self) -> Vec<String> {
        self.events().into_iter().map(|(n, _)| n).collect()
    }

    pub fn pageviews(&self) -> Vec<String> {
        let list = connect_widget::host::js::js_to_json(&recorded(&self.recorder, "pageviews")).unwrap_or(Value::Null);
        list.as_array()
            .map(|a| a.iter().filter_map(|p| p["path"].as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    }

    pub fn analytics(&self) -> Value {
        connect_widget::host::js::js_to_json(&recorded(&self.recorder, "analytics")).unwrap_or(Value::Null)
    }

    /// The step heading's text.
    pub fn heading(&self) -> String {
        self.all("[data-cw-heading]").first().map(accessible_name).unwrap_or_default()
    }

    /// The text of the whole widget (what a sighted user could read).
    pub fn text(&self) -> String {
        self.all(".cw").first().and_then(|e| e.text_content()).unwrap_or_default()
    }

    /// Elements with `role` (implicit for button, heading, textbox, radio, dialog, alert, status).
    pub fn by_role(&self, role: &str) -> Vec<Element> {
        let selector = match role {
            "button" => "button, [role=button]".to_string(),
            "heading" => "h1, h2, h3, [role=heading]".to_string(),
            "textbox" => "input:not([type=radio]):not([type=checkbox]), textarea".to_string(),
            "radio" => "input[type=radio], [role=radio]".to_string(),
            "link" => "a[href]".to_string(),
            "img" => "img".to_string(),
            other => format!("[role={other}]"),
        };
        self.all(&selector)
    }

    /// The first element with `role` whose accessible name contains `name`.
    pub fn find(&self, role: &str, name: &str) -> Option<Element> {
        self.by_role(role).into_iter().find(|e| accessible_name(e).contains(name))
    }

    pub fn button(&self, name: &str) -> HtmlElement {
        self.find("button", name)
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("no button named {name:?}; buttons: {:?}", self.names("button")))
    }

    pub fn has_button(&self, name: &str) -> bool {
        self.find("button", name).is_some()
    }

    /// A text field by its label.
    pub fn field(&self, label: &str) -> HtmlInputElement {
        self.find("textbox", label)
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("no field labelled {label:?}; fields: {:?}", self.names("textbox")))
    }

    /// Accessible names of all elements with `role`.
    pub fn names(&self, role: &str) -> Vec<String> {
        self.by_role(role).iter().map(accessible_name).collect()
    }

    /// Texts of `role=alert` elements.
    pub fn alerts(&self) -> Vec<String> {
        self.all("[role=alert]").iter().filter_map(|e| e.text_content()).collect()
    }

    /// What the polite live region says.
    pub fn status_text(&self) -> String {
        self.all("[role=status][aria-live]").first().and_then(|e| e.text_content()).unwrap_or_default()
    }

    /// The element that has focus inside the widget.
    pub fn focused(&self) -> Option<Element> {
        self.root().active_element()
    }

    pub fn type_into(&self, label: &str, text: &str) {
        fire_input(&self.field(label), text);
    }

    pub fn click(&self, name: &str) {
        self.button(name).click();
    }

    pub fn choose(&self, label: &str) {
        let radio: HtmlElement = self
            .find("radio", label)
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("no choice {label:?}; choices: {:?}", self.names("radio")));
        radio.click();
    }

    /// Wait (up to `ms`) until `cond` holds; on timeout, fail with what is on screen.
    pub async fn until(&self, what: &str, ms: u32, cond: impl Fn(&Mounted) -> bool) {
        let start = connect_widget::host::js::now_ms();
        loop {
            if cond(self) {
                return;
            }
            if connect_widget::host::js::now_ms() - start > f64::from(ms) {
                panic!("timed out waiting for {what}; heading {:?}; text: {}", self.heading(), self.text());
            }
            sleep(10).await;
        }
    }

    /// Wait until the step heading contains `text`.
    pub async fn until_heading(&self, text: &str) {
        let wanted = text.to_string();
        self.until(&format!("heading {text:?}"), 3000, move |m| m.heading().contains(&wanted)).await;
    }

    /// Wait until a button named `name` exists.
    pub async fn until_button(&self, name: &str) {
        let wanted = name.to_string();
        self.until(&format!("button {name:?}"), 3000, move |m| m.has_button(&wanted)).await;
    }

    /// Whether focus is on the current step's heading.
    pub fn heading_has_focus(&self) -> bool {
        let heading = self
            .all("[role=dialog] [data-cw-heading]")
            .into_iter()
            .next()
            .or_else(|| self.all("[data-cw-heading]").into_iter().next());
        match (heading, self.focused()) {
            (Some(h), Some(f)) => h.is_same_node(Some(&f)),
            _ => false,
        }
    }

    /// Wait for focus to reach the heading (focus moves one macrotask after render).
    pub async fn until_heading_focused(&self) {
        self.until("focus on the heading", 2000, |m| m.heading_has_focus()).await;
    }

    pub fn unmount(self) {
        self.handle.unmount();
        self.host.remove();
    }
}

/// Search the sandbox for MX Bank and open its login form.
pub async fn open_mx_bank(w: &Mounted) {
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("Log in to MX Bank").await;
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
}

/// Fill and submit the MX Bank login form.
pub fn log_in(w: &Mounted, username: &str, password: &str) {
    w.type_into("Username", username);
    w.type_into("Password", password);
    w.click("Continue");
}

// ---- Added for tests/member_states.rs ---------------------------------------
// Everything a widget reported to the partner, for "no secret ever leaves" checks.

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            collect_strings(x, out);
        }),
        _ => {}
    }
}

impl Mounted {
    /// Every `onPostMessage` event, `onAnalyticPageview` (path and data) and
    /// `onAnalyticEvent` the widget made, as JSON.
    pub fn everything_reported(&self) -> Value {
        let read =
            |which: &str| connect_widget::host::js::js_to_json(&recorded(&self.recorder, which)).unwrap_or(Value::Null);
        json!({"events": read("events"), "pageviews": read("pageviews"), "analytics": read("analytics")})
    }

    /// Fail if any of `secrets` (passwords, MFA answers) was reported: as a whole
    /// string, or as a word of one (so `/mfa_options` does not count as the
    /// password `options`, but `"answer: correct"` counts as `correct`).
    pub fn assert_never_reported(&self, secrets: &[&str]) {
        let all = self.everything_reported();
        let mut strings = Vec::new();
        collect_strings(&all, &mut strings);
        for secret in secrets {
            let leaked = strings.iter().any(|s| {
                s == secret
                    || s.split(|c: char| !(c.is_alphanumeric() || "_:-.@".contains(c))).any(|word| word == *secret)
            });
            assert!(!leaked, "{secret:?} was reported to the partner: {all}");
        }
    }
}

// ---- Added for tests/aggregation_path.rs ------------------------------------

/// `mount_with`, but `patch` may change the options object before `mount` sees
/// it (wrap a listener, add a key that is not JSON, ...).
pub fn mount_patched(api: JsValue, rest: Value, patch: impl FnOnce(&JsValue)) -> Mounted {
    let mut rest = rest;
    if rest.get("timing").is_none() {
        rest["timing"] = fast_timing();
    }
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let host = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&host).expect("append");
    let recorder = make_options(&api, &json(&rest));
    patch(&options_of(&recorder));
    let handle = mount(host.clone().into(), options_of(&recorder)).map_err(JsValue::from).expect("mount");
    Mounted { host, handle, recorder }
}

/// `fast_timing()` with some keys replaced, e.g. `timing_with(json!({"searchDebounceMs": 150}))`.
pub fn timing_with(changes: Value) -> Value {
    let mut timing = fast_timing();
    if let (Some(t), Some(c)) = (timing.as_object_mut(), changes.as_object()) {
        for (k, v) in c {
            t.insert(k.clone(), v.clone());
        }
    }
    timing
}

impl Mounted {
    /// What a listener received, with its metadata, as JSON: `which` is
    /// `"events"` (`[{event, data}]`), `"pageviews"` (`[{path, data}]`) or
    /// `"analytics"` (`[{name, data}]`).
    pub fn recorded_json(&self, which: &str) -> Value {
        connect_widget::host::js::js_to_json(&recorded(&self.recorder, which)).unwrap_or(Value::Null)
    }

    /// Data of every event named `name`, in order.
    pub fn events_named(&self, name: &str) -> Vec<Value> {
        self.events().into_iter().filter(|(n, _)| n == name).map(|(_, d)| d).collect()
    }

    /// Wait until a `role=alert` message contains `text`.
    pub async fn until_alert(&self, text: &str) {
        let wanted = text.to_string();
        self.until(&format!("an alert saying {text:?}"), 3000, move |m| m.alerts().iter().any(|a| a.contains(&wanted)))
            .await;
    }
}
