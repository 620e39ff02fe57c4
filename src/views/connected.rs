//! The connection is made.

use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::outcomes::Msg;
use crate::flow::Flow;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ConnectedStep(ctx: Ctx) -> impl IntoView {
    let name = ctx.institution_name();
    view! {
        <div class="cw-step cw-center">
            <InstitutionBanner ctx=ctx />
            <div class="cw-success-mark" aria-hidden="true">"✓"</div>
            <Heading text=ctx.t(Key::ConnectedTitle) />
            <p>{ctx.tf(ctx.peek(Flow::connected_message).unwrap_or(Key::ConnectedBody), &[("name", &name)])}</p>
            <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Done)>{ctx.t(Key::ConnectedDone)}</button>
        </div>
    }
}
