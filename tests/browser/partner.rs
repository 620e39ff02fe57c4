//! What partners configure, in the real widget: discovered institutions,
//! the institution status cases with and without search, the brand colour
//! at AA contrast, event overrides, survey callbacks, logos, the first-step
//! back button and the console warnings for options the widget cannot use.
//! `partner_host` is the test host the consent and manual-account suites share.

use crate::common::browser::*;
use connect_widget::host::js::js_to_json;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

// A host configured by `setup`: `institutions` (every one it knows), `popular`,
// `discovered`, `members`; `failAccount` makes createAccount fail once. A new
// member connects on the third poll. `set_institution` changes what
// loadInstitutionByGuid answers from then on. Every call is recorded.
#[wasm_bindgen(module = "/tests/common/browser.js")]
extern "C" {
    pub fn partner_host(setup: &JsValue) -> JsValue;
    pub fn set_institution(api: &JsValue, key: &str, institution: &JsValue);
    fn partner_calls(api: &JsValue) -> JsValue;
    pub fn add_callbacks(options: &JsValue, got: &JsValue);
    fn add_overrides(options: &JsValue, throwing: bool);
    pub fn new_object() -> JsValue;
    fn as_json(v: &JsValue) -> JsValue;
    #[wasm_bindgen(catch)]
    fn warnings_during(f: &js_sys::Function) -> Result<Vec<String>, JsValue>;
    pub fn computed(el: &Element, property: &str) -> String;
    fn prefers_dark() -> bool;
    pub fn set_style(el: &Element, property: &str, value: &str);
    fn page_origin() -> String;
    fn page_directory() -> String;
    fn record_image_sources(root: &web_sys::ShadowRoot) -> JsValue;
}

/// `{guid, code, name, url}` plus `extra`.
pub fn bank(guid: &str, name: &str, extra: Value) -> Value {
    let mut i = json!({"guid": guid, "code": guid.to_lowercase(), "name": name, "url": "https://bank.example"});
    if let (Some(i), Some(extra)) = (i.as_object_mut(), extra.as_object()) {
        i.extend(extra.clone());
    }
    i
}

/// Arguments of every call to `name` the partner host got.
pub fn partner_calls_to(api: &JsValue, name: &str) -> Vec<Value> {
    let calls = js_to_json(&partner_calls(api)).unwrap_or(Value::Null);
    calls
        .as_array()
        .map(|a| a.iter().filter(|c| c["name"] == name).map(|c| c["args"].clone()).collect())
        .unwrap_or_default()
}

/// What a recorder object holds, as JSON.
pub fn read(got: &JsValue) -> Value {
    js_to_json(&as_json(got)).unwrap_or(Value::Null)
}

// ---- Discovered institutions ---------------------------------------------------------------

// With `products: ["transactions"]` and a connected member, discovered
// institutions join the popular ones: no repeats, not the member's own, most popular first.
#[wasm_bindgen_test]
async fn discovered_institutions_are_merged_with_popular_ones() {
    let api = partner_host(&json(&json!({
        "popular": [bank("INS-A", "Alpha Bank", json!({"popularity": 10})), bank("INS-B", "Beta Bank", json!({"popularity": 30}))],
        "discovered": [bank("INS-C", "Gamma Bank", json!({"popularity": 20})), bank("INS-B", "Beta Bank", json!({"popularity": 30}))],
        "members": [{"guid": "MBR-A", "institution_guid": "INS-A", "connection_status": 6}],
    })));
    let w = mount_with(
        api.clone(),
        json!({"clientConfig": {"data_request": {"products": ["transactions"]}, "iso_country_code": "US"}}),
    );
    w.until_button("Gamma Bank").await;
    assert_eq!(w.listed_names(), ["Beta Bank bank.example", "Gamma Bank bank.example"]);
    assert_eq!(
        partner_calls_to(&api, "loadDiscoveredInstitutions"),
        [json!([{"per_page": 25, "iso_country_code": "US"}])]
    );
    assert_eq!(
        partner_calls_to(&api, "loadPopularInstitutions"),
        [json!([{"per_page": 25, "iso_country_code": "US"}])]
    );
    w.unmount();

    // A curated list is shown as given: no member list, no discovery.
    let api = partner_host(&json(&json!({
        "popular": [bank("INS-A", "Alpha Bank", json!({"popularity": 10})), bank("INS-B", "Beta Bank", json!({"popularity": 30}))],
        "discovered": [bank("INS-C", "Gamma Bank", json!({}))],
    })));
    let w = mount_with(
        api.clone(),
        json!({"clientConfig": {"data_request": {"products": ["transactions"]}},
               "profiles": {"clientProfile": {"uses_custom_popular_institution_list": true}}}),
    );
    w.until_button("Alpha Bank").await;
    assert_eq!(w.listed_names(), ["Alpha Bank bank.example", "Beta Bank bank.example"]);
    assert!(
        partner_calls_to(&api, "loadMembers").is_empty()
            && partner_calls_to(&api, "loadDiscoveredInstitutions").is_empty()
    );
    w.unmount();
}

// ---- Institution status ----------------------------------------------------------------------

fn status_institutions() -> Value {
    json!([
        bank("INS-CHASE", "Chase Bank", json!({"is_disabled_by_client": true})),
        bank("INS-LISTED", "Listed Bank", json!({})),
        bank("INS-DOWN", "Down Bank", json!({"status": 3, "url": null})),
    ])
}

const CASES: [(&str, &str, &str); 3] = [
    ("INS-CHASE", "Chase Bank", "Free connections to Chase Bank aren't available"),
    ("INS-LISTED", "Listed Bank", "Listed Bank isn't supported here"),
    ("INS-DOWN", "Down Bank", "Down Bank can't be connected right now"),
];

// From search, each case is explained and leads back to another institution.
#[wasm_bindgen_test]
async fn each_institution_status_case_with_search() {
    for (_, name, heading) in CASES {
        let api =
            partner_host(&json(&json!({"institutions": status_institutions(), "popular": status_institutions()})));
        let w =
            mount_with(api, json!({"experimentalFeatures": {"unavailableInstitutions": [{"name": "Listed Bank"}]}}));
        w.until_button(name).await;
        w.click(name);
        w.until_heading(heading).await;
        assert!(w.by_role("textbox").is_empty(), "no login asked");
        assert!(w.has_button("Choose another institution"), "{name}");
        w.click("Choose another institution");
        w.until_heading("Find your bank").await;
        assert_eq!(w.events_named("connect/backToSearch"), [json!({})]);
        w.unmount();
    }
}

// Without search, the configured institution's status still has a way forward:
// its website, checking again, a manual account.
#[wasm_bindgen_test]
async fn each_institution_status_case_without_search() {
    for (guid, name, heading) in CASES {
        let api = partner_host(&json(&json!({"institutions": status_institutions()})));
        let w = mount_with(
            api.clone(),
            json!({"clientConfig": {"current_institution_guid": guid, "disable_institution_search": true},
                   "experimentalFeatures": {"unavailableInstitutions": [{"guid": "INS-LISTED"}]},
                   "profiles": {"widgetProfile": {"enable_manual_accounts": true, "enable_support_requests": false}}}),
        );
        w.until_heading(heading).await;
        assert!(!w.has_button("Choose another institution") && !w.has_button("Back"), "no search to go back to");
        assert!(w.has_button("Add an account manually"), "{name}: a manual account is a way forward");
        let website = format!("Go to {name}'s website");
        if guid == "INS-DOWN" {
            assert!(!w.has_button(&website), "no website to offer");
            w.click("Check again");
            w.until("the check to answer", 3000, |m| m.text().contains("still can't be connected")).await;
            // The outage ends: checking again opens the login form.
            set_institution(&api, guid, &json(&bank(guid, name, json!({}))));
            w.click("Check again");
            w.until_heading(&format!("Log in to {name}")).await;
        } else {
            assert!(w.has_button(&website), "{name}");
            assert!(!w.has_button("Check again"), "{name}: checking again would change nothing");
        }
        w.unmount();
    }
}

// ---- Brand colour ------------------------------------------------------------------------------

/// `rgb(r, g, b)` → its parts.
fn rgb(css: &str) -> (f64, f64, f64) {
    let n: Vec<f64> = css
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    assert!(n.len() >= 3, "a colour: {css:?}");
    (n[0], n[1], n[2])
}

/// WCAG contrast of two CSS colours, computed here (not by the widget's code).
pub fn contrast_of(a: &str, b: &str) -> f64 {
    let lum = |(r, g, b): (f64, f64, f64)| {
        let c = |v: f64| {
            let v = v / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
    };
    let (x, y) = (lum(rgb(a)), lum(rgb(b)));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn primary_button(w: &Mounted) -> Element {
    query_all(&w.root(), ".cw-primary").into_iter().next().expect("a primary button")
}

async fn login_form(config: Value, profiles: Value) -> Mounted {
    let mut client = json!({"current_institution_code": "mxbank"});
    if let (Some(c), Some(extra)) = (client.as_object_mut(), config.as_object()) {
        c.extend(extra.clone());
    }
    let w = mount_sandbox(json!({"clientConfig": client, "profiles": profiles}));
    w.until("the MX Bank login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    w
}

// A brand colour too light to read is darkened until text on it and links in it reach 4.5:1.
#[wasm_bindgen_test]
async fn the_brand_colour_is_applied_with_aa_contrast() {
    for (scheme, colour) in [("light", "#ffd100"), ("light", "#7fd8ff"), ("dark", "#0b3d91"), ("dark", "#000000")] {
        let w =
            login_form(json!({"color_scheme": scheme}), json!({"clientColorScheme": {"widget_brand_color": colour}}))
                .await;
        let button = primary_button(&w);
        let (fill, text) = (computed(&button, "background-color"), computed(&button, "color"));
        let root = query_all(&w.root(), ".cw-root").into_iter().next().expect("root");
        let background = computed(&root, "background-color");
        assert!(contrast_of(&fill, &text) >= 4.5, "{scheme} {colour}: text {text} on {fill}");
        let link = query_all(&w.root(), ".cw-link").into_iter().next().expect("a link");
        let link_colour = computed(&link, "color");
        assert!(contrast_of(&link_colour, &background) >= 4.5, "{scheme} {colour}: link {link_colour} on {background}");
        assert_eq!(link_colour, fill, "links and buttons share the brand colour");
        assert!(attr(&root, "style").is_some_and(|s| s.contains("--cw-brand-primary")), "set through the CSSOM");
        w.unmount();
    }
    // A readable colour is used exactly as given (primary_300 when there is no widget_brand_color).
    let w = login_form(json!({}), json!({"clientColorScheme": {"primary_300": "#0b3d91"}})).await;
    assert_eq!(computed(&primary_button(&w), "background-color"), "rgb(11, 61, 145)");
    assert_eq!(computed(&primary_button(&w), "color"), "rgb(255, 255, 255)");
    w.unmount();
}

// The partner can set the widget's custom properties from the page, through the shadow root.
#[wasm_bindgen_test]
async fn custom_properties_set_outside_reach_the_widget() {
    let w = mount_sandbox(json!({"clientConfig": {"current_institution_code": "mxbank"},
                                 "profiles": {"clientColorScheme": {"widget_brand_color": "#0b3d91"}}}));
    set_style(&w.host, "--cw-theme-primary", "rgb(90, 20, 120)");
    set_style(&w.host, "--cw-theme-radius", "2px");
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    let button = primary_button(&w);
    assert_eq!(
        computed(&button, "background-color"),
        "rgb(90, 20, 120)",
        "the page's value wins over the brand colour"
    );
    assert_eq!(computed(&button, "border-top-left-radius"), "2px");
    w.unmount();
}

// `color_scheme: "auto"` follows the system's preference.
#[wasm_bindgen_test]
async fn auto_color_scheme_follows_the_system() {
    let w = login_form(json!({"color_scheme": "auto"}), json!({})).await;
    let root = query_all(&w.root(), ".cw-root").into_iter().next().expect("root");
    assert_eq!(attr(&root, "data-theme").as_deref(), Some("auto"));
    let expected = if prefers_dark() { "rgb(21, 24, 29)" } else { "rgb(255, 255, 255)" };
    assert_eq!(computed(&root, "background-color"), expected);
    w.unmount();
}

// ---- Event overrides ---------------------------------------------------------------------------

async fn connect_with_overrides(throwing: bool) -> Mounted {
    let api = partner_host(&json(
        &json!({"popular": [bank("INS-A", "Alpha Bank", json!({}))], "institutions": [bank("INS-A", "Alpha Bank", json!({}))]}),
    ));
    let w = mount_patched(api, json!({}), |options| add_overrides(options, throwing));
    w.until_button("Alpha Bank").await;
    w.click("Alpha Bank");
    w.until("the login form", 3000, |m| m.find("textbox", "Username").is_some()).await;
    log_in(&w, "ada", "pw");
    w.until_heading("You're connected").await;
    w
}

// createEventData replaces both payloads; getHasStatusChanged reports polls the status alone would not.
#[wasm_bindgen_test]
async fn overrides_change_the_two_payloads() {
    let w = connect_with_overrides(false).await;
    assert_eq!(
        w.events_named("connect/memberStatusUpdate"),
        [
            json!({"custom": "status", "status": "CREATED"}),
            json!({"custom": "status", "status": "CREATED"}),
            json!({"custom": "status", "status": "CONNECTED"})
        ]
    );
    assert_eq!(
        w.events_named("connect/memberConnected"),
        [json!({"custom": "connected", "member": "MBR-P", "institution": "INS-A", "consented": false})]
    );
    w.unmount();
    // An override that throws changes nothing: the widget's own data, and the widget goes on.
    let w = connect_with_overrides(true).await;
    assert_eq!(w.events_named("connect/memberStatusUpdate"), [json!({"member_guid": "MBR-P", "connection_status": 6})]);
    assert_eq!(w.events_named("connect/memberConnected"), [json!({"member_guid": "MBR-P", "user_guid": "USR-P"})]);
    w.unmount();
}

// ---- Survey ------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn survey_callbacks_are_called() {
    let got = new_object();
    let w =
        mount_patched(JsValue::from_str("sandbox"), json!({"timing": syncing_timing()}), |o| add_callbacks(o, &got));
    connect_from_popular(&w, "test_atrium", "password").await;
    w.click("Give feedback");
    w.until_heading("How did it go?").await;
    assert_eq!(read(&got)["shown"], json!(1));
    w.click("Send feedback");
    w.until("the missing answers", 3000, |m| m.text().contains("Choose an answer.")).await;
    assert!(read(&got).get("answers").is_none(), "nothing sent without the two ratings");
    let radios = w.radios();
    let pick = |n: usize| radios[n].1.click();
    pick(3); // the first question: "Agree"
    pick(9); // the second: "Strongly agree"
             // A textarea: typed into directly (`type_into` takes inputs).
    fire_input(&w.find("textbox", "Anything else you'd like to tell us?").expect("the comment"), "Smooth.");
    w.click("Send feedback");
    w.until_heading("Thanks for your feedback").await;
    assert_eq!(read(&got)["answers"], json!([{"0": "4", "1": "5", "2": "Smooth."}]));
    w.click("Done");
    w.until_heading("You're connected").await;
    w.unmount();

    // Without the partner's callback there is no survey to offer.
    let w = mount_sandbox(json!({"timing": syncing_timing()}));
    connect_from_popular(&w, "test_atrium", "password").await;
    assert!(!w.has_button("Give feedback"));
    w.unmount();
}

// ---- Logos ---------------------------------------------------------------------------------------

// A relative logo resolves against the page, an http logo on the page's own
// origin loads as is, another http logo is asked for over https. (Every `src`
// the widget sets is recorded as it is set: a logo that fails to load gives
// way to initials at once.)
#[wasm_bindgen_test]
async fn logos_resolve_as_the_page_would() {
    let origin = page_origin();
    let http_here = format!("{origin}/here.png");
    let popular = json!([
        bank("INS-R", "Relative Bank", json!({"logo_url": "logos/relative.png"})),
        bank("INS-H", "Here Bank", json!({"logo_url": http_here})),
        bank("INS-O", "Other Bank", json!({"logo_url": "http://cdn.example/other.png"})),
        bank("INS-J", "Script Bank", json!({"logo_url": "javascript:alert(1)"})),
    ]);
    let w = mount_with(partner_host(&json(&json!({"popular": popular}))), json!({}));
    let seen = record_image_sources(&w.root());
    w.until_button("Script Bank").await;
    let sources: Vec<String> = js_to_json(&as_json(&seen))
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect();
    let (scheme, _) = origin.split_once(':').expect("an origin");
    assert_eq!(scheme, "http", "the test page is served over http");
    let directory = page_directory();
    assert_eq!(
        sources,
        [format!("{directory}logos/relative.png"), http_here, "https://cdn.example/other.png".to_string()],
        "Script Bank's logo is never requested"
    );
    let initials = |name: &str| {
        let button = w.find("button", name).expect("listed");
        !query_all(&button, ".cw-logo-initials").is_empty()
    };
    assert!(initials("Script Bank"));
    w.until("the missing logo to give way to initials", 3000, |_| initials("Relative Bank")).await;
    w.unmount();
}

// ---- First-step back button and console warnings --------------------------------------------------

#[wasm_bindgen_test]
async fn the_first_step_back_button_reports_to_the_host() {
    let w = mount_sandbox(json!({"clientConfig": {"show_back_button": true}}));
    w.until_button("MX Bank").await;
    w.click("Back");
    assert_eq!(w.events_named("connect/backButtonClicked"), [json!({})]);
    assert_eq!(w.heading(), "Find your bank", "the widget stays where it is");
    w.unmount();
}

#[wasm_bindgen_test]
async fn options_the_widget_cannot_use_are_named_in_the_console() {
    let slot = std::rc::Rc::new(std::cell::RefCell::new(None));
    let filled = std::rc::Rc::clone(&slot);
    let run = Closure::<dyn FnMut()>::new(move || {
        *filled.borrow_mut() = Some(mount_sandbox(json!({
            "clientConfig": {"mdoe": "verification", "show_back_button": "yes"},
            "profiles": {"widgetProfile": {"enable_manual_acounts": true}},
            "userFeatures": [{"feature_name": "CONNECT_CONSNT", "is_enabled": true}],
        })));
    });
    let lines = warnings_during(run.as_ref().unchecked_ref()).expect("mounted");
    let expected = [
        "connect-widget: `clientConfig.mdoe` is not a key the widget knows; it is passed on to your callbacks unread",
        "connect-widget: `clientConfig.show_back_button` should be true or false, got \"yes\"",
        "connect-widget: `profiles.widgetProfile` has keys the widget does not read: enable_manual_acounts",
        "connect-widget: `userFeatures`: \"CONNECT_CONSNT\" is not a feature the widget knows; it is ignored",
    ];
    for line in expected {
        assert!(lines.iter().any(|l| l == line), "missing {line:?} in {lines:#?}");
    }
    let w = slot.borrow_mut().take().expect("the widget");
    w.until_button("MX Bank").await;
    assert!(!w.has_button("Back"), "a mistyped show_back_button shows no button");
    w.unmount();
}
