//! MFA: text/token/image-data questions, option lists (radio group), image
//! options (a grid of selectable images) and single-account selection.

use super::credentials::sanitize;
use super::dom::{el, El, IntoNode, Reader};
use super::ui::{
    alert, button, form, heading, institution_banner, report_first_input, submit_button, wipe_on_cleanup, Field,
    RadioChoice, Radios,
};
use super::Ctx;
use crate::flow::analytics::{self, InputKind};
use crate::flow::{mfa::Msg, MfaKind, MfaState, Step};
use crate::i18n::Key;
use crate::model::{field_type, MfaCredential, Secret};
use crate::views::Slice;
use leptos::prelude::*;

pub fn mfa_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::Mfa(m) = step { Some(m) } else { None });
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
        (_, None) => alert(&ctx.t(Key::MfaNone)),
        (MfaKind::Text, Some(_)) => text_answers(ctx, challenges, state),
        (MfaKind::Mixed, Some(_)) => mixed_answers(ctx, challenges, state),
        (MfaKind::Options | MfaKind::ImageOptions | MfaKind::AccountSelect, Some(first)) => {
            choice(ctx, first, kind, state)
        }
    };
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .child(heading(&title))
        .child(el("p").class("cw-muted").text(&intro))
        .child(notice.map(|n| el("p").class("cw-notice cw-warning").attr("role", "alert").text(&n)))
        .child(form)
        .switch(submit_error, move |e| e.map(|e| alert(&ctx.t(e.message_key()))))
        .child(help.then(|| {
            el("div").class("cw-links").child(button(
                ctx,
                "cw-link",
                &ctx.t(Key::StatusActionGetHelp),
                crate::flow::support::Msg::Open,
            ))
        }))
}

fn submitting(state: Slice<MfaState>) -> Reader<bool> {
    Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)))
}

/// One text field per question; code and token questions hint `one-time-code`.
fn text_answers(ctx: Ctx, challenges: Vec<MfaCredential>, state: Slice<MfaState>) -> El {
    let answers: Vec<(String, RwSignal<String>)> =
        challenges.iter().map(|c| (c.guid.clone(), RwSignal::new(String::new()))).collect();
    wipe_on_cleanup(answers.iter().map(|(_, v)| *v).collect());
    let typed = answers.clone();
    let fields: Vec<El> =
        challenges.iter().zip(answers).map(|(c, (_, value))| text_question(ctx, c, value, state)).collect();
    let submit = move || {
        let values = typed.iter().map(|(g, v)| (g.clone(), Secret::new(v.get_untracked()))).collect();
        ctx.send(Msg::SubmitAnswers(values));
    };
    mfa_form(ctx, state, fields.into_node(), Box::new(submit))
}

/// A text question: its field, with the question's picture above it when it has one, and the
/// `one-time-code` hint for codes and tokens. Its first keystroke is reported to analytics.
fn text_question(ctx: Ctx, c: &MfaCredential, value: RwSignal<String>, state: Slice<MfaState>) -> El {
    report_first_input(ctx, value, InputKind::MfaAnswer);
    let guid = c.guid.clone();
    let invalid = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
    let looks_like_code = c.field_type == field_type::TOKEN || c.label.to_ascii_lowercase().contains("code");
    let label = if c.label.is_empty() { ctx.t(Key::MfaTitle) } else { c.label.clone() };
    let image = c
        .image_data
        .as_deref()
        .map(|src| el("img").class("cw-mfa-image").attr("src", src).attr("alt", &ctx.t(Key::MfaImageLabel)));
    Field {
        error: Reader::constant(ctx.t(Key::MfaAnswerRequired)),
        autocomplete: if looks_like_code { "one-time-code" } else { "off" },
        // Not `numeric`: codes can have letters (the sandbox's is "correct"),
        // and a phone's number pad could not type them.
        inputmode: Some("text"),
        verbatim: true,
        above: image,
        ..Field::new(ctx.dom_id(&format!("mfa-{}", sanitize(&c.guid))), label, value, invalid, submitting(state))
    }
    .build()
}

/// Every MFA form: the questions, then the submit button, busy while the answers are sent.
/// `on_submit` is boxed by the caller so that this is built by one function, not one per form.
fn mfa_form(ctx: Ctx, state: Slice<MfaState>, questions: Option<web_sys::Node>, on_submit: Box<dyn Fn()>) -> El {
    form(on_submit).attr("autocomplete", "off").child(questions).child(submit_button(
        ctx.t(Key::MfaSubmit),
        ctx.t(Key::MfaSubmitting),
        submitting(state),
    ))
}

/// One choice among options, images or accounts, as a native radio group.
fn choice(ctx: Ctx, challenge: MfaCredential, kind: MfaKind, state: Slice<MfaState>) -> El {
    let chosen = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if chosen.with(Option::is_some) {
            ctx.send(analytics::Msg::ChoseMfaOption);
        }
    });
    let invalid = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| !s.invalid.is_empty())));
    let legend = if challenge.label.is_empty() { ctx.t(Key::MfaChoose) } else { challenge.label.clone() };
    let required = ctx.t(if kind == MfaKind::AccountSelect { Key::MfaAccountRequired } else { Key::MfaChooseRequired });
    let images = kind == MfaKind::ImageOptions;
    let group = Radios {
        name: ctx.dom_id(&format!("mfa-{}", sanitize(&challenge.guid))),
        legend,
        choices: radio_choices(&challenge, images),
        chosen,
        error: required,
        invalid,
        disabled: submitting(state),
        images,
    }
    .build();
    mfa_form(ctx, state, Some(group), Box::new(move || ctx.send(Msg::SubmitChoice(chosen.get_untracked()))))
}

/// Questions of both sorts in one form: a field for each text question, a radio
/// group for each choice; a choice is sent as its option's guid.
fn mixed_answers(ctx: Ctx, challenges: Vec<MfaCredential>, state: Slice<MfaState>) -> El {
    let answers: Vec<(String, RwSignal<String>, RwSignal<Option<String>>)> =
        challenges.iter().map(|c| (c.guid.clone(), RwSignal::new(String::new()), RwSignal::new(None))).collect();
    wipe_on_cleanup(answers.iter().map(|(_, typed, _)| *typed).collect());
    let read = answers.clone();
    let questions: Vec<web_sys::Node> = challenges
        .iter()
        .zip(answers)
        .map(|(c, (guid, typed, chosen))| {
            if !c.asks_choice() {
                return text_question(ctx, c, typed, state).element().into();
            }
            let invalid = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
            let images = c.field_type == field_type::IMAGE_OPTIONS;
            Radios {
                name: ctx.dom_id(&format!("mfa-{}", sanitize(&c.guid))),
                legend: if c.label.is_empty() { ctx.t(Key::MfaChoose) } else { c.label.clone() },
                choices: radio_choices(c, images),
                chosen,
                error: ctx.t(Key::MfaChooseRequired),
                invalid,
                disabled: submitting(state),
                images,
            }
            .build()
        })
        .collect();
    let submit = move || {
        let values = read
            .iter()
            .map(|(guid, typed, chosen)| {
                let value = chosen.get_untracked().unwrap_or_else(|| typed.get_untracked());
                (guid.clone(), Secret::new(value))
            })
            .collect();
        ctx.send(Msg::SubmitAnswers(values));
    };
    mfa_form(ctx, state, questions.into_node(), Box::new(submit))
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
