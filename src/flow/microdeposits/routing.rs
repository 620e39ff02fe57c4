//! The routing number: nine digits with a valid ABA check digit (checked
//! here, before the host is asked), then `verifyRoutingNumber`. A blocked
//! number says so on the field; an instant-preferred one (`IAV_PREFERRED`)
//! offers the institutions that verify by logging in, with account numbers
//! as the other choice.

use super::{FieldError, Go, MdField, MdProblem, MdView, Pending};
use crate::flow::{Effect, Flow, SubmitError, WidgetEvent};
use crate::host::{HostCall, HostError, InstitutionQuery, RoutingNumberCheck};
use crate::model::account::{check_routing_number, RoutingNumberError};
use crate::model::Institution;

/// The reason a host gives for a number better verified by logging in.
const IAV_PREFERRED: &str = "IAV_PREFERRED";

impl Flow {
    pub(super) fn submit_routing(&mut self, typed: &str, fx: &mut Vec<Effect>) {
        let include_identity = self.config.include_identity;
        let can_check = self.env.has("verifyRoutingNumber");
        let Some(m) = self.md_state() else { return };
        if m.busy || m.view != MdView::RoutingNumber {
            return;
        }
        m.problem = None;
        let routing_number = match check_routing_number(typed) {
            Ok(routing) => routing,
            Err(error) => {
                let why = match error {
                    RoutingNumberError::Empty => FieldError::Required,
                    RoutingNumberError::NotNineDigits => FieldError::RoutingLength,
                    RoutingNumberError::Checksum => FieldError::RoutingChecksum,
                };
                m.form.routing_number = typed.trim().to_string();
                m.invalid = vec![(MdField::RoutingNumber, why)];
                fx.push(Effect::FocusFirstInvalid);
                return;
            }
        };
        m.invalid.clear();
        m.form.routing_number = routing_number.clone();
        if can_check {
            m.busy = true;
            self.call(Pending::Routing, HostCall::VerifyRoutingNumber { routing_number, include_identity }, fx);
        } else {
            self.after_routing(fx);
        }
    }

    pub(super) fn routing_checked(&mut self, result: Result<RoutingNumberCheck, HostError>, fx: &mut Vec<Effect>) {
        let check = match result {
            Ok(check) => check,
            Err(error) => return self.md_problem(MdProblem::Host(SubmitError::from_host(&error))),
        };
        let Some(reason) = check.blocked_reason else { return self.after_routing(fx) };
        let Some(m) = self.md_state() else { return };
        let routing_number = m.form.routing_number.clone();
        Self::emit(
            fx,
            WidgetEvent::MicrodepositsBlockedRoutingNumber {
                routing_number: routing_number.clone(),
                reason: reason.clone(),
            },
        );
        if reason == IAV_PREFERRED {
            let query = InstitutionQuery {
                routing_number: Some(routing_number),
                page: 1,
                per_page: self.settings.per_page,
                filters: self.config.product_filters(),
                ..InstitutionQuery::default()
            };
            self.call(Pending::InstantInstitutions, HostCall::LoadInstitutions(query), fx);
        } else {
            m.busy = false;
            m.invalid = vec![(MdField::RoutingNumber, FieldError::RoutingBlocked)];
            fx.push(Effect::FocusFirstInvalid);
        }
    }

    /// Instant institutions for the number; none (or a failed search) means
    /// account numbers it is.
    pub(super) fn instant_found(&mut self, result: Result<Vec<Institution>, HostError>, fx: &mut Vec<Effect>) {
        let available: Vec<Institution> =
            result.unwrap_or_default().into_iter().filter(|i| !self.is_unavailable(i)).collect();
        if available.is_empty() {
            return self.after_routing(fx);
        }
        if let Some(m) = self.md_state() {
            m.instant = available;
        }
        self.md_go(MdView::SharedRouting, Go::Forward, fx);
    }

    /// The routing number is fine: on to how it works (or back to the review).
    pub(super) fn after_routing(&mut self, fx: &mut Vec<Effect>) {
        if !self.return_to_review(fx) {
            self.md_go(MdView::HowItWorks, Go::Forward, fx);
        }
    }

    pub(super) fn choose_instant(&mut self, guid: String, fx: &mut Vec<Effect>) {
        let Some(m) = self.md_state() else { return };
        if m.view != MdView::SharedRouting || m.selecting.is_some() {
            return;
        }
        let Some(institution) = m.instant.iter().find(|i| i.guid == guid).cloned() else { return };
        m.selecting = Some(guid.clone());
        m.problem = None;
        Self::emit(fx, WidgetEvent::selected(institution));
        self.call(Pending::Institution, HostCall::LoadInstitutionByGuid { guid }, fx);
    }

    /// An instant institution opens over this step, so back returns here.
    pub(super) fn instant_opened(&mut self, result: Result<Institution, HostError>, fx: &mut Vec<Effect>) {
        let institution = match result {
            Ok(institution) => institution,
            Err(error) => {
                if let Some(m) = self.md_state() {
                    m.selecting = None;
                }
                return self.md_problem(MdProblem::Host(SubmitError::from_host(&error)));
            }
        };
        if let Some(m) = self.md_state() {
            m.selecting = None;
        }
        self.open_institution(institution, fx);
    }
}
