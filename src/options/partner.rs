//! What partners configure through MX's `profiles`, `userFeatures` and
//! `availableAccountTypes`: read into `PartnerOptions` (what the widget acts
//! on), with a console warning for every key that is unknown or of the wrong
//! type. Keys the widget knows but does not act on are listed too, so that
//! none of them is mistaken for a typo (docs/configuration.md says why each
//! is not used).

use super::client_config::{shown, type_problem, Kind};
use crate::flow::manual_account::{AccountType, DEFAULT_ACCOUNT_TYPES};
use serde_json::{Map, Value};

/// What the partner's profiles and features turn on or off.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerOptions {
    /// `client.oauth_app_name`: the partner's app, named in consent copy.
    pub app_name: Option<String>,
    /// `client.has_atrium_api`: an Atrium client has no manual accounts.
    pub has_atrium_api: bool,
    /// `client.has_limited_institutions` or
    /// `clientProfile.uses_custom_popular_institution_list`: suggestions are
    /// the popular list only, as the partner curates it.
    pub popular_only: bool,
    /// `clientProfile.show_external_link_popup`: say so before opening another site.
    pub external_link_notice: bool,
    /// `widgetProfile.display_disclosure_in_connect`: the disclosure screen first.
    pub disclosure: bool,
    /// `widgetProfile.enable_manual_accounts`.
    pub manual_accounts: bool,
    /// `widgetProfile.enable_support_requests`; only `false` turns support off
    /// (without the callback there is none anyway).
    pub support_requests: bool,
    /// `widgetProfile.display_delete_option_in_connect`; only `false` turns "Disconnect" off.
    pub delete_option: bool,
    /// `widgetProfile.show_mx_branding`: the "Data access by MX" link under the login form.
    pub mx_branding: bool,
    /// User feature `CONNECT_CONSENT`: the consent step before credentials.
    pub consent: bool,
    /// User feature `CONNECT_COMBO_JOBS`: one combination job for the requested products.
    pub combo_jobs: bool,
    /// `availableAccountTypes`, or MX's default menu.
    pub account_types: Vec<AccountType>,
    /// The partner passed `onShowConnectSuccessSurvey` (set by `mount`, not JSON).
    pub survey: bool,
    /// The partner passed `postMessageEventOverrides.memberStatusUpdate.getHasStatusChanged`.
    pub status_change_override: bool,
    /// The widget's locale (`"en"`, `"es"`, `"fr-ca"`), for the consent receipt.
    pub locale: &'static str,
}

impl Default for PartnerOptions {
    fn default() -> Self {
        PartnerOptions {
            app_name: None,
            has_atrium_api: false,
            popular_only: false,
            external_link_notice: false,
            disclosure: false,
            manual_accounts: false,
            support_requests: true,
            delete_option: true,
            mx_branding: false,
            consent: false,
            combo_jobs: false,
            account_types: DEFAULT_ACCOUNT_TYPES.to_vec(),
            survey: false,
            status_change_override: false,
            locale: "en",
        }
    }
}

/// Whether the widget acts on a profile key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileUse {
    Applied,
    /// Known, and not used: MX's widget does not use it either, or what it
    /// drives has no place here (docs/configuration.md gives the reason).
    NotUsed,
}

use ProfileUse::{Applied, NotUsed};

/// Every key of MX's profiles: `(profile, key, type, use)`.
pub const PROFILE_KEYS: &[(&str, &str, Kind, ProfileUse)] = &[
    ("client", "guid", Kind::Text, NotUsed),
    ("client", "oauth_app_name", Kind::Text, Applied),
    ("client", "has_atrium_api", Kind::Flag, Applied),
    ("client", "has_limited_institutions", Kind::Flag, Applied),
    ("clientColorScheme", "widget_brand_color", Kind::Text, Applied),
    ("clientColorScheme", "primary_300", Kind::Text, Applied),
    ("clientColorScheme", "primary_100", Kind::Text, NotUsed),
    ("clientColorScheme", "primary_200", Kind::Text, NotUsed),
    ("clientColorScheme", "primary_400", Kind::Text, NotUsed),
    ("clientColorScheme", "primary_500", Kind::Text, NotUsed),
    ("clientColorScheme", "primary_color", Kind::Text, NotUsed),
    ("clientColorScheme", "secondary_color", Kind::Text, NotUsed),
    ("clientColorScheme", "color_scheme", Kind::Text, NotUsed),
    ("clientProfile", "uses_oauth", Kind::Flag, Applied),
    ("clientProfile", "is_microdeposits_enabled", Kind::Flag, Applied),
    ("clientProfile", "show_external_link_popup", Kind::Flag, Applied),
    ("clientProfile", "uses_custom_popular_institution_list", Kind::Flag, Applied),
    ("clientProfile", "account_verification_is_enabled", Kind::Flag, NotUsed),
    ("clientProfile", "account_identification_is_enabled", Kind::Flag, NotUsed),
    ("clientProfile", "tax_statement_is_enabled", Kind::Flag, NotUsed),
    ("clientProfile", "use_cases_is_enabled", Kind::Flag, NotUsed),
    ("clientProfile", "custom_copy_namespace", Kind::Text, NotUsed),
    ("clientProfile", "locale", Kind::Text, NotUsed),
    ("user", "guid", Kind::Text, Applied),
    ("user", "email", Kind::Text, Applied),
    ("user", "first_name", Kind::Text, Applied),
    ("user", "last_name", Kind::Text, Applied),
    ("user", "is_demo", Kind::Flag, NotUsed),
    ("userProfile", "too_small_modal_dismissed_at", Kind::Text, NotUsed),
    ("widgetProfile", "display_disclosure_in_connect", Kind::Flag, Applied),
    ("widgetProfile", "enable_manual_accounts", Kind::Flag, Applied),
    ("widgetProfile", "enable_support_requests", Kind::Flag, Applied),
    ("widgetProfile", "show_microdeposits_in_connect", Kind::Flag, Applied),
    ("widgetProfile", "show_mx_branding", Kind::Flag, Applied),
    ("widgetProfile", "display_delete_option_in_connect", Kind::Flag, Applied),
];

/// The profiles MX's widget takes; `loading` is its own bookkeeping.
const PROFILES: [&str; 7] =
    ["client", "clientColorScheme", "clientProfile", "user", "userProfile", "widgetProfile", "loading"];

/// MX's user features: `(name, use)`. `SHOW_CONNECT_GLOBAL_NAVIGATION_HEADER`
/// is documented by MX but read nowhere in its widget; the back bar is always there.
pub const USER_FEATURES: [(&str, ProfileUse); 3] =
    [("CONNECT_CONSENT", Applied), ("CONNECT_COMBO_JOBS", Applied), ("SHOW_CONNECT_GLOBAL_NAVIGATION_HEADER", NotUsed)];

/// The table entry of `profiles.<profile>.<key>`.
pub fn profile_key(profile: &str, key: &str) -> Option<(Kind, ProfileUse)> {
    PROFILE_KEYS.iter().find(|(p, k, _, _)| *p == profile && *k == key).map(|(_, _, kind, used)| (*kind, *used))
}

/// Read `profiles`, `userFeatures` and `availableAccountTypes` (the whole
/// options object), adding a warning for each problem.
pub fn read_partner(options: &Value, warnings: &mut Vec<String>) -> PartnerOptions {
    let profiles = check_profiles(options.get("profiles"), warnings);
    let flag = |profile: &str, key: &str| -> Option<bool> {
        match profiles.get(profile)?.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s == "true" || s == "false" => Some(s == "true"),
            _ => None,
        }
    };
    let text = |profile: &str, key: &str| -> Option<String> {
        let value = profiles.get(profile)?.get(key)?.as_str()?.trim();
        (!value.is_empty()).then(|| value.to_string())
    };
    let features = read_features(options.get("userFeatures"), warnings);
    let on = |name: &str| features.iter().any(|f| f == name);
    let defaults = PartnerOptions::default();
    PartnerOptions {
        app_name: text("client", "oauth_app_name"),
        has_atrium_api: flag("client", "has_atrium_api").unwrap_or(false),
        popular_only: flag("client", "has_limited_institutions").unwrap_or(false)
            || flag("clientProfile", "uses_custom_popular_institution_list").unwrap_or(false),
        external_link_notice: flag("clientProfile", "show_external_link_popup").unwrap_or(false),
        disclosure: flag("widgetProfile", "display_disclosure_in_connect").unwrap_or(false),
        manual_accounts: flag("widgetProfile", "enable_manual_accounts").unwrap_or(false),
        support_requests: flag("widgetProfile", "enable_support_requests").unwrap_or(true),
        delete_option: flag("widgetProfile", "display_delete_option_in_connect").unwrap_or(true),
        mx_branding: flag("widgetProfile", "show_mx_branding").unwrap_or(false),
        consent: on("CONNECT_CONSENT"),
        combo_jobs: on("CONNECT_COMBO_JOBS"),
        account_types: read_account_types(options.get("availableAccountTypes"), warnings)
            .unwrap_or(defaults.account_types),
        ..defaults
    }
}

/// The profiles that are objects, by name; warnings for the rest.
fn check_profiles(profiles: Option<&Value>, warnings: &mut Vec<String>) -> Map<String, Value> {
    let profiles = match profiles {
        None | Some(Value::Null) => return Map::new(),
        Some(Value::Object(p)) => p,
        Some(other) => {
            warnings.push(format!("`profiles` must be an object, got {}; it is ignored", shown(other)));
            return Map::new();
        }
    };
    let mut readable = Map::new();
    for (name, profile) in profiles {
        if !PROFILES.contains(&name.as_str()) {
            warnings.push(format!("`profiles.{name}` is not a profile the widget knows; it is ignored"));
            continue;
        }
        let Some(entries) = profile.as_object() else {
            if !profile.is_null() && name != "loading" {
                warnings.push(format!("`profiles.{name}` must be an object, got {}; it is ignored", shown(profile)));
            }
            continue;
        };
        let mut unknown = Vec::new();
        for (key, value) in entries {
            match profile_key(name, key) {
                Some((kind, _)) => {
                    if let Some(problem) = type_problem(kind, value) {
                        warnings.push(format!("`profiles.{name}.{key}` {problem}"));
                    }
                }
                None => unknown.push(key.as_str()),
            }
        }
        // Profiles often come straight from a server record: one line names
        // every extra field, so a typo is seen without a wall of warnings.
        if !unknown.is_empty() {
            warnings.push(format!("`profiles.{name}` has keys the widget does not read: {}", unknown.join(", ")));
        }
        readable.insert(name.clone(), profile.clone());
    }
    readable
}

/// The names of the enabled user features (`is_enabled === true` only, as MX reads them).
fn read_features(features: Option<&Value>, warnings: &mut Vec<String>) -> Vec<String> {
    let list = match features {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(list)) => list,
        Some(other) => {
            warnings.push(format!(
                "`userFeatures` must be a list of {{feature_name, is_enabled}}, got {}; it is ignored",
                shown(other)
            ));
            return Vec::new();
        }
    };
    let mut enabled = Vec::new();
    for (i, feature) in list.iter().enumerate() {
        let Some(name) = feature.get("feature_name").and_then(Value::as_str) else {
            warnings.push(format!("`userFeatures[{i}]` has no `feature_name`; it is ignored"));
            continue;
        };
        if !USER_FEATURES.iter().any(|(known, _)| *known == name) {
            warnings.push(format!("`userFeatures`: {name:?} is not a feature the widget knows; it is ignored"));
            continue;
        }
        match feature.get("is_enabled") {
            Some(Value::Bool(true)) => enabled.push(name.to_string()),
            Some(Value::Bool(false)) => {}
            Some(other) => warnings.push(format!(
                "`userFeatures` {name}: `is_enabled` should be true or false, got {}; the feature stays off",
                shown(other)
            )),
            None => warnings.push(format!("`userFeatures` {name} has no `is_enabled`; the feature stays off")),
        }
    }
    enabled
}

/// `availableAccountTypes`: MX's numbers (or constant names), in the order
/// given, without repeats. `None` (MX's default menu) when absent or when
/// nothing in it can be used.
fn read_account_types(value: Option<&Value>, warnings: &mut Vec<String>) -> Option<Vec<AccountType>> {
    let list = match value {
        None | Some(Value::Null) => return None,
        Some(Value::Array(list)) => list,
        Some(other) => {
            warnings.push(format!(
                "`availableAccountTypes` must be a list of account type numbers, got {}; all types are offered",
                shown(other)
            ));
            return None;
        }
    };
    let mut types = Vec::new();
    for item in list {
        let found = match item {
            Value::Number(n) => n.as_i64().and_then(AccountType::from_code),
            Value::String(s) => {
                s.trim().parse::<i64>().ok().and_then(AccountType::from_code).or_else(|| AccountType::from_name(s))
            }
            _ => None,
        };
        match found {
            Some(t) if !types.contains(&t) => types.push(t),
            Some(_) => {}
            None => warnings
                .push(format!("`availableAccountTypes`: {} is not an account type; it is left out", shown(item))),
        }
    }
    if types.is_empty() {
        warnings.push("`availableAccountTypes` has no account type the widget knows; all types are offered".into());
        return None;
    }
    Some(types)
}

#[cfg(test)]
mod tests;
