//! The success survey (`onShowConnectSuccessSurvey`), in place of the
//! connected step: two ratings as radio groups and an optional comment.

use super::dom::{children_of, el, El, Reader};
use super::ui::{button, form, step, Field, RadioChoice, Radios};
use super::Ctx;
use crate::flow::survey::{Msg, Question};
use crate::flow::{Overlay, SurveyState};
use crate::i18n::Key;
use crate::views::Slice;
use leptos::prelude::*;

const SCALE: [Key; 5] = [Key::SurveyScale1, Key::SurveyScale2, Key::SurveyScale3, Key::SurveyScale4, Key::SurveyScale5];

pub fn survey(ctx: Ctx) -> web_sys::Node {
    let state = ctx.overlay_state(|o| if let Overlay::Survey(s) = o { Some(s) } else { None });
    let sent = move || state.with(|s| s.as_ref().is_some_and(|s| s.sent));
    let content = move |sent: bool| {
        if sent {
            step(&ctx.t(Key::SurveyThanksTitle), None)
                .child(el("p").attr("role", "status").text(&ctx.t(Key::SurveyThanksBody)))
                .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonDone), Msg::Close))
        } else {
            survey_form(ctx, state)
        }
    };
    children_of(el("div").switch(sent, content))
}

fn survey_form(ctx: Ctx, state: Slice<SurveyState>) -> El {
    let easy = RwSignal::new(None::<String>);
    let needs = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let unanswered = move |q: Question| {
        Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.unanswered.contains(&q))))
    };
    let rating = |chosen: RwSignal<Option<String>>| chosen.get_untracked().and_then(|v| v.parse::<u8>().ok());
    let radios = move |name: &str, legend: Key, chosen, question| {
        let choices = SCALE
            .iter()
            .enumerate()
            .map(|(i, key)| RadioChoice { value: (i + 1).to_string(), label: ctx.t(*key), image: None })
            .collect();
        Radios {
            name: ctx.dom_id(name),
            legend: ctx.t(legend),
            choices,
            chosen,
            error: ctx.t(Key::SurveyRequired),
            invalid: unanswered(question),
            disabled: Reader::constant(false),
            images: false,
        }
        .build()
    };
    let comment_field = Field {
        label_note: Some(ctx.t(Key::CommonOptional)),
        multiline: true,
        required: false,
        ..Field::new(
            ctx.dom_id("survey-comment"),
            ctx.t(Key::SurveyComment),
            comment,
            Reader::constant(false),
            Reader::constant(false),
        )
    };
    let submit = move || {
        ctx.send(Msg::Submit { easy: rating(easy), met_needs: rating(needs), comment: comment.get_untracked() })
    };
    step(&ctx.t(Key::SurveyTitle), None).child(
        form(submit)
            .child(radios("survey-easy", Key::SurveyEasy, easy, Question::Easy))
            .child(radios("survey-needs", Key::SurveyMetNeeds, needs, Question::MetNeeds))
            .child(comment_field.build())
            .child(
                el("div")
                    .class("cw-actions")
                    .child(
                        el("button").attr("type", "submit").class("cw-button cw-primary").text(&ctx.t(Key::SurveySend)),
                    )
                    .child(button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonCancel), Msg::Close)),
            ),
    )
}
