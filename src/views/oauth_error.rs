//! OAuth ended in an error: what happened, by reason, and "Try again" with a
//! fresh login page.

use super::dom::{el, El};
use super::ui::{button, heading, institution_banner};
use super::Ctx;
use crate::flow::oauth::Msg;
use crate::flow::{outcomes, Action, OAuthErrorReason};
use crate::i18n::Key;

/// "Try again" (`retry`) and, where search is allowed, "Choose another institution".
pub fn retry_or_another(ctx: Ctx, retry: Msg) -> El {
    let search = ctx.peek(|f| f.allowed().search).unwrap_or(false);
    el("div").class("cw-actions").child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonRetry), retry)).child(
        search.then(|| {
            let another = outcomes::Msg::Act(Action::TryAnotherInstitution);
            button(ctx, "cw-button cw-secondary", &ctx.t(Key::InstitutionChooseAnother), another)
        }),
    )
}

pub fn oauth_error_step(ctx: Ctx, reason: OAuthErrorReason) -> El {
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .child(heading(&ctx.tf(Key::OAuthErrorTitle, &n)))
        .child(el("p").attr("role", "alert").text(&ctx.tf(reason.message_key(), &n)))
        .child(retry_or_another(ctx, Msg::Restart))
}
