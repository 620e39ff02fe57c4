//! The pure step machine: `(Flow, Msg) -> (Flow, Vec<Effect>)`.
//!
//! All navigation lives here. Views report what the user did (`Msg`); host
//! replies and timers come back as `Msg` too; the machine answers with
//! `Effect`s (host calls, timers, events, pageviews, focus) that the runtime
//! carries out. No Leptos, no web-sys: it is tested natively, table by table.
//!
//! Every host call and timer carries a `Token`. A reply is acted on only if
//! its token is still pending; a step change forgets all pending tokens, so a
//! late answer for a step the user has left is ignored.

pub mod route;
mod steps;

pub use route::{Action, Allowed, ErrorScreen, Route};
pub use steps::*;

use crate::host::{HostCall, HostError, Reply};
use crate::model::{ClientConfig, ConnectionStatus, Institution, Member, Secret};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub type Token = u64;

/// Timings and sizes; options so tests run in milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub poll_interval_ms: u32,
    pub search_debounce_ms: u32,
    pub per_page: u32,
    /// Consecutive failed polls before the connecting step offers a retry.
    pub poll_failures_allowed: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { poll_interval_ms: 3000, search_debounce_ms: 400, per_page: 25, poll_failures_allowed: 3 }
    }
}

/// What the partner's environment offers, fixed at mount.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Environment {
    /// Optional host callbacks that exist (`createSupportTicket`, `deleteMember`, ...).
    pub available_callbacks: Vec<&'static str>,
    /// `profiles.user.email`, so the support form need not ask for it.
    pub user_email: Option<String>,
    /// `experimentalFeatures.unavailableInstitutions` (guid or name).
    pub unavailable_institutions: Vec<String>,
}

impl Environment {
    pub fn has(&self, callback: &str) -> bool {
        self.available_callbacks.contains(&callback)
    }
}

/// Everything that can happen to the widget.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // messages are short-lived; boxing buys nothing
pub enum Msg {
    /// The widget was mounted.
    Start,
    /// A host call finished.
    Reply {
        token: Token,
        result: Result<Reply, HostError>,
    },
    /// A timer fired.
    Timer {
        token: Token,
    },
    // Search
    SearchTyped(String),
    SearchNow,
    ClearSearch,
    LoadMore,
    RetrySearch,
    Select(String),
    // Credentials
    SubmitCredentials(Vec<(String, Secret)>),
    RetryLoadFields,
    // Connecting
    RetryConnecting,
    // MFA
    SubmitMfaAnswers(Vec<(String, Secret)>),
    SubmitMfaChoice(Option<String>),
    // Results and errors
    Done,
    Act(Action),
    RetryLoad,
    // Support
    OpenSupport,
    CloseSupport,
    SubmitSupport {
        email: String,
        title: String,
        message: String,
    },
    // Disconnect
    OpenDisconnect,
    CancelDisconnect,
    ConfirmDisconnect {
        reason: Option<String>,
    },
    /// The back control, or the host's `navigateBack()`.
    Back,
}

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
    /// `onPostMessage(event, data)`.
    Emit {
        event: &'static str,
        data: Value,
    },
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
    /// Move focus to the current view's heading (step or sub-view changed).
    FocusHeading,
    /// Move focus to the first field marked invalid.
    FocusFirstInvalid,
    /// Remember what has focus (a dialog is opening over it).
    SaveFocus,
    /// Give focus back to what `SaveFocus` remembered (the dialog closed), or
    /// to the heading if that element is gone.
    RestoreFocus,
}

/// What a pending token is waiting for.
#[derive(Clone, Debug)]
enum Pending {
    StartMember,
    StartInstitution,
    StartMembers,
    Popular,
    Search { page: u32 },
    SelectInstitution,
    Fields,
    AddMember { credentials: Vec<(String, Secret)> },
    ExistingMember { credentials: Vec<(String, Secret)> },
    UpdateMember,
    RunJob,
    Poll,
    PollJob,
    PollTimer,
    SearchDebounce,
    UpdateMfa,
    Support,
    Delete,
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
    pub members: Vec<Member>,
    /// Ids of the shown step and sub-view; changes move focus to the heading.
    pub view_serial: u64,
    pending: BTreeMap<Token, Pending>,
    next_token: Token,
    loaded_sent: bool,
    /// Last status seen per member, for `memberStatusUpdate` on real changes only.
    known_status: BTreeMap<String, Option<ConnectionStatus>>,
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
            members: Vec::new(),
            view_serial: 0,
            pending: BTreeMap::new(),
            next_token: 1,
            loaded_sent: false,
            known_status: BTreeMap::new(),
        }
    }

    pub fn step(&self) -> &Step {
        // The stack is never empty: every mutation replaces or pushes.
        self.stack.last().unwrap_or(&Step::Loading)
    }

    fn step_mut(&mut self) -> Option<&mut Step> {
        self.stack.last_mut()
    }

    /// Whether a back control makes sense right now.
    pub fn can_go_back(&self) -> bool {
        if self.overlay.is_some() {
            return true;
        }
        match self.step() {
            Step::Loading | Step::LoadError { .. } | Step::Connected | Step::Disconnected => false,
            Step::Search(_) => false,
            Step::Credentials(c) if c.submitting => false,
            _ => self.stack.len() > 1 || self.search_allowed(),
        }
    }

    pub fn search_allowed(&self) -> bool {
        !self.config.disable_institution_search
    }

    pub fn allowed(&self) -> Allowed {
        Allowed {
            search: self.search_allowed(),
            support: self.env.has("createSupportTicket"),
            website: self.institution.as_ref().and_then(Institution::website).is_some(),
            disconnect: self.env.has("deleteMember") && self.member.as_ref().is_some_and(|m| m.is_managed_by_user),
        }
    }

    /// Handle one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        match msg {
            Msg::Start => self.start(&mut fx),
            Msg::Reply { token, result } => {
                if let Some(pending) = self.pending.remove(&token) {
                    self.on_reply(pending, result, &mut fx);
                }
            }
            Msg::Timer { token } => {
                if let Some(pending) = self.pending.remove(&token) {
                    self.on_timer(pending, &mut fx);
                }
            }
            Msg::SearchTyped(q) => self.search_typed(q, &mut fx),
            Msg::SearchNow => self.search_now(&mut fx),
            Msg::ClearSearch => self.clear_search(&mut fx),
            Msg::LoadMore => self.load_more(&mut fx),
            Msg::RetrySearch => self.retry_search(&mut fx),
            Msg::Select(guid) => self.select(guid, &mut fx),
            Msg::SubmitCredentials(values) => self.submit_credentials(values, &mut fx),
            Msg::RetryLoadFields => self.load_fields(&mut fx),
            Msg::RetryConnecting => {
                if let Some(member) = self.member.clone() {
                    self.begin_connecting(member, true, &mut fx);
                }
            }
            Msg::SubmitMfaAnswers(answers) => self.submit_mfa_answers(answers, &mut fx),
            Msg::SubmitMfaChoice(choice) => self.submit_mfa_choice(choice, &mut fx),
            Msg::Done => self.done(&mut fx),
            Msg::Act(action) => self.act(action, &mut fx),
            Msg::RetryLoad => self.start(&mut fx),
            Msg::OpenSupport => self.open_support(&mut fx),
            Msg::CloseSupport => self.close_overlay(&mut fx),
            Msg::SubmitSupport { email, title, message } => self.submit_support(email, title, message, &mut fx),
            Msg::OpenDisconnect => self.open_disconnect(&mut fx),
            Msg::CancelDisconnect => self.close_overlay(&mut fx),
            Msg::ConfirmDisconnect { reason } => self.confirm_disconnect(reason, &mut fx),
            Msg::Back => {
                self.back(&mut fx);
            }
        }
        fx
    }

    /// Host-driven back (`navigateBack()`, `mx/navigation`): whether it went back.
    pub fn navigate_back(&mut self) -> (bool, Vec<Effect>) {
        let mut fx = Vec::new();
        let went = self.can_go_back() && self.back(&mut fx);
        (went, fx)
    }

    // ---- plumbing -------------------------------------------------------

    fn call(&mut self, pending: Pending, call: HostCall, fx: &mut Vec<Effect>) -> Token {
        let token = self.next_token;
        self.next_token += 1;
        self.pending.insert(token, pending);
        fx.push(Effect::Call { token, call });
        token
    }

    fn timer(&mut self, pending: Pending, after_ms: u32, fx: &mut Vec<Effect>) -> Token {
        let token = self.next_token;
        self.next_token += 1;
        self.pending.insert(token, pending);
        fx.push(Effect::Timer { token, after_ms });
        token
    }

    fn forget(&mut self, pred: impl Fn(&Pending) -> bool) {
        self.pending.retain(|_, p| !pred(p));
    }

    fn emit(fx: &mut Vec<Effect>, event: &'static str, data: Value) {
        fx.push(Effect::Emit { event, data });
    }

    fn institution_ref(&self) -> Value {
        match &self.institution {
            Some(i) => json!({"code": i.code, "guid": i.guid}),
            None => json!({"code": null, "guid": null}),
        }
    }

    fn sub_view_changed(&mut self, fx: &mut Vec<Effect>) {
        self.view_serial += 1;
        fx.push(Effect::FocusHeading);
    }

    /// Show `step`: `Nav::Push` on top, `Nav::Replace` the top, `Nav::Reset` the
    /// whole stack. Sends `loaded` or `stepChange`, a pageview, and moves focus.
    fn show(&mut self, step: Step, nav: Nav, fx: &mut Vec<Effect>) {
        let previous = self.step().id();
        self.pending.clear();
        self.overlay = None;
        match nav {
            Nav::Push => self.stack.push(step),
            Nav::Replace => {
                self.stack.pop();
                self.stack.push(step);
            }
            Nav::Reset => self.stack = vec![step],
        }
        self.after_step_change(previous, fx);
    }

    fn after_step_change(&mut self, previous: &'static str, fx: &mut Vec<Effect>) {
        let current = self.step().id();
        if !self.loaded_sent {
            if current != "loading" {
                self.loaded_sent = true;
                Self::emit(fx, "connect/loaded", json!({"initial_step": current}));
            }
        } else if previous != current {
            Self::emit(fx, "connect/stepChange", json!({"previous": previous, "current": current}));
        }
        if let Some(segment) = self.step().pageview() {
            let path = format!("/connect/{}{}", self.config.mode.name(), segment);
            fx.push(Effect::Pageview { path, data: self.pageview_metadata() });
        }
        // The first step does not take focus: the widget must not pull focus
        // (and scroll) away from the host page just by appearing.
        if previous == "loading" && current != "loading" && self.view_serial == 0 {
            self.view_serial += 1;
        } else {
            self.sub_view_changed(fx);
        }
    }

    fn pageview_metadata(&self) -> Value {
        let mut data = json!({});
        if let Some(i) = &self.institution {
            data["institution_guid"] = json!(i.guid);
            data["institution_name"] = json!(i.name);
        }
        if let Some(status) = self.member.as_ref().and_then(|m| m.connection_status) {
            data["connection_status"] = json!(status.code());
            data["readable_status"] = json!(status.name());
        }
        data
    }

    fn back(&mut self, fx: &mut Vec<Effect>) -> bool {
        if self.overlay.is_some() {
            self.close_overlay(fx);
            return true;
        }
        if self.stack.len() > 1 {
            let previous = self.step().id();
            self.pending.clear();
            self.stack.pop();
            if matches!(self.step(), Step::Search(_)) {
                self.institution = None;
                self.member = None;
                Self::emit(fx, "connect/backToSearch", json!({}));
            }
            self.resume_step(fx);
            self.after_step_change(previous, fx);
            true
        } else if self.search_allowed() && !matches!(self.step(), Step::Search(_)) {
            self.back_to_search(fx);
            true
        } else {
            false
        }
    }

    /// Re-arm what a step shown again needs (its in-flight calls were forgotten).
    fn resume_step(&mut self, fx: &mut Vec<Effect>) {
        match self.step_mut() {
            Some(Step::Search(s)) => {
                s.selecting = None;
                if s.popular.is_none() || matches!(s.view, SearchView::Loading) {
                    s.view = SearchView::Popular;
                    self.load_popular(fx);
                }
            }
            Some(Step::Credentials(c)) => {
                c.submitting = false;
                if matches!(c.fields, Load::Loading) {
                    self.load_fields(fx);
                }
            }
            _ => {}
        }
    }

    fn back_to_search(&mut self, fx: &mut Vec<Effect>) {
        self.institution = None;
        self.member = None;
        Self::emit(fx, "connect/backToSearch", json!({}));
        // Keep an existing search step (its results) when there is one below.
        if let Some(pos) = self.stack.iter().position(|s| matches!(s, Step::Search(_))) {
            let previous = self.step().id();
            self.pending.clear();
            self.overlay = None;
            self.stack.truncate(pos + 1);
            self.resume_step(fx);
            self.after_step_change(previous, fx);
        } else {
            self.show(Step::Search(SearchState::default()), Nav::Reset, fx);
            self.load_popular(fx);
        }
    }

    // ---- start ----------------------------------------------------------

    fn start(&mut self, fx: &mut Vec<Effect>) {
        let previous = self.step().id();
        self.pending.clear();
        self.stack = vec![Step::Loading];
        if previous != "loading" {
            self.sub_view_changed(fx);
        }
        if let Some(guid) = self.config.current_member_guid.clone() {
            self.call(Pending::StartMember, HostCall::LoadMemberByGuid { guid }, fx);
        } else if let Some(guid) = self.config.current_institution_guid.clone() {
            self.call(Pending::StartInstitution, HostCall::LoadInstitutionByGuid { guid }, fx);
        } else if let Some(code) = self.config.current_institution_code.clone() {
            self.call(Pending::StartInstitution, HostCall::LoadInstitutionByCode { code }, fx);
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
        self.known_status.insert(member.guid.clone(), member.connection_status);
        let institution_call = match (&member.institution_guid, &member.institution_code) {
            (Some(guid), _) => HostCall::LoadInstitutionByGuid { guid: guid.clone() },
            (None, Some(code)) => HostCall::LoadInstitutionByCode { code: code.clone() },
            (None, None) => {
                self.member = Some(member);
                let error =
                    HostError::Malformed { callback: "loadMemberByGuid", detail: "member has no institution".into() };
                self.load_failed(&error, fx);
                return;
            }
        };
        self.member = Some(member);
        self.call(Pending::StartInstitution, institution_call, fx);
        if self.env.has("loadMembers") {
            self.call(Pending::StartMembers, HostCall::LoadMembers, fx);
        }
    }

    fn start_institution_loaded(&mut self, institution: Institution, fx: &mut Vec<Effect>) {
        let unavailable = self.is_unavailable(&institution);
        self.institution = Some(institution);
        if unavailable {
            self.show(Step::InstitutionStatus, Nav::Reset, fx);
            return;
        }
        let Some(member) = self.member.clone() else {
            self.show_create_credentials(Nav::Reset, fx);
            return;
        };
        // Inventory §4.2, first matching rule wins.
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
            self.show(Step::Connecting(ConnectingState::default()), Nav::Reset, fx);
            self.begin_connecting(member, false, fx);
        } else {
            self.follow_route(member, Nav::Reset, fx);
        }
    }

    /// Whether this institution cannot be connected here (aggregator status,
    /// blocked by the client, or listed by the host as unavailable).
    pub fn is_unavailable(&self, institution: &Institution) -> bool {
        institution.is_unavailable()
            || institution.is_disabled_by_client
            || self
                .env
                .unavailable_institutions
                .iter()
                .any(|u| u == &institution.guid || u.eq_ignore_ascii_case(&institution.name))
    }

    // ---- search ---------------------------------------------------------

    fn search_state(&mut self) -> Option<&mut SearchState> {
        match self.step_mut() {
            Some(Step::Search(s)) => Some(s),
            _ => None,
        }
    }

    fn load_popular(&mut self, fx: &mut Vec<Effect>) {
        let call = HostCall::LoadPopularInstitutions {
            per_page: self.settings.per_page,
            iso_country_code: self.config.iso_country_code.clone(),
            filters: self.config.product_filters(),
        };
        if let Some(s) = self.search_state() {
            s.popular_failed = false;
        }
        self.call(Pending::Popular, call, fx);
    }

    fn search_typed(&mut self, query: String, fx: &mut Vec<Effect>) {
        let Some(s) = self.search_state() else { return };
        s.query = query;
        let trimmed = s.query.trim().chars().count();
        self.forget(|p| matches!(p, Pending::SearchDebounce | Pending::Search { .. }));
        if trimmed == 0 {
            self.clear_search(fx);
        } else if trimmed >= 2 {
            let after = self.settings.search_debounce_ms;
            self.timer(Pending::SearchDebounce, after, fx);
        }
    }

    fn search_now(&mut self, fx: &mut Vec<Effect>) {
        self.forget(|p| matches!(p, Pending::SearchDebounce | Pending::Search { .. }));
        self.run_search(1, fx);
    }

    fn retry_search(&mut self, fx: &mut Vec<Effect>) {
        let popular_failed =
            self.search_state().is_some_and(|s| matches!(s.view, SearchView::Popular) && s.popular_failed);
        if popular_failed {
            self.load_popular(fx);
        } else {
            self.search_now(fx);
        }
    }

    fn clear_search(&mut self, fx: &mut Vec<Effect>) {
        self.forget(|p| matches!(p, Pending::SearchDebounce | Pending::Search { .. }));
        let needs_popular = match self.search_state() {
            Some(s) => {
                s.query.clear();
                s.view = SearchView::Popular;
                s.popular.is_none()
            }
            None => false,
        };
        if needs_popular && !self.pending.values().any(|p| matches!(p, Pending::Popular)) {
            self.load_popular(fx);
        }
    }

    fn load_more(&mut self, fx: &mut Vec<Effect>) {
        let next = match self.search_state() {
            Some(SearchState { view: SearchView::Results(r), .. }) if r.has_more && !r.loading_more => {
                r.loading_more = true;
                r.load_more_failed = false;
                r.page + 1
            }
            _ => return,
        };
        self.run_search(next, fx);
    }

    fn run_search(&mut self, page: u32, fx: &mut Vec<Effect>) {
        let per_page = self.settings.per_page;
        let iso_country_code = self.config.iso_country_code.clone();
        let filters = self.config.product_filters();
        let Some(s) = self.search_state() else { return };
        let query = s.query.trim().to_string();
        if query.chars().count() < 2 {
            return;
        }
        if page == 1 {
            s.view = SearchView::Loading;
            Self::emit(fx, "connect/institutionSearch", json!({"query": query}));
        }
        // Nine digits is a routing number (inventory §10).
        let is_routing = query.len() == 9 && query.chars().all(|c| c.is_ascii_digit());
        let q = crate::host::InstitutionQuery {
            search_name: (!is_routing).then(|| query.clone()),
            routing_number: is_routing.then(|| query.clone()),
            page,
            per_page,
            iso_country_code,
            filters,
        };
        self.call(Pending::Search { page }, HostCall::LoadInstitutions(q), fx);
    }

    fn on_search_results(&mut self, page: u32, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        let per_page = self.settings.per_page as usize;
        match result {
            Ok(Reply::Institutions(items)) => {
                let unavailable: Vec<bool> = items.iter().map(|i| self.is_unavailable(i)).collect();
                let query = self.search_state().map(|s| s.query.trim().to_string()).unwrap_or_default();
                let Some(s) = self.search_state() else { return };
                let has_more = items.len() >= per_page && per_page > 0;
                let marked: Vec<Listed> = items
                    .into_iter()
                    .zip(unavailable)
                    .map(|(institution, unavailable)| Listed { institution, unavailable })
                    .collect();
                if page == 1 {
                    s.view = if marked.is_empty() {
                        SearchView::NoResults { query: query.clone() }
                    } else {
                        SearchView::Results(Results {
                            query: query.clone(),
                            items: marked,
                            page,
                            has_more,
                            loading_more: false,
                            load_more_failed: false,
                        })
                    };
                    let data = json!({"search_term": query});
                    let segment = if matches!(s.view, SearchView::NoResults { .. }) {
                        "/search/no_results"
                    } else {
                        "/search/searched"
                    };
                    fx.push(Effect::Pageview {
                        path: format!("/connect/{}{}", self.config.mode.name(), segment),
                        data,
                    });
                } else if let SearchView::Results(r) = &mut s.view {
                    r.items.extend(marked);
                    r.page = page;
                    r.has_more = has_more;
                    r.loading_more = false;
                }
            }
            Ok(_) | Err(_) => {
                let Some(s) = self.search_state() else { return };
                if page == 1 {
                    s.view = SearchView::Failed { query: s.query.trim().to_string() };
                } else if let SearchView::Results(r) = &mut s.view {
                    r.loading_more = false;
                    r.load_more_failed = true;
                }
            }
        }
    }

    fn select(&mut self, guid: String, fx: &mut Vec<Effect>) {
        let Some(s) = self.search_state() else { return };
        if s.selecting.is_some() {
            return;
        }
        let Some(listed) = s.listed(&guid).cloned() else { return };
        s.selecting = Some(guid.clone());
        s.select_failed = None;
        Self::emit(
            fx,
            "connect/selectedInstitution",
            json!({"code": listed.code, "guid": listed.guid, "name": listed.name, "url": listed.url}),
        );
        self.call(Pending::SelectInstitution, HostCall::LoadInstitutionByGuid { guid }, fx);
    }

    fn on_institution_selected(&mut self, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(Reply::Institution(institution)) => {
                let unavailable = self.is_unavailable(&institution);
                if let Some(s) = self.search_state() {
                    s.selecting = None;
                }
                self.institution = Some(institution);
                self.member = None;
                if unavailable {
                    self.show(Step::InstitutionStatus, Nav::Push, fx);
                } else {
                    self.show_create_credentials(Nav::Push, fx);
                }
            }
            Ok(_) | Err(_) => {
                if let Some(s) = self.search_state() {
                    s.select_failed = s.selecting.take();
                }
            }
        }
    }

    // ---- credentials ----------------------------------------------------

    fn show_create_credentials(&mut self, nav: Nav, fx: &mut Vec<Effect>) {
        self.show(Step::Credentials(CredentialsState::new(CredentialsMode::Create, None)), nav, fx);
        self.load_fields(fx);
    }

    /// Update credentials for the current member; `notice` says why.
    fn show_update_credentials(&mut self, notice: Option<Option<ConnectionStatus>>, nav: Nav, fx: &mut Vec<Effect>) {
        let Some(member) = self.member.clone() else { return };
        if notice.is_some() {
            self.emit_member_error(&member, fx);
        }
        let reason = match (notice, member.error_code()) {
            (_, Some(code @ (2004 | 2005))) => Some(UpdateReason::Code(code)),
            (Some(status), _) => Some(UpdateReason::Status(status)),
            (None, _) => None,
        };
        self.show(
            Step::Credentials(CredentialsState::new(CredentialsMode::Update { member_guid: member.guid }, reason)),
            nav,
            fx,
        );
        self.load_fields(fx);
    }

    fn emit_member_error(&self, member: &Member, fx: &mut Vec<Effect>) {
        Self::emit(
            fx,
            "connect/memberError",
            json!({"member": {"guid": member.guid, "connection_status": member.connection_status.map(|s| s.code())}}),
        );
    }

    fn load_fields(&mut self, fx: &mut Vec<Effect>) {
        let call = match self.step_mut() {
            Some(Step::Credentials(c)) => {
                c.fields = Load::Loading;
                match &c.mode {
                    CredentialsMode::Create => None,
                    CredentialsMode::Update { member_guid } => {
                        Some(HostCall::GetMemberCredentials { member_guid: member_guid.clone() })
                    }
                }
            }
            _ => return,
        };
        let call = match call {
            Some(call) => call,
            None => match &self.institution {
                Some(i) => HostCall::GetInstitutionCredentials { institution_guid: i.guid.clone() },
                None => return,
            },
        };
        self.call(Pending::Fields, call, fx);
    }

    fn credentials_state(&mut self) -> Option<&mut CredentialsState> {
        match self.step_mut() {
            Some(Step::Credentials(c)) => Some(c),
            _ => None,
        }
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
        let creds = to_credential_values(&values);
        let institution = self.institution_ref();
        match mode {
            CredentialsMode::Create => {
                let Some(inst) = self.institution.clone() else { return };
                Self::emit(fx, "connect/enterCredentials", json!({"institution": institution}));
                let call = HostCall::AddMember {
                    institution: inst.raw.clone(),
                    institution_guid: inst.guid,
                    credentials: creds,
                    is_oauth: false,
                };
                self.call(Pending::AddMember { credentials: values }, call, fx);
            }
            CredentialsMode::Update { member_guid } => {
                let member_raw =
                    self.member.as_ref().map(|m| m.raw.clone()).unwrap_or_else(|| json!({"guid": member_guid}));
                Self::emit(
                    fx,
                    "connect/updateCredentials",
                    json!({"member_guid": member_guid, "institution": institution}),
                );
                self.call(Pending::UpdateMember, HostCall::UpdateMember { member: member_raw, credentials: creds }, fx);
            }
        }
    }

    fn credentials_failed(&mut self, error: HostError, fx: &mut Vec<Effect>) {
        let (guid, code) = match &self.institution {
            Some(i) => (json!(i.guid), json!(i.code)),
            None => (Value::Null, Value::Null),
        };
        Self::emit(fx, "connect/createMemberError", json!({"institution_guid": guid, "institution_code": code}));
        if let Some(c) = self.credentials_state() {
            c.submitting = false;
            c.submit_error = Some(SubmitError::from_host(&error));
        }
    }

    fn on_add_member(
        &mut self,
        credentials: Vec<(String, Secret)>,
        result: Result<Reply, HostError>,
        fx: &mut Vec<Effect>,
    ) {
        match result {
            Ok(Reply::Member(member)) => self.member_created(member, fx),
            Err(error) if error.status() == Some(409) && error.data_guid().is_some() => {
                // "Member already exists" (inventory §3.8): load it, then MFA or update.
                let guid = error.data_guid().unwrap_or_default();
                self.call(Pending::ExistingMember { credentials }, HostCall::LoadMemberByGuid { guid }, fx);
            }
            Ok(_) => self
                .credentials_failed(HostError::Malformed { callback: "addMember", detail: "not a member".into() }, fx),
            Err(error) => self.credentials_failed(error, fx),
        }
    }

    fn on_existing_member(
        &mut self,
        credentials: Vec<(String, Secret)>,
        result: Result<Reply, HostError>,
        fx: &mut Vec<Effect>,
    ) {
        match result {
            Ok(Reply::Member(member)) => {
                self.known_status.insert(member.guid.clone(), member.connection_status);
                if member.connection_status == Some(ConnectionStatus::Challenged) && !member.mfa.is_empty() {
                    self.member = Some(member.clone());
                    self.show_mfa(member, Nav::Push, fx);
                } else {
                    let call = HostCall::UpdateMember {
                        member: member.raw.clone(),
                        credentials: to_credential_values(&credentials),
                    };
                    self.member = Some(member);
                    self.call(Pending::UpdateMember, call, fx);
                }
            }
            Ok(_) => self.credentials_failed(
                HostError::Malformed { callback: "loadMemberByGuid", detail: "not a member".into() },
                fx,
            ),
            Err(error) => self.credentials_failed(error, fx),
        }
    }

    fn member_created(&mut self, member: Member, fx: &mut Vec<Effect>) {
        self.known_status.insert(member.guid.clone(), member.connection_status);
        self.upsert(&member);
        self.member = Some(member.clone());
        self.show(Step::Connecting(ConnectingState::default()), Nav::Push, fx);
        self.begin_connecting(member, false, fx);
    }

    fn upsert(&mut self, member: &Member) {
        match self.members.iter_mut().find(|m| m.guid == member.guid) {
            Some(m) => *m = member.clone(),
            None => self.members.push(member.clone()),
        }
    }

    // ---- connecting -----------------------------------------------------

    fn connecting_state(&mut self) -> Option<&mut ConnectingState> {
        match self.step_mut() {
            Some(Step::Connecting(c)) => Some(c),
            _ => None,
        }
    }

    /// Start (or restart) aggregation: `runJob` unless the member is already
    /// aggregating, then poll. `force_job` re-runs even a finished member.
    fn begin_connecting(&mut self, member: Member, force_job: bool, fx: &mut Vec<Effect>) {
        if !matches!(self.step(), Step::Connecting(_)) {
            self.show(Step::Connecting(ConnectingState::default()), Nav::Replace, fx);
        }
        self.forget(|p| matches!(p, Pending::Poll | Pending::PollJob | Pending::PollTimer | Pending::RunJob));
        if let Some(c) = self.connecting_state() {
            *c = ConnectingState::default();
        }
        // As the reference: a member that is not aggregating gets a job, whatever
        // its status says (an idle CREATED member would otherwise never move).
        if force_job || !member.is_being_aggregated {
            let job_type = match self.config.mode {
                crate::model::Mode::Verification => crate::model::job_type::VERIFICATION,
                crate::model::Mode::Reward => crate::model::job_type::REWARD,
                crate::model::Mode::Tax => crate::model::job_type::TAX,
                crate::model::Mode::Aggregation => crate::model::job_type::AGGREGATION,
            };
            self.call(Pending::RunJob, HostCall::RunJob { job_type, member_guid: member.guid.clone() }, fx);
        } else {
            self.poll(fx);
        }
    }

    fn poll(&mut self, fx: &mut Vec<Effect>) {
        let Some(member) = self.member.clone() else { return };
        self.call(Pending::Poll, HostCall::LoadMemberByGuid { guid: member.guid.clone() }, fx);
        if let Some(job) = member.most_recent_job_guid.clone() {
            if self.env.has("loadJob") {
                self.call(Pending::PollJob, HostCall::LoadJob { guid: job }, fx);
            }
        }
    }

    fn on_run_job(&mut self, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        match result {
            // 409: a job is already running; just follow it.
            Ok(_) => self.poll(fx),
            Err(e) if e.status() == Some(409) => self.poll(fx),
            Err(error) => {
                if let Some(c) = self.connecting_state() {
                    c.failed = Some(SubmitError::from_host(&error));
                }
            }
        }
    }

    fn on_poll(&mut self, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        let allowed = self.settings.poll_failures_allowed;
        let interval = self.settings.poll_interval_ms;
        match result {
            Ok(Reply::Member(member)) => {
                // Only a real change is reported; the status the member had when
                // the widget got it (addMember, load) counts as known.
                let previous = self.known_status.insert(member.guid.clone(), member.connection_status);
                if previous != Some(member.connection_status) {
                    Self::emit(
                        fx,
                        "connect/memberStatusUpdate",
                        json!({"member_guid": member.guid, "connection_status": member.connection_status.map(|s| s.code())}),
                    );
                }
                self.upsert(&member);
                self.member = Some(member.clone());
                if let Some(c) = self.connecting_state() {
                    c.failures = 0;
                    c.phase = if member.connection_status == Some(ConnectionStatus::Connected) {
                        ConnectingPhase::Syncing
                    } else {
                        ConnectingPhase::Verifying
                    };
                }
                match route::route(&member, self.config.mode) {
                    Route::Poll => {
                        self.timer(Pending::PollTimer, interval, fx);
                    }
                    Route::Connected => {
                        Self::emit(
                            fx,
                            "connect/memberConnected",
                            json!({"member_guid": member.guid, "user_guid": member.user_guid}),
                        );
                        self.show(Step::Connected, Nav::Replace, fx);
                    }
                    _ => self.follow_route(member, Nav::Replace, fx),
                }
            }
            Ok(_) | Err(_) => {
                let failed = match self.connecting_state() {
                    Some(c) => {
                        c.failures += 1;
                        c.failures >= allowed
                    }
                    None => return,
                };
                if failed {
                    let error = SubmitError::Unreachable;
                    if let Some(c) = self.connecting_state() {
                        c.failed = Some(error);
                    }
                } else {
                    self.timer(Pending::PollTimer, interval, fx);
                }
            }
        }
    }

    /// Go where the member's state says (not used for `Poll`/`Connected` while polling).
    fn follow_route(&mut self, member: Member, nav: Nav, fx: &mut Vec<Effect>) {
        self.member = Some(member.clone());
        match route::route(&member, self.config.mode) {
            Route::Poll => {
                self.show(Step::Connecting(ConnectingState::default()), nav, fx);
                self.begin_connecting(member, false, fx);
            }
            Route::Mfa => self.show_mfa(member, nav, fx),
            Route::Connected => self.show(Step::Connected, nav, fx),
            Route::UpdateCredentials => {
                let status = member.connection_status;
                self.show_update_credentials(Some(status), nav, fx);
            }
            Route::LoginError(status) => {
                self.emit_member_error(&member, fx);
                self.show(Step::LoginError { status }, nav, fx);
            }
            Route::Actionable(code) => {
                self.emit_member_error(&member, fx);
                Self::emit(fx, "connect/invalidData", json!({"member_guid": member.guid, "code": code.code()}));
                self.show(Step::ActionableError { code }, nav, fx);
            }
        }
    }

    // ---- MFA ------------------------------------------------------------

    fn show_mfa(&mut self, member: Member, nav: Nav, fx: &mut Vec<Effect>) {
        let retry = matches!(member.error_code(), Some(2001 | 2002));
        let timed_out = member.error_code() == Some(2003);
        self.member = Some(member.clone());
        self.show(
            Step::Mfa(MfaState {
                challenges: member.mfa,
                submitting: false,
                invalid: Vec::new(),
                submit_error: None,
                previous_wrong: retry,
                timed_out,
            }),
            nav,
            fx,
        );
    }

    fn mfa_state(&mut self) -> Option<&mut MfaState> {
        match self.step_mut() {
            Some(Step::Mfa(m)) => Some(m),
            _ => None,
        }
    }

    fn submit_mfa_answers(&mut self, answers: Vec<(String, Secret)>, fx: &mut Vec<Effect>) {
        let Some(m) = self.mfa_state() else { return };
        if m.submitting {
            return;
        }
        let missing: Vec<String> = m
            .challenges
            .iter()
            .filter(|c| answers.iter().find(|(g, _)| g == &c.guid).is_none_or(|(_, v)| v.is_blank()))
            .map(|c| c.guid.clone())
            .collect();
        if !missing.is_empty() {
            m.invalid = missing;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        self.send_mfa(to_credential_values(&answers), "connect_mfa_submitted_input", fx);
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
            .map(|c| crate::host::CredentialValue {
                guid: c.guid.clone(),
                value: (c.guid == owner).then(|| Secret::new(choice.clone())),
            })
            .collect();
        self.send_mfa(credentials, "connect_mfa_submitted_option", fx);
    }

    fn send_mfa(
        &mut self,
        credentials: Vec<crate::host::CredentialValue>,
        analytic: &'static str,
        fx: &mut Vec<Effect>,
    ) {
        let Some(member) = self.member.clone() else { return };
        if let Some(m) = self.mfa_state() {
            m.invalid.clear();
            m.submitting = true;
            m.submit_error = None;
        }
        Self::emit(fx, "connect/submitMFA", json!({"member_guid": member.guid}));
        fx.push(Effect::Analytic {
            name: analytic,
            data: json!({"institution_guid": self.institution.as_ref().map(|i| i.guid.clone())}),
        });
        self.call(Pending::UpdateMfa, HostCall::UpdateMfa { member: member.raw.clone(), credentials }, fx);
    }

    fn on_update_mfa(&mut self, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(Reply::Member(member)) => {
                self.known_status.insert(member.guid.clone(), member.connection_status);
                self.member = Some(member.clone());
                self.show(Step::Connecting(ConnectingState::default()), Nav::Replace, fx);
                self.begin_connecting(member, false, fx);
            }
            Ok(_) | Err(_) => {
                let error = match result {
                    Err(e) => SubmitError::from_host(&e),
                    Ok(_) => SubmitError::Generic,
                };
                if let Some(m) = self.mfa_state() {
                    m.submitting = false;
                    m.submit_error = Some(error);
                }
            }
        }
    }

    // ---- results, actions -----------------------------------------------

    fn done(&mut self, fx: &mut Vec<Effect>) {
        match self.step() {
            Step::Connected => {
                Self::emit(fx, "connect/connected/primaryAction", json!({}));
                self.restart_from_root(fx);
            }
            Step::Disconnected => self.restart_from_root(fx),
            _ => {}
        }
    }

    /// After a finished flow: search again, or the configured institution.
    fn restart_from_root(&mut self, fx: &mut Vec<Effect>) {
        self.member = None;
        if self.search_allowed() {
            self.institution = None;
            Self::emit(fx, "connect/backToSearch", json!({}));
            self.show(Step::Search(SearchState::default()), Nav::Reset, fx);
            self.load_popular(fx);
        } else if self.institution.is_some() {
            self.show_create_credentials(Nav::Reset, fx);
        } else {
            self.start(fx);
        }
    }

    fn act(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::TryAgain => {
                if let Some(member) = self.member.clone() {
                    self.show(Step::Connecting(ConnectingState::default()), Nav::Replace, fx);
                    self.begin_connecting(member, true, fx);
                }
            }
            Action::UpdateCredentials => self.show_update_credentials(None, Nav::Replace, fx),
            Action::VisitWebsite => {
                if let Some(url) = self.institution.as_ref().and_then(Institution::website) {
                    fx.push(Effect::OpenUrl(url));
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

    // ---- support --------------------------------------------------------

    fn open_support(&mut self, fx: &mut Vec<Effect>) {
        if !self.env.has("createSupportTicket") {
            return;
        }
        self.overlay = Some(Overlay::Support(SupportState {
            needs_email: self.env.user_email.is_none(),
            ..SupportState::default()
        }));
        fx.push(Effect::Pageview {
            path: format!("/connect/{}/support/support_general", self.config.mode.name()),
            data: json!({}),
        });
        self.sub_view_changed(fx);
    }

    fn close_overlay(&mut self, fx: &mut Vec<Effect>) {
        match self.overlay.take() {
            Some(Overlay::Disconnect(_)) => {
                self.forget(|p| matches!(p, Pending::Delete));
                self.view_serial += 1;
                fx.push(Effect::RestoreFocus);
            }
            Some(Overlay::Support(_)) => {
                self.forget(|p| matches!(p, Pending::Support));
                self.sub_view_changed(fx);
            }
            None => {}
        }
    }

    fn submit_support(&mut self, email: String, title: String, message: String, fx: &mut Vec<Effect>) {
        let user_email = self.env.user_email.clone();
        let Some(Overlay::Support(s)) = &mut self.overlay else { return };
        if s.submitting || s.sent_to.is_some() {
            return;
        }
        let email = user_email.unwrap_or_else(|| email.trim().to_string());
        let mut invalid = Vec::new();
        if !is_email(&email) {
            invalid.push(SupportField::Email);
        }
        if title.trim().is_empty() {
            invalid.push(SupportField::Title);
        }
        if message.trim().is_empty() {
            invalid.push(SupportField::Message);
        }
        s.error = None;
        if !invalid.is_empty() {
            s.invalid = invalid;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        s.invalid.clear();
        s.submitting = true;
        s.email = email.clone();
        let ticket = crate::host::SupportTicket { email, title: title.trim().into(), message: message.trim().into() };
        self.call(Pending::Support, HostCall::CreateSupportTicket(ticket), fx);
    }

    fn on_support(&mut self, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        let Some(Overlay::Support(s)) = &mut self.overlay else { return };
        s.submitting = false;
        match result {
            Ok(_) => {
                s.sent_to = Some(s.email.clone());
                self.sub_view_changed(fx);
            }
            Err(error) => s.error = Some(SubmitError::from_host(&error)),
        }
    }

    // ---- disconnect -----------------------------------------------------

    fn open_disconnect(&mut self, fx: &mut Vec<Effect>) {
        if !self.allowed().disconnect {
            return;
        }
        fx.push(Effect::SaveFocus);
        self.overlay = Some(Overlay::Disconnect(DisconnectState::default()));
        fx.push(Effect::Pageview {
            path: format!("/connect/{}/delete_member/survey", self.config.mode.name()),
            data: json!({}),
        });
        self.sub_view_changed(fx);
    }

    fn confirm_disconnect(&mut self, reason: Option<String>, fx: &mut Vec<Effect>) {
        let Some(member) = self.member.clone() else { return };
        let Some(Overlay::Disconnect(d)) = &mut self.overlay else { return };
        if d.submitting {
            return;
        }
        let Some(reason) = reason.filter(|r| !r.trim().is_empty()) else {
            d.reason_missing = true;
            fx.push(Effect::FocusFirstInvalid);
            return;
        };
        d.reason_missing = false;
        d.submitting = true;
        d.error = None;
        fx.push(Effect::Analytic { name: "connect_delete_member_reason", data: json!({"reason": reason}) });
        self.call(Pending::Delete, HostCall::DeleteMember { member: member.raw.clone() }, fx);
    }

    fn on_delete(&mut self, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(_) => {
                let Some(member) = self.member.take() else { return };
                self.members.retain(|m| m.guid != member.guid);
                Self::emit(fx, "connect/memberDeleted", json!({"member_guid": member.guid}));
                self.show(Step::Disconnected, Nav::Reset, fx);
            }
            Err(error) => {
                if let Some(Overlay::Disconnect(d)) = &mut self.overlay {
                    d.submitting = false;
                    d.error = Some(SubmitError::from_host(&error));
                }
            }
        }
    }

    // ---- dispatch of replies and timers ----------------------------------

    fn on_reply(&mut self, pending: Pending, result: Result<Reply, HostError>, fx: &mut Vec<Effect>) {
        match pending {
            Pending::StartMember => match result {
                Ok(Reply::Member(m)) => self.start_member_loaded(m, fx),
                Ok(_) => self.load_failed(
                    &HostError::Malformed { callback: "loadMemberByGuid", detail: "not a member".into() },
                    fx,
                ),
                Err(e) => self.load_failed(&e, fx),
            },
            Pending::StartInstitution => match result {
                Ok(Reply::Institution(i)) => self.start_institution_loaded(i, fx),
                Ok(_) => self.load_failed(
                    &HostError::Malformed { callback: "loadInstitutionByGuid", detail: "not an institution".into() },
                    fx,
                ),
                Err(e) => self.load_failed(&e, fx),
            },
            // Best effort: the member list only refines, never blocks.
            Pending::StartMembers => {
                if let Ok(Reply::Members(members)) = result {
                    self.members = members;
                }
            }
            Pending::Popular => {
                let Some(s) = self.search_state() else { return };
                match result {
                    Ok(Reply::Institutions(list)) => {
                        s.popular = Some(list);
                        s.popular_failed = false;
                    }
                    Ok(_) | Err(_) => s.popular_failed = true,
                }
            }
            Pending::Search { page } => self.on_search_results(page, result, fx),
            Pending::SelectInstitution => self.on_institution_selected(result, fx),
            Pending::Fields => {
                let Some(c) = self.credentials_state() else { return };
                c.fields = match result {
                    Ok(Reply::Credentials(fields)) if !fields.is_empty() => Load::Ready(fields),
                    Ok(_) | Err(_) => Load::Failed,
                };
            }
            Pending::AddMember { credentials } => self.on_add_member(credentials, result, fx),
            Pending::ExistingMember { credentials } => self.on_existing_member(credentials, result, fx),
            Pending::UpdateMember => match result {
                Ok(Reply::Member(member)) => {
                    // Like addMember's answer, the status the host just gave is known.
                    self.known_status.insert(member.guid.clone(), member.connection_status);
                    self.member = Some(member.clone());
                    self.upsert(&member);
                    self.show(Step::Connecting(ConnectingState::default()), Nav::Push, fx);
                    self.begin_connecting(member, false, fx);
                }
                Ok(_) => self.credentials_failed(
                    HostError::Malformed { callback: "updateMember", detail: "not a member".into() },
                    fx,
                ),
                Err(e) => self.credentials_failed(e, fx),
            },
            Pending::RunJob => self.on_run_job(result, fx),
            Pending::Poll => self.on_poll(result, fx),
            Pending::PollJob => {
                if let (Ok(Reply::Job(job)), Some(c)) = (result, self.connecting_state()) {
                    c.job = Some(job);
                }
            }
            Pending::UpdateMfa => self.on_update_mfa(result, fx),
            Pending::Support => self.on_support(result, fx),
            Pending::Delete => self.on_delete(result, fx),
            Pending::PollTimer | Pending::SearchDebounce => {}
        }
    }

    fn on_timer(&mut self, pending: Pending, fx: &mut Vec<Effect>) {
        match pending {
            Pending::PollTimer => self.poll(fx),
            Pending::SearchDebounce => self.run_search(1, fx),
            _ => {}
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nav {
    Push,
    Replace,
    Reset,
}

fn to_credential_values(values: &[(String, Secret)]) -> Vec<crate::host::CredentialValue> {
    values.iter().map(|(guid, v)| crate::host::CredentialValue { guid: guid.clone(), value: Some(v.clone()) }).collect()
}

/// `non-space @ non-space . non-space`, as the reference validates.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !s.contains(char::is_whitespace)
                && domain.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        }
        None => false,
    }
}
