//! Links to other sites, and the page address logos resolve against.

use crate::flow::external;
use crate::i18n::Key;
use crate::model::safe_https_url;
use crate::views::dom::{el, El};
use crate::views::Ctx;

/// The address of the page the widget is on (`document.baseURI`), provided
/// as a context by `mount`: relative logo URLs resolve against it.
#[derive(Clone, Debug, Default)]
pub struct PageAddress(pub Option<String>);

/// A link to another site, opened in a new tab (https only; anything else is
/// plain text). When the partner asks for a notice before leaving
/// (`show_external_link_popup`), following it opens the notice instead.
pub fn external_link(ctx: Ctx, url: &str, text: &str) -> El {
    let Some(href) = safe_https_url(url) else { return el("span").text(text) };
    let notice = ctx.peek(|f| f.env.partner.external_link_notice).unwrap_or(false);
    let target = href.clone();
    el("a")
        .class("cw-link")
        .attr("href", &href)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .on("click", move |ev| {
            if notice {
                ev.prevent_default();
                ctx.send(external::Msg::Open(target.clone()));
            }
        })
        .text(text)
        .child(el("span").class("cw-sr").text(" ").text(&ctx.t(Key::CommonNewTab)))
}
