//! Turning what a callback resolved to into a typed `Reply`.
//!
//! Lenient by design (DESIGN §2.5): the documented envelope (`{member: …}`,
//! `{credentials: […]}`, `{members: […]}`, `{micro_deposit: …}`) and the bare
//! value are both accepted; unknown fields are ignored; list entries that
//! cannot be read are skipped rather than failing the whole list.

use super::{HostCall, HostError};
use crate::model::{CredentialField, DecodeError, Institution, Job, Member, Microdeposit, OAuthState};
use serde_json::Value;

/// What a callback answered, typed by the callback that was made.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    Member(Member),
    Members(Vec<Member>),
    Institution(Institution),
    Institutions(Vec<Institution>),
    Credentials(Vec<CredentialField>),
    Job(Job),
    OAuthStates(Vec<OAuthState>),
    OAuthState(OAuthState),
    OAuthWindowUri(String),
    Microdeposit(Microdeposit),
    /// `verifyRoutingNumber`: `None` when the routing number is not blocked.
    RoutingNumberBlocked(Option<String>),
    Account(Value),
    /// Callbacks whose answer the widget does not read.
    Done,
}

/// Unwrap `{key: inner}` when present, else take the value as it is.
fn envelope<'a>(value: &'a Value, key: &str) -> &'a Value {
    match value.get(key) {
        Some(inner) if !inner.is_null() => inner,
        _ => value,
    }
}

fn list<'a>(value: &'a Value, key: &str) -> Option<&'a Vec<Value>> {
    envelope(value, key).as_array()
}

fn malformed(call: &HostCall, detail: impl Into<String>) -> HostError {
    HostError::Malformed { callback: call.name(), detail: detail.into() }
}

fn one<T>(
    call: &HostCall,
    value: &Value,
    key: &str,
    read: fn(&Value) -> Result<T, DecodeError>,
) -> Result<T, HostError> {
    read(envelope(value, key)).map_err(|DecodeError(e)| malformed(call, e))
}

fn many<T>(
    call: &HostCall,
    value: &Value,
    key: &str,
    read: fn(&Value) -> Result<T, DecodeError>,
) -> Result<Vec<T>, HostError> {
    let items = list(value, key).ok_or_else(|| malformed(call, format!("expected a list (or `{{{key}: [...]}}`)")))?;
    Ok(items.iter().filter_map(|item| read(item).ok()).collect())
}

/// Decode the resolved value of `call`.
pub fn decode(call: &HostCall, value: &Value) -> Result<Reply, HostError> {
    use HostCall as C;
    Ok(match call {
        C::AddMember { .. } | C::UpdateMember { .. } | C::UpdateMfa { .. } | C::LoadMemberByGuid { .. } => {
            Reply::Member(one(call, value, "member", Member::from_json)?)
        }
        C::LoadMembers => Reply::Members(many(call, value, "members", Member::from_json)?),
        C::LoadInstitutions(_) | C::LoadPopularInstitutions { .. } | C::LoadDiscoveredInstitutions { .. } => {
            Reply::Institutions(many(call, value, "institutions", Institution::from_json)?)
        }
        C::LoadInstitutionByGuid { .. } | C::LoadInstitutionByCode { .. } => {
            Reply::Institution(one(call, value, "institution", Institution::from_json)?)
        }
        C::GetInstitutionCredentials { .. } | C::GetMemberCredentials { .. } => {
            let mut fields = many(call, value, "credentials", CredentialField::from_json)?;
            fields.sort_by_key(|f| f.display_order);
            Reply::Credentials(fields)
        }
        C::LoadJob { .. } => Reply::Job(one(call, value, "job", Job::from_json)?),
        C::LoadOAuthStates { .. } => Reply::OAuthStates(many(call, value, "oauth_states", OAuthState::from_json)?),
        C::LoadOAuthState { .. } => Reply::OAuthState(one(call, value, "oauth_state", OAuthState::from_json)?),
        C::GetOAuthWindowUri { .. } => {
            let uri = envelope(value, "member")
                .get("oauth_window_uri")
                .and_then(Value::as_str)
                .filter(|u| !u.is_empty())
                .ok_or_else(|| malformed(call, "no `oauth_window_uri`"))?;
            Reply::OAuthWindowUri(uri.to_string())
        }
        C::CreateMicrodeposit { .. } | C::UpdateMicrodeposit { .. } | C::LoadMicrodepositByGuid { .. } => {
            Reply::Microdeposit(one(call, value, "micro_deposit", Microdeposit::from_json)?)
        }
        C::VerifyRoutingNumber { .. } => {
            let blocked = value
                .get("blocked_routing_number")
                .or_else(|| value.get("blockedRoutingNumber"))
                .filter(|b| !b.is_null());
            Reply::RoutingNumberBlocked(
                blocked.map(|b| b.get("reason_name").and_then(Value::as_str).unwrap_or("BLOCKED").to_string()),
            )
        }
        C::CreateAccount { .. } => Reply::Account(envelope(value, "account").clone()),
        C::RunJob { .. }
        | C::DeleteMember { .. }
        | C::OAuthStart { .. }
        | C::CreateSupportTicket(_)
        | C::RefreshMicrodepositStatus { .. }
        | C::VerifyMicrodeposit { .. }
        | C::UpdateUserProfile { .. } => Reply::Done,
    })
}
