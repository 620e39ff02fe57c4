//! The first step, from the partner's configuration.

use crate::common::harness::*;
use connect_widget::flow::start::Msg;
use connect_widget::flow::Step;
use connect_widget::host::{HostCall, HostError};
use serde_json::{json, Value};

// `current_institution_code` opens straight on credentials.
#[test]
fn starts_on_configured_institution() {
    let mut h = Harness::with_config(json!({"current_institution_code": "mxbank"}));
    assert_eq!(h.step(), "loading");
    assert!(h.events().is_empty(), "loaded only once a step shows");
    h.reply("loadInstitutionByCode", Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.events(), vec![("connect/loaded", json!({"initial_step": "enterCreds"}))]);
    assert!(h.flow.can_go_back(), "search is allowed");
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
}

// The first step for `current_member_guid` follows the reference's rules.
#[test]
fn first_step_for_a_configured_member() {
    let cases: Vec<(Value, Value, &str)> = vec![
        (json!({}), member("CONNECTED", false), "connected"),
        (json!({}), challenged(0), "mfa"),
        (json!({"update_credentials": true}), challenged(0), "mfa"),
        (json!({"update_credentials": true}), member("CONNECTED", false), "enterCreds"),
        (json!({}), member("DENIED", false), "enterCreds"),
        (json!({}), member("REJECTED", false), "connecting"),
        (json!({}), member("EXPIRED", false), "connecting"),
        (json!({}), member("CREATED", true), "connecting"),
        (json!({}), member("LOCKED", false), "actionableError"),
        (json!({}), member("PENDING", false), "enterCreds"),
    ];
    for (extra, m, expected) in cases {
        let mut config = json!({"current_member_guid": "MBR-1"});
        if let (Some(c), Some(e)) = (config.as_object_mut(), extra.as_object()) {
            c.extend(e.clone());
        }
        let mut h = Harness::with_config(config);
        assert!(matches!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { ref guid } if guid == "MBR-1"));
        h.reply("loadMemberByGuid", Ok(m.clone()));
        assert!(!h.has_call("loadMembers"), "nothing reads the member list: it is not loaded");
        h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
        assert_eq!(h.step(), expected, "{m} {:?}", h.flow.config.update_credentials);
        assert_eq!(
            h.log
                .iter()
                .filter(|e| matches!(e, connect_widget::flow::Effect::Emit(ev) if ev.name() == "connect/loaded"))
                .count(),
            1
        );
    }
}

// A member known only by institution code loads its institution by code.
#[test]
fn member_with_an_institution_code_only() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-1"}));
    let mut m = member("CONNECTED", false);
    m.as_object_mut().map(|o| o.remove("institution_guid"));
    m["institution_code"] = json!("mxbank");
    h.reply("loadMemberByGuid", Ok(m));
    assert!(
        matches!(h.call("loadInstitutionByCode").1, HostCall::LoadInstitutionByCode { ref code } if code == "mxbank")
    );
}

// `update_credentials` on a healthy member is the partner's request, not an error: no memberError,
// no reason notice; on a member in trouble the error is reported and explained as usual.
#[test]
fn update_credentials_on_a_healthy_member_is_no_error() {
    for (m, error) in
        [(member("CONNECTED", false), false), (member("LOCKED", false), true), (member("DENIED", false), true)]
    {
        let status = m["connection_status"].clone();
        let mut h = Harness::with_config(json!({"current_member_guid": "MBR-1", "update_credentials": true}));
        h.reply("loadMemberByGuid", Ok(m));
        h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
        assert_eq!(h.step(), "enterCreds", "{status}");
        assert_eq!(h.event_names().contains(&"connect/memberError"), error, "{status}");
        let reason = match h.flow.step() {
            Step::Credentials(c) => c.reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason.is_some(), error, "{status}");
    }
}

// A member or institution that cannot be loaded shows 404 vs other, with a retry.
#[test]
fn configured_member_that_fails_to_load() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-404"}));
    h.reply("loadMemberByGuid", Err(rejected(404, json!(null))));
    assert_eq!(h.flow.step(), &Step::LoadError { not_found: true });
    assert!(!h.flow.can_go_back());
    h.effects.clear();
    h.send(Msg::Retry);
    assert_eq!(h.step(), "loading");
    h.reply("loadMemberByGuid", Ok(member("CONNECTED", false)));
    h.reply("loadInstitutionByGuid", Err(HostError::TimedOut { callback: "loadInstitutionByGuid", after_ms: 5 }));
    assert_eq!(h.flow.step(), &Step::LoadError { not_found: false });
}

// A member without any institution cannot be shown: a load error, and a console line saying why.
#[test]
fn member_without_institution_is_a_load_error() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-1"}));
    h.reply("loadMemberByGuid", Ok(json!({"guid": "MBR-1", "connection_status": 6})));
    assert_eq!(h.flow.step(), &Step::LoadError { not_found: false });
    assert!(h
        .effects
        .iter()
        .any(|e| matches!(e, connect_widget::flow::Effect::Warn(w) if w.contains("no institution"))));
}

// A `clientConfig` that is not an object leaves the partner's intent unknown (opening on
// search would ignore `mode` and `disable_institution_search`): `mount` fails, saying so.
#[test]
fn a_client_config_that_is_not_an_object_fails_the_mount() {
    use connect_widget::options::MountOptions;
    for config in [json!("x"), json!(42), json!([]), json!(true)] {
        match MountOptions::from_json(&json!({ "clientConfig": config }), 0.0) {
            Err(message) => assert!(message.starts_with("`clientConfig` must be an object"), "{message}"),
            Ok(_) => panic!("clientConfig {config} was accepted"),
        }
    }
    assert!(MountOptions::from_json(&json!({"clientConfig": null}), 0.0).is_ok(), "null: no configuration");
}
