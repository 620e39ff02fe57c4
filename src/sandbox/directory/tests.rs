use super::*;
use serde_json::json;
use std::collections::HashSet;

fn names_of(list: &[&InstitutionRecord]) -> Vec<String> {
    list.iter().map(|i| i.name.clone()).collect()
}

#[test]
fn directory_is_large_unique_and_has_the_documented_institutions() {
    // Why: search must feel real (hundreds of names) and docs promise these specials.
    let d = Directory::generate();
    assert!(d.all().len() >= 300, "only {} institutions", d.all().len());
    let guids: HashSet<_> = d.all().iter().map(|i| &i.guid).collect();
    let codes: HashSet<_> = d.all().iter().map(|i| &i.code).collect();
    assert_eq!(guids.len(), d.all().len(), "guids are unique");
    assert_eq!(codes.len(), d.all().len(), "codes are unique");
    let mx = d.by_code("mxbank").map(|i| (i.name.as_str(), i.login_form, i.supports_oauth));
    assert_eq!(mx, Some(("MX Bank", LoginForm::Standard, false)));
    assert!(d.by_code("mx_bank_oauth").is_some_and(|i| i.supports_oauth && i.name == "MX Bank (OAuth)"));
    assert!(d.by_code("unavailable_bank").is_some_and(|i| i.status == Some(3)));
    assert!(d.by_code("client_blocked_bank").is_some_and(|i| i.is_disabled_by_client));
    assert!(d.all().iter().any(|i| i.login_form == LoginForm::MemberNumber));
    assert!(d.all().iter().filter(|i| i.iso_country_code == "CA").count() >= 10);
    assert!(d.all().iter().all(|i| i.url.starts_with("https://") && i.guid.starts_with("INS-")));
    assert!(d.all().iter().all(|i| i.status.is_none() || i.code == "unavailable_bank"));
    // Deterministic: a second generation is identical.
    assert_eq!(Directory::generate().all(), d.all());
}

#[test]
fn routing_numbers_have_valid_aba_checksums_and_some_are_shared() {
    // Why: microdeposit and routing-number search flows reject invalid ABA numbers.
    let d = Directory::generate();
    for i in d.all() {
        assert!(is_valid_routing_number(&i.routing_number), "{} {}", i.name, i.routing_number);
    }
    let mut seen = HashSet::new();
    let shared = d.all().iter().filter(|i| !seen.insert(i.routing_number.clone())).count();
    assert!(shared >= 5, "some institutions share a routing number ({shared})");
    let mx = d.by_code("mxbank").map(|i| i.routing_number.clone());
    assert_eq!(mx, d.by_code("mx_bank_oauth").map(|i| i.routing_number.clone()));
    assert!(!d.all().iter().any(|i| i.routing_number == "123456780"), "the documented free number stays free");
    assert!(is_valid_routing_number("123456780"));
    assert!(is_valid_routing_number("011000015"));
    assert!(!is_valid_routing_number("123456789"));
    assert!(!is_valid_routing_number("12345678"));
    assert!(!is_valid_routing_number("12345678a"));
    assert!(!is_valid_routing_number("１23456780"), "non-ASCII digits are refused");
}

#[test]
fn search_ranks_prefix_matches_first_then_popularity() {
    // Why: typing "mx" must put MX Bank on top, as users expect from any search box.
    let d = Directory::generate();
    let all = Filters::default();
    let mx = d.search("mx", &all);
    assert_eq!(names_of(&mx[..2]), ["MX Bank", "MX Bank (OAuth)"]);
    assert_eq!(d.search("MX BANK", &all).first().map(|i| i.code.as_str()), Some("mxbank"));
    assert_eq!(d.search("mx_bank_oauth", &all).first().map(|i| i.code.as_str()), Some("mx_bank_oauth"));
    let harbor = d.search("harbor", &all);
    assert_eq!(harbor.first().map(|i| i.name.as_str()), Some("Harbor Savings Bank"));
    assert!(harbor.iter().all(|i| i.name.to_lowercase().contains("harbor")));
    // A word inside the name ranks after names starting with the query.
    let valley = d.search("valley", &all);
    assert!(valley.len() > 3 && valley.iter().all(|i| i.name.to_lowercase().contains("valley")));
    let credit = d.search("credit", &all);
    let pops: Vec<i64> = credit.iter().map(|i| i.popularity).collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]), "same rank → by popularity");
    // Words in any order.
    assert!(names_of(&d.search("ohio national", &all)).contains(&"First National Bank of Ohio".to_string()));
    assert!(d.search("zzzz-no-such-bank", &all).is_empty());
    assert_eq!(d.search("  ", &all).len(), d.all().len());
}

#[test]
fn filters_restrict_by_product_and_country() {
    // Why: verification mode must only offer institutions that support verification.
    let d = Directory::generate();
    let flags = [("account_verification_is_enabled", json!(true)), ("tax_statement_is_enabled", json!("true"))];
    let f = Filters::new(&None, &flags);
    let hits = d.search("bank", &f);
    assert!(!hits.is_empty() && hits.iter().all(|i| i.account_verification && i.tax_statement));
    assert!(hits.len() < d.search("bank", &Filters::default()).len());
    let off = Filters::new(&None, &[("account_verification_is_enabled", json!(false))]);
    assert_eq!(off, Filters::default(), "false means not required");
    let ca = Filters::new(&Some("ca".into()), &[]);
    let canadian = d.popular(&ca);
    assert!(!canadian.is_empty() && canadian.iter().all(|i| i.iso_country_code == "CA"));
}

#[test]
fn credentials_are_listed_in_display_order_with_stable_guids() {
    // Why: the credentials form renders fields in `display_order`, and answers are matched by guid.
    let d = Directory::generate();
    let three = d.all().iter().find(|i| i.login_form == LoginForm::MemberNumber);
    let creds = three.map(|i| i.credentials_json()).unwrap_or_default();
    let labels: Vec<&str> = creds.as_array().into_iter().flatten().filter_map(|c| c["label"].as_str()).collect();
    assert_eq!(labels, ["Member number", "Username", "PIN"]);
    let orders: Vec<i64> = creds.as_array().into_iter().flatten().filter_map(|c| c["display_order"].as_i64()).collect();
    assert_eq!(orders, [1, 2, 3]);
    assert_eq!(creds[0]["field_type"], 0);
    assert_eq!(creds[1]["field_type"], 3);
    assert_eq!(creds[2]["field_type"], 1);
    assert_eq!(
        Directory::generate()
            .all()
            .iter()
            .find(|i| i.login_form == LoginForm::MemberNumber)
            .map(|i| i.credentials_json()),
        Some(creds)
    );
}
