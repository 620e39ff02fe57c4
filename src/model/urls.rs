//! URLs the widget opens or trusts: the OAuth window's address, and the
//! origin of a URL (for checking who sent a completion message).

/// Why an OAuth window URL is not opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Empty, or not a URL at all.
    Missing,
    /// A scheme other than `https:` (`http:` to a public host, `javascript:`, `data:`, …).
    NotHttps,
}

/// The scheme, host and the rest of `url`, once leading spaces are gone and
/// the scheme is lower case. Tolerates `https:/host` (one slash), as MX's own
/// documentation examples write it.
fn split(url: &str) -> Option<(String, &str)> {
    let url = url.trim();
    let (scheme, rest) = url.split_once(':')?;
    let valid_scheme = !scheme.is_empty()
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic());
    valid_scheme.then(|| (scheme.to_ascii_lowercase(), rest))
}

/// The raw authority (`user@host:port`) at the start of what follows the
/// scheme, and `host:port` without the user info; `None` if empty or odd.
fn authority(rest: &str) -> Option<(&str, &str)> {
    let raw = rest.trim_start_matches('/').split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = raw.rsplit('@').next().unwrap_or_default();
    let sane = !host_port.is_empty() && !raw.contains(|c: char| c.is_whitespace() || c.is_control());
    sane.then_some((raw, host_port))
}

/// The host of `host[:port]` (IPv6 literals keep their brackets).
fn host_of(authority: &str) -> &str {
    if authority.starts_with('[') {
        authority.split_inclusive(']').next().unwrap_or(authority)
    } else {
        authority.split(':').next().unwrap_or(authority)
    }
}

/// Whether `host` is this device: `localhost`, `127.x.x.x` or `[::1]`.
fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host == "localhost" || host == "[::1]" || {
        let parts: Vec<&str> = host.split('.').collect();
        parts.len() == 4 && parts[0] == "127" && parts.iter().all(|p| p.parse::<u8>().is_ok())
    }
}

/// The address the widget may open for OAuth: `https:` only, with a host.
/// `http:` is accepted for loopback hosts only (`localhost`, `127.0.0.1`,
/// `[::1]`), so the sandbox's authorization page works in a local demo; such a
/// page cannot be reached from anywhere but the user's own device. Nothing is
/// upgraded: an OAuth URL changed by the widget would no longer match what the
/// provider issued.
pub fn oauth_window_url(url: &str) -> Result<String, UrlRefusal> {
    let Some((scheme, rest)) = split(url) else {
        return Err(if url.trim().is_empty() { UrlRefusal::Missing } else { UrlRefusal::NotHttps });
    };
    let after_scheme = rest.trim_start_matches('/');
    let (raw, host_port) = authority(after_scheme).ok_or(UrlRefusal::Missing)?;
    let allowed = match scheme.as_str() {
        "https" => true,
        "http" => is_loopback(host_of(host_port)),
        _ => false,
    };
    if allowed {
        Ok(format!("{scheme}://{raw}{}", &after_scheme[raw.len()..]))
    } else {
        Err(UrlRefusal::NotHttps)
    }
}

/// The origin of an `http(s)` URL as browsers write it (`https://bank.example`,
/// the default port left out, scheme and host in lower case); `None` otherwise.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = split(url)?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = authority(rest)?.1.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    Some(format!("{scheme}://{authority}"))
}

/// `file` next to the document at `base` (its query and fragment dropped):
/// `sibling_url("http://127.0.0.1:8080/demo/index.html?x", "a.html")` is
/// `http://127.0.0.1:8080/demo/a.html`.
pub fn sibling_url(base: &str, file: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let dir = match base.rfind('/') {
        Some(slash) if !base[..slash].ends_with('/') => &base[..=slash],
        _ => return format!("{}/{file}", base.trim_end_matches('/')),
    };
    format!("{dir}{file}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oauth_urls_are_https_or_loopback_http() {
        assert_eq!(
            oauth_window_url("https://bank.example/oauth?state=a b").as_deref(),
            Ok("https://bank.example/oauth?state=a b")
        );
        assert_eq!(oauth_window_url("  HTTPS:/bank.example/x").as_deref(), Ok("https://bank.example/x"));
        assert_eq!(
            oauth_window_url("http://127.0.0.1:8080/oauth-sandbox.html?s=1").as_deref(),
            Ok("http://127.0.0.1:8080/oauth-sandbox.html?s=1")
        );
        assert_eq!(oauth_window_url("http://localhost/x").as_deref(), Ok("http://localhost/x"));
        assert_eq!(oauth_window_url("http://[::1]:3000").as_deref(), Ok("http://[::1]:3000"));
        assert_eq!(oauth_window_url("http://bank.example/oauth"), Err(UrlRefusal::NotHttps));
        assert_eq!(oauth_window_url("http://127.0.0.1.evil.example/"), Err(UrlRefusal::NotHttps));
        assert_eq!(oauth_window_url("http://localhost@evil.example/"), Err(UrlRefusal::NotHttps));
        assert_eq!(oauth_window_url("javascript:alert(1)"), Err(UrlRefusal::NotHttps));
        assert_eq!(oauth_window_url("data:text/html,<script>"), Err(UrlRefusal::NotHttps));
        assert_eq!(oauth_window_url("bank.example/oauth"), Err(UrlRefusal::NotHttps));
        assert_eq!(oauth_window_url(""), Err(UrlRefusal::Missing));
        assert_eq!(oauth_window_url("https://"), Err(UrlRefusal::Missing));
    }

    #[test]
    fn origins_are_written_as_browsers_write_them() {
        assert_eq!(origin_of("https://Bank.Example:443/return?x").as_deref(), Some("https://bank.example"));
        assert_eq!(origin_of("http://127.0.0.1:8080/index.html").as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(origin_of("https://user@app.example:8443/").as_deref(), Some("https://app.example:8443"));
        assert_eq!(origin_of("mxapp://oauth"), None);
        assert_eq!(origin_of("nonsense"), None);
    }

    #[test]
    fn files_next_to_a_page() {
        assert_eq!(sibling_url("http://127.0.0.1:8080/index.html?mxbank#x", "a.html"), "http://127.0.0.1:8080/a.html");
        assert_eq!(sibling_url("https://app.example/demo/", "a.html"), "https://app.example/demo/a.html");
        assert_eq!(sibling_url("https://app.example", "a.html"), "https://app.example/a.html");
    }
}
