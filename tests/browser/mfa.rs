//! Multi-factor authentication on the sandbox: each question type answered
//! wrong then right, single account selection, two rounds of questions, and a
//! challenge mixing text, options and picture questions.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

const WRONG: &str = "wrong-answer-7731";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mfa {
    Text,
    Options,
    Image,
    ImageOptions,
}

/// What each kind of question must look like.
fn check_question(w: &Mounted, kind: Mfa) {
    match kind {
        Mfa::Text => {
            let field = w.field("What city");
            assert_ne!(attr(&field, "autocomplete").as_deref(), Some("one-time-code"), "a city is not a one-time code");
        }
        Mfa::Image => {
            let img = w.find("img", "Image for this question").expect("the picture is shown with the question");
            assert!(attr(&img, "src").is_some_and(|s| s.starts_with("data:image/png")), "inline picture");
            let field = w.field("Type the word");
            assert_eq!(img.parent_element(), field.parent_element(), "picture and answer field belong together");
        }
        Mfa::Options | Mfa::ImageOptions => {
            let fieldset = query_all(&w.root(), "fieldset").into_iter().next().expect("the choices are a fieldset");
            let legend =
                query_all(&fieldset, "legend").into_iter().next().and_then(|l| l.text_content()).unwrap_or_default();
            let (expected_legend, expected): (&str, &[&str]) = if kind == Mfa::Options {
                ("Choose the correct option.", &["incorrect", "correct", "wrong"])
            } else {
                ("Choose the picture labelled correct.", &["incorrect", "wrong", "correct", "not this one"])
            };
            assert_eq!(legend, expected_legend);
            let natives = query_all(&fieldset, "input[type=radio]");
            assert_eq!(natives.len(), expected.len(), "native radios inside the fieldset");
            let names: Vec<String> = w.radios().into_iter().map(|(n, _)| n).collect();
            assert_eq!(names, expected);
            if kind == Mfa::ImageOptions {
                for radio in natives {
                    let label = query_all(&w.root(), &format!("label[for=\"{}\"]", radio.id()))
                        .into_iter()
                        .next()
                        .expect("label");
                    let img = query_all(&label, "img").into_iter().next().expect("each choice is a picture");
                    assert!(attr(&img, "src").is_some_and(|s| s.starts_with("data:image/png")));
                    // The label is shown as text beside the picture (read once): the picture is decorative.
                    assert_eq!(attr(&img, "alt").as_deref(), Some(""), "the label is text, not alt text");
                    assert!(
                        label.text_content().is_some_and(|t| !t.trim().is_empty()),
                        "each picture has a visible label"
                    );
                }
            }
        }
    }
}

fn give_answer(w: &Mounted, kind: Mfa, right: bool) {
    let text = if right { "correct" } else { WRONG };
    match kind {
        Mfa::Text => w.type_into("What city", text),
        Mfa::Image => w.type_into("Type the word", text),
        Mfa::Options | Mfa::ImageOptions => w.choose_exactly(if right { "correct" } else { "wrong" }),
    }
    w.click("Continue");
}

// each MFA type answered wrong (REJECTED screen, try again, a new question) and then right (connected).
#[wasm_bindgen_test]
async fn mfa_each_type_wrong_then_right() {
    for (password, kind) in [
        ("challenge", Mfa::Text),
        ("options", Mfa::Options),
        ("image", Mfa::Image),
        ("image_options", Mfa::ImageOptions),
    ] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", password);
        w.until_heading("Verify it's you").await;
        w.until_heading_focused().await;
        check_question(&w, kind);
        give_answer(&w, kind, false);

        w.until_heading("That answer didn't work").await;
        let errors = w.events_named("connect/memberError");
        assert_eq!(
            errors.last().map(|e| e["member"]["connection_status"].clone()),
            Some(json!(4)),
            "{password}: {errors:?}"
        );
        w.exact_button("Try again").click();

        w.until_heading("Verify it's you").await;
        check_question(&w, kind);
        give_answer(&w, kind, true);
        w.until_heading("You're connected").await;

        let guid = w.reported_member_guid();
        assert_eq!(
            w.events_named("connect/submitMFA"),
            vec![json!({"member_guid": guid}); 2],
            "{password}: only the member, never the answer"
        );
        w.assert_never_reported(&[password, "correct", WRONG]);
        w.unmount();
    }
}

// single account selection asks for a choice, then any account connects.
#[wasm_bindgen_test]
async fn mfa_single_account_select() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "account_select");
    w.until_heading("Choose an account").await;
    let fieldset = query_all(&w.root(), "fieldset").into_iter().next().expect("the accounts are a fieldset");
    assert_eq!(
        query_all(&fieldset, "legend").first().and_then(|l| l.text_content()).as_deref(),
        Some("Select an account to connect")
    );
    let names: Vec<String> = w.radios().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Checking ...1234", "Savings ...5678", "Money Market ...9012"]);

    // Nothing chosen: told so, nothing sent.
    w.click("Continue");
    w.until("the missing-choice message", 2000, |m| m.text().contains("Choose an account to continue.")).await;
    assert!(w.radios().iter().all(|(_, r)| attr(r, "aria-invalid").as_deref() == Some("true")));
    assert!(w.events_named("connect/submitMFA").is_empty());

    w.choose_exactly("Savings ...5678");
    w.click("Continue");
    w.until_heading("You're connected").await;
    let guid = w.reported_member_guid();
    assert_eq!(w.events_named("connect/submitMFA"), vec![json!({"member_guid": guid})]);
    w.assert_never_reported(&["account_select"]);
    w.unmount();
}

// answering "challenge" asks a second question (a one-time code), then "correct" connects.
#[wasm_bindgen_test]
async fn mfa_two_rounds() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "challenge");
    w.until_heading("Verify it's you").await;
    w.type_into("What city", "challenge");
    w.click("Continue");
    w.until("the second question", 3000, |m| m.find("textbox", "Enter the code").is_some()).await;
    assert_eq!(w.heading(), "Verify it's you");
    let code = w.field("Enter the code");
    assert_eq!(attr(&code, "autocomplete").as_deref(), Some("one-time-code"));
    assert_ne!(
        attr(&code, "inputmode").as_deref(),
        Some("numeric"),
        "codes may have letters (this one is \"correct\")"
    );
    w.type_into("Enter the code", "correct");
    w.click("Continue");
    w.until_heading("You're connected").await;
    let guid = w.reported_member_guid();
    assert_eq!(w.events_named("connect/submitMFA"), vec![json!({"member_guid": guid}); 2]);
    w.assert_never_reported(&["challenge", "correct"]);
    w.unmount();
}

#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    fn hostile_host(payload: &str, plan: &str) -> JsValue;
}

// A challenge mixing a text question, an options question and a picture question: the picture
// is shown above its field, as in a challenge of picture questions only, and the answers go through.
#[wasm_bindgen_test]
async fn a_mixed_challenge_shows_the_picture_of_its_picture_question() {
    let w = mount_with(hostile_host("Harbor Savings", "mfa-png"), json!({}));
    w.until_button("Harbor Savings").await;
    w.click("Harbor Savings");
    w.until("the login form", 3000, |m| m.by_role("textbox").len() >= 2).await;
    for (field, value) in w.by_role("textbox").iter().zip(["harbor-user", "harbor-pass"]) {
        fire_input(field, value);
    }
    w.click("Continue");
    w.until_heading("Verify it's you").await;
    w.until("the challenges", 3000, |m| m.radios().len() == 2).await;
    // Named pictures only: the institution's logo, when it loads, is decorative (`alt=""`).
    let pictures: Vec<_> = w.by_role("img").into_iter().filter(|img| !accessible_name(img).is_empty()).collect();
    let names: Vec<String> = pictures.iter().map(accessible_name).collect();
    assert_eq!(names, ["Image for this question"], "the picture question's picture, once");
    let picture = &pictures[0];
    let field = w.field("3 Harbor Savings");
    assert!(
        picture.compare_document_position(&field) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0,
        "the picture comes before its field"
    );
    for field in w.by_role("textbox") {
        fire_input(&field, "an answer");
    }
    w.choose_exactly("2 Harbor Savings");
    w.click("Continue");
    w.until_heading("You're connected").await;
    w.unmount();
}
