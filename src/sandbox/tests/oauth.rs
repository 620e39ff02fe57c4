//! OAuth members: pending until authorized, denied or failed; retries; auto-authorization.

use super::*;
use crate::host::OAuthWindowUri;
use crate::model::OAuthState;

#[test]
fn oauth_member_waits_pending_until_authorized_or_denied() {
    // Why: the OAuth step polls the state until SUCCESS or ERRORED, then connects the inbound member.
    let mut h = harness();
    let institution = h.institution("mx_bank_oauth");
    let add = HostCall::AddMember {
        institution_guid: institution["guid"].as_str().unwrap_or_default().into(),
        institution,
        credentials: vec![],
        is_oauth: true,
    };
    let m: Member = h.read(&add);
    assert_eq!(state(&m), (Some(S::Pending), false));
    assert!(m.is_oauth);
    let uri = m.oauth_window_uri.clone().unwrap_or_default();
    assert!(uri.starts_with("https://") && uri.contains(&m.guid), "{uri}");
    h.advance(10.0 * SETTLE);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Pending), false), "PENDING until the user acts");
    assert_eq!(h.run_job(&m.guid).err().and_then(|e| e.status()), Some(409));

    let states: Vec<OAuthState> = h.read(&HostCall::LoadOAuthStates { outbound_member_guid: m.guid.clone() });
    assert_eq!(states.len(), 1);
    assert_eq!((states[0].auth_status, states[0].outbound_member_guid.clone()), (Some(1), Some(m.guid.clone())));
    let state_guid = states[0].guid.clone();
    assert!(h.done(&HostCall::OAuthStart { member: m.raw.clone() }));

    assert!(h.sandbox.authorize_oauth(&m.guid, h.now));
    assert!(!h.sandbox.authorize_oauth(&m.guid, h.now), "only a waiting member can be authorized");
    let s: OAuthState = h.read(&HostCall::LoadOAuthState { guid: state_guid });
    assert_eq!((s.auth_status, s.inbound_member_guid), (Some(2), Some(m.guid.clone())));
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    assert!(h.read::<Vec<OAuthState>>(&HostCall::LoadOAuthStates { outbound_member_guid: m.guid.clone() }).is_empty());

    // Deny: the state errors (CANCELLED) and a retry gets a fresh URI and state.
    let m2: Member = h.read(&add);
    assert!(h.sandbox.deny_oauth(&m2.guid, h.now));
    assert!(h.read::<Vec<OAuthState>>(&HostCall::LoadOAuthStates { outbound_member_guid: m2.guid.clone() }).is_empty());
    let OAuthWindowUri(retry) = h.read(&HostCall::GetOAuthWindowUri { member_guid: m2.guid.clone() });
    assert_ne!(Some(&retry), m2.oauth_window_uri.as_ref(), "a retry gets a fresh URI");
    assert_eq!(
        h.read::<Vec<OAuthState>>(&HostCall::LoadOAuthStates { outbound_member_guid: m2.guid.clone() }).len(),
        1
    );
    assert!(h.sandbox.fail_oauth(&m2.guid, 4, h.now));
    assert_eq!(state(&h.load(&m2.guid)), (Some(S::Pending), false));
    // Not an OAuth member / unknown member.
    let plain = h.add("mxbank", "test_atrium", "password");
    assert_eq!(h.rejected(&HostCall::GetOAuthWindowUri { member_guid: plain.guid }).0, Some(400));
    assert_eq!(h.rejected(&HostCall::LoadOAuthState { guid: "OAS-nope".into() }).0, Some(404));
    assert!(!h.sandbox.authorize_oauth("MBR-nope", h.now));
    // OAuth is refused for an institution without it.
    let mx = h.institution("mxbank");
    let no_oauth = HostCall::AddMember {
        institution_guid: mx["guid"].as_str().unwrap_or_default().into(),
        institution: mx,
        credentials: vec![],
        is_oauth: true,
    };
    assert_eq!(h.rejected(&no_oauth).0, Some(400));
}

#[test]
fn oauth_can_authorize_itself_after_oauth_start() {
    // Why: the demo has no provider page; `oauth_auto_authorize_ms` lets the OAuth flow finish by itself.
    let options = SandboxOptions {
        aggregation_ms: AGG,
        sync_ms: SYNC,
        oauth_auto_authorize_ms: Some(500.0),
        ..Default::default()
    };
    let mut h = Harness { sandbox: Sandbox::new(options), now: 0.0 };
    let institution = h.institution("mx_bank_oauth");
    let add = HostCall::AddMember {
        institution_guid: institution["guid"].as_str().unwrap_or_default().into(),
        institution,
        credentials: vec![],
        is_oauth: true,
    };
    let m: Member = h.read(&add);
    h.advance(5000.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Pending), false), "nothing before oAuthStart");
    h.ok(&HostCall::OAuthStart { member: m.raw.clone() });
    h.advance(499.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Pending), false));
    h.advance(1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

fn add_oauth(h: &mut Harness, code: &str) -> Member {
    let institution = h.institution(code);
    h.read(&HostCall::AddMember {
        institution_guid: institution["guid"].as_str().unwrap_or_default().into(),
        institution,
        credentials: vec![],
        is_oauth: true,
    })
}

#[test]
fn more_oauth_institutions_one_without_a_login_form_one_with_instructions() {
    // Why: most large banks offer OAuth only; the demo and tests need such institutions,
    // and one whose instructions carry a link and markup (shown as text plus safe links).
    let mut h = harness();
    for code in ["mx_bank_oauth", "keystone_national_oauth", "meridian_federal_oauth", "laurentian_trust_oauth"] {
        assert_eq!(h.institution(code)["supports_oauth"], json!(true), "{code}");
        let m = add_oauth(&mut h, code);
        assert_eq!(state(&m), (Some(S::Pending), false), "{code}");
    }
    let keystone = h.institution("keystone_national_oauth");
    assert_eq!(keystone["credentials"], json!([]), "no login form at all");
    let fields: Vec<CredentialField> = h.read(&HostCall::GetInstitutionCredentials {
        institution_guid: keystone["guid"].as_str().unwrap_or_default().into(),
    });
    assert!(fields.is_empty());
    let no_form = HostCall::AddMember {
        institution_guid: keystone["guid"].as_str().unwrap_or_default().into(),
        institution: keystone.clone(),
        credentials: vec![],
        is_oauth: false,
    };
    assert_eq!(h.rejected(&no_form).0, Some(400), "a login without a form is refused");
    assert_eq!(h.institution("laurentian_trust_oauth")["iso_country_code"], json!("CA"));
    let meridian = crate::model::Institution::from_json(&h.institution("meridian_federal_oauth"));
    let meridian = meridian.unwrap_or_default();
    assert_eq!(meridian.instructional_title.as_deref(), Some("Connect with Meridian Online"));
    assert_eq!(meridian.instructional_steps.len(), 3);
    assert!(meridian.instructional_text.is_some_and(|t| t.contains("<a href=\"https://")));
}

#[test]
fn the_window_uri_names_the_member_state_and_institution() {
    // Why: the authorization page shows which institution asks, and reports back for that member.
    let mut h = harness();
    let m = add_oauth(&mut h, "keystone_national_oauth");
    let states: Vec<OAuthState> = h.read(&HostCall::LoadOAuthStates { outbound_member_guid: m.guid.clone() });
    let uri = m.oauth_window_uri.unwrap_or_default();
    assert_eq!(
        uri,
        format!(
            "https://sandbox.connect-widget.invalid/oauth/authorize?member_guid={}&state={}&institution=Keystone%20National%20Bank",
            m.guid, states[0].guid
        )
    );
}

#[test]
fn a_connected_oauth_member_can_authorize_again() {
    // Why: fixing an OAuth member (update_credentials) sends the user through OAuth again.
    let mut h = harness();
    let m = add_oauth(&mut h, "mx_bank_oauth");
    assert!(h.sandbox.authorize_oauth(&m.guid, h.now));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    let OAuthWindowUri(_) = h.read(&HostCall::GetOAuthWindowUri { member_guid: m.guid.clone() });
    let states: Vec<OAuthState> = h.read(&HostCall::LoadOAuthStates { outbound_member_guid: m.guid.clone() });
    assert_eq!(states.len(), 1);
    assert!(h.sandbox.authorize_oauth(&m.guid, h.now));
    let s: OAuthState = h.read(&HostCall::LoadOAuthState { guid: states[0].guid.clone() });
    assert_eq!(s.auth_status, Some(2));
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true), "a new job runs");
    assert!(!h.sandbox.authorize_oauth(&m.guid, h.now), "not while it aggregates");
    let plain = h.add("mxbank", "test_atrium", "password");
    assert!(!h.sandbox.authorize_oauth(&plain.guid, h.now + 10.0 * SETTLE), "not a member without OAuth");
}
