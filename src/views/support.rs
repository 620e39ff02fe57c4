//! The support request form (`createSupportTicket`), reachable from login
//! errors, MFA and update credentials. A failure keeps the form usable.

use super::dom::{self, el, El, Reader};
use super::ui::{alert, button, form, step, submit_button, Field};
use super::Ctx;
use crate::flow::{support::Msg, Overlay, SupportField, SupportState};
use crate::i18n::Key;
use crate::views::Slice;
use leptos::prelude::*;

/// The form, or once sent its confirmation (their top element changes), hence a fragment.
pub fn support_form(ctx: Ctx) -> web_sys::Node {
    let state = ctx.overlay_state(|overlay| if let Overlay::Support(s) = overlay { Some(s) } else { None });
    let sent_to = move || state.with(|s| s.as_ref().and_then(|s| s.sent_to.clone()));
    let view = move |sent_to: Option<String>| match sent_to {
        Some(email) => step(&ctx.t(Key::SupportSentTitle), None)
            // Announced by the widget's live region (`views::announce`), which
            // exists before this text does: a status inserted already filled is not read.
            .child(el("p").text(&ctx.tf(Key::SupportSentBody, &[("email", &email)])))
            .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonDone), Msg::Close)),
        None => request_form(ctx, state),
    };
    dom::children_of(el("div").switch(sent_to, view))
}

fn request_form(ctx: Ctx, state: Slice<SupportState>) -> El {
    let email = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let needs_email = state.with_untracked(|s| s.as_ref().is_some_and(|s| s.needs_email));
    let submitting = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let error = move || state.with(|s| s.as_ref().and_then(|s| s.error.clone()));
    let field = |which: SupportField, id: &str, label: Key, error_key: Key, value: RwSignal<String>| {
        let invalid = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.invalid.contains(&which))));
        Field {
            error: Reader::constant(ctx.t(error_key)),
            ..Field::new(ctx.dom_id(id), ctx.t(label), value, invalid, submitting.clone())
        }
    };
    let email_field = needs_email.then(|| {
        let input = field(SupportField::Email, "support-email", Key::SupportEmail, Key::SupportEmailInvalid, email);
        Field { kind: "email", autocomplete: "email", ..input }.build()
    });
    let title_field =
        field(SupportField::Title, "support-title", Key::SupportSubject, Key::SupportSubjectRequired, title);
    let message_field = Field {
        multiline: true,
        ..field(SupportField::Message, "support-message", Key::SupportMessage, Key::SupportMessageRequired, message)
    };
    let submit = move || {
        ctx.send(Msg::Submit {
            email: email.get_untracked(),
            title: title.get_untracked(),
            message: message.get_untracked(),
        })
    };
    step(&ctx.t(Key::SupportTitle), Some(&ctx.t(Key::SupportIntro))).child(
        form(submit)
            .child(email_field)
            .child(title_field.build())
            .child(message_field.build())
            .switch(error, move |e| e.map(|e| alert(&ctx.t(e.message_key()))))
            .child(
                el("div")
                    .class("cw-actions")
                    .child(submit_button(ctx.t(Key::SupportSend), ctx.t(Key::SupportSending), submitting))
                    .child(button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonCancel), Msg::Close)),
            ),
    )
}
