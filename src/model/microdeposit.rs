//! A microdeposit verification as the host reports it. The full account
//! number a host may send back is never kept: only its masked form.

use super::account::{mask_account_number, AccountType};
use super::json::{bool_field, int_field, obj, str_field};
use super::DecodeError;
use serde_json::Value;

/// Where a microdeposit verification stands: MX's statuses 0–9, plus
/// `Expired` (the deposits can no longer be verified), which MX does not have
/// but banks do; a host reports it as `status_name: "EXPIRED"` (or status 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MicrodepositStatus {
    Initiated,
    Requested,
    Deposited,
    Verified,
    Errored,
    Denied,
    Prevented,
    Conflicted,
    Rejected,
    Preinitiated,
    Expired,
}

impl MicrodepositStatus {
    /// Each status with its code and name (MX's 0–9, then ours).
    const TABLE: [(MicrodepositStatus, i64, &'static str); 11] = {
        use MicrodepositStatus::*;
        [
            (Initiated, 0, "INITIATED"),
            (Requested, 1, "REQUESTED"),
            (Deposited, 2, "DEPOSITED"),
            (Verified, 3, "VERIFIED"),
            (Errored, 4, "ERRORED"),
            (Denied, 5, "DENIED"),
            (Prevented, 6, "PREVENTED"),
            (Conflicted, 7, "CONFLICTED"),
            (Rejected, 8, "REJECTED"),
            (Preinitiated, 9, "PREINITIATED"),
            (Expired, 10, "EXPIRED"),
        ]
    };

    pub const ALL: [MicrodepositStatus; 11] = {
        let mut all = [MicrodepositStatus::Initiated; 11];
        let mut i = 0;
        while i < 11 {
            all[i] = Self::TABLE[i].0;
            i += 1;
        }
        all
    };

    fn row(self) -> (MicrodepositStatus, i64, &'static str) {
        // Every status has its row: the table is written from the enum.
        Self::TABLE.into_iter().find(|(s, _, _)| *s == self).unwrap_or((self, -1, "UNKNOWN"))
    }

    pub fn code(self) -> i64 {
        self.row().1
    }

    pub fn name(self) -> &'static str {
        self.row().2
    }

    fn from_code(code: i64) -> Option<MicrodepositStatus> {
        Self::TABLE.into_iter().find(|(_, c, _)| *c == code).map(|(s, _, _)| s)
    }

    fn from_name(name: &str) -> Option<MicrodepositStatus> {
        Self::TABLE.into_iter().find(|(_, _, n)| n.eq_ignore_ascii_case(name.trim())).map(|(s, _, _)| s)
    }
}

/// A microdeposit verification (`createMicrodeposit`, `loadMicrodepositByGuid`, ...).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Microdeposit {
    pub guid: String,
    pub status: Option<MicrodepositStatus>,
    pub routing_number: Option<String>,
    /// `*1234`: the last four of `account_number`; the full number is dropped.
    pub account_mask: Option<String>,
    pub account_type: Option<AccountType>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    /// `institution_name`, when the host knows the bank behind the routing number.
    pub institution_name: Option<String>,
    /// Guesses left before the verification locks, when the host says.
    pub attempts_remaining: Option<u32>,
    /// Whether an expired verification may be sent again (the host must say `true`).
    pub can_resend: bool,
    /// The host's `updated_at`, to tell a fresh answer from a stale one.
    pub updated_at: Option<String>,
}

impl Microdeposit {
    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = obj(value).ok_or_else(|| DecodeError("microdeposit is not an object".into()))?;
        let guid = str_field(o, "guid").ok_or_else(|| DecodeError("microdeposit has no `guid`".into()))?;
        // The name wins for our `EXPIRED` (a host may keep a number of its own);
        // otherwise the number, as MX's widget reads it.
        let by_name = str_field(o, "status_name").and_then(|n| MicrodepositStatus::from_name(&n));
        let by_code = int_field(o, "status").and_then(MicrodepositStatus::from_code);
        let status = match by_name {
            Some(MicrodepositStatus::Expired) => by_name,
            _ => by_code.or(by_name),
        };
        Ok(Microdeposit {
            guid,
            status,
            routing_number: str_field(o, "routing_number").map(|r| r.trim().to_string()),
            account_mask: str_field(o, "account_number").and_then(|n| mask_account_number(&n)),
            account_type: int_field(o, "account_type").and_then(AccountType::from_code),
            first_name: str_field(o, "first_name"),
            last_name: str_field(o, "last_name"),
            email: str_field(o, "email"),
            institution_name: str_field(o, "institution_name"),
            attempts_remaining: int_field(o, "attempts_remaining").and_then(|n| u32::try_from(n).ok()),
            can_resend: bool_field(o, "can_resend").unwrap_or(false),
            updated_at: str_field(o, "updated_at"),
        })
    }

    /// The status's name for events (`"PREVENTED"`), or `"UNKNOWN"`.
    pub fn status_name(&self) -> &'static str {
        self.status.map_or("UNKNOWN", MicrodepositStatus::name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_host_record_and_keeps_only_the_masked_number() -> Result<(), DecodeError> {
        let m = Microdeposit::from_json(&json!({
            "guid": "MIC-123", "status": 0, "status_name": "INITIATED", "account_number": "123456789",
            "account_type": 1, "routing_number": "123456780", "email": "test@test.com", "first_name": "First",
            "updated_at": "1681151550", "attempts_remaining": "2"
        }))?;
        assert_eq!(m.status, Some(MicrodepositStatus::Initiated));
        assert_eq!(m.account_mask.as_deref(), Some("*6789"));
        assert_eq!(m.account_type, Some(AccountType::Checking));
        assert_eq!(m.attempts_remaining, Some(2));
        assert!(!format!("{m:?}").contains("123456789"), "the full account number is not kept");
        Ok(())
    }

    #[test]
    fn every_status_has_its_own_code_and_name() {
        let codes: std::collections::HashSet<i64> = MicrodepositStatus::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, (0..=10).collect());
        assert_eq!(MicrodepositStatus::Prevented.name(), "PREVENTED");
        assert_eq!(MicrodepositStatus::Expired.code(), 10);
    }

    #[test]
    fn status_by_number_or_name_and_expired_by_name() -> Result<(), DecodeError> {
        let read = |v| Microdeposit::from_json(&v).map(|m| m.status);
        assert_eq!(read(json!({"guid": "M", "status": "6"}))?, Some(MicrodepositStatus::Prevented));
        assert_eq!(read(json!({"guid": "M", "status_name": "verified"}))?, Some(MicrodepositStatus::Verified));
        assert_eq!(
            read(json!({"guid": "M", "status": 4, "status_name": "EXPIRED"}))?,
            Some(MicrodepositStatus::Expired)
        );
        assert_eq!(read(json!({"guid": "M", "status": 10}))?, Some(MicrodepositStatus::Expired));
        assert_eq!(read(json!({"guid": "M", "status": 42}))?, None);
        assert!(Microdeposit::from_json(&json!({"status": 0})).is_err());
        Ok(())
    }
}
