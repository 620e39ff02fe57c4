//! One module per step, plus the chrome and small shared parts. Views read the
//! flow state and report what the user did; they never decide navigation.

mod connecting;
mod credentials;
mod disconnect;
mod mfa;
mod outcomes;
mod search;
mod support;

use crate::flow::{Flow, Msg, Overlay, Step};
use crate::i18n::I18n;
use crate::model::Institution;
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

    pub fn send(&self, msg: Msg) {
        if let Some(send) = self.send.try_get_value() {
            send(msg);
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.i18n.try_with_value(|i| i.t(key)).unwrap_or_default()
    }

    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.i18n.try_with_value(|i| i.tf(key, args)).unwrap_or_default()
    }

    /// A DOM id unique to this instance.
    pub fn dom_id(&self, name: &str) -> String {
        format!("cw{}-{}", self.id, name)
    }

    /// Read the state, tracked: for reactive closures and memos.
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
            .unwrap_or_else(|| self.t("common.institution"))
    }

    /// The current step's state, as `pick` extracts it; views re-render on its changes only.
    pub fn step_memo<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        pick: fn(&Step) -> Option<T>,
    ) -> Memo<Option<T>> {
        let flow = self.flow;
        Memo::new(move |_| flow.try_with(|f| pick(f.step())).flatten())
    }

    /// The open sub-view's state, as `pick` extracts it.
    pub fn overlay_memo<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        pick: fn(&Overlay) -> Option<T>,
    ) -> Memo<Option<T>> {
        let flow = self.flow;
        Memo::new(move |_| flow.try_with(|f| f.overlay.as_ref().and_then(pick)).flatten())
    }

    pub fn institution(&self) -> Option<Institution> {
        self.peek(|f| f.institution.clone()).flatten()
    }
}

/// Distinct per screen, so a screen is rebuilt only when it changes.
fn view_key(flow: &Flow) -> (&'static str, usize, u8) {
    let step = match flow.step() {
        Step::Loading => "loading",
        Step::LoadError { .. } => "load-error",
        Step::Search(_) => "search",
        Step::InstitutionStatus => "institution-status",
        Step::Credentials(_) => "credentials",
        Step::Connecting(_) => "connecting",
        Step::Mfa(_) => "mfa",
        Step::Connected => "connected",
        Step::LoginError { .. } => "login-error",
        Step::ActionableError { .. } => "actionable-error",
        Step::Disconnected => "disconnected",
    };
    let support = u8::from(matches!(flow.overlay, Some(Overlay::Support(_))));
    (step, flow.stack.len(), support)
}

/// The whole widget.
#[component]
pub fn Widget(ctx: Ctx) -> impl IntoView {
    let key = Memo::new(move |_| ctx.with(view_key).unwrap_or(("loading", 0, 0)));
    let can_back = Memo::new(move |_| ctx.with(Flow::can_go_back).unwrap_or(false));
    let dialog_open =
        Memo::new(move |_| ctx.with(|f| matches!(f.overlay, Some(Overlay::Disconnect(_)))).unwrap_or(false));
    let announcement = Memo::new(move |_| ctx.with(|f| announce(&ctx, f)).unwrap_or_default());
    let body = move || {
        let (step, _, support) = key.get();
        if support == 1 {
            return support::SupportForm(support::SupportFormProps { ctx }).into_any();
        }
        match step {
            "search" => search::SearchStep(search::SearchStepProps { ctx }).into_any(),
            "credentials" => credentials::CredentialsStep(credentials::CredentialsStepProps { ctx }).into_any(),
            "connecting" => connecting::ConnectingStep(connecting::ConnectingStepProps { ctx }).into_any(),
            "mfa" => mfa::MfaStep(mfa::MfaStepProps { ctx }).into_any(),
            "loading" => view! { <Loading ctx=ctx /> }.into_any(),
            _ => outcomes::OutcomeStep(outcomes::OutcomeStepProps { ctx }).into_any(),
        }
    };
    view! {
        <section class="cw" aria-label=ctx.t("widget.label")>
            <div class="cw-bar" inert=move || dialog_open.get()>
                <Show when=move || can_back.get()>
                    <button type="button" class="cw-back" on:click=move |_| ctx.send(Msg::Back)>
                        <span aria-hidden="true">"‹ "</span>
                        {ctx.t("common.back")}
                    </button>
                </Show>
            </div>
            <div class="cw-body" inert=move || dialog_open.get()>{body}</div>
            <Show when=move || dialog_open.get()>
                <disconnect::DisconnectDialog ctx=ctx />
            </Show>
            <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">{move || announcement.get()}</div>
        </section>
    }
}

/// What the polite live region says for the current state.
fn announce(ctx: &Ctx, flow: &Flow) -> String {
    use crate::flow::SearchView;
    match flow.step() {
        Step::Search(s) => match &s.view {
            SearchView::Loading => ctx.t("search.loading"),
            SearchView::Results(r) => search::results_summary(ctx, r),
            SearchView::NoResults { query } => ctx.tf("search.none.title", &[("query", query)]),
            _ => String::new(),
        },
        Step::Connecting(c) if c.failed.is_none() => ctx.t(c.phase.message_key()),
        Step::Connected => {
            let name = flow.institution.as_ref().map(|i| i.name.as_str()).unwrap_or_default();
            ctx.tf("connected.body", &[("name", name)])
        }
        _ => String::new(),
    }
}

/// The focusable heading of a step or sub-view; it gets focus on every change.
#[component]
pub fn Heading(text: String) -> impl IntoView {
    view! { <h2 class="cw-heading" tabindex="-1" data-cw-heading="">{text}</h2> }
}

/// A short in-progress indicator with its text.
#[component]
pub fn Spinner(text: String) -> impl IntoView {
    view! {
        <p class="cw-spinner">
            <span class="cw-spinner-dot" aria-hidden="true"></span>
            {text}
        </p>
    }
}

/// An error message that screen readers announce at once.
#[component]
pub fn Alert(text: String) -> impl IntoView {
    view! { <p class="cw-alert" role="alert">{text}</p> }
}

/// The institution's mark: logo image, or initials on its brand colour.
#[component]
pub fn InstitutionLogo(institution: Institution, #[prop(optional)] size: Option<u32>) -> impl IntoView {
    let size = size.unwrap_or(40);
    let initials: String = institution
        .name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .take(2)
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase();
    let colour = institution.brand_color.clone().unwrap_or_else(|| "#4a5568".into());
    let colour = if colour.starts_with('#') { colour } else { format!("#{colour}") };
    let logo = institution.logo_url.as_deref().and_then(crate::model::safe_https_url);
    let style = format!("--cw-logo-size:{size}px;--cw-brand:{colour}");
    match logo {
        Some(url) => view! { <img class="cw-logo" src=url alt="" style=style width=size height=size /> }.into_any(),
        None => {
            view! { <span class="cw-logo cw-logo-initials" aria-hidden="true" style=style>{initials}</span> }.into_any()
        }
    }
}

/// The chosen institution's logo and name, at the top of most steps.
#[component]
pub fn InstitutionBanner(ctx: Ctx) -> impl IntoView {
    ctx.institution().map(|i| {
        let host = i.display_host();
        view! {
            <div class="cw-banner">
                <InstitutionLogo institution=i.clone() size=48 />
                <div>
                    <p class="cw-banner-name">{i.name.clone()}</p>
                    {host.map(|h| view! { <p class="cw-muted">{h}</p> })}
                </div>
            </div>
        }
    })
}

#[component]
fn Loading(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="cw-step">
            <Heading text=ctx.t("load.title") />
            <Spinner text=ctx.t("common.loading") />
        </div>
    }
}
