//! Login errors (every end status) and actionable errors (codes 1000–3002):
//! title, message, the aggregator's own message as text, and the actions
//! `flow::route` allows here.

use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::{outcomes::Msg, Action, ErrorScreen};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ErrorStep(ctx: Ctx, screen: ErrorScreen) -> impl IntoView {
    let user_message = ctx.peek(|f| f.member.as_ref().and_then(|m| m.user_message().map(str::to_string))).flatten();
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    let from = ctx.tf(Key::CommonFromInstitution, &n);
    let new_tab = ctx.t(Key::CommonNewTab);
    let actions = screen
        .actions
        .iter()
        .enumerate()
        .map(|(i, &action)| {
            let class = match (i, action) {
                (0, _) => "cw-button cw-primary",
                (_, Action::Disconnect) => "cw-button cw-secondary cw-danger",
                (_, _) => "cw-button cw-secondary",
            };
            let label = ctx.tf(action.label_key(), &n);
            let external =
                (action == Action::VisitWebsite).then(|| view! { <span class="cw-sr">" "{new_tab.clone()}</span> });
            view! { <button type="button" class=class on:click=move |_| ctx.send(Msg::Act(action))>{label}{external}</button> }
        })
        .collect_view();
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.tf(screen.title, &n) />
            <p>{ctx.tf(screen.message, &n)}</p>
            {user_message.map(|m| view! { <p class="cw-notice"><strong>{from}</strong>" "{m}</p> })}
            <div class="cw-actions">{actions}</div>
        </div>
    }
}
