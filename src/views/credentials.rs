//! The login form: fields from the institution (or the member), in display
//! order, with labels, show/hide password and required-field messages.

use super::ui::{
    report_first_input, Alert, ExternalLink, Heading, InstitutionBanner, Spinner, SubmitButton, TextField,
};
use super::Ctx;
use crate::flow::analytics::InputKind;
use crate::flow::{credentials::Msg, CredentialsState, Load, Step};
use crate::i18n::Key;
use crate::model::{safe_https_url, CredentialField, Secret};
use leptos::prelude::*;

#[component]
pub fn CredentialsStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::Credentials(c) = step { Some(c.clone()) } else { None });
    let name = ctx.institution_name();
    let is_update = state.with_untracked(|s| s.as_ref().is_some_and(CredentialsState::is_update));
    let title = ctx.tf(if is_update { Key::CredentialsUpdateTitle } else { Key::CredentialsTitle }, &[("name", &name)]);
    let reason = state
        .with_untracked(|s| s.as_ref().and_then(|s| s.reason))
        .map(|r| ctx.tf(r.message_key(), &[("name", &name)]));
    // Loaded fields change only when (re)loaded; the form is rebuilt then.
    let fields = Memo::new(move |_| {
        state.with(|s| match s.as_ref().map(|s| &s.fields) {
            Some(Load::Ready(f)) => Load::Ready(f.clone()),
            Some(Load::Failed) => Load::Failed,
            Some(Load::Loading) | None => Load::Loading,
        })
    });
    let intro = ctx.tf(Key::CredentialsIntro, &[("name", &name)]);
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=title />
            {reason.map(|r| view! { <p class="cw-notice cw-warning" role="alert">{r}</p> })}
            <p class="cw-muted">{intro}</p>
            {move || match fields.get() {
                Load::Loading => view! { <Spinner text=ctx.t(Key::CommonLoading) /> }.into_any(),
                Load::Failed => view! {
                    <div class="cw-notice">
                        <Alert text=ctx.tf(Key::CredentialsFieldsFailed, &[("name", &ctx.institution_name())]) />
                        <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::RetryFields)>{ctx.t(Key::CommonRetry)}</button>
                    </div>
                }
                .into_any(),
                Load::Ready(list) => view! { <CredentialsForm ctx=ctx fields=list state=state /> }.into_any(),
            }}
            <Links ctx=ctx is_update=is_update />
        </div>
    }
}

#[component]
fn CredentialsForm(ctx: Ctx, fields: Vec<CredentialField>, state: Memo<Option<CredentialsState>>) -> impl IntoView {
    // What the user typed lives only in this form; it is disposed with the step.
    let values: Vec<(String, RwSignal<String>)> =
        fields.iter().map(|f| (f.guid.clone(), RwSignal::new(String::new()))).collect();
    wipe_on_cleanup(values.iter().map(|(_, v)| *v).collect());
    let submitting = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let submit_error = move || state.with(|s| s.as_ref().and_then(|s| s.submit_error.clone()));
    let typed = values.clone();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let values = typed.iter().map(|(g, v)| (g.clone(), Secret::new(v.get_untracked()))).collect();
        ctx.send(Msg::Submit(values));
    };
    let inputs = fields
        .into_iter()
        .zip(values)
        .map(|(field, (_, value))| view! { <CredentialInput ctx=ctx field=field value=value state=state /> })
        .collect_view();
    view! {
        <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
            {inputs}
            {move || submit_error().map(|e| view! { <Alert text=ctx.t(e.message_key()) /> })}
            <SubmitButton label=ctx.t(Key::CredentialsSubmit) busy_label=ctx.t(Key::CredentialsSubmitting) busy=submitting />
            <p class="cw-sr" aria-live="polite">{move || if submitting.get() { ctx.t(Key::CredentialsSubmittingNote) } else { String::new() }}</p>
        </form>
    }
}

#[component]
fn CredentialInput(
    ctx: Ctx,
    field: CredentialField,
    value: RwSignal<String>,
    state: Memo<Option<CredentialsState>>,
) -> impl IntoView {
    let guid = field.guid.clone();
    let invalid = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
    let submitting = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let is_password = field.is_password();
    if is_password {
        report_first_input(ctx, value, InputKind::Password);
    } else if field.is_username() {
        report_first_input(ctx, value, InputKind::Login);
    }
    let autocomplete = if is_password {
        "current-password"
    } else if field.is_username() {
        "username"
    } else {
        "off"
    };
    let shown = RwSignal::new(false);
    // A toggle button: one name, the state in aria-pressed. The visible word
    // is short so the field keeps its width at 320 px.
    let toggle = is_password.then(|| {
        view! {
            <button
                type="button"
                class="cw-toggle"
                aria-pressed=move || if shown.get() { "true" } else { "false" }
                on:click=move |_| shown.update(|s| *s = !*s)
                aria-label=ctx.t(Key::CredentialsShowPassword)
            >
                {ctx.t(Key::CredentialsShow)}
            </button>
        }
        .into_any()
    });
    view! {
        <TextField
            id=ctx.dom_id(&format!("cred-{}", sanitize(&field.guid)))
            label=field.label.clone()
            label_note=field.optional.then(|| ctx.t(Key::CommonOptional))
            error=ctx.tf(Key::CredentialsFieldRequired, &[("label", &field.label)])
            invalid=invalid
            disabled=submitting
            value=value
            required=!field.optional
            masked=Signal::derive(move || is_password && !shown.get())
            autocomplete=autocomplete
            verbatim=true
            beside=toggle
        />
    }
}

/// Recovery links, help and disconnect under the form.
#[component]
fn Links(ctx: Ctx, is_update: bool) -> impl IntoView {
    let institution = ctx.institution();
    let links: Vec<(String, String)> = institution
        .map(|i| {
            [
                (i.forgot_password_url, Key::CredentialsForgotPassword),
                (i.forgot_username_url, Key::CredentialsForgotUsername),
                (i.trouble_signing_in_url, Key::CredentialsTrouble),
            ]
            .into_iter()
            .filter_map(|(url, key)| Some((safe_https_url(url.as_deref()?)?, ctx.t(key))))
            .collect()
        })
        .unwrap_or_default();
    let allowed = ctx.peek(|f| f.allowed());
    let help = is_update && allowed.is_some_and(|a| a.support);
    let disconnect = is_update && allowed.is_some_and(|a| a.disconnect);
    // "Data access by MX" (`show_mx_branding`), unless the disclosure screen said it all first.
    let data_access = ctx.peek(|f| f.env.partner.mx_branding && !f.env.partner.disclosure).unwrap_or(false);
    view! {
        <div class="cw-links">
            {links.into_iter().map(|(url, text)| view! { <ExternalLink ctx=ctx url=url text=text /> }).collect_view()}
            {help.then(|| view! { <button type="button" class="cw-link" on:click=move |_| ctx.send(crate::flow::support::Msg::Open)>{ctx.t(Key::CredentialsGetHelp)}</button> })}
            {disconnect.then(|| view! { <button type="button" class="cw-link cw-danger" on:click=move |_| ctx.send(crate::flow::disconnect::Msg::Open)>{ctx.t(Key::CredentialsDisconnect)}</button> })}
            {data_access.then(|| view! {
                <button type="button" class="cw-link" aria-haspopup="dialog" on:click=move |_| ctx.send(crate::flow::consent::Msg::DataAccess)>{ctx.t(Key::DataAccessButton)}</button>
            })}
        </div>
    }
}

/// Host guids in DOM ids: keep only safe characters.
pub fn sanitize(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// When the form goes (its step ended, or the widget was unmounted), zero what
/// was typed into it (`model::secret::wipe`).
pub(super) fn wipe_on_cleanup(typed: Vec<RwSignal<String>>) {
    on_cleanup(move || {
        for value in typed {
            value.try_update_untracked(crate::model::secret::wipe);
        }
    });
}
