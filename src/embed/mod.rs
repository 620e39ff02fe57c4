//! Embedding the widget outside `mount`'s page: the pure parts, tested
//! natively. The browser side that uses them is in `src/mount/` (the iframe
//! page's `mountFrame`, the `api=parent` transport, the stylesheets).
//!
//! - `query`: `widget.html`'s query string → the options `mount` reads.
//! - `hosted`: widget events as MX's hosted-widget messages (`mx/connect/*`).
//! - `webview`: the same as `<scheme>://connect/<event>?metadata=…` navigations.
//! - `bridge`: the messages between the frame and `connect-widget-bridge.js`.
//! - `url`: query decoding, `encodeURIComponent`, web origins.

pub mod bridge;
pub mod hosted;
pub mod query;
pub mod url;
pub mod webview;
