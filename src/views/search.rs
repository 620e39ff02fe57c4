//! Institution search: popular list, debounced search, results with "more",
//! no-results and failure states.

use super::dom::{children_of, el, target_value, El, Reader};
use super::ui::{alert, button, institution_choice, spinner, step};
use super::Ctx;
use crate::flow::{search::Msg, Listed, Results, SearchState, SearchView, Step};
use crate::i18n::Key;
use crate::views::Slice;
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
    let state = ctx.step_state(|step| if let Step::Search(s) = step { Some(s) } else { None });
    let query = move || state.with(|s| s.as_ref().map(|s| s.query.clone()).unwrap_or_default());
    let input_id = ctx.dom_id("search");
    let hint_id = ctx.dom_id("search-hint");
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
    step(&ctx.t(Key::SearchTitle), None)
        .child(
            el("div")
                .class("cw-search")
                .attr("role", "search")
                .child(el("label").class("cw-label").attr("for", &input_id).text(&ctx.t(Key::SearchLabel)))
                .child(el("div").class("cw-search-row").child(input).show(move || !query().is_empty(), clear))
                .child(el("p").class("cw-hint").id(&hint_id).text(&ctx.t(Key::SearchHint))),
        )
        .switch(move || state.with(|s| s.and_then(select_feedback)), move |f| feedback_view(ctx, f))
        .child(results_area(ctx, state))
}

/// What the step says about the institution tapped: being opened, or failed to open (by name).
#[derive(Clone, PartialEq)]
enum Feedback {
    Opening(String),
    OpenFailed(String),
}

fn select_feedback(s: &SearchState) -> Option<Feedback> {
    let name_of = |guid: &str| s.listed(guid).map(|i| i.name.clone()).unwrap_or_default();
    match (&s.selecting, &s.select_failed) {
        (Some(guid), _) => Some(Feedback::Opening(name_of(guid))),
        (None, Some(guid)) => Some(Feedback::OpenFailed(name_of(guid))),
        (None, None) => None,
    }
}

fn feedback_view(ctx: Ctx, feedback: Option<Feedback>) -> Option<El> {
    Some(match feedback? {
        Feedback::Opening(name) => spinner(&ctx.tf(Key::SearchOpening, &[("name", &name)])),
        Feedback::OpenFailed(name) => alert(&ctx.tf(Key::SearchOpenFailed, &[("name", &name)])),
    })
}

/// What the results area shows. It is rebuilt only when this changes: typing alone (before the
/// debounced search starts) redraws nothing there, and within one list what changes (the next
/// page, a row being opened) is updated in place, so the focused button keeps the focus.
#[derive(Clone, PartialEq, Default)]
enum Layout {
    #[default]
    Nothing,
    PopularFailed,
    PopularLoading,
    Popular,
    Loading,
    Results {
        query: String,
    },
    NoResults {
        query: String,
    },
    Failed,
}

fn layout(s: &SearchState) -> Layout {
    match &s.view {
        SearchView::Popular => match (&s.popular, s.popular_failed) {
            (_, true) => Layout::PopularFailed,
            (None, false) => Layout::PopularLoading,
            (Some(_), false) => Layout::Popular,
        },
        SearchView::Loading => Layout::Loading,
        SearchView::Results(r) => Layout::Results { query: r.query.clone() },
        SearchView::NoResults { query } => Layout::NoResults { query: query.clone() },
        SearchView::Failed { .. } => Layout::Failed,
    }
}

/// Read the results on screen, if the step shows results.
fn with_results<R: Default>(state: Slice<SearchState>, f: impl FnOnce(&Results) -> R) -> R {
    state.with(|s| match s.map(|s| &s.view) {
        Some(SearchView::Results(r)) => f(r),
        _ => R::default(),
    })
}

fn results_area(ctx: Ctx, state: Slice<SearchState>) -> El {
    let shown = move || state.with(|s| s.map_or(Layout::Nothing, layout));
    let busy = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.selecting.is_some())));
    let notice = move |title: Option<String>, text: Option<String>, retry: bool| {
        el("div")
            .class("cw-notice")
            .child(title.map(|t| el("h3").class("cw-subheading").text(&t)))
            .child(text.map(|t| alert(&t)))
            .child(retry.then(|| button(ctx, "cw-button cw-secondary", &ctx.t(Key::CommonRetry), Msg::Retry)))
    };
    // Each layout's parts, in a holder whose children go into the results area.
    let build = move |shown: Layout| -> El {
        let parts = el("div");
        match shown {
            Layout::Nothing => parts,
            Layout::PopularFailed => parts.child(notice(None, Some(ctx.t(Key::SearchPopularFailed)), true)),
            Layout::PopularLoading => parts.child(spinner(&ctx.t(Key::SearchPopularLoading))),
            Layout::Popular => {
                let items: Vec<Listed> = state.with_untracked(|s| {
                    s.iter()
                        .flat_map(|s| s.popular.iter().flatten())
                        .map(|i| Listed {
                            unavailable: ctx.peek(|f| f.is_unavailable(i)).unwrap_or(false),
                            institution: i.clone(),
                        })
                        .collect()
                });
                parts
                    .child(el("h3").class("cw-subheading").text(&ctx.t(Key::SearchPopular)))
                    .child(institution_list(ctx, items, busy.clone()))
                    .child(manual_entry(ctx))
            }
            Layout::Loading => parts.child(spinner(&ctx.t(Key::SearchLoading))),
            Layout::Results { .. } => {
                let more = |f: fn(&Results) -> bool| move || with_results(state, f);
                let loading = more(|r| r.loading_more);
                // The button stays while the next page loads (busy, like a submit button):
                // removing it would drop the focus of whoever pressed it to the page.
                let more_button = move || {
                    el("button")
                        .attr("type", "button")
                        .class("cw-button cw-secondary")
                        .attr_fn("aria-disabled", move || loading().then_some("true"))
                        .on("click", move |_| {
                            if !loading() {
                                ctx.send(Msg::LoadMore)
                            }
                        })
                        .text_fn(move || ctx.t(if loading() { Key::SearchMoreLoading } else { Key::SearchMore }))
                };
                let summary = move || with_results(state, |r| results_summary(&ctx, r));
                let busy = busy.clone();
                parts
                    .child(el("p").class("cw-muted cw-summary").text_fn(summary))
                    .switch(
                        move || with_results(state, |r| r.items.clone()),
                        move |items| institution_list(ctx, items, busy.clone()),
                    )
                    .show(more(|r| r.has_more && r.load_more_failed), move || alert(&ctx.t(Key::SearchMoreFailed)))
                    .show(more(|r| r.has_more), more_button)
                    .child(account_numbers(ctx))
                    .child(manual_entry(ctx))
            }
            Layout::NoResults { query } => {
                let title = ctx.tf(Key::SearchNoneTitle, &[("query", &query)]);
                parts
                    .child(notice(Some(title), None, false).child(el("p").text(&ctx.t(Key::SearchNoneBody))))
                    .child(account_numbers(ctx))
                    .child(manual_entry(ctx))
            }
            Layout::Failed => {
                let title = Some(ctx.t(Key::SearchFailedTitle));
                parts.child(notice(title, Some(ctx.t(Key::SearchFailedBody)), true))
            }
        }
    };
    el("div").class("cw-search-body").switch(shown, move |shown| children_of(build(shown)))
}

/// Verification mode: "Connect with account numbers" (microdeposits), when offered.
fn account_numbers(ctx: Ctx) -> Option<El> {
    ctx.peek(|f| f.microdeposits_offered()).unwrap_or(false).then(|| {
        el("div").class("cw-md-entry").child(el("p").class("cw-muted").text(&ctx.t(Key::MdEntryPrompt))).child(button(
            ctx,
            "cw-button cw-secondary",
            &ctx.t(Key::MdEntryButton),
            crate::flow::microdeposits::Msg::Begin,
        ))
    })
}

/// "Add an account manually", where the partner offers manual accounts.
fn manual_entry(ctx: Ctx) -> Option<El> {
    ctx.peek(|f| f.manual_accounts_offered()).unwrap_or(false).then(|| {
        el("div").class("cw-manual-entry").child(el("p").class("cw-muted").text(&ctx.t(Key::ManualAddHint))).child(
            button(ctx, "cw-button cw-secondary", &ctx.t(Key::ManualAdd), crate::flow::manual_account::Msg::Open),
        )
    })
}

fn institution_list(ctx: Ctx, items: Vec<Listed>, busy: Reader<bool>) -> El {
    let rows: Vec<El> = items
        .into_iter()
        .map(|Listed { institution, unavailable }| {
            let guid = institution.guid.clone();
            let tag = unavailable.then(|| ctx.t(Key::SearchUnavailable));
            el("li")
                .child(institution_choice(&institution, busy.clone(), tag, move || ctx.send(Msg::Select(guid.clone()))))
        })
        .collect();
    el("ul").class("cw-list").attr("role", "list").child(rows)
}
