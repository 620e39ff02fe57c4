//! `onAnalyticEvent` and the search pageviews, as the reference names them, so
//! a partner's funnel dashboards keep working after the swap.
//!
//! Derived in one place from what the machine already did — the widget events
//! a message produced, the step and sub-view it left — instead of being built
//! by each domain. Member guids are sha256-hashed where the reference hashes
//! them; no metadata ever holds a typed value (only which field was typed in).

use super::{external, support, Effect, Flow, MfaKind, SearchView, Step, WidgetEvent};
use crate::model::Institution;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// What views report for analytics only: it changes no state the user sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The first keystroke in a field of this kind on the current step.
    FirstInput(InputKind),
    /// An MFA option or picture was chosen (before submitting).
    ChoseMfaOption,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputKind {
    Login,
    Password,
    MfaAnswer,
}

/// The reference's `widgetType` on every analytic event.
const WIDGET_TYPE: &str = "isolated";

/// What the analytics need to know from before a message was handled.
pub(super) struct Before {
    step: &'static str,
    search_view: Option<&'static str>,
    /// `authentication_method` of the institution a `Select` picks.
    selected_method: Option<&'static str>,
    mfa_kind: Option<MfaKind>,
    /// The analytic a link or button on the left step stands for.
    clicked: Option<(&'static str, Value)>,
}

/// Which first keystrokes were already reported on the current step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnalyticsState {
    reported_inputs: Vec<InputKind>,
    /// The search sub-view last reported as a pageview (`None` off search).
    search_reported: Option<&'static str>,
}

/// The pageview segment of each search sub-view (`None`: nothing to report yet).
fn search_segment(view: &SearchView) -> Option<&'static str> {
    match view {
        SearchView::Popular => Some("/search/popular"),
        SearchView::Results(_) => Some("/search/searched"),
        SearchView::NoResults { .. } => Some("/search/no_results"),
        SearchView::Failed { .. } => Some("/search/search_failed"),
        SearchView::Loading => None,
    }
}

/// A member guid as the reference reports it: the hex sha256 of the guid.
pub fn hashed(guid: &str) -> String {
    Sha256::digest(guid.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn authentication_method(institution: &Institution) -> &'static str {
    if institution.supports_oauth {
        "OAuth"
    } else {
        "Non-OAuth"
    }
}

impl Flow {
    pub(super) fn on_analytics_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::FirstInput(kind) => {
                if self.analytics.reported_inputs.contains(&kind) {
                    return;
                }
                self.analytics.reported_inputs.push(kind);
                let name = match kind {
                    InputKind::Login => "connect_entered_login",
                    InputKind::Password => "connect_entered_password",
                    InputKind::MfaAnswer => "connect_mfa_entered_input",
                };
                fx.push(Effect::Analytic { name, data: self.institution_metadata() });
            }
            Msg::ChoseMfaOption => {
                let name = match self.step() {
                    Step::Mfa(m) if m.kind() == MfaKind::ImageOptions => "connect_mfa_selected_image",
                    Step::Mfa(_) => "connect_mfa_selected_option",
                    _ => return,
                };
                fx.push(Effect::Analytic { name, data: self.institution_metadata() });
            }
        }
    }

    /// Read before `msg` is handled.
    pub(super) fn analytics_before(&self, msg: &super::Msg) -> Before {
        let step = self.step();
        Before {
            step: step.id(),
            search_view: match step {
                Step::Search(s) => search_segment(&s.view),
                _ => None,
            },
            selected_method: match (step, msg) {
                (Step::Search(s), super::Msg::Search(super::search::Msg::Select(guid))) => {
                    s.listed(guid).map(authentication_method)
                }
                _ => None,
            },
            mfa_kind: match step {
                Step::Mfa(m) => Some(m.kind()),
                _ => None,
            },
            clicked: self.clicked_analytic(msg),
        }
    }

    /// A recovery link or a "Get help" pressed on the current step.
    fn clicked_analytic(&self, msg: &super::Msg) -> Option<(&'static str, Value)> {
        let step = self.step();
        match msg {
            super::Msg::External(external::Msg::Open(url)) => {
                let Step::Credentials(c) = step else { return None };
                let i = self.institution.as_ref()?;
                let create = c.mode == super::CredentialsMode::Create;
                let links = if create {
                    [
                        "connect_create_credentials_clicked_forgot_password",
                        "connect_create_credentials_clicked_forgot_username",
                        "connect_create_credentials_clicked_trouble_signing_in",
                    ]
                } else {
                    [
                        "connect_update_credentials_clicked_forgot_password",
                        "connect_update_credentials_clicked_forgot_username",
                        "connect_update_credentials_clicked_trouble_signing_in",
                    ]
                };
                let urls = [&i.forgot_password_url, &i.forgot_username_url, &i.trouble_signing_in_url];
                let name = urls.iter().zip(links).find(|(known, _)| known.as_deref() == Some(url.as_str()))?.1;
                Some((name, self.institution_metadata()))
            }
            super::Msg::Support(support::Msg::Open) => match step {
                Step::Credentials(c) if matches!(c.mode, super::CredentialsMode::Update { .. }) => {
                    Some(("connect_credentials_clicked_get_help", json!({"type": "UPDATE"})))
                }
                Step::LoginError { .. } => Some(("connect_login_error_clicked_get_help", json!({}))),
                Step::Mfa(_) => Some(("connect_mfa_clicked_get_help", json!({}))),
                _ => None,
            },
            _ => None,
        }
    }

    /// Add the analytics `fx` stands for, once `msg` has been handled.
    pub(super) fn add_analytics(&mut self, before: Before, fx: &mut Vec<Effect>) {
        if before.step != self.step().id() {
            self.analytics.reported_inputs.clear();
        }
        let mut derived = Vec::new();
        if let Some((name, data)) = before.clicked.clone() {
            derived.push(Effect::Analytic { name, data });
        }
        for effect in fx.iter() {
            let Effect::Emit(event) = effect else { continue };
            if let Some((name, data)) = self.analytic_for(event, &before) {
                derived.push(Effect::Analytic { name, data });
            }
        }
        // The step's own pageview covers arriving on search; changes of sub-view are reported here.
        let now = match self.step() {
            Step::Search(s) => search_segment(&s.view),
            _ => None,
        };
        if before.step != "search" {
            self.analytics.search_reported = now;
        } else if let Some(segment) = now.filter(|n| Some(*n) != self.analytics.search_reported) {
            self.analytics.search_reported = Some(segment);
            // Results and no-results report themselves, with the search term.
            let reported = fx.iter().any(|e| matches!(e, Effect::Pageview { path, .. } if path.ends_with(segment)));
            if !reported {
                self.pageview(segment, json!({}), &mut derived);
            }
        }
        fx.extend(derived);
        for effect in fx.iter_mut() {
            if let Effect::Analytic { data, .. } = effect {
                if let Some(object) = data.as_object_mut() {
                    object.entry("widgetType").or_insert_with(|| json!(WIDGET_TYPE));
                }
            }
        }
    }

    fn analytic_for(&self, event: &WidgetEvent, before: &Before) -> Option<(&'static str, Value)> {
        let institution = self.institution_metadata();
        let hashed_member = || self.member.as_ref().map(|m| hashed(&m.guid)).unwrap_or_default();
        Some(match event {
            WidgetEvent::Loaded { initial_step } => {
                let c = &self.config;
                let data = json!({
                    "initial_step": initial_step,
                    "mode": c.mode.name(),
                    "disable_institution_search": c.disable_institution_search,
                    "include_identity": c.include_identity,
                    "include_transactions": c.include_transactions,
                    "current_member_guid": c.current_member_guid.as_deref().map(hashed).unwrap_or_default(),
                    "current_institution_guid": c.current_institution_guid.clone().unwrap_or_default(),
                    "current_institution_code": c.current_institution_code.clone().unwrap_or_default(),
                    "language": self.env.partner.locale,
                });
                ("connect_widget_load", data)
            }
            WidgetEvent::InstitutionSearch { query } => {
                ("connect_search_query", json!({"mode": self.config.mode.name(), "search_term": query}))
            }
            WidgetEvent::SelectedInstitution { guid, name, .. } => {
                let method = before.selected_method;
                let data = json!({"authentication_method": method, "institution_guid": guid, "institution_name": name});
                match before.search_view {
                    Some("/search/searched") => ("connect_select_searched_institution", data),
                    _ => ("connect_select_popular_institution", data),
                }
            }
            WidgetEvent::EnterCredentials { .. } => ("connect_submitted_credentials", institution),
            WidgetEvent::SubmitMfa { .. } => {
                let name = match before.mfa_kind {
                    Some(MfaKind::ImageOptions) => "connect_mfa_submitted_image",
                    Some(MfaKind::Options | MfaKind::AccountSelect) => "connect_mfa_submitted_option",
                    Some(MfaKind::Text | MfaKind::Mixed) | None => "connect_mfa_submitted_input",
                };
                let mut data = institution;
                data["member_guid"] = json!(hashed_member());
                (name, data)
            }
            WidgetEvent::OAuthRequested { .. } => {
                let mut data = institution;
                data["member_guid"] = json!(hashed_member());
                ("connect_oauth_default_go_to_institution", data)
            }
            WidgetEvent::MemberConnected { .. } => {
                let kind = if self.config.is_mobile_webview { "url" } else { "message" };
                ("connect_connect/memberConnected", json!({ "type": kind }))
            }
            _ => return None,
        })
    }

    fn institution_metadata(&self) -> Value {
        match &self.institution {
            Some(i) => json!({"institution_guid": i.guid, "institution_name": i.name}),
            None => json!({}),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::hashed;

    #[test]
    fn hashes_as_sha256_hex() {
        // FIPS 180-2 test vector for "abc".
        assert_eq!(hashed("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
