//! The structured event stream: a `Fact` of the flow machine, stamped by the
//! runtime (`Stamp`), as a banking event-catalogue message:
//!
//! ```json
//! {"id": "…", "type": "externalAccountRequested", "category": "externalAccounts",
//!  "occurredAt": "2024-01-01T00:00:00.000Z", "agentType": "customer",
//!  "correlationId": "<widget session>", "primaryId": "<microdeposit or member guid>",
//!  "data": {"maskedNumber": "*1234", "routingNumber": "011411633", "verificationMethod": "microDeposits"}}
//! ```
//!
//! Every field keeps the catalogue's patterns: an identifier that would not
//! (a host guid with odd characters, say) is left out rather than sent
//! broken, and nothing secret is ever in a fact. `docs/verification.md` has
//! the mapping table.

use crate::flow::fact::{AccountRef, Fact, FailureReason, MfaFactor, VerificationMethod};
use crate::model::time::rfc3339_utc;
use serde_json::{json, Map, Value};

/// What the runtime adds to a fact: a unique id, the time, the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub occurred_at_ms: f64,
    /// The widget session, the same for every message of one mount.
    pub correlation_id: String,
}

/// The catalogue's identifier pattern, `^[-_:.~$a-zA-Z0-9]{6,48}$`.
pub fn is_identifier(s: &str) -> bool {
    (6..=48).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_:.~$".contains(&b))
}

/// A widget session id: 20 hex digits from `random` (called five times, each
/// giving 16 bits).
pub fn session_id(mut random: impl FnMut() -> u16) -> String {
    (0..5).map(|_| format!("{:04x}", random())).collect()
}

/// The id of the `n`th message of a session: unique across sessions too.
pub fn message_id(session: &str, n: u64) -> String {
    format!("{session}-{n}")
}

impl VerificationMethod {
    fn name(self) -> &'static str {
        match self {
            VerificationMethod::Instant => "instant",
            VerificationMethod::MicroDeposits => "microDeposits",
        }
    }
}

impl FailureReason {
    fn name(self) -> &'static str {
        match self {
            FailureReason::AmountsMismatched => "microDepositsAmountsMismatched",
            FailureReason::AccountMismatched => "microDepositsAccountMismatched",
            FailureReason::Other => "other",
        }
    }
}

impl MfaFactor {
    fn name(self) -> &'static str {
        match self {
            MfaFactor::SecurityQuestions => "securityQuestions",
            MfaFactor::SoftwareToken => "softwareToken",
        }
    }
}

/// `type`, `category` and `primaryId` of a fact.
pub fn type_of(fact: &Fact) -> (&'static str, &'static str, &str) {
    match fact {
        Fact::ExternalAccountRequested { primary_id, .. } => {
            ("externalAccountRequested", "externalAccounts", primary_id)
        }
        Fact::ExternalAccountActivated { primary_id, .. } => {
            ("externalAccountActivated", "externalAccounts", primary_id)
        }
        Fact::ExternalAccountVerificationFailed { primary_id, .. } => {
            ("externalAccountVerificationFailed", "externalAccounts", primary_id)
        }
        Fact::ExternalAccountRemoved { primary_id, .. } => ("externalAccountRemoved", "externalAccounts", primary_id),
        Fact::MfaInitiated { primary_id, .. } => ("mfaInitiated", "authentication", primary_id),
        Fact::MfaSucceeded { primary_id, .. } => ("mfaSucceeded", "authentication", primary_id),
        Fact::MfaFailed { primary_id, .. } => ("mfaFailed", "authentication", primary_id),
    }
}

/// `maskedNumber` and `routingNumber` into `data`, each only if it keeps the pattern.
fn put_account(data: &mut Map<String, Value>, account: &Option<AccountRef>) {
    let Some(account) = account else { return };
    let masked = &account.masked_number;
    let masked_ok = masked.len() >= 2
        && masked.len() <= 5
        && masked.starts_with('*')
        && masked[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b"- _.".contains(&b));
    if masked_ok {
        data.insert("maskedNumber".into(), json!(masked));
    }
    let routing = &account.routing_number;
    if routing.len() == 9 && routing.bytes().all(|b| b.is_ascii_digit()) {
        data.insert("routingNumber".into(), json!(routing));
    }
}

/// `institutionName`, at most 35 characters.
fn put_institution(data: &mut Map<String, Value>, name: &Option<String>) {
    if let Some(name) = name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        data.insert("institutionName".into(), json!(name.chars().take(35).collect::<String>()));
    }
}

/// The `data` object of a fact (the catalogue's `…EventSchema` for its type).
fn data_of(fact: &Fact) -> Value {
    let mut data = Map::new();
    match fact {
        Fact::ExternalAccountRequested { account, method, .. } => {
            put_account(&mut data, &Some(account.clone()));
            data.insert("verificationMethod".into(), json!(method.name()));
        }
        Fact::ExternalAccountActivated { primary_id, account, institution_name, method } => {
            // The catalogue nests this one's account reference under `account`, with its id.
            let mut reference = Map::new();
            put_account(&mut reference, account);
            if !reference.is_empty() && is_identifier(primary_id) {
                reference.insert("id".into(), json!(primary_id));
            }
            if !reference.is_empty() {
                data.insert("account".into(), Value::Object(reference));
            }
            put_institution(&mut data, institution_name);
            data.insert("verificationMethod".into(), json!(method.name()));
        }
        Fact::ExternalAccountVerificationFailed {
            account, institution_name, method, reason, failure_count, ..
        } => {
            put_account(&mut data, account);
            put_institution(&mut data, institution_name);
            data.insert("verificationMethod".into(), json!(method.name()));
            data.insert("reason".into(), json!(reason.name()));
            if let Some(count) = failure_count.filter(|c| (1..=20).contains(c)) {
                data.insert("failureCount".into(), json!(count));
            }
        }
        Fact::ExternalAccountRemoved { account, institution_name, .. } => {
            put_account(&mut data, account);
            put_institution(&mut data, institution_name);
        }
        Fact::MfaInitiated { factor, .. } => {
            data.insert("factor".into(), json!(factor.name()));
        }
        Fact::MfaSucceeded { factor, failure_count, .. } | Fact::MfaFailed { factor, failure_count, .. } => {
            data.insert("factor".into(), json!(factor.name()));
            data.insert("failureCount".into(), json!(failure_count.min(&20)));
        }
    }
    Value::Object(data)
}

/// The message `onEvent` receives for `fact`.
pub fn message(fact: &Fact, stamp: &Stamp) -> Value {
    let (kind, category, primary_id) = type_of(fact);
    let mut o = Map::new();
    o.insert("id".into(), json!(stamp.id));
    o.insert("type".into(), json!(kind));
    o.insert("category".into(), json!(category));
    o.insert("occurredAt".into(), json!(rfc3339_utc(stamp.occurred_at_ms)));
    o.insert("agentType".into(), json!("customer"));
    if is_identifier(&stamp.correlation_id) {
        o.insert("correlationId".into(), json!(stamp.correlation_id));
    }
    if is_identifier(primary_id) {
        o.insert("primaryId".into(), json!(primary_id));
    }
    o.insert("data".into(), data_of(fact));
    Value::Object(o)
}
