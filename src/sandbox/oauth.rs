//! OAuth members and OAuth states.
//!
//! `addMember({is_oauth: true})` creates a PENDING member and a pending OAuth
//! state. The member's `oauth_window_uri` opens the sandbox's authorization
//! page (`public/oauth-sandbox.html`, shipped with the demo), which reports the
//! user's choice to the widget; the runtime then calls `authorize_oauth`,
//! `deny_oauth` or `fail_oauth` here. Tests call them directly, or set
//! `SandboxOptions::oauth_auto_authorize_ms` so that `oAuthStart` is followed
//! by an automatic authorization.

use super::members::member_guid_of;
use super::scenario::{Outcome, Scenario};
use super::util::iso8601;
use super::{Fail, Handled, Sandbox};
use crate::model::ConnectionStatus;
use serde_json::{json, Value};

/// `auth_status` values (as MX's React widget reads them).
pub mod auth_status {
    pub const PENDING: i64 = 1;
    pub const SUCCESS: i64 = 2;
    pub const ERRORED: i64 = 3;
}

/// `error_reason` CANCELLED: the user declined at the provider.
pub const ERROR_REASON_CANCELLED: i64 = 1;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OAuthStateRecord {
    pub guid: String,
    pub member_guid: String,
    pub auth_status: i64,
    pub error_reason: Option<i64>,
    pub inbound_member_guid: Option<String>,
    pub created_ms: f64,
    pub updated_ms: f64,
    /// When `oauth_auto_authorize_ms` is set: when this state authorizes itself.
    pub authorize_at: Option<f64>,
}

impl OAuthStateRecord {
    fn json(&self, sandbox: &Sandbox) -> Value {
        let time = |ms: f64| iso8601(sandbox.options.epoch_ms + ms);
        json!({
            "guid": self.guid,
            "auth_status": self.auth_status,
            "created_at": time(self.created_ms),
            "updated_at": time(self.updated_ms),
            "error_reason": self.error_reason,
            "first_retrieved_at": null,
            "inbound_member_guid": self.inbound_member_guid,
            "outbound_member_guid": self.member_guid,
            "user_guid": sandbox.options.user_guid,
        })
    }
}

/// Percent-encode a query value (guids are already safe; this keeps it so).
fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Sandbox {
    /// A fresh pending state for an OAuth member, and the window URI that goes
    /// with it (the institution's name is there for the authorization page).
    pub(crate) fn new_oauth_state(&mut self, member_guid: &str, now: f64) -> String {
        let guid = self.next_guid("OAS");
        let institution = self.members.iter().find(|m| m.guid == member_guid).map(|m| m.name.clone());
        let uri = format!(
            "{}?member_guid={}&state={}&institution={}",
            self.options.oauth_window_base_url,
            query_value(member_guid),
            query_value(&guid),
            query_value(institution.as_deref().unwrap_or_default())
        );
        self.oauth_states.push(OAuthStateRecord {
            guid,
            member_guid: member_guid.to_string(),
            auth_status: auth_status::PENDING,
            error_reason: None,
            inbound_member_guid: None,
            created_ms: now,
            updated_ms: now,
            authorize_at: None,
        });
        if let Some(member) = self.members.iter_mut().find(|m| m.guid == member_guid) {
            member.oauth_window_uri = Some(uri.clone());
        }
        uri
    }

    /// The newest pending state of a member.
    fn pending_state(&mut self, member_guid: &str) -> Option<&mut OAuthStateRecord> {
        self.oauth_states
            .iter_mut()
            .rev()
            .find(|s| s.member_guid == member_guid && s.auth_status == auth_status::PENDING)
    }

    /// The user authorized at the provider: the state succeeds and the member
    /// starts aggregating (CREATED, then CONNECTED). A member that connected
    /// before can authorize again (re-authorization). `false` if the member is
    /// unknown, not an OAuth member, or aggregating right now.
    pub fn authorize_oauth(&mut self, member_guid: &str, now_ms: f64) -> bool {
        let now = super::sane_time(now_ms);
        let options = &self.options;
        let ready = self.members.iter().any(|m| {
            m.guid == member_guid
                && m.is_oauth
                && (m.run.outcome == Outcome::AwaitingOAuth || !m.view(now, options).aggregating)
        });
        if !ready {
            return false;
        }
        if self.pending_state(member_guid).is_none() {
            self.new_oauth_state(member_guid, now);
        }
        if let Some(state) = self.pending_state(member_guid) {
            state.auth_status = auth_status::SUCCESS;
            state.inbound_member_guid = Some(member_guid.to_string());
            state.updated_ms = now;
            state.authorize_at = None;
        }
        // OAuth members were created with the `Connect` scenario: a new job connects them.
        let job_type = self.member(member_guid).map_or(0, |m| m.job_type);
        self.start_job(member_guid, job_type, ConnectionStatus::Created, Scenario::Connect.first_outcome(), now).is_ok()
    }

    /// The user declined at the provider: the state errors with reason
    /// CANCELLED (1); the member stays PENDING.
    pub fn deny_oauth(&mut self, member_guid: &str, now_ms: f64) -> bool {
        self.fail_oauth(member_guid, ERROR_REASON_CANCELLED, now_ms)
    }

    /// The provider failed with `error_reason` (0 UNKNOWN_ERROR, 1 CANCELLED,
    /// 2 DENIED, 3 IMPEDED, 4 PROVIDER_ERROR, 5 SERVER_ERROR, 6 SESSION_ERROR).
    pub fn fail_oauth(&mut self, member_guid: &str, error_reason: i64, now_ms: f64) -> bool {
        let now = super::sane_time(now_ms);
        match self.pending_state(member_guid) {
            Some(state) => {
                state.auth_status = auth_status::ERRORED;
                state.error_reason = Some(error_reason);
                state.inbound_member_guid = Some(member_guid.to_string());
                state.updated_ms = now;
                state.authorize_at = None;
                true
            }
            None => false,
        }
    }

    /// Authorize the states whose automatic authorization time has come.
    pub(crate) fn settle_oauth(&mut self, now: f64) {
        let due: Vec<(String, f64)> = self
            .oauth_states
            .iter()
            .filter(|s| s.auth_status == auth_status::PENDING)
            .filter_map(|s| s.authorize_at.filter(|at| *at <= now).map(|at| (s.member_guid.clone(), at)))
            .collect();
        for (member_guid, at) in due {
            self.authorize_oauth(&member_guid, at);
        }
    }

    pub(crate) fn oauth_start(&mut self, member: &Value, now: f64) -> Handled {
        let guid = member_guid_of(member)?;
        self.member(&guid)?;
        if let Some(delay) = self.options.oauth_auto_authorize_ms {
            if let Some(state) = self.pending_state(&guid) {
                state.authorize_at = Some(now + delay);
            }
        }
        Ok(json!({}))
    }

    pub(crate) fn oauth_window_uri(&mut self, member_guid: &str, now: f64) -> Handled {
        let member = self.member(member_guid)?;
        if !member.is_oauth {
            return Err(Fail::bad_request("The member does not use OAuth."));
        }
        let uri = self.new_oauth_state(member_guid, now);
        Ok(json!({ "guid": member_guid, "oauth_window_uri": uri }))
    }

    /// Pending states of a member, newest first (the widget takes the first).
    pub(crate) fn load_oauth_states(&self, outbound_member_guid: &str) -> Handled {
        let states: Vec<Value> = self
            .oauth_states
            .iter()
            .rev()
            .filter(|s| s.member_guid == outbound_member_guid && s.auth_status == auth_status::PENDING)
            .map(|s| s.json(self))
            .collect();
        Ok(Value::Array(states))
    }

    pub(crate) fn load_oauth_state(&self, guid: &str) -> Handled {
        let state =
            self.oauth_states.iter().find(|s| s.guid == guid).ok_or_else(|| Fail::not_found("OAuth state", guid))?;
        Ok(json!({ "oauth_state": state.json(self) }))
    }
}
