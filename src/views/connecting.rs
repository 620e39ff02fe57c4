//! Waiting while the connection is made: progress announced, cancel possible,
//! and a retry when the host stops answering.

use super::{Alert, Ctx, Heading, InstitutionBanner};
use crate::flow::{ConnectingState, Msg, Step};
use leptos::prelude::*;

#[component]
pub fn ConnectingStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| match step {
        Step::Connecting(c) => Some(c.clone()),
        _ => None,
    });
    let name = ctx.institution_name();
    let title = ctx.tf("connecting.title", &[("name", &name)]);
    let failed_title = ctx.tf("connecting.failed.title", &[("name", &name)]);
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=title />
            {move || match state.get() {
                Some(ConnectingState { failed: Some(error), .. }) => view! {
                    <div class="cw-notice">
                        <h3 class="cw-subheading">{failed_title.clone()}</h3>
                        <Alert text=ctx.t(error.message_key()) />
                        <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::RetryConnecting)>{ctx.t("common.retry")}</button>
                    </div>
                }
                .into_any(),
                Some(c) => view! {
                    <div class="cw-progress">
                        <div class="cw-progress-bar" role="progressbar" aria-label=ctx.t(c.phase.message_key()) aria-valuetext=ctx.t(c.phase.message_key())>
                            <span class="cw-progress-fill" data-phase=format!("{:?}", c.phase).to_lowercase()></span>
                        </div>
                        <p class="cw-progress-text" aria-hidden="true">{ctx.t(c.phase.message_key())}</p>
                        <p class="cw-muted">{ctx.t("connecting.note")}</p>
                    </div>
                }
                .into_any(),
                None => ().into_any(),
            }}
            <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Back)>{ctx.t("connecting.cancel")}</button>
        </div>
    }
}
