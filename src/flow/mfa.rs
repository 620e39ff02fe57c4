//! Multi-factor questions: text/token/image answers, one choice among options
//! or images, or the one account to connect; `updateMFA`, then connecting.

use super::credentials::to_credential_values;
use super::navigation::Nav;
use super::{Answer, Effect, Flow, Step, SubmitError, WidgetEvent};
use crate::host::{CredentialValue, HostCall, HostError};
use crate::model::{field_type, Member, MfaCredential, Secret};

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Text answers, by challenge guid.
    SubmitAnswers(Vec<(String, Secret)>),
    /// The chosen option's guid (`None`: nothing chosen).
    SubmitChoice(Option<String>),
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Update,
}

/// How an MFA step asks its question(s), from the first challenge's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MfaKind {
    /// Text, token or image-data questions: one text field each.
    Text,
    /// One choice from a list (radio group).
    Options,
    /// One choice from a grid of images.
    ImageOptions,
    /// Pick the one account to connect.
    AccountSelect,
    /// Questions of both sorts: each asked as it asks (a field or a choice).
    Mixed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MfaState {
    pub challenges: Vec<MfaCredential>,
    pub submitting: bool,
    /// Guids of unanswered challenges.
    pub invalid: Vec<String>,
    pub submit_error: Option<SubmitError>,
    /// The previous answer was wrong (codes 2001/2002).
    pub previous_wrong: bool,
    /// The previous challenge timed out (code 2003).
    pub timed_out: bool,
}

impl MfaState {
    pub fn kind(&self) -> MfaKind {
        let choices = self.challenges.iter().filter(|c| c.asks_choice()).count();
        if choices > 0 && choices < self.challenges.len() {
            return MfaKind::Mixed;
        }
        match self.challenges.first() {
            Some(c) if c.is_single_account_select() => MfaKind::AccountSelect,
            Some(c) if c.field_type == field_type::IMAGE_OPTIONS => MfaKind::ImageOptions,
            Some(c) if c.field_type == field_type::OPTIONS => MfaKind::Options,
            Some(_) | None => MfaKind::Text,
        }
    }
}

impl Flow {
    pub(super) fn on_mfa_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::SubmitAnswers(answers) => self.submit_mfa_answers(answers, fx),
            Msg::SubmitChoice(choice) => self.submit_mfa_choice(choice, fx),
        }
    }

    pub(super) fn on_mfa_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Update => self.mfa_updated(answer.read(fx), fx),
        }
    }

    fn mfa_state(&mut self) -> Option<&mut MfaState> {
        if let Some(Step::Mfa(m)) = self.step_mut() {
            Some(m)
        } else {
            None
        }
    }

    pub(super) fn show_mfa(&mut self, member: Member, nav: Nav, fx: &mut Vec<Effect>) {
        let previous_wrong = matches!(member.error_code(), Some(2001 | 2002));
        let timed_out = member.error_code() == Some(2003);
        self.member = Some(member.clone());
        let state = MfaState {
            challenges: member.mfa,
            submitting: false,
            invalid: Vec::new(),
            submit_error: None,
            previous_wrong,
            timed_out,
        };
        self.show(Step::Mfa(state), nav, fx);
    }

    fn submit_mfa_answers(&mut self, answers: Vec<(String, Secret)>, fx: &mut Vec<Effect>) {
        let Some(m) = self.mfa_state() else { return };
        if m.submitting {
            return;
        }
        // A text question needs text; a choice needs one of its own options, never typed text.
        let answered = |c: &MfaCredential, v: &Secret| {
            if c.asks_choice() {
                c.options.iter().any(|o| o.guid == v.expose())
            } else {
                !v.is_blank()
            }
        };
        let missing: Vec<String> = m
            .challenges
            .iter()
            .filter(|c| answers.iter().find(|(g, _)| g == &c.guid).is_none_or(|(_, v)| !answered(c, v)))
            .map(|c| c.guid.clone())
            .collect();
        if !missing.is_empty() {
            m.invalid = missing;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        self.send_mfa(to_credential_values(&answers), fx);
    }

    fn submit_mfa_choice(&mut self, choice: Option<String>, fx: &mut Vec<Effect>) {
        let Some(m) = self.mfa_state() else { return };
        if m.submitting {
            return;
        }
        let Some(choice) = choice else {
            m.invalid = m.challenges.iter().map(|c| c.guid.clone()).collect();
            fx.push(Effect::FocusFirstInvalid);
            return;
        };
        // One choice cannot answer a text question too: never send it `null`.
        let typed: Vec<String> = m.challenges.iter().filter(|c| !c.asks_choice()).map(|c| c.guid.clone()).collect();
        if !typed.is_empty() {
            m.invalid = typed;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        // One entry per challenge; the chosen option's guid goes on the
        // challenge it belongs to (by `credential_guid`, else by containment:
        // the reference sent null when `credential_guid` was missing).
        let owner = m
            .challenges
            .iter()
            .find(|c| {
                c.options.iter().any(|o| o.guid == choice && o.credential_guid.as_deref() == Some(c.guid.as_str()))
            })
            .or_else(|| m.challenges.iter().find(|c| c.options.iter().any(|o| o.guid == choice)))
            .map(|c| c.guid.clone());
        let Some(owner) = owner else { return };
        let credentials = m
            .challenges
            .iter()
            .map(|c| CredentialValue {
                guid: c.guid.clone(),
                value: (c.guid == owner).then(|| Secret::new(choice.clone())),
            })
            .collect();
        self.send_mfa(credentials, fx);
    }

    fn send_mfa(&mut self, credentials: Vec<CredentialValue>, fx: &mut Vec<Effect>) {
        let Some(member) = self.member.clone() else { return };
        if let Some(m) = self.mfa_state() {
            m.invalid.clear();
            m.submitting = true;
            m.submit_error = None;
        }
        Self::emit(fx, WidgetEvent::SubmitMfa { member_guid: member.guid.clone() });
        self.call(Pending::Update, HostCall::UpdateMfa { member: member.raw, credentials }, fx);
    }

    fn mfa_updated(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(member) => self.connect_member(member, Nav::Replace, false, fx),
            Err(error) => {
                if let Some(m) = self.mfa_state() {
                    m.submitting = false;
                    m.submit_error = Some(SubmitError::from_host(&error));
                }
            }
        }
    }
}
