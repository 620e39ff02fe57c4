//! The HTTP transport's pure half: every host callback as an HTTP request on
//! the partner's back-end (`mount(el, {api: {url}})`), and every HTTP answer
//! as the same `Result<Value, HostError>` a host object's Promise gives.
//!
//! - `route`: `HostCall` → method, path, query, JSON body (docs/http-api.md).
//!   Secrets (credentials, MFA answers, account numbers) only ever go in
//!   bodies, never in paths or queries.
//! - `answer`: HTTP status and body → the answer, or a typed `HostError`
//!   (status and JSON body kept, so a 409's `guid` works as with a host object).
//! - `retry`: which failures are tried again (idempotent GETs only) and after
//!   how long.
//! - `headers`: reading the partner's headers (static or per request) and
//!   merging them with the widget's own.
//!
//! The wasm side (`host::js::http`) sends the requests with gloo-net and
//! adds timeouts, cancellation and console lines. Nothing here touches JS,
//! so all of it is tested natively.

mod answer;
mod headers;
mod retry;
mod route;

pub use answer::{network_error, read_answer};
pub use headers::{default_headers, header_pairs, merge_headers, Header};
pub use retry::{Failure, RetryPolicy};
pub use route::{encode_component, query_name, request_for, HttpRequest, Method, PRODUCT_FILTERS};
