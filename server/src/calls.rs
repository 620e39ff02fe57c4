//! The routes of docs/http-api.md: each request becomes the `HostCall` a host
//! object would have received, answered by the session's sandbox.
//!
//! This is the inverse of the widget's route table (`connect_widget::host::http`);
//! the native tests send the widget's own requests to it over real HTTP.

use crate::sessions::{status_and_body, Sessions, DEFAULT_SESSION};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use connect_widget::host::http::{query_name, PRODUCT_FILTERS};
use connect_widget::host::{
    CredentialValue, HostCall, InstitutionQuery, MicrodepositChange, MicrodepositDetails, SupportTicket,
};
use connect_widget::model::Secret;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

pub type App = Arc<Sessions>;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/members", post(add_member).get(load_members))
        .route("/members/{guid}", get(load_member).put(update_member).delete(delete_member))
        .route("/members/{guid}/credentials", get(member_credentials))
        .route("/members/{guid}/jobs", post(run_job))
        .route("/members/{guid}/oauthWindowUri", post(oauth_window_uri))
        .route("/oauthStates", get(load_oauth_states))
        .route("/oauthStates/{guid}", get(load_oauth_state))
        .route("/performance/oAuthStart", post(oauth_start))
        .route("/supportTickets", post(support_ticket))
        .route("/institutions", get(load_institutions))
        .route("/institutions/recommended", get(popular_institutions))
        .route("/institutions/discovered", get(discovered_institutions))
        .route("/institutions/byCode/{code}", get(institution_by_code))
        .route("/institutions/{guid}", get(institution_by_guid))
        .route("/institutions/{guid}/credentials", get(institution_credentials))
        .route("/accounts", post(create_account))
        .route("/microdeposits", post(create_microdeposit))
        .route("/microdeposits/{guid}", get(load_microdeposit).put(update_microdeposit))
        .route("/microdeposits/{guid}/refresh", post(refresh_microdeposit))
        .route("/microdeposits/{guid}/verify", post(verify_microdeposit))
        .route("/routingNumbers/{number}", get(verify_routing_number))
        .route("/jobs/{guid}", get(load_job))
        .route("/userProfile", put(update_user_profile))
}

/// A JSON error answer `{message}`.
pub fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "message": message }))).into_response()
}

pub async fn no_such_route() -> Response {
    error(StatusCode::NOT_FOUND, "No such route; see docs/http-api.md.")
}

/// The session and path parameters of a request. Outside `/sessions/{id}`,
/// the session is the default one.
pub struct Route {
    pub session: String,
    params: BTreeMap<String, String>,
}

impl Route {
    fn param(&self, name: &str) -> String {
        self.params.get(name).cloned().unwrap_or_default()
    }
}

/// Session names: letters, digits, `-` and `_`, at most 64.
fn valid_session(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl<S: Send + Sync> FromRequestParts<S> for Route {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // A route without parameters has none to read: that is not an error.
        let params = Path::<BTreeMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Path(params)| params)
            .unwrap_or_default();
        let session = params.get("session").cloned().unwrap_or_else(|| DEFAULT_SESSION.to_string());
        if !valid_session(&session) {
            return Err(error(StatusCode::NOT_FOUND, "Session names are letters, digits, - and _ (at most 64)."));
        }
        Ok(Route { session, params })
    }
}

/// A JSON request body; an empty body is `null`.
pub struct Body(pub Value);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| error(StatusCode::BAD_REQUEST, "The request body could not be read."))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Body(Value::Null));
        }
        serde_json::from_slice(&bytes)
            .map(Body)
            .map_err(|_| error(StatusCode::BAD_REQUEST, "The request body is not JSON."))
    }
}

type Params = Query<BTreeMap<String, String>>;

fn answer(app: &App, route: &Route, call: HostCall) -> Response {
    let (status, body) = status_and_body(app.answer(&route.session, &call));
    (StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), Json(body)).into_response()
}

fn text(body: &Value, key: &str) -> String {
    match body.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// `[{guid, value}]` of a member body; a `null` value is an option not chosen.
fn credentials(body: &Value) -> Vec<CredentialValue> {
    body.get("credentials").and_then(Value::as_array).map_or_else(Vec::new, |list| {
        list.iter()
            .map(|c| CredentialValue {
                guid: text(c, "guid"),
                value: match c.get("value") {
                    Some(Value::String(s)) => Some(Secret::new(s.clone())),
                    Some(Value::Number(n)) => Some(Secret::new(n.to_string())),
                    _ => None,
                },
            })
            .collect()
    })
}

/// The member of a `PUT /members/:guid` body: everything but `credentials`,
/// addressed by the path's guid.
fn member_of(body: &Value, guid: String) -> Value {
    let mut member: Map<String, Value> = body.as_object().cloned().unwrap_or_default();
    member.remove("credentials");
    member.insert("guid".into(), Value::String(guid));
    Value::Object(member)
}

/// `updateMFA` and `updateMember` share `PUT /members/:guid`, as in ucw-app.
/// An MFA answer answers the challenges the body's `mfa.credentials` lists.
pub fn answers_mfa(body: &Value) -> bool {
    let challenges: Vec<&str> = body
        .pointer("/mfa/credentials")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|c| c.get("guid").and_then(Value::as_str)).collect())
        .unwrap_or_default();
    let answered = credentials(body);
    !challenges.is_empty() && !answered.is_empty() && answered.iter().all(|a| challenges.contains(&a.guid.as_str()))
}

fn number(query: &BTreeMap<String, String>, key: &str, default: u32) -> u32 {
    query.get(key).and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn non_empty(query: &BTreeMap<String, String>, key: &str) -> Option<String> {
    query.get(key).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// `pageSize`, `isoCountryCode` and the product filters of a search.
fn search_filters(query: &BTreeMap<String, String>) -> (u32, Option<String>, Vec<(&'static str, Value)>) {
    let filters = PRODUCT_FILTERS
        .iter()
        .filter_map(|name| {
            let value = query.get(&query_name(name))?;
            Some((*name, value.parse::<bool>().map_or_else(|_| Value::String(value.clone()), Value::Bool)))
        })
        .collect();
    (number(query, "pageSize", 25), non_empty(query, "isoCountryCode"), filters)
}

async fn add_member(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let call = HostCall::AddMember {
        institution: body.get("rawInstitutionData").cloned().unwrap_or(Value::Null),
        institution_guid: text(&body, "institution_guid"),
        credentials: credentials(&body),
        is_oauth: body.get("is_oauth").and_then(Value::as_bool).unwrap_or(false),
    };
    answer(&app, &route, call)
}

async fn load_members(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadMembers)
}

async fn load_member(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadMemberByGuid { guid: route.param("guid") })
}

async fn update_member(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let member = member_of(&body, route.param("guid"));
    let call = if answers_mfa(&body) {
        HostCall::UpdateMfa { member, credentials: credentials(&body) }
    } else {
        HostCall::UpdateMember { member, credentials: credentials(&body) }
    };
    answer(&app, &route, call)
}

async fn delete_member(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::DeleteMember { member: json!({ "guid": route.param("guid") }) })
}

async fn member_credentials(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::GetMemberCredentials { member_guid: route.param("guid") })
}

async fn run_job(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let job_type = body.get("job_type").and_then(Value::as_i64).unwrap_or(0);
    answer(&app, &route, HostCall::RunJob { job_type, member_guid: route.param("guid") })
}

async fn oauth_window_uri(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::GetOAuthWindowUri { member_guid: route.param("guid") })
}

async fn load_oauth_states(State(app): State<App>, route: Route, Query(query): Params) -> Response {
    let Some(outbound_member_guid) = non_empty(&query, "outboundMemberGuid") else {
        return error(StatusCode::BAD_REQUEST, "outboundMemberGuid is required.");
    };
    answer(&app, &route, HostCall::LoadOAuthStates { outbound_member_guid })
}

async fn load_oauth_state(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadOAuthState { guid: route.param("guid") })
}

/// ucw-app's body is `{institutionId, connectionId}`; the widget adds `member`.
async fn oauth_start(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let member = match body.get("member") {
        Some(member) if member.is_object() => member.clone(),
        _ => json!({ "guid": text(&body, "connectionId") }),
    };
    answer(&app, &route, HostCall::OAuthStart { member })
}

async fn support_ticket(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let ticket =
        SupportTicket { email: text(&body, "email"), title: text(&body, "title"), message: text(&body, "message") };
    answer(&app, &route, HostCall::CreateSupportTicket(ticket))
}

async fn load_institutions(State(app): State<App>, route: Route, Query(query): Params) -> Response {
    let (per_page, iso_country_code, filters) = search_filters(&query);
    let call = HostCall::LoadInstitutions(InstitutionQuery {
        search_name: non_empty(&query, "search"),
        routing_number: non_empty(&query, "routingNumber"),
        page: number(&query, "page", 1),
        per_page,
        iso_country_code,
        filters,
    });
    answer(&app, &route, call)
}

async fn popular_institutions(State(app): State<App>, route: Route, Query(query): Params) -> Response {
    let (per_page, iso_country_code, filters) = search_filters(&query);
    answer(&app, &route, HostCall::LoadPopularInstitutions { per_page, iso_country_code, filters })
}

async fn discovered_institutions(State(app): State<App>, route: Route, Query(query): Params) -> Response {
    let (per_page, iso_country_code, filters) = search_filters(&query);
    answer(&app, &route, HostCall::LoadDiscoveredInstitutions { per_page, iso_country_code, filters })
}

async fn institution_by_code(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadInstitutionByCode { code: route.param("code") })
}

async fn institution_by_guid(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadInstitutionByGuid { guid: route.param("guid") })
}

async fn institution_credentials(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::GetInstitutionCredentials { institution_guid: route.param("guid") })
}

async fn create_account(State(app): State<App>, route: Route, Body(account): Body) -> Response {
    answer(&app, &route, HostCall::CreateAccount { account })
}

async fn create_microdeposit(State(app): State<App>, route: Route, Body(microdeposit): Body) -> Response {
    answer(&app, &route, HostCall::CreateMicrodeposit(MicrodepositDetails::from_json(&microdeposit)))
}

async fn load_microdeposit(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadMicrodepositByGuid { guid: route.param("guid") })
}

async fn update_microdeposit(State(app): State<App>, route: Route, Body(data): Body) -> Response {
    let change = MicrodepositChange::from_json(&data);
    answer(&app, &route, HostCall::UpdateMicrodeposit { guid: route.param("guid"), change })
}

async fn refresh_microdeposit(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::RefreshMicrodepositStatus { guid: route.param("guid") })
}

async fn verify_microdeposit(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let call = HostCall::VerifyMicrodeposit {
        guid: route.param("guid"),
        amount_1: text(&body, "deposit_amount_1"),
        amount_2: text(&body, "deposit_amount_2"),
    };
    answer(&app, &route, call)
}

async fn verify_routing_number(State(app): State<App>, route: Route, Query(query): Params) -> Response {
    let include_identity = query.get("includeIdentity").is_some_and(|v| v == "true");
    answer(&app, &route, HostCall::VerifyRoutingNumber { routing_number: route.param("number"), include_identity })
}

async fn load_job(State(app): State<App>, route: Route) -> Response {
    answer(&app, &route, HostCall::LoadJob { guid: route.param("guid") })
}

async fn update_user_profile(State(app): State<App>, route: Route, Body(profile): Body) -> Response {
    answer(&app, &route, HostCall::UpdateUserProfile { profile })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mfa_answer_answers_the_bodys_challenges() {
        let challenged = json!({"guid": "MBR-1", "mfa": {"credentials": [{"guid": "CRD-Q"}, {"guid": "CRD-R"}]},
                                "credentials": [{"guid": "CRD-Q", "value": "Paris"}, {"guid": "CRD-R", "value": null}]});
        assert!(answers_mfa(&challenged));
        let login = json!({"guid": "MBR-1", "credentials": [{"guid": "CRD-P", "value": "pw"}]});
        assert!(!answers_mfa(&login));
        // New login credentials for a member that still lists a challenge.
        let mixed = json!({"guid": "MBR-1", "mfa": {"credentials": [{"guid": "CRD-Q"}]},
                           "credentials": [{"guid": "CRD-P", "value": "pw"}]});
        assert!(!answers_mfa(&mixed));
        assert!(!answers_mfa(&json!({"mfa": {"credentials": [{"guid": "CRD-Q"}]}})));
    }

    #[test]
    fn the_put_body_becomes_the_member_and_its_credentials() {
        let body =
            json!({"guid": "OTHER", "name": "x", "credentials": [{"guid": "CRD-P", "value": "pw"}, {"guid": "CRD-O"}]});
        assert_eq!(member_of(&body, "MBR-1".into()), json!({"guid": "MBR-1", "name": "x"}));
        let read = credentials(&body);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].value.as_ref().map(Secret::expose), Some("pw"));
        assert_eq!(read[1].value, None);
    }

    #[test]
    fn session_names_are_short_and_plain() {
        assert!(valid_session("http-mfa_1"));
        assert!(!valid_session(""));
        assert!(!valid_session("a/b"));
        assert!(!valid_session(&"x".repeat(65)));
    }
}
