//! Microdeposit verification: one view per sub-view, rebuilt when the
//! sub-view changes (the machine moves focus to its heading). The account
//! number is only ever shown masked once it has been entered.

mod details;
mod routing;
mod status;
mod verify;

use super::ui::Alert;
use super::Ctx;
use crate::flow::microdeposits::{FieldError, MdField, MdProblem};
use crate::flow::{MdView, MicrodepositsState, Step};
use crate::i18n::Key;
use crate::model::AccountType;
use leptos::prelude::*;

/// The step's state, for the sub-views' reactive parts.
pub type MdState = Memo<Option<MicrodepositsState>>;

#[component]
pub fn MicrodepositsStep(ctx: Ctx) -> impl IntoView {
    let state: MdState =
        ctx.step_memo(|step| if let Step::Microdeposits(m) = step { Some(m.as_ref().clone()) } else { None });
    let view = Memo::new(move |_| state.with(|s| s.as_ref().map(|s| s.view)));
    move || {
        let Some(view) = view.get() else { return ().into_any() };
        match view {
            MdView::RoutingNumber => routing::RoutingNumber(routing::RoutingNumberProps { ctx, state }).into_any(),
            MdView::SharedRouting => routing::SharedRouting(routing::SharedRoutingProps { ctx, state }).into_any(),
            MdView::HowItWorks => details::HowItWorks(details::HowItWorksProps { ctx }).into_any(),
            MdView::AccountInfo => details::AccountInfo(details::AccountInfoProps { ctx, state }).into_any(),
            MdView::Holder => details::Holder(details::HolderProps { ctx, state }).into_any(),
            MdView::Review => details::Review(details::ReviewProps { ctx, state }).into_any(),
            MdView::ComeBack => status::ComeBack(status::ComeBackProps { ctx, state }).into_any(),
            MdView::VerifyDeposits => verify::VerifyDeposits(verify::VerifyDepositsProps { ctx, state }).into_any(),
            MdView::Verifying => verify::Verifying(verify::VerifyingProps { ctx }).into_any(),
            MdView::StillVerifying => status::StillVerifying(status::StillVerifyingProps { ctx, state }).into_any(),
            MdView::Verified => status::Verified(status::VerifiedProps { ctx, state }).into_any(),
            MdView::Expired => status::Expired(status::ExpiredProps { ctx, state }).into_any(),
            MdView::Locked | MdView::Failed => {
                status::Failure(status::FailureProps { ctx, state, locked: view == MdView::Locked }).into_any()
            }
        }
    }
}

/// The state as it was when the sub-view was built (for initial values).
fn snapshot(state: MdState) -> MicrodepositsState {
    state.get_untracked().unwrap_or_default()
}

fn busy(state: MdState) -> Signal<bool> {
    Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.busy)))
}

fn invalid(state: MdState, field: MdField) -> Signal<bool> {
    Signal::derive(move || state.with(|s| s.as_ref().and_then(|s| s.error_of(field)).is_some()))
}

/// The message of a field's error, as it changes.
fn error_text(ctx: Ctx, state: MdState, field: MdField) -> Signal<String> {
    Signal::derive(move || {
        let error = state.with(|s| s.as_ref().and_then(|s| s.error_of(field)));
        error.map(|e| ctx.t(error_key(field, e))).unwrap_or_default()
    })
}

fn error_key(field: MdField, error: FieldError) -> Key {
    match (field, error) {
        (_, FieldError::RoutingLength) => Key::MdRoutingLength,
        (_, FieldError::RoutingChecksum) => Key::MdRoutingChecksum,
        (_, FieldError::RoutingBlocked) => Key::MdRoutingBlocked,
        (_, FieldError::AccountInvalid) => Key::MdAccountInvalid,
        (_, FieldError::AccountMismatch) => Key::MdAccountMismatch,
        (_, FieldError::EmailInvalid) => Key::SupportEmailInvalid,
        (_, FieldError::AmountInvalid) => Key::MdAmountInvalid,
        (_, FieldError::AmountRange) => Key::MdAmountRange,
        (MdField::RoutingNumber, FieldError::Required) => Key::MdRoutingRequired,
        (MdField::AccountNumber | MdField::ConfirmAccountNumber, FieldError::Required) => Key::MdAccountRequired,
        (MdField::FirstName, FieldError::Required) => Key::MdHolderFirstRequired,
        (MdField::LastName, FieldError::Required) => Key::MdHolderLastRequired,
        (MdField::Email, FieldError::Required) => Key::MdHolderEmailRequired,
        (MdField::Amount1 | MdField::Amount2, FieldError::Required) => Key::MdAmountRequired,
    }
}

/// The sub-view's message, if any: an alert for failures, a status line for news.
fn problem(ctx: Ctx, state: MdState) -> impl IntoView {
    move || {
        let problem = state.with(|s| s.as_ref().and_then(|s| s.problem.clone()))?;
        Some(match problem {
            MdProblem::Host(error) => view! { <Alert text=ctx.t(error.message_key()) /> }.into_any(),
            MdProblem::WrongAmounts { attempts_remaining } => {
                let text = match attempts_remaining {
                    Some(1) => ctx.t(Key::MdWrongAmountsOneLeft),
                    Some(n) if n > 1 => ctx.tf(Key::MdWrongAmountsLeft, &[("count", &n.to_string())]),
                    Some(_) | None => ctx.t(Key::MdWrongAmounts),
                };
                view! { <Alert text=text /> }.into_any()
            }
            MdProblem::NothingNew => {
                let still = state.with_untracked(|s| s.as_ref().is_some_and(|s| s.view == MdView::StillVerifying));
                let key = if still { Key::MdStillNothingNew } else { Key::MdNotArrived };
                view! { <p class="cw-notice" role="status">{ctx.t(key)}</p> }.into_any()
            }
        })
    }
}

fn type_label(ctx: Ctx, kind: AccountType) -> String {
    ctx.t(match kind {
        AccountType::Checking => Key::MdAccountChecking,
        AccountType::Savings => Key::MdAccountSavings,
    })
}

/// The last four digits to show (`1234`), or an empty string.
fn last4(state: &MicrodepositsState) -> String {
    state.account_ref().map(|a| a.masked_number.trim_start_matches('*').to_string()).unwrap_or_default()
}

/// What is known of the account: type, routing number, masked number.
#[component]
fn AccountSummary(ctx: Ctx, state: MicrodepositsState) -> impl IntoView {
    let account = state.account_ref();
    let kind = state.microdeposit.as_ref().and_then(|m| m.account_type).unwrap_or(state.form.account_type);
    account.map(|a| {
        view! {
            <h3 class="cw-subheading">{ctx.t(Key::MdSummary)}</h3>
            <dl class="cw-md-summary">
                <div><dt>{ctx.t(Key::MdAccountType)}</dt><dd>{type_label(ctx, kind)}</dd></div>
                <div><dt>{ctx.t(Key::MdRoutingLabel)}</dt><dd>{a.routing_number}</dd></div>
                <div><dt>{ctx.t(Key::MdAccountNumber)}</dt><dd>{a.masked_number}</dd></div>
            </dl>
        }
    })
}
