//! TEMPORARY runner until tests/browser/main.rs lands.
#![cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test_configure;
wasm_bindgen_test_configure!(run_in_browser);
#[path = "common/mod.rs"]
mod common;
#[path = "browser/oauth.rs"]
mod oauth;
