//! The disconnect confirmation: a modal dialog with focus kept inside,
//! Escape to close, and a required reason.

use super::{Alert, Ctx};
use crate::flow::{DisconnectState, Msg, Overlay, DISCONNECT_REASONS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex='-1'])";

#[component]
pub fn DisconnectDialog(ctx: Ctx) -> impl IntoView {
    let state = ctx.overlay_memo(|overlay| match overlay {
        Overlay::Disconnect(d) => Some(d.clone()),
        _ => None,
    });
    let reason = RwSignal::new(None::<String>);
    let submitting = move || state.with(|s| s.as_ref().is_some_and(|s| s.submitting));
    let missing = move || state.with(|s| s.as_ref().is_some_and(|s| s.reason_missing));
    let error = move || state.with(|s| s.as_ref().and_then(|s: &DisconnectState| s.error.clone()));
    let name = ctx.institution_name();
    let title_id = ctx.dom_id("disconnect-title");
    let labelled_by = title_id.clone();
    let error_id = ctx.dom_id("disconnect-reason-error");
    let dialog_ref = NodeRef::<leptos::html::Div>::new();
    // Keep Tab inside the dialog; Escape closes it.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ctx.send(Msg::CancelDisconnect);
            return;
        }
        if ev.key() != "Tab" {
            return;
        }
        let Some(dialog) = dialog_ref.get() else { return };
        let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else { return };
        let items: Vec<web_sys::HtmlElement> =
            (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into().ok()).collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
        let active = dialog
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .and_then(|r| r.active_element())
            .or_else(|| web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()));
        // A radio group is one Tab stop (the browser's rule): being on any of
        // its radios is being on that stop, and Tab lands on its checked radio.
        let group = |el: &web_sys::Element| {
            el.dyn_ref::<web_sys::HtmlInputElement>()
                .filter(|i| i.type_() == "radio")
                .map(|i| i.name())
                .filter(|n| !n.is_empty())
        };
        let at = |el: &web_sys::HtmlElement| {
            active.as_ref().is_some_and(|a| a.is_same_node(Some(el)) || (group(el).is_some() && group(a) == group(el)))
        };
        let stop = |el: &web_sys::HtmlElement| -> web_sys::HtmlElement {
            let checked = group(el).and_then(|g| {
                items.iter().find(|i| {
                    group(i).as_ref() == Some(&g)
                        && i.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|r| r.checked())
                })
            });
            checked.unwrap_or(el).clone()
        };
        if ev.shift_key() && (at(first) || !items.iter().any(at)) {
            ev.prevent_default();
            let _ = stop(last).focus();
        } else if !ev.shift_key() && at(last) {
            ev.prevent_default();
            let _ = stop(first).focus();
        }
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::ConfirmDisconnect { reason: reason.get_untracked() });
    };
    let error_attr = error_id.clone();
    let reasons = DISCONNECT_REASONS
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let id = ctx.dom_id(&format!("disconnect-reason-{i}"));
            let value = (*key).to_string();
            view! {
                <div class="cw-choice">
                    <input type="radio" class="cw-radio" id=id.clone() name=ctx.dom_id("disconnect-reason")
                        aria-invalid=move || missing().then_some("true")
                        disabled=submitting
                        on:change=move |_| reason.set(Some(value.clone())) />
                    <label for=id>{ctx.t(key)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="cw-scrim">
            <div class="cw-dialog" role="dialog" aria-modal="true" aria-labelledby=labelled_by node_ref=dialog_ref on:keydown=on_keydown>
                <h2 class="cw-heading" id=title_id.clone() tabindex="-1" data-cw-heading="">{ctx.tf("disconnect.title", &[("name", &name)])}</h2>
                <p>{ctx.tf("disconnect.body", &[("name", &name)])}</p>
                <form class="cw-form" novalidate="" on:submit=on_submit>
                    <fieldset class="cw-fieldset" aria-describedby=move || missing().then(|| error_attr.clone())>
                        <legend class="cw-label">{ctx.t("disconnect.reason.legend")}</legend>
                        <div class="cw-choices">{reasons}</div>
                    </fieldset>
                    <Show when=missing>
                        <p class="cw-field-error" id=error_id.clone()>{ctx.t("disconnect.reason.required")}</p>
                    </Show>
                    {move || error().map(|_| view! { <Alert text=ctx.tf("disconnect.failed", &[("name", &ctx.institution_name())]) /> })}
                    <div class="cw-actions">
                        <button type="submit" class="cw-button cw-danger-button" aria-disabled=move || submitting().then_some("true")>
                            {move || if submitting() { ctx.t("disconnect.confirming") } else { ctx.t("disconnect.confirm") }}
                        </button>
                        <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::CancelDisconnect)>{ctx.t("common.cancel")}</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
