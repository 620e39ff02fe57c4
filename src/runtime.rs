//! Carries out the flow machine's effects for one widget instance: host calls
//! (through the partner's object, the parent page's bridge, or the sandbox),
//! timers, events, focus, and the OAuth window (`oauth_window`).

mod oauth_window;

use crate::flow::{Effect, Flow, Msg, Token, WidgetEvent};
use crate::host::js::http::HttpHost;
use crate::host::js::overrides::EventOverrides;
use crate::host::js::{self, JsCallback, JsHost};
use crate::host::{HostCall, HostError};
use crate::model::urls::origin_of;
use crate::mount::BridgeClient;
#[cfg(feature = "sandbox")]
use crate::sandbox::Sandbox;
use crate::stream;
use leptos::prelude::*;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::JsCast;

/// Where host calls go.
pub enum Transport {
    Host(JsHost),
    /// The parent page's host API object, over the `api=parent` bridge.
    Bridge(Rc<BridgeClient>),
    /// The partner's back-end over HTTP (`api: {url}`).
    Http(HttpHost),
    /// The built-in sandbox, with a simulated network latency (the sandbox build only).
    #[cfg(feature = "sandbox")]
    Sandbox {
        sandbox: RefCell<Sandbox>,
        latency_ms: u32,
    },
}

impl Transport {
    async fn call(&self, token: Token, call: &HostCall, config: &Value, locale: &str) -> Result<Value, HostError> {
        match self {
            Transport::Host(host) => host.call(call, config, locale).await,
            Transport::Bridge(client) => client.call(call, config, locale).await,
            Transport::Http(http) => http.call(token, call, locale).await,
            #[cfg(feature = "sandbox")]
            Transport::Sandbox { sandbox, latency_ms } => {
                if *latency_ms > 0 {
                    js::sleep(*latency_ms).await;
                }
                // The sandbox reads the typed call directly; its answers are
                // host-API JSON, read by the flow exactly like a host's.
                sandbox.borrow_mut().handle(call, js::now_ms())
            }
        }
    }
}

/// Another output for widget events besides `onPostMessage`: the iframe
/// page's adapter (MX's hosted messages, webview navigations). It reads the
/// state too, for the ids the messages carry.
pub trait EventOutput {
    fn emit(&self, event: &WidgetEvent, flow: &Flow);
}

/// The partner's listeners, and the other outputs of events.
pub struct Listeners {
    pub on_post_message: JsCallback,
    pub on_analytic_event: JsCallback,
    pub on_analytic_pageview: JsCallback,
    /// The structured event stream (`onEvent(message)`).
    pub on_event: JsCallback,
    pub outputs: Vec<Rc<dyn EventOutput>>,
    /// `postMessageEventOverrides`.
    pub overrides: EventOverrides,
    /// The optional callbacks of `Notice`, by name (`onManualAccountAdded`, …).
    pub notices: Vec<(&'static str, JsCallback)>,
}

/// The start's events, analytics and focus, until the widget is in the page.
#[must_use]
pub struct HeldEffects(Vec<Effect>);

pub struct Runtime {
    pub flow: RwSignal<Flow>,
    transport: Transport,
    listeners: Listeners,
    config_raw: Value,
    locale: String,
    /// The element holding the widget (inside the shadow root, if any).
    root: web_sys::Element,
    alive: Cell<bool>,
    /// What had focus when a dialog opened.
    saved_focus: RefCell<Option<web_sys::HtmlElement>>,
    /// This mount's session: the `correlationId` of every stream message.
    session: String,
    /// Stream messages sent so far, for their ids.
    messages: Cell<u64>,
    oauth_window: oauth_window::OAuthWindow,
}

impl Runtime {
    pub fn new(
        flow: RwSignal<Flow>,
        transport: Transport,
        listeners: Listeners,
        config_raw: Value,
        locale: String,
        root: web_sys::Element,
    ) -> Rc<Runtime> {
        let redirect_origin = config_raw.get("client_redirect_url").and_then(|u| u.as_str()).and_then(origin_of);
        Rc::new(Runtime {
            flow,
            transport,
            listeners,
            config_raw,
            locale,
            root,
            alive: Cell::new(true),
            saved_focus: RefCell::new(None),
            session: stream::session_id(|| (js_sys::Math::random() * 65536.0) as u16),
            messages: Cell::new(0),
            oauth_window: oauth_window::OAuthWindow::new(redirect_origin),
        })
    }

    /// Stop acting on anything still in flight (after `unmount`).
    pub fn shut_down(&self) {
        self.alive.set(false);
        self.oauth_window.close();
        if let Transport::Http(http) = &self.transport {
            http.abort_all();
        }
    }

    fn is_alive(&self) -> bool {
        self.alive.get()
    }

    pub fn dispatch(self: &Rc<Self>, msg: Msg) {
        if !self.alive.get() {
            return;
        }
        let had_focus = self.focus_inside();
        // Effects run after the update, so a listener that calls back into the
        // widget (e.g. `navigateBack()` from `onPostMessage`) is not re-entrant.
        // The views hear of the change only after the effects are queued: host calls
        // then start before the new screen renders, and the host's latency overlaps
        // the rendering instead of following it.
        let effects = self.flow.try_update_untracked(|flow| flow.update(msg)).unwrap_or_default();
        self.run_all(effects);
        self.flow.notify();
        if had_focus {
            self.keep_focus_inside();
        }
    }

    /// Start the widget before its view exists: the first screen's host calls (and timers)
    /// go out now, while the view builds; what speaks to the partner's listeners or moves
    /// focus waits in the returned value for `finish_start`, once the widget is in the page.
    pub fn start(self: &Rc<Self>, msg: Msg) -> HeldEffects {
        let effects = self.flow.try_update_untracked(|flow| flow.update(msg)).unwrap_or_default();
        let (now, later) = effects.into_iter().partition(|e| matches!(e, Effect::Call { .. } | Effect::Timer { .. }));
        self.run_all(now);
        self.flow.notify();
        HeldEffects(later)
    }

    pub fn finish_start(self: &Rc<Self>, held: HeldEffects) {
        self.run_all(held.0);
    }

    /// Whether focus is on something inside the widget.
    fn focus_inside(&self) -> bool {
        self.active_element().is_some_and(|el| self.root.contains(Some(&el)))
    }

    /// Whether focus fell to nothing (`<body>`) rather than moved somewhere the
    /// user put it (a field of the page).
    fn focus_dropped(&self) -> bool {
        if self.focus_inside() {
            return false;
        }
        let Some(document) = self.root.owner_document() else { return false };
        let root = self.root.get_root_node();
        let host = (root.node_type() == web_sys::Node::DOCUMENT_FRAGMENT_NODE)
            .then(|| root.unchecked_into::<web_sys::ShadowRoot>().host());
        match document.active_element() {
            None => true,
            Some(active) => {
                document.body().is_some_and(|body| active == *body.as_ref()) || host.is_some_and(|h| h == active)
            }
        }
    }

    /// A render can take the focused element away (a pressed "Try again" whose
    /// notice is replaced, a control disabled while a request runs): the
    /// browser then drops focus to `<body>`, out of the widget and out of an
    /// open dialog. Put it on the dialog's heading, else the step's.
    fn keep_focus_inside(self: &Rc<Self>) {
        let rescue = |rt: &Runtime| {
            if rt.alive.get() && rt.focus_dropped() {
                let heading = ["[role=dialog] [data-cw-heading]", "[data-cw-heading]"]
                    .iter()
                    .find_map(|s| rt.root.query_selector(s).ok().flatten())
                    .map(JsCast::unchecked_into::<web_sys::HtmlElement>);
                if let Some(heading) = heading {
                    focus_in_view(&heading);
                }
            }
        };
        // Now (the render is synchronous), after a render Leptos scheduled, and after
        // the next frame: Chromium moves focus off a disabled control when it updates
        // the rendering, not when the attribute is set.
        rescue(self);
        let rt = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            rescue(&rt);
            js::sleep(0).await;
            rescue(&rt);
            after_next_frame().await;
            js::sleep(0).await;
            rescue(&rt);
        });
    }

    /// Host-driven back; whether it went back.
    pub fn navigate_back(self: &Rc<Self>) -> bool {
        if !self.alive.get() {
            return false;
        }
        let (went, effects) = self.flow.try_update(|flow| flow.navigate_back()).unwrap_or((false, Vec::new()));
        self.run_all(effects);
        went
    }

    fn run_all(self: &Rc<Self>, effects: Vec<Effect>) {
        for effect in effects {
            // A listener may have unmounted the widget (`unmount()` from `onPostMessage`
            // on `connect/enterCredentials`, say): nothing queued after it reaches the host.
            if !self.is_alive() {
                return;
            }
            self.run(effect);
        }
        // The flow may have forgotten calls (a step left): stop fetching what nothing waits for.
        if let Transport::Http(http) = &self.transport {
            let flow = self.flow;
            http.cancel_unwanted(|token| flow.try_with_untracked(|f| f.is_waiting_on(token)).unwrap_or(false));
        }
    }

    fn run(self: &Rc<Self>, effect: Effect) {
        match effect {
            Effect::Call { token, call } => {
                let rt = Rc::clone(self);
                // The config as it is now: an accepted additional product changes it.
                let config = self.flow.try_with_untracked(|f| f.config.raw.clone()).unwrap_or(Value::Null);
                let config = if config.is_null() { self.config_raw.clone() } else { config };
                let caller = Rc::clone(self);
                let mut answer =
                    Box::pin(async move { caller.transport.call(token, &call, &config, &caller.locale).await });
                // Polled once now, so the host's callback (or the request) starts before this
                // returns: before the screen renders and before the page's script goes on, not in
                // a microtask after both. Polling again with the task's own waker is what any
                // future expects. The answer is always read in a task of its own, never inside
                // this dispatch.
                let first = answer.as_mut().poll(&mut Context::from_waker(Waker::noop()));
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match first {
                        Poll::Ready(result) => result,
                        Poll::Pending => answer.await,
                    };
                    rt.dispatch(Msg::HostAnswered { token, result });
                });
            }
            Effect::Timer { token, after_ms } => {
                let rt = Rc::clone(self);
                wasm_bindgen_futures::spawn_local(async move {
                    js::sleep(after_ms).await;
                    rt.dispatch(Msg::TimerFired { token });
                });
            }
            Effect::Emit(event) => self.emit(&event),
            Effect::EmitIfChanged { event, current, previous } => {
                if self.listeners.overrides.status_changed(&current, &previous) {
                    self.emit(&event);
                }
            }
            Effect::Notify(notice) => {
                let callback = self.listeners.notices.iter().find(|(name, _)| *name == notice.callback_name());
                if let Some((_, callback)) = callback {
                    callback.call_with(&notice.args());
                }
            }
            Effect::Analytic { name, data } => self.listeners.on_analytic_event.call2(name, &data),
            Effect::Pageview { path, data } => self.listeners.on_analytic_pageview.call2(&path, &data),
            Effect::OpenUrl(url) => {
                if let Some(window) = web_sys::window() {
                    let _ = window.open_with_url_and_target_and_features(&url, "_blank", "noopener,noreferrer");
                }
            }
            Effect::OpenOAuthWindow { url } => self.oauth_window.open(self, &url),
            Effect::CloseOAuthWindow => self.oauth_window.close(),
            // An open dialog's heading wins over the step's.
            Effect::FocusHeading => self.focus_after_render(&["[role=dialog] [data-cw-heading]", "[data-cw-heading]"]),
            Effect::FocusFirstInvalid => self.focus_after_render(&["[aria-invalid=true]"]),
            Effect::Warn(message) => js::warn(&message),
            Effect::Fact(fact) => {
                if self.listeners.on_event.is_set() {
                    let n = self.messages.get() + 1;
                    self.messages.set(n);
                    let stamp = stream::Stamp {
                        id: stream::message_id(&self.session, n),
                        occurred_at_ms: js_sys::Date::now(),
                        correlation_id: self.session.clone(),
                    };
                    let (kind, _, _) = stream::type_of(&fact);
                    self.listeners.on_event.call1(kind, &stream::message(&fact, &stamp));
                }
            }
            Effect::SaveFocus => *self.saved_focus.borrow_mut() = self.active_element(),
            Effect::RestoreFocus => {
                let rt = Rc::clone(self);
                wasm_bindgen_futures::spawn_local(async move {
                    // After the render that removes `inert` from the page behind the dialog.
                    js::sleep(0).await;
                    let saved = rt.saved_focus.borrow_mut().take().filter(|el| el.is_connected());
                    let restored =
                        saved.is_some_and(|el| el.focus().is_ok() && rt.active_element().is_some_and(|a| a == el));
                    if !restored && rt.alive.get() {
                        rt.focus_after_render(&["[data-cw-heading]"]);
                    }
                });
            }
        }
    }

    /// Send `event` to `onPostMessage`, with the partner's override of its data if any.
    fn emit(&self, event: &WidgetEvent) {
        let raw = |f: &Flow| {
            let institution = f.institution.as_ref().map_or(Value::Null, |i| i.raw.clone());
            let member = f.member.as_ref().map_or(Value::Null, |m| m.raw.clone());
            (institution, member)
        };
        let (institution, member) = self.flow.try_with_untracked(raw).unwrap_or((Value::Null, Value::Null));
        let data = self.listeners.overrides.event_data(event, &institution, &member).unwrap_or_else(|| event.payload());
        self.listeners.on_post_message.call2(event.name(), &data);
        for output in &self.listeners.outputs {
            let _ = self.flow.try_with_untracked(|flow| output.emit(event, flow));
        }
    }

    /// The focused element inside this widget (its shadow root, or the page).
    /// By node type, not `instanceof`: the widget may live in a same-origin
    /// frame's document, whose nodes are not this page's classes.
    fn active_element(&self) -> Option<web_sys::HtmlElement> {
        let root = self.root.get_root_node();
        let active = if root.node_type() == web_sys::Node::DOCUMENT_FRAGMENT_NODE {
            root.unchecked_into::<web_sys::ShadowRoot>().active_element()
        } else {
            self.root.owner_document().and_then(|d| d.active_element())
        };
        active.map(JsCast::unchecked_into)
    }

    /// Focus the first element matching the first selector that matches,
    /// once the view has caught up with the state.
    fn focus_after_render(self: &Rc<Self>, selectors: &'static [&'static str]) {
        let rt = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            // Leptos applies DOM updates synchronously, but a step's first
            // render may be scheduled: wait one macrotask.
            js::sleep(0).await;
            if !rt.alive.get() {
                return;
            }
            let found = selectors.iter().find_map(|s| rt.root.query_selector(s).ok().flatten());
            // Unchecked (a frame's elements fail `instanceof`); `focus` is looked up on the element.
            if let Some(el) = found.map(JsCast::unchecked_into::<web_sys::HtmlElement>) {
                focus_in_view(&el);
            }
        });
    }
}

/// Resolves after the browser's next rendering update (never in a hidden tab,
/// where there is nothing to see).
async fn after_next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Focus `el` and scroll only as far as needed to show it. A plain `focus()`
/// centres the element in every scrolling ancestor, which jumps the host page
/// on each step, and in headless Chromium a centring scroll while a spinner
/// animates was seen to hang the renderer.
fn focus_in_view(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&scroll);
}
