//! `onAnalyticEvent` as the reference names it: the funnel of a full
//! connection, hashed member guids, recovery links and get-help clicks, and the
//! search pageviews. Expected names are the reference's, written out here.

use crate::common::harness::*;
use connect_widget::flow::analytics::{InputKind, Msg as Analytics};
use connect_widget::flow::{external, mfa, search, support, Effect, Step};
use connect_widget::model::Secret;
use serde_json::{json, Value};

fn analytics(h: &Harness) -> Vec<(&'static str, Value)> {
    h.log
        .iter()
        .filter_map(|e| match e {
            Effect::Analytic { name, data } => Some((*name, data.clone())),
            _ => None,
        })
        .collect()
}

fn names(h: &Harness) -> Vec<&'static str> {
    analytics(h).into_iter().map(|(n, _)| n).collect()
}

fn data_of(h: &Harness, name: &str) -> Value {
    analytics(h).into_iter().find(|(n, _)| *n == name).map(|(_, d)| d).unwrap_or_else(|| panic!("no {name}"))
}

// sha256("MBR-1"), computed outside the project (`printf MBR-1 | sha256sum`).
const MBR_1_SHA256: &str = "53cfe0e7a31f8e61983c0e7ac38eadeb65f801d3ba9106f4eab70b3e6abcb42e";

// A searched institution, credentials typed and sent, one MFA round, connected: the reference's funnel, in order.
#[test]
fn a_full_connection_fires_the_reference_funnel() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-9", "Popular Bank")])));
    h.send(search::Msg::Typed("mx".into()));
    h.fire_timer();
    h.reply("loadInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h.reply("getInstitutionCredentials", Ok(fields()));
    for kind in [InputKind::Login, InputKind::Login, InputKind::Password, InputKind::Password] {
        h.send(Analytics::FirstInput(kind));
    }
    h.submit_good_credentials();
    h.reply("addMember", Ok(member("CREATED", true)));
    let mut challenged_member = challenged(0);
    challenged_member["mfa"] = json!({"credentials": [{"guid": "CRD-Q", "label": "City?"}]});
    h.poll_answer(challenged_member);
    h.send(Analytics::FirstInput(InputKind::MfaAnswer));
    h.send(mfa::Msg::SubmitAnswers(vec![("CRD-Q".into(), Secret::new("correct"))]));
    h.reply("updateMFA", Ok(member("RESUMED", true)));
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(h.step(), "connected");

    assert_eq!(
        names(&h),
        vec![
            "connect_widget_load",
            "connect_search_query",
            "connect_select_searched_institution",
            "connect_entered_login",
            "connect_entered_password",
            "connect_submitted_credentials",
            "connect_mfa_entered_input",
            "connect_mfa_submitted_input",
            "connect_connect/memberConnected",
        ]
    );
    assert_eq!(
        data_of(&h, "connect_search_query"),
        json!({"mode": "aggregation", "search_term": "mx", "widgetType": "isolated"})
    );
    assert_eq!(
        data_of(&h, "connect_select_searched_institution"),
        json!({"authentication_method": "Non-OAuth", "institution_guid": "INS-1", "institution_name": "MX Bank", "widgetType": "isolated"})
    );
    assert_eq!(
        data_of(&h, "connect_mfa_submitted_input"),
        json!({"institution_guid": "INS-1", "institution_name": "MX Bank", "member_guid": MBR_1_SHA256, "widgetType": "isolated"})
    );
    assert_eq!(data_of(&h, "connect_connect/memberConnected"), json!({"type": "message", "widgetType": "isolated"}));
    let all = serde_json::to_string(&analytics(&h)).unwrap_or_default();
    for secret in [SECRET, "correct", "test_atrium", "\"MBR-1\""] {
        assert!(!all.contains(secret), "{secret} in analytics: {all}");
    }
}

// The load event describes the configuration, with the member guid hashed; a popular pick is named so.
#[test]
fn widget_load_hashes_the_member_and_popular_picks_are_named() {
    let mut h = Harness::with_config(
        json!({"mode": "aggregation", "current_member_guid": "MBR-1", "include_transactions": true}),
    );
    h.reply("loadMemberByGuid", Ok(member("CONNECTED", false)));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    let load = data_of(&h, "connect_widget_load");
    assert_eq!(load["current_member_guid"], MBR_1_SHA256);
    assert_eq!(load["mode"], "aggregation");
    assert_eq!(load["include_transactions"], true);
    assert_eq!(load["widgetType"], "isolated");

    let mut h2 = Harness::new();
    h2.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h2.send(search::Msg::Select("INS-1".into()));
    assert!(names(&h2).contains(&"connect_select_popular_institution"));
    assert_eq!(data_of(&h2, "connect_widget_load")["current_member_guid"], "");
}

// Recovery links on the login form and "Get help" are reported by which link or screen.
#[test]
fn recovery_links_and_get_help_are_reported() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Select("INS-1".into()));
    let mut bank = institution("INS-1", "MX Bank");
    bank["forgot_password_credential_recovery_url"] = json!("https://bank.example/forgot");
    bank["trouble_signing_credential_recovery_url"] = json!("https://bank.example/trouble");
    h.reply("loadInstitutionByGuid", Ok(bank));
    h.reply("getInstitutionCredentials", Ok(fields()));
    assert!(matches!(h.flow.step(), Step::Credentials(_)));
    h.send(external::Msg::Open("https://bank.example/trouble".into()));
    h.send(external::Msg::Open("https://bank.example/elsewhere".into()));
    assert!(names(&h).contains(&"connect_create_credentials_clicked_trouble_signing_in"));
    assert!(!names(&h).iter().any(|n| n.contains("forgot")), "only the link followed is reported");

    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(support::Msg::Open);
    assert!(names(&h).contains(&"connect_mfa_clicked_get_help"));
}

// Search sub-views have the reference's pageviews: popular, searched, no results, failed.
#[test]
fn search_sub_views_have_their_pageviews() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Typed("zz".into()));
    h.fire_timer();
    h.reply("loadInstitutions", Ok(json!([])));
    h.send(search::Msg::Typed("mx".into()));
    h.fire_timer();
    h.reply("loadInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Typed("mxb".into()));
    h.fire_timer();
    h.reply("loadInstitutions", Err(rejected(500, json!(null))));
    h.send(search::Msg::Clear);
    let views: Vec<String> = h
        .log
        .iter()
        .filter_map(|e| match e {
            Effect::Pageview { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        views,
        vec![
            "/connect/aggregation/search/popular",
            "/connect/aggregation/search/no_results",
            "/connect/aggregation/search/searched",
            "/connect/aggregation/search/search_failed",
            "/connect/aggregation/search/popular",
        ]
    );
}

/// The pageview paths in the whole log.
fn logged_pageviews(h: &Harness) -> Vec<String> {
    h.log
        .iter()
        .filter_map(|e| match e {
            Effect::Pageview { path, .. } => Some(path.clone()),
            _ => None,
        })
        .collect()
}

// A microdeposit is no connection: sending the details and verifying the amounts
// report no `connect_connect/memberConnected`, and its pages are the microdeposit ones.
#[test]
fn microdeposits_are_not_reported_as_connections() {
    use crate::microdeposits::{microdeposit, to_review, to_routing};
    use connect_widget::flow::microdeposits::Msg as Md;

    let mut h = to_routing();
    to_review(&mut h);
    h.send(Md::Confirm);
    h.reply("createMicrodeposit", Ok(json!({"micro_deposit": microdeposit(0, "INITIATED")})));
    assert!(!names(&h).contains(&"connect_connect/memberConnected"), "{:?}", names(&h));
    assert_eq!(
        logged_pageviews(&h)[1..],
        [
            "/connect/verification/microdeposits/routing_number",
            "/connect/verification/microdeposits/how_it_works",
            "/connect/verification/microdeposits/account_info",
            "/connect/verification/microdeposits/personal_info_form",
            "/connect/verification/microdeposits/confirm_details",
            "/connect/verification/microdeposits/come_back",
        ]
    );

    let mut h = Harness::with_config(json!({"mode": "verification", "current_microdeposit_guid": "MIC-123456"}));
    h.reply("refreshMicrodepositStatus", Ok(json!({})));
    h.reply("loadMicrodepositByGuid", Ok(microdeposit(2, "DEPOSITED")));
    h.send(Md::SubmitAmounts { first: "0.07".into(), second: "0.03".into() });
    h.reply("verifyMicrodeposit", Ok(microdeposit(3, "VERIFIED")));
    h.send(Md::Done);
    assert!(!names(&h).contains(&"connect_connect/memberConnected"), "{:?}", names(&h));
    assert!(logged_pageviews(&h).contains(&"/connect/verification/microdeposits/verified".to_string()));
    for (name, data) in analytics(&h) {
        assert_eq!(data["widgetType"], json!("isolated"), "{name}");
    }
}
