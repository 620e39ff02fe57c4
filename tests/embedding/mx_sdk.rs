//! `widget.html` in the iframe of MX's published web SDK (`@mxenabled/web-widget-sdk`,
//! installed from npm): the SDK's own callbacks see a whole sandbox connection,
//! `navigateBack()` round-trips, a foreign origin cannot steer the widget, and
//! the frame's height follows its content.

use crate::kit::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

/// MX's SDK parent page on the `parent` origin, framing our widget.html (this origin).
fn sdk_page(o: &Origins, name: &str) -> Frame {
    let widget =
        widget_url(o, &format!("api=sandbox&target_origin={}&timing={}", encode(&o.parent), encode(FAST_TIMING)));
    let page = format!(
        "{}/tests/embedding/pages/sdk-parent.html?report={}&widget={}",
        o.parent,
        encode(&o.own),
        encode(&widget)
    );
    Frame::named(&page, name)
}

fn is_uuid_v4(text: &str) -> bool {
    text.len() == 36 && text.chars().nth(14) == Some('4') && text.chars().filter(|c| *c == '-').count() == 4
}

// The SDK's callbacks fire, in order, with the definitions' payloads, through search, login, connected and "Done".
#[wasm_bindgen_test]
async fn mx_sdk_callbacks_fire_through_a_whole_sandbox_connection() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = sdk_page(&o, "sdk-full");
    let w = inner_widget(&page).await;
    w.open_mx_bank().await;
    w.connect().await;
    w.click("Done");
    w.until_heading("Find your bank").await;
    rec.until_nth("onStepChange", 4, 5000).await;

    let kinds: Vec<String> = rec.kinds().into_iter().filter(|k| k != "frameHeight").collect();
    assert_eq!(
        kinds,
        [
            "onLoad",
            "onLoaded",
            "onInstitutionSearch",
            "onSelectedInstitution",
            "onStepChange",
            "onEnterCredentials",
            "onStepChange",
            "onMemberStatusUpdate",
            "onMemberConnected",
            "onStepChange",
            "onConnectedPrimaryAction",
            "onBackToSearch",
            "onStepChange",
        ],
        "no onInvalidMessageError: every message decoded"
    );
    assert_eq!(rec.of_kind("onLoad"), [json!({"type": "mx/load"})]);
    let loaded = &rec.of_kind("onLoaded")[0];
    let session = loaded["session_guid"].as_str().unwrap_or_default().to_string();
    assert!(is_uuid_v4(&session), "session_guid {session:?}");
    assert_eq!(
        *loaded,
        json!({"type": "mx/connect/loaded", "user_guid": "", "session_guid": session, "initial_step": "search"})
    );
    assert_eq!(
        rec.of_kind("onInstitutionSearch")[0],
        json!({"type": "mx/connect/institutionSearch", "user_guid": "", "session_guid": session, "query": "MX Bank"})
    );
    let selected = &rec.of_kind("onSelectedInstitution")[0];
    let guid = selected["guid"].as_str().unwrap_or_default().to_string();
    assert!(guid.starts_with("INS-"), "{selected}");
    assert_eq!(selected["code"], "mxbank");
    assert_eq!(selected["name"], "MX Bank");
    assert!(selected["url"].as_str().is_some_and(|u| u.starts_with("https://")), "{selected}");
    assert_eq!(
        rec.of_kind("onEnterCredentials")[0],
        json!({"type": "mx/connect/enterCredentials", "user_guid": "", "session_guid": session,
               "institution": {"code": "mxbank", "guid": guid}})
    );
    let status = &rec.of_kind("onMemberStatusUpdate")[0];
    let member = status["member_guid"].as_str().unwrap_or_default().to_string();
    assert!(member.starts_with("MBR-"), "{status}");
    assert_eq!(
        *status,
        json!({"type": "mx/connect/memberStatusUpdate", "user_guid": "USR-sandbox", "session_guid": session,
               "member_guid": member, "connection_status": 6})
    );
    assert_eq!(
        rec.of_kind("onMemberConnected")[0],
        json!({"type": "mx/connect/memberConnected", "user_guid": "USR-sandbox", "session_guid": session, "member_guid": member})
    );
    let steps: Vec<(Value, Value)> =
        rec.of_kind("onStepChange").iter().map(|s| (s["previous"].clone(), s["current"].clone())).collect();
    assert_eq!(
        steps,
        [
            (json!("search"), json!("enterCreds")),
            (json!("enterCreds"), json!("connecting")),
            (json!("connecting"), json!("connected")),
            (json!("connected"), json!("search")),
        ]
    );
    assert_eq!(
        rec.of_kind("onConnectedPrimaryAction")[0],
        json!({"type": "mx/connect/connected/primaryAction", "user_guid": "USR-sandbox", "session_guid": session})
    );
}

// `navigateBack()` goes back from the login form (true), then answers false on search; onNavigation sees both.
#[wasm_bindgen_test]
async fn navigate_back_round_trips_through_the_sdk() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = sdk_page(&o, "sdk-back");
    let w = inner_widget(&page).await;
    w.open_mx_bank().await;

    page.command(&o.parent, "navigateBack");
    assert_eq!(rec.until_nth("navigateBack", 1, 3000).await, json!(true));
    w.until_heading("Find your bank").await;
    page.command(&o.parent, "navigateBack");
    assert_eq!(rec.until_nth("navigateBack", 2, 3000).await, json!(false));
    assert_eq!(w.heading(), "Find your bank");

    let answers: Vec<Value> = rec.of_kind("onNavigation");
    assert_eq!(answers.len(), 2, "{answers:?}");
    let session = rec.of_kind("onLoaded")[0]["session_guid"].clone();
    assert_eq!(
        answers[0],
        json!({"type": "mx/navigation", "user_guid": "", "session_guid": session, "did_go_back": true})
    );
    assert_eq!(answers[1]["did_go_back"], json!(false));
    assert!(rec.of_kind("onInvalidMessageError").is_empty());
}

// A back request from a page on another origin (as an object and as MX's JSON string) changes nothing and gets no answer.
#[wasm_bindgen_test]
async fn a_back_request_from_a_foreign_origin_is_ignored() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = sdk_page(&o, "sdk-foreign");
    let w = inner_widget(&page).await;
    w.open_mx_bank().await;

    let foreign = Frame::open(&format!(
        "{}/tests/embedding/pages/foreign.html?report={}&frame=sdk-foreign",
        o.csp,
        encode(&o.own)
    ));
    assert_eq!(rec.until_nth("sent", 1, 5000).await, json!(o.csp));
    pause(300).await;
    assert_eq!(w.heading(), "Log in to MX Bank", "still on the login form");
    assert!(rec.of_kind("onNavigation").is_empty(), "no answer to a foreign origin's request");
    drop(foreign);

    // The same request from the parent's origin is obeyed.
    page.command(&o.parent, "navigateBack");
    assert_eq!(rec.until_nth("navigateBack", 1, 3000).await, json!(true));
    w.until_heading("Find your bank").await;
}

// The parent sizes the SDK's iframe from the frame's height messages (`followFrameHeight`), step after step.
#[wasm_bindgen_test]
async fn the_frame_height_follows_the_content() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = sdk_page(&o, "sdk-height");
    let w = inner_widget(&page).await;
    w.until_heading("Find your bank").await;
    w.until_button("MX Bank").await;
    let latest = || rec.of_kind("frameHeight").last().and_then(Value::as_f64).unwrap_or(-1.0);
    until("the iframe sized to the search step", 3000, || (latest() - w.height().ceil()).abs() < 1.0).await;
    let search_height = latest();
    assert!(search_height > 100.0, "{search_height}");

    w.open_mx_bank().await;
    until("the iframe sized to the login step", 3000, || {
        (latest() - w.height().ceil()).abs() < 1.0 && (latest() - search_height).abs() >= 1.0
    })
    .await;
}
