//! The connection is made; "Give feedback" opens the partner's survey.

use super::survey::Survey;
use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::outcomes::Msg;
use crate::flow::{survey, Flow, Overlay};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ConnectedStep(ctx: Ctx) -> impl IntoView {
    let surveying = Memo::new(move |_| ctx.with(|f| matches!(f.overlay, Some(Overlay::Survey(_)))).unwrap_or(false));
    let feedback = ctx.peek(|f| f.env.partner.survey).unwrap_or(false);
    move || {
        if surveying.get() {
            return view! { <Survey ctx=ctx /> }.into_any();
        }
        let name = ctx.institution_name();
        view! {
            <div class="cw-step cw-center">
                <InstitutionBanner ctx=ctx />
                <div class="cw-success-mark" aria-hidden="true">"✓"</div>
                <Heading text=ctx.t(Key::ConnectedTitle) />
                <p>{ctx.tf(ctx.peek(Flow::connected_message).unwrap_or(Key::ConnectedBody), &[("name", &name)])}</p>
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Done)>{ctx.t(Key::ConnectedDone)}</button>
                {feedback.then(|| view! {
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(survey::Msg::Open)>{ctx.t(Key::SurveyOpen)}</button>
                })}
            </div>
        }
        .into_any()
    }
}
