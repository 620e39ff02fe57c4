//! `widget.html?api=parent`: the partner's page answers the widget's host
//! calls with its ordinary host API object through `connect-widget-bridge.js`,
//! over a private channel set up after an origin-checked handshake.

use crate::kit::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

/// The partner's page (on the `parent` origin) framing widget.html?api=parent, answering with
/// its host API object in `host` mode; the frame expects the parent at `target_origin`.
fn bridge_page(o: &Origins, host: &str, target_origin: &str, timing: &str) -> Frame {
    let widget =
        widget_url(o, &format!("api=parent&target_origin={}&timing={}", encode(target_origin), encode(timing)));
    Frame::open(&format!(
        "{}/tests/embedding/pages/bridge-parent.html?report={}&widget={}&host={host}",
        o.parent,
        encode(&o.own),
        encode(&widget)
    ))
}

fn call_names(rec: &Recorder) -> Vec<String> {
    rec.of_kind("call").iter().filter_map(|c| c["name"].as_str().map(str::to_string)).collect()
}

fn calls_to(rec: &Recorder, name: &str) -> Vec<Value> {
    rec.of_kind("call").into_iter().filter(|c| c["name"] == name).map(|c| c["args"].clone()).collect()
}

// A whole connection answered by the page: its institutions are listed, the credentials reach its addMember, and the member connects.
#[wasm_bindgen_test]
async fn the_pages_host_api_answers_through_the_bridge() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = bridge_page(&o, "ok", &o.parent, FAST_TIMING);
    let w = inner_widget(&page).await;
    w.until_heading("Find your bank").await;
    w.until_button("Parent Bank").await;
    w.click("Parent Bank");
    w.until_heading("Log in to Parent Bank").await;
    until("the login form", 3000, || w.has("textbox", "Password")).await;
    w.type_into("Username", "someone");
    w.type_into("Password", "hunter2");
    w.click("Continue");
    w.until_heading("You're connected").await;

    let names = call_names(&rec);
    assert_eq!(names[0], "loadPopularInstitutions", "{names:?}");
    for expected in ["loadInstitutionByGuid", "getInstitutionCredentials", "addMember", "loadMemberByGuid"] {
        assert!(names.iter().any(|n| n == expected), "{expected} in {names:?}");
    }
    let add = calls_to(&rec, "addMember");
    assert_eq!(add.len(), 1);
    assert_eq!(add[0][0]["institution_guid"], "INS-PARENT");
    assert_eq!(
        add[0][0]["credentials"],
        json!([{"guid": "CRD-USER", "value": "someone"}, {"guid": "CRD-PASS", "value": "hunter2"}]),
        "the credentials reach the page's own addMember"
    );
    assert_eq!(add[0][2], json!(true), "isHuman");
    assert_eq!(calls_to(&rec, "loadMemberByGuid")[0], json!(["MBR-PARENT", "en"]));
}

// getInstitutionCredentials throws in the page: the frame shows its error and stays usable.
#[wasm_bindgen_test]
async fn a_throwing_host_callback_is_an_error_in_the_frame() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = bridge_page(&o, "throwing", &o.parent, FAST_TIMING);
    let w = inner_widget(&page).await;
    w.until_button("Parent Bank").await;
    w.click("Parent Bank");
    until("the error", 3000, || w.alerts().iter().any(|a| a == "We couldn't load the login form for Parent Bank."))
        .await;
    assert_eq!(calls_to(&rec, "getInstitutionCredentials"), [json!(["INS-PARENT"])]);
    assert!(w.has("button", "Try again") || w.has("button", "Back"), "a way forward: {:?}", w.names("button"));
}

// addMember rejects with {response: {status: 409, data: {guid}}}: the widget reads the status and guid across the bridge and goes on with that member.
#[wasm_bindgen_test]
async fn a_rejection_keeps_its_status_and_data() {
    let o = origins().await;
    let rec = Recorder::start();
    let page = bridge_page(&o, "rejecting", &o.parent, FAST_TIMING);
    let w = inner_widget(&page).await;
    w.until_button("Parent Bank").await;
    w.click("Parent Bank");
    until("the login form", 3000, || w.has("textbox", "Password")).await;
    w.type_into("Username", "someone");
    w.type_into("Password", "hunter2");
    w.click("Continue");
    w.until_heading("You're connected").await;
    assert_eq!(calls_to(&rec, "loadMemberByGuid")[0], json!(["MBR-EXISTING", "en"]), "the 409's data.guid");
    let update = calls_to(&rec, "updateMember");
    assert_eq!(update.len(), 1, "{:?}", call_names(&rec));
    assert_eq!(update[0][0]["guid"], "MBR-EXISTING");
    assert_eq!(update[0][0]["credentials"][1], json!({"guid": "CRD-PASS", "value": "hunter2"}));
}

// A frame told that its parent is another origin offers its channel to that origin only: the page never gets it, no call is made, and the frame says why.
#[wasm_bindgen_test]
async fn a_frame_expecting_another_origin_gets_no_bridge() {
    let o = origins().await;
    let rec = Recorder::start();
    let timing = r#"{"hostTimeoutMs":500}"#;
    let page = bridge_page(&o, "ok", &o.csp, timing);
    let w = inner_widget(&page).await;
    w.until_heading("This connection can't start").await;
    let expected = format!("`api=parent`: no answer from the page at {}", o.csp);
    assert!(w.text().contains(&expected), "{}", w.text());
    assert_eq!(call_names(&rec), Vec::<String>::new());
}
