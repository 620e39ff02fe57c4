//! OAuth ended in an error: what happened, by reason, and "Try again" with a
//! fresh login page.

use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::oauth::Msg;
use crate::flow::{outcomes, Action, OAuthErrorReason};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn OAuthErrorStep(ctx: Ctx, reason: OAuthErrorReason) -> impl IntoView {
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    let search = ctx.peek(|f| f.allowed().search).unwrap_or(false);
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.tf(Key::OAuthErrorTitle, &n) />
            <p role="alert">{ctx.tf(reason.message_key(), &n)}</p>
            <div class="cw-actions">
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Restart)>{ctx.t(Key::CommonRetry)}</button>
                {search.then(|| view! {
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(outcomes::Msg::Act(Action::TryAnotherInstitution))>{ctx.t(Key::InstitutionChooseAnother)}</button>
                })}
            </div>
        </div>
    }
}
