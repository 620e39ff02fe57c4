//! Consent by keyboard and its receipt, the disclosure screen, "Data access
//! by MX" and the leaving notice, in the real widget.

use crate::common::browser::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

/// What can take focus in the widget, in Tab order (no positive tabindex is
/// used, so Tab order is document order), by accessible name.
fn tab_stops(w: &Mounted) -> Vec<(String, HtmlElement)> {
    query_all(&w.root(), "button, a[href], summary, input, select, textarea, [tabindex]")
        .into_iter()
        .filter(|e| attr(e, "tabindex").as_deref() != Some("-1") && attr(e, "disabled").is_none())
        .filter_map(|e| Some((accessible_name(&e), e.dyn_into::<HtmlElement>().ok()?)))
        .collect()
}

/// The user moves focus to `name` (as Tab does) and presses Enter on it (a
/// native button, link or summary runs its click on Enter).
fn press(w: &Mounted, name: &str) {
    let (_, el) =
        tab_stops(w).into_iter().find(|(n, _)| n.contains(name)).unwrap_or_else(|| panic!("no tab stop {name:?}"));
    el.focus().expect("focusable");
    assert!(w.focused().is_some_and(|f| f.is_same_node(Some(&el))), "{name} takes focus");
    el.click();
}

/// Wait for a dialog titled `title`.
async fn until_dialog(w: &Mounted, title: &str) {
    let wanted = title.to_string();
    w.until(&format!("the dialog {title:?}"), 3000, move |m| {
        m.by_role("dialog")
            .iter()
            .any(|d| query_all(d, "[data-cw-heading]").first().map(accessible_name).as_deref() == Some(wanted.as_str()))
    })
    .await;
}

/// 12 calendar months after an RFC 3339 UTC time (29 February → 28 February).
fn a_year_after(granted: &str) -> String {
    let year: i32 = granted[..4].parse().expect("a year");
    let rest = &granted[4..];
    let rest = if rest.starts_with("-02-29") { rest.replacen("-02-29", "-02-28", 1) } else { rest.to_string() };
    format!("{:04}{rest}", year + 1)
}

#[wasm_bindgen_test]
async fn consent_by_keyboard_only_and_its_receipt_in_member_connected() {
    let w = mount_sandbox(json!({
        "timing": syncing_timing(),
        "userFeatures": [{"feature_name": "CONNECT_CONSENT", "guid": "FTR-1", "is_enabled": true}],
        "profiles": {"client": {"oauth_app_name": "Budgeteer"}},
    }));
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("Share your data").await;
    w.until_heading_focused().await;
    assert!(
        w.text().contains("Budgeteer uses MX Technologies to securely access the data below from MX Bank, to help you manage your finances."),
        "{}",
        w.text()
    );
    let stops: Vec<String> = tab_stops(&w).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        stops,
        [
            "‹ Back",
            "Account information",
            "Transactions",
            "Contact information",
            "the open banking regulations that apply (opens in a new tab)",
            "About MX Technologies",
            "I consent",
        ]
    );
    // Each cluster opens from the keyboard and its details are then read.
    press(&w, "Transactions");
    assert!(w.text().contains("Current and past transactions, with their types, amounts, dates and descriptions."));
    let details: Vec<bool> = query_all(&w.root(), "details").iter().map(|d| d.has_attribute("open")).collect();
    assert_eq!(details, [false, true, false]);
    // "About MX Technologies" is a dialog that gives focus back when it closes.
    press(&w, "About MX Technologies");
    until_dialog(&w, "Who is MX Technologies?").await;
    w.until_heading_focused().await;
    w.click("Close");
    w.until("focus back on the About button", 2000, |m| {
        m.focused().is_some_and(|f| accessible_name(&f) == "About MX Technologies")
    })
    .await;
    // "I consent" works at once: nothing to scroll first, never disabled.
    let agree = w.button("I consent");
    assert!(attr(&agree, "disabled").is_none() && attr(&agree, "aria-disabled").is_none());
    let before = js_sys::Date::now();
    press(&w, "I consent");
    w.until_heading("Log in to MX Bank").await;
    let after = js_sys::Date::now();
    assert!(w.pageviews().contains(&"/connect/aggregation/dynamic_disclosure".to_string()));
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    log_in(&w, "test_atrium", "password");
    w.until_heading("You're connected").await;

    let connected = w.events_named("connect/memberConnected");
    assert_eq!(connected.len(), 1);
    let consent = &connected[0]["consent"];
    assert_eq!(consent["clusters"], json!(["account_information", "transactions", "contact_information"]));
    assert_eq!(consent["products"], json!(["transactions"]));
    assert_eq!(consent["locale"], json!("en"));
    let granted = consent["granted_at"].as_str().expect("granted_at");
    let at = js_sys::Date::parse(granted);
    assert!(at >= before.floor() && at <= after, "{granted} is when I consent was pressed");
    assert_eq!(consent["expires_at"], json!(a_year_after(granted)));
    assert!(granted.ends_with('Z') && granted.len() == 24, "RFC 3339 UTC with milliseconds: {granted}");
    w.unmount();
}

#[wasm_bindgen_test]
async fn back_from_consent_returns_to_search() {
    let w = mount_sandbox(json!({"userFeatures": [{"feature_name": "CONNECT_CONSENT", "is_enabled": true}]}));
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("Share your data").await;
    w.click("Back");
    w.until_heading("Find your bank").await;
    assert_eq!(w.events_named("connect/backToSearch"), [json!({})]);
    w.unmount();
}

#[wasm_bindgen_test]
async fn the_disclosure_screen_comes_first() {
    let w = mount_sandbox(json!({"profiles": {"widgetProfile": {"display_disclosure_in_connect": true}}}));
    w.until_heading("Connect your account").await;
    assert_eq!(w.events_named("connect/loaded"), [json!({"initial_step": "disclosure"})]);
    let policy = w.find("link", "MX's privacy policy").expect("the policy link");
    assert_eq!(attr(&policy, "href").as_deref(), Some("https://www.mx.com/privacy/"));
    assert_eq!(attr(&policy, "target").as_deref(), Some("_blank"));
    assert!(w.text().contains("Investments"), "the data requested in aggregation");
    w.click("Continue");
    w.until_heading("Find your bank").await;
    assert_eq!(w.step_changes(), [pair("disclosure", "search")]);
    w.unmount();
}

async fn at_login(profiles: Value) -> Mounted {
    let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": "mxbank"}, "profiles": profiles}));
    w.until("the MX Bank login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    w
}

#[wasm_bindgen_test]
async fn data_access_by_mx_lists_the_data_requested() {
    let w = at_login(json!({})).await;
    assert!(!w.has_button("Data access by MX"), "only with show_mx_branding");
    w.unmount();

    let w = at_login(json!({"widgetProfile": {"show_mx_branding": true}})).await;
    w.button("Data access by MX").focus().expect("focus");
    w.click("Data access by MX");
    until_dialog(&w, "Data requested").await;
    w.until_heading_focused().await;
    let dialog = w.by_role("dialog");
    assert_eq!(dialog.len(), 1);
    let text = dialog[0].text_content().unwrap_or_default();
    assert!(text.contains("This app uses MX to connect to MX Bank and get:"), "{text}");
    assert!(text.contains("Account information") && text.contains("Investments") && text.contains("Transactions"));
    w.click("Close");
    w.until("focus back on the opener", 2000, |m| {
        m.focused().is_some_and(|f| accessible_name(&f) == "Data access by MX")
    })
    .await;
    w.unmount();
}

#[wasm_bindgen_test]
async fn the_leaving_notice_comes_before_another_site() {
    let w = at_login(json!({"clientProfile": {"show_external_link_popup": true}})).await;
    let link = w.find("link", "Forgot your password?").expect("a recovery link");
    link.dyn_ref::<HtmlElement>().expect("a link").click();
    until_dialog(&w, "You're leaving this app").await;
    assert!(w.has_button("Continue to "), "{:?}", w.names("button"));
    w.click("Cancel");
    w.until("the notice to close", 2000, |m| m.by_role("dialog").is_empty()).await;
    assert_eq!(w.heading(), "Log in to MX Bank");
    w.unmount();
}
