//! The aggregation path of issue 2, end to end in headless Chromium: search,
//! credentials, connecting, connected — on the sandbox and on JS host objects.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The README's promise: search MX Bank, log in with test_atrium/password, see it connected.
#[wasm_bindgen_test]
async fn sandbox_full_path() {
    let w = mount_sandbox(json!({}));
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank", "MX Bank");
    w.until_button("MX Bank (OAuth)").await;
    open_mx_bank(&w).await;
    w.until_heading_focused().await;
    log_in(&w, "test_atrium", "password");
    w.until_heading("Connecting to MX Bank").await;
    w.until_heading("You're connected").await;
    w.until_heading_focused().await;
    let names = w.event_names();
    assert_eq!(names.first().map(String::as_str), Some("connect/loaded"));
    for expected in ["connect/institutionSearch", "connect/selectedInstitution", "connect/enterCredentials", "connect/memberStatusUpdate", "connect/memberConnected"] {
        assert!(names.iter().any(|n| n == expected), "missing {expected} in {names:?}");
    }
    w.click("Done");
    w.until_heading("Find your bank").await;
    w.unmount();
}
