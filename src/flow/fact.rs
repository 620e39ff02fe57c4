//! Typed facts for the structured event stream (`onEvent`): what happened to
//! an external account or an MFA challenge, in the banking event catalogue's
//! terms. They are not MX events (those are `WidgetEvent`s); the runtime
//! stamps each fact with an id, a time and the session, and `crate::stream`
//! renders it. Nothing secret is ever in a fact: account numbers only masked.
//!
//! Microdeposit facts are pushed by the microdeposits domain where they
//! happen. The aggregation path's facts (MFA, a member verified or removed)
//! are read off each update by `derive_facts`, so the domains that own those
//! steps stay as they are.

use super::{Effect, Flow, MfaState, Step, WidgetEvent};
use crate::model::{field_type, ConnectionStatus, Mode};

/// How the user showed the account is theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerificationMethod {
    /// By logging in to the institution.
    Instant,
    MicroDeposits,
}

/// Why a verification failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureReason {
    /// Wrong deposit amounts.
    AmountsMismatched,
    /// The deposits could not be made to the account given.
    AccountMismatched,
    /// Anything else (expired, rejected, conflicted).
    Other,
}

/// How an MFA challenge is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MfaFactor {
    /// Questions, options and pictures chosen or answered.
    SecurityQuestions,
    /// A one-time code (a TOKEN challenge).
    SoftwareToken,
}

/// An account by what may be shown of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRef {
    /// `*1234`.
    pub masked_number: String,
    pub routing_number: String,
}

/// Something the host may want to record, in the catalogue's vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    /// Deposits were requested to an account (its details were submitted).
    ExternalAccountRequested { primary_id: String, account: AccountRef, method: VerificationMethod },
    /// The account is verified. `account` is unknown for a connection made by logging in.
    ExternalAccountActivated {
        primary_id: String,
        account: Option<AccountRef>,
        institution_name: Option<String>,
        method: VerificationMethod,
    },
    /// A verification attempt failed; `failure_count` counts this session's failures.
    ExternalAccountVerificationFailed {
        primary_id: String,
        account: Option<AccountRef>,
        institution_name: Option<String>,
        method: VerificationMethod,
        reason: FailureReason,
        failure_count: Option<u32>,
    },
    /// A verified connection was removed (disconnected).
    ExternalAccountRemoved { primary_id: String, account: Option<AccountRef>, institution_name: Option<String> },
    /// The institution asked a first MFA question.
    MfaInitiated { primary_id: String, factor: MfaFactor },
    /// The MFA answers were accepted (after `failure_count` wrong ones).
    MfaSucceeded { primary_id: String, factor: MfaFactor, failure_count: u32 },
    /// An MFA answer was wrong or the challenge ended without success.
    MfaFailed { primary_id: String, factor: MfaFactor, failure_count: u32 },
}

/// An MFA challenge being followed, from its first question to its outcome.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct MfaTrack {
    member_guid: String,
    factor: MfaFactor,
    failures: u32,
    /// An answer was sent and its outcome is not known yet.
    answered: bool,
}

/// What `derive_facts` compares with: the step before the update.
pub(super) struct Before {
    step: &'static str,
    challenges: Vec<String>,
}

fn factor_of(mfa: &MfaState) -> MfaFactor {
    if mfa.challenges.iter().any(|c| c.field_type == field_type::TOKEN) {
        MfaFactor::SoftwareToken
    } else {
        MfaFactor::SecurityQuestions
    }
}

impl Flow {
    pub(super) fn before_update(&self) -> Before {
        let mut challenges = Vec::new();
        if let Step::Mfa(m) = self.step() {
            challenges = m.challenges.iter().map(|c| c.guid.clone()).collect();
        }
        Before { step: self.step().id(), challenges }
    }

    /// Facts of the aggregation path, read off one update's effects and the
    /// step it led to.
    pub(super) fn derive_facts(&mut self, before: Before, fx: &mut Vec<Effect>) {
        let mut facts = Vec::new();
        let submitted = fx.iter().any(|e| matches!(e, Effect::Emit(WidgetEvent::SubmitMfa { .. })));
        if let (true, Some(track)) = (submitted, self.mfa_track.as_mut()) {
            track.answered = true;
        }
        let member_guid = self.member.as_ref().map(|m| m.guid.clone()).unwrap_or_default();
        if let Step::Mfa(mfa) = self.step() {
            let now: Vec<String> = mfa.challenges.iter().map(|c| c.guid.clone()).collect();
            let asked_anew = before.step != "mfa" || before.challenges != now;
            let factor = factor_of(mfa);
            let wrong = mfa.previous_wrong || mfa.timed_out;
            match self.mfa_track.as_mut() {
                Some(track) if asked_anew && track.answered && track.member_guid == member_guid => {
                    // Asked again: a wrong answer, or the next question of the same challenge.
                    track.answered = false;
                    if wrong {
                        track.failures += 1;
                        let failure_count = track.failures;
                        facts.push(Fact::MfaFailed { primary_id: member_guid, factor: track.factor, failure_count });
                    }
                }
                Some(track) if track.member_guid == member_guid => {}
                _ if asked_anew => {
                    self.mfa_track =
                        Some(MfaTrack { member_guid: member_guid.clone(), factor, failures: 0, answered: false });
                    facts.push(Fact::MfaInitiated { primary_id: member_guid, factor });
                }
                _ => {}
            }
        } else if self.mfa_track.as_ref().is_some_and(|t| t.answered)
            && !matches!(self.step(), Step::Connecting(_) | Step::Loading)
        {
            if let Some(track) = self.mfa_track.take() {
                let connected =
                    self.member.as_ref().is_some_and(|m| m.connection_status == Some(ConnectionStatus::Connected));
                let primary_id = track.member_guid;
                facts.push(if connected {
                    Fact::MfaSucceeded { primary_id, factor: track.factor, failure_count: track.failures }
                } else {
                    Fact::MfaFailed { primary_id, factor: track.factor, failure_count: track.failures + 1 }
                });
            }
        }
        if self.config.mode == Mode::Verification {
            let institution_name = self.institution.as_ref().map(|i| i.name.clone());
            for effect in fx.iter() {
                match effect {
                    Effect::Emit(WidgetEvent::MemberConnected { member_guid, .. }) => {
                        facts.push(Fact::ExternalAccountActivated {
                            primary_id: member_guid.clone(),
                            account: None,
                            institution_name: institution_name.clone(),
                            method: VerificationMethod::Instant,
                        })
                    }
                    Effect::Emit(WidgetEvent::MemberDeleted { member_guid }) => {
                        facts.push(Fact::ExternalAccountRemoved {
                            primary_id: member_guid.clone(),
                            account: None,
                            institution_name: institution_name.clone(),
                        })
                    }
                    _ => {}
                }
            }
        }
        fx.extend(facts.into_iter().map(Effect::Fact));
    }
}
