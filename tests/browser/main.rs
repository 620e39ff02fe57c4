//! The widget in headless Chromium, by behaviour: one module per domain of the
//! flow, each driving real widgets through the shared toolkit in
//! `tests/common/browser.rs` (roles, accessible names, labels).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../common/mod.rs"]
mod common;

mod accessibility;
mod analytics;
mod attack;
mod chaos;
mod connecting;
mod consent;
mod credentials;
mod disconnect;
mod embedding;
mod hardening;
mod http;
mod manual_account;
mod mfa;
mod oauth;
mod outcomes;
mod partner;
mod search;
mod support;
mod verification;
