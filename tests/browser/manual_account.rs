//! Manual accounts in the real widget: one account of each kind of field set,
//! the messages of the checks, `createAccount`, `onManualAccountAdded` and
//! the way back to search.

use crate::common::browser::*;
use crate::partner::{add_callbacks, bank, new_object, partner_calls_to, partner_host, read};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn choose_option(root: &web_sys::ShadowRoot, label: &str, value: &str);
}

/// The labels of the form's fields, in order.
fn field_labels(w: &Mounted) -> Vec<String> {
    query_all(&w.root(), ".cw-form .cw-field > label").iter().map(accessible_name).collect()
}

/// The partner host with one popular institution; `fail_first`: the first createAccount fails.
fn host(fail_first: bool) -> JsValue {
    partner_host(&json(&json!({"popular": [bank("INS-A", "Alpha Bank", json!({}))], "failAccount": fail_first})))
}

fn enabled(extra: Value) -> Value {
    let mut options = json!({"profiles": {"widgetProfile": {"enable_manual_accounts": true}}});
    if let (Some(o), Some(extra)) = (options.as_object_mut(), extra.as_object()) {
        o.extend(extra.clone());
    }
    options
}

/// One account type: the menu entry, the fields it must show, what to type
/// (text fields by label, then selects by label), and the body sent.
struct Case {
    menu: Option<&'static str>,
    heading: &'static str,
    labels: &'static [&'static str],
    typed: &'static [(&'static str, &'static str)],
    chosen: &'static [(&'static str, &'static str)],
    body: Value,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            menu: Some("Cash"),
            heading: "Cash",
            labels: &["Account name", "Current balance (optional)"],
            typed: &[("Account name", "Wallet"), ("Current balance", "-20.5")],
            chosen: &[],
            body: json!({"user_name": "Wallet", "balance": "-20.5", "account_type": 9, "is_personal": true}),
        },
        Case {
            menu: Some("Savings"),
            heading: "Savings",
            labels: &["Account name", "Current balance (optional)", "Interest rate (%) (optional)"],
            typed: &[("Account name", "Rainy day"), ("Current balance", "1,250.00"), ("Interest rate", "4.1%")],
            chosen: &[],
            body: json!({"user_name": "Rainy day", "balance": "1250.00", "interest_rate": "4.1", "account_type": 2, "is_personal": true}),
        },
        Case {
            menu: Some("Credit card"),
            heading: "Credit card",
            labels: &[
                "Account name",
                "Current balance (optional)",
                "Interest rate (%) (optional)",
                "Minimum payment (optional)",
                "Payment due day",
                "Credit limit (optional)",
            ],
            typed: &[("Account name", "Travel card"), ("Minimum payment", "35"), ("Credit limit", "5 000")],
            chosen: &[("Payment due day", "15")],
            body: json!({"user_name": "Travel card", "minimum_payment": "35", "day_payment_is_due": "15",
                         "credit_limit": "5000", "account_type": 4, "is_personal": true}),
        },
        Case {
            menu: Some("Mortgage"),
            heading: "Mortgage",
            labels: &[
                "Account name",
                "Current balance (optional)",
                "Interest rate (%) (optional)",
                "Minimum payment (optional)",
                "Payment due day",
                "Original balance (optional)",
            ],
            typed: &[("Account name", "Home"), ("Original balance", "300000")],
            chosen: &[("Payment due day", "1")],
            body: json!({"user_name": "Home", "day_payment_is_due": "1", "original_balance": "300000",
                         "account_type": 7, "is_personal": true}),
        },
        Case {
            menu: Some("Property"),
            heading: "Property",
            labels: &["Account name", "Current balance (optional)", "Type of property"],
            typed: &[("Account name", "Car")],
            chosen: &[("Type of property", "1")],
            body: json!({"user_name": "Car", "property_type": "1", "account_type": 8, "is_personal": true}),
        },
    ]
}

async fn save_one(case: Case, options: Value, first_fails: bool) {
    let got = new_object();
    let api = host(first_fails);
    let w = mount_patched(api.clone(), options, |o| add_callbacks(o, &got));
    w.until_button("Add an account manually").await;
    w.click("Add an account manually");
    if let Some(entry) = case.menu {
        w.until_heading("What kind of account is it?").await;
        w.until_heading_focused().await;
        w.click(entry);
    }
    w.until_heading(case.heading).await;
    assert_eq!(field_labels(&w), case.labels, "{}", case.heading);
    // Saving with nothing typed names what is missing and focuses it.
    w.click("Save account");
    w.until("the required-field message", 2000, |m| m.text().contains("Account name is required.")).await;
    w.until("focus on the first invalid field", 2000, |m| {
        m.focused().is_some_and(|f| attr(&f, "aria-invalid").as_deref() == Some("true"))
    })
    .await;
    assert!(partner_calls_to(&api, "createAccount").is_empty());
    for (label, text) in case.typed {
        w.type_into(label, text);
    }
    for (label, value) in case.chosen {
        choose_option(&w.root(), label, value);
    }
    w.click("Save account");
    if first_fails {
        w.until_alert("Something went wrong. Please try again.").await;
        assert_eq!(read(&got).get("manual"), None, "not added");
        w.click("Save account");
    }
    w.until_heading("Account added").await;
    let bodies = partner_calls_to(&api, "createAccount");
    let last = bodies.last().map(|args| args[0].clone());
    assert_eq!(last, Some(case.body.clone()), "{}", case.heading);
    assert_eq!(read(&got)["manual"], json!(1));
    assert_eq!(read(&got)["manualArgs"], json!(0), "called with no arguments");
    assert!(w.status_text().contains("has been saved"), "{}", w.status_text());
    w.click("Done");
    w.until_heading("Find your bank").await;
    assert_eq!(w.events_named("connect/backToSearch"), [json!({"context": "manualAccountAdded"})]);
    w.unmount();
}

// One account of each kind of field set, saved through createAccount (the first save fails once).
#[wasm_bindgen_test]
async fn a_manual_account_of_each_field_set() {
    for (i, case) in cases().into_iter().enumerate() {
        save_one(case, enabled(json!({})), i == 0).await;
    }
    // The checking line of credit, the only type: its form opens at once.
    let line = Case {
        menu: None,
        heading: "Checking line of credit",
        labels: &[
            "Account name",
            "Current balance (optional)",
            "Minimum payment (optional)",
            "Payment due day",
            "Credit limit (optional)",
        ],
        typed: &[("Account name", "Overdraft")],
        chosen: &[("Payment due day", "28")],
        body: json!({"user_name": "Overdraft", "day_payment_is_due": "28", "account_type": 12, "is_personal": true}),
    };
    save_one(line, enabled(json!({"availableAccountTypes": [12]})), false).await;
}

// The messages of the checks, on the field they are about.
#[wasm_bindgen_test]
async fn wrong_amounts_are_explained() {
    let w = mount_with(host(false), enabled(json!({"availableAccountTypes": ["LOAN"]})));
    w.until_button("Add an account manually").await;
    w.click("Add an account manually");
    w.until_heading("Loan").await;
    w.type_into("Account name", "Student loan");
    w.type_into("Current balance", "lots");
    w.type_into("Interest rate", "120");
    w.type_into("Minimum payment", "-4");
    w.type_into("Original balance", "1000000000000");
    w.click("Save account");
    for message in [
        "Current balance: enter a number, like 1250.50.",
        "Interest rate (%): enter a number from 0 to 100.",
        "Minimum payment: enter 0 or more.",
        "Payment due day is required.",
        "Original balance: enter 999,999,999,999 or less.",
    ] {
        w.until(message, 2000, |m| m.text().contains(message)).await;
    }
    let balance = w.field("Current balance");
    assert_eq!(attr(&balance, "aria-invalid").as_deref(), Some("true"));
    let described = attr(&balance, "aria-describedby").unwrap_or_default();
    let error = w.root().get_element_by_id(&described).and_then(|e| e.text_content()).unwrap_or_default();
    assert_eq!(error, "Current balance: enter a number, like 1250.50.", "the message is tied to its field");
    w.unmount();
}

// Without the profile, or in verification mode, there is no manual account.
#[wasm_bindgen_test]
async fn manual_accounts_only_where_offered() {
    let w = mount_with(host(false), json!({}));
    w.until_button("Alpha Bank").await;
    assert!(!w.has_button("Add an account manually"));
    w.unmount();
    let w = mount_with(host(false), enabled(json!({"clientConfig": {"mode": "verification"}})));
    w.until_button("Alpha Bank").await;
    assert!(!w.has_button("Add an account manually"));
    w.unmount();
}
