//! The consent step, the disclosure screen, and their sheets ("About MX
//! Technologies", "Data access by MX"). Everything is plain text in reading
//! order, the clusters are native disclosure widgets (`<details>`), and
//! "I consent" works at once: no scrolling to the bottom first.

use super::dom::{el, El};
use super::ui::{button, external_link, heading, institution_banner, modal_dialog, spinner};
use super::Ctx;
use crate::flow::consent::{requested_clusters, Msg, PRIVACY_URL, REGULATION_URL};
use crate::flow::{ConsentState, DataCluster, Step};
use crate::i18n::Key;

/// The partner's app name (`client.oauth_app_name`), or "This app".
fn app_name(ctx: &Ctx) -> String {
    ctx.peek(|f| f.env.partner.app_name.clone()).flatten().unwrap_or_else(|| ctx.t(Key::ConsentAppFallback))
}

/// Data clusters: each a `<details>` whose summary is its name.
fn cluster_list(ctx: Ctx, clusters: Vec<DataCluster>) -> El {
    let items: Vec<El> = clusters
        .into_iter()
        .map(|c| {
            el("li").child(
                el("details")
                    .class("cw-cluster")
                    .child(el("summary").text(&ctx.t(c.name_key())))
                    .child(el("p").class("cw-muted").text(&ctx.t(c.details_key()))),
            )
        })
        .collect();
    el("ul").class("cw-clusters").child(items)
}

pub fn consent_step(ctx: Ctx) -> El {
    let step = el("div").class("cw-step cw-consent");
    let state: Option<ConsentState> =
        ctx.peek(|f| if let Step::Consent(c) = f.step() { Some(c.clone()) } else { None }).flatten();
    // `screen` builds this only for a consent step, so the state is there; without it the
    // step stays empty.
    let Some(ConsentState { purpose, clusters }) = state else { return step };
    let app = app_name(&ctx);
    let purpose = ctx.t(purpose.key());
    let name = ctx.institution_name();
    let intro = ctx.tf(Key::ConsentIntro, &[("app", &app), ("name", &name), ("purpose", &purpose)]);
    let protection = ctx.tf(Key::ConsentProtection, &[("app", &app), ("purpose", &purpose)]);
    step.child(institution_banner(ctx))
        .child(heading(&ctx.t(Key::ConsentTitle)))
        .child(el("p").text(&intro))
        .child(cluster_list(ctx, clusters))
        .child(
            el("p")
                .class("cw-legal")
                .text(&protection)
                .text(" ")
                .child(external_link(ctx, REGULATION_URL, &ctx.t(Key::ConsentRegulation)))
                .text(". ")
                .text(&ctx.t(Key::ConsentValidity)),
        )
        .child(el("p").class("cw-legal").child(el("strong").text(&ctx.t(Key::ConsentAgreement))))
        .child(button(ctx, "cw-link", &ctx.t(Key::ConsentAbout), Msg::About).attr("aria-haspopup", "dialog"))
        .child(
            el("button")
                .attr("type", "button")
                .class("cw-button cw-primary")
                .on("click", move |_| ctx.send(Msg::Agree { now_ms: crate::host::js::wall_clock_ms() }))
                .text(&ctx.t(Key::ConsentAgree)),
        )
}

pub fn disclosure_step(ctx: Ctx) -> El {
    let continuing = move || ctx.with(|f| matches!(f.step(), Step::Disclosure(d) if d.continuing)).unwrap_or(false);
    let clusters = ctx.peek(|f| requested_clusters(&f.config)).unwrap_or_default();
    let body = ctx.tf(Key::DisclosureBody, &[("app", &app_name(&ctx))]);
    let action = move |continuing: bool| {
        if continuing {
            spinner(&ctx.t(Key::CommonLoading))
        } else {
            button(ctx, "cw-button cw-primary", &ctx.t(Key::DisclosureContinue), Msg::AcceptDisclosure)
        }
    };
    el("div")
        .class("cw-step cw-disclosure")
        .child(heading(&ctx.t(Key::DisclosureTitle)))
        .child(el("p").text(&body))
        .child(cluster_list(ctx, clusters))
        .child(el("p").class("cw-notice").text(&ctx.t(Key::DisclosureSecurity)))
        .child(
            el("p")
                .class("cw-legal")
                .text(&ctx.t(Key::DisclosurePolicy))
                .text(" ")
                .child(external_link(ctx, PRIVACY_URL, &ctx.t(Key::DisclosurePolicyLink)))
                .text("."),
        )
        .switch(continuing, action)
}

/// The dialogs' Close button.
fn close_button(ctx: Ctx) -> El {
    button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonClose), Msg::Close)
}

/// "About MX Technologies", over the consent step.
pub fn about_mx_dialog(ctx: Ctx) -> El {
    modal_dialog(
        &ctx.dom_id("about-mx-title"),
        &ctx.t(Key::ConsentAboutTitle),
        move || ctx.send(Msg::Close),
        vec![el("p").text(&ctx.t(Key::ConsentAboutBody)), close_button(ctx)],
    )
}

/// The data requested, over the login form (`show_mx_branding`).
pub fn data_access_dialog(ctx: Ctx) -> El {
    let clusters = ctx.peek(|f| requested_clusters(&f.config)).unwrap_or_default();
    let intro = ctx.tf(Key::DataAccessIntro, &[("app", &app_name(&ctx)), ("name", &ctx.institution_name())]);
    modal_dialog(
        &ctx.dom_id("data-access-title"),
        &ctx.t(Key::DataAccessTitle),
        move || ctx.send(Msg::Close),
        vec![
            el("p").text(&intro),
            cluster_list(ctx, clusters),
            el("p").child(external_link(ctx, PRIVACY_URL, &ctx.t(Key::DisclosurePolicyLink))),
            close_button(ctx),
        ],
    )
}
