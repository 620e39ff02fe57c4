//! The flow machine, domain by domain: every step, event and back-navigation,
//! driven natively with host answers given as the JSON a host resolves with.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod analytics;
mod connecting;
mod consent;
mod credentials;
mod disconnect;
mod events;
mod fault_sessions;
mod institution_status;
mod manual_account;
mod mfa;
mod microdeposit_status;
mod microdeposits;
mod navigation;
mod oauth;
mod oauth_waiting;
mod outcomes;
mod partner;
mod search;
mod start;
mod stream;
mod suggested;
mod suite_layout;
mod support;
mod verification;
