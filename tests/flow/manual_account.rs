//! Manual accounts: who gets them, the fields of each account type, the
//! checks on what is typed, `createAccount`, and the way back to search.

use crate::common::harness::*;
use connect_widget::flow::manual_account::{account_body, parse_number, AccountType, Field, FieldError, Msg};
use connect_widget::flow::{Effect, ManualAccountState, Notice, Step};
use connect_widget::host::HostCall;
use connect_widget::options::PartnerOptions;
use serde_json::json;

fn enabled() -> PartnerOptions {
    PartnerOptions { manual_accounts: true, ..PartnerOptions::default() }
}

/// On search with manual accounts turned on, the popular list loaded.
fn at_search(partner: PartnerOptions) -> Harness {
    let mut h = Harness::with_partner(json!({}), partner);
    h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
    h
}

fn names(t: AccountType) -> Vec<&'static str> {
    t.fields().iter().map(|f| f.api_name()).collect()
}

// The fields of each account type (MX's field sets).
#[test]
fn each_account_type_has_its_fields() {
    use AccountType::*;
    let base = ["user_name", "balance"];
    let cases: [(AccountType, &[&str]); 13] = [
        (Checking, &["interest_rate"]),
        (Savings, &["interest_rate"]),
        (CreditCard, &["interest_rate", "minimum_payment", "day_payment_is_due", "credit_limit"]),
        (LineOfCredit, &["interest_rate", "minimum_payment", "day_payment_is_due", "credit_limit"]),
        (Loan, &["interest_rate", "minimum_payment", "day_payment_is_due", "original_balance"]),
        (Mortgage, &["interest_rate", "minimum_payment", "day_payment_is_due", "original_balance"]),
        (CheckingLineOfCredit, &["minimum_payment", "day_payment_is_due", "credit_limit"]),
        (Property, &["property_type"]),
        (Investment, &[]),
        (Cash, &[]),
        (Insurance, &[]),
        (Prepaid, &[]),
        (Other, &[]),
    ];
    for (t, extra) in cases {
        let expected: Vec<&str> = base.iter().chain(extra.iter()).copied().collect();
        assert_eq!(names(t), expected, "{t:?}");
    }
    let required: Vec<&str> = [Field::Name, Field::PropertyType, Field::PaymentDueDay].map(|f| f.api_name()).to_vec();
    for field in
        [Field::Balance, Field::InterestRate, Field::MinimumPayment, Field::CreditLimit, Field::OriginalBalance]
    {
        assert!(!field.required() && !required.contains(&field.api_name()));
    }
}

#[test]
fn amounts_are_read_as_people_type_them() {
    let cases = [
        ("1250.50", Some("1250.50")),
        ("1,250.50", Some("1250.50")),
        ("$ 1,000", Some("1000")),
        ("-12", Some("-12")),
        ("12,5", Some("12.5")),
        ("1 234,56", Some("1234.56")),
        ("1\u{a0}234", Some("1234")),
        ("1,234", Some("1234")),
        ("1,23,4", None),
        ("1.2.3", None),
        ("1.", None),
        ("abc", None),
        ("", None),
        ("12a", None),
    ];
    for (typed, expected) in cases {
        assert_eq!(parse_number(typed).as_deref(), expected, "{typed:?}");
    }
}

#[test]
fn each_rule_has_its_message() {
    let cases = [
        (Field::Name, "  ", Err(FieldError::Required)),
        (Field::Name, " Rainy day fund ", Ok(Some("Rainy day fund"))),
        (Field::Balance, "", Ok(None)),
        (Field::Balance, "-2,500", Ok(Some("-2500"))),
        (Field::Balance, "ten", Err(FieldError::NotANumber)),
        (Field::Balance, "1000000000000", Err(FieldError::TooLarge)),
        (Field::Balance, "-999999999999", Ok(Some("-999999999999"))),
        (Field::InterestRate, "4.25%", Ok(Some("4.25"))),
        (Field::InterestRate, "100.5", Err(FieldError::OutOfRange)),
        (Field::InterestRate, "-1", Err(FieldError::OutOfRange)),
        (Field::MinimumPayment, "-5", Err(FieldError::Negative)),
        (Field::CreditLimit, "5,000", Ok(Some("5000"))),
        (Field::OriginalBalance, "1e5", Err(FieldError::NotANumber)),
        (Field::PaymentDueDay, "", Err(FieldError::Required)),
        (Field::PaymentDueDay, "31", Ok(Some("31"))),
        (Field::PaymentDueDay, "32", Err(FieldError::Required)),
        (Field::PropertyType, "9", Ok(Some("9"))),
        (Field::PropertyType, "10", Err(FieldError::Required)),
    ];
    for (field, typed, expected) in cases {
        let got = field.check(typed);
        assert_eq!(got.as_ref().map(|v| v.as_deref()), expected.as_ref().map(|v| *v), "{field:?} {typed:?}");
    }
}

#[test]
fn the_body_carries_the_checked_values_the_type_and_ownership() {
    let values = vec![
        (Field::Name, "Travel card".to_string()),
        (Field::Balance, "1,200.75".to_string()),
        (Field::InterestRate, "".to_string()),
        (Field::MinimumPayment, "35".to_string()),
        (Field::PaymentDueDay, "15".to_string()),
        (Field::CreditLimit, "5,000".to_string()),
        // Not a credit card field: never sent.
        (Field::OriginalBalance, "9".to_string()),
    ];
    assert_eq!(
        account_body(AccountType::CreditCard, &values, false),
        Ok(json!({"user_name": "Travel card", "balance": "1200.75", "minimum_payment": "35",
                  "day_payment_is_due": "15", "credit_limit": "5000", "account_type": 4, "is_personal": false}))
    );
    let refused = account_body(AccountType::Property, &[(Field::Balance, "x".into())], true);
    assert_eq!(
        refused,
        Err(vec![
            (Field::Name, FieldError::Required),
            (Field::Balance, FieldError::NotANumber),
            (Field::PropertyType, FieldError::Required)
        ])
    );
}

#[test]
fn manual_accounts_are_offered_only_when_turned_on_in_aggregation() {
    assert!(!at_search(PartnerOptions::default()).flow.manual_accounts_offered());
    assert!(at_search(enabled()).flow.manual_accounts_offered());
    let atrium = PartnerOptions { has_atrium_api: true, ..enabled() };
    assert!(!at_search(atrium).flow.manual_accounts_offered());
    let h = Harness::with_partner(json!({"mode": "verification"}), enabled());
    assert!(!h.flow.manual_accounts_offered());
    let mut env = env_all();
    env.available_callbacks.retain(|c| *c != "createAccount");
    env.partner = enabled();
    assert!(!Harness::with_env(json!({}), env).flow.manual_accounts_offered(), "no createAccount, no manual accounts");
    let mut h = at_search(PartnerOptions::default());
    h.send(Msg::Open);
    assert_eq!(h.step(), "search");
}

#[test]
fn a_credit_card_is_saved_and_done_returns_to_search() {
    let mut h = at_search(enabled());
    h.effects.clear();
    h.send(Msg::Open);
    assert_eq!(h.step(), "addManualAccount");
    assert!(matches!(h.flow.step(), Step::ManualAccount(ManualAccountState::Menu(types)) if types.len() == 12));
    assert_eq!(h.pageviews(), ["/connect/aggregation/manual_account_connect"]);
    assert_eq!(h.event_names(), ["connect/stepChange"]);
    h.effects.clear();
    h.send(Msg::Choose(AccountType::CreditCard));
    assert_eq!(h.pageviews(), ["/connect/aggregation/manual_account_form"]);
    assert!(h.event_names().is_empty(), "still the same step for the host");

    h.effects.clear();
    h.send(Msg::Save { values: vec![(Field::Balance, "12".into())], personal: true });
    assert_eq!(h.effects, [Effect::FocusFirstInvalid]);
    let Step::ManualAccount(ManualAccountState::Form(form)) = h.flow.step() else { panic!("the form") };
    assert_eq!(form.invalid, [(Field::Name, FieldError::Required), (Field::PaymentDueDay, FieldError::Required)]);

    h.send(Msg::Save {
        values: vec![(Field::Name, "Travel card".into()), (Field::PaymentDueDay, "3".into())],
        personal: true,
    });
    let (_, call) = h.call("createAccount");
    assert_eq!(
        call,
        HostCall::CreateAccount {
            account: json!({"user_name": "Travel card", "day_payment_is_due": "3", "account_type": 4, "is_personal": true})
        }
    );
    assert!(!h.flow.can_go_back(), "not while saving");
    h.reply("createAccount", Ok(json!({"guid": "ACC-1", "account_type": "CREDIT_CARD"})));
    assert!(
        matches!(h.flow.step(), Step::ManualAccount(ManualAccountState::Saved { name, .. }) if name == "Travel card")
    );
    assert_eq!(h.notices(), [Notice::ManualAccountAdded]);
    assert_eq!(h.pageviews(), ["/connect/aggregation/manual_account_success"]);
    assert!(!h.flow.can_go_back(), "saved: Done is the way on");

    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(h.step(), "search");
    assert_eq!(
        h.events(),
        [
            ("connect/backToSearch", json!({"context": "manualAccountAdded"})),
            ("connect/stepChange", json!({"previous": "addManualAccount", "current": "search"})),
        ]
    );
}

#[test]
fn a_failed_save_keeps_the_form_and_says_so() {
    let mut h = at_search(enabled());
    h.send(Msg::Open);
    h.send(Msg::Choose(AccountType::Cash));
    h.send(Msg::Save { values: vec![(Field::Name, "Wallet".into())], personal: true });
    h.reply("createAccount", Err(rejected(500, json!(null))));
    let Step::ManualAccount(ManualAccountState::Form(form)) = h.flow.step() else { panic!("still the form") };
    assert!(form.failed.is_some() && !form.saving);
    assert!(h.notices().is_empty());
    h.send(Msg::Save { values: vec![(Field::Name, "Wallet".into())], personal: false });
    assert!(h.has_call("createAccount"), "it can be saved again");
}

#[test]
fn back_goes_form_then_menu_then_search() {
    let mut h = at_search(enabled());
    h.send(Msg::Open);
    h.send(Msg::Choose(AccountType::Property));
    h.send(connect_widget::flow::Msg::Back);
    assert!(matches!(h.flow.step(), Step::ManualAccount(ManualAccountState::Menu(_))));
    h.effects.clear();
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
    assert_eq!(h.event_names(), ["connect/backToSearch", "connect/stepChange"]);
}

#[test]
fn one_available_type_opens_its_form_at_once() {
    let partner = PartnerOptions { account_types: vec![AccountType::Mortgage], ..enabled() };
    let mut h = at_search(partner);
    h.send(Msg::Open);
    assert!(
        matches!(h.flow.step(), Step::ManualAccount(ManualAccountState::Form(f)) if f.account_type == AccountType::Mortgage)
    );
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.step(), "search");
}
