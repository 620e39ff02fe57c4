//! The flow machine, domain by domain: every step, event and back-navigation,
//! driven natively with host answers given as the JSON a host resolves with.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod connecting;
mod credentials;
mod disconnect;
mod events;
mod mfa;
mod microdeposit_status;
mod microdeposits;
mod navigation;
mod oauth;
mod oauth_waiting;
mod outcomes;
mod search;
mod start;
mod stream;
mod support;
mod verification;
