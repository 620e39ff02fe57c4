//! The connection is made; "Give feedback" opens the partner's survey.

use super::dom::{children_of, el, IntoNode};
use super::survey::survey;
use super::ui::{button, heading, institution_banner, success_mark};
use super::Ctx;
use crate::flow::outcomes::Msg;
use crate::flow::{survey, Flow, Overlay};
use crate::i18n::Key;

pub fn connected_step(ctx: Ctx) -> web_sys::Node {
    let surveying = move || ctx.with(|f| matches!(f.overlay, Some(Overlay::Survey(_)))).unwrap_or(false);
    let feedback = ctx.peek(|f| f.env.partner.survey).unwrap_or(false);
    let content = move |surveying: bool| {
        if surveying {
            return Some(survey(ctx));
        }
        let name = ctx.institution_name();
        let message = ctx.tf(ctx.peek(Flow::connected_message).unwrap_or(Key::ConnectedBody), &[("name", &name)]);
        el("div")
            .class("cw-step cw-center")
            .child(institution_banner(ctx))
            .child(success_mark())
            .child(heading(&ctx.t(Key::ConnectedTitle)))
            .child(el("p").text(&message))
            .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::ConnectedDone), Msg::Done))
            .child(feedback.then(|| button(ctx, "cw-button cw-secondary", &ctx.t(Key::SurveyOpen), survey::Msg::Open)))
            .into_node()
    };
    children_of(el("div").switch(surveying, content))
}
