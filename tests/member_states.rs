//! Issue 3, in headless Chromium: every member state has a screen. MFA of each
//! type (right and wrong), every connection status 0–21 and actionable error
//! code, update credentials, disconnect, support, a member that fails to load,
//! unavailable institutions — and no secret in anything reported.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use connect_widget::flow::route::{actionable_screen, login_error_screen, Action, Allowed};
use connect_widget::flow::UpdateReason;
use connect_widget::i18n::I18n;
use connect_widget::model::{ActionableCode, ConnectionStatus};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function choice_name(el) {
  const root = el.getRootNode();
  const label = el.id ? root.querySelector(`label[for="${el.id}"]`) : el.closest("label");
  if (!label) return "";
  const alts = [...label.querySelectorAll("img[alt]")].map(i => i.getAttribute("alt"));
  return [label.textContent || "", ...alts].join(" ").replace(/\s+/g, " ").trim();
}
export function fake_host(member, institution) {
  const creds = { credentials: [
    { guid: "CRD-USER", label: "Username", field_name: "LOGIN", field_type: "LOGIN", display_order: 1 },
    { guid: "CRD-PASS", label: "Password", field_name: "PASSWORD", field_type: "PASSWORD", display_order: 2 },
  ] };
  const h = {
    member, institution, load: "ok", deleteFailures: 0, calls: [],
    addMember() { h.calls.push("addMember"); return Promise.reject({ response: { status: 500, data: {} } }); },
    loadMemberByGuid(guid) {
      h.calls.push("loadMemberByGuid");
      if (h.load === "404") return Promise.reject({ response: { status: 404, data: { guid } } });
      if (h.load === "500") return Promise.reject({ response: { status: 500, data: {} } });
      if (h.load === "hang") return new Promise(() => {});
      return Promise.resolve({ member: h.member });
    },
    loadInstitutions() { return Promise.resolve({ institutions: [h.institution] }); },
    loadPopularInstitutions() { return Promise.resolve({ institutions: [h.institution] }); },
    loadInstitutionByGuid() { h.calls.push("loadInstitutionByGuid"); return Promise.resolve({ institution: h.institution }); },
    loadInstitutionByCode() { return Promise.resolve({ institution: h.institution }); },
    getInstitutionCredentials() { h.calls.push("getInstitutionCredentials"); return Promise.resolve(creds); },
    getMemberCredentials() { h.calls.push("getMemberCredentials"); return Promise.resolve(creds); },
    runJob() { h.calls.push("runJob"); return Promise.resolve({ job_guid: "JOB-2", status: 0 }); },
    deleteMember() {
      h.calls.push("deleteMember");
      if (h.deleteFailures > 0) { h.deleteFailures -= 1; return Promise.reject({ response: { status: 500, data: {} } }); }
      return Promise.resolve({ member: h.member });
    },
    createSupportTicket() { return Promise.resolve({}); },
  };
  return h;
}
export function set_host(h, key, value) { h[key] = value; }
export function host_calls(h) { return h.calls.slice(); }
"#)]
extern "C" {
    fn choice_name(el: &Element) -> String;
    fn fake_host(member: &JsValue, institution: &JsValue) -> JsValue;
    fn set_host(h: &JsValue, key: &str, value: &JsValue);
    fn host_calls(h: &JsValue) -> Vec<String>;
}

const MX: &str = "MX Bank";
const GRINGOTTS: &str = "Gringotts";
/// The sandbox has every callback, and MX Bank has a website; its members are managed by the user.
const ALL_ALLOWED: Allowed = Allowed { search: true, support: true, website: true, disconnect: true };
const WRONG: &str = "wrong-answer-7731";

/// Fast sandbox timings, with a short "syncing" phase after CONNECTED.
fn timing() -> Value {
    let mut t = fast_timing();
    t["sandboxSyncMs"] = json!(20);
    t
}

/// Copy with MX Bank's name.
fn t(key: &str) -> String {
    tn(key, MX)
}

/// Copy with an institution's name.
fn tn(key: &str, name: &str) -> String {
    I18n::default().tf(key, &[("name", name)])
}

/// The button label the error screens give an action (as a screen reader reads it).
fn action_label(action: Action, name: &str) -> String {
    let label = tn(action.label_key(), name);
    if action == Action::VisitWebsite {
        format!("{label} {}", I18n::default().t(Key::CommonNewTab))
    } else {
        label
    }
}

/// The sandbox opened on MX Bank's login form (`current_institution_code`).
async fn at_mx_bank(config: Value) -> Mounted {
    let mut client = json!({"current_institution_code": "mxbank"});
    if let (Some(c), Some(extra)) = (client.as_object_mut(), config.as_object()) {
        c.extend(extra.clone());
    }
    let w = mount_sandbox(json!({"clientConfig": client, "timing": timing()}));
    w.until("the MX Bank login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    w
}

fn query_all(scope: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
    let node: &web_sys::Node = scope.as_ref();
    let list = if let Some(root) = node.dyn_ref::<web_sys::ShadowRoot>() {
        root.query_selector_all(selector)
    } else if let Some(el) = node.dyn_ref::<Element>() {
        el.query_selector_all(selector)
    } else {
        panic!("not a container")
    };
    let list = list.expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn is_back(name: &str) -> bool {
    name.trim_start_matches('‹').trim() == I18n::default().t(Key::CommonBack)
}

/// The buttons of the current screen, in order (the chrome's back control left out).
fn screen_buttons(w: &Mounted) -> Vec<String> {
    w.names("button").into_iter().filter(|n| !is_back(n)).collect()
}

/// The button whose accessible name is exactly `name` (names overlap: "Disconnect" / "Disconnect MX Bank").
fn exact_button(w: &Mounted, name: &str) -> HtmlElement {
    w.by_role("button")
        .into_iter()
        .find(|e| accessible_name(e) == name)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no button named exactly {name:?}; buttons: {:?}", w.names("button")))
}

/// A text field or text area by its label.
fn text_field(w: &Mounted, label: &str) -> Element {
    w.find("textbox", label).unwrap_or_else(|| panic!("no field labelled {label:?}; fields: {:?}", w.names("textbox")))
}

fn type_text(w: &Mounted, label: &str, text: &str) {
    fire_input(&text_field(w, label), text);
}

fn dialog(w: &Mounted) -> Option<Element> {
    w.by_role("dialog").into_iter().next()
}

fn dialog_button(w: &Mounted, name: &str) -> HtmlElement {
    let d = dialog(w).expect("the dialog is open");
    query_all(&d, "button")
        .into_iter()
        .find(|e| accessible_name(e) == name)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no dialog button {name:?}"))
}

/// Radios, each with its name (label text plus the alt text of a pictured choice).
fn radios(w: &Mounted) -> Vec<(String, HtmlInputElement)> {
    w.by_role("radio").into_iter().filter_map(|e| Some((choice_name(&e), e.dyn_into().ok()?))).collect()
}

fn choose_exactly(w: &Mounted, name: &str) {
    let all = radios(w);
    let names: Vec<String> = all.iter().map(|(n, _)| n.clone()).collect();
    let (_, radio) =
        all.into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no choice {name:?}; choices: {names:?}"));
    radio.click();
}

fn events_named(w: &Mounted, name: &str) -> Vec<Value> {
    w.events().into_iter().filter(|(n, _)| n == name).map(|(_, d)| d).collect()
}

async fn until_event(w: &Mounted, name: &str) {
    let wanted = name.to_string();
    w.until(&format!("event {name}"), 3000, move |m| m.event_names().contains(&wanted)).await;
}

fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

/// The guid of the member the widget reported on.
fn reported_member_guid(w: &Mounted) -> String {
    w.events()
        .iter()
        .find_map(|(n, d)| match n.as_str() {
            "connect/memberStatusUpdate" | "connect/memberConnected" | "connect/submitMFA" => {
                d["member_guid"].as_str().map(str::to_string)
            }
            "connect/memberError" => d["member"]["guid"].as_str().map(str::to_string),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no member reported: {:?}", w.event_names()))
}

// ---- 1, 2: MFA -----------------------------------------------------------

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
            let img =
                w.find("img", &I18n::default().t(Key::MfaImageLabel)).expect("the picture is shown with the question");
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
            let names: Vec<String> = radios(w).into_iter().map(|(n, _)| n).collect();
            assert_eq!(names, expected);
            if kind == Mfa::ImageOptions {
                for radio in natives {
                    let label = query_all(&w.root(), &format!("label[for=\"{}\"]", radio.id()))
                        .into_iter()
                        .next()
                        .expect("label");
                    let img = query_all(&label, "img").into_iter().next().expect("each choice is a picture");
                    assert!(attr(&img, "src").is_some_and(|s| s.starts_with("data:image/png")));
                    assert!(attr(&img, "alt").is_some_and(|a| !a.is_empty()), "each picture has its label as alt text");
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
        Mfa::Options | Mfa::ImageOptions => choose_exactly(w, if right { "correct" } else { "wrong" }),
    }
    w.click(&I18n::default().t(Key::MfaSubmit));
}

// Issue 3.1: each MFA type answered wrong (REJECTED screen, try again, a new question) and then right (connected).
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
        w.until_heading(&t(Key::MfaTitle)).await;
        w.until_heading_focused().await;
        check_question(&w, kind);
        give_answer(&w, kind, false);

        w.until_heading(&t(Key::StatusRejectedTitle)).await;
        let errors = events_named(&w, "connect/memberError");
        assert_eq!(
            errors.last().map(|e| e["member"]["connection_status"].clone()),
            Some(json!(4)),
            "{password}: {errors:?}"
        );
        exact_button(&w, &action_label(Action::TryAgain, MX)).click();

        w.until_heading(&t(Key::MfaTitle)).await;
        check_question(&w, kind);
        give_answer(&w, kind, true);
        w.until_heading(&t(Key::ConnectedTitle)).await;

        let guid = reported_member_guid(&w);
        assert_eq!(
            events_named(&w, "connect/submitMFA"),
            vec![json!({"member_guid": guid}); 2],
            "{password}: only the member, never the answer"
        );
        w.assert_never_reported(&[password, "correct", WRONG]);
        w.unmount();
    }
}

// Issue 3.1: single account selection asks for a choice, then any account connects.
#[wasm_bindgen_test]
async fn mfa_single_account_select() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "account_select");
    w.until_heading(&t(Key::MfaAccountTitle)).await;
    let fieldset = query_all(&w.root(), "fieldset").into_iter().next().expect("the accounts are a fieldset");
    assert_eq!(
        query_all(&fieldset, "legend").first().and_then(|l| l.text_content()).as_deref(),
        Some("Select an account to connect")
    );
    let names: Vec<String> = radios(&w).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Checking ...1234", "Savings ...5678", "Money Market ...9012"]);

    // Nothing chosen: told so, nothing sent.
    w.click(&I18n::default().t(Key::MfaSubmit));
    w.until("the missing-choice message", 2000, |m| m.text().contains(&I18n::default().t(Key::MfaAccountRequired)))
        .await;
    assert!(radios(&w).iter().all(|(_, r)| attr(r, "aria-invalid").as_deref() == Some("true")));
    assert!(events_named(&w, "connect/submitMFA").is_empty());

    choose_exactly(&w, "Savings ...5678");
    w.click(&I18n::default().t(Key::MfaSubmit));
    w.until_heading(&t(Key::ConnectedTitle)).await;
    let guid = reported_member_guid(&w);
    assert_eq!(events_named(&w, "connect/submitMFA"), vec![json!({"member_guid": guid})]);
    w.assert_never_reported(&["account_select"]);
    w.unmount();
}

// Issue 3.2: answering "challenge" asks a second question (a one-time code), then "correct" connects.
#[wasm_bindgen_test]
async fn mfa_two_rounds() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "challenge");
    w.until_heading(&t(Key::MfaTitle)).await;
    w.type_into("What city", "challenge");
    w.click(&I18n::default().t(Key::MfaSubmit));
    w.until("the second question", 3000, |m| m.find("textbox", "Enter the code").is_some()).await;
    assert_eq!(w.heading(), t(Key::MfaTitle));
    let code = w.field("Enter the code");
    assert_eq!(attr(&code, "autocomplete").as_deref(), Some("one-time-code"));
    assert_ne!(
        attr(&code, "inputmode").as_deref(),
        Some("numeric"),
        "codes may have letters (this one is \"correct\")"
    );
    w.type_into("Enter the code", "correct");
    w.click(&I18n::default().t(Key::MfaSubmit));
    w.until_heading(&t(Key::ConnectedTitle)).await;
    let guid = reported_member_guid(&w);
    assert_eq!(events_named(&w, "connect/submitMFA"), vec![json!({"member_guid": guid}); 2]);
    w.assert_never_reported(&["challenge", "correct"]);
    w.unmount();
}

// ---- 3: every status and actionable code -------------------------------------

// Issue 3.3: each connection status 0–21 leads to its screen: the login-error title and exactly its actions,
// MFA, connected, the update form with its notice, or still connecting.
#[wasm_bindgen_test]
async fn every_connection_status_has_its_screen() {
    use ConnectionStatus::*;
    for status in ConnectionStatus::ALL {
        let n = status.code();
        let password = format!("status:{n}");
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", &password);
        let member_error = |w: &Mounted| {
            let errors = events_named(w, "connect/memberError");
            assert_eq!(errors.len(), 1, "{status:?}: one memberError: {errors:?}");
            assert_eq!(errors[0]["member"]["connection_status"], json!(n), "{status:?}");
            assert!(errors[0]["member"]["guid"].as_str().is_some_and(|g| !g.is_empty()));
        };
        match status {
            Challenged => {
                w.until_heading(&t(Key::MfaTitle)).await;
                w.field("What city");
            }
            Connected => {
                w.until_heading(&t(Key::ConnectedTitle)).await;
                until_event(&w, "connect/memberConnected").await;
            }
            Prevented | Denied | Impaired | Imported | Pending => {
                w.until_heading(&t(Key::CredentialsUpdateTitle)).await;
                w.until("the update form", 3000, |m| m.find("textbox", "Password").is_some()).await;
                let notice = t(UpdateReason::Status(Some(status)).message_key());
                assert!(w.alerts().contains(&notice), "{status:?}: notice {notice:?} in {:?}", w.alerts());
                member_error(&w);
            }
            s if s.is_processing() => {
                if s != Created {
                    let wanted = n;
                    w.until(&format!("status {s:?} reported"), 3000, move |m| {
                        events_named(m, "connect/memberStatusUpdate")
                            .iter()
                            .any(|e| e["connection_status"] == json!(wanted))
                    })
                    .await;
                }
                // A negative check: give the sandbox several jobs' time; nothing may end the wait.
                sleep(300).await;
                assert_eq!(w.heading(), t(Key::ConnectingTitle), "{s:?} keeps connecting");
                assert!(
                    events_named(&w, "connect/memberError").is_empty()
                        && events_named(&w, "connect/memberConnected").is_empty()
                );
            }
            _ => {
                let screen = login_error_screen(Some(status), ALL_ALLOWED);
                w.until_heading(&t(screen.title)).await;
                assert_eq!(w.heading(), t(screen.title), "{status:?}");
                assert!(w.text().contains(&t(screen.message)), "{status:?}: message");
                let expected: Vec<String> = screen.actions.iter().map(|a| action_label(*a, MX)).collect();
                assert_eq!(screen_buttons(&w), expected, "{status:?}: exactly its actions, in order");
                member_error(&w);
            }
        }
        w.assert_never_reported(&[&password]);
        w.unmount();
    }
}

// Issue 3.3: the actionable error codes: their screens (with `invalidData` and the aggregator's message),
// MFA for 2001–2003, the update form for 2004–2005, and 1000 only when verifying.
#[wasm_bindgen_test]
async fn actionable_error_codes_have_their_screens() {
    // 1000 outside verification is just connected.
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "error:1000");
    w.until_heading(&t(Key::ConnectedTitle)).await;
    assert!(events_named(&w, "connect/invalidData").is_empty());
    w.unmount();

    for (code, mode) in [
        (1000, "verification"),
        (1001, "aggregation"),
        (1002, "aggregation"),
        (3000, "aggregation"),
        (3001, "aggregation"),
        (3002, "aggregation"),
    ] {
        let w = at_mx_bank(json!({"mode": mode})).await;
        log_in(&w, "test_atrium", &format!("error:{code}"));
        let screen = actionable_screen(ActionableCode::from_code(code).expect("actionable"), ALL_ALLOWED);
        w.until_heading(&t(screen.title)).await;
        assert_eq!(w.heading(), t(screen.title), "{code}");
        let expected: Vec<String> = screen.actions.iter().map(|a| action_label(*a, MX)).collect();
        assert_eq!(screen_buttons(&w), expected, "{code}: exactly its actions");
        let guid = reported_member_guid(&w);
        assert_eq!(events_named(&w, "connect/invalidData"), vec![json!({"member_guid": guid, "code": code})]);
        assert_eq!(events_named(&w, "connect/memberError").len(), 1, "{code}");
        let from = t(Key::CommonFromInstitution);
        let shown = w.text();
        let message = shown.split(&from).nth(1).unwrap_or_default();
        assert!(!message.trim().is_empty(), "{code}: the aggregator's message is shown: {shown}");
        w.unmount();
    }

    for code in [2001, 2002, 2003] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", &format!("error:{code}"));
        w.until_heading(&t(Key::MfaTitle)).await;
        let notice = t(if code == 2003 { Key::MfaTimedOut } else { Key::MfaPreviousWrong });
        assert!(w.alerts().contains(&notice), "{code}: {:?}", w.alerts());
        w.type_into("What city", "correct");
        w.click(&I18n::default().t(Key::MfaSubmit));
        w.until_heading(&t(Key::ConnectedTitle)).await;
        w.unmount();
    }

    for code in [2004, 2005] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", &format!("error:{code}"));
        w.until_heading(&t(Key::CredentialsUpdateTitle)).await;
        let notice = t(UpdateReason::Code(code).message_key());
        assert!(w.alerts().contains(&notice), "{code}: {:?}", w.alerts());
        assert_eq!(events_named(&w, "connect/memberError").len(), 1, "{code}");
        w.unmount();
    }
}

// ---- 4: update credentials ---------------------------------------------------

// Issue 3.4: DENIED → the update form (fields of the member) → new credentials → connected.
#[wasm_bindgen_test]
async fn update_credentials_end_to_end() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "UNAUTHORIZED");
    w.until_heading(&t(Key::CredentialsUpdateTitle)).await;
    w.until("the update form", 3000, |m| m.find("textbox", "Password").is_some()).await;
    assert!(w.alerts().contains(&t(Key::UpdateReasonDenied)));
    let errors = events_named(&w, "connect/memberError");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["member"]["connection_status"], json!(2));
    let guid = errors[0]["member"]["guid"].as_str().unwrap_or_default().to_string();
    let institution = events_named(&w, "connect/enterCredentials")[0]["institution"].clone();
    assert_eq!(institution["code"], "mxbank");

    log_in(&w, "test_atrium", "password");
    w.until_heading(&t(Key::ConnectedTitle)).await;
    assert_eq!(
        events_named(&w, "connect/updateCredentials"),
        vec![json!({"member_guid": guid, "institution": institution})]
    );
    w.assert_never_reported(&["UNAUTHORIZED", "password", "test_atrium"]);
    w.unmount();
}

// ---- 5: disconnect -------------------------------------------------------------

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

async fn open_disconnect(w: &Mounted, name: &str) {
    // As a keyboard user would: focus the control, then activate it.
    let opener = exact_button(w, &action_label(Action::Disconnect, name));
    let _ = opener.focus();
    opener.click();
    w.until("the disconnect dialog", 2000, |m| dialog(m).is_some()).await;
    w.until_heading_focused().await;
}

// Issue 3.5: the disconnect dialog is a real modal (focus inside, Escape), needs a reason, and deletes the member.
#[wasm_bindgen_test]
async fn disconnect_dialog_confirms_with_a_reason() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "status:CLOSED");
    w.until_heading(&t(Key::StatusClosedTitle)).await;
    let guid = reported_member_guid(&w);

    open_disconnect(&w, MX).await;
    let d = dialog(&w).expect("dialog");
    assert_eq!(attr(&d, "aria-modal").as_deref(), Some("true"));
    let heading = query_all(&d, "[data-cw-heading]").into_iter().next().expect("dialog heading");
    assert_eq!(attr(&d, "aria-labelledby"), Some(heading.id()), "the dialog is named by its heading");
    assert_eq!(heading.text_content().unwrap_or_default(), t(Key::DisconnectTitle));

    // Tab from the last control wraps to the first, Shift+Tab from the first to the last.
    let controls = dialog_controls(&w);
    let (first, last) = (controls.first().expect("controls").clone(), controls.last().expect("controls").clone());
    assert_eq!(accessible_name(&last), I18n::default().t(Key::CommonCancel));
    last.focus().unwrap();
    fire_key(&last, "Tab", false);
    assert!(focused_is(&w, &first), "Tab wraps to the first control");
    fire_key(&first, "Tab", true);
    assert!(focused_is(&w, &last), "Shift+Tab wraps to the last control");
    // The reasons are one radio group, one Tab stop: Shift+Tab from any of them must not leave the dialog.
    choose_exactly(&w, &I18n::default().t(Key::DisconnectReasonCannotConnect));
    let chosen = radios(&w).into_iter().find(|(_, r)| r.checked()).map(|(_, r)| r).expect("a checked reason");
    let chosen: HtmlElement = chosen.unchecked_into();
    chosen.focus().unwrap();
    fire_key(&chosen, "Tab", true);
    assert!(focused_is(&w, &last), "Shift+Tab from the checked reason wraps to the last control");
    fire_key(&last, "Tab", false);
    assert!(focused_is(&w, &chosen), "Tab wraps to the reasons' tab stop (the checked one)");

    // Escape closes, back on the screen it came from, focus back on the control that opened it.
    fire_key(&chosen, "Escape", false);
    w.until("the dialog to close", 2000, |m| dialog(m).is_none()).await;
    let opener_name = action_label(Action::Disconnect, MX);
    w.until("focus back on the opener", 2000, move |m| m.focused().is_some_and(|f| accessible_name(&f) == opener_name))
        .await;
    assert_eq!(w.heading(), t(Key::StatusClosedTitle));

    // A reason is required.
    open_disconnect(&w, MX).await;
    dialog_button(&w, &I18n::default().t(Key::DisconnectConfirm)).click();
    w.until("the missing-reason error", 2000, |m| m.text().contains(&I18n::default().t(Key::DisconnectReasonRequired)))
        .await;
    assert!(radios(&w).iter().all(|(_, r)| attr(r, "aria-invalid").as_deref() == Some("true")));
    w.until("focus on the first reason", 2000, |m| {
        m.focused().is_some_and(|f| attr(&f, "aria-invalid").as_deref() == Some("true"))
    })
    .await;
    assert!(events_named(&w, "connect/memberDeleted").is_empty());

    choose_exactly(&w, &I18n::default().t(Key::DisconnectReasonOther));
    dialog_button(&w, &I18n::default().t(Key::DisconnectConfirm)).click();
    w.until_heading(&t(Key::DisconnectedTitle)).await;
    assert!(dialog(&w).is_none());
    assert_eq!(events_named(&w, "connect/memberDeleted"), vec![json!({"member_guid": guid})]);
    w.click(&I18n::default().t(Key::CommonDone));
    w.until_heading(&I18n::default().t(Key::SearchTitle)).await;
    w.unmount();
}

fn gringotts_member(status: &str) -> Value {
    json!({"guid": "MBR-GRG", "institution_guid": "INS-GRG", "connection_status": status, "is_being_aggregated": false, "is_managed_by_user": true})
}

fn gringotts() -> Value {
    json!({"guid": "INS-GRG", "code": "gringotts", "name": GRINGOTTS, "url": "https://gringotts.example"})
}

fn mount_on_member(host: &JsValue, config: Value) -> Mounted {
    let mut client = json!({"current_member_guid": "MBR-GRG"});
    if let (Some(c), Some(extra)) = (client.as_object_mut(), config.as_object()) {
        c.extend(extra.clone());
    }
    mount_with(host.clone(), json!({"clientConfig": client}))
}

// Issue 3.5: a failed deleteMember shows an alert in the dialog, which stays usable; a retry succeeds.
#[wasm_bindgen_test]
async fn disconnect_failure_keeps_the_dialog_usable() {
    let host = fake_host(&json(&gringotts_member("CLOSED")), &json(&gringotts()));
    set_host(&host, "deleteFailures", &JsValue::from_f64(1.0));
    let w = mount_on_member(&host, json!({}));
    w.until_heading(&tn(Key::StatusClosedTitle, GRINGOTTS)).await;
    open_disconnect(&w, GRINGOTTS).await;
    choose_exactly(&w, &I18n::default().t(Key::DisconnectReasonNoShare));
    dialog_button(&w, &I18n::default().t(Key::DisconnectConfirm)).click();

    let failed = tn(Key::DisconnectFailed, GRINGOTTS);
    w.until("the failure alert", 2000, |m| m.alerts().contains(&failed)).await;
    let d = dialog(&w).expect("the dialog stays open");
    assert!(
        query_all(&d, "[role=alert]").iter().any(|a| a.text_content().as_deref() == Some(failed.as_str())),
        "the alert is in the dialog"
    );
    let confirm = dialog_button(&w, &I18n::default().t(Key::DisconnectConfirm));
    assert_eq!(attr(&confirm, "aria-disabled"), None, "usable again");
    assert!(radios(&w).iter().all(|(_, r)| !r.disabled()));
    assert!(radios(&w).iter().any(|(_, r)| r.checked()), "the chosen reason is kept");
    assert!(events_named(&w, "connect/memberDeleted").is_empty());

    confirm.click();
    w.until_heading(&tn(Key::DisconnectedTitle, GRINGOTTS)).await;
    assert_eq!(events_named(&w, "connect/memberDeleted"), vec![json!({"member_guid": "MBR-GRG"})]);
    assert_eq!(host_calls(&host).iter().filter(|c| *c == "deleteMember").count(), 2);
    w.unmount();
}

// ---- 6: support ------------------------------------------------------------------

// Issue 3.6: "Get help" from a login error, MFA and the update form: validation, a failure that keeps the
// form usable (the reference froze it), success, and Done back to where it came from.
#[wasm_bindgen_test]
async fn support_form_from_every_screen() {
    let i = I18n::default();
    for (password, origin) in [
        ("status:LOCKED", t(Key::StatusLockedTitle)),
        ("challenge", t(Key::MfaTitle)),
        ("UNAUTHORIZED", t(Key::CredentialsUpdateTitle)),
    ] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", password);
        w.until_heading(&origin).await;
        w.until_button(&i.t(Key::StatusActionGetHelp)).await;
        exact_button(&w, &i.t(Key::StatusActionGetHelp)).click();
        w.until_heading(&i.t(Key::SupportTitle)).await;
        w.until_heading_focused().await;

        let (email, subject, message) = (i.t(Key::SupportEmail), i.t(Key::SupportSubject), i.t(Key::SupportMessage));
        let invalid = |m: &Mounted, label: &str| attr(&text_field(m, label), "aria-invalid").as_deref() == Some("true");
        // Nothing filled: each field says what it needs.
        w.click(&i.t(Key::SupportSend));
        w.until("all three fields marked", 2000, |m| {
            invalid(m, &email) && invalid(m, &subject) && invalid(m, &message)
        })
        .await;
        for key in [Key::SupportEmailInvalid, Key::SupportSubjectRequired, Key::SupportMessageRequired] {
            assert!(w.text().contains(&i.t(key)), "{password}: {key}");
        }
        // A bad email address alone.
        type_text(&w, &email, "not an email");
        type_text(&w, &subject, "Can't connect");
        type_text(&w, &message, "It keeps failing.");
        w.click(&i.t(Key::SupportSend));
        w.until("only the email marked", 2000, |m| {
            invalid(m, &email) && !invalid(m, &subject) && !invalid(m, &message)
        })
        .await;

        // The host fails: an alert, and the form stays usable.
        type_text(&w, &email, "fail@example.com");
        w.click(&i.t(Key::SupportSend));
        w.until("the failure alert", 2000, |m| m.alerts().contains(&i.t(Key::ErrorGeneric))).await;
        assert_eq!(w.heading(), i.t(Key::SupportTitle));
        for label in [&email, &subject, &message] {
            assert!(!text_field(&w, label).has_attribute("disabled"), "{password}: {label} usable");
        }
        assert_eq!(attr(&exact_button(&w, &i.t(Key::SupportSend)), "aria-disabled"), None);

        // Success, then Done goes back.
        type_text(&w, &email, "me@example.com");
        w.click(&i.t(Key::SupportSend));
        w.until_heading(&i.t(Key::SupportSentTitle)).await;
        w.until_heading_focused().await;
        assert!(w.text().contains(&i.tf(Key::SupportSentBody, &[("email", "me@example.com")])));
        w.click(&i.t(Key::CommonDone));
        w.until_heading(&origin).await;
        w.until_heading_focused().await;
        w.unmount();
    }
}

// ---- 7: a member that fails to load, and the first step of a loaded member -------

// Issue 3.7: 404 → "not found"; 500 or no answer → the generic load error, whose "Try again" works once the host answers.
#[wasm_bindgen_test]
async fn member_that_fails_to_load() {
    let i = I18n::default();
    let host = fake_host(&json(&gringotts_member("CONNECTED")), &json(&gringotts()));
    set_host(&host, "load", &JsValue::from_str("404"));
    let w = mount_on_member(&host, json!({}));
    w.until_heading(&i.t(Key::LoadNotFoundTitle)).await;
    w.until_button(&i.t(Key::LoadSearch)).await;
    w.unmount();

    for failure in ["500", "hang"] {
        let host = fake_host(&json(&gringotts_member("CONNECTED")), &json(&gringotts()));
        set_host(&host, "load", &JsValue::from_str(failure));
        let w = mount_on_member(&host, json!({}));
        w.until_heading(&i.t(Key::LoadFailedTitle)).await;
        set_host(&host, "load", &JsValue::from_str("ok"));
        exact_button(&w, &i.t(Key::CommonRetry)).click();
        w.until_heading(&tn(Key::ConnectedTitle, GRINGOTTS)).await;
        w.unmount();
    }
}

// Issue 3.7: where a configured member starts (inventory §4.2), and the aggregator's message shown as text.
#[wasm_bindgen_test]
async fn first_step_follows_the_loaded_member() {
    let mut challenged = gringotts_member("CHALLENGED");
    challenged["is_being_aggregated"] = json!(true);
    challenged["mfa"] =
        json!({"credentials": [{"guid": "CRD-Q", "label": "Enter the code we texted you", "field_type": "TOKEN"}]});
    let mut down = gringotts_member("FAILED");
    let hostile = "<img src=x onerror=\"window.__cw_pwned=1\"> Back at <b>5 pm</b>";
    down["error"] = json!({"error_code": 3001, "user_message": hostile});
    let cases = [
        (challenged, false, tn(Key::MfaTitle, GRINGOTTS)),
        (gringotts_member("CONNECTED"), false, tn(Key::ConnectedTitle, GRINGOTTS)),
        (gringotts_member("DENIED"), false, tn(Key::CredentialsUpdateTitle, GRINGOTTS)),
        (gringotts_member("CONNECTED"), true, tn(Key::CredentialsUpdateTitle, GRINGOTTS)),
        (gringotts_member("LOCKED"), false, tn(Key::StatusLockedTitle, GRINGOTTS)),
        (down, false, tn(Key::Code3001Title, GRINGOTTS)),
    ];
    for (member, update_credentials, heading) in cases {
        let status = member["connection_status"].clone();
        let host = fake_host(&json(&member), &json(&gringotts()));
        let w = mount_on_member(&host, json!({"update_credentials": update_credentials}));
        w.until_heading(&heading).await;
        assert_eq!(w.heading(), heading, "{status} update_credentials={update_credentials}");
        if heading == tn(Key::CredentialsUpdateTitle, GRINGOTTS) {
            w.until("the update form", 2000, |m| m.find("textbox", "Password").is_some()).await;
            assert!(host_calls(&host).contains(&"getMemberCredentials".to_string()), "the member's own fields");
            // Updating a connected member at the partner's request is not a member error.
            let errors = events_named(&w, "connect/memberError");
            assert_eq!(errors.len(), usize::from(status != json!("CONNECTED")), "{status}: {errors:?}");
        }
        if heading == tn(Key::MfaTitle, GRINGOTTS) {
            assert_eq!(attr(&w.field("Enter the code"), "autocomplete").as_deref(), Some("one-time-code"));
        }
        if heading == tn(Key::Code3001Title, GRINGOTTS) {
            assert!(w.text().contains(hostile), "the message as text: {}", w.text());
            let notice = query_all(&w.root(), ".cw-notice").into_iter().next().expect("the message");
            assert!(query_all(&notice, "img, b").is_empty(), "no markup from the aggregator");
            assert_eq!(events_named(&w, "connect/invalidData"), vec![json!({"member_guid": "MBR-GRG", "code": 3001})]);
        }
        w.unmount();
    }
}

// ---- 8: unavailable institutions -------------------------------------------------

async fn expect_unavailable(w: &Mounted, name: &str) {
    w.until_heading(&tn(Key::InstitutionUnavailableTitle, name)).await;
    assert!(w.by_role("textbox").is_empty(), "no credentials asked");
    w.click(&I18n::default().t(Key::InstitutionChooseAnother));
    w.until_heading(&I18n::default().t(Key::SearchTitle)).await;
}

// Issue 3.8: unavailable (status 3), client-blocked and partner-listed institutions are explained before any
// credentials are asked, with a way back to search — from search and as the configured institution.
#[wasm_bindgen_test]
async fn unavailable_institutions_are_explained_first() {
    let search = I18n::default().t(Key::SearchLabel);
    for (code, name) in [("unavailable_bank", "Unavailable Test Bank"), ("client_blocked_bank", "Client Blocked Bank")]
    {
        let w = mount_sandbox(json!({"timing": timing()}));
        w.until_heading(&I18n::default().t(Key::SearchTitle)).await;
        w.type_into(&search, name);
        w.until_button(name).await;
        assert!(
            accessible_name(&w.button(name)).contains(&I18n::default().t(Key::SearchUnavailable)),
            "marked in the list"
        );
        w.click(name);
        expect_unavailable(&w, name).await;
        w.unmount();

        let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": code}, "timing": timing()}));
        expect_unavailable(&w, name).await;
        w.unmount();
    }

    let listed = json!({"unavailableInstitutions": [{"name": MX}]});
    let w = mount_sandbox(
        json!({"clientConfig": {"current_institution_code": "mxbank"}, "experimentalFeatures": listed, "timing": timing()}),
    );
    expect_unavailable(&w, MX).await;
    w.type_into(&search, "MX Bank");
    let unavailable = I18n::default().t(Key::SearchUnavailable);
    let mx_result = move |m: &Mounted| {
        m.by_role("button").into_iter().find(|b| {
            let n = accessible_name(b);
            n.contains(MX) && !n.contains("OAuth") && n.ends_with(&unavailable)
        })
    };
    w.until("MX Bank marked unavailable in the results", 3000, |m| mx_result(m).is_some()).await;
    mx_result(&w).and_then(|b| b.dyn_into::<HtmlElement>().ok()).expect("MX Bank").click();
    expect_unavailable(&w, MX).await;
    w.unmount();
}
