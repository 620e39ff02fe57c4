//! Verifying an account with two small deposits, from the routing number to
//! "verified": one step (`Step::Microdeposits`) whose sub-views (`MdView`)
//! move focus and send page views like steps do, with their own back stack.
//!
//! - `routing`: the routing number (checksum, `verifyRoutingNumber`, blocked
//!   and instant-preferred numbers, the instant institutions found);
//! - `details`: how it works, account type and number, holder, review with
//!   an edit control per row, and submitting (`createMicrodeposit` or
//!   `updateMicrodeposit`);
//! - `status`: where a microdeposit's status leads, coming back with
//!   `current_microdeposit_guid`, checking again, resending expired deposits;
//! - `state`: the sub-views, what was entered, what is wrong with it, where back leads;
//! - `verify`: the two amounts, `verifyMicrodeposit`, and a bounded poll.

mod details;
mod routing;
mod state;
mod status;
mod verify;

pub use details::ReviewRow;
pub use state::{AccountForm, FieldError, MdField, MdProblem, MdView, MicrodepositsState};
pub use status::view_for;
pub use verify::MAX_POLLS;

use super::fact::{AccountRef, Fact, VerificationMethod};
use super::{Answer, Effect, Flow, Step, WidgetEvent};
use crate::model::{AccountType, Microdeposit, Secret};

/// What the user did in microdeposit verification.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Connect with account numbers".
    Begin,
    SubmitRouting(String),
    /// An instant institution was picked instead (by guid).
    ChooseInstitution(String),
    /// Account numbers after all, instead of an instant institution.
    UseAccountNumbers,
    /// "Continue" on how it works.
    Continue,
    SubmitAccount {
        account_type: AccountType,
        number: Secret,
        confirmation: Secret,
    },
    SubmitHolder {
        first_name: String,
        last_name: String,
        email: String,
    },
    /// A review row's "Edit".
    Edit(ReviewRow),
    /// Confirm the review: send the details.
    Confirm,
    SubmitAmounts {
        first: String,
        second: String,
    },
    /// Ask the host for news (come back, still verifying).
    CheckAgain,
    /// Send new deposits for expired ones.
    Resend,
    /// Start again with other account details.
    StartOver,
    Done,
}

#[derive(Clone, Debug)]
pub(crate) enum Pending {
    /// `refreshMicrodepositStatus`, then load.
    Refresh {
        purpose: LoadPurpose,
    },
    Load {
        purpose: LoadPurpose,
    },
    Routing,
    InstantInstitutions,
    Institution,
    Submit,
    Verify,
    Resend,
}

/// Why a microdeposit is being loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoadPurpose {
    /// `current_microdeposit_guid` at start.
    Start,
    /// "Check again".
    Check,
    /// After the amounts were sent.
    Poll,
}

/// How a sub-view is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Go {
    /// Back returns to the current sub-view.
    Forward,
    /// The flow's earlier sub-views are left behind (after a submit, a status).
    Fresh,
}

impl Flow {
    /// Whether "Connect with account numbers" is offered: verification mode,
    /// microdeposits not turned off, and the callbacks they need.
    pub fn microdeposits_offered(&self) -> bool {
        self.verifying()
            && !self.env.microdeposits_disabled
            && ["createMicrodeposit", "loadMicrodepositByGuid", "verifyMicrodeposit"].iter().all(|c| self.env.has(c))
    }

    pub(super) fn on_microdeposits_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Begin => self.begin_microdeposits(fx),
            Msg::SubmitRouting(typed) => self.submit_routing(&typed, fx),
            Msg::ChooseInstitution(guid) => self.choose_instant(guid, fx),
            Msg::UseAccountNumbers if self.md_view() == Some(MdView::SharedRouting) => self.after_routing(fx),
            Msg::Continue if self.md_view() == Some(MdView::HowItWorks) => {
                self.md_go(MdView::AccountInfo, Go::Forward, fx)
            }
            // A press that arrives after its sub-view is gone.
            Msg::UseAccountNumbers | Msg::Continue => {}
            Msg::SubmitAccount { account_type, number, confirmation } => {
                self.submit_account(account_type, &number, &confirmation, fx)
            }
            Msg::SubmitHolder { first_name, last_name, email } => self.submit_holder(first_name, last_name, email, fx),
            Msg::Edit(row) => self.edit_row(row, fx),
            Msg::Confirm => self.confirm_details(fx),
            Msg::SubmitAmounts { first, second } => self.submit_amounts(&first, &second, fx),
            Msg::CheckAgain => self.check_again(fx),
            Msg::Resend => self.resend(fx),
            Msg::StartOver => self.start_over(fx),
            Msg::Done => self.finish_microdeposits(fx),
        }
    }

    pub(super) fn on_microdeposits_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Refresh { purpose } => self.refreshed(purpose, answer.read(fx), fx),
            Pending::Load { purpose } => self.microdeposit_loaded(purpose, answer.read(fx), fx),
            Pending::Routing => self.routing_checked(answer.read(fx), fx),
            Pending::InstantInstitutions => self.instant_found(answer.read(fx), fx),
            Pending::Institution => self.instant_opened(answer.read(fx), fx),
            Pending::Submit => self.details_sent(answer.read(fx), fx),
            Pending::Verify => self.amounts_answered(answer.read(fx), fx),
            Pending::Resend => self.resent(answer.read(fx), fx),
        }
    }

    fn md_state(&mut self) -> Option<&mut MicrodepositsState> {
        if let Some(Step::Microdeposits(m)) = self.step_mut() {
            Some(m.as_mut())
        } else {
            None
        }
    }

    fn md_view(&self) -> Option<MdView> {
        self.md().map(|m| m.view)
    }

    fn md(&self) -> Option<&MicrodepositsState> {
        if let Step::Microdeposits(m) = self.step() {
            Some(m.as_ref())
        } else {
            None
        }
    }

    /// Open the account-number entry, prefilled from a pre-created verification
    /// and the partner's profile.
    fn begin_microdeposits(&mut self, fx: &mut Vec<Effect>) {
        // Offered on search only: from another step (a configured verification still
        // loading, say), back would return to a step whose work was forgotten.
        if !self.microdeposits_offered() || !matches!(self.step(), Step::Search(_)) {
            return;
        }
        let state = self.entry_state(self.microdeposit.clone());
        self.show_microdeposits(state, super::navigation::Nav::Push, fx);
    }

    /// A state for entering details: prefilled from a pre-created verification
    /// (`pre`) and the partner's profile.
    fn entry_state(&self, pre: Option<Microdeposit>) -> MicrodepositsState {
        let mut state = MicrodepositsState::new(MdView::RoutingNumber);
        let pick = |from_host: Option<&String>, from_profile: &Option<String>| {
            from_host.or(from_profile.as_ref()).map(|s| s.trim().to_string()).unwrap_or_default()
        };
        let pre = pre.filter(|m| m.status == Some(crate::model::MicrodepositStatus::Preinitiated));
        let host = pre.as_ref();
        state.form.first_name = pick(host.and_then(|m| m.first_name.as_ref()), &self.env.user_first_name);
        state.form.last_name = pick(host.and_then(|m| m.last_name.as_ref()), &self.env.user_last_name);
        state.form.email = pick(host.and_then(|m| m.email.as_ref()), &self.env.user_email);
        state.holder_known =
            !state.form.first_name.is_empty() && !state.form.last_name.is_empty() && super::is_email(&state.form.email);
        if let Some(m) = pre {
            state.guid = Some(m.guid.clone());
            state.microdeposit = Some(m);
        }
        state
    }

    /// Show the step on `state`'s sub-view and say so (`microdeposits/loaded`).
    fn show_microdeposits(&mut self, state: MicrodepositsState, nav: super::navigation::Nav, fx: &mut Vec<Effect>) {
        let initial_step = state.view.name();
        self.show(Step::Microdeposits(Box::new(state)), nav, fx);
        Self::emit(fx, WidgetEvent::MicrodepositsLoaded { initial_step });
    }

    /// Move to another sub-view: page view, focus on its heading, and nothing
    /// of the previous sub-view left in flight.
    fn md_go(&mut self, view: MdView, go: Go, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        match go {
            Go::Forward if m.view != view => m.history.push(m.view),
            Go::Forward => {}
            Go::Fresh => {
                m.history.clear();
                m.editing = false;
            }
        }
        m.view = view;
        m.busy = false;
        m.problem = None;
        m.invalid.clear();
        m.selecting = None;
        self.forget_calls(|p| matches!(p, super::Pending::Microdeposits(_)));
        self.forget_timer(super::Timer::MicrodepositPoll);
        self.pageview(view.pageview(), serde_json::json!({}), fx);
        self.sub_view_changed(fx);
    }

    /// Back one sub-view (the step's back rule said there is one).
    pub(super) fn microdeposits_back(&mut self, fx: &mut Vec<Effect>) -> bool {
        let Some(m) = self.md_state() else { return false };
        let Some(previous) = m.history.pop() else { return false };
        if previous == MdView::Review {
            m.editing = false;
        }
        let history = std::mem::take(&mut m.history);
        self.md_go(previous, Go::Fresh, fx);
        if let Some(m) = self.md_state() {
            m.history = history;
        }
        true
    }

    /// Continue after an edited sub-view: back to the review.
    fn return_to_review(&mut self, fx: &mut Vec<Effect>) -> bool {
        let Some(m) = self.md_state() else { return false };
        if !m.editing {
            return false;
        }
        m.editing = false;
        if let Some(at) = m.history.iter().rposition(|v| *v == MdView::Review) {
            m.history.truncate(at);
        }
        let history = std::mem::take(&mut m.history);
        self.md_go(MdView::Review, Go::Fresh, fx);
        if let Some(m) = self.md_state() {
            m.history = history;
        }
        true
    }

    fn md_problem(&mut self, problem: MdProblem) {
        if let Some(m) = self.md_state() {
            m.busy = false;
            m.problem = Some(problem);
        }
    }

    fn md_fact(&self, fx: &mut Vec<Effect>, make: impl FnOnce(String, Option<AccountRef>) -> Fact) {
        if let Some(m) = self.md() {
            if let Some(guid) = m.guid.clone() {
                fx.push(Effect::Fact(make(guid, m.account_ref())));
            }
        }
    }

    fn institution_name_of(&self) -> Option<String> {
        self.md().and_then(|m| m.microdeposit.as_ref()).and_then(|md| md.institution_name.clone())
    }

    /// "Done": tell the host, then back to the start (search).
    fn finish_microdeposits(&mut self, fx: &mut Vec<Effect>) {
        let Some(m) = self.md() else { return };
        if m.busy {
            return;
        }
        let guid = m.guid_or_empty();
        let status = m.microdeposit.as_ref().map_or("UNKNOWN", Microdeposit::status_name);
        match m.view {
            MdView::ComeBack => {
                Self::emit(fx, WidgetEvent::MicrodepositsComeBackPrimaryAction { microdeposit_guid: guid })
            }
            MdView::Verified => {
                Self::emit(fx, WidgetEvent::MicrodepositsVerifiedPrimaryAction { microdeposit_guid: guid })
            }
            MdView::Expired | MdView::Locked | MdView::Failed => {
                Self::emit(fx, WidgetEvent::MicrodepositsErrorPrimaryAction { status, guid })
            }
            MdView::StillVerifying => {}
            MdView::RoutingNumber
            | MdView::SharedRouting
            | MdView::HowItWorks
            | MdView::AccountInfo
            | MdView::Holder
            | MdView::Review
            | MdView::VerifyDeposits
            | MdView::Verifying => return,
        }
        self.microdeposit = None;
        self.restart_from_root(fx);
    }

    /// Details, once more, for another account: the names are kept.
    fn start_over(&mut self, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        if m.busy || !matches!(m.view, MdView::Expired | MdView::Locked | MdView::Failed) {
            return;
        }
        let form = AccountForm {
            routing_number: m.form.routing_number.clone(),
            first_name: m.form.first_name.clone(),
            last_name: m.form.last_name.clone(),
            email: m.form.email.clone(),
            ..AccountForm::default()
        };
        let holder_known = m.holder_known;
        *m = MicrodepositsState { form, holder_known, failures: m.failures, ..MicrodepositsState::new(m.view) };
        self.md_go(MdView::RoutingNumber, Go::Fresh, fx);
    }

    /// The requested fact for the details just sent (or resent).
    fn requested_fact(&self, fx: &mut Vec<Effect>) {
        let Some(m) = self.md() else { return };
        if let (Some(primary_id), Some(account)) = (m.guid.clone(), m.account_ref()) {
            let method = VerificationMethod::MicroDeposits;
            fx.push(Effect::Fact(Fact::ExternalAccountRequested { primary_id, account, method }));
        }
    }
}
