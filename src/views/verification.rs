//! Verification mode's first step: the connections the user already has,
//! then "Search for another institution".

use super::dom::{children_of, el, El, IntoNode, Reader};
use super::ui::{alert, button, institution_choice, spinner, step};
use super::Ctx;
use crate::flow::verification::{ExistingMember, Msg};
use crate::flow::{ExistingState, Step};
use crate::i18n::Key;
use crate::model::Institution;
use crate::views::Slice;

pub fn verify_existing_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::VerifyExisting(e) = step { Some(e) } else { None });
    let can_search = ctx.peek(|f| f.search_allowed()).unwrap_or(false);
    // The list is rebuilt only when the members change: choosing one (or its failing) updates the
    // feedback and the buttons' busy state in place, so focus stays on the button pressed.
    let members = move || state.with(|s| s.as_ref().map(|s| (!s.loading()).then(|| s.members.clone())));
    step(&ctx.t(Key::VerifyExistingTitle), Some(&ctx.t(Key::VerifyExistingIntro)))
        .switch(members, move |members| body(ctx, state, members?))
        .child(
            can_search
                .then(|| button(ctx, "cw-button cw-secondary", &ctx.t(Key::VerifyExistingSearch), Msg::SearchInstead)),
        )
}

/// The name shown for a member: its institution's, else its own.
fn name_of(entry: &ExistingMember) -> String {
    entry
        .institution
        .as_ref()
        .map(|i| i.name.clone())
        .or_else(|| entry.member.name.clone())
        .unwrap_or_else(|| entry.member.guid.clone())
}

/// The spinner while the institutions load (`members` is `None`), then what is being opened or
/// failed, and the list.
fn body(ctx: Ctx, state: Slice<ExistingState>, members: Option<Vec<ExistingMember>>) -> Option<web_sys::Node> {
    let Some(members) = members else { return spinner(&ctx.t(Key::VerifyExistingLoading)).into_node() };
    // The names of the member being opened and of the one that failed.
    let names = move || {
        state.with(|s| {
            let s = s.as_ref()?;
            let find = |guid: &Option<String>| {
                guid.as_ref().and_then(|g| s.members.iter().find(|m| &m.member.guid == g)).map(name_of)
            };
            Some((find(&s.selecting), find(&s.failed)))
        })
    };
    let feedback = move |names: Option<(Option<String>, Option<String>)>| match names? {
        (Some(name), _) => Some(spinner(&ctx.tf(Key::VerifyExistingOpening, &[("name", &name)]))),
        (None, Some(name)) => Some(alert(&ctx.tf(Key::VerifyExistingFailed, &[("name", &name)]))),
        (None, None) => None,
    };
    let busy = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.selecting.is_some())));
    let rows: Vec<El> = members
        .into_iter()
        .map(|entry| {
            let name = name_of(&entry);
            let guid = entry.member.guid.clone();
            let institution =
                entry.institution.unwrap_or_else(|| Institution { guid: guid.clone(), name, ..Institution::default() });
            el("li").child(institution_choice(&institution, busy.clone(), None, move || {
                ctx.send(Msg::Choose(guid.clone()))
            }))
        })
        .collect();
    let holder = el("div")
        .switch(names, feedback)
        .child(el("h3").class("cw-subheading").text(&ctx.t(Key::VerifyExistingList)))
        .child(el("ul").class("cw-list").attr("role", "list").child(rows));
    Some(children_of(holder))
}
