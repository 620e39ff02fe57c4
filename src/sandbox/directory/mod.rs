//! The sandbox's institution directory: a few hundred fictional institutions,
//! generated in code from word lists, identical on every run.
//!
//! Everything about an institution (guid, routing number, colour, popularity,
//! product flags, login form) is derived from a hash of its code, so adding a
//! name to a list never changes the others.
//!
//! `record` is one institution and its JSON, `routing` the ABA numbers,
//! `data` the word lists and documented institutions, `search` the lookups
//! and filters; this module puts them together.

mod data;
mod record;
mod routing;
mod search;
#[cfg(test)]
mod tests;

pub use record::{InstitutionRecord, Instructions, LoginForm};
pub use routing::is_valid_routing_number;
pub use search::Filters;

use super::util::{fnv64, guid, mix, slug};
use data::{instructions_for, names, BRAND_COLORS, SPECIALS};
use routing::routing_number_from;
use std::collections::HashSet;

/// The directory: every sandbox institution, deterministic.
#[derive(Clone, Debug)]
pub struct Directory {
    institutions: Vec<InstitutionRecord>,
}

impl Default for Directory {
    fn default() -> Self {
        Directory::generate()
    }
}

impl Directory {
    pub fn generate() -> Self {
        let mut institutions = Vec::new();
        let mut names_seen = HashSet::new();
        let mut codes_seen = HashSet::new();
        let mut previous_routing: Option<String> = None;

        let specials = SPECIALS.iter().map(|s| (s.name.to_string(), s.country, Some(s)));
        let generated = names().into_iter().map(|(n, c)| (n, c, None));
        for (name, country, special) in specials.chain(generated) {
            if !names_seen.insert(name.clone()) {
                continue;
            }
            let mut code = special.and_then(|s| s.code).map(str::to_string).unwrap_or_else(|| slug(&name));
            while !codes_seen.insert(code.clone()) {
                code.push_str("_2");
            }
            let h = mix(fnv64(&code));
            let bit = |n: u32, one_in: u64| (h >> n).is_multiple_of(one_in);
            let thrift = name.contains("Credit Union") || name.contains("Savings");
            // MX Bank and MX Bank (OAuth) share one routing number; so do some neighbours.
            let routing_number = match (&previous_routing, code.as_str()) {
                (Some(prev), "mx_bank_oauth") => prev.clone(),
                (Some(prev), _) if special.is_none() && bit(40, 12) => prev.clone(),
                _ => routing_number_from(h, thrift),
            };
            previous_routing = Some(routing_number.clone());
            let domain = code.replace('_', "");
            let url = format!("https://www.{domain}.example");
            let has_recovery = code == "mxbank" || !bit(3, 2);
            let popularity = match special {
                Some(s) => s.popularity,
                // Skewed like real usage: a few big names, a long tail of small ones.
                None => {
                    let r = ((h >> 20) % 1000) as i64;
                    20 + r * r / 40
                }
            };
            let login_form = match special {
                Some(s) => s.form,
                None => match (h >> 12) % 10 {
                    0 | 1 => LoginForm::MemberNumber,
                    2 | 3 => LoginForm::UserId,
                    _ => LoginForm::Standard,
                },
            };
            let is_mx = code == "mxbank" || code == "mx_bank_oauth";
            institutions.push(InstitutionRecord {
                guid: guid("INS", &code),
                login_url: (is_mx || !bit(5, 4)).then(|| format!("{url}/login")),
                forgot_password_url: has_recovery.then(|| format!("{url}/forgot-password")),
                forgot_username_url: (has_recovery && !bit(7, 3)).then(|| format!("{url}/forgot-username")),
                trouble_signing_url: (has_recovery && !bit(9, 2)).then(|| format!("{url}/help/sign-in")),
                routing_number,
                brand_color: BRAND_COLORS[(h >> 24) as usize % BRAND_COLORS.len()].to_string(),
                popularity,
                supports_oauth: special.map_or(bit(11, 30), |s| s.oauth),
                account_verification: is_mx || !bit(14, 7),
                account_identification: is_mx || !bit(17, 3),
                tax_statement: is_mx || bit(19, 2),
                iso_country_code: country,
                status: special.and_then(|s| s.status),
                is_disabled_by_client: special.is_some_and(|s| s.blocked),
                login_form,
                instructions: instructions_for(&code),
                url,
                name,
                code,
            });
        }
        Directory { institutions }
    }

    pub fn all(&self) -> &[InstitutionRecord] {
        &self.institutions
    }

    pub fn by_guid(&self, guid: &str) -> Option<&InstitutionRecord> {
        self.institutions.iter().find(|i| i.guid == guid)
    }

    pub fn by_code(&self, code: &str) -> Option<&InstitutionRecord> {
        let code = code.trim();
        self.institutions.iter().find(|i| i.code.eq_ignore_ascii_case(code))
    }
}
