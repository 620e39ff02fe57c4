//! The institution's OAuth page, played by the server: the `oauth_window_uri`
//! of a session's OAuth members points here, so the whole OAuth flow runs over
//! HTTP as it does with the in-page sandbox. The user's choice is applied to
//! the session's sandbox; the widget learns it by polling `GET /oauthStates`.
//! Plain HTML forms, no script; host-supplied text is escaped.

use crate::calls::{App, Route};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use connect_widget::embed::url::form_decode;
use std::collections::BTreeMap;

pub fn routes() -> Router<App> {
    Router::new().route("/oauth/authorize", get(page).post(choose))
}

/// The reasons the page can fail with, as `loadOAuthState` reports them.
const REASONS: [(i64, &str); 7] = [
    (0, "Unknown error"),
    (1, "Cancelled"),
    (2, "Denied"),
    (3, "Impeded"),
    (4, "Provider error"),
    (5, "Server error"),
    (6, "Session error"),
];

fn html(status: StatusCode, title: &str, body: &str) -> Response {
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>\
         <body style=\"font: 1rem/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem\">\
         <h1>{title}</h1>{body}</body></html>"
    );
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

async fn page(Query(query): Query<BTreeMap<String, String>>) -> Response {
    let member = escape(query.get("member_guid").map(String::as_str).unwrap_or_default());
    let hidden = format!("<input type=\"hidden\" name=\"member_guid\" value=\"{member}\">");
    let reasons: String =
        REASONS.iter().map(|(code, name)| format!("<option value=\"{code}\">{name}</option>")).collect();
    let body = format!(
        "<p>The sandbox stands in for your bank's own login and consent page. Allow the app to read your \
         accounts?</p>\
         <form method=\"post\">{hidden}<button name=\"choice\" value=\"authorize\">Authorize</button> \
         <button name=\"choice\" value=\"deny\">Deny</button></form>\
         <form method=\"post\">{hidden}<label for=\"reason\">Or fail with</label> \
         <select id=\"reason\" name=\"reason\">{reasons}</select> \
         <button name=\"choice\" value=\"fail\">Fail</button></form>\
         <p>To test a window closed without finishing, close this window.</p>"
    );
    html(StatusCode::OK, "Sandbox bank: allow access?", &body)
}

/// `application/x-www-form-urlencoded` fields; a field that does not decode is left out.
fn form_fields(body: &[u8]) -> BTreeMap<String, String> {
    let text = String::from_utf8_lossy(body);
    text.split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(k, v)| Some((form_decode(k).ok()?, form_decode(v).ok()?)))
        .collect()
}

async fn choose(State(app): State<App>, route: Route, body: Bytes) -> Response {
    let fields = form_fields(&body);
    let member = fields.get("member_guid").cloned().unwrap_or_default();
    let now = app.now_ms();
    let applied = match fields.get("choice").map(String::as_str) {
        Some("authorize") => app.with(&route.session, |s| s.sandbox.authorize_oauth(&member, now)),
        Some("deny") => app.with(&route.session, |s| s.sandbox.deny_oauth(&member, now)),
        Some("fail") => {
            let reason = fields.get("reason").and_then(|r| r.parse::<i64>().ok()).filter(|r| (0..=6).contains(r));
            reason.is_some_and(|r| app.with(&route.session, |s| s.sandbox.fail_oauth(&member, r, now)))
        }
        _ => false,
    };
    if applied {
        html(StatusCode::OK, "Done", "<p>You can close this window and go back to the app.</p>")
    } else {
        html(
            StatusCode::NOT_FOUND,
            "Nothing to authorize",
            "<p>This sandbox has no OAuth authorization waiting for that member (or the choice was not one of \
             the page's). Start again from the app.</p>",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_are_decoded() {
        let fields = form_fields(b"member_guid=MBR-1%2Fx&choice=fail&reason=3&note=a+b");
        assert_eq!(fields.get("member_guid").map(String::as_str), Some("MBR-1/x"));
        assert_eq!(fields.get("reason").map(String::as_str), Some("3"));
        assert_eq!(fields.get("note").map(String::as_str), Some("a b"));
        assert!(!form_fields(b"reason=100%").contains_key("reason"), "a broken field is left out");
        assert_eq!(escape("<b>\"x\"</b>"), "&lt;b&gt;&quot;x&quot;&lt;/b&gt;");
    }
}
