//! Manual accounts: microdeposits and routing-number checks.

use super::*;
use crate::host::RoutingNumberCheck;
use crate::model::Microdeposit;

/// What `verifyRoutingNumber` should read as: blocked for `reason`, or not.
fn blocked_for(reason: Option<&str>) -> RoutingNumberCheck {
    RoutingNumberCheck { blocked_reason: reason.map(str::to_string) }
}

#[test]
fn microdeposits_arrive_verify_and_lock_after_three_wrong_guesses() {
    // Why: the microdeposit rules (docs/sandbox.md): deposits take time, wrong guesses count, the third one locks the account.
    let mut h = harness();
    let details = json!({
        "routing_number": "123456780", "account_number": "987654321", "account_type": 1,
        "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "account_name": "Checking ...4321",
    });
    let created = h.ok(&HostCall::CreateMicrodeposit { microdeposit: details.clone() });
    let md = created["micro_deposit"].clone();
    let guid = md["guid"].as_str().unwrap_or_default().to_string();
    assert!(guid.starts_with("MIC-"));
    assert_eq!((md["status"].clone(), md["status_name"].clone()), (json!(0), json!("INITIATED")));
    let verify =
        |a: &str, b: &str| HostCall::VerifyMicrodeposit { guid: guid.clone(), amount_1: a.into(), amount_2: b.into() };
    assert_eq!(h.rejected(&verify("07", "03")).0, Some(409), "nothing to verify before the deposits arrive");
    h.advance(AGG);
    let loaded: Microdeposit = h.read(&HostCall::LoadMicrodepositByGuid { guid: guid.clone() });
    assert!(loaded.status == Some(2) && loaded.status_name.as_deref() == Some("DEPOSITED"), "{loaded:?}");

    assert_eq!(h.ok(&verify("01", "02"))["status_name"], "DENIED");
    assert_eq!(h.ok(&verify("0.05", "0.04"))["status_name"], "DENIED");
    assert_eq!(h.rejected(&verify("abc", "02")).0, Some(400), "unreadable amounts do not count");
    assert_eq!(h.ok(&verify("09", "09"))["status_name"], "PREVENTED", "third wrong guess locks");
    assert_eq!(h.rejected(&verify("07", "03")).0, Some(409), "locked");

    // A fresh one verifies with the documented amounts, in either order.
    let created = h.ok(&HostCall::CreateMicrodeposit { microdeposit: details.clone() });
    let guid2 = created["micro_deposit"]["guid"].as_str().unwrap_or_default().to_string();
    h.advance(AGG);
    let right = HostCall::VerifyMicrodeposit { guid: guid2.clone(), amount_1: "03".into(), amount_2: "0.07".into() };
    assert_eq!(h.ok(&right)["status_name"], "VERIFIED");
    assert!(h.done(&HostCall::RefreshMicrodepositStatus { guid: guid2 }));

    // Pre-initiated (name and email only), then completed with updateMicrodeposit.
    let pre =
        h.ok(&HostCall::CreateMicrodeposit { microdeposit: json!({"first_name": "Ada", "email": "ada@example.com"}) });
    assert_eq!(pre["micro_deposit"]["status"], 9);
    let pre_guid = pre["micro_deposit"]["guid"].as_str().unwrap_or_default().to_string();
    let update = HostCall::UpdateMicrodeposit {
        guid: pre_guid.clone(),
        data: json!({"routing_number": "123456780", "account_number": "1234", "account_type": 2}),
    };
    let updated = h.ok(&update);
    assert_eq!(
        (updated["micro_deposit"]["status"].clone(), updated["micro_deposit"]["account_type"].clone()),
        (json!(0), json!(2))
    );
    assert_eq!(updated["micro_deposit"]["first_name"], "Ada");
    // Invalid details are refused; an all-zero account number errors.
    let bad = |data: Value| HostCall::CreateMicrodeposit { microdeposit: data };
    assert_eq!(h.rejected(&bad(json!({"routing_number": "123456789", "account_number": "1234"}))).0, Some(400));
    assert_eq!(h.rejected(&bad(json!({"routing_number": "123456780", "account_number": "12"}))).0, Some(400));
    assert_eq!(h.rejected(&bad(json!("nope"))).0, Some(400));
    let zero = h.ok(&bad(json!({"routing_number": "123456780", "account_number": "0000"})));
    assert_eq!(zero["micro_deposit"]["status_name"], "ERRORED");
    assert_eq!(h.rejected(&HostCall::LoadMicrodepositByGuid { guid: "MIC-nope".into() }).0, Some(404));
}

#[test]
fn verify_routing_number_reports_the_documented_reasons() {
    // Why: the routing-number view branches on `blocked_routing_number.reason_name`.
    let mut h = harness();
    let check = |h: &mut Harness, routing: &str, identity: bool| {
        h.read::<RoutingNumberCheck>(&HostCall::VerifyRoutingNumber {
            routing_number: routing.into(),
            include_identity: identity,
        })
    };
    assert_eq!(check(&mut h, "123456780", false), blocked_for(None));
    assert_eq!(
        h.ok(&HostCall::VerifyRoutingNumber { routing_number: "123456780".into(), include_identity: false }),
        json!({})
    );
    assert_eq!(check(&mut h, "123456789", false), blocked_for(Some("INVALID")));
    assert_eq!(check(&mut h, "12345", false), blocked_for(Some("INVALID")));
    let invalid = h.ok(&HostCall::VerifyRoutingNumber { routing_number: "000000001".into(), include_identity: false });
    assert_eq!(invalid, json!({"blocked_routing_number": {"guid": null, "reason": 0, "reason_name": "INVALID"}}));
    let mx = h.institution("mxbank")["routing_number"].as_str().unwrap_or_default().to_string();
    assert_eq!(check(&mut h, &mx, true), blocked_for(Some("IAV_PREFERRED")));
    let blocked = h.institution("client_blocked_bank")["routing_number"].as_str().unwrap_or_default().to_string();
    assert_eq!(check(&mut h, &blocked, false), blocked_for(Some("CLIENT_BLOCKED")));
}
