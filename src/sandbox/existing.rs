//! Members a returning user already has (`SandboxOptions::existing_members`):
//! two that can verify an account (one by OAuth) and one that cannot, so the
//! "already connected" list, its filtering and both ways of verifying can be
//! tried without connecting first.

use super::scenario::Scenario;
use super::Sandbox;

/// (institution code, connected by OAuth) of each existing member, in order.
/// The third institution is the first in the directory that cannot verify
/// accounts (its member has `verification_is_enabled: false`).
pub const EXISTING: [(&str, bool); 2] = [("mxbank", false), ("mx_bank_oauth", true)];

impl Sandbox {
    pub(crate) fn add_existing_members(&mut self) {
        // Connected and synced well before the sandbox clock's zero.
        let long_ago = -(self.options.aggregation_ms + self.options.sync_ms + 1.0);
        let mut institutions: Vec<_> =
            EXISTING.iter().filter_map(|(code, oauth)| Some((self.directory.by_code(code)?.clone(), *oauth))).collect();
        if let Some(other) = self.directory.all().iter().find(|i| !i.account_verification && i.status.is_none()) {
            institutions.push((other.clone(), false));
        }
        for (institution, oauth) in institutions {
            let guid = self.create_member(&institution, Scenario::Connect, None, false, long_ago);
            if let Some(member) = self.members.iter_mut().find(|m| m.guid == guid) {
                member.is_oauth = oauth;
            }
        }
    }
}
