//! Verification mode's first step: the connections the user already has
//! (`loadMembers`) that can verify an account are offered first, with their
//! institutions (`loadInstitutionByGuid`); picking one runs a verification
//! job on it. "Search for another institution" opens search over this step.

use super::navigation::Nav;
use super::{Answer, ConnectingPhase, Effect, Flow, SearchState, Step};
use crate::host::{HostCall, HostError};
use crate::i18n::Key;
use crate::model::{ConnectionStatus, Institution, Member, Mode};

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Verify this existing member (by guid).
    Choose(String),
    /// "Search for another institution".
    SearchInstead,
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Members,
    Institution {
        member_guid: String,
    },
    /// The institution of a chosen member, loaded on demand.
    Chosen {
        member_guid: String,
    },
}

/// A connection the user already has, with its institution once loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct ExistingMember {
    pub member: Member,
    pub institution: Option<Institution>,
    /// Its institution answered (or failed): the list waits for all of them.
    pub settled: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ExistingState {
    pub members: Vec<ExistingMember>,
    /// The member being opened.
    pub selecting: Option<String>,
    /// The member whose institution could not be loaded.
    pub failed: Option<String>,
}

impl ExistingState {
    /// Whether the institutions are still loading.
    pub fn loading(&self) -> bool {
        self.members.iter().any(|m| !m.settled)
    }
}

/// Whether a member can verify an account here: it says so, the user manages
/// it, and it is not waiting for OAuth.
pub fn can_verify(member: &Member) -> bool {
    member.verification_is_enabled
        && member.is_managed_by_user
        && member.connection_status != Some(ConnectionStatus::Pending)
}

impl Flow {
    /// Whether the widget verifies accounts (`mode: "verification"`).
    pub fn verifying(&self) -> bool {
        self.config.mode == Mode::Verification
    }

    /// What the connecting step says in `phase`: verification mode says what it fetches.
    pub fn phase_message(&self, phase: ConnectingPhase) -> Key {
        match (self.verifying(), phase) {
            (true, ConnectingPhase::Syncing) => Key::ConnectingVerificationData,
            (_, phase) => phase.message_key(),
        }
    }

    /// What the connected step says (`{name}`: the institution).
    pub fn connected_message(&self) -> Key {
        if self.verifying() {
            Key::ConnectedVerifiedBody
        } else {
            Key::ConnectedBody
        }
    }

    pub(super) fn on_verification_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Choose(guid) => self.choose_existing(guid, fx),
            Msg::SearchInstead => {
                if self.search_allowed() && matches!(self.step(), Step::VerifyExisting(_)) {
                    self.show(Step::Search(SearchState::default()), Nav::Push, fx);
                    self.load_popular(fx);
                }
            }
        }
    }

    pub(super) fn on_verification_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Members => self.members_loaded(answer.read(fx), fx),
            Pending::Institution { member_guid } => self.member_institution_loaded(&member_guid, answer.read(fx), fx),
            Pending::Chosen { member_guid } => match answer.read::<Institution>(fx) {
                Ok(institution) => {
                    self.set_existing_institution(&member_guid, Some(institution));
                    self.verify_existing(&member_guid, fx);
                }
                Err(_) => {
                    if let Some(e) = self.existing_state() {
                        e.selecting = None;
                        e.failed = Some(member_guid);
                    }
                }
            },
        }
    }

    fn existing_state(&mut self) -> Option<&mut ExistingState> {
        if let Some(Step::VerifyExisting(e)) = self.step_mut() {
            Some(e)
        } else {
            None
        }
    }

    fn show_search_root(&mut self, fx: &mut Vec<Effect>) {
        self.show(Step::Search(SearchState::default()), Nav::Reset, fx);
        self.load_popular(fx);
    }

    /// The first step in verification mode: existing connections, or search.
    pub(super) fn load_existing_members(&mut self, fx: &mut Vec<Effect>) {
        if self.env.has("loadMembers") && self.search_allowed() {
            self.call(Pending::Members, HostCall::LoadMembers, fx);
        } else {
            self.show_search_root(fx);
        }
    }

    /// A failed `loadMembers` is not a dead end: the user can still search.
    fn members_loaded(&mut self, result: Result<Vec<Member>, HostError>, fx: &mut Vec<Effect>) {
        let members: Vec<Member> = result.unwrap_or_default().into_iter().filter(can_verify).collect();
        if members.is_empty() {
            return self.show_search_root(fx);
        }
        let existing = members
            .into_iter()
            .map(|member| ExistingMember { member, institution: None, settled: false })
            .collect::<Vec<_>>();
        let calls: Vec<(String, HostCall)> = existing
            .iter()
            .filter_map(|e| {
                let call = match (&e.member.institution_guid, &e.member.institution_code) {
                    (Some(guid), _) => HostCall::LoadInstitutionByGuid { guid: guid.clone() },
                    (None, Some(code)) => HostCall::LoadInstitutionByCode { code: code.clone() },
                    (None, None) => return None,
                };
                Some((e.member.guid.clone(), call))
            })
            .collect();
        let mut state = ExistingState { members: existing, ..ExistingState::default() };
        for e in &mut state.members {
            e.settled = !calls.iter().any(|(guid, _)| guid == &e.member.guid);
        }
        self.show(Step::VerifyExisting(state), Nav::Reset, fx);
        for (member_guid, call) in calls {
            self.call(Pending::Institution { member_guid }, call, fx);
        }
    }

    fn set_existing_institution(&mut self, member_guid: &str, institution: Option<Institution>) {
        if let Some(e) = self.existing_state().and_then(|s| s.members.iter_mut().find(|m| m.member.guid == member_guid))
        {
            e.settled = true;
            if institution.is_some() {
                e.institution = institution;
            }
        }
    }

    /// An institution that says it cannot verify (or identify, when asked)
    /// takes its member off the list; one that failed to load keeps it.
    fn member_institution_loaded(
        &mut self,
        member_guid: &str,
        result: Result<Institution, HostError>,
        fx: &mut Vec<Effect>,
    ) {
        let identity = self.config.include_identity;
        let fits = |i: &Institution| {
            i.supports_verification != Some(false) && (!identity || i.supports_identification != Some(false))
        };
        let keep = result.as_ref().map_or(true, fits);
        self.set_existing_institution(member_guid, result.ok());
        let Some(state) = self.existing_state() else { return };
        if !keep {
            state.members.retain(|m| m.member.guid != member_guid);
        }
        if state.members.is_empty() {
            self.show_search_root(fx);
        }
    }

    fn choose_existing(&mut self, member_guid: String, fx: &mut Vec<Effect>) {
        let Some(state) = self.existing_state() else { return };
        if state.selecting.is_some() || state.loading() {
            return;
        }
        let Some(entry) = state.members.iter().find(|m| m.member.guid == member_guid) else { return };
        let institution_call = match (&entry.institution, &entry.member.institution_guid) {
            (Some(_), _) => None,
            (None, Some(guid)) => Some(HostCall::LoadInstitutionByGuid { guid: guid.clone() }),
            (None, None) => None,
        };
        state.selecting = Some(member_guid.clone());
        state.failed = None;
        match institution_call {
            Some(call) => self.call(Pending::Chosen { member_guid }, call, fx),
            None => self.verify_existing(&member_guid, fx),
        }
    }

    /// Verify a connection the user already has: a verification job, then
    /// polling, as for a new connection. An OAuth member is verified the same
    /// way (its authorization is already in place; if the institution wants a
    /// new one, the member's status says so and the usual route follows).
    fn verify_existing(&mut self, member_guid: &str, fx: &mut Vec<Effect>) {
        let Some(state) = self.existing_state() else { return };
        let Some(entry) = state.members.iter().find(|m| m.member.guid == member_guid).cloned() else { return };
        state.selecting = None;
        self.institution = entry.institution.clone();
        self.member = Some(entry.member.clone());
        if entry.institution.as_ref().is_some_and(|i| self.is_unavailable(i)) {
            self.show_institution_status(Nav::Push, fx);
            return;
        }
        self.connect_member(entry.member, Nav::Push, true, fx);
    }
}
