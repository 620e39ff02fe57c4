//! The two amounts, entered as a person writes money (the accepted forms are
//! said on screen), and the wait while they are checked.

use super::{busy, error_text, invalid, last4, problem, snapshot, MdState};
use crate::flow::microdeposits::{MdField, Msg};
use crate::i18n::Key;
use crate::views::ui::{Heading, Spinner, SubmitButton, TextField};
use crate::views::Ctx;
use leptos::prelude::*;

#[component]
pub fn VerifyDeposits(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = busy(state);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::SubmitAmounts { first: first.get_untracked(), second: second.get_untracked() });
    };
    let formats = ctx.t(Key::MdVerifyFormats);
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdVerifyTitle) />
            <p>{ctx.tf(Key::MdVerifyIntro, &[("last4", &last4(&now))])}</p>
            {problem(ctx, state)}
            <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
                // The accepted forms, said once: they hold for both amounts.
                <TextField id=ctx.dom_id("md-amount-1") label=ctx.t(Key::MdAmount1) hint=Some(formats)
                    error=error_text(ctx, state, MdField::Amount1) invalid=invalid(state, MdField::Amount1)
                    disabled=busy value=first inputmode="decimal" verbatim=true />
                <TextField id=ctx.dom_id("md-amount-2") label=ctx.t(Key::MdAmount2)
                    error=error_text(ctx, state, MdField::Amount2) invalid=invalid(state, MdField::Amount2)
                    disabled=busy value=second inputmode="decimal" verbatim=true />
                <SubmitButton label=ctx.t(Key::MdVerifySubmit) busy_label=ctx.t(Key::MdVerifyingTitle) busy=busy />
            </form>
        </div>
    }
}

#[component]
pub fn Verifying(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdVerifyingTitle) />
            <Spinner text=ctx.t(Key::MdVerifyingBody) />
        </div>
    }
}
