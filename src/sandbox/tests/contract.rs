//! The host contract as a whole: every callback answered and readable,
//! failures typed, nothing secret echoed, options read leniently.

use super::*;
use crate::host::{CreatedAccount, OAuthWindowUri, RoutingNumberCheck, SupportTicket};
use crate::model::{Institution, Job, Microdeposit, OAuthState};

#[test]
fn every_answer_reads_as_what_its_callback_answers() {
    // Why: this proves the sandbox speaks the same contract as a partner's host object.
    // (The harness also runs `check_answer` on every successful answer.)
    let mut h = harness();
    let institution = h.institution("mxbank");
    let institution_guid = institution["guid"].as_str().unwrap_or_default().to_string();
    let m = h.add("mxbank", "test_atrium", "password");
    let job = m.most_recent_job_guid.clone().unwrap_or_default();
    let oauth_institution = h.institution("mx_bank_oauth");
    let o: Member = h.read(&HostCall::AddMember {
        institution_guid: oauth_institution["guid"].as_str().unwrap_or_default().into(),
        institution: oauth_institution,
        credentials: vec![],
        is_oauth: true,
    });
    let states: Vec<OAuthState> = h.read(&HostCall::LoadOAuthStates { outbound_member_guid: o.guid.clone() });
    let state_guid = states.first().map(|s| s.guid.clone()).unwrap_or_default();
    let create = create_microdeposit("123456780", "1234");
    let md = h.ok(&create);
    let md_guid = md["micro_deposit"]["guid"].as_str().unwrap_or_default().to_string();
    let (_, credentials) = h.login("mxbank", "test_atrium", "password");

    // Each check reads the answer as the type the widget expects for that callback.
    type Check = fn(&mut Harness, &HostCall) -> bool;
    let calls: Vec<(HostCall, Check)> = vec![
        (HostCall::LoadMembers, |h, c| h.read::<Vec<Member>>(c).len() == 2),
        (HostCall::LoadMemberByGuid { guid: m.guid.clone() }, |h, c| h.read::<Member>(c).guid.starts_with("MBR-")),
        (HostCall::LoadJob { guid: job }, |h, c| h.read::<Job>(c).guid.starts_with("JOB-")),
        (HostCall::GetMemberCredentials { member_guid: m.guid.clone() }, |h, c| {
            h.read::<Vec<CredentialField>>(c).len() == 2
        }),
        (HostCall::GetInstitutionCredentials { institution_guid: institution_guid.clone() }, |h, c| {
            h.read::<Vec<CredentialField>>(c).len() == 2
        }),
        (search("mx", 1, 25), |h, c| !h.read::<Vec<Institution>>(c).is_empty()),
        (HostCall::LoadInstitutionByGuid { guid: institution_guid.clone() }, |h, c| {
            h.read::<Institution>(c).name == "MX Bank"
        }),
        (HostCall::LoadInstitutionByCode { code: "mxbank".into() }, |h, c| h.read::<Institution>(c).name == "MX Bank"),
        (HostCall::LoadPopularInstitutions { per_page: 25, iso_country_code: None, filters: vec![] }, |h, c| {
            h.read::<Vec<Institution>>(c).len() == 25
        }),
        (HostCall::LoadDiscoveredInstitutions { per_page: 25, iso_country_code: None, filters: vec![] }, |h, c| {
            !h.read::<Vec<Institution>>(c).is_empty()
        }),
        (HostCall::LoadOAuthStates { outbound_member_guid: o.guid.clone() }, |h, c| {
            h.read::<Vec<OAuthState>>(c).len() == 1
        }),
        (HostCall::LoadOAuthState { guid: state_guid }, |h, c| h.read::<OAuthState>(c).auth_status == Some(1)),
        (HostCall::OAuthStart { member: o.raw.clone() }, |h, c| h.done(c)),
        (HostCall::GetOAuthWindowUri { member_guid: o.guid.clone() }, |h, c| {
            h.read::<OAuthWindowUri>(c).0.starts_with("https://")
        }),
        (HostCall::CreateAccount { account: json!({"account_type": "CHECKING", "name": "Cash"}) }, |h, c| {
            let CreatedAccount(a) = h.read(c);
            a["guid"].as_str().is_some_and(|g| g.starts_with("ACC-")) && a["account_type"] == "CHECKING"
        }),
        (create_microdeposit("123456780", "5678"), |h, c| h.read::<Microdeposit>(c).guid.starts_with("MIC-")),
        (HostCall::LoadMicrodepositByGuid { guid: md_guid.clone() }, |h, c| {
            h.read::<Microdeposit>(c).guid.starts_with("MIC-")
        }),
        (
            HostCall::UpdateMicrodeposit {
                guid: md_guid.clone(),
                change: crate::host::MicrodepositChange::Details(crate::host::MicrodepositDetails {
                    routing_number: "123456780".into(),
                    account_number: Secret::new("4321"),
                    ..Default::default()
                }),
            },
            |h, c| h.read::<Microdeposit>(c).account_mask.as_deref() == Some("*4321"),
        ),
        (HostCall::RefreshMicrodepositStatus { guid: md_guid.clone() }, |h, c| h.done(c)),
        (HostCall::VerifyRoutingNumber { routing_number: "123456780".into(), include_identity: false }, |h, c| {
            h.read::<RoutingNumberCheck>(c).blocked_reason.is_none()
        }),
        (
            HostCall::CreateSupportTicket(SupportTicket {
                email: "a@example.com".into(),
                title: "t".into(),
                message: "m".into(),
            }),
            |h, c| h.done(c),
        ),
        (
            HostCall::UpdateUserProfile {
                profile: json!({"too_small_modal_dismissed_at": "2024-01-01T00:00:00+00:00"}),
            },
            |h, c| h.done(c),
        ),
        (HostCall::UpdateMember { member: m.raw.clone(), credentials }, |h, c| {
            h.read::<Member>(c).connection_status == Some(S::Updated)
        }),
    ];
    for (call, check) in &calls {
        assert!(check(&mut h, call), "{}: unexpected answer", call.name());
    }
    // The time-dependent ones: runJob, updateMFA, verifyMicrodeposit, deleteMember, addMember.
    h.advance(SETTLE);
    assert!(h.done(&HostCall::RunJob { job_type: 0, member_guid: m.guid.clone() }));
    let c = h.add("mxbank", "test_atrium_mfa", "challenge");
    let c = h.settled(&c.guid);
    let mfa_call = HostCall::UpdateMfa {
        member: c.raw.clone(),
        credentials: vec![CredentialValue { guid: c.mfa[0].guid.clone(), value: Some(Secret::new("correct")) }],
    };
    assert_eq!(h.read::<Member>(&mfa_call).connection_status, Some(S::Resumed));
    let verify = HostCall::VerifyMicrodeposit { guid: md_guid, amount_1: "07".into(), amount_2: "03".into() };
    assert!(h.done(&verify));
    assert!(h.done(&HostCall::DeleteMember { member: c.raw.clone() }));
    let covered: std::collections::HashSet<&str> = calls
        .iter()
        .map(|(c, _)| c.name())
        .chain(["runJob", "updateMFA", "verifyMicrodeposit", "deleteMember", "addMember"])
        .collect();
    assert_eq!(covered.len(), crate::host::CALLBACK_NAMES.len(), "every callback is exercised");
}

#[test]
fn unknown_ids_are_404s_and_odd_input_never_panics() {
    // Why: the sandbox must fail like a host (a typed rejection), never crash the widget.
    let mut h = harness();
    let nope = || "NOPE-0".to_string();
    let member = json!({"guid": nope()});
    let not_found = [
        HostCall::LoadMemberByGuid { guid: nope() },
        HostCall::UpdateMember { member: member.clone(), credentials: vec![] },
        HostCall::UpdateMfa { member: member.clone(), credentials: vec![] },
        HostCall::DeleteMember { member: member.clone() },
        HostCall::LoadOAuthState { guid: nope() },
        HostCall::OAuthStart { member: member.clone() },
        HostCall::LoadInstitutionByGuid { guid: nope() },
        HostCall::LoadInstitutionByCode { code: nope() },
        HostCall::LoadMicrodepositByGuid { guid: nope() },
        HostCall::UpdateMicrodeposit { guid: nope(), change: crate::host::MicrodepositChange::Resend },
        HostCall::RefreshMicrodepositStatus { guid: nope() },
        HostCall::VerifyMicrodeposit { guid: nope(), amount_1: "1".into(), amount_2: "2".into() },
        HostCall::LoadJob { guid: nope() },
        HostCall::RunJob { job_type: 0, member_guid: nope() },
        HostCall::GetInstitutionCredentials { institution_guid: nope() },
        HostCall::GetMemberCredentials { member_guid: nope() },
        HostCall::GetOAuthWindowUri { member_guid: nope() },
    ];
    for call in &not_found {
        assert_eq!(h.rejected(call).0, Some(404), "{}", call.name());
    }
    assert_eq!(h.rejected(&HostCall::UpdateMfa { member: json!("MBR"), credentials: vec![] }).0, Some(400));
    assert_eq!(h.rejected(&HostCall::CreateAccount { account: json!(null) }).0, Some(400));
    // Answering a member that is not challenged.
    let m = h.add("mxbank", "test_atrium", "password");
    assert_eq!(h.rejected(&HostCall::UpdateMfa { member: m.raw.clone(), credentials: vec![] }).0, Some(409));
    // Odd clocks and paging values.
    h.now = f64::NAN;
    assert!(h.call(&HostCall::LoadMemberByGuid { guid: m.guid.clone() }).is_ok());
    h.now = -1e300;
    assert!(h.call(&HostCall::LoadMembers).is_ok());
    h.now = 0.0;
    assert!(names(&h.ok(&search("bank", u32::MAX, u32::MAX))).is_empty());
    let empty = HostCall::LoadInstitutions(InstitutionQuery::default());
    assert_eq!(names(&h.ok(&empty)).len(), 25, "no query lists by popularity, 25 a page");
}

#[test]
fn replies_never_echo_credentials_or_mfa_answers() {
    // Why: credentials and MFA answers never leave the user's input, even in a sandbox.
    let mut h = harness();
    let mut seen = Vec::new();
    let username = "test_atrium_leak_probe_7731";
    let add = h.add_call("mxbank", username, "challenge");
    seen.push(h.ok(&add));
    let guid = seen[0]["member"]["guid"].as_str().unwrap_or_default().to_string();
    h.advance(SETTLE);
    let challenged = h.load(&guid);
    let wrong = "wrong-answer-5521";
    seen.push(h.ok(&HostCall::UpdateMfa {
        member: challenged.raw.clone(),
        credentials: vec![CredentialValue { guid: challenged.mfa[0].guid.clone(), value: Some(Secret::new(wrong)) }],
    }));
    h.advance(SETTLE);
    let denied = h.add_call("mxbank", "someone", "hunter2-secret-9917");
    seen.push(h.ok(&denied));
    h.advance(SETTLE);
    seen.push(h.ok(&HostCall::LoadMembers));
    seen.push(h.ok(&HostCall::GetMemberCredentials { member_guid: guid.clone() }));
    seen.push(h.ok(&HostCall::DeleteMember { member: challenged.raw }));
    let text = serde_json::to_string(&seen).unwrap_or_default();
    for secret in [username, wrong, "hunter2-secret-9917", "someone"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert!(!format!("{:?}", h.sandbox).contains(username), "nor is it kept in the sandbox's state");
}

#[test]
fn support_ticket_fails_only_for_fail_at_example_com() {
    // Why: the support form's failure path must be reachable by hand.
    let mut h = harness();
    let ticket = |email: &str| {
        HostCall::CreateSupportTicket(SupportTicket {
            email: email.into(),
            title: "Help".into(),
            message: "It broke".into(),
        })
    };
    assert!(h.done(&ticket("me@example.com")));
    assert_eq!(h.rejected(&ticket(" Fail@Example.com ")).0, Some(500));
}

#[test]
fn options_read_from_json_keep_defaults_for_bad_values() {
    // Why: the page may pass sandbox timings from JS; garbage must not break the sandbox.
    let o = SandboxOptions::from_json(
        &json!({"aggregation_ms": 10, "sync_ms": "5", "mfa_timeout_ms": -1, "oauth_auto_authorize_ms": 300, "oauth_window_base_url": "javascript:alert(1)", "user_guid": "USR-1"}),
    );
    assert_eq!(o.aggregation_ms, 10.0);
    assert_eq!(o.sync_ms, 5.0);
    assert_eq!(o.mfa_timeout_ms, SandboxOptions::default().mfa_timeout_ms);
    assert_eq!(o.oauth_auto_authorize_ms, Some(300.0));
    assert_eq!(o.oauth_window_base_url, SandboxOptions::default().oauth_window_base_url, "https only");
    assert_eq!(o.user_guid, "USR-1");
    assert_eq!(SandboxOptions::from_json(&json!(null)), SandboxOptions::default());
}
