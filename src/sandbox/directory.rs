//! The sandbox's institution directory: a few hundred fictional institutions,
//! generated in code from word lists, identical on every run.
//!
//! Everything about an institution (guid, routing number, colour, popularity,
//! product flags, login form) is derived from a hash of its code, so adding a
//! name to a list never changes the others.

use super::util::{fnv64, guid, mix, slug};
use crate::model::field_type;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// The login form an institution asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginForm {
    /// "Username" + "Password".
    Standard,
    /// "User ID" + "Passcode".
    UserId,
    /// "Member number" + "Username" + "PIN" (three fields).
    MemberNumber,
}

/// One field of a login form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub field_name: &'static str,
    pub label: &'static str,
    pub field_type: i64,
}

impl LoginForm {
    /// The fields, in display order.
    pub fn fields(self) -> &'static [FieldSpec] {
        const STANDARD: [FieldSpec; 2] = [
            FieldSpec { field_name: "LOGIN", label: "Username", field_type: field_type::LOGIN },
            FieldSpec { field_name: "PASSWORD", label: "Password", field_type: field_type::PASSWORD },
        ];
        const USER_ID: [FieldSpec; 2] = [
            FieldSpec { field_name: "LOGIN", label: "User ID", field_type: field_type::LOGIN },
            FieldSpec { field_name: "PASSWORD", label: "Passcode", field_type: field_type::PASSWORD },
        ];
        const MEMBER_NUMBER: [FieldSpec; 3] = [
            FieldSpec { field_name: "MEMBER_NUMBER", label: "Member number", field_type: field_type::TEXT },
            FieldSpec { field_name: "LOGIN", label: "Username", field_type: field_type::LOGIN },
            FieldSpec { field_name: "PASSWORD", label: "PIN", field_type: field_type::PASSWORD },
        ];
        match self {
            LoginForm::Standard => &STANDARD,
            LoginForm::UserId => &USER_ID,
            LoginForm::MemberNumber => &MEMBER_NUMBER,
        }
    }
}

/// A sandbox institution.
#[derive(Clone, Debug, PartialEq)]
pub struct InstitutionRecord {
    pub guid: String,
    pub code: String,
    pub name: String,
    pub url: String,
    pub login_url: Option<String>,
    pub forgot_password_url: Option<String>,
    pub forgot_username_url: Option<String>,
    pub trouble_signing_url: Option<String>,
    pub routing_number: String,
    pub brand_color: String,
    pub popularity: i64,
    pub supports_oauth: bool,
    pub account_verification: bool,
    pub account_identification: bool,
    pub tax_statement: bool,
    pub iso_country_code: &'static str,
    /// `3` = unavailable per the aggregator; `None` for normal institutions.
    pub status: Option<i64>,
    pub is_disabled_by_client: bool,
    pub login_form: LoginForm,
    pub instructions: Option<&'static str>,
}

impl InstitutionRecord {
    /// The record as `loadInstitutions`/`loadPopularInstitutions` list it (seed 000 shape).
    pub fn summary_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("guid".into(), json!(self.guid));
        o.insert("code".into(), json!(self.code));
        o.insert("name".into(), json!(self.name));
        o.insert("url".into(), json!(self.url));
        o.insert("login_url".into(), json!(self.login_url));
        o.insert("forgot_password_credential_recovery_url".into(), json!(self.forgot_password_url));
        o.insert("forgot_username_credential_recovery_url".into(), json!(self.forgot_username_url));
        o.insert("trouble_signing_credential_recovery_url".into(), json!(self.trouble_signing_url));
        o.insert("brand_color_hex_code".into(), json!(self.brand_color));
        o.insert("popularity".into(), json!(self.popularity));
        o.insert("supports_oauth".into(), json!(self.supports_oauth));
        o.insert("account_verification_is_enabled".into(), json!(self.account_verification));
        o.insert("account_identification_is_enabled".into(), json!(self.account_identification));
        o.insert("tax_statement_is_enabled".into(), json!(self.tax_statement));
        o.insert("iso_country_code".into(), json!(self.iso_country_code));
        o.insert("routing_number".into(), json!(self.routing_number));
        o.insert("is_disabled_by_client".into(), json!(self.is_disabled_by_client));
        if let Some(status) = self.status {
            o.insert("status".into(), json!(status));
        }
        Value::Object(o)
    }

    /// The full record (`loadInstitutionByGuid`/`ByCode`): the summary plus
    /// credentials and instructional data.
    pub fn full_json(&self) -> Value {
        let mut v = self.summary_json();
        if let Some(o) = v.as_object_mut() {
            o.insert("credentials".into(), self.credentials_json());
            if let Some(text) = self.instructions {
                o.insert("instructional_data".into(), json!({"description": text}));
            }
        }
        v
    }

    /// `getInstitutionCredentials`' list (without the envelope), in display order.
    pub fn credentials_json(&self) -> Value {
        Value::Array(
            self.login_form
                .fields()
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    json!({
                        "guid": self.credential_guid(f),
                        "field_name": f.field_name,
                        "field_type": f.field_type,
                        "label": f.label,
                        "display_order": i + 1,
                        "optional": false,
                        "options": null,
                        "meta_data": null,
                    })
                })
                .collect(),
        )
    }

    pub fn credential_guid(&self, field: &FieldSpec) -> String {
        guid("CRD", &format!("{}/{}", self.code, field.field_name))
    }

    /// The guid of the field of `field_type` (the first one), if the form has it.
    pub fn field_guid(&self, field_type: i64) -> Option<String> {
        self.login_form.fields().iter().find(|f| f.field_type == field_type).map(|f| self.credential_guid(f))
    }
}

/// Whether `routing` is nine digits with a valid ABA checksum:
/// 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
pub fn is_valid_routing_number(routing: &str) -> bool {
    let digits: Vec<u32> = routing.chars().filter_map(|c| c.to_digit(10)).collect();
    if routing.len() != 9 || digits.len() != 9 {
        return false;
    }
    let sum: u32 = digits.iter().enumerate().map(|(i, d)| d * [3, 7, 1][i % 3]).sum();
    sum.is_multiple_of(10)
}

/// A valid ABA routing number from a hash: a Federal Reserve routing symbol
/// (01–12, or 21–32 for thrifts and credit unions), six digits, check digit.
fn routing_number_from(hash: u64, thrift: bool) -> String {
    let district = 1 + (hash % 12) + if thrift { 20 } else { 0 };
    let middle = (hash >> 8) % 1_000_000;
    let first8 = format!("{district:02}{middle:06}");
    let partial: u32 =
        first8.chars().filter_map(|c| c.to_digit(10)).enumerate().map(|(i, d)| d * [3, 7, 1][i % 3]).sum();
    format!("{first8}{}", (10 - partial % 10) % 10)
}

const BRAND_COLORS: [&str; 20] = [
    "#1F4E8C", "#0B7A75", "#8C1F3D", "#2E7D32", "#6A1B9A", "#C75B12", "#005B96", "#7B5E00", "#00695C", "#AD1457",
    "#37474F", "#1565C0", "#4E342E", "#558B2F", "#283593", "#B71C1C", "#00838F", "#5D4037", "#2F6690", "#9C6644",
];

const STATES: [&str; 50] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

const TOWNS: [&str; 40] = [
    "Ashford",
    "Bayview",
    "Brookside",
    "Cedar Falls",
    "Clearwater",
    "Fairview",
    "Franklin",
    "Georgetown",
    "Glenwood",
    "Greenfield",
    "Hillcrest",
    "Kingsport",
    "Lakeside",
    "Linden",
    "Madison",
    "Maplewood",
    "Marion",
    "Millbrook",
    "Oakridge",
    "Pine Bluff",
    "Riverside",
    "Rockport",
    "Salem",
    "Springfield",
    "Westfield",
    "Willow Creek",
    "Woodland",
    "Harper",
    "Bristol",
    "Dover",
    "Easton",
    "Fremont",
    "Hanover",
    "Jackson Hole",
    "Lancaster",
    "Milford",
    "Newport",
    "Plainview",
    "Quincy",
    "Stillwater",
];

const NATURE: [&str; 30] = [
    "Cascade",
    "Harbor",
    "Summit",
    "Prairie",
    "Canyon",
    "Redwood",
    "Evergreen",
    "Granite",
    "Heritage",
    "Liberty",
    "Pioneer",
    "Frontier",
    "Keystone",
    "Beacon",
    "Horizon",
    "Meridian",
    "Northstar",
    "Silver Lake",
    "Blue Ridge",
    "Golden",
    "Ironwood",
    "Aspen",
    "Coastal",
    "Tidewater",
    "Sierra",
    "Mesa",
    "Bluegrass",
    "Lone Pine",
    "Copper",
    "Anchor",
];

const FEATURES: [&str; 8] = ["Valley", "Ridge", "River", "Point", "Trail", "Peak", "Bay", "Hills"];

const KINDS: [&str; 10] = [
    "Bank",
    "Credit Union",
    "Federal Credit Union",
    "Savings Bank",
    "Community Bank",
    "Bank & Trust",
    "National Bank",
    "Trust Company",
    "Savings & Loan",
    "Financial",
];

const PROVINCES: [&str; 10] = [
    "Alberta",
    "British Columbia",
    "Manitoba",
    "New Brunswick",
    "Newfoundland",
    "Nova Scotia",
    "Ontario",
    "Prince Edward Island",
    "Quebec",
    "Saskatchewan",
];

const QUEBEC_TOWNS: [&str; 5] = ["Levis", "Sherbrooke", "Gatineau", "Rimouski", "Laval"];

/// Sandbox hint shown as MX Bank's instructional text on the credentials step.
const MX_BANK_INSTRUCTIONS: &str = "Sandbox institution. Sign in with username test_atrium and password \
\"password\" to connect, or \"challenge\", \"options\", \"image\" to try multi-factor authentication.";

/// Institutions with fixed, documented properties, listed first.
struct Special {
    name: &'static str,
    code: Option<&'static str>,
    popularity: i64,
    oauth: bool,
    status: Option<i64>,
    blocked: bool,
    form: LoginForm,
    country: &'static str,
}

const SPECIALS: [Special; 12] = [
    Special {
        name: "MX Bank",
        code: Some("mxbank"),
        popularity: 99_000,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "MX Bank (OAuth)",
        code: Some("mx_bank_oauth"),
        popularity: 95_000,
        oauth: true,
        status: None,
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Unavailable Test Bank",
        code: Some("unavailable_bank"),
        popularity: 120,
        oauth: false,
        status: Some(3),
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Client Blocked Bank",
        code: Some("client_blocked_bank"),
        popularity: 110,
        oauth: false,
        status: None,
        blocked: true,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Harbor Savings Bank",
        code: None,
        popularity: 61_000,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::UserId,
        country: "US",
    },
    Special {
        name: "Cascade Valley Credit Union",
        code: None,
        popularity: 58_500,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::MemberNumber,
        country: "US",
    },
    Special {
        name: "Summit National Bank",
        code: None,
        popularity: 57_200,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Liberty Federal Credit Union",
        code: None,
        popularity: 54_800,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::MemberNumber,
        country: "US",
    },
    Special {
        name: "Pioneer Trust Bank",
        code: None,
        popularity: 52_300,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Evergreen Bank & Trust",
        code: None,
        popularity: 49_900,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::UserId,
        country: "US",
    },
    Special {
        name: "Gringotts",
        code: Some("gringotts"),
        popularity: 32_685,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Maple Leaf Credit Union",
        code: None,
        popularity: 30_400,
        oauth: false,
        status: None,
        blocked: false,
        form: LoginForm::MemberNumber,
        country: "CA",
    },
];

/// Every institution name in generation order, with its country.
fn names() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let us = |s: String| (s, "US");
    out.extend(STATES.iter().map(|s| us(format!("First National Bank of {s}"))));
    out.extend(STATES.iter().step_by(2).map(|s| us(format!("{s} Community Credit Union"))));
    out.extend(STATES.iter().skip(1).step_by(5).map(|s| us(format!("{s} State Employees Credit Union"))));
    for (i, town) in TOWNS.iter().enumerate() {
        for k in 0..2 {
            let kind = KINDS[(mix(fnv64(town)) as usize + k * 3 + i) % KINDS.len()];
            out.push(us(format!("{town} {kind}")));
        }
    }
    out.extend(TOWNS.iter().step_by(2).map(|t| us(format!("Bank of {t}"))));
    for nature in NATURE {
        for feature in FEATURES {
            let h = mix(fnv64(&format!("{nature} {feature}")));
            if !h.is_multiple_of(3) && !nature.contains(' ') {
                out.push(us(format!("{nature} {feature} {}", KINDS[(h >> 8) as usize % KINDS.len()])));
            }
        }
    }
    for nature in NATURE.iter().filter(|n| n.contains(' ')) {
        out.push(us(format!("{nature} {}", KINDS[mix(fnv64(nature)) as usize % KINDS.len()])));
    }
    out.extend(PROVINCES.iter().map(|p| (format!("{p} Credit Union"), "CA")));
    out.extend(PROVINCES.iter().step_by(2).map(|p| (format!("Bank of {p}"), "CA")));
    out.extend(QUEBEC_TOWNS.iter().map(|t| (format!("Caisse Populaire de {t}"), "CA")));
    out
}

/// The directory: every sandbox institution, deterministic.
#[derive(Clone, Debug)]
pub struct Directory {
    institutions: Vec<InstitutionRecord>,
}

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
                instructions: (code == "mxbank").then_some(MX_BANK_INSTRUCTIONS),
                url,
                name,
                code,
            });
        }
        Directory { institutions }
    }

    #[cfg(test)]
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let orders: Vec<i64> =
            creds.as_array().into_iter().flatten().filter_map(|c| c["display_order"].as_i64()).collect();
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
}
