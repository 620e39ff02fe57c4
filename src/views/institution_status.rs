//! Why the chosen institution can't be connected, before any credentials, and
//! what to do instead: another institution, checking again, its website, a
//! support request, or a manual account. There is always at least one.

use super::ui::{Alert, Heading, InstitutionBanner, Spinner};
use super::Ctx;
use crate::flow::institution_status::{Msg, Recheck};
use crate::flow::{manual_account, support, StatusCase, StatusState, Step};
use crate::i18n::Key;
use leptos::prelude::*;

fn texts(case: StatusCase) -> (Key, Key) {
    match case {
        StatusCase::BlockedForFees => (Key::StatusFeesTitle, Key::StatusFeesBody),
        StatusCase::UnavailablePerPartner => (Key::StatusPartnerTitle, Key::StatusPartnerBody),
        StatusCase::UnavailablePerAggregator => (Key::InstitutionUnavailableTitle, Key::InstitutionUnavailableBody),
    }
}

#[component]
pub fn InstitutionStatusStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::InstitutionStatus(s) = step { Some(s.clone()) } else { None });
    let case = Memo::new(move |_| state.with(|s| s.as_ref().map(|s| s.case)));
    let name = ctx.institution_name();
    let allowed = ctx.peek(|f| f.allowed());
    let search = allowed.is_some_and(|a| a.search);
    let website = allowed.is_some_and(|a| a.website);
    let support = allowed.is_some_and(|a| a.support);
    let manual = ctx.peek(|f| f.manual_accounts_offered()).unwrap_or(false);
    let recheck = move |s: &StatusState| ctx.peek(|f| f.recheck_offered(s)).unwrap_or(true);
    let status_name = name.clone();
    let progress = move || {
        let s = state.get()?;
        let name = status_name.clone();
        Some(match (s.checking, s.rechecked) {
            (true, _) => view! { <Spinner text=ctx.tf(Key::StatusRechecking, &[("name", &name)]) /> }.into_any(),
            (false, Some(Recheck::Failed)) => {
                view! { <Alert text=ctx.tf(Key::StatusRecheckFailed, &[("name", &name)]) /> }.into_any()
            }
            (false, Some(Recheck::Unchanged)) => {
                view! { <p role="status">{ctx.tf(Key::StatusStillUnavailable, &[("name", &name)])}</p> }.into_any()
            }
            (false, None) => ().into_any(),
        })
    };
    // The case can change when checking again: heading and text follow it.
    let heading_name = name.clone();
    let explanation = move || {
        case.get().map(|c| {
            let (title, body) = texts(c);
            view! {
                <Heading text=ctx.tf(title, &[("name", &heading_name)]) />
                <p>{ctx.tf(body, &[("name", &heading_name)])}</p>
            }
        })
    };
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            {explanation}
            {progress}
            <div class="cw-actions">
                {search.then(|| view! {
                    <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(crate::flow::Msg::Back)>{ctx.t(Key::InstitutionChooseAnother)}</button>
                })}
                {move || state.get().filter(|s| recheck(s)).map(|s| view! {
                    <button type="button" class="cw-button cw-secondary" aria-disabled=s.checking.then_some("true")
                        on:click=move |_| ctx.send(Msg::Recheck)>{ctx.t(Key::StatusRecheck)}</button>
                })}
                {manual.then(|| view! {
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(manual_account::Msg::Open)>{ctx.t(Key::ManualAdd)}</button>
                })}
                {website.then(|| view! {
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::VisitWebsite)>
                        {ctx.tf(Key::StatusActionVisitWebsite, &[("name", &ctx.institution_name())])}
                    </button>
                })}
                {support.then(|| view! {
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(support::Msg::Open)>{ctx.t(Key::StatusActionGetHelp)}</button>
                })}
            </div>
        </div>
    }
    .into_any()
}
