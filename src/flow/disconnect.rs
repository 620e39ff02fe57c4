//! Disconnecting a member: a confirmation dialog with a required reason
//! (reported as an analytic, never sent to the host), `deleteMember`, and the
//! disconnected step.

use super::navigation::Nav;
use super::{Answer, Effect, Flow, Notice, Overlay, Step, SubmitError, WidgetEvent};
use crate::host::{HostCall, HostError};
use crate::i18n::Key;
use serde_json::json;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Open,
    Cancel,
    /// Confirm with the chosen reason (`None`: none chosen).
    Confirm {
        reason: Option<Key>,
    },
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Delete,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct DisconnectState {
    pub submitting: bool,
    pub reason_missing: bool,
    pub error: Option<SubmitError>,
}

/// Reasons offered when disconnecting; the choice is reported as an analytic
/// under the reason's copy key.
pub const DISCONNECT_REASONS: [Key; 4] = [
    Key::DisconnectReasonNotMine,
    Key::DisconnectReasonNoShare,
    Key::DisconnectReasonCannotConnect,
    Key::DisconnectReasonOther,
];

impl Flow {
    pub(super) fn on_disconnect_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Open => self.open_disconnect(fx),
            Msg::Cancel => self.close_overlay(fx),
            Msg::Confirm { reason } => self.confirm_disconnect(reason, fx),
        }
    }

    pub(super) fn on_disconnect_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Delete => self.member_deleted(answer.read(fx), fx),
        }
    }

    fn disconnect_state(&mut self) -> Option<&mut DisconnectState> {
        if let Some(Overlay::Disconnect(d)) = &mut self.overlay {
            Some(d)
        } else {
            None
        }
    }

    pub(super) fn open_disconnect(&mut self, fx: &mut Vec<Effect>) {
        if !self.allowed().disconnect {
            return;
        }
        fx.push(Effect::SaveFocus);
        self.overlay = Some(Overlay::Disconnect(DisconnectState::default()));
        self.pageview("/delete_member/survey", json!({}), fx);
        self.sub_view_changed(fx);
    }

    pub(super) fn disconnect_closed(&mut self, fx: &mut Vec<Effect>) {
        self.forget_calls(|p| matches!(p, super::Pending::Disconnect(_)));
        fx.push(Effect::RestoreFocus);
    }

    fn confirm_disconnect(&mut self, reason: Option<Key>, fx: &mut Vec<Effect>) {
        let Some(member) = self.member.clone() else { return };
        let Some(d) = self.disconnect_state() else { return };
        if d.submitting {
            return;
        }
        let Some(reason) = reason else {
            d.reason_missing = true;
            fx.push(Effect::FocusFirstInvalid);
            return;
        };
        d.reason_missing = false;
        d.submitting = true;
        d.error = None;
        fx.push(Effect::Analytic { name: "connect_delete_member_reason", data: json!({"reason": reason.name()}) });
        self.call(Pending::Delete, HostCall::DeleteMember { member: member.raw }, fx);
    }

    /// `deleteMember`'s answer is not read.
    fn member_deleted(&mut self, result: Result<(), HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(()) => {
                let Some(member) = self.member.take() else { return };
                fx.push(Effect::Notify(Notice::MemberDeleted(member.guid.clone())));
                Self::emit(fx, WidgetEvent::MemberDeleted { member_guid: member.guid });
                self.show(Step::Disconnected, Nav::Reset, fx);
            }
            Err(error) => {
                if let Some(d) = self.disconnect_state() {
                    d.submitting = false;
                    d.error = Some(SubmitError::from_host(&error));
                }
            }
        }
    }
}
