//! `onAnalyticEvent` and `onAnalyticPageview` over a real connection: the
//! reference's names in order, its metadata shape, and no secret anywhere.

use crate::common::browser::*;
use serde_json::json;
use wasm_bindgen_test::*;

fn analytic_names(w: &Mounted) -> Vec<String> {
    let analytics = w.recorded_json("analytics");
    analytics.as_array().into_iter().flatten().filter_map(|a| a["name"].as_str().map(String::from)).collect()
}

// Search, pick, log in, connected: the funnel a partner's dashboard is built on, as the reference names it.
#[wasm_bindgen_test]
async fn a_connection_reports_the_reference_funnel() {
    let w = mount_sandbox(json!({}));
    w.until_heading("Find your bank").await;
    w.type_into("Search for your bank", "MX Bank");
    w.until_results_for("MX Bank").await;
    open_mx_bank(&w).await;
    w.type_into("Username", "test_atrium");
    w.type_into("Password", "password");
    w.until("the first keystrokes reported", 2000, |m| {
        analytic_names(m).iter().any(|n| n == "connect_entered_password")
    })
    .await;
    w.click("Continue");
    w.until_heading("You're connected").await;

    assert_eq!(
        analytic_names(&w),
        [
            "connect_widget_load",
            "connect_search_query",
            "connect_select_searched_institution",
            "connect_entered_login",
            "connect_entered_password",
            "connect_submitted_credentials",
            "connect_connect/memberConnected",
        ]
    );
    let analytics = w.recorded_json("analytics");
    let load = &analytics[0]["data"];
    assert_eq!(load["widgetType"], "isolated");
    assert_eq!(load["mode"], "aggregation");
    assert_eq!(load["initial_step"], "search");
    assert_eq!(analytics[1]["data"]["search_term"], "MX Bank");
    assert_eq!(analytics[2]["data"]["institution_name"], "MX Bank");
    let pageviews = w.recorded_json("pageviews");
    let paths: Vec<&str> = pageviews.as_array().into_iter().flatten().filter_map(|p| p["path"].as_str()).collect();
    assert!(paths.contains(&"/connect/aggregation/search/searched"), "{paths:?}");
    let everything = format!("{analytics} {pageviews}");
    assert!(!everything.contains("test_atrium") && !everything.contains("\"password\""), "{everything}");
    w.unmount();
}
