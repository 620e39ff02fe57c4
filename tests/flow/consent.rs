//! Consent, the disclosure screen and "Data access by MX": when they come,
//! the data clusters they list per mode and products, and the receipt.

use crate::common::harness::*;
use connect_widget::flow::consent::{consent_products, consent_scope, requested_clusters, Msg, Purpose};
use connect_widget::flow::{search, Effect, Overlay, Step};
use connect_widget::model::ClientConfig;
use connect_widget::options::PartnerOptions;
use serde_json::{json, Value};

fn consenting() -> PartnerOptions {
    PartnerOptions { consent: true, locale: "es", ..PartnerOptions::default() }
}

fn ids(clusters: &[connect_widget::flow::DataCluster]) -> Vec<&'static str> {
    clusters.iter().map(|c| c.id()).collect()
}

/// 2024-03-15T10:20:30.456Z
const NOW: f64 = 1_710_498_030_456.0;

#[test]
fn consent_comes_before_the_login_and_its_receipt_goes_with_member_connected() {
    let mut h = Harness::with_partner(json!({}), consenting());
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "consent");
    assert!(!h.has_call("getInstitutionCredentials"), "no login before consent");
    assert_eq!(h.pageviews(), ["/connect/aggregation/dynamic_disclosure"]);
    h.effects.clear();
    h.send(Msg::Agree { now_ms: NOW });
    assert_eq!(h.step(), "enterCreds");
    assert!(h.has_call("getInstitutionCredentials"));
    h.reply("getInstitutionCredentials", Ok(fields()));
    h.submit_good_credentials();
    h.reply("addMember", Ok(member("CREATED", true)));
    h.poll_answer(member("CONNECTED", false));
    let connected: Vec<Value> =
        h.events().into_iter().filter(|(n, _)| *n == "connect/memberConnected").map(|(_, d)| d).collect();
    assert_eq!(
        connected,
        [json!({"member_guid": "MBR-1", "user_guid": "USR-1", "consent": {
            "clusters": ["account_information", "transactions", "contact_information"],
            "products": ["transactions"],
            "granted_at": "2024-03-15T10:20:30.456Z",
            "expires_at": "2025-03-15T10:20:30.456Z",
            "locale": "es",
        }})]
    );
}

#[test]
fn without_the_feature_there_is_no_consent_step_and_no_receipt() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CONNECTED", false));
    let connected = h.events().into_iter().find(|(n, _)| *n == "connect/memberConnected").map(|(_, d)| d);
    assert_eq!(connected, Some(json!({"member_guid": "MBR-1", "user_guid": "USR-1"})));
}

#[test]
fn back_from_consent_returns_to_search_and_a_new_institution_asks_again() {
    let mut h = Harness::with_partner(json!({}), consenting());
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank"), institution("INS-2", "Other")])));
    h.send(search::Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h.send(Msg::Agree { now_ms: NOW });
    assert!(h.flow.session.consent.is_some());
    h.effects.clear();
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
    assert!(h.flow.session.consent.is_none(), "consent was for MX Bank");
    assert_eq!(h.event_names(), ["connect/backToSearch", "connect/stepChange"]);
    h.send(search::Msg::Select("INS-2".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-2", "Other")));
    assert_eq!(h.step(), "consent");
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
}

#[test]
fn a_configured_institution_asks_consent_first() {
    let mut h = Harness::with_partner(json!({"current_institution_code": "mx_bank"}), consenting());
    h.reply("loadInstitutionByCode", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "consent");
    assert_eq!(h.event_names(), ["connect/loaded"]);
    assert_eq!(h.events()[0].1, json!({"initial_step": "consent"}));
}

// The purpose and clusters per mode and products, as MX's widget decides them.
#[test]
fn consent_clusters_follow_the_mode_and_products() {
    use Purpose::*;
    let (manage, moving, both) = (
        vec!["account_information", "transactions", "contact_information"],
        vec!["account_information", "payment_information", "contact_information"],
        vec!["account_information", "payment_information", "transactions", "contact_information"],
    );
    let cases = [
        (json!({}), ManageFinances, &manage),
        (json!({"mode": "verification"}), MoveMoney, &moving),
        (json!({"mode": "verification", "include_transactions": true}), Both, &both),
        (json!({"data_request": {"products": ["account_verification", "transactions"]}}), Both, &both),
        (json!({"data_request": {"products": ["account_verification"]}}), MoveMoney, &moving),
        (json!({"data_request": {"products": ["identity_verification"]}}), Both, &both),
        (json!({"mode": "tax"}), ManageFinances, &manage),
        (json!({"mode": "reward"}), ManageFinances, &manage),
    ];
    for (config, purpose, clusters) in cases {
        let (p, c) = consent_scope(&ClientConfig::from_json(&config));
        assert_eq!((p, ids(&c)), (purpose, clusters.clone()), "{config}");
    }
}

#[test]
fn requested_clusters_add_contact_details_only_with_identity() {
    let cases = [
        (json!({}), vec!["account_information", "investments", "transactions"]),
        (
            json!({"include_identity": true}),
            vec!["contact_information", "account_information", "investments", "transactions"],
        ),
        (json!({"mode": "verification"}), vec!["payment_information"]),
        (
            json!({"mode": "verification", "include_identity": true}),
            vec!["contact_information", "account_information", "payment_information", "transactions"],
        ),
        (json!({"mode": "tax"}), vec!["account_information", "statements"]),
    ];
    for (config, expected) in cases {
        assert_eq!(ids(&requested_clusters(&ClientConfig::from_json(&config))), expected, "{config}");
    }
}

#[test]
fn the_receipt_names_the_requested_products() {
    let cases = [
        (json!({}), vec!["transactions"]),
        (json!({"mode": "verification"}), vec!["account_verification"]),
        (
            json!({"mode": "verification", "include_transactions": true, "include_identity": true}),
            vec!["transactions", "account_verification", "identity_verification"],
        ),
        (
            json!({"data_request": {"products": ["account_verification", "statements"]}}),
            vec!["account_verification", "statements"],
        ),
    ];
    for (config, expected) in cases {
        assert_eq!(consent_products(&ClientConfig::from_json(&config)), expected, "{config}");
    }
}

#[test]
fn the_disclosure_screen_comes_first_once() {
    let partner = PartnerOptions { disclosure: true, ..PartnerOptions::default() };
    let mut h = Harness::with_partner(json!({}), partner.clone());
    assert_eq!(h.step(), "disclosure");
    assert_eq!(h.events(), [("connect/loaded", json!({"initial_step": "disclosure"}))]);
    assert!(!h.has_call("loadPopularInstitutions"));
    assert!(!h.flow.can_go_back());
    h.effects.clear();
    h.send(Msg::AcceptDisclosure);
    assert_eq!(h.step(), "search");
    assert_eq!(h.events(), [("connect/stepChange", json!({"previous": "disclosure", "current": "search"}))]);
    assert!(h.has_call("loadPopularInstitutions"));

    // A configured institution loads after "Continue", then opens its login.
    let mut h = Harness::with_partner(json!({"current_institution_code": "mx_bank"}), partner.clone());
    assert_eq!(h.step(), "disclosure");
    assert!(!h.has_call("loadInstitutionByCode"));
    h.send(Msg::AcceptDisclosure);
    assert!(matches!(h.flow.step(), Step::Disclosure(d) if d.continuing));
    h.reply("loadInstitutionByCode", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.events()[0], ("connect/stepChange", json!({"previous": "disclosure", "current": "enterCreds"})));

    // A configured member resumes a connection: no disclosure.
    let h = Harness::with_partner(json!({"current_member_guid": "MBR-1"}), partner);
    assert!(h.has_call("loadMemberByGuid"));
    assert_eq!(h.step(), "loading");
}

#[test]
fn data_access_by_mx_opens_over_the_login_form_when_branding_is_on() {
    let mut h = Harness::to_credentials();
    h.send(Msg::DataAccess);
    assert_eq!(h.flow.overlay, None, "not without show_mx_branding");

    let mut h = Harness::with_partner(json!({}), PartnerOptions { mx_branding: true, ..PartnerOptions::default() });
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h.effects.clear();
    h.send(Msg::DataAccess);
    assert_eq!(h.flow.overlay, Some(Overlay::DataAccess));
    assert_eq!(h.effects, [Effect::SaveFocus, Effect::FocusHeading]);
    h.effects.clear();
    h.send(Msg::Close);
    assert_eq!(h.flow.overlay, None);
    assert_eq!(h.effects, [Effect::RestoreFocus]);
}

#[test]
fn about_mx_opens_only_on_the_consent_step() {
    let mut h = Harness::with_partner(json!({}), consenting());
    h.send(Msg::About);
    assert_eq!(h.flow.overlay, None, "search has no about sheet");
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h.send(Msg::About);
    assert_eq!(h.flow.overlay, Some(Overlay::AboutMx));
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!((h.flow.overlay.clone(), h.step()), (None, "consent"), "back closes the sheet first");
}
