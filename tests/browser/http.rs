//! The HTTP transport against the sandbox server (`server/`), over real HTTP:
//! `mount(el, {api: {url}})`. `scripts/test.sh` starts the server and passes
//! its URL at compile time (`CONNECT_WIDGET_SANDBOX_SERVER`); run by hand,
//! start it with `bash scripts/sandbox-server.sh` (port 8787).
//!
//! Each test uses a session of its own (`/sessions/{id}`), so its members and
//! the server's request log are its own; the test controls under
//! `/_sandbox/` make a route fail or hang.

use crate::common::browser::*;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn token_api(url: &str) -> JsValue;
    fn api_of(rec: &JsValue) -> JsValue;
    fn seen_of(rec: &JsValue) -> JsValue;
    #[wasm_bindgen(catch)]
    async fn server_send(method: &str, url: &str, body: JsValue) -> Result<JsValue, JsValue>;
    fn spy_fetch() -> JsValue;
    fn aborted_paths(spy: &JsValue) -> JsValue;
    fn credentials_modes(spy: &JsValue) -> JsValue;
    fn spy_console_lines() -> JsValue;
    fn lines_of(spy: &JsValue) -> JsValue;
    fn restore_spy(spy: &JsValue);
}

/// The sandbox server, as `scripts/test.sh` started it.
const SERVER: &str = match option_env!("CONNECT_WIDGET_SANDBOX_SERVER") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};

fn to_json(value: &JsValue) -> Value {
    connect_widget::host::js::js_to_json(value).unwrap_or(Value::Null)
}

/// `(status, body)` of a request to the server.
async fn server(method: &str, url: &str, body: Option<Value>) -> (u16, String) {
    let body = body.map_or(JsValue::UNDEFINED, |b| JsValue::from_str(&b.to_string()));
    let answer = server_send(method, url, body).await.unwrap_or_else(|e| {
        panic!("the sandbox server at {SERVER} does not answer ({e:?}); start it with `bash scripts/sandbox-server.sh`")
    });
    let text = answer.as_string().unwrap_or_default();
    let (status, body) = text.split_once(' ').unwrap_or((&text, ""));
    (status.parse().unwrap_or(0), body.to_string())
}

/// A fresh session on the server: its base URL (what the widget gets as `api.url`).
async fn session(name: &str) -> String {
    let id = (js_sys::Math::random() * 1e12) as u64;
    let base = format!("{SERVER}/sessions/{name}-{id}");
    // Also checks that the server runs, with a clear message if not.
    server("DELETE", &format!("{base}/_sandbox/faults"), None).await;
    base
}

/// Make the next request `method path` (below the base URL) fail with `status`, or hang.
async fn fault(base: &str, method: &str, path: &str, what: Value) {
    let mut body = json!({"method": method, "path": path});
    if let (Some(b), Some(w)) = (body.as_object_mut(), what.as_object()) {
        b.extend(w.clone());
    }
    let (status, text) = server("POST", &format!("{base}/_sandbox/faults"), Some(body)).await;
    assert_eq!(status, 201, "{text}");
}

/// The server's log of this session: `(method, path and query below the base URL, Authorization)`.
async fn requests(base: &str) -> Vec<(String, String, Option<String>)> {
    let (_, text) = server("GET", &format!("{base}/_sandbox/requests"), None).await;
    let prefix = base.trim_start_matches(SERVER);
    let list: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    list.as_array()
        .map(|list| {
            list.iter()
                .map(|r| {
                    let uri = r["uri"].as_str().unwrap_or_default();
                    (
                        r["method"].as_str().unwrap_or_default().to_string(),
                        uri.strip_prefix(prefix).unwrap_or(uri).to_string(),
                        r["authorization"].as_str().map(str::to_string),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `GET /members/:guid`: method and path with guids and the query left out, for comparing routes.
fn route_of(method: &str, uri: &str) -> String {
    let path = uri.split('?').next().unwrap_or_default();
    let segments: Vec<&str> =
        path.split('/').map(|s| if s.contains("-") && s.len() > 20 { ":guid" } else { s }).collect();
    format!("{method} {}", segments.join("/"))
}

async fn routes(base: &str) -> Vec<String> {
    requests(base).await.iter().map(|(m, u, _)| route_of(m, u)).collect()
}

/// Timings for HTTP: fast polls, but a timeout a loaded CI machine never hits.
fn http_timing() -> Value {
    timing_with(json!({"hostTimeoutMs": 10_000}))
}

fn mount_http(base: &str, timing: Value) -> Mounted {
    mount_with(json(&json!({"url": base})), json!({"timing": timing}))
}

fn strings(value: &JsValue) -> Vec<String> {
    to_json(value)
        .as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

// The whole aggregation path over HTTP, on ucw-app's routes.
#[wasm_bindgen_test]
async fn http_full_aggregation_path() {
    let base = session("path").await;
    let w = mount_http(&base, http_timing());
    w.until_heading("Find your bank").await;
    open_mx_bank(&w).await;
    log_in(&w, "test_atrium", "password");
    w.until_heading("You're connected").await;
    let connected = w.events_named("connect/memberConnected");
    assert_eq!(connected.len(), 1);
    assert_eq!(connected[0]["user_guid"], "USR-sandbox", "the server's member");

    let routes = routes(&base).await;
    assert_eq!(
        routes[..4],
        [
            "GET /institutions/recommended",
            "GET /institutions/:guid",
            "GET /institutions/:guid/credentials",
            "POST /members",
        ],
        "{routes:?}"
    );
    assert!(routes.len() > 4 && routes[4..].iter().all(|r| r == "GET /members/:guid"), "then polls: {routes:?}");
    w.assert_never_reported(&["password"]);
    w.unmount();
}

// An MFA round over HTTP: the answer goes as `PUT /members/:guid`.
#[wasm_bindgen_test]
async fn http_mfa_round() {
    let base = session("mfa").await;
    let w = mount_http(&base, http_timing());
    open_mx_bank(&w).await;
    log_in(&w, "test_atrium", "challenge");
    w.until_heading("Verify it's you").await;
    w.type_into("What city", "correct");
    w.click("Continue");
    w.until_heading("You're connected").await;
    let routes = routes(&base).await;
    assert_eq!(routes.iter().filter(|r| *r == "PUT /members/:guid").count(), 1, "{routes:?}");
    assert_eq!(w.events_named("connect/submitMFA").len(), 1);
    w.unmount();
}

// A 500 on `POST /members` shows a message (and one console line without the body); a second submit works.
#[wasm_bindgen_test]
async fn http_500_on_add_member_then_a_second_submit_works() {
    let base = session("fail").await;
    fault(&base, "POST", "/members", json!({"status": 500})).await;
    let console = spy_console_lines();
    let w = mount_http(&base, http_timing());
    open_mx_bank(&w).await;
    log_in(&w, "test_atrium", "s3cret-500");
    w.until_alert("Something went wrong. Please try again.").await;
    assert!(w.heading().contains("Log in to MX Bank"), "still on the form: {}", w.heading());
    let lines = strings(&lines_of(&console));
    restore_spy(&console);
    assert!(lines.iter().any(|l| l == "connect-widget: POST /members failed: HTTP 500"), "{lines:?}");
    assert!(lines.iter().all(|l| !l.contains("s3cret-500") && !l.contains("test_atrium")), "{lines:?}");

    log_in(&w, "test_atrium", "password");
    w.until_heading("You're connected").await;
    let posts = routes(&base).await.into_iter().filter(|r| r == "POST /members").count();
    assert_eq!(posts, 2, "not retried: the user resent it");
    w.unmount();
}

// A request that never answers times out with a message; the next try works.
#[wasm_bindgen_test]
async fn http_request_that_never_answers_times_out() {
    let base = session("hang").await;
    fault(&base, "POST", "/members", json!({"hang": true})).await;
    let console = spy_console_lines();
    let w = mount_http(&base, timing_with(json!({"hostTimeoutMs": 700})));
    open_mx_bank(&w).await;
    log_in(&w, "test_atrium", "password");
    w.until_alert("We're not getting a response right now").await;
    let lines = strings(&lines_of(&console));
    restore_spy(&console);
    assert!(lines.iter().any(|l| l == "connect-widget: POST /members failed: no answer within 700 ms"), "{lines:?}");
    log_in(&w, "test_atrium", "password");
    w.until_heading("You're connected").await;
    w.unmount();
}

// A `headers` function is called once per request, and its fresh token is what the server gets.
#[wasm_bindgen_test]
async fn http_token_header_callback_is_called_per_request() {
    let base = session("token").await;
    let recorder = token_api(&base);
    let w = mount_with(api_of(&recorder), json!({"timing": http_timing()}));
    open_mx_bank(&w).await;
    let seen = to_json(&seen_of(&recorder));
    let sent = requests(&base).await;
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert_eq!(seen.as_array().map(Vec::len), Some(3), "one call per request: {seen}");
    // Each request carries the token made for it. The tap's two requests (the institution's
    // record and its login fields, made together) may reach the server in either order.
    for (i, call) in seen.as_array().into_iter().flatten().enumerate() {
        let path = call["path"].as_str().unwrap_or_default();
        let auth = sent
            .iter()
            .find(|(_, sent_path, _)| sent_path.split('?').next() == Some(path))
            .and_then(|(_, _, auth)| auth.clone());
        assert_eq!(auth, Some(format!("Bearer token-{}", i + 1)), "{call}; sent: {sent:?}");
    }
    assert_eq!(
        seen[0],
        json!({"method": "GET", "path": "/institutions/recommended", "callback": "loadPopularInstitutions"})
    );
    assert_eq!(seen[2]["callback"], "getInstitutionCredentials");
    w.unmount();
}

// No credential or MFA answer ever appears in a request URL (login, a second login, two MFA rounds).
#[wasm_bindgen_test]
async fn http_no_credential_in_any_request_url() {
    let base = session("secrets").await;
    let username = format!("test_atrium_{}", (js_sys::Math::random() * 1e9) as u64);
    let w = mount_http(&base, http_timing());
    open_mx_bank(&w).await;
    log_in(&w, &username, "challenge");
    w.until_heading("Verify it's you").await;
    w.type_into("What city", "challenge");
    w.click("Continue");
    w.until("the second question", 5000, |m| m.find("textbox", "Enter the code").is_some()).await;
    w.type_into("Enter the code", "correct");
    w.click("Continue");
    w.until_heading("You're connected").await;
    let sent = requests(&base).await;
    assert!(sent.iter().filter(|(m, _, _)| m == "PUT").count() == 2, "two MFA answers: {sent:?}");
    for (method, uri, _) in &sent {
        for secret in [username.as_str(), "challenge", "correct"] {
            assert!(!uri.contains(secret), "{method} {uri} carries {secret:?}");
        }
    }
    w.unmount();
}

// A read nothing waits for any more is aborted (step left), and unmount aborts what is in flight.
#[wasm_bindgen_test]
async fn http_requests_nothing_waits_for_are_aborted() {
    let base = session("abort").await;
    let (_, popular) = server("GET", &format!("{base}/institutions/recommended?pageSize=1"), None).await;
    let bank: Value = serde_json::from_str(&popular).unwrap_or(Value::Null);
    let guid = bank[0]["guid"].as_str().expect("MX Bank's guid").to_string();
    fault(&base, "GET", &format!("/institutions/{guid}/credentials"), json!({"hang": true})).await;
    fault(&base, "POST", "/members", json!({"hang": true})).await;
    let spy = spy_fetch();
    let w = mount_http(&base, http_timing());
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("Log in to MX Bank").await;
    sleep(200).await;
    let prefix = base.trim_start_matches(SERVER);
    let credentials = format!("GET {prefix}/institutions/{guid}/credentials");
    assert!(strings(&aborted_paths(&spy)).is_empty(), "nothing aborted while the form waits");
    assert!(w.handle.navigate_back(), "back to search");
    w.until("the credentials request aborted", 3000, |_| strings(&aborted_paths(&spy)).contains(&credentials)).await;

    // A write in flight when the widget goes away is aborted too.
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    log_in(&w, "test_atrium", "password");
    sleep(200).await;
    let post = format!("POST {prefix}/members");
    assert!(!strings(&aborted_paths(&spy)).contains(&post), "a write is not cancelled while waited for");
    w.unmount();
    let aborted = strings(&aborted_paths(&spy));
    restore_spy(&spy);
    assert!(aborted.contains(&post), "unmount aborts the request in flight: {aborted:?}");
}

// A read that fails for a moment (503) is retried after a back-off; the user sees nothing.
#[wasm_bindgen_test]
async fn http_a_failed_read_is_retried() {
    let base = session("retry").await;
    fault(&base, "GET", "/institutions/recommended", json!({"status": 503})).await;
    let w = mount_http(&base, http_timing());
    w.until_button("MX Bank").await;
    assert!(w.alerts().is_empty(), "{:?}", w.alerts());
    let routes = routes(&base).await;
    assert_eq!(routes, ["GET /institutions/recommended", "GET /institutions/recommended"]);
    w.unmount();
}

// A back-end URL that is not https (off this machine), or carries a password, fails mount and says why.
#[wasm_bindgen_test]
fn http_a_bad_url_fails_mount_with_a_clear_message() {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let host = document.create_element("div").expect("div");
    for (api, expected) in [
        (
            json!({"url": "http://bank.example/api"}),
            "connect-widget mount: `api.url`: the URL must use https:// (http:// is allowed only on localhost and 127.0.0.1)",
        ),
        (
            json!({"url": "https://me:pw@bank.example"}),
            "connect-widget mount: `api.url`: the URL must not contain a user name or password; pass credentials in `headers`",
        ),
        (
            json!("ftp://bank.example"),
            "connect-widget mount: `api` must be a host API object, \"sandbox\" or your back-end's URL: the URL must start with https:// (got ftp://)",
        ),
        (
            json!("sandbx"),
            "connect-widget mount: `api` must be a host API object, \"sandbox\" or your back-end's URL: \"sandbx\" is not an absolute URL",
        ),
    ] {
        let error = connect_widget::mount(host.clone().into(), json(&json!({"api": api})))
            .err()
            .map(JsValue::from)
            .and_then(|e| js_sys::Reflect::get(&e, &JsValue::from_str("message")).ok())
            .and_then(|m| m.as_string());
        assert_eq!(error.as_deref(), Some(expected));
    }
}

// `credentials: "include"` sends cookies with every request, and the server's CORS accepts it.
#[wasm_bindgen_test]
async fn http_credentials_include_is_used_for_every_request() {
    let base = session("cookies").await;
    let spy = spy_fetch();
    let w = mount_with(json(&json!({"url": base, "credentials": "include"})), json!({"timing": http_timing()}));
    open_mx_bank(&w).await;
    let modes = strings(&credentials_modes(&spy));
    restore_spy(&spy);
    assert_eq!(modes, ["include", "include", "include"]);
    w.unmount();
}
