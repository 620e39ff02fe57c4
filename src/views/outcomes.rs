//! Screens that end a path: connected, login errors (every status), actionable
//! errors, unavailable institution, disconnected, and a failed initial load.

use super::{Ctx, Heading, InstitutionBanner};
use crate::flow::{route, Action, ErrorScreen, Msg, Step};
use leptos::prelude::*;

#[component]
pub fn OutcomeStep(ctx: Ctx) -> impl IntoView {
    let (step, allowed, user_message) = ctx
        .peek(|f| (f.step().clone(), f.allowed(), f.member.as_ref().and_then(|m| m.user_message().map(str::to_string))))
        .unwrap_or((
            Step::Loading,
            route::Allowed { search: false, support: false, website: false, disconnect: false },
            None,
        ));
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    match step {
        Step::Connected => view! {
            <div class="cw-step cw-center">
                <InstitutionBanner ctx=ctx />
                <div class="cw-success-mark" aria-hidden="true">"✓"</div>
                <Heading text=ctx.t("connected.title") />
                <p>{ctx.tf("connected.body", &n)}</p>
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Done)>{ctx.t("connected.done")}</button>
            </div>
        }
        .into_any(),
        Step::LoginError { status } => {
            let screen = route::login_error_screen(status, allowed);
            view! { <ErrorView ctx=ctx screen=screen user_message=user_message /> }.into_any()
        }
        Step::ActionableError { code } => {
            let screen = route::actionable_screen(code, allowed);
            view! { <ErrorView ctx=ctx screen=screen user_message=user_message /> }.into_any()
        }
        Step::InstitutionStatus => view! {
            <div class="cw-step">
                <InstitutionBanner ctx=ctx />
                <Heading text=ctx.tf("institution.unavailable.title", &n) />
                <p>{ctx.t("institution.unavailable.body")}</p>
                {allowed.search.then(|| view! {
                    <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Back)>{ctx.t("institution.choose_another")}</button>
                })}
            </div>
        }
        .into_any(),
        Step::Disconnected => view! {
            <div class="cw-step cw-center">
                <Heading text=ctx.tf("disconnected.title", &n) />
                <p>{ctx.tf("disconnected.body", &n)}</p>
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Done)>{ctx.t("common.done")}</button>
            </div>
        }
        .into_any(),
        Step::LoadError { not_found } => {
            let (title, body) = if not_found {
                ("load.not_found.title", "load.not_found.body")
            } else {
                ("load.failed.title", "load.failed.body")
            };
            view! {
                <div class="cw-step">
                    <Heading text=ctx.t(title) />
                    <p class="cw-alert" role="alert">{ctx.t(body)}</p>
                    <div class="cw-actions">
                        <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::RetryLoad)>{ctx.t("common.retry")}</button>
                        {allowed.search.then(|| view! {
                            <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Act(Action::TryAnotherInstitution))>{ctx.t("load.search")}</button>
                        })}
                    </div>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

fn action_label(ctx: &Ctx, action: Action, name: &str) -> String {
    ctx.tf(action.label_key(), &[("name", name)])
}

/// Title, message (plus the aggregator's own message as text) and actions.
#[component]
fn ErrorView(ctx: Ctx, screen: ErrorScreen, user_message: Option<String>) -> impl IntoView {
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    let from = ctx.tf("common.from_institution", &n);
    let new_tab = ctx.t("common.new_tab");
    let actions = screen
        .actions
        .iter()
        .enumerate()
        .map(|(i, &action)| {
            let class = match (i, action) {
                (0, _) => "cw-button cw-primary",
                (_, Action::Disconnect) => "cw-button cw-secondary cw-danger",
                _ => "cw-button cw-secondary",
            };
            let label = action_label(&ctx, action, &name);
            let external = (action == Action::VisitWebsite).then(|| view! { <span class="cw-sr">" "{new_tab.clone()}</span> });
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
