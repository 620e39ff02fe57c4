//! The login form: validation, the password toggle, going back, a configured
//! institution, hosts that fail on the way, an existing member (409), and
//! updating the credentials of a member whose login was refused.

use crate::common::browser::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

// ---- The form ----------------------------------------------------------------------

// Empty required fields are flagged on the field (aria-invalid, aria-describedby message), focus goes to the first; nothing is sent.
#[wasm_bindgen_test]
async fn required_credentials_are_validated_per_field() {
    let w = mount_sandbox(json!({}));
    open_mx_bank(&w).await;
    w.click("Continue");
    w.until("both fields invalid", 3000, |m| attr(&m.field("Password"), "aria-invalid").as_deref() == Some("true"))
        .await;
    for (label, message) in [("Username", "Enter your Username."), ("Password", "Enter your Password.")] {
        let field = w.field(label);
        assert_eq!(attr(&field, "aria-invalid").as_deref(), Some("true"), "{label}");
        let described = attr(&field, "aria-describedby").unwrap_or_else(|| panic!("{label} has aria-describedby"));
        let text = w.root().get_element_by_id(&described).and_then(|e| e.text_content());
        assert_eq!(text.as_deref(), Some(message), "{label}'s message");
    }
    w.until("focus on Username", 2000, |m| m.focused().is_some_and(|f| f.is_same_node(Some(&m.field("Username")))))
        .await;
    assert!(w.events_named("connect/enterCredentials").is_empty(), "nothing submitted");

    w.type_into("Username", "test_atrium");
    w.click("Continue");
    w.until("only the password invalid", 3000, |m| attr(&m.field("Username"), "aria-invalid").is_none()).await;
    assert_eq!(attr(&w.field("Password"), "aria-invalid").as_deref(), Some("true"));
    assert!(attr(&w.field("Username"), "aria-describedby").is_none());
    w.until("focus on Password", 2000, |m| m.focused().is_some_and(|f| f.is_same_node(Some(&m.field("Password")))))
        .await;
    assert!(w.events_named("connect/enterCredentials").is_empty());
    w.unmount();
}

// The password can be shown and hidden again: a toggle button (aria-pressed) that switches the input type.
#[wasm_bindgen_test]
async fn password_visibility_toggle() {
    let w = mount_sandbox(json!({}));
    open_mx_bank(&w).await;
    let password = w.field("Password");
    assert_eq!(password.type_(), "password");
    let toggle = w.button("Show password");
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("false"));
    toggle.click();
    w.until("the password shown", 2000, |m| m.field("Password").type_() == "text").await;
    // A toggle button keeps its name; its state is aria-pressed (a name that flips would read
    // "Hide password, pressed", which says the opposite of what is on screen).
    let toggle = w.button("Show password");
    assert_eq!(attr(&toggle, "aria-pressed").as_deref(), Some("true"));
    toggle.click();
    w.until("the password hidden", 2000, |m| m.field("Password").type_() == "password").await;
    assert_eq!(attr(&w.button("Show password"), "aria-pressed").as_deref(), Some("false"));
    w.unmount();
}

// ---- Going back, and a configured institution ------------------------------------------

// Back from the login form returns to the search the user made (results kept, no new search) and says so.
#[wasm_bindgen_test]
async fn back_from_credentials_keeps_the_search_results() {
    let w = mount_sandbox(json!({}));
    w.until_button("MX Bank").await;
    w.type_into("Search for your bank", "MX Bank");
    w.until_results_for("MX Bank").await;
    let before = w.listed_names();
    open_mx_bank(&w).await;
    w.click("Back");
    w.until_heading("Find your bank").await;
    w.until_heading_focused().await;
    assert_eq!(w.field("Search for your bank").value(), "MX Bank");
    assert_eq!(w.listed_names(), before);
    assert_eq!(w.events_named("connect/backToSearch"), [json!({})]);
    assert_eq!(w.events_named("connect/institutionSearch").len(), 1, "no new search");
    assert_eq!(w.step_changes().last(), Some(&pair("enterCreds", "search")));
    w.unmount();
}

// `current_institution_code` opens on its login form; with `disable_institution_search` there is no way back (no control, navigateBack() false).
#[wasm_bindgen_test]
async fn configured_institution_without_search_has_no_way_back() {
    let page_field = focused_page_input();
    let w = mount_sandbox(
        json!({"clientConfig": {"current_institution_code": "mxbank", "disable_institution_search": true}}),
    );
    w.until_heading("Log in to MX Bank").await;
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    assert_eq!(w.events(), [("connect/loaded".to_string(), json!({"initial_step": "enterCreds"}))]);
    assert!(!w.has_button("Back"), "{:?}", w.names("button"));
    assert!(!w.handle.navigate_back());
    assert!(w.heading().contains("Log in to MX Bank"));
    assert!(is_document_focus(&page_field), "the first step does not take focus");
    assert_eq!(w.event_names().len(), 1, "navigateBack() that went nowhere sends nothing");
    w.unmount();
    page_field.remove();
}

// With search allowed, the same start can go back to search — from the widget's host, too.
#[wasm_bindgen_test]
async fn configured_institution_with_search_navigates_back() {
    let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": "mxbank"}}));
    w.until_heading("Log in to MX Bank").await;
    assert_eq!(w.events_named("connect/loaded"), [json!({"initial_step": "enterCreds"})]);
    assert!(w.has_button("Back"));
    assert!(w.handle.navigate_back());
    w.until_heading("Find your bank").await;
    w.until_button("MX Bank").await;
    assert_eq!(w.events_named("connect/backToSearch"), [json!({})]);
    assert_eq!(w.step_changes(), [pair("enterCreds", "search")]);
    assert!(!w.handle.navigate_back(), "nothing before search");
    w.unmount();
}

// ---- Failing hosts: a message, and a way forward --------------------------------------

// A getInstitutionCredentials that never answers must not leave a spinner forever (timing.hostTimeoutMs).
#[wasm_bindgen_test]
async fn credential_fields_that_never_arrive_time_out_and_can_be_retried() {
    let api = host(json!({"faults": {"getInstitutionCredentials": ["never"]}}));
    let w = mount_host(&api);
    w.until_button("MX Bank").await;
    w.click("MX Bank");
    w.until_heading("Log in to MX Bank").await;
    w.until_alert("We couldn't load the login form for MX Bank").await;
    w.click("Try again");
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    log_in(&w, "jane", "pw");
    w.until_heading("You're connected").await;
    w.unmount();
}

// addMember answering `"x"` is a failed submit: alert, createMemberError, and the same form submits again.
#[wasm_bindgen_test]
async fn add_member_garbage_shows_an_error_and_resubmitting_works() {
    let api = host(json!({"faults": {"addMember": ["garbageX"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_alert("Something went wrong. Please try again.").await;
    assert!(w.heading().contains("Log in to MX Bank"));
    assert_eq!(
        w.events_named("connect/createMemberError"),
        [json!({"institution_guid": MX_GUID, "institution_code": "mxbank"})]
    );
    // What was typed is still there: submit again as is.
    w.click("Continue");
    w.until_heading("You're connected").await;
    assert_eq!(calls_to(&api, "addMember").len(), 2);
    assert_eq!(
        calls_to(&api, "addMember")[1][0]["credentials"],
        json!([{"guid": "CRD-LOGIN", "value": "jane"}, {"guid": "CRD-PASSWORD", "value": "pw"}])
    );
    w.unmount();
}

// addMember rejected with 500: the message shows, and "Back" leads to search from where the path works.
#[wasm_bindgen_test]
async fn add_member_rejected_with_500_then_back_to_search_works() {
    let api = host(json!({"faults": {"addMember": ["reject500"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_alert("Something went wrong").await;
    w.click("Back");
    w.until_heading("Find your bank").await;
    assert_eq!(w.events_named("connect/backToSearch").len(), 1);
    connect_from_popular(&w, "jane", "pw").await;
    w.unmount();
}

// An addMember whose Promise never settles times out with "no response"; a second submit goes through.
#[wasm_bindgen_test]
async fn add_member_that_never_answers_times_out_and_can_be_resubmitted() {
    let api = host(json!({"faults": {"addMember": ["never"]}}));
    let w = mount_host(&api);
    open_mx_bank(&w).await;
    log_in(&w, "jane", "pw");
    w.until_alert("We're not getting a response right now").await;
    w.click("Continue");
    w.until_heading("You're connected").await;
    w.unmount();
}

// ---- An existing member, and updating credentials ------------------------------------

// addMember's 409 with `data.guid` means the member exists: load it, update its credentials, connect.
#[wasm_bindgen_test]
async fn existing_member_409_continues_with_update_member() {
    let api = host(json!({"conflict": true}));
    let w = mount_host(&api);
    connect_from_popular(&w, "jane", "new-pw").await;
    let sequence: Vec<String> = calls(&api).into_iter().map(|(n, _)| n).filter(|n| n != "loadJob").collect();
    assert_eq!(
        &sequence[..6],
        [
            "loadPopularInstitutions",
            "loadInstitutionByGuid",
            "getInstitutionCredentials",
            "addMember",
            "loadMemberByGuid",
            "updateMember"
        ]
    );
    assert_eq!(calls_to(&api, "loadMemberByGuid")[0], json!(["MBR-EXISTING", "en"]));
    let update = &calls_to(&api, "updateMember")[0];
    assert_eq!(update[0]["guid"], "MBR-EXISTING");
    assert_eq!(
        update[0]["credentials"],
        json!([{"guid": "CRD-LOGIN", "value": "jane"}, {"guid": "CRD-PASSWORD", "value": "new-pw"}])
    );
    assert_eq!(update[1], client_config());
    assert_eq!(update[2], true);
    assert!(w.events_named("connect/createMemberError").is_empty());
    assert_eq!(
        w.events_named("connect/memberConnected"),
        [json!({"member_guid": "MBR-EXISTING", "user_guid": "USR-123"})]
    );
    // DENIED (loaded) → UPDATED (updateMember's answer, already known) → CONNECTED.
    let statuses: Vec<Value> =
        w.events_named("connect/memberStatusUpdate").iter().map(|d| d["connection_status"].clone()).collect();
    assert_eq!(statuses, [json!(6)]);
    w.unmount();
}

// DENIED → the update form (fields of the member) → new credentials → connected.
#[wasm_bindgen_test]
async fn update_credentials_end_to_end() {
    let w = at_mx_bank(json!({})).await;
    log_in(&w, "test_atrium", "UNAUTHORIZED");
    w.until_heading("Update your MX Bank login").await;
    w.until("the update form", 3000, |m| m.find("textbox", "Password").is_some()).await;
    assert!(w
        .alerts()
        .contains(&"The login details didn't match what MX Bank has. Please enter them again.".to_string()));
    let errors = w.events_named("connect/memberError");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["member"]["connection_status"], json!(2));
    let guid = errors[0]["member"]["guid"].as_str().unwrap_or_default().to_string();
    let institution = w.events_named("connect/enterCredentials")[0]["institution"].clone();
    assert_eq!(institution["code"], "mxbank");

    log_in(&w, "test_atrium", "password");
    w.until_heading("You're connected").await;
    assert_eq!(
        w.events_named("connect/updateCredentials"),
        vec![json!({"member_guid": guid, "institution": institution})]
    );
    w.assert_never_reported(&["UNAUTHORIZED", "password", "test_atrium"]);
    w.unmount();
}
