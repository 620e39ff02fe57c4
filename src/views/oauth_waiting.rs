//! Waiting while the user logs in at the institution: progress, and what to
//! do when the browser blocked the window, the window was closed early, the
//! host stopped answering, or the wait went on too long.

use super::dom::{children_of, el, El, IntoNode};
use super::ui::{alert, button, heading, institution_banner, spinner};
use super::Ctx;
use crate::flow::oauth::{Msg, WindowStatus};
use crate::flow::{OAuthWaitState, Step};
use crate::i18n::Key;
use leptos::prelude::*;

/// What the waiting step shows, from its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Situation {
    Waiting { trouble: bool },
    Blocked,
    ClosedUnfinished,
    TimedOut,
}

fn situation(w: &OAuthWaitState, failures_before_notice: u32) -> Situation {
    if w.timed_out {
        Situation::TimedOut
    } else if w.window == WindowStatus::Blocked {
        Situation::Blocked
    } else if w.closed_unfinished() {
        Situation::ClosedUnfinished
    } else {
        Situation::Waiting { trouble: w.poll_failures >= failures_before_notice }
    }
}

pub fn oauth_waiting_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::OAuthWaiting(w) = step { Some(w) } else { None });
    let notice_after = ctx.peek(|f| f.settings.poll_failures_allowed).unwrap_or(3);
    let now = move || state.with(|s| s.as_ref().map(|w| situation(w, notice_after)));
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    let host_opens = state.with_untracked(|s| s.as_ref().is_some_and(|w| w.window == WindowStatus::HostOpens));
    let body = ctx.tf(if host_opens { Key::OAuthWaitingBodyApp } else { Key::OAuthWaitingBody }, &n);
    let new_tab = ctx.t(Key::CommonNewTab);
    let open_again = ctx.tf(Key::OAuthOpenAgain, &n);
    let waiting = ctx.tf(Key::OAuthWaitingStatus, &n);
    let (blocked, closed, trouble, timed_out) = (
        ctx.tf(Key::OAuthBlocked, &n),
        ctx.tf(Key::OAuthClosed, &n),
        ctx.tf(Key::OAuthPollTrouble, &n),
        ctx.tf(Key::OAuthTimedOut, &n),
    );
    // Reopening is a click, so the browser lets the window open.
    let reopen = move |label: &str, class: &str| {
        button(ctx, class, label, Msg::Reopen)
            .child((!host_opens).then(|| el("span").class("cw-sr").text(" ").text(&new_tab)))
    };
    let retry = move |class: &str| button(ctx, class, &ctx.t(Key::CommonRetry), Msg::Restart);
    let status = move |now_shown: Option<Situation>| -> Option<web_sys::Node> {
        match now_shown {
            Some(Situation::TimedOut) => {
                vec![alert(&timed_out), el("div").class("cw-actions").child(retry("cw-button cw-primary"))].into_node()
            }
            Some(Situation::Blocked) => vec![
                alert(&blocked),
                el("div")
                    .class("cw-actions")
                    .child(reopen(&ctx.t(Key::OAuthContinueNewTab), "cw-button cw-primary"))
                    .child(retry("cw-button cw-secondary")),
            ]
            .into_node(),
            Some(Situation::ClosedUnfinished) => vec![
                alert(&closed),
                el("div")
                    .class("cw-actions")
                    .child(reopen(&open_again, "cw-button cw-primary"))
                    .child(retry("cw-button cw-secondary")),
            ]
            .into_node(),
            // The trouble note comes and goes in place: the buttons beside it stay (and keep focus).
            Some(Situation::Waiting { .. }) => {
                let trouble = trouble.clone();
                let part = el("div")
                    .child(spinner(&waiting))
                    .show(
                        move || now() == Some(Situation::Waiting { trouble: true }),
                        move || el("p").class("cw-notice cw-warning").attr("role", "status").text(&trouble),
                    )
                    .child(
                        el("div")
                            .class("cw-actions")
                            .child(reopen(&open_again, "cw-button cw-secondary"))
                            .child(retry("cw-button cw-secondary")),
                    );
                Some(children_of(part))
            }
            None => None,
        }
    };
    el("div")
        .class("cw-step cw-oauth")
        .child(institution_banner(ctx))
        .child(heading(&ctx.tf(Key::OAuthWaitingTitle, &n)))
        // Not "we opened it" when the browser did not let it open.
        .show(move || now() != Some(Situation::Blocked), move || el("p").text(&body))
        // Rebuilt when what is shown changes, not when the trouble note inside the waiting view does.
        .switch(move || now().map(|s| std::mem::discriminant(&s)), move |_| status(untrack(now)))
}
