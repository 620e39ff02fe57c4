//! The state of microdeposit verification: its sub-views, what was entered,
//! what is wrong with it, and where back leads.

use crate::flow::fact::AccountRef;
use crate::flow::step::BackRule;
use crate::flow::SubmitError;
use crate::model::{AccountType, Institution, Microdeposit, MicrodepositStatus, Secret};

/// The sub-views of microdeposit verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MdView {
    RoutingNumber,
    /// The routing number belongs to institutions that verify instantly.
    SharedRouting,
    HowItWorks,
    AccountInfo,
    /// The account holder's name and email.
    Holder,
    Review,
    /// Details sent: the deposits are on their way.
    ComeBack,
    VerifyDeposits,
    Verifying,
    /// The poll ended without an answer: check again later.
    StillVerifying,
    Verified,
    Expired,
    /// Too many wrong amounts (PREVENTED).
    Locked,
    /// The deposits could not be made, or the host refused them.
    Failed,
}

impl MdView {
    /// The name in `connect/microdeposits/loaded` (the reference's view names).
    pub fn name(self) -> &'static str {
        match self {
            MdView::RoutingNumber => "routingNumber",
            MdView::SharedRouting => "sharedRoutingNumber",
            MdView::HowItWorks => "howItWorks",
            MdView::AccountInfo => "accountInfo",
            MdView::Holder => "personalInfoForm",
            MdView::Review => "confirmDetails",
            MdView::ComeBack => "comeBack",
            MdView::VerifyDeposits => "verifyDeposits",
            MdView::Verifying => "verifying",
            MdView::StillVerifying => "stillVerifying",
            MdView::Verified => "verified",
            MdView::Expired => "expired",
            MdView::Locked | MdView::Failed => "errors",
        }
    }

    /// The page view path after `/connect/<mode>`.
    pub fn pageview(self) -> &'static str {
        match self {
            MdView::RoutingNumber => "/microdeposits/routing_number",
            MdView::SharedRouting => "/microdeposits/shared_routing_number",
            MdView::HowItWorks => "/microdeposits/how_it_works",
            MdView::AccountInfo => "/microdeposits/account_info",
            MdView::Holder => "/microdeposits/personal_info_form",
            MdView::Review => "/microdeposits/confirm_details",
            MdView::ComeBack => "/microdeposits/come_back",
            MdView::VerifyDeposits => "/microdeposits/verify_deposits",
            MdView::Verifying => "/microdeposits/verifying",
            MdView::StillVerifying => "/microdeposits/still_verifying",
            MdView::Verified => "/microdeposits/verified",
            MdView::Expired => "/microdeposits/expired",
            MdView::Locked | MdView::Failed => "/microdeposits/microdeposit_errors",
        }
    }
}

/// A field of one of the forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MdField {
    RoutingNumber,
    AccountNumber,
    ConfirmAccountNumber,
    FirstName,
    LastName,
    Email,
    Amount1,
    Amount2,
}

/// What is wrong with a field, so the view can say how to fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required,
    RoutingLength,
    RoutingChecksum,
    /// The host will not send deposits to this routing number.
    RoutingBlocked,
    AccountInvalid,
    AccountMismatch,
    EmailInvalid,
    AmountInvalid,
    AmountRange,
}

/// A message above a sub-view's controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MdProblem {
    /// A host call failed.
    Host(SubmitError),
    /// The amounts were wrong; the host may say how many tries are left.
    WrongAmounts { attempts_remaining: Option<u32> },
    /// Checked again: nothing new yet.
    NothingNew,
}

/// What the user has entered so far.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AccountForm {
    pub routing_number: String,
    pub account_type: AccountType,
    /// Kept only until the details are sent; never shown again in full.
    pub account_number: Option<Secret>,
    /// `*1234`: what may be shown of the account number.
    pub account_mask: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

impl AccountForm {
    pub(super) fn account_ref(&self) -> Option<AccountRef> {
        Some(AccountRef { masked_number: self.account_mask.clone()?, routing_number: self.routing_number.clone() })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MicrodepositsState {
    pub view: MdView,
    /// Sub-views the back control returns to, most recent last.
    pub(super) history: Vec<MdView>,
    pub form: AccountForm,
    /// The name and email come from the partner: the holder sub-view is skipped.
    pub holder_known: bool,
    /// The verification this flow continues (pre-created, or once submitted).
    pub guid: Option<String>,
    pub microdeposit: Option<Microdeposit>,
    /// A host call of this sub-view is on its way.
    pub busy: bool,
    pub problem: Option<MdProblem>,
    pub invalid: Vec<(MdField, FieldError)>,
    /// Opened from the review's "Edit": continuing returns to the review.
    pub editing: bool,
    /// Institutions that verify instantly for the routing number given.
    pub instant: Vec<Institution>,
    /// The instant institution being opened.
    pub selecting: Option<String>,
    /// Wrong amounts and other verification failures seen in this session.
    pub failures: u32,
    /// Polls made since the amounts were sent.
    pub polls: u32,
    /// The status and `updated_at` before the amounts were sent, to tell a
    /// fresh answer from the previous one.
    pub(super) before_verify: Option<(Option<MicrodepositStatus>, Option<String>)>,
}

impl Default for MicrodepositsState {
    fn default() -> Self {
        MicrodepositsState::new(MdView::RoutingNumber)
    }
}

impl MicrodepositsState {
    pub(super) fn new(view: MdView) -> Self {
        MicrodepositsState {
            view,
            history: Vec::new(),
            form: AccountForm::default(),
            holder_known: false,
            guid: None,
            microdeposit: None,
            busy: false,
            problem: None,
            invalid: Vec::new(),
            editing: false,
            instant: Vec::new(),
            selecting: None,
            failures: 0,
            polls: 0,
            before_verify: None,
        }
    }

    /// Where back leads from the current sub-view.
    pub fn back_rule(&self) -> BackRule {
        if self.busy || self.selecting.is_some() || self.view == MdView::Verifying {
            return BackRule::NotWhileBusy;
        }
        match self.view {
            // Ends: each has its own "Done".
            MdView::ComeBack
            | MdView::StillVerifying
            | MdView::Verified
            | MdView::Expired
            | MdView::Locked
            | MdView::Failed => BackRule::None,
            MdView::Verifying => BackRule::NotWhileBusy,
            MdView::RoutingNumber
            | MdView::SharedRouting
            | MdView::HowItWorks
            | MdView::AccountInfo
            | MdView::Holder
            | MdView::Review
            | MdView::VerifyDeposits => {
                if self.history.is_empty() {
                    BackRule::Previous
                } else {
                    BackRule::SubView
                }
            }
        }
    }

    /// Shown again after a step above it was left: nothing is in flight.
    pub(in crate::flow) fn resume(&mut self) {
        self.busy = false;
        self.selecting = None;
    }

    /// The field's error, if it is invalid.
    pub fn error_of(&self, field: MdField) -> Option<FieldError> {
        self.invalid.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)
    }

    /// The microdeposit's guid, or an empty string before one exists.
    pub fn guid_or_empty(&self) -> String {
        self.guid.clone().unwrap_or_default()
    }

    /// The account, by what may be shown of it: typed here, or from the host.
    pub fn account_ref(&self) -> Option<AccountRef> {
        self.form.account_ref().or_else(|| {
            let md = self.microdeposit.as_ref()?;
            Some(AccountRef { masked_number: md.account_mask.clone()?, routing_number: md.routing_number.clone()? })
        })
    }
}
