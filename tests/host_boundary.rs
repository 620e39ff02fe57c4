//! The host boundary against fake host API objects built in JS: every way a
//! partner's callback can answer or fail must become a value read through
//! `FromHost` or a typed `HostError`, never a panic or a hang.
#![cfg(target_arch = "wasm32")]

use connect_widget::host::js::{get_json, js_to_json, json_to_js, now_ms, sleep, JsCallback, JsHost};
use connect_widget::host::{check_answer, CredentialValue, FromHost, HostCall, HostError, REQUIRED_CALLBACKS};
use connect_widget::model::{ConnectionStatus, Member, Secret};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function host_resolving(name, value) { return { [name]() { return Promise.resolve(value); } }; }
export function host_returning(name, value) { return { [name]() { return value; } }; }
export function host_throwing(name, message) { return { [name]() { throw new Error(message); } }; }
export function host_rejecting(name, reason) { return { [name]() { return Promise.reject(reason); } }; }
export function host_never_settling(name) { return { [name]() { return new Promise(() => {}); } }; }
export function host_rejecting_late(name, ms) {
  return { [name]() { return new Promise((_, reject) => setTimeout(() => reject(new Error("late")), ms)); } };
}
export function host_thenable(name, value) { return { [name]() { return { then(resolve) { resolve(value); } }; } }; }
export function host_cyclic(name) {
  return { [name]() { const m = { guid: "MBR-1" }; m.self = m; return Promise.resolve(m); } };
}
export function host_bigint(name) { return { [name]() { return Promise.resolve({ guid: "MBR-1", n: 10n }); } }; }
export function axios_error(status, data) {
  const e = new Error(`Request failed with status code ${status}`);
  e.name = "AxiosError";
  const req = {}; req.self = req;
  e.config = { data: JSON.stringify({ credentials: [{ guid: "CRD-1", value: "hunter2" }] }) };
  e.request = req;
  e.response = { status, data, request: req, config: e.config };
  return e;
}
export function error_with(message) { return new Error(message); }
export function recording_host() {
  const api = {
    seen: null,
    loadMemberByGuid(...args) { api.seen = { this_is_api: this === api, args }; return Promise.resolve({ guid: args[0] }); },
    addMember(...args) { api.seen = { this_is_api: this === api, args }; return Promise.resolve({ member: { guid: "MBR-2" } }); },
  };
  return api;
}
export function seen(api) { return api.seen; }
export function host_with(names) {
  const api = {};
  for (const n of names) api[n] = () => Promise.resolve({});
  api.loadMembers = "not a function";
  return api;
}
export function throwing_listener() {
  const o = { calls: [], onPostMessage(event, data) { o.calls.push({ event, data, this_is_owner: this === o }); throw new Error("partner bug"); } };
  return o;
}
export function rejecting_listener() {
  return { onAnalyticEvent() { return Promise.reject(new Error("async partner bug")); } };
}
export function listener_calls(o) { return o.calls; }
export function spy_console_error() {
  const original = console.error;
  const spy = { messages: [], restore() { console.error = original; } };
  console.error = (...args) => { spy.messages.push(args.map(String).join(" ")); };
  return spy;
}
export function spy_messages(spy) { return spy.messages; }
export function spy_restore(spy) { spy.restore(); }
export function spy_clear_timeout() {
  const original = globalThis.clearTimeout;
  const spy = { count: 0, restore() { globalThis.clearTimeout = original; } };
  globalThis.clearTimeout = (id) => { spy.count++; original(id); };
  return spy;
}
export function spy_count(spy) { return spy.count; }
export function spy_unhandled_rejections() {
  const spy = { count: 0, listener(e) { spy.count++; e.preventDefault(); } };
  globalThis.addEventListener("unhandledrejection", spy.listener);
  spy.restore = () => globalThis.removeEventListener("unhandledrejection", spy.listener);
  return spy;
}
export function reject_unhandled() { Promise.reject(new Error("nobody handles this")); }
export function undefined_value() { return undefined; }
export function bigint_value() { return 5n; }
export function function_value() { return () => 1; }
export function options_with_cyclic_api() {
  const api = { addMember() {} }; api.self = api;
  return { api, clientConfig: { mode: "verification" } };
}
"#)]
extern "C" {
    fn host_resolving(name: &str, value: &JsValue) -> JsValue;
    fn host_returning(name: &str, value: &JsValue) -> JsValue;
    fn host_throwing(name: &str, message: &str) -> JsValue;
    fn host_rejecting(name: &str, reason: &JsValue) -> JsValue;
    fn host_never_settling(name: &str) -> JsValue;
    fn host_rejecting_late(name: &str, ms: u32) -> JsValue;
    fn host_thenable(name: &str, value: &JsValue) -> JsValue;
    fn host_cyclic(name: &str) -> JsValue;
    fn host_bigint(name: &str) -> JsValue;
    fn axios_error(status: u16, data: &JsValue) -> JsValue;
    fn error_with(message: &str) -> JsValue;
    fn recording_host() -> JsValue;
    fn seen(api: &JsValue) -> JsValue;
    fn host_with(names: Vec<String>) -> JsValue;
    fn throwing_listener() -> JsValue;
    fn rejecting_listener() -> JsValue;
    fn listener_calls(o: &JsValue) -> JsValue;
    fn spy_console_error() -> JsValue;
    fn spy_messages(spy: &JsValue) -> JsValue;
    fn spy_restore(spy: &JsValue);
    fn spy_clear_timeout() -> JsValue;
    fn spy_count(spy: &JsValue) -> u32;
    fn spy_unhandled_rejections() -> JsValue;
    fn reject_unhandled();
    fn undefined_value() -> JsValue;
    fn bigint_value() -> JsValue;
    fn function_value() -> JsValue;
    fn options_with_cyclic_api() -> JsValue;
}

const TIMEOUT: u32 = 2_000;

fn load_member() -> HostCall {
    HostCall::LoadMemberByGuid { guid: "MBR-1".into() }
}

fn host(api: JsValue) -> JsHost {
    JsHost::new(api, TIMEOUT).expect("the fake host is an object")
}

async fn call(api: JsValue, c: &HostCall) -> Result<Value, HostError> {
    host(api).call(c, &json!({"mode": "aggregation"}), "en").await
}

/// Call, then read the answer as `T` the way the flow does: an answer that does
/// not read as what the callback answers (`check_answer`), or as `T`, is `Malformed`.
async fn call_and_read<T: FromHost>(api: JsValue, c: &HostCall) -> Result<T, HostError> {
    let value = call(api, c).await?;
    check_answer(c, &value)
        .and_then(|()| T::from_host(&value))
        .map_err(|detail| HostError::Malformed { callback: c.name(), detail })
}

fn member_of(read: Result<Member, HostError>) -> Member {
    match read {
        Ok(m) => m,
        Err(e) => panic!("expected a member, got {e:?}"),
    }
}

// The host contract documents the `{member: {...}}` envelope with names for statuses.
#[wasm_bindgen_test]
async fn envelope_member_decodes() {
    let api = host_resolving(
        "loadMemberByGuid",
        &json_to_js(&json!({"member": {"guid": "MBR-1", "connection_status": "CONNECTED"}})),
    );
    let m = member_of(call_and_read::<Member>(api, &load_member()).await);
    assert_eq!(m.guid, "MBR-1");
    assert_eq!(m.connection_status, Some(ConnectionStatus::Connected));
}

// The React widget's hosts answer the bare member with numeric statuses; 6 and "CONNECTED" must agree.
#[wasm_bindgen_test]
async fn bare_member_with_numeric_status_decodes_the_same() {
    let api = host_resolving("loadMemberByGuid", &json_to_js(&json!({"guid": "MBR-1", "connection_status": 6})));
    let m = member_of(call_and_read::<Member>(api, &load_member()).await);
    assert_eq!(m.guid, "MBR-1");
    assert_eq!(m.connection_status, Some(ConnectionStatus::Connected));
    let named = json_to_js(&json!({"guid": "MBR-1", "connection_status": "CONNECTED"}));
    let by_name = member_of(call_and_read::<Member>(host_resolving("loadMemberByGuid", &named), &load_member()).await);
    assert_eq!(m.connection_status, by_name.connection_status, "6 and \"CONNECTED\" read the same");
}

// A synchronous throw must not escape into wasm: it becomes `Failed` with the Error's message.
#[wasm_bindgen_test]
async fn sync_throw_is_failed_with_message() {
    let err = call(host_throwing("loadMemberByGuid", "sync boom"), &load_member()).await.unwrap_err();
    assert_eq!(err, HostError::Failed { callback: "loadMemberByGuid", message: "sync boom".into() });
}

// The host contract's rejection shape `{response: {status}}` keeps its status.
#[wasm_bindgen_test]
async fn rejection_with_response_status_is_rejected() {
    let reason = json_to_js(&json!({"response": {"status": 500}}));
    let err = call(host_rejecting("loadMemberByGuid", &reason), &load_member()).await.unwrap_err();
    assert!(matches!(err, HostError::Rejected { status: Some(500), .. }), "{err:?}");
}

// axios rejects with an Error carrying `response`; the 409's `data.guid` drives the existing-member path,
// and a cyclic `request` or the credentials in `config` must neither break nor leak into the error.
#[wasm_bindgen_test]
async fn axios_style_error_keeps_status_and_data_guid() {
    let reason = axios_error(409, &json_to_js(&json!({"guid": "MBR-123"})));
    let add = HostCall::AddMember {
        institution: json!({"guid": "INS-1"}),
        institution_guid: "INS-1".into(),
        credentials: vec![],
        is_oauth: false,
    };
    let err = call(host_rejecting("addMember", &reason), &add).await.unwrap_err();
    assert_eq!(err.status(), Some(409));
    assert_eq!(err.data_guid().as_deref(), Some("MBR-123"));
    assert!(!format!("{err:?}").contains("hunter2"), "request config never kept: {err:?}");
}

// A rejected plain Error (no status) is a failure carrying its message.
#[wasm_bindgen_test]
async fn rejection_with_error_is_failed_with_message() {
    let err = call(host_rejecting("loadMemberByGuid", &error_with("network down")), &load_member()).await.unwrap_err();
    assert_eq!(err, HostError::Failed { callback: "loadMemberByGuid", message: "network down".into() });
}

// "Anything else" (docs/host-api.md): a string reason is the message.
#[wasm_bindgen_test]
async fn rejection_with_string_is_failed() {
    let err = call(host_rejecting("loadMemberByGuid", &JsValue::from_str("nope")), &load_member()).await.unwrap_err();
    assert_eq!(err, HostError::Failed { callback: "loadMemberByGuid", message: "nope".into() });
}

// Garbage answers never panic: numbers and strings fail decoding, cyclic and BigInt values fail conversion.
#[wasm_bindgen_test]
async fn garbage_answers_are_malformed() {
    for garbage in [JsValue::from_f64(42.0), JsValue::from_str("x")] {
        let err =
            call_and_read::<Member>(host_resolving("loadMemberByGuid", &garbage), &load_member()).await.unwrap_err();
        assert!(matches!(err, HostError::Malformed { callback: "loadMemberByGuid", .. }), "{err:?}");
    }
    for api in [host_cyclic("loadMemberByGuid"), host_bigint("loadMemberByGuid")] {
        let err = call(api, &load_member()).await.unwrap_err();
        assert!(matches!(err, HostError::Malformed { callback: "loadMemberByGuid", .. }), "{err:?}");
    }
}

// A Promise that never settles must not hang the widget; a late rejection afterwards is harmless.
#[wasm_bindgen_test]
async fn never_settling_promise_times_out() {
    let small = JsHost::new(host_never_settling("loadMemberByGuid"), 30).unwrap();
    let started = now_ms();
    let err = small.call(&load_member(), &json!({}), "en").await.unwrap_err();
    let elapsed = now_ms() - started;
    assert_eq!(err, HostError::TimedOut { callback: "loadMemberByGuid", after_ms: 30 });
    assert!((20.0..1_000.0).contains(&elapsed), "timed out after {elapsed} ms");

    // The spy does see an unhandled rejection (so the check below can fail).
    let unhandled = spy_unhandled_rejections();
    reject_unhandled();
    sleep(20).await;
    let seen_by_spy = spy_count(&unhandled);
    spy_restore(&unhandled);
    assert_eq!(seen_by_spy, 1, "the unhandled-rejection spy works");

    let unhandled = spy_unhandled_rejections();
    let late = JsHost::new(host_rejecting_late("loadMemberByGuid", 60), 20).unwrap();
    let err = late.call(&load_member(), &json!({}), "en").await.unwrap_err();
    assert!(matches!(err, HostError::TimedOut { .. }), "{err:?}");
    sleep(100).await; // the rejection lands here, with nobody waiting for it
    let late_unhandled = spy_count(&unhandled);
    spy_restore(&unhandled);
    assert_eq!(late_unhandled, 0, "a rejection after the timeout is not an unhandled one");
}

// The timeout timer is cleared as soon as the answer arrives (no stray timers per call).
#[wasm_bindgen_test]
async fn timer_is_cleared_when_the_promise_settles() {
    let spy = spy_clear_timeout();
    let api = host_resolving("loadMemberByGuid", &json_to_js(&json!({"guid": "MBR-1"})));
    let result = JsHost::new(api, 60_000).unwrap().call(&load_member(), &json!({}), "en").await;
    let cleared = spy_count(&spy);
    spy_restore(&spy);
    assert!(result.is_ok());
    assert_eq!(cleared, 1);
}

// A callback absent from the object degrades a feature: `Missing`, and mount can list what is absent.
#[wasm_bindgen_test]
async fn missing_callbacks_are_reported() {
    let names: Vec<String> = REQUIRED_CALLBACKS.iter().skip(1).map(|s| s.to_string()).collect();
    let api = host_with(names);
    let h = host(api.clone());
    assert_eq!(h.missing_required(), vec!["addMember"]);
    let optional = h.missing_optional();
    assert!(optional.contains(&"loadMembers"), "a non-function property counts as missing");
    assert!(!optional.iter().any(|n| REQUIRED_CALLBACKS.contains(n)));
    let err = call(api, &HostCall::LoadMembers).await.unwrap_err();
    assert_eq!(err, HostError::Missing { callback: "loadMembers" });
}

// `mount` must fail with a clear message, not a panic, when `api` is not an object.
#[wasm_bindgen_test]
fn non_object_api_is_refused_with_a_message() {
    let err = JsHost::new(JsValue::from_str("sandbx"), TIMEOUT).unwrap_err();
    assert!(err.contains("`api`") && err.contains("the string \"sandbx\""), "{err}");
    let err = JsHost::new(JsValue::NULL, TIMEOUT).unwrap_err();
    assert!(err.contains("null"), "{err}");
}

// Hosts that answer synchronously (not a Promise), or with a non-Promise thenable, still work.
#[wasm_bindgen_test]
async fn plain_values_and_thenables_are_accepted() {
    let member = json_to_js(&json!({"guid": "MBR-1"}));
    let m = member_of(call_and_read::<Member>(host_returning("loadMemberByGuid", &member), &load_member()).await);
    assert_eq!(m.guid, "MBR-1");
    let m = member_of(call_and_read::<Member>(host_thenable("loadMemberByGuid", &member), &load_member()).await);
    assert_eq!(m.guid, "MBR-1");
    let done =
        call(host_returning("oAuthStart", &JsValue::UNDEFINED), &HostCall::OAuthStart { member: json!({}) }).await;
    assert_eq!(done, Ok(Value::Null));
}

// Callbacks written as methods (`this.client.get(...)`) need `this` = the api object; arguments arrive
// positionally as the reference sends them, with `isHuman` true on a user submit.
#[wasm_bindgen_test]
async fn callbacks_get_this_and_positional_arguments() {
    let api = recording_host();
    let loaded = member_of(call_and_read::<Member>(api.clone(), &load_member()).await);
    assert_eq!(loaded.guid, "MBR-1", "the answer is the callback's, read as a member");
    let seen_load = js_to_json(&seen(&api)).unwrap();
    assert_eq!(seen_load, json!({"this_is_api": true, "args": ["MBR-1", "en"]}));

    let add = HostCall::AddMember {
        institution: json!({"guid": "INS-1", "name": "MX Bank"}),
        institution_guid: "INS-1".into(),
        credentials: vec![CredentialValue { guid: "CRD-1".into(), value: Some(Secret::new("pw")) }],
        is_oauth: false,
    };
    let added = member_of(call_and_read::<Member>(api.clone(), &add).await);
    assert_eq!(added.guid, "MBR-2");
    let s = js_to_json(&seen(&api)).unwrap();
    assert_eq!(s["this_is_api"], true);
    assert_eq!(s["args"][0]["credentials"][0]["guid"], "CRD-1");
    assert_eq!(s["args"][1]["mode"], "aggregation");
    assert_eq!(s["args"][2], true);
}

// A partner's buggy onPostMessage must never break the widget: the throw is caught and reported.
#[wasm_bindgen_test]
async fn throwing_event_handler_is_caught_and_reported() {
    let spy = spy_console_error();
    let owner = throwing_listener();
    let cb = JsCallback::from_property(&owner, "onPostMessage");
    assert!(cb.is_set());
    cb.call2("connect/loaded", &json!({"initial_step": "search"}));
    let rejecting = JsCallback::from_property(&rejecting_listener(), "onAnalyticEvent");
    rejecting.call2("connect_widget_load", &json!({}));
    sleep(0).await;
    let messages = js_to_json(&spy_messages(&spy)).unwrap();
    spy_restore(&spy);

    let calls = js_to_json(&listener_calls(&owner)).unwrap();
    assert_eq!(calls, json!([{"event": "connect/loaded", "data": {"initial_step": "search"}, "this_is_owner": true}]));
    let text = messages.to_string();
    assert!(text.contains("onPostMessage") && text.contains("partner bug"), "{text}");
    assert!(text.contains("onAnalyticEvent") && text.contains("async partner bug"), "{text}");
    // An absent handler is a no-op: not set, nothing called, nothing reported.
    let spy = spy_console_error();
    let absent = JsCallback::from_property(&owner, "onAnalyticPageview");
    absent.call2("/search", &json!({}));
    JsCallback::none("onPostMessage").call2("connect/loaded", &json!({}));
    sleep(0).await;
    let reported = js_to_json(&spy_messages(&spy));
    spy_restore(&spy);
    assert!(!absent.is_set());
    assert_eq!(reported, Ok(json!([])), "an absent handler reports nothing");
    assert_eq!(js_to_json(&listener_calls(&owner)), Ok(calls), "and calls nothing");
}

// The helpers the rest of the widget uses to cross the boundary.
#[wasm_bindgen_test]
async fn conversions_and_clock() {
    let v = json!({"a": [1, 2.5, "x", null, true], "b": {"c": {}}});
    assert_eq!(js_to_json(&json_to_js(&v)), Ok(v));
    assert_eq!(js_to_json(&undefined_value()), Ok(Value::Null));
    assert_eq!(js_to_json(&function_value()), Ok(Value::Null));
    assert!(js_to_json(&bigint_value()).is_err());

    // A partner's api object may be cyclic (an HTTP client inside): options are read key by key.
    let options = options_with_cyclic_api();
    assert!(js_to_json(&options).is_err());
    assert_eq!(get_json(&options, "clientConfig"), Ok(json!({"mode": "verification"})));
    assert_eq!(get_json(&options, "timing"), Ok(Value::Null));

    let started = now_ms();
    sleep(25).await;
    assert!(now_ms() - started >= 20.0);
}
