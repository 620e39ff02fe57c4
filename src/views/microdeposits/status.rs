//! Where a verification stands: deposits on their way, still checking,
//! verified, expired (with resend when the host allows it), locked or failed.
//! Each has a way forward.

use super::{busy, last4, problem, snapshot, AccountSummary, MdState};
use crate::flow::microdeposits::Msg;
use crate::i18n::Key;
use crate::model::MicrodepositStatus;
use crate::views::ui::{Heading, SubmitButton};
use crate::views::Ctx;
use leptos::prelude::*;

/// "Check again", busy while the host is asked.
#[component]
fn CheckAgain(ctx: Ctx, state: MdState) -> impl IntoView {
    let busy = busy(state);
    view! {
        <form class="cw-inline-form" on:submit=move |ev: web_sys::SubmitEvent| {
            ev.prevent_default();
            ctx.send(Msg::CheckAgain);
        }>
            <SubmitButton label=ctx.t(Key::MdCheckAgain) busy_label=ctx.t(Key::MdChecking) busy=busy
                class="cw-button cw-secondary" />
        </form>
    }
}

fn done(ctx: Ctx, primary: bool) -> impl IntoView {
    let class = if primary { "cw-button cw-primary" } else { "cw-button cw-secondary" };
    view! { <button type="button" class=class on:click=move |_| ctx.send(Msg::Done)>{ctx.t(Key::CommonDone)}</button> }
}

fn start_over(ctx: Ctx, primary: bool) -> impl IntoView {
    let class = if primary { "cw-button cw-primary" } else { "cw-button cw-secondary" };
    view! { <button type="button" class=class on:click=move |_| ctx.send(Msg::StartOver)>{ctx.t(Key::MdStartOver)}</button> }
}

#[component]
pub fn ComeBack(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdComeBackTitle) />
            <p>{ctx.tf(Key::MdComeBackBody, &[("last4", &last4(&now))])}</p>
            {problem(ctx, state)}
            <div class="cw-actions">
                {done(ctx, true)}
                <CheckAgain ctx=ctx state=state />
            </div>
        </div>
    }
}

#[component]
pub fn StillVerifying(ctx: Ctx, state: MdState) -> impl IntoView {
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdStillTitle) />
            <p>{ctx.t(Key::MdStillBody)}</p>
            {problem(ctx, state)}
            <div class="cw-actions">
                <CheckAgain ctx=ctx state=state />
                {done(ctx, false)}
            </div>
        </div>
    }
}

#[component]
pub fn Verified(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    view! {
        <div class="cw-step cw-center">
            <div class="cw-success-mark" aria-hidden="true">"✓"</div>
            <Heading text=ctx.t(Key::MdVerifiedTitle) />
            <p>{ctx.tf(Key::MdVerifiedBody, &[("last4", &last4(&now))])}</p>
            {done(ctx, true)}
        </div>
    }
}

#[component]
pub fn Expired(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    let can_resend = now.microdeposit.as_ref().is_some_and(|m| m.can_resend)
        && ctx.peek(|f| f.env.has("updateMicrodeposit")).unwrap_or(false);
    let busy = busy(state);
    let resend = can_resend.then(|| {
        view! {
            <form class="cw-inline-form" on:submit=move |ev: web_sys::SubmitEvent| {
                ev.prevent_default();
                ctx.send(Msg::Resend);
            }>
                <SubmitButton label=ctx.t(Key::MdResend) busy_label=ctx.t(Key::MdResending) busy=busy />
            </form>
        }
    });
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdExpiredTitle) />
            <p>{ctx.t(Key::MdExpiredBody)}</p>
            {can_resend.then(|| view! { <p>{ctx.t(Key::MdExpiredResendBody)}</p> })}
            <AccountSummary ctx=ctx state=now.clone() />
            {problem(ctx, state)}
            <div class="cw-actions">
                {resend}
                {start_over(ctx, !can_resend)}
                {done(ctx, false)}
            </div>
        </div>
    }
}

/// Locked after too many wrong amounts, or failed (the deposits could not be
/// made, or the host ended the verification).
#[component]
pub fn Failure(ctx: Ctx, state: MdState, locked: bool) -> impl IntoView {
    let now = snapshot(state);
    let errored = now.microdeposit.as_ref().and_then(|m| m.status) == Some(MicrodepositStatus::Errored);
    let (title, body) = match (locked, errored) {
        (true, _) => (Key::MdLockedTitle, Key::MdLockedBody),
        (false, true) => (Key::MdFailedTitle, Key::MdFailedErroredBody),
        (false, false) => (Key::MdFailedTitle, Key::MdFailedBody),
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(title) />
            <p>{ctx.t(body)}</p>
            <AccountSummary ctx=ctx state=now.clone() />
            <div class="cw-actions">
                {if errored {
                    view! { {start_over(ctx, true)} {done(ctx, false)} }.into_any()
                } else {
                    view! { {done(ctx, true)} {start_over(ctx, false)} }.into_any()
                }}
            </div>
        </div>
    }
}
