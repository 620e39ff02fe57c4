//! Member connection statuses 0–21 (the aggregator's) and actionable error codes.

use serde_json::Value;

/// A member's `connection_status`. Hosts send it as a number (`6`, the React
/// widget's host objects) or as a name (`"CONNECTED"`, the host API's examples); both
/// decode to the same variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConnectionStatus {
    Created,
    Prevented,
    Denied,
    Challenged,
    Rejected,
    Locked,
    Connected,
    Impeded,
    Reconnected,
    Degraded,
    Disconnected,
    Discontinued,
    Closed,
    Delayed,
    Failed,
    Updated,
    Disabled,
    Imported,
    Resumed,
    Expired,
    Impaired,
    Pending,
}

use ConnectionStatus::*;

impl ConnectionStatus {
    pub const ALL: [ConnectionStatus; 22] = [
        Created,
        Prevented,
        Denied,
        Challenged,
        Rejected,
        Locked,
        Connected,
        Impeded,
        Reconnected,
        Degraded,
        Disconnected,
        Discontinued,
        Closed,
        Delayed,
        Failed,
        Updated,
        Disabled,
        Imported,
        Resumed,
        Expired,
        Impaired,
        Pending,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: i64) -> Option<Self> {
        usize::try_from(code).ok().and_then(|i| Self::ALL.get(i).copied())
    }

    pub fn name(self) -> &'static str {
        match self {
            Created => "CREATED",
            Prevented => "PREVENTED",
            Denied => "DENIED",
            Challenged => "CHALLENGED",
            Rejected => "REJECTED",
            Locked => "LOCKED",
            Connected => "CONNECTED",
            Impeded => "IMPEDED",
            Reconnected => "RECONNECTED",
            Degraded => "DEGRADED",
            Disconnected => "DISCONNECTED",
            Discontinued => "DISCONTINUED",
            Closed => "CLOSED",
            Delayed => "DELAYED",
            Failed => "FAILED",
            Updated => "UPDATED",
            Disabled => "DISABLED",
            Imported => "IMPORTED",
            Resumed => "RESUMED",
            Expired => "EXPIRED",
            Impaired => "IMPAIRED",
            Pending => "PENDING",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        let upper = name.trim().to_ascii_uppercase();
        Self::ALL.iter().copied().find(|s| s.name() == upper)
    }

    /// Number, numeric string or name; anything else is `None`.
    pub fn from_json(value: &Value) -> Option<Self> {
        match value {
            Value::Number(n) => n.as_i64().and_then(Self::from_code),
            Value::String(s) => match s.trim().parse::<i64>() {
                Ok(code) => Self::from_code(code),
                Err(_) => Self::from_name(s),
            },
            _ => None,
        }
    }

    /// Statuses where the aggregation is still under way and polling goes on.
    pub fn is_processing(self) -> bool {
        matches!(self, Created | Reconnected | Updated | Resumed)
    }
}

/// `member.error.error_code` values the widget has a dedicated answer for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionableCode {
    /// 1000: no account eligible for verification (verification mode only).
    NoEligibleAccounts,
    /// 1001
    NoAccounts,
    /// 1002
    AccessDenied,
    /// 2001–2003: routed to MFA.
    IncorrectOtp,
    IncorrectMfa,
    MfaTimeout,
    /// 2004–2005: routed to credentials.
    ReauthorizationRequired,
    InvalidCredentials,
    /// 3000
    InstitutionDown,
    /// 3001
    InstitutionMaintenance,
    /// 3002
    InstitutionUnavailable,
}

impl ActionableCode {
    pub const ALL: [ActionableCode; 11] = [
        ActionableCode::NoEligibleAccounts,
        ActionableCode::NoAccounts,
        ActionableCode::AccessDenied,
        ActionableCode::IncorrectOtp,
        ActionableCode::IncorrectMfa,
        ActionableCode::MfaTimeout,
        ActionableCode::ReauthorizationRequired,
        ActionableCode::InvalidCredentials,
        ActionableCode::InstitutionDown,
        ActionableCode::InstitutionMaintenance,
        ActionableCode::InstitutionUnavailable,
    ];

    pub fn from_code(code: i64) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| i64::from(c.code()) == code)
    }

    pub fn code(self) -> u16 {
        match self {
            ActionableCode::NoEligibleAccounts => 1000,
            ActionableCode::NoAccounts => 1001,
            ActionableCode::AccessDenied => 1002,
            ActionableCode::IncorrectOtp => 2001,
            ActionableCode::IncorrectMfa => 2002,
            ActionableCode::MfaTimeout => 2003,
            ActionableCode::ReauthorizationRequired => 2004,
            ActionableCode::InvalidCredentials => 2005,
            ActionableCode::InstitutionDown => 3000,
            ActionableCode::InstitutionMaintenance => 3001,
            ActionableCode::InstitutionUnavailable => 3002,
        }
    }

    pub fn readable(self) -> &'static str {
        match self {
            ActionableCode::NoEligibleAccounts => "NO_VERIFIABLE_ACCOUNTS",
            ActionableCode::NoAccounts => "NO_ACCOUNTS",
            ActionableCode::AccessDenied => "ACCESS_DENIED",
            ActionableCode::IncorrectOtp => "INCORRECT_OTP",
            ActionableCode::IncorrectMfa => "INCORRECT_MFA",
            ActionableCode::MfaTimeout => "MFA_TIMEOUT",
            ActionableCode::ReauthorizationRequired => "REAUTHORIZATION_REQUIRED",
            ActionableCode::InvalidCredentials => "INVALID_CREDENTIALS",
            ActionableCode::InstitutionDown => "INSTITUTION_DOWN",
            ActionableCode::InstitutionMaintenance => "INSTITUTION_MAINTENANCE",
            ActionableCode::InstitutionUnavailable => "INSTITUTION_UNAVAILABLE",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn statuses_decode_from_numbers_names_and_numeric_strings() {
        for (i, s) in ConnectionStatus::ALL.iter().enumerate() {
            assert_eq!(s.code() as usize, i);
            assert_eq!(ConnectionStatus::from_json(&json!(i)), Some(*s));
            assert_eq!(ConnectionStatus::from_json(&json!(s.name())), Some(*s));
            assert_eq!(ConnectionStatus::from_json(&json!(i.to_string())), Some(*s));
        }
        assert_eq!(ConnectionStatus::from_json(&json!("connected")), Some(Connected));
        assert_eq!(ConnectionStatus::from_json(&json!(22)), None);
        assert_eq!(ConnectionStatus::from_json(&json!(-1)), None);
        assert_eq!(ConnectionStatus::from_json(&json!("HALTED")), None);
        assert_eq!(ConnectionStatus::from_json(&json!(null)), None);
    }

    #[test]
    fn actionable_codes_round_trip() {
        for c in ActionableCode::ALL {
            assert_eq!(ActionableCode::from_code(i64::from(c.code())), Some(c));
        }
        assert_eq!(ActionableCode::from_code(4000), None);
    }
}
