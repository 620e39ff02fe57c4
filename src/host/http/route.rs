//! The route table: which HTTP request each host callback becomes.
//!
//! ucw-app's server routes are used where it has them (`POST /members`,
//! `GET|PUT /members/:guid`, `GET /institutions?search=…`, `GET /oauthStates`,
//! …); the other callbacks follow the same style. A request body is the
//! callback's first argument exactly as a host object receives it
//! (`HostCall::args`), so a back-end reads the shapes of docs/host-api.md.
//! `config` and `isHuman` are not sent: the back-end that serves the page
//! made the config, and `isHuman` is always true.

use crate::host::{HostCall, HostError, InstitutionQuery};
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One host call as an HTTP request, relative to the partner's base URL.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub method: Method,
    /// The path below the base URL, each segment percent-encoded: `/members/MBR-1`.
    pub path: String,
    /// Query parameters, not yet encoded. Never holds a secret.
    pub query: Vec<(String, String)>,
    /// The JSON body (POST and PUT only).
    pub body: Option<Value>,
}

impl HttpRequest {
    /// The full URL under `base` (no trailing slash, as `options` keeps it).
    pub fn url(&self, base: &str) -> String {
        let mut url = format!("{base}{}", self.path);
        for (i, (name, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&encode_component(name));
            url.push('=');
            url.push_str(&encode_component(value));
        }
        url
    }

    /// `POST /members`: what the console line names (no query: it may hold a search term).
    pub fn describe(&self) -> String {
        format!("{} {}", self.method.as_str(), self.path)
    }
}

/// The product filters a search may carry (`HostCall::LoadInstitutions`,
/// `LoadPopularInstitutions`, `LoadDiscoveredInstitutions`), by their host API
/// names. In a query they are camel-cased (`accountVerificationIsEnabled=true`).
pub const PRODUCT_FILTERS: [&str; 3] =
    ["account_verification_is_enabled", "account_identification_is_enabled", "tax_statement_is_enabled"];

/// `iso_country_code` → `isoCountryCode`: the query style of ucw-app's routes.
pub fn query_name(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Percent-encode everything but RFC 3986's unreserved characters, so a guid
/// with `/`, `?` or `#` stays one path segment or one query value.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn path(segments: &[&str]) -> String {
    segments.iter().map(|s| format!("/{}", encode_component(s))).collect()
}

fn query_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `pageSize`, `isoCountryCode` and the product filters of a search.
fn search_query(per_page: u32, iso_country_code: &Option<String>, filters: &[(&str, Value)]) -> Vec<(String, String)> {
    let mut query = vec![("pageSize".to_string(), per_page.to_string())];
    if let Some(iso) = iso_country_code {
        query.push(("isoCountryCode".into(), iso.clone()));
    }
    for (name, value) in filters {
        query.push((query_name(name), query_value(value)));
    }
    query
}

fn institutions_query(q: &InstitutionQuery) -> Vec<(String, String)> {
    let mut query = Vec::new();
    match (&q.routing_number, &q.search_name) {
        (Some(routing), _) => query.push(("routingNumber".to_string(), routing.clone())),
        (None, Some(name)) => query.push(("search".to_string(), name.clone())),
        (None, None) => {}
    }
    query.push(("page".into(), q.page.to_string()));
    query.extend(search_query(q.per_page, &q.iso_country_code, &q.filters));
    query
}

/// The guid of a member the widget sends back (`updateMember`, `deleteMember`, …).
fn member_guid(callback: &'static str, member: &Value) -> Result<String, HostError> {
    match member.get("guid") {
        Some(Value::String(guid)) if !guid.trim().is_empty() => Ok(guid.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => Err(HostError::Failed { callback, message: "the member has no `guid` to address it by".into() }),
    }
}

fn get(segments: &[&str]) -> HttpRequest {
    HttpRequest { method: Method::Get, path: path(segments), query: Vec::new(), body: None }
}

fn send(method: Method, segments: &[&str], body: Value) -> HttpRequest {
    HttpRequest { method, path: path(segments), query: Vec::new(), body: Some(body) }
}

/// The request for `call`. Fails only when the call cannot be addressed (a
/// member without a guid).
pub fn request_for(call: &HostCall) -> Result<HttpRequest, HostError> {
    // The body is the callback's first argument, as a host object gets it.
    let first_arg = || call.args(&Value::Null, "").into_iter().next().unwrap_or(Value::Null);
    let name = call.name();
    let request = match call {
        HostCall::AddMember { .. } => send(Method::Post, &["members"], first_arg()),
        // Both answer to ucw-app's `PUT /members/:guid`. An MFA answer's
        // `credentials` carry the guids of the body's `mfa.credentials`.
        HostCall::UpdateMember { member, .. } | HostCall::UpdateMfa { member, .. } => {
            send(Method::Put, &["members", &member_guid(name, member)?], first_arg())
        }
        HostCall::DeleteMember { member } => HttpRequest {
            method: Method::Delete,
            path: path(&["members", &member_guid(name, member)?]),
            query: Vec::new(),
            body: None,
        },
        HostCall::LoadMembers => get(&["members"]),
        HostCall::LoadMemberByGuid { guid } => get(&["members", guid]),
        HostCall::LoadOAuthStates { outbound_member_guid } => HttpRequest {
            query: vec![("outboundMemberGuid".into(), outbound_member_guid.clone())],
            ..get(&["oauthStates"])
        },
        HostCall::LoadOAuthState { guid } => get(&["oauthStates", guid]),
        // ucw-app's route and body names, plus the member the callback gets.
        HostCall::OAuthStart { member } => {
            let mut body = json!({ "connectionId": member_guid(name, member)?, "member": member });
            if let Some(institution) = member.get("institution_guid").filter(|v| v.is_string()) {
                body["institutionId"] = institution.clone();
            }
            send(Method::Post, &["performance", "oAuthStart"], body)
        }
        HostCall::CreateSupportTicket(_) => send(Method::Post, &["supportTickets"], first_arg()),
        HostCall::LoadInstitutions(q) => HttpRequest { query: institutions_query(q), ..get(&["institutions"]) },
        HostCall::LoadInstitutionByGuid { guid } => get(&["institutions", guid]),
        HostCall::LoadInstitutionByCode { code } => get(&["institutions", "byCode", code]),
        HostCall::LoadPopularInstitutions { per_page, iso_country_code, filters } => HttpRequest {
            query: search_query(*per_page, iso_country_code, filters),
            ..get(&["institutions", "recommended"])
        },
        HostCall::LoadDiscoveredInstitutions { per_page, iso_country_code, filters } => HttpRequest {
            query: search_query(*per_page, iso_country_code, filters),
            ..get(&["institutions", "discovered"])
        },
        HostCall::CreateAccount { .. } => send(Method::Post, &["accounts"], first_arg()),
        HostCall::CreateMicrodeposit { .. } => send(Method::Post, &["microdeposits"], first_arg()),
        HostCall::LoadMicrodepositByGuid { guid } => get(&["microdeposits", guid]),
        HostCall::UpdateMicrodeposit { guid, change } => send(Method::Put, &["microdeposits", guid], change.to_json()),
        HostCall::RefreshMicrodepositStatus { guid } => {
            send(Method::Post, &["microdeposits", guid, "refresh"], json!({}))
        }
        HostCall::VerifyMicrodeposit { guid, amount_1, amount_2 } => send(
            Method::Post,
            &["microdeposits", guid, "verify"],
            json!({"deposit_amount_1": amount_1, "deposit_amount_2": amount_2}),
        ),
        HostCall::VerifyRoutingNumber { routing_number, include_identity } => HttpRequest {
            query: vec![("includeIdentity".into(), include_identity.to_string())],
            ..get(&["routingNumbers", routing_number])
        },
        HostCall::LoadJob { guid } => get(&["jobs", guid]),
        HostCall::RunJob { job_type, member_guid } => {
            send(Method::Post, &["members", member_guid, "jobs"], json!({ "job_type": job_type }))
        }
        HostCall::GetInstitutionCredentials { institution_guid } => {
            get(&["institutions", institution_guid, "credentials"])
        }
        HostCall::GetMemberCredentials { member_guid } => get(&["members", member_guid, "credentials"]),
        // POST: each call opens a fresh OAuth state, so it is not a read to retry.
        HostCall::GetOAuthWindowUri { member_guid } => {
            send(Method::Post, &["members", member_guid, "oauthWindowUri"], json!({}))
        }
        HostCall::UpdateUserProfile { .. } => send(Method::Put, &["userProfile"], first_arg()),
    };
    Ok(request)
}

#[cfg(test)]
mod tests;
