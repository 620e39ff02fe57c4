//! Members and jobs, progressing over (injected) time.
//!
//! A member's state is never stored as a status that a timer updates: it is
//! *computed* from its current run (when the job started, the status it
//! started in, and where it is going) and `now_ms`. So any clock works, time
//! can jump, and nothing needs a tick.

use super::directory::InstitutionRecord;
use super::scenario::{Answer, Challenge, ErrorInfo, Outcome, Scenario};
use super::util::{epoch_seconds, fnv64, iso8601};
use super::{Fail, Handled, Sandbox, SandboxOptions};
use crate::host::CredentialValue;
use crate::model::{field_type, ConnectionStatus};
use serde_json::{json, Map, Value};

/// One job's life: when it started, the status it shows while working, and
/// what it turns into after `aggregation_ms`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    pub started_ms: f64,
    pub start_status: ConnectionStatus,
    pub outcome: Outcome,
    /// Seed of the guids of a challenge raised by this run (unique per run).
    pub seed: String,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MemberRecord {
    pub guid: String,
    pub institution_guid: String,
    pub institution_code: String,
    pub name: String,
    pub verification_is_enabled: bool,
    pub is_oauth: bool,
    pub oauth_window_uri: Option<String>,
    /// A hash of institution + username, for the "already exists" check. The
    /// username itself is not kept.
    pub login_fingerprint: Option<u64>,
    pub scenario: Scenario,
    pub job_guid: String,
    pub job_type: i64,
    pub run: Run,
    pub runs: u32,
    pub last_success_ms: Option<f64>,
}

/// A member at one instant.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct View<'a> {
    pub status: ConnectionStatus,
    pub aggregating: bool,
    pub challenge: Option<Challenge>,
    pub error: Option<&'a ErrorInfo>,
    /// When the job reached its end state.
    pub finished_ms: Option<f64>,
    /// When this run connected and finished syncing.
    pub succeeded_ms: Option<f64>,
}

impl MemberRecord {
    pub fn view(&self, now: f64, opts: &SandboxOptions) -> View<'_> {
        use ConnectionStatus as S;
        let at = |status, aggregating| View {
            status,
            aggregating,
            challenge: None,
            error: None,
            finished_ms: None,
            succeeded_ms: None,
        };
        let reached = self.run.started_ms + opts.aggregation_ms;
        match &self.run.outcome {
            Outcome::AwaitingOAuth => at(S::Pending, false),
            _ if now < reached => at(self.run.start_status, true),
            Outcome::Connected { error } => {
                let synced = reached + opts.sync_ms;
                if now < synced {
                    View { error: error.as_ref(), ..at(S::Connected, true) }
                } else {
                    View {
                        error: error.as_ref(),
                        finished_ms: Some(synced),
                        succeeded_ms: Some(synced),
                        ..at(S::Connected, false)
                    }
                }
            }
            Outcome::Challenged { kind, error } => {
                let expires = reached + opts.mfa_timeout_ms;
                if now >= expires {
                    View { finished_ms: Some(expires), ..at(S::Expired, false) }
                } else {
                    let challenge = Challenge { kind: *kind, seed: self.run.seed.clone() };
                    View { challenge: Some(challenge), error: error.as_ref(), ..at(S::Challenged, true) }
                }
            }
            Outcome::Ended { status, error } => {
                View { error: error.as_ref(), finished_ms: Some(reached), ..at(*status, false) }
            }
            Outcome::Processing(status) => at(*status, true),
        }
    }

    /// The member as a host returns it (the host API's fields), at `now`.
    pub fn json(&self, now: f64, opts: &SandboxOptions) -> Value {
        let view = self.view(now, opts);
        let time = |ms: f64| json!(iso8601(opts.epoch_ms + ms));
        let succeeded = view.succeeded_ms.or(self.last_success_ms);
        let mut o = Map::new();
        o.insert("guid".into(), json!(self.guid));
        o.insert("user_guid".into(), json!(opts.user_guid));
        o.insert("institution_guid".into(), json!(self.institution_guid));
        o.insert("institution_code".into(), json!(self.institution_code));
        o.insert("name".into(), json!(self.name));
        o.insert("connection_status".into(), json!(view.status.name()));
        o.insert("is_being_aggregated".into(), json!(view.aggregating));
        o.insert("is_oauth".into(), json!(self.is_oauth));
        o.insert("is_managed_by_user".into(), json!(true));
        o.insert("is_manual".into(), json!(false));
        o.insert("background_aggregation_is_disabled".into(), json!(false));
        o.insert("verification_is_enabled".into(), json!(self.verification_is_enabled));
        o.insert("most_recent_job_guid".into(), json!(self.job_guid));
        o.insert("most_recent_job_detail_code".into(), Value::Null);
        o.insert("most_recent_job_detail_text".into(), Value::Null);
        o.insert("aggregated_at".into(), time(self.run.started_ms));
        o.insert("successfully_aggregated_at".into(), succeeded.map_or(Value::Null, time));
        o.insert("has_processed_accounts".into(), json!(succeeded.is_some()));
        o.insert("has_processed_transactions".into(), json!(succeeded.is_some()));
        o.insert("metadata".into(), Value::Null);
        if let Some(uri) = &self.oauth_window_uri {
            o.insert("oauth_window_uri".into(), json!(uri));
        }
        if let Some(error) = view.error {
            o.insert("error".into(), error.json());
        }
        if let Some(challenge) = &view.challenge {
            o.insert("mfa".into(), challenge.json());
        }
        Value::Object(o)
    }

    /// Start a new run. Returns the previous job's final (status, finished) if
    /// the job changes, for the jobs table.
    fn restart(
        &mut self,
        now: f64,
        opts: &SandboxOptions,
        start_status: ConnectionStatus,
        outcome: Outcome,
        new_job: Option<(String, i64)>,
    ) -> Option<JobSnapshot> {
        let view = self.view(now, opts);
        let old = JobSnapshot { status: view.status, finished_ms: view.finished_ms };
        if let Some(ms) = view.succeeded_ms {
            self.last_success_ms = Some(ms);
        }
        self.runs += 1;
        self.run = Run { started_ms: now, start_status, outcome, seed: format!("{}/{}", self.guid, self.runs) };
        let (job_guid, job_type) = new_job?;
        self.job_guid = job_guid;
        self.job_type = job_type;
        Some(old)
    }
}

/// A job's state once it is no longer a member's current job.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct JobSnapshot {
    pub status: ConnectionStatus,
    pub finished_ms: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct JobRecord {
    pub guid: String,
    pub member_guid: String,
    pub job_type: i64,
    pub snapshot: Option<JobSnapshot>,
}

/// What the sandbox takes from submitted credentials: a decision and a
/// fingerprint. The values themselves go no further than this function.
struct Login {
    scenario: Scenario,
    fingerprint: Option<u64>,
}

fn read_login(institution: &InstitutionRecord, credentials: &[CredentialValue]) -> Result<Login, Fail> {
    let fields = institution.login_form.fields();
    let known: Vec<String> = fields.iter().map(|f| institution.credential_guid(f)).collect();
    if let Some(unknown) = credentials.iter().find(|c| !known.contains(&c.guid)) {
        return Err(Fail::bad_request(format!("Unknown credential {} for {}.", unknown.guid, institution.name)));
    }
    let value_of = |guid: &str| {
        credentials
            .iter()
            .find(|c| c.guid == guid)
            .and_then(|c| c.value.as_ref())
            .map(|s| s.expose())
            .filter(|v| !v.is_empty())
    };
    for (field, guid) in fields.iter().zip(&known) {
        if value_of(guid).is_none() {
            return Err(Fail::bad_request(format!("{} is required.", field.label)));
        }
    }
    let username = institution.field_guid(field_type::LOGIN).and_then(|g| value_of(&g)).unwrap_or_default();
    let password = institution.field_guid(field_type::PASSWORD).and_then(|g| value_of(&g)).unwrap_or_default();
    let scenario = if institution.status == Some(crate::model::INSTITUTION_STATUS_UNAVAILABLE) {
        Scenario::Error(3002)
    } else {
        Scenario::from_credentials(username, password)
    };
    let fingerprint = (!username.trim().is_empty())
        .then(|| fnv64(&format!("{}\u{0}{}", institution.guid, username.trim().to_lowercase())));
    Ok(Login { scenario, fingerprint })
}

/// The `guid` of a member object sent back by the widget.
pub(crate) fn member_guid_of(member: &Value) -> Result<String, Fail> {
    member
        .get("guid")
        .and_then(Value::as_str)
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .ok_or_else(|| Fail::bad_request("The member has no guid."))
}

impl Sandbox {
    pub(crate) fn member(&self, guid: &str) -> Result<&MemberRecord, Fail> {
        self.members.iter().find(|m| m.guid == guid).ok_or_else(|| Fail::not_found("Member", guid))
    }

    fn member_mut(&mut self, guid: &str) -> Result<&mut MemberRecord, Fail> {
        self.members.iter_mut().find(|m| m.guid == guid).ok_or_else(|| Fail::not_found("Member", guid))
    }

    pub(crate) fn member_reply(&self, guid: &str, now: f64) -> Handled {
        Ok(json!({ "member": self.member(guid)?.json(now, &self.options) }))
    }

    fn duplicate_of(&self, fingerprint: Option<u64>, except: &str) -> Option<String> {
        let fingerprint = fingerprint?;
        self.members
            .iter()
            .find(|m| m.guid != except && m.login_fingerprint == Some(fingerprint))
            .map(|m| m.guid.clone())
    }

    /// Create a member record with a first run, and its job.
    pub(crate) fn create_member(
        &mut self,
        institution: &InstitutionRecord,
        scenario: Scenario,
        fingerprint: Option<u64>,
        is_oauth: bool,
        now: f64,
    ) -> String {
        let guid = self.next_guid("MBR");
        let job_guid = self.next_guid("JOB");
        let (start_status, outcome) = if is_oauth {
            (ConnectionStatus::Pending, Outcome::AwaitingOAuth)
        } else {
            (ConnectionStatus::Created, scenario.first_outcome())
        };
        self.jobs.push(JobRecord { guid: job_guid.clone(), member_guid: guid.clone(), job_type: 0, snapshot: None });
        self.members.push(MemberRecord {
            run: Run { started_ms: now, start_status, outcome, seed: format!("{guid}/0") },
            guid: guid.clone(),
            institution_guid: institution.guid.clone(),
            institution_code: institution.code.clone(),
            name: institution.name.clone(),
            verification_is_enabled: institution.account_verification,
            is_oauth,
            oauth_window_uri: None,
            login_fingerprint: fingerprint,
            scenario,
            job_guid,
            job_type: 0,
            runs: 0,
            last_success_ms: None,
        });
        guid
    }

    pub(crate) fn add_member(
        &mut self,
        institution_guid: &str,
        credentials: &[CredentialValue],
        is_oauth: bool,
        now: f64,
    ) -> Handled {
        let institution = self
            .directory
            .by_guid(institution_guid)
            .cloned()
            .ok_or_else(|| Fail::not_found("Institution", institution_guid))?;
        if institution.is_disabled_by_client {
            return Err(Fail::new(403, format!("{} is disabled by the client.", institution.name)));
        }
        if is_oauth {
            if !institution.supports_oauth {
                return Err(Fail::bad_request(format!("{} does not support OAuth.", institution.name)));
            }
            let guid = self.create_member(&institution, Scenario::Connect, None, true, now);
            self.new_oauth_state(&guid, now);
            return self.member_reply(&guid, now);
        }
        if institution.login_form.fields().is_empty() {
            return Err(Fail::bad_request(format!("{} connects through OAuth only.", institution.name)));
        }
        let login = read_login(&institution, credentials)?;
        if let Some(existing) = self.duplicate_of(login.fingerprint, "") {
            return Err(Fail::with_data(
                409,
                json!({ "guid": existing }),
                "A member with these credentials already exists.",
            ));
        }
        let guid = self.create_member(&institution, login.scenario, login.fingerprint, false, now);
        self.member_reply(&guid, now)
    }

    /// Start a new job on a member (new job guid).
    pub(crate) fn start_job(
        &mut self,
        member_guid: &str,
        job_type: i64,
        start_status: ConnectionStatus,
        outcome: Outcome,
        now: f64,
    ) -> Result<String, Fail> {
        let job_guid = self.next_guid("JOB");
        let opts = self.options.clone();
        let member = self.member_mut(member_guid)?;
        let old_job = member.job_guid.clone();
        let snapshot = member.restart(now, &opts, start_status, outcome, Some((job_guid.clone(), job_type)));
        if let Some(job) = self.jobs.iter_mut().find(|j| j.guid == old_job) {
            job.snapshot = snapshot;
        }
        self.jobs.push(JobRecord {
            guid: job_guid.clone(),
            member_guid: member_guid.to_string(),
            job_type,
            snapshot: None,
        });
        Ok(job_guid)
    }

    pub(crate) fn run_job(&mut self, job_type: i64, member_guid: &str, now: f64) -> Handled {
        use ConnectionStatus as S;
        let member = self.member(member_guid)?;
        let view = member.view(now, &self.options);
        if member.run.outcome == Outcome::AwaitingOAuth {
            return Err(Fail::new(409, "The member is waiting for OAuth authorization."));
        }
        if view.aggregating {
            return Err(Fail::new(409, "The member is already being aggregated."));
        }
        let start = match view.status {
            S::Challenged | S::Rejected | S::Expired => S::Resumed,
            _ => S::Reconnected,
        };
        let outcome = member.scenario.first_outcome();
        let job_guid = self.start_job(member_guid, job_type, start, outcome, now)?;
        Ok(json!({ "job_guid": job_guid, "status": start.code() }))
    }

    pub(crate) fn update_member(&mut self, member: &Value, credentials: &[CredentialValue], now: f64) -> Handled {
        let guid = member_guid_of(member)?;
        let record = self.member(&guid)?;
        if record.is_oauth {
            return Err(Fail::bad_request("An OAuth member has no credentials to update."));
        }
        let institution = self
            .directory
            .by_guid(&record.institution_guid)
            .cloned()
            .ok_or_else(|| Fail::not_found("Institution", &record.institution_guid))?;
        if institution.login_form.fields().is_empty() {
            return Err(Fail::bad_request(format!("{} connects through OAuth only.", institution.name)));
        }
        let login = read_login(&institution, credentials)?;
        if let Some(existing) = self.duplicate_of(login.fingerprint, &guid) {
            return Err(Fail::with_data(
                409,
                json!({ "guid": existing }),
                "A member with these credentials already exists.",
            ));
        }
        let outcome = login.scenario.first_outcome();
        let job_type = record.job_type;
        let record = self.member_mut(&guid)?;
        record.scenario = login.scenario;
        record.login_fingerprint = login.fingerprint;
        self.start_job(&guid, job_type, ConnectionStatus::Updated, outcome, now)?;
        self.member_reply(&guid, now)
    }

    pub(crate) fn update_mfa(&mut self, member: &Value, credentials: &[CredentialValue], now: f64) -> Handled {
        let guid = member_guid_of(member)?;
        let opts = self.options.clone();
        let record = self.member_mut(&guid)?;
        let Some(challenge) = record.view(now, &opts).challenge else {
            return Err(Fail::new(409, "The member has no open MFA challenge."));
        };
        let answers: Vec<Answer<'_>> =
            credentials.iter().map(|c| Answer { guid: &c.guid, value: c.value.as_ref().map(|s| s.expose()) }).collect();
        let outcome = challenge
            .answer(&answers)
            .ok_or_else(|| Fail::bad_request("No answer was given for the MFA challenge."))?;
        // Answering resumes the same job.
        record.restart(now, &opts, ConnectionStatus::Resumed, outcome, None);
        self.member_reply(&guid, now)
    }

    pub(crate) fn delete_member(&mut self, member: &Value, now: f64) -> Handled {
        let guid = member_guid_of(member)?;
        let Some(index) = self.members.iter().position(|m| m.guid == guid) else {
            return Err(Fail::with_data(404, json!({ "guid": guid }), "Member not found."));
        };
        let record = self.members.remove(index);
        let view = record.view(now, &self.options);
        let snapshot = JobSnapshot { status: view.status, finished_ms: view.finished_ms.or(Some(now)) };
        if let Some(job) = self.jobs.iter_mut().find(|j| j.guid == record.job_guid) {
            job.snapshot = Some(snapshot);
        }
        self.oauth_states.retain(|s| s.member_guid != guid);
        Ok(record.json(now, &self.options))
    }

    pub(crate) fn load_members(&self, now: f64) -> Handled {
        let members: Vec<Value> = self.members.iter().map(|m| m.json(now, &self.options)).collect();
        Ok(json!({ "members": members }))
    }

    pub(crate) fn load_job(&self, guid: &str, now: f64) -> Handled {
        let job = self.jobs.iter().find(|j| j.guid == guid).ok_or_else(|| Fail::not_found("Job", guid))?;
        let current = self.members.iter().find(|m| m.job_guid == job.guid);
        let snapshot = match (current, job.snapshot) {
            (Some(member), _) => {
                let view = member.view(now, &self.options);
                JobSnapshot { status: view.status, finished_ms: view.finished_ms }
            }
            (None, Some(snapshot)) => snapshot,
            (None, None) => JobSnapshot { status: ConnectionStatus::Failed, finished_ms: Some(now) },
        };
        let finished_at = snapshot.finished_ms.map(|ms| epoch_seconds(self.options.epoch_ms + ms));
        Ok(json!({
            "guid": job.guid,
            "member_guid": job.member_guid,
            "job_type": job.job_type,
            "status": snapshot.status.code(),
            "finished_at": finished_at,
        }))
    }

    pub(crate) fn member_credentials(&self, member_guid: &str) -> Handled {
        let member = self.member(member_guid)?;
        let institution = self
            .directory
            .by_guid(&member.institution_guid)
            .ok_or_else(|| Fail::not_found("Institution", &member.institution_guid))?;
        Ok(json!({ "credentials": institution.credentials_json() }))
    }
}
