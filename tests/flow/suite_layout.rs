//! The browser suite's own shape. The test runner's web server has been seen to
//! stall for five minutes on a page that imports many snippet files at once
//! (the run then hangs on "Loading scripts..."): each browser suite's page-side
//! JS lives in one module (`tests/common/browser.js`, `tests/embedding/page.js`),
//! and no test file inlines its own.

use std::fs;
use std::path::Path;

#[test]
fn the_browser_suite_imports_one_js_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inlined = Vec::new();
    for dir in ["tests/browser", "tests/common", "tests/embedding"] {
        for entry in fs::read_dir(root.join(dir)).expect("test folder is readable") {
            let path = entry.expect("test folder entry").path();
            let source = fs::read_to_string(&path).unwrap_or_default();
            if source.contains(concat!("inline", "_js")) {
                inlined.push(path.display().to_string());
            }
        }
    }
    assert!(
        inlined.is_empty(),
        "move the JS of {inlined:?} into its suite's module (tests/common/browser.js, tests/embedding/page.js)"
    );
}
