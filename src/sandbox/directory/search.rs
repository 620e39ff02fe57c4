//! Finding institutions: filters, popularity lists, routing-number lookup and
//! the ranked name search.

use super::{Directory, InstitutionRecord};
use crate::sandbox::util::slug;
use serde_json::Value;

/// Search and list filters (`iso_country_code` and the product flags).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub iso_country_code: Option<String>,
    pub account_verification: bool,
    pub account_identification: bool,
    pub tax_statement: bool,
}

impl Filters {
    /// From the call's country and `(flag, value)` pairs. Only a true flag
    /// restricts (a false one means "not required"); unknown keys are ignored.
    pub fn new(iso_country_code: &Option<String>, flags: &[(&'static str, Value)]) -> Self {
        let on = |key: &str| {
            flags.iter().any(|(k, v)| {
                *k == key
                    && match v {
                        Value::Bool(b) => *b,
                        Value::String(s) => s.eq_ignore_ascii_case("true"),
                        Value::Number(n) => n.as_i64().is_some_and(|i| i != 0),
                        _ => false,
                    }
            })
        };
        Filters {
            iso_country_code: iso_country_code
                .as_ref()
                .map(|c| c.trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty()),
            account_verification: on("account_verification_is_enabled"),
            account_identification: on("account_identification_is_enabled"),
            tax_statement: on("tax_statement_is_enabled"),
        }
    }

    pub fn accepts(&self, i: &InstitutionRecord) -> bool {
        self.iso_country_code.as_deref().is_none_or(|c| c == i.iso_country_code)
            && (!self.account_verification || i.account_verification)
            && (!self.account_identification || i.account_identification)
            && (!self.tax_statement || i.tax_statement)
    }
}

impl Directory {
    /// Most popular first (ties by name).
    pub fn popular(&self, filters: &Filters) -> Vec<&InstitutionRecord> {
        let mut list: Vec<&InstitutionRecord> = self.institutions.iter().filter(|i| filters.accepts(i)).collect();
        list.sort_by(|a, b| b.popularity.cmp(&a.popularity).then_with(|| a.name.cmp(&b.name)));
        list
    }

    /// "Discovered" institutions: a stable handful from the middle of the
    /// popularity ranking, so they differ from the popular ones.
    pub fn discovered(&self, filters: &Filters, count: usize) -> Vec<&InstitutionRecord> {
        let popular = self.popular(filters);
        let mut picks: Vec<&InstitutionRecord> = popular
            .iter()
            .skip(30)
            .filter(|i| i.status.is_none() && !i.is_disabled_by_client)
            .step_by(7)
            .copied()
            .collect();
        picks.truncate(count);
        picks
    }

    /// Institutions whose routing number is exactly `routing` (digits only).
    pub fn by_routing_number(&self, routing: &str, filters: &Filters) -> Vec<&InstitutionRecord> {
        let routing = routing.trim();
        let mut list: Vec<&InstitutionRecord> =
            self.institutions.iter().filter(|i| i.routing_number == routing && filters.accepts(i)).collect();
        list.sort_by(|a, b| b.popularity.cmp(&a.popularity).then_with(|| a.name.cmp(&b.name)));
        list
    }

    /// Name search: case-insensitive on name and code. Ranked by how the
    /// query matches (name or code starts with it, then a word of the name
    /// starts with it, then anywhere, then all of its words somewhere), then
    /// by popularity. A blank query lists everything by popularity.
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<&InstitutionRecord> {
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let query_code = slug(&query);
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        let rank = |i: &InstitutionRecord| -> Option<u8> {
            if query.is_empty() {
                return Some(0);
            }
            let name = i.name.to_lowercase();
            if name.starts_with(&query) || (!query_code.is_empty() && i.code.starts_with(&query_code)) {
                Some(0)
            } else if name.contains(&format!(" {query}")) || name.contains(&format!("({query}")) {
                Some(1)
            } else if name.contains(&query) || (!query_code.is_empty() && i.code.contains(&query_code)) {
                Some(2)
            } else if words.iter().all(|w| name.contains(w) || i.code.contains(w)) {
                Some(3)
            } else {
                None
            }
        };
        let mut hits: Vec<(u8, &InstitutionRecord)> =
            self.institutions.iter().filter(|i| filters.accepts(i)).filter_map(|i| rank(i).map(|r| (r, i))).collect();
        hits.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb).then_with(|| b.popularity.cmp(&a.popularity)).then_with(|| a.name.cmp(&b.name))
        });
        hits.into_iter().map(|(_, i)| i).collect()
    }
}
