//! Accessibility defects, one test each (reflow, focus, contrast, the dialog,
//! picture labels, forced colours, logo initials, colour scheme, announcements),
//! and a keyboard-only run of the main flow. Every screen any browser test
//! reaches is also audited by `Mounted::audit` (axe-core, reflow, 200 % text).

use crate::common::browser::*;
use crate::partner::{computed, contrast_of, set_style};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn live_overflow(host: &Element, what: &str) -> Vec<String>;
    fn focus_in_widget(host: &Element) -> bool;
    fn press_enter(el: &Element);
    fn rect_of(el: &Element) -> Vec<f64>;
    fn viewport() -> Vec<f64>;
    fn inner_text(el: &Element) -> String;
    fn pseudo_rules(host: &Element, el: &Element, pseudo: &str) -> Vec<String>;
    fn forced_colour_rules(host: &Element) -> JsValue;
    fn brand_host(colours: &JsValue) -> JsValue;
    fn press_tab(host: &Element, shift: bool) -> String;
    fn press_activate(host: &Element);
    fn focused_name(host: &Element) -> String;
    fn type_focused(host: &Element, text: &str);
    fn break_screen(host: &Element);
}

/// Press `name` as a keyboard user does: focus it, then activate it.
fn press(w: &Mounted, name: &str) {
    let button = w.button(name);
    button.focus().expect("focus");
    button.click();
}

/// Fail unless focus stays inside the widget for `ms` and after.
async fn focus_stays_inside(w: &Mounted, what: &str, ms: u32) {
    let start = connect_widget::host::js::now_ms();
    while connect_widget::host::js::now_ms() - start < f64::from(ms) {
        sleep(5).await;
        assert!(focus_in_widget(&w.host), "{what}: focus left the widget (heading {:?})", w.heading());
    }
}

fn root_of(w: &Mounted) -> Element {
    query_all(&w.root(), ".cw-root").into_iter().next().expect("the widget's container")
}

// ---- The audit itself ----------------------------------------------------------------

// The audit that runs on every screen (`Mounted::audit`) finds what it must: a picture without
// alt text and faint text (axe-core, in both themes), and a line wider than 320 px.
#[wasm_bindgen_test]
async fn the_screen_audit_finds_real_defects() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    break_screen(&w.host);
    let findings = w.audit_findings("a deliberately broken screen").await;
    let has = |text: &str| findings.iter().any(|f| f.contains(text));
    assert!(has("axe image-alt (light)") && has("axe image-alt (dark)"), "{findings:#?}");
    assert!(has("axe color-contrast (light)"), "{findings:#?}");
    assert!(has("reaches past the 320px edge"), "{findings:#?}");
    w.unmount();
}

// ---- Reflow (1.4.10) and text size (1.4.4) ----------------------------------------

// At 320 px, and at 200 % text, institution web addresses wrap inside their buttons.
#[wasm_bindgen_test]
async fn institution_addresses_wrap_at_320_px_and_200_percent_text() {
    let w = mount_sandbox(json!({}));
    set_style(&w.host, "width", "320px");
    w.until_button("MX Bank").await;
    assert_eq!(live_overflow(&w.host, "popular, 320 px"), Vec::<String>::new());
    w.type_into("Search for your bank", "bank of");
    w.until_results_for("bank of").await;
    assert_eq!(live_overflow(&w.host, "results, 320 px"), Vec::<String>::new());
    set_style(&w.host, "--cw-font-size", "200%");
    assert_eq!(live_overflow(&w.host, "results, 200 % text"), Vec::<String>::new());
    w.unmount();
}

// ---- Focus never falls to <body> (2.4.3) ------------------------------------------

// "Show more results" keeps focus (it is busy while the page loads) and the live region says so.
#[wasm_bindgen_test]
async fn show_more_results_keeps_focus_and_announces_loading() {
    let w = mount_sandbox(json!({"timing": timing_with(json!({"sandboxLatencyMs": 150}))}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "bank");
    w.until_button("Show more results").await;
    press(&w, "Show more results");
    w.until("the loading announcement", 1000, |m| m.status_text() == "Loading more results…").await;
    assert!(focus_in_widget(&w.host), "focus stays while loading");
    w.until("the second page", 3000, |m| m.listed_names().len() > 25).await;
    focus_stays_inside(&w, "after the second page", 50).await;
    assert_eq!(w.focused().map(|f| accessible_name(&f)).as_deref(), Some("Show more results"));
    w.unmount();
}

// "Try again" in the popular-failed, search-failed, login-form-failed and connection-lost notices.
#[wasm_bindgen_test]
async fn try_again_keeps_focus_in_the_widget() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["throw"], "loadInstitutions": ["reject500"],
        // The login fields fail twice: asked for at the tap, then again when the form opens.
        "getInstitutionCredentials": ["reject500", "reject500"], "loadMemberByGuid": ["never", "reject500", "garbage42"]}}));
    let w = mount_host(&api);
    w.until_alert("We couldn't load institutions").await;
    press(&w, "Try again");
    focus_stays_inside(&w, "popular list retried", 60).await;
    w.until_button("MX Bank").await;

    w.type_into("Search for your bank", "Grin");
    w.until_alert("Something went wrong while searching").await;
    press(&w, "Try again");
    focus_stays_inside(&w, "search retried", 60).await;
    w.until_button("Gringotts").await;

    w.type_into("Search for your bank", "");
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_alert("We couldn't load the login form").await;
    press(&w, "Try again");
    focus_stays_inside(&w, "login form retried", 60).await;
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;

    log_in(&w, "jane", "pw");
    w.until_alert("We're not getting a response right now").await;
    press(&w, "Try again");
    focus_stays_inside(&w, "connection retried", 60).await;
    w.until_heading("You're connected").await;
    w.unmount();
}

// Keeping focus in the widget never takes it back from the page: a user who moved on to a field
// of the partner's page right after pressing "Try again" stays there.
#[wasm_bindgen_test]
async fn focus_moved_to_the_page_is_left_there() {
    let api = host(json!({"faults": {"loadPopularInstitutions": ["throw"]}}));
    let w = mount_host(&api);
    w.until_alert("We couldn't load institutions").await;
    press(&w, "Try again");
    let page_field = focused_page_input();
    sleep(100).await; // past the next frames, when the widget checks focus again
    assert!(is_document_focus(&page_field), "the page's field keeps focus");
    page_field.remove();
    w.unmount();
}

// Enter in a field submits; while the request runs and after it fails, focus stays in the widget.
#[wasm_bindgen_test]
async fn enter_in_a_field_keeps_focus_while_the_request_runs_and_fails() {
    let api = host(json!({"faults": {"addMember": ["never"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    w.type_into("Username", "jane");
    w.type_into("Password", "pw");
    let password = w.field("Password");
    password.focus().expect("focus");
    press_enter(&password);
    w.until("the submit to start", 1000, |_| !calls_to(&api, "addMember").is_empty()).await;
    focus_stays_inside(&w, "while addMember runs", 60).await;
    w.until("the timeout alert", 3000, |m| !m.alerts().is_empty()).await;
    focus_stays_inside(&w, "after addMember timed out", 30).await;
    w.unmount();
}

// In the disconnect dialog, Enter on a reason submits; focus stays in the dialog while the
// delete runs (the reasons are disabled) and after it fails (timed out).
#[wasm_bindgen_test]
async fn enter_in_the_disconnect_dialog_keeps_focus_in_the_dialog() {
    let h = member_host(&gringotts_member("CLOSED"));
    set_host(&h, "deleteHang", &JsValue::TRUE);
    let w = mount_on_member(&h, json!({}));
    w.until_heading("This connection is closed").await;
    press(&w, "Disconnect Gringotts");
    w.until("the dialog", 2000, |m| !m.by_role("dialog").is_empty()).await;
    w.choose_exactly("I don't want to share this data");
    let reason: HtmlElement =
        w.radios().into_iter().find(|(_, r)| r.checked()).map(|(_, r)| r.unchecked_into()).expect("a chosen reason");
    reason.focus().expect("focus");
    press_enter(&reason);
    w.until("the delete to start", 1000, |_| fake_host_calls(&h).iter().any(|c| c == "deleteMember")).await;
    focus_stays_inside(&w, "while the delete runs", 60).await;
    w.until_alert("We couldn't disconnect Gringotts").await;
    focus_stays_inside(&w, "after the failed delete", 30).await;
    let dialog = w.by_role("dialog").into_iter().next().expect("the dialog stays open");
    let focused = w.focused().expect("focus in the widget");
    assert!(dialog.contains(Some(&focused)), "focus is in the dialog, on {:?}", accessible_name(&focused));
    w.unmount();
}

// ---- Contrast: field borders (1.4.11), logo initials (1.4.3) ------------------------------

#[wasm_bindgen_test]
async fn text_field_borders_reach_3_to_1_in_light_and_dark() {
    for scheme in ["light", "dark"] {
        let w = mount_sandbox(json!({"clientConfig": {"color_scheme": scheme}}));
        w.until_button("MX Bank").await;
        let field = w.field("Search for your bank");
        let (border, background) = (computed(&field, "border-top-color"), computed(&root_of(&w), "background-color"));
        assert!(contrast_of(&border, &background) >= 3.0, "{scheme}: border {border} on {background}");
        w.unmount();
    }
}

#[wasm_bindgen_test]
async fn logo_initials_reach_4_5_to_1_on_any_brand_colour() {
    let w = mount_with(brand_host(&json(&json!(["#ffd500", "#7fd8ff", "#0b3d91", "#e31837", "#9ad0ec"]))), json!({}));
    w.until_button("Colour Bank 4").await;
    let badges = query_all(&w.root(), ".cw-logo-initials");
    assert_eq!(badges.len(), 5);
    for badge in badges {
        let (fill, ink) = (computed(&badge, "background-color"), computed(&badge, "color"));
        assert!(contrast_of(&fill, &ink) >= 4.5, "initials {ink} on {fill}");
    }
    w.unmount();
}

// ---- The disconnect dialog on a short step ------------------------------------------------

#[wasm_bindgen_test]
async fn disconnect_dialog_is_whole_and_dims_the_whole_viewport() {
    let h = member_host(&gringotts_member("CLOSED"));
    let w = mount_on_member(&h, json!({}));
    w.until_heading("This connection is closed").await;
    press(&w, "Disconnect Gringotts");
    w.until("the dialog", 2000, |m| !m.by_role("dialog").is_empty()).await;
    let size = viewport();
    let scrim = query_all(&w.root(), ".cw-scrim").into_iter().next().expect("the dimmed backdrop");
    let s = rect_of(&scrim);
    assert!(s[0] <= 0.0 && s[1] <= 0.0 && s[2] >= size[0] && s[3] >= size[1], "dims the viewport: {s:?} {size:?}");
    let cancel = w.exact_button("Cancel");
    cancel.scroll_into_view();
    let c = rect_of(&cancel);
    assert!(c[1] >= s[1] && c[3] <= s[3] && c[3] <= size[1], "Cancel is visible: {c:?} in {s:?}");
    w.unmount();
}

// ---- Picture MFA options show their labels ------------------------------------------------

#[wasm_bindgen_test]
async fn picture_choices_have_visible_labels() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "image_options");
    w.until("the picture choices", 3000, |m| m.radios().len() > 1).await;
    for (name, radio) in w.radios() {
        let label = query_all(&w.root(), &format!("label[for=\"{}\"]", radio.id())).into_iter().next().expect("label");
        let shown = inner_text(&label);
        assert!(!shown.trim().is_empty() && name.contains(shown.trim()), "label {name:?} is shown: {shown:?}");
    }
    w.unmount();
}

// ---- Forced colours ---------------------------------------------------------------------

// Chromium emulates forced colours only through DevTools, out of this runner's reach: this
// proves the rules are there (system colours, forced-color-adjust), not how they render.
#[wasm_bindgen_test]
async fn forced_colour_rules_cover_progress_radios_toggle_and_spinner() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    let rules = as_pairs(&forced_colour_rules(&w.host));
    let has = |selector: &str, wanted: &[&str]| {
        rules.iter().any(|(s, css)| s.contains(selector) && wanted.iter().all(|w| css.contains(w)))
    };
    assert!(has(".cw-progress-fill", &["forced-color-adjust: none", "highlight"]), "progress fill: {rules:?}");
    assert!(has(".cw-radio:checked + label::before", &["forced-color-adjust: none", "highlight"]), "radio dot");
    assert!(has(".cw-toggle[aria-pressed=\"true\"]", &["forced-color-adjust: none", "highlighttext"]), "toggle");
    assert!(has(".cw-spinner-dot", &["forced-color-adjust: none", "highlight"]), "spinner");
    w.unmount();
}

fn as_pairs(v: &JsValue) -> Vec<(String, String)> {
    connect_widget::host::js::js_to_json(v).ok().and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default()
}

// ---- Colour scheme and the native search "×" ---------------------------------------------

#[wasm_bindgen_test]
async fn dark_theme_sets_color_scheme_and_hides_the_native_search_clear() {
    let w = mount_sandbox(json!({"clientConfig": {"color_scheme": "dark"}}));
    w.until_button("MX Bank").await;
    assert_eq!(computed(&root_of(&w), "color-scheme"), "dark");
    w.type_into("Search for your bank", "MX");
    w.until_button("Clear search").await;
    let field = w.field("Search for your bank");
    let rules = pseudo_rules(&w.host, &field, "::-webkit-search-cancel-button");
    assert!(rules.iter().any(|css| css.contains("display: none")), "the native clear is hidden: {rules:?}");
    w.unmount();
}

// ---- Status messages (4.1.3) ----------------------------------------------------------------

#[wasm_bindgen_test]
async fn opening_an_institution_is_announced() {
    let api = host(json!({"faults": {"loadInstitutionByGuid": ["never"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until("the opening announcement", 1000, |m| m.status_text() == "Opening MX Bank…").await;
    w.unmount();
}

// "Request sent" is read by the live region that was already there, not by a status inserted filled.
#[wasm_bindgen_test]
async fn request_sent_is_announced_by_the_live_region() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "status:LOCKED");
    w.until_button("Get help").await;
    w.exact_button("Get help").click();
    w.until_heading("Request support").await;
    let live = query_all(&w.root(), "[role=status][aria-live]").into_iter().next().expect("the live region");
    w.type_into("Your email address", "me@example.com");
    w.type_into("Subject", "Can't connect");
    fire_input(&w.find("textbox", "What").expect("the message field"), "It fails.");
    w.click("Send request");
    w.until_heading("Request sent").await;
    assert!(live.is_connected(), "the same live region");
    assert_eq!(live.text_content().unwrap_or_default(), "Thanks. We'll reply to me@example.com.");
    assert_eq!(query_all(&w.root(), "[role=status]").len(), 1, "no second status, inserted filled");
    w.unmount();
}

// ---- Keyboard only (2.1.1, 2.4.3) -------------------------------------------------------------

// The main flow by Tab, typing and Enter alone: search, pick, log in, connected, Done.
// Focus is checked every few milliseconds: never on <body> while the widget is in use.
#[wasm_bindgen_test]
async fn keyboard_only_main_flow() {
    let w = mount_sandbox(json!({"timing": syncing_timing()}));
    w.until_button("MX Bank").await;
    let tab_to = |name: &str| {
        for _ in 0..80 {
            if press_tab(&w.host, false).contains(name) {
                return;
            }
        }
        panic!("Tab never reaches {name:?}");
    };
    tab_to("Search for your bank");
    type_focused(&w.host, "MX Bank");
    w.until_results_for("MX Bank").await;
    tab_to("MX Bank");
    press_activate(&w.host);
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    focus_stays_inside(&w, "login form", 20).await;
    tab_to("Username");
    type_focused(&w.host, "test_atrium");
    tab_to("Password");
    type_focused(&w.host, "password");
    press_activate(&w.host);
    let start = connect_widget::host::js::now_ms();
    while !w.heading().contains("You're connected") {
        assert!(connect_widget::host::js::now_ms() - start < 5000.0, "never connected: {:?}", w.heading());
        assert!(focus_in_widget(&w.host), "focus left the widget on {:?}", w.heading());
        sleep(5).await;
    }
    w.until_heading_focused().await;
    tab_to("Done");
    assert_eq!(focused_name(&w.host), "Done");
    press_activate(&w.host);
    w.until_event("connect/memberConnected").await;
    w.unmount();
}

// The polite live region is written only when what it says changes. A change of state that leaves its words as they
// are (here the first keystroke in the login form, reported to analytics) does not write it again: a screen reader
// may read a rewritten region out a second time.
#[wasm_bindgen_test]
async fn the_live_region_is_not_written_again_with_the_same_words() {
    let w = mount_sandbox(json!({}));
    open_mx_bank(&w).await;
    sleep(200).await;
    let region = query_all(&w.root(), "[role=status][aria-live]").into_iter().next().expect("the live region");
    let watch = watch_mutations(&region);
    w.type_into("Username", "test_atrium");
    w.until("the first keystroke reported", 2000, |m| {
        m.recorded_json("analytics").as_array().into_iter().flatten().any(|a| a["name"] == "connect_entered_login")
    })
    .await;
    sleep(100).await;
    assert_eq!(mutations_seen(&watch), 0, "the live region was written again with the same words");
    w.unmount();
}
