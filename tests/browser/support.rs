//! The support request form, reached with "Get help" from a login error, MFA
//! and the update form: validation, a failing host, success, and Done.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen_test::*;
use web_sys::Element;

/// A text field or text area by its label.
fn text_field(w: &Mounted, label: &str) -> Element {
    w.find("textbox", label).unwrap_or_else(|| panic!("no field labelled {label:?}; fields: {:?}", w.names("textbox")))
}

fn type_text(w: &Mounted, label: &str, text: &str) {
    fire_input(&text_field(w, label), text);
}

fn invalid(w: &Mounted, label: &str) -> bool {
    attr(&text_field(w, label), "aria-invalid").as_deref() == Some("true")
}

// "Get help" from a login error, MFA and the update form: validation, a failure that keeps the
// form usable (the reference froze it), success, and Done back to where it came from.
#[wasm_bindgen_test]
async fn support_form_from_every_screen() {
    let (email, subject, message) = ("Your email address", "Subject", "What's happening?");
    for (password, origin) in [
        ("status:LOCKED", "Your account is locked"),
        ("challenge", "Verify it's you"),
        ("UNAUTHORIZED", "Update your MX Bank login"),
    ] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", password);
        w.until_heading(origin).await;
        w.until_button("Get help").await;
        w.exact_button("Get help").click();
        w.until_heading("Request support").await;
        w.until_heading_focused().await;

        // Nothing filled: each field says what it needs.
        w.click("Send request");
        w.until("all three fields marked", 2000, |m| invalid(m, email) && invalid(m, subject) && invalid(m, message))
            .await;
        for text in ["Enter an email address like name@example.com.", "Enter a subject.", "Describe the problem."] {
            assert!(w.text().contains(text), "{password}: {text}");
        }
        // A bad email address alone.
        type_text(&w, email, "not an email");
        type_text(&w, subject, "Can't connect");
        type_text(&w, message, "It keeps failing.");
        w.click("Send request");
        w.until("only the email marked", 2000, |m| invalid(m, email) && !invalid(m, subject) && !invalid(m, message))
            .await;

        // The host fails: an alert, and the form stays usable.
        type_text(&w, email, "fail@example.com");
        w.click("Send request");
        w.until("the failure alert", 2000, |m| {
            m.alerts().iter().any(|a| a == "Something went wrong. Please try again.")
        })
        .await;
        assert_eq!(w.heading(), "Request support");
        for label in [email, subject, message] {
            assert!(!text_field(&w, label).has_attribute("disabled"), "{password}: {label} usable");
        }
        assert_eq!(attr(&w.exact_button("Send request"), "aria-disabled"), None);

        // Success, then Done goes back.
        type_text(&w, email, "me@example.com");
        w.click("Send request");
        w.until_heading("Request sent").await;
        w.until_heading_focused().await;
        assert!(w.text().contains("Thanks. We'll reply to me@example.com."));
        w.click("Done");
        w.until_heading(origin).await;
        w.until_heading_focused().await;
        w.unmount();
    }
}
