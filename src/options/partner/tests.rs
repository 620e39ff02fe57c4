//! Every profile key, user feature and `availableAccountTypes` form:
//! applied (it changes `PartnerOptions`), known but not used (no warning),
//! or warned about by name.

use super::*;
use serde_json::json;

fn read(options: Value) -> (PartnerOptions, Vec<String>) {
    let mut warnings = Vec::new();
    let partner = read_partner(&options, &mut warnings);
    (partner, warnings)
}

#[test]
fn defaults_without_profiles() {
    let (p, warnings) = read(json!({}));
    assert_eq!(p, PartnerOptions::default());
    assert!(warnings.is_empty());
    assert!(p.support_requests && p.delete_option, "on unless the partner turns them off");
    assert!(!p.manual_accounts && !p.consent && !p.disclosure && !p.mx_branding && !p.popular_only);
    assert_eq!(p.account_types.len(), 12);
}

// Each applied key, one at a time, changes exactly what it should.
#[test]
fn every_applied_profile_key_is_read() {
    type Check = fn(&PartnerOptions) -> bool;
    let cases: [(Value, Check); 11] = [
        (json!({"client": {"oauth_app_name": "Budgeteer"}}), |p| p.app_name.as_deref() == Some("Budgeteer")),
        (json!({"client": {"has_atrium_api": true}}), |p| p.has_atrium_api),
        (json!({"client": {"has_limited_institutions": true}}), |p| p.popular_only),
        (json!({"clientProfile": {"uses_custom_popular_institution_list": true}}), |p| p.popular_only),
        (json!({"clientProfile": {"show_external_link_popup": true}}), |p| p.external_link_notice),
        (json!({"widgetProfile": {"display_disclosure_in_connect": true}}), |p| p.disclosure),
        (json!({"widgetProfile": {"enable_manual_accounts": true}}), |p| p.manual_accounts),
        (json!({"widgetProfile": {"enable_support_requests": false}}), |p| !p.support_requests),
        (json!({"widgetProfile": {"display_delete_option_in_connect": false}}), |p| !p.delete_option),
        (json!({"widgetProfile": {"show_mx_branding": true}}), |p| p.mx_branding),
        (json!({"widgetProfile": {"enable_support_requests": true, "display_delete_option_in_connect": true}}), |p| {
            p.support_requests && p.delete_option
        }),
    ];
    for (profiles, check) in cases {
        let (p, warnings) = read(json!({ "profiles": profiles }));
        assert!(check(&p), "{profiles}: {p:?}");
        assert!(warnings.is_empty(), "{profiles}: {warnings:?}");
        // Nothing else moved.
        let changed = [
            p.app_name.is_some(),
            p.has_atrium_api,
            p.popular_only,
            p.external_link_notice,
            p.disclosure,
            p.manual_accounts,
            !p.support_requests,
            !p.delete_option,
            p.mx_branding,
        ];
        assert!(changed.iter().filter(|c| **c).count() <= 1, "{profiles}: {p:?}");
    }
}

// Keys the widget knows and does not act on: no warning, no effect. Keys
// other parts read (OAuth, microdeposits, the support email) are known too.
#[test]
fn known_keys_that_are_not_used_are_accepted_quietly() {
    let profiles = json!({
        "client": {"guid": "CLT-1"},
        "clientColorScheme": {"primary_100": "#eef", "primary_200": "#ccf", "primary_400": "#33c", "primary_500": "#229",
                              "primary_color": "#33c", "secondary_color": "#999", "color_scheme": "light"},
        "clientProfile": {"account_verification_is_enabled": true, "account_identification_is_enabled": false,
                          "tax_statement_is_enabled": false, "use_cases_is_enabled": true,
                          "custom_copy_namespace": "example", "locale": "en-US",
                          "uses_oauth": true, "is_microdeposits_enabled": true},
        "user": {"guid": "USR-1", "email": "me@example.com", "first_name": "Ada", "last_name": "L", "is_demo": false},
        "userProfile": {"too_small_modal_dismissed_at": "2023-04-13T09:00:00+00:00"},
        "widgetProfile": {"show_microdeposits_in_connect": true},
        "loading": false,
    });
    let (p, warnings) = read(json!({ "profiles": profiles }));
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(p, PartnerOptions::default());
    for (profile, key, _, used) in PROFILE_KEYS {
        let listed = profiles.get(profile).and_then(|p| p.get(key)).is_some()
            || ["widget_brand_color", "primary_300"].contains(key)
            || *used == ProfileUse::Applied;
        assert!(listed, "{profile}.{key} is neither tested here nor applied");
    }
}

#[test]
fn unknown_profiles_keys_and_wrong_types_are_named() {
    let (p, warnings) = read(json!({"profiles": {
        "widgetProfil": {"enable_manual_accounts": true},
        "widgetProfile": {"enable_manual_acounts": true, "show_mx_branding": "yes", "enable_support_requests": "false"},
        "client": "CLT-1",
        "user": {"email": 5, "name": "Ada", "id": 1},
    }}));
    let expected = [
        "`profiles.widgetProfil` is not a profile the widget knows; it is ignored",
        "`profiles.widgetProfile` has keys the widget does not read: enable_manual_acounts",
        "`profiles.widgetProfile.show_mx_branding` should be true or false, got \"yes\"",
        "`profiles.widgetProfile.enable_support_requests` should be true or false, not the string \"false\"",
        "`profiles.client` must be an object, got \"CLT-1\"; it is ignored",
        "`profiles.user.email` should be a string, got 5",
        "`profiles.user` has keys the widget does not read: id, name",
    ];
    for line in expected {
        assert!(warnings.iter().any(|w| w == line), "missing {line:?} in {warnings:#?}");
    }
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    assert!(!p.manual_accounts && !p.mx_branding);
    assert!(!p.support_requests, "the string \"false\" is read as meant, with its warning");
    let (_, warnings) = read(json!({"profiles": [1]}));
    assert_eq!(warnings, ["`profiles` must be an object, got [1]; it is ignored"]);
}

#[test]
fn user_features_are_on_only_when_enabled_is_true() {
    let (p, warnings) = read(json!({"userFeatures": [
        {"feature_name": "CONNECT_CONSENT", "guid": "FTR-1", "is_enabled": true},
        {"feature_name": "CONNECT_COMBO_JOBS", "guid": "FTR-2", "is_enabled": "true"},
        {"feature_name": "SHOW_CONNECT_GLOBAL_NAVIGATION_HEADER", "is_enabled": true},
    ]}));
    assert!(p.consent && !p.combo_jobs);
    assert_eq!(warnings, ["`userFeatures` CONNECT_COMBO_JOBS: `is_enabled` should be true or false, got \"true\"; the feature stays off"]);
    let (p, warnings) = read(json!({"userFeatures": [
        {"feature_name": "CONNECT_COMBO_JOBS", "is_enabled": true},
        {"feature_name": "CONNECT_CONSNT", "is_enabled": true},
        {"is_enabled": true},
        {"feature_name": "CONNECT_CONSENT"},
    ]}));
    assert!(p.combo_jobs && !p.consent);
    assert_eq!(
        warnings,
        [
            "`userFeatures`: \"CONNECT_CONSNT\" is not a feature the widget knows; it is ignored",
            "`userFeatures[2]` has no `feature_name`; it is ignored",
            "`userFeatures` CONNECT_CONSENT has no `is_enabled`; the feature stays off",
        ]
    );
    let (_, warnings) = read(json!({"userFeatures": {"CONNECT_CONSENT": true}}));
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].starts_with("`userFeatures` must be a list"));
}

#[test]
fn available_account_types_take_numbers_or_names() {
    let (p, warnings) = read(json!({"availableAccountTypes": [4, "1", "mortgage", 4, 99, null]}));
    assert_eq!(p.account_types, [AccountType::CreditCard, AccountType::Checking, AccountType::Mortgage]);
    assert_eq!(
        warnings,
        [
            "`availableAccountTypes`: 99 is not an account type; it is left out",
            "`availableAccountTypes`: null is not an account type; it is left out",
        ]
    );
    let (p, warnings) = read(json!({"availableAccountTypes": ["cars"]}));
    assert_eq!(p.account_types, DEFAULT_ACCOUNT_TYPES.to_vec());
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let (p, warnings) = read(json!({"availableAccountTypes": 8}));
    assert_eq!(p.account_types, DEFAULT_ACCOUNT_TYPES.to_vec());
    assert_eq!(warnings.len(), 1);
    let (p, _) = read(json!({"availableAccountTypes": [12]}));
    assert_eq!(p.account_types, [AccountType::CheckingLineOfCredit]);
}
