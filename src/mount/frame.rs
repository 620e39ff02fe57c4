//! `widget.html`: the widget full-frame, configured by its query string
//! (`embed::query`), reporting to the page that framed it in MX's hosted
//! protocol (`embed::hosted`), so MX's web SDK reads it unchanged.
//!
//! - Events go to `window.parent` (and `window.opener`, as MX's widget does),
//!   addressed to the parent's origin only; with no known origin nothing is
//!   posted and the console says why. `mx/load` goes first.
//! - `mx/navigation` back requests are obeyed, and always answered, only from
//!   that origin.
//! - With `is_mobile_webview`, each event is also a `<scheme>://connect/…`
//!   navigation (`embed::webview`).
//! - The content height goes to the parent whenever it changes
//!   (`{type: "connect-widget/resize", height}`).
//! - A parameter the widget cannot use is shown in the frame and the console,
//!   never a blank page.

use super::{bridge_port, clock_epoch_ms, mount_into, sandbox_transport, styles, Parts, WidgetHandle};
use crate::embed::hosted::{self, Session};
use crate::embed::query::{self, FrameApi, FrameParams, OriginSource};
use crate::embed::url::Origin;
use crate::embed::{bridge, webview};
use crate::flow::{Flow, WidgetEvent};
use crate::host::js::http::HttpHost;
use crate::host::js::overrides::EventOverrides;
use crate::host::js::{self, js_to_json, json_to_js, JsCallback};
use crate::host::{CALLBACK_NAMES, REQUIRED_CALLBACKS};
use crate::i18n::{I18n, Key, Locale};
use crate::options::MountOptions;
use crate::runtime::{EventOutput, Listeners, Transport};
use crate::small_map::SmallMap;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, MessageEvent, Window};

/// The page (or pages) events go to, and the one origin they may have.
struct Parent {
    windows: Vec<Window>,
    origin: Option<Origin>,
}

impl Parent {
    fn post(&self, message: &Value) {
        let Some(origin) = &self.origin else { return };
        let data = json_to_js(message);
        for window in &self.windows {
            let _ = window.post_message(&data, origin.as_str());
        }
    }
}

/// `window.parent` when framed, and `window.opener` when opened by a page.
fn parent_windows(window: &Window) -> Vec<Window> {
    let mut windows = Vec::new();
    if let Ok(Some(parent)) = window.parent() {
        if !js_sys::Object::is(&parent, window) {
            windows.push(parent);
        }
    }
    if let Ok(opener) = window.opener() {
        if opener.is_object() {
            windows.push(opener.unchecked_into());
        }
    }
    windows
}

/// Widget events as MX's hosted messages (and webview navigations).
struct FrameOutput {
    parent: Rc<Parent>,
    session: Rc<RefCell<Session>>,
    webview_scheme: Option<String>,
}

impl EventOutput for FrameOutput {
    fn emit(&self, event: &WidgetEvent, flow: &Flow) {
        let message = {
            let mut session = self.session.borrow_mut();
            // The partner's `profiles.user.guid` first: microdeposits never have a member.
            session.see_user(flow.env.user_guid.as_deref());
            session.see_user(flow.member.as_ref().and_then(|m| m.user_guid.as_deref()));
            hosted::event_message(event, &session)
        };
        let Some(message) = message else { return };
        self.parent.post(&message);
        let Some(url) = self.webview_scheme.as_deref().and_then(|scheme| webview::url(scheme, &message)) else {
            return;
        };
        // One navigation per task, in order: two in one task would leave only the last.
        wasm_bindgen_futures::spawn_local(async move {
            js::sleep(0).await;
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign(&url);
            }
        });
    }
}

fn session_guid(window: &Window) -> String {
    let mut bytes = [0u8; 16];
    let filled = window.crypto().is_ok_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    hosted::uuid_v4(bytes)
}

/// Start the widget of `widget.html` from `location`. Call it once, after
/// `init()`. Never rejects: what goes wrong is shown in the frame and the console.
#[wasm_bindgen(js_name = mountFrame)]
pub async fn mount_frame() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let search = window.location().search().unwrap_or_default();
    let locale = query::locale_hint(&search);
    let Some(main) = document.create_element("main").ok() else { return };
    if let Some(body) = document.body() {
        let _ = body.append_child(&main);
    }
    if let Err(problem) = start(&window, &document, &main, &search).await {
        js::error(&format!("connect-widget widget.html: {problem}"));
        show_problem(&document, &main, locale, &problem);
    }
}

async fn start(window: &Window, document: &Document, main: &Element, search: &str) -> Result<(), String> {
    let params = FrameParams::parse(search).map_err(|e| e.to_string())?;
    for warning in &params.warnings {
        js::warn(&format!("connect-widget: {warning}"));
    }
    let opts = MountOptions::from_json(&params.options, clock_epoch_ms())?;
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", opts.locale.tag());
    }
    document.set_title(&I18n::new(opts.locale, SmallMap::new()).t(Key::FrameTitle));
    let origin = query::parent_origin(params.target_origin.as_ref(), &document.referrer());
    match &origin {
        Some((origin, OriginSource::Referrer)) => js::warn(&format!(
            "connect-widget widget.html: events go to {origin}, the referrer's origin; add target_origin={origin} to the URL to be sure"
        )),
        Some(_) => {}
        None => js::warn(
            "connect-widget widget.html: no events are posted: the parent's origin is unknown (no target_origin parameter, no config.target_origin_referrer, and the referrer is hidden); add target_origin=<your page's origin> to the URL",
        ),
    }
    let origin = origin.map(|(origin, _)| origin);
    let (transport, available) = match params.api {
        FrameApi::Sandbox => sandbox_transport(&opts, main)?,
        FrameApi::Http { base_url } => {
            // `api=<URL>` means what `mount`'s `api: "https://…"` means.
            let http = HttpHost::from_api(&JsValue::from_str(&base_url), opts.host_timeout_ms)?
                .ok_or("`api` is not a back-end URL")?;
            (Transport::Http(http), CALLBACK_NAMES.to_vec())
        }
        FrameApi::Parent => {
            let loading = show_loading(document, main, opts.locale);
            let connected = connect_to_parent(window, origin.as_ref(), opts.host_timeout_ms).await;
            if let Some(loading) = loading {
                loading.remove();
            }
            connected?
        }
    };

    let parent = Rc::new(Parent { windows: parent_windows(window), origin });
    let session = Rc::new(RefCell::new(Session::new(session_guid(window))));
    let webview_scheme = opts.client_config.is_mobile_webview.then(|| {
        let (scheme, problem) = webview::scheme(&opts.client_config.raw);
        if let Some(problem) = problem {
            js::warn(&format!("connect-widget: {problem}"));
        }
        scheme
    });
    let output = FrameOutput { parent: Rc::clone(&parent), session: Rc::clone(&session), webview_scheme };
    let listeners = Listeners {
        on_post_message: JsCallback::none("onPostMessage"),
        on_analytic_event: JsCallback::none("onAnalyticEvent"),
        on_analytic_pageview: JsCallback::none("onAnalyticPageview"),
        on_event: JsCallback::none("onEvent"),
        // The page is configured by its query string: no functions to call.
        overrides: EventOverrides::default(),
        notices: Vec::new(),
        outputs: vec![Rc::new(output)],
    };
    parent.post(&hosted::load_message());
    let handle = mount_into(main.clone(), Parts { opts, transport, available, listeners })?;
    answer_back_requests(window, handle, Rc::clone(&parent), session);
    report_height(main, parent);
    Ok(())
}

/// The `api=parent` transport: the handshake with the page's bridge, and a
/// check of the callbacks its host API has.
async fn connect_to_parent(
    window: &Window,
    origin: Option<&Origin>,
    timeout_ms: u32,
) -> Result<(Transport, Vec<&'static str>), String> {
    let origin = origin
        .ok_or("`api=parent` needs the parent page's origin: add target_origin=<its origin> to widget.html's URL")?;
    let parent = window
        .parent()
        .ok()
        .flatten()
        .filter(|p| !js_sys::Object::is(p, window))
        .ok_or("`api=parent` needs widget.html inside an iframe of the page that answers its calls")?;
    let (client, methods) = bridge_port::connect(window, parent, origin, timeout_ms).await?;
    let missing: Vec<&str> = REQUIRED_CALLBACKS.iter().copied().filter(|n| !methods.contains(n)).collect();
    if !missing.is_empty() {
        return Err(format!("`api=parent`: the page's host API lacks required callback(s): {}", missing.join(", ")));
    }
    let optional: Vec<&str> = CALLBACK_NAMES.iter().copied().filter(|n| !methods.contains(n)).collect();
    if !optional.is_empty() {
        js::warn(&format!(
            "connect-widget: the page's host API has no {}; the features that need them are turned off",
            optional.join(", ")
        ));
    }
    Ok((Transport::Bridge(client), methods))
}

/// Obey `mx/navigation` back requests from the parent's origin, and answer each.
fn answer_back_requests(window: &Window, handle: WidgetHandle, parent: Rc<Parent>, session: Rc<RefCell<Session>>) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let from_parent = parent.origin.as_ref().is_some_and(|o| event.origin() == o.as_str());
        if !from_parent || !js_to_json(&event.data()).is_ok_and(|data| hosted::is_back_request(&data)) {
            return;
        }
        let went_back = handle.navigate_back();
        parent.post(&hosted::navigation_answer(went_back, &session.borrow()));
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // The frame's widget lives as long as its document.
    on_message.forget();
}

/// Post the content height whenever it changes, for the parent to size the iframe.
fn report_height(main: &Element, parent: Rc<Parent>) {
    let observed = main.clone();
    let last = Cell::new(u32::MAX);
    let on_resize = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_entries: JsValue, _observer: JsValue| {
        let height = observed.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.replace(height) {
            parent.post(&bridge::resize(height));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(main);
    }
    on_resize.forget();
}

/// A card in the frame instead of the widget (styled like it): while the
/// page's bridge answers, or why the widget cannot start.
struct Notice {
    container: Element,
    styles: styles::Attached,
}

impl Notice {
    fn show(
        document: &Document,
        main: &Element,
        locale: Locale,
        fill: impl FnOnce(&Element) -> Option<()>,
    ) -> Option<Notice> {
        let container = element(document, "div", "cw-root", None)?;
        let _ = container.set_attribute("lang", locale.tag());
        let _ = container.set_attribute("data-theme", "light");
        let card = element(document, "div", "cw", None)?;
        fill(&card)?;
        container.append_child(&card).ok()?;
        let shadow = match main.shadow_root() {
            Some(shadow) => shadow,
            None => main.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?,
        };
        let styles = styles::attach_to_shadow(&shadow, &container);
        shadow.append_child(&container).ok()?;
        Some(Notice { container, styles })
    }

    fn remove(self) {
        self.container.remove();
        self.styles.detach();
    }
}

/// `<tag class=…>text</tag>` in `document`.
fn element(document: &Document, tag: &str, class: &str, text: Option<&str>) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    if !class.is_empty() {
        let _ = el.set_attribute("class", class);
    }
    el.set_text_content(text);
    Some(el)
}

/// "Loading…", announced politely, while the parent page's bridge answers.
fn show_loading(document: &Document, main: &Element, locale: Locale) -> Option<Notice> {
    let text = I18n::new(locale, SmallMap::new()).t(Key::CommonLoading);
    Notice::show(document, main, locale, |card| {
        let status = element(document, "p", "cw-spinner", None)?;
        let _ = status.set_attribute("role", "status");
        let dot = element(document, "span", "cw-spinner-dot", None)?;
        let _ = dot.set_attribute("aria-hidden", "true");
        status.append_with_node_2(&dot, &document.create_text_node(&text)).ok()?;
        card.append_child(&status).ok().map(drop)
    })
}

/// Why the widget cannot start: a heading, a short message for the user, and
/// the detail (the parameter and what is wrong with it) for the site's developers.
/// It stays: it is the page's last state.
fn show_problem(document: &Document, main: &Element, locale: Locale, detail: &str) {
    let i18n = I18n::new(locale, SmallMap::new());
    if let Some(shadow) = main.shadow_root() {
        shadow.set_text_content(None);
    }
    let _ = Notice::show(document, main, locale, |card| {
        let heading = element(document, "h1", "cw-heading", Some(&i18n.t(Key::FrameErrorTitle)))?;
        let alert = element(document, "p", "cw-alert", Some(&i18n.t(Key::FrameErrorBody)))?;
        let _ = alert.set_attribute("role", "alert");
        let details = element(document, "details", "cw-frame-details", None)?;
        let _ = details.set_attribute("open", "");
        let summary = element(document, "summary", "", Some(&i18n.t(Key::FrameErrorDetails)))?;
        let code = element(document, "code", "", Some(detail))?;
        details.append_with_node_2(&summary, &code).ok()?;
        card.append_with_node_3(&heading, &alert, &details).ok()
    });
}
