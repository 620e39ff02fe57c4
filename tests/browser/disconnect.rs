//! Disconnecting a member: the confirmation dialog (a real modal: focus
//! trapped, Escape, focus returned), a required reason, and a failed delete.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

fn dialog(w: &Mounted) -> Option<Element> {
    w.by_role("dialog").into_iter().next()
}

/// The dialog's button named exactly `name`.
fn dialog_button(w: &Mounted, name: &str) -> HtmlElement {
    let d = dialog(w).expect("the dialog is open");
    by_role_in(&d, "button")
        .into_iter()
        .find(|e| accessible_name(e) == name)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no dialog button {name:?}"))
}

/// Controls that can take focus in the dialog, in order.
fn dialog_controls(w: &Mounted) -> Vec<HtmlElement> {
    let d = dialog(w).expect("the dialog is open");
    query_all(&d, "button:not([disabled]), input:not([disabled])")
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect()
}

fn focused_is(w: &Mounted, el: &HtmlElement) -> bool {
    w.focused().is_some_and(|f| f.is_same_node(Some(el)))
}

/// Open the dialog from the error screen's "Disconnect {name}" button, as a keyboard user would.
async fn open_disconnect(w: &Mounted, name: &str) {
    let opener = w.exact_button(&format!("Disconnect {name}"));
    let _ = opener.focus();
    opener.click();
    w.until("the disconnect dialog", 2000, |m| dialog(m).is_some()).await;
    w.until_heading_focused().await;
}

// the disconnect dialog is a real modal (focus inside, Escape), needs a reason, and deletes the member.
#[wasm_bindgen_test]
async fn disconnect_dialog_confirms_with_a_reason() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "status:CLOSED");
    w.until_heading("This connection is closed").await;
    let guid = w.reported_member_guid();

    open_disconnect(&w, "MX Bank").await;
    let d = dialog(&w).expect("dialog");
    assert_eq!(attr(&d, "aria-modal").as_deref(), Some("true"));
    let heading = by_role_in(&d, "heading").into_iter().next().expect("dialog heading");
    assert_eq!(attr(&d, "aria-labelledby"), Some(heading.id()), "the dialog is named by its heading");
    assert_eq!(heading.text_content().unwrap_or_default(), "Disconnect MX Bank?");

    // Tab from the last control wraps to the first, Shift+Tab from the first to the last.
    let controls = dialog_controls(&w);
    let (first, last) = (controls.first().expect("controls").clone(), controls.last().expect("controls").clone());
    assert_eq!(accessible_name(&last), "Cancel");
    last.focus().unwrap();
    fire_key(&last, "Tab", false);
    assert!(focused_is(&w, &first), "Tab wraps to the first control");
    fire_key(&first, "Tab", true);
    assert!(focused_is(&w, &last), "Shift+Tab wraps to the last control");
    // The reasons are one radio group, one Tab stop: Shift+Tab from any of them must not leave the dialog.
    w.choose_exactly("I can't get it to connect");
    let chosen = w.radios().into_iter().find(|(_, r)| r.checked()).map(|(_, r)| r).expect("a checked reason");
    let chosen: HtmlElement = chosen.unchecked_into();
    chosen.focus().unwrap();
    fire_key(&chosen, "Tab", true);
    assert!(focused_is(&w, &last), "Shift+Tab from the checked reason wraps to the last control");
    fire_key(&last, "Tab", false);
    assert!(focused_is(&w, &chosen), "Tab wraps to the reasons' tab stop (the checked one)");

    // Escape closes, back on the screen it came from, focus back on the control that opened it.
    fire_key(&chosen, "Escape", false);
    w.until("the dialog to close", 2000, |m| dialog(m).is_none()).await;
    w.until("focus back on the opener", 2000, |m| {
        m.focused().is_some_and(|f| accessible_name(&f) == "Disconnect MX Bank")
    })
    .await;
    assert_eq!(w.heading(), "This connection is closed");

    // A reason is required.
    open_disconnect(&w, "MX Bank").await;
    dialog_button(&w, "Disconnect").click();
    w.until("the missing-reason error", 2000, |m| m.text().contains("Choose a reason.")).await;
    assert!(w.radios().iter().all(|(_, r)| attr(r, "aria-invalid").as_deref() == Some("true")));
    w.until("focus on the first reason", 2000, |m| {
        m.focused().is_some_and(|f| attr(&f, "aria-invalid").as_deref() == Some("true"))
    })
    .await;
    assert!(w.events_named("connect/memberDeleted").is_empty());

    w.choose_exactly("Something else");
    dialog_button(&w, "Disconnect").click();
    w.until_heading("MX Bank is disconnected").await;
    assert!(dialog(&w).is_none());
    assert_eq!(w.events_named("connect/memberDeleted"), vec![json!({"member_guid": guid})]);
    w.click("Done");
    w.until_heading("Find your bank").await;
    w.unmount();
}

// a failed deleteMember shows an alert in the dialog, which stays usable; a retry succeeds.
#[wasm_bindgen_test]
async fn disconnect_failure_keeps_the_dialog_usable() {
    let host = member_host(&gringotts_member("CLOSED"));
    set_host(&host, "deleteFailures", &JsValue::from_f64(1.0));
    let w = mount_on_member(&host, json!({}));
    w.until_heading("This connection is closed").await;
    open_disconnect(&w, GRINGOTTS).await;
    w.choose_exactly("I don't want to share this data");
    dialog_button(&w, "Disconnect").click();

    let failed = "We couldn't disconnect Gringotts. Please try again.";
    w.until("the failure alert", 2000, |m| m.alerts().iter().any(|a| a == failed)).await;
    let d = dialog(&w).expect("the dialog stays open");
    assert!(
        by_role_in(&d, "alert").iter().any(|a| a.text_content().as_deref() == Some(failed)),
        "the alert is in the dialog"
    );
    let confirm = dialog_button(&w, "Disconnect");
    assert_eq!(attr(&confirm, "aria-disabled"), None, "usable again");
    assert!(w.radios().iter().all(|(_, r)| !r.disabled() && attr(r, "aria-disabled").is_none()));
    assert!(w.radios().iter().any(|(_, r)| r.checked()), "the chosen reason is kept");
    assert!(w.events_named("connect/memberDeleted").is_empty());

    confirm.click();
    w.until_heading("Gringotts is disconnected").await;
    assert_eq!(w.events_named("connect/memberDeleted"), vec![json!({"member_guid": "MBR-GRG"})]);
    assert_eq!(fake_host_calls(&host).iter().filter(|c| *c == "deleteMember").count(), 2);
    w.unmount();
}
