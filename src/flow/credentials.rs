//! The login form: loading its fields, validating, creating the member
//! (`addMember`, with the 409 "already exists" path) or updating it
//! (`updateMember`).

use super::navigation::Nav;
use super::Token;
use super::{Answer, Effect, Flow, InstitutionRef, Load, Step, SubmitError, WidgetEvent};
use crate::host::{CredentialValue, HostCall, HostError};
use crate::i18n::Key;
use crate::model::{ConnectionStatus, CredentialField, Institution, Member, Secret};
use serde_json::json;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The form was submitted with these values, by credential guid.
    Submit(Vec<(String, Secret)>),
    /// "Try again" after the fields failed to load.
    RetryFields,
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Fields,
    /// The fields of a tapped institution, asked for beside its record (`FieldsPrefetch`).
    Prefetch,
    /// The typed credentials are kept for the 409 "member already exists" path.
    AddMember {
        credentials: Vec<(String, Secret)>,
    },
    ExistingMember {
        credentials: Vec<(String, Secret)>,
    },
    UpdateMember,
}

/// The login fields of an institution tapped in a list, asked for together with its full
/// record instead of after it: one host round trip less between the tap and the form. Used
/// only by that institution's login form; anything else (an OAuth or unavailable institution
/// after all, another tap) leaves it unused.
#[derive(Clone, Debug)]
pub struct FieldsPrefetch {
    institution_guid: String,
    state: PrefetchState,
}

#[derive(Clone, Debug)]
enum PrefetchState {
    Asked(Token),
    Answered(Result<Vec<CredentialField>, HostError>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CredentialsMode {
    Create,
    Update { member_guid: String },
}

/// Why credentials are asked again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateReason {
    Status(Option<ConnectionStatus>),
    Code(i64),
}

impl UpdateReason {
    /// The notice shown above the form.
    pub fn message_key(self) -> Key {
        use ConnectionStatus::*;
        match self {
            UpdateReason::Code(2004) => Key::UpdateReasonReauthorize,
            UpdateReason::Code(_) => Key::UpdateReasonDenied,
            UpdateReason::Status(Some(Prevented)) => Key::UpdateReasonPrevented,
            UpdateReason::Status(Some(Denied)) => Key::UpdateReasonDenied,
            UpdateReason::Status(Some(Imported | Impaired | Pending)) => Key::UpdateReasonMissing,
            UpdateReason::Status(_) => Key::UpdateReasonGeneric,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CredentialsState {
    pub mode: CredentialsMode,
    pub fields: Load<Vec<CredentialField>>,
    pub submitting: bool,
    /// Guids of required fields left empty.
    pub invalid: Vec<String>,
    pub submit_error: Option<SubmitError>,
    pub reason: Option<UpdateReason>,
}

impl CredentialsState {
    pub fn new(mode: CredentialsMode, reason: Option<UpdateReason>) -> Self {
        CredentialsState {
            mode,
            fields: Load::Loading,
            submitting: false,
            invalid: Vec::new(),
            submit_error: None,
            reason,
        }
    }

    pub fn is_update(&self) -> bool {
        matches!(self.mode, CredentialsMode::Update { .. })
    }
}

/// The typed values as the host receives them.
pub(super) fn to_credential_values(values: &[(String, Secret)]) -> Vec<CredentialValue> {
    values.iter().map(|(guid, v)| CredentialValue { guid: guid.clone(), value: Some(v.clone()) }).collect()
}

impl Flow {
    pub(super) fn on_credentials_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Submit(values) => self.submit_credentials(values, fx),
            Msg::RetryFields => self.load_fields(fx),
        }
    }

    pub(super) fn on_credentials_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Fields => self.fields_loaded(answer.read(fx)),
            Pending::Prefetch => {
                if let Some(prefetch) = &mut self.fields_prefetch {
                    prefetch.state = PrefetchState::Answered(answer.read(fx));
                }
            }
            Pending::AddMember { credentials } => self.member_added(credentials, answer.read(fx), fx),
            Pending::ExistingMember { credentials } => self.existing_member_loaded(credentials, answer.read(fx), fx),
            Pending::UpdateMember => self.member_updated(answer.read(fx), fx),
        }
    }

    fn credentials_state(&mut self) -> Option<&mut CredentialsState> {
        if let Some(Step::Credentials(c)) = self.step_mut() {
            Some(c)
        } else {
            None
        }
    }

    fn institution_ref(&self) -> InstitutionRef {
        InstitutionRef::of(self.institution.as_ref())
    }

    pub(super) fn show_create_credentials(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        if self.oauth_applies() {
            return self.show_oauth(None, nav, fx);
        }
        self.show(Step::Credentials(CredentialsState::new(CredentialsMode::Create, None)), nav, fx);
        self.load_fields(fx);
    }

    /// Update credentials for the current member; `notice` says why.
    pub(super) fn show_update_credentials(
        &mut self,
        notice: Option<Option<ConnectionStatus>>,
        nav: Nav,
        fx: &mut Vec<Effect>,
    ) {
        let Some(member) = self.member.clone() else { return };
        let reason = match (notice, member.error_code()) {
            (_, Some(code @ (2004 | 2005))) => Some(UpdateReason::Code(code)),
            (Some(status), _) => Some(UpdateReason::Status(status)),
            (None, _) => None,
        };
        let oauth = self.oauth_applies();
        // A PENDING OAuth member has only not authorized yet: no error.
        let unfinished_oauth = oauth && notice == Some(Some(ConnectionStatus::Pending));
        if notice.is_some() && !unfinished_oauth {
            Self::emit(fx, WidgetEvent::member_error(&member));
        }
        if oauth {
            return self.show_oauth(reason, nav, fx);
        }
        self.show(
            Step::Credentials(CredentialsState::new(CredentialsMode::Update { member_guid: member.guid }, reason)),
            nav,
            fx,
        );
        self.load_fields(fx);
    }

    /// The form's fields: the member's (`getMemberCredentials`) when updating and the
    /// host has that optional callback, else the institution's, which name the same
    /// credentials (`updateMember` takes them by the same guids).
    pub(super) fn load_fields(&mut self, fx: &mut Vec<Effect>) {
        let institution_guid = self
            .institution
            .as_ref()
            .map(|i| i.guid.clone())
            .or_else(|| self.member.as_ref().and_then(|m| m.institution_guid.clone()));
        let member_fields = self.env.has("getMemberCredentials");
        if let Some(guid) = &institution_guid {
            if self.use_prefetched_fields(guid) {
                return;
            }
        }
        let Some(c) = self.credentials_state() else { return };
        let call = match (&c.mode, institution_guid) {
            (CredentialsMode::Update { member_guid }, _) if member_fields => {
                HostCall::GetMemberCredentials { member_guid: member_guid.clone() }
            }
            (CredentialsMode::Update { .. } | CredentialsMode::Create, Some(institution_guid)) => {
                HostCall::GetInstitutionCredentials { institution_guid }
            }
            (CredentialsMode::Update { .. } | CredentialsMode::Create, None) => {
                c.fields = Load::Failed;
                return;
            }
        };
        c.fields = Load::Loading;
        self.call(Pending::Fields, call, fx);
    }

    /// Ask for the login fields of an institution just tapped in a list, when its listing says
    /// the login form comes next (available, no OAuth, no consent or offer first).
    pub(super) fn prefetch_fields(&mut self, listed: &Institution, fx: &mut Vec<Effect>) {
        self.forget_calls(|p| matches!(p, super::Pending::Credentials(Pending::Prefetch)));
        self.fields_prefetch = None;
        let oauth = listed.supports_oauth && !self.env.oauth_disabled;
        let before_login = self.env.partner.consent || self.config.raw.get("additional_product_option").is_some();
        if oauth || before_login || self.is_unavailable(listed) {
            return;
        }
        let call = HostCall::GetInstitutionCredentials { institution_guid: listed.guid.clone() };
        let token = self.call_token(Pending::Prefetch, call, fx);
        self.fields_prefetch =
            Some(FieldsPrefetch { institution_guid: listed.guid.clone(), state: PrefetchState::Asked(token) });
    }

    /// A new member's login form takes the fields asked for at the tap, if they are this
    /// institution's: ready if they came, else it waits for that same call. A failed
    /// prefetch is asked again.
    fn use_prefetched_fields(&mut self, institution_guid: &str) -> bool {
        let Some(prefetch) = self.fields_prefetch.take() else { return false };
        let creating = matches!(self.credentials_state(), Some(c) if c.mode == CredentialsMode::Create);
        if !creating || prefetch.institution_guid != institution_guid {
            return false;
        }
        let fields = match prefetch.state {
            PrefetchState::Answered(Ok(fields)) if !fields.is_empty() => Load::Ready(fields),
            PrefetchState::Answered(_) => return false,
            PrefetchState::Asked(token) => {
                // Showing the form forgot the call; its answer now goes to the form.
                self.wait_for(token, "getInstitutionCredentials", Pending::Fields);
                Load::Loading
            }
        };
        if let Some(c) = self.credentials_state() {
            c.fields = fields;
        }
        true
    }

    fn fields_loaded(&mut self, result: Result<Vec<CredentialField>, HostError>) {
        let Some(c) = self.credentials_state() else { return };
        c.fields = match result {
            Ok(fields) if !fields.is_empty() => Load::Ready(fields),
            Ok(_) | Err(_) => Load::Failed,
        };
    }

    fn submit_credentials(&mut self, values: Vec<(String, Secret)>, fx: &mut Vec<Effect>) {
        let Some(c) = self.credentials_state() else { return };
        let Load::Ready(fields) = &c.fields else { return };
        if c.submitting {
            return;
        }
        let missing: Vec<String> = fields
            .iter()
            .filter(|f| !f.optional)
            .filter(|f| values.iter().find(|(g, _)| g == &f.guid).is_none_or(|(_, v)| v.is_blank()))
            .map(|f| f.guid.clone())
            .collect();
        c.submit_error = None;
        if !missing.is_empty() {
            c.invalid = missing;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        c.invalid.clear();
        c.submitting = true;
        let mode = c.mode.clone();
        let institution = self.institution_ref();
        match mode {
            CredentialsMode::Create => {
                let Some(inst) = self.institution.clone() else { return };
                Self::emit(fx, WidgetEvent::EnterCredentials { institution });
                let call = HostCall::AddMember {
                    institution: inst.raw.clone(),
                    institution_guid: inst.guid,
                    credentials: to_credential_values(&values),
                    is_oauth: false,
                };
                self.call(Pending::AddMember { credentials: values }, call, fx);
            }
            CredentialsMode::Update { member_guid } => {
                let member_raw =
                    self.member.as_ref().map(|m| m.raw.clone()).unwrap_or_else(|| json!({"guid": member_guid}));
                Self::emit(fx, WidgetEvent::UpdateCredentials { member_guid, institution });
                let call = HostCall::UpdateMember { member: member_raw, credentials: to_credential_values(&values) };
                self.call(Pending::UpdateMember, call, fx);
            }
        }
    }

    fn credentials_failed(&mut self, error: HostError, fx: &mut Vec<Effect>) {
        Self::emit(fx, WidgetEvent::CreateMemberError { institution: self.institution_ref() });
        if let Some(c) = self.credentials_state() {
            c.submitting = false;
            c.submit_error = Some(SubmitError::from_host(&error));
        }
    }

    fn member_added(
        &mut self,
        credentials: Vec<(String, Secret)>,
        result: Result<Member, HostError>,
        fx: &mut Vec<Effect>,
    ) {
        match result {
            Ok(member) => self.connect_member(member, Nav::Push, false, fx),
            // "Member already exists": load it, then MFA or update.
            Err(error) => match error.data_guid().filter(|_| error.status() == Some(409)) {
                Some(guid) => {
                    self.call(Pending::ExistingMember { credentials }, HostCall::LoadMemberByGuid { guid }, fx)
                }
                None => self.credentials_failed(error, fx),
            },
        }
    }

    fn existing_member_loaded(
        &mut self,
        credentials: Vec<(String, Secret)>,
        result: Result<Member, HostError>,
        fx: &mut Vec<Effect>,
    ) {
        let member = match result {
            Ok(member) => member,
            Err(error) => return self.credentials_failed(error, fx),
        };
        self.remember_status(&member);
        if member.connection_status == Some(ConnectionStatus::Challenged) && !member.mfa.is_empty() {
            self.member = Some(member.clone());
            self.show_mfa(member, Nav::Push, fx);
        } else {
            let call =
                HostCall::UpdateMember { member: member.raw.clone(), credentials: to_credential_values(&credentials) };
            self.member = Some(member);
            self.call(Pending::UpdateMember, call, fx);
        }
    }

    fn member_updated(&mut self, result: Result<Member, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(member) => self.connect_member(member, Nav::Push, false, fx),
            Err(e) => self.credentials_failed(e, fx),
        }
    }
}
