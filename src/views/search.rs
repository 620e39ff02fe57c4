//! Institution search: popular list, debounced search, results with "more",
//! no-results and failure states.

use super::dom::{el, target_value, El};
use super::ui::{alert, heading, institution_choice, spinner};
use super::Ctx;
use crate::flow::{search::Msg, Listed, Results, SearchState, SearchView, Step};
use crate::i18n::Key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

pub fn search_step(ctx: Ctx) -> El {
    let state = ctx.step_memo(|step| if let Step::Search(s) = step { Some(s.clone()) } else { None });
    let query = move || state.with(|s| s.as_ref().map(|s| s.query.clone()).unwrap_or_default());
    let input_id = ctx.dom_id("search");
    let hint_id = ctx.dom_id("search-hint");
    // The results area follows this: the state without the query, so typing alone (before the
    // debounced search starts) redraws nothing there.
    let listing =
        Memo::new(move |_| state.with(|s| s.as_ref().map(|s| SearchState { query: String::new(), ..s.clone() })));
    let input = el("input")
        .id(&input_id)
        .class("cw-input")
        .attr("type", "search")
        .attr("inputmode", "search")
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .attr("enterkeyhint", "search")
        .attr("placeholder", &ctx.t(Key::SearchPlaceholder))
        .attr("aria-describedby", &hint_id)
        .prop_fn("value", move || query().into())
        .on("input", move |ev| ctx.send(Msg::Typed(target_value(&ev))))
        .on("keydown", move |ev| match ev.unchecked_ref::<web_sys::KeyboardEvent>().key().as_str() {
            "Enter" => {
                ev.prevent_default();
                ctx.send(Msg::SearchNow);
            }
            "Escape" => ctx.send(Msg::Clear),
            _ => {}
        });
    let field = input.element().unchecked_into::<web_sys::HtmlElement>();
    let clear = move || {
        let field = field.clone();
        el("button")
            .attr("type", "button")
            .class("cw-icon-button")
            .attr("aria-label", &ctx.t(Key::SearchClear))
            .on("click", move |_| {
                ctx.send(Msg::Clear);
                let _ = field.focus();
            })
            .child(el("span").attr("aria-hidden", "true").text("×"))
    };
    el("div")
        .class("cw-step")
        .child(heading(&ctx.t(Key::SearchTitle)))
        .child(
            el("div")
                .class("cw-search")
                .attr("role", "search")
                .child(el("label").class("cw-label").attr("for", &input_id).text(&ctx.t(Key::SearchLabel)))
                .child(el("div").class("cw-search-row").child(input).show(move || !query().is_empty(), clear))
                .child(el("p").class("cw-hint").id(&hint_id).text(&ctx.t(Key::SearchHint))),
        )
        .switch(move || state.get(), move |s| select_feedback(ctx, s))
        .child(el("div").class("cw-search-body").switch(move || listing.get(), move |s| body(ctx, s)))
}

fn select_feedback(ctx: Ctx, state: Option<SearchState>) -> Option<El> {
    let s = state?;
    let name_of = |guid: &str| s.listed(guid).map(|i| i.name.clone()).unwrap_or_default();
    if let Some(guid) = &s.selecting {
        return Some(spinner(&ctx.tf(Key::SearchOpening, &[("name", &name_of(guid))])));
    }
    s.select_failed.as_ref().map(|guid| alert(&ctx.tf(Key::SearchOpenFailed, &[("name", &name_of(guid))])))
}

fn body(ctx: Ctx, state: Option<SearchState>) -> Vec<Option<El>> {
    let Some(s) = state else { return Vec::new() };
    let busy = s.selecting.is_some();
    match s.view {
        SearchView::Popular => match (&s.popular, s.popular_failed) {
            (_, true) => vec![Some(
                el("div").class("cw-notice").child(alert(&ctx.t(Key::SearchPopularFailed))).child(secondary_button(
                    ctx,
                    Key::CommonRetry,
                    Msg::Retry,
                )),
            )],
            (None, false) => vec![Some(spinner(&ctx.t(Key::SearchPopularLoading)))],
            (Some(list), false) => {
                let items: Vec<Listed> = list
                    .iter()
                    .map(|i| Listed {
                        unavailable: ctx.peek(|f| f.is_unavailable(i)).unwrap_or(false),
                        institution: i.clone(),
                    })
                    .collect();
                vec![
                    Some(el("h3").class("cw-subheading").text(&ctx.t(Key::SearchPopular))),
                    Some(institution_list(ctx, items, busy)),
                    manual_entry(ctx),
                ]
            }
        },
        SearchView::Loading => vec![Some(spinner(&ctx.t(Key::SearchLoading)))],
        SearchView::Results(r) => {
            // The button stays while the next page loads (busy, like a submit button):
            // removing it would drop the focus of whoever pressed it to the page.
            let loading = r.loading_more;
            let more = r.has_more.then(|| {
                el("button")
                    .attr("type", "button")
                    .class("cw-button cw-secondary")
                    .attr_opt("aria-disabled", loading.then_some("true"))
                    .on("click", move |_| {
                        if !loading {
                            ctx.send(Msg::LoadMore)
                        }
                    })
                    .text(&ctx.t(if loading { Key::SearchMoreLoading } else { Key::SearchMore }))
            });
            vec![
                Some(el("p").class("cw-muted cw-summary").text(&results_summary(&ctx, &r))),
                Some(institution_list(ctx, r.items, busy)),
                (r.has_more && r.load_more_failed).then(|| alert(&ctx.t(Key::SearchMoreFailed))),
                more,
                account_numbers(ctx),
                manual_entry(ctx),
            ]
        }
        SearchView::NoResults { query } => vec![
            Some(
                el("div")
                    .class("cw-notice")
                    .child(el("h3").class("cw-subheading").text(&ctx.tf(Key::SearchNoneTitle, &[("query", &query)])))
                    .child(el("p").text(&ctx.t(Key::SearchNoneBody))),
            ),
            account_numbers(ctx),
            manual_entry(ctx),
        ],
        SearchView::Failed { .. } => vec![Some(
            el("div")
                .class("cw-notice")
                .child(el("h3").class("cw-subheading").text(&ctx.t(Key::SearchFailedTitle)))
                .child(alert(&ctx.t(Key::SearchFailedBody)))
                .child(secondary_button(ctx, Key::CommonRetry, Msg::Retry)),
        )],
    }
}

fn secondary_button(ctx: Ctx, label: Key, msg: Msg) -> El {
    el("button")
        .attr("type", "button")
        .class("cw-button cw-secondary")
        .on("click", move |_| ctx.send(msg.clone()))
        .text(&ctx.t(label))
}

/// Verification mode: "Connect with account numbers" (microdeposits), when offered.
fn account_numbers(ctx: Ctx) -> Option<El> {
    ctx.peek(|f| f.microdeposits_offered()).unwrap_or(false).then(|| {
        el("div").class("cw-md-entry").child(el("p").class("cw-muted").text(&ctx.t(Key::MdEntryPrompt))).child(
            el("button")
                .attr("type", "button")
                .class("cw-button cw-secondary")
                .on("click", move |_| ctx.send(crate::flow::microdeposits::Msg::Begin))
                .text(&ctx.t(Key::MdEntryButton)),
        )
    })
}

/// "Add an account manually", where the partner offers manual accounts.
fn manual_entry(ctx: Ctx) -> Option<El> {
    ctx.peek(|f| f.manual_accounts_offered()).unwrap_or(false).then(|| {
        el("div").class("cw-manual-entry").child(el("p").class("cw-muted").text(&ctx.t(Key::ManualAddHint))).child(
            el("button")
                .attr("type", "button")
                .class("cw-button cw-secondary")
                .on("click", move |_| ctx.send(crate::flow::manual_account::Msg::Open))
                .text(&ctx.t(Key::ManualAdd)),
        )
    })
}

fn institution_list(ctx: Ctx, items: Vec<Listed>, busy: bool) -> El {
    let rows: Vec<El> = items
        .into_iter()
        .map(|Listed { institution, unavailable }| {
            let guid = institution.guid.clone();
            let tag = unavailable.then(|| ctx.t(Key::SearchUnavailable));
            el("li").child(institution_choice(&institution, Signal::from(busy), tag, move || {
                ctx.send(Msg::Select(guid.clone()))
            }))
        })
        .collect();
    el("ul").class("cw-list").attr("role", "list").child(rows)
}
