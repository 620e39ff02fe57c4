//! The additional-product offer (`clientConfig.additional_product_option`):
//! before the login, offer money management to a verification connection
//! (`"transactions"`) or transfers to an aggregation one
//! (`"account_verification"`, when the institution can verify accounts).
//! Accepting changes the config the callbacks receive; going back to search
//! restores it (`Session`).

use super::navigation::Nav;
use super::{Effect, Flow, Step};
use crate::model::Mode;
use serde_json::{json, Value};

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The first button: yes, add it.
    Accept,
    /// The second button: no, just what was asked for.
    Decline,
}

/// What is offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// Add financial management (transactions) to a connection for transfers.
    Aggregation,
    /// Add transfers and payments (account verification) to a connection for money management.
    Verification,
}

impl Flow {
    /// What to offer for the current institution, if anything.
    fn offer(&self) -> Option<Offer> {
        let option = self.config.raw.get("additional_product_option").and_then(Value::as_str)?;
        let institution = self.institution.as_ref()?;
        let verifies = institution.raw.get("account_verification_is_enabled") == Some(&Value::Bool(true));
        match option {
            "transactions" => Some(Offer::Aggregation),
            "account_verification" if verifies => Some(Offer::Verification),
            _ => None,
        }
    }

    /// After an institution is chosen (and is available): the offer, the
    /// consent, or the login form, whichever comes first.
    pub(super) fn proceed_to_login(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        match self.offer() {
            Some(offer) => self.show(Step::AdditionalProduct(offer), nav, fx),
            None => self.open_login(nav, fx),
        }
    }

    pub(super) fn on_additional_product_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        let Step::AdditionalProduct(offer) = *self.step() else { return };
        if msg == Msg::Accept {
            self.add_product(offer);
        }
        self.open_login(Nav::Push, fx);
    }

    /// Change the config as MX's widget does: verification also keeps
    /// transactions when it was an aggregation; each adds its use case.
    fn add_product(&mut self, offer: Offer) {
        // Always an object (`ClientConfig::from_json`); indexing anything else would panic.
        if !self.config.raw.is_object() {
            return;
        }
        if self.session.config_before_offer.is_none() {
            self.session.config_before_offer = Some(self.config.clone());
        }
        let config = &mut self.config;
        let use_case = match offer {
            Offer::Verification => {
                if config.mode == Mode::Aggregation {
                    config.include_transactions = true;
                    config.raw["include_transactions"] = json!(true);
                }
                config.mode = Mode::Verification;
                config.raw["mode"] = json!("verification");
                "MONEY_MOVEMENT"
            }
            Offer::Aggregation => {
                config.include_transactions = true;
                config.raw["include_transactions"] = json!(true);
                "PFM"
            }
        };
        let mut use_cases = match config.raw.get("use_cases") {
            Some(Value::Array(list)) => list.clone(),
            _ => Vec::new(),
        };
        if !use_cases.iter().any(|u| u == use_case) {
            use_cases.push(json!(use_case));
        }
        config.raw["use_cases"] = Value::Array(use_cases);
    }
}
