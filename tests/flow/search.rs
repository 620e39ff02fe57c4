//! Popular list, debounced search, paging, selection.

use crate::common::harness::*;
use connect_widget::flow::search::Msg;
use connect_widget::flow::{Effect, SearchState, SearchView, Step};
use connect_widget::host::{HostCall, HostError};
use serde_json::json;

fn results(h: &Harness) -> connect_widget::flow::Results {
    match h.flow.step() {
        Step::Search(SearchState { view: SearchView::Results(r), .. }) => r.clone(),
        other => panic!("{other:?}"),
    }
}

// On open the widget shows popular institutions and says it loaded on `search`.
#[test]
fn opens_on_search_with_popular_institutions() {
    let mut h = Harness::new();
    assert_eq!(h.step(), "search");
    assert_eq!(h.events()[0], ("connect/loaded", json!({"initial_step": "search"})));
    assert!(h
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Pageview { path, .. } if path == "/connect/aggregation/search/popular")));
    assert!(!h.effects.contains(&Effect::FocusHeading), "appearing does not steal the page's focus");
    h.reply("loadPopularInstitutions", Ok(json!({"institutions": [institution("INS-1", "MX Bank")]})));
    match h.flow.step() {
        Step::Search(s) => assert_eq!(s.popular.as_ref().map(Vec::len), Some(1)),
        other => panic!("{other:?}"),
    }
}

// Search runs only after a pause, only from 2 characters, and only for the latest text.
#[test]
fn search_is_debounced_and_needs_two_characters() {
    let mut h = Harness::new();
    h.effects.clear();
    h.send(Msg::Typed("m".into()));
    assert!(!h.has_timer(), "1 character does not search");
    h.send(Msg::Typed("mx".into()));
    let first_timer = match h.effects.last() {
        Some(Effect::Timer { token, after_ms: 5 }) => *token,
        other => panic!("{other:?}"),
    };
    h.send(Msg::Typed("mx b".into()));
    // The first timer is stale now: firing it does nothing.
    h.effects.clear();
    h.send(connect_widget::flow::Msg::TimerFired { token: first_timer });
    assert!(h.effects.is_empty());
    h.send(Msg::Typed("mx ba".into()));
    h.fire_timer();
    assert_eq!(h.events(), vec![("connect/institutionSearch", json!({"query": "mx ba"}))]);
    match h.call("loadInstitutions").1 {
        HostCall::LoadInstitutions(q) => {
            assert_eq!(q.search_name.as_deref(), Some("mx ba"));
            assert_eq!(q.page, 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Loading, .. })));
}

// Nine digits search by routing number (as the reference does).
#[test]
fn nine_digits_search_by_routing_number() {
    let mut h = Harness::new();
    h.send(Msg::Typed("123456789".into()));
    h.send(Msg::SearchNow);
    match h.call("loadInstitutions").1 {
        HostCall::LoadInstitutions(q) => {
            assert_eq!(q.routing_number.as_deref(), Some("123456789"));
            assert_eq!(q.search_name, None);
        }
        other => panic!("{other:?}"),
    }
}

// Results page, "load more" appends the next page, a short page ends paging.
#[test]
fn results_page_and_load_more() {
    let mut h = Harness::new();
    h.send(Msg::Typed("bank".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(json!([institution("INS-1", "A Bank"), institution("INS-2", "B Bank")])));
    assert!(results(&h).has_more, "a full page may have more");
    assert!(h.effects.iter().any(
        |e| matches!(e, Effect::Pageview { path, data } if path == "/connect/aggregation/search/searched" && data["search_term"] == "bank")
    ));
    h.send(Msg::LoadMore);
    match h.call("loadInstitutions").1 {
        HostCall::LoadInstitutions(q) => assert_eq!(q.page, 2),
        other => panic!("{other:?}"),
    }
    assert!(results(&h).loading_more);
    h.reply("loadInstitutions", Ok(json!({"institutions": [institution("INS-3", "C Bank")]})));
    let r = results(&h);
    assert_eq!(r.items.len(), 3);
    assert!(!r.has_more && !r.loading_more);
    assert!(h.events().is_empty(), "load more is not a new search");
}

// A failed "show more" keeps the results and says so.
#[test]
fn failed_load_more_keeps_the_results() {
    let mut h = Harness::new();
    h.send(Msg::Typed("bank".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(json!([institution("INS-1", "A Bank"), institution("INS-2", "B Bank")])));
    h.send(Msg::LoadMore);
    h.reply("loadInstitutions", Err(rejected(500, json!(null))));
    let r = results(&h);
    assert_eq!(r.items.len(), 2);
    assert!(r.load_more_failed && !r.loading_more);
}

// No results and a failed search each have their own view; retry searches again.
#[test]
fn no_results_and_failed_search() {
    let mut h = Harness::new();
    h.send(Msg::Typed("zzzz".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(json!([])));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::NoResults { .. }, .. })));
    h.send(Msg::Typed("zzzzz".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Failed { .. }, .. })));
    h.effects.clear();
    h.send(Msg::Retry);
    assert!(h.has_call("loadInstitutions"));
    h.send(Msg::Clear);
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Popular, .. })));
}

// A list that cannot be read is a failed search, not an empty one.
#[test]
fn unreadable_results_are_a_failure_with_a_console_warning() {
    let mut h = Harness::new();
    h.send(Msg::Typed("bank".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(json!({"oops": true})));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Failed { .. }, .. })));
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Warn(w) if w.contains("loadInstitutions"))));
}

// A popular list that fails to load can be retried.
#[test]
fn popular_failure_is_retryable() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Err(HostError::TimedOut { callback: "loadPopularInstitutions", after_ms: 10 }));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { popular_failed: true, .. })));
    h.send(Msg::Retry);
    assert!(h.has_call("loadPopularInstitutions"));
}

// Picking an institution tells the host, loads its full record, then asks for credentials.
#[test]
fn selecting_an_institution_opens_credentials() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(Msg::Select("INS-1".into()));
    assert_eq!(
        h.events(),
        vec![(
            "connect/selectedInstitution",
            json!({"code": "mx_bank", "guid": "INS-1", "name": "MX Bank", "url": "https://bank.example"})
        )]
    );
    h.reply("loadInstitutionByGuid", Ok(json!({"institution": institution("INS-1", "MX Bank")})));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.events(), vec![("connect/stepChange", json!({"previous": "search", "current": "enterCreds"}))]);
    assert!(h.effects.contains(&Effect::FocusHeading), "a step change moves focus to its heading");
    assert!(
        matches!(h.call("getInstitutionCredentials").1, HostCall::GetInstitutionCredentials { ref institution_guid } if institution_guid == "INS-1")
    );
}

// A second tap while an institution is opening opens the one tapped last (the
// first tap's answer is ignored); tapping the same one again sends nothing more.
#[test]
fn a_second_tap_opens_the_institution_tapped_last() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank"), institution("INS-2", "B Bank")])));
    h.send(Msg::Select("INS-1".into()));
    let (first, _) = h.call("loadInstitutionByGuid");
    h.effects.clear();
    h.send(Msg::Select("INS-1".into()));
    assert!(h.effects.is_empty(), "the same tap twice: {:?}", h.effects);
    h.send(Msg::Select("INS-2".into()));
    assert_eq!(h.event_names(), vec!["connect/selectedInstitution"]);
    assert_eq!(h.events()[0].1["guid"], "INS-2");
    let (second, call) = h.call("loadInstitutionByGuid");
    assert!(matches!(call, HostCall::LoadInstitutionByGuid { ref guid } if guid == "INS-2"));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { selecting: Some(ref g), .. }) if g == "INS-2"));
    h.answer(first, Ok(institution("INS-1", "MX Bank")));
    assert_eq!(h.step(), "search", "the first tap's late answer is ignored");
    h.answer(second, Ok(institution("INS-2", "B Bank")));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.flow.institution.as_ref().map(|i| i.guid.as_str()), Some("INS-2"));
}

// Enter pressed again and again sends one search, not one per press; a new text searches again.
#[test]
fn repeated_enter_sends_one_search() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([])));
    h.send(Msg::Typed("mx bank".into()));
    h.effects.clear();
    for _ in 0..10 {
        h.send(Msg::SearchNow);
    }
    let searches = h
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::Call { call, .. } if call.name() == "loadInstitutions"))
        .count();
    assert_eq!(searches, 1);
    assert_eq!(h.event_names(), vec!["connect/institutionSearch"]);
    h.reply("loadInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(Msg::SearchNow);
    assert!(!h.has_call("loadInstitutions"), "the results for this text are shown already");
    h.send(Msg::Typed("mx banks".into()));
    h.send(Msg::SearchNow);
    assert!(h.has_call("loadInstitutions"));
}

// Picking an institution while the search pause runs cancels that search: no
// `institutionSearch` after `selectedInstitution` (a reference quirk).
#[test]
fn selecting_cancels_the_pending_search() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(Msg::Typed("mx".into()));
    assert!(h.has_timer());
    h.send(Msg::Select("INS-1".into()));
    h.fire_timer();
    assert!(h.event_names().is_empty(), "{:?}", h.event_names());
    assert!(!h.has_call("loadInstitutions"));
}

// Shortening the text under 2 characters while a search runs leaves no endless spinner
// (found by the fault sessions).
#[test]
fn shortening_the_text_while_searching_shows_the_popular_list() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(Msg::Typed("mx".into()));
    h.send(Msg::SearchNow);
    h.send(Msg::Typed("m".into()));
    assert_eq!(h.flow.pending_count(), 0, "the search for \"mx\" is forgotten");
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Popular, .. })));
}

// A host answering far more than `per_page` institutions has only `per_page` of them shown.
#[test]
fn oversized_answers_are_cut_to_a_page() {
    let many: Vec<_> = (0..20_000).map(|i| institution(&format!("INS-{i}"), &format!("Bank {i}"))).collect();
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!(many.clone())));
    assert!(matches!(h.flow.step(), Step::Search(s) if s.popular.as_ref().map(Vec::len) == Some(2)));
    h.send(Msg::Typed("bank".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(json!(many)));
    assert_eq!(results(&h).items.len(), 2);
    assert!(results(&h).has_more);
}

// A selection that fails to load stays on search with a message, not silently (a reference quirk).
#[test]
fn failed_selection_is_reported() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h.send(Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Err(rejected(500, json!(null))));
    assert!(
        matches!(h.flow.step(), Step::Search(SearchState { select_failed: Some(ref g), selecting: None, .. }) if g == "INS-1")
    );
}

// Unavailable institutions (status 3, client-blocked, host list) explain before any credentials.
#[test]
fn unavailable_institutions_explain_first() {
    let down = {
        let mut i = institution("INS-9", "Down Bank");
        i["status"] = json!(3);
        i
    };
    let off = {
        let mut i = institution("INS-9", "Off Bank");
        i["is_disabled_by_client"] = json!(true);
        i
    };
    for inst in [down, off, institution("INS-9", "Blocked Bank")] {
        let mut h = Harness::new();
        h.reply("loadPopularInstitutions", Ok(json!([inst.clone()])));
        h.send(Msg::Select("INS-9".into()));
        h.reply("loadInstitutionByGuid", Ok(inst));
        assert_eq!(h.step(), "institutionStatusDetails");
        assert!(!h.has_call("getInstitutionCredentials"));
        h.effects.clear();
        h.send(connect_widget::flow::Msg::Back);
        assert_eq!(h.step(), "search");
        assert_eq!(h.event_names(), vec!["connect/backToSearch", "connect/stepChange"]);
    }
}

// Only a web address is shown as the bank's website under its name: never a
// `javascript:` or `data:` URL's text.
#[test]
fn non_web_institution_urls_are_not_shown_as_websites() {
    let mut h = Harness::new();
    let mut evil = institution("INS-1", "Evil Bank");
    evil["url"] = json!("javascript:alert(document.domain)//www.bank.example");
    let mut data = institution("INS-2", "Data Bank");
    data["url"] = json!("data:text/html,<script>alert(1)</script>");
    h.reply("loadPopularInstitutions", Ok(json!([evil, institution("INS-3", "Good Bank")])));
    h.send(Msg::Typed("bank".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(json!([data])));
    let Step::Search(s) = h.flow.step() else { panic!("{:?}", h.flow.step()) };
    let hosts: Vec<Option<String>> =
        ["INS-1", "INS-2", "INS-3"].iter().map(|g| s.listed(g).and_then(|i| i.display_host())).collect();
    assert_eq!(hosts, vec![None, None, Some("bank.example".to_string())]);
}
