//! The notice before another site opens (`show_external_link_popup`).

use super::dom::{el, El};
use super::ui::{button, modal_dialog};
use super::Ctx;
use crate::flow::external::Msg;
use crate::flow::Overlay;
use crate::i18n::Key;

pub fn leaving_dialog(ctx: Ctx) -> El {
    let url = ctx.peek(|f| if let Some(Overlay::Leaving { url }) = &f.overlay { Some(url.clone()) } else { None });
    // The site by its host name ("bank.example"), as the user will see it.
    let site = url.flatten().and_then(|url| crate::model::display_host(&url)).unwrap_or_default();
    let actions = el("div")
        .class("cw-actions")
        .child(button(ctx, "cw-button cw-primary", &ctx.tf(Key::LeavingContinue, &[("site", &site)]), Msg::Continue))
        .child(button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonCancel), Msg::Cancel));
    modal_dialog(
        &ctx.dom_id("leaving-title"),
        &ctx.t(Key::LeavingTitle),
        move || ctx.send(Msg::Cancel),
        vec![el("p").text(&ctx.tf(Key::LeavingBody, &[("site", &site)])), actions],
    )
}
