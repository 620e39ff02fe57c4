//! Request headers: the widget's own, and the partner's (`api.headers`, a
//! static object or a callback that returns one per request).
//!
//! Header values may be bearer tokens: no error message here ever quotes a
//! value, only a header's name.

use serde_json::Value;

/// A header name and value.
pub type Header = (String, String);

/// The widget's headers for one request. `Accept-Language` carries the
/// widget's locale, what a host object gets as `locale`. All three are
/// CORS-safelisted, so they alone cause no preflight on a GET.
pub fn default_headers(locale: &str, has_body: bool) -> Vec<Header> {
    let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
    if !locale.is_empty() {
        headers.push(("Accept-Language".into(), locale.into()));
    }
    if has_body {
        headers.push(("Content-Type".into(), "application/json".into()));
    }
    headers
}

/// RFC 9110 `token` characters, the only ones a header name may use.
fn is_token(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The partner's headers from JSON: an object of names and values (strings,
/// numbers or booleans). `null` (a callback that returned nothing) means none,
/// and so does a `null` value (`{Authorization: token ?? null}`). Fails, naming
/// the header, on anything `fetch` would refuse.
pub fn header_pairs(value: &Value) -> Result<Vec<Header>, String> {
    let object = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Object(object) => object,
        other => {
            let kind = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                _ => "a number or boolean",
            };
            return Err(format!("headers must be an object of header names and values, got {kind}"));
        }
    };
    let mut headers = Vec::new();
    for (name, value) in object {
        if !is_token(name) {
            return Err(format!("{name:?} is not a valid header name"));
        }
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Array(_) | Value::Object(_) => {
                return Err(format!("the value of header {name:?} must be a string"));
            }
        };
        if text.contains(['\r', '\n', '\0']) {
            return Err(format!("the value of header {name:?} contains a line break or NUL"));
        }
        headers.push((name.clone(), text));
    }
    Ok(headers)
}

/// Merge header lists; a later list wins over an earlier one for the same
/// name (names compare case-insensitively, as in HTTP).
pub fn merge_headers(layers: &[&[Header]]) -> Vec<Header> {
    let mut merged: Vec<Header> = Vec::new();
    for (name, value) in layers.iter().flat_map(|layer| layer.iter()) {
        merged.retain(|(existing, _)| !existing.eq_ignore_ascii_case(name));
        merged.push((name.clone(), value.clone()));
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> Vec<Header> {
        list.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_widget_asks_for_json_in_its_locale() {
        assert_eq!(
            default_headers("fr-ca", true),
            pairs(&[
                ("Accept", "application/json"),
                ("Accept-Language", "fr-ca"),
                ("Content-Type", "application/json")
            ])
        );
        assert_eq!(default_headers("en", false), pairs(&[("Accept", "application/json"), ("Accept-Language", "en")]));
    }

    #[test]
    fn a_header_callbacks_answer_is_read_as_headers() {
        let read = header_pairs(&json!({"Authorization": "Bearer token-1 ", "X-Attempt": 2, "X-Debug": true}));
        assert_eq!(read, Ok(pairs(&[("Authorization", "Bearer token-1"), ("X-Attempt", "2"), ("X-Debug", "true")])));
        // A callback that returns nothing, or leaves a header out with null.
        assert_eq!(header_pairs(&Value::Null), Ok(Vec::new()));
        assert_eq!(header_pairs(&json!({"Authorization": null})), Ok(Vec::new()));
    }

    #[test]
    fn bad_headers_are_refused_by_name_never_by_value() {
        assert_eq!(
            header_pairs(&json!("Bearer abc")),
            Err("headers must be an object of header names and values, got a string".into())
        );
        assert_eq!(header_pairs(&json!({"Bad Name": "x"})), Err("\"Bad Name\" is not a valid header name".into()));
        let error = header_pairs(&json!({"Authorization": "Bearer secret\r\nX-Evil: 1"})).expect_err("line break");
        assert_eq!(error, "the value of header \"Authorization\" contains a line break or NUL");
        assert!(!error.contains("secret"));
        assert!(header_pairs(&json!({"X-List": ["a"]})).is_err());
        assert!(header_pairs(&json!({"": "x"})).is_err());
    }

    #[test]
    fn per_request_headers_win_over_static_ones_and_the_widgets() {
        let widget = default_headers("en", true);
        let fixed = pairs(&[("authorization", "Bearer static"), ("X-Partner", "acme")]);
        let per_request = pairs(&[("Authorization", "Bearer fresh")]);
        assert_eq!(
            merge_headers(&[&widget, &fixed, &per_request]),
            pairs(&[
                ("Accept", "application/json"),
                ("Accept-Language", "en"),
                ("Content-Type", "application/json"),
                ("X-Partner", "acme"),
                ("Authorization", "Bearer fresh"),
            ])
        );
    }
}
