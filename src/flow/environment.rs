//! What the machine is given at mount: timings (`Settings`) and what the
//! partner's environment offers (`Environment`).

use crate::options::PartnerOptions;

/// Timings and sizes; options so tests run in milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub poll_interval_ms: u32,
    pub search_debounce_ms: u32,
    pub per_page: u32,
    /// Consecutive failed polls before the connecting step offers a retry.
    pub poll_failures_allowed: u32,
    /// Between OAuth state polls while the user is at the institution.
    pub oauth_poll_interval_ms: u32,
    /// How long the widget waits for OAuth before saying so; 0: no limit.
    pub oauth_wait_limit_ms: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            poll_interval_ms: 3000,
            search_debounce_ms: 400,
            per_page: 25,
            poll_failures_allowed: 3,
            oauth_poll_interval_ms: 1000,
            oauth_wait_limit_ms: 10 * 60 * 1000,
        }
    }
}

/// What the partner's environment offers, fixed at mount.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Environment {
    /// Optional host callbacks that exist (`createSupportTicket`, `deleteMember`, ...).
    pub available_callbacks: Vec<&'static str>,
    /// `profiles.user.email`, so the support form need not ask for it.
    pub user_email: Option<String>,
    /// `experimentalFeatures.unavailableInstitutions` (guid or name).
    pub unavailable_institutions: Vec<String>,
    /// The partner's profiles turn microdeposits off (`is_microdeposits_enabled`
    /// or `show_microdeposits_in_connect` is `false`).
    pub microdeposits_disabled: bool,
    /// `profiles.user.guid`, sent with a new microdeposit.
    pub user_guid: Option<String>,
    /// `profiles.user.first_name` / `last_name`: the account holder's name is then not asked.
    pub user_first_name: Option<String>,
    pub user_last_name: Option<String>,
    /// `profiles.clientProfile.uses_oauth === false`: credentials even for OAuth institutions.
    pub oauth_disabled: bool,
    /// What the partner's profiles, features and options turn on.
    pub partner: PartnerOptions,
}

impl Environment {
    pub fn has(&self, callback: &str) -> bool {
        self.available_callbacks.contains(&callback)
    }
}
