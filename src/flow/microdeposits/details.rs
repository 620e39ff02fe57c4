//! The account and its holder: account type and number (typed twice), the
//! holder's name and email (skipped when the partner gives them), a review
//! where every row can be edited, and sending the details
//! (`createMicrodeposit`, or `updateMicrodeposit` for a pre-created one).
//! The account number is a `Secret` until it is sent, then only its mask is kept.

use super::{FieldError, Go, MdField, MdProblem, MdView, Pending};
use crate::flow::{is_email, Effect, Flow, SubmitError, WidgetEvent};
use crate::host::{HostCall, HostError, MicrodepositChange, MicrodepositDetails};
use crate::model::account::{check_account_number, mask_account_number, AccountNumberError};
use crate::model::{AccountType, Microdeposit, MicrodepositStatus, Secret};

/// A row of the review, each with its "Edit".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewRow {
    Name,
    Email,
    RoutingNumber,
    AccountType,
    AccountNumber,
}

impl ReviewRow {
    /// The sub-view where the row is edited.
    fn view(self) -> MdView {
        match self {
            ReviewRow::Name | ReviewRow::Email => MdView::Holder,
            ReviewRow::RoutingNumber => MdView::RoutingNumber,
            ReviewRow::AccountType | ReviewRow::AccountNumber => MdView::AccountInfo,
        }
    }
}

impl Flow {
    /// Account type and number. When a number was already entered (editing),
    /// leaving both fields blank keeps it.
    pub(super) fn submit_account(
        &mut self,
        account_type: AccountType,
        number: &Secret,
        confirmation: &Secret,
        fx: &mut Vec<Effect>,
    ) {
        let Some(m) = self.md_state() else { return };
        if m.view != MdView::AccountInfo {
            return;
        }
        let keep = number.is_blank() && confirmation.is_blank() && m.form.account_number.is_some();
        if !keep {
            match check_account_number(number.expose(), confirmation.expose()) {
                Ok(number) => {
                    m.form.account_mask = mask_account_number(&number);
                    m.form.account_number = Some(Secret::new(number));
                }
                Err(error) => {
                    m.invalid = match error {
                        AccountNumberError::Empty => vec![(MdField::AccountNumber, FieldError::Required)],
                        AccountNumberError::Invalid => vec![(MdField::AccountNumber, FieldError::AccountInvalid)],
                        AccountNumberError::Mismatch => {
                            vec![(MdField::ConfirmAccountNumber, FieldError::AccountMismatch)]
                        }
                    };
                    fx.push(Effect::FocusFirstInvalid);
                    return;
                }
            }
        }
        m.form.account_type = account_type;
        m.invalid.clear();
        let holder_known = m.holder_known;
        if !self.return_to_review(fx) {
            let next = if holder_known { MdView::Review } else { MdView::Holder };
            self.md_go(next, Go::Forward, fx);
        }
    }

    pub(super) fn submit_holder(&mut self, first_name: String, last_name: String, email: String, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        if m.view != MdView::Holder {
            return;
        }
        let (first_name, last_name, email) = (first_name.trim(), last_name.trim(), email.trim());
        let mut invalid = Vec::new();
        if first_name.is_empty() {
            invalid.push((MdField::FirstName, FieldError::Required));
        }
        if last_name.is_empty() {
            invalid.push((MdField::LastName, FieldError::Required));
        }
        if !is_email(email) {
            invalid
                .push((MdField::Email, if email.is_empty() { FieldError::Required } else { FieldError::EmailInvalid }));
        }
        m.form.first_name = first_name.to_string();
        m.form.last_name = last_name.to_string();
        m.form.email = email.to_string();
        if !invalid.is_empty() {
            m.invalid = invalid;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        if !self.return_to_review(fx) {
            self.md_go(MdView::Review, Go::Forward, fx);
        }
    }

    pub(super) fn edit_row(&mut self, row: ReviewRow, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        if m.view != MdView::Review || m.busy {
            return;
        }
        m.editing = true;
        self.md_go(row.view(), Go::Forward, fx);
        if let Some(m) = self.md_state() {
            m.editing = true;
        }
    }

    /// Send the details: update the pre-created verification, or create one.
    pub(super) fn confirm_details(&mut self, fx: &mut Vec<Effect>) {
        let user_guid = self.env.user_guid.clone();
        let Some(m) = self.md_state() else { return };
        if m.view != MdView::Review || m.busy {
            return;
        }
        let Some(account_number) = m.form.account_number.clone() else { return };
        let last4 = m.form.account_mask.clone().unwrap_or_default().trim_start_matches('*').to_string();
        let details = MicrodepositDetails {
            routing_number: m.form.routing_number.clone(),
            account_number,
            account_type: m.form.account_type.code(),
            account_name: format!("{} ...{last4}", m.form.account_type.name()),
            first_name: m.form.first_name.clone(),
            last_name: m.form.last_name.clone(),
            email: m.form.email.clone(),
            user_guid,
        };
        let pre_created = m.microdeposit.as_ref().filter(|md| md.status == Some(MicrodepositStatus::Preinitiated));
        let call = match (pre_created, &m.guid) {
            (Some(_), Some(guid)) => {
                HostCall::UpdateMicrodeposit { guid: guid.clone(), change: MicrodepositChange::Details(details) }
            }
            _ => HostCall::CreateMicrodeposit(details),
        };
        m.busy = true;
        m.problem = None;
        self.call(Pending::Submit, call, fx);
    }

    /// Sent: the account number is dropped, and the status says where to go.
    pub(super) fn details_sent(&mut self, result: Result<Microdeposit, HostError>, fx: &mut Vec<Effect>) {
        let md = match result {
            Ok(md) => md,
            Err(error) => return self.md_problem(MdProblem::Host(SubmitError::from_host(&error))),
        };
        let Some(m) = self.md_state() else { return };
        m.form.account_number = None;
        m.guid = Some(md.guid.clone());
        m.microdeposit = Some(md.clone());
        self.microdeposit = None;
        Self::emit(fx, WidgetEvent::MicrodepositsDetailsSubmitted { microdeposit_guid: md.guid.clone() });
        self.requested_fact(fx);
        // A host that still says PREINITIATED has the details now: they are on their way.
        let view = match super::view_for(md.status) {
            MdView::RoutingNumber => MdView::ComeBack,
            other => other,
        };
        if matches!(view, MdView::Failed | MdView::Locked | MdView::Expired) {
            self.failed_fact(md.status, fx);
        }
        self.show_status_view(view, fx);
    }
}
