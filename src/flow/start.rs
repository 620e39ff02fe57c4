//! The first step: search, or the member or institution the partner configured
//! (`current_member_guid`, `current_institution_guid|code`), following the
//! reference's first-step rules. Owns the `Loading` and `LoadError` steps.

use super::navigation::Nav;
use super::route::{self, Route};
use super::{Answer, DisclosureState, Effect, Flow, SearchState, Step};
use crate::host::{HostCall, HostError};
use crate::model::{ConnectionStatus, Institution, Member};

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The widget was mounted.
    Begin,
    /// "Try again" after the configured member or institution failed to load.
    Retry,
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Member,
    Institution,
}

impl Flow {
    pub(super) fn on_start_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Begin | Msg::Retry => self.start(fx),
        }
    }

    pub(super) fn on_start_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Member => match answer.read(fx) {
                Ok(member) => self.start_member_loaded(member, fx),
                Err(e) => self.load_failed(&e, fx),
            },
            Pending::Institution => match answer.read(fx) {
                Ok(institution) => self.start_institution_loaded(institution, fx),
                Err(e) => self.load_failed(&e, fx),
            },
        }
    }

    pub(super) fn start(&mut self, fx: &mut Vec<Effect>) {
        let previous = self.step().id();
        self.pending.clear();
        self.stack = vec![Step::Loading];
        if previous != "loading" {
            self.sub_view_changed(fx);
        }
        if self.disclosure_first() {
            self.show(Step::Disclosure(DisclosureState::default()), Nav::Reset, fx);
        } else {
            self.load_first_step(fx);
        }
    }

    /// Load what the first step needs, or show search.
    pub(super) fn load_first_step(&mut self, fx: &mut Vec<Effect>) {
        if let Some(guid) = self.config.current_member_guid.clone() {
            self.call(Pending::Member, HostCall::LoadMemberByGuid { guid }, fx);
        } else if let Some(guid) = self.config.current_institution_guid.clone() {
            self.call(Pending::Institution, HostCall::LoadInstitutionByGuid { guid }, fx);
        } else if let Some(code) = self.config.current_institution_code.clone() {
            self.call(Pending::Institution, HostCall::LoadInstitutionByCode { code }, fx);
        } else if let Some(guid) = self.config.current_microdeposit_guid.clone().filter(|_| self.verifying()) {
            self.load_microdeposit_at_start(guid, fx);
        } else if self.verifying() {
            self.load_existing_members(fx);
        } else {
            self.show(Step::Search(SearchState::default()), Nav::Reset, fx);
            self.load_popular(fx);
        }
    }

    fn load_failed(&mut self, error: &HostError, fx: &mut Vec<Effect>) {
        let not_found = error.is_not_found();
        self.show(Step::LoadError { not_found }, Nav::Reset, fx);
    }

    fn start_member_loaded(&mut self, member: Member, fx: &mut Vec<Effect>) {
        self.remember_status(&member);
        let institution_call = match (&member.institution_guid, &member.institution_code) {
            (Some(guid), _) => HostCall::LoadInstitutionByGuid { guid: guid.clone() },
            (None, Some(code)) => HostCall::LoadInstitutionByCode { code: code.clone() },
            (None, None) => {
                fx.push(Effect::Warn("connect-widget: loadMemberByGuid: the member has no institution".into()));
                self.member = Some(member);
                self.show(Step::LoadError { not_found: false }, Nav::Reset, fx);
                return;
            }
        };
        self.member = Some(member);
        self.call(Pending::Institution, institution_call, fx);
    }

    fn start_institution_loaded(&mut self, institution: Institution, fx: &mut Vec<Effect>) {
        let unavailable = self.is_unavailable(&institution);
        self.institution = Some(institution);
        if unavailable {
            self.show_institution_status(Nav::Reset, fx);
            return;
        }
        let Some(member) = self.member.clone() else {
            self.proceed_to_login(Nav::Reset, fx);
            return;
        };
        // The reference's first-step rules; the first that matches wins.
        use ConnectionStatus::*;
        let status = member.connection_status;
        if self.config.update_credentials && status == Some(Challenged) && !member.mfa.is_empty() {
            self.show_mfa(member, Nav::Reset, fx);
        } else if self.config.update_credentials || status == Some(Denied) {
            // A member that is fine (connected, or still working) is updated at
            // the partner's request: no error to report, no reason to give.
            let healthy = matches!(route::route(&member, self.config.mode), Route::Connected | Route::Poll);
            self.show_update_credentials(if healthy { None } else { Some(status) }, Nav::Reset, fx);
        } else if matches!(status, Some(Rejected | Expired)) {
            self.connect_member(member, Nav::Reset, false, fx);
        } else {
            self.follow_route(member, Nav::Reset, fx);
        }
    }
}
