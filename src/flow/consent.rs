//! Consent and disclosure: what data is shared and with whom, before any
//! login. The consent step (user feature `CONNECT_CONSENT`) lists the data
//! clusters the connection will read and records what the user agreed to;
//! its receipt travels in `connect/memberConnected`. The older disclosure
//! screen (`widgetProfile.display_disclosure_in_connect`) comes first of all.
//! "Data access by MX" (`widgetProfile.show_mx_branding`) opens the data
//! requested as a sub-view of the login form.

use super::navigation::Nav;
use super::{Effect, Flow, Overlay, Step};
use crate::i18n::Key;
use crate::model::time::{civil_from_days, rfc3339_utc};
use crate::model::{ClientConfig, Mode};
use serde_json::{json, Value};

/// The address of the regulation the consent copy cites (12 CFR 1033.421).
pub const REGULATION_URL: &str = "https://www.ecfr.gov/current/title-12/chapter-X/part-1033/subpart-D/section-1033.421";
/// MX's privacy policy, linked from the disclosure screens.
pub const PRIVACY_URL: &str = "https://www.mx.com/privacy/";
/// How long consent lasts.
pub const CONSENT_MONTHS: i64 = 12;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "I consent", at `now_ms` (wall-clock milliseconds since the epoch,
    /// stamped by the view, so the machine has no clock of its own).
    Agree { now_ms: f64 },
    /// "Continue" on the disclosure screen.
    AcceptDisclosure,
    /// "About MX Technologies" on the consent step.
    About,
    /// "Data access by MX" under the login form.
    DataAccess,
    /// Close the open sheet (about, data access).
    Close,
}

/// A group of data a connection reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataCluster {
    AccountInfo,
    PaymentInfo,
    Transactions,
    ContactInfo,
    Investments,
    Statements,
}

impl DataCluster {
    /// The id in the consent receipt.
    pub fn id(self) -> &'static str {
        match self {
            DataCluster::AccountInfo => "account_information",
            DataCluster::PaymentInfo => "payment_information",
            DataCluster::Transactions => "transactions",
            DataCluster::ContactInfo => "contact_information",
            DataCluster::Investments => "investments",
            DataCluster::Statements => "statements",
        }
    }

    pub fn name_key(self) -> Key {
        match self {
            DataCluster::AccountInfo => Key::DataAccountInfo,
            DataCluster::PaymentInfo => Key::DataPaymentInfo,
            DataCluster::Transactions => Key::DataTransactions,
            DataCluster::ContactInfo => Key::DataContactInfo,
            DataCluster::Investments => Key::DataInvestments,
            DataCluster::Statements => Key::DataStatements,
        }
    }

    pub fn details_key(self) -> Key {
        match self {
            DataCluster::AccountInfo => Key::DataAccountInfoDetails,
            DataCluster::PaymentInfo => Key::DataPaymentInfoDetails,
            DataCluster::Transactions => Key::DataTransactionsDetails,
            DataCluster::ContactInfo => Key::DataContactInfoDetails,
            DataCluster::Investments => Key::DataInvestmentsDetails,
            DataCluster::Statements => Key::DataStatementsDetails,
        }
    }
}

/// What the data helps the user do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ManageFinances,
    MoveMoney,
    Both,
}

impl Purpose {
    pub fn key(self) -> Key {
        match self {
            Purpose::ManageFinances => Key::ConsentPurposeManage,
            Purpose::MoveMoney => Key::ConsentPurposeMove,
            Purpose::Both => Key::ConsentPurposeBoth,
        }
    }
}

/// `data_request.products` as given.
fn products(config: &ClientConfig) -> Vec<String> {
    config
        .raw
        .pointer("/data_request/products")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(|p| p.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Whether the connection reads account data for money management, and
/// whether it verifies the account for moving money (as MX's widget decides).
fn aims(config: &ClientConfig) -> (bool, bool) {
    let products = products(config);
    let has = |p: &str| products.iter().any(|x| x == p);
    let aggregates = config.mode == Mode::Aggregation || has("transactions") || config.include_transactions;
    let verifies = config.mode == Mode::Verification || has("account_verification") || has("identity_verification");
    (aggregates, verifies)
}

/// What the consent step asks for: the purpose and its data clusters.
/// Reward and tax connections read account data like aggregation does (MX's
/// widget lists nothing for them, which would ask consent for nothing).
pub fn consent_scope(config: &ClientConfig) -> (Purpose, Vec<DataCluster>) {
    use DataCluster::*;
    match aims(config) {
        (true, true) => (Purpose::Both, vec![AccountInfo, PaymentInfo, Transactions, ContactInfo]),
        (false, true) => (Purpose::MoveMoney, vec![AccountInfo, PaymentInfo, ContactInfo]),
        (true, false) | (false, false) => (Purpose::ManageFinances, vec![AccountInfo, Transactions, ContactInfo]),
    }
}

/// The data requested, as the disclosure screens show it: contact details
/// only when identity is asked for (`include_identity`).
pub fn requested_clusters(config: &ClientConfig) -> Vec<DataCluster> {
    use DataCluster::*;
    let identity = config.include_identity || products(config).iter().any(|p| p == "identity_verification");
    let mut clusters = match (config.mode, identity) {
        (Mode::Tax, _) => vec![AccountInfo, Statements],
        (Mode::Verification, false) => vec![PaymentInfo],
        (Mode::Verification, true) => vec![AccountInfo, PaymentInfo, Transactions],
        (Mode::Aggregation | Mode::Reward, _) => vec![AccountInfo, Investments, Transactions],
    };
    if identity {
        clusters.insert(0, ContactInfo);
    }
    clusters
}

/// The products the consent covers: `data_request.products` when given,
/// else what the mode and flags ask for.
pub fn consent_products(config: &ClientConfig) -> Vec<String> {
    let given = products(config);
    if !given.is_empty() {
        return given;
    }
    let (aggregates, verifies) = aims(config);
    let mut derived = Vec::new();
    if aggregates || !verifies {
        derived.push("transactions".to_string());
    }
    if verifies {
        derived.push("account_verification".to_string());
    }
    if config.include_identity {
        derived.push("identity_verification".to_string());
    }
    derived
}

/// What the user agreed to, for the partner to keep.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsentReceipt {
    pub clusters: Vec<&'static str>,
    pub products: Vec<String>,
    /// RFC 3339, UTC.
    pub granted_at: String,
    pub expires_at: String,
    pub locale: &'static str,
}

impl ConsentReceipt {
    pub fn new(config: &ClientConfig, locale: &'static str, now_ms: f64) -> ConsentReceipt {
        let (_, clusters) = consent_scope(config);
        ConsentReceipt {
            clusters: clusters.iter().map(|c| c.id()).collect(),
            products: consent_products(config),
            granted_at: rfc3339_utc(now_ms),
            expires_at: rfc3339_utc(months_later(now_ms, CONSENT_MONTHS)),
            locale,
        }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "clusters": self.clusters, "products": self.products,
            "granted_at": self.granted_at, "expires_at": self.expires_at, "locale": self.locale,
        })
    }
}

/// Days since 1970-01-01 of a civil date (the inverse of `civil_from_days`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The same time of day `months` calendar months later; a day the month
/// lacks becomes its last day (29 February + 12 months = 28 February).
pub fn months_later(epoch_ms: f64, months: i64) -> f64 {
    let ms = if epoch_ms.is_finite() && epoch_ms > 0.0 { epoch_ms.floor() as i64 } else { 0 };
    let (days, time_of_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (y, m, d) = civil_from_days(days);
    let index = y * 12 + (m - 1) + months;
    let (y2, m2) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let month_length = days_from_civil(y2 + i64::from(m2 == 12), m2 % 12 + 1, 1) - days_from_civil(y2, m2, 1);
    (days_from_civil(y2, m2, d.min(month_length)) * 86_400_000 + time_of_day) as f64
}

/// The consent step's state: what it asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsentState {
    pub purpose: Purpose,
    pub clusters: Vec<DataCluster>,
}

/// The disclosure step's state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DisclosureState {
    /// "Continue" was pressed and the configured institution is loading.
    pub continuing: bool,
}

impl Flow {
    pub(super) fn on_consent_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Agree { now_ms } => {
                if !matches!(self.step(), Step::Consent(_)) {
                    return;
                }
                self.session.consent = Some(ConsentReceipt::new(&self.config, self.env.partner.locale, now_ms));
                self.show_create_credentials(Nav::Replace, fx);
            }
            Msg::AcceptDisclosure => {
                let Some(Step::Disclosure(d)) = self.step_mut() else { return };
                if d.continuing {
                    return;
                }
                d.continuing = true;
                self.session.disclosure_accepted = true;
                self.load_first_step(fx);
            }
            Msg::About if matches!(self.step(), Step::Consent(_)) => self.open_sheet(Overlay::AboutMx, fx),
            Msg::DataAccess if self.env.partner.mx_branding => self.open_sheet(Overlay::DataAccess, fx),
            Msg::About | Msg::DataAccess => {}
            Msg::Close => self.close_overlay(fx),
        }
    }

    fn open_sheet(&mut self, sheet: Overlay, fx: &mut Vec<Effect>) {
        if self.overlay.is_some() {
            return;
        }
        fx.push(Effect::SaveFocus);
        self.overlay = Some(sheet);
        self.sub_view_changed(fx);
    }

    /// Whether the disclosure screen comes before everything else: asked
    /// for, not yet accepted, and not a partner-configured member or
    /// microdeposit (those resume something already agreed to).
    pub(super) fn disclosure_first(&self) -> bool {
        self.env.partner.disclosure
            && !self.session.disclosure_accepted
            && self.config.current_member_guid.is_none()
            && self.config.current_microdeposit_guid.is_none()
    }

    /// The step before a new login: consent when asked for, else the form.
    pub(super) fn open_login(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        if self.env.partner.consent {
            self.session.consent = None;
            let (purpose, clusters) = consent_scope(&self.config);
            self.show(Step::Consent(ConsentState { purpose, clusters }), nav, fx);
        } else {
            self.show_create_credentials(nav, fx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_later_keeps_the_day_and_time() {
        // 2024-03-15T10:20:30.456Z
        let march = 1_710_498_030_456.0;
        assert_eq!(rfc3339_utc(months_later(march, 12)), "2025-03-15T10:20:30.456Z");
        assert_eq!(rfc3339_utc(months_later(march, 1)), "2024-04-15T10:20:30.456Z");
        assert_eq!(rfc3339_utc(months_later(march, 10)), "2025-01-15T10:20:30.456Z");
        // 2024-02-29T00:00:00Z → the last day of February 2025.
        assert_eq!(rfc3339_utc(months_later(1_709_164_800_000.0, 12)), "2025-02-28T00:00:00.000Z");
        // 2023-12-31T23:59:59.999Z → 2024-12-31.
        assert_eq!(rfc3339_utc(months_later(1_704_067_199_999.0, 12)), "2024-12-31T23:59:59.999Z");
        // 2024-01-31 + 1 month → 29 February (a leap year).
        assert_eq!(rfc3339_utc(months_later(1_706_659_200_000.0, 1)), "2024-02-29T00:00:00.000Z");
    }

    #[test]
    fn civil_days_round_trip() {
        for days in [-800_000, -1, 0, 59, 365, 11_016, 19_782, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
