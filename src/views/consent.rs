//! The consent step, the disclosure screen, and their sheets ("About MX
//! Technologies", "Data access by MX"). Everything is plain text in reading
//! order, the clusters are native disclosure widgets (`<details>`), and
//! "I consent" works at once: no scrolling to the bottom first.

use super::ui::{ExternalLink, Heading, InstitutionBanner, ModalDialog, Spinner};
use super::Ctx;
use crate::flow::consent::{requested_clusters, Msg, PRIVACY_URL, REGULATION_URL};
use crate::flow::{ConsentState, DataCluster, Step};
use crate::i18n::Key;
use leptos::prelude::*;

/// The partner's app name (`client.oauth_app_name`), or "This app".
fn app_name(ctx: &Ctx) -> String {
    ctx.peek(|f| f.env.partner.app_name.clone()).flatten().unwrap_or_else(|| ctx.t(Key::ConsentAppFallback))
}

/// Data clusters: each a `<details>` whose summary is its name.
#[component]
fn ClusterList(ctx: Ctx, clusters: Vec<DataCluster>) -> impl IntoView {
    view! {
        <ul class="cw-clusters">
            {clusters.into_iter().map(|c| view! {
                <li>
                    <details class="cw-cluster">
                        <summary>{ctx.t(c.name_key())}</summary>
                        <p class="cw-muted">{ctx.t(c.details_key())}</p>
                    </details>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn ConsentStep(ctx: Ctx) -> impl IntoView {
    let state: Option<ConsentState> =
        ctx.peek(|f| if let Step::Consent(c) = f.step() { Some(c.clone()) } else { None }).flatten();
    let Some(ConsentState { purpose, clusters }) = state else { return ().into_any() };
    let app = app_name(&ctx);
    let purpose = ctx.t(purpose.key());
    let name = ctx.institution_name();
    let intro = ctx.tf(Key::ConsentIntro, &[("app", &app), ("name", &name), ("purpose", &purpose)]);
    let protection = ctx.tf(Key::ConsentProtection, &[("app", &app), ("purpose", &purpose)]);
    let agree = move |_| ctx.send(Msg::Agree { now_ms: crate::host::js::wall_clock_ms() });
    view! {
        <div class="cw-step cw-consent">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.t(Key::ConsentTitle) />
            <p>{intro}</p>
            <ClusterList ctx=ctx clusters=clusters />
            <p class="cw-legal">
                {protection}" "
                <ExternalLink ctx=ctx url=REGULATION_URL.to_string() text=ctx.t(Key::ConsentRegulation) />
                ". "{ctx.t(Key::ConsentValidity)}
            </p>
            <p class="cw-legal"><strong>{ctx.t(Key::ConsentAgreement)}</strong></p>
            <button type="button" class="cw-link" aria-haspopup="dialog" on:click=move |_| ctx.send(Msg::About)>
                {ctx.t(Key::ConsentAbout)}
            </button>
            <button type="button" class="cw-button cw-primary" on:click=agree>{ctx.t(Key::ConsentAgree)}</button>
        </div>
    }
    .into_any()
}

#[component]
pub fn DisclosureStep(ctx: Ctx) -> impl IntoView {
    let continuing =
        Memo::new(move |_| ctx.with(|f| matches!(f.step(), Step::Disclosure(d) if d.continuing)).unwrap_or(false));
    let clusters = ctx.peek(|f| requested_clusters(&f.config)).unwrap_or_default();
    let body = ctx.tf(Key::DisclosureBody, &[("app", &app_name(&ctx))]);
    view! {
        <div class="cw-step cw-disclosure">
            <Heading text=ctx.t(Key::DisclosureTitle) />
            <p>{body}</p>
            <ClusterList ctx=ctx clusters=clusters />
            <p class="cw-notice">{ctx.t(Key::DisclosureSecurity)}</p>
            <p class="cw-legal">
                {ctx.t(Key::DisclosurePolicy)}" "
                <ExternalLink ctx=ctx url=PRIVACY_URL.to_string() text=ctx.t(Key::DisclosurePolicyLink) />"."
            </p>
            {move || if continuing.get() {
                view! { <Spinner text=ctx.t(Key::CommonLoading) /> }.into_any()
            } else {
                view! {
                    <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::AcceptDisclosure)>
                        {ctx.t(Key::DisclosureContinue)}
                    </button>
                }
                .into_any()
            }}
        </div>
    }
}

/// "About MX Technologies", over the consent step.
#[component]
pub fn AboutMxDialog(ctx: Ctx) -> impl IntoView {
    view! {
        <ModalDialog title_id=ctx.dom_id("about-mx-title") title=ctx.t(Key::ConsentAboutTitle)
            on_close=Callback::new(move |()| ctx.send(Msg::Close))>
            <p>{ctx.t(Key::ConsentAboutBody)}</p>
            <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Close)>{ctx.t(Key::CommonClose)}</button>
        </ModalDialog>
    }
}

/// The data requested, over the login form (`show_mx_branding`).
#[component]
pub fn DataAccessDialog(ctx: Ctx) -> impl IntoView {
    let clusters = ctx.peek(|f| requested_clusters(&f.config)).unwrap_or_default();
    let intro = ctx.tf(Key::DataAccessIntro, &[("app", &app_name(&ctx)), ("name", &ctx.institution_name())]);
    view! {
        <ModalDialog title_id=ctx.dom_id("data-access-title") title=ctx.t(Key::DataAccessTitle)
            on_close=Callback::new(move |()| ctx.send(Msg::Close))>
            <p>{intro}</p>
            <ClusterList ctx=ctx clusters=clusters />
            <p><ExternalLink ctx=ctx url=PRIVACY_URL.to_string() text=ctx.t(Key::DisclosurePolicyLink) /></p>
            <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Close)>{ctx.t(Key::CommonClose)}</button>
        </ModalDialog>
    }
}
