//! Waiting while the connection is made: `runJob` when the member is idle,
//! polling `loadMemberByGuid`, and going where the member's state says.

use super::navigation::Nav;
use super::route::{self, Route};
use super::{Answer, Effect, Flow, Notice, Step, SubmitError, Timer, WidgetEvent};
use crate::host::HostCall;
use crate::host::HostError;
use crate::i18n::Key;
use crate::model::{job_type, ClientConfig, ConnectionStatus, Member, Mode};
use serde_json::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Try again" after the job could not start or polling kept failing.
    Retry,
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    RunJob,
    Poll,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ConnectingPhase {
    #[default]
    Starting,
    Verifying,
    Syncing,
}

impl ConnectingPhase {
    /// The phase in the progress bar's `data-phase` (the stylesheet animates each).
    pub fn name(self) -> &'static str {
        match self {
            ConnectingPhase::Starting => "starting",
            ConnectingPhase::Verifying => "verifying",
            ConnectingPhase::Syncing => "syncing",
        }
    }

    pub fn message_key(self) -> Key {
        match self {
            ConnectingPhase::Starting => Key::ConnectingStarting,
            ConnectingPhase::Verifying => Key::ConnectingVerifying,
            ConnectingPhase::Syncing => Key::ConnectingSyncing,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ConnectingState {
    pub phase: ConnectingPhase,
    pub failures: u32,
    /// Set when the job could not start or polling kept failing: offer a retry.
    pub failed: Option<SubmitError>,
}

/// MX's COMBINATION job: one job for every requested product.
pub const COMBINATION_JOB: i64 = 11;

/// The `runJob` type: a combination job when products are requested and
/// either the partner turned combination jobs on (`CONNECT_COMBO_JOBS`) or
/// the products were not inferred (`data_request.inferred: false`), as MX's
/// widget decides; otherwise the mode's job.
pub fn job_for(config: &ClientConfig, combo_jobs: bool) -> i64 {
    let request = config.raw.get("data_request");
    let products = request.and_then(|r| r.get("products")).and_then(Value::as_array);
    let not_inferred = request.and_then(|r| r.get("inferred")) == Some(&Value::Bool(false));
    if let Some(products) = products {
        if (combo_jobs && !products.is_empty()) || not_inferred {
            return COMBINATION_JOB;
        }
    }
    match config.mode {
        Mode::Verification => job_type::VERIFICATION,
        Mode::Reward => job_type::REWARD,
        Mode::Tax => job_type::TAX,
        Mode::Aggregation => job_type::AGGREGATION,
    }
}

impl Flow {
    pub(super) fn on_connecting_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Retry => {
                if let Some(member) = self.member.clone() {
                    self.begin_connecting(member, true, fx);
                }
            }
        }
    }

    pub(super) fn on_connecting_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::RunJob => self.job_started(answer.read(fx), fx),
            Pending::Poll => self.polled(answer.read(fx), fx),
        }
    }

    fn connecting_state(&mut self) -> Option<&mut ConnectingState> {
        if let Some(Step::Connecting(c)) = self.step_mut() {
            Some(c)
        } else {
            None
        }
    }

    /// Show the connecting step for `member`, just answered by the host (its
    /// status counts as known), and start aggregating it.
    pub(super) fn connect_member(&mut self, member: Member, nav: Nav, force_job: bool, fx: &mut Vec<Effect>) {
        self.remember_status(&member);
        fx.push(Effect::Notify(Notice::UpsertMember(member.raw.clone())));
        self.member = Some(member.clone());
        self.show(Step::Connecting(ConnectingState::default()), nav, fx);
        self.begin_connecting(member, force_job, fx);
    }

    /// Start (or restart) aggregation: `runJob` unless the member is already
    /// aggregating, then poll. `force_job` re-runs even a finished member.
    pub(super) fn begin_connecting(&mut self, member: Member, force_job: bool, fx: &mut Vec<Effect>) {
        if !matches!(self.step(), Step::Connecting(_)) {
            self.show(Step::Connecting(ConnectingState::default()), Nav::Replace, fx);
        }
        self.forget_calls(|p| matches!(p, super::Pending::Connecting(_)));
        self.forget_timer(Timer::NextPoll);
        if let Some(c) = self.connecting_state() {
            *c = ConnectingState::default();
        }
        // As the reference: a member that is not aggregating gets a job, whatever
        // its status says (an idle CREATED member would otherwise never move).
        if force_job || !member.is_being_aggregated {
            let job_type = job_for(&self.config, self.env.partner.combo_jobs);
            let call = HostCall::RunJob { job_type, member_guid: member.guid };
            self.call(Pending::RunJob, call, fx);
        } else {
            self.poll(fx);
        }
    }

    pub(super) fn poll(&mut self, fx: &mut Vec<Effect>) {
        let Some(member) = &self.member else { return };
        let call = HostCall::LoadMemberByGuid { guid: member.guid.clone() };
        self.call(Pending::Poll, call, fx);
    }

    /// `runJob`'s answer is not read: the member's state is what counts.
    fn job_started(&mut self, result: Result<(), HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(()) => self.poll(fx),
            // 409: a job is already running; just follow it.
            Err(e) if e.status() == Some(409) => self.poll(fx),
            Err(error) => {
                if let Some(c) = self.connecting_state() {
                    c.failed = Some(SubmitError::from_host(&error));
                }
            }
        }
    }

    fn polled(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        let interval = self.settings.poll_interval_ms;
        let member = match result {
            Ok(member) => member,
            Err(_) => return self.poll_failed(fx),
        };
        // Only a real change is reported; the status the member had when the
        // widget got it (addMember, load) counts as known. The partner's
        // `getHasStatusChanged` may report more.
        let event = WidgetEvent::MemberStatusUpdate {
            member_guid: member.guid.clone(),
            connection_status: member.status_code(),
        };
        let changed = self.remember_status(&member) != Some(member.connection_status);
        if member.status_code().is_none() {
            // MX's definitions allow only a number: no event rather than `null`.
            fx.push(Effect::Warn(format!(
                "connect-widget: member {} has a connection_status that is not a number; connect/memberStatusUpdate not sent",
                member.guid
            )));
        } else if changed {
            Self::emit(fx, event);
        } else if self.env.partner.status_change_override {
            let previous = self.member.as_ref().map_or(Value::Null, |m| m.raw.clone());
            fx.push(Effect::EmitIfChanged { event, current: member.raw.clone(), previous });
        }
        fx.push(Effect::Notify(Notice::UpsertMember(member.raw.clone())));
        self.member = Some(member.clone());
        if let Some(c) = self.connecting_state() {
            c.failures = 0;
            c.phase = if member.connection_status == Some(ConnectionStatus::Connected) {
                ConnectingPhase::Syncing
            } else {
                ConnectingPhase::Verifying
            };
        }
        match route::route(&member, self.config.mode) {
            Route::Poll => self.timer(Timer::NextPoll, interval, fx),
            Route::Connected => {
                let consent = self.session.consent.clone();
                fx.push(Effect::Notify(Notice::SuccessfulAggregation(member.raw.clone())));
                let user_guid = member.user_guid;
                Self::emit(fx, WidgetEvent::MemberConnected { member_guid: member.guid, user_guid, consent });
                self.show(Step::Connected, Nav::Replace, fx);
            }
            Route::Mfa | Route::UpdateCredentials | Route::LoginError(_) | Route::Actionable(_) => {
                self.follow_route(member, Nav::Replace, fx)
            }
        }
    }

    fn poll_failed(&mut self, fx: &mut Vec<Effect>) {
        let allowed = self.settings.poll_failures_allowed;
        let interval = self.settings.poll_interval_ms;
        let Some(c) = self.connecting_state() else { return };
        c.failures += 1;
        if c.failures >= allowed {
            c.failed = Some(SubmitError::Unreachable);
        } else {
            self.timer(Timer::NextPoll, interval, fx);
        }
    }

    /// Go where the member's state says (while polling, `Poll` and `Connected`
    /// are handled by the poll itself).
    pub(super) fn follow_route(&mut self, member: Member, nav: Nav, fx: &mut Vec<Effect>) {
        self.member = Some(member.clone());
        match route::route(&member, self.config.mode) {
            Route::Poll => self.connect_member(member, nav, false, fx),
            Route::Mfa => self.show_mfa(member, nav, fx),
            Route::Connected => self.show(Step::Connected, nav, fx),
            Route::UpdateCredentials => {
                let status = member.connection_status;
                self.show_update_credentials(Some(status), nav, fx);
            }
            Route::LoginError(status) => {
                Self::emit(fx, WidgetEvent::member_error(&member));
                self.show(Step::LoginError { status }, nav, fx);
            }
            Route::Actionable(code) => {
                Self::emit(fx, WidgetEvent::member_error(&member));
                Self::emit(fx, WidgetEvent::InvalidData { member_guid: member.guid.clone(), code: code.code() });
                self.show(Step::ActionableError { code }, nav, fx);
            }
        }
    }
}
