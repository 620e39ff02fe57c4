//! The member was deleted.

use super::dom::{el, El};
use super::ui::{button, heading};
use super::Ctx;
use crate::flow::outcomes::Msg;
use crate::i18n::Key;

pub fn disconnected_step(ctx: Ctx) -> El {
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    el("div")
        .class("cw-step cw-center")
        .child(heading(&ctx.tf(Key::DisconnectedTitle, &n)))
        .child(el("p").text(&ctx.tf(Key::DisconnectedBody, &n)))
        .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonDone), Msg::Done))
}
