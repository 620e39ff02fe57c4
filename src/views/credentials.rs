//! The login form: fields from the institution (or the member), in display
//! order, with labels, show/hide password and required-field messages.

use super::{Alert, Ctx, Heading, InstitutionBanner, Spinner};
use crate::flow::{CredentialsState, Load, Msg, Step};
use crate::model::{safe_https_url, CredentialField, Secret};
use leptos::prelude::*;

#[component]
pub fn CredentialsStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| match step {
        Step::Credentials(c) => Some(c.clone()),
        _ => None,
    });
    let name = ctx.institution_name();
    let is_update = state.with_untracked(|s| s.as_ref().is_some_and(CredentialsState::is_update));
    let title = if is_update {
        ctx.tf("credentials.update_title", &[("name", &name)])
    } else {
        ctx.tf("credentials.title", &[("name", &name)])
    };
    let reason = state
        .with_untracked(|s| s.as_ref().and_then(|s| s.reason))
        .map(|r| ctx.tf(r.message_key(), &[("name", &name)]));
    // Loaded fields change only when (re)loaded; the form is rebuilt then.
    let fields = Memo::new(move |_| {
        state.with(|s| match s.as_ref().map(|s| &s.fields) {
            Some(Load::Ready(f)) => Load::Ready(f.clone()),
            Some(Load::Failed) => Load::Failed,
            _ => Load::Loading,
        })
    });
    let intro = ctx.tf("credentials.intro", &[("name", &name)]);
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=title />
            {reason.map(|r| view! { <p class="cw-notice cw-warning" role="alert">{r}</p> })}
            <p class="cw-muted">{intro}</p>
            {move || match fields.get() {
                Load::Loading => view! { <Spinner text=ctx.t("common.loading") /> }.into_any(),
                Load::Failed => view! {
                    <div class="cw-notice">
                        <Alert text=ctx.tf("credentials.fields_failed", &[("name", &ctx.institution_name())]) />
                        <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::RetryLoadFields)>{ctx.t("common.retry")}</button>
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
    let values = RwSignal::new(fields.iter().map(|f| (f.guid.clone(), String::new())).collect::<Vec<_>>());
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let submit_error = move || state.with(|s| s.as_ref().and_then(|s| s.submit_error.clone()));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let typed =
            values.with_untracked(|v| v.iter().map(|(g, text)| (g.clone(), Secret::new(text.clone()))).collect());
        ctx.send(Msg::SubmitCredentials(typed));
    };
    view! {
        <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
            {fields.into_iter().map(|field| view! { <CredentialInput ctx=ctx field=field values=values state=state /> }).collect_view()}
            {move || submit_error().map(|e| view! { <Alert text=ctx.t(e.message_key()) /> })}
            <button type="submit" class="cw-button cw-primary" aria-disabled=move || submitting().then_some("true")>
                {move || if submitting() { ctx.t("credentials.submitting") } else { ctx.t("credentials.submit") }}
            </button>
            <p class="cw-sr" aria-live="polite">{move || if submitting() { ctx.t("credentials.submitting_note") } else { String::new() }}</p>
        </form>
    }
}

#[component]
fn CredentialInput(
    ctx: Ctx,
    field: CredentialField,
    values: RwSignal<Vec<(String, String)>>,
    state: Memo<Option<CredentialsState>>,
) -> impl IntoView {
    let guid = field.guid.clone();
    let input_id = ctx.dom_id(&format!("cred-{}", sanitize(&guid)));
    let error_id = format!("{input_id}-error");
    let shown = RwSignal::new(false);
    let is_password = field.is_password();
    let autocomplete = if is_password {
        "current-password"
    } else if field.is_username() {
        "username"
    } else {
        "off"
    };
    let invalid_guid = guid.clone();
    let invalid = Memo::new(move |_| state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&invalid_guid))));
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let label = field.label.clone();
    let message = ctx.tf("credentials.field_required", &[("label", &label)]);
    let error_id_attr = error_id.clone();
    let input_guid = guid.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        values.update(|v| {
            if let Some(slot) = v.iter_mut().find(|(g, _)| *g == input_guid) {
                slot.1 = text;
            }
        });
    };
    view! {
        <div class="cw-field">
            <label class="cw-label" for=input_id.clone()>
                {label}
                {field.optional.then(|| view! { <span class="cw-muted">" "{ctx.t("common.optional")}</span> })}
            </label>
            <div class="cw-input-row">
                <input
                    id=input_id
                    class="cw-input"
                    type=move || if is_password && !shown.get() { "password" } else { "text" }
                    autocomplete=autocomplete
                    autocapitalize="off"
                    spellcheck="false"
                    required=!field.optional
                    aria-required=(!field.optional).then_some("true")
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=move || invalid.get().then(|| error_id_attr.clone())
                    disabled=submitting
                    on:input=on_input
                />
                {is_password.then(|| view! {
                    <button
                        type="button"
                        class="cw-toggle"
                        aria-pressed=move || if shown.get() { "true" } else { "false" }
                        on:click=move |_| shown.update(|s| *s = !*s)
                        // A toggle button: one name, the state in aria-pressed. The
                        // visible word is short so the field keeps its width at 320 px.
                        aria-label=ctx.t("credentials.show_password")
                    >
                        {ctx.t("credentials.show")}
                    </button>
                })}
            </div>
            <Show when=move || invalid.get()>
                <p class="cw-field-error" id=error_id.clone()>{message.clone()}</p>
            </Show>
        </div>
    }
}

/// Recovery links, help and disconnect under the form.
#[component]
fn Links(ctx: Ctx, is_update: bool) -> impl IntoView {
    let institution = ctx.institution();
    let links: Vec<(String, String)> = institution
        .map(|i| {
            [
                (i.forgot_password_url, "credentials.forgot_password"),
                (i.forgot_username_url, "credentials.forgot_username"),
                (i.trouble_signing_in_url, "credentials.trouble"),
            ]
            .into_iter()
            .filter_map(|(url, key)| Some((safe_https_url(url.as_deref()?)?, ctx.t(key))))
            .collect()
        })
        .unwrap_or_default();
    let allowed = ctx.peek(|f| f.allowed());
    let help = is_update && allowed.is_some_and(|a| a.support);
    let disconnect = is_update && allowed.is_some_and(|a| a.disconnect);
    let new_tab = ctx.t("common.new_tab");
    view! {
        <div class="cw-links">
            {links.into_iter().map(|(url, text)| {
                let new_tab = new_tab.clone();
                view! { <a class="cw-link" href=url target="_blank" rel="noopener noreferrer">{text}<span class="cw-sr">" "{new_tab}</span></a> }
            }).collect_view()}
            {help.then(|| view! { <button type="button" class="cw-link" on:click=move |_| ctx.send(Msg::OpenSupport)>{ctx.t("credentials.get_help")}</button> })}
            {disconnect.then(|| view! { <button type="button" class="cw-link cw-danger" on:click=move |_| ctx.send(Msg::OpenDisconnect)>{ctx.t("credentials.disconnect")}</button> })}
        </div>
    }
}

/// Host guids in DOM ids: keep only safe characters.
pub fn sanitize(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}
