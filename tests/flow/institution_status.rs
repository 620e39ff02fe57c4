//! Why an institution cannot be connected (the three cases), checking again,
//! and a way forward with and without institution search.

use crate::common::harness::*;
use connect_widget::flow::institution_status::{Msg, Recheck};
use connect_widget::flow::{search, Effect, StatusCase, Step};
use connect_widget::options::PartnerOptions;
use serde_json::{json, Value};

fn with(mut inst: Value, changes: Value) -> Value {
    if let (Some(i), Some(c)) = (inst.as_object_mut(), changes.as_object()) {
        i.extend(c.clone());
    }
    inst
}

fn case_of(h: &Harness) -> Option<StatusCase> {
    match h.flow.step() {
        Step::InstitutionStatus(s) => Some(s.case),
        _ => None,
    }
}

/// Pick `inst` from the popular list.
fn pick(inst: Value) -> Harness {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([inst.clone()])));
    let guid = inst["guid"].as_str().unwrap_or_default().to_string();
    h.send(search::Msg::Select(guid));
    h.reply("loadInstitutionByGuid", Ok(inst));
    h
}

#[test]
fn each_case_is_told_apart() {
    let fees = with(institution("INS-C", "Chase Bank"), json!({"is_disabled_by_client": true}));
    let fees_by_guid = with(
        institution("INS-78c7b591-6512-9c17-b092-1cddbd3c85ba", "Big Bank"),
        json!({"is_disabled_by_client": true}),
    );
    let chase_enabled = institution("INS-C", "Chase Bank");
    let partner_off = with(institution("INS-9", "Off Bank"), json!({"is_disabled_by_client": true}));
    let listed = institution("INS-9", "Blocked Bank");
    let down = with(institution("INS-9", "Down Bank"), json!({"status": 3}));
    let cases = [
        (fees, Some(StatusCase::BlockedForFees)),
        (fees_by_guid, Some(StatusCase::BlockedForFees)),
        (chase_enabled, None),
        (partner_off, Some(StatusCase::UnavailablePerPartner)),
        (listed, Some(StatusCase::UnavailablePerPartner)),
        (down, Some(StatusCase::UnavailablePerAggregator)),
    ];
    for (inst, expected) in cases {
        let h = pick(inst.clone());
        assert_eq!(case_of(&h), expected, "{inst}");
        let step = if expected.is_some() { "institutionStatusDetails" } else { "enterCreds" };
        assert_eq!(h.step(), step);
        assert!(h.flow.can_go_back(), "back to search from either step");
    }
}

#[test]
fn checking_again_opens_the_login_once_the_institution_is_back() {
    let down = with(institution("INS-9", "Down Bank"), json!({"status": 3}));
    let mut h = pick(down.clone());
    let Step::InstitutionStatus(state) = h.flow.step().clone() else { panic!("status") };
    assert!(h.flow.recheck_offered(&state), "an outage may end");
    h.send(Msg::Recheck);
    h.reply("loadInstitutionByGuid", Ok(down.clone()));
    assert!(
        matches!(h.flow.step(), Step::InstitutionStatus(s) if s.rechecked == Some(Recheck::Unchanged) && !s.checking)
    );
    h.send(Msg::Recheck);
    h.reply("loadInstitutionByGuid", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::InstitutionStatus(s) if s.rechecked == Some(Recheck::Failed)));
    h.send(Msg::Recheck);
    h.reply("loadInstitutionByGuid", Ok(institution("INS-9", "Down Bank")));
    assert_eq!(h.step(), "enterCreds");
    assert!(h.has_call("getInstitutionCredentials"));
}

// With search disabled the configured institution's status screen is the
// whole widget: it must still offer something to do.
#[test]
fn without_search_there_is_still_a_way_forward() {
    let config = json!({"disable_institution_search": true, "current_institution_code": "x"});
    let partner_off = with(institution("INS-9", "Off Bank"), json!({"is_disabled_by_client": true, "url": null}));
    let mut env = env_all();
    env.available_callbacks.retain(|c| *c != "createSupportTicket");
    let mut h = Harness::with_env(config.clone(), env.clone());
    h.reply("loadInstitutionByCode", Ok(partner_off.clone()));
    assert_eq!(case_of(&h), Some(StatusCase::UnavailablePerPartner));
    assert!(!h.flow.can_go_back(), "no search to go back to");
    let Step::InstitutionStatus(state) = h.flow.step().clone() else { panic!("status") };
    assert!(h.flow.recheck_offered(&state), "nothing else to do: check again");

    // With a website to visit, that is the way forward.
    let mut h = Harness::with_env(config.clone(), env.clone());
    h.reply("loadInstitutionByCode", Ok(with(partner_off.clone(), json!({"url": "https://off.example"}))));
    let Step::InstitutionStatus(state) = h.flow.step().clone() else { panic!("status") };
    assert!(!h.flow.recheck_offered(&state));
    h.effects.clear();
    h.send(Msg::VisitWebsite);
    assert_eq!(h.effects, [Effect::OpenUrl("https://off.example".into())]);

    // A manual account is a way forward too, and Done after it starts over.
    env.partner = PartnerOptions { manual_accounts: true, ..PartnerOptions::default() };
    let mut h = Harness::with_env(config, env);
    h.reply("loadInstitutionByCode", Ok(partner_off));
    let Step::InstitutionStatus(state) = h.flow.step().clone() else { panic!("status") };
    assert!(!h.flow.recheck_offered(&state));
    h.send(connect_widget::flow::manual_account::Msg::Open);
    assert_eq!(h.step(), "addManualAccount");
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "institutionStatusDetails", "back from the menu returns to the status");
}
