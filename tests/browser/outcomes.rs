//! Where a member ends up: connected, every connection status 0–21 and its
//! screen (title, message, exactly its actions), the actionable error codes,
//! the first step of a configured member, a member that fails to load, and
//! institutions that can't be connected.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

// The action buttons as a screen reader reads them, for MX Bank (the sandbox
// offers every action: search, support, its website, disconnect).
const TRY_AGAIN: &str = "Try again";
const UPDATE: &str = "Update login details";
const WEBSITE: &str = "Go to MX Bank's website (opens in a new tab)";
const ANOTHER: &str = "Choose another institution";
const HELP: &str = "Get help";
const DISCONNECT: &str = "Disconnect MX Bank";

/// The buttons of the current screen, in order (the chrome's back control left out).
fn screen_buttons(w: &Mounted) -> Vec<String> {
    w.names("button").into_iter().filter(|n| n.trim_start_matches('‹').trim() != "Back").collect()
}

// ---- Every connection status --------------------------------------------------------

/// What a connection status leads to.
enum Screen {
    /// Still connecting (polling goes on).
    Connecting,
    Mfa,
    Connected,
    /// The update form, with this notice.
    Update(&'static str),
    /// The login-error screen: title, message, exactly these actions in order.
    Error(&'static str, &'static str, &'static [&'static str]),
}

/// Each status (code, name) with its screen on MX Bank.
const STATUSES: [(u8, &str, Screen); 22] = [
    (0, "CREATED", Screen::Connecting),
    (
        1,
        "PREVENTED",
        Screen::Update("The last few attempts to connect didn't work. Please enter your login details again."),
    ),
    (2, "DENIED", Screen::Update("The login details didn't match what MX Bank has. Please enter them again.")),
    (3, "CHALLENGED", Screen::Mfa),
    (
        4,
        "REJECTED",
        Screen::Error(
            "That answer didn't work",
            "The answer you gave wasn't accepted by MX Bank. Try again to get a new question.",
            &[TRY_AGAIN, ANOTHER, HELP, DISCONNECT],
        ),
    ),
    (
        5,
        "LOCKED",
        Screen::Error(
            "Your account is locked",
            "MX Bank has locked your account. Sign in on their website and follow their steps to unlock it, then come back.",
            &[WEBSITE, HELP, ANOTHER, DISCONNECT],
        ),
    ),
    (6, "CONNECTED", Screen::Connected),
    (
        7,
        "IMPEDED",
        Screen::Error(
            "MX Bank needs your attention",
            "There's something to do on MX Bank's website, like accepting new terms or reading a message. Sign in there, then come back and try again.",
            &[WEBSITE, TRY_AGAIN, HELP, DISCONNECT],
        ),
    ),
    (8, "RECONNECTED", Screen::Connecting),
    (
        9,
        "DEGRADED",
        Screen::Error(
            "This connection is being upgraded",
            "Connections to MX Bank aren't working well right now. Please try again later.",
            &[TRY_AGAIN, ANOTHER, HELP, DISCONNECT],
        ),
    ),
    (
        10,
        "DISCONNECTED",
        Screen::Error(
            "We can't get your data right now",
            "We haven't been able to get your data from MX Bank for a while. We're working on it.",
            &[TRY_AGAIN, HELP, ANOTHER, DISCONNECT],
        ),
    ),
    (
        11,
        "DISCONTINUED",
        Screen::Error(
            "Connection no longer offered",
            "Connections to MX Bank are no longer supported. You can track this account by hand instead.",
            &[ANOTHER, DISCONNECT, HELP],
        ),
    ),
    (
        12,
        "CLOSED",
        Screen::Error(
            "This connection is closed",
            "This connection to MX Bank has been closed. If the account is open again, you can connect it again.",
            &[ANOTHER, WEBSITE, DISCONNECT],
        ),
    ),
    (
        13,
        "DELAYED",
        Screen::Error(
            "This is taking longer than usual",
            "Getting your data from MX Bank is taking a while. You can try again now or check back later.",
            &[TRY_AGAIN, ANOTHER, HELP],
        ),
    ),
    (
        14,
        "FAILED",
        Screen::Error(
            "We couldn't connect",
            "Something went wrong while checking your details with MX Bank. Please try again later.",
            &[TRY_AGAIN, WEBSITE, HELP, ANOTHER, DISCONNECT],
        ),
    ),
    (15, "UPDATED", Screen::Connecting),
    (
        16,
        "DISABLED",
        Screen::Error(
            "Updates are paused",
            "Getting data from MX Bank has been turned off. Contact support if you think this is a mistake.",
            &[HELP, ANOTHER, DISCONNECT],
        ),
    ),
    (17, "IMPORTED", Screen::Update("We need your login details for MX Bank before your data can be updated.")),
    (18, "RESUMED", Screen::Connecting),
    (
        19,
        "EXPIRED",
        Screen::Error(
            "Time ran out",
            "The answer wasn't sent in time. Try again to get a new question.",
            &[TRY_AGAIN, HELP, ANOTHER],
        ),
    ),
    (20, "IMPAIRED", Screen::Update("We need your login details for MX Bank before your data can be updated.")),
    (21, "PENDING", Screen::Update("We need your login details for MX Bank before your data can be updated.")),
];

// each connection status 0–21 leads to its screen: the login-error title and exactly its actions,
// MFA, connected, the update form with its notice, or still connecting.
#[wasm_bindgen_test]
async fn every_connection_status_has_its_screen() {
    for (n, status, screen) in &STATUSES {
        let password = format!("status:{n}");
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", &password);
        let member_error = |w: &Mounted| {
            let errors = w.events_named("connect/memberError");
            assert_eq!(errors.len(), 1, "{status}: one memberError: {errors:?}");
            assert_eq!(errors[0]["member"]["connection_status"], json!(n), "{status}");
            assert!(errors[0]["member"]["guid"].as_str().is_some_and(|g| !g.is_empty()));
        };
        match screen {
            Screen::Mfa => {
                w.until_heading("Verify it's you").await;
                w.field("What city");
            }
            Screen::Connected => {
                w.until_heading("You're connected").await;
                w.until_event("connect/memberConnected").await;
            }
            Screen::Update(notice) => {
                w.until_heading("Update your MX Bank login").await;
                w.until("the update form", 3000, |m| m.find("textbox", "Password").is_some()).await;
                assert!(w.alerts().iter().any(|a| a == notice), "{status}: notice {notice:?} in {:?}", w.alerts());
                member_error(&w);
            }
            Screen::Connecting => {
                if *status != "CREATED" {
                    let wanted = *n;
                    w.until(&format!("status {status} reported"), 3000, move |m| {
                        m.events_named("connect/memberStatusUpdate")
                            .iter()
                            .any(|e| e["connection_status"] == json!(wanted))
                    })
                    .await;
                }
                // A negative check: give the sandbox several jobs' time; nothing may end the wait.
                sleep(300).await;
                assert_eq!(w.heading(), "Connecting to MX Bank", "{status} keeps connecting");
                assert!(
                    w.events_named("connect/memberError").is_empty()
                        && w.events_named("connect/memberConnected").is_empty()
                );
            }
            Screen::Error(title, message, actions) => {
                w.until_heading(title).await;
                assert_eq!(w.heading(), *title, "{status}");
                assert!(w.text().contains(message), "{status}: message");
                assert_eq!(screen_buttons(&w), *actions, "{status}: exactly its actions, in order");
                member_error(&w);
            }
        }
        w.assert_never_reported(&[&password]);
        w.unmount();
    }
}

// ---- Actionable error codes ------------------------------------------------------------

// the actionable error codes: their screens (with `invalidData` and the aggregator's message),
// MFA for 2001–2003, the update form for 2004–2005, and 1000 only when verifying.
#[wasm_bindgen_test]
async fn actionable_error_codes_have_their_screens() {
    // 1000 outside verification is just connected.
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "error:1000");
    w.until_heading("You're connected").await;
    assert!(w.events_named("connect/invalidData").is_empty());
    w.unmount();

    let screens: [(u32, &str, &str, &[&str]); 6] = [
        (1000, "verification", "No eligible accounts", &[UPDATE, ANOTHER]),
        (1001, "aggregation", "No accounts found", &[ANOTHER, TRY_AGAIN, HELP]),
        (1002, "aggregation", "More permissions needed", &[UPDATE, ANOTHER, HELP]),
        (3000, "aggregation", "MX Bank isn't responding", &[TRY_AGAIN, ANOTHER]),
        (3001, "aggregation", "MX Bank is under maintenance", &[TRY_AGAIN, ANOTHER]),
        (3002, "aggregation", "MX Bank is unavailable", &[ANOTHER, TRY_AGAIN]),
    ];
    for (code, mode, title, actions) in screens {
        let w = at_mx_bank(json!({"mode": mode})).await;
        log_in(&w, "test_atrium", &format!("error:{code}"));
        w.until_heading(title).await;
        assert_eq!(w.heading(), title, "{code}");
        assert_eq!(screen_buttons(&w), actions, "{code}: exactly its actions");
        let guid = w.reported_member_guid();
        assert_eq!(w.events_named("connect/invalidData"), vec![json!({"member_guid": guid, "code": code})]);
        assert_eq!(w.events_named("connect/memberError").len(), 1, "{code}");
        let shown = w.text();
        let message = shown.split("Message from MX Bank:").nth(1).unwrap_or_default();
        assert!(!message.trim().is_empty(), "{code}: the aggregator's message is shown: {shown}");
        w.unmount();
    }

    for (code, notice) in [
        (2001, "That answer wasn't accepted. Please try again."),
        (2002, "That answer wasn't accepted. Please try again."),
        (2003, "The time to answer ran out. Please answer the new question."),
    ] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", &format!("error:{code}"));
        w.until_heading("Verify it's you").await;
        assert!(w.alerts().iter().any(|a| a == notice), "{code}: {:?}", w.alerts());
        w.type_into("What city", "correct");
        w.click("Continue");
        w.until_heading("You're connected").await;
        w.unmount();
    }

    for (code, notice) in [
        (2004, "MX Bank needs you to sign in again to keep this connection working."),
        (2005, "The login details didn't match what MX Bank has. Please enter them again."),
    ] {
        let w = at_mx_bank(json!({})).await;
        log_in(&w, "test_atrium", &format!("error:{code}"));
        w.until_heading("Update your MX Bank login").await;
        assert!(w.alerts().iter().any(|a| a == notice), "{code}: {:?}", w.alerts());
        assert_eq!(w.events_named("connect/memberError").len(), 1, "{code}");
        w.unmount();
    }
}

// ---- A configured member: its first step, or why it can't be loaded ---------------------

/// The innermost element of the widget whose text contains `text`.
fn innermost_with_text(w: &Mounted, text: &str) -> Option<Element> {
    query_all(&w.root(), "*")
        .into_iter()
        .filter(|e| e.text_content().is_some_and(|t| t.contains(text)))
        .min_by_key(|e| e.text_content().map_or(0, |t| t.len()))
}

// where a configured member starts (MX's first-step rules), and the aggregator's message shown as text.
#[wasm_bindgen_test]
async fn first_step_follows_the_loaded_member() {
    let mut challenged = gringotts_member("CHALLENGED");
    challenged["is_being_aggregated"] = json!(true);
    challenged["mfa"] =
        json!({"credentials": [{"guid": "CRD-Q", "label": "Enter the code we texted you", "field_type": "TOKEN"}]});
    let mut down = gringotts_member("FAILED");
    let hostile = "<img src=x onerror=\"window.__cw_pwned=1\"> Back at <b>5 pm</b>";
    down["error"] = json!({"error_code": 3001, "user_message": hostile});
    let (mfa, connected, update) = ("Verify it's you", "You're connected", "Update your Gringotts login");
    let (locked, maintenance) = ("Your account is locked", "Gringotts is under maintenance");
    let cases = [
        (challenged, false, mfa),
        (gringotts_member("CONNECTED"), false, connected),
        (gringotts_member("DENIED"), false, update),
        (gringotts_member("CONNECTED"), true, update),
        (gringotts_member("LOCKED"), false, locked),
        (down, false, maintenance),
    ];
    for (member, update_credentials, heading) in cases {
        let status = member["connection_status"].clone();
        let host = member_host(&member);
        let w = mount_on_member(&host, json!({"update_credentials": update_credentials}));
        w.until_heading(heading).await;
        assert_eq!(w.heading(), heading, "{status} update_credentials={update_credentials}");
        if heading == update {
            w.until("the update form", 2000, |m| m.find("textbox", "Password").is_some()).await;
            assert!(fake_host_calls(&host).contains(&"getMemberCredentials".to_string()), "the member's own fields");
            // Updating a connected member at the partner's request is not a member error.
            let errors = w.events_named("connect/memberError");
            assert_eq!(errors.len(), usize::from(status != json!("CONNECTED")), "{status}: {errors:?}");
        }
        if heading == mfa {
            assert_eq!(attr(&w.field("Enter the code"), "autocomplete").as_deref(), Some("one-time-code"));
        }
        if heading == maintenance {
            assert!(w.text().contains(hostile), "the message as text: {}", w.text());
            let notice = innermost_with_text(&w, hostile).expect("the message");
            assert!(
                notice.text_content().is_some_and(|t| t.contains("Message from Gringotts:")),
                "the message is credited to the institution"
            );
            assert!(query_all(&notice, "img, b").is_empty(), "no markup from the aggregator");
            assert_eq!(w.events_named("connect/invalidData"), vec![json!({"member_guid": "MBR-GRG", "code": 3001})]);
        }
        w.unmount();
    }
}

// 404 → "not found"; 500 or no answer → the generic load error, whose "Try again" works once the host answers.
#[wasm_bindgen_test]
async fn member_that_fails_to_load() {
    let host = member_host(&gringotts_member("CONNECTED"));
    set_host(&host, "load", &JsValue::from_str("404"));
    let w = mount_on_member(&host, json!({}));
    w.until_heading("We couldn't find that connection").await;
    w.until_button("Search for an institution").await;
    w.unmount();

    for failure in ["500", "hang"] {
        let host = member_host(&gringotts_member("CONNECTED"));
        set_host(&host, "load", &JsValue::from_str(failure));
        let w = mount_on_member(&host, json!({}));
        w.until_heading("We couldn't load this connection").await;
        set_host(&host, "load", &JsValue::from_str("ok"));
        w.exact_button("Try again").click();
        w.until_heading("You're connected").await;
        w.unmount();
    }
}

// ---- Institutions that can't be connected ---------------------------------------------------

async fn expect_unavailable(w: &Mounted, heading: &str) {
    w.until_heading(heading).await;
    assert!(w.by_role("textbox").is_empty(), "no credentials asked");
    w.click("Choose another institution");
    w.until_heading("Find your bank").await;
}

// unavailable (status 3), client-blocked and partner-listed institutions are explained before any
// credentials are asked, with a way back to search — from search and as the configured institution.
#[wasm_bindgen_test]
async fn unavailable_institutions_are_explained_first() {
    let search = "Search for your bank or credit union";
    for (code, name, heading) in [
        ("unavailable_bank", "Unavailable Test Bank", "Unavailable Test Bank can't be connected right now"),
        ("client_blocked_bank", "Client Blocked Bank", "Client Blocked Bank isn't supported here"),
    ] {
        let w = mount_sandbox(json!({"timing": syncing_timing()}));
        w.until_heading("Find your bank").await;
        w.type_into(search, name);
        w.until_button(name).await;
        assert!(accessible_name(&w.button(name)).contains("Unavailable"), "marked in the list");
        w.click(name);
        expect_unavailable(&w, heading).await;
        w.unmount();

        let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": code}, "timing": syncing_timing()}));
        expect_unavailable(&w, heading).await;
        w.unmount();
    }

    let listed = json!({"unavailableInstitutions": [{"name": "MX Bank"}]});
    let w = mount_sandbox(
        json!({"clientConfig": {"current_institution_code": "mxbank"}, "experimentalFeatures": listed, "timing": syncing_timing()}),
    );
    expect_unavailable(&w, "MX Bank isn't supported here").await;
    w.type_into(search, "MX Bank");
    let mx_result = |m: &Mounted| {
        m.by_role("button").into_iter().find(|b| {
            let n = accessible_name(b);
            n.contains("MX Bank") && !n.contains("OAuth") && n.ends_with("Unavailable")
        })
    };
    w.until("MX Bank marked unavailable in the results", 3000, |m| mx_result(m).is_some()).await;
    mx_result(&w).and_then(|b| b.dyn_into::<HtmlElement>().ok()).expect("MX Bank").click();
    expect_unavailable(&w, "MX Bank isn't supported here").await;
    w.unmount();
}
