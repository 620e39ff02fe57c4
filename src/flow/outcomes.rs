//! Where a path ends: connected, a login or actionable error with its actions,
//! an unavailable institution, a deleted member. "Done" starts over.

use super::navigation::Nav;
use super::route::Action;
use super::{Effect, Flow, SearchState, Step, WidgetEvent};
use crate::model::Institution;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Done" on the connected or disconnected step.
    Done,
    /// An action button of an error screen.
    Act(Action),
}

impl Flow {
    pub(super) fn on_outcome_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Done => self.done(fx),
            Msg::Act(action) => self.act(action, fx),
        }
    }

    fn done(&mut self, fx: &mut Vec<Effect>) {
        if matches!(self.step(), Step::Connected) {
            Self::emit(fx, WidgetEvent::ConnectedPrimaryAction);
            self.restart_from_root(fx);
        } else if matches!(self.step(), Step::Disconnected) {
            self.restart_from_root(fx);
        }
    }

    /// After a finished flow: search again, or the configured institution.
    pub(super) fn restart_from_root(&mut self, fx: &mut Vec<Effect>) {
        self.member = None;
        self.forget_session();
        if self.search_allowed() {
            self.institution = None;
            Self::emit(fx, WidgetEvent::BackToSearch { context: None });
            self.show(Step::Search(SearchState::default()), Nav::Reset, fx);
            self.load_popular(fx);
        } else if self.institution.is_some() {
            self.proceed_to_login(Nav::Reset, fx);
        } else {
            self.start(fx);
        }
    }

    fn act(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::TryAgain => {
                if let Some(member) = self.member.clone() {
                    self.connect_member(member, Nav::Replace, true, fx);
                }
            }
            Action::UpdateCredentials => self.show_update_credentials(None, Nav::Replace, fx),
            Action::VisitWebsite => {
                if let Some(url) = self.institution.as_ref().and_then(Institution::website) {
                    self.open_external(url, fx);
                }
            }
            Action::TryAnotherInstitution => {
                if self.search_allowed() {
                    self.back_to_search(fx);
                }
            }
            Action::GetHelp => self.open_support(fx),
            Action::Disconnect => self.open_disconnect(fx),
        }
    }
}
