//! MFA: text/token/image-data questions, option lists (radio group), image
//! options (a grid of selectable images) and single-account selection.

use super::credentials::sanitize;
use super::ui::{
    report_first_input, Alert, Heading, InstitutionBanner, RadioChoice, RadioGroup, SubmitButton, TextField,
};
use super::Ctx;
use crate::flow::analytics::{self, InputKind};
use crate::flow::{mfa::Msg, MfaKind, MfaState, Step};
use crate::i18n::Key;
use crate::model::{field_type, MfaCredential, Secret};
use leptos::prelude::*;

#[component]
pub fn MfaStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::Mfa(m) = step { Some(m.clone()) } else { None });
    let initial = state.get_untracked();
    let kind = initial.as_ref().map(MfaState::kind).unwrap_or(MfaKind::Text);
    let challenges = initial.as_ref().map(|m| m.challenges.clone()).unwrap_or_default();
    let name = ctx.institution_name();
    let (title, intro) = match kind {
        MfaKind::AccountSelect => (ctx.t(Key::MfaAccountTitle), ctx.t(Key::MfaAccountIntro)),
        MfaKind::Text | MfaKind::Options | MfaKind::ImageOptions | MfaKind::Mixed => {
            (ctx.t(Key::MfaTitle), ctx.tf(Key::MfaIntro, &[("name", &name)]))
        }
    };
    let notice = initial.as_ref().and_then(|m| {
        if m.timed_out {
            Some(ctx.t(Key::MfaTimedOut))
        } else if m.previous_wrong {
            Some(ctx.t(Key::MfaPreviousWrong))
        } else {
            None
        }
    });
    let help = ctx.peek(|f| f.allowed().support).unwrap_or(false);
    let submit_error = move || state.with(|s| s.as_ref().and_then(|s| s.submit_error.clone()));
    let form = match (kind, challenges.first().cloned()) {
        (_, None) => view! { <Alert text=ctx.t(Key::MfaNone) /> }.into_any(),
        (MfaKind::Text, Some(_)) => view! { <TextAnswers ctx=ctx challenges=challenges state=state /> }.into_any(),
        (MfaKind::Mixed, Some(_)) => view! { <MixedAnswers ctx=ctx challenges=challenges state=state /> }.into_any(),
        (MfaKind::Options | MfaKind::ImageOptions | MfaKind::AccountSelect, Some(first)) => {
            view! { <Choice ctx=ctx challenge=first kind=kind state=state /> }.into_any()
        }
    };
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=title />
            <p class="cw-muted">{intro}</p>
            {notice.map(|n| view! { <p class="cw-notice cw-warning" role="alert">{n}</p> })}
            {form}
            {move || submit_error().map(|e| view! { <Alert text=ctx.t(e.message_key()) /> })}
            {help.then(|| view! {
                <div class="cw-links">
                    <button type="button" class="cw-link" on:click=move |_| ctx.send(crate::flow::support::Msg::Open)>{ctx.t(Key::StatusActionGetHelp)}</button>
                </div>
            })}
        </div>
    }
}

fn submitting(state: Memo<Option<MfaState>>) -> Signal<bool> {
    Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)))
}

/// One text field per question; code and token questions hint `one-time-code`.
#[component]
fn TextAnswers(ctx: Ctx, challenges: Vec<MfaCredential>, state: Memo<Option<MfaState>>) -> impl IntoView {
    let answers: Vec<(String, RwSignal<String>)> =
        challenges.iter().map(|c| (c.guid.clone(), RwSignal::new(String::new()))).collect();
    super::credentials::wipe_on_cleanup(answers.iter().map(|(_, v)| *v).collect());
    let typed = answers.clone();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let values = typed.iter().map(|(g, v)| (g.clone(), Secret::new(v.get_untracked()))).collect();
        ctx.send(Msg::SubmitAnswers(values));
    };
    let fields =
        challenges.iter().zip(answers).map(|(c, (_, value))| text_question(ctx, c, value, state)).collect_view();
    mfa_form(ctx, state, on_submit, fields)
}

/// A text question: its field, with the question's picture above it when it has one, and the
/// `one-time-code` hint for codes and tokens. Its first keystroke is reported to analytics.
fn text_question(ctx: Ctx, c: &MfaCredential, value: RwSignal<String>, state: Memo<Option<MfaState>>) -> AnyView {
    report_first_input(ctx, value, InputKind::MfaAnswer);
    let guid = c.guid.clone();
    let invalid = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
    let looks_like_code = c.field_type == field_type::TOKEN || c.label.to_ascii_lowercase().contains("code");
    let label = if c.label.is_empty() { ctx.t(Key::MfaTitle) } else { c.label.clone() };
    let image = c
        .image_data
        .clone()
        .map(|src| view! { <img class="cw-mfa-image" src=src alt=ctx.t(Key::MfaImageLabel) /> }.into_any());
    view! {
        <TextField
            id=ctx.dom_id(&format!("mfa-{}", sanitize(&c.guid)))
            label=label
            error=ctx.t(Key::MfaAnswerRequired)
            invalid=invalid
            disabled=submitting(state)
            value=value
            autocomplete=if looks_like_code { "one-time-code" } else { "off" }
            // Not `numeric`: codes can have letters (the sandbox's is "correct"),
            // and a phone's number pad could not type them.
            inputmode="text"
            verbatim=true
            above=image
        />
    }
    .into_any()
}

/// Every MFA form: the questions, then the submit button, busy while the answers are sent.
fn mfa_form(
    ctx: Ctx,
    state: Memo<Option<MfaState>>,
    on_submit: impl FnMut(web_sys::SubmitEvent) + 'static,
    questions: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
            {questions}
            <SubmitButton label=ctx.t(Key::MfaSubmit) busy_label=ctx.t(Key::MfaSubmitting) busy=submitting(state) />
        </form>
    }
}

/// One choice among options, images or accounts, as a native radio group.
#[component]
fn Choice(ctx: Ctx, challenge: MfaCredential, kind: MfaKind, state: Memo<Option<MfaState>>) -> impl IntoView {
    let chosen = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if chosen.with(Option::is_some) {
            ctx.send(analytics::Msg::ChoseMfaOption);
        }
    });
    let invalid = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| !s.invalid.is_empty())));
    let legend = if challenge.label.is_empty() { ctx.t(Key::MfaChoose) } else { challenge.label.clone() };
    let required = ctx.t(if kind == MfaKind::AccountSelect { Key::MfaAccountRequired } else { Key::MfaChooseRequired });
    let images = kind == MfaKind::ImageOptions;
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::SubmitChoice(chosen.get_untracked()));
    };
    let choices = radio_choices(&challenge, images);
    let group = view! {
        <RadioGroup
            name=ctx.dom_id(&format!("mfa-{}", sanitize(&challenge.guid)))
            legend=legend
            choices=choices
            chosen=chosen
            error=required
            invalid=invalid
            disabled=submitting(state)
            images=images
        />
    };
    mfa_form(ctx, state, on_submit, group)
}

/// Questions of both sorts in one form: a field for each text question, a radio
/// group for each choice; a choice is sent as its option's guid.
#[component]
fn MixedAnswers(ctx: Ctx, challenges: Vec<MfaCredential>, state: Memo<Option<MfaState>>) -> impl IntoView {
    let answers: Vec<(String, RwSignal<String>, RwSignal<Option<String>>)> =
        challenges.iter().map(|c| (c.guid.clone(), RwSignal::new(String::new()), RwSignal::new(None))).collect();
    super::credentials::wipe_on_cleanup(answers.iter().map(|(_, typed, _)| *typed).collect());
    let read = answers.clone();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let values = read
            .iter()
            .map(|(guid, typed, chosen)| {
                let value = chosen.get_untracked().unwrap_or_else(|| typed.get_untracked());
                (guid.clone(), Secret::new(value))
            })
            .collect();
        ctx.send(Msg::SubmitAnswers(values));
    };
    let questions = challenges
        .iter()
        .zip(answers)
        .map(|(c, (guid, typed, chosen))| {
            if !c.asks_choice() {
                return text_question(ctx, c, typed, state);
            }
            let invalid = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
            let images = c.field_type == field_type::IMAGE_OPTIONS;
            let choices = radio_choices(c, images);
            let legend = if c.label.is_empty() { ctx.t(Key::MfaChoose) } else { c.label.clone() };
            view! {
                <RadioGroup name=ctx.dom_id(&format!("mfa-{}", sanitize(&c.guid))) legend=legend choices=choices
                    chosen=chosen error=ctx.t(Key::MfaChooseRequired) invalid=invalid disabled=submitting(state)
                    images=images />
            }
            .into_any()
        })
        .collect_view();
    mfa_form(ctx, state, on_submit, questions)
}

fn radio_choices(challenge: &MfaCredential, images: bool) -> Vec<RadioChoice> {
    challenge
        .options
        .iter()
        .map(|o| RadioChoice {
            value: o.guid.clone(),
            label: o.label.clone(),
            image: o.data_uri.clone().filter(|_| images),
        })
        .collect()
}
