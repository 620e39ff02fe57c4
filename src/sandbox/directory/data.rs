//! The generated directory's raw material: word lists that names are built
//! from, brand colours, and the institutions with fixed, documented properties.

use super::{Instructions, LoginForm};
use crate::sandbox::util::{fnv64, mix};

pub(super) const BRAND_COLORS: [&str; 20] = [
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
const MX_BANK_INSTRUCTIONS: Instructions = Instructions {
    title: None,
    description: "Sandbox institution. Sign in with username test_atrium and password \"password\" to connect, or \
\"challenge\", \"options\", \"image\" to try multi-factor authentication.",
    steps: &[],
};

/// An OAuth institution with its own instructions (title, text with a link,
/// steps with markup), as aggregators send them.
const MERIDIAN_INSTRUCTIONS: Instructions = Instructions {
    title: Some("Connect with Meridian Online"),
    description: "Meridian asks you to approve every app that reads your accounts. \
<a href=\"https://www.meridianfederaloauth.example/help/connected-apps\">How connected apps work</a>.",
    steps: &[
        "Sign in with your <b>Meridian Online</b> username and password.",
        "Choose the accounts to share, then select <b>Allow</b>.",
        "You'll come back here to finish connecting.",
    ],
};

/// The instructional data of an institution, by code.
pub(super) fn instructions_for(code: &str) -> Option<Instructions> {
    match code {
        "mxbank" => Some(MX_BANK_INSTRUCTIONS),
        "meridian_federal_oauth" => Some(MERIDIAN_INSTRUCTIONS),
        _ => None,
    }
}

/// Institutions with fixed, documented properties, listed first.
pub(super) struct Special {
    pub(super) name: &'static str,
    pub(super) code: Option<&'static str>,
    pub(super) popularity: i64,
    pub(super) oauth: bool,
    pub(super) status: Option<i64>,
    pub(super) blocked: bool,
    pub(super) form: LoginForm,
    pub(super) country: &'static str,
}

pub(super) const SPECIALS: [Special; 15] = [
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
    // More OAuth institutions: one without any login form (like most large
    // banks), one with its own instructions, one Canadian.
    Special {
        name: "Keystone National Bank",
        code: Some("keystone_national_oauth"),
        popularity: 90_000,
        oauth: true,
        status: None,
        blocked: false,
        form: LoginForm::OAuthOnly,
        country: "US",
    },
    Special {
        name: "Meridian Federal Credit Union",
        code: Some("meridian_federal_oauth"),
        popularity: 87_000,
        oauth: true,
        status: None,
        blocked: false,
        form: LoginForm::Standard,
        country: "US",
    },
    Special {
        name: "Laurentian Trust",
        code: Some("laurentian_trust_oauth"),
        popularity: 29_000,
        oauth: true,
        status: None,
        blocked: false,
        form: LoginForm::OAuthOnly,
        country: "CA",
    },
];

/// Every institution name in generation order, with its country.
pub(super) fn names() -> Vec<(String, &'static str)> {
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
