//! connect-widget: a bank-account connect widget, a drop-in replacement for
//! MX's React connect widget. See `README.md` and `docs/` for the public
//! contract; `flow/` holds all navigation, `host/` the JS boundary.

pub mod embed;
pub mod flow;
pub mod host;
pub mod i18n;
pub mod model;
pub mod options;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod small_map;
pub mod stream;

#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
pub use mount::{mount, mount_for_js, WidgetHandle};
#[cfg(target_arch = "wasm32")]
mod runtime;
#[cfg(target_arch = "wasm32")]
mod views;
