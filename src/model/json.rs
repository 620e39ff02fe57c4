//! Lenient readers over `serde_json::Value`.
//!
//! Real hosts differ: numbers arrive as strings, booleans as `"true"`, optional
//! fields as `null` or missing. These helpers accept all of that and never
//! panic; a decoder only fails when a field it truly needs is absent.

use serde_json::{Map, Value};

pub type Object = Map<String, Value>;

/// The value as an object, or `None`.
pub fn obj(value: &Value) -> Option<&Object> {
    value.as_object()
}

/// A string field; numbers are accepted and printed, empty strings are `None`.
pub fn str_field(o: &Object, key: &str) -> Option<String> {
    match o.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An integer field; numeric strings are accepted.
pub fn int_field(o: &Object, key: &str) -> Option<i64> {
    as_int(o.get(key)?)
}

pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A boolean field; `"true"`/`"false"` and 0/1 are accepted. Missing → `None`.
pub fn bool_field(o: &Object, key: &str) -> Option<bool> {
    match o.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_i64().map(|i| i != 0),
        _ => None,
    }
}

/// An array field; a missing or non-array value is an empty list.
pub fn array_field<'a>(o: &'a Object, key: &str) -> &'a [Value] {
    match o.get(key) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn readers_accept_the_shapes_hosts_send() -> Result<(), &'static str> {
        let v = json!({"a": "x", "n": "12", "m": 3.0, "b": "true", "c": 0, "e": "", "l": [1]});
        let o = obj(&v).ok_or("an object")?;
        assert_eq!(str_field(o, "a").as_deref(), Some("x"));
        assert_eq!(str_field(o, "e"), None, "empty strings count as absent");
        assert_eq!(int_field(o, "n"), Some(12));
        assert_eq!(int_field(o, "m"), Some(3));
        assert_eq!(bool_field(o, "b"), Some(true));
        assert_eq!(bool_field(o, "c"), Some(false));
        assert_eq!(bool_field(o, "zz"), None);
        assert_eq!(array_field(o, "l").len(), 1);
        assert!(array_field(o, "a").is_empty());
        Ok(())
    }
}
