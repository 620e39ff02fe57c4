//! `widget.html`'s query string, read natively: which back-end (`api`), the
//! parent's origin, and the data options, turned into the same JSON `mount`
//! reads, so `MountOptions::from_json` applies its defaults and rules to the
//! iframe page exactly as to `mount`.
//!
//! Every mistake is reported with the parameter's name, so the frame can say
//! which one to fix instead of showing a blank page.

use super::url::{form_decode, Origin};
use crate::i18n::Locale;
use crate::options::base_url;
use serde_json::{json, Map, Value};
use std::fmt;

/// The parameters `widget.html` understands, in the order the docs list them.
pub const PARAMETERS: [&str; 7] = ["api", "config", "locale", "target_origin", "profiles", "user_features", "timing"];

/// Where the framed widget's host calls go.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameApi {
    /// The built-in simulated back-end.
    Sandbox,
    /// The parent page answers through `connect-widget-bridge.js`.
    Parent,
    /// The partner's back-end over HTTP, at this base URL (no trailing `/`).
    Http { base_url: String },
}

/// Where the parent's origin came from, for the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginSource {
    /// `target_origin=` in the URL.
    Parameter,
    /// `config.target_origin_referrer`, MX's name for it.
    Config,
    /// `document.referrer`, when neither is given.
    Referrer,
}

/// `widget.html`'s configuration, ready to mount.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameParams {
    pub api: FrameApi,
    /// The parent's origin when the URL or config names it.
    pub target_origin: Option<(Origin, OriginSource)>,
    /// `{clientConfig, language, profiles, userFeatures, timing}` for `MountOptions::from_json`.
    pub options: Value,
    /// Ignorable mistakes (an unknown parameter), for the console.
    pub warnings: Vec<String>,
}

/// A parameter that cannot be used, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamError {
    pub parameter: String,
    pub problem: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.parameter, self.problem)
    }
}

fn error(parameter: &str, problem: impl Into<String>) -> ParamError {
    ParamError { parameter: parameter.to_string(), problem: problem.into() }
}

/// What kind of JSON value, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The JSON in parameter `name`, which must be an object (or, with
/// `want_array`, an array).
fn json_param(name: &str, text: &str, want_array: bool) -> Result<Value, ParamError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        error(name, format!("is not valid JSON ({e}); encode it with encodeURIComponent(JSON.stringify(…))"))
    })?;
    let (ok, wanted) =
        if want_array { (value.is_array(), "a JSON array") } else { (value.is_object(), "a JSON object") };
    if !ok {
        return Err(error(name, format!("must be {wanted}, got {}", kind(&value))));
    }
    Ok(value)
}

fn parse_api(text: &str) -> Result<FrameApi, ParamError> {
    match text {
        "sandbox" => Ok(FrameApi::Sandbox),
        "parent" => Ok(FrameApi::Parent),
        url if url.contains("://") => {
            // The same rules as `mount`'s `api: "https://…"`.
            let base_url = base_url(url).map_err(|e| error("api", format!("must be your back-end's base URL: {e}")))?;
            Ok(FrameApi::Http { base_url })
        }
        other => {
            let shown: String = other.chars().take(40).collect();
            Err(error(
                "api",
                format!("must be \"sandbox\", \"parent\" or the https base URL of your back-end, got {shown:?}"),
            ))
        }
    }
}

impl FrameParams {
    /// Read `location.search` (with or without its leading `?`).
    pub fn parse(search: &str) -> Result<FrameParams, ParamError> {
        let mut given: Vec<(String, String)> = Vec::new();
        let mut warnings = Vec::new();
        for piece in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (raw_name, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
            let name = form_decode(raw_name).map_err(|e| error(raw_name, format!("(the parameter's name) {e}")))?;
            if !PARAMETERS.contains(&name.as_str()) {
                warnings.push(format!(
                    "widget.html ignores the unknown parameter `{name}` (it reads {})",
                    PARAMETERS.map(|p| format!("`{p}`")).join(", ")
                ));
                continue;
            }
            let value = form_decode(raw_value).map_err(|e| error(&name, e))?;
            if given.iter().any(|(n, _)| *n == name) {
                return Err(error(&name, "is given twice; give it once"));
            }
            given.push((name, value));
        }
        let get = |name: &str| given.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());

        let api = match get("api") {
            Some(text) => parse_api(text)?,
            None => {
                return Err(error(
                    "api",
                    "is missing: add api=sandbox to try the widget, api=parent to answer from your page, or your back-end's base URL",
                ))
            }
        };
        let config = match get("config") {
            Some(text) => json_param("config", text, false)?,
            None => json!({}),
        };
        let mut options = Map::new();
        if let Some(tag) = get("locale") {
            if Locale::parse(tag).is_none() {
                let shown: String = tag.chars().take(20).collect();
                return Err(error("locale", format!("is unknown ({shown:?}); use \"en\", \"es\" or \"fr-ca\"")));
            }
            options.insert("language".into(), json!({ "locale": tag }));
        }
        for (name, key, want_array) in
            [("profiles", "profiles", false), ("user_features", "userFeatures", true), ("timing", "timing", false)]
        {
            if let Some(text) = get(name) {
                options.insert(key.into(), json_param(name, text, want_array)?);
            }
        }

        let target_origin = match (get("target_origin"), config.get("target_origin_referrer")) {
            (Some("*"), _) => {
                return Err(error(
                    "target_origin",
                    "cannot be \"*\": events carry member data and go only to a named origin such as https://partner.example",
                ))
            }
            (Some(text), _) => Some((Origin::parse(text).map_err(|e| error("target_origin", e))?, OriginSource::Parameter)),
            (None, None | Some(Value::Null)) => None,
            (None, Some(Value::String(url))) if url.is_empty() => None,
            (None, Some(Value::String(url))) => Some((
                Origin::of_url(url).map_err(|e| error("config.target_origin_referrer", e))?,
                OriginSource::Config,
            )),
            (None, Some(other)) => {
                return Err(error("config.target_origin_referrer", format!("must be a URL string, got {}", kind(other))))
            }
        };
        options.insert("clientConfig".into(), config);
        Ok(FrameParams { api, target_origin, options: Value::Object(options), warnings })
    }
}

/// The `locale` parameter's language if it names one (else English), to
/// write a configuration error in the language the partner asked for.
pub fn locale_hint(search: &str) -> Locale {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|piece| piece.strip_prefix("locale="))
        .find_map(|value| form_decode(value).ok().and_then(|tag| Locale::parse(&tag)))
        .unwrap_or_default()
}

/// The parent's origin: the one the URL or config names, else the origin of
/// `document.referrer` (empty when the parent's Referrer-Policy hides it).
pub fn parent_origin(explicit: Option<&(Origin, OriginSource)>, referrer: &str) -> Option<(Origin, OriginSource)> {
    explicit.cloned().or_else(|| Origin::of_url(referrer).ok().map(|o| (o, OriginSource::Referrer)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::MountOptions;

    fn problem(search: &str) -> (String, String) {
        match FrameParams::parse(search) {
            Ok(p) => panic!("{search} was accepted: {p:?}"),
            Err(e) => (e.parameter, e.problem),
        }
    }

    #[test]
    fn the_issue_example_is_read_in_full() -> Result<(), ParamError> {
        let p = FrameParams::parse(
            "?api=sandbox&locale=en&target_origin=https%3A%2F%2Fpartner.example&config=%7B%22mode%22%3A%22aggregation%22%7D",
        )?;
        assert_eq!(p.api, FrameApi::Sandbox);
        assert_eq!(
            p.target_origin,
            Some((Origin::parse("https://partner.example").map_err(|e| error("x", e))?, OriginSource::Parameter))
        );
        assert_eq!(p.options, json!({"clientConfig": {"mode": "aggregation"}, "language": {"locale": "en"}}));
        assert!(p.warnings.is_empty());
        Ok(())
    }

    #[test]
    fn every_parameter_reaches_the_mount_options_parser() -> Result<(), String> {
        let p = FrameParams::parse(concat!(
            "api=parent&locale=fr-ca&config=%7B%22color_scheme%22%3A%22dark%22%2C%22is_mobile_webview%22%3Atrue%7D",
            "&profiles=%7B%22user%22%3A%7B%22email%22%3A%22a%40b.example%22%7D%7D",
            "&user_features=%5B%7B%22feature_name%22%3A%22X%22%2C%22is_enabled%22%3Atrue%7D%5D",
            "&timing=%7B%22pollIntervalMs%22%3A20%7D"
        ))
        .map_err(|e| e.to_string())?;
        assert_eq!(p.api, FrameApi::Parent);
        assert_eq!(p.options["userFeatures"], json!([{"feature_name": "X", "is_enabled": true}]));
        let o = MountOptions::from_json(&p.options, 0.0)?;
        assert_eq!(o.locale, Locale::FrCa);
        assert!(o.client_config.dark && o.client_config.is_mobile_webview);
        assert_eq!(o.user_email.as_deref(), Some("a@b.example"));
        assert_eq!(o.settings.poll_interval_ms, 20);
        assert!(o.shadow, "full-frame still mounts in a shadow root");
        Ok(())
    }

    #[test]
    fn api_is_required_and_names_its_choices() {
        let (name, why) = problem("locale=en");
        assert_eq!(name, "api");
        assert!(why.contains("api=sandbox") && why.contains("api=parent"), "{why}");
        let (name, why) = problem("api=Sandbox");
        assert_eq!(
            (name.as_str(), why.as_str()),
            ("api", "must be \"sandbox\", \"parent\" or the https base URL of your back-end, got \"Sandbox\"")
        );
    }

    #[test]
    fn an_http_base_url_is_read_and_checked() -> Result<(), ParamError> {
        let p = FrameParams::parse("api=https%3A%2F%2Fbank.example%2Fconnect-api%2F")?;
        assert_eq!(p.api, FrameApi::Http { base_url: "https://bank.example/connect-api".into() });
        let p = FrameParams::parse("api=http://127.0.0.1:9000")?;
        assert_eq!(p.api, FrameApi::Http { base_url: "http://127.0.0.1:9000".into() });
        assert!(problem("api=http%3A%2F%2Fbank.example").1.contains("must use https://"));
        assert!(problem("api=ftp://bank.example").1.contains("must start with https://"));
        assert!(problem("api=https://bank.example/x%3Fy%3D1").1.contains("must not have a query"));
        assert!(problem("api=https://user:pw@bank.example").1.contains("user name or password"));
        Ok(())
    }

    #[test]
    fn json_parameters_must_be_json_of_the_right_shape() {
        let (name, why) = problem("api=sandbox&config=%7Bmode%3A1%7D");
        assert_eq!(name, "config");
        assert!(why.starts_with("is not valid JSON (key must be a string at line 1 column 2)"), "{why}");
        assert_eq!(
            problem("api=sandbox&config=%5B%5D"),
            ("config".into(), "must be a JSON object, got an array".into())
        );
        assert_eq!(
            problem("api=sandbox&profiles=3"),
            ("profiles".into(), "must be a JSON object, got a number".into())
        );
        assert_eq!(
            problem("api=sandbox&user_features=%7B%7D"),
            ("user_features".into(), "must be a JSON array, got an object".into())
        );
        assert_eq!(problem("api=sandbox&timing=null"), ("timing".into(), "must be a JSON object, got null".into()));
    }

    #[test]
    fn a_bad_locale_names_the_parameter() {
        assert_eq!(
            problem("api=sandbox&locale=de"),
            ("locale".into(), "is unknown (\"de\"); use \"en\", \"es\" or \"fr-ca\"".into())
        );
    }

    #[test]
    fn the_target_origin_is_an_origin_never_a_wildcard() {
        let (name, why) = problem("api=sandbox&target_origin=*");
        assert_eq!(name, "target_origin");
        assert!(why.starts_with("cannot be \"*\""), "{why}");
        let (name, why) = problem("api=sandbox&target_origin=https%3A%2F%2Fpartner.example%2Fpage");
        assert_eq!(name, "target_origin");
        assert!(why.contains("has a path"), "{why}");
        assert_eq!(problem("api=sandbox&target_origin=partner.example").0, "target_origin");
    }

    #[test]
    fn mx_target_origin_referrer_in_config_is_the_fallback() -> Result<(), ParamError> {
        let config =
            "config=%7B%22target_origin_referrer%22%3A%22https%3A%2F%2Fapp.bank.example%2Fconnect%3Fa%3D1%22%7D";
        let p = FrameParams::parse(&format!("api=sandbox&{config}"))?;
        let origin = p.target_origin.as_ref().map(|(o, s)| (o.as_str(), *s));
        assert_eq!(origin, Some(("https://app.bank.example", OriginSource::Config)));
        let p = FrameParams::parse(&format!("api=sandbox&{config}&target_origin=https://partner.example"))?;
        assert_eq!(
            p.target_origin.map(|(o, s)| (o.to_string(), s)),
            Some(("https://partner.example".into(), OriginSource::Parameter))
        );
        assert_eq!(
            problem("api=sandbox&config=%7B%22target_origin_referrer%22%3A5%7D"),
            ("config.target_origin_referrer".into(), "must be a URL string, got a number".into())
        );
        Ok(())
    }

    #[test]
    fn the_referrer_is_the_last_resort() -> Result<(), String> {
        let explicit = (Origin::parse("https://partner.example")?, OriginSource::Parameter);
        let from = |e: Option<&(Origin, OriginSource)>, r: &str| parent_origin(e, r).map(|(o, s)| (o.to_string(), s));
        assert_eq!(
            from(Some(&explicit), "https://other.example/x"),
            Some(("https://partner.example".into(), OriginSource::Parameter))
        );
        assert_eq!(
            from(None, "https://other.example:8443/page?q"),
            Some(("https://other.example:8443".into(), OriginSource::Referrer))
        );
        assert_eq!(from(None, ""), None, "a hidden referrer gives no origin");
        Ok(())
    }

    #[test]
    fn an_error_is_written_in_the_requested_language() {
        assert_eq!(locale_hint("?api=nope&locale=fr-CA"), Locale::FrCa);
        assert_eq!(locale_hint("locale=es&config=%ZZ"), Locale::Es);
        assert_eq!(locale_hint("api=sandbox&locale=de"), Locale::En);
        assert_eq!(locale_hint(""), Locale::En);
    }

    #[test]
    fn unknown_parameters_warn_and_duplicates_fail() -> Result<(), ParamError> {
        let p = FrameParams::parse("api=sandbox&targetOrigin=https://x.example&&")?;
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("`targetOrigin`") && p.warnings[0].contains("`target_origin`"));
        assert_eq!(
            problem("api=sandbox&locale=en&locale=es"),
            ("locale".into(), "is given twice; give it once".into())
        );
        assert_eq!(problem("api=sandbox&config=%7B%ZZ").0, "config");
        Ok(())
    }
}
