//! Where a microdeposit's status leads, and asking the host for news:
//! coming back with `current_microdeposit_guid`, "Check again", and sending
//! new deposits for expired ones.

use super::{AccountForm, Go, LoadPurpose, MdProblem, MdView, MicrodepositsState, Pending};
use crate::flow::fact::{Fact, FailureReason, VerificationMethod};
use crate::flow::navigation::Nav;
use crate::flow::{Effect, Flow, Step, SubmitError, WidgetEvent};
use crate::host::{HostCall, HostError, MicrodepositChange};
use crate::model::{Microdeposit, MicrodepositStatus};

/// The sub-view for a microdeposit in `status`. Every status has one, and
/// each has a way forward.
pub fn view_for(status: Option<MicrodepositStatus>) -> MdView {
    use MicrodepositStatus::*;
    match status {
        Some(Preinitiated) => MdView::RoutingNumber,
        Some(Initiated | Requested) => MdView::ComeBack,
        Some(Deposited | Denied) => MdView::VerifyDeposits,
        Some(Verified) => MdView::Verified,
        Some(Expired) => MdView::Expired,
        Some(Prevented) => MdView::Locked,
        Some(Errored | Conflicted | Rejected) | None => MdView::Failed,
    }
}

/// Why a verification ended in `status`, for the event stream.
pub(super) fn failure_reason(status: Option<MicrodepositStatus>) -> Option<FailureReason> {
    use MicrodepositStatus::*;
    match status {
        Some(Denied | Prevented) => Some(FailureReason::AmountsMismatched),
        Some(Errored) => Some(FailureReason::AccountMismatched),
        Some(Expired | Conflicted | Rejected) | None => Some(FailureReason::Other),
        Some(Preinitiated | Initiated | Requested | Deposited | Verified) => None,
    }
}

impl Flow {
    /// `current_microdeposit_guid` in verification mode: ask the host to
    /// refresh it, load it, and open the sub-view its status calls for.
    pub(in crate::flow) fn load_microdeposit_at_start(&mut self, guid: String, fx: &mut Vec<Effect>) {
        self.fetch_microdeposit(guid, LoadPurpose::Start, fx);
    }

    /// `refreshMicrodepositStatus` (when the host has it; its answer is not
    /// read), then `loadMicrodepositByGuid`.
    pub(super) fn fetch_microdeposit(&mut self, guid: String, purpose: LoadPurpose, fx: &mut Vec<Effect>) {
        if self.env.has("refreshMicrodepositStatus") {
            self.call(Pending::Refresh { purpose }, HostCall::RefreshMicrodepositStatus { guid }, fx);
        } else {
            self.call(Pending::Load { purpose }, HostCall::LoadMicrodepositByGuid { guid }, fx);
        }
    }

    /// A refresh that failed is not a reason to stop: the load tells.
    pub(super) fn refreshed(&mut self, purpose: LoadPurpose, _: Result<(), HostError>, fx: &mut Vec<Effect>) {
        let guid = match (purpose, self.md()) {
            (LoadPurpose::Start, _) => self.config.current_microdeposit_guid.clone(),
            (_, Some(m)) => m.guid.clone(),
            (_, None) => None,
        };
        if let Some(guid) = guid {
            self.call(Pending::Load { purpose }, HostCall::LoadMicrodepositByGuid { guid }, fx);
        }
    }

    pub(super) fn microdeposit_loaded(
        &mut self,
        purpose: LoadPurpose,
        result: Result<Microdeposit, HostError>,
        fx: &mut Vec<Effect>,
    ) {
        match (purpose, result) {
            (LoadPurpose::Start, Ok(md)) => self.open_at_status(md, fx),
            (LoadPurpose::Start, Err(error)) => {
                self.show(Step::LoadError { not_found: error.is_not_found() }, Nav::Reset, fx)
            }
            (LoadPurpose::Poll, result) => self.polled_microdeposit(result, fx),
            (LoadPurpose::Check, Err(error)) => self.md_problem(MdProblem::Host(SubmitError::from_host(&error))),
            (LoadPurpose::Check, Ok(md)) => self.checked(md, fx),
        }
    }

    /// The first sub-view for a microdeposit loaded at start.
    fn open_at_status(&mut self, md: Microdeposit, fx: &mut Vec<Effect>) {
        let view = view_for(md.status);
        let guid = md.guid.clone();
        let state = if view == MdView::RoutingNumber {
            // Created by the partner: the user enters the account details.
            self.microdeposit = Some(md.clone());
            self.entry_state(Some(md))
        } else {
            let mut state = MicrodepositsState::new(view);
            state.form = AccountForm {
                routing_number: md.routing_number.clone().unwrap_or_default(),
                account_type: md.account_type.unwrap_or_default(),
                account_mask: md.account_mask.clone(),
                ..AccountForm::default()
            };
            if md.status == Some(MicrodepositStatus::Denied) {
                state.problem = Some(MdProblem::WrongAmounts { attempts_remaining: md.attempts_remaining });
            }
            state.guid = Some(md.guid.clone());
            state.microdeposit = Some(md.clone());
            state
        };
        self.show_microdeposits(state, Nav::Reset, fx);
        if view == MdView::Verified {
            Self::emit(fx, WidgetEvent::MicrodepositsVerified { microdeposit_guid: guid });
        }
    }

    /// Show the sub-view a (new) status calls for; what is behind is left.
    pub(super) fn show_status_view(&mut self, view: MdView, fx: &mut Vec<Effect>) {
        self.md_go(view, Go::Fresh, fx);
        let Some(m) = self.md_state() else { return };
        let guid = m.guid_or_empty();
        match view {
            MdView::VerifyDeposits => {
                let md = m.microdeposit.as_ref();
                if md.is_some_and(|md| md.status == Some(MicrodepositStatus::Denied)) {
                    let attempts_remaining = md.and_then(|md| md.attempts_remaining);
                    m.problem = Some(MdProblem::WrongAmounts { attempts_remaining });
                }
            }
            MdView::Verified => Self::emit(fx, WidgetEvent::MicrodepositsVerified { microdeposit_guid: guid }),
            MdView::RoutingNumber
            | MdView::SharedRouting
            | MdView::HowItWorks
            | MdView::AccountInfo
            | MdView::Holder
            | MdView::Review
            | MdView::ComeBack
            | MdView::Verifying
            | MdView::StillVerifying
            | MdView::Expired
            | MdView::Locked
            | MdView::Failed => {}
        }
    }

    /// The verification failed in a way the user caused or just learned of:
    /// a fact for the event stream.
    pub(super) fn failed_fact(&mut self, status: Option<MicrodepositStatus>, fx: &mut Vec<Effect>) {
        let Some(reason) = failure_reason(status) else { return };
        let institution_name = self.institution_name_of();
        let Some(m) = self.md_state() else { return };
        m.failures += 1;
        let failure_count = Some(m.failures);
        self.md_fact(fx, |primary_id, account| Fact::ExternalAccountVerificationFailed {
            primary_id,
            account,
            institution_name,
            method: VerificationMethod::MicroDeposits,
            reason,
            failure_count,
        });
    }

    /// "Check again" on the come-back and still-verifying sub-views.
    pub(super) fn check_again(&mut self, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        if m.busy || !matches!(m.view, MdView::ComeBack | MdView::StillVerifying) {
            return;
        }
        let Some(guid) = m.guid.clone() else { return };
        m.busy = true;
        m.problem = None;
        self.fetch_microdeposit(guid, LoadPurpose::Check, fx);
    }

    fn checked(&mut self, md: Microdeposit, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        let current = m.view;
        m.microdeposit = Some(md.clone());
        if current == MdView::StillVerifying {
            // The amounts were sent: only an outcome is news.
            if !self.verify_outcome(md, true, fx) {
                self.md_problem(MdProblem::NothingNew);
            }
            return;
        }
        let view = view_for(md.status);
        if view == current {
            self.md_problem(MdProblem::NothingNew);
        } else {
            self.show_status_view(view, fx);
        }
    }

    /// "Send new deposits" for expired ones, when the host allows it.
    pub(super) fn resend(&mut self, fx: &mut Vec<Effect>) {
        let can_update = self.env.has("updateMicrodeposit");
        let Some(m) = self.md_state() else { return };
        let allowed = m.microdeposit.as_ref().is_some_and(|md| md.can_resend);
        if m.busy || m.view != MdView::Expired || !allowed || !can_update {
            return;
        }
        let Some(guid) = m.guid.clone() else { return };
        m.busy = true;
        m.problem = None;
        self.call(Pending::Resend, HostCall::UpdateMicrodeposit { guid, change: MicrodepositChange::Resend }, fx);
    }

    pub(super) fn resent(&mut self, result: Result<Microdeposit, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(md) => {
                let view = view_for(md.status);
                if let Some(m) = self.md_state() {
                    m.microdeposit = Some(md);
                    m.failures = 0;
                }
                self.requested_fact(fx);
                self.show_status_view(view, fx);
            }
            Err(error) => self.md_problem(MdProblem::Host(SubmitError::from_host(&error))),
        }
    }
}
