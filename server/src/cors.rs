//! Which pages may call the server: any page served from this machine (the
//! demo on :8080, the browser-test runner on a random port), and the origins
//! given with `--allow-origin`. Cookies are allowed (`credentials: "include"`),
//! so the allowed origin is echoed, never `*`.

use axum::http::{header, HeaderValue, Method};
use std::time::Duration;
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

/// `http(s)://localhost`, `127.0.0.1` or `[::1]`, with any port, and nothing else.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Some(rest) = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) else {
        return false;
    };
    let (host, port) = match rest.strip_prefix("[::1]") {
        Some(after) => ("[::1]", after),
        None => rest.find(':').map_or((rest, ""), |i| rest.split_at(i)),
    };
    (port.is_empty() || is_port(port)) && matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// `:1`–`:65535`.
fn is_port(text: &str) -> bool {
    text.strip_prefix(':').and_then(|p| p.parse::<u16>().ok()).is_some_and(|p| p > 0)
}

pub fn layer(extra_origins: Vec<String>) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin: &HeaderValue, _| {
            origin.to_str().is_ok_and(|o| is_loopback_origin(o) || extra_origins.iter().any(|e| e == o))
        }))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        // Whatever the page asks for: `Content-Type`, `Authorization`, the partner's own.
        .allow_headers(AllowHeaders::mirror_request())
        .allow_credentials(true)
        // The widget reads `Retry-After` to pace its retries.
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_pages_on_any_port_are_allowed() {
        for origin in ["http://127.0.0.1:8080", "http://localhost:39421", "http://localhost", "https://[::1]:8443"] {
            assert!(is_loopback_origin(origin), "{origin}");
        }
    }

    #[test]
    fn other_origins_are_not() {
        for origin in [
            "http://localhost.evil.example",
            "http://127.0.0.1.nip.io:8080",
            "http://evil.example#localhost",
            "http://localhost:0",
            "http://localhost:x",
            "http://[::1]x",
            "file://localhost",
            "null",
            "https://bank.example",
        ] {
            assert!(!is_loopback_origin(origin), "{origin}");
        }
    }
}
