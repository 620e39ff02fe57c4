//! The two amounts: read as a person writes money, sent as the host contract
//! expects (`"07"`), then the outcome. The host may answer the verification
//! with the microdeposit; if it does not say yet, the widget polls
//! `loadMicrodepositByGuid` at most `MAX_POLLS` times and then says it is
//! still checking, with "Check again": it never spins forever.

use super::{FieldError, LoadPurpose, MdField, MdProblem, MdView, Pending};
use crate::flow::fact::{Fact, VerificationMethod};
use crate::flow::{Effect, Flow, SubmitError, Timer};
use crate::host::{HostCall, HostError};
use crate::model::account::{amount_for_host, parse_amount_cents, AmountError};
use crate::model::{Microdeposit, MicrodepositStatus};

/// Polls after the amounts were sent before "still checking".
pub const MAX_POLLS: u32 = 5;

fn field_error(error: AmountError) -> FieldError {
    match error {
        AmountError::Empty => FieldError::Required,
        AmountError::NotAnAmount => FieldError::AmountInvalid,
        AmountError::OutOfRange => FieldError::AmountRange,
    }
}

impl Flow {
    pub(super) fn submit_amounts(&mut self, first: &str, second: &str, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        if m.busy || m.view != MdView::VerifyDeposits {
            return;
        }
        let (a, b) = (parse_amount_cents(first), parse_amount_cents(second));
        let mut invalid = Vec::new();
        if let Err(e) = a {
            invalid.push((MdField::Amount1, field_error(e)));
        }
        if let Err(e) = b {
            invalid.push((MdField::Amount2, field_error(e)));
        }
        let (Ok(a), Ok(b), Some(guid)) = (a, b, m.guid.clone()) else {
            m.invalid = invalid;
            fx.push(Effect::FocusFirstInvalid);
            return;
        };
        let before = m.microdeposit.as_ref().map(|md| (md.status, md.updated_at.clone()));
        self.md_go(MdView::Verifying, super::Go::Forward, fx);
        let Some(m) = self.md_state() else { return };
        m.busy = true;
        m.polls = 0;
        m.before_verify = before;
        let call = HostCall::VerifyMicrodeposit { guid, amount_1: amount_for_host(a), amount_2: amount_for_host(b) };
        self.call(Pending::Verify, call, fx);
    }

    /// The host's answer to the amounts: the outcome, or a reason to poll.
    pub(super) fn amounts_answered(&mut self, result: Result<Option<Microdeposit>, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(Some(md)) => {
                if !self.verify_outcome(md, true, fx) {
                    self.poll_after_verify(fx);
                }
            }
            Ok(None) => self.poll_after_verify(fx),
            // 409: the verification moved on (deposits expired, or locked): see where it is.
            Err(error) if error.status() == Some(409) => self.poll_after_verify(fx),
            Err(error) => {
                self.back_to_amounts(MdProblem::Host(SubmitError::from_host(&error)), fx);
            }
        }
    }

    fn back_to_amounts(&mut self, problem: MdProblem, fx: &mut Vec<Effect>) {
        self.md_go(MdView::VerifyDeposits, super::Go::Fresh, fx);
        self.md_problem(problem);
    }

    fn poll_after_verify(&mut self, fx: &mut Vec<Effect>) {
        let Some(guid) = self.md().and_then(|m| m.guid.clone()) else { return };
        self.fetch_microdeposit(guid, LoadPurpose::Poll, fx);
    }

    /// The poll timer fired.
    pub(in crate::flow) fn poll_microdeposit(&mut self, fx: &mut Vec<Effect>) {
        if let Some(guid) = self.md().filter(|m| m.view == MdView::Verifying).and_then(|m| m.guid.clone()) {
            self.call(Pending::Load { purpose: LoadPurpose::Poll }, HostCall::LoadMicrodepositByGuid { guid }, fx);
        }
    }

    pub(super) fn polled_microdeposit(&mut self, result: Result<Microdeposit, HostError>, fx: &mut Vec<Effect>) {
        if let Ok(md) = result {
            if self.verify_outcome(md, false, fx) {
                return;
            }
        }
        let interval = self.settings.poll_interval_ms;
        let Some(m) = self.md_state() else { return };
        m.polls += 1;
        if m.polls >= MAX_POLLS {
            self.md_go(MdView::StillVerifying, super::Go::Fresh, fx);
        } else {
            self.timer(Timer::MicrodepositPoll, interval, fx);
        }
    }

    /// Act on `md` if its status is an outcome of the amounts just sent;
    /// whether it was. `fresh`: the answer to the verification itself, so
    /// DENIED is this attempt's; from a poll, DENIED counts only if it is new.
    pub(super) fn verify_outcome(&mut self, md: Microdeposit, fresh: bool, fx: &mut Vec<Effect>) -> bool {
        use MicrodepositStatus::*;
        let Some(m) = self.md_state() else { return false };
        let new_denial = fresh
            || match &m.before_verify {
                Some((Some(Denied), before)) => md.updated_at.is_some() && &md.updated_at != before,
                Some(_) | None => true,
            };
        let outcome = match md.status {
            Some(Denied) => new_denial,
            Some(Verified | Prevented | Expired | Errored | Conflicted | Rejected) => true,
            Some(Preinitiated | Initiated | Requested | Deposited) | None => false,
        };
        if !outcome {
            return false;
        }
        let status = md.status;
        m.microdeposit = Some(md);
        m.before_verify = None;
        if status == Some(Verified) {
            let institution_name = self.institution_name_of();
            self.md_fact(fx, |primary_id, account| Fact::ExternalAccountActivated {
                primary_id,
                account,
                institution_name,
                method: VerificationMethod::MicroDeposits,
            });
        } else {
            self.failed_fact(status, fx);
        }
        self.show_status_view(super::view_for(status), fx);
        true
    }
}
