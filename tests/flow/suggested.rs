//! The suggestions on the search step: popular institutions merged with
//! discovered ones, the partner's curated list, and `iso_country_code` on
//! every list and search.

use crate::common::harness::*;
use connect_widget::flow::search::Msg;
use connect_widget::flow::suggested::{merge_suggestions, SUGGESTIONS};
use connect_widget::flow::Step;
use connect_widget::host::{HostCall, InstitutionQuery};
use connect_widget::model::{Institution, Member};
use connect_widget::options::PartnerOptions;
use serde_json::{json, Value};

fn ranked(guid: &str, name: &str, popularity: i64) -> Value {
    let mut i = institution(guid, name);
    i["popularity"] = json!(popularity);
    i
}

fn member_at(institution_guid: &str, status: &str) -> Value {
    json!({"guid": format!("MBR-{institution_guid}"), "institution_guid": institution_guid, "connection_status": status})
}

/// The names shown as suggestions (`None` while they load).
fn suggested(h: &Harness) -> Option<Vec<String>> {
    match h.flow.step() {
        Step::Search(s) => s.popular.as_ref().map(|list| list.iter().map(|i| i.name.clone()).collect()),
        _ => None,
    }
}

fn transactions_only() -> Value {
    json!({"data_request": {"products": ["transactions"]}, "iso_country_code": "CA"})
}

#[test]
fn discovered_institutions_join_the_popular_ones() {
    let mut h = Harness::with_config(transactions_only());
    let (members, _) = h.call("loadMembers");
    h.reply("loadPopularInstitutions", Ok(json!([ranked("INS-A", "Alpha", 10), ranked("INS-B", "Beta", 30)])));
    assert_eq!(suggested(&h), None, "waits for the user's members");
    h.answer(members, Ok(json!([member_at("INS-A", "CONNECTED")])));
    let (_, call) = h.call("loadDiscoveredInstitutions");
    assert_eq!(
        call,
        HostCall::LoadDiscoveredInstitutions { per_page: 2, iso_country_code: Some("CA".into()), filters: vec![] }
    );
    h.reply("loadDiscoveredInstitutions", Ok(json!([ranked("INS-C", "Gamma", 20), ranked("INS-B", "Beta", 30)])));
    // Alpha is already connected; Beta once; most popular first.
    assert_eq!(suggested(&h), Some(vec!["Beta".to_string(), "Gamma".to_string()]));
}

#[test]
fn no_discovery_without_a_connected_member() {
    let mut h = Harness::with_config(transactions_only());
    let (members, _) = h.call("loadMembers");
    h.reply("loadPopularInstitutions", Ok(json!([ranked("INS-A", "Alpha", 10), ranked("INS-B", "Beta", 30)])));
    h.answer(members, Ok(json!({"members": [member_at("INS-A", "PENDING")]})));
    assert!(!h.has_call("loadDiscoveredInstitutions"));
    assert_eq!(suggested(&h), Some(vec!["Beta".to_string()]), "a pending member's institution is left out");

    let mut h = Harness::with_config(transactions_only());
    let (popular, _) = h.call("loadPopularInstitutions");
    h.reply("loadMembers", Err(rejected(500, json!(null))));
    h.answer(popular, Ok(json!([ranked("INS-A", "Alpha", 10)])));
    assert_eq!(suggested(&h), Some(vec!["Alpha".to_string()]), "a failed member list leaves the popular one");
}

#[test]
fn a_failed_discovery_leaves_the_popular_list() {
    let mut h = Harness::with_config(transactions_only());
    let (members, _) = h.call("loadMembers");
    h.reply("loadPopularInstitutions", Ok(json!([ranked("INS-A", "Alpha", 10)])));
    h.answer(members, Ok(json!([member_at("INS-Z", "CONNECTED")])));
    h.reply("loadDiscoveredInstitutions", Err(rejected(503, json!(null))));
    assert_eq!(suggested(&h), Some(vec!["Alpha".to_string()]));
}

#[test]
fn discovery_is_asked_only_for_transactions_alone_and_an_open_list() {
    let h = Harness::with_config(json!({}));
    assert!(!h.has_call("loadMembers"));
    // Verification mode asks for the existing connections (to verify one), not for discovery.
    let mut h = Harness::with_config(json!({"data_request": {"products": ["transactions", "account_verification"]}}));
    h.reply("loadMembers", Ok(json!([])));
    assert_eq!(h.step(), "search");
    assert!(!h.has_call("loadMembers") && !h.has_call("loadDiscoveredInstitutions"));
    h.reply("loadPopularInstitutions", Ok(json!([ranked("INS-A", "Alpha", 10)])));
    assert!(!h.has_call("loadMembers") && !h.has_call("loadDiscoveredInstitutions"));
    let curated = PartnerOptions { popular_only: true, ..PartnerOptions::default() };
    let mut h = Harness::with_partner(transactions_only(), curated);
    assert!(!h.has_call("loadMembers"), "a curated list is shown as the partner made it");
    h.reply("loadPopularInstitutions", Ok(json!([ranked("INS-A", "Alpha", 10), ranked("INS-B", "Beta", 30)])));
    assert_eq!(suggested(&h), Some(vec!["Alpha".to_string(), "Beta".to_string()]), "in the partner's order");
    let mut env = env_all();
    env.available_callbacks.retain(|c| *c != "loadDiscoveredInstitutions");
    assert!(!Harness::with_env(transactions_only(), env).has_call("loadMembers"));
}

#[test]
fn the_country_goes_with_every_list_and_search() {
    let mut h = Harness::with_config(json!({"iso_country_code": "CA"}));
    assert!(matches!(h.call("loadPopularInstitutions").1,
        HostCall::LoadPopularInstitutions { iso_country_code: Some(ref c), .. } if c == "CA"));
    h.reply("loadPopularInstitutions", Ok(json!([])));
    h.send(Msg::Typed("maple".into()));
    h.fire_timer();
    assert!(matches!(h.call("loadInstitutions").1,
        HostCall::LoadInstitutions(InstitutionQuery { iso_country_code: Some(ref c), page: 1, .. }) if c == "CA"));
}

#[test]
fn suggestions_are_at_most_twenty_five_most_popular_first() {
    let read = |v: Value| Institution::from_json(&v).expect("institution");
    let popular: Vec<Institution> = (0..20).map(|n| read(ranked(&format!("INS-P{n}"), "P", n))).collect();
    let discovered: Vec<Institution> = (0..20).map(|n| read(ranked(&format!("INS-D{n}"), "D", 100 + n))).collect();
    let merged = merge_suggestions(&popular, &discovered, &[], false);
    assert_eq!(merged.len(), SUGGESTIONS);
    assert_eq!(merged[0].guid, "INS-D19");
    assert_eq!(merged[24].guid, "INS-P15");
    let member = Member::from_json(&member_at("INS-D19", "CONNECTED")).expect("member");
    let merged = merge_suggestions(&popular, &discovered, std::slice::from_ref(&member), false);
    assert_eq!(merged[0].guid, "INS-D18");
    assert_eq!(merge_suggestions(&popular, &discovered, &[member], true), popular, "curated: as given");
}
