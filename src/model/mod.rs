//! Typed views of what the host sends: institutions, members, credentials, MFA,
//! jobs, OAuth states, and the client configuration.
//!
//! Each type keeps the fields the widget reads and decodes leniently from JSON
//! (see `json`). Members also keep their raw JSON, because `updateMember` and
//! `updateMFA` send the member back as the host gave it (`{...member, credentials}`).

pub mod account;
pub mod config;
pub mod json;
pub mod logo;
pub mod microdeposit;
pub mod rich_text;
pub mod secret;
pub mod status;
pub mod time;
pub mod urls;

pub use account::{is_valid_routing_number, mask_account_number, AccountType};
pub use config::{ClientConfig, Mode};
pub use microdeposit::{Microdeposit, MicrodepositStatus};
pub use secret::Secret;
pub use status::{ActionableCode, ConnectionStatus};

use json::{array_field, bool_field, int_field, obj, str_field, Object};
use serde_json::Value;

/// Why a value could not be read as the type asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl DecodeError {
    fn missing(what: &str, field: &str) -> Self {
        DecodeError(format!("{what} has no `{field}`"))
    }
}

fn as_object<'a>(value: &'a Value, what: &str) -> Result<&'a Object, DecodeError> {
    obj(value).ok_or_else(|| DecodeError(format!("{what} is not an object")))
}

fn required(o: &Object, what: &str, field: &str) -> Result<String, DecodeError> {
    str_field(o, field).ok_or_else(|| DecodeError::missing(what, field))
}

/// A financial institution as search, popular lists and `loadInstitutionBy*` return it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Institution {
    pub guid: String,
    pub code: Option<String>,
    pub name: String,
    pub url: Option<String>,
    pub login_url: Option<String>,
    pub forgot_password_url: Option<String>,
    pub forgot_username_url: Option<String>,
    pub trouble_signing_in_url: Option<String>,
    pub logo_url: Option<String>,
    pub brand_color: Option<String>,
    pub supports_oauth: bool,
    pub is_disabled_by_client: bool,
    /// `institution.status`; 3 is "unavailable per the aggregator".
    pub status: Option<i64>,
    pub popularity: Option<i64>,
    pub instructional_text: Option<String>,
    /// `account_verification_is_enabled` / `account_identification_is_enabled`, when the host says.
    pub supports_verification: Option<bool>,
    pub supports_identification: Option<bool>,
    /// `instructional_data.title` and `.steps` (host text, possibly with links).
    pub instructional_title: Option<String>,
    pub instructional_steps: Vec<String>,
    /// The record as the host sent it, passed back as `rawInstitutionData`.
    pub raw: Value,
}

/// `institution.status` value meaning the aggregator cannot connect to it now.
pub const INSTITUTION_STATUS_UNAVAILABLE: i64 = 3;

impl Institution {
    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = as_object(value, "institution")?;
        let guid = required(o, "institution", "guid")?;
        let name = str_field(o, "name").unwrap_or_else(|| guid.clone());
        let instructions = o.get("instructional_data").and_then(obj);
        Ok(Institution {
            code: str_field(o, "code"),
            name,
            url: str_field(o, "url"),
            login_url: str_field(o, "login_url"),
            forgot_password_url: str_field(o, "forgot_password_credential_recovery_url"),
            forgot_username_url: str_field(o, "forgot_username_credential_recovery_url"),
            trouble_signing_in_url: str_field(o, "trouble_signing_credential_recovery_url"),
            logo_url: str_field(o, "logo_url").or_else(|| str_field(o, "medium_logo_url")),
            brand_color: str_field(o, "brand_color_hex_code").filter(|c| is_hex_color(c)),
            supports_oauth: bool_field(o, "supports_oauth").unwrap_or(false),
            is_disabled_by_client: bool_field(o, "is_disabled_by_client").unwrap_or(false),
            status: int_field(o, "status"),
            popularity: int_field(o, "popularity"),
            supports_verification: bool_field(o, "account_verification_is_enabled"),
            supports_identification: bool_field(o, "account_identification_is_enabled"),
            instructional_text: instructions.and_then(|d| str_field(d, "description")),
            instructional_title: instructions.and_then(|d| str_field(d, "title")),
            instructional_steps: instructions
                .map(|d| array_field(d, "steps").iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
                .unwrap_or_default(),
            raw: value.clone(),
            guid,
        })
    }

    /// Whether the aggregator marks this institution as unavailable.
    pub fn is_unavailable(&self) -> bool {
        self.status == Some(INSTITUTION_STATUS_UNAVAILABLE)
    }

    /// The host name shown under the institution's name (`www.mxbank.com`): only
    /// for a web address (with `http(s):` or no scheme), never `javascript:` or `data:`.
    pub fn display_host(&self) -> Option<String> {
        let url = self.url.as_deref()?.trim();
        let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
        match scheme {
            Some(scheme)
                if scheme.chars().all(|c| c.is_ascii_alphabetic()) && scheme != "http" && scheme != "https" =>
            {
                None
            }
            Some(_) | None => display_host(url),
        }
    }

    /// A URL the user can be sent to on the institution's site, https only.
    pub fn website(&self) -> Option<String> {
        self.login_url.as_deref().and_then(safe_https_url).or_else(|| self.url.as_deref().and_then(safe_https_url))
    }
}

/// The host name of a URL, as shown to people (`www.mxbank.com`).
pub fn display_host(url: &str) -> Option<String> {
    // The host API contract's own examples write `https:/host`, so don't insist on `//`.
    let rest = match url.split_once(':') {
        Some((scheme, rest)) if scheme.chars().all(|c| c.is_ascii_alphabetic()) => rest.trim_start_matches('/'),
        _ => url,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    (!host.is_empty()).then(|| host.to_string())
}

/// Only `http(s)` URLs are ever opened; `javascript:` and friends are dropped.
/// A bare `http://` is upgraded to `https://`.
pub fn safe_https_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https:/") {
        let rest = rest.trim_start_matches('/');
        (!rest.is_empty()).then(|| format!("https://{}", &url[url.len() - rest.len()..]))
    } else if let Some(rest) = lower.strip_prefix("http:/") {
        let rest = rest.trim_start_matches('/');
        (!rest.is_empty()).then(|| format!("https://{}", &url[url.len() - rest.len()..]))
    } else {
        None
    }
}

fn is_hex_color(c: &str) -> bool {
    let hex = c.strip_prefix('#').unwrap_or(c);
    matches!(hex.len(), 3 | 6) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
}

/// `member.error` as the aggregator reports it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MemberError {
    pub error_code: Option<i64>,
    pub user_message: Option<String>,
}

/// A member: one user's connection to one institution.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Member {
    pub guid: String,
    pub institution_guid: Option<String>,
    pub institution_code: Option<String>,
    pub name: Option<String>,
    pub connection_status: Option<ConnectionStatus>,
    pub is_being_aggregated: bool,
    pub is_oauth: bool,
    pub is_managed_by_user: bool,
    /// `verification_is_enabled`: the member can be used to verify an account.
    pub verification_is_enabled: bool,
    pub most_recent_job_guid: Option<String>,
    pub oauth_window_uri: Option<String>,
    pub user_guid: Option<String>,
    pub error: Option<MemberError>,
    pub mfa: Vec<MfaCredential>,
    pub raw: Value,
}

impl Member {
    /// `connection_status` as a number for the host: the known status's code, else
    /// the host's own value when it is an integer (`None`: not a number at all).
    pub fn status_code(&self) -> Option<i64> {
        self.connection_status.map(|s| i64::from(s.code())).or_else(|| self.raw.get("connection_status")?.as_i64())
    }

    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = as_object(value, "member")?;
        let guid = required(o, "member", "guid")?;
        let error = o.get("error").and_then(obj).map(|e| MemberError {
            error_code: int_field(e, "error_code"),
            user_message: str_field(e, "user_message"),
        });
        // MX puts challenges in `mfa.credentials`; the aggregator API in `challenges`.
        let mfa_items = match o.get("mfa").and_then(obj) {
            Some(m) => array_field(m, "credentials"),
            None => array_field(o, "challenges"),
        };
        let mfa = mfa_items.iter().filter_map(|c| MfaCredential::from_json(c).ok()).collect();
        Ok(Member {
            institution_guid: str_field(o, "institution_guid"),
            institution_code: str_field(o, "institution_code"),
            name: str_field(o, "name"),
            connection_status: o.get("connection_status").and_then(ConnectionStatus::from_json),
            is_being_aggregated: bool_field(o, "is_being_aggregated").unwrap_or(false),
            is_oauth: bool_field(o, "is_oauth").unwrap_or(false),
            is_managed_by_user: bool_field(o, "is_managed_by_user").unwrap_or(true),
            verification_is_enabled: bool_field(o, "verification_is_enabled").unwrap_or(false),
            most_recent_job_guid: str_field(o, "most_recent_job_guid"),
            oauth_window_uri: str_field(o, "oauth_window_uri"),
            user_guid: str_field(o, "user_guid"),
            error,
            mfa,
            raw: value.clone(),
            guid,
        })
    }

    pub fn error_code(&self) -> Option<i64> {
        self.error.as_ref().and_then(|e| e.error_code)
    }

    pub fn user_message(&self) -> Option<&str> {
        self.error.as_ref().and_then(|e| e.user_message.as_deref())
    }
}

/// `field_type` values of credentials and MFA challenges.
pub mod field_type {
    pub const TEXT: i64 = 0;
    pub const PASSWORD: i64 = 1;
    pub const OPTIONS: i64 = 2;
    pub const LOGIN: i64 = 3;
    pub const TOKEN: i64 = 12;
    pub const IMAGE_DATA: i64 = 13;
    pub const IMAGE_OPTIONS: i64 = 14;
}

fn field_type_of(o: &Object) -> i64 {
    let named = |v: &Value| -> Option<i64> {
        json::as_int(v).or_else(|| {
            let name = v.as_str()?.to_ascii_uppercase();
            Some(match name.as_str() {
                "TEXT" => field_type::TEXT,
                "PASSWORD" => field_type::PASSWORD,
                "OPTIONS" => field_type::OPTIONS,
                "LOGIN" => field_type::LOGIN,
                "TOKEN" => field_type::TOKEN,
                "IMAGE_DATA" | "IMAGE" => field_type::IMAGE_DATA,
                "IMAGE_OPTIONS" => field_type::IMAGE_OPTIONS,
                _ => return None,
            })
        })
    };
    o.get("field_type").and_then(named).or_else(|| o.get("type").and_then(named)).unwrap_or(field_type::TEXT)
}

/// One field of an institution's login form (`getInstitutionCredentials`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CredentialField {
    pub guid: String,
    pub field_name: Option<String>,
    pub field_type: i64,
    pub label: String,
    pub display_order: i64,
    pub optional: bool,
}

impl CredentialField {
    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = as_object(value, "credential")?;
        let guid = required(o, "credential", "guid")?;
        let field_name = str_field(o, "field_name");
        Ok(CredentialField {
            label: str_field(o, "label").or_else(|| field_name.clone()).unwrap_or_else(|| guid.clone()),
            field_type: field_type_of(o),
            display_order: int_field(o, "display_order").unwrap_or(i64::MAX),
            optional: bool_field(o, "optional").unwrap_or(false),
            field_name,
            guid,
        })
    }

    pub fn is_password(&self) -> bool {
        self.field_type == field_type::PASSWORD
    }

    pub fn is_username(&self) -> bool {
        self.field_type == field_type::LOGIN
            || self
                .field_name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case("login") || n.eq_ignore_ascii_case("username"))
    }
}

/// One choice of an options or image-options MFA challenge.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MfaOption {
    pub guid: String,
    pub label: String,
    pub data_uri: Option<String>,
    pub credential_guid: Option<String>,
}

/// One MFA challenge (`member.mfa.credentials[i]`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MfaCredential {
    pub guid: String,
    pub label: String,
    pub field_type: i64,
    pub external_id: Option<String>,
    /// A `data:image/...` URI shown with the question (image-data challenges).
    pub image_data: Option<String>,
    pub options: Vec<MfaOption>,
}

impl MfaCredential {
    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = as_object(value, "MFA credential")?;
        let guid = required(o, "MFA credential", "guid")?;
        let options = array_field(o, "options")
            .iter()
            .filter_map(|opt| {
                let p = obj(opt)?;
                let label = str_field(p, "label").or_else(|| str_field(p, "value"))?;
                Some(MfaOption {
                    guid: str_field(p, "guid").or_else(|| str_field(p, "value")).unwrap_or_else(|| label.clone()),
                    data_uri: str_field(p, "data_uri").filter(|u| is_image_data_uri(u)),
                    credential_guid: str_field(p, "credential_guid"),
                    label,
                })
            })
            .collect();
        let image_data =
            str_field(o, "image_data").or_else(|| str_field(o, "meta_data")).filter(|u| is_image_data_uri(u));
        Ok(MfaCredential {
            label: str_field(o, "label").unwrap_or_default(),
            field_type: field_type_of(o),
            external_id: str_field(o, "external_id"),
            image_data,
            options,
            guid,
        })
    }

    pub fn is_single_account_select(&self) -> bool {
        self.external_id.as_deref() == Some("single_account_select")
    }

    /// Whether it is answered by choosing one of its options (not by typing).
    pub fn asks_choice(&self) -> bool {
        matches!(self.field_type, field_type::OPTIONS | field_type::IMAGE_OPTIONS) || self.is_single_account_select()
    }
}

/// Images from the host are only shown from inline `data:image/` URIs, so an
/// MFA image can never make the browser fetch something.
pub fn is_image_data_uri(uri: &str) -> bool {
    let lower = uri.trim_start().to_ascii_lowercase();
    lower.starts_with("data:image/") && !lower.starts_with("data:image/svg")
}

/// An aggregation job (`loadJob`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Job {
    pub guid: String,
    pub job_type: Option<i64>,
    pub status: Option<i64>,
    pub finished_at: Option<i64>,
}

impl Job {
    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = as_object(value, "job")?;
        Ok(Job {
            guid: required(o, "job", "guid")?,
            job_type: int_field(o, "job_type"),
            status: int_field(o, "status"),
            finished_at: int_field(o, "finished_at"),
        })
    }
}

/// Job types of `runJob` (docs/host-api.md).
pub mod job_type {
    pub const AGGREGATION: i64 = 0;
    pub const VERIFICATION: i64 = 1;
    pub const IDENTIFICATION: i64 = 2;
    pub const REWARD: i64 = 6;
    pub const TAX: i64 = 9;
}

/// An OAuth state (`loadOAuthState(s)`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct OAuthState {
    pub guid: String,
    pub auth_status: Option<i64>,
    pub error_reason: Option<i64>,
    pub inbound_member_guid: Option<String>,
    pub outbound_member_guid: Option<String>,
}

impl OAuthState {
    pub fn from_json(value: &Value) -> Result<Self, DecodeError> {
        let o = as_object(value, "OAuth state")?;
        Ok(OAuthState {
            guid: required(o, "OAuth state", "guid")?,
            auth_status: int_field(o, "auth_status"),
            error_reason: int_field(o, "error_reason"),
            inbound_member_guid: str_field(o, "inbound_member_guid"),
            outbound_member_guid: str_field(o, "outbound_member_guid"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn institution_keeps_what_the_widget_shows_and_drops_unsafe_urls() -> Result<(), DecodeError> {
        let i = Institution::from_json(&json!({
            "guid": "INS-1", "code": "gringotts", "name": "Gringotts",
            "url": "https:/testbank.com", "login_url": "javascript:alert(1)",
            "brand_color_hex_code": "not-a-colour", "supports_oauth": false, "unknown": {"x": 1}
        }))?;
        assert_eq!(i.display_host().as_deref(), Some("testbank.com"));
        assert_eq!(i.website().as_deref(), Some("https://testbank.com"), "a javascript: login_url is never offered");
        assert_eq!(i.brand_color, None);
        assert!(Institution::from_json(&json!({"name": "no guid"})).is_err());
        assert!(Institution::from_json(&json!("INS-1")).is_err());
        Ok(())
    }

    #[test]
    fn safe_urls_are_https_only() {
        assert_eq!(safe_https_url("https:/testbank.com/x").as_deref(), Some("https://testbank.com/x"));
        assert_eq!(safe_https_url("http://a.com").as_deref(), Some("https://a.com"));
        assert_eq!(safe_https_url("HTTPS://A.com").as_deref(), Some("https://A.com"));
        assert_eq!(safe_https_url("data:text/html,x"), None);
        assert_eq!(safe_https_url("https://"), None);
    }

    #[test]
    fn member_reads_status_error_and_mfa_in_both_shapes() -> Result<(), DecodeError> {
        let m = Member::from_json(&json!({
            "guid": "MBR-1", "connection_status": "CHALLENGED", "is_being_aggregated": "false",
            "error": {"error_code": "2002", "user_message": "Try again"},
            "mfa": {"credentials": [{"guid": "CRD-1", "label": "City?", "type": "TEXT"},
                                    {"guid": "CRD-2", "label": "Pick", "field_type": 2,
                                     "options": [{"guid": "OPT-1", "label": "a", "data_uri": "data:image/png;base64,AA"},
                                                 {"label": "b"}]}]}
        }))?;
        assert_eq!(m.connection_status, Some(ConnectionStatus::Challenged));
        assert_eq!(m.error_code(), Some(2002));
        assert_eq!(m.mfa.len(), 2);
        assert_eq!(m.mfa[1].options[1].guid, "b");
        assert_eq!(m.mfa[1].field_type, field_type::OPTIONS);
        let challenges = Member::from_json(
            &json!({"guid": "MBR-2", "challenges": [{"guid": "CRD-9", "label": "Q", "type": "TEXT"}]}),
        )?;
        assert_eq!(challenges.mfa[0].guid, "CRD-9");
        Ok(())
    }

    #[test]
    fn mfa_images_must_be_inline_raster_data() {
        assert!(is_image_data_uri("data:image/png;base64,AAAA"));
        assert!(!is_image_data_uri("https://evil.example/track.png"));
        assert!(!is_image_data_uri("data:image/svg+xml,<svg onload=alert(1)>"));
    }
}
