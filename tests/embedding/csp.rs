//! A partner page served with the strict Content-Security-Policy
//! (`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`):
//! a whole sandbox connection in `<connect-widget>`, a `shadow: false` widget,
//! `widget.html` and the demo run with zero violations and with the widget's
//! own styles applied. A control page shows the same checks catch what the
//! widget used to do.

use crate::kit::*;
use serde_json::Value;
use wasm_bindgen_test::*;

/// Reports the server received from documents other than the control page.
fn reports_outside_control(result: &Value) -> Vec<Value> {
    result["reports"]
        .as_array()
        .map(|a| {
            a.iter().filter(|r| !r["document-uri"].as_str().unwrap_or("").contains("csp-control")).cloned().collect()
        })
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_strict_csp_page_runs_a_connection_with_zero_violations() {
    let o = origins().await;
    let rec = Recorder::start();
    let _page = Frame::open(&format!("{}/tests/embedding/pages/csp-flow.html?report={}", o.csp, encode(&o.own)));
    let result = rec.until_nth("result", 1, 30_000).await;
    let checks = &result["checks"];
    assert_eq!(checks["failure"], Value::Null, "{}", checks["failure"]);
    assert_eq!(result["violations"], serde_json::json!([]), "securitypolicyviolation events");
    assert_eq!(reports_outside_control(&result), Vec::<Value>::new(), "violations reported by any page or frame");
    assert!(checks["memberConnected"]["member_guid"].as_str().is_some_and(|g| g.starts_with("MBR-")), "{checks}");
    assert!(
        checks["rootFont"].as_str().is_some_and(|f| f.contains("system-ui")),
        "the widget's stylesheet applies: {checks}"
    );
    assert_eq!(checks["submitBackground"], "rgb(36, 86, 199)", "the primary button's colour");
    assert_eq!(checks["bannerLogoWidth"], "48px", "the logo size, set through the CSSOM");
    assert_ne!(checks["bannerLogoBackground"], "rgba(0, 0, 0, 0)", "the brand colour, set through the CSSOM");
    assert_eq!(checks["plainDisplay"], "block", "shadow: false, styled by the document's adopted sheet");
    assert!(checks["plainFont"].as_str().is_some_and(|f| f.contains("system-ui")), "{checks}");
    assert_eq!(checks["frameBannerLogoWidth"], "48px", "widget.html, styled");
    assert_eq!(checks["demoPanel"], "grid", "the demo's stylesheet applies");
}

#[wasm_bindgen_test]
async fn the_csp_checks_catch_a_style_element_and_a_style_attribute() {
    let o = origins().await;
    let rec = Recorder::start();
    let _page = Frame::open(&format!("{}/tests/embedding/pages/csp-control.html?report={}", o.csp, encode(&o.own)));
    let result = rec.until_nth("result", 1, 10_000).await;
    let directives: Vec<&str> = result["violations"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v["directive"].as_str()).collect())
        .unwrap_or_default();
    assert!(directives.contains(&"style-src-elem"), "{directives:?}");
    assert!(directives.contains(&"style-src-attr"), "{directives:?}");
    let reported = result["reports"]
        .as_array()
        .map(|a| a.iter().filter(|r| r["document-uri"].as_str().unwrap_or("").contains("csp-control")).count())
        .unwrap_or(0);
    assert!(reported >= 2, "the server heard of both: {}", result["reports"]);
}
