use super::*;
use crate::host::{CredentialValue, MicrodepositChange, MicrodepositDetails, SupportTicket, CALLBACK_NAMES};
use crate::model::Secret;

const BASE: &str = "https://bank.example/connect";

fn password(guid: &str, value: &str) -> CredentialValue {
    CredentialValue { guid: guid.into(), value: Some(Secret::new(value)) }
}

fn challenged_member() -> Value {
    json!({"guid": "MBR-1", "institution_guid": "INS-1", "connection_status": "CHALLENGED",
           "mfa": {"credentials": [{"guid": "CRD-Q", "label": "City?", "type": 0}]}})
}

/// One call of every callback, with the request it must become:
/// (call, method, URL under `BASE`, body).
fn table() -> Vec<(HostCall, &'static str, &'static str, Option<Value>)> {
    let member = json!({"guid": "MBR-1", "institution_guid": "INS-1", "connection_status": "DENIED"});
    vec![
        (
            HostCall::AddMember {
                institution: json!({"guid": "INS-1", "name": "MX Bank"}),
                institution_guid: "INS-1".into(),
                credentials: vec![password("CRD-U", "test_atrium"), password("CRD-P", "hunter2")],
                is_oauth: false,
            },
            "POST",
            "/members",
            Some(json!({"institution_guid": "INS-1",
                        "credentials": [{"guid": "CRD-U", "value": "test_atrium"}, {"guid": "CRD-P", "value": "hunter2"}],
                        "rawInstitutionData": {"guid": "INS-1", "name": "MX Bank"}})),
        ),
        (
            HostCall::UpdateMember { member: member.clone(), credentials: vec![password("CRD-P", "hunter3")] },
            "PUT",
            "/members/MBR-1",
            Some(json!({"guid": "MBR-1", "institution_guid": "INS-1", "connection_status": "DENIED",
                        "credentials": [{"guid": "CRD-P", "value": "hunter3"}]})),
        ),
        (
            HostCall::UpdateMfa { member: challenged_member(), credentials: vec![password("CRD-Q", "Paris")] },
            "PUT",
            "/members/MBR-1",
            Some(json!({"guid": "MBR-1", "institution_guid": "INS-1", "connection_status": "CHALLENGED",
                        "mfa": {"credentials": [{"guid": "CRD-Q", "label": "City?", "type": 0}]},
                        "credentials": [{"guid": "CRD-Q", "value": "Paris"}]})),
        ),
        (HostCall::DeleteMember { member: member.clone() }, "DELETE", "/members/MBR-1", None),
        (HostCall::LoadMembers, "GET", "/members", None),
        (HostCall::LoadMemberByGuid { guid: "MBR-1".into() }, "GET", "/members/MBR-1", None),
        (
            HostCall::LoadOAuthStates { outbound_member_guid: "MBR-1".into() },
            "GET",
            "/oauthStates?outboundMemberGuid=MBR-1",
            None,
        ),
        (HostCall::LoadOAuthState { guid: "OAS-1".into() }, "GET", "/oauthStates/OAS-1", None),
        (
            HostCall::OAuthStart { member: member.clone() },
            "POST",
            "/performance/oAuthStart",
            Some(json!({"connectionId": "MBR-1", "institutionId": "INS-1", "member": member.clone()})),
        ),
        (
            HostCall::CreateSupportTicket(SupportTicket {
                email: "me@example.com".into(),
                title: "Help".into(),
                message: "It broke".into(),
            }),
            "POST",
            "/supportTickets",
            Some(json!({"email": "me@example.com", "title": "Help", "message": "It broke"})),
        ),
        (
            HostCall::LoadInstitutions(InstitutionQuery {
                search_name: Some("mx bank".into()),
                page: 2,
                per_page: 25,
                iso_country_code: Some("US".into()),
                filters: vec![("account_verification_is_enabled", json!(true))],
                ..Default::default()
            }),
            "GET",
            "/institutions?search=mx%20bank&page=2&pageSize=25&isoCountryCode=US&accountVerificationIsEnabled=true",
            None,
        ),
        (HostCall::LoadInstitutionByGuid { guid: "INS-1".into() }, "GET", "/institutions/INS-1", None),
        (HostCall::LoadInstitutionByCode { code: "mxbank".into() }, "GET", "/institutions/byCode/mxbank", None),
        (
            HostCall::LoadPopularInstitutions { per_page: 25, iso_country_code: None, filters: Vec::new() },
            "GET",
            "/institutions/recommended?pageSize=25",
            None,
        ),
        (
            HostCall::LoadDiscoveredInstitutions {
                per_page: 5,
                iso_country_code: Some("CA".into()),
                filters: vec![("tax_statement_is_enabled", json!(true))],
            },
            "GET",
            "/institutions/discovered?pageSize=5&isoCountryCode=CA&taxStatementIsEnabled=true",
            None,
        ),
        (
            HostCall::CreateAccount { account: json!({"name": "Savings", "account_number": "987654321"}) },
            "POST",
            "/accounts",
            Some(json!({"name": "Savings", "account_number": "987654321"})),
        ),
        (
            HostCall::CreateMicrodeposit(MicrodepositDetails {
                routing_number: "011411633".into(),
                account_number: Secret::new("123456789"),
                account_type: 1,
                account_name: "Checking ...6789".into(),
                ..MicrodepositDetails::default()
            }),
            "POST",
            "/microdeposits",
            Some(json!({"routing_number": "011411633", "account_number": "123456789", "account_type": 1,
                        "account_name": "Checking ...6789", "first_name": "", "last_name": "", "email": "",
                        "user_guid": null})),
        ),
        (HostCall::LoadMicrodepositByGuid { guid: "MIC-1".into() }, "GET", "/microdeposits/MIC-1", None),
        (
            HostCall::UpdateMicrodeposit { guid: "MIC-1".into(), change: MicrodepositChange::Resend },
            "PUT",
            "/microdeposits/MIC-1",
            Some(json!({"resend": true})),
        ),
        (
            HostCall::RefreshMicrodepositStatus { guid: "MIC-1".into() },
            "POST",
            "/microdeposits/MIC-1/refresh",
            Some(json!({})),
        ),
        (
            HostCall::VerifyMicrodeposit { guid: "MIC-1".into(), amount_1: "07".into(), amount_2: "03".into() },
            "POST",
            "/microdeposits/MIC-1/verify",
            Some(json!({"deposit_amount_1": "07", "deposit_amount_2": "03"})),
        ),
        (
            HostCall::VerifyRoutingNumber { routing_number: "011411633".into(), include_identity: true },
            "GET",
            "/routingNumbers/011411633?includeIdentity=true",
            None,
        ),
        (HostCall::LoadJob { guid: "JOB-1".into() }, "GET", "/jobs/JOB-1", None),
        (
            HostCall::RunJob { job_type: 1, member_guid: "MBR-1".into() },
            "POST",
            "/members/MBR-1/jobs",
            Some(json!({"job_type": 1})),
        ),
        (
            HostCall::GetInstitutionCredentials { institution_guid: "INS-1".into() },
            "GET",
            "/institutions/INS-1/credentials",
            None,
        ),
        (HostCall::GetMemberCredentials { member_guid: "MBR-1".into() }, "GET", "/members/MBR-1/credentials", None),
        (
            HostCall::GetOAuthWindowUri { member_guid: "MBR-1".into() },
            "POST",
            "/members/MBR-1/oauthWindowUri",
            Some(json!({})),
        ),
        (
            HostCall::UpdateUserProfile { profile: json!({"email": "me@example.com"}) },
            "PUT",
            "/userProfile",
            Some(json!({"email": "me@example.com"})),
        ),
    ]
}

#[test]
fn every_callback_has_a_route_with_method_path_query_and_body() {
    let table = table();
    let mut names: Vec<&str> = table.iter().map(|(call, ..)| call.name()).collect();
    names.sort_unstable();
    let mut expected = CALLBACK_NAMES.to_vec();
    expected.sort_unstable();
    assert_eq!(names, expected, "the table must hold exactly one call per callback");
    for (call, method, url, body) in table {
        let request = request_for(&call).unwrap_or_else(|e| panic!("{}: {e}", call.name()));
        assert_eq!(request.method.as_str(), method, "{}", call.name());
        assert_eq!(request.url(BASE), format!("{BASE}{url}"), "{}", call.name());
        assert_eq!(request.body, body, "{}", call.name());
    }
}

#[test]
fn the_oauth_variant_of_add_member_sends_no_credentials() {
    let call = HostCall::AddMember {
        institution: json!({"guid": "INS-O"}),
        institution_guid: "INS-O".into(),
        credentials: Vec::new(),
        is_oauth: true,
    };
    let request = request_for(&call).expect("route");
    assert_eq!(
        request.body,
        Some(json!({"institution_guid": "INS-O", "is_oauth": true, "rawInstitutionData": {"guid": "INS-O"}}))
    );
}

#[test]
fn a_routing_number_search_sends_the_routing_number_and_not_a_name() {
    let q = InstitutionQuery { routing_number: Some("011411633".into()), page: 1, per_page: 10, ..Default::default() };
    let request = request_for(&HostCall::LoadInstitutions(q)).expect("route");
    assert_eq!(request.url(""), "/institutions?routingNumber=011411633&page=1&pageSize=10");
}

#[test]
fn secrets_travel_only_in_bodies() {
    let secrets = ["hunter2", "test_atrium", "Paris", "987654321", "123456789", "5550001"];
    for (call, ..) in table() {
        let request = request_for(&call).expect("route");
        let url = request.url(BASE);
        for secret in secrets {
            assert!(!url.contains(secret), "{} puts {secret:?} in its URL {url}", call.name());
        }
        assert!(!request.describe().contains("hunter2"));
    }
}

#[test]
fn guids_are_one_encoded_path_segment() {
    let request = request_for(&HostCall::LoadMemberByGuid { guid: "a/b?c#d é".into() }).expect("route");
    assert_eq!(request.path, "/members/a%2Fb%3Fc%23d%20%C3%A9");
    let request = request_for(&HostCall::LoadInstitutions(InstitutionQuery {
        search_name: Some("A&B=C+D".into()),
        page: 1,
        per_page: 5,
        ..Default::default()
    }))
    .expect("route");
    assert_eq!(request.url(""), "/institutions?search=A%26B%3DC%2BD&page=1&pageSize=5");
}

#[test]
fn a_member_without_a_guid_cannot_be_addressed() {
    let call = HostCall::UpdateMember { member: json!({"name": "x"}), credentials: Vec::new() };
    let error = request_for(&call).expect_err("no guid");
    assert_eq!(error.callback(), "updateMember");
    assert!(matches!(error, HostError::Failed { .. }));
    assert!(request_for(&HostCall::DeleteMember { member: json!({"guid": " "}) }).is_err());
    let numeric = request_for(&HostCall::DeleteMember { member: json!({"guid": 42}) }).expect("route");
    assert_eq!(numeric.path, "/members/42");
}

#[test]
fn console_lines_name_method_and_path_but_never_the_query() {
    let request = request_for(&HostCall::LoadInstitutions(InstitutionQuery {
        search_name: Some("my bank".into()),
        page: 1,
        per_page: 25,
        ..Default::default()
    }))
    .expect("route");
    assert_eq!(request.describe(), "GET /institutions");
}

#[test]
fn query_names_are_camel_cased() {
    assert_eq!(query_name("account_identification_is_enabled"), "accountIdentificationIsEnabled");
    assert_eq!(query_name("iso_country_code"), "isoCountryCode");
    assert_eq!(query_name("page"), "page");
}
