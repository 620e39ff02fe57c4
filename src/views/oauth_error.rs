//! OAuth ended in an error: what happened, by reason, and "Try again" with a
//! fresh login page.

use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::oauth::Msg;
use crate::flow::{outcomes, Action, OAuthErrorReason};

/// "Try again" (`retry`) and, where search is allowed, "Choose another institution".
pub fn retry_or_another(ctx: Ctx, retry: Msg) -> impl IntoView {
    let search = ctx.peek(|f| f.allowed().search).unwrap_or(false);
    view! {
        <div class="cw-actions">
            <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(retry.clone())>{ctx.t(Key::CommonRetry)}</button>
            {search.then(|| view! {
                <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(outcomes::Msg::Act(Action::TryAnotherInstitution))>{ctx.t(Key::InstitutionChooseAnother)}</button>
            })}
        </div>
    }
}
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn OAuthErrorStep(ctx: Ctx, reason: OAuthErrorReason) -> impl IntoView {
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.tf(Key::OAuthErrorTitle, &n) />
            <p role="alert">{ctx.tf(reason.message_key(), &n)}</p>
            {retry_or_another(ctx, Msg::Restart)}
        </div>
    }
}
