//! One module per step, plus the chrome and shared parts (`ui`). Views read
//! the flow state and report what the user did; they never decide navigation.
//! `screen` matches every step without a wildcard: a step without a view does
//! not compile.

mod additional_product;
mod connected;
mod connecting;
mod consent;
mod credentials;
mod disconnect;
mod disconnected;
pub mod dom;
mod errors;
mod institution_status;
mod leaving;
mod load;
mod manual_account;
mod mfa;
mod microdeposits;
mod oauth;
mod oauth_error;
mod oauth_waiting;
mod search;
mod support;
mod survey;
pub mod ui;
mod verification;

use crate::flow::{route, Flow, ManualAccountState, Msg, Overlay, SearchView, Step};
use crate::i18n::{I18n, Key};
use crate::model::Institution;
use dom::{el, El, IntoNode};
use leptos::prelude::*;
use std::rc::Rc;

/// What every view needs: the state, the copy, and a way to report.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// Instance number, for DOM ids unique across widgets on one page.
    pub id: u32,
    pub flow: RwSignal<Flow>,
    i18n: StoredValue<I18n>,
    send: StoredValue<Rc<dyn Fn(Msg)>, LocalStorage>,
}

impl Ctx {
    pub fn new(id: u32, flow: RwSignal<Flow>, i18n: I18n, send: Rc<dyn Fn(Msg)>) -> Ctx {
        Ctx { id, flow, i18n: StoredValue::new(i18n), send: StoredValue::new_local(send) }
    }

    /// Report what the user did (any domain's message).
    pub fn send(&self, msg: impl Into<Msg>) {
        if let Some(send) = self.send.try_get_value() {
            send(msg.into());
        }
    }

    pub fn t(&self, key: Key) -> String {
        self.i18n.try_with_value(|i| i.t(key)).unwrap_or_default()
    }

    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        self.i18n.try_with_value(|i| i.tf(key, args)).unwrap_or_default()
    }

    /// A DOM id unique to this instance.
    pub fn dom_id(&self, name: &str) -> String {
        format!("cw{}-{}", self.id, name)
    }

    /// Read the state, tracked: in a binding or a region key, the read is followed.
    pub fn with<R>(&self, f: impl FnOnce(&Flow) -> R) -> Option<R> {
        self.flow.try_with(f)
    }

    /// Read the state once, untracked: for what a view builds when it first
    /// renders (a screen is rebuilt when its step changes anyway).
    pub fn peek<R>(&self, f: impl FnOnce(&Flow) -> R) -> Option<R> {
        self.flow.try_with_untracked(f)
    }

    /// The chosen institution's name (or a neutral word).
    pub fn institution_name(&self) -> String {
        self.peek(|f| f.institution.as_ref().map(|i| i.name.clone()))
            .flatten()
            .unwrap_or_else(|| self.t(Key::CommonInstitution))
    }

    /// The current step's state, as `pick` finds it.
    pub fn step_state<T: 'static>(&self, pick: fn(&Step) -> Option<&T>) -> Slice<T> {
        Slice { flow: self.flow, pick: Pick::Step(pick) }
    }

    /// The open sub-view's state, as `pick` finds it.
    pub fn overlay_state<T: 'static>(&self, pick: fn(&Overlay) -> Option<&T>) -> Slice<T> {
        Slice { flow: self.flow, pick: Pick::Overlay(pick) }
    }

    pub fn institution(&self) -> Option<Institution> {
        self.peek(|f| f.institution.clone()).flatten()
    }
}

/// A part of the flow state, read where it is used. Views follow it through bindings and region
/// keys, which compare what they compute before they touch the DOM, so no memo (and no copy of
/// the state on every change) sits between them and the flow.
pub struct Slice<T: 'static> {
    flow: RwSignal<Flow>,
    pick: Pick<T>,
}

/// Where a `Slice` is: in the current step, or in the open sub-view.
enum Pick<T: 'static> {
    Step(fn(&Step) -> Option<&T>),
    Overlay(fn(&Overlay) -> Option<&T>),
}

// By hand: a derive would ask `T: Copy`; function pointers are copied whatever `T` is.
impl<T> Clone for Pick<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Pick<T> {}
impl<T> Clone for Slice<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Slice<T> {}

impl<T: 'static> Slice<T> {
    fn find(pick: Pick<T>, flow: &Flow) -> Option<&T> {
        match pick {
            Pick::Step(pick) => pick(flow.step()),
            Pick::Overlay(pick) => flow.overlay.as_ref().and_then(pick),
        }
    }

    /// Read it, tracked (in a binding or a region key, it is followed).
    pub fn with<R: Default>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        let pick = self.pick;
        self.flow.try_with(|flow| f(Self::find(pick, flow))).unwrap_or_default()
    }

    /// Read it once, untracked.
    pub fn with_untracked<R: Default>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        let pick = self.pick;
        self.flow.try_with_untracked(|flow| f(Self::find(pick, flow))).unwrap_or_default()
    }

    pub fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.with(|s| s.cloned())
    }

    pub fn get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.with_untracked(|s| s.cloned())
    }
}

/// Which screen is up: the step's kind, its depth, and whether the support
/// form covers it. A screen is rebuilt only when this changes.
type ScreenKey = (std::mem::Discriminant<Step>, usize, bool);

fn screen_key(flow: &Flow) -> ScreenKey {
    let support = matches!(flow.overlay, Some(Overlay::Support(_)));
    (std::mem::discriminant(flow.step()), flow.stack.len(), support)
}

/// The view of a step. Every step is listed: a new one must get its view here.
fn screen(ctx: Ctx, step: Step) -> Option<web_sys::Node> {
    let allowed = ctx.peek(Flow::allowed).unwrap_or(route::Allowed::NOTHING);
    let view = match step {
        Step::Loading => load::loading_step(ctx),
        Step::LoadError { not_found } => load::load_error_step(ctx, not_found),
        Step::Search(_) => search::search_step(ctx),
        Step::InstitutionStatus(_) => institution_status::institution_status_step(ctx),
        Step::Credentials(_) => credentials::credentials_step(ctx),
        Step::Connecting(_) => connecting::connecting_step(ctx),
        Step::Mfa(_) => mfa::mfa_step(ctx),
        Step::Connected => return Some(connected::connected_step(ctx)),
        Step::LoginError { status } => errors::error_step(ctx, route::login_error_screen(status, allowed)),
        Step::ActionableError { code } => errors::error_step(ctx, route::actionable_screen(code, allowed)),
        Step::Disconnected => disconnected::disconnected_step(ctx),
        Step::VerifyExisting(_) => verification::verify_existing_step(ctx),
        Step::Microdeposits(_) => return Some(microdeposits::microdeposits_step(ctx)),
        Step::OAuth(_) => oauth::oauth_step(ctx),
        Step::OAuthWaiting(_) => oauth_waiting::oauth_waiting_step(ctx),
        Step::OAuthError { reason } => oauth_error::oauth_error_step(ctx, reason),
        Step::Disclosure(_) => consent::disclosure_step(ctx),
        Step::Consent(_) => consent::consent_step(ctx),
        Step::AdditionalProduct(_) => additional_product::additional_product_step(ctx),
        Step::ManualAccount(_) => return Some(manual_account::manual_account_step(ctx)),
    };
    view.into_node()
}

/// The dialog of an open sub-view, if it is one. Every overlay is listed.
fn dialog(ctx: Ctx, overlay: Overlay) -> Option<El> {
    match overlay {
        Overlay::Disconnect(_) => Some(disconnect::disconnect_dialog(ctx)),
        Overlay::Leaving { .. } => Some(leaving::leaving_dialog(ctx)),
        Overlay::AboutMx => Some(consent::about_mx_dialog(ctx)),
        Overlay::DataAccess => Some(consent::data_access_dialog(ctx)),
        Overlay::Support(_) | Overlay::Survey(_) => None,
    }
}

/// The whole widget.
pub fn widget(ctx: Ctx) -> El {
    let key = move || ctx.with(screen_key);
    let can_back = move || ctx.with(Flow::shows_back_control).unwrap_or(false);
    // Which dialog is open (its kind): a dialog is built once when it opens.
    let open_dialog =
        move || ctx.with(|f| f.overlay.as_ref().filter(|o| o.is_dialog()).map(std::mem::discriminant)).flatten();
    let dialog_open = move || open_dialog().is_some();
    let announcement = move || ctx.with(|f| announce(&ctx, f)).unwrap_or_default();
    let back = move || {
        el("button")
            .attr("type", "button")
            .class("cw-back")
            .on("click", move |_| ctx.send(Msg::Back))
            .child(el("span").attr("aria-hidden", "true").text("‹ "))
            .text(&ctx.t(Key::CommonBack))
    };
    let body = move |key: Option<ScreenKey>| {
        let (_, _, support) = key?;
        if support {
            return support::support_form(ctx).into_node();
        }
        ctx.peek(|f| f.step().clone()).and_then(|step| screen(ctx, step))
    };
    let open = move |open: Option<std::mem::Discriminant<Overlay>>| {
        open.and_then(|_| ctx.peek(|f| f.overlay.clone()).flatten()).and_then(|o| dialog(ctx, o))
    };
    el("section")
        .class("cw")
        .attr("aria-label", &ctx.t(Key::WidgetLabel))
        .child(el("div").class("cw-bar").bool_attr_fn("inert", dialog_open).show(can_back, back))
        .child(el("div").class("cw-body").bool_attr_fn("inert", dialog_open).switch(key, body))
        .switch(open_dialog, open)
        .child(
            el("div")
                .class("cw-sr")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .attr("aria-atomic", "true")
                .text_fn(announcement),
        )
}

/// What the polite live region says for the current state.
fn announce(ctx: &Ctx, flow: &Flow) -> String {
    if let Some(Overlay::Support(s)) = &flow.overlay {
        return s.sent_to.as_ref().map(|email| ctx.tf(Key::SupportSentBody, &[("email", email)])).unwrap_or_default();
    }
    match flow.step() {
        Step::Search(s) if s.selecting.is_some() => {
            let name = s.selecting.as_ref().and_then(|guid| s.listed(guid)).map(|i| i.name.clone()).unwrap_or_default();
            ctx.tf(Key::SearchOpening, &[("name", &name)])
        }
        Step::Search(s) => match &s.view {
            SearchView::Results(r) if r.loading_more => ctx.t(Key::SearchMoreLoading),
            SearchView::Loading => ctx.t(Key::SearchLoading),
            SearchView::Results(r) => search::results_summary(ctx, r),
            SearchView::NoResults { query } => ctx.tf(Key::SearchNoneTitle, &[("query", query)]),
            SearchView::Popular | SearchView::Failed { .. } => String::new(),
        },
        Step::Connecting(c) if c.failed.is_none() => ctx.t(flow.phase_message(c.phase)),
        Step::OAuthWaiting(w) if !w.timed_out && !w.closed_unfinished() => {
            let name = flow.institution.as_ref().map(|i| i.name.as_str()).unwrap_or_default();
            ctx.tf(Key::OAuthWaitingStatus, &[("name", name)])
        }
        Step::Connected => {
            let name = flow.institution.as_ref().map(|i| i.name.as_str()).unwrap_or_default();
            ctx.tf(flow.connected_message(), &[("name", name)])
        }
        Step::VerifyExisting(e) if e.loading() => ctx.t(Key::VerifyExistingLoading),
        Step::Microdeposits(m) if m.view == crate::flow::MdView::Verifying => ctx.t(Key::MdVerifyingTitle),
        Step::ManualAccount(ManualAccountState::Saved { name, .. }) => ctx.tf(Key::ManualSavedBody, &[("name", name)]),
        Step::Loading
        | Step::VerifyExisting(_)
        | Step::Microdeposits(_)
        | Step::LoadError { .. }
        | Step::InstitutionStatus(_)
        | Step::Disclosure(_)
        | Step::Consent(_)
        | Step::AdditionalProduct(_)
        | Step::ManualAccount(ManualAccountState::Menu(_) | ManualAccountState::Form(_))
        | Step::Credentials(_)
        | Step::Connecting(_)
        | Step::Mfa(_)
        | Step::LoginError { .. }
        | Step::ActionableError { .. }
        | Step::Disconnected
        | Step::OAuth(_)
        | Step::OAuthWaiting(_)
        | Step::OAuthError { .. } => String::new(),
    }
}
