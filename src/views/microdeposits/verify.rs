//! The two amounts, entered as a person writes money (the accepted forms are
//! said on screen), and the wait while they are checked.

use super::{busy, error_text, invalid, last4, problem, snapshot, MdState};
use crate::flow::microdeposits::{MdField, Msg};
use crate::i18n::Key;
use crate::views::dom::{el, El};
use crate::views::ui::{heading, spinner, submit_button, Field};
use crate::views::Ctx;
use leptos::prelude::*;

pub fn verify_deposits(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = busy(state);
    let amount = |id: &str, label: Key, value: RwSignal<String>, which: MdField| Field {
        error: error_text(ctx, state, which),
        inputmode: Some("decimal"),
        verbatim: true,
        ..Field::new(ctx.dom_id(id), ctx.t(label), value, invalid(state, which), busy)
    };
    // The accepted forms, said once: they hold for both amounts.
    let first_field = Field {
        hint: Some(ctx.t(Key::MdVerifyFormats)),
        ..amount("md-amount-1", Key::MdAmount1, first, MdField::Amount1)
    };
    el("div")
        .class("cw-step")
        .child(heading(&ctx.t(Key::MdVerifyTitle)))
        .child(el("p").text(&ctx.tf(Key::MdVerifyIntro, &[("last4", &last4(&now))])))
        .child(problem(ctx, state))
        .child(
            el("form")
                .class("cw-form")
                .attr("novalidate", "")
                .attr("autocomplete", "off")
                .on("submit", move |ev| {
                    ev.prevent_default();
                    ctx.send(Msg::SubmitAmounts { first: first.get_untracked(), second: second.get_untracked() });
                })
                .child(first_field.build())
                .child(amount("md-amount-2", Key::MdAmount2, second, MdField::Amount2).build())
                .child(submit_button(ctx.t(Key::MdVerifySubmit), ctx.t(Key::MdVerifyingTitle), busy)),
        )
}

pub fn verifying(ctx: Ctx) -> El {
    el("div")
        .class("cw-step")
        .child(heading(&ctx.t(Key::MdVerifyingTitle)))
        .child(spinner(&ctx.t(Key::MdVerifyingBody)))
}
