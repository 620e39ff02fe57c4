//! The steps the machine can be in, and what every step must say about itself:
//! its name for the host, its pageview and whether it has a way back. Each is
//! an exhaustive `match`, so a new step cannot be added without deciding them.

use super::additional_product::Offer;
use super::connecting::ConnectingState;
use super::consent::{ConsentState, DisclosureState};
use super::credentials::{CredentialsMode, CredentialsState};
use super::disconnect::DisconnectState;
use super::institution_status::StatusState;
use super::manual_account::ManualAccountState;
use super::mfa::{MfaKind, MfaState};
use super::microdeposits::MicrodepositsState;
use super::oauth::{OAuthErrorReason, OAuthStartState, OAuthWaitState};
use super::search::SearchState;
use super::support::SupportState;
use super::survey::SurveyState;
use super::verification::ExistingState;
use crate::host::HostError;
use crate::i18n::Key;
use crate::model::{ActionableCode, ConnectionStatus};

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
    InstitutionStatus(StatusState),
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
    /// Verification mode: connections the user already has, to verify one of them.
    VerifyExisting(ExistingState),
    /// Verifying an account with two small deposits; its sub-views are `MdView`s.
    Microdeposits(Box<MicrodepositsState>),
    /// OAuth: where the user is going, and "Go to <bank>".
    OAuth(OAuthStartState),
    /// OAuth: the user is at the institution; polling its OAuth state.
    OAuthWaiting(OAuthWaitState),
    /// OAuth ended in ERRORED.
    OAuthError {
        reason: OAuthErrorReason,
    },
    /// Who gets which data, before anything else (`display_disclosure_in_connect`).
    Disclosure(DisclosureState),
    /// The user's consent to the data the connection reads (`CONNECT_CONSENT`).
    Consent(ConsentState),
    /// Another product offered before the login (`additional_product_option`).
    AdditionalProduct(Offer),
    /// A manual account: the type menu, the form, or the saved account.
    ManualAccount(ManualAccountState),
}

/// Where the back control leads from a step (before the stack is consulted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackRule {
    /// No back control: a start, an end, or the root of the flow.
    None,
    /// The previous step on the stack, or search when the stack is empty.
    Previous,
    /// Nowhere while a submit is on its way.
    NotWhileBusy,
    /// The step's previous sub-view (the step handles it).
    SubView,
}

impl Step {
    /// The step name used in `connect/loaded` and `connect/stepChange`
    /// (the React widget's step names, so host handlers keep working).
    pub fn id(&self) -> &'static str {
        match self {
            Step::Loading => "loading",
            Step::LoadError { .. } => "loadError",
            Step::Search(_) => "search",
            Step::InstitutionStatus(_) => "institutionStatusDetails",
            Step::Credentials(_) => "enterCreds",
            Step::Connecting(_) => "connecting",
            Step::Mfa(_) => "mfa",
            Step::Connected => "connected",
            Step::LoginError { .. } | Step::ActionableError { .. } => "actionableError",
            Step::Disconnected => "deleteMemberSuccess",
            Step::VerifyExisting(_) => "verifyExistingMember",
            Step::Microdeposits(_) => "microdeposits",
            // As in MX's widget, OAuth happens inside its credentials step.
            Step::OAuth(_) | Step::OAuthWaiting(_) => "enterCreds",
            Step::OAuthError { .. } => "oauthError",
            Step::Disclosure(_) => "disclosure",
            Step::Consent(_) => "consent",
            Step::AdditionalProduct(_) => "additionalProduct",
            Step::ManualAccount(_) => "addManualAccount",
        }
    }

    /// The path segment of `onAnalyticPageview` (the reference's paths).
    pub fn pageview(&self) -> Option<&'static str> {
        Some(match self {
            Step::Loading => return None,
            Step::LoadError { not_found: true } => "/not_found_error",
            Step::LoadError { not_found: false } => "/generic_error",
            Step::Search(_) => "/search/popular",
            Step::InstitutionStatus(_) => "/institution_status_details",
            Step::Credentials(c) => match c.mode {
                CredentialsMode::Create => "/credentials/create_credentials_form",
                CredentialsMode::Update { .. } => "/credentials/update_credentials_form",
            },
            Step::Connecting(_) => "/connecting",
            Step::Mfa(m) => match m.kind() {
                MfaKind::Text | MfaKind::Mixed => "/mfa_default",
                MfaKind::Options => "/mfa_options",
                MfaKind::ImageOptions => "/mfa_image_options",
                MfaKind::AccountSelect => "/single_account_select",
            },
            Step::Connected => "/connected",
            Step::LoginError { .. } => "/login_error",
            Step::ActionableError { .. } => "/actionable_error",
            Step::Disconnected => "/delete_member/success",
            Step::VerifyExisting(_) => "/verify_existing_member",
            Step::Microdeposits(m) => m.view.pageview(),
            Step::OAuth(_) => "/credentials/oauth_step/instructions",
            Step::OAuthWaiting(_) => "/credentials/oauth_step/waiting",
            Step::OAuthError { .. } => "/oauth_error",
            Step::Disclosure(_) => "/disclosure",
            Step::Consent(_) => "/dynamic_disclosure",
            Step::AdditionalProduct(_) => "/additional_product",
            Step::ManualAccount(m) => m.pageview(),
        })
    }

    pub fn back_rule(&self) -> BackRule {
        match self {
            Step::Loading
            | Step::LoadError { .. }
            | Step::Connected
            | Step::Disconnected
            | Step::VerifyExisting(_)
            | Step::Disclosure(_)
            | Step::ManualAccount(ManualAccountState::Saved { .. }) => BackRule::None,
            // Search is a root, unless it was opened over the list of existing connections.
            Step::Search(_) => BackRule::Previous,
            Step::Microdeposits(m) => m.back_rule(),
            Step::ManualAccount(ManualAccountState::Form(f)) if f.saving => BackRule::NotWhileBusy,
            Step::Credentials(_)
            | Step::Consent(_)
            | Step::AdditionalProduct(_)
            | Step::ManualAccount(ManualAccountState::Menu(_) | ManualAccountState::Form(_))
            | Step::InstitutionStatus(_)
            | Step::Connecting(_)
            | Step::Mfa(_)
            | Step::LoginError { .. }
            | Step::ActionableError { .. }
            | Step::OAuth(_)
            | Step::OAuthWaiting(_)
            | Step::OAuthError { .. } => BackRule::Previous,
        }
    }
}

/// A sub-view over the current step.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Support(SupportState),
    Disconnect(DisconnectState),
    /// The notice before another site opens (`show_external_link_popup`).
    Leaving {
        url: String,
    },
    /// The success survey, in place of the connected step.
    Survey(SurveyState),
    /// "About MX Technologies", over the consent step.
    AboutMx,
    /// The data requested, over the login form (`show_mx_branding`).
    DataAccess,
}

impl Overlay {
    /// Whether it is a modal dialog over the step (the others replace the step's view).
    pub fn is_dialog(&self) -> bool {
        match self {
            Overlay::Disconnect(_) | Overlay::Leaving { .. } | Overlay::AboutMx | Overlay::DataAccess => true,
            Overlay::Support(_) | Overlay::Survey(_) => false,
        }
    }
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

    /// The message the user reads.
    pub fn message_key(&self) -> Key {
        match self {
            SubmitError::NotEnabled => Key::ErrorNotEnabled,
            SubmitError::CheckInput => Key::ErrorCheckInput,
            SubmitError::Unreachable => Key::ErrorUnreachable,
            SubmitError::Generic => Key::ErrorGeneric,
        }
    }
}
