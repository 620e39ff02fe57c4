//! Decoding every response example of seed 000, in its documented envelope and
//! bare, and malformed answers into `HostError` — natively, no browser.
//! (The seed's examples have typos — missing commas, `https:/` — these are
//! the same data written as valid JSON.)
#![cfg(not(target_arch = "wasm32"))]

use connect_widget::host::{decode, HostCall, HostError, InstitutionQuery, Reply, SupportTicket};
use connect_widget::model::ConnectionStatus;
use serde_json::{json, Value};

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
        HostCall::CreateMicrodeposit { microdeposit: json!({}) },
        HostCall::LoadMicrodepositByGuid { guid: "MIC-123".into() },
        HostCall::UpdateMicrodeposit { guid: "MIC-123".into(), data: json!({}) },
    ]
}

// addMember, updateMember, updateMFA, loadMemberByGuid: `{member}` and the bare member read the same.
#[test]
fn member_answers_in_both_shapes() {
    for call in member_calls() {
        for answer in [json!({"member": member_example()}), member_example()] {
            let Ok(Reply::Member(m)) = decode(&call, &answer) else {
                panic!("{} did not decode {answer}", call.name())
            };
            assert_eq!(m.guid, "MBR-123");
            assert_eq!(m.connection_status, Some(ConnectionStatus::Connected));
            assert_eq!(m.error_code(), Some(1000));
            assert_eq!(m.user_message(), Some("Test user message."));
        }
        // The React widget's hosts send the status as a number.
        let mut numeric = member_example();
        numeric["connection_status"] = json!(6);
        assert!(
            matches!(decode(&call, &numeric), Ok(Reply::Member(m)) if m.connection_status == Some(ConnectionStatus::Connected))
        );
    }
}

// loadMembers: `{members: [...]}` (seed 000) and a bare array (the reference's code).
#[test]
fn member_lists_in_both_shapes() {
    for answer in [json!({"members": [member_example()]}), json!([member_example()])] {
        assert!(
            matches!(decode(&HostCall::LoadMembers, &answer), Ok(Reply::Members(list)) if list.len() == 1 && list[0].guid == "MBR-123")
        );
    }
}

// Institution lists are bare arrays in seed 000; `{institutions: [...]}` is accepted too.
#[test]
fn institution_lists_in_both_shapes() {
    for call in institution_list_calls() {
        for answer in [json!([institution_example()]), json!({"institutions": [institution_example()]})] {
            let Ok(Reply::Institutions(list)) = decode(&call, &answer) else { panic!("{} {answer}", call.name()) };
            assert_eq!(list.len(), 1);
            assert_eq!(list[0].name, "Gringotts");
            assert_eq!(list[0].code.as_deref(), Some("gringotts"));
            assert_eq!(list[0].forgot_password_url.as_deref(), Some("https:/testbank.com/forgot_password"));
        }
    }
}

// loadInstitutionByGuid/Code: the bare institution (seed 000) or `{institution}`.
#[test]
fn one_institution_in_both_shapes() {
    for call in [
        HostCall::LoadInstitutionByGuid { guid: "INS-1".into() },
        HostCall::LoadInstitutionByCode { code: "gringotts".into() },
    ] {
        for answer in [institution_example(), json!({"institution": institution_example()})] {
            assert!(matches!(decode(&call, &answer), Ok(Reply::Institution(i)) if i.guid.starts_with("INS-f1a3")));
        }
    }
}

// Credentials: `{credentials: [...]}` (seed 000) or a bare array (the reference), sorted by display_order.
#[test]
fn credentials_in_both_shapes_sorted() {
    for call in [
        HostCall::GetInstitutionCredentials { institution_guid: "INS-1".into() },
        HostCall::GetMemberCredentials { member_guid: "MBR-1".into() },
    ] {
        for answer in [json!({"credentials": credentials_example()}), credentials_example()] {
            let Ok(Reply::Credentials(fields)) = decode(&call, &answer) else { panic!("{answer}") };
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
        assert!(
            matches!(decode(&HostCall::LoadJob { guid: "JOB-1".into() }, &answer), Ok(Reply::Job(j)) if j.status == Some(6))
        );
    }
    let run = HostCall::RunJob { job_type: 0, member_guid: "MBR-1".into() };
    assert_eq!(decode(&run, &json!({"job_guid": "MBR-1", "status": 6})), Ok(Reply::Done));

    let states = HostCall::LoadOAuthStates { outbound_member_guid: "MBR-1".into() };
    for answer in [json!([oauth_state_example()]), json!({"oauth_states": [oauth_state_example()]})] {
        assert!(matches!(decode(&states, &answer), Ok(Reply::OAuthStates(s)) if s[0].auth_status == Some(1)));
    }
    let state = HostCall::LoadOAuthState { guid: "OAS-1".into() };
    for answer in [json!({"oauth_state": oauth_state_example()}), oauth_state_example()] {
        assert!(
            matches!(decode(&state, &answer), Ok(Reply::OAuthState(s)) if s.outbound_member_guid.as_deref() == Some("MBR-1"))
        );
    }
    let uri = HostCall::GetOAuthWindowUri { member_guid: "MBR-123".into() };
    let answer =
        json!({"guid": "MBR-123", "oauth_window_uri": "https:/testbank.com/oauth/authorize?client_id=Q&state=3"});
    assert!(matches!(decode(&uri, &answer), Ok(Reply::OAuthWindowUri(u)) if u.contains("oauth/authorize")));

    for call in microdeposit_calls() {
        for answer in [microdeposit_example(), json!({"micro_deposit": microdeposit_example()})] {
            assert!(
                matches!(decode(&call, &answer), Ok(Reply::Microdeposit(m)) if m.guid == "MIC-123" && m.status == Some(0))
            );
        }
    }
    let routing = HostCall::VerifyRoutingNumber { routing_number: "123456789".into(), include_identity: false };
    assert_eq!(decode(&routing, &json!({})), Ok(Reply::RoutingNumberBlocked(None)));
    let blocked = json!({"guid": null, "reason": 3, "reason_name": "IAV_PREFERRED"});
    for answer in [json!({"blockedRoutingNumber": blocked}), json!({"blocked_routing_number": blocked})] {
        assert_eq!(decode(&routing, &answer), Ok(Reply::RoutingNumberBlocked(Some("IAV_PREFERRED".into()))));
    }
    let account = HostCall::CreateAccount { account: json!({}) };
    assert!(
        matches!(decode(&account, &json!({"guid": "ACC-123", "account_type": "CHECKING"})), Ok(Reply::Account(a)) if a["guid"] == "ACC-123")
    );
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
            assert_eq!(decode(&call, &answer), Ok(Reply::Done), "{}", call.name());
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

// Garbage becomes a typed `Malformed` error, never a panic.
#[test]
fn malformed_answers_are_errors() {
    let garbage =
        [json!(42), json!("x"), json!(true), json!(null), json!({"member": "MBR-1"}), json!({"name": "no guid"})];
    for call in member_calls() {
        for answer in &garbage {
            assert!(matches!(decode(&call, answer), Err(HostError::Malformed { .. })), "{} {answer}", call.name());
        }
    }
    for call in institution_list_calls() {
        for answer in [json!(42), json!("x"), json!({"institutions": 3}), json!(null), json!({})] {
            assert!(matches!(decode(&call, &answer), Err(HostError::Malformed { .. })), "{answer}");
        }
        // One bad entry is skipped; the rest of the list is kept.
        let mixed = json!([institution_example(), {"name": "no guid"}, 7]);
        assert!(matches!(decode(&call, &mixed), Ok(Reply::Institutions(list)) if list.len() == 1));
    }
    let creds = HostCall::GetInstitutionCredentials { institution_guid: "INS-1".into() };
    assert!(matches!(decode(&creds, &json!({"credentials": {"a": 1}})), Err(HostError::Malformed { .. })));
    let uri = HostCall::GetOAuthWindowUri { member_guid: "MBR-1".into() };
    assert!(matches!(decode(&uri, &json!({"guid": "MBR-1"})), Err(HostError::Malformed { .. })));
    assert!(matches!(decode(&HostCall::LoadJob { guid: "J".into() }, &json!([1])), Err(HostError::Malformed { .. })));
    assert!(matches!(decode(&HostCall::LoadMembers, &json!({"members": "none"})), Err(HostError::Malformed { .. })));
}
