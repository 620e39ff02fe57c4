//! Reading what a callback resolved to as the type the widget expects.
//!
//! Lenient by design: the documented envelope (`{member: …}`,
//! `{credentials: […]}`, `{members: […]}`, `{micro_deposit: …}`) and the bare
//! value are both accepted; unknown fields are ignored; list entries that
//! cannot be read are skipped rather than failing the whole list.
//!
//! The flow machine asks for the type its handler takes; `FromHost` picks
//! the decoder, so no handler re-checks what kind of answer it got.

use crate::model::{CredentialField, DecodeError, Institution, Job, Member, Microdeposit, OAuthState};
use serde_json::Value;

/// A type a host answer can be read as. The error says what was wrong,
/// for the developer console.
pub trait FromHost: Sized {
    fn from_host(value: &Value) -> Result<Self, String>;
}

/// Unwrap `{key: inner}` when present, else take the value as it is.
fn envelope<'a>(value: &'a Value, key: &str) -> &'a Value {
    match value.get(key) {
        Some(inner) if !inner.is_null() => inner,
        _ => value,
    }
}

fn one<T>(value: &Value, key: &str, read: fn(&Value) -> Result<T, DecodeError>) -> Result<T, String> {
    read(envelope(value, key)).map_err(|DecodeError(e)| e)
}

fn many<T>(value: &Value, key: &str, read: fn(&Value) -> Result<T, DecodeError>) -> Result<Vec<T>, String> {
    let items = envelope(value, key).as_array().ok_or_else(|| format!("expected a list (or `{{{key}: [...]}}`)"))?;
    Ok(items.iter().filter_map(|item| read(item).ok()).collect())
}

/// `FromHost` for a record that may come bare or as `{key: record}`, and for
/// a list that may come bare or as `{key: [...]}`.
macro_rules! from_host {
    ($(one $ty:ty: $key:literal => $read:path;)* $(list $lty:ty: $lkey:literal => $lread:path;)*) => {
        $(impl FromHost for $ty {
            fn from_host(value: &Value) -> Result<Self, String> {
                one(value, $key, $read)
            }
        })*
        $(impl FromHost for Vec<$lty> {
            fn from_host(value: &Value) -> Result<Self, String> {
                many(value, $lkey, $lread)
            }
        })*
    };
}

from_host! {
    one Member: "member" => Member::from_json;
    one Institution: "institution" => Institution::from_json;
    one Job: "job" => Job::from_json;
    one OAuthState: "oauth_state" => OAuthState::from_json;
    one Microdeposit: "micro_deposit" => Microdeposit::from_json;
    list Member: "members" => Member::from_json;
    list Institution: "institutions" => Institution::from_json;
    list OAuthState: "oauth_states" => OAuthState::from_json;
}

/// A login form's fields, in display order.
impl FromHost for Vec<CredentialField> {
    fn from_host(value: &Value) -> Result<Self, String> {
        let mut fields = many(value, "credentials", CredentialField::from_json)?;
        fields.sort_by_key(|f| f.display_order);
        Ok(fields)
    }
}

/// `getOAuthWindowURI`'s answer: `{member: {oauth_window_uri}}` or the bare member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OAuthWindowUri(pub String);

impl FromHost for OAuthWindowUri {
    fn from_host(value: &Value) -> Result<Self, String> {
        envelope(value, "member")
            .get("oauth_window_uri")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty())
            .map(|u| OAuthWindowUri(u.to_string()))
            .ok_or_else(|| "no `oauth_window_uri`".into())
    }
}

/// `verifyRoutingNumber`'s answer: the reason a routing number is blocked, if it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutingNumberCheck {
    pub blocked_reason: Option<String>,
}

impl FromHost for RoutingNumberCheck {
    fn from_host(value: &Value) -> Result<Self, String> {
        let blocked =
            value.get("blocked_routing_number").or_else(|| value.get("blockedRoutingNumber")).filter(|b| !b.is_null());
        Ok(RoutingNumberCheck {
            blocked_reason: blocked
                .map(|b| b.get("reason_name").and_then(Value::as_str).unwrap_or("BLOCKED").to_string()),
        })
    }
}

/// `createAccount`'s answer, as the host gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct CreatedAccount(pub Value);

impl FromHost for CreatedAccount {
    fn from_host(value: &Value) -> Result<Self, String> {
        Ok(CreatedAccount(envelope(value, "account").clone()))
    }
}

/// An answer that may carry a `T` or nothing useful (`verifyMicrodeposit`
/// may resolve to the microdeposit, or to anything): never an error.
impl<T: FromHost> FromHost for Option<T> {
    fn from_host(value: &Value) -> Result<Self, String> {
        Ok(T::from_host(value).ok())
    }
}

/// Answers the widget does not read (`runJob`, `deleteMember`, …): any value will do.
impl FromHost for () {
    fn from_host(_: &Value) -> Result<Self, String> {
        Ok(())
    }
}

/// Whether `value` reads as what `call` answers: for conformance tests of a
/// back-end (the sandbox, the HTTP server) against the host contract.
pub fn check_answer(call: &super::HostCall, value: &Value) -> Result<(), String> {
    use super::HostCall as C;
    fn ok<T: FromHost>(value: &Value) -> Result<(), String> {
        T::from_host(value).map(|_| ())
    }
    match call {
        C::AddMember { .. } | C::UpdateMember { .. } | C::UpdateMfa { .. } | C::LoadMemberByGuid { .. } => {
            ok::<Member>(value)
        }
        C::LoadMembers => ok::<Vec<Member>>(value),
        C::LoadInstitutions(_) | C::LoadPopularInstitutions { .. } | C::LoadDiscoveredInstitutions { .. } => {
            ok::<Vec<Institution>>(value)
        }
        C::LoadInstitutionByGuid { .. } | C::LoadInstitutionByCode { .. } => ok::<Institution>(value),
        C::GetInstitutionCredentials { .. } | C::GetMemberCredentials { .. } => ok::<Vec<CredentialField>>(value),
        C::LoadJob { .. } => ok::<Job>(value),
        C::LoadOAuthStates { .. } => ok::<Vec<OAuthState>>(value),
        C::LoadOAuthState { .. } => ok::<OAuthState>(value),
        C::GetOAuthWindowUri { .. } => ok::<OAuthWindowUri>(value),
        C::CreateMicrodeposit(_) | C::UpdateMicrodeposit { .. } | C::LoadMicrodepositByGuid { .. } => {
            ok::<Microdeposit>(value)
        }
        C::VerifyRoutingNumber { .. } => ok::<RoutingNumberCheck>(value),
        C::CreateAccount { .. } => ok::<CreatedAccount>(value),
        C::RunJob { .. }
        | C::DeleteMember { .. }
        | C::OAuthStart { .. }
        | C::CreateSupportTicket(_)
        | C::RefreshMicrodepositStatus { .. }
        | C::VerifyMicrodeposit { .. }
        | C::UpdateUserProfile { .. } => ok::<()>(value),
    }
}
