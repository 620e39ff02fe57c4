//! The client configuration (MX `ClientConfigType`) as the widget reads it.
//!
//! The raw object is kept too: every callback that takes `config` receives it
//! as the partner passed it, unknown keys included.

use super::json::{bool_field, int_field, obj, str_field};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Aggregation,
    Verification,
    Reward,
    Tax,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Aggregation => "aggregation",
            Mode::Verification => "verification",
            Mode::Reward => "reward",
            Mode::Tax => "tax",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClientConfig {
    pub mode: Mode,
    pub current_institution_code: Option<String>,
    pub current_institution_guid: Option<String>,
    pub current_member_guid: Option<String>,
    pub current_microdeposit_guid: Option<String>,
    pub update_credentials: bool,
    pub disable_institution_search: bool,
    pub include_identity: bool,
    pub include_transactions: bool,
    pub iso_country_code: Option<String>,
    pub dark: bool,
    pub is_mobile_webview: bool,
    pub oauth_referral_source: Option<String>,
    /// Where the OAuth provider returns the user; its origin may send the
    /// completion message (docs/oauth.md).
    pub client_redirect_url: Option<String>,
    pub ui_message_version: Option<i64>,
    pub raw: Value,
}

impl ClientConfig {
    /// Never fails: a missing or malformed config is the default one.
    pub fn from_json(value: &Value) -> ClientConfig {
        let Some(o) = obj(value) else {
            return ClientConfig { raw: serde_json::json!({}), ..ClientConfig::default() };
        };
        let products: Vec<String> = o
            .get("data_request")
            .and_then(obj)
            .and_then(|d| d.get("products"))
            .and_then(Value::as_array)
            .map(|p| p.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let mode = if products.iter().any(|p| p == "account_verification") {
            Mode::Verification
        } else if products.iter().any(|p| p == "rewards") {
            Mode::Reward
        } else if !products.is_empty() {
            Mode::Aggregation
        } else {
            match str_field(o, "mode").as_deref() {
                Some("verification") => Mode::Verification,
                Some("reward") => Mode::Reward,
                Some("tax") => Mode::Tax,
                _ => Mode::Aggregation,
            }
        };
        ClientConfig {
            mode,
            current_institution_code: str_field(o, "current_institution_code"),
            current_institution_guid: str_field(o, "current_institution_guid"),
            current_member_guid: str_field(o, "current_member_guid"),
            current_microdeposit_guid: str_field(o, "current_microdeposit_guid"),
            update_credentials: bool_field(o, "update_credentials").unwrap_or(false),
            disable_institution_search: bool_field(o, "disable_institution_search").unwrap_or(false),
            include_identity: bool_field(o, "include_identity").unwrap_or(false),
            include_transactions: bool_field(o, "include_transactions").unwrap_or(false),
            iso_country_code: str_field(o, "iso_country_code"),
            dark: str_field(o, "color_scheme").is_some_and(|c| c.eq_ignore_ascii_case("dark")),
            is_mobile_webview: bool_field(o, "is_mobile_webview").unwrap_or(false),
            oauth_referral_source: str_field(o, "oauth_referral_source"),
            client_redirect_url: str_field(o, "client_redirect_url"),
            ui_message_version: int_field(o, "ui_message_version"),
            raw: value.clone(),
        }
    }

    /// Whether the host, not the widget, opens the OAuth URL: in a mobile
    /// webview, or with `oauth_referral_source: "APP"`.
    pub fn host_opens_oauth(&self) -> bool {
        self.is_mobile_webview || self.oauth_referral_source.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("APP"))
    }

    /// Filters sent with popular and search queries, as MX's React widget sends them.
    pub fn product_filters(&self) -> Vec<(&'static str, Value)> {
        let mut filters = Vec::new();
        match self.mode {
            Mode::Verification => filters.push(("account_verification_is_enabled", Value::Bool(true))),
            Mode::Tax => filters.push(("tax_statement_is_enabled", Value::Bool(true))),
            _ => {}
        }
        if self.include_identity {
            filters.push(("account_identification_is_enabled", Value::Bool(true)));
        }
        filters
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn config_reads_mode_from_products_first() {
        let c = ClientConfig::from_json(
            &json!({"mode": "aggregation", "data_request": {"products": ["account_verification"]}}),
        );
        assert_eq!(c.mode, Mode::Verification);
        let c = ClientConfig::from_json(
            &json!({"mode": "verification", "color_scheme": "dark", "update_credentials": "true"}),
        );
        assert_eq!(c.mode, Mode::Verification);
        assert!(c.dark && c.update_credentials);
        assert!(!c.host_opens_oauth());
        assert!(ClientConfig::from_json(&json!({"is_mobile_webview": true})).host_opens_oauth());
        assert!(ClientConfig::from_json(&json!({"oauth_referral_source": "app"})).host_opens_oauth());
        assert!(!ClientConfig::from_json(&json!({"oauth_referral_source": "BROWSER"})).host_opens_oauth());
        let c = ClientConfig::from_json(&json!(null));
        assert_eq!(c.mode, Mode::Aggregation);
        assert_eq!(c.raw, json!({}));
    }
}
