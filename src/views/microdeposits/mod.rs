//! Microdeposit verification: one view per sub-view, rebuilt when the
//! sub-view changes (the machine moves focus to its heading). The account
//! number is only ever shown masked once it has been entered.

mod details;
mod routing;
mod status;
mod verify;

use super::dom::{children_of, el, El, Reader};
use super::ui::{alert, Field};
use super::Ctx;
use crate::flow::microdeposits::{FieldError, MdField, MdProblem};
use crate::flow::{MdView, MicrodepositsState, Step};
use crate::i18n::Key;
use crate::model::AccountType;
use crate::views::Slice;
use leptos::prelude::*;

/// The step's state, for the sub-views' reactive parts.
pub type MdState = Slice<MicrodepositsState>;

/// The open sub-view, or nothing. Its top level is the sub-view itself (no element of its own),
/// so it comes as the children of a holder.
pub fn microdeposits_step(ctx: Ctx) -> web_sys::Node {
    let state: MdState = ctx.step_state(|step| if let Step::Microdeposits(m) = step { Some(m.as_ref()) } else { None });
    let view = move || state.with(|s| s.as_ref().map(|s| s.view));
    let build = move |view: Option<MdView>| {
        Some(match view? {
            MdView::RoutingNumber => routing::routing_number(ctx, state),
            MdView::SharedRouting => routing::shared_routing(ctx, state),
            MdView::HowItWorks => details::how_it_works(ctx),
            MdView::AccountInfo => details::account_info(ctx, state),
            MdView::Holder => details::holder(ctx, state),
            MdView::Review => details::review(ctx, state),
            MdView::ComeBack => status::come_back(ctx, state),
            MdView::VerifyDeposits => verify::verify_deposits(ctx, state),
            MdView::Verifying => verify::verifying(ctx),
            MdView::StillVerifying => status::still_verifying(ctx, state),
            MdView::Verified => status::verified(ctx, state),
            MdView::Expired => status::expired(ctx, state),
            view @ (MdView::Locked | MdView::Failed) => status::failure(ctx, state, view == MdView::Locked),
        })
    };
    children_of(el("div").switch(view, build))
}

/// The state as it was when the sub-view was built (for initial values).
fn snapshot(state: MdState) -> MicrodepositsState {
    state.get_untracked().unwrap_or_default()
}

fn busy(state: MdState) -> Reader<bool> {
    Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.busy)))
}

fn invalid(state: MdState, field: MdField) -> Reader<bool> {
    Reader::derive(move || state.with(|s| s.as_ref().and_then(|s| s.error_of(field)).is_some()))
}

/// A field of a sub-view's form, invalid with the message the machine has for `which`.
fn md_field(
    ctx: Ctx,
    state: MdState,
    which: MdField,
    id: &str,
    label: Key,
    value: RwSignal<String>,
    disabled: Reader<bool>,
) -> Field {
    Field {
        error: error_text(ctx, state, which),
        ..Field::new(ctx.dom_id(id), ctx.t(label), value, invalid(state, which), disabled)
    }
}

/// The message of a field's error, as it changes.
fn error_text(ctx: Ctx, state: MdState, field: MdField) -> Reader<String> {
    Reader::derive(move || {
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
/// Rebuilt when the message changes.
fn problem(ctx: Ctx, state: MdState) -> web_sys::Node {
    let message = move |problem: Option<MdProblem>| {
        Some(match problem? {
            MdProblem::Host(error) => alert(&ctx.t(error.message_key())),
            MdProblem::WrongAmounts { attempts_remaining } => {
                let text = match attempts_remaining {
                    Some(1) => ctx.t(Key::MdWrongAmountsOneLeft),
                    Some(n) if n > 1 => ctx.tf(Key::MdWrongAmountsLeft, &[("count", &n.to_string())]),
                    Some(_) | None => ctx.t(Key::MdWrongAmounts),
                };
                alert(&text)
            }
            MdProblem::NothingNew => {
                let still = state.with_untracked(|s| s.as_ref().is_some_and(|s| s.view == MdView::StillVerifying));
                let key = if still { Key::MdStillNothingNew } else { Key::MdNotArrived };
                el("p").class("cw-notice").attr("role", "status").text(&ctx.t(key))
            }
        })
    };
    children_of(el("div").switch(move || state.with(|s| s.as_ref().and_then(|s| s.problem.clone())), message))
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

/// What is known of the account: type, routing number, masked number (a subheading and its list).
fn account_summary(ctx: Ctx, state: &MicrodepositsState) -> Vec<El> {
    let Some(a) = state.account_ref() else { return Vec::new() };
    let kind = state.microdeposit.as_ref().and_then(|m| m.account_type).unwrap_or(state.form.account_type);
    let row = |term: Key, value: &str| el("div").child(el("dt").text(&ctx.t(term))).child(el("dd").text(value));
    vec![
        el("h3").class("cw-subheading").text(&ctx.t(Key::MdSummary)),
        el("dl")
            .class("cw-md-summary")
            .child(row(Key::MdAccountType, &type_label(ctx, kind)))
            .child(row(Key::MdRoutingLabel, &a.routing_number))
            .child(row(Key::MdAccountNumber, &a.masked_number)),
    ]
}
