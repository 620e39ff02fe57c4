//! The npm package, as a partner installs it: `scripts/package.sh --check`
//! packs it, installs the tarball into a throwaway page project
//! (`target/package-smoke/`) and type-checks a usage example there; this test
//! loads that project's page, which uses the element, `mount` and `widget.html`
//! from `node_modules/connect-widget/`.

use crate::kit::*;
use serde_json::json;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_installed_package_mounts_in_a_page_project() {
    let o = origins().await;
    let page = Frame::open(&format!("{}/target/package-smoke/index.html", o.own));
    until("the page", 5000, || !page.window().is_null()).await;
    let element = shown(Widget::at(page.window(), "#element")).await;
    element.until_heading("Busque su banco").await;
    let mounted = shown(Widget::at(page.window(), "#mounted")).await;
    mounted.until_heading("Find your bank").await;
    // widget.html runs only if its integrity hashes match the installed files.
    let framed = inner_widget(&page).await;
    framed.until_heading("Trouvez votre banque").await;
    let events = Widget::of(page.window()).global("packageEvents");
    let events = events.as_array().cloned().unwrap_or_default();
    assert!(events.contains(&json!(["element", {"initial_step": "search"}])), "{events:?}");
    assert!(events.contains(&json!(["mount", "connect/loaded", {"initial_step": "search"}])), "{events:?}");
}
