//! `mount`'s options as plain data, read natively: `mount`, the iframe page
//! and the custom element all go through `MountOptions::from_json`, so the
//! defaults are written once and every option is tested without a browser.
//!
//! `api` and the listener functions are not JSON and are read by the caller;
//! `api` as an HTTP back-end (`{url, headers, credentials}`) is read in `api`.

use crate::flow::Settings;
use crate::i18n::{Key, Locale};
use crate::model::ClientConfig;
#[cfg(feature = "sandbox")]
use crate::sandbox::SandboxOptions;
use crate::small_map::SmallMap;
use serde_json::{json, Value};

mod api;
mod client_config;
mod copy;
mod partner;
mod theme;
pub use api::{base_url, HttpApiOptions, RequestCredentials};
pub use client_config::{check_client_config, client_config_key, Kind, Use, CLIENT_CONFIG_KEYS};
pub use copy::mx_copy_key;
pub use partner::{profile_key, PartnerOptions, ProfileUse, PROFILE_KEYS, USER_FEATURES};
pub use theme::{contrast, text_on, Brand, ColorScheme, Rgb, Theme};

/// The option keys that are data (read key by key by the caller, so one
/// unreadable key, say a cyclic object, does not lose the others).
pub const DATA_KEYS: [&str; 9] = [
    "clientConfig",
    "language",
    "profiles",
    "experimentalFeatures",
    "timing",
    "shadow",
    "userFeatures",
    "availableAccountTypes",
    "sandbox",
];

/// Default `timing.hostTimeoutMs`: how long a host callback may take.
pub const DEFAULT_HOST_TIMEOUT_MS: u32 = 30_000;
/// Default `timing.sandboxLatencyMs`: the sandbox's simulated network delay.
pub const DEFAULT_SANDBOX_LATENCY_MS: u32 = 250;

/// Everything `mount` needs besides `api` and the listeners.
#[derive(Clone, Debug, PartialEq)]
pub struct MountOptions {
    pub client_config: ClientConfig,
    pub locale: Locale,
    /// `language.copy`: the partner's text by key.
    pub copy: SmallMap<Key, String>,
    pub settings: Settings,
    /// `timing.hostTimeoutMs`; 0 means no limit.
    pub host_timeout_ms: u32,
    #[cfg(feature = "sandbox")]
    pub sandbox: SandboxOptions,
    #[cfg(feature = "sandbox")]
    pub sandbox_latency_ms: u32,
    /// Mount inside a shadow root (default) or straight into the element.
    pub shadow: bool,
    /// `profiles.user.email`.
    pub user_email: Option<String>,
    /// `profiles.user.guid`, `first_name`, `last_name`.
    pub user_guid: Option<String>,
    pub user_first_name: Option<String>,
    pub user_last_name: Option<String>,
    /// `profiles.clientProfile.is_microdeposits_enabled` or
    /// `profiles.widgetProfile.show_microdeposits_in_connect` is `false`.
    pub microdeposits_disabled: bool,
    /// `experimentalFeatures.unavailableInstitutions`, by guid or name.
    pub unavailable_institutions: Vec<String>,
    /// `profiles.clientProfile.uses_oauth === false`: no OAuth, credentials instead.
    pub oauth_disabled: bool,
    /// `profiles`, `userFeatures` and `availableAccountTypes`, read.
    pub partner: PartnerOptions,
    /// `color_scheme` and the brand colour.
    pub theme: Theme,
    /// What was wrong but could be ignored, for the developer console.
    pub warnings: Vec<String>,
}

/// A non-negative number of milliseconds at `path`, clamped to `u32`.
fn millis(options: &Value, path: &str) -> Option<u32> {
    let n = options.pointer(path)?.as_f64()?;
    (n.is_finite() && n >= 0.0).then(|| n.min(f64::from(u32::MAX)) as u32)
}

impl MountOptions {
    /// Read the data options. Fails, with a message naming the problem, only
    /// when the partner's intent cannot be honoured (an unknown locale).
    /// `epoch_ms` is the wall-clock time at the sandbox clock's zero.
    pub fn from_json(options: &Value, epoch_ms: f64) -> Result<MountOptions, String> {
        let mut warnings = Vec::new();
        let locale_value = match options.get("language") {
            // `language: "es"` means what it says; the documented shape is `{locale: "es"}`.
            Some(Value::String(tag)) => {
                warnings.push(format!("`language` should be an object: use `language: {{locale: {tag:?}}}`"));
                Some(Value::String(tag.clone()))
            }
            Some(language) => language.get("locale").cloned(),
            None => None,
        };
        let locale = match locale_value {
            None | Some(Value::Null) => Locale::En,
            Some(Value::String(tag)) => {
                Locale::parse(&tag).ok_or_else(|| format!("unknown locale {tag:?}; use \"en\", \"es\" or \"fr-ca\""))?
            }
            Some(other) => return Err(format!("`language.locale` must be a string such as \"en\", got {other}")),
        };
        let mut copy = SmallMap::new();
        if let Some(entries) = options.pointer("/language/copy").and_then(Value::as_object) {
            for (name, text) in entries {
                // Our dotted names, or MX's custom-copy contexts.
                let mx = copy::mx_copy_key(name);
                match (Key::from_name(name).or(mx), text.as_str()) {
                    (Some(key), Some(text)) => {
                        let text = if mx.is_some() { copy::from_mx_text(text, key) } else { text.to_string() };
                        copy.insert(key, text);
                    }
                    (None, _) => warnings.push(format!("`language.copy` has no message {name:?}; it is ignored")),
                    (Some(_), None) => warnings.push(format!("`language.copy.{name}` is not a string; it is ignored")),
                }
            }
        }
        if let Some(content) = options.pointer("/language/localizedContent") {
            copy::read_localized_content(content, &mut copy, &mut warnings);
        }
        if let Some(language) = options.get("language").and_then(Value::as_object) {
            for key in language.keys() {
                match key.as_str() {
                    "locale" | "copy" | "localizedContent" => {}
                    "custom_copy_namespace" => warnings.push(
                        "`language.custom_copy_namespace` names copy bundled into MX's widget; pass those texts in `language.copy` instead".into(),
                    ),
                    other => warnings.push(format!("`language.{other}` is not an option the widget knows; it is ignored")),
                }
            }
        }
        let config_raw = match options.get("clientConfig") {
            Some(c) if c.is_object() => c.clone(),
            None | Some(Value::Null) => json!({}),
            // Without it the widget would open on search, ignoring `mode`,
            // `disable_institution_search`, ...: the partner's intent cannot be honoured.
            Some(other) => {
                return Err(format!("`clientConfig` must be an object such as {{mode: \"aggregation\"}}, got {other}"))
            }
        };
        warnings.extend(check_client_config(&config_raw));
        let mut partner = partner::read_partner(options, &mut warnings);
        partner.locale = locale.tag();
        let theme = Theme::read(options, &mut warnings);
        let defaults = Settings::default();
        let settings = Settings {
            poll_interval_ms: millis(options, "/timing/pollIntervalMs")
                .or_else(|| millis(options, "/experimentalFeatures/memberPollingMilliseconds"))
                .unwrap_or(defaults.poll_interval_ms)
                .max(1),
            search_debounce_ms: millis(options, "/timing/searchDebounceMs").unwrap_or(defaults.search_debounce_ms),
            oauth_poll_interval_ms: millis(options, "/timing/oauthPollIntervalMs")
                .unwrap_or(defaults.oauth_poll_interval_ms)
                .max(1),
            oauth_wait_limit_ms: millis(options, "/timing/oauthWaitLimitMs").unwrap_or(defaults.oauth_wait_limit_ms),
            ..defaults
        };
        // Only the sandbox has a clock to set; the production build reads no sandbox timing.
        #[cfg(not(feature = "sandbox"))]
        let _ = epoch_ms;
        #[cfg(feature = "sandbox")]
        let sandbox_defaults = SandboxOptions::default();
        #[cfg(feature = "sandbox")]
        let sandbox = SandboxOptions {
            aggregation_ms: millis(options, "/timing/sandboxAggregationMs")
                .map_or(sandbox_defaults.aggregation_ms, f64::from),
            sync_ms: millis(options, "/timing/sandboxSyncMs").map_or(sandbox_defaults.sync_ms, f64::from),
            deposit_ms: millis(options, "/timing/sandboxDepositMs").map_or(sandbox_defaults.deposit_ms, f64::from),
            deposit_expiry_ms: millis(options, "/timing/sandboxDepositExpiryMs")
                .map_or(sandbox_defaults.deposit_expiry_ms, f64::from),
            microdeposit_attempts: millis(options, "/sandbox/microdepositAttempts")
                .map_or(sandbox_defaults.microdeposit_attempts, |n| n.clamp(1, 20)),
            existing_members: options.pointer("/sandbox/existingMembers").and_then(Value::as_bool).unwrap_or(false),
            epoch_ms,
            ..sandbox_defaults
        };
        let text = |path: &str| {
            options.pointer(path).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        let turned_off = |path: &str| options.pointer(path) == Some(&Value::Bool(false));
        let unavailable_institutions = options
            .pointer("/experimentalFeatures/unavailableInstitutions")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .flat_map(|i| [i.get("guid"), i.get("name")])
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        Ok(MountOptions {
            client_config: ClientConfig::from_json(&config_raw),
            locale,
            copy,
            settings,
            host_timeout_ms: millis(options, "/timing/hostTimeoutMs").unwrap_or(DEFAULT_HOST_TIMEOUT_MS),
            #[cfg(feature = "sandbox")]
            sandbox,
            #[cfg(feature = "sandbox")]
            sandbox_latency_ms: millis(options, "/timing/sandboxLatencyMs").unwrap_or(DEFAULT_SANDBOX_LATENCY_MS),
            shadow: options.get("shadow").and_then(Value::as_bool).unwrap_or(true),
            user_email: options.pointer("/profiles/user/email").and_then(Value::as_str).map(str::to_string),
            user_guid: text("/profiles/user/guid"),
            user_first_name: text("/profiles/user/first_name"),
            user_last_name: text("/profiles/user/last_name"),
            microdeposits_disabled: turned_off("/profiles/clientProfile/is_microdeposits_enabled")
                || turned_off("/profiles/widgetProfile/show_microdeposits_in_connect"),
            unavailable_institutions,
            // Only an explicit `false` turns OAuth off, as in MX's profiles.
            oauth_disabled: options.pointer("/profiles/clientProfile/uses_oauth") == Some(&Value::Bool(false)),
            partner,
            theme,
            warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mode;

    fn read(options: Value) -> Result<MountOptions, String> {
        MountOptions::from_json(&options, 0.0)
    }

    #[test]
    fn defaults_when_nothing_is_given() -> Result<(), String> {
        let o = read(json!({}))?;
        assert_eq!(o.locale, Locale::En);
        assert!(o.copy.is_empty() && o.warnings.is_empty());
        assert_eq!(
            o.settings,
            Settings {
                poll_interval_ms: 3000,
                search_debounce_ms: 400,
                per_page: 25,
                poll_failures_allowed: 3,
                oauth_poll_interval_ms: 1000,
                oauth_wait_limit_ms: 600_000,
            }
        );
        assert!(!o.oauth_disabled, "OAuth is on unless the partner turns it off");
        assert_eq!(o.host_timeout_ms, 30_000);
        assert_eq!(o.sandbox_latency_ms, 250);
        assert_eq!((o.sandbox.aggregation_ms, o.sandbox.sync_ms), (2500.0, 1500.0));
        assert!(o.shadow);
        assert!(!o.microdeposits_disabled && !o.sandbox.existing_members);
        assert_eq!((o.sandbox.deposit_ms, o.sandbox.microdeposit_attempts), (2500.0, 3));
        assert_eq!(o.client_config.mode, Mode::Aggregation);
        assert_eq!(o.client_config.raw, json!({}));
        Ok(())
    }

    #[test]
    fn every_option_is_read() -> Result<(), String> {
        let o = read(json!({
            "clientConfig": {"mode": "verification", "color_scheme": "dark"},
            "language": {"locale": "fr-CA", "copy": {"search.title": "Votre banque"}},
            "profiles": {"user": {"email": "me@example.com"}, "clientProfile": {"uses_oauth": false}},
            "experimentalFeatures": {"unavailableInstitutions": [{"guid": "INS-1"}, {"name": "Old Bank"}]},
            "timing": {"pollIntervalMs": 20, "searchDebounceMs": 10, "hostTimeoutMs": 0,
                       "sandboxLatencyMs": 1, "sandboxAggregationMs": 60, "sandboxSyncMs": 5,
                       "oauthPollIntervalMs": 15, "oauthWaitLimitMs": 0},
            "shadow": false,
        }))?;
        assert_eq!(o.client_config.mode, Mode::Verification);
        assert!(o.client_config.dark);
        assert_eq!(o.locale, Locale::FrCa);
        assert_eq!(o.copy.get(&Key::SearchTitle).map(String::as_str), Some("Votre banque"));
        assert_eq!(o.user_email.as_deref(), Some("me@example.com"));
        assert_eq!(o.unavailable_institutions, vec!["INS-1".to_string(), "Old Bank".to_string()]);
        assert_eq!((o.settings.poll_interval_ms, o.settings.search_debounce_ms), (20, 10));
        assert_eq!((o.settings.oauth_poll_interval_ms, o.settings.oauth_wait_limit_ms), (15, 0));
        assert!(o.oauth_disabled);
        assert_eq!((o.host_timeout_ms, o.sandbox_latency_ms), (0, 1));
        assert_eq!((o.sandbox.aggregation_ms, o.sandbox.sync_ms), (60.0, 5.0));
        assert!(!o.shadow);
        Ok(())
    }

    #[test]
    fn microdeposit_profiles_and_sandbox_options_are_read() -> Result<(), String> {
        let o = read(json!({
            "profiles": {"user": {"guid": "USR-9", "first_name": " Ada ", "last_name": "Lovelace"},
                         "clientProfile": {"is_microdeposits_enabled": true},
                         "widgetProfile": {"show_microdeposits_in_connect": false}},
            "timing": {"sandboxDepositMs": 30, "sandboxDepositExpiryMs": 90},
            "sandbox": {"existingMembers": true, "microdepositAttempts": 2},
        }))?;
        assert!(o.microdeposits_disabled, "either profile turns microdeposits off");
        assert_eq!(o.user_guid.as_deref(), Some("USR-9"));
        assert_eq!((o.user_first_name.as_deref(), o.user_last_name.as_deref()), (Some("Ada"), Some("Lovelace")));
        assert_eq!((o.sandbox.deposit_ms, o.sandbox.deposit_expiry_ms), (30.0, 90.0));
        assert_eq!(o.sandbox.microdeposit_attempts, 2);
        assert!(o.sandbox.existing_members);
        let o = read(json!({"profiles": {"clientProfile": {"is_microdeposits_enabled": false}}}))?;
        assert!(o.microdeposits_disabled);
        let o = read(json!({"profiles": {"clientProfile": {"is_microdeposits_enabled": "no"}}}))?;
        assert!(!o.microdeposits_disabled, "only `false` turns them off, as MX's widget reads it");
        Ok(())
    }

    #[test]
    fn mx_poll_interval_is_a_fallback_and_zero_is_raised() -> Result<(), String> {
        let o = read(json!({"experimentalFeatures": {"memberPollingMilliseconds": 1234}}))?;
        assert_eq!(o.settings.poll_interval_ms, 1234);
        let o = read(json!({"timing": {"pollIntervalMs": 0}}))?;
        assert_eq!(o.settings.poll_interval_ms, 1, "a zero interval would poll in a busy loop");
        let o = read(json!({"timing": {"pollIntervalMs": -5, "hostTimeoutMs": 1e12}}))?;
        assert_eq!((o.settings.poll_interval_ms, o.host_timeout_ms), (3000, u32::MAX));
        Ok(())
    }

    #[test]
    fn an_unknown_or_mistyped_locale_is_refused_by_name() {
        assert_eq!(
            read(json!({"language": {"locale": "de"}})),
            Err("unknown locale \"de\"; use \"en\", \"es\" or \"fr-ca\"".to_string())
        );
        assert!(read(json!({"language": {"locale": 5}})).is_err_and(|e| e.contains("must be a string")));
    }

    #[test]
    fn a_bare_locale_string_is_understood_with_a_warning() -> Result<(), String> {
        let o = read(json!({"language": "es"}))?;
        assert_eq!(o.locale, Locale::Es);
        assert_eq!(o.warnings.len(), 1);
        Ok(())
    }

    #[test]
    fn ignorable_mistakes_are_warned_about() -> Result<(), String> {
        let o = read(json!({"language": {"copy": {"no.such": "x", "search.title": 3}}}))?;
        assert_eq!(o.warnings.len(), 2, "{:?}", o.warnings);
        assert!(o.warnings.iter().any(|w| w.contains("\"no.such\"")));
        assert!(o.copy.is_empty());
        assert_eq!(o.client_config.raw, json!({}));
        Ok(())
    }

    // Only `uses_oauth: false` turns OAuth off; a missing or odd value leaves it on.
    #[test]
    fn oauth_is_off_only_when_the_profile_says_false() -> Result<(), String> {
        for (profiles, disabled) in [
            (json!({"clientProfile": {"uses_oauth": false}}), true),
            (json!({"clientProfile": {"uses_oauth": true}}), false),
            (json!({"clientProfile": {"uses_oauth": "false"}}), false),
            (json!({"clientProfile": {}}), false),
            (json!(null), false),
        ] {
            let o = read(json!({ "profiles": profiles }))?;
            assert_eq!(o.oauth_disabled, disabled, "{profiles}");
        }
        let o = read(json!({"timing": {"oauthPollIntervalMs": 0, "oauthWaitLimitMs": -1}}))?;
        assert_eq!(o.settings.oauth_poll_interval_ms, 1, "a zero interval would poll in a busy loop");
        assert_eq!(o.settings.oauth_wait_limit_ms, 600_000, "a negative limit keeps the default");
        Ok(())
    }
}
