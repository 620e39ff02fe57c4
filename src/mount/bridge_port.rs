//! The frame's side of `api=parent` (the messages are in `embed::bridge`):
//! the handshake with the parent page's `connect-widget-bridge.js`, then
//! `BridgeClient`, the transport that sends each host call over the private
//! `MessagePort` and waits for its answer.

use crate::embed::bridge;
use crate::embed::url::Origin;
use crate::host::js::{js_to_json, json_to_js, settle, Settled};
use crate::host::{HostCall, HostError};
use crate::small_map::SmallMap;
use js_sys::{Array, Function, Object, Promise, Reflect};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageChannel, MessageEvent, MessagePort, Window};

/// Host calls answered by the parent page.
pub struct BridgeClient {
    port: MessagePort,
    /// The `resolve` of each call still waiting, by id.
    waiting: Rc<RefCell<SmallMap<u64, Function>>>,
    next_id: Cell<u64>,
    timeout_ms: u32,
    _on_answer: Closure<dyn FnMut(MessageEvent)>,
}

impl BridgeClient {
    fn new(port: MessagePort, timeout_ms: u32) -> BridgeClient {
        let waiting: Rc<RefCell<SmallMap<u64, Function>>> = Rc::new(RefCell::new(SmallMap::new()));
        let waiting_in = Rc::clone(&waiting);
        let on_answer = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = Reflect::get(&data, &"id".into()).ok().and_then(|id| id.as_f64());
            // Ids are integers below 2^53, sent by this side.
            let resolve = id.and_then(|id| waiting_in.borrow_mut().remove(&(id as u64)));
            if let Some(resolve) = resolve {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
        port.set_onmessage(Some(on_answer.as_ref().unchecked_ref()));
        BridgeClient { port, waiting, next_id: Cell::new(1), timeout_ms, _on_answer: on_answer }
    }

    pub async fn call(&self, call: &HostCall, config: &Value, locale: &str) -> Result<Value, HostError> {
        let callback = call.name();
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let mut resolve_slot = None;
        let promise = Promise::new(&mut |resolve, _reject| resolve_slot = Some(resolve));
        if let Some(resolve) = resolve_slot {
            self.waiting.borrow_mut().insert(id, resolve);
        }
        // The request holds credentials on submits: it goes only to this port.
        if self.port.post_message(&json_to_js(&bridge::request(id, call, config, locale))).is_err() {
            self.waiting.borrow_mut().remove(&id);
            return Err(HostError::Failed { callback, message: "the call could not be sent to the page".into() });
        }
        match settle(promise, self.timeout_ms).await {
            Settled::Resolved(data) => {
                let answer = js_to_json(&data).map_err(|detail| HostError::Malformed { callback, detail })?;
                bridge::read_answer(callback, &answer)
            }
            Settled::Rejected(_) => Err(HostError::Failed { callback, message: "the page's bridge failed".into() }),
            Settled::TimedOut => {
                self.waiting.borrow_mut().remove(&id);
                Err(HostError::TimedOut { callback, after_ms: self.timeout_ms })
            }
        }
    }
}

impl Drop for BridgeClient {
    fn drop(&mut self) {
        self.port.set_onmessage(None);
        self.port.close();
    }
}

/// A port offered to the parent, with the handler waiting for its `ready`.
type Offered = (MessagePort, Closure<dyn FnMut(MessageEvent)>);

/// The handshake in progress: every port offered, and the first `ready`.
struct Handshake {
    offered: Vec<Offered>,
    ready: Option<(MessagePort, JsValue)>,
    done: Option<Function>,
}

/// Offer the parent a new port (hello), addressed to `origin` only.
fn say_hello(state: &Rc<RefCell<Handshake>>, parent: &Window, origin: &Origin) {
    let Ok(channel) = MessageChannel::new() else { return };
    let ours = channel.port1();
    let state_in = Rc::clone(state);
    let port_in = ours.clone();
    let on_ready = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let mut state = state_in.borrow_mut();
        if state.ready.is_none() {
            state.ready = Some((port_in.clone(), event.data()));
            if let Some(done) = state.done.take() {
                let _ = done.call0(&JsValue::NULL);
            }
        }
    });
    ours.set_onmessage(Some(on_ready.as_ref().unchecked_ref()));
    let transfer = Array::of1(&channel.port2());
    if parent.post_message_with_transfer(&json_to_js(&bridge::hello()), origin.as_str(), &transfer).is_ok() {
        state.borrow_mut().offered.push((ours, on_ready));
    }
}

/// Connect to the bridge of the parent page at `origin`: the client and the
/// callbacks the page's host API has. Fails with a message for the developer
/// when there is no parent, or no bridge answers within `timeout_ms` (`0`: wait).
pub async fn connect(
    window: &Window,
    parent: Window,
    origin: &Origin,
    timeout_ms: u32,
) -> Result<(Rc<BridgeClient>, Vec<&'static str>), String> {
    let state = Rc::new(RefCell::new(Handshake { offered: Vec::new(), ready: None, done: None }));
    let finished = Promise::new(&mut |resolve, _reject| state.borrow_mut().done = Some(resolve));

    // A bridge that starts after this frame asks for a hello.
    let (state_in, parent_in, origin_in) = (Rc::clone(&state), parent.clone(), origin.clone());
    let on_announce = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let from_parent = event.source().is_some_and(|s| Object::is(&s, &parent_in));
        if !from_parent || event.origin() != origin_in.as_str() || state_in.borrow().ready.is_some() {
            return;
        }
        if js_to_json(&event.data()).is_ok_and(|data| bridge::is_announce(&data)) {
            say_hello(&state_in, &parent_in, &origin_in);
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_announce.as_ref().unchecked_ref());
    say_hello(&state, &parent, origin);

    let outcome = settle(finished, timeout_ms).await;
    let _ = window.remove_event_listener_with_callback("message", on_announce.as_ref().unchecked_ref());
    let (ready, offered) = {
        let mut state = state.borrow_mut();
        (state.ready.take(), std::mem::take(&mut state.offered))
    };
    // Ports not chosen are closed; the chosen one gets the client's handler.
    for (port, _closure) in &offered {
        port.set_onmessage(None);
        if ready.as_ref().is_none_or(|(chosen, _)| !Object::is(chosen, port)) {
            port.close();
        }
    }
    drop(offered);
    let (port, data) = match (outcome, ready) {
        (Settled::Resolved(_), Some(ready)) => ready,
        _ => {
            return Err(format!(
                "`api=parent`: no answer from the page at {origin}; load connect-widget-bridge.js there and call connectBridge({{iframe, origin, api}}) with this iframe"
            ))
        }
    };
    let methods = js_to_json(&data)
        .map_err(|e| format!("`api=parent`: {e}"))
        .and_then(|data| bridge::read_ready(&data).map_err(|e| format!("`api=parent`: {e}")))?;
    Ok((Rc::new(BridgeClient::new(port, timeout_ms)), methods))
}
