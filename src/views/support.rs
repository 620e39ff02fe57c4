//! The support request form (`createSupportTicket`), reachable from login
//! errors, MFA and update credentials. A failure keeps the form usable.

use super::{Alert, Ctx, Heading};
use crate::flow::{Msg, Overlay, SupportField, SupportState};
use leptos::prelude::*;

#[component]
pub fn SupportForm(ctx: Ctx) -> impl IntoView {
    let state = ctx.overlay_memo(|overlay| match overlay {
        Overlay::Support(s) => Some(s.clone()),
        _ => None,
    });
    let sent_to = Memo::new(move |_| state.with(|s| s.as_ref().and_then(|s| s.sent_to.clone())));
    move || {
        match sent_to.get() {
        Some(email) => view! {
            <div class="cw-step">
                <Heading text=ctx.t("support.sent.title") />
                <p role="status">{ctx.tf("support.sent.body", &[("email", &email)])}</p>
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::CloseSupport)>{ctx.t("common.done")}</button>
            </div>
        }
        .into_any(),
        None => view! { <Form ctx=ctx state=state /> }.into_any(),
    }
    }
}

#[component]
fn Form(ctx: Ctx, state: Memo<Option<SupportState>>) -> impl IntoView {
    let email = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let needs_email = state.with_untracked(|s| s.as_ref().is_some_and(|s| s.needs_email));
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let error = move || state.with(|s| s.as_ref().and_then(|s| s.error.clone()));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::SubmitSupport {
            email: email.get_untracked(),
            title: title.get_untracked(),
            message: message.get_untracked(),
        });
    };
    let field = move |which: SupportField, label: &str, error_key: &str, value: RwSignal<String>, multiline: bool| {
        let id = ctx.dom_id(match which {
            SupportField::Email => "support-email",
            SupportField::Title => "support-title",
            SupportField::Message => "support-message",
        });
        let error_id = format!("{id}-error");
        let error_attr = error_id.clone();
        let invalid = move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&which)));
        let message = ctx.t(error_key);
        let input = if multiline {
            view! {
                <textarea id=id.clone() class="cw-input cw-textarea" rows="4" aria-required="true"
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=move || invalid().then(|| error_attr.clone())
                    disabled=submitting
                    on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            }
            .into_any()
        } else {
            let kind = if which == SupportField::Email { "email" } else { "text" };
            let autocomplete = if which == SupportField::Email { "email" } else { "off" };
            view! {
                <input id=id.clone() class="cw-input" type=kind autocomplete=autocomplete aria-required="true"
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=move || invalid().then(|| error_attr.clone())
                    disabled=submitting
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            }
            .into_any()
        };
        view! {
            <div class="cw-field">
                <label class="cw-label" for=id>{label.to_string()}</label>
                {input}
                <Show when=invalid>
                    <p class="cw-field-error" id=error_id.clone()>{message.clone()}</p>
                </Show>
            </div>
        }
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t("support.title") />
            <p class="cw-muted">{ctx.t("support.intro")}</p>
            <form class="cw-form" novalidate="" on:submit=on_submit>
                {needs_email.then(|| field(SupportField::Email, &ctx.t("support.email"), "support.email_invalid", email, false))}
                {field(SupportField::Title, &ctx.t("support.subject"), "support.subject_required", title, false)}
                {field(SupportField::Message, &ctx.t("support.message"), "support.message_required", message, true)}
                {move || error().map(|e| view! { <Alert text=ctx.t(e.message_key()) /> })}
                <div class="cw-actions">
                    <button type="submit" class="cw-button cw-primary" aria-disabled=move || submitting().then_some("true")>
                        {move || if submitting() { ctx.t("support.sending") } else { ctx.t("support.send") }}
                    </button>
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::CloseSupport)>{ctx.t("common.cancel")}</button>
                </div>
            </form>
        </div>
    }
}
