//! Preparing the way to the institution (the member, its window URL, its
//! pending OAuth state) and sending the user there.

use super::{OAuthWaitState, Pending, Prepare, StartFailure, WindowStatus};
use crate::flow::navigation::Nav;
use crate::flow::{Effect, Flow, InstitutionRef, Step, SubmitError, Timer, WidgetEvent};
use crate::host::{HostCall, HostError, OAuthWindowUri};
use crate::model::urls::oauth_window_url;
use crate::model::{Member, OAuthState};
use serde_json::json;

/// `auth_status` of a pending OAuth state.
const AUTH_STATUS_PENDING: i64 = 1;

impl Flow {
    /// Start (again) from nothing: create the member, or get a fresh URL for
    /// the current one, then its pending OAuth state.
    pub(in crate::flow) fn prepare_oauth(&mut self, fx: &mut Vec<Effect>) {
        let Some(s) = self.oauth_start_state() else { return };
        s.prepare = Prepare::Preparing;
        match (self.member.clone(), self.institution.clone()) {
            (Some(member), _) => self.oauth_url_for(member, fx),
            (None, Some(institution)) => {
                let call = HostCall::AddMember {
                    institution: institution.raw.clone(),
                    institution_guid: institution.guid,
                    credentials: Vec::new(),
                    is_oauth: true,
                };
                self.call(Pending::Created, call, fx);
            }
            (None, None) => self.oauth_start_failed(StartFailure::Host(SubmitError::Generic)),
        }
    }

    fn oauth_start_failed(&mut self, failure: StartFailure) {
        if let Some(s) = self.oauth_start_state() {
            s.prepare = Prepare::Failed(failure);
        }
    }

    pub(super) fn oauth_member_created(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        let error = match result {
            Ok(member) => {
                self.remember_status(&member);
                self.member = Some(member.clone());
                let institution_guid = self.institution.as_ref().map(|i| i.guid.clone());
                fx.push(Effect::Analytic {
                    name: "connect_oauth_pending_member_created",
                    data: json!({ "institution_guid": institution_guid }),
                });
                match member.oauth_window_uri.clone() {
                    Some(url) => self.oauth_url_received(url, fx),
                    None => self.oauth_url_for(member, fx),
                }
                return;
            }
            Err(error) => error,
        };
        // "Member already exists": go on with that member and a fresh URL.
        if let Some(guid) = error.data_guid().filter(|_| error.status() == Some(409)) {
            self.call(Pending::Existing, HostCall::LoadMemberByGuid { guid }, fx);
            return;
        }
        Self::emit(fx, WidgetEvent::CreateMemberError { institution: InstitutionRef::of(self.institution.as_ref()) });
        self.oauth_start_failed(StartFailure::Host(SubmitError::from_host(&error)));
    }

    pub(super) fn oauth_existing_member_loaded(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(member) => {
                self.remember_status(&member);
                self.member = Some(member.clone());
                self.oauth_url_for(member, fx);
            }
            Err(error) => {
                Self::emit(
                    fx,
                    WidgetEvent::CreateMemberError { institution: InstitutionRef::of(self.institution.as_ref()) },
                );
                self.oauth_start_failed(StartFailure::Host(SubmitError::from_host(&error)));
            }
        }
    }

    /// A fresh URL for an existing (or pending) member: `getOAuthWindowURI`,
    /// or the member's own `oauth_window_uri` when the host has no such callback.
    fn oauth_url_for(&mut self, member: Member, fx: &mut Vec<Effect>) {
        if self.env.has("getOAuthWindowURI") {
            self.call(Pending::WindowUri, HostCall::GetOAuthWindowUri { member_guid: member.guid }, fx);
        } else if let Some(url) = member.oauth_window_uri {
            self.oauth_url_received(url, fx);
        } else {
            fx.push(Effect::Warn(
                "connect-widget: the OAuth member has no oauth_window_uri and the host has no getOAuthWindowURI".into(),
            ));
            self.oauth_start_failed(StartFailure::Host(SubmitError::Generic));
        }
    }

    pub(super) fn oauth_window_uri_loaded(&mut self, result: Result<OAuthWindowUri, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(OAuthWindowUri(url)) => self.oauth_url_received(url, fx),
            Err(error) => self.oauth_start_failed(StartFailure::Host(SubmitError::from_host(&error))),
        }
    }

    /// Only `https:` is opened (loopback `http:` too, for local development).
    fn oauth_url_received(&mut self, url: String, fx: &mut Vec<Effect>) {
        let Ok(url) = oauth_window_url(&url) else {
            // The URL itself is not logged: it carries the provider's state token.
            fx.push(Effect::Warn("connect-widget: the OAuth window URL is not https:, so it is not opened".into()));
            return self.oauth_start_failed(StartFailure::UnsafeUrl);
        };
        let member_guid = self.member.as_ref().map(|m| m.guid.clone()).unwrap_or_default();
        if self.env.has("loadOAuthStates") && self.env.has("loadOAuthState") {
            self.call(Pending::States { url }, HostCall::LoadOAuthStates { outbound_member_guid: member_guid }, fx);
        } else if let Some(s) = self.oauth_start_state() {
            s.prepare = Prepare::Ready { url, state_guid: None };
        }
    }

    /// The first pending state is the one this URL completes. With none, the
    /// waiting step follows the member instead.
    pub(super) fn oauth_states_loaded(&mut self, url: String, result: Result<Vec<OAuthState>, HostError>) {
        let Some(s) = self.oauth_start_state() else { return };
        s.prepare = match result {
            Ok(states) => {
                let pending = states.into_iter().find(|st| st.auth_status.is_none_or(|a| a == AUTH_STATUS_PENDING));
                Prepare::Ready { url, state_guid: pending.map(|st| st.guid) }
            }
            Err(error) => Prepare::Failed(StartFailure::Host(SubmitError::from_host(&error))),
        };
    }

    /// "Go to <bank>": everything that must happen inside the user's click.
    pub(super) fn go_to_institution(&mut self, fx: &mut Vec<Effect>) {
        let Some(Step::OAuth(s)) = self.step_mut() else { return };
        let Prepare::Ready { url, state_guid } = s.prepare.clone() else { return };
        let Some(member) = self.member.clone() else { return };
        let host_opens = self.config.host_opens_oauth();
        // First of this click's effects, while its user activation is fresh.
        if !host_opens {
            fx.push(Effect::OpenOAuthWindow { url: url.clone() });
        }
        let window = if host_opens { WindowStatus::HostOpens } else { WindowStatus::Open };
        let requested = WidgetEvent::OAuthRequested { url: url.clone(), member_guid: member.guid.clone() };
        let waiting =
            OAuthWaitState { url, state_guid, window, pending_since_closed: 0, poll_failures: 0, timed_out: false };
        self.show(Step::OAuthWaiting(waiting), Nav::Push, fx);
        Self::emit(fx, requested);
        if self.env.has("oAuthStart") {
            self.call(Pending::Started, HostCall::OAuthStart { member: member.raw }, fx);
        }
        self.oauth_schedule_poll(fx);
        self.oauth_arm_wait_limit(fx);
    }

    /// The wait limit counts from the last time the user was sent on (0: none).
    pub(super) fn oauth_arm_wait_limit(&mut self, fx: &mut Vec<Effect>) {
        self.forget_timer(Timer::OAuthWaitLimit);
        let limit = self.settings.oauth_wait_limit_ms;
        if limit > 0 {
            self.timer(Timer::OAuthWaitLimit, limit, fx);
        }
    }
}
