//! Members over time: MX Bank's test passwords, `status:`/`error:` triggers,
//! jobs, updates, deletes, and the host errors a login can meet.

use super::*;
use crate::model::Job;

#[test]
fn password_member_goes_from_created_to_syncing_to_connected_over_time() {
    // Why: the connecting step polls; it must see processing, then syncing, then done, in that order.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "password");
    assert_eq!(state(&m), (Some(S::Created), true));
    assert!(m.guid.starts_with("MBR-"));
    assert_eq!(m.institution_code.as_deref(), Some("mxbank"));
    assert_eq!(m.name.as_deref(), Some("MX Bank"));
    assert_eq!(m.user_guid.as_deref(), Some("USR-sandbox"));
    assert!(m.is_managed_by_user && !m.is_oauth);
    let job = m.most_recent_job_guid.clone().unwrap_or_default();
    assert!(job.starts_with("JOB-"));
    assert_eq!(m.raw["institution_guid"], h.institution("mxbank")["guid"]);

    h.advance(AGG - 1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true));
    h.advance(1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Connected), true), "syncing");
    let syncing_job: Job = h.read(&HostCall::LoadJob { guid: job.clone() });
    assert!(syncing_job.finished_at.is_none(), "{syncing_job:?}");
    h.advance(SYNC);
    let done = h.load(&m.guid);
    assert_eq!(state(&done), (Some(S::Connected), false));
    assert!(done.error.is_none() && done.mfa.is_empty());
    assert!(done.raw["successfully_aggregated_at"].is_string());
    let j: Job = h.read(&HostCall::LoadJob { guid: job });
    assert_eq!(j.status, Some(i64::from(S::Connected.code())));
    assert_eq!(j.job_type, Some(0));
    assert!(j.finished_at.is_some_and(|t| t > 1_700_000_000));
}

#[test]
fn each_test_password_ends_in_its_documented_state() {
    // Why: these are the credentials partners know from MX's docs; each must land where the docs say.
    // (password, status, is_being_aggregated, error code, MFA field type)
    type Case = (&'static str, S, bool, Option<i64>, Option<i64>);
    let cases: [Case; 12] = [
        ("password", S::Connected, false, None, None),
        ("challenge", S::Challenged, true, None, Some(field_type::TEXT)),
        ("options", S::Challenged, true, None, Some(field_type::OPTIONS)),
        ("image", S::Challenged, true, None, Some(field_type::IMAGE_DATA)),
        ("image_options", S::Challenged, true, None, Some(field_type::IMAGE_OPTIONS)),
        ("account_select", S::Challenged, true, None, Some(field_type::OPTIONS)),
        ("BAD_REQUEST", S::Failed, false, None, None),
        ("SERVER_ERROR", S::Failed, false, Some(3000), None),
        ("UNAVAILABLE", S::Failed, false, Some(3002), None),
        ("UNAUTHORIZED", S::Denied, false, None, None),
        ("INVALID", S::Denied, false, None, None),
        ("LOCKED", S::Denied, false, None, None),
    ];
    for (i, (password, status, aggregating, code, mfa_type)) in cases.into_iter().enumerate() {
        let mut h = harness();
        let m = h.add("mxbank", &format!("test_atrium_{i}"), password);
        let m = h.settled(&m.guid);
        assert_eq!(state(&m), (Some(status), aggregating), "{password}");
        assert_eq!(m.error_code(), code, "{password}");
        assert_eq!(m.mfa.first().map(|c| c.field_type), mfa_type, "{password}");
        if status == S::Failed {
            let message = m.raw["error"]["error_message"].as_str().unwrap_or_default();
            assert!(message.starts_with("HALTED"), "{password}: {message}");
            assert!(m.user_message().is_some_and(|u| !u.is_empty()));
        }
    }
    // Any other password, or the seed password with another username: wrong credentials.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "not-the-password");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Denied), false));
    let m = h.add("mxbank", "someone_else", "password");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Denied), false));
}

#[test]
fn status_trigger_reaches_every_connection_status() {
    // Why: `status:N` is how a person reaches each of the 22 status screens by hand.
    for status in S::ALL {
        for password in [format!("status:{}", status.code()), format!("status:{}", status.name())] {
            let mut h = harness();
            let m = h.add("mxbank", "anyone", &password);
            let m = h.settled(&m.guid);
            assert_eq!(m.connection_status, Some(status), "{password}");
            let expect_aggregating = status.is_processing() || status == S::Challenged;
            assert_eq!(m.is_being_aggregated, expect_aggregating, "{password}");
            assert_eq!(!m.mfa.is_empty(), status == S::Challenged, "{password}: a question only when challenged");
            // Processing statuses stay processing.
            if status.is_processing() {
                h.advance(100.0 * AGG);
                assert_eq!(state(&h.load(&m.guid)), (Some(status), true), "{password}");
            }
        }
    }
}

#[test]
fn error_trigger_sets_the_code_and_a_fitting_status() {
    // Why: each actionable error code has its own screen; `error:CODE` must reach it.
    for code in ERROR_CODES {
        let mut h = harness();
        let m = h.add("mxbank", "anyone", &format!("error:{code}"));
        let m = h.settled(&m.guid);
        let expected = match code {
            1000..=1002 => S::Connected,
            2001..=2003 => S::Challenged,
            2004 | 2005 => S::Denied,
            _ => S::Failed,
        };
        assert_eq!(m.connection_status, Some(expected), "error:{code}");
        assert_eq!(m.error_code(), Some(code));
        assert!(m.user_message().is_some_and(|u| !u.is_empty()));
        assert_eq!(m.is_being_aggregated, expected == S::Challenged, "error:{code}");
        assert_eq!(m.mfa.is_empty(), expected != S::Challenged, "error:{code}");
        if expected == S::Challenged {
            h.answer(&m, "correct");
            let connected = h.settled(&m.guid);
            assert_eq!(state(&connected), (Some(S::Connected), false));
            assert_eq!(connected.error_code(), None, "a correct answer clears the error");
        }
    }
    // An undocumented code still works: FAILED with that code.
    let mut h = harness();
    let m = h.add("mxbank", "anyone", "error:4242");
    let m = h.settled(&m.guid);
    assert_eq!((m.connection_status, m.error_code()), (Some(S::Failed), Some(4242)));
}

#[test]
fn the_same_login_twice_is_a_409_carrying_the_existing_member() {
    // Why: the widget's "member already exists" path needs `response.data.guid`.
    let mut h = harness();
    let first = h.add("mxbank", "test_atrium", "password");
    let again = h.add_call("mxbank", "TEST_ATRIUM", "challenge");
    let e = h.call(&again).err();
    assert_eq!(e.as_ref().and_then(HostError::status), Some(409));
    assert_eq!(e.as_ref().and_then(HostError::data_guid), Some(first.guid.clone()));
    assert!(
        matches!(&e, Some(HostError::Rejected { callback: "addMember", data, .. }) if *data == json!({"guid": first.guid}))
    );
    // Another username, or the same username at another institution, is a new member.
    assert_ne!(h.add("mxbank", "test_atrium_2", "password").guid, first.guid);
    assert_ne!(h.add("mx_bank_oauth", "test_atrium", "password").guid, first.guid);
    // After deleting the first one, the login is free again.
    h.ok(&HostCall::DeleteMember { member: first.raw.clone() });
    assert!(h.call(&again).is_ok());
}

#[test]
fn run_job_is_409_while_aggregating_and_restarts_a_finished_member() {
    // Why: the connecting step treats 409 as "already running"; a finished member must re-aggregate.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "password");
    let busy = h.run_job(&m.guid);
    assert!(matches!(&busy, Err(e) if e.status() == Some(409)), "{busy:?}");
    h.advance(AGG);
    assert_eq!(h.run_job(&m.guid).err().and_then(|e| e.status()), Some(409), "still syncing");
    h.advance(SYNC);
    let started = h.ok(&HostCall::RunJob { job_type: 1, member_guid: m.guid.clone() });
    let new_job = started["job_guid"].as_str().unwrap_or_default().to_string();
    assert_ne!(Some(new_job.clone()), m.most_recent_job_guid);
    assert_eq!(started["status"], S::Reconnected.code());
    let running = h.load(&m.guid);
    assert_eq!(state(&running), (Some(S::Reconnected), true));
    assert_eq!(running.most_recent_job_guid.as_deref(), Some(new_job.as_str()));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    assert_eq!(h.read::<Job>(&HostCall::LoadJob { guid: new_job }).job_type, Some(1));
    // The old job keeps its final state.
    let old = m.most_recent_job_guid.clone().unwrap_or_default();
    let old_job: Job = h.read(&HostCall::LoadJob { guid: old });
    assert!(old_job.status == Some(6) && old_job.finished_at.is_some(), "{old_job:?}");
    let unknown = HostCall::RunJob { job_type: 0, member_guid: "MBR-nope".into() };
    assert_eq!(h.rejected(&unknown).0, Some(404));
}

#[test]
fn update_member_rederives_the_outcome_from_the_new_password() {
    // Why: DENIED → "re-enter your credentials" must be able to succeed.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "typo");
    let denied = h.settled(&m.guid);
    assert_eq!(state(&denied), (Some(S::Denied), false));
    let creds: Vec<CredentialField> = h.read(&HostCall::GetMemberCredentials { member_guid: m.guid.clone() });
    assert_eq!(creds.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["Username", "Password"]);
    let (_, credentials) = h.login("mxbank", "test_atrium", "password");
    let updated: Member = h.read(&HostCall::UpdateMember { member: denied.raw.clone(), credentials });
    assert_eq!(state(&updated), (Some(S::Updated), true));
    assert_ne!(updated.most_recent_job_guid, denied.most_recent_job_guid);
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn delete_removes_the_member_and_an_unknown_member_is_404() {
    // Why: "Disconnect this institution" must really remove it, and a second delete must fail cleanly.
    let mut h = harness();
    let a = h.add("mxbank", "test_atrium_a", "password");
    let b = h.add("mxbank", "test_atrium_b", "password");
    assert_eq!(h.read::<Vec<Member>>(&HostCall::LoadMembers).len(), 2);
    let deleted = h.ok(&HostCall::DeleteMember { member: a.raw.clone() });
    assert_eq!(deleted["guid"], json!(a.guid));
    let left: Vec<Member> = h.read(&HostCall::LoadMembers);
    assert_eq!(left.iter().map(|m| m.guid.as_str()).collect::<Vec<_>>(), [b.guid.as_str()]);
    let (status, data) = h.rejected(&HostCall::DeleteMember { member: a.raw.clone() });
    assert_eq!((status, data), (Some(404), json!({"guid": a.guid})));
    assert_eq!(h.rejected(&HostCall::LoadMemberByGuid { guid: a.guid.clone() }).0, Some(404));
    assert_eq!(h.rejected(&HostCall::DeleteMember { member: json!({}) }).0, Some(400));
}

#[test]
fn bad_credentials_and_blocked_institutions_are_refused_like_a_host_would() {
    // Why: the credentials form shows a host's 4xx; the sandbox must produce them for the right reasons.
    let mut h = harness();
    let (institution, mut credentials) = h.login("mxbank", "test_atrium", "password");
    let institution_guid = institution["guid"].as_str().unwrap_or_default().to_string();
    let add = |credentials: Vec<CredentialValue>| HostCall::AddMember {
        institution: institution.clone(),
        institution_guid: institution_guid.clone(),
        credentials,
        is_oauth: false,
    };
    credentials[1].value = Some(Secret::new(""));
    assert_eq!(h.rejected(&add(credentials.clone())).0, Some(400), "blank password");
    assert_eq!(h.rejected(&add(credentials[..1].to_vec())).0, Some(400), "missing password");
    let foreign = vec![CredentialValue { guid: "CRD-foreign".into(), value: Some(Secret::new("x")) }];
    assert_eq!(h.rejected(&add(foreign)).0, Some(400), "credential of another institution");
    let unknown = HostCall::AddMember {
        institution: json!({}),
        institution_guid: "INS-nope".into(),
        credentials: vec![],
        is_oauth: false,
    };
    assert_eq!(h.rejected(&unknown).0, Some(404));

    let blocked = h.add_call("client_blocked_bank", "test_atrium", "password");
    assert_eq!(h.rejected(&blocked).0, Some(403));
    // The aggregator cannot reach an unavailable institution: FAILED, 3002.
    let m = h.add("unavailable_bank", "test_atrium", "password");
    let m = h.settled(&m.guid);
    assert_eq!((m.connection_status, m.error_code()), (Some(S::Failed), Some(3002)));
}
