//! The support request form (`createSupportTicket`), reachable from login
//! errors, MFA and update credentials. A failure keeps the form usable.

use super::ui::{Alert, Heading, SubmitButton, TextField};
use super::Ctx;
use crate::flow::{support::Msg, Overlay, SupportField, SupportState};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn SupportForm(ctx: Ctx) -> impl IntoView {
    let state = ctx.overlay_memo(|overlay| if let Overlay::Support(s) = overlay { Some(s.clone()) } else { None });
    let sent_to = Memo::new(move |_| state.with(|s| s.as_ref().and_then(|s| s.sent_to.clone())));
    move || {
        match sent_to.get() {
        Some(email) => view! {
            <div class="cw-step">
                <Heading text=ctx.t(Key::SupportSentTitle) />
                // Announced by the widget's live region (`views::announce`), which
                // exists before this text does: a status inserted already filled is not read.
                <p>{ctx.tf(Key::SupportSentBody, &[("email", &email)])}</p>
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Close)>{ctx.t(Key::CommonDone)}</button>
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
    let submitting = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let error = move || state.with(|s| s.as_ref().and_then(|s| s.error.clone()));
    let invalid = move |which: SupportField| {
        Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&which))))
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::Submit {
            email: email.get_untracked(),
            title: title.get_untracked(),
            message: message.get_untracked(),
        });
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::SupportTitle) />
            <p class="cw-muted">{ctx.t(Key::SupportIntro)}</p>
            <form class="cw-form" novalidate="" on:submit=on_submit>
                {needs_email.then(|| view! {
                    <TextField id=ctx.dom_id("support-email") label=ctx.t(Key::SupportEmail) kind="email" autocomplete="email"
                        error=ctx.t(Key::SupportEmailInvalid) invalid=invalid(SupportField::Email) disabled=submitting value=email />
                })}
                <TextField id=ctx.dom_id("support-title") label=ctx.t(Key::SupportSubject)
                    error=ctx.t(Key::SupportSubjectRequired) invalid=invalid(SupportField::Title) disabled=submitting value=title />
                <TextField id=ctx.dom_id("support-message") label=ctx.t(Key::SupportMessage) multiline=true
                    error=ctx.t(Key::SupportMessageRequired) invalid=invalid(SupportField::Message) disabled=submitting value=message />
                {move || error().map(|e| view! { <Alert text=ctx.t(e.message_key()) /> })}
                <div class="cw-actions">
                    <SubmitButton label=ctx.t(Key::SupportSend) busy_label=ctx.t(Key::SupportSending) busy=submitting />
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Close)>{ctx.t(Key::CommonCancel)}</button>
                </div>
            </form>
        </div>
    }
}
