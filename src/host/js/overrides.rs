//! `postMessageEventOverrides`, as MX's widget applies them:
//! `memberConnected.createEventData({institution, member})` and
//! `memberStatusUpdate.createEventData({institution, member})` replace those
//! events' data; `memberStatusUpdate.getHasStatusChanged({currentMember,
//! previousMember})` may report a change the status alone does not show.
//! An override that throws, or answers something that is not data, is
//! reported with `console.error` and the widget's own data is used.

use super::{describe_thrown, error, function_at, get, js_to_json, json_to_js};
use crate::flow::WidgetEvent;
use js_sys::Function;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;

/// One override function, with the object it is a method of.
struct Method {
    func: Function,
    this: JsValue,
    name: &'static str,
}

impl Method {
    /// `owner[event][function]`, named `event.function` in messages.
    fn read(owner: &JsValue, event: &str, function: &str, name: &'static str) -> Option<Method> {
        let this = get(owner, event)?;
        get(&this, function)?;
        match function_at(&this, function) {
            Some(func) => Some(Method { func, this, name }),
            None => {
                super::warn(&format!(
                    "connect-widget: `postMessageEventOverrides.{name}` is not a function; it is ignored"
                ));
                None
            }
        }
    }

    /// Call with one JSON argument; `None` (after a console error) when it throws.
    fn call(&self, arg: &Value) -> Option<JsValue> {
        match self.func.call1(&self.this, &json_to_js(arg)) {
            Ok(value) => Some(value),
            Err(thrown) => {
                error(&format!(
                    "connect-widget: `postMessageEventOverrides.{}` threw: {}; the widget's own data is used",
                    self.name,
                    describe_thrown(&thrown)
                ));
                None
            }
        }
    }
}

/// The partner's event overrides (none by default).
#[derive(Default)]
pub struct EventOverrides {
    connected_data: Option<Method>,
    status_data: Option<Method>,
    status_changed: Option<Method>,
}

impl EventOverrides {
    /// Read `options.postMessageEventOverrides`.
    pub fn from_options(options: &JsValue) -> EventOverrides {
        let Some(overrides) = get(options, "postMessageEventOverrides") else { return EventOverrides::default() };
        EventOverrides {
            connected_data: Method::read(
                &overrides,
                "memberConnected",
                "createEventData",
                "memberConnected.createEventData",
            ),
            status_data: Method::read(
                &overrides,
                "memberStatusUpdate",
                "createEventData",
                "memberStatusUpdate.createEventData",
            ),
            status_changed: Method::read(
                &overrides,
                "memberStatusUpdate",
                "getHasStatusChanged",
                "memberStatusUpdate.getHasStatusChanged",
            ),
        }
    }

    pub fn has_status_changed(&self) -> bool {
        self.status_changed.is_some()
    }

    /// The data the partner's override gives `event`, if it has one and it
    /// answers an object. `member` and `institution` are as the host gave them.
    pub fn event_data(&self, event: &WidgetEvent, institution: &Value, member: &Value) -> Option<Value> {
        let (method, arg) = match event {
            WidgetEvent::MemberConnected { consent, .. } => {
                let mut arg = json!({ "institution": institution, "member": member });
                if let Some(receipt) = consent {
                    arg["consent"] = receipt.to_json();
                }
                (self.connected_data.as_ref()?, arg)
            }
            WidgetEvent::MemberStatusUpdate { .. } => {
                (self.status_data.as_ref()?, json!({ "institution": institution, "member": member }))
            }
            _ => return None,
        };
        let answer = method.call(&arg)?;
        match js_to_json(&answer) {
            Ok(data @ Value::Object(_)) => Some(data),
            _ => {
                error(&format!(
                    "connect-widget: `postMessageEventOverrides.{}` must return an object; the widget's own data is used",
                    method.name
                ));
                None
            }
        }
    }

    /// Whether the partner's `getHasStatusChanged` says the status changed.
    pub fn status_changed(&self, current: &Value, previous: &Value) -> bool {
        let Some(method) = &self.status_changed else { return false };
        method
            .call(&json!({ "currentMember": current, "previousMember": previous }))
            .is_some_and(|answer| answer.is_truthy())
    }
}
