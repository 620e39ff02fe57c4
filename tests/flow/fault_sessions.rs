//! Random fault sessions: thousands of random sequences of user messages and
//! host answers drive the flow machine, and after every step these hold:
//! nothing panics; the screen has a way forward (something pending that ends
//! in bounded time, or a user message that does something); no effect the
//! partner sees carries a typed secret; pending tokens stay bounded; the shown
//! step can render (nothing "loading" that nothing will finish).
//!
//! Host answers come from the built-in sandbox (answering right), or reject
//! with each status, fail, answer garbage, answer late (after the user moved
//! on), answer twice, or never. User messages are drawn from a pool built from
//! the current state (the institutions listed, the fields and questions
//! shown) plus every domain's messages, so a new step reached through host
//! answers is driven without editing this file; a new domain adds its
//! messages to `pool`. Failing seeds are kept in `fault_sessions.regressions` next to
//! this file and replayed first.

use connect_widget::flow::{
    additional_product, connecting, consent, credentials, disconnect, external, institution_status, manual_account,
    mfa, microdeposits, oauth, outcomes, search, start, support, survey, verification, Action, Effect, Environment,
    Flow, Load, Msg, Settings, Step, Token,
};
use connect_widget::host::{HostCall, HostError, CALLBACK_NAMES, REQUIRED_CALLBACKS};
use connect_widget::model::{field_type, AccountType, ClientConfig, Secret};
use connect_widget::options::PartnerOptions;
use connect_widget::sandbox::{Sandbox, SandboxOptions};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{json, Value};
use std::sync::OnceLock;

/// In every typed secret, so a leak is found wherever it lands.
const MARK: &str = "Zq7x";
/// The account number typed for microdeposits (digits only, so it cannot carry `MARK`).
const ACCOUNT_NUMBER: &str = "40918273645";
/// More tokens than this outstanding means something leaks them.
const MAX_PENDING: usize = 16;
const SESSIONS: u32 = 10_000;
const STEPS: usize = 40;

#[derive(Clone, Debug)]
enum How {
    /// What the sandbox answers.
    Right,
    /// The sandbox's answer, delivered twice.
    Twice,
    Rejected(Option<u16>),
    Failed,
    TimedOut,
    Missing,
    /// Resolved with something no callback answers.
    Garbage(u8),
    /// Never settles (the runtime's timeout is another action).
    Never,
}

#[derive(Clone, Debug)]
enum Act {
    /// A message from the current state's own offers (`true`) or the whole pool.
    User {
        targeted: bool,
        pick: u16,
    },
    Back,
    /// Answer one of the calls made so far (old ones are late answers).
    Answer {
        pick: u16,
        how: How,
    },
    Timer {
        pick: u16,
    },
    /// Time passes for the sandbox (jobs finish, MFA expires).
    Wait(u16),
}

fn how() -> impl Strategy<Value = How> {
    prop_oneof![
        6 => Just(How::Right),
        1 => Just(How::Twice),
        2 => prop::sample::select(vec![None, Some(400), Some(401), Some(403), Some(404), Some(409), Some(422), Some(500), Some(503)])
            .prop_map(How::Rejected),
        1 => Just(How::Failed),
        1 => Just(How::TimedOut),
        1 => Just(How::Missing),
        1 => any::<u8>().prop_map(How::Garbage),
        1 => Just(How::Never),
    ]
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        5 => (any::<bool>(), any::<u16>()).prop_map(|(targeted, pick)| Act::User { targeted: targeted || pick % 4 != 0, pick }),
        1 => Just(Act::Back),
        6 => (any::<u16>(), how()).prop_map(|(pick, how)| Act::Answer { pick, how }),
        2 => any::<u16>().prop_map(|pick| Act::Timer { pick }),
        1 => (1u16..20_000).prop_map(Act::Wait),
    ]
}

/// The configurations a session starts with.
fn setup() -> impl Strategy<Value = (Value, bool)> {
    let configs = vec![
        json!({}),
        json!({"mode": "verification"}),
        json!({"current_institution_code": "mxbank"}),
        json!({"current_institution_code": "mxbank", "disable_institution_search": true}),
        json!({"include_transactions": true, "iso_country_code": "US"}),
        json!({"current_member_guid": "MBR-404", "disable_institution_search": true}),
        json!({"current_member_guid": "MBR-404", "update_credentials": true}),
        json!({"mode": "verification", "current_microdeposit_guid": "MIC-404"}),
        json!({"mode": "verification", "include_identity": true}),
    ];
    (prop::sample::select(configs), any::<bool>())
}

struct Session {
    trace: bool,
    flow: Flow,
    sandbox: Sandbox,
    now_ms: f64,
    calls: Vec<(Token, HostCall)>,
    timers: Vec<Token>,
}

/// The password or answer typed, by a number the session drew.
const PASSWORDS: [&str; 12] = [
    "password",
    "challenge",
    "options",
    "image",
    "image_options",
    "account_select",
    "status:DENIED",
    "status:PENDING",
    "error:2004",
    "SERVER_ERROR",
    "LOCKED",
    "pw-Zq7x",
];

impl Session {
    fn new(config: &Value, all_callbacks: bool) -> Session {
        let available_callbacks = if all_callbacks { CALLBACK_NAMES.to_vec() } else { REQUIRED_CALLBACKS.to_vec() };
        let env = Environment { available_callbacks, partner: PartnerOptions::default(), ..Environment::default() };
        let settings = Settings {
            poll_interval_ms: 10,
            search_debounce_ms: 5,
            per_page: 5,
            poll_failures_allowed: 2,
            oauth_poll_interval_ms: 7,
            oauth_wait_limit_ms: 50,
        };
        // Generating the directory costs more than a session: build it once, clone it.
        static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
        let sandbox = SANDBOX
            .get_or_init(|| Sandbox::new(SandboxOptions { aggregation_ms: 3000.0, ..SandboxOptions::default() }))
            .clone();
        let flow = Flow::new(ClientConfig::from_json(config), settings, env);
        let trace = std::env::var_os("FAULT_TRACE").is_some();
        let mut s = Session { trace, flow, sandbox, now_ms: 0.0, calls: Vec::new(), timers: Vec::new() };
        s.send(start::Msg::Begin.into());
        s
    }

    fn send(&mut self, msg: Msg) {
        // FAULT_TRACE=1 prints what a failing session did (run it alone: it is replayed first).
        let trace = self.trace;
        if trace {
            eprintln!("-> {}", format!("{msg:?}").chars().take(160).collect::<String>());
        }
        let fx = self.flow.update(msg);
        if trace {
            eprintln!(
                "   now {} pending {}; {}",
                self.flow.step().id(),
                self.flow.pending_count(),
                format!("{fx:?}").chars().take(300).collect::<String>()
            );
        }
        check_no_secret(&fx);
        for effect in fx {
            match effect {
                Effect::Call { token, call } => self.calls.push((token, call)),
                Effect::Timer { token, .. } => self.timers.push(token),
                _ => {}
            }
        }
    }

    fn act(&mut self, act: &Act) {
        match act {
            Act::User { targeted, pick } => {
                let offers = if *targeted { offered(&self.flow) } else { pool(&self.flow, self.now_ms) };
                if !offers.is_empty() {
                    let msg = offers[*pick as usize % offers.len()].clone();
                    self.send(msg);
                }
            }
            Act::Back => self.send(Msg::Back),
            Act::Answer { pick, how } => {
                if self.calls.is_empty() {
                    return;
                }
                let (token, call) = self.calls[*pick as usize % self.calls.len()].clone();
                let callback = call.name();
                let result = match how {
                    How::Right | How::Twice => self.sandbox.handle(&call, self.now_ms),
                    How::Rejected(status) => Err(HostError::Rejected {
                        callback,
                        status: *status,
                        data: json!({"guid": "MBR-409"}),
                        message: None,
                    }),
                    How::Failed => Err(HostError::Failed { callback, message: "boom".into() }),
                    How::TimedOut => Err(HostError::TimedOut { callback, after_ms: 1 }),
                    How::Missing => Err(HostError::Missing { callback }),
                    How::Garbage(n) => Ok(garbage(*n)),
                    How::Never => {
                        self.calls.retain(|(t, _)| *t != token);
                        return;
                    }
                };
                if matches!(how, How::Twice) {
                    self.send(Msg::HostAnswered { token, result: result.clone() });
                }
                self.send(Msg::HostAnswered { token, result });
            }
            Act::Timer { pick } => {
                if !self.timers.is_empty() {
                    let token = self.timers.remove(*pick as usize % self.timers.len());
                    self.send(Msg::TimerFired { token });
                }
            }
            Act::Wait(ms) => self.now_ms += f64::from(*ms),
        }
    }

    /// The invariants that hold after every step.
    fn check(&self, history: &[Act]) {
        let flow = &self.flow;
        assert!(flow.pending_count() <= MAX_PENDING, "{} tokens pending after {history:?}", flow.pending_count());
        let waiting = flow.pending_count() > 0;
        assert!(
            waiting || renderable(flow.step()),
            "{} cannot render: nothing pending; after {history:?}",
            brief(flow)
        );
        if !waiting {
            let mut candidates = offered(flow);
            candidates.extend(pool(flow, self.now_ms));
            let way_forward = candidates.into_iter().any(|msg| does_something(flow, msg));
            assert!(way_forward, "dead screen {} after {history:?}", brief(flow));
        }
    }
}

/// The step and overlay, short enough to read in a failure.
fn brief(flow: &Flow) -> String {
    let mut text = format!("{:?} / overlay {:?}", flow.step(), flow.overlay);
    text.truncate(text.char_indices().nth(600).map_or(text.len(), |(i, _)| i));
    text
}

/// Whether the message would change the screen or reach the outside.
fn does_something(flow: &Flow, msg: Msg) -> bool {
    let mut probe = flow.clone();
    let fx = probe.update(msg);
    fx.iter().any(|e| !matches!(e, Effect::Warn(_))) || probe.step() != flow.step() || probe.overlay != flow.overlay
}

/// A step with nothing pending must not be one that only a pending answer completes.
fn renderable(step: &Step) -> bool {
    if matches!(step, Step::Loading) {
        return false;
    }
    if let Step::Credentials(c) = step {
        return c.fields != Load::Loading;
    }
    if let Step::Search(s) = step {
        return s.view != search::SearchView::Loading && s.selecting.is_none();
    }
    true
}

fn garbage(n: u8) -> Value {
    match n % 9 {
        0 => Value::Null,
        1 => json!(42),
        2 => json!("x"),
        3 => json!([]),
        4 => json!({}),
        5 => json!({"guid": 5, "connection_status": "??"}),
        6 => json!([{"guid": null}, 7]),
        7 => json!({"member": {"guid": "MBR-X", "connection_status": 99, "mfa": {"credentials": [{}]}}}),
        _ => json!({"institutions": "nope", "credentials": [{"guid": "C", "field_type": "x"}]}),
    }
}

/// Messages that the shown step offers, with what it shows (listed
/// institutions, its fields, its questions and their options).
fn offered(flow: &Flow) -> Vec<Msg> {
    let mut out = Vec::new();
    if let Step::Search(s) = flow.step() {
        let listed = s.popular.iter().flatten().map(|i| i.guid.clone());
        let results = match &s.view {
            search::SearchView::Results(r) => r.items.iter().map(|l| l.institution.guid.clone()).collect(),
            _ => Vec::new(),
        };
        for guid in listed.chain(results).take(6) {
            out.push(search::Msg::Select(guid).into());
        }
        for q in ["mx", "bank", "x", "", "021000021"] {
            out.push(search::Msg::Typed(q.into()).into());
        }
    }
    if let Step::Credentials(c) = flow.step() {
        if let Load::Ready(fields) = &c.fields {
            for password in PASSWORDS {
                let values = fields
                    .iter()
                    .map(|f| {
                        let value = if f.field_type == field_type::PASSWORD { password } else { "test_atrium_Zq7x" };
                        (f.guid.clone(), Secret::new(value))
                    })
                    .collect();
                out.push(credentials::Msg::Submit(values).into());
            }
        }
    }
    if let Step::VerifyExisting(e) = flow.step() {
        for existing in &e.members {
            out.push(verification::Msg::Choose(existing.member.guid.clone()).into());
        }
    }
    if let Step::Mfa(m) = flow.step() {
        for answer in ["correct", "challenge", "Zq7x-no"] {
            let values = m.challenges.iter().map(|c| (c.guid.clone(), Secret::new(answer))).collect();
            out.push(mfa::Msg::SubmitAnswers(values).into());
        }
        for option in m.challenges.iter().flat_map(|c| &c.options) {
            out.push(mfa::Msg::SubmitChoice(Some(option.guid.clone())).into());
        }
        // Each question answered as it asks: its first option, or text.
        let values = m
            .challenges
            .iter()
            .map(|c| (c.guid.clone(), Secret::new(c.options.first().map_or("correct", |o| o.guid.as_str()))))
            .collect();
        out.push(mfa::Msg::SubmitAnswers(values).into());
    }
    if out.is_empty() {
        out = pool(flow, 0.0);
    }
    out
}

/// Every domain's messages (those that do not apply are ignored by the machine).
fn pool(flow: &Flow, now_ms: f64) -> Vec<Msg> {
    let mut out: Vec<Msg> = vec![
        Msg::Back,
        start::Msg::Retry.into(),
        search::Msg::SearchNow.into(),
        search::Msg::Clear.into(),
        search::Msg::LoadMore.into(),
        search::Msg::Retry.into(),
        search::Msg::Select("INS-none".into()).into(),
        credentials::Msg::RetryFields.into(),
        connecting::Msg::Retry.into(),
        mfa::Msg::SubmitChoice(None).into(),
        outcomes::Msg::Done.into(),
        support::Msg::Open.into(),
        support::Msg::Close.into(),
        support::Msg::Submit { email: "a@b.co".into(), title: "t".into(), message: "m".into() }.into(),
        disconnect::Msg::Open.into(),
        disconnect::Msg::Cancel.into(),
        disconnect::Msg::Confirm { reason: None }.into(),
        consent::Msg::Agree { now_ms }.into(),
        consent::Msg::AcceptDisclosure.into(),
        consent::Msg::About.into(),
        consent::Msg::DataAccess.into(),
        consent::Msg::Close.into(),
        manual_account::Msg::Open.into(),
        manual_account::Msg::Choose(manual_account::AccountType::Checking).into(),
        manual_account::Msg::Save {
            values: vec![
                (manual_account::Field::Name, "Savings".into()),
                (manual_account::Field::Balance, "12.50".into()),
            ],
            personal: true,
        }
        .into(),
        manual_account::Msg::Done.into(),
        institution_status::Msg::Recheck.into(),
        institution_status::Msg::VisitWebsite.into(),
        additional_product::Msg::Accept.into(),
        additional_product::Msg::Decline.into(),
        survey::Msg::Open.into(),
        survey::Msg::Submit { easy: Some(5), met_needs: Some(4), comment: String::new() }.into(),
        survey::Msg::Close.into(),
        external::Msg::Open("https://bank.example/help".into()).into(),
        external::Msg::Continue.into(),
        external::Msg::Cancel.into(),
        oauth::Msg::Go.into(),
        oauth::Msg::RetryStart.into(),
        oauth::Msg::Reopen.into(),
        oauth::Msg::Restart.into(),
        oauth::Msg::WindowBlocked.into(),
        oauth::Msg::WindowClosed.into(),
        oauth::Msg::WindowReported { member_guid: flow.member.as_ref().map(|m| m.guid.clone()) }.into(),
    ];
    let (first, second) = connect_widget::sandbox::DEPOSIT_CENTS;
    out.extend([
        verification::Msg::SearchInstead.into(),
        microdeposits::Msg::Begin.into(),
        microdeposits::Msg::SubmitRouting("021000021".into()).into(),
        microdeposits::Msg::SubmitRouting("011411633".into()).into(),
        microdeposits::Msg::UseAccountNumbers.into(),
        microdeposits::Msg::Continue.into(),
        microdeposits::Msg::SubmitAccount {
            account_type: AccountType::Checking,
            number: Secret::new(ACCOUNT_NUMBER),
            confirmation: Secret::new(ACCOUNT_NUMBER),
        }
        .into(),
        microdeposits::Msg::SubmitHolder {
            first_name: "Jo".into(),
            last_name: "Doe".into(),
            email: "jo@example.com".into(),
        }
        .into(),
        microdeposits::Msg::Edit(microdeposits::ReviewRow::AccountNumber).into(),
        microdeposits::Msg::Confirm.into(),
        microdeposits::Msg::SubmitAmounts { first: format!("0.0{first}"), second: format!("0.0{second}") }.into(),
        microdeposits::Msg::SubmitAmounts { first: "0.01".into(), second: "0.02".into() }.into(),
        microdeposits::Msg::CheckAgain.into(),
        microdeposits::Msg::Resend.into(),
        microdeposits::Msg::StartOver.into(),
        microdeposits::Msg::Done.into(),
    ]);
    for action in [
        Action::TryAgain,
        Action::UpdateCredentials,
        Action::VisitWebsite,
        Action::TryAnotherInstitution,
        Action::GetHelp,
        Action::Disconnect,
    ] {
        out.push(outcomes::Msg::Act(action).into());
    }
    out
}

/// Nothing the partner's listeners, analytics or the console see carries a typed secret.
fn check_no_secret(fx: &[Effect]) {
    for effect in fx {
        let seen = match effect {
            Effect::Emit(event) => event.payload().to_string(),
            Effect::EmitIfChanged { event, current, previous } => format!("{} {current} {previous}", event.payload()),
            Effect::Analytic { name, data } => format!("{name} {data}"),
            Effect::Pageview { path, data } => format!("{path} {data}"),
            Effect::Warn(text) | Effect::OpenUrl(text) => text.clone(),
            Effect::OpenOAuthWindow { url } => url.clone(),
            Effect::Notify(notice) => format!("{notice:?}"),
            Effect::Fact(fact) => format!("{fact:?}"),
            // Host calls carry credentials to the host, as they must.
            Effect::Call { .. }
            | Effect::Timer { .. }
            | Effect::CloseOAuthWindow
            | Effect::FocusHeading
            | Effect::FocusFirstInvalid
            | Effect::SaveFocus
            | Effect::RestoreFocus => continue,
        };
        for secret in [MARK, ACCOUNT_NUMBER] {
            assert!(!seen.contains(secret), "a secret reached the partner: {seen}");
        }
    }
}

proptest! {
    #![proptest_config(Config {
        cases: SESSIONS,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..Config::default()
    })]

    #[test]
    fn random_fault_sessions_keep_every_invariant(
        (config, all_callbacks) in setup(),
        acts in prop::collection::vec(act(), 1..STEPS),
    ) {
        let mut session = Session::new(&config, all_callbacks);
        session.check(&[]);
        for (i, act) in acts.iter().enumerate() {
            session.act(act);
            session.check(&acts[..=i]);
        }
    }
}
