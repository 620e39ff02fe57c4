//! Finding an institution: popular list, debounced search, paging, no results,
//! routing numbers, clearing, and hosts that fail while searching or opening one.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn heading_shown_on(options: &JsValue, element: &web_sys::Element, event: &str) -> JsValue;
    fn heading_was_shown(holder: &JsValue) -> Option<bool>;
}

// ---- Searching ----------------------------------------------------------------

// The first screen's host call is made while `mount` runs, before it returns, so the back-end's
// latency overlaps the first render; and the first thing rendered is that screen, not a placeholder.
// `connect/loaded` still comes once the widget is in the page.
#[wasm_bindgen_test]
async fn the_first_host_call_starts_before_mount_returns() {
    let api = host(json!({}));
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let element = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&element).expect("append");
    let holder = std::cell::RefCell::new(JsValue::NULL);
    let w = mount_patched_in(element.clone(), api.clone(), json!({"clientConfig": client_config()}), |options| {
        *holder.borrow_mut() = heading_shown_on(options, &element, "connect/loaded");
    });
    // Nothing awaited yet: no microtask has run since `mount` returned.
    assert_eq!(calls_to(&api, "loadPopularInstitutions").len(), 1, "{:?}", calls(&api));
    assert_eq!(w.heading(), "Find your bank");
    assert_eq!(heading_was_shown(&holder.borrow()), Some(true), "connect/loaded before the widget was in the page");
    w.until_button("MX Bank").await;
    w.unmount();
}

// One character searches nothing; typing fast runs one search (debounced) for the final text.
#[wasm_bindgen_test]
async fn search_needs_two_characters_and_is_debounced() {
    let w = mount_sandbox(json!({"timing": timing_with(json!({"searchDebounceMs": 120}))}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "M");
    sleep(300).await; // more than twice the debounce: a search, if any, would have started
    assert!(w.events_named("connect/institutionSearch").is_empty());
    assert!(w.text().contains("Popular institutions"), "one character keeps the popular list");
    for text in ["MX", "MX B", "MX Ba", "MX Ban", "MX Bank"] {
        w.type_into("Search for your bank", text);
        sleep(20).await; // typing speed, well under the debounce
    }
    w.until_results_for("MX Bank").await;
    assert_eq!(w.events_named("connect/institutionSearch"), [json!({"query": "MX Bank"})]);
    w.unmount();
}

// "Show more results" appends the next page, keeping what was there, and the live region reads the new count.
#[wasm_bindgen_test]
async fn show_more_results_appends_the_next_page() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "bank");
    w.until_button("Show more results").await;
    let first = w.listed_names();
    assert_eq!(first.len(), 25, "one page: {first:?}");
    assert_eq!(w.status_text(), "25 results shown for “bank”");
    w.click("Show more results");
    w.until("the second page", 3000, |m| m.listed_names().len() > 25).await;
    let both = w.listed_names();
    assert_eq!(&both[..25], &first[..], "the first page stays, in order");
    assert!(both[25..].iter().all(|n| !first.contains(n)), "the second page is new: {:?}", &both[25..]);
    let count = both.len().to_string();
    assert!(w.status_text().starts_with(&count), "the live region reads {count}: {:?}", w.status_text());
    assert_eq!(w.events_named("connect/institutionSearch").len(), 1, "paging is not a new search");
    w.unmount();
}

// A search with no hits says so (and announces it), rather than showing an empty list.
#[wasm_bindgen_test]
async fn no_results_state_is_shown_and_announced() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "zzqqxx");
    w.until("the no-results state", 3000, |m| m.text().contains("No results for “zzqqxx”")).await;
    assert_eq!(w.status_text(), "No results for “zzqqxx”");
    assert!(w.listed_names().is_empty(), "{:?}", w.listed_names());
    assert_eq!(w.pageviews().last().map(String::as_str), Some("/connect/aggregation/search/no_results"));
    w.unmount();
}

// Nine digits search by routing number: MX Bank's (docs/sandbox.md) finds MX Bank and MX Bank (OAuth).
#[wasm_bindgen_test]
async fn routing_number_search_finds_mx_bank() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "011411633");
    w.until_results_for("011411633").await;
    let names = w.listed_names();
    assert_eq!(&names[..2], ["MX Bank www.mxbank.example", "MX Bank (OAuth) www.mxbankoauth.example"], "{names:?}");
    assert_eq!(w.events_named("connect/institutionSearch"), [json!({"query": "011411633"})]);

    // And the host is asked with `routing_number`, not `search_name`.
    let api = host(json!({}));
    let h = mount_host(&api);
    h.until_button("MX Bank").await;
    h.type_into("Search for your bank", "011411633");
    h.until("routing-number results", 3000, |m| m.status_text().contains("1 result")).await;
    assert_eq!(
        calls_to(&api, "loadInstitutions"),
        [json!([{"routing_number": "011411633", "page": 1, "per_page": 25}])]
    );
    h.unmount();
    w.unmount();
}

// Clearing the search (the clear button, or deleting the text) brings the popular list back.
#[wasm_bindgen_test]
async fn clearing_the_search_returns_to_popular() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "Gringotts");
    w.until_results_for("Gringotts").await;
    w.click("Clear search");
    w.until("the popular list", 3000, |m| m.text().contains("Popular institutions")).await;
    assert_eq!(w.field("Search for your bank").value(), "");
    assert_eq!(w.status_text(), "");
    assert!(!w.has_button("Clear search"));

    w.type_into("Search for your bank", "Gringotts");
    w.until("results again", 3000, |m| m.status_text().contains("for “Gringotts”")).await;
    w.type_into("Search for your bank", "");
    w.until("the popular list again", 3000, |m| m.text().contains("Popular institutions")).await;
    assert_eq!(
        w.listed_names().first().map(String::as_str),
        Some("MX Bank www.mxbank.example"),
        "MX Bank leads the popular list"
    );
    w.unmount();
}

// ---- Failing hosts: a message, and a way forward --------------------------------

// A loadPopularInstitutions that throws synchronously must not blank the search step: alert, retry, go on.
#[wasm_bindgen_test]
async fn popular_list_that_throws_can_be_retried() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["throw"]}}));
    let w = mount_host(&api);
    w.until_alert("We couldn't load institutions").await;
    w.click("Try again");
    connect_from_popular(&w, "jane", "pw").await;
    assert_eq!(calls_to(&api, "loadPopularInstitutions").len(), 2);
    w.unmount();
}

// `42` instead of an institution list is a malformed answer, shown like any failure.
#[wasm_bindgen_test]
async fn popular_list_garbage_can_be_retried() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["garbage42"]}}));
    let w = mount_host(&api);
    w.until_alert("We couldn't load institutions").await;
    w.click("Try again");
    w.until_button("MX Bank").await;
    assert!(w.alerts().is_empty(), "{:?}", w.alerts());
    w.unmount();
}

// A search rejected with `{response: {status: 500}}` shows its failure state; retrying searches again.
#[wasm_bindgen_test]
async fn search_rejected_with_500_can_be_retried() {
    let api = host(json!({"faults": {"loadInstitutions": ["reject500"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "Grin");
    w.until_alert("Something went wrong while searching").await;
    assert!(w.text().contains("Search isn't working right now"));
    w.click("Try again");
    w.until_button("Gringotts").await;
    assert!(w.alerts().is_empty(), "{:?}", w.alerts());
    assert_eq!(w.events_named("connect/institutionSearch"), [json!({"query": "Grin"}), json!({"query": "Grin"})]);
    w.unmount();
}

// A garbage (then throwing) loadInstitutionByGuid keeps the user on search with a message; picking again works.
#[wasm_bindgen_test]
async fn selecting_an_institution_with_a_garbage_answer_can_be_retried() {
    let api = host(json!({"faults": {"loadInstitutionByGuid": ["garbage42", "throw"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_alert("We couldn't open MX Bank").await;
    assert!(w.heading().contains("Find your bank"));
    w.click("MX Bank");
    w.until("a second failure (a synchronous throw)", 3000, |m| {
        calls_to(&api, "loadInstitutionByGuid").len() == 2 && m.alerts().iter().any(|a| a.contains("couldn't open"))
    })
    .await;
    assert!(w.heading().contains("Find your bank"), "still on search after the second failure");
    connect_from_popular(&w, "jane", "pw").await;
    w.unmount();
}
