//! Where a verification stands: deposits on their way, still checking,
//! verified, expired (with resend when the host allows it), locked or failed.
//! Each has a way forward.

use super::{account_summary, busy, last4, problem, snapshot, MdState};
use crate::flow::microdeposits::Msg;
use crate::i18n::Key;
use crate::model::MicrodepositStatus;
use crate::views::dom::{el, El};
use crate::views::ui::{button, heading, step, submit_button, success_mark};
use crate::views::Ctx;

/// A form of one submit button among the actions, sending `msg`.
fn inline_form(ctx: Ctx, msg: Msg, submit: El) -> El {
    el("form")
        .class("cw-inline-form")
        .on("submit", move |ev| {
            ev.prevent_default();
            ctx.send(msg.clone());
        })
        .child(submit)
}

/// "Check again", busy while the host is asked.
fn check_again(ctx: Ctx, state: MdState) -> El {
    let busy = busy(state);
    // `submit_button` looks primary; this one is secondary (its class replaced, nothing else).
    let submit = submit_button(ctx.t(Key::MdCheckAgain), ctx.t(Key::MdChecking), busy).class("cw-button cw-secondary");
    inline_form(ctx, Msg::CheckAgain, submit)
}

fn button_class(primary: bool) -> &'static str {
    if primary {
        "cw-button cw-primary"
    } else {
        "cw-button cw-secondary"
    }
}

fn done(ctx: Ctx, primary: bool) -> El {
    button(ctx, button_class(primary), &ctx.t(Key::CommonDone), Msg::Done)
}

fn start_over(ctx: Ctx, primary: bool) -> El {
    button(ctx, button_class(primary), &ctx.t(Key::MdStartOver), Msg::StartOver)
}

pub fn come_back(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    step(&ctx.t(Key::MdComeBackTitle), None)
        .child(el("p").text(&ctx.tf(Key::MdComeBackBody, &[("last4", &last4(&now))])))
        .child(problem(ctx, state))
        .child(el("div").class("cw-actions").child(done(ctx, true)).child(check_again(ctx, state)))
}

pub fn still_verifying(ctx: Ctx, state: MdState) -> El {
    step(&ctx.t(Key::MdStillTitle), None)
        .child(el("p").text(&ctx.t(Key::MdStillBody)))
        .child(problem(ctx, state))
        .child(el("div").class("cw-actions").child(check_again(ctx, state)).child(done(ctx, false)))
}

pub fn verified(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    el("div")
        .class("cw-step cw-center")
        .child(success_mark())
        .child(heading(&ctx.t(Key::MdVerifiedTitle)))
        .child(el("p").text(&ctx.tf(Key::MdVerifiedBody, &[("last4", &last4(&now))])))
        .child(done(ctx, true))
}

pub fn expired(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    let can_resend = now.microdeposit.as_ref().is_some_and(|m| m.can_resend)
        && ctx.peek(|f| f.env.has("updateMicrodeposit")).unwrap_or(false);
    let busy = busy(state);
    let resend = can_resend
        .then(|| inline_form(ctx, Msg::Resend, submit_button(ctx.t(Key::MdResend), ctx.t(Key::MdResending), busy)));
    step(&ctx.t(Key::MdExpiredTitle), None)
        .child(el("p").text(&ctx.t(Key::MdExpiredBody)))
        .child(can_resend.then(|| el("p").text(&ctx.t(Key::MdExpiredResendBody))))
        .child(account_summary(ctx, &now))
        .child(problem(ctx, state))
        .child(el("div").class("cw-actions").child(resend).child(start_over(ctx, !can_resend)).child(done(ctx, false)))
}

/// Locked after too many wrong amounts, or failed (the deposits could not be
/// made, or the host ended the verification).
pub fn failure(ctx: Ctx, state: MdState, locked: bool) -> El {
    let now = snapshot(state);
    let errored = now.microdeposit.as_ref().and_then(|m| m.status) == Some(MicrodepositStatus::Errored);
    let (title, body) = match (locked, errored) {
        (true, _) => (Key::MdLockedTitle, Key::MdLockedBody),
        (false, true) => (Key::MdFailedTitle, Key::MdFailedErroredBody),
        (false, false) => (Key::MdFailedTitle, Key::MdFailedBody),
    };
    let actions = if errored {
        vec![start_over(ctx, true), done(ctx, false)]
    } else {
        vec![done(ctx, true), start_over(ctx, false)]
    };
    step(&ctx.t(title), None)
        .child(el("p").text(&ctx.t(body)))
        .child(account_summary(ctx, &now))
        .child(el("div").class("cw-actions").child(actions))
}
