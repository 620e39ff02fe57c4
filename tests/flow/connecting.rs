//! Jobs and polling until the member's state says where to go.

use crate::common::harness::*;
use connect_widget::flow::connecting::Msg;
use connect_widget::flow::{ConnectingPhase, Effect, Step, SubmitError};
use connect_widget::host::{HostCall, HostError};
use connect_widget::model::{ActionableCode, ConnectionStatus as S};
use serde_json::json;

// A member that is not aggregating gets `runJob` first, then polling.
#[test]
fn idle_member_runs_a_job_first() {
    let h = Harness::to_connecting(member("CREATED", false));
    // Not aggregating, whatever the status: run a job (as the reference does).
    assert!(h.has_call("runJob"));
    assert!(!h.has_call("loadMemberByGuid"), "polling starts once the job runs");
    let mut h2 = Harness::to_credentials();
    h2.submit_good_credentials();
    h2.reply("addMember", Ok(member("FAILED", false)));
    assert!(matches!(h2.call("runJob").1, HostCall::RunJob { job_type: 0, ref member_guid } if member_guid == "MBR-1"));
    h2.reply("runJob", Err(rejected(409, json!(null))));
    assert!(h2.has_call("loadMemberByGuid"), "409 from runJob means a job is running: follow it");
}

// The job type follows the mode.
#[test]
fn verification_mode_runs_a_verification_job() {
    let mut h = Harness::to_credentials_with(json!({"mode": "verification"}));
    h.submit_good_credentials();
    h.reply("addMember", Ok(member("CREATED", false)));
    assert!(matches!(h.call("runJob").1, HostCall::RunJob { job_type: 1, .. }));
}

// Polling goes on while processing, reports only real status changes, and ends connected.
#[test]
fn polling_until_connected() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CREATED", true));
    assert!(h.events().is_empty(), "same status: no memberStatusUpdate");
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 10, .. })), "poll interval from settings");
    h.fire_timer();
    assert!(h.has_call("loadMemberByGuid"));
    assert!(!h.has_call("loadJob"), "polling reads the member only");
    h.poll_answer(member("CONNECTED", true));
    assert_eq!(
        h.events(),
        vec![("connect/memberStatusUpdate", json!({"member_guid": "MBR-1", "connection_status": 6}))]
    );
    assert!(matches!(h.flow.step(), Step::Connecting(c) if c.phase == ConnectingPhase::Syncing));
    h.fire_timer();
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(
        h.events(),
        vec![
            ("connect/memberConnected", json!({"member_guid": "MBR-1", "user_guid": "USR-1"})),
            ("connect/stepChange", json!({"previous": "connecting", "current": "connected"})),
        ]
    );
}

// Polls that keep failing stop with a retry instead of spinning forever.
#[test]
fn failing_polls_offer_retry() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    for _ in 0..2 {
        h.reply("loadMemberByGuid", Err(HostError::TimedOut { callback: "loadMemberByGuid", after_ms: 5 }));
        h.fire_timer();
    }
    h.reply("loadMemberByGuid", Ok(json!("garbage")));
    assert!(matches!(h.flow.step(), Step::Connecting(c) if c.failed == Some(SubmitError::Unreachable)));
    assert!(!h.has_timer());
    h.effects.clear();
    h.send(Msg::Retry);
    assert!(h.has_call("runJob"));
}

// A runJob that fails shows a retry, not a thrown error (a reference quirk).
#[test]
fn run_job_failure_offers_retry() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Ok(member("FAILED", false)));
    h.reply("runJob", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Connecting(c) if c.failed.is_some()));
}

// Every status 0–21 polled while connecting leads to its step.
#[test]
fn every_polled_status_leads_to_its_step() {
    for status in S::ALL {
        let mut h = Harness::to_connecting(member("CREATED", true));
        let m = if status == S::Challenged { challenged(0) } else { member(status.name(), false) };
        h.poll_answer(m);
        let expected = match status {
            S::Created | S::Reconnected | S::Updated | S::Resumed => "connecting",
            S::Challenged => "mfa",
            S::Connected => "connected",
            S::Prevented | S::Denied | S::Impaired | S::Imported | S::Pending => "enterCreds",
            _ => "actionableError",
        };
        assert_eq!(h.step(), expected, "status {status:?}");
        if expected == "actionableError" {
            assert!(h.event_names().contains(&"connect/memberError"), "status {status:?}");
        }
        if expected == "enterCreds" {
            assert!(matches!(h.flow.step(), Step::Credentials(c) if c.is_update() && c.reason.is_some()));
            assert!(h.has_call("getMemberCredentials"));
        }
    }
}

// Actionable codes route to their own screen, MFA or credentials.
#[test]
fn every_actionable_code_leads_to_its_step() {
    for code in ActionableCode::ALL {
        let mut h = Harness::to_credentials_with(json!({"mode": "verification"}));
        h.submit_good_credentials();
        h.reply("addMember", Ok(member("CREATED", true)));
        let mfa = matches!(code.code(), 2001..=2003);
        let mut m = if mfa { challenged(0) } else { member("FAILED", false) };
        m["error"] = json!({"error_code": code.code(), "user_message": "From the bank"});
        h.poll_answer(m);
        let expected = match code.code() {
            2001..=2003 => "mfa",
            2004 | 2005 => "enterCreds",
            _ => "actionableError",
        };
        assert_eq!(h.step(), expected, "code {code:?}");
        if expected == "actionableError" {
            assert!(matches!(h.flow.step(), Step::ActionableError { code: c } if *c == code));
            assert!(h
                .events()
                .contains(&("connect/invalidData", json!({"member_guid": "MBR-1", "code": code.code()}))));
        }
    }
}
