//! Waiting while the user logs in at the institution: progress, and what to
//! do when the browser blocked the window, the window was closed early, the
//! host stopped answering, or the wait went on too long.

use super::ui::{Alert, Heading, InstitutionBanner, Spinner};
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

#[component]
pub fn OAuthWaitingStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::OAuthWaiting(w) = step { Some(w.clone()) } else { None });
    let notice_after = ctx.peek(|f| f.settings.poll_failures_allowed).unwrap_or(3);
    let now = Memo::new(move |_| state.with(|s| s.as_ref().map(|w| situation(w, notice_after))));
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
    let reopen = move |label: String, class: &'static str| {
        let note = (!host_opens).then(|| view! { <span class="cw-sr">" "{new_tab.clone()}</span> });
        view! { <button type="button" class=class on:click=move |_| ctx.send(Msg::Reopen)>{label}{note}</button> }
    };
    let retry = move |class: &'static str| {
        view! { <button type="button" class=class on:click=move |_| ctx.send(Msg::Restart)>{ctx.t(Key::CommonRetry)}</button> }
    };
    let status = move || match now.get() {
        Some(Situation::TimedOut) => view! {
            <Alert text=timed_out.clone() />
            <div class="cw-actions">{retry("cw-button cw-primary")}</div>
        }
        .into_any(),
        Some(Situation::Blocked) => view! {
            <Alert text=blocked.clone() />
            <div class="cw-actions">
                {reopen(ctx.t(Key::OAuthContinueNewTab), "cw-button cw-primary")}
                {retry("cw-button cw-secondary")}
            </div>
        }
        .into_any(),
        Some(Situation::ClosedUnfinished) => view! {
            <Alert text=closed.clone() />
            <div class="cw-actions">
                {reopen(open_again.clone(), "cw-button cw-primary")}
                {retry("cw-button cw-secondary")}
            </div>
        }
        .into_any(),
        Some(Situation::Waiting { trouble: has_trouble }) => view! {
            <Spinner text=waiting.clone() />
            {has_trouble.then(|| view! { <p class="cw-notice cw-warning" role="status">{trouble.clone()}</p> })}
            <div class="cw-actions">
                {reopen(open_again.clone(), "cw-button cw-secondary")}
                {retry("cw-button cw-secondary")}
            </div>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <div class="cw-step cw-oauth">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.tf(Key::OAuthWaitingTitle, &n) />
            // Not "we opened it" when the browser did not let it open.
            {move || (now.get() != Some(Situation::Blocked)).then(|| view! { <p>{body.clone()}</p> })}
            {status}
        </div>
    }
}
