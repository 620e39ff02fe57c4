//! The steps and sub-views the machine can be in, with the state each keeps.

use crate::host::HostError;
use crate::model::{ActionableCode, ConnectionStatus, CredentialField, Institution, Job, MfaCredential};

/// One screen of the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Loading the member or institution the partner configured.
    Loading,
    /// That load failed; `not_found` for a 404.
    LoadError {
        not_found: bool,
    },
    Search(SearchState),
    /// The chosen institution cannot be connected now (before any credentials).
    InstitutionStatus,
    Credentials(CredentialsState),
    Connecting(ConnectingState),
    Mfa(MfaState),
    Connected,
    LoginError {
        status: Option<ConnectionStatus>,
    },
    ActionableError {
        code: ActionableCode,
    },
    /// The member was deleted.
    Disconnected,
}

impl Step {
    /// The step name used in `connect/loaded` and `connect/stepChange`
    /// (the React widget's step names, so host handlers keep working).
    pub fn id(&self) -> &'static str {
        match self {
            Step::Loading => "loading",
            Step::LoadError { .. } => "loadError",
            Step::Search(_) => "search",
            Step::InstitutionStatus => "institutionStatusDetails",
            Step::Credentials(_) => "enterCreds",
            Step::Connecting(_) => "connecting",
            Step::Mfa(_) => "mfa",
            Step::Connected => "connected",
            Step::LoginError { .. } | Step::ActionableError { .. } => "actionableError",
            Step::Disconnected => "deleteMemberSuccess",
        }
    }

    /// The path segment of `onAnalyticPageview` (inventory §12.5).
    pub fn pageview(&self) -> Option<&'static str> {
        Some(match self {
            Step::Loading => return None,
            Step::LoadError { not_found: true } => "/not_found_error",
            Step::LoadError { not_found: false } => "/generic_error",
            Step::Search(_) => "/search/popular",
            Step::InstitutionStatus => "/institution_status_details",
            Step::Credentials(c) => match c.mode {
                CredentialsMode::Create => "/credentials/create_credentials_form",
                CredentialsMode::Update { .. } => "/credentials/update_credentials_form",
            },
            Step::Connecting(_) => "/connecting",
            Step::Mfa(m) => match m.kind() {
                MfaKind::Text => "/mfa_default",
                MfaKind::Options => "/mfa_options",
                MfaKind::ImageOptions => "/mfa_image_options",
                MfaKind::AccountSelect => "/single_account_select",
            },
            Step::Connected => "/connected",
            Step::LoginError { .. } => "/login_error",
            Step::ActionableError { .. } => "/actionable_error",
            Step::Disconnected => "/delete_member/success",
        })
    }
}

/// A sub-view over the current step.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Support(SupportState),
    Disconnect(DisconnectState),
}

/// Something loaded for a step.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Load<T> {
    #[default]
    Loading,
    Ready(T),
    Failed,
}

/// Why a submit failed, reduced to what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitError {
    /// 403: the feature is not enabled for this partner.
    NotEnabled,
    /// 409 without a member to continue with, or 400/422: check what was typed.
    CheckInput,
    /// The host did not answer in time, or polling kept failing.
    Unreachable,
    /// Anything else.
    Generic,
}

impl SubmitError {
    pub fn from_host(error: &HostError) -> SubmitError {
        match error {
            HostError::TimedOut { .. } => SubmitError::Unreachable,
            HostError::Rejected { status: Some(403), .. } => SubmitError::NotEnabled,
            HostError::Rejected { status: Some(400 | 409 | 422), .. } => SubmitError::CheckInput,
            _ => SubmitError::Generic,
        }
    }

    /// i18n key of the message.
    pub fn message_key(&self) -> &'static str {
        match self {
            SubmitError::NotEnabled => "error.not_enabled",
            SubmitError::CheckInput => "error.check_input",
            SubmitError::Unreachable => "error.unreachable",
            SubmitError::Generic => "error.generic",
        }
    }
}

/// An institution in a result list.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub institution: Institution,
    pub unavailable: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub query: String,
    pub items: Vec<Listed>,
    pub page: u32,
    pub has_more: bool,
    pub loading_more: bool,
    pub load_more_failed: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub enum SearchView {
    /// No query: popular institutions (or their loading/failed state).
    #[default]
    Popular,
    Loading,
    Results(Results),
    NoResults {
        query: String,
    },
    Failed {
        query: String,
    },
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SearchState {
    pub query: String,
    pub view: SearchView,
    /// `None` while loading.
    pub popular: Option<Vec<Institution>>,
    pub popular_failed: bool,
    /// The institution being opened (`loadInstitutionByGuid`).
    pub selecting: Option<String>,
    /// The institution that could not be opened.
    pub select_failed: Option<String>,
}

impl SearchState {
    /// An institution shown on this step (popular list or results) by guid.
    pub fn listed(&self, guid: &str) -> Option<&Institution> {
        let results = match &self.view {
            SearchView::Results(r) => r.items.as_slice(),
            _ => &[],
        };
        self.popular.iter().flatten().chain(results.iter().map(|l| &l.institution)).find(|i| i.guid == guid)
    }
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
    /// i18n key of the notice shown above the form.
    pub fn message_key(self) -> &'static str {
        use ConnectionStatus::*;
        match self {
            UpdateReason::Code(2004) => "update.reason.reauthorize",
            UpdateReason::Code(_) => "update.reason.denied",
            UpdateReason::Status(Some(Prevented)) => "update.reason.prevented",
            UpdateReason::Status(Some(Denied)) => "update.reason.denied",
            UpdateReason::Status(Some(Imported | Impaired | Pending)) => "update.reason.missing",
            UpdateReason::Status(_) => "update.reason.generic",
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ConnectingPhase {
    #[default]
    Starting,
    Verifying,
    Syncing,
}

impl ConnectingPhase {
    pub fn message_key(self) -> &'static str {
        match self {
            ConnectingPhase::Starting => "connecting.starting",
            ConnectingPhase::Verifying => "connecting.verifying",
            ConnectingPhase::Syncing => "connecting.syncing",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ConnectingState {
    pub phase: ConnectingPhase,
    pub failures: u32,
    /// Set when the job could not start or polling kept failing: offer a retry.
    pub failed: Option<SubmitError>,
    pub job: Option<Job>,
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
        use crate::model::field_type;
        match self.challenges.first() {
            Some(c) if c.is_single_account_select() => MfaKind::AccountSelect,
            Some(c) if c.field_type == field_type::IMAGE_OPTIONS => MfaKind::ImageOptions,
            Some(c) if c.field_type == field_type::OPTIONS => MfaKind::Options,
            _ => MfaKind::Text,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportField {
    Email,
    Title,
    Message,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SupportState {
    pub needs_email: bool,
    pub submitting: bool,
    pub invalid: Vec<SupportField>,
    pub error: Option<SubmitError>,
    /// Set once sent: where the reply will go.
    pub sent_to: Option<String>,
    pub email: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct DisconnectState {
    pub submitting: bool,
    pub reason_missing: bool,
    pub error: Option<SubmitError>,
}

/// Reasons offered when disconnecting (i18n keys); the choice is reported as an analytic.
pub const DISCONNECT_REASONS: [&str; 4] = [
    "disconnect.reason.not_mine",
    "disconnect.reason.no_share",
    "disconnect.reason.cannot_connect",
    "disconnect.reason.other",
];
