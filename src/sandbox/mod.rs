//! The built-in sandbox back-end (`api: "sandbox"`): a host API in pure Rust.
//!
//! `Sandbox::handle` takes the same `HostCall` the widget would send to a
//! partner's host object and answers with the JSON a host would resolve its
//! Promise with (the host API's shapes), or fails like a host does
//! (`HostError::Rejected` with an HTTP-like status and `data`). Its replies go
//! through the same typed reads (`host::FromHost`) as a partner's, so the sandbox exercises
//! the real host path.
//!
//! There is no clock inside: every call carries `now_ms` (the wasm runtime
//! passes `performance.now()`, tests a fake clock), and member, job, OAuth and
//! microdeposit states are computed from it. See `docs/sandbox.md` for the
//! institutions and test credentials.

mod directory;
mod existing;
mod image;
mod manual;
mod members;
mod microdeposits;
mod oauth;
mod scenario;
mod util;

#[cfg(test)]
mod tests;

pub use directory::is_valid_routing_number;
pub use existing::EXISTING;
pub use microdeposits::{BLOCKED_ROUTING_NUMBER, DEPOSIT_CENTS, EXPIRING_ACCOUNT_PREFIX, FIXTURES};
pub use scenario::{ERROR_CODES, TEST_USERNAME};

use crate::host::{HostCall, HostError};
use directory::{Directory, Filters, InstitutionRecord};
use members::{JobRecord, MemberRecord};
use microdeposits::MicrodepositRecord;
use oauth::OAuthStateRecord;
use serde_json::{json, Value};

/// Timing and identity of the sandbox. All durations are in milliseconds of
/// the `now_ms` clock given to `handle`.
#[derive(Clone, Debug, PartialEq)]
pub struct SandboxOptions {
    /// How long a job works (processing status, `is_being_aggregated: true`)
    /// before reaching its outcome.
    pub aggregation_ms: f64,
    /// How long a member shows CONNECTED while still aggregating ("syncing")
    /// before `is_being_aggregated` turns false.
    pub sync_ms: f64,
    /// An MFA challenge not answered within this time becomes EXPIRED.
    pub mfa_timeout_ms: f64,
    /// Wall-clock time (ms since the Unix epoch) at `now_ms == 0`, for the
    /// timestamps in replies. The runtime can pass `Date.now() - performance.now()`.
    pub epoch_ms: f64,
    /// `user_guid` of every member.
    pub user_guid: String,
    /// Base of every `oauth_window_uri` (`?member_guid=…&state=…` is appended).
    pub oauth_window_base_url: String,
    /// When set, `oAuthStart` is followed by an automatic authorization this
    /// many milliseconds later (the demo has no provider page to click).
    pub oauth_auto_authorize_ms: Option<f64>,
    /// How long microdeposits take to land after the details are sent.
    pub deposit_ms: f64,
    /// How long landed deposits can be verified before they expire.
    pub deposit_expiry_ms: f64,
    /// Wrong guesses at the amounts before a verification locks (PREVENTED).
    pub microdeposit_attempts: u32,
    /// Start with members already connected (some can verify accounts), as a
    /// returning user has: see `members::EXISTING`.
    pub existing_members: bool,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            aggregation_ms: 2500.0,
            sync_ms: 1500.0,
            mfa_timeout_ms: 5.0 * 60.0 * 1000.0,
            epoch_ms: 1_704_067_200_000.0, // 2024-01-01T00:00:00Z
            user_guid: "USR-sandbox".into(),
            oauth_window_base_url: "https://sandbox.connect-widget.invalid/oauth/authorize".into(),
            oauth_auto_authorize_ms: None,
            deposit_ms: 2500.0,
            deposit_expiry_ms: 14.0 * 24.0 * 3600.0 * 1000.0,
            microdeposit_attempts: 3,
            existing_members: false,
        }
    }
}

impl SandboxOptions {
    /// Read options from JSON (as a page could pass them), leniently: unknown
    /// keys are ignored, and a missing, negative or unreadable value keeps the default.
    pub fn from_json(value: &Value) -> SandboxOptions {
        let d = SandboxOptions::default();
        let ms = |key: &str| {
            value
                .get(key)
                .and_then(|v| v.as_f64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())))
                .filter(|v: &f64| v.is_finite() && *v >= 0.0)
        };
        let text = |key: &str| {
            value.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        SandboxOptions {
            aggregation_ms: ms("aggregation_ms").unwrap_or(d.aggregation_ms),
            sync_ms: ms("sync_ms").unwrap_or(d.sync_ms),
            mfa_timeout_ms: ms("mfa_timeout_ms").unwrap_or(d.mfa_timeout_ms),
            epoch_ms: ms("epoch_ms").unwrap_or(d.epoch_ms),
            user_guid: text("user_guid").unwrap_or(d.user_guid),
            oauth_window_base_url: text("oauth_window_base_url")
                .filter(|u| u.starts_with("https://"))
                .unwrap_or(d.oauth_window_base_url),
            oauth_auto_authorize_ms: ms("oauth_auto_authorize_ms"),
            deposit_ms: ms("deposit_ms").unwrap_or(d.deposit_ms),
            deposit_expiry_ms: ms("deposit_expiry_ms").unwrap_or(d.deposit_expiry_ms),
            microdeposit_attempts: ms("microdeposit_attempts")
                .map_or(d.microdeposit_attempts, |n| (n.floor() as u32).clamp(1, 20)),
            existing_members: value.get("existing_members").and_then(Value::as_bool).unwrap_or(d.existing_members),
        }
    }
}

/// A host failure before it is tied to a callback name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fail {
    status: u16,
    data: Value,
    message: String,
}

impl Fail {
    fn new(status: u16, message: impl Into<String>) -> Fail {
        let message = message.into();
        Fail { status, data: json!({ "message": message }), message }
    }

    fn with_data(status: u16, data: Value, message: impl Into<String>) -> Fail {
        Fail { status, data, message: message.into() }
    }

    fn bad_request(message: impl Into<String>) -> Fail {
        Fail::new(400, message)
    }

    fn not_found(what: &str, id: &str) -> Fail {
        Fail::new(404, format!("{what} {id} was not found."))
    }

    fn into_host_error(self, callback: &'static str) -> HostError {
        HostError::Rejected { callback, status: Some(self.status), data: self.data, message: Some(self.message) }
    }
}

type Handled = Result<Value, Fail>;

/// A clock reading that can be compared: NaN and infinities count as 0.
fn sane_time(now_ms: f64) -> f64 {
    if now_ms.is_finite() {
        now_ms
    } else {
        0.0
    }
}

/// The sandbox back-end: an institution directory and the members, jobs,
/// OAuth states and microdeposits created through it.
#[derive(Clone, Debug)]
pub struct Sandbox {
    options: SandboxOptions,
    directory: Directory,
    members: Vec<MemberRecord>,
    jobs: Vec<JobRecord>,
    oauth_states: Vec<OAuthStateRecord>,
    microdeposits: Vec<MicrodepositRecord>,
    counter: u64,
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new(SandboxOptions::default())
    }
}

impl Sandbox {
    pub fn new(options: SandboxOptions) -> Self {
        let existing = options.existing_members;
        let mut sandbox = Sandbox {
            options,
            directory: Directory::generate(),
            members: Vec::new(),
            jobs: Vec::new(),
            oauth_states: Vec::new(),
            microdeposits: Vec::new(),
            counter: 0,
        };
        if existing {
            sandbox.add_existing_members();
        }
        sandbox
    }

    pub fn options(&self) -> &SandboxOptions {
        &self.options
    }

    /// Answer one host call at time `now_ms`, as a partner's host object would
    /// resolve (`Ok`) or reject (`Err(HostError::Rejected)`) its Promise.
    pub fn handle(&mut self, call: &HostCall, now_ms: f64) -> Result<Value, HostError> {
        let now = sane_time(now_ms);
        self.settle_oauth(now);
        self.dispatch(call, now).map_err(|fail| fail.into_host_error(call.name()))
    }

    fn next_guid(&mut self, prefix: &str) -> String {
        self.counter += 1;
        util::guid(prefix, &format!("sandbox/{prefix}/{}", self.counter))
    }

    fn institution(&self, found: Option<&InstitutionRecord>, id: &str) -> Result<Value, Fail> {
        found.map(InstitutionRecord::full_json).ok_or_else(|| Fail::not_found("Institution", id))
    }

    fn dispatch(&mut self, call: &HostCall, now: f64) -> Handled {
        use HostCall as C;
        match call {
            C::AddMember { institution_guid, credentials, is_oauth, .. } => {
                self.add_member(institution_guid, credentials, *is_oauth, now)
            }
            C::UpdateMember { member, credentials } => self.update_member(member, credentials, now),
            C::UpdateMfa { member, credentials } => self.update_mfa(member, credentials, now),
            C::DeleteMember { member } => self.delete_member(member, now),
            C::LoadMembers => self.load_members(now),
            C::LoadMemberByGuid { guid } => self.member_reply(guid, now),
            C::LoadOAuthStates { outbound_member_guid } => self.load_oauth_states(outbound_member_guid),
            C::LoadOAuthState { guid } => self.load_oauth_state(guid),
            C::OAuthStart { member } => self.oauth_start(member, now),
            C::CreateSupportTicket(ticket) => {
                if ticket.email.trim().eq_ignore_ascii_case("fail@example.com") {
                    Err(Fail::new(500, "The sandbox fails every support ticket from fail@example.com."))
                } else {
                    Ok(json!({}))
                }
            }
            C::LoadInstitutions(q) => {
                let filters = Filters::new(&q.iso_country_code, &q.filters);
                let hits = match q.routing_number.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                    Some(routing) => self.directory.by_routing_number(routing, &filters),
                    None => self.directory.search(q.search_name.as_deref().unwrap_or(""), &filters),
                };
                let per_page = match q.per_page {
                    0 => 25,
                    n => n.min(100),
                } as usize;
                let skip = (q.page.max(1) as usize - 1).saturating_mul(per_page);
                Ok(Value::Array(
                    hits.into_iter().skip(skip).take(per_page).map(InstitutionRecord::summary_json).collect(),
                ))
            }
            C::LoadInstitutionByGuid { guid } => self.institution(self.directory.by_guid(guid), guid),
            C::LoadInstitutionByCode { code } => self.institution(self.directory.by_code(code), code),
            C::LoadPopularInstitutions { per_page, iso_country_code, filters } => {
                let filters = Filters::new(iso_country_code, filters);
                let count = if *per_page == 0 { 25 } else { (*per_page).min(100) } as usize;
                let list = self.directory.popular(&filters);
                Ok(Value::Array(list.into_iter().take(count).map(InstitutionRecord::summary_json).collect()))
            }
            C::LoadDiscoveredInstitutions { per_page, iso_country_code, filters } => {
                let filters = Filters::new(iso_country_code, filters);
                let count = if *per_page == 0 { 5 } else { (*per_page).min(5) } as usize;
                let list = self.directory.discovered(&filters, count);
                Ok(Value::Array(list.into_iter().map(InstitutionRecord::summary_json).collect()))
            }
            C::CreateAccount { account } => self.create_account(account),
            C::CreateMicrodeposit(details) => self.create_microdeposit(details, now),
            C::LoadMicrodepositByGuid { guid } | C::RefreshMicrodepositStatus { guid } => {
                self.load_microdeposit(guid, now)
            }
            C::UpdateMicrodeposit { guid, change } => self.update_microdeposit(guid, change, now),
            C::VerifyMicrodeposit { guid, amount_1, amount_2 } => {
                self.verify_microdeposit(guid, amount_1, amount_2, now)
            }
            C::VerifyRoutingNumber { routing_number, include_identity } => {
                self.verify_routing_number(routing_number, *include_identity)
            }
            C::LoadJob { guid } => self.load_job(guid, now),
            C::RunJob { job_type, member_guid } => self.run_job(*job_type, member_guid, now),
            C::GetInstitutionCredentials { institution_guid } => {
                let institution = self
                    .directory
                    .by_guid(institution_guid)
                    .ok_or_else(|| Fail::not_found("Institution", institution_guid))?;
                Ok(json!({ "credentials": institution.credentials_json() }))
            }
            C::GetMemberCredentials { member_guid } => self.member_credentials(member_guid),
            C::GetOAuthWindowUri { member_guid } => self.oauth_window_uri(member_guid, now),
            C::UpdateUserProfile { profile } => Ok(profile.clone()),
        }
    }
}
