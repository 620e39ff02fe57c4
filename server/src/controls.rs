//! Test controls of a session, under `/_sandbox/`: make requests fail or
//! hang, and list the requests received. Every API request passes through
//! `observe`, which logs it and applies an armed fault.

use crate::calls::{error, App, Body, Route};
use crate::sessions::{Fault, Logged};
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/_sandbox/faults", post(add_fault).delete(clear_faults))
        .route("/_sandbox/requests", get(list_requests))
}

/// Log the request; answer for the sandbox when a fault is armed for it.
pub async fn observe(
    State(app): State<App>,
    route: Route,
    OriginalUri(original): OriginalUri,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().as_str().to_string();
    // Inside `/sessions/{id}` the path is seen without that prefix: the route the widget called.
    let path = request.uri().path().to_string();
    let authorization = request.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_string);
    let fault = app.with(&route.session, |session| {
        session.log(Logged { method: method.clone(), uri: original.to_string(), authorization });
        session.take_fault(&method, &path)
    });
    match fault {
        Some(Fault { hang: true, .. }) => std::future::pending().await,
        Some(Fault { status, .. }) => {
            let status = status.and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            error(status, "The sandbox server failed this request on purpose (a test fault).")
        }
        None => next.run(request).await,
    }
}

/// `{method, path, status?, hang?, times?}`: the next `times` (1) requests
/// `method path` answer `status` (500), or never answer when `hang`.
async fn add_fault(State(app): State<App>, route: Route, Body(body): Body) -> Response {
    let method = body.get("method").and_then(Value::as_str).unwrap_or_default().to_ascii_uppercase();
    let path = body.get("path").and_then(Value::as_str).unwrap_or_default().to_string();
    if !["GET", "POST", "PUT", "DELETE"].contains(&method.as_str()) || !path.starts_with('/') {
        return error(
            StatusCode::BAD_REQUEST,
            "A fault needs `method` (GET, POST, PUT, DELETE) and a `path` like /members.",
        );
    }
    let status = body.get("status").and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok());
    if status.is_some_and(|s| !(400..600).contains(&s)) {
        return error(StatusCode::BAD_REQUEST, "A fault's `status` is an error status, 400 to 599.");
    }
    let hang = body.get("hang").and_then(Value::as_bool).unwrap_or(false);
    let times = body.get("times").and_then(Value::as_u64).map_or(1, |t| u32::try_from(t).unwrap_or(u32::MAX)).max(1);
    app.with(&route.session, |session| session.faults.push(Fault { method, path, status, hang, times }));
    (StatusCode::CREATED, Json(json!({}))).into_response()
}

async fn clear_faults(State(app): State<App>, route: Route) -> Response {
    app.with(&route.session, |session| session.faults.clear());
    Json(json!({})).into_response()
}

/// `[{method, uri, authorization}]`, oldest first.
async fn list_requests(State(app): State<App>, route: Route) -> Response {
    let list = app.with(&route.session, |session| {
        session
            .requests
            .iter()
            .map(|r| json!({"method": r.method, "uri": r.uri, "authorization": r.authorization}))
            .collect::<Vec<_>>()
    });
    Json(Value::Array(list)).into_response()
}
