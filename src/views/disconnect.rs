//! The disconnect confirmation: a modal dialog with a required reason.

use super::dom::{el, El, Reader};
use super::ui::{alert, button, form, modal_dialog, submit_button, RadioChoice, Radios};
use super::Ctx;
use crate::flow::{disconnect::Msg, Overlay, DISCONNECT_REASONS};
use crate::i18n::Key;
use leptos::prelude::*;

pub fn disconnect_dialog(ctx: Ctx) -> El {
    let state = ctx.overlay_state(|overlay| if let Overlay::Disconnect(d) = overlay { Some(d) } else { None });
    let reason = RwSignal::new(None::<String>);
    let submitting = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let missing = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.reason_missing)));
    let failed = move || state.with(|s| s.as_ref().is_some_and(|s| s.error.is_some()));
    let name = ctx.institution_name();
    let choices = DISCONNECT_REASONS
        .iter()
        .map(|key| RadioChoice { value: key.name().to_string(), label: ctx.t(*key), image: None })
        .collect();
    let reasons = Radios {
        name: ctx.dom_id("disconnect-reason"),
        legend: ctx.t(Key::DisconnectReasonLegend),
        choices,
        chosen: reason,
        error: ctx.t(Key::DisconnectReasonRequired),
        invalid: missing,
        disabled: submitting.clone(),
        images: false,
    };
    let confirm = form(move || {
        let chosen = reason.get_untracked().and_then(|name| Key::from_name(&name));
        ctx.send(Msg::Confirm { reason: chosen });
    })
    .child(reasons.build())
    .show(failed, move || alert(&ctx.tf(Key::DisconnectFailed, &[("name", &ctx.institution_name())])))
    .child(
        el("div")
            .class("cw-actions")
            .child(
                submit_button(ctx.t(Key::DisconnectConfirm), ctx.t(Key::DisconnectConfirming), submitting)
                    .class("cw-button cw-danger-button"),
            )
            .child(button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonCancel), Msg::Cancel)),
    );
    modal_dialog(
        &ctx.dom_id("disconnect-title"),
        &ctx.tf(Key::DisconnectTitle, &[("name", &name)]),
        move || ctx.send(Msg::Cancel),
        vec![el("p").text(&ctx.tf(Key::DisconnectBody, &[("name", &name)])), confirm],
    )
}
