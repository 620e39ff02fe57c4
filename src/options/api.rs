//! `api` as an HTTP back-end: `mount(el, {api: {url, headers?, credentials?}})`
//! or `api: "https://…"`. The data parts are read here; a `headers` callback is
//! a function, so `mount` keeps it and passes the rest as JSON.

use crate::host::http::{header_pairs, Header};
use crate::host::{CALLBACK_NAMES, REQUIRED_CALLBACKS};
use serde_json::Value;

/// `fetch`'s `credentials`: whether cookies go with each request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RequestCredentials {
    Omit,
    /// `fetch`'s default: cookies only to the page's own origin.
    #[default]
    SameOrigin,
    /// Cookies to the back-end too, for a cookie session across origins.
    Include,
}

/// The HTTP back-end the widget talks to.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpApiOptions {
    /// Absolute, `https:` (or `http:` on `localhost`/`127.0.0.1`), without a
    /// trailing slash: routes are appended to it.
    pub base_url: String,
    pub credentials: RequestCredentials,
    /// `api.headers` when it is an object; sent with every request.
    pub headers: Vec<Header>,
    /// `api.unsupported`: optional callbacks the back-end does not serve; the
    /// features that need them are turned off, as for a host object without them.
    pub unsupported: Vec<&'static str>,
}

/// Read `api.unsupported`: names of optional callbacks.
fn unsupported(value: Option<&Value>) -> Result<Vec<&'static str>, String> {
    let names = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(names)) => names,
        Some(_) => return Err("`api.unsupported` must be a list of callback names".into()),
    };
    let mut out = Vec::new();
    for name in names {
        let text = name.as_str().unwrap_or_default();
        let Some(known) = CALLBACK_NAMES.iter().copied().find(|n| *n == text) else {
            return Err(format!("`api.unsupported`: {name} is not a host callback"));
        };
        if REQUIRED_CALLBACKS.contains(&known) {
            return Err(format!("`api.unsupported`: {known} is required; the widget cannot work without it"));
        }
        out.push(known);
    }
    Ok(out)
}

/// Hosts where plain `http:` is allowed, for development.
const LOOPBACK_HOSTS: [&str; 2] = ["localhost", "127.0.0.1"];

/// Check and normalise a back-end base URL. Refuses what would leak or
/// break: another scheme, `http:` beyond this machine, a user name or
/// password in the URL, a query or fragment (secrets belong in `headers`;
/// routes are appended to the path).
pub fn base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let shown: String = url.chars().take(60).collect();
    let (scheme, rest) = url.split_once("://").ok_or_else(|| format!("{shown:?} is not an absolute URL"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(format!("the URL must start with https:// (got {scheme}://)"));
    }
    if rest.contains(['?', '#']) {
        return Err("the URL must not have a query or fragment; pass tokens in `headers`".into());
    }
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("{shown:?} contains spaces or control characters"));
    }
    let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    if authority.contains('@') {
        return Err("the URL must not contain a user name or password; pass credentials in `headers`".into());
    }
    // `[v6]:port`, `[v6]`, `host:port` or `host`.
    let (host, port) = match authority.find(']') {
        Some(end) if authority.starts_with('[') => {
            let (host, after) = authority.split_at(end + 1);
            (host, after.strip_prefix(':').or(Some(after).filter(|a| !a.is_empty())))
        }
        _ => authority.split_once(':').map_or((authority, None), |(host, port)| (host, Some(port))),
    };
    let host = host.to_ascii_lowercase();
    let host_ok = if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    };
    if !host_ok {
        return Err(format!("{shown:?} has no valid host name"));
    }
    if let Some(port) = port {
        if !port.parse::<u16>().is_ok_and(|p| p > 0) {
            return Err(format!("{shown:?} has an invalid port"));
        }
    }
    if scheme == "http" && !LOOPBACK_HOSTS.contains(&host.as_str()) {
        return Err("the URL must use https:// (http:// is allowed only on localhost and 127.0.0.1)".into());
    }
    let port = port.map(|p| format!(":{p}")).unwrap_or_default();
    Ok(format!("{scheme}://{host}{port}{}", path.trim_end_matches('/')))
}

impl HttpApiOptions {
    /// Read `api` given as a URL string, or as `{url, credentials?, headers?}`
    /// (without `headers` when it is a callback). Every error names the option.
    pub fn from_json(api: &Value) -> Result<HttpApiOptions, String> {
        let url = match api {
            Value::String(url) => url.as_str(),
            _ => match api.get("url") {
                Some(Value::String(url)) => url.as_str(),
                _ => {
                    return Err(
                        "`api.url` must be the back-end's base URL, e.g. \"https://bank.example/connect\"".into()
                    )
                }
            },
        };
        let base_url = base_url(url).map_err(|e| format!("`api.url`: {e}"))?;
        let credentials = match api.get("credentials") {
            None | Some(Value::Null) => RequestCredentials::default(),
            Some(Value::String(c)) if c == "omit" => RequestCredentials::Omit,
            Some(Value::String(c)) if c == "same-origin" => RequestCredentials::SameOrigin,
            Some(Value::String(c)) if c == "include" => RequestCredentials::Include,
            Some(other) => {
                return Err(format!(
                    "`api.credentials` must be \"omit\", \"same-origin\" or \"include\", got {}",
                    other.to_string().chars().take(40).collect::<String>()
                ))
            }
        };
        let headers = header_pairs(api.get("headers").unwrap_or(&Value::Null))
            .map_err(|e| format!("`api.headers`: {e} (or pass a function that returns them)"))?;
        Ok(HttpApiOptions { base_url, credentials, headers, unsupported: unsupported(api.get("unsupported"))? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn https_urls_are_kept_without_a_trailing_slash() {
        assert_eq!(base_url("https://bank.example/connect/"), Ok("https://bank.example/connect".into()));
        assert_eq!(base_url(" HTTPS://Bank.Example:8443 "), Ok("https://bank.example:8443".into()));
        assert_eq!(base_url("https://[2001:db8::1]:443/api"), Ok("https://[2001:db8::1]:443/api".into()));
    }

    #[test]
    fn plain_http_only_on_this_machine() {
        assert_eq!(base_url("http://127.0.0.1:8787"), Ok("http://127.0.0.1:8787".into()));
        assert_eq!(base_url("http://localhost:3000/api/"), Ok("http://localhost:3000/api".into()));
        assert_eq!(
            base_url("http://bank.example/api"),
            Err("the URL must use https:// (http:// is allowed only on localhost and 127.0.0.1)".into())
        );
        assert!(base_url("http://localhost.evil.example").is_err());
        assert!(base_url("http://127.0.0.1.nip.io").is_err());
    }

    #[test]
    fn urls_that_would_leak_or_break_are_refused() {
        let refused = |url: &str| base_url(url).expect_err(url);
        assert_eq!(refused("ftp://bank.example"), "the URL must start with https:// (got ftp://)");
        assert_eq!(refused("javascript://x"), "the URL must start with https:// (got javascript://)");
        assert_eq!(refused("/api"), "\"/api\" is not an absolute URL");
        assert!(refused("https://user:pw@bank.example").contains("user name or password"));
        assert!(refused("https://bank.example/api?key=abc").contains("query or fragment"));
        assert!(refused("https://bank.example/#x").contains("query or fragment"));
        assert!(refused("https://bank example").contains("spaces"));
        assert!(refused("https://").contains("no valid host"));
        assert!(refused("https://bank.example:0").contains("invalid port"));
        assert!(refused("https://bank.example:99999").contains("invalid port"));
        assert!(refused("https://bank_example.com").contains("no valid host"));
    }

    #[test]
    fn the_api_object_is_read() -> Result<(), String> {
        let api = HttpApiOptions::from_json(&json!({
            "url": "https://bank.example/connect",
            "credentials": "include",
            "headers": {"X-Partner": "acme"},
            "unsupported": ["createSupportTicket", "deleteMember"],
        }))?;
        assert_eq!(
            api,
            HttpApiOptions {
                base_url: "https://bank.example/connect".into(),
                credentials: RequestCredentials::Include,
                headers: vec![("X-Partner".into(), "acme".into())],
                unsupported: vec!["createSupportTicket", "deleteMember"],
            }
        );
        let bare = HttpApiOptions::from_json(&json!("http://localhost:8787/"))?;
        assert_eq!(bare.base_url, "http://localhost:8787");
        assert_eq!(bare.credentials, RequestCredentials::SameOrigin);
        assert!(bare.headers.is_empty());
        Ok(())
    }

    #[test]
    fn a_bad_api_object_fails_with_the_option_named() {
        let error = |api: Value| HttpApiOptions::from_json(&api).expect_err("refused");
        assert_eq!(
            error(json!({"url": "http://bank.example"})),
            "`api.url`: the URL must use https:// (http:// is allowed only on localhost and 127.0.0.1)"
        );
        assert!(error(json!({"url": 5})).starts_with("`api.url` must be"));
        assert_eq!(
            error(json!({"url": "https://bank.example", "credentials": "always"})),
            "`api.credentials` must be \"omit\", \"same-origin\" or \"include\", got \"always\""
        );
        assert!(error(json!({"url": "https://bank.example", "headers": "Bearer x"})).starts_with("`api.headers`:"));
        assert_eq!(
            error(json!({"url": "https://bank.example", "unsupported": ["addMember"]})),
            "`api.unsupported`: addMember is required; the widget cannot work without it"
        );
        assert_eq!(
            error(json!({"url": "https://bank.example", "unsupported": ["sendMoney"]})),
            "`api.unsupported`: \"sendMoney\" is not a host callback"
        );
        assert!(error(json!({"url": "https://bank.example", "unsupported": "deleteMember"})).contains("a list"));
    }
}
