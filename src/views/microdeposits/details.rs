//! How it works, the account (type and number, typed twice), its holder, and
//! the review with an "Edit" per row. The account number field is never
//! filled in again: once entered it is only shown masked.

use super::{busy, last4, md_field, problem, snapshot, type_label, MdState};
use crate::flow::microdeposits::{MdField, Msg, ReviewRow};
use crate::i18n::Key;
use crate::model::{AccountType, Secret};
use crate::views::dom::{el, El, Reader};
use crate::views::ui::{button, form, step, submit_button, wipe_on_cleanup, Field, RadioChoice, Radios};
use crate::views::Ctx;
use leptos::prelude::*;

pub fn how_it_works(ctx: Ctx) -> El {
    step(&ctx.t(Key::MdHowTitle), None)
        .child(
            el("ol")
                .class("cw-md-steps")
                .child(el("li").text(&ctx.t(Key::MdHowStep1)))
                .child(el("li").text(&ctx.t(Key::MdHowStep2)))
                .child(el("li").text(&ctx.t(Key::MdHowStep3))),
        )
        .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::MdContinue), Msg::Continue))
}

fn type_value(kind: AccountType) -> String {
    kind.code().to_string()
}

pub fn account_info(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    let kept = now.form.account_number.is_some().then(|| last4(&now));
    let chosen = RwSignal::new(Some(type_value(now.form.account_type)));
    let number = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    // Account numbers are secrets: zero what was typed when the sub-view goes.
    wipe_on_cleanup(vec![number, confirmation]);
    let choices = [AccountType::Checking, AccountType::Savings]
        .into_iter()
        .map(|kind| RadioChoice { value: type_value(kind), label: type_label(ctx, kind), image: None })
        .collect();
    let hint = match &kept {
        Some(last4) => ctx.tf(Key::MdAccountKeep, &[("last4", last4)]),
        None => ctx.t(Key::MdAccountHint),
    };
    let types = Radios {
        name: ctx.dom_id("md-type"),
        legend: ctx.t(Key::MdAccountType),
        choices,
        chosen,
        error: String::new(),
        invalid: Reader::constant(false),
        disabled: Reader::constant(false),
        images: false,
    };
    // Once a number was entered, both may be left blank to keep it.
    let number_field = |which: MdField, id: &str, label: Key, value: RwSignal<String>| Field {
        required: kept.is_none(),
        inputmode: Some("numeric"),
        verbatim: true,
        ..md_field(ctx, state, which, id, label, value, Reader::constant(false))
    };
    let account =
        Field { hint: Some(hint), ..number_field(MdField::AccountNumber, "md-account", Key::MdAccountNumber, number) };
    let confirm =
        number_field(MdField::ConfirmAccountNumber, "md-account-confirm", Key::MdAccountConfirm, confirmation);
    let submit = move || {
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
    step(&ctx.t(Key::MdAccountTitle), None).child(
        form(submit)
            .attr("autocomplete", "off")
            .child(types.build())
            .child(account.build())
            .child(confirm.build())
            .child(submit_button(ctx.t(Key::MdContinue), ctx.t(Key::MdContinue), Reader::constant(false))),
    )
}

pub fn holder(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state).form;
    let first = RwSignal::new(now.first_name);
    let last = RwSignal::new(now.last_name);
    let email = RwSignal::new(now.email);
    let field = |id: &str, label: Key, autocomplete: &'static str, value: RwSignal<String>, which: MdField| Field {
        autocomplete,
        ..md_field(ctx, state, which, id, label, value, Reader::constant(false))
    };
    let email_field = Field { kind: "email", ..field("md-email", Key::MdHolderEmail, "email", email, MdField::Email) };
    let submit = move || {
        ctx.send(Msg::SubmitHolder {
            first_name: first.get_untracked(),
            last_name: last.get_untracked(),
            email: email.get_untracked(),
        })
    };
    step(&ctx.t(Key::MdHolderTitle), Some(&ctx.t(Key::MdHolderIntro))).child(
        form(submit)
            .child(field("md-first", Key::MdHolderFirst, "given-name", first, MdField::FirstName).build())
            .child(field("md-last", Key::MdHolderLast, "family-name", last, MdField::LastName).build())
            .child(email_field.build())
            .child(submit_button(ctx.t(Key::MdContinue), ctx.t(Key::MdContinue), Reader::constant(false))),
    )
}

pub fn review(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    let busy = busy(state);
    let entered = now.form.clone();
    let mut rows: Vec<(Key, String, ReviewRow, Key)> = Vec::new();
    if !now.holder_known {
        let name = format!("{} {}", entered.first_name, entered.last_name);
        rows.push((Key::MdReviewName, name, ReviewRow::Name, Key::MdReviewEditName));
        rows.push((Key::MdReviewEmail, entered.email.clone(), ReviewRow::Email, Key::MdReviewEditEmail));
    }
    rows.push((
        Key::MdRoutingLabel,
        entered.routing_number.clone(),
        ReviewRow::RoutingNumber,
        Key::MdReviewEditRouting,
    ));
    rows.push((
        Key::MdAccountType,
        type_label(ctx, entered.account_type),
        ReviewRow::AccountType,
        Key::MdReviewEditType,
    ));
    let masked = entered.account_mask.clone().unwrap_or_default();
    rows.push((Key::MdAccountNumber, masked, ReviewRow::AccountNumber, Key::MdReviewEditNumber));
    let rows: Vec<El> = rows
        .into_iter()
        .map(|(label, value, row, edit)| {
            el("div").class("cw-md-row").child(el("dt").text(&ctx.t(label))).child(el("dd").text(&value)).child(
                el("dd").child(
                    button(ctx, "cw-link", &ctx.t(Key::MdReviewEdit), Msg::Edit(row))
                        .attr("aria-label", &ctx.t(edit))
                        .attr_fn("aria-disabled", {
                            let busy = busy.clone();
                            move || busy.get().then_some("true")
                        }),
                ),
            )
        })
        .collect();
    step(&ctx.t(Key::MdReviewTitle), None).child(el("dl").class("cw-md-review").child(rows)).child(
        form(move || ctx.send(Msg::Confirm))
            .child(el("p").class("cw-muted").text(&ctx.t(Key::MdReviewConsent)))
            .child(problem(ctx, state))
            .child(submit_button(ctx.t(Key::MdReviewConfirm), ctx.t(Key::MdReviewSending), busy)),
    )
}
