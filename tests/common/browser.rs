//! Shared browser-test toolkit: mount a widget into its own container, find
//! things the way a screen-reader user would (role, accessible name, label)
//! inside that widget's shadow root only, act like a user, wait for the UI,
//! read what the widget reported; plus the test hosts and the journeys more
//! than one suite module takes.

use connect_widget::host::js::{js_to_json, json_to_js, now_ms};
use connect_widget::{mount, WidgetHandle};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, Node, ShadowRoot};

// ---- Mounting ---------------------------------------------------------------

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn make_options(api: &JsValue, rest: &JsValue) -> JsValue;
    fn recorded(rec: &JsValue, which: &str) -> JsValue;
    fn options_of(rec: &JsValue) -> JsValue;
}

pub fn json(v: &Value) -> JsValue {
    json_to_js(v)
}

pub async fn sleep(ms: u32) {
    connect_widget::host::js::sleep(ms).await;
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

/// Fast sandbox timings, with a short "syncing" phase after CONNECTED.
pub fn syncing_timing() -> Value {
    timing_with(json!({"sandboxSyncMs": 20}))
}

/// Mount with `api` (a JS host object, or the string "sandbox") and the
/// other options as JSON (`clientConfig`, `timing`, ...). `timing` defaults to `fast_timing()`.
pub fn mount_with(api: JsValue, rest: Value) -> Mounted {
    mount_patched(api, rest, |_| {})
}

pub fn mount_sandbox(rest: Value) -> Mounted {
    mount_with(JsValue::from_str("sandbox"), rest)
}

/// `mount_with`, but `patch` may change the options object before `mount` sees
/// it (wrap a listener, add a key that is not JSON, ...).
pub fn mount_patched(api: JsValue, rest: Value, patch: impl FnOnce(&JsValue)) -> Mounted {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let host = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&host).expect("append");
    mount_patched_in(host, api, rest, patch)
}

/// `mount_patched` into a given element (of another document, say).
pub fn mount_patched_in(host: Element, api: JsValue, rest: Value, patch: impl FnOnce(&JsValue)) -> Mounted {
    let mut rest = rest;
    if rest.get("timing").is_none() {
        rest["timing"] = fast_timing();
    }
    let recorder = make_options(&api, &json(&rest));
    patch(&options_of(&recorder));
    let handle = mount(host.clone().into(), options_of(&recorder)).map_err(JsValue::from).expect("mount");
    Mounted { host, handle, recorder }
}

impl Mounted {
    pub fn unmount(self) {
        self.handle.unmount();
        self.host.remove();
    }
}

// ---- Finding things: role, accessible name, label ----------------------------

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    pub fn accessible_name(el: &Element) -> String;
    /// Starts counting the DOM changes under `el`; read the count with `mutations_seen`.
    pub fn watch_mutations(el: &Element) -> JsValue;
    pub fn mutations_seen(watch: &JsValue) -> u32;
    fn choice_name(el: &Element) -> String;
    fn list_button_names(host: &Element) -> Vec<String>;
}

/// Elements under `scope` (a shadow root or an element) matching `selector`, in document order.
pub fn query_all(scope: &impl AsRef<Node>, selector: &str) -> Vec<Element> {
    // By node type, not `instanceof`: a widget in a same-origin frame has that frame's classes.
    let node: &Node = scope.as_ref();
    let list = match node.node_type() {
        Node::DOCUMENT_FRAGMENT_NODE => node.unchecked_ref::<ShadowRoot>().query_selector_all(selector),
        Node::ELEMENT_NODE => node.unchecked_ref::<Element>().query_selector_all(selector),
        other => panic!("not a container (node type {other})"),
    };
    let list = list.expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(JsCast::unchecked_into::<Element>).collect()
}

/// Elements with `role` under `scope` (implicit for button, heading, textbox, radio, group, region, link, img).
pub fn by_role_in(scope: &impl AsRef<Node>, role: &str) -> Vec<Element> {
    let selector = match role {
        "button" => "button, [role=button]".to_string(),
        "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]".to_string(),
        "textbox" => "input:not([type=radio]):not([type=checkbox]), textarea".to_string(),
        "radio" => "input[type=radio], [role=radio]".to_string(),
        "group" => "fieldset, [role=group]".to_string(),
        "region" => "section[aria-label], [role=region]".to_string(),
        "link" => "a[href]".to_string(),
        "img" => "img".to_string(),
        other => format!("[role={other}]"),
    };
    query_all(scope, &selector)
}

pub fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

impl Mounted {
    pub fn root(&self) -> ShadowRoot {
        self.host.shadow_root().expect("the widget mounts into a shadow root")
    }

    /// Elements with `role` in the widget.
    pub fn by_role(&self, role: &str) -> Vec<Element> {
        by_role_in(&self.root(), role)
    }

    /// The first element with `role` whose accessible name contains `name`.
    pub fn find(&self, role: &str, name: &str) -> Option<Element> {
        self.by_role(role).into_iter().find(|e| accessible_name(e).contains(name))
    }

    /// Accessible names of all elements with `role`.
    pub fn names(&self, role: &str) -> Vec<String> {
        self.by_role(role).iter().map(accessible_name).collect()
    }

    /// The first button whose accessible name contains `name`.
    pub fn button(&self, name: &str) -> HtmlElement {
        self.find("button", name)
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|| panic!("no button named {name:?}; buttons: {:?}", self.names("button")))
    }

    /// The button whose accessible name is exactly `name` (names overlap: "Disconnect" / "Disconnect MX Bank").
    pub fn exact_button(&self, name: &str) -> HtmlElement {
        self.by_role("button")
            .into_iter()
            .find(|e| accessible_name(e) == name)
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|| panic!("no button named exactly {name:?}; buttons: {:?}", self.names("button")))
    }

    pub fn has_button(&self, name: &str) -> bool {
        self.find("button", name).is_some()
    }

    /// A text input by its label.
    pub fn field(&self, label: &str) -> HtmlInputElement {
        self.find("textbox", label)
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|| panic!("no field labelled {label:?}; fields: {:?}", self.names("textbox")))
    }

    /// Radios, each with its name (label text plus the alt text of a pictured choice).
    pub fn radios(&self) -> Vec<(String, HtmlInputElement)> {
        self.by_role("radio").into_iter().map(|e| (choice_name(&e), e.unchecked_into())).collect()
    }

    /// Accessible names of the institution buttons in the result (or popular) list, in order.
    pub fn listed_names(&self) -> Vec<String> {
        list_button_names(&self.host)
    }

    /// The step heading's text.
    pub fn heading(&self) -> String {
        query_all(&self.root(), "[data-cw-heading]").first().map(accessible_name).unwrap_or_default()
    }

    /// The text of the whole widget (what a sighted user could read).
    pub fn text(&self) -> String {
        self.by_role("region").first().and_then(|e| e.text_content()).unwrap_or_default()
    }

    /// Texts of `role=alert` elements.
    pub fn alerts(&self) -> Vec<String> {
        self.by_role("alert").iter().filter_map(|e| e.text_content()).collect()
    }

    /// What the polite live region says.
    pub fn status_text(&self) -> String {
        query_all(&self.root(), "[role=status][aria-live]").first().and_then(|e| e.text_content()).unwrap_or_default()
    }

    /// The element that has focus inside the widget.
    pub fn focused(&self) -> Option<Element> {
        self.root().active_element()
    }

    /// Whether focus is on the current step's heading (a dialog's, when one is open).
    pub fn heading_has_focus(&self) -> bool {
        let heading = query_all(&self.root(), "[role=dialog] [data-cw-heading]")
            .into_iter()
            .next()
            .or_else(|| query_all(&self.root(), "[data-cw-heading]").into_iter().next());
        match (heading, self.focused()) {
            (Some(h), Some(f)) => h.is_same_node(Some(&f)),
            _ => false,
        }
    }
}

// ---- Acting like a user ------------------------------------------------------

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    pub fn fire_input(el: &Element, value: &str);
    pub fn fire_key(el: &Element, key: &str, shift: bool);
}

impl Mounted {
    pub fn type_into(&self, label: &str, text: &str) {
        fire_input(&self.field(label), text);
    }

    pub fn click(&self, name: &str) {
        self.button(name).click();
    }

    /// Pick the radio whose name contains `label`.
    pub fn choose(&self, label: &str) {
        let radio: HtmlElement = self
            .find("radio", label)
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|| panic!("no choice {label:?}; choices: {:?}", self.names("radio")));
        radio.click();
    }

    /// Pick the radio named exactly `name` ("correct" is not "incorrect").
    pub fn choose_exactly(&self, name: &str) {
        let all = self.radios();
        let names: Vec<String> = all.iter().map(|(n, _)| n.clone()).collect();
        let (_, radio) = all
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no choice {name:?}; choices: {names:?}"));
        radio.click();
    }
}

// ---- Waiting for the UI --------------------------------------------------------

impl Mounted {
    /// Wait (up to `ms`) until `cond` holds; on timeout, fail with what is on screen.
    pub async fn until(&self, what: &str, ms: u32, cond: impl Fn(&Mounted) -> bool) {
        let start = now_ms();
        loop {
            if cond(self) {
                self.audit().await;
                return;
            }
            if now_ms() - start > f64::from(ms) {
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

    /// Wait until a `role=alert` message contains `text`.
    pub async fn until_alert(&self, text: &str) {
        let wanted = text.to_string();
        self.until(&format!("an alert saying {text:?}"), 3000, move |m| m.alerts().iter().any(|a| a.contains(&wanted)))
            .await;
    }

    /// Wait for focus to reach the heading (focus moves one macrotask after render).
    pub async fn until_heading_focused(&self) {
        self.until("focus on the heading", 2000, |m| m.heading_has_focus()).await;
    }

    /// Wait until the live region reports results for `query`.
    pub async fn until_results_for(&self, query: &str) {
        let wanted = format!("for “{query}”");
        self.until(&format!("results for {query:?}"), 3000, move |m| m.status_text().contains(&wanted)).await;
    }

    /// Wait until an event named `name` was reported.
    pub async fn until_event(&self, name: &str) {
        let wanted = name.to_string();
        self.until(&format!("event {name}"), 3000, move |m| m.event_names().contains(&wanted)).await;
    }
}

// ---- Accessibility: every screen a test reaches is audited ---------------------

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn audit_screen(host: &Element, key: &str) -> Result<JsValue, JsValue>;
    fn audit_report() -> JsValue;
}

impl Mounted {
    /// Which screen this is, for auditing each once: the step's pageview path
    /// (search, search/no_results, …), its headings, and what can change on one
    /// step (an open dialog, an alert, a spinner, a notice).
    fn screen_key(&self) -> String {
        let root = self.root();
        let has = |selector: &str| !query_all(&root, selector).is_empty();
        let parts = [
            ("dialog", has("[role=dialog]")),
            ("alert", has("[role=alert]")),
            ("spinner", has(".cw-spinner")),
            ("notice", has(".cw-notice")),
        ];
        let flags: Vec<&str> = parts.iter().filter(|(_, on)| *on).map(|(name, _)| *name).collect();
        let path = self.pageviews().last().cloned().unwrap_or_default();
        // Headings too (the step's and a dialog's): sub-views and overlays without a
        // pageview of their own (the survey, the leaving notice) are screens of their own.
        let headings: Vec<String> = query_all(&root, "[data-cw-heading]").iter().map(accessible_name).collect();
        format!("{path} {headings:?} [{}]", flags.join(" "))
    }

    /// Audit the screen on show, once per kind of screen for the whole suite
    /// (`Mounted::until` calls this, so every step a test waits for is covered,
    /// new ones included): axe-core's WCAG 2.2 A/AA rules in light and dark, no
    /// sideways scrolling at 320 px, nothing outside its button at 200 % text.
    pub async fn audit(&self) {
        if self.host.shadow_root().is_none() || self.heading().is_empty() {
            return;
        }
        let key = self.screen_key();
        let findings = self.audit_findings(&key).await;
        assert!(
            findings.is_empty(),
            "accessibility findings on {key} ({:?}):\n{}",
            self.heading(),
            findings.join("\n")
        );
    }

    /// What the audit finds on the screen shown now, unless a screen with `key` was audited already.
    pub async fn audit_findings(&self, key: &str) -> Vec<String> {
        let findings = audit_screen(&self.host, key).await.unwrap_or_else(|e| panic!("the audit failed: {e:?}"));
        js_to_json(&findings).ok().and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default()
    }
}

/// What the audits did so far, as `[{key, ms, findings}]`.
pub fn audits_so_far() -> Value {
    js_to_json(&audit_report()).unwrap_or(Value::Null)
}

// ---- What the widget reported to the partner ----------------------------------

impl Mounted {
    /// What a listener received, with its metadata, as JSON: `which` is
    /// `"events"` (`[{event, data}]`), `"pageviews"` (`[{path, data}]`) or
    /// `"analytics"` (`[{name, data}]`).
    pub fn recorded_json(&self, which: &str) -> Value {
        js_to_json(&recorded(&self.recorder, which)).unwrap_or(Value::Null)
    }

    /// Events sent to `onPostMessage`, in order: `(name, data)`.
    pub fn events(&self) -> Vec<(String, Value)> {
        self.recorded_json("events")
            .as_array()
            .map(|a| a.iter().map(|e| (e["event"].as_str().unwrap_or("").to_string(), e["data"].clone())).collect())
            .unwrap_or_default()
    }

    pub fn event_names(&self) -> Vec<String> {
        self.events().into_iter().map(|(n, _)| n).collect()
    }

    /// Data of every event named `name`, in order.
    pub fn events_named(&self, name: &str) -> Vec<Value> {
        self.events().into_iter().filter(|(n, _)| n == name).map(|(_, d)| d).collect()
    }

    /// `(previous, current)` of every `connect/stepChange`.
    pub fn step_changes(&self) -> Vec<(String, String)> {
        self.events_named("connect/stepChange")
            .iter()
            .map(|d| {
                (d["previous"].as_str().unwrap_or("?").to_string(), d["current"].as_str().unwrap_or("?").to_string())
            })
            .collect()
    }

    /// Paths sent to `onAnalyticPageview`, in order.
    pub fn pageviews(&self) -> Vec<String> {
        self.recorded_json("pageviews")
            .as_array()
            .map(|a| a.iter().filter_map(|p| p["path"].as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// The guid of the member the widget reported on.
    pub fn reported_member_guid(&self) -> String {
        self.events()
            .iter()
            .find_map(|(n, d)| match n.as_str() {
                "connect/memberStatusUpdate" | "connect/memberConnected" | "connect/submitMFA" => {
                    d["member_guid"].as_str().map(str::to_string)
                }
                "connect/memberError" => d["member"]["guid"].as_str().map(str::to_string),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no member reported: {:?}", self.event_names()))
    }

    /// Every `onPostMessage` event, `onAnalyticPageview` (path and data) and
    /// `onAnalyticEvent` the widget made, as JSON.
    pub fn everything_reported(&self) -> Value {
        json!({"events": self.recorded_json("events"), "pageviews": self.recorded_json("pageviews"), "analytics": self.recorded_json("analytics")})
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

/// A `(previous, current)` step change, for comparing with `Mounted::step_changes`.
pub fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

// ---- The host page around the widget ---------------------------------------------

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    /// A field of the host page, appended to the body and focused.
    pub fn focused_page_input() -> HtmlElement;
    pub fn is_document_focus(el: &HtmlElement) -> bool;
}

// ---- Test host: the contract's example answers --------------------------------------------------

// A host object written from the host API contract's examples: the same institutions,
// credentials, member, job and runJob answers, envelopes included. Options:
// `numeric` (statuses as numbers), `bare` (no envelopes), `conflict` (addMember
// answers 409 for an existing member), `stuck` (the member never finishes), and
// `faults: {callback: [kind, ...]}` — the next calls of `callback` fail with
// `throw` (synchronously), `reject500`, `garbage42`, `garbageX` or `never`.
// Every call is recorded with copies of its arguments.
#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn make_host(opts: &JsValue) -> JsValue;
    fn host_calls(api: &JsValue) -> JsValue;
}

/// MX Bank's guid in the contract's examples.
pub const MX_GUID: &str = "INS-1572a04c-912b-59bf-5841-332c7dfafaef";

/// A host built from the contract's examples with `opts` (see the JS above).
pub fn host(opts: Value) -> JsValue {
    make_host(&json(&opts))
}

/// `(callback, args)` of every call the host got, in order.
pub fn calls(api: &JsValue) -> Vec<(String, Value)> {
    let list = js_to_json(&host_calls(api)).unwrap_or(Value::Null);
    list.as_array()
        .map(|a| a.iter().map(|c| (c["name"].as_str().unwrap_or("").to_string(), c["args"].clone())).collect())
        .unwrap_or_default()
}

/// Arguments of every call to `name`.
pub fn calls_to(api: &JsValue, name: &str) -> Vec<Value> {
    calls(api).into_iter().filter(|(n, _)| n == name).map(|(_, a)| a).collect()
}

/// The partner's clientConfig, with a key the widget does not know (it must reach the host as is).
pub fn client_config() -> Value {
    json!({"mode": "aggregation", "ui_message_version": 4, "partner_note": "passed through"})
}

/// Mount on the contract-example host with `client_config()`.
pub fn mount_host(api: &JsValue) -> Mounted {
    mount_with(api.clone(), json!({"clientConfig": client_config()}))
}

// ---- Test host: one configured member (Gringotts) -------------------------------------

// A host that knows one member and one institution. `load` makes loadMemberByGuid
// answer "ok", "404", "500" or "hang"; `deleteFailures` failed deleteMember calls come
// first; addMember always fails. `calls` lists the callbacks called.
#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn fake_host(member: &JsValue, institution: &JsValue) -> JsValue;
    /// Change a setting of a `member_host` (`load`, `deleteFailures`).
    pub fn set_host(h: &JsValue, key: &str, value: &JsValue);
    /// The callbacks a `member_host` was called with, in order.
    pub fn fake_host_calls(h: &JsValue) -> Vec<String>;
}

pub const GRINGOTTS: &str = "Gringotts";

/// A host knowing `member` (see `gringotts_member`) at Gringotts.
pub fn member_host(member: &Value) -> JsValue {
    fake_host(&json(member), &json(&gringotts()))
}

/// Gringotts' member MBR-GRG with `status`, managed by the user, not aggregating.
pub fn gringotts_member(status: &str) -> Value {
    json!({"guid": "MBR-GRG", "institution_guid": "INS-GRG", "connection_status": status, "is_being_aggregated": false, "is_managed_by_user": true})
}

pub fn gringotts() -> Value {
    json!({"guid": "INS-GRG", "code": "gringotts", "name": GRINGOTTS, "url": "https://gringotts.example"})
}

/// Mount on `host` configured with `current_member_guid: MBR-GRG` and the keys of `config`.
pub fn mount_on_member(host: &JsValue, config: Value) -> Mounted {
    let mut client = json!({"current_member_guid": "MBR-GRG"});
    if let (Some(c), Some(extra)) = (client.as_object_mut(), config.as_object()) {
        c.extend(extra.clone());
    }
    mount_with(host.clone(), json!({"clientConfig": client}))
}

// ---- Journeys ------------------------------------------------------------------------

/// Search the sandbox (or popular list) for MX Bank and open its login form.
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

/// From the popular list: MX Bank, log in, connected.
pub async fn connect_from_popular(w: &Mounted, username: &str, password: &str) {
    open_mx_bank(w).await;
    log_in(w, username, password);
    w.until_heading("You're connected").await;
}

/// The sandbox opened on MX Bank's login form (`current_institution_code`), with
/// `syncing_timing()` and the extra clientConfig keys of `config`.
pub async fn at_mx_bank(config: Value) -> Mounted {
    let mut client = json!({"current_institution_code": "mxbank"});
    if let (Some(c), Some(extra)) = (client.as_object_mut(), config.as_object()) {
        c.extend(extra.clone());
    }
    let w = mount_sandbox(json!({"clientConfig": client, "timing": syncing_timing()}));
    w.until("the MX Bank login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    w
}

/// Microdeposits, from "Verify with two small deposits" to "Who owns this account?": an
/// `account_type` ("Checking", "Savings") account numbered `account`, typed twice.
pub async fn microdeposit_account(w: &Mounted, account_type: &str, account: &str) {
    w.until_heading("Verify with two small deposits").await;
    w.click("Continue");
    w.until_heading("Enter your account details").await;
    w.choose(account_type);
    w.type_into("Account number", account);
    w.type_into("Confirm account number", account);
    w.click("Continue");
    w.until_heading("Who owns this account?").await;
}
