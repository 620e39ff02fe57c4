//! Institution search: popular list, debounced search, results with "more",
//! no-results and failure states.

use super::ui::{Alert, Heading, InstitutionChoice, Spinner};
use super::Ctx;
use crate::flow::{search::Msg, Listed, Results, SearchState, SearchView, Step};
use crate::i18n::Key;
use leptos::prelude::*;

/// "3 results for “bank”", also read out by the live region.
pub fn results_summary(ctx: &Ctx, r: &Results) -> String {
    let count = r.items.len().to_string();
    let key = match (r.items.len(), r.has_more) {
        (1, false) => Key::SearchResultsOne,
        (_, false) => Key::SearchResultsMany,
        (_, true) => Key::SearchResultsMore,
    };
    ctx.tf(key, &[("count", &count), ("query", &r.query)])
}

#[component]
pub fn SearchStep(ctx: Ctx) -> impl IntoView {
    let state = ctx.step_memo(|step| if let Step::Search(s) = step { Some(s.clone()) } else { None });
    let query = move || state.with(|s| s.as_ref().map(|s| s.query.clone()).unwrap_or_default());
    let input_id = ctx.dom_id("search");
    let hint_id = ctx.dom_id("search-hint");
    // The results area follows this: the state without the query, so typing alone (before the
    // debounced search starts) redraws nothing there.
    let listing =
        Memo::new(move |_| state.with(|s| s.as_ref().map(|s| SearchState { query: String::new(), ..s.clone() })));
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let clear = move |_| {
        ctx.send(Msg::Clear);
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            ctx.send(Msg::SearchNow);
        }
        "Escape" => ctx.send(Msg::Clear),
        _ => {}
    };
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::SearchTitle) />
            <div class="cw-search" role="search">
                <label class="cw-label" for=input_id.clone()>{ctx.t(Key::SearchLabel)}</label>
                <div class="cw-search-row">
                    <input
                        id=input_id
                        node_ref=input_ref
                        class="cw-input"
                        type="search"
                        inputmode="search"
                        autocomplete="off"
                        spellcheck="false"
                        enterkeyhint="search"
                        placeholder=ctx.t(Key::SearchPlaceholder)
                        aria-describedby=hint_id.clone()
                        prop:value=query
                        on:input=move |ev| ctx.send(Msg::Typed(event_target_value(&ev)))
                        on:keydown=on_keydown
                    />
                    <Show when=move || !query().is_empty()>
                        <button type="button" class="cw-icon-button" aria-label=ctx.t(Key::SearchClear) on:click=clear>
                            <span aria-hidden="true">"×"</span>
                        </button>
                    </Show>
                </div>
                <p class="cw-hint" id=hint_id>{ctx.t(Key::SearchHint)}</p>
            </div>
            {move || select_feedback(ctx, state.get())}
            <div class="cw-search-body">{move || body(ctx, listing.get())}</div>
        </div>
    }
}

fn select_feedback(ctx: Ctx, state: Option<SearchState>) -> Option<AnyView> {
    let s = state?;
    let name_of = |guid: &str| s.listed(guid).map(|i| i.name.clone()).unwrap_or_default();
    if let Some(guid) = &s.selecting {
        return Some(view! { <Spinner text=ctx.tf(Key::SearchOpening, &[("name", &name_of(guid))]) /> }.into_any());
    }
    s.select_failed
        .as_ref()
        .map(|guid| view! { <Alert text=ctx.tf(Key::SearchOpenFailed, &[("name", &name_of(guid))]) /> }.into_any())
}

fn body(ctx: Ctx, state: Option<SearchState>) -> AnyView {
    let Some(s) = state else { return ().into_any() };
    let busy = s.selecting.is_some();
    match s.view {
        SearchView::Popular => match (&s.popular, s.popular_failed) {
            (_, true) => view! {
                <div class="cw-notice">
                    <Alert text=ctx.t(Key::SearchPopularFailed) />
                    <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Retry)>{ctx.t(Key::CommonRetry)}</button>
                </div>
            }
            .into_any(),
            (None, false) => view! { <Spinner text=ctx.t(Key::SearchPopularLoading) /> }.into_any(),
            (Some(list), false) => {
                let items: Vec<Listed> = list
                    .iter()
                    .map(|i| Listed { unavailable: ctx.peek(|f| f.is_unavailable(i)).unwrap_or(false), institution: i.clone() })
                    .collect();
                view! {
                    <h3 class="cw-subheading">{ctx.t(Key::SearchPopular)}</h3>
                    <InstitutionList ctx=ctx items=items busy=busy />
                    {manual_entry(ctx)}
                }
                .into_any()
            }
        },
        SearchView::Loading => view! { <Spinner text=ctx.t(Key::SearchLoading) /> }.into_any(),
        SearchView::Results(r) => {
            let summary = results_summary(&ctx, &r);
            // The button stays while the next page loads (busy, like a submit button):
            // removing it would drop the focus of whoever pressed it to the page.
            let loading = r.loading_more;
            let more = r.has_more.then(|| {
                view! {
                    {r.load_more_failed.then(|| view! { <Alert text=ctx.t(Key::SearchMoreFailed) /> })}
                    <button type="button" class="cw-button cw-secondary" aria-disabled=loading.then_some("true")
                        on:click=move |_| if !loading { ctx.send(Msg::LoadMore) }>
                        {if loading { ctx.t(Key::SearchMoreLoading) } else { ctx.t(Key::SearchMore) }}
                    </button>
                }
            });
            view! {
                <p class="cw-muted cw-summary">{summary}</p>
                <InstitutionList ctx=ctx items=r.items.clone() busy=busy />
                {more}
                {account_numbers(ctx)}
                {manual_entry(ctx)}
            }
            .into_any()
        }
        SearchView::NoResults { query } => view! {
            <div class="cw-notice">
                <h3 class="cw-subheading">{ctx.tf(Key::SearchNoneTitle, &[("query", &query)])}</h3>
                <p>{ctx.t(Key::SearchNoneBody)}</p>
            </div>
            {account_numbers(ctx)}
            {manual_entry(ctx)}
        }
        .into_any(),
        SearchView::Failed { .. } => view! {
            <div class="cw-notice">
                <h3 class="cw-subheading">{ctx.t(Key::SearchFailedTitle)}</h3>
                <Alert text=ctx.t(Key::SearchFailedBody) />
                <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Retry)>{ctx.t(Key::CommonRetry)}</button>
            </div>
        }
        .into_any(),
    }
}

/// Verification mode: "Connect with account numbers" (microdeposits), when offered.
fn account_numbers(ctx: Ctx) -> Option<impl IntoView> {
    ctx.peek(|f| f.microdeposits_offered()).unwrap_or(false).then(|| {
        view! {
            <div class="cw-md-entry">
                <p class="cw-muted">{ctx.t(Key::MdEntryPrompt)}</p>
                <button type="button" class="cw-button cw-secondary"
                    on:click=move |_| ctx.send(crate::flow::microdeposits::Msg::Begin)>{ctx.t(Key::MdEntryButton)}</button>
            </div>
        }
    })
}

/// "Add an account manually", where the partner offers manual accounts.
fn manual_entry(ctx: Ctx) -> Option<impl IntoView> {
    ctx.peek(|f| f.manual_accounts_offered()).unwrap_or(false).then(|| {
        view! {
            <div class="cw-manual-entry">
                <p class="cw-muted">{ctx.t(Key::ManualAddHint)}</p>
                <button type="button" class="cw-button cw-secondary"
                    on:click=move |_| ctx.send(crate::flow::manual_account::Msg::Open)>{ctx.t(Key::ManualAdd)}</button>
            </div>
        }
    })
}

#[component]
fn InstitutionList(ctx: Ctx, items: Vec<Listed>, busy: bool) -> impl IntoView {
    view! {
        <ul class="cw-list" role="list">
            {items.into_iter().map(|l| view! { <li><InstitutionButton ctx=ctx listed=l busy=busy /></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn InstitutionButton(ctx: Ctx, listed: Listed, busy: bool) -> impl IntoView {
    let Listed { institution, unavailable } = listed;
    let guid = institution.guid.clone();
    view! {
        <InstitutionChoice institution=institution busy=busy on_pick=move |()| ctx.send(Msg::Select(guid.clone()))
            tag=unavailable.then(|| ctx.t(Key::SearchUnavailable)) />
    }
}
