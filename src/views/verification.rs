//! Verification mode's first step: the connections the user already has,
//! then "Search for another institution".

use super::ui::{Alert, Heading, InstitutionChoice, Spinner};
use super::Ctx;
use crate::flow::verification::{ExistingMember, Msg};
use crate::flow::{ExistingState, Step};
use crate::i18n::Key;
use crate::model::Institution;
use leptos::prelude::*;

#[component]
pub fn VerifyExistingStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::VerifyExisting(e) = step { Some(e.clone()) } else { None });
    let can_search = ctx.peek(|f| f.search_allowed()).unwrap_or(false);
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::VerifyExistingTitle) />
            <p class="cw-muted">{ctx.t(Key::VerifyExistingIntro)}</p>
            {move || body(ctx, state.get())}
            {can_search.then(|| view! {
                <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::SearchInstead)>
                    {ctx.t(Key::VerifyExistingSearch)}
                </button>
            })}
        </div>
    }
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

fn body(ctx: Ctx, state: Option<ExistingState>) -> AnyView {
    let Some(state) = state else { return ().into_any() };
    if state.loading() {
        return view! { <Spinner text=ctx.t(Key::VerifyExistingLoading) /> }.into_any();
    }
    let find = |guid: &Option<String>| {
        guid.as_ref().and_then(|g| state.members.iter().find(|m| &m.member.guid == g)).map(name_of)
    };
    let feedback = match (find(&state.selecting), find(&state.failed)) {
        (Some(name), _) => {
            Some(view! { <Spinner text=ctx.tf(Key::VerifyExistingOpening, &[("name", &name)]) /> }.into_any())
        }
        (None, Some(name)) => {
            Some(view! { <Alert text=ctx.tf(Key::VerifyExistingFailed, &[("name", &name)]) /> }.into_any())
        }
        (None, None) => None,
    };
    let busy = state.selecting.is_some();
    let rows = state
        .members
        .into_iter()
        .map(|entry| {
            let name = name_of(&entry);
            let guid = entry.member.guid.clone();
            let institution =
                entry.institution.clone().unwrap_or_else(|| Institution { guid: guid.clone(), name, ..Institution::default() });
            view! { <li><InstitutionChoice institution=institution busy=busy on_pick=move |()| ctx.send(Msg::Choose(guid.clone())) /></li> }
        })
        .collect_view();
    view! {
        {feedback}
        <h3 class="cw-subheading">{ctx.t(Key::VerifyExistingList)}</h3>
        <ul class="cw-list" role="list">{rows}</ul>
    }
    .into_any()
}
