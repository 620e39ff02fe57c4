//! Waiting while the user is at the institution: polling the OAuth state
//! (or the member, when there is no state to read) with back-off on errors,
//! the window's fate as the runtime reports it, the wait limit, and where
//! SUCCESS and ERRORED lead.

use super::{OAuthErrorReason, Pending, WindowStatus};
use crate::flow::navigation::Nav;
use crate::flow::{Effect, Flow, Step, Timer, WidgetEvent};
use crate::host::{HostCall, HostError};
use crate::model::{ConnectionStatus, Member, OAuthState};

/// Pending answers after the window closed before the widget says the user
/// left unfinished: the provider's last page often closes the window itself
/// a moment before the state changes.
pub const CLOSED_CONFIRMATIONS: u32 = 2;

/// The longest pause between polls while polling keeps failing.
const MAX_BACKOFF_MS: u32 = 30_000;

/// `auth_status` values of an OAuth state.
const AUTH_STATUS_SUCCESS: i64 = 2;
const AUTH_STATUS_ERRORED: i64 = 3;

/// The pause before the next poll: the interval, doubled per consecutive
/// failure, at most `MAX_BACKOFF_MS` (or the interval, if that is longer).
pub fn poll_delay(interval_ms: u32, failures: u32) -> u32 {
    let backed_off = interval_ms.saturating_mul(1u32 << failures.min(16));
    backed_off.min(MAX_BACKOFF_MS.max(interval_ms))
}

impl Flow {
    pub(super) fn oauth_schedule_poll(&mut self, fx: &mut Vec<Effect>) {
        let interval = self.settings.oauth_poll_interval_ms;
        let Some(w) = self.oauth_wait_state() else { return };
        if w.timed_out {
            return;
        }
        let delay = poll_delay(interval, w.poll_failures);
        self.timer(Timer::OAuthPoll, delay, fx);
    }

    /// One poll: the OAuth state, or the member when there is no state.
    pub(in crate::flow) fn oauth_poll(&mut self, fx: &mut Vec<Effect>) {
        let member_guid = self.member.as_ref().map(|m| m.guid.clone());
        let Some(w) = self.oauth_wait_state() else { return };
        if w.timed_out {
            return;
        }
        match (w.state_guid.clone(), member_guid) {
            (Some(guid), _) => self.call(Pending::State, HostCall::LoadOAuthState { guid }, fx),
            (None, Some(guid)) => self.call(Pending::Member, HostCall::LoadMemberByGuid { guid }, fx),
            (None, None) => {}
        }
    }

    /// Check at once (the window closed or reported back), without a second
    /// poll in flight.
    fn oauth_poll_now(&mut self, fx: &mut Vec<Effect>) {
        self.forget_timer(Timer::OAuthPoll);
        self.forget_calls(|p| matches!(p, crate::flow::Pending::OAuth(Pending::State | Pending::Member)));
        self.oauth_poll(fx);
    }

    pub(super) fn oauth_state_polled(&mut self, result: Result<OAuthState, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Err(_) => self.oauth_poll_failed(fx),
            Ok(state) => match state.auth_status {
                Some(AUTH_STATUS_SUCCESS) => self.oauth_succeeded(state.inbound_member_guid, fx),
                Some(AUTH_STATUS_ERRORED) => self.oauth_errored(state.error_reason, state.inbound_member_guid, fx),
                _ => self.oauth_still_pending(fx),
            },
        }
    }

    /// Without an OAuth state, a member that left PENDING has authorized.
    pub(super) fn oauth_member_polled(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Err(_) => self.oauth_poll_failed(fx),
            Ok(member) if member.connection_status == Some(ConnectionStatus::Pending) => self.oauth_still_pending(fx),
            Ok(member) => {
                fx.push(Effect::CloseOAuthWindow);
                self.connect_member(member, Nav::Replace, false, fx);
            }
        }
    }

    fn oauth_still_pending(&mut self, fx: &mut Vec<Effect>) {
        let Some(w) = self.oauth_wait_state() else { return };
        w.poll_failures = 0;
        if w.window == WindowStatus::Closed {
            w.pending_since_closed += 1;
        }
        self.oauth_schedule_poll(fx);
    }

    /// Polling errors never end the wait: retry, each time later.
    fn oauth_poll_failed(&mut self, fx: &mut Vec<Effect>) {
        let Some(w) = self.oauth_wait_state() else { return };
        w.poll_failures = w.poll_failures.saturating_add(1);
        self.oauth_schedule_poll(fx);
    }

    /// Connect the member the state names (it may differ from the one the
    /// widget created: a migration to OAuth). Loaded fresh, so connecting
    /// starts from its real status.
    fn oauth_succeeded(&mut self, inbound: Option<String>, fx: &mut Vec<Effect>) {
        let Some(guid) = inbound.or_else(|| self.member.as_ref().map(|m| m.guid.clone())) else { return };
        self.call(Pending::Inbound, HostCall::LoadMemberByGuid { guid }, fx);
    }

    pub(super) fn oauth_inbound_loaded(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        match result {
            // The next poll reads SUCCESS again and loads the member again.
            Err(_) => self.oauth_poll_failed(fx),
            Ok(member) => {
                fx.push(Effect::CloseOAuthWindow);
                self.connect_member(member, Nav::Replace, false, fx);
            }
        }
    }

    fn oauth_errored(&mut self, code: Option<i64>, inbound: Option<String>, fx: &mut Vec<Effect>) {
        let Some(member_guid) = inbound.or_else(|| self.member.as_ref().map(|m| m.guid.clone())) else { return };
        let reason = OAuthErrorReason::from_code(code);
        fx.push(Effect::CloseOAuthWindow);
        Self::emit(fx, WidgetEvent::OAuthError { member_guid, error_reason: reason.name() });
        self.show(Step::OAuthError { reason }, Nav::Replace, fx);
    }

    /// The wait limit passed: stop polling and say so.
    pub(in crate::flow) fn oauth_timed_out(&mut self, fx: &mut Vec<Effect>) {
        let Some(w) = self.oauth_wait_state() else { return };
        w.timed_out = true;
        self.forget_timer(Timer::OAuthPoll);
        self.forget_calls(|p| matches!(p, crate::flow::Pending::OAuth(_)));
        fx.push(Effect::CloseOAuthWindow);
    }

    /// "Continue in a new tab" / "Open <bank> again": open the window again
    /// (or ask the host to), tell the host, and start the wait again.
    pub(super) fn reopen_oauth_window(&mut self, fx: &mut Vec<Effect>) {
        let Some(member_guid) = self.member.as_ref().map(|m| m.guid.clone()) else { return };
        let Some(w) = self.oauth_wait_state().filter(|w| !w.timed_out) else { return };
        let url = w.url.clone();
        if w.window != WindowStatus::HostOpens {
            w.window = WindowStatus::Open;
            fx.push(Effect::OpenOAuthWindow { url: url.clone() });
        }
        w.pending_since_closed = 0;
        Self::emit(fx, WidgetEvent::OAuthRequested { url, member_guid });
        self.oauth_arm_wait_limit(fx);
    }

    pub(super) fn oauth_window_blocked(&mut self) {
        if let Some(w) = self.oauth_wait_state().filter(|w| w.window == WindowStatus::Open) {
            w.window = WindowStatus::Blocked;
        }
    }

    /// Closed: check now; the step says so only if the state stays pending.
    pub(super) fn oauth_window_closed(&mut self, fx: &mut Vec<Effect>) {
        let Some(w) = self.oauth_wait_state().filter(|w| w.window == WindowStatus::Open) else { return };
        w.window = WindowStatus::Closed;
        w.pending_since_closed = 0;
        self.oauth_poll_now(fx);
    }

    /// The completion message only says "look now"; the state decides.
    pub(super) fn oauth_window_reported(&mut self, member_guid: Option<String>, fx: &mut Vec<Effect>) {
        let current = self.member.as_ref().map(|m| m.guid.clone());
        let ours = member_guid.is_none() || member_guid == current;
        if ours && self.oauth_wait_state().is_some_and(|w| !w.timed_out) {
            self.oauth_poll_now(fx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_backs_off_up_to_a_cap() {
        assert_eq!(poll_delay(1000, 0), 1000);
        assert_eq!(poll_delay(1000, 1), 2000);
        assert_eq!(poll_delay(1000, 3), 8000);
        assert_eq!(poll_delay(1000, 5), 30_000);
        assert_eq!(poll_delay(1000, 40), 30_000);
        assert_eq!(poll_delay(60_000, 2), 60_000, "an interval above the cap is kept");
        assert_eq!(poll_delay(u32::MAX, 3), u32::MAX);
    }
}
