//! Waiting while the connection is made: progress announced, cancel possible,
//! and a retry when the host stops answering.

use super::ui::{Alert, Heading, InstitutionBanner};
use super::Ctx;
use crate::flow::{connecting::Msg, ConnectingState, Step};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ConnectingStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::Connecting(c) = step { Some(c.clone()) } else { None });
    let name = ctx.institution_name();
    let title = ctx.tf(Key::ConnectingTitle, &[("name", &name)]);
    let failed_title = ctx.tf(Key::ConnectingFailedTitle, &[("name", &name)]);
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=title />
            {move || match state.get() {
                Some(ConnectingState { failed: Some(error), .. }) => view! {
                    <div class="cw-notice">
                        <h3 class="cw-subheading">{failed_title.clone()}</h3>
                        <Alert text=ctx.t(error.message_key()) />
                        <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Retry)>{ctx.t(Key::CommonRetry)}</button>
                    </div>
                }
                .into_any(),
                Some(c) => {
                    let message = ctx.t(ctx.peek(|f| f.phase_message(c.phase)).unwrap_or(c.phase.message_key()));
                    view! {
                    <div class="cw-progress">
                        <div class="cw-progress-bar" role="progressbar" aria-label=message.clone() aria-valuetext=message.clone()>
                            <span class="cw-progress-fill" data-phase=format!("{:?}", c.phase).to_lowercase()></span>
                        </div>
                        <p class="cw-progress-text" aria-hidden="true">{message}</p>
                        <p class="cw-muted">{ctx.t(Key::ConnectingNote)}</p>
                    </div>
                }
                .into_any()
                }
                None => ().into_any(),
            }}
            <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(crate::flow::Msg::Back)>{ctx.t(Key::ConnectingCancel)}</button>
        </div>
    }
}
