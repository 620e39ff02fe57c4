//! The sandbox as the widget sees it: every call goes through `handle`, and
//! every successful reply is decoded by `host::decode` (the harness checks
//! this on each call), so these tests also prove the sandbox speaks the
//! host contract.

use super::*;
use crate::host::{decode, CredentialValue, InstitutionQuery, Reply, SupportTicket};
use crate::model::{field_type, ConnectionStatus as S, Member, Secret};

/// The payload of a reply of the expected variant; fails the test otherwise.
macro_rules! take {
    ($reply:expr, $variant:path) => {{
        let reply = $reply;
        let shown = format!("{reply:?}");
        let payload = match reply {
            $variant(inner) => Some(inner),
            _ => None,
        };
        assert!(payload.is_some(), "expected {}, got {shown}", stringify!($variant));
        payload.unwrap_or_default()
    }};
}

const AGG: f64 = 1000.0;
const SYNC: f64 = 200.0;
const MFA_TIMEOUT: f64 = 60_000.0;
/// Long enough for any job to reach its end state (including syncing).
const SETTLE: f64 = AGG + SYNC + 1.0;

struct Harness {
    sandbox: Sandbox,
    now: f64,
}

fn harness() -> Harness {
    let options =
        SandboxOptions { aggregation_ms: AGG, sync_ms: SYNC, mfa_timeout_ms: MFA_TIMEOUT, ..Default::default() };
    Harness { sandbox: Sandbox::new(options), now: 0.0 }
}

impl Harness {
    /// Make a call; a successful reply must decode through `host::decode`.
    fn call(&mut self, call: &HostCall) -> Result<Value, HostError> {
        let result = self.sandbox.handle(call, self.now);
        if let Ok(value) = &result {
            let decoded = decode(call, value);
            assert!(decoded.is_ok(), "{} reply does not decode: {decoded:?}\n{value}", call.name());
        }
        result
    }

    fn ok(&mut self, call: &HostCall) -> Value {
        let result = self.call(call);
        assert!(result.is_ok(), "{} failed: {result:?}", call.name());
        result.unwrap_or_default()
    }

    fn reply(&mut self, call: &HostCall) -> Reply {
        let value = self.ok(call);
        decode(call, &value).unwrap_or(Reply::Done)
    }

    /// The rejection of a call that must fail, as (status, data).
    fn rejected(&mut self, call: &HostCall) -> (Option<u16>, Value) {
        let result = self.call(call);
        assert!(
            matches!(result, Err(HostError::Rejected { .. })),
            "{} should be rejected, got {result:?}",
            call.name()
        );
        let Err(HostError::Rejected { callback, status, data, message }) = result else {
            return (None, Value::Null);
        };
        assert_eq!(callback, call.name());
        assert!(message.is_some_and(|m| !m.is_empty()), "a rejection explains itself");
        (status, data)
    }

    fn advance(&mut self, ms: f64) {
        self.now += ms;
    }

    fn institution(&mut self, code: &str) -> Value {
        self.ok(&HostCall::LoadInstitutionByCode { code: code.into() })
    }

    /// Credentials for `code`'s login form: the username and password given,
    /// "12345" for any other field.
    fn login(&mut self, code: &str, username: &str, password: &str) -> (Value, Vec<CredentialValue>) {
        let institution = self.institution(code);
        let guid = institution["guid"].as_str().unwrap_or_default().to_string();
        let fields =
            take!(self.reply(&HostCall::GetInstitutionCredentials { institution_guid: guid }), Reply::Credentials);
        let credentials = fields
            .iter()
            .map(|f| {
                let value = match f.field_type {
                    field_type::LOGIN => username,
                    field_type::PASSWORD => password,
                    _ => "12345",
                };
                CredentialValue { guid: f.guid.clone(), value: Some(Secret::new(value)) }
            })
            .collect();
        (institution, credentials)
    }

    fn add_call(&mut self, code: &str, username: &str, password: &str) -> HostCall {
        let (institution, credentials) = self.login(code, username, password);
        let institution_guid = institution["guid"].as_str().unwrap_or_default().to_string();
        HostCall::AddMember { institution, institution_guid, credentials, is_oauth: false }
    }

    /// Add a member at `code` and return it as decoded.
    fn add(&mut self, code: &str, username: &str, password: &str) -> Member {
        let call = self.add_call(code, username, password);
        member_of(self.reply(&call))
    }

    fn load(&mut self, guid: &str) -> Member {
        member_of(self.reply(&HostCall::LoadMemberByGuid { guid: guid.into() }))
    }

    fn settled(&mut self, guid: &str) -> Member {
        self.advance(SETTLE);
        self.load(guid)
    }

    /// Answer the member's (single) challenge with `value`.
    fn answer(&mut self, member: &Member, value: &str) -> Member {
        let guid = member.mfa.first().map(|c| c.guid.clone()).unwrap_or_default();
        let call = HostCall::UpdateMfa {
            member: member.raw.clone(),
            credentials: vec![CredentialValue { guid, value: Some(Secret::new(value)) }],
        };
        member_of(self.reply(&call))
    }

    /// Choose the option labelled `label` of the member's challenge.
    fn choose(&mut self, member: &Member, label: &str) -> Member {
        let challenge = member.mfa.first().cloned().unwrap_or_default();
        let option = challenge.options.iter().find(|o| o.label == label).map(|o| o.guid.clone()).unwrap_or_default();
        self.answer(member, &option)
    }

    fn run_job(&mut self, guid: &str) -> Result<Value, HostError> {
        self.call(&HostCall::RunJob { job_type: 0, member_guid: guid.into() })
    }
}

fn member_of(reply: Reply) -> Member {
    take!(reply, Reply::Member)
}

fn state(m: &Member) -> (Option<S>, bool) {
    (m.connection_status, m.is_being_aggregated)
}

fn search(name: &str, page: u32, per_page: u32) -> HostCall {
    HostCall::LoadInstitutions(InstitutionQuery {
        search_name: Some(name.into()),
        page,
        per_page,
        ..Default::default()
    })
}

fn names(list: &Value) -> Vec<String> {
    list.as_array().into_iter().flatten().filter_map(|i| i["name"].as_str()).map(str::to_string).collect()
}

#[test]
fn password_member_goes_from_created_to_syncing_to_connected_over_time() {
    // Why: the connecting step polls; it must see processing, then syncing, then done, in that order.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "password");
    assert_eq!(state(&m), (Some(S::Created), true));
    assert!(m.guid.starts_with("MBR-"));
    assert_eq!(m.institution_code.as_deref(), Some("mxbank"));
    assert_eq!(m.name.as_deref(), Some("MX Bank"));
    assert_eq!(m.user_guid.as_deref(), Some("USR-sandbox"));
    assert!(m.is_managed_by_user && !m.is_oauth);
    let job = m.most_recent_job_guid.clone().unwrap_or_default();
    assert!(job.starts_with("JOB-"));
    assert_eq!(m.raw["institution_guid"], h.institution("mxbank")["guid"]);

    h.advance(AGG - 1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true));
    h.advance(1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Connected), true), "syncing");
    let job_reply = h.reply(&HostCall::LoadJob { guid: job.clone() });
    assert!(matches!(job_reply, Reply::Job(ref j) if j.finished_at.is_none()), "{job_reply:?}");
    h.advance(SYNC);
    let done = h.load(&m.guid);
    assert_eq!(state(&done), (Some(S::Connected), false));
    assert!(done.error.is_none() && done.mfa.is_empty());
    assert!(done.raw["successfully_aggregated_at"].is_string());
    let j = take!(h.reply(&HostCall::LoadJob { guid: job }), Reply::Job);
    assert_eq!(j.status, Some(i64::from(S::Connected.code())));
    assert_eq!(j.job_type, Some(0));
    assert!(j.finished_at.is_some_and(|t| t > 1_700_000_000));
}

#[test]
fn each_seed_002_password_ends_in_its_documented_state() {
    // Why: these are the credentials partners know from MX's docs; each must land where the docs say.
    // (password, status, is_being_aggregated, error code, MFA field type)
    type Case = (&'static str, S, bool, Option<i64>, Option<i64>);
    let cases: [Case; 12] = [
        ("password", S::Connected, false, None, None),
        ("challenge", S::Challenged, true, None, Some(field_type::TEXT)),
        ("options", S::Challenged, true, None, Some(field_type::OPTIONS)),
        ("image", S::Challenged, true, None, Some(field_type::IMAGE_DATA)),
        ("image_options", S::Challenged, true, None, Some(field_type::IMAGE_OPTIONS)),
        ("account_select", S::Challenged, true, None, Some(field_type::OPTIONS)),
        ("BAD_REQUEST", S::Failed, false, None, None),
        ("SERVER_ERROR", S::Failed, false, Some(3000), None),
        ("UNAVAILABLE", S::Failed, false, Some(3002), None),
        ("UNAUTHORIZED", S::Denied, false, None, None),
        ("INVALID", S::Denied, false, None, None),
        ("LOCKED", S::Denied, false, None, None),
    ];
    for (i, (password, status, aggregating, code, mfa_type)) in cases.into_iter().enumerate() {
        let mut h = harness();
        let m = h.add("mxbank", &format!("test_atrium_{i}"), password);
        let m = h.settled(&m.guid);
        assert_eq!(state(&m), (Some(status), aggregating), "{password}");
        assert_eq!(m.error_code(), code, "{password}");
        assert_eq!(m.mfa.first().map(|c| c.field_type), mfa_type, "{password}");
        if status == S::Failed {
            let message = m.raw["error"]["error_message"].as_str().unwrap_or_default();
            assert!(message.starts_with("HALTED"), "{password}: {message}");
            assert!(m.user_message().is_some_and(|u| !u.is_empty()));
        }
    }
    // Any other password, or the seed password with another username: wrong credentials.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "not-the-password");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Denied), false));
    let m = h.add("mxbank", "someone_else", "password");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Denied), false));
}

#[test]
fn answering_challenge_asks_a_second_token_question_then_connects() {
    // Why: seed 002 documents the two-round MFA path ("challenge" then "correct").
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "challenge");
    let m = h.settled(&m.guid);
    assert_eq!(m.mfa.len(), 1);
    assert_eq!(m.mfa[0].field_type, field_type::TEXT);
    assert_eq!(m.raw["mfa"]["credentials"][0]["type"], "TEXT");
    let first_question = m.mfa[0].guid.clone();

    let resumed = h.answer(&m, "challenge");
    assert_eq!(state(&resumed), (Some(S::Resumed), true));
    assert!(resumed.mfa.is_empty(), "no question while resumed");
    assert_eq!(resumed.most_recent_job_guid, m.most_recent_job_guid, "answering resumes the same job");

    let second = h.settled(&m.guid);
    assert_eq!(state(&second), (Some(S::Challenged), true));
    assert_eq!(second.mfa.len(), 1);
    assert_eq!(second.mfa[0].field_type, field_type::TOKEN);
    assert_ne!(second.mfa[0].guid, first_question, "a new question has a new guid");

    h.answer(&second, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn a_wrong_answer_rejects_and_run_job_challenges_again() {
    // Why: REJECTED's "Try again" must lead back to a question, as with a real bank.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "challenge");
    let m = h.settled(&m.guid);
    h.answer(&m, "Paris");
    let rejected = h.settled(&m.guid);
    assert_eq!(state(&rejected), (Some(S::Rejected), false));
    assert!(rejected.mfa.is_empty());

    let job = h.run_job(&m.guid);
    assert!(matches!(&job, Ok(v) if v["status"] == S::Resumed.code() && v["job_guid"].is_string()), "{job:?}");
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Resumed), true));
    let again = h.settled(&m.guid);
    assert_eq!(state(&again), (Some(S::Challenged), true));
    assert_eq!(again.mfa[0].field_type, field_type::TEXT);
    assert_ne!(again.mfa[0].guid, m.mfa[0].guid);
    // An answer to the old question is not an answer to the new one.
    let stale = HostCall::UpdateMfa {
        member: again.raw.clone(),
        credentials: vec![CredentialValue { guid: m.mfa[0].guid.clone(), value: Some(Secret::new("correct")) }],
    };
    assert_eq!(h.rejected(&stale).0, Some(400));
    h.answer(&again, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn options_image_and_account_challenges_connect_on_the_right_choice() {
    // Why: each MFA screen (options, image, image options, account selection) must be reachable and passable.
    let mut h = harness();
    // Options: "correct" connects, another choice rejects.
    let m = h.add("mxbank", "test_atrium_1", "options");
    let m = h.settled(&m.guid);
    let labels: Vec<&str> = m.mfa[0].options.iter().map(|o| o.label.as_str()).collect();
    assert!(labels.contains(&"correct") && labels.len() >= 3, "{labels:?}");
    assert!(m.mfa[0].options.iter().all(|o| o.credential_guid.as_deref() == Some(m.mfa[0].guid.as_str())));
    h.choose(&m, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    let m = h.add("mxbank", "test_atrium_2", "options");
    let m = h.settled(&m.guid);
    h.choose(&m, "wrong");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Rejected), false));

    // Image: a valid inline PNG and a text answer.
    let m = h.add("mxbank", "test_atrium_3", "image");
    let m = h.settled(&m.guid);
    let image = m.mfa[0].image_data.clone().unwrap_or_default();
    assert!(super::image::tests::check_png(&image).is_ok(), "{image}");
    h.answer(&m, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));

    // Image options: every option has a picture; the one labelled correct connects.
    let m = h.add("mxbank", "test_atrium_4", "image_options");
    let m = h.settled(&m.guid);
    assert!(m.mfa[0].options.len() >= 3);
    for option in &m.mfa[0].options {
        let uri = option.data_uri.clone().unwrap_or_default();
        assert!(super::image::tests::check_png(&uri).is_ok(), "{}", option.label);
    }
    h.choose(&m, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    let m = h.add("mxbank", "test_atrium_5", "image_options");
    let m = h.settled(&m.guid);
    h.choose(&m, "incorrect");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Rejected), false));

    // Single account selection: any account connects.
    let m = h.add("mxbank", "test_atrium_6", "account_select");
    let m = h.settled(&m.guid);
    assert!(m.mfa[0].is_single_account_select());
    let second_account = m.mfa[0].options.get(1).map(|o| o.label.clone()).unwrap_or_default();
    h.choose(&m, &second_account);
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn status_trigger_reaches_every_connection_status() {
    // Why: `status:N` is how a person reaches each of the 22 status screens by hand.
    for status in S::ALL {
        for password in [format!("status:{}", status.code()), format!("status:{}", status.name())] {
            let mut h = harness();
            let m = h.add("mxbank", "anyone", &password);
            let m = h.settled(&m.guid);
            assert_eq!(m.connection_status, Some(status), "{password}");
            let expect_aggregating = status.is_processing() || status == S::Challenged;
            assert_eq!(m.is_being_aggregated, expect_aggregating, "{password}");
            assert_eq!(!m.mfa.is_empty(), status == S::Challenged, "{password}: a question only when challenged");
            // Processing statuses stay processing.
            if status.is_processing() {
                h.advance(100.0 * AGG);
                assert_eq!(state(&h.load(&m.guid)), (Some(status), true), "{password}");
            }
        }
    }
}

#[test]
fn error_trigger_sets_the_code_and_a_fitting_status() {
    // Why: each actionable error code has its own screen; `error:CODE` must reach it.
    for code in ERROR_CODES {
        let mut h = harness();
        let m = h.add("mxbank", "anyone", &format!("error:{code}"));
        let m = h.settled(&m.guid);
        let expected = match code {
            1000..=1002 => S::Connected,
            2001..=2003 => S::Challenged,
            2004 | 2005 => S::Denied,
            _ => S::Failed,
        };
        assert_eq!(m.connection_status, Some(expected), "error:{code}");
        assert_eq!(m.error_code(), Some(code));
        assert!(m.user_message().is_some_and(|u| !u.is_empty()));
        assert_eq!(m.is_being_aggregated, expected == S::Challenged, "error:{code}");
        assert_eq!(m.mfa.is_empty(), expected != S::Challenged, "error:{code}");
        if expected == S::Challenged {
            h.answer(&m, "correct");
            let connected = h.settled(&m.guid);
            assert_eq!(state(&connected), (Some(S::Connected), false));
            assert_eq!(connected.error_code(), None, "a correct answer clears the error");
        }
    }
    // An undocumented code still works: FAILED with that code.
    let mut h = harness();
    let m = h.add("mxbank", "anyone", "error:4242");
    let m = h.settled(&m.guid);
    assert_eq!((m.connection_status, m.error_code()), (Some(S::Failed), Some(4242)));
}

#[test]
fn an_unanswered_challenge_expires() {
    // Why: EXPIRED has its own screen; a challenge left alone must get there.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "challenge");
    h.advance(AGG + MFA_TIMEOUT - 1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Challenged), true));
    h.advance(1.0);
    let expired = h.load(&m.guid);
    assert_eq!(state(&expired), (Some(S::Expired), false));
    assert!(expired.mfa.is_empty());
    let late = HostCall::UpdateMfa { member: expired.raw.clone(), credentials: vec![] };
    assert_eq!(h.rejected(&late).0, Some(409), "no open challenge to answer");
    assert!(h.run_job(&m.guid).is_ok(), "an expired member can be aggregated again");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Challenged), true));
}

#[test]
fn the_same_login_twice_is_a_409_carrying_the_existing_member() {
    // Why: the widget's "member already exists" path needs `response.data.guid`.
    let mut h = harness();
    let first = h.add("mxbank", "test_atrium", "password");
    let again = h.add_call("mxbank", "TEST_ATRIUM", "challenge");
    let e = h.call(&again).err();
    assert_eq!(e.as_ref().and_then(HostError::status), Some(409));
    assert_eq!(e.as_ref().and_then(HostError::data_guid), Some(first.guid.clone()));
    assert!(
        matches!(&e, Some(HostError::Rejected { callback: "addMember", data, .. }) if *data == json!({"guid": first.guid}))
    );
    // Another username, or the same username at another institution, is a new member.
    assert_ne!(h.add("mxbank", "test_atrium_2", "password").guid, first.guid);
    assert_ne!(h.add("mx_bank_oauth", "test_atrium", "password").guid, first.guid);
    // After deleting the first one, the login is free again.
    h.ok(&HostCall::DeleteMember { member: first.raw.clone() });
    assert!(h.call(&again).is_ok());
}

#[test]
fn run_job_is_409_while_aggregating_and_restarts_a_finished_member() {
    // Why: the connecting step treats 409 as "already running"; a finished member must re-aggregate.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "password");
    let busy = h.run_job(&m.guid);
    assert!(matches!(&busy, Err(e) if e.status() == Some(409)), "{busy:?}");
    h.advance(AGG);
    assert_eq!(h.run_job(&m.guid).err().and_then(|e| e.status()), Some(409), "still syncing");
    h.advance(SYNC);
    let started = h.ok(&HostCall::RunJob { job_type: 1, member_guid: m.guid.clone() });
    let new_job = started["job_guid"].as_str().unwrap_or_default().to_string();
    assert_ne!(Some(new_job.clone()), m.most_recent_job_guid);
    assert_eq!(started["status"], S::Reconnected.code());
    let running = h.load(&m.guid);
    assert_eq!(state(&running), (Some(S::Reconnected), true));
    assert_eq!(running.most_recent_job_guid.as_deref(), Some(new_job.as_str()));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    assert!(matches!(h.reply(&HostCall::LoadJob { guid: new_job }), Reply::Job(j) if j.job_type == Some(1)));
    // The old job keeps its final state.
    let old = m.most_recent_job_guid.clone().unwrap_or_default();
    assert!(
        matches!(h.reply(&HostCall::LoadJob { guid: old }), Reply::Job(j) if j.status == Some(6) && j.finished_at.is_some())
    );
    let unknown = HostCall::RunJob { job_type: 0, member_guid: "MBR-nope".into() };
    assert_eq!(h.rejected(&unknown).0, Some(404));
}

#[test]
fn update_member_rederives_the_outcome_from_the_new_password() {
    // Why: DENIED → "re-enter your credentials" must be able to succeed.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "typo");
    let denied = h.settled(&m.guid);
    assert_eq!(state(&denied), (Some(S::Denied), false));
    let creds = take!(h.reply(&HostCall::GetMemberCredentials { member_guid: m.guid.clone() }), Reply::Credentials);
    assert_eq!(creds.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["Username", "Password"]);
    let (_, credentials) = h.login("mxbank", "test_atrium", "password");
    let updated = member_of(h.reply(&HostCall::UpdateMember { member: denied.raw.clone(), credentials }));
    assert_eq!(state(&updated), (Some(S::Updated), true));
    assert_ne!(updated.most_recent_job_guid, denied.most_recent_job_guid);
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn delete_removes_the_member_and_an_unknown_member_is_404() {
    // Why: "Disconnect this institution" must really remove it, and a second delete must fail cleanly.
    let mut h = harness();
    let a = h.add("mxbank", "test_atrium_a", "password");
    let b = h.add("mxbank", "test_atrium_b", "password");
    assert!(matches!(h.reply(&HostCall::LoadMembers), Reply::Members(ref list) if list.len() == 2));
    let deleted = h.ok(&HostCall::DeleteMember { member: a.raw.clone() });
    assert_eq!(deleted["guid"], json!(a.guid));
    let left = take!(h.reply(&HostCall::LoadMembers), Reply::Members);
    assert_eq!(left.iter().map(|m| m.guid.as_str()).collect::<Vec<_>>(), [b.guid.as_str()]);
    let (status, data) = h.rejected(&HostCall::DeleteMember { member: a.raw.clone() });
    assert_eq!((status, data), (Some(404), json!({"guid": a.guid})));
    assert_eq!(h.rejected(&HostCall::LoadMemberByGuid { guid: a.guid.clone() }).0, Some(404));
    assert_eq!(h.rejected(&HostCall::DeleteMember { member: json!({}) }).0, Some(400));
}

#[test]
fn support_ticket_fails_only_for_fail_at_example_com() {
    // Why: the support form's failure path must be reachable by hand.
    let mut h = harness();
    let ticket = |email: &str| {
        HostCall::CreateSupportTicket(SupportTicket {
            email: email.into(),
            title: "Help".into(),
            message: "It broke".into(),
        })
    };
    assert!(matches!(h.reply(&ticket("me@example.com")), Reply::Done));
    assert_eq!(h.rejected(&ticket(" Fail@Example.com ")).0, Some(500));
}

#[test]
fn search_by_name_pages_through_results() {
    // Why: the search list pages with `page`/`per_page`; pages must not repeat or run past the end.
    let mut h = harness();
    let first = h.ok(&search("bank", 1, 10));
    let second = h.ok(&search("bank", 2, 10));
    assert_eq!(names(&first).len(), 10);
    assert_eq!(names(&second).len(), 10);
    assert!(names(&first).iter().all(|n| !names(&second).contains(n)), "page 2 differs from page 1");
    let total = h.sandbox.directory.search("bank", &Filters::default()).len();
    assert!(total > 20 && !total.is_multiple_of(10), "test needs a short last page ({total})");
    let last_page = (total / 10 + 1) as u32;
    assert_eq!(names(&h.ok(&search("bank", last_page, 10))).len(), total % 10, "last page is short");
    assert!(names(&h.ok(&search("bank", last_page + 1, 10))).is_empty(), "beyond the last page is empty");
    assert_eq!(names(&h.ok(&search("bank", 0, 10))), names(&first), "page 0 reads as page 1");
    // Case-insensitive, ranked: MX Bank first for "mx".
    assert_eq!(names(&h.ok(&search("Mx", 1, 25)))[..2], ["MX Bank", "MX Bank (OAuth)"]);
    assert!(names(&h.ok(&search("no such institution anywhere", 1, 25))).is_empty());
}

#[test]
fn search_by_routing_number_is_exact_and_filters_apply() {
    // Why: the shared-routing-number view lists every institution behind one routing number.
    let mut h = harness();
    let routing = h.institution("mxbank")["routing_number"].as_str().unwrap_or_default().to_string();
    let by_routing = |routing: &str, filters: Vec<(&'static str, Value)>| {
        HostCall::LoadInstitutions(InstitutionQuery {
            routing_number: Some(routing.into()),
            page: 1,
            per_page: 25,
            filters,
            ..Default::default()
        })
    };
    let hits = h.ok(&by_routing(&routing, vec![]));
    assert_eq!(names(&hits), ["MX Bank", "MX Bank (OAuth)"]);
    assert!(names(&h.ok(&by_routing(&routing[..8], vec![]))).is_empty(), "no prefix matching");
    let tax = vec![("tax_statement_is_enabled", json!(true))];
    let filtered = h.ok(&HostCall::LoadInstitutions(InstitutionQuery {
        search_name: Some("credit union".into()),
        page: 1,
        per_page: 100,
        filters: tax,
        iso_country_code: Some("US".into()),
        ..Default::default()
    }));
    let list = filtered.as_array().cloned().unwrap_or_default();
    assert!(!list.is_empty());
    assert!(list.iter().all(|i| i["tax_statement_is_enabled"] == true && i["iso_country_code"] == "US"));
}

#[test]
fn popular_lists_mx_bank_and_honours_filters() {
    // Why: the first screen shows popular institutions; MX Bank must be there to try the sandbox.
    let mut h = harness();
    let popular = |per_page: u32, iso: Option<&str>, filters: Vec<(&'static str, Value)>| {
        HostCall::LoadPopularInstitutions { per_page, iso_country_code: iso.map(str::to_string), filters }
    };
    let list = h.ok(&popular(25, None, vec![]));
    assert_eq!(names(&list).len(), 25);
    assert_eq!(names(&list).first().map(String::as_str), Some("MX Bank"));
    let pops: Vec<i64> = list.as_array().into_iter().flatten().filter_map(|i| i["popularity"].as_i64()).collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(names(&h.ok(&popular(0, None, vec![]))).len(), 25, "per_page 0 means the default");
    assert_eq!(names(&h.ok(&popular(5, None, vec![]))).len(), 5);
    let verification = h.ok(&popular(25, None, vec![("account_verification_is_enabled", json!(true))]));
    assert!(verification.as_array().into_iter().flatten().all(|i| i["account_verification_is_enabled"] == true));
    assert!(names(&verification).contains(&"MX Bank".to_string()));
    let canada = h.ok(&popular(25, Some("CA"), vec![]));
    assert!(
        !names(&canada).is_empty() && canada.as_array().into_iter().flatten().all(|i| i["iso_country_code"] == "CA")
    );
    let discovered =
        h.ok(&HostCall::LoadDiscoveredInstitutions { per_page: 25, iso_country_code: None, filters: vec![] });
    assert!(!names(&discovered).is_empty() && names(&discovered).len() <= 5);
    assert!(names(&discovered).iter().all(|n| !names(&list).contains(n)), "discovered differ from popular");
}

#[test]
fn institutions_by_guid_and_code_and_their_credentials() {
    // Why: selecting an institution loads it by guid, then its login form in display order.
    let mut h = harness();
    let by_code = h.institution("mxbank");
    let guid = by_code["guid"].as_str().unwrap_or_default().to_string();
    let by_guid = h.ok(&HostCall::LoadInstitutionByGuid { guid: guid.clone() });
    assert_eq!(by_guid, by_code);
    assert!(
        matches!(h.reply(&HostCall::LoadInstitutionByCode { code: "mxbank".into() }), Reply::Institution(i) if i.name == "MX Bank" && !i.supports_oauth)
    );
    assert!(
        matches!(h.reply(&HostCall::LoadInstitutionByCode { code: "mx_bank_oauth".into() }), Reply::Institution(i) if i.supports_oauth)
    );
    assert!(
        matches!(h.reply(&HostCall::LoadInstitutionByCode { code: "unavailable_bank".into() }), Reply::Institution(i) if i.is_unavailable())
    );
    assert!(
        matches!(h.reply(&HostCall::LoadInstitutionByCode { code: "client_blocked_bank".into() }), Reply::Institution(i) if i.is_disabled_by_client)
    );
    assert_eq!(h.rejected(&HostCall::LoadInstitutionByGuid { guid: "INS-nope".into() }).0, Some(404));
    assert_eq!(h.rejected(&HostCall::LoadInstitutionByCode { code: "nope".into() }).0, Some(404));

    let credentials = h.ok(&HostCall::GetInstitutionCredentials { institution_guid: guid });
    let list = credentials["credentials"].as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["label"], "Username");
    assert_eq!(list[0]["field_type"], field_type::LOGIN);
    assert_eq!(list[1]["label"], "Password");
    assert_eq!(list[1]["field_type"], field_type::PASSWORD);
    for c in &list {
        assert_eq!(
            (c["optional"].clone(), c["options"].clone(), c["meta_data"].clone()),
            (json!(false), Value::Null, Value::Null)
        );
    }
    // A three-field institution, decoded in display order.
    let cascade = h.institution("cascade_valley_credit_union");
    let call =
        HostCall::GetInstitutionCredentials { institution_guid: cascade["guid"].as_str().unwrap_or_default().into() };
    let fields = take!(h.reply(&call), Reply::Credentials);
    assert_eq!(fields.iter().map(|f| f.label.as_str()).collect::<Vec<_>>(), ["Member number", "Username", "PIN"]);
    // Members of a three-field institution work the same way.
    let m = h.add("cascade_valley_credit_union", "test_atrium", "password");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn bad_credentials_and_blocked_institutions_are_refused_like_a_host_would() {
    // Why: the credentials form shows a host's 4xx; the sandbox must produce them for the right reasons.
    let mut h = harness();
    let (institution, mut credentials) = h.login("mxbank", "test_atrium", "password");
    let institution_guid = institution["guid"].as_str().unwrap_or_default().to_string();
    let add = |credentials: Vec<CredentialValue>| HostCall::AddMember {
        institution: institution.clone(),
        institution_guid: institution_guid.clone(),
        credentials,
        is_oauth: false,
    };
    credentials[1].value = Some(Secret::new(""));
    assert_eq!(h.rejected(&add(credentials.clone())).0, Some(400), "blank password");
    assert_eq!(h.rejected(&add(credentials[..1].to_vec())).0, Some(400), "missing password");
    let foreign = vec![CredentialValue { guid: "CRD-foreign".into(), value: Some(Secret::new("x")) }];
    assert_eq!(h.rejected(&add(foreign)).0, Some(400), "credential of another institution");
    let unknown = HostCall::AddMember {
        institution: json!({}),
        institution_guid: "INS-nope".into(),
        credentials: vec![],
        is_oauth: false,
    };
    assert_eq!(h.rejected(&unknown).0, Some(404));

    let blocked = h.add_call("client_blocked_bank", "test_atrium", "password");
    assert_eq!(h.rejected(&blocked).0, Some(403));
    // The aggregator cannot reach an unavailable institution: FAILED, 3002.
    let m = h.add("unavailable_bank", "test_atrium", "password");
    let m = h.settled(&m.guid);
    assert_eq!((m.connection_status, m.error_code()), (Some(S::Failed), Some(3002)));
}

#[test]
fn oauth_member_waits_pending_until_authorized_or_denied() {
    // Why: the OAuth step polls the state until SUCCESS or ERRORED, then connects the inbound member.
    let mut h = harness();
    let institution = h.institution("mx_bank_oauth");
    let add = HostCall::AddMember {
        institution_guid: institution["guid"].as_str().unwrap_or_default().into(),
        institution,
        credentials: vec![],
        is_oauth: true,
    };
    let m = member_of(h.reply(&add));
    assert_eq!(state(&m), (Some(S::Pending), false));
    assert!(m.is_oauth);
    let uri = m.oauth_window_uri.clone().unwrap_or_default();
    assert!(uri.starts_with("https://") && uri.contains(&m.guid), "{uri}");
    h.advance(10.0 * SETTLE);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Pending), false), "PENDING until the user acts");
    assert_eq!(h.run_job(&m.guid).err().and_then(|e| e.status()), Some(409));

    let states =
        take!(h.reply(&HostCall::LoadOAuthStates { outbound_member_guid: m.guid.clone() }), Reply::OAuthStates);
    assert_eq!(states.len(), 1);
    assert_eq!((states[0].auth_status, states[0].outbound_member_guid.clone()), (Some(1), Some(m.guid.clone())));
    let state_guid = states[0].guid.clone();
    assert!(matches!(h.reply(&HostCall::OAuthStart { member: m.raw.clone() }), Reply::Done));

    assert!(h.sandbox.authorize_oauth(&m.guid, h.now));
    assert!(!h.sandbox.authorize_oauth(&m.guid, h.now), "only a waiting member can be authorized");
    let s = take!(h.reply(&HostCall::LoadOAuthState { guid: state_guid }), Reply::OAuthState);
    assert_eq!((s.auth_status, s.inbound_member_guid), (Some(2), Some(m.guid.clone())));
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    assert!(
        matches!(h.reply(&HostCall::LoadOAuthStates { outbound_member_guid: m.guid.clone() }), Reply::OAuthStates(s) if s.is_empty())
    );

    // Deny: the state errors (CANCELLED) and a retry gets a fresh URI and state.
    let m2 = member_of(h.reply(&add));
    assert!(h.sandbox.deny_oauth(&m2.guid, h.now));
    assert!(
        matches!(h.reply(&HostCall::LoadOAuthStates { outbound_member_guid: m2.guid.clone() }), Reply::OAuthStates(s) if s.is_empty())
    );
    let retry = h.reply(&HostCall::GetOAuthWindowUri { member_guid: m2.guid.clone() });
    assert!(matches!(&retry, Reply::OAuthWindowUri(u) if Some(u) != m2.oauth_window_uri.as_ref()), "{retry:?}");
    assert!(
        matches!(h.reply(&HostCall::LoadOAuthStates { outbound_member_guid: m2.guid.clone() }), Reply::OAuthStates(s) if s.len() == 1)
    );
    assert!(h.sandbox.fail_oauth(&m2.guid, 4, h.now));
    assert_eq!(state(&h.load(&m2.guid)), (Some(S::Pending), false));
    // Not an OAuth member / unknown member.
    let plain = h.add("mxbank", "test_atrium", "password");
    assert_eq!(h.rejected(&HostCall::GetOAuthWindowUri { member_guid: plain.guid }).0, Some(400));
    assert_eq!(h.rejected(&HostCall::LoadOAuthState { guid: "OAS-nope".into() }).0, Some(404));
    assert!(!h.sandbox.authorize_oauth("MBR-nope", h.now));
    // OAuth is refused for an institution without it.
    let mx = h.institution("mxbank");
    let no_oauth = HostCall::AddMember {
        institution_guid: mx["guid"].as_str().unwrap_or_default().into(),
        institution: mx,
        credentials: vec![],
        is_oauth: true,
    };
    assert_eq!(h.rejected(&no_oauth).0, Some(400));
}

#[test]
fn oauth_can_authorize_itself_after_oauth_start() {
    // Why: the demo has no provider page; `oauth_auto_authorize_ms` lets the OAuth flow finish by itself.
    let options = SandboxOptions {
        aggregation_ms: AGG,
        sync_ms: SYNC,
        oauth_auto_authorize_ms: Some(500.0),
        ..Default::default()
    };
    let mut h = Harness { sandbox: Sandbox::new(options), now: 0.0 };
    let institution = h.institution("mx_bank_oauth");
    let add = HostCall::AddMember {
        institution_guid: institution["guid"].as_str().unwrap_or_default().into(),
        institution,
        credentials: vec![],
        is_oauth: true,
    };
    let m = member_of(h.reply(&add));
    h.advance(5000.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Pending), false), "nothing before oAuthStart");
    h.ok(&HostCall::OAuthStart { member: m.raw.clone() });
    h.advance(499.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Pending), false));
    h.advance(1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Created), true));
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn microdeposits_arrive_verify_and_lock_after_three_wrong_guesses() {
    // Why: seed 003's rules: deposits take time, wrong guesses count, the third one locks the account.
    let mut h = harness();
    let details = json!({
        "routing_number": "123456780", "account_number": "987654321", "account_type": 1,
        "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "account_name": "Checking ...4321",
    });
    let created = h.ok(&HostCall::CreateMicrodeposit { microdeposit: details.clone() });
    let md = created["micro_deposit"].clone();
    let guid = md["guid"].as_str().unwrap_or_default().to_string();
    assert!(guid.starts_with("MIC-"));
    assert_eq!((md["status"].clone(), md["status_name"].clone()), (json!(0), json!("INITIATED")));
    let verify =
        |a: &str, b: &str| HostCall::VerifyMicrodeposit { guid: guid.clone(), amount_1: a.into(), amount_2: b.into() };
    assert_eq!(h.rejected(&verify("07", "03")).0, Some(409), "nothing to verify before the deposits arrive");
    h.advance(AGG);
    let loaded = h.reply(&HostCall::LoadMicrodepositByGuid { guid: guid.clone() });
    assert!(
        matches!(loaded, Reply::Microdeposit(ref m) if m.status == Some(2) && m.status_name.as_deref() == Some("DEPOSITED")),
        "{loaded:?}"
    );

    assert_eq!(h.ok(&verify("01", "02"))["status_name"], "DENIED");
    assert_eq!(h.ok(&verify("0.05", "0.04"))["status_name"], "DENIED");
    assert_eq!(h.rejected(&verify("abc", "02")).0, Some(400), "unreadable amounts do not count");
    assert_eq!(h.ok(&verify("09", "09"))["status_name"], "PREVENTED", "third wrong guess locks");
    assert_eq!(h.rejected(&verify("07", "03")).0, Some(409), "locked");

    // A fresh one verifies with the documented amounts, in either order.
    let created = h.ok(&HostCall::CreateMicrodeposit { microdeposit: details.clone() });
    let guid2 = created["micro_deposit"]["guid"].as_str().unwrap_or_default().to_string();
    h.advance(AGG);
    let right = HostCall::VerifyMicrodeposit { guid: guid2.clone(), amount_1: "03".into(), amount_2: "0.07".into() };
    assert_eq!(h.ok(&right)["status_name"], "VERIFIED");
    assert!(matches!(h.reply(&HostCall::RefreshMicrodepositStatus { guid: guid2 }), Reply::Done));

    // Pre-initiated (name and email only), then completed with updateMicrodeposit.
    let pre =
        h.ok(&HostCall::CreateMicrodeposit { microdeposit: json!({"first_name": "Ada", "email": "ada@example.com"}) });
    assert_eq!(pre["micro_deposit"]["status"], 9);
    let pre_guid = pre["micro_deposit"]["guid"].as_str().unwrap_or_default().to_string();
    let update = HostCall::UpdateMicrodeposit {
        guid: pre_guid.clone(),
        data: json!({"routing_number": "123456780", "account_number": "1234", "account_type": 2}),
    };
    let updated = h.ok(&update);
    assert_eq!(
        (updated["micro_deposit"]["status"].clone(), updated["micro_deposit"]["account_type"].clone()),
        (json!(0), json!(2))
    );
    assert_eq!(updated["micro_deposit"]["first_name"], "Ada");
    // Invalid details are refused; an all-zero account number errors.
    let bad = |data: Value| HostCall::CreateMicrodeposit { microdeposit: data };
    assert_eq!(h.rejected(&bad(json!({"routing_number": "123456789", "account_number": "1234"}))).0, Some(400));
    assert_eq!(h.rejected(&bad(json!({"routing_number": "123456780", "account_number": "12"}))).0, Some(400));
    assert_eq!(h.rejected(&bad(json!("nope"))).0, Some(400));
    let zero = h.ok(&bad(json!({"routing_number": "123456780", "account_number": "0000"})));
    assert_eq!(zero["micro_deposit"]["status_name"], "ERRORED");
    assert_eq!(h.rejected(&HostCall::LoadMicrodepositByGuid { guid: "MIC-nope".into() }).0, Some(404));
}

#[test]
fn verify_routing_number_reports_the_documented_reasons() {
    // Why: the routing-number view branches on `blocked_routing_number.reason_name`.
    let mut h = harness();
    let check = |h: &mut Harness, routing: &str, identity: bool| {
        h.reply(&HostCall::VerifyRoutingNumber { routing_number: routing.into(), include_identity: identity })
    };
    assert_eq!(check(&mut h, "123456780", false), Reply::RoutingNumberBlocked(None));
    assert_eq!(
        h.ok(&HostCall::VerifyRoutingNumber { routing_number: "123456780".into(), include_identity: false }),
        json!({})
    );
    assert_eq!(check(&mut h, "123456789", false), Reply::RoutingNumberBlocked(Some("INVALID".into())));
    assert_eq!(check(&mut h, "12345", false), Reply::RoutingNumberBlocked(Some("INVALID".into())));
    let invalid = h.ok(&HostCall::VerifyRoutingNumber { routing_number: "000000001".into(), include_identity: false });
    assert_eq!(invalid, json!({"blocked_routing_number": {"guid": null, "reason": 0, "reason_name": "INVALID"}}));
    let mx = h.institution("mxbank")["routing_number"].as_str().unwrap_or_default().to_string();
    assert_eq!(check(&mut h, &mx, true), Reply::RoutingNumberBlocked(Some("IAV_PREFERRED".into())));
    let blocked = h.institution("client_blocked_bank")["routing_number"].as_str().unwrap_or_default().to_string();
    assert_eq!(check(&mut h, &blocked, false), Reply::RoutingNumberBlocked(Some("CLIENT_BLOCKED".into())));
}

#[test]
fn every_reply_decodes_into_the_expected_reply_variant() {
    // Why: this proves the sandbox speaks the same contract as a partner's host object.
    let mut h = harness();
    let institution = h.institution("mxbank");
    let institution_guid = institution["guid"].as_str().unwrap_or_default().to_string();
    let m = h.add("mxbank", "test_atrium", "password");
    let job = m.most_recent_job_guid.clone().unwrap_or_default();
    let oauth_institution = h.institution("mx_bank_oauth");
    let o = member_of(h.reply(&HostCall::AddMember {
        institution_guid: oauth_institution["guid"].as_str().unwrap_or_default().into(),
        institution: oauth_institution,
        credentials: vec![],
        is_oauth: true,
    }));
    let states =
        take!(h.reply(&HostCall::LoadOAuthStates { outbound_member_guid: o.guid.clone() }), Reply::OAuthStates);
    let state_guid = states.first().map(|s| s.guid.clone()).unwrap_or_default();
    let md = h.ok(&HostCall::CreateMicrodeposit {
        microdeposit: json!({"routing_number": "123456780", "account_number": "1234"}),
    });
    let md_guid = md["micro_deposit"]["guid"].as_str().unwrap_or_default().to_string();
    let (_, credentials) = h.login("mxbank", "test_atrium", "password");

    type Check = fn(&Reply) -> bool;
    let calls: Vec<(HostCall, Check)> = vec![
        (HostCall::LoadMembers, |r| matches!(r, Reply::Members(l) if l.len() == 2)),
        (HostCall::LoadMemberByGuid { guid: m.guid.clone() }, |r| matches!(r, Reply::Member(_))),
        (HostCall::LoadJob { guid: job }, |r| matches!(r, Reply::Job(_))),
        (
            HostCall::GetMemberCredentials { member_guid: m.guid.clone() },
            |r| matches!(r, Reply::Credentials(c) if c.len() == 2),
        ),
        (
            HostCall::GetInstitutionCredentials { institution_guid: institution_guid.clone() },
            |r| matches!(r, Reply::Credentials(c) if c.len() == 2),
        ),
        (search("mx", 1, 25), |r| matches!(r, Reply::Institutions(l) if !l.is_empty())),
        (HostCall::LoadInstitutionByGuid { guid: institution_guid.clone() }, |r| matches!(r, Reply::Institution(_))),
        (HostCall::LoadInstitutionByCode { code: "mxbank".into() }, |r| matches!(r, Reply::Institution(_))),
        (
            HostCall::LoadPopularInstitutions { per_page: 25, iso_country_code: None, filters: vec![] },
            |r| matches!(r, Reply::Institutions(l) if l.len() == 25),
        ),
        (
            HostCall::LoadDiscoveredInstitutions { per_page: 25, iso_country_code: None, filters: vec![] },
            |r| matches!(r, Reply::Institutions(l) if !l.is_empty()),
        ),
        (
            HostCall::LoadOAuthStates { outbound_member_guid: o.guid.clone() },
            |r| matches!(r, Reply::OAuthStates(l) if l.len() == 1),
        ),
        (HostCall::LoadOAuthState { guid: state_guid }, |r| matches!(r, Reply::OAuthState(_))),
        (HostCall::OAuthStart { member: o.raw.clone() }, |r| matches!(r, Reply::Done)),
        (
            HostCall::GetOAuthWindowUri { member_guid: o.guid.clone() },
            |r| matches!(r, Reply::OAuthWindowUri(u) if u.starts_with("https://")),
        ),
        (
            HostCall::CreateAccount { account: json!({"account_type": "CHECKING", "name": "Cash"}) },
            |r| matches!(r, Reply::Account(a) if a["guid"].as_str().is_some_and(|g| g.starts_with("ACC-")) && a["account_type"] == "CHECKING"),
        ),
        (
            HostCall::CreateMicrodeposit {
                microdeposit: json!({"routing_number": "123456780", "account_number": "5678"}),
            },
            |r| matches!(r, Reply::Microdeposit(_)),
        ),
        (HostCall::LoadMicrodepositByGuid { guid: md_guid.clone() }, |r| matches!(r, Reply::Microdeposit(_))),
        (
            HostCall::UpdateMicrodeposit { guid: md_guid.clone(), data: json!({"account_number": "4321"}) },
            |r| matches!(r, Reply::Microdeposit(m) if m.account_number.as_deref() == Some("4321")),
        ),
        (HostCall::RefreshMicrodepositStatus { guid: md_guid.clone() }, |r| matches!(r, Reply::Done)),
        (HostCall::VerifyRoutingNumber { routing_number: "123456780".into(), include_identity: false }, |r| {
            matches!(r, Reply::RoutingNumberBlocked(None))
        }),
        (
            HostCall::CreateSupportTicket(SupportTicket {
                email: "a@example.com".into(),
                title: "t".into(),
                message: "m".into(),
            }),
            |r| matches!(r, Reply::Done),
        ),
        (
            HostCall::UpdateUserProfile {
                profile: json!({"too_small_modal_dismissed_at": "2024-01-01T00:00:00+00:00"}),
            },
            |r| matches!(r, Reply::Done),
        ),
        (
            HostCall::UpdateMember { member: m.raw.clone(), credentials },
            |r| matches!(r, Reply::Member(m) if m.connection_status == Some(S::Updated)),
        ),
    ];
    for (call, check) in &calls {
        let reply = h.reply(call);
        assert!(check(&reply), "{}: {reply:?}", call.name());
    }
    // The time-dependent ones: runJob, updateMFA, verifyMicrodeposit, deleteMember, addMember.
    h.advance(SETTLE);
    assert!(matches!(h.reply(&HostCall::RunJob { job_type: 0, member_guid: m.guid.clone() }), Reply::Done));
    let c = h.add("mxbank", "test_atrium_mfa", "challenge");
    let c = h.settled(&c.guid);
    let mfa_call = HostCall::UpdateMfa {
        member: c.raw.clone(),
        credentials: vec![CredentialValue { guid: c.mfa[0].guid.clone(), value: Some(Secret::new("correct")) }],
    };
    assert!(matches!(h.reply(&mfa_call), Reply::Member(m) if m.connection_status == Some(S::Resumed)));
    let verify = HostCall::VerifyMicrodeposit { guid: md_guid, amount_1: "07".into(), amount_2: "03".into() };
    assert!(matches!(h.reply(&verify), Reply::Done));
    assert!(matches!(h.reply(&HostCall::DeleteMember { member: c.raw.clone() }), Reply::Done));
    let covered: std::collections::HashSet<&str> = calls
        .iter()
        .map(|(c, _)| c.name())
        .chain(["runJob", "updateMFA", "verifyMicrodeposit", "deleteMember", "addMember"])
        .collect();
    assert_eq!(covered.len(), crate::host::CALLBACK_NAMES.len(), "every callback is exercised");
}

#[test]
fn unknown_ids_are_404s_and_odd_input_never_panics() {
    // Why: the sandbox must fail like a host (a typed rejection), never crash the widget.
    let mut h = harness();
    let nope = || "NOPE-0".to_string();
    let member = json!({"guid": nope()});
    let not_found = [
        HostCall::LoadMemberByGuid { guid: nope() },
        HostCall::UpdateMember { member: member.clone(), credentials: vec![] },
        HostCall::UpdateMfa { member: member.clone(), credentials: vec![] },
        HostCall::DeleteMember { member: member.clone() },
        HostCall::LoadOAuthState { guid: nope() },
        HostCall::OAuthStart { member: member.clone() },
        HostCall::LoadInstitutionByGuid { guid: nope() },
        HostCall::LoadInstitutionByCode { code: nope() },
        HostCall::LoadMicrodepositByGuid { guid: nope() },
        HostCall::UpdateMicrodeposit { guid: nope(), data: json!({}) },
        HostCall::RefreshMicrodepositStatus { guid: nope() },
        HostCall::VerifyMicrodeposit { guid: nope(), amount_1: "1".into(), amount_2: "2".into() },
        HostCall::LoadJob { guid: nope() },
        HostCall::RunJob { job_type: 0, member_guid: nope() },
        HostCall::GetInstitutionCredentials { institution_guid: nope() },
        HostCall::GetMemberCredentials { member_guid: nope() },
        HostCall::GetOAuthWindowUri { member_guid: nope() },
    ];
    for call in &not_found {
        assert_eq!(h.rejected(call).0, Some(404), "{}", call.name());
    }
    assert_eq!(h.rejected(&HostCall::UpdateMfa { member: json!("MBR"), credentials: vec![] }).0, Some(400));
    assert_eq!(h.rejected(&HostCall::CreateAccount { account: json!(null) }).0, Some(400));
    // Answering a member that is not challenged.
    let m = h.add("mxbank", "test_atrium", "password");
    assert_eq!(h.rejected(&HostCall::UpdateMfa { member: m.raw.clone(), credentials: vec![] }).0, Some(409));
    // Odd clocks and paging values.
    h.now = f64::NAN;
    assert!(h.call(&HostCall::LoadMemberByGuid { guid: m.guid.clone() }).is_ok());
    h.now = -1e300;
    assert!(h.call(&HostCall::LoadMembers).is_ok());
    h.now = 0.0;
    assert!(names(&h.ok(&search("bank", u32::MAX, u32::MAX))).is_empty());
    let empty = HostCall::LoadInstitutions(InstitutionQuery::default());
    assert_eq!(names(&h.ok(&empty)).len(), 25, "no query lists by popularity, 25 a page");
}

#[test]
fn replies_never_echo_credentials_or_mfa_answers() {
    // Why: DESIGN 2.4: credentials and MFA answers never leave the user's input, even in a sandbox.
    let mut h = harness();
    let mut seen = Vec::new();
    let username = "test_atrium_leak_probe_7731";
    let add = h.add_call("mxbank", username, "challenge");
    seen.push(h.ok(&add));
    let guid = seen[0]["member"]["guid"].as_str().unwrap_or_default().to_string();
    h.advance(SETTLE);
    let challenged = h.load(&guid);
    let wrong = "wrong-answer-5521";
    seen.push(h.ok(&HostCall::UpdateMfa {
        member: challenged.raw.clone(),
        credentials: vec![CredentialValue { guid: challenged.mfa[0].guid.clone(), value: Some(Secret::new(wrong)) }],
    }));
    h.advance(SETTLE);
    let denied = h.add_call("mxbank", "someone", "hunter2-secret-9917");
    seen.push(h.ok(&denied));
    h.advance(SETTLE);
    seen.push(h.ok(&HostCall::LoadMembers));
    seen.push(h.ok(&HostCall::GetMemberCredentials { member_guid: guid.clone() }));
    seen.push(h.ok(&HostCall::DeleteMember { member: challenged.raw }));
    let text = serde_json::to_string(&seen).unwrap_or_default();
    for secret in [username, wrong, "hunter2-secret-9917", "someone"] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    assert!(!format!("{:?}", h.sandbox).contains(username), "nor is it kept in the sandbox's state");
}

#[test]
fn options_read_from_json_keep_defaults_for_bad_values() {
    // Why: the page may pass sandbox timings from JS; garbage must not break the sandbox.
    let o = SandboxOptions::from_json(
        &json!({"aggregation_ms": 10, "sync_ms": "5", "mfa_timeout_ms": -1, "oauth_auto_authorize_ms": 300, "oauth_window_base_url": "javascript:alert(1)", "user_guid": "USR-1"}),
    );
    assert_eq!(o.aggregation_ms, 10.0);
    assert_eq!(o.sync_ms, 5.0);
    assert_eq!(o.mfa_timeout_ms, SandboxOptions::default().mfa_timeout_ms);
    assert_eq!(o.oauth_auto_authorize_ms, Some(300.0));
    assert_eq!(o.oauth_window_base_url, SandboxOptions::default().oauth_window_base_url, "https only");
    assert_eq!(o.user_guid, "USR-1");
    assert_eq!(SandboxOptions::from_json(&json!(null)), SandboxOptions::default());
}
