//! MFA: text/token/image-data questions, option lists (radio group), image
//! options (a grid of selectable images) and single-account selection.

use super::credentials::sanitize;
use super::{Alert, Ctx, Heading, InstitutionBanner};
use crate::flow::{MfaKind, MfaState, Msg, Step};
use crate::model::{field_type, MfaCredential, Secret};
use leptos::prelude::*;

#[component]
pub fn MfaStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| match step {
        Step::Mfa(m) => Some(m.clone()),
        _ => None,
    });
    let initial = state.get_untracked();
    let kind = initial.as_ref().map(MfaState::kind).unwrap_or(MfaKind::Text);
    let challenges = initial.as_ref().map(|m| m.challenges.clone()).unwrap_or_default();
    let name = ctx.institution_name();
    let (title, intro) = match kind {
        MfaKind::AccountSelect => (ctx.t("mfa.account_title"), ctx.t("mfa.account_intro")),
        _ => (ctx.t("mfa.title"), ctx.tf("mfa.intro", &[("name", &name)])),
    };
    let notice = initial.as_ref().and_then(|m| {
        if m.timed_out {
            Some(ctx.t("mfa.timed_out"))
        } else if m.previous_wrong {
            Some(ctx.t("mfa.previous_wrong"))
        } else {
            None
        }
    });
    let help = ctx.peek(|f| f.allowed().support).unwrap_or(false);
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let submit_error = move || state.with(|s| s.as_ref().and_then(|s| s.submit_error.clone()));
    let form = if challenges.is_empty() {
        view! { <Alert text=ctx.t("mfa.none") /> }.into_any()
    } else {
        match kind {
            MfaKind::Text => view! { <TextAnswers ctx=ctx challenges=challenges state=state /> }.into_any(),
            _ => view! { <Choice ctx=ctx challenge=challenges[0].clone() kind=kind state=state /> }.into_any(),
        }
    };
    let _ = submitting;
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
                    <button type="button" class="cw-link" on:click=move |_| ctx.send(Msg::OpenSupport)>{ctx.t("status.action.get_help")}</button>
                </div>
            })}
        </div>
    }
}

fn submit_label(ctx: Ctx, state: Memo<Option<MfaState>>) -> impl Fn() -> String + Copy {
    move || {
        if state.with(|s| s.as_ref().is_some_and(|s| s.submitting)) {
            ctx.t("mfa.submitting")
        } else {
            ctx.t("mfa.submit")
        }
    }
}

/// One text field per question; code and token questions hint `one-time-code`.
#[component]
fn TextAnswers(ctx: Ctx, challenges: Vec<MfaCredential>, state: Memo<Option<MfaState>>) -> impl IntoView {
    let answers = RwSignal::new(challenges.iter().map(|c| (c.guid.clone(), String::new())).collect::<Vec<_>>());
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let typed = answers.with_untracked(|a| a.iter().map(|(g, v)| (g.clone(), Secret::new(v.clone()))).collect());
        ctx.send(Msg::SubmitMfaAnswers(typed));
    };
    let fields = challenges
        .into_iter()
        .map(|c| {
            let input_id = ctx.dom_id(&format!("mfa-{}", sanitize(&c.guid)));
            let error_id = format!("{input_id}-error");
            let guid = c.guid.clone();
            let invalid = Memo::new(move |_| state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
            let guid_in = c.guid.clone();
            let on_input = move |ev| {
                let text = event_target_value(&ev);
                answers.update(|a| {
                    if let Some(slot) = a.iter_mut().find(|(g, _)| *g == guid_in) {
                        slot.1 = text;
                    }
                });
            };
            let looks_like_code = c.field_type == field_type::TOKEN || c.label.to_lowercase().contains("code");
            let label = if c.label.is_empty() { ctx.t("mfa.title") } else { c.label.clone() };
            let error_id_attr = error_id.clone();
            view! {
                <div class="cw-field">
                    {c.image_data.clone().map(|src| view! { <img class="cw-mfa-image" src=src alt=ctx.t("mfa.image_label") /> })}
                    <label class="cw-label" for=input_id.clone()>{label}</label>
                    <input
                        id=input_id
                        class="cw-input"
                        type="text"
                        autocomplete=if looks_like_code { "one-time-code" } else { "off" }
                        // Not `numeric`: codes can have letters (the sandbox's is "correct"),
                        // and a phone's number pad could not type them.
                        inputmode="text"
                        autocapitalize="off"
                        spellcheck="false"
                        aria-required="true"
                        aria-invalid=move || invalid.get().then_some("true")
                        aria-describedby=move || invalid.get().then(|| error_id_attr.clone())
                        disabled=submitting
                        on:input=on_input
                    />
                    <Show when=move || invalid.get()>
                        <p class="cw-field-error" id=error_id.clone()>{ctx.t("mfa.answer_required")}</p>
                    </Show>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
            {fields}
            <button type="submit" class="cw-button cw-primary" aria-disabled=move || submitting().then_some("true")>{submit_label(ctx, state)}</button>
        </form>
    }
}

/// One choice among options, images or accounts, as a native radio group.
#[component]
fn Choice(ctx: Ctx, challenge: MfaCredential, kind: MfaKind, state: Memo<Option<MfaState>>) -> impl IntoView {
    let chosen = RwSignal::new(None::<String>);
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let invalid = move || state.with(|s| s.as_ref().is_some_and(|s| !s.invalid.is_empty()));
    let group = ctx.dom_id(&format!("mfa-{}", sanitize(&challenge.guid)));
    let error_id = format!("{group}-error");
    let legend = if challenge.label.is_empty() { ctx.t("mfa.choose") } else { challenge.label.clone() };
    let required = ctx.t(if kind == MfaKind::AccountSelect { "mfa.account_required" } else { "mfa.choose_required" });
    let images = kind == MfaKind::ImageOptions;
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::SubmitMfaChoice(chosen.get_untracked()));
    };
    let error_id_attr = error_id.clone();
    let options = challenge
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let id = format!("{group}-{i}");
            let guid = option.guid.clone();
            let guid_checked = option.guid.clone();
            let image = option.data_uri.clone().filter(|_| images);
            view! {
                <div class=if images { "cw-choice cw-choice-image" } else { "cw-choice" }>
                    <input
                        type="radio"
                        id=id.clone()
                        name=group.clone()
                        class="cw-radio"
                        aria-invalid=move || invalid().then_some("true")
                        prop:checked=move || chosen.get().as_deref() == Some(guid_checked.as_str())
                        disabled=submitting
                        on:change=move |_| chosen.set(Some(guid.clone()))
                    />
                    <label for=id>
                        {match image {
                            Some(src) => view! { <img src=src alt=option.label.clone() /> }.into_any(),
                            None => view! { <span>{option.label.clone()}</span> }.into_any(),
                        }}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="cw-form" novalidate="" on:submit=on_submit>
            <fieldset class="cw-fieldset" aria-describedby=move || invalid().then(|| error_id_attr.clone())>
                <legend class="cw-label">{legend}</legend>
                <div class=if images { "cw-choices cw-image-grid" } else { "cw-choices" }>{options}</div>
            </fieldset>
            <Show when=invalid>
                <p class="cw-field-error" id=error_id.clone()>{required.clone()}</p>
            </Show>
            <button type="submit" class="cw-button cw-primary" aria-disabled=move || submitting().then_some("true")>{submit_label(ctx, state)}</button>
        </form>
    }
}
