//! The widget's events: one variant per event, with its payload typed. The
//! machine builds them; every output (the in-page `onPostMessage`, and the
//! iframe, custom-element and event-stream adapters) renders them through
//! `name` and `payload`, so an event is defined once.

use super::consent::ConsentReceipt;
use crate::model::{Institution, Member};
use serde_json::{json, Value};

/// `{code, guid}` of the institution an event is about.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct InstitutionRef {
    pub guid: Option<String>,
    pub code: Option<String>,
}

impl InstitutionRef {
    pub fn of(institution: Option<&Institution>) -> InstitutionRef {
        match institution {
            Some(i) => InstitutionRef { guid: Some(i.guid.clone()), code: i.code.clone() },
            None => InstitutionRef::default(),
        }
    }
}

macro_rules! widget_events {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal $({ $($field:ident : $ty:ty),* $(,)? })? ),* $(,)?) => {
        /// Everything the widget tells its host.
        #[derive(Clone, Debug, PartialEq)]
        pub enum WidgetEvent {
            $( $(#[$doc])* $variant $({ $($field: $ty),* })? ),*
        }

        impl WidgetEvent {
            /// Every event name, in the order of the README's table.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The name as MX's React widget passes it to `onPostMessage`
            /// (the iframe protocol prefixes `mx/`).
            pub fn name(&self) -> &'static str {
                match self {
                    $( WidgetEvent::$variant { .. } => $name ),*
                }
            }
        }
    };
}

widget_events! {
    /// The first step is shown.
    Loaded = "connect/loaded" { initial_step: &'static str },
    /// Every later step change.
    StepChange = "connect/stepChange" { previous: &'static str, current: &'static str },
    /// A search runs.
    InstitutionSearch = "connect/institutionSearch" { query: String },
    /// An institution is picked.
    SelectedInstitution = "connect/selectedInstitution" {
        code: Option<String>, guid: String, name: String, url: Option<String>,
    },
    /// Credentials submitted for a new member.
    EnterCredentials = "connect/enterCredentials" { institution: InstitutionRef },
    /// Credentials submitted for an existing member.
    UpdateCredentials = "connect/updateCredentials" { member_guid: String, institution: InstitutionRef },
    /// Creating or updating a member failed.
    CreateMemberError = "connect/createMemberError" { institution: InstitutionRef },
    /// A polled member's status really changed.
    MemberStatusUpdate = "connect/memberStatusUpdate" {
        member_guid: String, connection_status: Option<i64>,
    },
    /// An MFA answer is submitted.
    SubmitMfa = "connect/submitMFA" { member_guid: String },
    /// The user is sent to the institution's OAuth page (in a webview, the host opens `url`).
    OAuthRequested = "connect/oauthRequested" { url: String, member_guid: String },
    /// OAuth ended in an error (`error_reason`: `CANCELLED`, `DENIED`, ...).
    OAuthError = "connect/oauthError" { member_guid: String, error_reason: &'static str },
    /// Connected and aggregated; with what the user consented to, when asked.
    MemberConnected = "connect/memberConnected" {
        member_guid: String, user_guid: Option<String>, consent: Option<ConsentReceipt>,
    },
    /// "Done" on the connected step.
    ConnectedPrimaryAction = "connect/connected/primaryAction",
    /// A member is in an error state.
    MemberError = "connect/memberError" { member_guid: String, connection_status: Option<i64> },
    /// An actionable error code is shown.
    InvalidData = "connect/invalidData" { member_guid: String, code: u16 },
    /// A member was disconnected.
    MemberDeleted = "connect/memberDeleted" { member_guid: String },
    /// The user goes back to institution search (`context`: after a manual account).
    BackToSearch = "connect/backToSearch" { context: Option<&'static str> },
    /// The back control on the first step, with `show_back_button`.
    BackButtonClicked = "connect/backButtonClicked",
    /// Microdeposit verification opened, on this sub-view (`routingNumber`, `comeBack`, ...).
    MicrodepositsLoaded = "connect/microdeposits/loaded" { initial_step: &'static str },
    /// The routing number cannot be used for microdeposits (`reason`: the host's `reason_name`).
    MicrodepositsBlockedRoutingNumber = "connect/microdeposits/blockedRoutingNumber" {
        routing_number: String, reason: String,
    },
    /// Account details were sent and the deposits requested.
    MicrodepositsDetailsSubmitted = "connect/microdeposits/detailsSubmitted" { microdeposit_guid: String },
    /// "Done" on the "check back soon" sub-view.
    MicrodepositsComeBackPrimaryAction = "connect/microdeposits/comeBack/primaryAction" { microdeposit_guid: String },
    /// The amounts were right: the account is verified.
    MicrodepositsVerified = "connect/microdeposits/verified" { microdeposit_guid: String },
    /// "Done" after verification.
    MicrodepositsVerifiedPrimaryAction = "connect/microdeposits/verified/primaryAction" { microdeposit_guid: String },
    /// "Done" on a microdeposit error (locked, expired, failed); `status` is the status's name.
    MicrodepositsErrorPrimaryAction = "connect/microdeposits/error/primaryAction" { status: &'static str, guid: String },
}

impl WidgetEvent {
    /// `connect/selectedInstitution` for a picked institution.
    pub fn selected(institution: Institution) -> WidgetEvent {
        WidgetEvent::SelectedInstitution {
            code: institution.code,
            guid: institution.guid,
            name: institution.name,
            url: institution.url,
        }
    }

    pub fn member_error(member: &Member) -> WidgetEvent {
        WidgetEvent::MemberError { member_guid: member.guid.clone(), connection_status: member.status_code() }
    }

    /// The event's data, as `onPostMessage` receives it.
    pub fn payload(&self) -> Value {
        match self {
            WidgetEvent::Loaded { initial_step } => json!({ "initial_step": initial_step }),
            WidgetEvent::StepChange { previous, current } => json!({ "previous": previous, "current": current }),
            WidgetEvent::InstitutionSearch { query } => json!({ "query": query }),
            WidgetEvent::SelectedInstitution { code, guid, name, url } => {
                json!({ "code": code, "guid": guid, "name": name, "url": url })
            }
            WidgetEvent::EnterCredentials { institution } => json!({ "institution": institution_json(institution) }),
            WidgetEvent::UpdateCredentials { member_guid, institution } => {
                json!({ "member_guid": member_guid, "institution": institution_json(institution) })
            }
            WidgetEvent::CreateMemberError { institution } => {
                json!({ "institution_guid": institution.guid, "institution_code": institution.code })
            }
            WidgetEvent::MemberStatusUpdate { member_guid, connection_status } => {
                // Only sent with a number (see `connecting::polled`); never `null`.
                let mut data = json!({ "member_guid": member_guid });
                if let Some(code) = connection_status {
                    data["connection_status"] = json!(code);
                }
                data
            }
            WidgetEvent::SubmitMfa { member_guid } | WidgetEvent::MemberDeleted { member_guid } => {
                json!({ "member_guid": member_guid })
            }
            WidgetEvent::MemberConnected { member_guid, user_guid, consent } => {
                let mut data = json!({ "member_guid": member_guid, "user_guid": user_guid });
                if let Some(receipt) = consent {
                    data["consent"] = receipt.to_json();
                }
                data
            }
            WidgetEvent::BackToSearch { context: Some(context) } => json!({ "context": context }),
            WidgetEvent::ConnectedPrimaryAction
            | WidgetEvent::BackToSearch { context: None }
            | WidgetEvent::BackButtonClicked => json!({}),
            WidgetEvent::MemberError { member_guid, connection_status } => {
                let mut member = json!({ "guid": member_guid });
                if let Some(code) = connection_status {
                    member["connection_status"] = json!(code);
                }
                json!({ "member": member })
            }
            WidgetEvent::InvalidData { member_guid, code } => json!({ "member_guid": member_guid, "code": code }),
            WidgetEvent::MicrodepositsLoaded { initial_step } => json!({ "initial_step": initial_step }),
            WidgetEvent::MicrodepositsBlockedRoutingNumber { routing_number, reason } => {
                json!({ "routing_number": routing_number, "reason": reason })
            }
            WidgetEvent::MicrodepositsDetailsSubmitted { microdeposit_guid }
            | WidgetEvent::MicrodepositsComeBackPrimaryAction { microdeposit_guid }
            | WidgetEvent::MicrodepositsVerified { microdeposit_guid }
            | WidgetEvent::MicrodepositsVerifiedPrimaryAction { microdeposit_guid } => {
                json!({ "microdeposit_guid": microdeposit_guid })
            }
            WidgetEvent::MicrodepositsErrorPrimaryAction { status, guid } => json!({ "status": status, "guid": guid }),
            WidgetEvent::OAuthRequested { url, member_guid } => json!({ "url": url, "member_guid": member_guid }),
            WidgetEvent::OAuthError { member_guid, error_reason } => {
                json!({ "member_guid": member_guid, "error_reason": error_reason })
            }
        }
    }
}

fn institution_json(institution: &InstitutionRef) -> Value {
    json!({ "code": institution.code, "guid": institution.guid })
}
