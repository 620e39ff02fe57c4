//! The OAuth window of one widget instance: opened inside the user's click
//! (`Effect::OpenOAuthWindow`), watched until it closes, listened to for the
//! completion message, and closed when the flow is done with it.
//!
//! What happens to the window goes back to the machine as `oauth::Msg`s:
//! `WindowBlocked` (the browser returned no window, or one already closed),
//! `WindowClosed`, and `WindowReported` (a completion message from that very
//! window, from an allowed origin). With the sandbox, the completion message
//! also carries the user's choice on the sandbox authorization page, which is
//! applied to the sandbox first.
//!
//! The window is held as a plain `JsValue` and read through `Reflect`, so a
//! stand-in object (a test's stub `window.open`) works like a real window.

use super::{Runtime, Transport};
use crate::flow::oauth::completion::{read_completion, Completion};
use crate::flow::{oauth, Step};
use crate::host::js;
use js_sys::{Function, Object, Reflect};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How often the watcher looks at `window.closed`.
const WATCH_MS: u32 = 250;

/// The sandbox's `error_reason` for "the user declined" (`deny_oauth`).
const CANCELLED: i64 = 1;

type MessageListener = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// Per instance: the window the widget opened, while it matters.
pub struct OAuthWindow {
    window: RefCell<Option<JsValue>>,
    /// Bumped whenever the window is let go: an older watcher then stops.
    generation: Cell<u32>,
    listener: RefCell<Option<MessageListener>>,
    /// Besides the page's own origin, the origin of `client_redirect_url`
    /// may send the completion message.
    redirect_origin: Option<String>,
}

fn property(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// `window.closed`, for a real window or a stand-in. Unreadable counts as closed.
fn is_closed(window: &JsValue) -> bool {
    property(window, "closed").is_none_or(|closed| closed.as_bool() != Some(false))
}

impl OAuthWindow {
    pub fn new(redirect_origin: Option<String>) -> OAuthWindow {
        OAuthWindow {
            window: RefCell::new(None),
            generation: Cell::new(0),
            listener: RefCell::new(None),
            redirect_origin,
        }
    }

    /// Open `url` in a new tab. Runs inside the click's handler (effects run
    /// synchronously after the update), so popup blockers allow it. Not
    /// `noopener`: the widget needs the window to watch it and to close it.
    pub fn open(&self, rt: &Rc<Runtime>, url: &str) {
        self.close();
        let Some(page) = web_sys::window() else { return };
        let opened = property(&page, "open")
            .and_then(|open| open.dyn_into::<Function>().ok())
            .and_then(|open| open.call2(&page, &JsValue::from_str(url), &JsValue::from_str("_blank")).ok())
            .filter(|w| w.is_object());
        let Some(opened) = opened.filter(|w| !is_closed(w)) else {
            // Reported after this click's effects, as its own update.
            let rt = Rc::clone(rt);
            wasm_bindgen_futures::spawn_local(async move { rt.dispatch(oauth::Msg::WindowBlocked.into()) });
            return;
        };
        *self.window.borrow_mut() = Some(opened);
        self.listen(rt, &page);
        self.watch(rt);
    }

    /// Close the window if it is still open, and stop watching it.
    pub fn close(&self) {
        if let Some(window) = self.let_go() {
            if !is_closed(&window) {
                if let Some(close) = property(&window, "close").and_then(|c| c.dyn_into::<Function>().ok()) {
                    let _ = close.call0(&window);
                }
            }
        }
    }

    /// Forget the window: stop the watcher and the message listener.
    fn let_go(&self) -> Option<JsValue> {
        self.generation.set(self.generation.get().wrapping_add(1));
        if let (Some(listener), Some(page)) = (self.listener.borrow_mut().take(), web_sys::window()) {
            let _ = page.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        self.window.borrow_mut().take()
    }

    /// Report the window's closing once; stop when it is let go, when the
    /// waiting step is gone (closing the window then), or on unmount.
    fn watch(&self, rt: &Rc<Runtime>) {
        let generation = self.generation.get();
        let weak: Weak<Runtime> = Rc::downgrade(rt);
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                js::sleep(WATCH_MS).await;
                let Some(rt) = weak.upgrade() else { return };
                let oauth = &rt.oauth_window;
                if !rt.is_alive() || oauth.generation.get() != generation {
                    return;
                }
                let waiting = rt.flow.try_with_untracked(|f| matches!(f.step(), Step::OAuthWaiting(_)));
                if waiting != Some(true) {
                    return oauth.close();
                }
                let closed = oauth.window.borrow().as_ref().is_none_or(is_closed);
                if closed {
                    oauth.let_go();
                    return rt.dispatch(oauth::Msg::WindowClosed.into());
                }
            }
        });
    }

    fn listen(&self, rt: &Rc<Runtime>, page: &web_sys::Window) {
        let weak = Rc::downgrade(rt);
        let listener = MessageListener::new(move |event: web_sys::MessageEvent| {
            let Some(rt) = weak.upgrade() else { return };
            let Some(completion) = rt.oauth_window.completion_from(&event) else { return };
            // Acted on after this handler returns: acting may remove the listener.
            wasm_bindgen_futures::spawn_local(async move { rt.oauth_completed(completion) });
        });
        if page.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref()).is_ok() {
            *self.listener.borrow_mut() = Some(listener);
        }
    }

    /// The completion message, if `event` is one from the window this widget
    /// opened (`event.source`) and from an allowed origin.
    fn completion_from(&self, event: &web_sys::MessageEvent) -> Option<Completion> {
        let source: JsValue = event.source()?.into();
        let ours = self.window.borrow().as_ref().is_some_and(|w| Object::is(w, &source));
        let page_origin = web_sys::window().and_then(|w| w.location().origin().ok());
        let origin = event.origin();
        let allowed =
            page_origin.as_deref() == Some(origin.as_str()) || self.redirect_origin.as_deref() == Some(&origin);
        if !ours || !allowed {
            return None;
        }
        read_completion(&js::js_to_json(&event.data()).ok()?)
    }
}

impl Runtime {
    /// The OAuth window reported back: with the sandbox, apply the user's
    /// choice from its authorization page; then have the machine check now.
    fn oauth_completed(self: &Rc<Self>, completion: Completion) {
        if !self.is_alive() {
            return;
        }
        let member_guid = completion
            .member_guid
            .clone()
            .or_else(|| self.flow.try_with_untracked(|f| f.member.as_ref().map(|m| m.guid.clone())).flatten());
        if let (Transport::Sandbox { sandbox, .. }, Some(guid)) = (&self.transport, &member_guid) {
            let mut sandbox = sandbox.borrow_mut();
            let now = js::now_ms();
            match (completion.success, completion.error_reason.unwrap_or(CANCELLED)) {
                (true, _) => sandbox.authorize_oauth(guid, now),
                (false, CANCELLED) => sandbox.deny_oauth(guid, now),
                (false, reason) => sandbox.fail_oauth(guid, reason, now),
            };
        }
        self.dispatch(oauth::Msg::WindowReported { member_guid }.into());
    }
}

impl Drop for OAuthWindow {
    fn drop(&mut self) {
        self.close();
    }
}
