//! Microdeposit verification: deposits arrive after `aggregation_ms`, the
//! user has three guesses at the two amounts, then the verification locks
//! (PREVENTED). Also `verifyRoutingNumber` and its blocked reasons.

use super::directory::{is_valid_routing_number, Filters};
use super::util::{epoch_seconds, iso8601};
use super::{Fail, Handled, Sandbox};
use serde_json::{json, Map, Value};

/// Microdeposit `status` values (as MX's React widget reads them).
pub mod status {
    pub const INITIATED: i64 = 0;
    pub const REQUESTED: i64 = 1;
    pub const DEPOSITED: i64 = 2;
    pub const VERIFIED: i64 = 3;
    pub const ERRORED: i64 = 4;
    pub const DENIED: i64 = 5;
    pub const PREVENTED: i64 = 6;
    pub const CONFLICTED: i64 = 7;
    pub const REJECTED: i64 = 8;
    pub const PREINITIATED: i64 = 9;
}

pub fn status_name(code: i64) -> &'static str {
    match code {
        status::INITIATED => "INITIATED",
        status::REQUESTED => "REQUESTED",
        status::DEPOSITED => "DEPOSITED",
        status::VERIFIED => "VERIFIED",
        status::ERRORED => "ERRORED",
        status::DENIED => "DENIED",
        status::PREVENTED => "PREVENTED",
        status::CONFLICTED => "CONFLICTED",
        status::REJECTED => "REJECTED",
        status::PREINITIATED => "PREINITIATED",
        _ => "UNKNOWN",
    }
}

/// The two amounts every sandbox microdeposit sends, in cents ($0.07 and $0.03).
pub const DEPOSIT_CENTS: (u32, u32) = (7, 3);

/// Wrong guesses allowed before the verification locks.
pub const MAX_ATTEMPTS: u32 = 3;

/// The fields of a microdeposit the widget may send (create and update).
const FIELDS: [&str; 6] = ["account_name", "account_number", "routing_number", "first_name", "last_name", "email"];

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MicrodepositRecord {
    pub guid: String,
    pub fields: Map<String, Value>,
    pub account_type: Value,
    pub status: i64,
    pub initiated_ms: Option<f64>,
    pub updated_ms: f64,
    pub attempts: u32,
}

impl MicrodepositRecord {
    fn field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
    }

    fn status_at(&self, now: f64, aggregation_ms: f64) -> i64 {
        match self.initiated_ms {
            Some(at) if self.status == status::INITIATED && now >= at + aggregation_ms => status::DEPOSITED,
            _ => self.status,
        }
    }

    /// Take the widget's fields; keep only the ones the sandbox knows.
    fn merge(&mut self, data: &Value) {
        for key in FIELDS {
            if let Some(v) = data.get(key).filter(|v| !v.is_null()) {
                self.fields.insert(key.into(), v.clone());
            }
        }
        if let Some(t) = data.get("account_type").filter(|v| !v.is_null()) {
            self.account_type = t.clone();
        }
    }

    /// Check the account details and start the deposits (or refuse them).
    fn initiate(&mut self, now: f64) -> Result<(), Fail> {
        let routing = self.field("routing_number").unwrap_or_default();
        if !is_valid_routing_number(routing) {
            return Err(Fail::bad_request("The routing number is not valid."));
        }
        let account = self.field("account_number").unwrap_or_default();
        if !(4..=17).contains(&account.len()) || !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Fail::bad_request("The account number must be 4 to 17 digits."));
        }
        // Sandbox trigger: an all-zero account number cannot receive deposits.
        self.status = if account.bytes().all(|b| b == b'0') { status::ERRORED } else { status::INITIATED };
        self.initiated_ms = Some(now);
        self.updated_ms = now;
        Ok(())
    }
}

/// An amount as the widget sends it ("07", the text after the decimal point)
/// or as a person would ("0.07", "$0.07"), in cents.
fn cents(text: &str) -> Option<u32> {
    let t = text.trim().trim_start_matches('$');
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match t.split_once('.') {
        Some((whole, frac)) => {
            let whole: u32 = if whole.is_empty() {
                0
            } else if digits(whole) {
                whole.parse().ok()?
            } else {
                return None;
            };
            if !digits(frac) || frac.len() > 2 {
                return None;
            }
            let frac: u32 = format!("{frac:0<2}").parse().ok()?;
            whole.checked_mul(100)?.checked_add(frac)
        }
        None if digits(t) => t.parse().ok(),
        None => None,
    }
}

impl Sandbox {
    fn microdeposit_json(&self, m: &MicrodepositRecord, now: f64) -> Value {
        let code = m.status_at(now, self.options.aggregation_ms);
        let expected = m.initiated_ms.map(|at| iso8601(self.options.epoch_ms + at + self.options.aggregation_ms));
        let mut o = Map::new();
        o.insert("guid".into(), json!(m.guid));
        for key in FIELDS {
            o.insert(key.into(), m.fields.get(key).cloned().unwrap_or(Value::Null));
        }
        o.insert("account_type".into(), m.account_type.clone());
        o.insert("can_auto_verify".into(), json!(false));
        o.insert("deposit_expected_at".into(), json!(expected));
        o.insert("status".into(), json!(code));
        o.insert("status_name".into(), json!(status_name(code)));
        o.insert("updated_at".into(), json!(epoch_seconds(self.options.epoch_ms + m.updated_ms).to_string()));
        o.insert("user_guid".into(), json!(self.options.user_guid));
        Value::Object(o)
    }

    fn microdeposit_index(&self, guid: &str) -> Result<usize, Fail> {
        self.microdeposits.iter().position(|m| m.guid == guid).ok_or_else(|| Fail::not_found("Microdeposit", guid))
    }

    pub(crate) fn create_microdeposit(&mut self, data: &Value, now: f64) -> Handled {
        if !data.is_object() {
            return Err(Fail::bad_request("The microdeposit must be an object."));
        }
        let mut m = MicrodepositRecord {
            guid: self.next_guid("MIC"),
            fields: Map::new(),
            account_type: json!(1),
            status: status::PREINITIATED,
            initiated_ms: None,
            updated_ms: now,
            attempts: 0,
        };
        m.merge(data);
        // Without account details it is a partner's pre-created verification (PREINITIATED).
        if m.field("routing_number").is_some() || m.field("account_number").is_some() {
            m.initiate(now)?;
        }
        let reply = json!({ "micro_deposit": self.microdeposit_json(&m, now) });
        self.microdeposits.push(m);
        Ok(reply)
    }

    pub(crate) fn update_microdeposit(&mut self, guid: &str, data: &Value, now: f64) -> Handled {
        let index = self.microdeposit_index(guid)?;
        let aggregation_ms = self.options.aggregation_ms;
        let m = &mut self.microdeposits[index];
        let current = m.status_at(now, aggregation_ms);
        if current != status::PREINITIATED && current != status::INITIATED {
            return Err(Fail::with_data(409, json!({ "guid": guid }), "The deposits were already sent."));
        }
        let mut updated = m.clone();
        updated.merge(data);
        updated.initiate(now)?;
        *m = updated;
        let m = &self.microdeposits[index];
        Ok(json!({ "micro_deposit": self.microdeposit_json(m, now) }))
    }

    pub(crate) fn load_microdeposit(&self, guid: &str, now: f64) -> Handled {
        let index = self.microdeposit_index(guid)?;
        Ok(self.microdeposit_json(&self.microdeposits[index], now))
    }

    pub(crate) fn verify_microdeposit(&mut self, guid: &str, amount_1: &str, amount_2: &str, now: f64) -> Handled {
        let index = self.microdeposit_index(guid)?;
        let aggregation_ms = self.options.aggregation_ms;
        let m = &mut self.microdeposits[index];
        let current = m.status_at(now, aggregation_ms);
        if current != status::DEPOSITED && current != status::DENIED {
            return Err(Fail::new(409, format!("The deposits cannot be verified now ({}).", status_name(current))));
        }
        let (Some(a), Some(b)) = (cents(amount_1), cents(amount_2)) else {
            return Err(Fail::bad_request("The amounts must be numbers."));
        };
        let (x, y) = DEPOSIT_CENTS;
        if (a, b) == (x, y) || (a, b) == (y, x) {
            m.status = status::VERIFIED;
        } else {
            m.attempts += 1;
            m.status = if m.attempts >= MAX_ATTEMPTS { status::PREVENTED } else { status::DENIED };
        }
        m.updated_ms = now;
        let m = &self.microdeposits[index];
        Ok(self.microdeposit_json(m, now))
    }

    /// `{}` when micro-deposits can go ahead; else `{blocked_routing_number: {reason, reason_name}}`:
    /// INVALID (0) for a bad checksum, CLIENT_BLOCKED (2) for Client Blocked
    /// Bank's number, IAV_PREFERRED (3) when a directory institution with that
    /// number can verify instantly.
    pub(crate) fn verify_routing_number(&self, routing_number: &str, include_identity: bool) -> Handled {
        let blocked = |reason: i64, name: &str| json!({ "blocked_routing_number": { "guid": null, "reason": reason, "reason_name": name } });
        let routing = routing_number.trim();
        if !is_valid_routing_number(routing) {
            return Ok(blocked(0, "INVALID"));
        }
        let all = self.directory.by_routing_number(routing, &Filters::default());
        if all.iter().any(|i| i.is_disabled_by_client) {
            return Ok(blocked(2, "CLIENT_BLOCKED"));
        }
        let instant = all.iter().any(|i| i.account_verification && (!include_identity || i.account_identification));
        Ok(if instant { blocked(3, "IAV_PREFERRED") } else { json!({}) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_the_widget_and_people_write_them() {
        // Why: the reference sends "07" for $0.07; a person may type "0.07" in a host of their own.
        assert_eq!(cents("07"), Some(7));
        assert_eq!(cents("0.07"), Some(7));
        assert_eq!(cents("$0.07"), Some(7));
        assert_eq!(cents(".3"), Some(30));
        assert_eq!(cents("1.25"), Some(125));
        assert_eq!(cents("abc"), None);
        assert_eq!(cents("0.071"), None);
        assert_eq!(cents(""), None);
        assert_eq!(cents("99999999999"), None);
    }
}
