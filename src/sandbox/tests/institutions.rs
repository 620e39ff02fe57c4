//! The institution directory through the host calls: search, paging,
//! routing numbers, popular and discovered lists, filters, login forms.

use super::*;
use crate::model::Institution;

#[test]
fn search_by_name_pages_through_results() {
    // Why: the search list pages with `page`/`per_page`; pages must not repeat or run past the end.
    let mut h = harness();
    let first = h.ok(&search("bank", 1, 10));
    let second = h.ok(&search("bank", 2, 10));
    assert_eq!(names(&first).len(), 10);
    assert_eq!(names(&second).len(), 10);
    assert!(names(&first).iter().all(|n| !names(&second).contains(n)), "page 2 differs from page 1");
    let total = h.sandbox.directory.search("bank", &Filters::default()).len();
    assert!(total > 20 && !total.is_multiple_of(10), "test needs a short last page ({total})");
    let last_page = (total / 10 + 1) as u32;
    assert_eq!(names(&h.ok(&search("bank", last_page, 10))).len(), total % 10, "last page is short");
    assert!(names(&h.ok(&search("bank", last_page + 1, 10))).is_empty(), "beyond the last page is empty");
    assert_eq!(names(&h.ok(&search("bank", 0, 10))), names(&first), "page 0 reads as page 1");
    // Case-insensitive, ranked: MX Bank first for "mx".
    assert_eq!(names(&h.ok(&search("Mx", 1, 25)))[..2], ["MX Bank", "MX Bank (OAuth)"]);
    assert!(names(&h.ok(&search("no such institution anywhere", 1, 25))).is_empty());
}

#[test]
fn search_by_routing_number_is_exact_and_filters_apply() {
    // Why: the shared-routing-number view lists every institution behind one routing number.
    let mut h = harness();
    let routing = h.institution("mxbank")["routing_number"].as_str().unwrap_or_default().to_string();
    let by_routing = |routing: &str, filters: Vec<(&'static str, Value)>| {
        HostCall::LoadInstitutions(InstitutionQuery {
            routing_number: Some(routing.into()),
            page: 1,
            per_page: 25,
            filters,
            ..Default::default()
        })
    };
    let hits = h.ok(&by_routing(&routing, vec![]));
    assert_eq!(names(&hits), ["MX Bank", "MX Bank (OAuth)"]);
    assert!(names(&h.ok(&by_routing(&routing[..8], vec![]))).is_empty(), "no prefix matching");
    let tax = vec![("tax_statement_is_enabled", json!(true))];
    let filtered = h.ok(&HostCall::LoadInstitutions(InstitutionQuery {
        search_name: Some("credit union".into()),
        page: 1,
        per_page: 100,
        filters: tax,
        iso_country_code: Some("US".into()),
        ..Default::default()
    }));
    let list = filtered.as_array().cloned().unwrap_or_default();
    assert!(!list.is_empty());
    assert!(list.iter().all(|i| i["tax_statement_is_enabled"] == true && i["iso_country_code"] == "US"));
}

#[test]
fn popular_lists_mx_bank_and_honours_filters() {
    // Why: the first screen shows popular institutions; MX Bank must be there to try the sandbox.
    let mut h = harness();
    let popular = |per_page: u32, iso: Option<&str>, filters: Vec<(&'static str, Value)>| {
        HostCall::LoadPopularInstitutions { per_page, iso_country_code: iso.map(str::to_string), filters }
    };
    let list = h.ok(&popular(25, None, vec![]));
    assert_eq!(names(&list).len(), 25);
    assert_eq!(names(&list).first().map(String::as_str), Some("MX Bank"));
    let pops: Vec<i64> = list.as_array().into_iter().flatten().filter_map(|i| i["popularity"].as_i64()).collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(names(&h.ok(&popular(0, None, vec![]))).len(), 25, "per_page 0 means the default");
    assert_eq!(names(&h.ok(&popular(5, None, vec![]))).len(), 5);
    let verification = h.ok(&popular(25, None, vec![("account_verification_is_enabled", json!(true))]));
    assert!(verification.as_array().into_iter().flatten().all(|i| i["account_verification_is_enabled"] == true));
    assert!(names(&verification).contains(&"MX Bank".to_string()));
    let canada = h.ok(&popular(25, Some("CA"), vec![]));
    assert!(
        !names(&canada).is_empty() && canada.as_array().into_iter().flatten().all(|i| i["iso_country_code"] == "CA")
    );
    let discovered =
        h.ok(&HostCall::LoadDiscoveredInstitutions { per_page: 25, iso_country_code: None, filters: vec![] });
    assert!(!names(&discovered).is_empty() && names(&discovered).len() <= 5);
    assert!(names(&discovered).iter().all(|n| !names(&list).contains(n)), "discovered differ from popular");
}

#[test]
fn institutions_by_guid_and_code_and_their_credentials() {
    // Why: selecting an institution loads it by guid, then its login form in display order.
    let mut h = harness();
    let by_code = h.institution("mxbank");
    let guid = by_code["guid"].as_str().unwrap_or_default().to_string();
    let by_guid = h.ok(&HostCall::LoadInstitutionByGuid { guid: guid.clone() });
    assert_eq!(by_guid, by_code);
    let i: Institution = h.read(&HostCall::LoadInstitutionByCode { code: "mxbank".into() });
    assert!(i.name == "MX Bank" && !i.supports_oauth, "{i:?}");
    let i: Institution = h.read(&HostCall::LoadInstitutionByCode { code: "mx_bank_oauth".into() });
    assert!(i.supports_oauth, "{i:?}");
    let i: Institution = h.read(&HostCall::LoadInstitutionByCode { code: "unavailable_bank".into() });
    assert!(i.is_unavailable(), "{i:?}");
    let i: Institution = h.read(&HostCall::LoadInstitutionByCode { code: "client_blocked_bank".into() });
    assert!(i.is_disabled_by_client, "{i:?}");
    assert_eq!(h.rejected(&HostCall::LoadInstitutionByGuid { guid: "INS-nope".into() }).0, Some(404));
    assert_eq!(h.rejected(&HostCall::LoadInstitutionByCode { code: "nope".into() }).0, Some(404));

    let credentials = h.ok(&HostCall::GetInstitutionCredentials { institution_guid: guid });
    let list = credentials["credentials"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["label"], "Username");
    assert_eq!(list[0]["field_type"], field_type::LOGIN);
    assert_eq!(list[1]["label"], "Password");
    assert_eq!(list[1]["field_type"], field_type::PASSWORD);
    for c in &list {
        assert_eq!(
            (c["optional"].clone(), c["options"].clone(), c["meta_data"].clone()),
            (json!(false), Value::Null, Value::Null)
        );
    }
    // A three-field institution, decoded in display order.
    let cascade = h.institution("cascade_valley_credit_union");
    let call =
        HostCall::GetInstitutionCredentials { institution_guid: cascade["guid"].as_str().unwrap_or_default().into() };
    let fields: Vec<CredentialField> = h.read(&call);
    assert_eq!(fields.iter().map(|f| f.label.as_str()).collect::<Vec<_>>(), ["Member number", "Username", "PIN"]);
    // Members of a three-field institution work the same way.
    let m = h.add("cascade_valley_credit_union", "test_atrium", "password");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}
