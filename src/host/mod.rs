//! The host boundary: the only place `JsValue` appears (in `js`, wasm only).
//! Everything above it sees `HostCall`s going out, and JSON answers read
//! through `FromHost` into `Result<T, HostError>`.

mod call;
mod decode;
mod error;
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod js;

pub use call::{
    CredentialValue, HostCall, InstitutionQuery, MicrodepositChange, MicrodepositDetails, SupportTicket,
    CALLBACK_NAMES, REQUIRED_CALLBACKS,
};
pub use decode::{check_answer, CreatedAccount, FromHost, OAuthWindowUri, RoutingNumberCheck};
pub use error::HostError;
