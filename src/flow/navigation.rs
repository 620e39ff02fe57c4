//! Moving between steps: showing one (events, pageview, focus), going back,
//! and what a step shown again must re-arm.

use super::step::BackRule;
use super::{Effect, Flow, Overlay, SearchState, SearchView, Step, WidgetEvent};
use serde_json::{json, Value};

/// How `show` places a step on the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Nav {
    /// On top: back returns to the step below.
    Push,
    /// Instead of the top step.
    Replace,
    /// As the only step.
    Reset,
}

impl Flow {
    /// Whether a back control makes sense right now.
    pub fn can_go_back(&self) -> bool {
        if self.overlay.is_some() {
            return true;
        }
        match self.step().back_rule() {
            BackRule::None | BackRule::NotWhileBusy => false,
            BackRule::SubView => true,
            BackRule::Previous => {
                self.stack.len() > 1 || (self.search_allowed() && !matches!(self.step(), Step::Search(_)))
            }
        }
    }

    /// Whether the back control is shown: where back goes somewhere, and on
    /// the first step when the partner asks for it (`show_back_button`), so
    /// the host can close the widget on `connect/backButtonClicked`.
    pub fn shows_back_control(&self) -> bool {
        self.can_go_back() || self.root_back_requested()
    }

    fn root_back_requested(&self) -> bool {
        self.overlay.is_none()
            && self.stack.len() == 1
            && self.config.raw.get("show_back_button") == Some(&Value::Bool(true))
    }

    /// The back control where back goes nowhere in the widget: tell the host.
    pub(super) fn back_at_root(&mut self, fx: &mut Vec<Effect>) {
        if self.root_back_requested() {
            Self::emit(fx, WidgetEvent::BackButtonClicked);
        }
    }

    /// Host-driven back (`navigateBack()`, `mx/navigation`): whether it went back.
    pub fn navigate_back(&mut self) -> (bool, Vec<Effect>) {
        let mut fx = Vec::new();
        let went = self.can_go_back() && self.back(&mut fx);
        (went, fx)
    }

    pub(super) fn sub_view_changed(&mut self, fx: &mut Vec<Effect>) {
        self.shown_once = true;
        fx.push(Effect::FocusHeading);
    }

    /// Show `step`, placed as `nav` says. Sends `loaded` or `stepChange`, a
    /// pageview, and moves focus. Forgets every pending call and timer.
    pub(super) fn show(&mut self, step: Step, nav: Nav, fx: &mut Vec<Effect>) {
        let previous = self.step().id();
        self.pending.clear();
        self.overlay = None;
        match nav {
            Nav::Push => self.stack.push(step),
            Nav::Replace => {
                self.stack.pop();
                self.stack.push(step);
            }
            Nav::Reset => self.stack = vec![step],
        }
        self.after_step_change(previous, fx);
    }

    fn after_step_change(&mut self, previous: &'static str, fx: &mut Vec<Effect>) {
        let current = self.step().id();
        if !self.loaded_sent {
            if current != "loading" {
                self.loaded_sent = true;
                Self::emit(fx, WidgetEvent::Loaded { initial_step: current });
            }
        } else if previous != current {
            Self::emit(fx, WidgetEvent::StepChange { previous, current });
        }
        if let Some(segment) = self.step().pageview() {
            self.pageview(segment, self.pageview_metadata(), fx);
        }
        // The first step does not take focus: the widget must not pull focus
        // (and scroll) away from the host page just by appearing.
        if previous == "loading" && current != "loading" && !self.shown_once {
            self.shown_once = true;
        } else {
            self.sub_view_changed(fx);
        }
    }

    /// `onAnalyticPageview` with the mode's path prefix.
    pub(super) fn pageview(&self, segment: &str, data: Value, fx: &mut Vec<Effect>) {
        fx.push(Effect::Pageview { path: format!("/connect/{}{segment}", self.config.mode.name()), data });
    }

    fn pageview_metadata(&self) -> Value {
        let mut data = json!({});
        if let Some(i) = &self.institution {
            data["institution_guid"] = json!(i.guid);
            data["institution_name"] = json!(i.name);
        }
        if let Some(status) = self.member.as_ref().and_then(|m| m.connection_status) {
            data["connection_status"] = json!(status.code());
            data["readable_status"] = json!(status.name());
        }
        data
    }

    /// One step back: close the open sub-view, pop the stack, or go to search.
    pub(super) fn back(&mut self, fx: &mut Vec<Effect>) -> bool {
        if self.overlay.is_some() {
            self.close_overlay(fx);
            return true;
        }
        if self.step().back_rule() == BackRule::SubView {
            return self.microdeposits_back(fx);
        }
        if self.stack.len() > 1 {
            let previous = self.step().id();
            self.pending.clear();
            self.stack.pop();
            if matches!(self.step(), Step::Search(_)) {
                self.institution = None;
                self.member = None;
                self.forget_session();
                Self::emit(fx, WidgetEvent::BackToSearch { context: None });
            }
            self.resume_step(fx);
            self.after_step_change(previous, fx);
            true
        } else if self.search_allowed() && !matches!(self.step(), Step::Search(_)) {
            self.back_to_search(fx);
            true
        } else {
            false
        }
    }

    pub(super) fn close_overlay(&mut self, fx: &mut Vec<Effect>) {
        match self.overlay.take() {
            Some(Overlay::Disconnect(_)) => self.disconnect_closed(fx),
            Some(Overlay::Support(_)) => self.support_closed(fx),
            Some(Overlay::Leaving { .. } | Overlay::AboutMx | Overlay::DataAccess) => fx.push(Effect::RestoreFocus),
            Some(Overlay::Survey(_)) => self.sub_view_changed(fx),
            None => {}
        }
    }

    /// Re-arm what a step shown again needs (its in-flight calls were forgotten).
    fn resume_step(&mut self, fx: &mut Vec<Effect>) {
        if let Some(Step::Search(s)) = self.step_mut() {
            s.selecting = None;
            if s.popular.is_none() || matches!(s.view, SearchView::Loading) {
                s.view = SearchView::Popular;
                self.load_popular(fx);
            }
        } else if let Some(Step::Credentials(c)) = self.step_mut() {
            c.submitting = false;
            if c.fields == super::Load::Loading {
                self.load_fields(fx);
            }
        } else if let Some(Step::Microdeposits(m)) = self.step_mut() {
            m.resume();
        } else if let Some(Step::VerifyExisting(e)) = self.step_mut() {
            e.selecting = None;
        } else if matches!(self.step(), Step::OAuth(_)) {
            self.resume_oauth(fx);
        }
    }

    pub(super) fn back_to_search(&mut self, fx: &mut Vec<Effect>) {
        Self::emit(fx, WidgetEvent::BackToSearch { context: None });
        self.back_to_search_quietly(fx);
    }

    /// `back_to_search` when `connect/backToSearch` was already sent.
    pub(super) fn back_to_search_quietly(&mut self, fx: &mut Vec<Effect>) {
        self.institution = None;
        self.member = None;
        self.forget_session();
        // Keep an existing search step (its results) when there is one below.
        if let Some(pos) = self.stack.iter().position(|s| matches!(s, Step::Search(_))) {
            let previous = self.step().id();
            self.pending.clear();
            self.overlay = None;
            self.stack.truncate(pos + 1);
            self.resume_step(fx);
            self.after_step_change(previous, fx);
        } else {
            self.show(Step::Search(SearchState::default()), Nav::Reset, fx);
            self.load_popular(fx);
        }
    }
}
