//! Reading every response example of the host API contract, in its documented envelope
//! and bare, as the type the widget expects (`FromHost`), and checking each
//! reads as what its callback answers (`check_answer`); malformed answers are
//! errors — natively, no browser.
//! (The contract's own examples have typos — missing commas, `https:/` — these are
//! the same data written as valid JSON.)
#![cfg(not(target_arch = "wasm32"))]

use connect_widget::host::{
    check_answer, CreatedAccount, FromHost, HostCall, HostError, InstitutionQuery, MicrodepositChange,
    MicrodepositDetails, OAuthWindowUri, RoutingNumberCheck, SupportTicket,
};
use connect_widget::model::{
    ConnectionStatus, CredentialField, Institution, Job, Member, Microdeposit, MicrodepositStatus, OAuthState,
};
use serde_json::{json, Value};

/// `answer` read as `T`, once `check_answer` agrees it reads as what `call` answers.
fn read<T: FromHost>(call: &HostCall, answer: &Value) -> Result<T, String> {
    check_answer(call, answer).map_err(|e| format!("{} does not accept {answer}: {e}", call.name()))?;
    T::from_host(answer)
}

/// Whether `answer` is refused for `call`, both by `check_answer` and when read as `T`,
/// each with a message saying what was wrong.
fn refused<T: FromHost>(call: &HostCall, answer: &Value) -> bool {
    let checked = check_answer(call, answer);
    let read = T::from_host(answer);
    checked.is_err_and(|e| !e.is_empty()) && read.is_err_and(|e| !e.is_empty())
}

fn member_example() -> Value {
    json!({"aggregated_at": "2016-10-13T18:07:57.000Z", "background_aggregation_is_disabled": false,
           "connection_status": "CONNECTED", "guid": "MBR-123", "id": "unique_id", "institution_code": "testbank",
           "is_being_aggregated": false, "is_managed_by_user": false, "is_manual": false, "is_oauth": false,
           "metadata": "\"credentials_last_refreshed_at\": \"2015-10-15\"", "most_recent_job_detail_code": null,
           "most_recent_job_detail_text": "", "name": "Test Bank",
           "oauth_window_uri": "https://testbank.com/oauth/authorize?client_id=b8O&state=d745",
           "successfully_aggregated_at": "2016-10-13T17:57:38.000Z", "user_guid": "USR-123", "user_id": "user123",
           "error": {"error_code": 1000, "error_message": "Test error message.", "error_type": "MEMBER",
                     "locale": "en", "user_message": "Test user message."}})
}

fn institution_example() -> Value {
    json!({"account_verification_is_enabled": true, "code": "gringotts",
           "forgot_password_credential_recovery_url": "https:/testbank.com/forgot_password",
           "forgot_username_credential_recovery_url": null, "guid": "INS-f1a3285d-e855-b68f-6aa7-8ae775c0e0e9",
           "login_url": null, "name": "Gringotts", "popularity": 32685, "supports_oauth": false,
           "tax_statement_is_enabled": false,
           "trouble_signing_credential_recovery_url": "https:/testbank.com/forgot_password", "url": "https:/testbank.com"})
}

fn microdeposit_example() -> Value {
    json!({"account_name": "Test Checking", "account_number": "123456789", "account_type": 1, "can_auto_verify": false,
           "deposit_expected_at": "2023-04-13T09:00:00+00:00", "email": "test@test.com", "first_name": "First",
           "guid": "MIC-123", "last_name": "Last", "routing_number": "123456789", "status": 0,
           "status_name": "INITIATED", "updated_at": "1681151550", "user_guid": "USR-123"})
}

fn oauth_state_example() -> Value {
    json!({"guid": "OAS-1", "auth_status": 1, "created_at": "2023-07-27T20:13:44+00:00", "error_reason": null,
           "first_retrieved_at": null, "inbound_member_guid": null, "outbound_member_guid": "MBR-1",
           "updated_at": "2023-07-27T20:13:44+00:00", "user_guid": "USR-1"})
}

fn credentials_example() -> Value {
    json!([{"display_order": 2, "field_name": "PASSWORD", "field_type": 1, "guid": "CRD-456", "label": "Password",
            "meta_data": null, "optional": false, "options": null},
           {"display_order": 1, "field_name": "LOGIN", "field_type": 3, "guid": "CRD-123", "label": "Username",
            "meta_data": null, "optional": false, "options": null}])
}

fn member_calls() -> Vec<HostCall> {
    vec![
        HostCall::AddMember {
            institution: json!({}),
            institution_guid: "INS-1".into(),
            credentials: vec![],
            is_oauth: false,
        },
        HostCall::UpdateMember { member: json!({}), credentials: vec![] },
        HostCall::UpdateMfa { member: json!({}), credentials: vec![] },
        HostCall::LoadMemberByGuid { guid: "MBR-123".into() },
    ]
}

fn institution_list_calls() -> Vec<HostCall> {
    vec![
        HostCall::LoadInstitutions(InstitutionQuery {
            search_name: Some("grin".into()),
            page: 1,
            per_page: 25,
            ..Default::default()
        }),
        HostCall::LoadPopularInstitutions { per_page: 25, iso_country_code: None, filters: vec![] },
        HostCall::LoadDiscoveredInstitutions { per_page: 25, iso_country_code: None, filters: vec![] },
    ]
}

fn microdeposit_calls() -> Vec<HostCall> {
    vec![
        HostCall::CreateMicrodeposit(MicrodepositDetails::default()),
        HostCall::LoadMicrodepositByGuid { guid: "MIC-123".into() },
        HostCall::UpdateMicrodeposit { guid: "MIC-123".into(), change: MicrodepositChange::Resend },
    ]
}

// addMember, updateMember, updateMFA, loadMemberByGuid: `{member}` and the bare member read the same.
#[test]
fn member_answers_in_both_shapes() {
    for call in member_calls() {
        for answer in [json!({"member": member_example()}), member_example()] {
            let read = read::<Member>(&call, &answer);
            let Ok(m) = read else { panic!("{} did not read {answer}: {read:?}", call.name()) };
            assert_eq!(m.guid, "MBR-123");
            assert_eq!(m.connection_status, Some(ConnectionStatus::Connected));
            assert_eq!(m.error_code(), Some(1000));
            assert_eq!(m.user_message(), Some("Test user message."));
        }
        // The React widget's hosts send the status as a number.
        let mut numeric = member_example();
        numeric["connection_status"] = json!(6);
        let m = read::<Member>(&call, &numeric);
        assert!(m.as_ref().is_ok_and(|m| m.connection_status == Some(ConnectionStatus::Connected)), "{m:?}");
    }
}

// loadMembers: `{members: [...]}` (the host API contract) and a bare array (the reference's code).
#[test]
fn member_lists_in_both_shapes() {
    for answer in [json!({"members": [member_example()]}), json!([member_example()])] {
        let list = read::<Vec<Member>>(&HostCall::LoadMembers, &answer);
        assert!(list.as_ref().is_ok_and(|l| l.len() == 1 && l[0].guid == "MBR-123"), "{answer}: {list:?}");
    }
}

// Institution lists are bare arrays in the host API contract; `{institutions: [...]}` is accepted too.
#[test]
fn institution_lists_in_both_shapes() {
    for call in institution_list_calls() {
        for answer in [json!([institution_example()]), json!({"institutions": [institution_example()]})] {
            let read = read::<Vec<Institution>>(&call, &answer);
            let Ok(list) = read else { panic!("{} {answer}: {read:?}", call.name()) };
            assert_eq!(list.len(), 1);
            assert_eq!(list[0].name, "Gringotts");
            assert_eq!(list[0].code.as_deref(), Some("gringotts"));
            assert_eq!(list[0].forgot_password_url.as_deref(), Some("https:/testbank.com/forgot_password"));
        }
    }
}

// loadInstitutionByGuid/Code: the bare institution (the host API contract) or `{institution}`.
#[test]
fn one_institution_in_both_shapes() {
    for call in [
        HostCall::LoadInstitutionByGuid { guid: "INS-1".into() },
        HostCall::LoadInstitutionByCode { code: "gringotts".into() },
    ] {
        for answer in [institution_example(), json!({"institution": institution_example()})] {
            let i = read::<Institution>(&call, &answer);
            assert!(i.as_ref().is_ok_and(|i| i.guid.starts_with("INS-f1a3")), "{} {answer}: {i:?}", call.name());
        }
    }
}

// Credentials: `{credentials: [...]}` (the host API contract) or a bare array (the reference), sorted by display_order.
#[test]
fn credentials_in_both_shapes_sorted() {
    for call in [
        HostCall::GetInstitutionCredentials { institution_guid: "INS-1".into() },
        HostCall::GetMemberCredentials { member_guid: "MBR-1".into() },
    ] {
        for answer in [json!({"credentials": credentials_example()}), credentials_example()] {
            let read = read::<Vec<CredentialField>>(&call, &answer);
            let Ok(fields) = read else { panic!("{answer}: {read:?}") };
            let labels: Vec<&str> = fields.iter().map(|f| f.label.as_str()).collect();
            assert_eq!(labels, ["Username", "Password"]);
            assert!(fields[1].is_password() && fields[0].is_username());
        }
    }
}

// Jobs, OAuth states, the OAuth window, microdeposits, routing numbers and the rest.
#[test]
fn every_other_callback_example_decodes() {
    let job = json!({"guid": "JOB-1", "job_type": 0, "status": 6, "finished_at": 1682356863});
    for answer in [job.clone(), json!({"job": job})] {
        let j = read::<Job>(&HostCall::LoadJob { guid: "JOB-1".into() }, &answer);
        assert!(j.as_ref().is_ok_and(|j| j.status == Some(6)), "{answer}: {j:?}");
    }
    let run = HostCall::RunJob { job_type: 0, member_guid: "MBR-1".into() };
    assert_eq!(read::<()>(&run, &json!({"job_guid": "MBR-1", "status": 6})), Ok(()));

    let states = HostCall::LoadOAuthStates { outbound_member_guid: "MBR-1".into() };
    for answer in [json!([oauth_state_example()]), json!({"oauth_states": [oauth_state_example()]})] {
        let s = read::<Vec<OAuthState>>(&states, &answer);
        assert!(s.as_ref().is_ok_and(|s| s.len() == 1 && s[0].auth_status == Some(1)), "{answer}: {s:?}");
    }
    let state = HostCall::LoadOAuthState { guid: "OAS-1".into() };
    for answer in [json!({"oauth_state": oauth_state_example()}), oauth_state_example()] {
        let s = read::<OAuthState>(&state, &answer);
        assert!(s.as_ref().is_ok_and(|s| s.outbound_member_guid.as_deref() == Some("MBR-1")), "{answer}: {s:?}");
    }
    let uri = HostCall::GetOAuthWindowUri { member_guid: "MBR-123".into() };
    let answer =
        json!({"guid": "MBR-123", "oauth_window_uri": "https:/testbank.com/oauth/authorize?client_id=Q&state=3"});
    let u = read::<OAuthWindowUri>(&uri, &answer);
    assert!(u.as_ref().is_ok_and(|OAuthWindowUri(u)| u.contains("oauth/authorize")), "{u:?}");

    for call in microdeposit_calls() {
        for answer in [microdeposit_example(), json!({"micro_deposit": microdeposit_example()})] {
            let m = read::<Microdeposit>(&call, &answer);
            assert!(
                m.as_ref().is_ok_and(|m| m.guid == "MIC-123" && m.status == Some(MicrodepositStatus::Initiated)),
                "{answer}: {m:?}"
            );
        }
    }
    let routing = HostCall::VerifyRoutingNumber { routing_number: "123456789".into(), include_identity: false };
    assert_eq!(read(&routing, &json!({})), Ok(RoutingNumberCheck { blocked_reason: None }));
    let blocked = json!({"guid": null, "reason": 3, "reason_name": "IAV_PREFERRED"});
    for answer in [json!({"blockedRoutingNumber": blocked}), json!({"blocked_routing_number": blocked})] {
        assert_eq!(read(&routing, &answer), Ok(RoutingNumberCheck { blocked_reason: Some("IAV_PREFERRED".into()) }));
    }
    let account = HostCall::CreateAccount { account: json!({}) };
    let a = read::<CreatedAccount>(&account, &json!({"guid": "ACC-123", "account_type": "CHECKING"}));
    assert!(a.as_ref().is_ok_and(|CreatedAccount(a)| a["guid"] == "ACC-123"), "{a:?}");
    // Answers the widget does not read: anything, including nothing, is fine.
    for call in [
        HostCall::DeleteMember { member: json!({}) },
        HostCall::OAuthStart { member: json!({}) },
        HostCall::CreateSupportTicket(SupportTicket { email: "a@b.co".into(), title: "t".into(), message: "m".into() }),
        HostCall::RefreshMicrodepositStatus { guid: "MIC-123".into() },
        HostCall::VerifyMicrodeposit { guid: "MIC-123".into(), amount_1: "07".into(), amount_2: "03".into() },
        HostCall::UpdateUserProfile { profile: json!({}) },
    ] {
        for answer in [json!({"guid": "MBR-123"}), json!({}), Value::Null] {
            assert_eq!(read::<()>(&call, &answer), Ok(()), "{}", call.name());
        }
    }
}

// Every documented error shape keeps its HTTP-like status and data.
#[test]
fn every_documented_error_shape() {
    let cases = [
        (json!({"response": {"status": 400}}), Some(400), None),
        (json!({"response": {"status": 409, "data": {"guid": "MBR-123"}}}), Some(409), Some("MBR-123")),
        (json!({"response": {"status": 404, "data": {"message": "Test message here"}}}), Some(404), None),
        (json!({"status": 404, "data": {"guid": "MBR-123"}}), Some(404), Some("MBR-123")),
        (
            json!({"response": {"data": {"message": "Test message here"}, "status": 403}, "config": {"url": "www.test.com/x"}}),
            Some(403),
            None,
        ),
    ];
    for (reason, status, guid) in cases {
        let e = HostError::from_rejection("addMember", &reason, None);
        assert_eq!(e.status(), status, "{reason}");
        assert_eq!(e.data_guid().as_deref(), guid, "{reason}");
    }
    // VerifyNotEnabled: an Error instance with extra fields, no status.
    let e = HostError::from_rejection(
        "loadMembers",
        &json!({"entity_type": "member", "name": "VerifyNotEnabled"}),
        Some("This connection doesn't support verification.".into()),
    );
    assert!(matches!(e, HostError::Failed { ref message, .. } if message.contains("verification")));
}

// Garbage is refused with a message (the flow reports it as `HostError::Malformed`), never a panic.
#[test]
fn malformed_answers_are_errors() {
    let garbage =
        [json!(42), json!("x"), json!(true), json!(null), json!({"member": "MBR-1"}), json!({"name": "no guid"})];
    for call in member_calls() {
        for answer in &garbage {
            assert!(refused::<Member>(&call, answer), "{} {answer}", call.name());
        }
    }
    for call in institution_list_calls() {
        for answer in [json!(42), json!("x"), json!({"institutions": 3}), json!(null), json!({})] {
            assert!(refused::<Vec<Institution>>(&call, &answer), "{answer}");
        }
        // One bad entry is skipped; the rest of the list is kept.
        let mixed = json!([institution_example(), {"name": "no guid"}, 7]);
        let list = read::<Vec<Institution>>(&call, &mixed);
        assert!(list.as_ref().is_ok_and(|l| l.len() == 1), "{list:?}");
    }
    let creds = HostCall::GetInstitutionCredentials { institution_guid: "INS-1".into() };
    assert!(refused::<Vec<CredentialField>>(&creds, &json!({"credentials": {"a": 1}})));
    let uri = HostCall::GetOAuthWindowUri { member_guid: "MBR-1".into() };
    assert!(refused::<OAuthWindowUri>(&uri, &json!({"guid": "MBR-1"})));
    assert!(refused::<Job>(&HostCall::LoadJob { guid: "J".into() }, &json!([1])));
    assert!(refused::<Vec<Member>>(&HostCall::LoadMembers, &json!({"members": "none"})));
    // `check_answer` goes by the callback: another callback's answer is refused.
    assert!(refused::<Vec<Member>>(&HostCall::LoadMembers, &member_example()));
    assert!(refused::<Member>(&HostCall::LoadMemberByGuid { guid: "MBR-1".into() }, &json!([member_example()])));
    assert!(refused::<Vec<CredentialField>>(&creds, &institution_example()));
}
