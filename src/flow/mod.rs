//! The pure step machine: `(Flow, Msg) -> (Flow, Vec<Effect>)`.
//!
//! All navigation lives here. Views report what the user did (`Msg`); host
//! answers and timers come back as `Msg` too; the machine answers with
//! `Effect`s (host calls, timers, events, pageviews, focus) that the runtime
//! carries out. No Leptos, no web-sys: it is tested natively.
//!
//! One file per domain (`search`, `credentials`, `connecting`, `mfa`,
//! `outcomes`, `support`, `disconnect`, `start`, `navigation`, `verification`,
//! `consent`, `institution_status`, `additional_product`, `suggested`,
//! `survey`, `external`, and the `oauth`, `microdeposits` and `manual_account`
//! folders): each holds its
//! step state, its own `Msg` and `Pending` enums (nested into the ones here)
//! and an `impl Flow` block with its handlers. This file only dispatches.
//!
//! Every host call and timer carries a `Token`. An answer is acted on only if
//! its token is still pending; a step change forgets all pending tokens, so a
//! late answer for a step the user has left is ignored.

pub mod additional_product;
pub mod analytics;
pub mod connecting;
pub mod consent;
pub mod credentials;
pub mod disconnect;
mod environment;
pub mod event;
pub mod external;
pub mod fact;
pub mod institution_status;
pub mod manual_account;
pub mod mfa;
pub mod microdeposits;
mod navigation;
mod notice;
pub mod oauth;
pub mod outcomes;
pub mod route;
pub mod search;
mod session;
pub mod start;
pub mod step;
pub mod suggested;
pub mod support;
pub mod survey;
pub mod verification;

pub use connecting::{ConnectingPhase, ConnectingState};
pub use credentials::{CredentialsMode, CredentialsState, UpdateReason};
pub use disconnect::{DisconnectState, DISCONNECT_REASONS};
pub use environment::{Environment, Settings};
pub use event::{InstitutionRef, WidgetEvent};
pub use fact::Fact;
pub use mfa::{MfaKind, MfaState};
pub use microdeposits::{MdView, MicrodepositsState};
pub use oauth::{OAuthErrorReason, OAuthStartState, OAuthWaitState};
pub use route::{Action, Allowed, ErrorScreen, Route};
pub use search::{Listed, Results, SearchState, SearchView};
pub use step::{Load, Overlay, Step, SubmitError};
pub use support::{is_email, SupportField, SupportState};
pub use verification::ExistingState;

pub use consent::{ConsentReceipt, ConsentState, DataCluster, DisclosureState};
pub use institution_status::{StatusCase, StatusState};
pub use manual_account::{ManualAccountState, ManualForm};
pub use notice::Notice;
pub use session::Session;
pub use survey::SurveyState;

use crate::host::{FromHost, HostCall, HostError};
use crate::model::{ClientConfig, ConnectionStatus, Institution, Member, Microdeposit};
use crate::small_map::SmallMap;
use serde_json::Value;

pub type Token = u64;

/// Everything that can happen to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Start(start::Msg),
    /// A host call finished: the JSON it resolved with, or why it failed.
    HostAnswered {
        token: Token,
        result: Result<Value, HostError>,
    },
    TimerFired {
        token: Token,
    },
    Search(search::Msg),
    Credentials(credentials::Msg),
    Connecting(connecting::Msg),
    Mfa(mfa::Msg),
    Outcome(outcomes::Msg),
    Support(support::Msg),
    Disconnect(disconnect::Msg),
    Verification(verification::Msg),
    Microdeposits(microdeposits::Msg),
    OAuth(oauth::Msg),
    Consent(consent::Msg),
    ManualAccount(manual_account::Msg),
    InstitutionStatus(institution_status::Msg),
    AdditionalProduct(additional_product::Msg),
    Survey(survey::Msg),
    External(external::Msg),
    Analytics(analytics::Msg),
    /// The back control, or the host's `navigateBack()`.
    Back,
}

/// `From<domain::X> for X` for each domain, so views and tests send
/// `search::Msg::Clear` and the machine stores `search::Pending::Popular`.
macro_rules! nest {
    ($outer:ident: $($domain:ident => $variant:ident),* $(,)?) => {$(
        impl From<$domain::$outer> for $outer {
            fn from(inner: $domain::$outer) -> $outer {
                $outer::$variant(inner)
            }
        }
    )*};
}

nest!(
    Msg: start => Start, search => Search, credentials => Credentials, connecting => Connecting, mfa => Mfa,
    outcomes => Outcome, support => Support, disconnect => Disconnect, oauth => OAuth,
);
nest!(Msg: verification => Verification, microdeposits => Microdeposits);
nest!(
    Msg: consent => Consent, manual_account => ManualAccount, institution_status => InstitutionStatus,
    additional_product => AdditionalProduct, survey => Survey, external => External, analytics => Analytics,
);

/// Something for the runtime to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Call {
        token: Token,
        call: HostCall,
    },
    Timer {
        token: Token,
        after_ms: u32,
    },
    /// A widget event for every output (`onPostMessage`, ...).
    Emit(WidgetEvent),
    /// `onAnalyticEvent(name, metadata)`.
    Analytic {
        name: &'static str,
        data: Value,
    },
    /// `onAnalyticPageview(path, metadata)`.
    Pageview {
        path: String,
        data: Value,
    },
    /// Open an external https URL in a new tab (`noopener`).
    OpenUrl(String),
    /// Open the OAuth window (inside the click that asked for it) and watch it:
    /// the runtime reports `oauth::Msg::WindowBlocked`, `WindowClosed` and the
    /// completion message (`WindowReported`).
    OpenOAuthWindow {
        url: String,
    },
    /// Close the OAuth window the widget opened, if it is still open.
    CloseOAuthWindow,
    /// Move focus to the current view's heading (step or sub-view changed).
    FocusHeading,
    /// Move focus to the first field marked invalid.
    FocusFirstInvalid,
    /// Remember what has focus (a dialog is opening over it).
    SaveFocus,
    /// Give focus back to what `SaveFocus` remembered (the dialog closed), or
    /// to the heading if that element is gone.
    RestoreFocus,
    /// A developer-facing console warning (never carries call arguments).
    Warn(String),
    /// A fact for the structured event stream (`onEvent`).
    Fact(Fact),
    /// Call one of the partner's optional callbacks (`onManualAccountAdded`, …).
    Notify(Notice),
    /// Send `event` only if the partner's `memberStatusUpdate.getHasStatusChanged`
    /// says the status changed between these members (as the host gave them).
    EmitIfChanged {
        event: WidgetEvent,
        current: Value,
        previous: Value,
    },
}

/// What a pending host call continues with, by domain.
#[derive(Clone, Debug)]
enum Pending {
    Start(start::Pending),
    Search(search::Pending),
    Credentials(credentials::Pending),
    Connecting(connecting::Pending),
    Mfa(mfa::Pending),
    Support(support::Pending),
    Disconnect(disconnect::Pending),
    Verification(verification::Pending),
    Microdeposits(microdeposits::Pending),
    OAuth(oauth::Pending),
    ManualAccount(manual_account::Pending),
    InstitutionStatus(institution_status::Pending),
    Suggested(suggested::Pending),
}

/// What a pending timer continues with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Timer {
    SearchDebounce,
    NextPoll,
    MicrodepositPoll,
    OAuthPoll,
    OAuthWaitLimit,
}

#[derive(Clone, Debug)]
enum Waiting {
    Answer { callback: &'static str, then: Pending },
    Timer(Timer),
}

/// A host call's answer, before it is read as the type its handler expects.
struct Answer {
    callback: &'static str,
    result: Result<Value, HostError>,
}

impl Answer {
    /// The answer as `T` (the handler's parameter type picks the decoder); a
    /// failure or an unreadable answer is logged for the developer.
    fn read<T: FromHost>(self, fx: &mut Vec<Effect>) -> Result<T, HostError> {
        let callback = self.callback;
        let result = self
            .result
            .and_then(|value| T::from_host(&value).map_err(|detail| HostError::Malformed { callback, detail }));
        if let Err(error) = &result {
            fx.push(Effect::Warn(format!("connect-widget: {error}")));
        }
        result
    }
}

/// The widget's whole state.
#[derive(Clone, Debug)]
pub struct Flow {
    pub config: ClientConfig,
    pub settings: Settings,
    pub env: Environment,
    /// The step stack; the last one is shown.
    pub stack: Vec<Step>,
    pub overlay: Option<Overlay>,
    pub institution: Option<Institution>,
    pub member: Option<Member>,
    pending: SmallMap<Token, Waiting>,
    next_token: Token,
    loaded_sent: bool,
    /// Whether a real step has been shown: the first one does not take focus.
    shown_once: bool,
    /// Last status seen per member, for `memberStatusUpdate` on real changes only.
    known_status: SmallMap<String, Option<ConnectionStatus>>,
    /// A microdeposit the partner created before (`current_microdeposit_guid`,
    /// PREINITIATED): its details prefill the account-number entry.
    pub microdeposit: Option<Microdeposit>,
    /// The MFA challenge the event stream follows.
    mfa_track: Option<fact::MfaTrack>,
    /// Disclosure, consent and the config before an additional product.
    pub session: Session,
    analytics: analytics::AnalyticsState,
    fields_prefetch: Option<credentials::FieldsPrefetch>,
}

impl Flow {
    pub fn new(config: ClientConfig, settings: Settings, env: Environment) -> Flow {
        Flow {
            config,
            settings,
            env,
            stack: vec![Step::Loading],
            overlay: None,
            institution: None,
            member: None,
            pending: SmallMap::new(),
            next_token: 1,
            loaded_sent: false,
            shown_once: false,
            known_status: SmallMap::new(),
            microdeposit: None,
            mfa_track: None,
            session: Session::default(),
            analytics: analytics::AnalyticsState::default(),
            fields_prefetch: None,
        }
    }

    pub fn step(&self) -> &Step {
        // The stack is never empty: every mutation replaces or pushes.
        self.stack.last().unwrap_or(&Step::Loading)
    }

    fn step_mut(&mut self) -> Option<&mut Step> {
        self.stack.last_mut()
    }

    /// How many host calls and timers are outstanding (bounded: a step change clears them).
    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// Whether an answer to `token` would still be acted on. The runtime
    /// cancels HTTP reads that nothing waits for any more (the user left the step).
    pub fn is_waiting_on(&self, token: Token) -> bool {
        self.pending.contains_key(&token)
    }

    pub fn search_allowed(&self) -> bool {
        !self.config.disable_institution_search
    }

    pub fn allowed(&self) -> Allowed {
        Allowed {
            search: self.search_allowed(),
            support: self.env.has("createSupportTicket") && self.env.partner.support_requests,
            website: self.institution.as_ref().and_then(Institution::website).is_some(),
            disconnect: self.env.has("deleteMember")
                && self.env.partner.delete_option
                && self.member.as_ref().is_some_and(|m| m.is_managed_by_user),
        }
    }

    /// Handle one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        let facts_before = self.before_update();
        let analytics_before = self.analytics_before(&msg);
        match msg {
            Msg::Start(msg) => self.on_start_msg(msg, &mut fx),
            Msg::HostAnswered { token, result } => {
                if let Some(Waiting::Answer { callback, then }) = self.take_pending(token) {
                    self.answered(then, Answer { callback, result }, &mut fx);
                }
            }
            Msg::TimerFired { token } => {
                if let Some(Waiting::Timer(timer)) = self.take_pending(token) {
                    match timer {
                        Timer::SearchDebounce => self.run_search(1, &mut fx),
                        Timer::NextPoll => self.poll(&mut fx),
                        Timer::MicrodepositPoll => self.poll_microdeposit(&mut fx),
                        Timer::OAuthPoll => self.oauth_poll(&mut fx),
                        Timer::OAuthWaitLimit => self.oauth_timed_out(&mut fx),
                    }
                }
            }
            Msg::Search(msg) => self.on_search_msg(msg, &mut fx),
            Msg::Credentials(msg) => self.on_credentials_msg(msg, &mut fx),
            Msg::Connecting(msg) => self.on_connecting_msg(msg, &mut fx),
            Msg::Mfa(msg) => self.on_mfa_msg(msg, &mut fx),
            Msg::Outcome(msg) => self.on_outcome_msg(msg, &mut fx),
            Msg::Support(msg) => self.on_support_msg(msg, &mut fx),
            Msg::Disconnect(msg) => self.on_disconnect_msg(msg, &mut fx),
            Msg::Verification(msg) => self.on_verification_msg(msg, &mut fx),
            Msg::Microdeposits(msg) => self.on_microdeposits_msg(msg, &mut fx),
            Msg::OAuth(msg) => self.on_oauth_msg(msg, &mut fx),
            Msg::Consent(msg) => self.on_consent_msg(msg, &mut fx),
            Msg::ManualAccount(msg) => self.on_manual_account_msg(msg, &mut fx),
            Msg::InstitutionStatus(msg) => self.on_institution_status_msg(msg, &mut fx),
            Msg::AdditionalProduct(msg) => self.on_additional_product_msg(msg, &mut fx),
            Msg::Survey(msg) => self.on_survey_msg(msg, &mut fx),
            Msg::External(msg) => self.on_external_msg(msg, &mut fx),
            Msg::Analytics(msg) => self.on_analytics_msg(msg, &mut fx),
            Msg::Back => {
                if !self.back(&mut fx) {
                    self.back_at_root(&mut fx);
                }
            }
        }
        self.derive_facts(facts_before, &mut fx);
        self.add_analytics(analytics_before, &mut fx);
        fx
    }

    fn answered(&mut self, then: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match then {
            Pending::Start(p) => self.on_start_answer(p, answer, fx),
            Pending::Search(p) => self.on_search_answer(p, answer, fx),
            Pending::Credentials(p) => self.on_credentials_answer(p, answer, fx),
            Pending::Connecting(p) => self.on_connecting_answer(p, answer, fx),
            Pending::Mfa(p) => self.on_mfa_answer(p, answer, fx),
            Pending::Support(p) => self.on_support_answer(p, answer, fx),
            Pending::Disconnect(p) => self.on_disconnect_answer(p, answer, fx),
            Pending::Verification(p) => self.on_verification_answer(p, answer, fx),
            Pending::Microdeposits(p) => self.on_microdeposits_answer(p, answer, fx),
            Pending::OAuth(p) => self.on_oauth_answer(p, answer, fx),
            Pending::ManualAccount(p) => self.on_manual_account_answer(p, answer, fx),
            Pending::InstitutionStatus(p) => self.on_institution_status_answer(p, answer, fx),
            Pending::Suggested(p) => self.on_suggested_answer(p, answer, fx),
        }
    }

    // ---- plumbing -------------------------------------------------------

    fn take_pending(&mut self, token: Token) -> Option<Waiting> {
        self.pending.remove(&token)
    }

    fn new_token(&mut self, waiting: Waiting) -> Token {
        let token = self.next_token;
        self.next_token += 1;
        self.pending.insert(token, waiting);
        token
    }

    fn call(&mut self, then: impl Into<Pending>, call: HostCall, fx: &mut Vec<Effect>) {
        self.call_token(then, call, fx);
    }

    /// `call`, giving the call's token.
    fn call_token(&mut self, then: impl Into<Pending>, call: HostCall, fx: &mut Vec<Effect>) -> Token {
        let token = self.new_token(Waiting::Answer { callback: call.name(), then: then.into() });
        fx.push(Effect::Call { token, call });
        token
    }

    /// Wait again for a call made earlier (forgotten by a step change), now for `then`.
    fn wait_for(&mut self, token: Token, callback: &'static str, then: impl Into<Pending>) {
        self.pending.insert(token, Waiting::Answer { callback, then: then.into() });
    }

    fn timer(&mut self, timer: Timer, after_ms: u32, fx: &mut Vec<Effect>) {
        let token = self.new_token(Waiting::Timer(timer));
        fx.push(Effect::Timer { token, after_ms });
    }

    /// Drop pending calls whose continuation matches, so their answers are ignored.
    fn forget_calls(&mut self, pred: impl Fn(&Pending) -> bool) {
        self.pending.retain(|_, w| !matches!(w, Waiting::Answer { then, .. } if pred(then)));
    }

    fn forget_timer(&mut self, timer: Timer) {
        self.pending.retain(|_, w| !matches!(w, Waiting::Timer(t) if *t == timer));
    }

    fn is_waiting_for(&self, pred: impl Fn(&Pending) -> bool) -> bool {
        self.pending.values().any(|w| matches!(w, Waiting::Answer { then, .. } if pred(then)))
    }

    fn emit(fx: &mut Vec<Effect>, event: WidgetEvent) {
        fx.push(Effect::Emit(event));
    }

    /// The status the widget has just been told counts as known: only a later
    /// change is a `memberStatusUpdate`.
    fn remember_status(&mut self, member: &Member) -> Option<Option<ConnectionStatus>> {
        self.known_status.insert(member.guid.clone(), member.connection_status)
    }

    /// Whether this institution cannot be connected here (aggregator status,
    /// blocked by the client, or listed by the host as unavailable).
    pub fn is_unavailable(&self, institution: &Institution) -> bool {
        self.status_case(institution).is_some()
    }
}

nest!(
    Pending: start => Start, search => Search, credentials => Credentials, connecting => Connecting, mfa => Mfa,
    support => Support, disconnect => Disconnect, oauth => OAuth,
);
nest!(Pending: verification => Verification, microdeposits => Microdeposits);
nest!(Pending: manual_account => ManualAccount, institution_status => InstitutionStatus, suggested => Suggested);
