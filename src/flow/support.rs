//! The support request form (`createSupportTicket`), a sub-view reachable from
//! login errors, MFA and update credentials. A failure keeps the form usable.

use super::{Answer, Effect, Flow, Overlay, SubmitError};
use crate::host::{HostCall, HostError, SupportTicket};
use serde_json::json;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Open,
    Close,
    Submit { email: String, title: String, message: String },
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Send,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportField {
    Email,
    Title,
    Message,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SupportState {
    pub needs_email: bool,
    pub submitting: bool,
    pub invalid: Vec<SupportField>,
    pub error: Option<SubmitError>,
    /// Set once sent: where the reply will go.
    pub sent_to: Option<String>,
    pub email: String,
}

/// `non-space @ non-space . non-space`, as the reference validates.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !s.contains(char::is_whitespace)
                && domain.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        }
        None => false,
    }
}

impl Flow {
    pub(super) fn on_support_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Open => self.open_support(fx),
            Msg::Close => self.close_overlay(fx),
            Msg::Submit { email, title, message } => self.submit_support(email, title, message, fx),
        }
    }

    pub(super) fn on_support_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Send => self.support_sent(answer.read(fx), fx),
        }
    }

    fn support_state(&mut self) -> Option<&mut SupportState> {
        if let Some(Overlay::Support(s)) = &mut self.overlay {
            Some(s)
        } else {
            None
        }
    }

    pub(super) fn open_support(&mut self, fx: &mut Vec<Effect>) {
        if !self.env.has("createSupportTicket") {
            return;
        }
        self.overlay = Some(Overlay::Support(SupportState {
            needs_email: self.env.user_email.is_none(),
            ..SupportState::default()
        }));
        self.pageview("/support/support_general", json!({}), fx);
        self.sub_view_changed(fx);
    }

    pub(super) fn support_closed(&mut self, fx: &mut Vec<Effect>) {
        self.forget_calls(|p| matches!(p, super::Pending::Support(_)));
        self.sub_view_changed(fx);
    }

    fn submit_support(&mut self, email: String, title: String, message: String, fx: &mut Vec<Effect>) {
        let user_email = self.env.user_email.clone();
        let Some(s) = self.support_state() else { return };
        if s.submitting || s.sent_to.is_some() {
            return;
        }
        let email = user_email.unwrap_or_else(|| email.trim().to_string());
        let mut invalid = Vec::new();
        if !is_email(&email) {
            invalid.push(SupportField::Email);
        }
        if title.trim().is_empty() {
            invalid.push(SupportField::Title);
        }
        if message.trim().is_empty() {
            invalid.push(SupportField::Message);
        }
        s.error = None;
        if !invalid.is_empty() {
            s.invalid = invalid;
            fx.push(Effect::FocusFirstInvalid);
            return;
        }
        s.invalid.clear();
        s.submitting = true;
        s.email = email.clone();
        let ticket = SupportTicket { email, title: title.trim().into(), message: message.trim().into() };
        self.call(Pending::Send, HostCall::CreateSupportTicket(ticket), fx);
    }

    /// The ticket's answer is not read: sent is sent.
    fn support_sent(&mut self, result: Result<(), HostError>, fx: &mut Vec<Effect>) {
        let Some(s) = self.support_state() else { return };
        s.submitting = false;
        match result {
            Ok(()) => {
                s.sent_to = Some(s.email.clone());
                self.sub_view_changed(fx);
            }
            Err(error) => s.error = Some(SubmitError::from_host(&error)),
        }
    }
}
