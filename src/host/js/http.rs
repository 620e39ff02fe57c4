//! The HTTP transport (wasm only): each host call as a `fetch` through
//! gloo-net to the partner's back-end (`mount(el, {api: {url}})`).
//!
//! The route, the answer's reading, the retry policy and header checks are
//! pure (`host::http`); this file adds what needs the browser: the request
//! itself, the `api.headers` callback, the timeout, cancellation with an
//! `AbortController`, and one console line per failed request (method, path
//! and status or cause; never a header value or a body).

use super::{clear_timeout, set_timeout, sleep, timer_ms, warn, Settled};
use super::{describe_thrown, error, function_at, get, get_json, is_object_like, js_to_json, json_to_js, settle};
use crate::flow::Token;
use crate::host::http::{
    default_headers, header_pairs, merge_headers, network_error, read_answer, request_for, Failure, Header,
    HttpRequest, Method, RetryPolicy,
};
use crate::host::{HostCall, HostError, CALLBACK_NAMES};
use crate::options::{base_url, HttpApiOptions, RequestCredentials};
use crate::small_map::SmallMap;
use gloo_net::http::{Headers, RequestBuilder};
use js_sys::{Function, Object};
use serde_json::{json, Value};
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

/// One call in flight: its flow token, whether it only reads (and so may be
/// cancelled when nothing waits for it), and its current attempt's controller.
struct InFlight {
    token: Token,
    read: bool,
    controller: Option<AbortController>,
}

/// How one attempt ended.
enum Attempt {
    Answered {
        status: u16,
        retry_after: Option<String>,
        body: String,
    },
    /// No HTTP answer (network, CORS).
    NoAnswer,
    TimedOut,
    /// Cancelled: nothing waits for the answer.
    Aborted,
    /// The request could not be made (the `headers` callback failed).
    NotSent(HostError),
}

/// The partner's back-end.
pub struct HttpHost {
    options: HttpApiOptions,
    /// `api.headers` when it is a function, and `api` as its `this`.
    headers_callback: Option<(Function, JsValue)>,
    timeout_ms: u32,
    retry: RetryPolicy,
    in_flight: RefCell<SmallMap<u64, InFlight>>,
    next_id: Cell<u64>,
}

impl HttpHost {
    /// `api` as an HTTP back-end: a URL string other than `"sandbox"`, or an
    /// object with `url`. `Ok(None)`: `api` is a host object. Fails, with a
    /// message naming the option, on a bad URL or option.
    pub fn from_api(api: &JsValue, timeout_ms: u32) -> Result<Option<HttpHost>, String> {
        if let Some(url) = api.as_string() {
            let base_url = base_url(&url)
                .map_err(|e| format!("`api` must be a host API object, \"sandbox\" or your back-end's URL: {e}"))?;
            let options = HttpApiOptions {
                base_url,
                credentials: RequestCredentials::default(),
                headers: vec![],
                unsupported: vec![],
            };
            return Ok(Some(HttpHost::new(options, None, timeout_ms)));
        }
        if !is_object_like(api) || get(api, "url").is_none() {
            return Ok(None);
        }
        let callbacks: Vec<&str> = CALLBACK_NAMES.iter().copied().filter(|n| function_at(api, n).is_some()).collect();
        if !callbacks.is_empty() {
            return Err(format!(
                "`api` has a `url` and host callbacks ({}); pass either a back-end URL or a host API object",
                callbacks.join(", ")
            ));
        }
        let headers_callback = function_at(api, "headers").map(|f| (f, api.clone()));
        let mut data = serde_json::Map::new();
        for key in ["url", "credentials", "unsupported"] {
            data.insert(key.into(), get_json(api, key)?);
        }
        if headers_callback.is_none() {
            data.insert("headers".into(), get_json(api, "headers")?);
        }
        let options = HttpApiOptions::from_json(&Value::Object(data))?;
        Ok(Some(HttpHost::new(options, headers_callback, timeout_ms)))
    }

    fn new(options: HttpApiOptions, headers_callback: Option<(Function, JsValue)>, timeout_ms: u32) -> HttpHost {
        HttpHost {
            options,
            headers_callback,
            timeout_ms,
            retry: RetryPolicy::default(),
            in_flight: RefCell::new(SmallMap::new()),
            next_id: Cell::new(1),
        }
    }

    /// Optional callbacks the back-end does not serve (`api.unsupported`).
    pub fn unsupported(&self) -> &[&'static str] {
        &self.options.unsupported
    }

    /// Send `call` and read its answer, retrying idempotent reads on
    /// transient failures. `token` is the flow's, for cancellation.
    pub async fn call(&self, token: Token, call: &HostCall, locale: &str) -> Result<Value, HostError> {
        let name = call.name();
        let request = request_for(call)?;
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let read = request.method == Method::Get;
        self.in_flight.borrow_mut().insert(id, InFlight { token, read, controller: None });
        let result = self.send_with_retries(id, name, &request, locale).await;
        self.in_flight.borrow_mut().remove(&id);
        result
    }

    async fn send_with_retries(
        &self,
        id: u64,
        name: &'static str,
        request: &HttpRequest,
        locale: &str,
    ) -> Result<Value, HostError> {
        let url = request.url(&self.options.base_url);
        let body = request.body.as_ref().map(Value::to_string);
        let mut retries = 0;
        loop {
            let (failure, error) = match self.attempt(id, name, request, &url, body.as_deref(), locale).await {
                Attempt::Answered { status, retry_after, body } => match read_answer(name, status, &body) {
                    Ok(answer) => return Ok(answer),
                    Err(error) if (200..300).contains(&status) => {
                        self.report(request, &format!("HTTP {status} with a body that is not JSON"), None);
                        return Err(error);
                    }
                    Err(error) => (Failure::Status { status, retry_after }, error),
                },
                Attempt::NoAnswer => (Failure::NoAnswer, network_error(name)),
                Attempt::TimedOut => {
                    (Failure::TimedOut, HostError::TimedOut { callback: name, after_ms: self.timeout_ms })
                }
                Attempt::Aborted => return Err(cancelled(name)),
                Attempt::NotSent(error) => return Err(error),
            };
            let delay = self.retry.delay_before_retry(request.method, retries, &failure);
            self.report(request, &describe(&failure, self.timeout_ms), delay);
            let Some(delay) = delay else { return Err(error) };
            sleep(delay).await;
            if !self.in_flight.borrow().contains_key(&id) {
                return Err(cancelled(name));
            }
            retries += 1;
        }
    }

    /// One request: headers, send, read the whole body, within the timeout.
    async fn attempt(
        &self,
        id: u64,
        name: &'static str,
        request: &HttpRequest,
        url: &str,
        body: Option<&str>,
        locale: &str,
    ) -> Attempt {
        let per_request = match self.callback_headers(name, request).await {
            Ok(headers) => headers,
            Err(e) => return Attempt::NotSent(e),
        };
        let headers = merge_headers(&[&default_headers(locale, body.is_some()), &self.options.headers, &per_request]);
        let Ok(controller) = AbortController::new() else {
            return Attempt::NotSent(HostError::Failed {
                callback: name,
                message: "fetch cannot be aborted here".into(),
            });
        };
        match self.in_flight.borrow_mut().get_mut(&id) {
            Some(entry) => entry.controller = Some(controller.clone()),
            // Cancelled while the headers callback ran.
            None => return Attempt::Aborted,
        }
        let signal = controller.signal();
        let built = new_builder(request.method, url)
            .credentials(match self.options.credentials {
                RequestCredentials::Omit => web_sys::RequestCredentials::Omit,
                RequestCredentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
                RequestCredentials::Include => web_sys::RequestCredentials::Include,
            })
            .headers(to_headers(&headers))
            .abort_signal(Some(&signal));
        let built = match body {
            Some(body) => built.body(body),
            None => built.build(),
        };
        let Ok(built) = built else {
            return Attempt::NotSent(HostError::Failed {
                callback: name,
                message: "the request could not be built".into(),
            });
        };
        // The timer aborts with a reason of its own, so a timeout and a cancellation
        // tell apart. An `Error`: gloo-net reads the `message` of what fetch rejects with.
        let timeout_reason: JsValue = js_sys::Error::new("timed out").into();
        let timer = (self.timeout_ms > 0).then(|| function_at(&controller, "abort")).flatten().map(|abort| {
            let abort_on_time: Function = JsValue::from(abort.bind1(&controller, &timeout_reason)).unchecked_into();
            set_timeout(&abort_on_time, timer_ms(self.timeout_ms), &JsValue::UNDEFINED)
        });
        let exchange = async {
            let response = built.send().await?;
            let retry_after = response.headers().get("retry-after");
            let text = response.text().await?;
            Ok::<_, gloo_net::Error>((response.status(), retry_after, text))
        };
        let outcome = exchange.await;
        if let Some(timer) = timer {
            clear_timeout(&timer);
        }
        match outcome {
            Ok((status, retry_after, body)) => Attempt::Answered { status, retry_after, body },
            Err(_) if signal.aborted() && Object::is(&signal.reason(), &timeout_reason) => Attempt::TimedOut,
            Err(_) if signal.aborted() => Attempt::Aborted,
            Err(_) => Attempt::NoAnswer,
        }
    }

    /// `api.headers(request)` for one request, when it is a function: called
    /// with `{method, path, callback}`, it may return the headers or a Promise of them.
    async fn callback_headers(&self, name: &'static str, request: &HttpRequest) -> Result<Vec<Header>, HostError> {
        let Some((func, this)) = &self.headers_callback else {
            return Ok(Vec::new());
        };
        let info = json_to_js(&json!({"method": request.method.as_str(), "path": request.path, "callback": name}));
        let failed = |message: String| {
            error(&format!("connect-widget: the `api.headers` function failed for {}: {message}", request.describe()));
            HostError::Failed { callback: name, message: format!("the `api.headers` function failed: {message}") }
        };
        let returned = func.call1(this, &info).map_err(|thrown| failed(describe_thrown(&thrown)))?;
        // A value or a Promise of one (a token refresh is often asynchronous).
        let resolved = match settle(super::resolve_safely(&returned), self.timeout_ms).await {
            Settled::Resolved(value) => value,
            Settled::Rejected(reason) => return Err(failed(describe_thrown(&reason))),
            Settled::TimedOut => return Err(failed(format!("no headers within {} ms", self.timeout_ms))),
        };
        let json = js_to_json(&resolved).map_err(failed)?;
        header_pairs(&json).map_err(failed)
    }

    /// Abort the reads whose answer nothing waits for any more (the user left
    /// the step). Writes run to the end: aborting one would not undo it on
    /// the back-end, and a call made just before a step change must still go out.
    pub fn cancel_unwanted(&self, still_wanted: impl Fn(Token) -> bool) {
        self.in_flight.borrow_mut().retain(|_, call| {
            let keep = !call.read || still_wanted(call.token);
            if !keep {
                if let Some(controller) = &call.controller {
                    controller.abort();
                }
            }
            keep
        });
    }

    /// Abort everything in flight (the widget is unmounted).
    pub fn abort_all(&self) {
        let calls = std::mem::take(&mut *self.in_flight.borrow_mut());
        for controller in calls.values().filter_map(|c| c.controller.as_ref()) {
            controller.abort();
        }
    }

    /// One console line per failed attempt: method, path, what happened, and
    /// whether it is tried again.
    fn report(&self, request: &HttpRequest, what: &str, retry_in: Option<u32>) {
        let then = retry_in.map(|ms| format!("; retrying in {ms} ms")).unwrap_or_default();
        warn(&format!("connect-widget: {} failed: {what}{then}", request.describe()));
    }
}

fn new_builder(method: Method, url: &str) -> RequestBuilder {
    let method = match method {
        Method::Get => gloo_net::http::Method::GET,
        Method::Post => gloo_net::http::Method::POST,
        Method::Put => gloo_net::http::Method::PUT,
        Method::Delete => gloo_net::http::Method::DELETE,
    };
    RequestBuilder::new(url).method(method)
}

/// Checked headers (`header_pairs` and the widget's own), so `set` cannot throw.
fn to_headers(list: &[Header]) -> Headers {
    let headers = Headers::new();
    for (name, value) in list {
        headers.set(name, value);
    }
    headers
}

fn cancelled(callback: &'static str) -> HostError {
    HostError::Failed { callback, message: "cancelled: nothing waits for the answer".into() }
}

fn describe(failure: &Failure, timeout_ms: u32) -> String {
    match failure {
        Failure::Status { status, .. } => format!("HTTP {status}"),
        Failure::NoAnswer => "no answer (the back-end is unreachable, or CORS refused this page)".into(),
        Failure::TimedOut => format!("no answer within {timeout_ms} ms"),
    }
}
