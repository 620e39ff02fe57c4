//! The sandbox as the widget sees it: every call goes through `handle`, and
//! every successful answer must read as what its callback answers
//! (`host::check_answer`, checked by the harness on each call), so these
//! tests also prove the sandbox speaks the host contract. Tests read answers
//! as the type the widget would (`Harness::read::<T>`, through `FromHost`).
//!
//! Why here and not in `tests/`: several tests look inside the sandbox
//! (its directory, its `Debug` state, the PNG checker in `image::tests`),
//! which the public API does not expose. This file holds the harness; the
//! tests are split by topic: `members`, `mfa`, `institutions`, `oauth`,
//! `accounts` (microdeposits and routing numbers) and `contract` (every
//! callback, failures, privacy, options).

mod accounts;
mod contract;
mod institutions;
mod manual;
mod members;
mod mfa;
mod oauth;

use super::*;
use crate::host::{check_answer, CredentialValue, FromHost, InstitutionQuery, MicrodepositDetails};
use crate::model::{field_type, ConnectionStatus as S, CredentialField, Member, Secret};

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
    let options = SandboxOptions {
        aggregation_ms: AGG,
        sync_ms: SYNC,
        mfa_timeout_ms: MFA_TIMEOUT,
        deposit_ms: AGG,
        ..Default::default()
    };
    Harness { sandbox: Sandbox::new(options), now: 0.0 }
}

/// `createMicrodeposit` with these account details (a checking account of Ada's).
fn create_microdeposit(routing: &str, account: &str) -> HostCall {
    HostCall::CreateMicrodeposit(MicrodepositDetails {
        routing_number: routing.into(),
        account_number: Secret::new(account),
        account_type: 1,
        account_name: "Checking".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        email: "ada@example.com".into(),
        user_guid: None,
    })
}
impl Harness {
    /// Make a call; a successful answer must read as what the callback answers.
    fn call(&mut self, call: &HostCall) -> Result<Value, HostError> {
        let result = self.sandbox.handle(call, self.now);
        if let Ok(value) = &result {
            let checked = check_answer(call, value);
            assert!(checked.is_ok(), "{} answer does not read as its callback's: {checked:?}\n{value}", call.name());
        }
        result
    }

    fn ok(&mut self, call: &HostCall) -> Value {
        let result = self.call(call);
        assert!(result.is_ok(), "{} failed: {result:?}", call.name());
        result.unwrap_or_default()
    }

    /// Make a call that must succeed, and read its answer as `T`, as the widget would.
    fn read<T: FromHost>(&mut self, call: &HostCall) -> T {
        let value = self.ok(call);
        T::from_host(&value).unwrap_or_else(|e| {
            panic!("{} answer does not read as {}: {e}\n{value}", call.name(), std::any::type_name::<T>())
        })
    }

    /// Whether a call whose answer the widget ignores (`runJob`, `deleteMember`, …) succeeded.
    fn done(&mut self, call: &HostCall) -> bool {
        self.call(call).is_ok_and(|value| <()>::from_host(&value).is_ok())
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
        let fields: Vec<CredentialField> = self.read(&HostCall::GetInstitutionCredentials { institution_guid: guid });
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

    /// Add a member at `code` and return it as the widget reads it.
    fn add(&mut self, code: &str, username: &str, password: &str) -> Member {
        let call = self.add_call(code, username, password);
        self.read(&call)
    }

    fn load(&mut self, guid: &str) -> Member {
        self.read(&HostCall::LoadMemberByGuid { guid: guid.into() })
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
        self.read(&call)
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
