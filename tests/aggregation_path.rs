//! The aggregation path of issue 2, end to end in headless Chromium: search,
//! credentials, connecting, connected — on the sandbox and on JS host objects.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use connect_widget::WidgetHandle;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// A host object written from seed 000's examples: the same institutions,
// credentials, member, job and runJob answers, envelopes included. Options:
// `numeric` (statuses as numbers), `bare` (no envelopes), `conflict` (addMember
// answers 409 for an existing member), `stuck` (the member never finishes), and
// `faults: {callback: [kind, ...]}` — the next calls of `callback` fail with
// `throw` (synchronously), `reject500`, `garbage42`, `garbageX` or `never`.
// Every call is recorded with copies of its arguments.
#[wasm_bindgen(inline_js = r#"
const STATUS = { CREATED: 0, DENIED: 2, CONNECTED: 6, RECONNECTED: 8, UPDATED: 15 };
const MX = { account_verification_is_enabled: true, code: "mxbank", forgot_password_credential_recovery_url: "https:/mxbank.example/forgot_password", forgot_username_credential_recovery_url: null, guid: "INS-1572a04c-912b-59bf-5841-332c7dfafaef", login_url: null, name: "MX Bank", popularity: 40000, supports_oauth: false, tax_statement_is_enabled: false, trouble_signing_credential_recovery_url: "https:/mxbank.example/forgot_password", url: "https:/mxbank.example" };
const GRINGOTTS = { account_verification_is_enabled: true, code: "gringotts", forgot_password_credential_recovery_url: "https:/testbank.com/forgot_password", forgot_username_credential_recovery_url: null, guid: "INS-f1a3285d-e855-b68f-6aa7-8ae775c0e0e9", login_url: null, name: "Gringotts", popularity: 32685, supports_oauth: false, tax_statement_is_enabled: false, trouble_signing_credential_recovery_url: "https:/testbank.com/forgot_password", url: "https:/testbank.com" };
const INSTITUTIONS = [MX, GRINGOTTS];
const CREDENTIALS = [
  { display_order: 1, field_name: "LOGIN", field_type: 3, guid: "CRD-LOGIN", label: "Username", meta_data: null, optional: false, options: null },
  { display_order: 2, field_name: "PASSWORD", field_type: 1, guid: "CRD-PASSWORD", label: "Password", meta_data: null, optional: false, options: null },
];
const copy = (v) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

export function make_host(opts) {
  const s = { calls: [], faults: opts.faults || {}, polls: 0, working: "CREATED", updated: false };
  const memberGuid = opts.conflict ? "MBR-EXISTING" : "MBR-123";
  const member = (status, aggregating) => {
    const m = {
      aggregated_at: "2016-10-13T18:07:57.000Z", background_aggregation_is_disabled: false,
      connection_status: opts.numeric ? STATUS[status] : status,
      guid: memberGuid, id: "unique_id", institution_code: "mxbank", is_being_aggregated: aggregating,
      is_managed_by_user: false, is_manual: false, is_oauth: false,
      metadata: "\"credentials_last_refreshed_at\": \"2015-10-15\"", most_recent_job_detail_code: null,
      most_recent_job_detail_text: "", most_recent_job_guid: "JOB-1", name: "MX Bank",
      oauth_window_uri: "https://mxbank.example/oauth/authorize?client_id=b8Oik&response_type=code",
      successfully_aggregated_at: "2016-10-13T17:57:38.000Z", user_guid: "USR-123", user_id: "user123",
    };
    return opts.bare ? m : { member: m };
  };
  const answer = (name, args, normal) => {
    s.calls.push({ name, args: copy(args) });
    const queue = s.faults[name];
    const fault = queue && queue.length ? queue.shift() : null;
    if (fault === "throw") throw new Error(name + " exploded");
    if (fault === "reject500") return Promise.reject({ response: { status: 500 } });
    if (fault === "garbage42") return Promise.resolve(42);
    if (fault === "garbageX") return Promise.resolve("x");
    if (fault === "never") return new Promise(() => {});
    return new Promise((resolve, reject) => setTimeout(() => { try { resolve(normal()); } catch (e) { reject(e); } }, 1));
  };
  const notFound = (guid) => { throw { response: { status: 404, data: { guid } } }; };
  const api = {
    loadPopularInstitutions(...a) { return answer("loadPopularInstitutions", a, () => INSTITUTIONS); },
    loadInstitutions(...a) {
      return answer("loadInstitutions", a, () => {
        const q = a[0] || {};
        if (q.routing_number) return q.routing_number === "011411633" ? [MX] : [];
        const name = String(q.search_name || "").toLowerCase();
        return INSTITUTIONS.filter((i) => i.name.toLowerCase().includes(name));
      });
    },
    loadInstitutionByGuid(...a) { return answer("loadInstitutionByGuid", a, () => INSTITUTIONS.find((i) => i.guid === a[0]) || notFound(a[0])); },
    loadInstitutionByCode(...a) { return answer("loadInstitutionByCode", a, () => INSTITUTIONS.find((i) => i.code === a[0]) || notFound(a[0])); },
    getInstitutionCredentials(...a) { return answer("getInstitutionCredentials", a, () => (opts.bare ? CREDENTIALS : { credentials: CREDENTIALS })); },
    addMember(...a) {
      return answer("addMember", a, () => {
        if (opts.conflict) throw { response: { status: 409, data: { guid: "MBR-EXISTING" } } };
        s.polls = 0; s.working = "CREATED";
        return member("CREATED", true);
      });
    },
    updateMember(...a) {
      return answer("updateMember", a, () => { s.updated = true; s.polls = 0; s.working = "UPDATED"; return member("UPDATED", true); });
    },
    loadMemberByGuid(...a) {
      return answer("loadMemberByGuid", a, () => {
        if (a[0] !== memberGuid) notFound(a[0]);
        if (opts.conflict && !s.updated) return member("DENIED", false);
        s.polls += 1;
        if (s.polls === 1 || opts.stuck) return member(s.working, true);
        return member("CONNECTED", s.polls === 2);
      });
    },
    loadJob(...a) {
      return answer("loadJob", a, () => ({ guid: a[0], job_type: 0, status: s.polls >= 3 ? 6 : 0, finished_at: s.polls >= 3 ? 1682356863 : null }));
    },
    runJob(...a) {
      return answer("runJob", a, () => { s.polls = 0; s.working = "RECONNECTED"; return { job_guid: "JOB-2", status: 8 }; });
    },
  };
  Object.defineProperty(api, "__calls", { value: s.calls, enumerable: false });
  return api;
}
export function host_calls(api) { return copy(api.__calls); }

export function partial_api() { return { addMember() {}, loadInstitutions() {} }; }

export function focused_page_input() {
  const input = document.createElement("input");
  input.setAttribute("aria-label", "host page field");
  document.body.appendChild(input);
  input.focus();
  return input;
}
export function is_document_focus(el) { return document.activeElement === el; }

export function listeners_that_throw(options) {
  for (const key of ["onPostMessage", "onAnalyticEvent", "onAnalyticPageview"]) {
    const record = options[key];
    options[key] = function (a, b) { record.call(this, a, b); throw new Error("partner listener bug"); };
  }
}

export function spy_console() {
  const spy = { messages: [], originals: {} };
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    spy.originals[level] = console[level];
    console[level] = (...args) => {
      spy.messages.push(args.map((a) => { try { return typeof a === "string" ? a : JSON.stringify(a) ?? String(a); } catch (_) { return String(a); } }).join(" "));
    };
  }
  return spy;
}
export function console_messages(spy) { return spy.messages.slice(); }
export function restore_console(spy) { for (const level in spy.originals) console[level] = spy.originals[level]; }

export function page_traces() {
  const dump = (storage) => { const out = {}; for (let i = 0; i < storage.length; i++) { const k = storage.key(i); out[k] = storage.getItem(k); } return out; };
  return JSON.stringify({ href: location.href, local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, title: document.title });
}
export function shadow_html(host) { return host.shadowRoot ? host.shadowRoot.innerHTML : ""; }
export function ids_in(host) { return [...host.shadowRoot.querySelectorAll("[id]")].map((e) => e.id); }
export function dangling_references(host) {
  const root = host.shadowRoot;
  const out = [];
  for (const el of root.querySelectorAll("[for], [aria-describedby], [aria-labelledby], [aria-controls]")) {
    for (const attr of ["for", "aria-describedby", "aria-labelledby", "aria-controls"]) {
      const v = el.getAttribute(attr);
      if (v) for (const id of v.split(/\s+/)) if (!root.getElementById(id)) out.push(attr + "=" + id);
    }
  }
  return out;
}
export function free_handle(handle) { handle.free(); }
// What a screen reader reads for each button of the institution list: aria-hidden parts
// (the initials badge) are skipped, text runs are separate words.
export function list_button_names(host) {
  const words = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return [node.textContent];
    if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute("aria-hidden") === "true") return [];
    if (node.tagName === "IMG") return [node.getAttribute("alt") || ""];
    return [...node.childNodes].flatMap(words);
  };
  return [...host.shadowRoot.querySelectorAll("[role=list] button")]
    .map((b) => b.getAttribute("aria-label") || words(b).join(" ").replace(/\s+/g, " ").trim());
}
export function error_message(e) { return e instanceof Error ? e.message : "not an Error: " + String(e); }
"#)]
extern "C" {
    fn make_host(opts: &JsValue) -> JsValue;
    fn host_calls(api: &JsValue) -> JsValue;
    fn partial_api() -> JsValue;
    fn focused_page_input() -> web_sys::HtmlElement;
    fn is_document_focus(el: &web_sys::HtmlElement) -> bool;
    fn listeners_that_throw(options: &JsValue);
    fn spy_console() -> JsValue;
    fn console_messages(spy: &JsValue) -> JsValue;
    fn restore_console(spy: &JsValue);
    fn page_traces() -> String;
    fn shadow_html(host: &web_sys::Element) -> String;
    fn ids_in(host: &web_sys::Element) -> Vec<String>;
    fn dangling_references(host: &web_sys::Element) -> Vec<String>;
    fn free_handle(handle: JsValue);
    fn list_button_names(host: &web_sys::Element) -> Vec<String>;
    fn error_message(e: &JsValue) -> String;
}

const MX_GUID: &str = "INS-1572a04c-912b-59bf-5841-332c7dfafaef";

fn host(opts: Value) -> JsValue {
    make_host(&json(&opts))
}

/// `(callback, args)` of every call the host got, in order.
fn calls(api: &JsValue) -> Vec<(String, Value)> {
    let list = connect_widget::host::js::js_to_json(&host_calls(api)).unwrap_or(Value::Null);
    list.as_array()
        .map(|a| a.iter().map(|c| (c["name"].as_str().unwrap_or("").to_string(), c["args"].clone())).collect())
        .unwrap_or_default()
}

/// Arguments of every call to `name`.
fn calls_to(api: &JsValue, name: &str) -> Vec<Value> {
    calls(api).into_iter().filter(|(n, _)| n == name).map(|(_, a)| a).collect()
}

/// The partner's clientConfig, with a key the widget does not know (it must reach the host as is).
fn client_config() -> Value {
    json!({"mode": "aggregation", "ui_message_version": 4, "partner_note": "passed through"})
}

fn mount_host(api: &JsValue) -> Mounted {
    mount_with(api.clone(), json!({"clientConfig": client_config()}))
}

/// From the popular list: MX Bank, log in, connected.
async fn connect_from_popular(w: &Mounted, username: &str, password: &str) {
    open_mx_bank(w).await;
    log_in(w, username, password);
    w.until_heading("You're connected").await;
}

fn step_changes(w: &Mounted) -> Vec<(String, String)> {
    w.events_named("connect/stepChange")
        .iter()
        .map(|d| (d["previous"].as_str().unwrap_or("?").to_string(), d["current"].as_str().unwrap_or("?").to_string()))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

fn attr(el: &web_sys::Element, name: &str) -> Option<String> {
    el.get_attribute(name)
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

// ---- 1. The full path on the sandbox ----------------------------------------

// The README's promise (MX Bank, test_atrium/password, connected), with every event in order, its payload, and a pageview per step.
#[wasm_bindgen_test]
async fn sandbox_full_path() {
    let w = mount_sandbox(json!({}));
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank", "MX Bank");
    until_results_for(&w, "MX Bank").await;
    open_mx_bank(&w).await;
    w.until_heading_focused().await;
    log_in(&w, "test_atrium", "password");
    w.until_heading("Connecting to MX Bank").await;
    w.until_heading("You're connected").await;
    w.until_heading_focused().await;
    w.click("Done");
    w.until_heading("Find your bank").await;

    let names = w.event_names();
    assert_eq!(
        names,
        [
            "connect/loaded",
            "connect/institutionSearch",
            "connect/selectedInstitution",
            "connect/stepChange",
            "connect/enterCredentials",
            "connect/stepChange",
            "connect/memberStatusUpdate",
            "connect/memberConnected",
            "connect/stepChange",
            "connect/connected/primaryAction",
            "connect/backToSearch",
            "connect/stepChange",
        ],
        "events in order"
    );
    let events = w.events();
    assert_eq!(events[0].1, json!({"initial_step": "search"}));
    assert_eq!(events[1].1, json!({"query": "MX Bank"}));
    let selected = &events[2].1;
    assert_eq!(selected["code"], "mxbank");
    assert_eq!(selected["name"], "MX Bank");
    let guid = selected["guid"].as_str().expect("selectedInstitution.guid").to_string();
    assert!(!guid.is_empty());
    assert!(selected["url"].as_str().is_some_and(|u| u.contains("mxbank")), "{selected}");
    assert_eq!(events[4].1, json!({"institution": {"code": "mxbank", "guid": guid}}));
    let status = &events[6].1;
    let member_guid = status["member_guid"].as_str().expect("member_guid").to_string();
    assert_eq!(status["connection_status"], 6, "CONNECTED, reported once (CREATED was already known)");
    assert_eq!(events[7].1, json!({"member_guid": member_guid, "user_guid": "USR-sandbox"}));
    assert_eq!(events[9].1, json!({}));
    assert_eq!(events[10].1, json!({}));
    assert_eq!(
        step_changes(&w),
        [
            pair("search", "enterCreds"),
            pair("enterCreds", "connecting"),
            pair("connecting", "connected"),
            pair("connected", "search")
        ]
    );
    assert_eq!(
        w.pageviews(),
        [
            "/connect/aggregation/search/popular",
            "/connect/aggregation/search/searched",
            "/connect/aggregation/credentials/create_credentials_form",
            "/connect/aggregation/connecting",
            "/connect/aggregation/connected",
            "/connect/aggregation/search/popular",
        ]
    );
    let pageviews = w.recorded_json("pageviews");
    assert_eq!(pageviews[1]["data"]["search_term"], "MX Bank");
    assert_eq!(pageviews[2]["data"]["institution_guid"], guid.as_str());
    assert_eq!(pageviews[4]["data"]["connection_status"], 6);
    w.unmount();
}

// ---- 2. The same path on JS host objects ------------------------------------

/// The path on a host built from seed 000, then what the host was asked.
async fn host_full_path(opts: Value) {
    let api = host(opts);
    let w = mount_host(&api);
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank", "MX");
    w.until("search results", 3000, |m| m.status_text().contains("1 result")).await;
    connect_from_popular(&w, "jane", "hunter2").await;
    assert!(w.alerts().is_empty(), "no error on the way: {:?}", w.alerts());

    let events = w.events();
    let names: Vec<&str> = events.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "connect/loaded",
            "connect/institutionSearch",
            "connect/selectedInstitution",
            "connect/stepChange",
            "connect/enterCredentials",
            "connect/stepChange",
            "connect/memberStatusUpdate",
            "connect/memberConnected",
            "connect/stepChange",
        ]
    );
    assert_eq!(events[1].1, json!({"query": "MX"}));
    assert_eq!(
        events[2].1,
        json!({"code": "mxbank", "guid": MX_GUID, "name": "MX Bank", "url": "https:/mxbank.example"})
    );
    assert_eq!(events[4].1, json!({"institution": {"code": "mxbank", "guid": MX_GUID}}));
    // CREATED (addMember) → CREATED (poll 1, no event) → CONNECTED syncing (event) → CONNECTED done (no event).
    assert_eq!(events[6].1, json!({"member_guid": "MBR-123", "connection_status": 6}));
    assert_eq!(events[7].1, json!({"member_guid": "MBR-123", "user_guid": "USR-123"}));

    // What the host was asked, argument by argument.
    assert_eq!(calls_to(&api, "loadPopularInstitutions"), [json!([{"per_page": 25}])]);
    assert_eq!(calls_to(&api, "loadInstitutions"), [json!([{"search_name": "MX", "page": 1, "per_page": 25}])]);
    assert_eq!(calls_to(&api, "loadInstitutionByGuid"), [json!([MX_GUID])]);
    assert_eq!(calls_to(&api, "getInstitutionCredentials"), [json!([MX_GUID])]);
    let add = calls_to(&api, "addMember");
    assert_eq!(add.len(), 1);
    let raw_institution = &calls_to(&api, "addMember")[0][0]["rawInstitutionData"];
    assert_eq!(raw_institution["guid"], MX_GUID);
    assert_eq!(raw_institution["forgot_password_credential_recovery_url"], "https:/mxbank.example/forgot_password");
    assert_eq!(
        add[0],
        json!([
            {
                "institution_guid": MX_GUID,
                "credentials": [{"guid": "CRD-LOGIN", "value": "jane"}, {"guid": "CRD-PASSWORD", "value": "hunter2"}],
                "rawInstitutionData": raw_institution,
            },
            client_config(),
            true
        ])
    );
    let polls = calls_to(&api, "loadMemberByGuid");
    assert!(polls.len() >= 3, "polled until done: {polls:?}");
    assert!(polls.iter().all(|a| *a == json!(["MBR-123", "en"])), "{polls:?}");
    let jobs = calls_to(&api, "loadJob");
    assert!(!jobs.is_empty() && jobs.iter().all(|a| *a == json!(["JOB-1"])), "{jobs:?}");
    assert!(calls_to(&api, "runJob").is_empty(), "the member was already aggregating: no runJob");
    w.unmount();
}

// A host answering exactly like seed 000's examples (envelopes, status names) completes the path and gets MX's arguments.
#[wasm_bindgen_test]
async fn seed_000_host_full_path() {
    host_full_path(json!({})).await;
}

// The React widget's own hosts answer bare values with numeric statuses (6): the same path must work.
#[wasm_bindgen_test]
async fn bare_numeric_host_full_path() {
    host_full_path(json!({"numeric": true, "bare": true})).await;
}

// ---- 3. Failing hosts: a message, and a way forward --------------------------

// A loadPopularInstitutions that throws synchronously must not blank the search step: alert, retry, go on.
#[wasm_bindgen_test]
async fn popular_list_that_throws_can_be_retried() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["throw"]}}));
    let w = mount_host(&api);
    w.until_alert("We couldn't load institutions").await;
    w.click("Try again");
    connect_from_popular(&w, "jane", "pw").await;
    assert_eq!(calls_to(&api, "loadPopularInstitutions").len(), 2);
    w.unmount();
}

// `42` instead of an institution list is a malformed answer, shown like any failure.
#[wasm_bindgen_test]
async fn popular_list_garbage_can_be_retried() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["garbage42"]}}));
    let w = mount_host(&api);
    w.until_alert("We couldn't load institutions").await;
    w.click("Try again");
    w.until_button("MX Bank").await;
    assert!(w.alerts().is_empty(), "{:?}", w.alerts());
    w.unmount();
}

// A search rejected with `{response: {status: 500}}` shows its failure state; retrying searches again.
#[wasm_bindgen_test]
async fn search_rejected_with_500_can_be_retried() {
    let api = host(json!({"faults": {"loadInstitutions": ["reject500"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "Grin");
    w.until_alert("Something went wrong while searching").await;
    assert!(w.text().contains("Search isn't working right now"));
    w.click("Try again");
    w.until_button("Gringotts").await;
    assert!(w.alerts().is_empty(), "{:?}", w.alerts());
    assert_eq!(w.events_named("connect/institutionSearch"), [json!({"query": "Grin"}), json!({"query": "Grin"})]);
    w.unmount();
}

// A garbage (then throwing) loadInstitutionByGuid keeps the user on search with a message; picking again works.
#[wasm_bindgen_test]
async fn selecting_an_institution_with_a_garbage_answer_can_be_retried() {
    let api = host(json!({"faults": {"loadInstitutionByGuid": ["garbage42", "throw"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_alert("We couldn't open MX Bank").await;
    assert!(w.heading().contains("Find your bank"));
    w.click("MX Bank");
    w.until("a second failure (a synchronous throw)", 3000, |m| {
        calls_to(&api, "loadInstitutionByGuid").len() == 2 && m.alerts().iter().any(|a| a.contains("couldn't open"))
    })
    .await;
    connect_from_popular(&w, "jane", "pw").await;
    w.unmount();
}

// A getInstitutionCredentials that never answers must not leave a spinner forever (timing.hostTimeoutMs).
#[wasm_bindgen_test]
async fn credential_fields_that_never_arrive_time_out_and_can_be_retried() {
    let api = host(json!({"faults": {"getInstitutionCredentials": ["never"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("Log in to MX Bank").await;
    w.until_alert("We couldn't load the login form for MX Bank").await;
    w.click("Try again");
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    log_in(&w, "jane", "pw");
    w.until_heading("You're connected").await;
    w.unmount();
}

// addMember answering `"x"` is a failed submit: alert, createMemberError, and the same form submits again.
#[wasm_bindgen_test]
async fn add_member_garbage_shows_an_error_and_resubmitting_works() {
    let api = host(json!({"faults": {"addMember": ["garbageX"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_alert("Something went wrong. Please try again.").await;
    assert!(w.heading().contains("Log in to MX Bank"));
    assert_eq!(
        w.events_named("connect/createMemberError"),
        [json!({"institution_guid": MX_GUID, "institution_code": "mxbank"})]
    );
    // What was typed is still there: submit again as is.
    w.click("Continue");
    w.until_heading("You're connected").await;
    assert_eq!(calls_to(&api, "addMember").len(), 2);
    assert_eq!(
        calls_to(&api, "addMember")[1][0]["credentials"],
        json!([{"guid": "CRD-LOGIN", "value": "jane"}, {"guid": "CRD-PASSWORD", "value": "pw"}])
    );
    w.unmount();
}

// addMember rejected with 500: the message shows, and "Back" leads to search from where the path works.
#[wasm_bindgen_test]
async fn add_member_rejected_with_500_then_back_to_search_works() {
    let api = host(json!({"faults": {"addMember": ["reject500"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_alert("Something went wrong").await;
    w.click("Back");
    w.until_heading("Find your bank").await;
    assert_eq!(w.events_named("connect/backToSearch").len(), 1);
    connect_from_popular(&w, "jane", "pw").await;
    w.unmount();
}

// An addMember whose Promise never settles times out with "no response"; a second submit goes through.
#[wasm_bindgen_test]
async fn add_member_that_never_answers_times_out_and_can_be_resubmitted() {
    let api = host(json!({"faults": {"addMember": ["never"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_alert("We're not getting a response right now").await;
    w.click("Continue");
    w.until_heading("You're connected").await;
    w.unmount();
}

// Polling that keeps failing offers a retry that runs a job; a throwing runJob is retryable too, and then it connects.
#[wasm_bindgen_test]
async fn polling_failures_offer_a_retry_that_runs_a_job() {
    let api = host(json!({"faults": {"loadMemberByGuid": ["never", "reject500", "garbage42"], "runJob": ["throw"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_heading("Connecting to MX Bank").await;
    w.until_alert("We're not getting a response right now").await;
    assert!(w.text().contains("We lost contact with MX Bank"));
    w.click("Try again");
    w.until_alert("Something went wrong. Please try again.").await;
    w.click("Try again");
    w.until_heading("You're connected").await;
    let jobs = calls_to(&api, "runJob");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[1], json!([0, "MBR-123", client_config(), true]));
    // CREATED known from addMember; the job's RECONNECTED and then CONNECTED are the real changes.
    let statuses: Vec<Value> =
        w.events_named("connect/memberStatusUpdate").iter().map(|d| d["connection_status"].clone()).collect();
    assert_eq!(statuses, [json!(8), json!(6)]);
    assert_eq!(w.events_named("connect/memberConnected").len(), 1);
    w.unmount();
}

// ---- 4. "Member already exists" ----------------------------------------------

// addMember's 409 with `data.guid` means the member exists: load it, update its credentials, connect.
#[wasm_bindgen_test]
async fn existing_member_409_continues_with_update_member() {
    let api = host(json!({"conflict": true}));
    let w = mount_host(&api);
    connect_from_popular(&w, "jane", "new-pw").await;
    let sequence: Vec<String> = calls(&api).into_iter().map(|(n, _)| n).filter(|n| n != "loadJob").collect();
    assert_eq!(
        &sequence[..6],
        [
            "loadPopularInstitutions",
            "loadInstitutionByGuid",
            "getInstitutionCredentials",
            "addMember",
            "loadMemberByGuid",
            "updateMember"
        ]
    );
    assert_eq!(calls_to(&api, "loadMemberByGuid")[0], json!(["MBR-EXISTING", "en"]));
    let update = &calls_to(&api, "updateMember")[0];
    assert_eq!(update[0]["guid"], "MBR-EXISTING");
    assert_eq!(
        update[0]["credentials"],
        json!([{"guid": "CRD-LOGIN", "value": "jane"}, {"guid": "CRD-PASSWORD", "value": "new-pw"}])
    );
    assert_eq!(update[1], client_config());
    assert_eq!(update[2], true);
    assert!(w.events_named("connect/createMemberError").is_empty());
    assert_eq!(
        w.events_named("connect/memberConnected"),
        [json!({"member_guid": "MBR-EXISTING", "user_guid": "USR-123"})]
    );
    // DENIED (loaded) → UPDATED (updateMember's answer, already known) → CONNECTED.
    let statuses: Vec<Value> =
        w.events_named("connect/memberStatusUpdate").iter().map(|d| d["connection_status"].clone()).collect();
    assert_eq!(statuses, [json!(6)]);
    w.unmount();
}

// ---- 5. Focus ------------------------------------------------------------------

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

// ---- 6. Search -------------------------------------------------------------------

// One character searches nothing; typing fast runs one search (debounced) for the final text.
#[wasm_bindgen_test]
async fn search_needs_two_characters_and_is_debounced() {
    let w = mount_sandbox(json!({"timing": timing_with(json!({"searchDebounceMs": 120}))}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "M");
    sleep(300).await; // more than twice the debounce: a search, if any, would have started
    assert!(w.events_named("connect/institutionSearch").is_empty());
    assert!(w.text().contains("Popular institutions"), "one character keeps the popular list");
    for text in ["MX", "MX B", "MX Ba", "MX Ban", "MX Bank"] {
        w.type_into("Search for your bank", text);
        sleep(20).await; // typing speed, well under the debounce
    }
    until_results_for(&w, "MX Bank").await;
    assert_eq!(w.events_named("connect/institutionSearch"), [json!({"query": "MX Bank"})]);
    w.unmount();
}

/// Accessible names of the institution buttons in the result (or popular) list, in order.
fn listed_names(w: &Mounted) -> Vec<String> {
    list_button_names(&w.host)
}

/// Wait until the live region reports results for `query`.
async fn until_results_for(w: &Mounted, query: &str) {
    let wanted = format!("for “{query}”");
    w.until(&format!("results for {query:?}"), 3000, move |m| m.status_text().contains(&wanted)).await;
}

// "Show more results" appends the next page, keeping what was there, and the live region reads the new count.
#[wasm_bindgen_test]
async fn show_more_results_appends_the_next_page() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "bank");
    w.until_button("Show more results").await;
    let first = listed_names(&w);
    assert_eq!(first.len(), 25, "one page: {first:?}");
    assert_eq!(w.status_text(), "25 results shown for “bank”");
    w.click("Show more results");
    w.until("the second page", 3000, |m| listed_names(m).len() > 25).await;
    let both = listed_names(&w);
    assert_eq!(&both[..25], &first[..], "the first page stays, in order");
    assert!(both[25..].iter().all(|n| !first.contains(n)), "the second page is new: {:?}", &both[25..]);
    let count = both.len().to_string();
    assert!(w.status_text().starts_with(&count), "the live region reads {count}: {:?}", w.status_text());
    assert_eq!(w.events_named("connect/institutionSearch").len(), 1, "paging is not a new search");
    w.unmount();
}

// A search with no hits says so (and announces it), rather than showing an empty list.
#[wasm_bindgen_test]
async fn no_results_state_is_shown_and_announced() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "zzqqxx");
    w.until("the no-results state", 3000, |m| m.text().contains("No results for “zzqqxx”")).await;
    assert_eq!(w.status_text(), "No results for “zzqqxx”");
    assert!(listed_names(&w).is_empty(), "{:?}", listed_names(&w));
    assert_eq!(w.pageviews().last().map(String::as_str), Some("/connect/aggregation/search/no_results"));
    w.unmount();
}

// Nine digits search by routing number: MX Bank's (docs/sandbox.md) finds MX Bank and MX Bank (OAuth).
#[wasm_bindgen_test]
async fn routing_number_search_finds_mx_bank() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "011411633");
    until_results_for(&w, "011411633").await;
    let names = listed_names(&w);
    assert_eq!(&names[..2], ["MX Bank www.mxbank.example", "MX Bank (OAuth) www.mxbankoauth.example"], "{names:?}");
    assert_eq!(w.events_named("connect/institutionSearch"), [json!({"query": "011411633"})]);

    // And the host is asked with `routing_number`, not `search_name`.
    let api = host(json!({}));
    let h = mount_host(&api);
    h.until_button("MX Bank").await;
    h.type_into("Search for your bank", "011411633");
    h.until("routing-number results", 3000, |m| m.status_text().contains("1 result")).await;
    assert_eq!(
        calls_to(&api, "loadInstitutions"),
        [json!([{"routing_number": "011411633", "page": 1, "per_page": 25}])]
    );
    h.unmount();
    w.unmount();
}

// Clearing the search (the clear button, or deleting the text) brings the popular list back.
#[wasm_bindgen_test]
async fn clearing_the_search_returns_to_popular() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "Gringotts");
    w.until("results", 3000, |m| m.status_text().contains("for “Gringotts”")).await;
    w.click("Clear search");
    w.until("the popular list", 3000, |m| m.text().contains("Popular institutions")).await;
    assert_eq!(w.field("Search for your bank").value(), "");
    assert_eq!(w.status_text(), "");
    assert!(!w.has_button("Clear search"));

    w.type_into("Search for your bank", "Gringotts");
    w.until("results again", 3000, |m| m.status_text().contains("for “Gringotts”")).await;
    w.type_into("Search for your bank", "");
    w.until("the popular list again", 3000, |m| m.text().contains("Popular institutions")).await;
    assert_eq!(
        listed_names(&w).first().map(String::as_str),
        Some("MX Bank www.mxbank.example"),
        "MX Bank leads the popular list"
    );
    w.unmount();
}

// ---- 7. Credentials ----------------------------------------------------------------

// Empty required fields are flagged on the field (aria-invalid, aria-describedby message), focus goes to the first; nothing is sent.
#[wasm_bindgen_test]
async fn required_credentials_are_validated_per_field() {
    let w = mount_sandbox(json!({}));
    open_mx_bank(&w).await;
    w.click("Continue");
    w.until("both fields invalid", 3000, |m| attr(&m.field("Password"), "aria-invalid").as_deref() == Some("true"))
        .await;
    for (label, message) in [("Username", "Enter your Username."), ("Password", "Enter your Password.")] {
        let field = w.field(label);
        assert_eq!(attr(&field, "aria-invalid").as_deref(), Some("true"), "{label}");
        let described = attr(&field, "aria-describedby").unwrap_or_else(|| panic!("{label} has aria-describedby"));
        let text = w.root().get_element_by_id(&described).and_then(|e| e.text_content());
        assert_eq!(text.as_deref(), Some(message), "{label}'s message");
    }
    w.until("focus on Username", 2000, |m| m.focused().is_some_and(|f| f.is_same_node(Some(&m.field("Username")))))
        .await;
    assert!(w.events_named("connect/enterCredentials").is_empty(), "nothing submitted");

    w.type_into("Username", "test_atrium");
    w.click("Continue");
    w.until("only the password invalid", 3000, |m| attr(&m.field("Username"), "aria-invalid").is_none()).await;
    assert_eq!(attr(&w.field("Password"), "aria-invalid").as_deref(), Some("true"));
    assert!(attr(&w.field("Username"), "aria-describedby").is_none());
    w.until("focus on Password", 2000, |m| m.focused().is_some_and(|f| f.is_same_node(Some(&m.field("Password")))))
        .await;
    assert!(w.events_named("connect/enterCredentials").is_empty());
    w.unmount();
}

// The password can be shown and hidden again: a toggle button (aria-pressed) that switches the input type.
#[wasm_bindgen_test]
async fn password_visibility_toggle() {
    let w = mount_sandbox(json!({}));
    open_mx_bank(&w).await;
    let password = w.field("Password");
    assert_eq!(password.type_(), "password");
    let toggle = w.button("Show password");
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("false"));
    toggle.click();
    w.until("the password shown", 2000, |m| m.field("Password").type_() == "text").await;
    // A toggle button keeps its name; its state is aria-pressed (a name that flips would read
    // "Hide password, pressed", which says the opposite of what is on screen).
    let toggle = w.button("Show password");
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("true"));
    toggle.click();
    w.until("the password hidden", 2000, |m| m.field("Password").type_() == "password").await;
    assert_eq!(attr(&w.button("Show password"), "aria-pressed").as_deref(), Some("false"));
    w.unmount();
}

// Back from the login form returns to the search the user made (results kept, no new search) and says so.
#[wasm_bindgen_test]
async fn back_from_credentials_keeps_the_search_results() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "MX Bank");
    until_results_for(&w, "MX Bank").await;
    let before = listed_names(&w);
    open_mx_bank(&w).await;
    w.click("Back");
    w.until_heading("Find your bank").await;
    w.until_heading_focused().await;
    assert_eq!(w.field("Search for your bank").value(), "MX Bank");
    assert_eq!(listed_names(&w), before);
    assert_eq!(w.events_named("connect/backToSearch"), [json!({})]);
    assert_eq!(w.events_named("connect/institutionSearch").len(), 1, "no new search");
    assert_eq!(step_changes(&w).last(), Some(&pair("enterCreds", "search")));
    w.unmount();
}

// ---- 8. Configured institution ---------------------------------------------------------

// `current_institution_code` opens on its login form; with `disable_institution_search` there is no way back (no control, navigateBack() false).
#[wasm_bindgen_test]
async fn configured_institution_without_search_has_no_way_back() {
    let page_field = focused_page_input();
    let w = mount_sandbox(
        json!({"clientConfig": {"current_institution_code": "mxbank", "disable_institution_search": true}}),
    );
    w.until_heading("Log in to MX Bank").await;
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    assert_eq!(w.events(), [("connect/loaded".to_string(), json!({"initial_step": "enterCreds"}))]);
    assert!(!w.has_button("Back"), "{:?}", w.names("button"));
    assert!(!w.handle.navigate_back());
    assert!(w.heading().contains("Log in to MX Bank"));
    assert!(is_document_focus(&page_field), "the first step does not take focus");
    assert_eq!(w.event_names().len(), 1, "navigateBack() that went nowhere sends nothing");
    w.unmount();
    page_field.remove();
}

// With search allowed, the same start can go back to search — from the widget's host, too.
#[wasm_bindgen_test]
async fn configured_institution_with_search_navigates_back() {
    let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": "mxbank"}}));
    w.until_heading("Log in to MX Bank").await;
    assert_eq!(w.events_named("connect/loaded"), [json!({"initial_step": "enterCreds"})]);
    assert!(w.has_button("Back"));
    assert!(w.handle.navigate_back());
    w.until_heading("Find your bank").await;
    w.until_button("MX Bank").await;
    assert_eq!(w.events_named("connect/backToSearch"), [json!({})]);
    assert_eq!(step_changes(&w), [pair("enterCreds", "search")]);
    assert!(!w.handle.navigate_back(), "nothing before search");
    w.unmount();
}

// ---- 9. The mount API ----------------------------------------------------------------

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

// Dropping the JS handle (wasm-bindgen frees it when the host lets go of it) must not unmount the widget.
#[wasm_bindgen_test]
async fn dropping_the_handle_does_not_unmount() {
    let mut w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    // SAFETY: `WidgetHandle` is a plain instance id without `Drop`; the bitwise copy lets this test hand
    // the original to JS to free and still unmount at the end.
    let copy: WidgetHandle = unsafe { std::ptr::read(&w.handle) };
    let original = std::mem::replace(&mut w.handle, copy);
    let js_handle = JsValue::from(original);
    free_handle(js_handle);
    sleep(20).await;
    assert!(w.handle.is_mounted());
    w.type_into("Search for your bank", "Gringotts");
    w.until_button("Gringotts").await;
    open_mx_bank(&w).await;
    w.unmount();
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
    let messages = connect_widget::host::js::js_to_json(&console_messages(&spy)).unwrap_or(Value::Null);
    restore_console(&spy);
    assert!(w.event_names().contains(&"connect/memberConnected".to_string()), "listeners still called");
    assert!(messages.to_string().contains("partner listener bug"), "the throw is reported: {messages}");
    w.unmount();
}

// ---- 10. Secrets -----------------------------------------------------------------------

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
    let messages = connect_widget::host::js::js_to_json(&console_messages(&spy)).unwrap_or(Value::Null).to_string();
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
