//! What one connection gathers besides the step stack: the disclosure the
//! user accepted, the consent they gave, and the client config as it was
//! before an additional product changed it. Going back to search (a new
//! institution) drops the consent and restores the config.

use super::consent::ConsentReceipt;
use super::Flow;
use crate::model::ClientConfig;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Session {
    /// The disclosure screen was accepted (it is shown once per widget).
    pub disclosure_accepted: bool,
    /// What the user consented to, for `connect/memberConnected`.
    pub consent: Option<ConsentReceipt>,
    /// The config before an additional product was accepted.
    pub(super) config_before_offer: Option<ClientConfig>,
}

impl Flow {
    /// Back at the start of a new connection: no consent yet, and the config
    /// as the partner passed it.
    pub(super) fn forget_session(&mut self) {
        self.session.consent = None;
        if let Some(config) = self.session.config_before_offer.take() {
            self.config = config;
        }
    }
}
