//! Microdeposits (their life cycle on injected time) and routing-number checks.

use super::*;
use crate::host::{MicrodepositChange, RoutingNumberCheck};
use crate::model::{Microdeposit, MicrodepositStatus as M};

/// What `verifyRoutingNumber` should read as: blocked for `reason`, or not.
fn blocked_for(reason: Option<&str>) -> RoutingNumberCheck {
    RoutingNumberCheck { blocked_reason: reason.map(str::to_string) }
}

fn verify(guid: &str, a: &str, b: &str) -> HostCall {
    HostCall::VerifyMicrodeposit { guid: guid.into(), amount_1: a.into(), amount_2: b.into() }
}

impl Harness {
    /// Create a microdeposit and return its guid.
    fn new_microdeposit(&mut self, routing: &str, account: &str) -> String {
        let call = create_microdeposit(routing, account);
        let md: Microdeposit = self.read(&call);
        md.guid
    }

    fn microdeposit(&mut self, guid: &str) -> Microdeposit {
        self.read(&HostCall::LoadMicrodepositByGuid { guid: guid.into() })
    }
}

#[test]
fn deposits_land_after_the_delay_and_verify_in_either_order() {
    // Why: the life cycle (docs/sandbox.md): sent, then landed after `deposit_ms`, then verified.
    let mut h = harness();
    let guid = h.new_microdeposit("123456780", "987654321");
    assert!(guid.starts_with("MIC-123456780-c4321-"), "{guid}");
    let md = h.microdeposit(&guid);
    assert_eq!((md.status, md.account_mask.as_deref()), (Some(M::Initiated), Some("*4321")));
    assert_eq!(h.rejected(&verify(&guid, "07", "03")).0, Some(409), "nothing to verify before the deposits land");
    h.advance(AGG - 1.0);
    assert_eq!(h.microdeposit(&guid).status, Some(M::Initiated));
    h.advance(1.0);
    assert_eq!(h.microdeposit(&guid).status, Some(M::Deposited));
    assert_eq!(h.microdeposit(&guid).attempts_remaining, Some(3));
    let answer: Microdeposit = h.read(&verify(&guid, "03", "0.07"));
    assert_eq!(answer.status, Some(M::Verified));
    assert!(h.done(&HostCall::RefreshMicrodepositStatus { guid: guid.clone() }));
    assert_eq!(h.rejected(&verify(&guid, "07", "03")).0, Some(409), "verified once is enough");
}

#[test]
fn wrong_guesses_count_down_then_lock() {
    // Why: a bank allows a configured number of guesses, then locks the verification.
    let mut h = harness();
    let guid = h.new_microdeposit("123456780", "987654321");
    h.advance(AGG);
    let first: Microdeposit = h.read(&verify(&guid, "01", "02"));
    assert_eq!((first.status, first.attempts_remaining), (Some(M::Denied), Some(2)));
    let second: Microdeposit = h.read(&verify(&guid, "0.05", "0.04"));
    assert_eq!((second.status, second.attempts_remaining), (Some(M::Denied), Some(1)));
    assert_eq!(h.rejected(&verify(&guid, "abc", "02")).0, Some(400), "unreadable amounts do not count");
    let third: Microdeposit = h.read(&verify(&guid, "09", "09"));
    assert_eq!((third.status, third.attempts_remaining), (Some(M::Prevented), Some(0)));
    let (status, data) = h.rejected(&verify(&guid, "07", "03"));
    assert_eq!((status, data["status_name"].clone()), (Some(409), json!("PREVENTED")), "locked for good");

    // The number of guesses is an option.
    let mut one = Harness {
        sandbox: Sandbox::new(SandboxOptions { deposit_ms: 5.0, microdeposit_attempts: 1, ..Default::default() }),
        now: 0.0,
    };
    let guid = one.new_microdeposit("123456780", "1234");
    one.advance(5.0);
    assert_eq!(one.read::<Microdeposit>(&verify(&guid, "01", "01")).status, Some(M::Prevented));
}

#[test]
fn deposits_expire_and_can_be_sent_again() {
    // Why: landed deposits not verified in time expire; the bank can send new ones (docs/sandbox.md).
    let mut h = Harness {
        sandbox: Sandbox::new(SandboxOptions { deposit_ms: 10.0, deposit_expiry_ms: 100.0, ..Default::default() }),
        now: 0.0,
    };
    let guid = h.new_microdeposit("123456780", "55551234");
    h.advance(10.0);
    assert_eq!(h.read::<Microdeposit>(&verify(&guid, "01", "01")).status, Some(M::Denied));
    h.advance(99.0);
    assert_eq!(h.microdeposit(&guid).status, Some(M::Denied), "still within the expiry");
    h.advance(1.0);
    let expired = h.microdeposit(&guid);
    assert_eq!((expired.status, expired.can_resend), (Some(M::Expired), true));
    assert_eq!(h.rejected(&verify(&guid, "07", "03")).0, Some(409), "expired amounts cannot be verified");
    let resend = HostCall::UpdateMicrodeposit { guid: guid.clone(), change: MicrodepositChange::Resend };
    let resent: Microdeposit = h.read(&resend);
    assert_eq!((resent.status, resent.attempts_remaining), (Some(M::Initiated), Some(3)), "a fresh cycle");
    assert_eq!(h.rejected(&resend).0, Some(409), "only expired deposits are sent again");
    h.advance(10.0);
    assert_eq!(h.read::<Microdeposit>(&verify(&guid, "07", "03")).status, Some(M::Verified));

    // An account number starting with 9999 gets deposits that expire on arrival; a resend cures it.
    let guid = h.new_microdeposit("123456780", "99991234");
    assert!(guid.ends_with('x'), "{guid}");
    assert_eq!(h.microdeposit(&guid).status, Some(M::Initiated));
    h.advance(10.0);
    assert_eq!(h.microdeposit(&guid).status, Some(M::Expired));
    h.ok(&HostCall::UpdateMicrodeposit { guid: guid.clone(), change: MicrodepositChange::Resend });
    h.advance(10.0);
    assert_eq!(h.microdeposit(&guid).status, Some(M::Deposited));
}

#[test]
fn a_later_mount_finds_a_microdeposit_by_its_guid() {
    // Why: "come back days later" is a second mount, with a new sandbox; the guid carries what it needs.
    let mut first = harness();
    let guid = first.new_microdeposit("123456780", "987654321");
    let mut second = Harness { sandbox: Sandbox::new(first.sandbox.options().clone()), now: AGG };
    let md = second.microdeposit(&guid);
    assert_eq!((md.status, md.account_mask.as_deref()), (Some(M::Deposited), Some("*4321")));
    assert_eq!(second.read::<Microdeposit>(&verify(&guid, "07", "03")).status, Some(M::Verified));
    assert_eq!(second.microdeposit(&guid).status, Some(M::Verified), "remembered from then on");
    assert_eq!(second.rejected(&HostCall::LoadMicrodepositByGuid { guid: "MIC-nope".into() }).0, Some(404));
}

#[test]
fn fixture_guids_show_each_state() {
    // Why: the demo page reaches every screen by typing one of these guids.
    let mut h = harness();
    for (guid, status) in crate::sandbox::FIXTURES {
        let md = h.microdeposit(guid);
        assert_eq!(md.status, Some(status), "{guid}");
    }
    let pre = h.microdeposit("MIC-sandbox-preinitiated");
    assert_eq!((pre.first_name.as_deref(), pre.email.as_deref()), (Some("Ada"), Some("ada@example.com")));
    assert!(h.microdeposit("MIC-sandbox-expired").can_resend);
    let deposited = "MIC-sandbox-deposited";
    assert_eq!(h.read::<Microdeposit>(&verify(deposited, "01", "01")).attempts_remaining, Some(2));
    assert_eq!(h.microdeposit(deposited).attempts_remaining, Some(2), "guesses persist within the mount");
}

#[test]
fn pre_created_verifications_are_completed_by_update() {
    // Why: a partner may create the verification (name and email) and let the widget add the account.
    let mut h = harness();
    let guid = "MIC-sandbox-preinitiated";
    let details = |account: &str| crate::host::MicrodepositDetails {
        routing_number: "123456780".into(),
        account_number: Secret::new(account),
        account_type: 2,
        ..Default::default()
    };
    let update =
        HostCall::UpdateMicrodeposit { guid: guid.into(), change: MicrodepositChange::Details(details("1234")) };
    let updated: Microdeposit = h.read(&update);
    assert_eq!((updated.status, updated.account_type), (Some(M::Initiated), Some(crate::model::AccountType::Savings)));
    assert_eq!(updated.first_name.as_deref(), Some("Ada"), "blank fields do not overwrite");
    h.advance(AGG);
    assert_eq!(h.rejected(&update).0, Some(409), "the deposits were already sent");
    // Invalid details are refused; an all-zero account number errors.
    assert_eq!(h.rejected(&create_microdeposit("123456789", "1234")).0, Some(400));
    assert_eq!(h.rejected(&create_microdeposit("123456780", "12")).0, Some(400));
    let zero = h.new_microdeposit("123456780", "0000");
    assert_eq!(h.microdeposit(&zero).status, Some(M::Errored));
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
    assert_eq!(check(&mut h, "999999992", false), blocked_for(Some("BLOCKED")));
    let mx = h.institution("mxbank")["routing_number"].as_str().unwrap_or_default().to_string();
    assert_eq!(mx, "011411633");
    assert_eq!(check(&mut h, &mx, true), blocked_for(Some("IAV_PREFERRED")));
    let blocked = h.institution("client_blocked_bank")["routing_number"].as_str().unwrap_or_default().to_string();
    assert_eq!(check(&mut h, &blocked, false), blocked_for(Some("CLIENT_BLOCKED")));
}

#[test]
fn existing_members_are_there_when_asked_for() {
    // Why: the "already connected" step needs a returning user's members, some able to verify.
    let mut h =
        Harness { sandbox: Sandbox::new(SandboxOptions { existing_members: true, ..Default::default() }), now: 0.0 };
    let members: Vec<Member> = h.read(&HostCall::LoadMembers);
    assert_eq!(members.len(), 3);
    let summary: Vec<(Option<String>, bool, bool, Option<S>)> = members
        .iter()
        .map(|m| (m.institution_code.clone(), m.verification_is_enabled, m.is_oauth, m.connection_status))
        .collect();
    assert_eq!(summary[0], (Some("mxbank".into()), true, false, Some(S::Connected)));
    assert_eq!(summary[1], (Some("mx_bank_oauth".into()), true, true, Some(S::Connected)));
    assert!(!summary[2].1, "the third cannot verify accounts");
    assert!(members.iter().all(|m| !m.is_being_aggregated));
    // A verification job runs on them like on any member.
    assert!(h.done(&HostCall::RunJob { job_type: 1, member_guid: members[0].guid.clone() }));
    h.advance(10_000.0);
    assert_eq!(h.load(&members[0].guid).connection_status, Some(S::Connected));
    assert!(harness().read::<Vec<Member>>(&HostCall::LoadMembers).is_empty(), "none unless asked for");
}
