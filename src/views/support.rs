//! The support request form (`createSupportTicket`), reachable from login
//! errors, MFA and update credentials. A failure keeps the form usable.

use super::dom::{self, el, El};
use super::ui::{alert, heading, submit_button, Field};
use super::Ctx;
use crate::flow::{support::Msg, Overlay, SupportField, SupportState};
use crate::i18n::Key;
use leptos::prelude::*;

/// The form, or once sent its confirmation (their top element changes), hence a fragment.
pub fn support_form(ctx: Ctx) -> web_sys::Node {
    let state = ctx.overlay_memo(|overlay| if let Overlay::Support(s) = overlay { Some(s.clone()) } else { None });
    let sent_to = Memo::new(move |_| state.with(|s| s.as_ref().and_then(|s| s.sent_to.clone())));
    let view = move |sent_to: Option<String>| match sent_to {
        Some(email) => el("div")
            .class("cw-step")
            .child(heading(&ctx.t(Key::SupportSentTitle)))
            // Announced by the widget's live region (`views::announce`), which
            // exists before this text does: a status inserted already filled is not read.
            .child(el("p").text(&ctx.tf(Key::SupportSentBody, &[("email", &email)])))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("cw-button cw-primary")
                    .on("click", move |_| ctx.send(Msg::Close))
                    .text(&ctx.t(Key::CommonDone)),
            ),
        None => form(ctx, state),
    };
    dom::children_of(el("div").switch(move || sent_to.get(), view))
}

fn form(ctx: Ctx, state: Memo<Option<SupportState>>) -> El {
    let email = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let needs_email = state.with_untracked(|s| s.as_ref().is_some_and(|s| s.needs_email));
    let submitting = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let error = move || state.with(|s| s.as_ref().and_then(|s| s.error.clone()));
    let invalid = move |which: SupportField| {
        Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&which))))
    };
    let email_field = needs_email.then(|| {
        Field {
            kind: "email",
            autocomplete: "email",
            error: Signal::from(ctx.t(Key::SupportEmailInvalid)),
            ..Field::new(
                ctx.dom_id("support-email"),
                ctx.t(Key::SupportEmail),
                email,
                invalid(SupportField::Email),
                submitting,
            )
        }
        .build()
    });
    let title_field = Field {
        error: Signal::from(ctx.t(Key::SupportSubjectRequired)),
        ..Field::new(
            ctx.dom_id("support-title"),
            ctx.t(Key::SupportSubject),
            title,
            invalid(SupportField::Title),
            submitting,
        )
    };
    let message_field = Field {
        multiline: true,
        error: Signal::from(ctx.t(Key::SupportMessageRequired)),
        ..Field::new(
            ctx.dom_id("support-message"),
            ctx.t(Key::SupportMessage),
            message,
            invalid(SupportField::Message),
            submitting,
        )
    };
    el("div")
        .class("cw-step")
        .child(heading(&ctx.t(Key::SupportTitle)))
        .child(el("p").class("cw-muted").text(&ctx.t(Key::SupportIntro)))
        .child(
            el("form")
                .class("cw-form")
                .attr("novalidate", "")
                .on("submit", move |ev| {
                    ev.prevent_default();
                    ctx.send(Msg::Submit {
                        email: email.get_untracked(),
                        title: title.get_untracked(),
                        message: message.get_untracked(),
                    });
                })
                .child(email_field)
                .child(title_field.build())
                .child(message_field.build())
                .switch(error, move |e| e.map(|e| alert(&ctx.t(e.message_key()))))
                .child(
                    el("div")
                        .class("cw-actions")
                        .child(submit_button(ctx.t(Key::SupportSend), ctx.t(Key::SupportSending), submitting))
                        .child(
                            el("button")
                                .attr("type", "button")
                                .class("cw-button cw-secondary")
                                .on("click", move |_| ctx.send(Msg::Close))
                                .text(&ctx.t(Key::CommonCancel)),
                        ),
                ),
        )
}
