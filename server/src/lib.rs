//! The connect-widget sandbox as a local HTTP back-end.
//!
//! It serves the routes the widget's HTTP transport calls (docs/http-api.md)
//! from the widget's own pure-Rust sandbox (`connect_widget::sandbox`): each
//! request becomes the `HostCall` a host object would have received, the
//! sandbox answers it at the server's clock, and the answer (or its error
//! status and body) goes back as JSON. So the transport is tested over real
//! HTTP, and partners have a working reference back-end.
//!
//! - Every route is served at `/` (the default session) and under
//!   `/sessions/{id}/`: each session is a sandbox of its own, so tests (or two
//!   people) never see each other's members.
//! - `/_sandbox/…` under a session are test controls: make the next matching
//!   requests fail or hang, and list the requests received.
//! - Loopback only; CORS lets any loopback page (the demo, the test runner)
//!   and the origins given with `--allow-origin` call it, with cookies.

mod calls;
mod controls;
mod cors;
mod oauth_page;
mod sessions;

pub use cors::is_loopback_origin;
pub use sessions::{Sessions, DEFAULT_SESSION};

use axum::Router;
use connect_widget::sandbox::SandboxOptions;
use std::future::Future;
use std::sync::Arc;

/// What the server is started with.
#[derive(Clone, Debug, Default)]
pub struct ServerConfig {
    /// Timings of every session's sandbox (`epoch_ms` is set from the clock).
    pub sandbox: SandboxOptions,
    /// Origins besides loopback ones that may call the server (`https://app.example`).
    pub allowed_origins: Vec<String>,
    /// The server's own address (`http://127.0.0.1:8787`): OAuth members' `oauth_window_uri` then opens the
    /// server's authorization page (`/oauth/authorize`) instead of the sandbox's default.
    pub public_url: Option<String>,
}

/// The whole application: the routes at `/` and under `/sessions/{session}`,
/// with CORS.
pub fn app(config: ServerConfig) -> Router {
    let state = Arc::new(Sessions::new(config.sandbox, config.public_url));
    let routes = || {
        calls::routes()
            .route_layer(axum::middleware::from_fn_with_state(Arc::clone(&state), controls::observe))
            .merge(controls::routes())
            .merge(oauth_page::routes())
    };
    Router::new()
        .merge(routes())
        .nest("/sessions/{session}", routes())
        .fallback(calls::no_such_route)
        .layer(cors::layer(config.allowed_origins))
        .with_state(state)
}

/// Serve `app(config)` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(config)).with_graceful_shutdown(shutdown).await
}
