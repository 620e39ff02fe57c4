//! Helpers shared by the test suites: `harness` drives the flow machine
//! natively; `browser` mounts widgets in headless Chromium.
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(not(target_arch = "wasm32"))]
pub mod harness;
