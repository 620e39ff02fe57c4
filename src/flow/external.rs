//! Opening another site (the institution's website, a policy): straight
//! away, or after a notice saying the user is leaving, when the partner asks
//! for one (`clientProfile.show_external_link_popup`).

use super::{Effect, Flow, Overlay};
use crate::model::safe_https_url;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// A link to another site was followed.
    Open(String),
    /// "Continue" on the notice.
    Continue,
    /// "Cancel" on the notice.
    Cancel,
}

impl Flow {
    pub(super) fn on_external_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Open(url) => self.open_external(url, fx),
            Msg::Continue => {
                if let Some(Overlay::Leaving { url }) = self.overlay.clone() {
                    fx.push(Effect::OpenUrl(url));
                    self.close_overlay(fx);
                }
            }
            Msg::Cancel => self.close_overlay(fx),
        }
    }

    /// Open `url` (https only) in a new tab, or first the leaving notice.
    pub(super) fn open_external(&mut self, url: String, fx: &mut Vec<Effect>) {
        let Some(url) = safe_https_url(&url) else { return };
        if !self.env.partner.external_link_notice {
            fx.push(Effect::OpenUrl(url));
            return;
        }
        // Over a sheet (the data access list), the notice takes its place.
        if self.overlay.is_none() {
            fx.push(Effect::SaveFocus);
        }
        self.overlay = Some(Overlay::Leaving { url });
        self.sub_view_changed(fx);
    }
}
