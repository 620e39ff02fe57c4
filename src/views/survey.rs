//! The success survey (`onShowConnectSuccessSurvey`), in place of the
//! connected step: two ratings as radio groups and an optional comment.

use super::ui::{Heading, RadioChoice, RadioGroup, TextField};
use super::Ctx;
use crate::flow::survey::{Msg, Question};
use crate::flow::{Overlay, SurveyState};
use crate::i18n::Key;
use leptos::prelude::*;

const SCALE: [Key; 5] = [Key::SurveyScale1, Key::SurveyScale2, Key::SurveyScale3, Key::SurveyScale4, Key::SurveyScale5];

#[component]
pub fn Survey(ctx: Ctx) -> impl IntoView {
    let state = ctx.overlay_memo(|o| if let Overlay::Survey(s) = o { Some(s.clone()) } else { None });
    let sent = Memo::new(move |_| state.with(|s| s.as_ref().is_some_and(|s| s.sent)));
    move || {
        if sent.get() {
            view! {
                <div class="cw-step">
                    <Heading text=ctx.t(Key::SurveyThanksTitle) />
                    <p role="status">{ctx.t(Key::SurveyThanksBody)}</p>
                    <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Close)>{ctx.t(Key::CommonDone)}</button>
                </div>
            }
            .into_any()
        } else {
            view! { <SurveyForm ctx=ctx state=state /> }.into_any()
        }
    }
}

#[component]
fn SurveyForm(ctx: Ctx, state: Memo<Option<SurveyState>>) -> impl IntoView {
    let easy = RwSignal::new(None::<String>);
    let needs = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let unanswered = move |q: Question| {
        Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.unanswered.contains(&q))))
    };
    let scale = move || {
        SCALE
            .iter()
            .enumerate()
            .map(|(i, key)| RadioChoice { value: (i + 1).to_string(), label: ctx.t(*key), image: None })
            .collect::<Vec<_>>()
    };
    let rating = |chosen: RwSignal<Option<String>>| chosen.get_untracked().and_then(|v| v.parse::<u8>().ok());
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::Submit { easy: rating(easy), met_needs: rating(needs), comment: comment.get_untracked() });
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::SurveyTitle) />
            <form class="cw-form" novalidate="" on:submit=on_submit>
                <RadioGroup name=ctx.dom_id("survey-easy") legend=ctx.t(Key::SurveyEasy) choices=scale() chosen=easy
                    error=ctx.t(Key::SurveyRequired) invalid=unanswered(Question::Easy) disabled=false />
                <RadioGroup name=ctx.dom_id("survey-needs") legend=ctx.t(Key::SurveyMetNeeds) choices=scale() chosen=needs
                    error=ctx.t(Key::SurveyRequired) invalid=unanswered(Question::MetNeeds) disabled=false />
                <TextField id=ctx.dom_id("survey-comment") label=ctx.t(Key::SurveyComment) label_note=Some(ctx.t(Key::CommonOptional))
                    multiline=true required=false error=String::new() invalid=false disabled=false value=comment />
                <div class="cw-actions">
                    <button type="submit" class="cw-button cw-primary">{ctx.t(Key::SurveySend)}</button>
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Close)>{ctx.t(Key::CommonCancel)}</button>
                </div>
            </form>
        </div>
    }
}
