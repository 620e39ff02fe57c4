//! Microdeposit verification, following a bank's life cycle on injected time:
//! the deposits land `deposit_ms` after the details are sent; the user has
//! `microdeposit_attempts` guesses at the two amounts, then the verification
//! locks (PREVENTED); deposits not verified within `deposit_expiry_ms` of
//! landing expire (EXPIRED) and can be sent again (`updateMicrodeposit` with
//! `{resend: true}`). Also `verifyRoutingNumber` and its blocked reasons.
//!
//! Nothing is stored between mounts, yet a later mount must find a
//! microdeposit made earlier. So a sandbox guid carries what that needs:
//! `MIC-<routing>-<c|s><last four>-<created, ms since the epoch>[x]`
//! (`x`: its deposits expire on arrival). A guid this sandbox has not seen is
//! rebuilt from that (its guesses start again), and a few fixed guids
//! (`FIXTURES`) show each state at once.

use super::directory::{is_valid_routing_number, Filters};
use super::util::{epoch_seconds, iso8601};
use super::{Fail, Handled, Sandbox, SandboxOptions};
use crate::host::{MicrodepositChange, MicrodepositDetails};
use crate::model::MicrodepositStatus as S;
use serde_json::{json, Map, Value};

/// The two amounts every sandbox microdeposit sends, in cents ($0.07 and $0.03).
pub const DEPOSIT_CENTS: (u32, u32) = (7, 3);

/// A routing number refused for microdeposits with reason BLOCKED (1).
pub const BLOCKED_ROUTING_NUMBER: &str = "999999992";

/// Account numbers starting with this receive deposits that expire on arrival.
pub const EXPIRING_ACCOUNT_PREFIX: &str = "9999";

/// Fixed guids every sandbox answers, one per state worth seeing: (guid, status).
pub const FIXTURES: [(&str, S); 8] = [
    ("MIC-sandbox-preinitiated", S::Preinitiated),
    ("MIC-sandbox-pending", S::Requested),
    ("MIC-sandbox-deposited", S::Deposited),
    ("MIC-sandbox-verified", S::Verified),
    ("MIC-sandbox-expired", S::Expired),
    ("MIC-sandbox-locked", S::Prevented),
    ("MIC-sandbox-errored", S::Errored),
    ("MIC-sandbox-rejected", S::Rejected),
];

/// The text fields of a microdeposit, as the widget sends them.
const TEXT_FIELDS: [&str; 6] = ["account_name", "account_number", "routing_number", "first_name", "last_name", "email"];

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MicrodepositRecord {
    pub guid: String,
    pub fields: Map<String, Value>,
    pub account_type: i64,
    /// The stored status; INITIATED, DEPOSITED and DENIED move on with time.
    pub status: S,
    /// When the details were sent (or re-sent), on the sandbox clock.
    pub initiated_ms: Option<f64>,
    pub updated_ms: f64,
    pub attempts: u32,
    pub expires_on_arrival: bool,
}

impl MicrodepositRecord {
    fn new(guid: String, status: S, now: f64) -> Self {
        MicrodepositRecord {
            guid,
            fields: Map::new(),
            account_type: 1,
            status,
            initiated_ms: None,
            updated_ms: now,
            attempts: 0,
            expires_on_arrival: false,
        }
    }

    fn field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
    }

    fn landed_ms(&self, opts: &SandboxOptions) -> Option<f64> {
        self.initiated_ms.map(|at| at + opts.deposit_ms)
    }

    /// The status at `now`: deposits land, then expire unless verified.
    pub fn status_at(&self, now: f64, opts: &SandboxOptions) -> S {
        let landed = self.landed_ms(opts);
        let expired = |landed: f64| self.expires_on_arrival || now >= landed + opts.deposit_expiry_ms;
        match (self.status, landed) {
            (S::Initiated, Some(l)) if now >= l => {
                if expired(l) {
                    S::Expired
                } else {
                    S::Deposited
                }
            }
            (S::Deposited | S::Denied, Some(l)) if now >= l && expired(l) => S::Expired,
            (status, _) => status,
        }
    }

    /// Take the widget's fields (blank ones do not overwrite).
    fn merge(&mut self, data: &Value) {
        for key in TEXT_FIELDS {
            if let Some(v) = data.get(key).filter(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())) {
                self.fields.insert(key.into(), v.clone());
            }
        }
        if let Some(t) = data.get("account_type").and_then(crate::model::json::as_int) {
            self.account_type = t;
        }
    }

    /// Check the account details and send the deposits (or refuse them).
    fn initiate(&mut self, now: f64) -> Result<(), Fail> {
        let routing = self.field("routing_number").unwrap_or_default();
        if !is_valid_routing_number(routing) {
            return Err(Fail::bad_request("The routing number is not valid."));
        }
        let account = self.field("account_number").unwrap_or_default().to_string();
        if !(4..=17).contains(&account.len()) || !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Fail::bad_request("The account number must be 4 to 17 digits."));
        }
        // Sandbox triggers: an all-zero account number cannot receive deposits;
        // one starting with 9999 receives deposits that expire on arrival.
        self.status = if account.bytes().all(|b| b == b'0') { S::Errored } else { S::Initiated };
        self.expires_on_arrival = account.starts_with(EXPIRING_ACCOUNT_PREFIX);
        self.initiated_ms = Some(now);
        self.updated_ms = now;
        self.attempts = 0;
        Ok(())
    }

    /// `MIC-<routing>-<c|s><last4>-<created ms>[x]`: what a later mount needs.
    fn portable_guid(&self, wall_clock_ms: f64) -> String {
        let routing = self.field("routing_number").unwrap_or_default();
        let account = self.field("account_number").unwrap_or_default();
        let last4 = &account[account.len().saturating_sub(4)..];
        let kind = if self.account_type == 2 { 's' } else { 'c' };
        let flag = if self.expires_on_arrival { "x" } else { "" };
        format!("MIC-{routing}-{kind}{last4}-{}{flag}", wall_clock_ms.max(0.0).floor() as i64)
    }

    /// A microdeposit of an earlier mount, rebuilt from its guid.
    fn from_portable_guid(guid: &str, epoch_ms: f64) -> Option<MicrodepositRecord> {
        let mut parts = guid.strip_prefix("MIC-")?.split('-');
        let (routing, account, created) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || !is_valid_routing_number(routing) || account.len() != 5 {
            return None;
        }
        let (kind, last4) = account.split_at(1);
        let account_type = match kind {
            "c" => 1,
            "s" => 2,
            _ => return None,
        };
        let (created, expires_on_arrival) = match created.strip_suffix('x') {
            Some(ms) => (ms, true),
            None => (created, false),
        };
        let created: i64 = created.parse().ok()?;
        if !last4.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let at = created as f64 - epoch_ms;
        let mut m = MicrodepositRecord::new(guid.to_string(), S::Initiated, at);
        m.account_type = account_type;
        m.fields.insert("routing_number".into(), json!(routing));
        m.fields.insert("account_number".into(), json!(format!("****{last4}")));
        m.initiated_ms = Some(at);
        m.expires_on_arrival = expires_on_arrival;
        Some(m)
    }

    /// One of the fixed demo guids, in its state as of `now`.
    fn fixture(guid: &str, now: f64, opts: &SandboxOptions) -> Option<MicrodepositRecord> {
        let (_, status) = FIXTURES.iter().find(|(g, _)| *g == guid)?;
        let mut m = MicrodepositRecord::new(guid.to_string(), *status, now);
        m.fields.insert("first_name".into(), json!("Ada"));
        m.fields.insert("last_name".into(), json!("Lovelace"));
        m.fields.insert("email".into(), json!("ada@example.com"));
        if *status != S::Preinitiated {
            m.fields.insert("routing_number".into(), json!("123456780"));
            m.fields.insert("account_number".into(), json!("000123456789"));
            m.fields.insert("account_name".into(), json!("Checking ...6789"));
            m.initiated_ms = Some(now - opts.deposit_ms);
        }
        if *status == S::Prevented {
            m.attempts = opts.microdeposit_attempts;
        }
        if *status == S::Expired {
            // Stored as landed and expiring, so a resend starts a fresh cycle.
            m.status = S::Deposited;
            m.expires_on_arrival = true;
        }
        Some(m)
    }
}

/// An amount as the widget sends it (`"07"`, the cents) or as a person would
/// (`"0.07"`, `"$0.07"`), in cents.
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
        let opts = &self.options;
        let status = m.status_at(now, opts);
        let expected = m.landed_ms(opts).map(|at| iso8601(opts.epoch_ms + at));
        let institution = m
            .field("routing_number")
            .and_then(|r| self.directory.by_routing_number(r, &Filters::default()).first().map(|i| i.name.clone()));
        let mut o = Map::new();
        o.insert("guid".into(), json!(m.guid));
        for key in TEXT_FIELDS {
            o.insert(key.into(), m.fields.get(key).cloned().unwrap_or(Value::Null));
        }
        o.insert("account_type".into(), json!(m.account_type));
        o.insert("can_auto_verify".into(), json!(false));
        o.insert("deposit_expected_at".into(), json!(expected));
        o.insert("institution_name".into(), json!(institution));
        o.insert("status".into(), json!(status.code()));
        o.insert("status_name".into(), json!(status.name()));
        o.insert("attempts_remaining".into(), json!(opts.microdeposit_attempts.saturating_sub(m.attempts)));
        o.insert("can_resend".into(), json!(status == S::Expired));
        o.insert("updated_at".into(), json!(epoch_seconds(opts.epoch_ms + m.updated_ms).to_string()));
        o.insert("user_guid".into(), json!(opts.user_guid));
        Value::Object(o)
    }

    /// The record for `guid`: known here, a fixture, or rebuilt from a portable guid.
    fn microdeposit_index(&mut self, guid: &str, now: f64) -> Result<usize, Fail> {
        if let Some(index) = self.microdeposits.iter().position(|m| m.guid == guid) {
            return Ok(index);
        }
        let found = MicrodepositRecord::fixture(guid, now, &self.options)
            .or_else(|| MicrodepositRecord::from_portable_guid(guid, self.options.epoch_ms));
        let record = found.ok_or_else(|| Fail::not_found("Microdeposit", guid))?;
        self.microdeposits.push(record);
        Ok(self.microdeposits.len() - 1)
    }

    fn reply(&self, index: usize, now: f64) -> Handled {
        Ok(json!({ "micro_deposit": self.microdeposit_json(&self.microdeposits[index], now) }))
    }

    pub(crate) fn create_microdeposit(&mut self, details: &MicrodepositDetails, now: f64) -> Handled {
        let mut m = MicrodepositRecord::new(String::new(), S::Preinitiated, now);
        m.merge(&details.to_json());
        // Without account details it is a partner's pre-created verification (PREINITIATED).
        if m.field("routing_number").is_some() || m.field("account_number").is_some() {
            m.initiate(now)?;
            let mut wall_clock = self.options.epoch_ms + now;
            while self.microdeposits.iter().any(|o| o.guid == m.portable_guid(wall_clock)) {
                wall_clock += 1.0;
            }
            m.guid = m.portable_guid(wall_clock);
        } else {
            m.guid = self.next_guid("MIC");
        }
        self.microdeposits.push(m);
        self.reply(self.microdeposits.len() - 1, now)
    }

    pub(crate) fn update_microdeposit(&mut self, guid: &str, change: &MicrodepositChange, now: f64) -> Handled {
        let index = self.microdeposit_index(guid, now)?;
        let opts = self.options.clone();
        let m = &mut self.microdeposits[index];
        let current = m.status_at(now, &opts);
        match change {
            MicrodepositChange::Resend if current == S::Expired => {
                m.status = S::Initiated;
                m.initiated_ms = Some(now);
                m.updated_ms = now;
                m.attempts = 0;
                m.expires_on_arrival = false;
            }
            MicrodepositChange::Resend => {
                return Err(Fail::with_data(409, json!({ "guid": guid }), "Only expired deposits can be sent again."));
            }
            MicrodepositChange::Details(_) if current != S::Preinitiated && current != S::Initiated => {
                return Err(Fail::with_data(409, json!({ "guid": guid }), "The deposits were already sent."));
            }
            MicrodepositChange::Details(details) => {
                let mut updated = m.clone();
                updated.merge(&details.to_json());
                updated.initiate(now)?;
                *m = updated;
            }
        }
        self.reply(index, now)
    }

    pub(crate) fn load_microdeposit(&mut self, guid: &str, now: f64) -> Handled {
        let index = self.microdeposit_index(guid, now)?;
        self.reply(index, now)
    }

    pub(crate) fn verify_microdeposit(&mut self, guid: &str, amount_1: &str, amount_2: &str, now: f64) -> Handled {
        let index = self.microdeposit_index(guid, now)?;
        let opts = self.options.clone();
        let m = &mut self.microdeposits[index];
        let current = m.status_at(now, &opts);
        if current != S::Deposited && current != S::Denied {
            let message = format!("The deposits cannot be verified now ({}).", current.name());
            return Err(Fail::with_data(409, json!({ "guid": guid, "status_name": current.name() }), message));
        }
        let (Some(a), Some(b)) = (cents(amount_1), cents(amount_2)) else {
            return Err(Fail::bad_request("The amounts must be numbers."));
        };
        let (x, y) = DEPOSIT_CENTS;
        if (a, b) == (x, y) || (a, b) == (y, x) {
            m.status = S::Verified;
        } else {
            m.attempts += 1;
            m.status = if m.attempts >= opts.microdeposit_attempts { S::Prevented } else { S::Denied };
        }
        m.updated_ms = now;
        self.reply(index, now)
    }

    /// `{}` when microdeposits can go ahead; else `{blocked_routing_number: {reason, reason_name}}`:
    /// INVALID (0) for a bad checksum, BLOCKED (1) for `BLOCKED_ROUTING_NUMBER`,
    /// CLIENT_BLOCKED (2) for Client Blocked Bank's number, IAV_PREFERRED (3)
    /// when a directory institution with that number can verify instantly.
    pub(crate) fn verify_routing_number(&self, routing_number: &str, include_identity: bool) -> Handled {
        let blocked = |reason: i64, name: &str| json!({ "blocked_routing_number": { "guid": null, "reason": reason, "reason_name": name } });
        let routing = routing_number.trim();
        if !is_valid_routing_number(routing) {
            return Ok(blocked(0, "INVALID"));
        }
        if routing == BLOCKED_ROUTING_NUMBER {
            return Ok(blocked(1, "BLOCKED"));
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
        // Why: the widget sends "07" for $0.07; a person may type "0.07" in a host of their own.
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

    #[test]
    fn portable_guids_round_trip() {
        // Why: a second mount (a new sandbox) must find the microdeposit the first one made.
        let opts = SandboxOptions::default();
        let mut m = MicrodepositRecord::new(String::new(), S::Preinitiated, 0.0);
        m.merge(&json!({"routing_number": "123456780", "account_number": "99994321", "account_type": 2}));
        assert!(m.initiate(500.0).is_ok());
        let guid = m.portable_guid(opts.epoch_ms + 500.0);
        assert_eq!(guid, "MIC-123456780-s4321-1704067200500x");
        let back = MicrodepositRecord::from_portable_guid(&guid, opts.epoch_ms);
        assert!(back.as_ref().is_some_and(|b| b.initiated_ms == Some(500.0)
            && b.account_type == 2
            && b.expires_on_arrival
            && b.field("account_number") == Some("****4321")));
        for bad in ["MIC-123456789-c4321-1", "MIC-123456780-q4321-1", "MIC-123456780-c43-1", "MIC-x", "MBR-1"] {
            assert!(MicrodepositRecord::from_portable_guid(bad, 0.0).is_none(), "{bad}");
        }
    }
}
