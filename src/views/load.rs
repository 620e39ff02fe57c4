//! Loading the configured member or institution, and its failure.

use super::ui::{Heading, Spinner};
use super::Ctx;
use crate::flow::{outcomes, start, Action};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn LoadingStep(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::LoadTitle) />
            <Spinner text=ctx.t(Key::CommonLoading) />
        </div>
    }
}

#[component]
pub fn LoadErrorStep(ctx: Ctx, not_found: bool) -> impl IntoView {
    let (title, body) = if not_found {
        (Key::LoadNotFoundTitle, Key::LoadNotFoundBody)
    } else {
        (Key::LoadFailedTitle, Key::LoadFailedBody)
    };
    let search = ctx.peek(|f| f.allowed().search).unwrap_or(false);
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(title) />
            <p class="cw-alert" role="alert">{ctx.t(body)}</p>
            <div class="cw-actions">
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(start::Msg::Retry)>{ctx.t(Key::CommonRetry)}</button>
                {search.then(|| view! {
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(outcomes::Msg::Act(Action::TryAnotherInstitution))>{ctx.t(Key::LoadSearch)}</button>
                })}
            </div>
        </div>
    }
}
