//! Minifies `style/widget.css` into `$OUT_DIR/widget.css` for `src/mount/styles.rs`: the sheet
//! rides inside the wasm, so its comments and indentation would be bytes every partner downloads
//! (about 1.2 KB of brotli, bench/RESULTS.md). Only what is safe in any CSS is done: comments out,
//! whitespace runs to one space, and no space around `{`, `}`, `;` and `,`. Strings are left
//! alone, so the build refuses a string the whitespace rules could change.

use std::{env, fs, path::Path};

fn main() {
    let source = "style/widget.css";
    println!("cargo::rerun-if-changed={source}");
    let css = match fs::read_to_string(source) {
        Ok(css) => css,
        Err(e) => panic!("cannot read {source}: {e}"),
    };
    let css = without_comments(&css);
    if let Some(string) = css.split('"').skip(1).step_by(2).find(|s| !is_plain(s)) {
        panic!("{source}: the minifier would change the string \"{string}\"; keep strings to words");
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| panic!("cargo sets OUT_DIR"))).join("widget.css");
    if let Err(e) = fs::write(&out, minify(&css)) {
        panic!("cannot write {}: {e}", out.display());
    }
}

/// The sheet's strings are font names ("Segoe UI"), attribute values and empty `content`: words
/// with single spaces, which the minifier leaves as they are.
fn is_plain(s: &str) -> bool {
    !s.contains("  ") && s.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
}

fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
        out.push(' ');
    }
    out.push_str(rest);
    out
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    for word in css.split_whitespace() {
        let glued = out.ends_with(['{', '}', ';', ',']) || word.starts_with(['{', '}', ';', ',']);
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}
