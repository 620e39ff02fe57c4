//! The routing number, and the choice between instant institutions and
//! account numbers when the number belongs to institutions that verify instantly.

use super::{busy, md_field, problem, snapshot, MdState};
use crate::flow::microdeposits::{MdField, Msg};
use crate::i18n::Key;
use crate::views::dom::{el, El, Reader};
use crate::views::ui::{button, form, institution_choice, spinner, step, submit_button, Field};
use crate::views::Ctx;
use leptos::prelude::*;

pub fn routing_number(ctx: Ctx, state: MdState) -> El {
    let routing = RwSignal::new(snapshot(state).form.routing_number);
    let busy = busy(state);
    let field = Field {
        hint: Some(ctx.t(Key::MdRoutingHint)),
        inputmode: Some("numeric"),
        verbatim: true,
        ..md_field(ctx, state, MdField::RoutingNumber, "md-routing", Key::MdRoutingLabel, routing, busy.clone())
    };
    step(&ctx.t(Key::MdRoutingTitle), None).child(
        form(move || ctx.send(Msg::SubmitRouting(routing.get_untracked())))
            .attr("autocomplete", "off")
            .child(field.build())
            .child(problem(ctx, state))
            .child(submit_button(ctx.t(Key::MdContinue), ctx.t(Key::MdChecking), busy)),
    )
}

pub fn shared_routing(ctx: Ctx, state: MdState) -> El {
    let now = snapshot(state);
    let selecting = move || state.with(|s| s.as_ref().and_then(|s| s.selecting.clone()));
    let opening = move |guid: Option<String>| {
        let guid = guid?;
        let name = state.with_untracked(|s| {
            s.as_ref().and_then(|s| s.instant.iter().find(|i| i.guid == guid).map(|i| i.name.clone()))
        })?;
        Some(spinner(&ctx.tf(Key::SearchOpening, &[("name", &name)])))
    };
    let busy = Reader::derive(move || selecting().is_some());
    let tiles: Vec<El> = now
        .instant
        .iter()
        .map(|institution| {
            let guid = institution.guid.clone();
            el("li").child(institution_choice(institution, busy.clone(), None, move || {
                ctx.send(Msg::ChooseInstitution(guid.clone()))
            }))
        })
        .collect();
    step(&ctx.t(Key::MdSharedTitle), None)
        .child(problem(ctx, state))
        .switch(selecting, opening)
        .child(
            el("section")
                .class("cw-md-option")
                .child(el("h3").class("cw-subheading").text(&ctx.t(Key::MdSharedInstant)))
                .child(
                    el("p")
                        .class("cw-muted")
                        .text(&ctx.tf(Key::MdSharedInstantBody, &[("routing", &now.form.routing_number)])),
                )
                .child(el("ul").class("cw-list").attr("role", "list").child(tiles)),
        )
        .child(
            el("section")
                .class("cw-md-option")
                .child(el("h3").class("cw-subheading").text(&ctx.t(Key::MdSharedManual)))
                .child(el("p").class("cw-muted").text(&ctx.t(Key::MdSharedManualBody)))
                .child(button(
                    ctx,
                    "cw-button cw-secondary",
                    &ctx.t(Key::MdSharedManualButton),
                    Msg::UseAccountNumbers,
                )),
        )
}
