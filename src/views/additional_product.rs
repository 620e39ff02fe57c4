//! The additional-product offer: yes or no, before the login.

use super::dom::{el, El};
use super::ui::{button, heading, institution_banner};
use super::Ctx;
use crate::flow::additional_product::{Msg, Offer};
use crate::flow::Step;
use crate::i18n::Key;

pub fn additional_product_step(ctx: Ctx) -> El {
    let offer = ctx.peek(|f| if let Step::AdditionalProduct(o) = f.step() { Some(*o) } else { None }).flatten();
    let [title, body, accept, decline] = match offer {
        Some(Offer::Verification) => [
            Key::OfferVerificationTitle,
            Key::OfferVerificationBody,
            Key::OfferVerificationAccept,
            Key::OfferVerificationDecline,
        ],
        Some(Offer::Aggregation) | None => [
            Key::OfferAggregationTitle,
            Key::OfferAggregationBody,
            Key::OfferAggregationAccept,
            Key::OfferAggregationDecline,
        ],
    };
    let name = ctx.institution_name();
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .child(heading(&ctx.tf(title, &[("name", &name)])))
        .child(el("p").text(&ctx.tf(body, &[("name", &name)])))
        .child(
            el("div")
                .class("cw-actions")
                .child(button(ctx, "cw-button cw-primary", &ctx.t(accept), Msg::Accept))
                .child(button(ctx, "cw-button cw-secondary", &ctx.t(decline), Msg::Decline)),
        )
}
