//! Manual accounts: saved with what the widget sends, refused when named "fail".

use super::*;
use serde_json::json;

#[test]
fn a_manual_account_is_saved_with_its_name_and_type() {
    let mut h = harness();
    let account = json!({"user_name": "Travel card", "balance": "1200.75", "account_type": 4, "is_personal": false});
    let saved = h.ok(&HostCall::CreateAccount { account });
    assert!(saved["guid"].as_str().is_some_and(|g| g.starts_with("ACC-")));
    assert!(saved["member_guid"].as_str().is_some_and(|g| g.starts_with("MBR-")));
    assert_eq!(saved["institution_guid"].as_str().map(|g| g.starts_with("INS-MANUAL")), Some(true));
    assert_eq!((&saved["name"], &saved["account_type"]), (&json!("Travel card"), &json!(4)));
    assert_eq!((&saved["balance"], &saved["is_personal"]), (&json!("1200.75"), &json!(false)));
    let other = h.ok(&HostCall::CreateAccount { account: json!({"user_name": "Wallet", "account_type": 9}) });
    assert_ne!(other["guid"], saved["guid"]);
}

#[test]
fn an_account_named_fail_is_refused() {
    let mut h = harness();
    let result = h.call(&HostCall::CreateAccount { account: json!({"user_name": " Fail ", "account_type": 9}) });
    assert!(matches!(result, Err(HostError::Rejected { status: Some(500), .. })), "{result:?}");
}
