//! What a sandbox aggregation does: the test passwords of MX Bank (docs/sandbox.md)
//! and the sandbox's own `status:`/`error:` triggers, the MFA challenges they
//! raise, and how an answer moves the member on.
//!
//! Only the *decision* taken from a password is kept (a `Scenario`), never the
//! password itself.

use super::image::{shape_png, word_png, Shape};
use super::util::guid;
use crate::model::{field_type, ConnectionStatus};
use serde_json::{json, Value};

/// The MFA kinds the test passwords raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChallengeKind {
    /// A text question; "correct" connects, "challenge" asks a second (token) question.
    Text,
    /// The second round after answering "challenge": a one-time code.
    Token,
    /// A list of options; the one labelled "correct" connects.
    Options,
    /// A picture with a text question; "correct" connects.
    Image,
    /// A choice between pictures; the one labelled "correct" connects.
    ImageOptions,
    /// Single-account selection; any account connects.
    AccountSelect,
}

/// `member.error` as the sandbox reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorInfo {
    pub error_code: Option<i64>,
    pub error_message: String,
    pub user_message: String,
}

impl ErrorInfo {
    pub fn json(&self) -> Value {
        json!({
            "error_code": self.error_code,
            "error_message": self.error_message,
            "error_type": "MEMBER",
            "locale": "en",
            "user_message": self.user_message,
        })
    }

    /// The error a member shows for an `error:CODE` trigger.
    pub fn for_code(code: i64) -> ErrorInfo {
        let (readable, user_message) = match code {
            1000 => (
                "NO_VERIFIABLE_ACCOUNTS",
                "We couldn't find any accounts eligible for transfers. Please link a checking or savings account.",
            ),
            1001 => ("NO_ACCOUNTS", "No accounts were found at this institution."),
            1002 => ("ACCESS_DENIED", "Some required permissions weren't granted at the institution."),
            2001 => ("INCORRECT_OTP", "The one-time code was incorrect. Please try again."),
            2002 => ("INCORRECT_MFA", "The answer was incorrect. Please try again."),
            2003 => ("MFA_TIMEOUT", "The answer was not provided in time. Please try again."),
            2004 => ("REAUTHORIZATION_REQUIRED", "Please sign in again to keep this connection."),
            2005 => ("INVALID_CREDENTIALS", "The credentials entered do not match those at this institution."),
            3000 => ("INSTITUTION_DOWN", "We're unable to connect to this institution right now."),
            3001 => ("INSTITUTION_MAINTENANCE", "This institution is under maintenance. Please try again later."),
            3002 => ("INSTITUTION_UNAVAILABLE", "This institution isn't responding right now. Please try again later."),
            _ => ("UNKNOWN_ERROR", "Something went wrong while connecting. Please try again later."),
        };
        ErrorInfo {
            error_code: Some(code),
            error_message: format!("Sandbox error {code}: {readable}"),
            user_message: user_message.into(),
        }
    }

    /// The "HALTED" outcomes of MX's test credentials, reported as FAILED (HALTED is not a status 0–21).
    fn halted(error_code: Option<i64>, why: &str, user_message: &str) -> ErrorInfo {
        ErrorInfo { error_code, error_message: format!("HALTED: {why}"), user_message: user_message.into() }
    }
}

/// What happens when a job has run for `aggregation_ms`.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// CONNECTED, with a short syncing phase first.
    Connected { error: Option<ErrorInfo> },
    /// CHALLENGED with a question (still aggregating until answered or expired).
    Challenged { kind: ChallengeKind, error: Option<ErrorInfo> },
    /// An end state: not aggregating any more.
    Ended { status: ConnectionStatus, error: Option<ErrorInfo> },
    /// A processing status that never finishes (`status:CREATED` and friends).
    Processing(ConnectionStatus),
    /// An OAuth member waiting for the user at the provider: PENDING.
    AwaitingOAuth,
}

/// What a member's password decided; every job of the member replays it.
#[derive(Clone, Debug, PartialEq)]
pub enum Scenario {
    Connect,
    Mfa(ChallengeKind),
    Fail(ErrorInfo),
    Denied,
    Status(ConnectionStatus),
    Error(i64),
}

/// The username MX Bank's test passwords go with; any username starting with
/// it works, so several test members can live side by side without a 409.
pub const TEST_USERNAME: &str = "test_atrium";

/// `error:CODE` codes with a documented meaning (others still work: FAILED with that code).
pub const ERROR_CODES: [i64; 11] = [1000, 1001, 1002, 2001, 2002, 2003, 2004, 2005, 3000, 3001, 3002];

impl Scenario {
    /// Decide from the username and password. MX's test passwords need the
    /// `test_atrium` username; `status:` and `error:` triggers take any.
    pub fn from_credentials(username: &str, password: &str) -> Scenario {
        if let Some(trigger) = trigger(password) {
            return trigger;
        }
        if !username.trim().to_ascii_lowercase().starts_with(TEST_USERNAME) {
            return Scenario::Denied;
        }
        match password {
            "password" => Scenario::Connect,
            "challenge" => Scenario::Mfa(ChallengeKind::Text),
            "options" => Scenario::Mfa(ChallengeKind::Options),
            "image" => Scenario::Mfa(ChallengeKind::Image),
            "image_options" => Scenario::Mfa(ChallengeKind::ImageOptions),
            "account_select" => Scenario::Mfa(ChallengeKind::AccountSelect),
            "BAD_REQUEST" => Scenario::Fail(ErrorInfo::halted(
                None,
                "the member has no username or password (BAD_REQUEST)",
                "There was a problem validating your credentials. Please try again later.",
            )),
            "SERVER_ERROR" => Scenario::Fail(ErrorInfo::halted(
                Some(3000),
                "the institution had a server error (SERVER_ERROR)",
                "We're unable to connect to this institution right now. Please try again later.",
            )),
            "UNAVAILABLE" => Scenario::Fail(ErrorInfo::halted(
                Some(3002),
                "the institution is unavailable (UNAVAILABLE)",
                "This institution isn't responding right now. Please try again later.",
            )),
            // UNAUTHORIZED, INVALID, LOCKED: DENIED, as the aggregator documents; so is any other password.
            _ => Scenario::Denied,
        }
    }

    /// The outcome of a job that starts from scratch (a new member, runJob, updateMember).
    pub fn first_outcome(&self) -> Outcome {
        use ConnectionStatus as S;
        match self {
            Scenario::Connect => Outcome::Connected { error: None },
            Scenario::Mfa(kind) => Outcome::Challenged { kind: *kind, error: None },
            Scenario::Fail(error) => Outcome::Ended { status: S::Failed, error: Some(error.clone()) },
            Scenario::Denied => Outcome::Ended { status: S::Denied, error: None },
            Scenario::Status(S::Connected) => Outcome::Connected { error: None },
            Scenario::Status(S::Challenged) => Outcome::Challenged { kind: ChallengeKind::Text, error: None },
            Scenario::Status(s) if s.is_processing() => Outcome::Processing(*s),
            Scenario::Status(s) => Outcome::Ended { status: *s, error: None },
            Scenario::Error(code) => {
                let error = Some(ErrorInfo::for_code(*code));
                match code {
                    1000..=1002 => Outcome::Connected { error },
                    2001..=2003 => Outcome::Challenged { kind: ChallengeKind::Text, error },
                    2004 | 2005 => Outcome::Ended { status: S::Denied, error },
                    _ => Outcome::Ended { status: S::Failed, error },
                }
            }
        }
    }
}

/// `status:NAME`, `status:N` or `error:CODE`; the value is case-insensitive.
fn trigger(password: &str) -> Option<Scenario> {
    let (key, value) = password.split_once(':')?;
    let value = value.trim();
    match key.trim().to_ascii_lowercase().as_str() {
        "status" => {
            let status = match value.parse::<i64>() {
                Ok(code) => ConnectionStatus::from_code(code),
                Err(_) => ConnectionStatus::from_name(value),
            };
            Some(status.map_or(Scenario::Denied, Scenario::Status))
        }
        "error" => Some(value.parse::<i64>().map_or(Scenario::Denied, Scenario::Error)),
        _ => None,
    }
}

/// One MFA answer as the sandbox reads it (guid of the challenge credential, value).
pub struct Answer<'a> {
    pub guid: &'a str,
    pub value: Option<&'a str>,
}

/// A challenge as issued to one member: its kind and the seed its guids come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    pub kind: ChallengeKind,
    pub seed: String,
}

/// The options of a choice challenge: (label, data URI).
fn options_of(kind: ChallengeKind) -> Vec<(&'static str, Option<String>)> {
    const WHITE: [u8; 3] = [255, 255, 255];
    match kind {
        ChallengeKind::Options => vec![("incorrect", None), ("correct", None), ("wrong", None)],
        ChallengeKind::ImageOptions => vec![
            ("incorrect", Some(shape_png(Shape::Square, [0x1f, 0x4e, 0x8c], WHITE))),
            ("wrong", Some(shape_png(Shape::Triangle, [0xc7, 0x5b, 0x12], WHITE))),
            ("correct", Some(shape_png(Shape::Circle, [0x2e, 0x7d, 0x32], WHITE))),
            ("not this one", Some(shape_png(Shape::Diamond, [0x6a, 0x1b, 0x9a], WHITE))),
        ],
        ChallengeKind::AccountSelect => {
            vec![("Checking ...1234", None), ("Savings ...5678", None), ("Money Market ...9012", None)]
        }
        _ => Vec::new(),
    }
}

impl Challenge {
    pub fn credential_guid(&self) -> String {
        guid("CRD", &format!("{}/challenge", self.seed))
    }

    fn option_guid(&self, index: usize) -> String {
        guid("OPT", &format!("{}/option/{index}", self.seed))
    }

    /// `member.mfa` for this challenge.
    pub fn json(&self) -> Value {
        let credential_guid = self.credential_guid();
        let (label, field_type, type_name) = match self.kind {
            ChallengeKind::Text => {
                ("What city were you born in? (Sandbox: answer \"correct\")", field_type::TEXT, "TEXT")
            }
            ChallengeKind::Token => {
                ("Enter the code we sent to your phone. (Sandbox: answer \"correct\")", field_type::TOKEN, "TOKEN")
            }
            ChallengeKind::Options => ("Choose the correct option.", field_type::OPTIONS, "OPTIONS"),
            ChallengeKind::Image => ("Type the word shown in the picture.", field_type::IMAGE_DATA, "IMAGE_DATA"),
            ChallengeKind::ImageOptions => {
                ("Choose the picture labelled correct.", field_type::IMAGE_OPTIONS, "IMAGE_OPTIONS")
            }
            ChallengeKind::AccountSelect => ("Select an account to connect", field_type::OPTIONS, "OPTIONS"),
        };
        let mut credential = json!({
            "guid": credential_guid,
            "label": label,
            "field_name": null,
            "field_type": field_type,
            "type": type_name,
            "display_order": 1,
        });
        if self.kind == ChallengeKind::Image {
            let picture = word_png("correct", [0x1f, 0x2a, 0x44], [0xf4, 0xf6, 0xfa]);
            credential["image_data"] = json!(picture);
            credential["meta_data"] = json!(picture);
        }
        if self.kind == ChallengeKind::AccountSelect {
            credential["external_id"] = json!("single_account_select");
        }
        let options = options_of(self.kind);
        if !options.is_empty() {
            credential["options"] = Value::Array(
                options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (label, data_uri))| {
                        let guid = self.option_guid(i);
                        let mut o =
                            json!({"guid": guid, "label": label, "value": guid, "credential_guid": credential_guid});
                        if let Some(uri) = data_uri {
                            o["data_uri"] = json!(uri);
                        }
                        o
                    })
                    .collect(),
            );
        }
        json!({ "credentials": [credential] })
    }

    /// Where an answer leads, or `None` when no answer names this challenge.
    pub fn answer(&self, answers: &[Answer<'_>]) -> Option<Outcome> {
        let credential_guid = self.credential_guid();
        let given = answers.iter().find(|a| a.guid == credential_guid)?;
        let value = given.value.map(str::trim).unwrap_or_default();
        let connected = Outcome::Connected { error: None };
        let rejected = Outcome::Ended { status: ConnectionStatus::Rejected, error: None };
        let chosen_label = || {
            options_of(self.kind)
                .into_iter()
                .enumerate()
                .find(|(i, _)| self.option_guid(*i) == value)
                .map(|(_, (label, _))| label)
        };
        Some(match self.kind {
            ChallengeKind::Text if value.eq_ignore_ascii_case("challenge") => {
                Outcome::Challenged { kind: ChallengeKind::Token, error: None }
            }
            ChallengeKind::Text | ChallengeKind::Token | ChallengeKind::Image => {
                if value.eq_ignore_ascii_case("correct") {
                    connected
                } else {
                    rejected
                }
            }
            ChallengeKind::Options | ChallengeKind::ImageOptions => {
                if chosen_label() == Some("correct") {
                    connected
                } else {
                    rejected
                }
            }
            ChallengeKind::AccountSelect => {
                if chosen_label().is_some() {
                    connected
                } else {
                    rejected
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConnectionStatus as S;

    #[test]
    fn test_passwords_decide_the_outcome() {
        // Why: these are the documented MX Bank test credentials people will type.
        let s = |p: &str| Scenario::from_credentials("test_atrium", p);
        assert_eq!(s("password"), Scenario::Connect);
        assert_eq!(s("challenge"), Scenario::Mfa(ChallengeKind::Text));
        assert_eq!(s("options"), Scenario::Mfa(ChallengeKind::Options));
        assert_eq!(s("image"), Scenario::Mfa(ChallengeKind::Image));
        for p in ["UNAUTHORIZED", "INVALID", "LOCKED", "Password", "hunter2", ""] {
            assert_eq!(s(p), Scenario::Denied, "{p}");
        }
        for (p, code) in [("BAD_REQUEST", None), ("SERVER_ERROR", Some(3000)), ("UNAVAILABLE", Some(3002))] {
            let outcome = s(p).first_outcome();
            assert!(
                matches!(&outcome, Outcome::Ended { status: S::Failed, error: Some(e) }
                    if e.error_code == code && e.error_message.starts_with("HALTED")),
                "{p}: {outcome:?}"
            );
        }
        // Seed passwords need the test username; triggers do not.
        assert_eq!(Scenario::from_credentials("someone", "password"), Scenario::Denied);
        assert_eq!(Scenario::from_credentials("Test_Atrium_2", "password"), Scenario::Connect);
        assert_eq!(Scenario::from_credentials("someone", "status:LOCKED"), Scenario::Status(S::Locked));
    }

    #[test]
    fn status_and_error_triggers_parse_names_and_numbers() {
        // Why: `status:N` and `error:CODE` are how a person reaches every screen by hand.
        let s = |p: &str| Scenario::from_credentials("x", p);
        assert_eq!(s("status:5"), Scenario::Status(S::Locked));
        assert_eq!(s("STATUS: locked"), Scenario::Status(S::Locked));
        assert_eq!(s("status:22"), Scenario::Denied);
        assert_eq!(s("status:HALTED"), Scenario::Denied);
        assert_eq!(s("error:2002"), Scenario::Error(2002));
        assert_eq!(s("error:abc"), Scenario::Denied);
    }

    #[test]
    fn answers_follow_mx_bank_rules() {
        // Why: the MFA screens are only testable if the right answers connect and others reject.
        let ch = |kind| Challenge { kind, seed: "MBR-1/1".into() };
        let text = ch(ChallengeKind::Text);
        let g = text.credential_guid();
        let say = |v: &str| text.answer(&[Answer { guid: &g, value: Some(v) }]);
        assert_eq!(say("correct"), Some(Outcome::Connected { error: None }));
        assert_eq!(say(" Correct "), Some(Outcome::Connected { error: None }));
        assert_eq!(say("challenge"), Some(Outcome::Challenged { kind: ChallengeKind::Token, error: None }));
        assert!(matches!(say("nope"), Some(Outcome::Ended { status: S::Rejected, .. })));
        assert_eq!(text.answer(&[Answer { guid: "CRD-other", value: Some("correct") }]), None);
        let options = ch(ChallengeKind::Options);
        let json = options.json();
        let opts = json["credentials"][0]["options"].as_array().cloned().unwrap_or_default();
        assert_eq!(opts.len(), 3);
        let guid_of = |label: &str| {
            opts.iter().find(|o| o["label"] == label).and_then(|o| o["guid"].as_str()).unwrap_or("").to_string()
        };
        let og = options.credential_guid();
        let pick = |v: &str| options.answer(&[Answer { guid: &og, value: Some(v) }]);
        assert_eq!(pick(&guid_of("correct")), Some(Outcome::Connected { error: None }));
        assert!(matches!(pick(&guid_of("wrong")), Some(Outcome::Ended { status: S::Rejected, .. })));
        assert!(
            matches!(pick("correct"), Some(Outcome::Ended { status: S::Rejected, .. })),
            "the value is the option guid"
        );
    }
}
