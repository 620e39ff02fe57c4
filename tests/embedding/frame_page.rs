//! `widget.html` on its own: a parameter it cannot use is shown in the frame,
//! naming the parameter, in the language asked for; `api=<URL>` talks to that
//! back-end over HTTP; and with no known parent origin nothing is posted at
//! all, while a named one gets `mx/load`, the events and the height, and
//! nothing else.

use crate::kit::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

// Bad JSON in `config`: a Spanish heading and message for the user, the parameter and the problem for the developer.
#[wasm_bindgen_test]
async fn a_bad_parameter_is_shown_in_the_frame_by_name() {
    let o = origins().await;
    let frame = Frame::open(&widget_url(&o, "api=sandbox&locale=es&config=%7Bmode"));
    let w = widget_in(&frame).await;
    w.until_heading("Esta conexión no puede iniciarse").await;
    assert_eq!(
        w.alerts(),
        ["La página que la abrió indicó una configuración que el widget no puede usar. Inténtelo de nuevo más tarde."]
    );
    let text = w.text();
    assert!(text.contains("Detalles para los desarrolladores del sitio"), "{text}");
    assert!(text.contains("`config` is not valid JSON"), "{text}");
    assert_eq!(w.attribute(".cw-root", "lang").as_deref(), Some("es"));
}

// No `api`, and an `api` URL that would send credentials over plain http: each says so in the frame.
#[wasm_bindgen_test]
async fn a_missing_or_unsafe_api_is_explained() {
    let o = origins().await;
    let missing = Frame::open(&widget_url(&o, "locale=en"));
    let w = widget_in(&missing).await;
    w.until_heading("This connection can't start").await;
    assert!(w.text().contains("`api` is missing: add api=sandbox"), "{}", w.text());

    let http = Frame::open(&widget_url(&o, "api=http%3A%2F%2Fbank.example%2Fconnect"));
    let w = widget_in(&http).await;
    w.until_heading("This connection can't start").await;
    assert!(w.text().contains("`api` must be your back-end's base URL: the URL must use https://"), "{}", w.text());
}

/// The sandbox server, as `scripts/test.sh` started it.
const SANDBOX_SERVER: &str = match option_env!("CONNECT_WIDGET_SANDBOX_SERVER") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};

// `api=<back-end URL>`: the frame talks to that back-end over HTTP (here the sandbox server), a whole connection.
#[wasm_bindgen_test]
async fn api_as_a_url_connects_through_that_back_end() {
    let o = origins().await;
    let rec = Recorder::start();
    let session = format!("{SANDBOX_SERVER}/sessions/embedding-{}", (js_sys::Math::random() * 1e12) as u64);
    let frame = Frame::open(&widget_url(
        &o,
        &format!("api={}&target_origin={}&timing={}", encode(&session), encode(&o.own), encode(FAST_TIMING)),
    ));
    let w = widget_in(&frame).await;
    w.open_mx_bank().await;
    w.connect().await;
    until("memberConnected posted to the parent", 3000, || {
        rec.messages_from(&frame.window()).iter().any(|m| m["data"]["type"] == "mx/connect/memberConnected")
    })
    .await;
}

// Without target_origin and with the referrer hidden, the frame posts nothing; with it, exactly MX's messages and the height.
#[wasm_bindgen_test]
async fn messages_go_only_to_a_known_parent_origin() {
    let o = origins().await;
    let rec = Recorder::start();
    let hidden = Frame::without_referrer(&widget_url(&o, &format!("api=sandbox&timing={}", encode(FAST_TIMING))));
    let w = widget_in(&hidden).await;
    w.until_heading("Find your bank").await;
    w.until_button("MX Bank").await;

    let named = Frame::open(&widget_url(
        &o,
        &format!("api=sandbox&target_origin={}&timing={}", encode(&o.own), encode(FAST_TIMING)),
    ));
    let w = widget_in(&named).await;
    w.until_heading("Find your bank").await;
    until("mx/connect/loaded from the named frame", 3000, || {
        rec.messages_from(&named.window()).iter().any(|m| m["data"]["type"] == "mx/connect/loaded")
    })
    .await;
    pause(100).await;
    assert_eq!(rec.messages_from(&hidden.window()), Vec::<Value>::new(), "nothing without a known origin");

    let messages = rec.messages_from(&named.window());
    assert!(messages.iter().all(|m| m["origin"] == json!(o.own)), "{messages:?}");
    assert_eq!(messages[0]["data"], json!({"mx": true, "type": "mx/load"}), "mx/load first");
    let kinds: Vec<&str> = messages.iter().filter_map(|m| m["data"]["type"].as_str()).collect();
    assert!(kinds.contains(&"connect-widget/resize"), "{kinds:?}");
    assert!(
        kinds.iter().all(|k| *k == "mx/load" || *k == "connect-widget/resize" || k.starts_with("mx/connect/")),
        "{kinds:?}"
    );
    let height = messages
        .iter()
        .rev()
        .find(|m| m["data"]["type"] == "connect-widget/resize")
        .map(|m| m["data"]["height"].clone());
    assert_eq!(height, Some(json!(w.height().ceil() as u64)));
}
