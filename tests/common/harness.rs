//! Drives the flow machine natively: send what a user does, answer each host
//! call by hand with the JSON a host would resolve with, fire timers, and read
//! back the effects. No browser involved.

use connect_widget::flow::{Effect, Environment, Flow, Msg, Notice, Settings, Token};
use connect_widget::host::{HostCall, HostError, CALLBACK_NAMES};
use connect_widget::model::{ClientConfig, Secret};
use connect_widget::options::PartnerOptions;
use serde_json::{json, Value};

/// The password typed in every harness login.
pub const SECRET: &str = "s3cret-pw";

/// A flow plus what it asked for.
pub struct Harness {
    pub flow: Flow,
    /// Effects since the last answer or timer (cleared by `reply` and `fire_timer`).
    pub effects: Vec<Effect>,
    /// Every effect since the start, never cleared.
    pub log: Vec<Effect>,
}

pub fn env_all() -> Environment {
    Environment {
        available_callbacks: CALLBACK_NAMES.to_vec(),
        user_email: None,
        unavailable_institutions: vec!["Blocked Bank".into()],
        ..Environment::default()
    }
}

/// An institution as a host lists it.
pub fn institution(guid: &str, name: &str) -> Value {
    json!({"guid": guid, "code": name.to_lowercase().replace(' ', "_"), "name": name, "url": "https://bank.example"})
}

/// Member MBR-1 at INS-1 with `status`, as a host answers it.
pub fn member(status: &str, aggregating: bool) -> Value {
    json!({"guid": "MBR-1", "institution_guid": "INS-1", "connection_status": status, "is_being_aggregated": aggregating,
           "most_recent_job_guid": "JOB-1", "user_guid": "USR-1"})
}

/// MBR-1 CHALLENGED with one question of `field_type` `kind` and two options.
pub fn challenged(kind: i64) -> Value {
    let mut v = member("CHALLENGED", false);
    v["mfa"] = json!({"credentials": [{"guid": "CRD-Q", "label": "Pick one", "field_type": kind,
        "options": [{"guid": "OPT-1", "label": "wrong", "credential_guid": "CRD-Q"}, {"guid": "OPT-2", "label": "correct"}]}]});
    v
}

/// A username and a password field, as `getInstitutionCredentials` answers.
pub fn fields() -> Value {
    json!({"credentials": [
        {"guid": "CRD-P", "label": "Password", "field_type": 1, "display_order": 2},
        {"guid": "CRD-U", "label": "Username", "field_type": 3, "display_order": 1},
    ]})
}

pub fn rejected(status: u16, data: Value) -> HostError {
    HostError::Rejected { callback: "x", status: Some(status), data, message: None }
}

impl Harness {
    pub fn with_config(config: Value) -> Harness {
        Harness::with_env(config, env_all())
    }

    /// A harness whose partner options are `partner` (profiles, features, ...).
    pub fn with_partner(config: Value, partner: PartnerOptions) -> Harness {
        Harness::with_env(config, Environment { partner, ..env_all() })
    }

    pub fn with_env(config: Value, env: Environment) -> Harness {
        let settings = Settings {
            poll_interval_ms: 10,
            search_debounce_ms: 5,
            per_page: 2,
            poll_failures_allowed: 3,
            oauth_poll_interval_ms: 7,
            oauth_wait_limit_ms: 5000,
        };
        let flow = Flow::new(ClientConfig::from_json(&config), settings, env);
        let mut h = Harness { flow, effects: Vec::new(), log: Vec::new() };
        h.send(connect_widget::flow::start::Msg::Begin);
        h
    }

    pub fn new() -> Harness {
        Harness::with_config(json!({}))
    }

    pub fn send(&mut self, msg: impl Into<Msg>) -> Vec<Effect> {
        let fx = self.flow.update(msg.into());
        self.effects.extend(fx.clone());
        self.log.extend(fx.clone());
        fx
    }

    /// The newest call to `name` among the current effects; else the newest made earlier that
    /// the flow still waits for (the login fields, asked for at the tap, answered later).
    pub fn call(&self, name: &str) -> (Token, HostCall) {
        let newest = |effects: &[Effect], waited_on_only: bool| {
            effects.iter().rev().find_map(|e| match e {
                Effect::Call { token, call }
                    if call.name() == name && (!waited_on_only || self.flow.is_waiting_on(*token)) =>
                {
                    Some((*token, call.clone()))
                }
                _ => None,
            })
        };
        newest(&self.effects, false)
            .or_else(|| newest(&self.log, true))
            .unwrap_or_else(|| panic!("no call to {name}; effects: {:?}", self.effects))
    }

    pub fn has_call(&self, name: &str) -> bool {
        self.effects.iter().any(|e| matches!(e, Effect::Call { call, .. } if call.name() == name))
    }

    /// Answer the newest call to `name` with what the host resolved (or why it failed).
    pub fn reply(&mut self, name: &str, result: Result<Value, HostError>) -> Vec<Effect> {
        let (token, _) = self.call(name);
        self.effects.clear();
        self.send(Msg::HostAnswered { token, result })
    }

    /// Answer the call with `token` (taken earlier with `call`), when several are out at once.
    pub fn answer(&mut self, token: Token, result: Result<Value, HostError>) -> Vec<Effect> {
        self.effects.clear();
        self.send(Msg::HostAnswered { token, result })
    }

    /// Fire the newest timer.
    pub fn fire_timer(&mut self) -> Vec<Effect> {
        let token = self
            .effects
            .iter()
            .rev()
            .find_map(|e| match e {
                Effect::Timer { token, .. } => Some(*token),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no timer; effects: {:?}", self.effects));
        self.effects.clear();
        self.send(Msg::TimerFired { token })
    }

    pub fn has_timer(&self) -> bool {
        self.effects.iter().any(|e| matches!(e, Effect::Timer { .. }))
    }

    /// Events among the current effects, as `(name, payload)`.
    pub fn events(&self) -> Vec<(&'static str, Value)> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Emit(event) => Some((event.name(), event.payload())),
                _ => None,
            })
            .collect()
    }

    pub fn event_names(&self) -> Vec<&'static str> {
        self.events().into_iter().map(|(n, _)| n).collect()
    }

    /// The shown step's name for the host (`search`, `enterCreds`, ...).
    pub fn step(&self) -> &'static str {
        self.flow.step().id()
    }

    /// Search → MX Bank → credentials form ready.
    pub fn to_credentials() -> Harness {
        Harness::to_credentials_with(json!({}))
    }

    pub fn to_credentials_with(config: Value) -> Harness {
        let mut h = Harness::with_config(config);
        if h.has_call("loadMembers") {
            // Verification mode asks for existing connections first: there are none.
            h.reply("loadMembers", Ok(json!({"members": []})));
        }
        h.reply("loadPopularInstitutions", Ok(json!([institution("INS-1", "MX Bank")])));
        h.send(connect_widget::flow::search::Msg::Select("INS-1".into()));
        h.reply("loadInstitutionByGuid", Ok(institution("INS-1", "MX Bank")));
        h.reply("getInstitutionCredentials", Ok(fields()));
        h
    }

    pub fn submit_good_credentials(&mut self) {
        self.effects.clear();
        self.send(connect_widget::flow::credentials::Msg::Submit(vec![
            ("CRD-U".into(), Secret::new("test_atrium")),
            ("CRD-P".into(), Secret::new(SECRET)),
        ]));
    }

    /// …submitted and the member created with `initial`, now connecting.
    pub fn to_connecting(initial: Value) -> Harness {
        let mut h = Harness::to_credentials();
        h.submit_good_credentials();
        h.reply("addMember", Ok(initial));
        h
    }

    /// Page view paths among the current effects.
    pub fn pageviews(&self) -> Vec<String> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Pageview { path, .. } => Some(path.clone()),
                _ => None,
            })
            .collect()
    }

    /// The partner callbacks the current effects call (`onManualAccountAdded`, ...).
    pub fn notices(&self) -> Vec<Notice> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Notify(notice) => Some(notice.clone()),
                _ => None,
            })
            .collect()
    }

    /// Answer the newest poll with `member`.
    pub fn poll_answer(&mut self, member: Value) -> Vec<Effect> {
        self.reply("loadMemberByGuid", Ok(member))
    }
}
