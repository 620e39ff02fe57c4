//! The flow machine, table by table: every step, event and back-navigation.
//! Native only: the machine is pure Rust, no browser needed.
#![cfg(not(target_arch = "wasm32"))]

use connect_widget::flow::*;
use connect_widget::host::{CredentialValue, HostCall, HostError, Reply};
use connect_widget::model::Secret;
use connect_widget::model::{
    ActionableCode, ConnectionStatus as S, CredentialField, Institution, Member, MfaCredential, MfaOption,
};
use serde_json::json;

const SECRET: &str = "s3cret-pw";

/// A flow plus everything it asked for, answered by hand.
struct Harness {
    flow: Flow,
    effects: Vec<Effect>,
}

fn env_all() -> Environment {
    Environment {
        available_callbacks: connect_widget::host::CALLBACK_NAMES.to_vec(),
        user_email: None,
        unavailable_institutions: vec!["Blocked Bank".into()],
    }
}

fn institution(guid: &str, name: &str) -> Institution {
    Institution::from_json(&json!({"guid": guid, "code": name.to_lowercase().replace(' ', "_"), "name": name, "url": "https://bank.example"}))
        .unwrap_or_default()
}

fn member_json(status: &str, aggregating: bool) -> serde_json::Value {
    json!({"guid": "MBR-1", "institution_guid": "INS-1", "connection_status": status, "is_being_aggregated": aggregating,
           "most_recent_job_guid": "JOB-1", "user_guid": "USR-1"})
}

fn member(status: &str, aggregating: bool) -> Member {
    Member::from_json(&member_json(status, aggregating)).unwrap_or_default()
}

fn challenged(kind: i64) -> Member {
    let mut v = member_json("CHALLENGED", false);
    v["mfa"] = json!({"credentials": [{"guid": "CRD-Q", "label": "Pick one", "field_type": kind,
        "options": [{"guid": "OPT-1", "label": "wrong", "credential_guid": "CRD-Q"}, {"guid": "OPT-2", "label": "correct"}]}]});
    Member::from_json(&v).unwrap_or_default()
}

fn fields() -> Vec<CredentialField> {
    vec![
        CredentialField {
            guid: "CRD-U".into(),
            label: "Username".into(),
            field_type: 3,
            display_order: 1,
            ..Default::default()
        },
        CredentialField {
            guid: "CRD-P".into(),
            label: "Password".into(),
            field_type: 1,
            display_order: 2,
            ..Default::default()
        },
    ]
}

impl Harness {
    fn with_config(config: serde_json::Value) -> Harness {
        let settings = Settings { poll_interval_ms: 10, search_debounce_ms: 5, per_page: 2, poll_failures_allowed: 3 };
        let flow = Flow::new(connect_widget::model::ClientConfig::from_json(&config), settings, env_all());
        let mut h = Harness { flow, effects: Vec::new() };
        h.send(Msg::Start);
        h
    }

    fn new() -> Harness {
        Harness::with_config(json!({}))
    }

    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        let fx = self.flow.update(msg);
        self.effects.extend(fx.clone());
        fx
    }

    /// The newest pending call named `name`.
    fn call(&self, name: &str) -> (Token, HostCall) {
        self.effects
            .iter()
            .rev()
            .find_map(|e| match e {
                Effect::Call { token, call } if call.name() == name => Some((*token, call.clone())),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no call to {name}; effects: {:?}", self.effects))
    }

    fn has_call(&self, name: &str) -> bool {
        self.effects.iter().any(|e| matches!(e, Effect::Call { call, .. } if call.name() == name))
    }

    fn reply(&mut self, name: &str, result: Result<Reply, HostError>) -> Vec<Effect> {
        let (token, _) = self.call(name);
        self.effects.clear();
        self.send(Msg::Reply { token, result })
    }

    fn fire_timer(&mut self) -> Vec<Effect> {
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
        self.send(Msg::Timer { token })
    }

    fn events(&self) -> Vec<(&'static str, serde_json::Value)> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Emit { event, data } => Some((*event, data.clone())),
                _ => None,
            })
            .collect()
    }

    fn event_names(&self) -> Vec<&'static str> {
        self.events().into_iter().map(|(n, _)| n).collect()
    }

    fn step(&self) -> &'static str {
        self.flow.step().id()
    }

    /// Search → MX Bank → credentials form ready.
    fn to_credentials() -> Harness {
        let mut h = Harness::new();
        h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![institution("INS-1", "MX Bank")])));
        h.send(Msg::Select("INS-1".into()));
        h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
        h.reply("getInstitutionCredentials", Ok(Reply::Credentials(fields())));
        h
    }

    fn submit_good_credentials(&mut self) {
        self.effects.clear();
        self.send(Msg::SubmitCredentials(vec![
            ("CRD-U".into(), Secret::new("test_atrium")),
            ("CRD-P".into(), Secret::new(SECRET)),
        ]));
    }

    /// …submitted and the member created, now polling.
    fn to_connecting(initial: Member) -> Harness {
        let mut h = Harness::to_credentials();
        h.submit_good_credentials();
        h.reply("addMember", Ok(Reply::Member(initial)));
        h
    }

    fn poll_answer(&mut self, m: Member) -> Vec<Effect> {
        self.reply("loadMemberByGuid", Ok(Reply::Member(m)))
    }
}

fn rejected(status: u16, data: serde_json::Value) -> HostError {
    HostError::Rejected { callback: "x", status: Some(status), data, message: None }
}

// ---- search ----------------------------------------------------------------

// On open the widget shows popular institutions and says it loaded on `search`.
#[test]
fn opens_on_search_with_popular_institutions() {
    let mut h = Harness::new();
    assert_eq!(h.step(), "search");
    assert_eq!(h.events()[0], ("connect/loaded", json!({"initial_step": "search"})));
    assert!(h
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Pageview { path, .. } if path == "/connect/aggregation/search/popular")));
    assert!(!h.effects.contains(&Effect::FocusHeading), "appearing does not steal the page's focus");
    h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![institution("INS-1", "MX Bank")])));
    match h.flow.step() {
        Step::Search(s) => assert_eq!(s.popular.as_ref().map(Vec::len), Some(1)),
        other => panic!("{other:?}"),
    }
}

// Search runs only after a pause, only from 2 characters, and only for the latest text.
#[test]
fn search_is_debounced_and_needs_two_characters() {
    let mut h = Harness::new();
    h.effects.clear();
    h.send(Msg::SearchTyped("m".into()));
    assert!(!h.effects.iter().any(|e| matches!(e, Effect::Timer { .. })), "1 character does not search");
    h.send(Msg::SearchTyped("mx".into()));
    let (first_timer, _) = match h.effects.last() {
        Some(Effect::Timer { token, after_ms }) => (*token, *after_ms),
        other => panic!("{other:?}"),
    };
    h.send(Msg::SearchTyped("mx b".into()));
    // The first timer is stale now: firing it does nothing.
    h.effects.clear();
    h.send(Msg::Timer { token: first_timer });
    assert!(h.effects.is_empty());
    h.send(Msg::SearchTyped("mx ba".into()));
    h.fire_timer();
    assert_eq!(h.events(), vec![("connect/institutionSearch", json!({"query": "mx ba"}))]);
    match h.call("loadInstitutions").1 {
        HostCall::LoadInstitutions(q) => {
            assert_eq!(q.search_name.as_deref(), Some("mx ba"));
            assert_eq!(q.page, 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Loading, .. })));
}

// Nine digits search by routing number (inventory §10).
#[test]
fn nine_digits_search_by_routing_number() {
    let mut h = Harness::new();
    h.send(Msg::SearchTyped("123456789".into()));
    h.send(Msg::SearchNow);
    match h.call("loadInstitutions").1 {
        HostCall::LoadInstitutions(q) => {
            assert_eq!(q.routing_number.as_deref(), Some("123456789"));
            assert_eq!(q.search_name, None);
        }
        other => panic!("{other:?}"),
    }
}

// Results page, "load more" appends the next page, a short page ends paging.
#[test]
fn results_page_and_load_more() {
    let mut h = Harness::new();
    h.send(Msg::SearchTyped("bank".into()));
    h.send(Msg::SearchNow);
    h.reply(
        "loadInstitutions",
        Ok(Reply::Institutions(vec![institution("INS-1", "A Bank"), institution("INS-2", "B Bank")])),
    );
    let results = |h: &Harness| match h.flow.step() {
        Step::Search(SearchState { view: SearchView::Results(r), .. }) => r.clone(),
        other => panic!("{other:?}"),
    };
    assert!(results(&h).has_more, "a full page may have more");
    h.send(Msg::LoadMore);
    match h.call("loadInstitutions").1 {
        HostCall::LoadInstitutions(q) => assert_eq!(q.page, 2),
        other => panic!("{other:?}"),
    }
    assert!(results(&h).loading_more);
    h.reply("loadInstitutions", Ok(Reply::Institutions(vec![institution("INS-3", "C Bank")])));
    let r = results(&h);
    assert_eq!(r.items.len(), 3);
    assert!(!r.has_more && !r.loading_more);
    assert!(h.events().is_empty(), "load more is not a new search");
}

// No results and a failed search each have their own view; retry searches again.
#[test]
fn no_results_and_failed_search() {
    let mut h = Harness::new();
    h.send(Msg::SearchTyped("zzzz".into()));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Ok(Reply::Institutions(vec![])));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::NoResults { .. }, .. })));
    h.send(Msg::SearchNow);
    h.reply("loadInstitutions", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Failed { .. }, .. })));
    h.effects.clear();
    h.send(Msg::RetrySearch);
    assert!(h.has_call("loadInstitutions"));
    h.send(Msg::ClearSearch);
    assert!(matches!(h.flow.step(), Step::Search(SearchState { view: SearchView::Popular, .. })));
}

// A popular list that fails to load can be retried.
#[test]
fn popular_failure_is_retryable() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Err(HostError::TimedOut { callback: "loadPopularInstitutions", after_ms: 10 }));
    assert!(matches!(h.flow.step(), Step::Search(SearchState { popular_failed: true, .. })));
    h.send(Msg::RetrySearch);
    assert!(h.has_call("loadPopularInstitutions"));
}

// Picking an institution tells the host, loads its full record, then asks for credentials.
#[test]
fn selecting_an_institution_opens_credentials() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![institution("INS-1", "MX Bank")])));
    h.send(Msg::Select("INS-1".into()));
    assert_eq!(h.events()[0].0, "connect/selectedInstitution");
    assert_eq!(h.events()[0].1["guid"], "INS-1");
    assert_eq!(h.events()[0].1["name"], "MX Bank");
    h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.events(), vec![("connect/stepChange", json!({"previous": "search", "current": "enterCreds"}))]);
    assert!(h.effects.contains(&Effect::FocusHeading), "a step change moves focus to its heading");
    assert!(
        matches!(h.call("getInstitutionCredentials").1, HostCall::GetInstitutionCredentials { ref institution_guid } if institution_guid == "INS-1")
    );
}

// A selection that fails to load stays on search with a message, not silently (a reference quirk).
#[test]
fn failed_selection_is_reported() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![institution("INS-1", "MX Bank")])));
    h.send(Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Err(rejected(500, json!(null))));
    assert!(
        matches!(h.flow.step(), Step::Search(SearchState { select_failed: Some(ref g), selecting: None, .. }) if g == "INS-1")
    );
}

// Unavailable institutions (status 3, client-blocked, host list) explain before any credentials.
#[test]
fn unavailable_institutions_explain_first() {
    for inst in [
        Institution { status: Some(3), ..institution("INS-9", "Down Bank") },
        Institution { is_disabled_by_client: true, ..institution("INS-9", "Off Bank") },
        institution("INS-9", "Blocked Bank"),
    ] {
        let mut h = Harness::new();
        h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![inst.clone()])));
        h.send(Msg::Select("INS-9".into()));
        h.reply("loadInstitutionByGuid", Ok(Reply::Institution(inst)));
        assert_eq!(h.step(), "institutionStatusDetails");
        assert!(!h.has_call("getInstitutionCredentials"));
        h.effects.clear();
        h.send(Msg::Back);
        assert_eq!(h.step(), "search");
        assert_eq!(h.event_names(), vec!["connect/backToSearch", "connect/stepChange"]);
    }
}

// ---- credentials -----------------------------------------------------------

// Required fields are checked before anything is sent.
#[test]
fn credentials_are_validated_before_submit() {
    let mut h = Harness::to_credentials();
    h.effects.clear();
    h.send(Msg::SubmitCredentials(vec![("CRD-U".into(), Secret::new("  ")), ("CRD-P".into(), Secret::new(SECRET))]));
    assert!(!h.has_call("addMember"));
    assert!(h.effects.contains(&Effect::FocusFirstInvalid));
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.invalid == vec!["CRD-U".to_string()]));
}

// A good submit tells the host, creates the member and polls it while it aggregates.
#[test]
fn submit_creates_member_and_polls() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    assert_eq!(
        h.events(),
        vec![("connect/enterCredentials", json!({"institution": {"code": "mx_bank", "guid": "INS-1"}}))]
    );
    match h.call("addMember").1 {
        HostCall::AddMember { credentials, institution_guid, .. } => {
            assert_eq!(institution_guid, "INS-1");
            assert_eq!(credentials[1], CredentialValue { guid: "CRD-P".into(), value: Some(Secret::new(SECRET)) });
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.submitting));
    h.reply("addMember", Ok(Reply::Member(member("CREATED", true))));
    assert_eq!(h.step(), "connecting");
    assert!(h.has_call("loadMemberByGuid"), "already aggregating: poll at once");
    assert!(h.has_call("loadJob"));
    assert!(!h.has_call("runJob"));
}

// A member that is not aggregating gets `runJob` first, then polling.
#[test]
fn idle_member_runs_a_job_first() {
    let h = Harness::to_connecting(member("CREATED", false));
    // Not aggregating, whatever the status: run a job (as the reference does).
    assert!(h.has_call("runJob"));
    assert!(!h.has_call("loadMemberByGuid"), "polling starts once the job runs");
    let mut h2 = Harness::to_credentials();
    h2.submit_good_credentials();
    h2.reply("addMember", Ok(Reply::Member(member("FAILED", false))));
    assert!(matches!(h2.call("runJob").1, HostCall::RunJob { job_type: 0, ref member_guid } if member_guid == "MBR-1"));
    h2.reply("runJob", Err(rejected(409, json!(null))));
    assert!(h2.has_call("loadMemberByGuid"), "409 from runJob means a job is running: follow it");
}

// 409 "member already exists" loads that member and updates it with the new credentials.
#[test]
fn existing_member_is_updated() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-1"}))));
    assert!(matches!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { ref guid } if guid == "MBR-1"));
    h.reply("loadMemberByGuid", Ok(Reply::Member(member("DENIED", false))));
    match h.call("updateMember").1 {
        HostCall::UpdateMember { member, credentials } => {
            assert_eq!(member["guid"], "MBR-1");
            assert_eq!(credentials.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    h.reply("updateMember", Ok(Reply::Member(member("UPDATED", true))));
    assert_eq!(h.step(), "connecting");
}

// updateMember's answer counts as known, like addMember's: polling it back is not a status change.
#[test]
fn update_member_status_is_known_before_polling() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-1"}))));
    h.reply("loadMemberByGuid", Ok(Reply::Member(member("DENIED", false))));
    h.reply("updateMember", Ok(Reply::Member(member("UPDATED", true))));
    h.poll_answer(member("UPDATED", true));
    assert!(!h.event_names().contains(&"connect/memberStatusUpdate"), "{:?}", h.events());
    h.fire_timer();
    h.poll_answer(member("CONNECTED", true));
    assert_eq!(
        h.events(),
        vec![("connect/memberStatusUpdate", json!({"member_guid": "MBR-1", "connection_status": 6}))]
    );
}

// 409 on a challenged member goes straight to its questions.
#[test]
fn existing_challenged_member_goes_to_mfa() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Err(rejected(409, json!({"guid": "MBR-1"}))));
    h.reply("loadMemberByGuid", Ok(Reply::Member(challenged(0))));
    assert_eq!(h.step(), "mfa");
}

// Any other failure keeps the form, says what happened, and tells the host.
#[test]
fn add_member_failure_keeps_the_form() {
    for (error, expected) in [
        (rejected(500, json!(null)), SubmitError::Generic),
        (rejected(403, json!(null)), SubmitError::NotEnabled),
        (rejected(409, json!(null)), SubmitError::CheckInput),
        (HostError::TimedOut { callback: "addMember", after_ms: 5 }, SubmitError::Unreachable),
        (HostError::Failed { callback: "addMember", message: "boom".into() }, SubmitError::Generic),
    ] {
        let mut h = Harness::to_credentials();
        h.submit_good_credentials();
        h.reply("addMember", Err(error));
        assert_eq!(
            h.events(),
            vec![("connect/createMemberError", json!({"institution_guid": "INS-1", "institution_code": "mx_bank"}))]
        );
        assert!(
            matches!(h.flow.step(), Step::Credentials(c) if !c.submitting && c.submit_error == Some(expected.clone()))
        );
    }
}

// Credentials that fail to load can be retried.
#[test]
fn credential_fields_failure_is_retryable() {
    let mut h = Harness::new();
    h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![institution("INS-1", "MX Bank")])));
    h.send(Msg::Select("INS-1".into()));
    h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
    h.reply("getInstitutionCredentials", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Credentials(CredentialsState { fields: Load::Failed, .. })));
    h.effects.clear();
    h.send(Msg::RetryLoadFields);
    assert!(h.has_call("getInstitutionCredentials"));
}

// Back from credentials returns to search with its results, and tells the host.
#[test]
fn back_from_credentials_returns_to_search() {
    let mut h = Harness::to_credentials();
    assert!(h.flow.can_go_back());
    h.effects.clear();
    h.send(Msg::Back);
    assert_eq!(h.step(), "search");
    assert_eq!(h.event_names(), vec!["connect/backToSearch", "connect/stepChange"]);
    assert!(matches!(h.flow.step(), Step::Search(s) if s.popular.is_some()), "popular list kept");
    assert!(h.flow.institution.is_none());
}

// A reply for a step the user has left is ignored.
#[test]
fn late_replies_are_ignored() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    let (token, _) = h.call("addMember");
    h.send(Msg::Back);
    h.effects.clear();
    h.send(Msg::Reply { token, result: Ok(Reply::Member(member("CREATED", true))) });
    assert_eq!(h.step(), "search");
    assert!(h.effects.is_empty());
}

// ---- connecting ------------------------------------------------------------

// Polling goes on while processing, reports only real status changes, and ends connected.
#[test]
fn polling_until_connected() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CREATED", true));
    assert!(h.events().is_empty(), "same status: no memberStatusUpdate");
    assert!(h.effects.iter().any(|e| matches!(e, Effect::Timer { after_ms: 10, .. })), "poll interval from settings");
    h.fire_timer();
    assert!(h.has_call("loadMemberByGuid"));
    h.poll_answer(member("CONNECTED", true));
    assert_eq!(
        h.events(),
        vec![("connect/memberStatusUpdate", json!({"member_guid": "MBR-1", "connection_status": 6}))]
    );
    assert!(matches!(h.flow.step(), Step::Connecting(c) if c.phase == ConnectingPhase::Syncing));
    h.fire_timer();
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(
        h.events(),
        vec![
            ("connect/memberConnected", json!({"member_guid": "MBR-1", "user_guid": "USR-1"})),
            ("connect/stepChange", json!({"previous": "connecting", "current": "connected"})),
        ]
    );
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(h.event_names(), vec!["connect/connected/primaryAction", "connect/backToSearch", "connect/stepChange"]);
    assert_eq!(h.step(), "search");
}

// Polls that keep failing stop with a retry instead of spinning forever.
#[test]
fn failing_polls_offer_retry() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    for _ in 0..2 {
        h.reply("loadMemberByGuid", Err(HostError::TimedOut { callback: "loadMemberByGuid", after_ms: 5 }));
        h.fire_timer();
    }
    h.reply("loadMemberByGuid", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Connecting(c) if c.failed == Some(SubmitError::Unreachable)));
    assert!(!h.effects.iter().any(|e| matches!(e, Effect::Timer { .. })));
    h.effects.clear();
    h.send(Msg::RetryConnecting);
    assert!(h.has_call("runJob"));
}

// A runJob that fails shows a retry, not a thrown error (a reference quirk).
#[test]
fn run_job_failure_offers_retry() {
    let mut h = Harness::to_credentials();
    h.submit_good_credentials();
    h.reply("addMember", Ok(Reply::Member(member("FAILED", false))));
    h.reply("runJob", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Connecting(c) if c.failed.is_some()));
}

// Back while connecting stops polling and returns to the form.
#[test]
fn back_while_connecting_stops_polling() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let (token, _) = h.call("loadMemberByGuid");
    h.send(Msg::Back);
    assert_eq!(h.step(), "enterCreds");
    h.effects.clear();
    h.send(Msg::Reply { token, result: Ok(Reply::Member(member("CONNECTED", false))) });
    assert!(h.effects.is_empty());
}

// Issue 3: every status 0–21 polled while connecting leads to its step.
#[test]
fn every_polled_status_leads_to_its_step() {
    for status in S::ALL {
        let mut h = Harness::to_connecting(member("CREATED", true));
        let m = if status == S::Challenged { challenged(0) } else { member(status.name(), false) };
        h.poll_answer(m);
        let expected = match status {
            S::Created | S::Reconnected | S::Updated | S::Resumed => "connecting",
            S::Challenged => "mfa",
            S::Connected => "connected",
            S::Prevented | S::Denied | S::Impaired | S::Imported | S::Pending => "enterCreds",
            _ => "actionableError",
        };
        assert_eq!(h.step(), expected, "status {status:?}");
        if expected == "actionableError" {
            assert!(h.event_names().contains(&"connect/memberError"), "status {status:?}");
        }
        if expected == "enterCreds" {
            assert!(matches!(h.flow.step(), Step::Credentials(c) if c.is_update() && c.reason.is_some()));
            assert!(h.has_call("getMemberCredentials"));
        }
    }
}

// Issue 3: actionable codes route to their own screen, MFA or credentials.
#[test]
fn every_actionable_code_leads_to_its_step() {
    for code in ActionableCode::ALL {
        let mut h = Harness::with_config(json!({"mode": "verification"}));
        h.reply("loadPopularInstitutions", Ok(Reply::Institutions(vec![institution("INS-1", "MX Bank")])));
        h.send(Msg::Select("INS-1".into()));
        h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
        h.reply("getInstitutionCredentials", Ok(Reply::Credentials(fields())));
        h.submit_good_credentials();
        h.reply("addMember", Ok(Reply::Member(member("CREATED", true))));
        let mut m = if matches!(code.code(), 2001..=2003) { challenged(0) } else { member("FAILED", false) };
        m.connection_status = Some(if matches!(code.code(), 2001..=2003) { S::Challenged } else { S::Failed });
        m.is_being_aggregated = false;
        m.error = Some(connect_widget::model::MemberError {
            error_code: Some(i64::from(code.code())),
            user_message: Some("From the bank".into()),
        });
        h.poll_answer(m);
        let expected = match code.code() {
            2001..=2003 => "mfa",
            2004 | 2005 => "enterCreds",
            _ => "actionableError",
        };
        assert_eq!(h.step(), expected, "code {code:?}");
        if expected == "actionableError" {
            assert!(matches!(h.flow.step(), Step::ActionableError { code: c } if *c == code));
            assert!(h
                .events()
                .contains(&("connect/invalidData", json!({"member_guid": "MBR-1", "code": code.code()}))));
        }
    }
}

// ---- MFA -------------------------------------------------------------------

// Text answers go to updateMFA as `{guid, value}`; the host hears submitMFA without the answer.
#[test]
fn mfa_text_answers_are_sent() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut m = challenged(0);
    m.mfa = vec![MfaCredential { guid: "CRD-Q".into(), label: "City?".into(), ..Default::default() }];
    h.poll_answer(m);
    assert_eq!(h.step(), "mfa");
    h.effects.clear();
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new(""))]));
    assert!(!h.has_call("updateMFA"), "empty answer is not sent");
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new("correct"))]));
    assert_eq!(h.events(), vec![("connect/submitMFA", json!({"member_guid": "MBR-1"}))]);
    match h.call("updateMFA").1 {
        HostCall::UpdateMfa { member, credentials } => {
            assert_eq!(member["guid"], "MBR-1");
            assert_eq!(
                credentials,
                vec![CredentialValue { guid: "CRD-Q".into(), value: Some(Secret::new("correct")) }]
            );
        }
        other => panic!("{other:?}"),
    }
    h.reply("updateMFA", Ok(Reply::Member(member("RESUMED", true))));
    assert_eq!(h.step(), "connecting");
    assert!(h.has_call("loadMemberByGuid"));
    h.poll_answer(member("RESUMED", true));
    assert!(!h.event_names().contains(&"connect/memberStatusUpdate"), "updateMFA's status is already known");
}

// Option answers send the chosen option's guid on its credential, even without `credential_guid`.
#[test]
fn mfa_option_choice_goes_on_its_credential() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(2));
    assert!(matches!(h.flow.step(), Step::Mfa(m) if m.kind() == MfaKind::Options));
    h.effects.clear();
    h.send(Msg::SubmitMfaChoice(None));
    assert!(!h.has_call("updateMFA"), "a choice is required");
    h.send(Msg::SubmitMfaChoice(Some("OPT-2".into())));
    match h.call("updateMFA").1 {
        HostCall::UpdateMfa { credentials, .. } => {
            assert_eq!(credentials, vec![CredentialValue { guid: "CRD-Q".into(), value: Some(Secret::new("OPT-2")) }]);
        }
        other => panic!("{other:?}"),
    }
}

// Image options and account selection are recognised from the challenge.
#[test]
fn mfa_kinds() {
    let mut m = challenged(14);
    let state = |m: &Member| MfaState {
        challenges: m.mfa.clone(),
        submitting: false,
        invalid: vec![],
        submit_error: None,
        previous_wrong: false,
        timed_out: false,
    };
    assert_eq!(state(&m).kind(), MfaKind::ImageOptions);
    m.mfa[0].external_id = Some("single_account_select".into());
    assert_eq!(state(&m).kind(), MfaKind::AccountSelect);
    m.mfa[0].options = vec![MfaOption { guid: "ACT-1".into(), label: "Checking".into(), ..Default::default() }];
    assert_eq!(state(&m).kind(), MfaKind::AccountSelect);
}

// A wrong answer (REJECTED) explains and lets the user try again; then two rounds of MFA.
#[test]
fn wrong_answer_then_try_again_then_two_rounds() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new("nope"))]));
    h.reply("updateMFA", Ok(Reply::Member(member("RESUMED", true))));
    h.poll_answer(member("REJECTED", false));
    assert!(matches!(h.flow.step(), Step::LoginError { status: Some(S::Rejected) }));
    h.effects.clear();
    h.send(Msg::Act(Action::TryAgain));
    assert!(h.has_call("runJob"));
    assert_eq!(h.step(), "connecting");
    h.reply("runJob", Ok(Reply::Done));
    h.poll_answer(challenged(0));
    assert_eq!(h.step(), "mfa");
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new("challenge"))]));
    h.reply("updateMFA", Ok(Reply::Member(member("RESUMED", true))));
    h.poll_answer(challenged(0));
    assert_eq!(h.step(), "mfa", "second round");
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new("correct"))]));
    h.reply("updateMFA", Ok(Reply::Member(member("RESUMED", true))));
    h.poll_answer(member("CONNECTED", false));
    assert_eq!(h.step(), "connected");
}

// An updateMFA failure stays on the question with a message.
#[test]
fn mfa_submit_failure_stays() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new("x"))]));
    h.reply("updateMFA", Err(rejected(500, json!(null))));
    assert!(matches!(h.flow.step(), Step::Mfa(m) if !m.submitting && m.submit_error.is_some()));
}

// ---- results and actions -----------------------------------------------------

// Each login-error action does what it says.
#[test]
fn login_error_actions() {
    let to_locked = || {
        let mut h = Harness::to_connecting(member("CREATED", true));
        h.poll_answer(member("LOCKED", false));
        h.effects.clear();
        h
    };
    let mut h = to_locked();
    h.send(Msg::Act(Action::VisitWebsite));
    assert_eq!(h.effects, vec![Effect::OpenUrl("https://bank.example".into())]);
    let mut h = to_locked();
    h.send(Msg::Act(Action::TryAnotherInstitution));
    assert_eq!(h.step(), "search");
    assert_eq!(h.event_names()[0], "connect/backToSearch");
    let mut h = to_locked();
    h.send(Msg::Act(Action::UpdateCredentials));
    assert!(matches!(h.flow.step(), Step::Credentials(c) if c.is_update()));
    assert!(h.has_call("getMemberCredentials"));
}

// Update credentials end to end: getMemberCredentials, updateMember, connecting.
#[test]
fn update_credentials_end_to_end() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("DENIED", false));
    assert_eq!(h.event_names()[..2], ["connect/memberStatusUpdate", "connect/memberError"]);
    h.reply("getMemberCredentials", Ok(Reply::Credentials(fields())));
    h.submit_good_credentials();
    assert_eq!(
        h.events(),
        vec![(
            "connect/updateCredentials",
            json!({"member_guid": "MBR-1", "institution": {"code": "mx_bank", "guid": "INS-1"}})
        )]
    );
    h.reply("updateMember", Ok(Reply::Member(member("UPDATED", true))));
    assert_eq!(h.step(), "connecting");
}

// ---- support and disconnect -------------------------------------------------

// The support form validates, sends, and recovers from a failure (a reference quirk).
#[test]
fn support_request() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("FAILED", false));
    h.effects.clear();
    h.send(Msg::Act(Action::GetHelp));
    assert!(matches!(h.flow.overlay, Some(Overlay::Support(_))));
    assert!(h.effects.contains(&Effect::FocusHeading));
    h.send(Msg::SubmitSupport { email: "bad".into(), title: "".into(), message: "x".into() });
    assert!(
        matches!(&h.flow.overlay, Some(Overlay::Support(s)) if s.invalid == vec![SupportField::Email, SupportField::Title])
    );
    h.send(Msg::SubmitSupport { email: "a@b.co".into(), title: "Help".into(), message: "It fails".into() });
    assert!(
        matches!(h.call("createSupportTicket").1, HostCall::CreateSupportTicket(ref t) if t.email == "a@b.co" && t.title == "Help")
    );
    h.reply("createSupportTicket", Err(rejected(500, json!(null))));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Support(s)) if !s.submitting && s.error.is_some()));
    h.send(Msg::SubmitSupport { email: "a@b.co".into(), title: "Help".into(), message: "It fails".into() });
    h.reply("createSupportTicket", Ok(Reply::Done));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Support(s)) if s.sent_to.as_deref() == Some("a@b.co")));
    h.send(Msg::CloseSupport);
    assert!(h.flow.overlay.is_none());
    assert_eq!(h.step(), "actionableError");
}

// Disconnect needs a reason, can fail and be retried, and ends on its own step.
#[test]
fn disconnect_member() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CLOSED", false));
    h.send(Msg::Act(Action::Disconnect));
    assert!(matches!(h.flow.overlay, Some(Overlay::Disconnect(_))));
    h.effects.clear();
    h.send(Msg::ConfirmDisconnect { reason: None });
    assert!(!h.has_call("deleteMember"));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Disconnect(d)) if d.reason_missing));
    h.send(Msg::ConfirmDisconnect { reason: Some(Key::DisconnectReasonOther.into()) });
    h.reply("deleteMember", Err(rejected(500, json!(null))));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Disconnect(d)) if d.error.is_some() && !d.submitting));
    h.send(Msg::ConfirmDisconnect { reason: Some(Key::DisconnectReasonOther.into()) });
    h.reply("deleteMember", Ok(Reply::Done));
    assert_eq!(h.step(), "deleteMemberSuccess");
    assert_eq!(h.events()[0], ("connect/memberDeleted", json!({"member_guid": "MBR-1"})));
    h.effects.clear();
    h.send(Msg::Done);
    assert_eq!(h.step(), "search");
    // Escape / cancel closes the dialog.
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CLOSED", false));
    h.effects.clear();
    h.send(Msg::OpenDisconnect);
    assert_eq!(
        h.effects[..2],
        [
            Effect::SaveFocus,
            Effect::Pageview { path: "/connect/aggregation/delete_member/survey".into(), data: json!({}) }
        ]
    );
    h.effects.clear();
    h.send(Msg::Back);
    assert_eq!(h.effects, vec![Effect::RestoreFocus], "focus goes back to the control that opened the dialog");
    assert!(h.flow.overlay.is_none());
    assert_eq!(h.step(), "actionableError");
}

// ---- start from configuration ------------------------------------------------

// `current_institution_code` opens straight on credentials.
#[test]
fn starts_on_configured_institution() {
    let mut h = Harness::with_config(json!({"current_institution_code": "mxbank"}));
    assert_eq!(h.step(), "loading");
    assert!(h.events().is_empty(), "loaded only once a step shows");
    h.reply("loadInstitutionByCode", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
    assert_eq!(h.step(), "enterCreds");
    assert_eq!(h.events(), vec![("connect/loaded", json!({"initial_step": "enterCreds"}))]);
    assert!(h.flow.can_go_back(), "search is allowed");
    h.send(Msg::Back);
    assert_eq!(h.step(), "search");
}

// `disable_institution_search` hides every way back to search.
#[test]
fn disabled_search_has_no_way_back() {
    let mut h = Harness::with_config(json!({"current_institution_guid": "INS-1", "disable_institution_search": true}));
    h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
    assert!(!h.flow.can_go_back());
    let (went, _) = h.flow.navigate_back();
    assert!(!went);
    assert_eq!(h.step(), "enterCreds");
    assert!(!h.flow.allowed().search);
}

// Issue 3: the first step for `current_member_guid` follows the reference rules.
#[test]
fn first_step_for_a_configured_member() {
    let cases: Vec<(serde_json::Value, Member, &str)> = vec![
        (json!({}), member("CONNECTED", false), "connected"),
        (json!({}), challenged(0), "mfa"),
        (json!({"update_credentials": true}), challenged(0), "mfa"),
        (json!({"update_credentials": true}), member("CONNECTED", false), "enterCreds"),
        (json!({}), member("DENIED", false), "enterCreds"),
        (json!({}), member("REJECTED", false), "connecting"),
        (json!({}), member("EXPIRED", false), "connecting"),
        (json!({}), member("CREATED", true), "connecting"),
        (json!({}), member("LOCKED", false), "actionableError"),
        (json!({}), member("PENDING", false), "enterCreds"),
    ];
    for (extra, m, expected) in cases {
        let mut config = json!({"current_member_guid": "MBR-1"});
        if let (Some(c), Some(e)) = (config.as_object_mut(), extra.as_object()) {
            c.extend(e.clone());
        }
        let mut h = Harness::with_config(config);
        assert!(matches!(h.call("loadMemberByGuid").1, HostCall::LoadMemberByGuid { ref guid } if guid == "MBR-1"));
        h.reply("loadMemberByGuid", Ok(Reply::Member(m.clone())));
        assert!(h.has_call("loadMembers"));
        h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
        assert_eq!(h.step(), expected, "{:?} {:?}", m.connection_status, h.flow.config.update_credentials);
        assert_eq!(h.events().iter().filter(|(n, _)| *n == "connect/loaded").count(), 1);
    }
}

// `update_credentials` on a healthy member is the partner's request, not an error: no memberError,
// no reason notice; on a member in trouble the error is reported and explained as usual.
#[test]
fn update_credentials_on_a_healthy_member_is_no_error() {
    for (m, error) in
        [(member("CONNECTED", false), false), (member("LOCKED", false), true), (member("DENIED", false), true)]
    {
        let status = m.connection_status;
        let mut h = Harness::with_config(json!({"current_member_guid": "MBR-1", "update_credentials": true}));
        h.reply("loadMemberByGuid", Ok(Reply::Member(m)));
        h.reply("loadInstitutionByGuid", Ok(Reply::Institution(institution("INS-1", "MX Bank"))));
        assert_eq!(h.step(), "enterCreds", "{status:?}");
        assert_eq!(h.event_names().contains(&"connect/memberError"), error, "{status:?}");
        let reason = match h.flow.step() {
            Step::Credentials(c) => c.reason,
            other => panic!("{other:?}"),
        };
        assert_eq!(reason.is_some(), error, "{status:?}");
    }
}

// A member or institution that cannot be loaded shows 404 vs other, with a retry.
#[test]
fn configured_member_that_fails_to_load() {
    let mut h = Harness::with_config(json!({"current_member_guid": "MBR-404"}));
    h.reply("loadMemberByGuid", Err(rejected(404, json!(null))));
    assert_eq!(h.flow.step(), &Step::LoadError { not_found: true });
    h.effects.clear();
    h.send(Msg::RetryLoad);
    h.reply("loadMemberByGuid", Ok(Reply::Member(member("CONNECTED", false))));
    h.reply("loadInstitutionByGuid", Err(HostError::TimedOut { callback: "loadInstitutionByGuid", after_ms: 5 }));
    assert_eq!(h.flow.step(), &Step::LoadError { not_found: false });
}

// ---- secrets ---------------------------------------------------------------

// Credentials and MFA answers never reach an event, analytic or pageview.
#[test]
fn secrets_never_leave_in_events() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(challenged(0));
    h.send(Msg::SubmitMfaAnswers(vec![("CRD-Q".into(), Secret::new("mfa-answer-xyz"))]));
    h.reply("updateMFA", Ok(Reply::Member(member("RESUMED", true))));
    h.poll_answer(member("CONNECTED", false));
    let mut all = Harness::to_credentials();
    all.submit_good_credentials();
    all.effects.extend(h.effects.clone());
    for e in &all.effects {
        if let Effect::Emit { data, .. } | Effect::Analytic { data, .. } | Effect::Pageview { data, .. } = e {
            let text = data.to_string();
            assert!(!text.contains(SECRET) && !text.contains("mfa-answer-xyz"), "{e:?}");
        }
    }
    assert!(!format!("{:?}", all.flow).contains(SECRET), "state Debug hides secrets");
}

#[test]
fn email_check() {
    assert!(is_email("a@b.co"));
    assert!(!is_email("a@b"));
    assert!(!is_email("a b@c.d"));
    assert!(!is_email("@b.co"));
}
