//! How it works, the account (type and number, typed twice), its holder, and
//! the review with an "Edit" per row. The account number field is never
//! filled in again: once entered it is only shown masked.

use super::{busy, error_text, invalid, last4, problem, snapshot, type_label, MdState};
use crate::flow::microdeposits::{MdField, Msg, ReviewRow};
use crate::i18n::Key;
use crate::model::{AccountType, Secret};
use crate::views::ui::{Heading, RadioChoice, RadioGroup, SubmitButton, TextField};
use crate::views::Ctx;
use leptos::prelude::*;

#[component]
pub fn HowItWorks(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdHowTitle) />
            <ol class="cw-md-steps">
                <li>{ctx.t(Key::MdHowStep1)}</li>
                <li>{ctx.t(Key::MdHowStep2)}</li>
                <li>{ctx.t(Key::MdHowStep3)}</li>
            </ol>
            <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Continue)>
                {ctx.t(Key::MdContinue)}
            </button>
        </div>
    }
}

fn type_value(kind: AccountType) -> String {
    kind.code().to_string()
}

#[component]
pub fn AccountInfo(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    let kept = now.form.account_number.is_some().then(|| last4(&now));
    let chosen = RwSignal::new(Some(type_value(now.form.account_type)));
    let number = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let account_type = match chosen.get_untracked().as_deref() {
            Some("2") => AccountType::Savings,
            _ => AccountType::Checking,
        };
        ctx.send(Msg::SubmitAccount {
            account_type,
            number: Secret::new(number.get_untracked()),
            confirmation: Secret::new(confirmation.get_untracked()),
        });
    };
    let choices = [AccountType::Checking, AccountType::Savings]
        .into_iter()
        .map(|kind| RadioChoice { value: type_value(kind), label: type_label(ctx, kind), image: None })
        .collect();
    let hint = match &kept {
        Some(last4) => ctx.tf(Key::MdAccountKeep, &[("last4", last4)]),
        None => ctx.t(Key::MdAccountHint),
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdAccountTitle) />
            <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
                <RadioGroup name=ctx.dom_id("md-type") legend=ctx.t(Key::MdAccountType) choices=choices chosen=chosen
                    error=String::new() invalid=false disabled=false />
                <TextField id=ctx.dom_id("md-account") label=ctx.t(Key::MdAccountNumber) hint=Some(hint)
                    error=error_text(ctx, state, MdField::AccountNumber) invalid=invalid(state, MdField::AccountNumber)
                    disabled=false value=number required=kept.is_none() inputmode="numeric" verbatim=true />
                <TextField id=ctx.dom_id("md-account-confirm") label=ctx.t(Key::MdAccountConfirm)
                    error=error_text(ctx, state, MdField::ConfirmAccountNumber)
                    invalid=invalid(state, MdField::ConfirmAccountNumber)
                    disabled=false value=confirmation required=kept.is_none() inputmode="numeric" verbatim=true />
                <SubmitButton label=ctx.t(Key::MdContinue) busy_label=ctx.t(Key::MdContinue) busy=false />
            </form>
        </div>
    }
}

#[component]
pub fn Holder(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state).form;
    let first = RwSignal::new(now.first_name);
    let last = RwSignal::new(now.last_name);
    let email = RwSignal::new(now.email);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::SubmitHolder {
            first_name: first.get_untracked(),
            last_name: last.get_untracked(),
            email: email.get_untracked(),
        });
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdHolderTitle) />
            <p class="cw-muted">{ctx.t(Key::MdHolderIntro)}</p>
            <form class="cw-form" novalidate="" on:submit=on_submit>
                <TextField id=ctx.dom_id("md-first") label=ctx.t(Key::MdHolderFirst) autocomplete="given-name"
                    error=error_text(ctx, state, MdField::FirstName) invalid=invalid(state, MdField::FirstName)
                    disabled=false value=first />
                <TextField id=ctx.dom_id("md-last") label=ctx.t(Key::MdHolderLast) autocomplete="family-name"
                    error=error_text(ctx, state, MdField::LastName) invalid=invalid(state, MdField::LastName)
                    disabled=false value=last />
                <TextField id=ctx.dom_id("md-email") label=ctx.t(Key::MdHolderEmail) kind="email" autocomplete="email"
                    error=error_text(ctx, state, MdField::Email) invalid=invalid(state, MdField::Email)
                    disabled=false value=email />
                <SubmitButton label=ctx.t(Key::MdContinue) busy_label=ctx.t(Key::MdContinue) busy=false />
            </form>
        </div>
    }
}

#[component]
pub fn Review(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    let busy = busy(state);
    let form = now.form.clone();
    let mut rows: Vec<(Key, String, ReviewRow, Key)> = Vec::new();
    if !now.holder_known {
        let name = format!("{} {}", form.first_name, form.last_name);
        rows.push((Key::MdReviewName, name, ReviewRow::Name, Key::MdReviewEditName));
        rows.push((Key::MdReviewEmail, form.email.clone(), ReviewRow::Email, Key::MdReviewEditEmail));
    }
    rows.push((Key::MdRoutingLabel, form.routing_number.clone(), ReviewRow::RoutingNumber, Key::MdReviewEditRouting));
    rows.push((Key::MdAccountType, type_label(ctx, form.account_type), ReviewRow::AccountType, Key::MdReviewEditType));
    let masked = form.account_mask.clone().unwrap_or_default();
    rows.push((Key::MdAccountNumber, masked, ReviewRow::AccountNumber, Key::MdReviewEditNumber));
    let rows = rows
        .into_iter()
        .map(|(label, value, row, edit)| {
            view! {
                <div class="cw-md-row">
                    <dt>{ctx.t(label)}</dt>
                    <dd>{value}</dd>
                    <dd>
                        <button type="button" class="cw-link" aria-label=ctx.t(edit)
                            aria-disabled=move || busy.get().then_some("true")
                            on:click=move |_| ctx.send(Msg::Edit(row))>{ctx.t(Key::MdReviewEdit)}</button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::Confirm);
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdReviewTitle) />
            <dl class="cw-md-review">{rows}</dl>
            <form class="cw-form" novalidate="" on:submit=on_submit>
                <p class="cw-muted">{ctx.t(Key::MdReviewConsent)}</p>
                {problem(ctx, state)}
                <SubmitButton label=ctx.t(Key::MdReviewConfirm) busy_label=ctx.t(Key::MdReviewSending) busy=busy />
            </form>
        </div>
    }
}
