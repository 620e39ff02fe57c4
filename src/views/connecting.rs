//! Waiting while the connection is made: progress announced, cancel possible,
//! and a retry when the host stops answering.

use super::dom::{el, El};
use super::ui::{alert, button, heading, institution_banner};
use super::Ctx;
use crate::flow::{connecting::Msg, ConnectingState, Step};
use crate::i18n::Key;

pub fn connecting_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::Connecting(c) = step { Some(c) } else { None });
    let name = ctx.institution_name();
    let failed_title = ctx.tf(Key::ConnectingFailedTitle, &[("name", &name)]);
    let progress = move |state: Option<ConnectingState>| match state {
        Some(ConnectingState { failed: Some(error), .. }) => Some(
            el("div")
                .class("cw-notice")
                .child(el("h3").class("cw-subheading").text(&failed_title))
                .child(alert(&ctx.t(error.message_key())))
                .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonRetry), Msg::Retry)),
        ),
        Some(c) => {
            let message = ctx.t(ctx.peek(|f| f.phase_message(c.phase)).unwrap_or(c.phase.message_key()));
            Some(
                el("div")
                    .class("cw-progress")
                    .child(
                        el("div")
                            .class("cw-progress-bar")
                            .attr("role", "progressbar")
                            .attr("aria-label", &message)
                            .attr("aria-valuetext", &message)
                            .child(el("span").class("cw-progress-fill").attr("data-phase", c.phase.name())),
                    )
                    .child(el("p").class("cw-progress-text").attr("aria-hidden", "true").text(&message))
                    .child(el("p").class("cw-muted").text(&ctx.t(Key::ConnectingNote))),
            )
        }
        None => None,
    };
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .child(heading(&ctx.tf(Key::ConnectingTitle, &[("name", &name)])))
        .switch(move || state.get(), progress)
        .child(button(ctx, "cw-button cw-secondary", &ctx.t(Key::ConnectingCancel), crate::flow::Msg::Back))
}
