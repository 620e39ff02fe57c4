//! Login errors (every end status) and actionable errors (codes 1000–3002):
//! title, message, the aggregator's own message as text, and the actions
//! `flow::route` allows here.

use super::dom::{el, El};
use super::ui::{button, heading, institution_banner};
use super::Ctx;
use crate::flow::{outcomes::Msg, Action, ErrorScreen};
use crate::i18n::Key;

pub fn error_step(ctx: Ctx, screen: ErrorScreen) -> El {
    let user_message = ctx.peek(|f| f.member.as_ref().and_then(|m| m.user_message().map(str::to_string))).flatten();
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    let new_tab = ctx.t(Key::CommonNewTab);
    let actions: Vec<El> = screen
        .actions
        .iter()
        .enumerate()
        .map(|(i, &action)| {
            let class = match (i, action) {
                (0, _) => "cw-button cw-primary",
                (_, Action::Disconnect) => "cw-button cw-secondary cw-danger",
                (_, _) => "cw-button cw-secondary",
            };
            let external = (action == Action::VisitWebsite).then(|| el("span").class("cw-sr").text(" ").text(&new_tab));
            button(ctx, class, &ctx.tf(action.label_key(), &n), Msg::Act(action)).child(external)
        })
        .collect();
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .child(heading(&ctx.tf(screen.title, &n)))
        .child(el("p").text(&ctx.tf(screen.message, &n)))
        .child(user_message.map(|m| {
            let from = ctx.tf(Key::CommonFromInstitution, &n);
            el("p").class("cw-notice").child(el("strong").text(&from)).text(" ").text(&m)
        }))
        .child(el("div").class("cw-actions").child(actions))
}
