//! The small parts of URL handling the embedding needs, natively testable:
//! query-string decoding (as `URLSearchParams` decodes), `encodeURIComponent`,
//! and web origins as browsers serialize them (`event.origin`).

use std::fmt;

/// Decode one `application/x-www-form-urlencoded` component: `+` is a space,
/// `%XX` a byte. Fails on a `%` not followed by two hex digits, and on bytes
/// that are not UTF-8, rather than guessing (`URLSearchParams` would turn both
/// into replacement characters and hide the partner's mistake).
pub fn form_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or_else(|| {
                    let got: String = text[i..].chars().take(3).collect();
                    format!("has a \"%\" that is not followed by two hex digits ({got:?}); encode the value with encodeURIComponent")
                })?;
                out.push(byte);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "is not UTF-8 once decoded".to_string())
}

/// `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as `%XX` of its UTF-8 bytes.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A web origin (`https://partner.example`, `http://127.0.0.1:8080`),
/// serialized as browsers do: lower-case scheme and host, no default port,
/// nothing after the port. Only `http` and `https`: an opaque origin
/// (`null`, `file:`, a sandboxed frame) cannot be addressed by `postMessage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(String);

impl Origin {
    /// Read an origin written on its own, with at most a trailing `/`.
    pub fn parse(text: &str) -> Result<Origin, String> {
        let (origin, rest) = Origin::split(text)?;
        if !(rest.is_empty() || rest == "/") {
            return Err(format!("{text:?} has a path, query or fragment; give the scheme, host and port only"));
        }
        Ok(origin)
    }

    /// The origin of an absolute http(s) URL (`document.referrer`, a base URL).
    pub fn of_url(url: &str) -> Result<Origin, String> {
        Origin::split(url).map(|(origin, _)| origin)
    }

    /// `(origin, the rest of the URL from its path on)`.
    fn split(text: &str) -> Result<(Origin, &str), String> {
        let shown: String = text.chars().take(80).collect();
        let (scheme, after) = text.split_once("://").ok_or_else(|| format!("{shown:?} is not an http(s) URL"))?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => "443",
            "http" => "80",
            _ => return Err(format!("{shown:?} is not an http(s) URL")),
        };
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(end);
        if authority.contains('@') {
            return Err(format!("{shown:?} carries a user name or password; leave them out"));
        }
        let (host, port) = match authority.rfind(':') {
            // `[::1]:8080` has colons inside the brackets; only one after `]` is a port.
            Some(at) if !authority[at..].contains(']') => (&authority[..at], Some(&authority[at + 1..])),
            _ => (authority, None),
        };
        let host_ok = !host.is_empty()
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'[' | b']' | b':'));
        if !host_ok {
            return Err(format!("{shown:?} has no valid host (write internationalized names in their xn-- form)"));
        }
        let port = match port {
            None => None,
            Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
                let n: u32 = p.parse().map_err(|_| format!("{shown:?} has an invalid port"))?;
                if n > 65_535 {
                    return Err(format!("{shown:?} has an invalid port"));
                }
                Some(n.to_string()).filter(|n| n != default_port)
            }
            Some(_) => return Err(format!("{shown:?} has an invalid port")),
        };
        let mut origin = format!("{scheme}://{}", host.to_ascii_lowercase());
        if let Some(port) = port {
            origin.push(':');
            origin.push_str(&port);
        }
        Ok((Origin(origin), rest))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding_is_url_search_params_decoding_but_strict() {
        assert_eq!(form_decode("a+b%20c%2Bd"), Ok("a b c+d".to_string()));
        assert_eq!(form_decode("%7B%22mode%22%3A%22x%22%7D"), Ok("{\"mode\":\"x\"}".to_string()));
        assert_eq!(form_decode("caf%C3%A9"), Ok("café".to_string()));
        assert!(form_decode("100%").is_err_and(|e| e.contains("two hex digits")));
        assert!(form_decode("%zz").is_err());
        assert_eq!(form_decode("%FF"), Err("is not UTF-8 once decoded".to_string()));
    }

    #[test]
    fn components_are_encoded_as_encode_uri_component_does() {
        assert_eq!(encode_component("{\"a\":\"b c\"}"), "%7B%22a%22%3A%22b%20c%22%7D");
        assert_eq!(encode_component("A-z_0.!~*'()"), "A-z_0.!~*'()");
        assert_eq!(encode_component("é&=/?#+"), "%C3%A9%26%3D%2F%3F%23%2B");
    }

    #[test]
    fn origins_are_serialized_like_event_origin() -> Result<(), String> {
        assert_eq!(Origin::parse("https://Partner.Example")?.as_str(), "https://partner.example");
        assert_eq!(Origin::parse("https://partner.example:443/")?.as_str(), "https://partner.example");
        assert_eq!(Origin::parse("HTTP://127.0.0.1:8080")?.as_str(), "http://127.0.0.1:8080");
        assert_eq!(Origin::parse("http://[::1]:9000")?.as_str(), "http://[::1]:9000");
        assert_eq!(Origin::parse("http://[::1]")?.as_str(), "http://[::1]");
        assert_eq!(
            Origin::of_url("https://bank.example:8443/app/connect?x=1#y")?.as_str(),
            "https://bank.example:8443"
        );
        Ok(())
    }

    #[test]
    fn what_is_not_an_origin_is_refused_with_the_reason() {
        for (text, reason) in [
            ("https://partner.example/app", "path"),
            ("*", "not an http(s) URL"),
            ("null", "not an http(s) URL"),
            ("file:///tmp/x", "not an http(s) URL"),
            ("javascript://x", "not an http(s) URL"),
            ("https://", "no valid host"),
            ("https://user:pw@partner.example", "user name or password"),
            ("https://partner.example:99999", "invalid port"),
            ("https://partner.example:8a", "invalid port"),
            ("https://bücher.example", "xn--"),
        ] {
            let got = Origin::parse(text);
            assert!(got.as_ref().is_err_and(|e| e.contains(reason)), "{text}: {got:?}");
        }
    }
}
