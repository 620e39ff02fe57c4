//! Why the chosen institution can't be connected, before any credentials, and
//! what to do instead: another institution, checking again, its website, a
//! support request, or a manual account. There is always at least one.

use super::dom::{el, El};
use super::ui::{alert, button, heading, institution_banner, spinner};
use super::Ctx;
use crate::flow::institution_status::{Msg, Recheck};
use crate::flow::{manual_account, support, StatusCase, StatusState, Step};
use crate::i18n::Key;

fn texts(case: StatusCase) -> (Key, Key) {
    match case {
        StatusCase::BlockedForFees => (Key::StatusFeesTitle, Key::StatusFeesBody),
        StatusCase::UnavailablePerPartner => (Key::StatusPartnerTitle, Key::StatusPartnerBody),
        StatusCase::UnavailablePerAggregator => (Key::InstitutionUnavailableTitle, Key::InstitutionUnavailableBody),
    }
}

pub fn institution_status_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::InstitutionStatus(s) = step { Some(s) } else { None });
    let case = move || state.with(|s| s.as_ref().map(|s| s.case));
    let name = ctx.institution_name();
    let allowed = ctx.peek(|f| f.allowed());
    let search = allowed.is_some_and(|a| a.search);
    let website = allowed.is_some_and(|a| a.website);
    let support = allowed.is_some_and(|a| a.support);
    let manual = ctx.peek(|f| f.manual_accounts_offered()).unwrap_or(false);
    let recheck = move |s: &StatusState| ctx.peek(|f| f.recheck_offered(s)).unwrap_or(true);
    let status_name = name.clone();
    let progress = move |now: Option<(bool, Option<Recheck>)>| {
        let name = status_name.clone();
        match now? {
            (true, _) => Some(spinner(&ctx.tf(Key::StatusRechecking, &[("name", &name)]))),
            (false, Some(Recheck::Failed)) => Some(alert(&ctx.tf(Key::StatusRecheckFailed, &[("name", &name)]))),
            (false, Some(Recheck::Unchanged)) => {
                Some(el("p").attr("role", "status").text(&ctx.tf(Key::StatusStillUnavailable, &[("name", &name)])))
            }
            (false, None) => None,
        }
    };
    // The case can change when checking again: heading and text follow it.
    let heading_name = name.clone();
    let explanation = move |case: Option<StatusCase>| {
        case.map(|c| {
            let (title, body) = texts(c);
            vec![
                heading(&ctx.tf(title, &[("name", &heading_name)])),
                el("p").text(&ctx.tf(body, &[("name", &heading_name)])),
            ]
        })
    };
    let checking = move || state.with(|s| s.as_ref().is_some_and(|s| s.checking));
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .switch(case, explanation)
        .switch(move || state.with(|s| s.as_ref().map(|s| (s.checking, s.rechecked))), progress)
        .child(
            el("div")
                .class("cw-actions")
                .child(search.then(|| {
                    button(ctx, "cw-button cw-primary", &ctx.t(Key::InstitutionChooseAnother), crate::flow::Msg::Back)
                }))
                // The button stays while a check runs (it keeps focus); only `aria-disabled` follows.
                .show(
                    move || state.get().is_some_and(|s| recheck(&s)),
                    move || {
                        button(ctx, "cw-button cw-secondary", &ctx.t(Key::StatusRecheck), Msg::Recheck)
                            .attr_fn("aria-disabled", move || checking().then_some("true"))
                    },
                )
                .child(
                    manual.then(|| {
                        button(ctx, "cw-button cw-secondary", &ctx.t(Key::ManualAdd), manual_account::Msg::Open)
                    }),
                )
                .child(website.then(|| {
                    button(
                        ctx,
                        "cw-button cw-secondary",
                        &ctx.tf(Key::StatusActionVisitWebsite, &[("name", &ctx.institution_name())]),
                        Msg::VisitWebsite,
                    )
                }))
                .child(support.then(|| {
                    button(ctx, "cw-button cw-secondary", &ctx.t(Key::StatusActionGetHelp), support::Msg::Open)
                })),
        )
}
