//! `mount(element, options)`: the public entry point (docs/contract.md), and
//! what every way of embedding shares: `mount_into` and the instance registry.
//! The iframe page (`frame`) and the custom element (a JS shim over `mount`)
//! come through here too.
//!
//! Instances live in a registry, not in the JS handle: wasm-bindgen frees an
//! exported struct when the host drops it and GC runs, and that must never
//! unmount a widget. Only `unmount()` does.

mod bridge_port;
mod frame;
mod styles;
mod theme;

pub(crate) use bridge_port::BridgeClient;

use crate::flow::{start, Environment, Flow, Msg, Notice};
use crate::host::js::http::HttpHost;
use crate::host::js::overrides::EventOverrides;
use crate::host::js::{self, JsCallback, JsHost};
use crate::host::CALLBACK_NAMES;
use crate::i18n::I18n;
#[cfg(feature = "sandbox")]
use crate::model::urls::sibling_url;
use crate::options::{MountOptions, DATA_KEYS};
use crate::runtime::{Listeners, Runtime, Transport};
#[cfg(feature = "sandbox")]
use crate::sandbox::Sandbox;
use crate::small_map::SmallMap;
use crate::views::ui::PageAddress;
use crate::views::{widget, Ctx};
use leptos::prelude::*;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The sandbox's OAuth authorization page (`public/oauth-sandbox.html`).
#[cfg(feature = "sandbox")]
const SANDBOX_OAUTH_PAGE: &str = "oauth-sandbox.html";

struct Instance {
    host_element: web_sys::Element,
    /// The `<div>` the widget made for itself (mounted on `document.body`).
    own_host: Option<web_sys::Element>,
    container: web_sys::Element,
    runtime: Rc<Runtime>,
    view: Option<Rendered>,
    styles: styles::Attached,
}

impl Instance {
    fn tear_down(mut self) {
        self.runtime.shut_down();
        // Disposes every effect, handler and signal the view made.
        if let Some(view) = self.view.take() {
            view.owner.cleanup();
        }
        self.container.remove();
        if let Some(own_host) = &self.own_host {
            own_host.remove();
        }
        self.styles.detach();
    }
}

/// The widget's view: the reactive owner of everything it built.
struct Rendered {
    owner: Owner,
}

thread_local! {
    static REGISTRY: RefCell<SmallMap<u32, Instance>> = const { RefCell::new(SmallMap::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The handle `mount` returns. Dropping it does not unmount the widget.
pub struct WidgetHandle {
    id: u32,
}

impl WidgetHandle {
    /// The handle JavaScript gets: a plain object whose methods need no `this`
    /// (`setTimeout(w.unmount)` works) and that has no `free()` to break it. Its
    /// three closures hold only the instance's number.
    pub fn to_js(&self) -> JsValue {
        let id = self.id;
        let handle = js_sys::Object::new();
        let unmount = Closure::<dyn Fn()>::new(move || WidgetHandle { id }.unmount()).into_js_value();
        let back = Closure::<dyn Fn() -> bool>::new(move || WidgetHandle { id }.navigate_back()).into_js_value();
        let mounted = Closure::<dyn Fn() -> bool>::new(move || WidgetHandle { id }.is_mounted()).into_js_value();
        let getter = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&handle, &"unmount".into(), &unmount);
        let _ = js_sys::Reflect::set(&handle, &"navigateBack".into(), &back);
        let _ = js_sys::Reflect::set(&getter, &"get".into(), &mounted);
        let _ = js_sys::Reflect::set(&getter, &"enumerable".into(), &JsValue::TRUE);
        js_sys::Object::define_property(&handle, &"isMounted".into(), &getter);
        handle.into()
    }

    /// Remove the widget and stop everything it was doing. Safe to call twice.
    pub fn unmount(&self) {
        let instance = REGISTRY.with(|r| r.borrow_mut().remove(&self.id));
        if let Some(instance) = instance {
            instance.tear_down();
        }
    }

    /// Go back one step, as the widget's own back control would. Returns
    /// whether it went back (false on the first step, or when
    /// `disable_institution_search` leaves nowhere to go).
    pub fn navigate_back(&self) -> bool {
        let runtime = REGISTRY.with(|r| r.borrow().get(&self.id).map(|i| Rc::clone(&i.runtime)));
        runtime.is_some_and(|rt| rt.navigate_back())
    }

    /// Whether the widget is still mounted.
    pub fn is_mounted(&self) -> bool {
        REGISTRY.with(|r| r.borrow().contains_key(&self.id))
    }
}

fn fail(message: impl AsRef<str>) -> JsError {
    JsError::new(&format!("connect-widget mount: {}", message.as_ref()))
}

/// What a way of embedding hands to `mount_into`.
pub(crate) struct Parts {
    pub opts: MountOptions,
    pub transport: Transport,
    /// The host callbacks the transport can answer.
    pub available: Vec<&'static str>,
    pub listeners: Listeners,
}

/// The built-in sandbox, with every callback, for a widget in `element`'s document.
#[cfg(feature = "sandbox")]
pub(crate) fn sandbox_transport(
    opts: &MountOptions,
    element: &web_sys::Element,
) -> Result<(Transport, Vec<&'static str>), String> {
    let mut sandbox_options = opts.sandbox.clone();
    // The sandbox's OAuth authorization page ships next to the demo page (and widget.html).
    if let Some(base) = element.owner_document().and_then(|d| d.base_uri().ok().flatten()) {
        sandbox_options.oauth_window_base_url = sibling_url(&base, SANDBOX_OAUTH_PAGE);
    }
    let sandbox = RefCell::new(Sandbox::new(sandbox_options));
    Ok((Transport::Sandbox { sandbox, latency_ms: opts.sandbox_latency_ms }, CALLBACK_NAMES.to_vec()))
}

/// The production build leaves the sandbox out (a partner's page never downloads it): say which
/// file has it.
#[cfg(not(feature = "sandbox"))]
pub(crate) fn sandbox_transport(
    _: &MountOptions,
    _: &web_sys::Element,
) -> Result<(Transport, Vec<&'static str>), String> {
    Err("`api: \"sandbox\"` needs the sandbox build: load connect-widget-sandbox.js (with its \
         connect-widget-sandbox_bg.wasm) instead of connect-widget.js, the production build, which leaves the \
         sandbox out"
        .into())
}

/// Wall-clock time at `now_ms() == 0`, so sandbox timestamps are real dates.
pub(crate) fn clock_epoch_ms() -> f64 {
    js_sys::Date::now() - js::now_ms()
}

/// `mount` as JavaScript calls it: see the README and `connect-widget.d.ts`.
#[wasm_bindgen(js_name = mount)]
pub fn mount_for_js(element: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    mount(element, options).map(|handle| handle.to_js())
}

/// Whether `value` is a DOM element, of this page or of a same-origin frame
/// (whose elements are not `instanceof` this page's `Element`).
fn as_element(value: JsValue) -> Option<web_sys::Element> {
    let node_type = js_sys::Reflect::get(&value, &"nodeType".into()).ok()?.as_f64()?;
    let has_shadow_api = js_sys::Reflect::get(&value, &"attachShadow".into()).ok()?.is_function();
    (value.is_object() && node_type == 1.0 && has_shadow_api).then(|| value.unchecked_into())
}

/// Elements that show nothing put inside them.
const NO_CONTENT_ELEMENTS: [&str; 18] = [
    "input", "textarea", "select", "option", "img", "br", "hr", "iframe", "video", "audio", "canvas", "object",
    "embed", "area", "base", "meta", "link", "script",
];

/// `clientConfig` read key by key when it cannot be read whole (a cyclic
/// value, a BigInt, a throwing getter in one key): each bad key is named, the
/// rest is honoured. `Err` when even that is impossible.
fn client_config_by_key(options: &JsValue) -> Result<Value, String> {
    let config = js_sys::Reflect::get(options, &"clientConfig".into())
        .map_err(|_| "reading `clientConfig` threw; pass a plain object".to_string())?;
    let keys = js_sys::Reflect::own_keys(&config).map_err(|_| "`clientConfig` cannot be read".to_string())?;
    let mut read = serde_json::Map::new();
    for key in keys.iter().filter_map(|k| k.as_string()) {
        match js::get_json(&config, &key) {
            Ok(value) => {
                read.insert(key, value);
            }
            Err(problem) => js::warn(&format!("connect-widget: `clientConfig`: {problem}; it is ignored")),
        }
    }
    Ok(Value::Object(read))
}

/// Mount a widget into `element` (the Rust side of `mount_for_js`).
pub fn mount(element: JsValue, options: JsValue) -> Result<WidgetHandle, JsError> {
    let element = as_element(element)
        .ok_or_else(|| fail("the first argument must be a DOM element, e.g. document.getElementById(\"connect\")"))?;
    if !options.is_object() {
        return Err(fail("the second argument must be an options object with at least `api`"));
    }
    // Plain data of the options, key by key: a cyclic value in one key (say an
    // HTTP client on the host object) must not lose the others.
    let mut data = serde_json::Map::new();
    for key in DATA_KEYS {
        if js_sys::Reflect::get(&options, &JsValue::from_str(key)).is_err() {
            if key == "clientConfig" {
                return Err(fail("reading `clientConfig` threw; pass a plain object"));
            }
            js::warn(&format!("connect-widget: reading `{key}` threw; it is ignored"));
            continue;
        }
        match js::get_json(&options, key) {
            Ok(value) => {
                data.insert(key.to_string(), value);
            }
            Err(_) if key == "clientConfig" => {
                data.insert(key.to_string(), client_config_by_key(&options).map_err(fail)?);
            }
            Err(problem) => js::warn(&format!("connect-widget: {problem}; it is ignored")),
        }
    }
    let mut opts = MountOptions::from_json(&Value::Object(data), clock_epoch_ms()).map_err(fail)?;
    // What the partner's functions turn on.
    let overrides = EventOverrides::from_options(&options);
    opts.partner.survey = JsCallback::from_property(&options, "onShowConnectSuccessSurvey").is_set();
    opts.partner.status_change_override = overrides.has_status_changed();

    let api = js_sys::Reflect::get(&options, &JsValue::from_str("api"))
        .map_err(|_| fail("reading `api` threw; pass your host API object, or \"sandbox\""))?;
    let (transport, available) = if api.as_string().as_deref() == Some("sandbox") {
        sandbox_transport(&opts, &element).map_err(fail)?
    } else if api.is_undefined() || api.is_null() {
        return Err(fail("`api` is missing: pass your host API object, or \"sandbox\" to try the widget"));
    } else if let Some(http) = HttpHost::from_api(&api, opts.host_timeout_ms).map_err(fail)? {
        let available = CALLBACK_NAMES.iter().copied().filter(|n| !http.unsupported().contains(n)).collect();
        (Transport::Http(http), available)
    } else {
        let host = JsHost::new(api, opts.host_timeout_ms).map_err(fail)?;
        let missing = host.missing_required();
        if !missing.is_empty() {
            return Err(fail(format!("`api` lacks required callback(s): {}", missing.join(", "))));
        }
        let optional = host.missing_optional();
        if !optional.is_empty() {
            js::warn(&format!(
                "connect-widget: `api` has no {}; the features that need them are turned off",
                optional.join(", ")
            ));
        }
        let available = CALLBACK_NAMES.iter().copied().filter(|n| !optional.contains(n)).collect();
        (Transport::Host(host), available)
    };
    let listeners = Listeners {
        on_post_message: JsCallback::from_property(&options, "onPostMessage"),
        on_analytic_event: JsCallback::from_property(&options, "onAnalyticEvent"),
        on_analytic_pageview: JsCallback::from_property(&options, "onAnalyticPageview"),
        on_event: JsCallback::from_property(&options, "onEvent"),
        overrides,
        notices: Notice::CALLBACKS.iter().map(|name| (*name, JsCallback::from_property(&options, name))).collect(),
        outputs: Vec::new(),
    };
    mount_into(element, Parts { opts, transport, available, listeners }).map_err(fail)
}

/// Mount into `element`: the container, its styles, the view and the runtime.
/// Fails, with the reason, when a widget is already there or the element
/// cannot hold one.
pub(crate) fn mount_into(element: web_sys::Element, parts: Parts) -> Result<WidgetHandle, String> {
    let Parts { opts, transport, available, listeners } = parts;
    let already = REGISTRY.with(|r| r.borrow().values().any(|i| i.host_element.is_same_node(Some(&element))));
    if already {
        return Err("a widget is already mounted on this element; call unmount() on it first".into());
    }
    let tag = element.tag_name().to_ascii_lowercase();
    if !opts.shadow && NO_CONTENT_ELEMENTS.contains(&tag.as_str()) {
        return Err(format!("a <{tag}> cannot show the widget; mount it on a <div>"));
    }
    for warning in &opts.warnings {
        js::warn(&format!("connect-widget: {warning}"));
    }
    let env = Environment {
        available_callbacks: available,
        user_email: opts.user_email.clone(),
        unavailable_institutions: opts.unavailable_institutions.clone(),
        oauth_disabled: opts.oauth_disabled,
        microdeposits_disabled: opts.microdeposits_disabled,
        user_guid: opts.user_guid.clone(),
        user_first_name: opts.user_first_name.clone(),
        user_last_name: opts.user_last_name.clone(),
        partner: opts.partner.clone(),
    };

    let document = element.owner_document().ok_or("the element is not in a document")?;
    // A shadow root on <body> would hide the whole page: the widget gets a <div> of its own there.
    let own_host = if opts.shadow && matches!(tag.as_str(), "body" | "html") {
        js::warn("connect-widget: mounted on <body>; the widget goes in a <div> of its own at its end");
        let div = document.create_element("div").map_err(|_| "could not create the widget container")?;
        let parent = if tag == "html" { document.body().map(web_sys::Element::from) } else { None };
        parent.as_ref().unwrap_or(&element).append_child(&div).map_err(|_| "could not attach the widget")?;
        Some(div)
    } else {
        None
    };
    let shadow_host = own_host.clone().unwrap_or_else(|| element.clone());
    let container = document.create_element("div").map_err(|_| "could not create the widget container")?;
    let _ = container.set_attribute("class", "cw-root");
    theme::apply(&container, &opts.theme);
    let _ = container.set_attribute("lang", opts.locale.tag());
    let mount_point = document.create_element("div").map_err(|_| "could not create the widget container")?;
    container.append_child(&mount_point).map_err(|_| "could not attach the widget")?;
    // A shadow root by default, so page CSS and widget CSS never meet.
    let shadow = if opts.shadow {
        Some(match shadow_host.shadow_root() {
            Some(existing) => existing,
            None => shadow_host
                .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
                .map_err(|_| "this element cannot host a shadow root; pass `shadow: false` or use a <div>")?,
        })
    } else {
        None
    };
    // `unchecked`: a `<div>` is an HTMLElement, also when created by a frame's document
    // (which `instanceof` this page's HTMLElement would deny).
    let mount_point: web_sys::HtmlElement = mount_point.unchecked_into();

    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let i18n = I18n::new(opts.locale, opts.copy);
    let locale_for_host = opts.locale.tag().to_string();
    let config = opts.client_config;
    let config_raw = config.raw.clone();
    let settings = opts.settings;
    let root_for_focus = container.clone();
    let page = PageAddress(document.base_uri().ok().flatten());
    // Leptos' reactive system runs its effects on wasm-bindgen's executor (an error only says
    // another widget already set it up).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let (runtime, held, ctx) = owner.with(move || {
        provide_context(page);
        let flow = RwSignal::new(Flow::new(config, settings, env));
        let runtime = Runtime::new(flow, transport, listeners, config_raw, locale_for_host, root_for_focus);
        // Started before the stylesheet and the first render: the first screen's host call
        // (popular institutions, say) is on its way while the widget builds, and the widget is
        // built once, on the first screen, not on a placeholder replaced a moment later.
        let held = runtime.start(Msg::Start(start::Msg::Begin));
        let sender = Rc::clone(&runtime);
        let send: Rc<dyn Fn(Msg)> = Rc::new(move |msg| sender.dispatch(msg));
        (runtime, held, Ctx::new(id, flow, i18n, send))
    });
    let styles = match &shadow {
        Some(shadow) => styles::attach_to_shadow(shadow, &container),
        None => styles::attach_to_document(&document, &container),
    };
    let root = owner.with(|| widget(ctx));
    let attached = mount_point.append_child(&root.element()).is_ok()
        && match &shadow {
            Some(shadow) => shadow.append_child(&container).is_ok(),
            None => element.append_child(&container).is_ok(),
        };
    if !attached {
        runtime.shut_down();
        return Err("could not attach the widget".into());
    }
    let view = Rendered { owner };
    REGISTRY.with(|r| {
        r.borrow_mut().insert(
            id,
            Instance {
                host_element: element,
                own_host,
                container,
                runtime: Rc::clone(&runtime),
                view: Some(view),
                styles,
            },
        )
    });
    // `connect/loaded` and the first pageview, now that the widget is in the page.
    runtime.finish_start(held);
    Ok(WidgetHandle { id })
}
