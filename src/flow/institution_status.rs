//! Why the chosen institution cannot be connected, before any login: blocked
//! for fees, unavailable on the partner's list, or unavailable at the
//! aggregator. There is always a way forward, with institution search or
//! without it: another institution, checking again, the institution's
//! website, a support request, or a manual account.

use super::navigation::Nav;
use super::{Answer, Effect, Flow, Step};
use crate::host::{HostCall, HostError};
use crate::model::Institution;

/// The institution MX's widget applies its fee rule to, by guid (or by the name "Chase Bank").
const FEE_BLOCKED_GUID: &str = "INS-78c7b591-6512-9c17-b092-1cddbd3c85ba";

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Check again": ask the host for the institution's status now.
    Recheck,
    /// "Go to the website".
    VisitWebsite,
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Recheck,
}

/// Why an institution cannot be connected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusCase {
    /// The institution charges for connections and the partner does not offer them.
    BlockedForFees,
    /// The partner lists it as unavailable, or turned it off.
    UnavailablePerPartner,
    /// The aggregator cannot connect to it now (`status: 3`).
    UnavailablePerAggregator,
}

/// What the last "Check again" found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recheck {
    /// The host did not answer.
    Failed,
    /// Still not connectable.
    Unchanged,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatusState {
    pub case: StatusCase,
    pub checking: bool,
    pub rechecked: Option<Recheck>,
}

impl Flow {
    /// Why `institution` cannot be connected here, if it cannot. The fee
    /// rule is MX's: that institution, turned off by the partner.
    pub fn status_case(&self, institution: &Institution) -> Option<StatusCase> {
        let listed = self
            .env
            .unavailable_institutions
            .iter()
            .any(|u| u == &institution.guid || u.eq_ignore_ascii_case(&institution.name));
        let fee_rule = institution.guid == FEE_BLOCKED_GUID || institution.name.eq_ignore_ascii_case("Chase Bank");
        if institution.is_disabled_by_client && fee_rule {
            Some(StatusCase::BlockedForFees)
        } else if listed || institution.is_disabled_by_client {
            Some(StatusCase::UnavailablePerPartner)
        } else if institution.is_unavailable() {
            Some(StatusCase::UnavailablePerAggregator)
        } else {
            None
        }
    }

    pub(super) fn on_institution_status_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Recheck => self.recheck_institution(fx),
            Msg::VisitWebsite => {
                if let Some(url) = self.institution.as_ref().and_then(Institution::website) {
                    self.open_external(url, fx);
                }
            }
        }
    }

    pub(super) fn on_institution_status_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Recheck => self.rechecked(answer.read(fx), fx),
        }
    }

    fn status_state(&mut self) -> Option<&mut StatusState> {
        if let Some(Step::InstitutionStatus(s)) = self.step_mut() {
            Some(s)
        } else {
            None
        }
    }

    /// Show why the current institution cannot be connected.
    pub(super) fn show_institution_status(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        let case = self.institution.as_ref().and_then(|i| self.status_case(i));
        let case = case.unwrap_or(StatusCase::UnavailablePerAggregator);
        self.show(Step::InstitutionStatus(StatusState { case, checking: false, rechecked: None }), nav, fx);
    }

    /// Whether "Check again" is offered: for an aggregator outage (it may be
    /// over), and whenever nothing else would be (no dead ends).
    pub fn recheck_offered(&self, state: &StatusState) -> bool {
        let website = self.institution.as_ref().and_then(Institution::website).is_some();
        state.case == StatusCase::UnavailablePerAggregator
            || !(self.search_allowed() || website || self.manual_accounts_offered() || self.allowed().support)
    }

    fn recheck_institution(&mut self, fx: &mut Vec<Effect>) {
        let Some(guid) = self.institution.as_ref().map(|i| i.guid.clone()) else { return };
        let Some(s) = self.status_state() else { return };
        if s.checking {
            return;
        }
        s.checking = true;
        s.rechecked = None;
        self.call(Pending::Recheck, HostCall::LoadInstitutionByGuid { guid }, fx);
    }

    fn rechecked(&mut self, result: Result<Institution, HostError>, fx: &mut Vec<Effect>) {
        let Some(s) = self.status_state() else { return };
        s.checking = false;
        let institution = match result {
            Ok(institution) => institution,
            Err(_) => {
                s.rechecked = Some(Recheck::Failed);
                return;
            }
        };
        match self.status_case(&institution) {
            Some(case) => {
                if let Some(s) = self.status_state() {
                    s.case = case;
                    s.rechecked = Some(Recheck::Unchanged);
                }
                self.institution = Some(institution);
            }
            None => {
                self.institution = Some(institution);
                self.proceed_to_login(Nav::Replace, fx);
            }
        }
    }
}
