//! The structured event stream's messages: every field against the banking
//! event catalogue's patterns, the vocabulary of each fact, and no secret in
//! any message of a whole microdeposit flow.

use crate::microdeposits::{facts, microdeposit, to_review, to_routing, ACCOUNT};
use connect_widget::flow::fact::{AccountRef, Fact, FailureReason, MfaFactor, VerificationMethod};
use connect_widget::flow::microdeposits::Msg;
use connect_widget::stream::{is_identifier, message, message_id, session_id, type_of, Stamp};
use serde_json::{json, Value};
use std::collections::HashSet;

fn all_chars(s: &str, allowed: impl Fn(u8) -> bool) -> bool {
    s.bytes().all(allowed)
}

/// `^[a-z][a-zA-Z0-9]{min-1,max-1}$`: the catalogue's `type` and `category`.
fn lower_camel(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len())
        && s.as_bytes()[0].is_ascii_lowercase()
        && all_chars(s, |b| b.is_ascii_alphanumeric())
}

/// `YYYY-MM-DDThh:mm:ss.sssZ`.
fn rfc3339_utc(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    s.len() == 24
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'.'
        && digits(20..23)
        && b[23] == b'Z'
}

fn masked(s: &str) -> bool {
    (2..=5).contains(&s.len())
        && s.starts_with('*')
        && all_chars(&s[1..], |b| b.is_ascii_alphanumeric() || b"- _.".contains(&b))
}

fn routing(s: &str) -> bool {
    s.len() == 9 && all_chars(s, |b| b.is_ascii_digit())
}

/// Check one message against the catalogue's envelope and its type's data schema.
fn check(m: &Value, session: &str) {
    let text = |k: &str| m[k].as_str().unwrap_or_else(|| panic!("`{k}` is a string in {m}"));
    assert!(is_identifier(text("id")), "id {m}");
    assert!(lower_camel(text("type"), 4, 48), "type {m}");
    assert!(lower_camel(text("category"), 4, 40), "category {m}");
    assert!(rfc3339_utc(text("occurredAt")), "occurredAt {m}");
    assert_eq!(text("agentType"), "customer");
    assert_eq!(text("correlationId"), session);
    assert!(is_identifier(text("primaryId")), "primaryId {m}");
    let d = &m["data"];
    let data_text = |k: &str| d[k].as_str().unwrap_or_else(|| panic!("data.{k} is a string in {m}"));
    let required: &[&str] = match text("type") {
        "externalAccountRequested" => &["maskedNumber", "routingNumber", "verificationMethod"],
        "externalAccountActivated" => &["verificationMethod"],
        "externalAccountVerificationFailed" => &["verificationMethod", "reason"],
        "externalAccountRemoved" => &[],
        "mfaInitiated" | "mfaSucceeded" | "mfaFailed" => &["factor"],
        other => panic!("type {other} is not in the vocabulary"),
    };
    for key in required {
        assert!(d.get(*key).is_some(), "data.{key} in {m}");
    }
    let expected_category = if text("type").starts_with("mfa") { "authentication" } else { "externalAccounts" };
    assert_eq!(text("category"), expected_category);
    if d.get("maskedNumber").is_some() {
        assert!(masked(data_text("maskedNumber")), "{m}");
    }
    if d.get("routingNumber").is_some() {
        assert!(routing(data_text("routingNumber")), "{m}");
    }
    if let Some(account) = d.get("account") {
        assert!(is_identifier(account["id"].as_str().unwrap_or_default()), "{m}");
        assert!(masked(account["maskedNumber"].as_str().unwrap_or_default()), "{m}");
        assert!(routing(account["routingNumber"].as_str().unwrap_or_default()), "{m}");
    }
    if d.get("institutionName").is_some() {
        assert!(data_text("institutionName").chars().count() <= 35, "{m}");
    }
    if d.get("verificationMethod").is_some() {
        assert!(["instant", "microDeposits", "manual"].contains(&data_text("verificationMethod")), "{m}");
    }
    if d.get("reason").is_some() {
        let reasons = ["microDepositsAccountMismatched", "microDepositsAmountsMismatched", "other", "unknown"];
        assert!(reasons.contains(&data_text("reason")), "{m}");
    }
    if let Some(count) = d.get("failureCount") {
        let range = if text("type").starts_with("mfa") { 0..=20 } else { 1..=20 };
        assert!(count.as_u64().is_some_and(|c| range.contains(&c)), "{m}");
    }
    if d.get("factor").is_some() {
        let factors = [
            "sms",
            "email",
            "voice",
            "hardwareToken",
            "softwareToken",
            "authenticatorToken",
            "securityQuestions",
            "twoWaySms",
        ];
        assert!(factors.contains(&data_text("factor")), "{m}");
    }
}

fn stamp(n: u64) -> Stamp {
    Stamp {
        id: message_id("a1b2c3d4e5f60718293a", n),
        occurred_at_ms: 1_704_067_200_375.0,
        correlation_id: "a1b2c3d4e5f60718293a".into(),
    }
}

fn account() -> AccountRef {
    AccountRef { masked_number: "*6789".into(), routing_number: "123123123".into() }
}

// The catalogue's own examples, built from facts, field by field.
#[test]
fn messages_have_the_catalogue_envelope_and_data() {
    let requested = Fact::ExternalAccountRequested {
        primary_id: "MIC-123456".into(),
        account: account(),
        method: VerificationMethod::MicroDeposits,
    };
    assert_eq!(
        message(&requested, &stamp(1)),
        json!({
            "id": "a1b2c3d4e5f60718293a-1", "type": "externalAccountRequested", "category": "externalAccounts",
            "occurredAt": "2024-01-01T00:00:00.375Z", "agentType": "customer",
            "correlationId": "a1b2c3d4e5f60718293a", "primaryId": "MIC-123456",
            "data": {"maskedNumber": "*6789", "routingNumber": "123123123", "verificationMethod": "microDeposits"}
        })
    );
    let failed = Fact::ExternalAccountVerificationFailed {
        primary_id: "MIC-123456".into(),
        account: Some(account()),
        institution_name: Some("Third Party Bank".into()),
        method: VerificationMethod::MicroDeposits,
        reason: FailureReason::AmountsMismatched,
        failure_count: Some(1),
    };
    assert_eq!(
        message(&failed, &stamp(2))["data"],
        json!({"maskedNumber": "*6789", "routingNumber": "123123123", "institutionName": "Third Party Bank",
               "verificationMethod": "microDeposits", "reason": "microDepositsAmountsMismatched", "failureCount": 1})
    );
    let activated = Fact::ExternalAccountActivated {
        primary_id: "MIC-123456".into(),
        account: Some(account()),
        institution_name: Some("Third Party Bank".into()),
        method: VerificationMethod::MicroDeposits,
    };
    assert_eq!(
        message(&activated, &stamp(3))["data"],
        json!({"account": {"id": "MIC-123456", "maskedNumber": "*6789", "routingNumber": "123123123"},
               "institutionName": "Third Party Bank", "verificationMethod": "microDeposits"})
    );
    let mfa = Fact::MfaFailed { primary_id: "MBR-123456".into(), factor: MfaFactor::SoftwareToken, failure_count: 2 };
    let m = message(&mfa, &stamp(4));
    assert_eq!((m["type"].clone(), m["category"].clone()), (json!("mfaFailed"), json!("authentication")));
    assert_eq!(m["data"], json!({"factor": "softwareToken", "failureCount": 2}));
}

// Every kind of fact makes a message that keeps every pattern; ids are unique.
#[test]
fn every_fact_keeps_the_catalogue_patterns() {
    let long_name = "The First National Bank of a Very Long Name Indeed".to_string();
    let facts = [
        Fact::ExternalAccountRequested {
            primary_id: "MIC-1a2b3c".into(),
            account: account(),
            method: VerificationMethod::MicroDeposits,
        },
        Fact::ExternalAccountActivated {
            primary_id: "MBR-1a2b3c".into(),
            account: None,
            institution_name: Some(long_name.clone()),
            method: VerificationMethod::Instant,
        },
        Fact::ExternalAccountActivated {
            primary_id: "MIC-1a2b3c".into(),
            account: Some(account()),
            institution_name: None,
            method: VerificationMethod::MicroDeposits,
        },
        Fact::ExternalAccountVerificationFailed {
            primary_id: "MIC-1a2b3c".into(),
            account: Some(account()),
            institution_name: None,
            method: VerificationMethod::MicroDeposits,
            reason: FailureReason::Other,
            failure_count: Some(25),
        },
        Fact::ExternalAccountRemoved {
            primary_id: "MBR-1a2b3c".into(),
            account: None,
            institution_name: Some("MX Bank".into()),
        },
        Fact::MfaInitiated { primary_id: "MBR-1a2b3c".into(), factor: MfaFactor::SecurityQuestions },
        Fact::MfaSucceeded { primary_id: "MBR-1a2b3c".into(), factor: MfaFactor::SecurityQuestions, failure_count: 0 },
        Fact::MfaFailed { primary_id: "MBR-1a2b3c".into(), factor: MfaFactor::SoftwareToken, failure_count: 99 },
    ];
    let mut ids = HashSet::new();
    for (n, fact) in facts.iter().enumerate() {
        let m = message(fact, &stamp(n as u64 + 1));
        check(&m, "a1b2c3d4e5f60718293a");
        assert!(ids.insert(m["id"].to_string()), "unique ids");
    }
    let long = message(&facts[1], &stamp(9));
    assert_eq!(long["data"]["institutionName"].as_str().map(|n| n.chars().count()), Some(35), "cut to 35");
    assert!(message(&facts[3], &stamp(9))["data"].get("failureCount").is_none(), "out of range: omitted");
}

// Identifiers that would break the patterns are left out, never sent broken.
#[test]
fn identifiers_outside_the_patterns_are_left_out() {
    let odd = Fact::ExternalAccountRequested {
        primary_id: "MIC 1/x".into(),
        account: AccountRef { masked_number: "*12345".into(), routing_number: "12-3".into() },
        method: VerificationMethod::MicroDeposits,
    };
    let m = message(&odd, &Stamp { id: "abcdef-1".into(), occurred_at_ms: f64::NAN, correlation_id: "short".into() });
    assert!(m.get("primaryId").is_none() && m.get("correlationId").is_none());
    assert!(m["data"].get("maskedNumber").is_none() && m["data"].get("routingNumber").is_none());
    assert_eq!(m["occurredAt"], "1970-01-01T00:00:00.000Z");
    assert_eq!(type_of(&odd).0, "externalAccountRequested");
}

// Session ids keep the identifier pattern and differ with the random source.
#[test]
fn session_and_message_ids_are_identifiers() {
    let mut n = 0u16;
    let a = session_id(|| {
        n = n.wrapping_add(0x1234);
        n
    });
    assert_eq!(a.len(), 20);
    assert!(is_identifier(&a) && is_identifier(&message_id(&a, u64::MAX)));
    assert_ne!(a, session_id(|| 7));
}

// A whole microdeposit flow: every message keeps the patterns and none carries the account number.
#[test]
fn a_whole_flow_streams_valid_messages_without_secrets() {
    let mut h = to_routing();
    to_review(&mut h);
    h.send(Msg::Confirm);
    h.reply("createMicrodeposit", Ok(microdeposit(2, "DEPOSITED")));
    h.send(Msg::SubmitAmounts { first: "1".into(), second: "2".into() });
    let mut denied = microdeposit(5, "DENIED");
    denied["updated_at"] = json!("101");
    h.reply("verifyMicrodeposit", Ok(denied));
    h.send(Msg::SubmitAmounts { first: "7".into(), second: "3".into() });
    h.reply("verifyMicrodeposit", Ok(microdeposit(3, "VERIFIED")));
    let session = "f00dfeedf00dfeedf00d";
    let messages: Vec<Value> = facts(&h.log)
        .iter()
        .enumerate()
        .map(|(n, f)| {
            message(
                f,
                &Stamp {
                    id: message_id(session, n as u64 + 1),
                    occurred_at_ms: 1.7e12,
                    correlation_id: session.into(),
                },
            )
        })
        .collect();
    let kinds: Vec<&str> = messages.iter().filter_map(|m| m["type"].as_str()).collect();
    assert_eq!(
        kinds,
        vec!["externalAccountRequested", "externalAccountVerificationFailed", "externalAccountActivated"]
    );
    for m in &messages {
        check(m, session);
        assert!(!m.to_string().contains(ACCOUNT) && !m.to_string().contains("123454321"), "no account number: {m}");
    }
    for e in &h.log {
        if let connect_widget::flow::Effect::Emit(event) = e {
            assert!(!event.payload().to_string().contains(ACCOUNT), "{e:?}");
        }
        let text = match e {
            connect_widget::flow::Effect::Pageview { data, path } => format!("{path} {data}"),
            connect_widget::flow::Effect::Analytic { data, name } => format!("{name} {data}"),
            connect_widget::flow::Effect::Warn(line) => line.clone(),
            _ => continue,
        };
        assert!(!text.contains(ACCOUNT), "{e:?}");
    }
}
