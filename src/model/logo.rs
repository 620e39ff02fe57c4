//! Where an institution's logo is loaded from. Partners serve logos as they
//! can: absolute `https:` URLs, paths relative to their page (`/logos/x.png`),
//! or plain `http:` on an intranet or a development server.
//!
//! - A relative URL is resolved against the page's address, as the page's
//!   own `<img>` would.
//! - `https:` loads as is; so does `http:` on the page's own origin (only an
//!   `http:` page has one, so nothing mixed is ever loaded).
//! - Any other `http:` logo is asked for over `https:`: a browser would block
//!   or upgrade it on an `https:` page anyway, and never loading it would lose
//!   logos that are served on both. If that fails, the view shows initials.
//! - Every other scheme (`javascript:`, `data:`, `file:`, …) is refused.

/// `scheme:` at the start of `url`, lower-cased, when it has one.
fn scheme_of(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// `(scheme, authority, path)` of an absolute `http(s)` URL, without query or fragment.
fn split_absolute(url: &str) -> Option<(String, &str, &str)> {
    let scheme = scheme_of(url)?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = url[scheme.len() + 1..].strip_prefix("//")?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    (!authority.is_empty()).then_some((scheme, authority, path))
}

/// `a/./b/../c` → `a/c`, as URL resolution does.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            other => out.push(other),
        }
    }
    out.join("/")
}

/// `reference` resolved against the page address `base`, when `base` is an
/// absolute `http(s)` URL (or `reference` is absolute already).
pub fn resolve(reference: &str, base: &str) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty() {
        return None;
    }
    if scheme_of(reference).is_some() {
        return Some(reference.to_string());
    }
    let (scheme, authority, base_path) = split_absolute(base.trim())?;
    if let Some(rest) = reference.strip_prefix("//") {
        return (!rest.is_empty()).then(|| format!("{scheme}://{rest}"));
    }
    let (path, suffix) = match reference.find(['?', '#']) {
        Some(i) => reference.split_at(i),
        None => (reference, ""),
    };
    let joined = if path.is_empty() {
        base_path.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        let directory = base_path.rfind('/').map_or("/", |i| &base_path[..=i]);
        format!("{directory}{path}")
    };
    let resolved = remove_dot_segments(if joined.is_empty() { "/" } else { &joined });
    Some(format!("{scheme}://{authority}{resolved}{suffix}"))
}

/// The address to load a logo from, given the page's address (`None` when
/// unknown: then only absolute URLs work); `None` when it must not be loaded.
pub fn logo_source(logo_url: &str, page: Option<&str>) -> Option<String> {
    let absolute = match page {
        Some(page) => resolve(logo_url, page)?,
        None => logo_url.trim().to_string(),
    };
    let (scheme, authority, _) = split_absolute(&absolute)?;
    if scheme == "https" {
        return Some(absolute);
    }
    let same_origin = page.and_then(split_absolute).is_some_and(|(page_scheme, page_authority, _)| {
        page_scheme == "http" && page_authority.eq_ignore_ascii_case(authority)
    });
    if same_origin {
        Some(absolute)
    } else {
        Some(format!("https{}", &absolute[scheme.len()..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://bank.example/app/connect/index.html?x=1#top";

    #[test]
    fn relative_logos_resolve_against_the_page() {
        let cases = [
            ("/logos/mx.png", "https://bank.example/logos/mx.png"),
            ("logos/mx.png", "https://bank.example/app/connect/logos/mx.png"),
            ("../img/mx.png?v=2", "https://bank.example/app/img/mx.png?v=2"),
            ("./mx.png", "https://bank.example/app/connect/mx.png"),
            ("../../../../mx.png", "https://bank.example/mx.png"),
            ("//cdn.example/mx.png", "https://cdn.example/mx.png"),
            ("https://cdn.example/a.png", "https://cdn.example/a.png"),
        ];
        for (logo, expected) in cases {
            assert_eq!(logo_source(logo, Some(PAGE)).as_deref(), Some(expected), "{logo}");
        }
        assert_eq!(resolve("x.png", "https://bank.example").as_deref(), Some("https://bank.example/x.png"));
        assert_eq!(resolve("", PAGE), None);
        assert_eq!(resolve("x.png", "about:blank"), None, "no page address, no relative logo");
    }

    #[test]
    fn plain_http_loads_only_from_the_page_s_own_origin() {
        let dev = "http://localhost:8080/demo/";
        assert_eq!(logo_source("/logos/a.png", Some(dev)).as_deref(), Some("http://localhost:8080/logos/a.png"));
        assert_eq!(
            logo_source("http://LOCALHOST:8080/a.png", Some(dev)).as_deref(),
            Some("http://LOCALHOST:8080/a.png"),
            "host names compare without case"
        );
        // Another port is another origin.
        assert_eq!(
            logo_source("http://localhost:9000/a.png", Some(dev)).as_deref(),
            Some("https://localhost:9000/a.png")
        );
        // On an https page, an http logo is asked for over https.
        assert_eq!(logo_source("http://cdn.example/a.png", Some(PAGE)).as_deref(), Some("https://cdn.example/a.png"));
        assert_eq!(logo_source("HTTP://cdn.example/a.png", None).as_deref(), Some("https://cdn.example/a.png"));
    }

    #[test]
    fn other_schemes_are_refused() {
        for logo in
            ["javascript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd", "ftp://x/a.png", "https://"]
        {
            assert_eq!(logo_source(logo, Some(PAGE)), None, "{logo}");
        }
        assert_eq!(logo_source("/relative.png", None), None, "relative without a page address");
    }
}
