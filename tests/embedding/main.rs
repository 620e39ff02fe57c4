//! Embedding the widget outside `mount`, in headless Chromium: `widget.html`
//! driven by MX's published web SDK, `api=parent` through the bridge, the
//! `<connect-widget>` element, a strict Content-Security-Policy, mobile
//! webview navigations, and the npm package installed into a page project.
//!
//! A test binary of its own: it needs `dist/` built, the npm package packed
//! and the fixture servers running (`scripts/test.sh` does all three), and its
//! page collects frames and a custom element definition that the main browser
//! suite's page should not share.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod kit;

mod bridge;
mod csp;
mod element;
mod frame_page;
mod mx_sdk;
mod package;
mod webview;
