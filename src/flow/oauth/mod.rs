//! Connecting through the institution's own login page (OAuth).
//!
//! Three steps: the instructions (`Step::OAuth`: where the user is going and
//! one "Go to <bank>" control, while the member, its window URL and its
//! pending OAuth state are prepared), waiting (`Step::OAuthWaiting`: polling
//! the OAuth state while the user is at the bank, with the window watched by
//! the runtime), and the OAuth error (`Step::OAuthError`). `start` prepares
//! and leaves; `waiting` polls and finishes.
//!
//! OAuth applies instead of the credentials form when the institution
//! `supports_oauth` (a new member) or the member `is_oauth` (fixing one),
//! unless the partner turned it off (`profiles.clientProfile.uses_oauth: false`).

pub mod completion;
mod start;
mod waiting;

use super::credentials::UpdateReason;
use super::navigation::Nav;
use super::{Answer, Effect, Flow, Step, SubmitError};
use crate::i18n::Key;
use crate::model::ConnectionStatus;

pub use waiting::CLOSED_CONFIRMATIONS;

/// What the user (or the runtime, about the window) can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Go to <bank>": a user gesture; the window opens inside it.
    Go,
    /// "Try again" after preparing failed.
    RetryStart,
    /// "Continue in a new tab" / "Open <bank> again" while waiting.
    Reopen,
    /// "Try again" while waiting or on the error step: a fresh URL and state.
    Restart,
    /// The runtime: the window did not open (null, or closed at once).
    WindowBlocked,
    /// The runtime: the window the widget opened was closed.
    WindowClosed,
    /// The runtime: the opened window sent the completion message
    /// (docs/oauth.md). Only a hint to check the state now.
    WindowReported { member_guid: Option<String> },
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    /// `addMember({is_oauth: true})`.
    Created,
    /// The existing member named by a 409 from `addMember`.
    Existing,
    /// `getOAuthWindowURI`.
    WindowUri,
    /// `loadOAuthStates`, once the URL is known.
    States { url: String },
    /// `oAuthStart`: its answer is not read.
    Started,
    /// `loadOAuthState` while waiting.
    State,
    /// `loadMemberByGuid` while waiting, when there is no OAuth state to read.
    Member,
    /// `loadMemberByGuid` of the inbound member after SUCCESS.
    Inbound,
}

/// Why the instructions step cannot send the user on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartFailure {
    /// A host call failed (its message by status).
    Host(SubmitError),
    /// The window URL is not `https:`: refused, nothing opened.
    UnsafeUrl,
}

/// The instructions step's preparation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prepare {
    Preparing,
    /// The URL to open and the pending OAuth state to poll (`None`: poll the member).
    Ready {
        url: String,
        state_guid: Option<String>,
    },
    Failed(StartFailure),
}

#[derive(Clone, Debug, PartialEq)]
pub struct OAuthStartState {
    pub prepare: Prepare,
    /// Why the member must authorize again, when it must.
    pub reason: Option<UpdateReason>,
}

/// The window the user signs in with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowStatus {
    /// Webview or `oauth_referral_source: "APP"`: the host opens the URL.
    HostOpens,
    Open,
    /// The browser blocked it (null, or closed at once).
    Blocked,
    /// Closed, by the user or by the provider's last page.
    Closed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OAuthWaitState {
    pub url: String,
    pub state_guid: Option<String>,
    pub window: WindowStatus,
    /// Polls still pending since the window closed.
    pub pending_since_closed: u32,
    /// Consecutive failed polls (back-off; a notice from the third).
    pub poll_failures: u32,
    /// The wait limit passed: polling stopped.
    pub timed_out: bool,
}

impl OAuthWaitState {
    /// The window closed and the state is still pending after a grace period.
    pub fn closed_unfinished(&self) -> bool {
        self.window == WindowStatus::Closed && self.pending_since_closed >= CLOSED_CONFIRMATIONS
    }
}

/// `error_reason` of an ERRORED OAuth state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OAuthErrorReason {
    Unknown,
    Cancelled,
    Denied,
    Impeded,
    ProviderError,
    ServerError,
    SessionError,
}

impl OAuthErrorReason {
    /// A missing reason reads as SERVER_ERROR, as MX's widget reports it.
    pub fn from_code(code: Option<i64>) -> OAuthErrorReason {
        use OAuthErrorReason::*;
        match code {
            None | Some(5) => ServerError,
            Some(1) => Cancelled,
            Some(2) => Denied,
            Some(3) => Impeded,
            Some(4) => ProviderError,
            Some(6) => SessionError,
            Some(_) => Unknown,
        }
    }

    /// The name sent in `connect/oauthError`.
    pub fn name(self) -> &'static str {
        use OAuthErrorReason::*;
        match self {
            Unknown => "UNKNOWN_ERROR",
            Cancelled => "CANCELLED",
            Denied => "DENIED",
            Impeded => "IMPEDED",
            ProviderError => "PROVIDER_ERROR",
            ServerError => "SERVER_ERROR",
            SessionError => "SESSION_ERROR",
        }
    }

    /// The error step's message (`{name}`: the institution).
    pub fn message_key(self) -> Key {
        use OAuthErrorReason::*;
        match self {
            Unknown => Key::OAuthErrorUnknown,
            Cancelled => Key::OAuthErrorCancelled,
            Denied => Key::OAuthErrorDenied,
            Impeded => Key::OAuthErrorImpeded,
            ProviderError => Key::OAuthErrorProvider,
            ServerError => Key::OAuthErrorServer,
            SessionError => Key::OAuthErrorSession,
        }
    }
}

impl Flow {
    pub(super) fn on_oauth_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Go => self.go_to_institution(fx),
            Msg::RetryStart => {
                if matches!(self.step(), Step::OAuth(_)) {
                    self.prepare_oauth(fx);
                }
            }
            Msg::Reopen => self.reopen_oauth_window(fx),
            Msg::Restart => self.restart_oauth(fx),
            Msg::WindowBlocked => self.oauth_window_blocked(),
            Msg::WindowClosed => self.oauth_window_closed(fx),
            Msg::WindowReported { member_guid } => self.oauth_window_reported(member_guid, fx),
        }
    }

    pub(super) fn on_oauth_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Created => self.oauth_member_created(answer.read(fx), fx),
            Pending::Existing => self.oauth_existing_member_loaded(answer.read(fx), fx),
            Pending::WindowUri => self.oauth_window_uri_loaded(answer.read(fx), fx),
            Pending::States { url } => self.oauth_states_loaded(url, answer.read(fx)),
            Pending::Started => {
                // Fire-and-forget, as in MX's widget: a failure is only logged.
                let _: Result<(), _> = answer.read(fx);
            }
            Pending::State => self.oauth_state_polled(answer.read(fx), fx),
            Pending::Member => self.oauth_member_polled(answer.read(fx), fx),
            Pending::Inbound => self.oauth_inbound_loaded(answer.read(fx), fx),
        }
    }

    /// Whether the current institution or member connects through OAuth.
    pub(super) fn oauth_applies(&self) -> bool {
        if self.env.oauth_disabled {
            return false;
        }
        match &self.member {
            Some(member) => member.is_oauth,
            None => self.institution.as_ref().is_some_and(|i| i.supports_oauth),
        }
    }

    /// The instructions step, for a new member (none yet) or the current one.
    /// A PENDING OAuth member is not in error: it only has not authorized yet.
    pub(super) fn show_oauth(&mut self, reason: Option<UpdateReason>, nav: Nav, fx: &mut Vec<Effect>) {
        let reason = reason.filter(|r| *r != UpdateReason::Status(Some(ConnectionStatus::Pending)));
        self.show(Step::OAuth(OAuthStartState { prepare: Prepare::Preparing, reason }), nav, fx);
        self.prepare_oauth(fx);
    }

    fn oauth_start_state(&mut self) -> Option<&mut OAuthStartState> {
        if let Some(Step::OAuth(s)) = self.step_mut() {
            Some(s)
        } else {
            None
        }
    }

    fn oauth_wait_state(&mut self) -> Option<&mut OAuthWaitState> {
        if let Some(Step::OAuthWaiting(w)) = self.step_mut() {
            Some(w)
        } else {
            None
        }
    }

    /// Back on the instructions (from waiting, the error step, connecting):
    /// the old URL and state are spent, so prepare fresh ones.
    pub(super) fn resume_oauth(&mut self, fx: &mut Vec<Effect>) {
        fx.push(Effect::CloseOAuthWindow);
        self.prepare_oauth(fx);
    }

    /// "Try again" while waiting or after an error: back to the instructions,
    /// with a fresh URL and state.
    fn restart_oauth(&mut self, fx: &mut Vec<Effect>) {
        match self.step() {
            Step::OAuthWaiting(_) => {
                let institution_guid = self.institution.as_ref().map(|i| i.guid.clone());
                fx.push(Effect::Analytic {
                    name: "connect_waiting_for_oauth_tryagain",
                    data: serde_json::json!({ "institution_guid": institution_guid }),
                });
            }
            Step::OAuthError { .. } => {}
            _ => return,
        }
        let below = self.stack.len().checked_sub(2).and_then(|i| self.stack.get(i));
        if matches!(below, Some(Step::OAuth(_))) {
            self.back(fx);
        } else {
            fx.push(Effect::CloseOAuthWindow);
            self.show_oauth(None, Nav::Replace, fx);
        }
    }
}
