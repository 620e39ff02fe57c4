//! What the partner's profiles, features and config keys change in the
//! flow: the additional-product offer, the success survey, the leaving
//! notice, the first-step back button, the status-change override, combo
//! jobs, support and delete toggles, and the partner callbacks.

use crate::common::harness::*;
use connect_widget::flow::connecting::{job_for, COMBINATION_JOB};
use connect_widget::flow::{additional_product, external, outcomes, search, survey, Action, Effect, Notice, Overlay};
use connect_widget::model::{ClientConfig, Mode};
use connect_widget::options::PartnerOptions;
use serde_json::{json, Value};

fn verifiable(guid: &str, name: &str) -> Value {
    let mut i = institution(guid, name);
    i["account_verification_is_enabled"] = json!(true);
    i
}

/// Search → pick `inst` with `config` and `partner`.
fn picked(config: Value, partner: PartnerOptions, inst: Value) -> Harness {
    let verification = config["mode"] == json!("verification");
    let mut h = Harness::with_partner(config, partner);
    if verification {
        // Verification mode lists existing connections first; with none, it opens on search.
        h.reply("loadMembers", Ok(json!([])));
    }
    h.reply("loadPopularInstitutions", Ok(json!([inst.clone()])));
    h.send(search::Msg::Select(inst["guid"].as_str().unwrap_or_default().into()));
    h.reply("loadInstitutionByGuid", Ok(inst));
    h
}

#[test]
fn the_additional_product_changes_the_config_until_back_at_search() {
    let config = json!({"mode": "aggregation", "additional_product_option": "account_verification"});
    let mut h = picked(config.clone(), PartnerOptions::default(), verifiable("INS-1", "MX Bank"));
    assert_eq!(h.step(), "additionalProduct");
    assert_eq!(h.pageviews(), ["/connect/aggregation/additional_product"]);
    h.send(additional_product::Msg::Accept);
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.flow.config.mode, Mode::Verification);
    assert!(h.flow.config.include_transactions);
    assert_eq!(h.flow.config.raw["use_cases"], json!(["MONEY_MOVEMENT"]));
    assert_eq!(h.flow.config.raw["mode"], json!("verification"));
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "additionalProduct", "back to the offer");
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
    assert_eq!(h.flow.config, ClientConfig::from_json(&config), "the partner's config again");

    // Not offered when the institution cannot verify accounts.
    let h = picked(config, PartnerOptions::default(), institution("INS-1", "MX Bank"));
    assert_eq!(h.step(), "enterCreds");
}

#[test]
fn declining_keeps_the_config_and_consent_follows_the_offer() {
    let config =
        json!({"mode": "verification", "additional_product_option": "transactions", "use_cases": ["MONEY_MOVEMENT"]});
    let consenting = PartnerOptions { consent: true, ..PartnerOptions::default() };
    let mut h = picked(config.clone(), consenting.clone(), institution("INS-1", "MX Bank"));
    assert_eq!(h.step(), "additionalProduct");
    h.send(additional_product::Msg::Decline);
    assert_eq!(h.step(), "consent");
    assert_eq!(h.flow.config, ClientConfig::from_json(&config));

    let mut h = picked(config, consenting, institution("INS-1", "MX Bank"));
    h.send(additional_product::Msg::Accept);
    assert_eq!(h.flow.config.raw["use_cases"], json!(["MONEY_MOVEMENT", "PFM"]));
    assert!(h.flow.config.include_transactions);
    assert_eq!(h.flow.config.mode, Mode::Verification);
    assert!(
        matches!(h.flow.step(), connect_widget::flow::Step::Consent(c) if c.purpose == connect_widget::flow::consent::Purpose::Both),
        "the consent covers both products now"
    );
}

/// Search → MX Bank → good credentials submitted, with `partner`; `addMember` not answered yet.
fn submitted(partner: PartnerOptions) -> Harness {
    let mut h = picked(json!({}), partner, institution("INS-1", "MX Bank"));
    h.reply("getInstitutionCredentials", Ok(fields()));
    h.submit_good_credentials();
    h
}

fn connected(partner: PartnerOptions) -> Harness {
    let mut h = submitted(partner);
    h.reply("addMember", Ok(member("CREATED", true)));
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(h.step(), "connected");
    h
}

#[test]
fn the_survey_hands_its_answers_to_the_partner() {
    let mut h = connected(PartnerOptions::default());
    h.send(survey::Msg::Open);
    assert_eq!(h.flow.overlay, None, "no survey without onShowConnectSuccessSurvey");

    let mut h = connected(PartnerOptions { survey: true, ..PartnerOptions::default() });
    h.effects.clear();
    h.send(survey::Msg::Open);
    assert_eq!(h.notices(), [Notice::ShowSurvey]);
    h.effects.clear();
    h.send(survey::Msg::Submit { easy: Some(4), met_needs: None, comment: "x".into() });
    assert!(h.notices().is_empty());
    assert!(matches!(&h.flow.overlay, Some(Overlay::Survey(s)) if s.unanswered == [survey::Question::MetNeeds]));
    assert!(h.effects.contains(&Effect::FocusFirstInvalid));
    h.effects.clear();
    h.send(survey::Msg::Submit { easy: Some(4), met_needs: Some(5), comment: " Quick. ".into() });
    assert_eq!(h.notices(), [Notice::SubmitSurvey(json!({"0": "4", "1": "5", "2": "Quick."}))]);
    assert!(matches!(&h.flow.overlay, Some(Overlay::Survey(s)) if s.sent));
    h.send(survey::Msg::Close);
    assert_eq!((h.flow.overlay.clone(), h.step()), (None, "connected"));
}

#[test]
fn the_leaving_notice_comes_before_another_site_when_asked_for() {
    let locked = |h: &mut Harness| {
        h.poll_answer(member("LOCKED", false));
        h.effects.clear();
        h.send(outcomes::Msg::Act(Action::VisitWebsite));
    };
    let mut h = Harness::to_connecting(member("CREATED", true));
    locked(&mut h);
    assert_eq!(h.effects, [Effect::OpenUrl("https://bank.example".into())]);

    let mut h = submitted(PartnerOptions { external_link_notice: true, ..PartnerOptions::default() });
    h.reply("addMember", Ok(member("CREATED", true)));
    locked(&mut h);
    assert_eq!(h.flow.overlay, Some(Overlay::Leaving { url: "https://bank.example".into() }));
    assert!(!h.effects.iter().any(|e| matches!(e, Effect::OpenUrl(_))));
    h.effects.clear();
    h.send(external::Msg::Continue);
    assert_eq!(h.effects, [Effect::OpenUrl("https://bank.example".into()), Effect::RestoreFocus]);
    h.send(external::Msg::Open("javascript:alert(1)".into()));
    assert_eq!(h.flow.overlay, None, "only https is ever opened");
}

#[test]
fn the_first_step_back_button_tells_the_host() {
    let mut h = Harness::new();
    assert!(!h.flow.shows_back_control());
    let mut h2 = Harness::with_config(json!({"show_back_button": true}));
    assert!(h2.flow.shows_back_control());
    let (popular, _) = h2.call("loadPopularInstitutions");
    h2.effects.clear();
    h2.send(connect_widget::flow::Msg::Back);
    assert_eq!(h2.event_names(), ["connect/backButtonClicked"]);
    let (went, fx) = h2.flow.navigate_back();
    assert!(!went && fx.is_empty(), "the host's own back does not echo");
    h.effects.clear();
    h.send(connect_widget::flow::Msg::Back);
    assert!(h.event_names().is_empty());
    // Deeper, back is ordinary back.
    h2.answer(popular, Ok(json!([institution("INS-1", "MX Bank")])));
    h2.send(search::Msg::Select("INS-1".into()));
    h2.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h2.effects.clear();
    h2.send(connect_widget::flow::Msg::Back);
    assert_eq!(h2.event_names(), ["connect/backToSearch", "connect/stepChange"]);
}

#[test]
fn the_status_change_override_is_asked_when_the_status_stays() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CREATED", true));
    assert!(!h.effects.iter().any(|e| matches!(e, Effect::EmitIfChanged { .. })));

    let mut h = submitted(PartnerOptions { status_change_override: true, ..PartnerOptions::default() });
    h.reply("addMember", Ok(member("CREATED", true)));
    let mut second = member("CREATED", true);
    second["most_recent_job_guid"] = json!("JOB-2");
    h.poll_answer(second.clone());
    let asked: Vec<&Effect> = h.effects.iter().filter(|e| matches!(e, Effect::EmitIfChanged { .. })).collect();
    assert_eq!(
        asked,
        [&Effect::EmitIfChanged {
            event: connect_widget::flow::WidgetEvent::MemberStatusUpdate {
                member_guid: "MBR-1".into(),
                connection_status: Some(0),
            },
            current: second,
            previous: member("CREATED", true),
        }]
    );
    // A real change is sent as always, without asking.
    h.fire_timer();
    h.poll_answer(member("CONNECTED", false));
    assert!(h.event_names().contains(&"connect/memberStatusUpdate"));
    assert!(!h.effects.iter().any(|e| matches!(e, Effect::EmitIfChanged { .. })));
}

#[test]
fn combination_jobs_follow_the_feature_and_the_request() {
    let job = |config: Value, combo: bool| job_for(&ClientConfig::from_json(&config), combo);
    assert_eq!(
        job(json!({"data_request": {"products": ["transactions", "account_verification"]}}), true),
        COMBINATION_JOB
    );
    assert_eq!(job(json!({"data_request": {"products": ["transactions"]}}), false), 0);
    assert_eq!(job(json!({"data_request": {"products": ["account_verification"]}}), false), 1);
    assert_eq!(job(json!({"data_request": {"products": [], "inferred": false}}), false), COMBINATION_JOB);
    assert_eq!(job(json!({"data_request": {"products": []}}), true), 0, "no products, no combination");
    assert_eq!(job(json!({"mode": "tax"}), true), 9);

    let mut h = Harness::with_partner(
        json!({"data_request": {"products": ["transactions"]}}),
        PartnerOptions { combo_jobs: true, ..PartnerOptions::default() },
    );
    let (popular, _) = h.call("loadPopularInstitutions");
    h.reply("loadMembers", Ok(json!([])));
    h.answer(popular, Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(search::Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    h.reply("getInstitutionCredentials", Ok(fields()));
    h.submit_good_credentials();
    h.reply("addMember", Ok(member("CREATED", false)));
    assert!(matches!(h.call("runJob").1, connect_widget::host::HostCall::RunJob { job_type: 11, .. }));
}

#[test]
fn support_and_disconnect_can_be_turned_off() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut locked = member("LOCKED", false);
    locked["is_managed_by_user"] = json!(true);
    h.poll_answer(locked.clone());
    assert!(h.flow.allowed().support && h.flow.allowed().disconnect);
    let partner = PartnerOptions { support_requests: false, delete_option: false, ..PartnerOptions::default() };
    let mut env = env_all();
    env.partner = partner;
    let mut h = Harness::with_env(json!({"current_member_guid": "MBR-1"}), env);
    h.reply("loadMemberByGuid", Ok(locked));
    h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "actionableError");
    assert!(!h.flow.allowed().support && !h.flow.allowed().disconnect);
}

#[test]
fn the_partner_callbacks_are_told_what_happened() {
    let h = connected(PartnerOptions::default());
    let aggregated: Vec<Notice> =
        h.notices().into_iter().filter(|n| matches!(n, Notice::SuccessfulAggregation(_))).collect();
    assert_eq!(aggregated, [Notice::SuccessfulAggregation(member("CONNECTED", false))]);
    assert!(h.notices().contains(&Notice::UpsertMember(member("CONNECTED", false))));
    assert_eq!(Notice::SubmitSurvey(json!({"0": "1"})).args(), [json!({"0": "1"})]);
    assert_eq!(Notice::MemberDeleted("MBR-1".into()).callback_name(), "onMemberDeleted");
    assert!(Notice::ManualAccountAdded.args().is_empty());
}
