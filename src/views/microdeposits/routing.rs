//! The routing number, and the choice between instant institutions and
//! account numbers when the number belongs to institutions that verify instantly.

use super::{busy, error_text, invalid, problem, snapshot, MdState};
use crate::flow::microdeposits::{MdField, Msg};
use crate::i18n::Key;
use crate::views::ui::{Heading, InstitutionChoice, Spinner, SubmitButton, TextField};
use crate::views::Ctx;
use leptos::prelude::*;

#[component]
pub fn RoutingNumber(ctx: Ctx, state: MdState) -> impl IntoView {
    let routing = RwSignal::new(snapshot(state).form.routing_number);
    let busy = busy(state);
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        ctx.send(Msg::SubmitRouting(routing.get_untracked()));
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdRoutingTitle) />
            <form class="cw-form" novalidate="" autocomplete="off" on:submit=on_submit>
                <TextField
                    id=ctx.dom_id("md-routing")
                    label=ctx.t(Key::MdRoutingLabel)
                    hint=Some(ctx.t(Key::MdRoutingHint))
                    error=error_text(ctx, state, MdField::RoutingNumber)
                    invalid=invalid(state, MdField::RoutingNumber)
                    disabled=busy
                    value=routing
                    inputmode="numeric"
                    verbatim=true
                />
                {problem(ctx, state)}
                <SubmitButton label=ctx.t(Key::MdContinue) busy_label=ctx.t(Key::MdChecking) busy=busy />
            </form>
        </div>
    }
}

#[component]
pub fn SharedRouting(ctx: Ctx, state: MdState) -> impl IntoView {
    let now = snapshot(state);
    let selecting = Signal::derive(move || state.with(|s| s.as_ref().and_then(|s| s.selecting.clone())));
    let opening = move || {
        let guid = selecting.get()?;
        let name = state.with_untracked(|s| {
            s.as_ref().and_then(|s| s.instant.iter().find(|i| i.guid == guid).map(|i| i.name.clone()))
        })?;
        Some(view! { <Spinner text=ctx.tf(Key::SearchOpening, &[("name", &name)]) /> })
    };
    let busy = Signal::derive(move || selecting.get().is_some());
    let tiles = now
        .instant
        .into_iter()
        .map(|institution| {
            let guid = institution.guid.clone();
            view! {
                <li><InstitutionChoice institution=institution busy=busy
                    on_pick=move |()| ctx.send(Msg::ChooseInstitution(guid.clone())) /></li>
            }
        })
        .collect_view();
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::MdSharedTitle) />
            {problem(ctx, state)}
            {opening}
            <section class="cw-md-option">
                <h3 class="cw-subheading">{ctx.t(Key::MdSharedInstant)}</h3>
                <p class="cw-muted">{ctx.tf(Key::MdSharedInstantBody, &[("routing", &now.form.routing_number)])}</p>
                <ul class="cw-list" role="list">{tiles}</ul>
            </section>
            <section class="cw-md-option">
                <h3 class="cw-subheading">{ctx.t(Key::MdSharedManual)}</h3>
                <p class="cw-muted">{ctx.t(Key::MdSharedManualBody)}</p>
                <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::UseAccountNumbers)>
                    {ctx.t(Key::MdSharedManualButton)}
                </button>
            </section>
        </div>
    }
}
