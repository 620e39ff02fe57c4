//! Loading the configured member or institution, and its failure.

use super::dom::{el, El};
use super::ui::{button, spinner, step};
use super::Ctx;
use crate::flow::{outcomes, start, Action};
use crate::i18n::Key;

pub fn loading_step(ctx: Ctx) -> El {
    step(&ctx.t(Key::LoadTitle), None).child(spinner(&ctx.t(Key::CommonLoading)))
}

pub fn load_error_step(ctx: Ctx, not_found: bool) -> El {
    let (title, body) = if not_found {
        (Key::LoadNotFoundTitle, Key::LoadNotFoundBody)
    } else {
        (Key::LoadFailedTitle, Key::LoadFailedBody)
    };
    let search = ctx.peek(|f| f.allowed().search).unwrap_or(false);
    step(&ctx.t(title), None).child(el("p").class("cw-alert").attr("role", "alert").text(&ctx.t(body))).child(
        el("div")
            .class("cw-actions")
            .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonRetry), start::Msg::Retry))
            .child(search.then(|| {
                let act = outcomes::Msg::Act(Action::TryAnotherInstitution);
                button(ctx, "cw-button cw-secondary", &ctx.t(Key::LoadSearch), act)
            })),
    )
}
