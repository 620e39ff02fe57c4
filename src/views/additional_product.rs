//! The additional-product offer: yes or no, before the login.

use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::additional_product::{Msg, Offer};
use crate::flow::Step;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn AdditionalProductStep(ctx: Ctx) -> impl IntoView {
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
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.tf(title, &[("name", &name)]) />
            <p>{ctx.tf(body, &[("name", &name)])}</p>
            <div class="cw-actions">
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Accept)>{ctx.t(accept)}</button>
                <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Decline)>{ctx.t(decline)}</button>
            </div>
        </div>
    }
}
