//! The disconnect confirmation: a modal dialog with a required reason.

use super::ui::{Alert, ModalDialog, RadioChoice, RadioGroup, SubmitButton};
use super::Ctx;
use crate::flow::{disconnect::Msg, Overlay, DISCONNECT_REASONS};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn DisconnectDialog(ctx: Ctx) -> impl IntoView {
    let state = ctx.overlay_memo(|overlay| if let Overlay::Disconnect(d) = overlay { Some(d.clone()) } else { None });
    let reason = RwSignal::new(None::<String>);
    let submitting = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting)));
    let missing = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.reason_missing)));
    let failed = move || state.with(|s| s.as_ref().is_some_and(|s| s.error.is_some()));
    let name = ctx.institution_name();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let chosen = reason.get_untracked().and_then(|name| Key::from_name(&name));
        ctx.send(Msg::Confirm { reason: chosen });
    };
    let choices = DISCONNECT_REASONS
        .iter()
        .map(|key| RadioChoice { value: key.name().to_string(), label: ctx.t(*key), image: None })
        .collect();
    view! {
        <ModalDialog
            title_id=ctx.dom_id("disconnect-title")
            title=ctx.tf(Key::DisconnectTitle, &[("name", &name)])
            on_close=Callback::new(move |()| ctx.send(Msg::Cancel))
        >
            <p>{ctx.tf(Key::DisconnectBody, &[("name", &name)])}</p>
            <form class="cw-form" novalidate="" on:submit=on_submit>
                <RadioGroup
                    name=ctx.dom_id("disconnect-reason")
                    legend=ctx.t(Key::DisconnectReasonLegend)
                    choices=choices
                    chosen=reason
                    error=ctx.t(Key::DisconnectReasonRequired)
                    invalid=missing
                    disabled=submitting
                />
                {move || failed().then(|| view! { <Alert text=ctx.tf(Key::DisconnectFailed, &[("name", &ctx.institution_name())]) /> })}
                <div class="cw-actions">
                    <SubmitButton
                        label=ctx.t(Key::DisconnectConfirm)
                        busy_label=ctx.t(Key::DisconnectConfirming)
                        busy=submitting
                        class="cw-button cw-danger-button"
                    />
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Cancel)>{ctx.t(Key::CommonCancel)}</button>
                </div>
            </form>
        </ModalDialog>
    }
}
