//! Connecting: the whole aggregation path (search, credentials, connecting,
//! connected) on the sandbox and on JS host objects, and polling that fails.

use crate::common::browser::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

// ---- The full path on the sandbox ---------------------------------------------------

// The README's promise (MX Bank, test_atrium/password, connected), with every event in order, its payload, and a pageview per step.
#[wasm_bindgen_test]
async fn sandbox_full_path() {
    let w = mount_sandbox(json!({}));
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank", "MX Bank");
    w.until_results_for("MX Bank").await;
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
        w.step_changes(),
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

// ---- The same path on JS host objects --------------------------------------------

/// The path on a host built from the contract's examples, then what the host was asked.
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
    assert!(calls_to(&api, "loadJob").is_empty(), "nothing reads the job while polling: it is not loaded");
    assert!(calls_to(&api, "runJob").is_empty(), "the member was already aggregating: no runJob");
    w.unmount();
}

// A host answering exactly like the host API contract's examples (envelopes, status names) completes the path and gets MX's arguments.
#[wasm_bindgen_test]
async fn contract_example_host_full_path() {
    host_full_path(json!({})).await;
}

// The React widget's own hosts answer bare values with numeric statuses (6): the same path must work.
#[wasm_bindgen_test]
async fn bare_numeric_host_full_path() {
    host_full_path(json!({"numeric": true, "bare": true})).await;
}

// ---- Polling ------------------------------------------------------------------------

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
