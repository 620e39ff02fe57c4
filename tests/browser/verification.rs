//! Verification mode in the real widget, on the sandbox: existing connections
//! first, microdeposits from "Connect with account numbers" to "Check back
//! soon" and, on a second mount, to verified; wrong amounts, lock-out, expiry
//! and resend; blocked and instant-preferred routing numbers; editing the
//! review; and the MX events and `onEvent` messages of each, with no account
//! number in any of them.

use crate::common::browser::*;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const ACCOUNT: &str = "000987654321";

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn record_stream(options: &JsValue) -> JsValue;
    fn stream_of(list: &JsValue) -> JsValue;
}

/// A sandbox widget in verification mode that also records `onEvent`.
fn mount_verifying(config: Value, sandbox: Value) -> (Mounted, JsValue) {
    let mut client = json!({"mode": "verification"});
    if let (Some(c), Some(extra)) = (client.as_object_mut(), config.as_object()) {
        c.extend(extra.clone());
    }
    let mut stream = JsValue::NULL;
    let timing = timing_with(json!({"sandboxDepositMs": 40}));
    let rest = json!({"clientConfig": client, "timing": timing, "sandbox": sandbox});
    let w = mount_patched(JsValue::from_str("sandbox"), rest, |options| stream = record_stream(options));
    (w, stream)
}

fn messages(stream: &JsValue) -> Vec<Value> {
    connect_widget::host::js::js_to_json(&stream_of(stream))
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
}

fn types(stream: &JsValue) -> Vec<String> {
    messages(stream).iter().filter_map(|m| m["type"].as_str().map(str::to_string)).collect()
}

/// Search finds nothing; "Connect with account numbers" opens the routing number.
async fn to_routing(w: &Mounted) {
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank or credit union", "qqqzzz");
    w.until_button("Connect with account numbers").await;
    w.click("Connect with account numbers");
    w.until_heading("Enter your routing number").await;
    w.until_heading_focused().await;
}

async fn submit_routing(w: &Mounted, routing: &str) {
    w.type_into("Routing number", routing);
    w.click("Continue");
}

/// From the routing number to the review, with a savings account ending in 4321.
async fn to_review(w: &Mounted) {
    submit_routing(w, "123456780").await;
    microdeposit_account(w, "Savings", ACCOUNT).await;
    w.type_into("First name", "Ada");
    w.type_into("Last name", "Lovelace");
    w.type_into("Email address", "ada@example.com");
    w.click("Continue");
    w.until_heading("Check your details").await;
    w.until_heading_focused().await;
}

#[wasm_bindgen_test]
async fn account_numbers_to_check_back_soon_then_verified_on_a_second_mount() {
    let (w, stream) = mount_verifying(json!({}), json!({}));
    to_routing(&w).await;
    submit_routing(&w, "123456789").await;
    w.until("the checksum message", 2000, |m| m.text().contains("isn't a valid routing number")).await;
    assert_eq!(w.field("Routing number").get_attribute("aria-invalid").as_deref(), Some("true"));
    to_review(&w).await;
    let review = w.text();
    assert!(review.contains("*4321") && !review.contains(ACCOUNT), "only masked on the review: {review}");
    assert!(w.text().contains("Savings") && w.text().contains("ada@example.com"));
    // Edit a row: back at the routing number with its value, and continuing returns to the review.
    w.click("Edit routing number");
    w.until_heading("Enter your routing number").await;
    assert_eq!(w.field("Routing number").value(), "123456780");
    submit_routing(&w, "011000015").await;
    w.until_heading("Check your details").await;
    assert!(w.text().contains("011000015"));
    // Edit the account number: blank keeps it.
    w.click("Edit account number");
    w.until_heading("Enter your account details").await;
    assert_eq!(w.field("Account number").value(), "", "the number is never filled in again");
    assert!(w.text().contains("Leave both blank to keep the number ending in 4321"));
    w.click("Continue");
    w.until_heading("Check your details").await;
    w.click("Confirm");
    w.until_heading("Check back soon").await;
    w.until_heading_focused().await;
    assert!(w.text().contains("ending in 4321"));
    let submitted = w.events_named("connect/microdeposits/detailsSubmitted");
    let guid = submitted[0]["microdeposit_guid"].as_str().unwrap_or_default().to_string();
    assert!(guid.starts_with("MIC-011000015-s4321-"), "{guid}");
    assert_eq!(w.events_named("connect/microdeposits/loaded"), vec![json!({"initial_step": "routingNumber"})]);
    let pages = w.pageviews();
    for page in ["routing_number", "how_it_works", "account_info", "personal_info_form", "confirm_details", "come_back"]
    {
        assert!(pages.contains(&format!("/connect/verification/microdeposits/{page}")), "{page}: {pages:?}");
    }
    let requested = messages(&stream);
    assert_eq!(requested.len(), 1);
    assert_eq!(requested[0]["type"], "externalAccountRequested");
    assert_eq!(requested[0]["primaryId"], json!(guid));
    assert_eq!(
        requested[0]["data"],
        json!({"maskedNumber": "*4321", "routingNumber": "011000015", "verificationMethod": "microDeposits"})
    );
    w.click("Done");
    w.until_heading("Find your bank").await;
    assert_eq!(
        w.events_named("connect/microdeposits/comeBack/primaryAction"),
        vec![json!({"microdeposit_guid": guid})]
    );
    w.assert_never_reported(&[ACCOUNT]);
    w.unmount();

    // Days later (40 ms here): a second mount with the guid, straight to the amounts.
    sleep(60).await;
    let (w, stream) = mount_verifying(json!({"current_microdeposit_guid": guid}), json!({}));
    w.until_heading("Enter the two deposit amounts").await;
    assert!(w.text().contains("0.07, .07 and 7 all mean 7 cents"), "the accepted forms are said");
    w.type_into("First amount", "0.07");
    w.type_into("Second amount", "3");
    w.click("Verify");
    w.until_heading("Account verified").await;
    w.until_heading_focused().await;
    assert_eq!(w.events_named("connect/microdeposits/verified"), vec![json!({"microdeposit_guid": guid})]);
    assert_eq!(types(&stream), vec!["externalAccountActivated"]);
    let activated = &messages(&stream)[0];
    assert_eq!(activated["data"]["account"]["maskedNumber"], "*4321");
    assert_eq!(activated["data"]["institutionName"], Value::Null, "no directory bank has this routing number");
    w.click("Done");
    w.until_heading("Find your bank").await;
    assert_eq!(w.events_named("connect/microdeposits/verified/primaryAction").len(), 1);
    assert!(!messages(&stream).iter().any(|m| m.to_string().contains(ACCOUNT)));
    w.unmount();
}

#[wasm_bindgen_test]
async fn wrong_amounts_count_down_then_lock_out() {
    let (w, stream) = mount_verifying(json!({"current_microdeposit_guid": "MIC-sandbox-deposited"}), json!({}));
    w.until_heading("Enter the two deposit amounts").await;
    w.type_into("First amount", "abc");
    w.type_into("Second amount", "");
    w.click("Verify");
    w.until("the field messages", 2000, |m| m.text().contains("Enter an amount such as 0.07.")).await;
    assert!(w.text().contains("Enter this amount."));
    for left in ["You have 2 tries left.", "You have 1 try left."] {
        w.type_into("First amount", "0.01");
        w.type_into("Second amount", "0.02");
        w.click("Verify");
        w.until_alert(left).await;
        w.until_heading_focused().await;
    }
    w.type_into("First amount", "0.01");
    w.type_into("Second amount", "0.02");
    w.click("Verify");
    w.until_heading("Too many incorrect amounts").await;
    assert!(w.text().contains("*6789"), "the account, masked");
    assert!(w.has_button("Use different account details"));
    assert_eq!(
        types(&stream),
        vec![
            "externalAccountVerificationFailed",
            "externalAccountVerificationFailed",
            "externalAccountVerificationFailed"
        ]
    );
    let counts: Vec<Value> = messages(&stream).iter().map(|m| m["data"]["failureCount"].clone()).collect();
    assert_eq!(counts, vec![json!(1), json!(2), json!(3)]);
    w.click("Done");
    w.until_heading("Find your bank").await;
    assert_eq!(
        w.events_named("connect/microdeposits/error/primaryAction"),
        vec![json!({"status": "PREVENTED", "guid": "MIC-sandbox-deposited"})]
    );
    w.unmount();
}

#[wasm_bindgen_test]
async fn expired_deposits_are_sent_again() {
    let (w, stream) = mount_verifying(json!({"current_microdeposit_guid": "MIC-sandbox-expired"}), json!({}));
    w.until_heading("These deposits have expired").await;
    assert_eq!(w.events_named("connect/microdeposits/loaded"), vec![json!({"initial_step": "expired"})]);
    w.click("Send new deposits");
    w.until_heading("Check back soon").await;
    w.until_heading_focused().await;
    assert_eq!(types(&stream), vec!["externalAccountRequested"]);
    sleep(60).await;
    w.click("Check again");
    w.until_heading("Enter the two deposit amounts").await;
    w.unmount();
}

#[wasm_bindgen_test]
async fn blocked_and_instant_preferred_routing_numbers() {
    let (w, _) = mount_verifying(json!({}), json!({}));
    to_routing(&w).await;
    submit_routing(&w, "999999992").await;
    w.until("the blocked message", 2000, |m| m.text().contains("can't be verified with small deposits")).await;
    assert_eq!(
        w.events_named("connect/microdeposits/blockedRoutingNumber"),
        vec![json!({"routing_number": "999999992", "reason": "BLOCKED"})]
    );
    submit_routing(&w, "011411633").await;
    w.until_heading("Choose how to connect").await;
    w.until_heading_focused().await;
    assert!(w.has_button("MX Bank (OAuth)"));
    assert_eq!(
        w.events_named("connect/microdeposits/blockedRoutingNumber")[1],
        json!({"routing_number": "011411633", "reason": "IAV_PREFERRED"})
    );
    w.click("MX Bank");
    w.until_heading("MX Bank").await;
    assert_eq!(w.events_named("connect/selectedInstitution")[0]["name"], "MX Bank");
    w.click("Back");
    w.until_heading("Choose how to connect").await;
    w.click("Use account numbers");
    w.until_heading("Verify with two small deposits").await;
    w.click("Back");
    w.until_heading("Choose how to connect").await;
    w.click("Back");
    w.until_heading("Enter your routing number").await;
    w.unmount();
}

#[wasm_bindgen_test]
async fn an_existing_member_is_verified_first() {
    let (w, stream) = mount_verifying(json!({}), json!({"existingMembers": true}));
    w.until_heading("Choose an account to verify").await;
    w.until_button("MX Bank (OAuth)").await;
    assert_eq!(w.events_named("connect/loaded"), vec![json!({"initial_step": "verifyExistingMember"})]);
    let names = w.names("button");
    assert_eq!(names.iter().filter(|n| n.contains("Bank") || n.contains("Credit")).count(), 2, "{names:?}");
    w.click("Search for another institution");
    w.until_heading("Find your bank").await;
    w.click("Back");
    w.until_heading("Choose an account to verify").await;
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("You're connected").await;
    assert!(w.text().contains("Your account at MX Bank is verified."), "verification wording");
    let activated = messages(&stream);
    assert_eq!(types(&stream), vec!["externalAccountActivated"]);
    assert_eq!(activated[0]["data"], json!({"institutionName": "MX Bank", "verificationMethod": "instant"}));
    assert_eq!(activated[0]["agentType"], "customer");
    w.unmount();
}
