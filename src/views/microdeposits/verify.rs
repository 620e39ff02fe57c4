//! The two amounts, entered as a person writes money (the accepted forms are
//! said on screen), and the wait while they are checked.

use super::{busy, last4, md_field, problem, snapshot, MdState};
use crate::flow::microdeposits::{MdField, Msg};
use crate::i18n::Key;
use crate::views::dom::{el, El};
use crate::views::ui::{form, spinner, step, submit_button, Field};
use crate::views::Ctx;
use leptos::prelude::*;

pub fn verify_deposits(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = busy(state);
    let amount = |which: MdField, id: &str, label: Key, value: RwSignal<String>| Field {
        inputmode: Some("decimal"),
        verbatim: true,
        ..md_field(ctx, state, which, id, label, value, busy.clone())
    };
    // The accepted forms, said once: they hold for both amounts.
    let first_field = Field {
        hint: Some(ctx.t(Key::MdVerifyFormats)),
        ..amount(MdField::Amount1, "md-amount-1", Key::MdAmount1, first)
    };
    let submit = move || ctx.send(Msg::SubmitAmounts { first: first.get_untracked(), second: second.get_untracked() });
    step(&ctx.t(Key::MdVerifyTitle), None)
        .child(el("p").text(&ctx.tf(Key::MdVerifyIntro, &[("last4", &last4(&now))])))
        .child(problem(ctx, state))
        .child(
            form(submit)
                .attr("autocomplete", "off")
                .child(first_field.build())
                .child(amount(MdField::Amount2, "md-amount-2", Key::MdAmount2, second).build())
                .child(submit_button(ctx.t(Key::MdVerifySubmit), ctx.t(Key::MdVerifyingTitle), busy)),
        )
}

pub fn verifying(ctx: Ctx) -> El {
    step(&ctx.t(Key::MdVerifyingTitle), None).child(spinner(&ctx.t(Key::MdVerifyingBody)))
}
