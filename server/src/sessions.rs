//! One sandbox per session, the clock, and what each session records.

use connect_widget::host::{HostCall, HostError};
use connect_widget::sandbox::{Sandbox, SandboxOptions};
use serde_json::{json, Value};
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Mutex, PoisonError};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The session of requests outside `/sessions/{id}`.
pub const DEFAULT_SESSION: &str = "default";
/// Sessions kept at once; the least recently used goes first.
const MAX_SESSIONS: usize = 256;
/// Requests remembered per session.
const MAX_LOGGED: usize = 500;

/// A request as the test controls list it. Only the `Authorization` header
/// is kept: the sandbox is for test data, and tests check the tokens sent.
#[derive(Clone, Debug)]
pub struct Logged {
    pub method: String,
    /// Path and query as received (under `/sessions/{id}` when there).
    pub uri: String,
    pub authorization: Option<String>,
}

/// Make the next `times` requests `method path` fail with `status`, or never answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    pub method: String,
    pub path: String,
    pub status: Option<u16>,
    pub hang: bool,
    pub times: u32,
}

pub struct Session {
    pub(crate) sandbox: Sandbox,
    pub requests: VecDeque<Logged>,
    pub faults: Vec<Fault>,
    last_used: u64,
}

impl Session {
    pub fn log(&mut self, request: Logged) {
        if self.requests.len() == MAX_LOGGED {
            self.requests.pop_front();
        }
        self.requests.push_back(request);
    }

    /// The fault for `method path`, if one is armed; spends one of its `times`.
    pub fn take_fault(&mut self, method: &str, path: &str) -> Option<Fault> {
        let index = self.faults.iter().position(|f| f.method.eq_ignore_ascii_case(method) && f.path == path)?;
        let fault = self.faults[index].clone();
        if fault.times <= 1 {
            self.faults.remove(index);
        } else {
            self.faults[index].times -= 1;
        }
        Some(fault)
    }
}

pub struct Sessions {
    inner: Mutex<Inner>,
    options: SandboxOptions,
    public_url: Option<String>,
    started: Instant,
}

struct Inner {
    sessions: BTreeMap<String, Session>,
    tick: u64,
}

impl Sessions {
    /// Sessions whose sandboxes use `options`, on a real clock: time counts from
    /// now, and the sandbox's timestamps are wall-clock dates.
    pub fn new(mut options: SandboxOptions, public_url: Option<String>) -> Sessions {
        options.epoch_ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        let inner = Mutex::new(Inner { sessions: BTreeMap::new(), tick: 0 });
        Sessions { inner, options, public_url, started: Instant::now() }
    }

    /// Session `id`'s sandbox options: its OAuth members open this server's page, under the session's path.
    fn options_for(&self, id: &str) -> SandboxOptions {
        let mut options = self.options.clone();
        if let Some(base) = &self.public_url {
            let prefix = if id == DEFAULT_SESSION { String::new() } else { format!("/sessions/{id}") };
            options.oauth_window_base_url = format!("{}{prefix}/oauth/authorize", base.trim_end_matches('/'));
        }
        options
    }

    pub fn now_ms(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * 1000.0
    }

    /// Run `f` on session `id`, creating it on first use.
    pub fn with<R>(&self, id: &str, f: impl FnOnce(&mut Session) -> R) -> R {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.tick += 1;
        let tick = inner.tick;
        if !inner.sessions.contains_key(id) && inner.sessions.len() >= MAX_SESSIONS {
            let oldest = inner.sessions.iter().min_by_key(|(_, s)| s.last_used).map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                inner.sessions.remove(&oldest);
            }
        }
        let session = inner.sessions.entry(id.to_string()).or_insert_with(|| Session {
            sandbox: Sandbox::new(self.options_for(id)),
            requests: VecDeque::new(),
            faults: Vec::new(),
            last_used: tick,
        });
        session.last_used = tick;
        f(session)
    }

    /// Session `id`'s sandbox answers `call` now.
    pub fn answer(&self, id: &str, call: &HostCall) -> Result<Value, HostError> {
        let now = self.now_ms();
        self.with(id, |session| session.sandbox.handle(call, now))
    }
}

/// The HTTP status and JSON body of a sandbox answer.
pub fn status_and_body(result: Result<Value, HostError>) -> (u16, Value) {
    match result {
        Ok(answer) => (200, answer),
        Err(HostError::Rejected { status, data, message, .. }) => {
            let body = if data.is_null() { json!({ "message": message }) } else { data };
            (status.unwrap_or(500), body)
        }
        Err(other) => (500, json!({ "message": other.to_string() })),
    }
}
