//! The JavaScript side of the host boundary (wasm only): the partner's host API
//! object, event callbacks, timers and console. This is the one module where
//! `JsValue` meets host calls; everything it hands upward is
//! `serde_json::Value` or a `HostError`.
//!
//! Arguments sent to the host may carry credentials and MFA answers, so nothing
//! here ever logs them or copies them into an error.

use super::{HostCall, HostError, CALLBACK_NAMES, REQUIRED_CALLBACKS};
use js_sys::{Array, Function, Object, Promise, Reflect};
use serde_json::Value;
use std::fmt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub mod http;
pub mod overrides;

#[wasm_bindgen]
extern "C" {
    // Globals rather than `window.*`, so the timers also work in a worker.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32, arg: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    // `catch`: `Object.keys` of a Proxy can throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    // `catch`: `Array.isArray` of a revoked Proxy throws.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_checked(value: &JsValue) -> Result<bool, JsValue>;
}

/// `value` as a Promise without running any of its code where it could throw
/// into the widget: unlike `Promise.resolve`, the resolve function never reads a
/// Promise's `constructor`, and a `then` getter that throws becomes a rejection.
pub fn resolve_safely(value: &JsValue) -> Promise {
    Promise::new(&mut |resolve, _reject| {
        let _ = resolve.call1(&JsValue::UNDEFINED, value);
    })
}

/// Whether `value` has `then` as a function (a Promise or any thenable); a
/// throwing getter or a revoked Proxy is simply not one.
fn is_thenable(value: &JsValue) -> bool {
    function_at(value, "then").is_some()
}

/// Whether `value` is an `Error` (its prototype chain holds `Error.prototype`),
/// without `instanceof`, which throws on a revoked Proxy.
fn is_error(value: &JsValue) -> bool {
    if !is_object_like(value) {
        return false;
    }
    let error_prototype = Object::get_prototype_of(&js_sys::Error::new("").into());
    let mut current = value.clone();
    // Bounded: a Proxy can answer a new prototype forever.
    for _ in 0..64 {
        match Reflect::get_prototype_of(&current) {
            Ok(proto) if proto.is_null() => return false,
            Ok(proto) if Object::is(&proto, &error_prototype) => return true,
            Ok(proto) => current = proto.into(),
            Err(_) => return false,
        }
    }
    false
}

/// `setTimeout` fires at once for delays above 2^31 − 1 ms; clamp instead.
fn timer_ms(ms: u32) -> i32 {
    i32::try_from(ms).unwrap_or(i32::MAX)
}

fn is_object_like(value: &JsValue) -> bool {
    value.is_object() || value.is_function()
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    if !is_object_like(target) {
        return None;
    }
    Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined())
}

fn function_at(target: &JsValue, key: &str) -> Option<Function> {
    get(target, key).and_then(|v| v.dyn_into::<Function>().ok())
}

/// A human name for the type of `value`, for error messages (never the value).
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if is_array_checked(value).unwrap_or(false) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "an unknown value".into())
    }
}

// ---------------------------------------------------------------------------
// JSON conversions
// ---------------------------------------------------------------------------

/// A JSON value as a fresh JS value (objects become plain objects).
pub fn json_to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::String(s) => JsValue::from_str(s),
        other => {
            serde_json::to_string(other).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
        }
    }
}

/// A JS value as JSON, the way `JSON.stringify` sees it: `undefined`, functions
/// and symbols become `null` at the top level and are dropped inside objects.
/// Fails (with the engine's message) on cyclic structures, BigInts and
/// throwing `toJSON`s.
pub fn js_to_json(value: &JsValue) -> Result<Value, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    let text = js_sys::JSON::stringify(value).map_err(|e| describe_thrown(&e))?;
    // `JSON.stringify` answers `undefined` (typed as a string) for functions and symbols.
    let Some(text) = JsValue::from(text).as_string() else {
        return Ok(Value::Null);
    };
    serde_json::from_str(&text).map_err(|e| format!("unreadable JSON: {e}"))
}

/// `obj[key]` as JSON (`Null` when absent). Reading options one key at a time
/// keeps one unreadable option (a cyclic `api` object, say) from losing the rest.
pub fn get_json(obj: &JsValue, key: &str) -> Result<Value, String> {
    match get(obj, key) {
        Some(v) => js_to_json(&v).map_err(|e| format!("`{key}` cannot be read: {e}")),
        None => Ok(Value::Null),
    }
}

/// Zero every string in `value` (`model::secret::wipe`).
fn wipe_strings(value: &mut Value) {
    match value {
        Value::String(text) => crate::model::secret::wipe(text),
        Value::Array(items) => items.iter_mut().for_each(wipe_strings),
        Value::Object(map) => map.values_mut().for_each(wipe_strings),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The message of something thrown: `Error.message`, or the string thrown.
fn describe_thrown(thrown: &JsValue) -> String {
    error_message(thrown).or_else(|| thrown.as_string()).unwrap_or_else(|| format!("threw {}", type_name(thrown)))
}

/// `reason.message` when `reason` is an `Error`.
fn error_message(reason: &JsValue) -> Option<String> {
    if is_error(reason) {
        get(reason, "message").and_then(|m| m.as_string()).filter(|m| !m.is_empty())
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// Rejections
// ---------------------------------------------------------------------------

/// Own properties of a rejection that are never kept: axios puts the request
/// (its body holds the credentials) in `config`, and `request` is an XHR or,
/// under Node, a cyclic `ClientRequest`.
const DROPPED_REASON_KEYS: [&str; 2] = ["config", "request"];

/// Each property is converted on its own, so one unreadable property (cyclic,
/// BigInt) loses only itself.
fn lenient(value: &JsValue) -> Option<Value> {
    js_to_json(value).ok()
}

/// `{status, statusText, data}` of a `response`, read through getters too (a
/// fetch `Response` keeps `status` on its prototype).
fn response_json(response: &JsValue) -> Value {
    let mut out = serde_json::Map::new();
    for key in ["status", "statusText", "data"] {
        if let Some(v) = get(response, key).as_ref().and_then(lenient) {
            out.insert(key.into(), v);
        }
    }
    Value::Object(out)
}

/// What a rejection (or a synchronous throw) carried, as JSON plus the `Error`
/// message, ready for `HostError::from_rejection`. Keeps `response.{status,
/// data}`, top-level `status`/`data`/`message`/`name`, and other own
/// enumerable properties (e.g. `entity_type` of the contract's `VerifyNotEnabled`).
fn rejection_parts(reason: &JsValue) -> (Value, Option<String>) {
    if !is_object_like(reason) {
        let json = lenient(reason).unwrap_or(Value::Null);
        let message = match &json {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        };
        return (json, message);
    }
    let mut out = serde_json::Map::new();
    if let Ok(keys) = object_keys(reason) {
        for key in keys.iter().filter_map(|k| k.as_string()) {
            if DROPPED_REASON_KEYS.contains(&key.as_str()) || key == "response" {
                continue;
            }
            if let Some(v) = get(reason, &key).as_ref().and_then(lenient) {
                out.insert(key, v);
            }
        }
    }
    // Read explicitly as well: these may be getters or inherited (`Error.name`).
    for key in ["status", "data", "message", "name"] {
        if !out.contains_key(key) {
            if let Some(v) = get(reason, key).as_ref().and_then(lenient) {
                out.insert(key.into(), v);
            }
        }
    }
    if let Some(response) = get(reason, "response").filter(is_object_like) {
        out.insert("response".into(), response_json(&response));
    }
    (Value::Object(out), error_message(reason))
}

fn rejection_error(callback: &'static str, reason: &JsValue) -> HostError {
    let (json, message) = rejection_parts(reason);
    HostError::from_rejection(callback, &json, message)
}

// ---------------------------------------------------------------------------
// The host API object
// ---------------------------------------------------------------------------

/// The partner's host API object (docs/host-api.md) and the time a callback
/// may take before the widget gives up on it.
#[derive(Clone)]
pub struct JsHost {
    api: Object,
    timeout_ms: u32,
}

impl fmt::Debug for JsHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsHost").field("timeout_ms", &self.timeout_ms).finish_non_exhaustive()
    }
}

impl JsHost {
    /// Wrap `api`. `timeout_ms` bounds every asynchronous answer; `0` means no
    /// limit. Fails, with a message naming the problem, when `api` is not an object.
    pub fn new(api: JsValue, timeout_ms: u32) -> Result<JsHost, String> {
        if !is_object_like(&api) {
            // A mistyped "sandbox" is the likely string; show it (it is the partner's option, not data).
            let got = match api.as_string() {
                Some(s) => format!("the string {:?}", s.chars().take(40).collect::<String>()),
                None => type_name(&api),
            };
            return Err(format!(
                "`api` must be an object of host API callbacks (or the string \"sandbox\"), got {got}"
            ));
        }
        Ok(JsHost { api: api.unchecked_into(), timeout_ms })
    }

    pub fn timeout_ms(&self) -> u32 {
        self.timeout_ms
    }

    fn has(&self, name: &str) -> bool {
        function_at(&self.api, name).is_some()
    }

    /// Callbacks of `REQUIRED_CALLBACKS` that are not functions on the object.
    pub fn missing_required(&self) -> Vec<&'static str> {
        REQUIRED_CALLBACKS.iter().copied().filter(|n| !self.has(n)).collect()
    }

    /// Every other callback of `CALLBACK_NAMES` that is not a function on the object.
    pub fn missing_optional(&self) -> Vec<&'static str> {
        CALLBACK_NAMES.iter().copied().filter(|n| !REQUIRED_CALLBACKS.contains(n) && !self.has(n)).collect()
    }

    /// Call `call.name()` on the object with `this` bound to it, and wait for
    /// its answer (a Promise, any thenable, or a plain value).
    ///
    /// - not a function on the object → `Missing`;
    /// - throws synchronously or rejects → `from_rejection` (`Rejected` when a
    ///   status is present, else `Failed` with the `Error`'s message);
    /// - no answer within `timeout_ms` → `TimedOut` (a late answer is ignored);
    /// - an answer `JSON.stringify` cannot handle → `Malformed`.
    pub async fn call(&self, call: &HostCall, config: &Value, locale: &str) -> Result<Value, HostError> {
        let name = call.name();
        let Some(func) = function_at(&self.api, name) else {
            return Err(HostError::Missing { callback: name });
        };
        let args = Array::new();
        for mut arg in call.args(config, locale) {
            args.push(&json_to_js(&arg));
            // The arguments may hold credentials: zero this copy once JS has its own.
            wipe_strings(&mut arg);
        }
        let returned = func.apply(&self.api, &args).map_err(|thrown| rejection_error(name, &thrown))?;
        let resolved = if is_object_like(&returned) {
            match settle(resolve_safely(&returned), self.timeout_ms).await {
                Settled::Resolved(v) => v,
                Settled::Rejected(reason) => return Err(rejection_error(name, &reason)),
                Settled::TimedOut => return Err(HostError::TimedOut { callback: name, after_ms: self.timeout_ms }),
            }
        } else {
            returned
        };
        js_to_json(&resolved).map_err(|detail| HostError::Malformed {
            callback: name,
            detail: format!("the answer cannot be read as JSON ({detail})"),
        })
    }
}

/// Wait for `promise`, at most `timeout_ms` (`0`: no limit). The timer
/// resolves a private sentinel (no Rust closure involved, so nothing dangles if
/// this future is dropped) and is cleared once the race is decided.
/// `Promise.race` keeps a handler on `promise`, so a late rejection is not an
/// unhandled one.
pub async fn settle(promise: Promise, timeout_ms: u32) -> Settled {
    if timeout_ms == 0 {
        return match JsFuture::from(promise).await {
            Ok(v) => Settled::Resolved(v),
            Err(reason) => Settled::Rejected(reason),
        };
    }
    let sentinel: JsValue = Object::new().into();
    let mut timer = JsValue::UNDEFINED;
    let ms = timer_ms(timeout_ms);
    let timeout = Promise::new(&mut |resolve, _reject| {
        timer = set_timeout(&resolve, ms, &sentinel);
    });
    let raced = Promise::race(&Array::of2(&promise, &timeout));
    let outcome = JsFuture::from(raced).await;
    clear_timeout(&timer);
    match outcome {
        Ok(v) if Object::is(&v, &sentinel) => Settled::TimedOut,
        Ok(v) => Settled::Resolved(v),
        Err(reason) => Settled::Rejected(reason),
    }
}

/// How a Promise ended, or that it did not in time.
pub enum Settled {
    Resolved(JsValue),
    Rejected(JsValue),
    TimedOut,
}

// ---------------------------------------------------------------------------
// Event callbacks
// ---------------------------------------------------------------------------

/// An optional partner callback such as `onPostMessage(event, data)`,
/// `onAnalyticEvent(name, metadata)` or `onAnalyticPageview(path, metadata)`.
/// A handler that throws (or returns a Promise that rejects) is reported with
/// `console.error` and never breaks the widget.
#[derive(Clone)]
pub struct JsCallback {
    func: Option<Function>,
    this: JsValue,
    name: String,
}

impl fmt::Debug for JsCallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsCallback").field("name", &self.name).field("set", &self.is_set()).finish()
    }
}

impl JsCallback {
    /// `obj[name]` when it is a function (called with `this` = `obj`, as a
    /// method would be); otherwise a callback that does nothing.
    pub fn from_property(obj: &JsValue, name: &str) -> JsCallback {
        JsCallback { func: function_at(obj, name), this: obj.clone(), name: name.to_string() }
    }

    /// A callback that does nothing.
    pub fn none(name: &str) -> JsCallback {
        JsCallback { func: None, this: JsValue::UNDEFINED, name: name.to_string() }
    }

    pub fn is_set(&self) -> bool {
        self.func.is_some()
    }

    /// Call with `(a, b)`, `b` converted to a plain JS object.
    pub fn call2(&self, a: &str, b: &Value) {
        let Some(func) = &self.func else { return };
        self.settle(func.call2(&self.this, &JsValue::from_str(a), &json_to_js(b)), a);
    }

    /// Call with one plain JS object (`onEvent(message)`); `label` names the
    /// call in a failure report.
    pub fn call1(&self, label: &str, a: &Value) {
        let Some(func) = &self.func else { return };
        self.settle(func.call1(&self.this, &json_to_js(a)), label);
    }

    /// Report a throw, or the rejection of a returned Promise, instead of
    /// leaving it unhandled.
    fn settle(&self, outcome: Result<JsValue, JsValue>, label: &str) {
        match outcome {
            Ok(returned) => {
                // An async handler: report its rejection instead of leaving it unhandled.
                if is_thenable(&returned) {
                    let promise = resolve_safely(&returned);
                    let name = self.name.clone();
                    let event = label.to_string();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Err(reason) = JsFuture::from(promise).await {
                            report_handler_failure(&name, &event, &reason);
                        }
                    });
                }
            }
            Err(thrown) => report_handler_failure(&self.name, label, &thrown),
        }
    }
}

impl JsCallback {
    /// Call with any number of JSON arguments (each a plain JS copy); same
    /// error isolation as `call2`.
    pub fn call_with(&self, args: &[Value]) {
        let Some(func) = &self.func else { return };
        let list = Array::new();
        for arg in args {
            list.push(&json_to_js(arg));
        }
        if let Err(thrown) = func.apply(&self.this, &list) {
            report_handler_failure(&self.name, "call", &thrown);
        }
    }
}

fn report_handler_failure(name: &str, event: &str, thrown: &JsValue) {
    error(&format!("connect-widget: the `{name}` handler failed on \"{event}\": {}", describe_thrown(thrown)));
}

// ---------------------------------------------------------------------------
// Timers, clock, console
// ---------------------------------------------------------------------------

/// Resolve after `ms` milliseconds (`setTimeout`).
pub async fn sleep(ms: u32) {
    let ms = timer_ms(ms);
    let promise = Promise::new(&mut |resolve, _reject| {
        set_timeout(&resolve, ms, &JsValue::UNDEFINED);
    });
    // The timer's Promise never rejects.
    let _ = JsFuture::from(promise).await;
}

/// Wall-clock milliseconds since the Unix epoch (`Date.now()`), for
/// timestamps people read (the consent receipt).
pub fn wall_clock_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds from a monotonic clock (`performance.now()`), or `Date.now()`
/// where there is no `performance`.
pub fn now_ms() -> f64 {
    let global: JsValue = js_sys::global().into();
    get(&global, "performance")
        .and_then(|perf| {
            let now = function_at(&perf, "now")?;
            now.call0(&perf).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}

/// `console.warn(msg)`. Callers start `msg` with `connect-widget: `; never
/// put host-call arguments in it.
pub fn warn(msg: &str) {
    web_sys::console::warn_1(&JsValue::from_str(msg));
}

/// `console.error(msg)`; same rules as `warn`.
pub fn error(msg: &str) {
    web_sys::console::error_1(&JsValue::from_str(msg));
}
