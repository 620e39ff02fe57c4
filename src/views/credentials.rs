//! The login form: fields from the institution (or the member), in display
//! order, with labels, show/hide password and required-field messages.

use super::dom::{el, El, Reader};
use super::ui::{
    alert, button, external_link, form, heading, institution_banner, report_first_input, spinner, submit_button,
    wipe_on_cleanup, Field,
};
use super::Ctx;
use crate::flow::analytics::InputKind;
use crate::flow::{credentials::Msg, CredentialsState, Load, Step};
use crate::i18n::Key;
use crate::model::{safe_https_url, CredentialField, Secret};
use crate::views::Slice;
use leptos::prelude::*;

pub fn credentials_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::Credentials(c) = step { Some(c) } else { None });
    let name = ctx.institution_name();
    let is_update = state.with_untracked(|s| s.is_some_and(CredentialsState::is_update));
    let title = ctx.tf(if is_update { Key::CredentialsUpdateTitle } else { Key::CredentialsTitle }, &[("name", &name)]);
    let reason = state
        .with_untracked(|s| s.as_ref().and_then(|s| s.reason))
        .map(|r| ctx.tf(r.message_key(), &[("name", &name)]));
    // Loaded fields change only when (re)loaded; the form is rebuilt then.
    let fields = move || {
        state.with(|s| match s.as_ref().map(|s| &s.fields) {
            Some(Load::Ready(f)) => Load::Ready(f.clone()),
            Some(Load::Failed) => Load::Failed,
            Some(Load::Loading) | None => Load::Loading,
        })
    };
    let form = move |fields: Load<Vec<CredentialField>>| match fields {
        Load::Loading => spinner(&ctx.t(Key::CommonLoading)),
        Load::Failed => el("div")
            .class("cw-notice")
            .child(alert(&ctx.tf(Key::CredentialsFieldsFailed, &[("name", &ctx.institution_name())])))
            .child(button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonRetry), Msg::RetryFields)),
        Load::Ready(list) => credentials_form(ctx, list, state),
    };
    el("div")
        .class("cw-step")
        .child(institution_banner(ctx))
        .child(heading(&title))
        .child(reason.map(|r| el("p").class("cw-notice cw-warning").attr("role", "alert").text(&r)))
        .child(el("p").class("cw-muted").text(&ctx.tf(Key::CredentialsIntro, &[("name", &name)])))
        .switch(fields, form)
        .child(links(ctx, is_update))
}

fn credentials_form(ctx: Ctx, fields: Vec<CredentialField>, state: Slice<CredentialsState>) -> El {
    // What the user typed lives only in this form; it is disposed with the step.
    let values: Vec<(String, RwSignal<String>)> =
        fields.iter().map(|f| (f.guid.clone(), RwSignal::new(String::new()))).collect();
    wipe_on_cleanup(values.iter().map(|(_, v)| *v).collect());
    let submitting = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let submit_error = move || state.with(|s| s.as_ref().and_then(|s| s.submit_error.clone()));
    let typed = values.clone();
    let inputs: Vec<El> =
        fields.into_iter().zip(values).map(|(field, (_, value))| credential_input(ctx, field, value, state)).collect();
    form(move || {
        let values = typed.iter().map(|(g, v)| (g.clone(), Secret::new(v.get_untracked()))).collect();
        ctx.send(Msg::Submit(values));
    })
    .attr("autocomplete", "off")
    .child(inputs)
    .switch(submit_error, move |e| e.map(|e| alert(&ctx.t(e.message_key()))))
    .child(submit_button(ctx.t(Key::CredentialsSubmit), ctx.t(Key::CredentialsSubmitting), submitting.clone()))
    .child(el("p").class("cw-sr").attr("aria-live", "polite").text_fn(move || {
        if submitting.get() {
            ctx.t(Key::CredentialsSubmittingNote)
        } else {
            String::new()
        }
    }))
}

fn credential_input(ctx: Ctx, field: CredentialField, value: RwSignal<String>, state: Slice<CredentialsState>) -> El {
    let guid = field.guid.clone();
    let invalid = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&guid))));
    let submitting = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let is_password = field.is_password();
    if is_password {
        report_first_input(ctx, value, InputKind::Password);
    } else if field.is_username() {
        report_first_input(ctx, value, InputKind::Login);
    }
    let shown = RwSignal::new(false);
    // A toggle button: one name, the state in aria-pressed. The visible word
    // is short so the field keeps its width at 320 px.
    let toggle = is_password.then(|| {
        el("button")
            .attr("type", "button")
            .class("cw-toggle")
            .attr_fn("aria-pressed", move || Some(if shown.get() { "true" } else { "false" }))
            .on("click", move |_| shown.update(|s| *s = !*s))
            .attr("aria-label", &ctx.t(Key::CredentialsShowPassword))
            .text(&ctx.t(Key::CredentialsShow))
    });
    let id = ctx.dom_id(&format!("cred-{}", sanitize(&field.guid)));
    Field {
        label_note: field.optional.then(|| ctx.t(Key::CommonOptional)),
        error: Reader::constant(ctx.tf(Key::CredentialsFieldRequired, &[("label", &field.label)])),
        required: !field.optional,
        masked: Some(Reader::derive(move || is_password && !shown.get())),
        autocomplete: if is_password {
            "current-password"
        } else if field.is_username() {
            "username"
        } else {
            "off"
        },
        verbatim: true,
        beside: toggle,
        ..Field::new(id, field.label, value, invalid, submitting)
    }
    .build()
}

/// Recovery links, help and disconnect under the form.
fn links(ctx: Ctx, is_update: bool) -> El {
    let institution = ctx.institution();
    let links: Vec<El> = institution
        .map(|i| {
            [
                (i.forgot_password_url, Key::CredentialsForgotPassword),
                (i.forgot_username_url, Key::CredentialsForgotUsername),
                (i.trouble_signing_in_url, Key::CredentialsTrouble),
            ]
            .into_iter()
            .filter_map(|(url, key)| Some(external_link(ctx, &safe_https_url(url.as_deref()?)?, &ctx.t(key))))
            .collect()
        })
        .unwrap_or_default();
    let allowed = ctx.peek(|f| f.allowed());
    let help = is_update && allowed.is_some_and(|a| a.support);
    let disconnect = is_update && allowed.is_some_and(|a| a.disconnect);
    // "Data access by MX" (`show_mx_branding`), unless the disclosure screen said it all first.
    let data_access = ctx.peek(|f| f.env.partner.mx_branding && !f.env.partner.disclosure).unwrap_or(false);
    el("div")
        .class("cw-links")
        .child(links)
        .child(help.then(|| button(ctx, "cw-link", &ctx.t(Key::CredentialsGetHelp), crate::flow::support::Msg::Open)))
        .child(disconnect.then(|| {
            button(ctx, "cw-link cw-danger", &ctx.t(Key::CredentialsDisconnect), crate::flow::disconnect::Msg::Open)
        }))
        .child(data_access.then(|| {
            button(ctx, "cw-link", &ctx.t(Key::DataAccessButton), crate::flow::consent::Msg::DataAccess)
                .attr("aria-haspopup", "dialog")
        }))
}

/// Host guids in DOM ids: keep only safe characters.
pub fn sanitize(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}
