//! Mobile webviews (`is_mobile_webview: true`): every event is also a
//! navigation to `<scheme>://connect/<event>?metadata=<URL-encoded JSON>`,
//! which the app intercepts. The page here records (and cancels) the
//! navigations widget.html's module starts, as the app would.

use crate::kit::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

fn webview_page(o: &Origins, config: &str) -> Frame {
    Frame::open(&format!(
        "{}/tests/embedding/pages/webview.html?api=sandbox&target_origin={}&timing={}&config={}",
        o.own,
        encode(&o.own),
        encode(FAST_TIMING),
        encode(config)
    ))
}

fn navigations(w: &Widget) -> Vec<String> {
    w.global("recordedNavigations")
        .as_array()
        .map(|a| a.iter().filter_map(|u| u.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// `scheme://path` and the decoded metadata of a navigation.
fn split(url: &str) -> (String, Value) {
    let (target, query) = url.split_once("?metadata=").unwrap_or((url, "null"));
    let decoded = js_sys::decode_uri_component(query).ok().and_then(|s| s.as_string()).unwrap_or_default();
    (target.to_string(), serde_json::from_str(&decoded).unwrap_or(Value::Null))
}

// With a custom scheme: loaded, search, selection and the step change arrive as bankapp:// navigations, in order, with MX's metadata.
#[wasm_bindgen_test]
async fn a_webview_gets_every_event_as_a_url_scheme_navigation() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = webview_page(&o, r#"{"is_mobile_webview":true,"ui_message_webview_url_scheme":"bankapp"}"#);
    let w = widget_in(&page).await;
    w.open_mx_bank().await;
    until("four navigations", 3000, || navigations(&w).len() >= 4).await;

    let seen: Vec<(String, Value)> = navigations(&w).iter().map(|u| split(u)).collect();
    let targets: Vec<&str> = seen.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        targets,
        [
            "bankapp://connect/loaded",
            "bankapp://connect/institutionSearch",
            "bankapp://connect/selectedInstitution",
            "bankapp://connect/stepChange"
        ]
    );
    let session = seen[0].1["session_guid"].as_str().unwrap_or_default().to_string();
    assert_eq!(session.len(), 36);
    assert_eq!(seen[0].1, json!({"user_guid": "", "session_guid": session, "initial_step": "search"}));
    assert_eq!(seen[1].1, json!({"user_guid": "", "session_guid": session, "query": "MX Bank"}));
    assert_eq!(seen[2].1["code"], "mxbank");
    assert_eq!(
        seen[3].1,
        json!({"user_guid": "", "session_guid": session, "previous": "search", "current": "enterCreds"})
    );

    // The same events went to the parent as postMessage too.
    let posted: Vec<String> = rec
        .messages_from(&page.window())
        .iter()
        .filter_map(|m| m["data"]["type"].as_str().filter(|t| t.starts_with("mx/connect/")).map(str::to_string))
        .collect();
    assert_eq!(
        posted,
        [
            "mx/connect/loaded",
            "mx/connect/institutionSearch",
            "mx/connect/selectedInstitution",
            "mx/connect/stepChange"
        ]
    );
}

// Without a scheme the navigations use mx://; without is_mobile_webview there are none.
#[wasm_bindgen_test]
async fn the_default_scheme_is_mx_and_browsers_get_no_navigations() {
    let o = origins().await;
    let webview = webview_page(&o, r#"{"is_mobile_webview":true}"#);
    let w = widget_in(&webview).await;
    w.until_heading("Find your bank").await;
    until("a navigation", 3000, || !navigations(&w).is_empty()).await;
    assert_eq!(split(&navigations(&w)[0]).0, "mx://connect/loaded");

    let browser = webview_page(&o, r#"{"is_mobile_webview":false}"#);
    let w = widget_in(&browser).await;
    w.open_mx_bank().await;
    pause(100).await;
    assert_eq!(navigations(&w), Vec::<String>::new());
}
