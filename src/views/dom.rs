//! The view layer: elements built once with web-sys, and the few parts that change bound to the
//! flow's signals, each by one boxed closure run in a render effect (Leptos' reactive graph).
//!
//! Why not `view!`: tachys compiles every `view!` into its own build, rebuild, mount and drop code
//! for its element tuple, and every reactive closure into its own effect machinery; the step views
//! were a third of the bundle that way (docs/decisions.md, "The view layer"). Here the generic
//! methods only box their closure; the work is done once, in non-generic functions.
//!
//! Ownership follows Leptos': what a region builds (its effects, event handlers, signals) belongs
//! to a reactive owner of its own, cleaned up when the region is rebuilt or the widget unmounts.
//!
//! What a form part reads (whether it is invalid, busy, its error text) comes as a `Reader`: a
//! shared closure, read the same way as a Leptos derived `Signal` without bringing that type's
//! storage and dispatch code into the bundle.

use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static DOCUMENT: Option<web_sys::Document> = web_sys::window().and_then(|w| w.document());
}

/// The page's document: the widget's elements are created in it (and adopted by a frame's
/// document when mounted there, as browsers do on insertion).
fn document() -> web_sys::Document {
    // `mount` refuses to start without a window and its document, so this always finds one.
    DOCUMENT.with(|d| d.clone()).unwrap_or_else(|| wasm_bindgen::throw_str("connect-widget: no document"))
}

/// A value read where it is used, e.g. in a binding: `get` runs the closure, so reading it
/// inside a binding tracks whatever signals the closure reads (like a derived signal, without a
/// memo: nothing is cached). Cloning it shares the closure.
pub struct Reader<T>(Rc<dyn Fn() -> T>);

impl<T> Clone for Reader<T> {
    fn clone(&self) -> Self {
        Reader(Rc::clone(&self.0))
    }
}

impl<T: 'static> Reader<T> {
    /// A value computed by `f` on each read.
    pub fn derive(f: impl Fn() -> T + 'static) -> Reader<T> {
        Reader(Rc::new(f))
    }

    pub fn get(&self) -> T {
        (self.0)()
    }

    /// The value, read without tracking what the closure reads (in an event handler).
    pub fn get_untracked(&self) -> T {
        untrack(|| self.get())
    }
}

impl<T: Clone + 'static> Reader<T> {
    /// A value that never changes.
    pub fn constant(value: T) -> Reader<T> {
        Reader(Rc::new(move || value.clone()))
    }
}

/// An element being built. Builder methods take and return it, so a view reads as its markup.
#[derive(Clone)]
pub struct El(web_sys::Element);

/// Something that can be a child: an element, a text, nothing (`None`), several (`Vec`).
pub trait IntoNode {
    fn into_node(self) -> Option<web_sys::Node>;
}

impl IntoNode for El {
    fn into_node(self) -> Option<web_sys::Node> {
        Some(self.0.into())
    }
}
impl IntoNode for web_sys::Node {
    fn into_node(self) -> Option<web_sys::Node> {
        Some(self)
    }
}
impl IntoNode for String {
    fn into_node(self) -> Option<web_sys::Node> {
        Some(text_node(&self))
    }
}
impl IntoNode for &str {
    fn into_node(self) -> Option<web_sys::Node> {
        Some(text_node(self))
    }
}
impl IntoNode for () {
    fn into_node(self) -> Option<web_sys::Node> {
        None
    }
}
impl<T: IntoNode> IntoNode for Option<T> {
    fn into_node(self) -> Option<web_sys::Node> {
        self.and_then(IntoNode::into_node)
    }
}
impl<T: IntoNode> IntoNode for Vec<T> {
    fn into_node(self) -> Option<web_sys::Node> {
        let fragment = document().create_document_fragment();
        for child in self {
            append(&fragment, child.into_node());
        }
        Some(fragment.into())
    }
}

fn text_node(text: &str) -> web_sys::Node {
    document().create_text_node(text).into()
}

fn append(parent: &web_sys::Node, child: Option<web_sys::Node>) {
    if let Some(child) = child {
        let _ = parent.append_child(&child);
    }
}

/// A new element.
pub fn el(tag: &str) -> El {
    let element = document().create_element(tag).unwrap_or_else(|_| wasm_bindgen::throw_str("connect-widget: bad tag"));
    El(element)
}

/// The children of `holder`, moved into a fragment: for a part whose dynamic content has no
/// element of its own (a region's markers move with it and keep working where it lands).
pub fn children_of(holder: El) -> web_sys::Node {
    let fragment: web_sys::Node = document().create_document_fragment().into();
    while let Some(child) = holder.0.first_child() {
        let _ = fragment.append_child(&child);
    }
    fragment
}

impl El {
    /// The element, e.g. to focus it later from a handler.
    pub fn element(&self) -> web_sys::Element {
        self.0.clone()
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// An attribute present only when `value` is.
    pub fn attr_opt(self, name: &str, value: Option<&str>) -> El {
        if let Some(value) = value {
            let _ = self.0.set_attribute(name, value);
        }
        self
    }

    pub fn class(self, value: &str) -> El {
        self.attr("class", value)
    }

    pub fn id(self, value: &str) -> El {
        self.attr("id", value)
    }

    /// A text child.
    pub fn text(self, text: &str) -> El {
        append(&self.0, Some(text_node(text)));
        self
    }

    pub fn child(self, child: impl IntoNode) -> El {
        append(&self.0, child.into_node());
        self
    }

    /// A CSS custom property, set through the CSSOM: a strict Content-Security-Policy
    /// (`style-src 'self'`) refuses `style` attributes.
    pub fn style_var(self, name: &str, value: &str) -> El {
        let _ = self.0.unchecked_ref::<web_sys::HtmlElement>().style().set_property(name, value);
        self
    }

    /// A JS property (`value`, `checked`), set once.
    pub fn prop(self, name: &str, value: &wasm_bindgen::JsValue) -> El {
        let _ = js_sys::Reflect::set(&self.0, &name.into(), value);
        self
    }

    /// An attribute kept equal to `value()`; `None` removes it.
    pub fn attr_fn<S: AsRef<str>>(self, name: &'static str, value: impl Fn() -> Option<S> + 'static) -> El {
        bind_attr(&self.0, name, Box::new(move || value().map(|v| v.as_ref().to_string())));
        self
    }

    /// A boolean attribute (`readonly`, `inert`), present while `on()`.
    pub fn bool_attr_fn(self, name: &'static str, on: impl Fn() -> bool + 'static) -> El {
        bind_attr(&self.0, name, Box::new(move || on().then(String::new)));
        self
    }

    /// A JS property kept equal to `value()`.
    pub fn prop_fn(self, name: &'static str, value: impl Fn() -> wasm_bindgen::JsValue + 'static) -> El {
        bind_prop(&self.0, name, Box::new(value));
        self
    }

    /// A text child kept equal to `text()`.
    pub fn text_fn(self, text: impl Fn() -> String + 'static) -> El {
        bind_text(&self.0, Box::new(text));
        self
    }

    /// A part rebuilt when `key()` changes to a different value. `build` runs untracked: only
    /// the key decides when the part is rebuilt.
    pub fn switch<K: Clone + PartialEq + 'static, V: IntoNode>(
        self,
        key: impl Fn() -> K + 'static,
        build: impl Fn(K) -> V + 'static,
    ) -> El {
        let mut last: Option<K> = None;
        region(
            &self.0,
            Box::new(move || {
                let next = key();
                if last.as_ref() == Some(&next) {
                    return None;
                }
                last = Some(next.clone());
                Some(untrack(|| build(next).into_node()))
            }),
        );
        self
    }

    /// A part shown while `when()` is true.
    pub fn show<V: IntoNode>(self, when: impl Fn() -> bool + 'static, build: impl Fn() -> V + 'static) -> El {
        self.switch(when, move |on| on.then(&build))
    }

    /// An event handler, dropped with the part that built the element.
    pub fn on(self, event: &str, handler: impl FnMut(web_sys::Event) + 'static) -> El {
        listen(&self.0, event, Box::new(handler));
        self
    }
}

// The bindings write to the DOM only when what they compute changes: they follow the whole flow
// state (no memo in between), and an unchanged text must not be written again (a live region
// would be read out again; an input's caret would move).

fn bind_attr(element: &web_sys::Element, name: &'static str, value: Box<dyn Fn() -> Option<String>>) {
    let element = element.clone();
    let mut last: Option<Option<String>> = None;
    bind(Box::new(move || {
        let now = value();
        if last.as_ref() == Some(&now) {
            return;
        }
        let _ = match &now {
            Some(v) => element.set_attribute(name, v),
            None => element.remove_attribute(name),
        };
        last = Some(now);
    }));
}

fn bind_prop(element: &web_sys::Element, name: &'static str, value: Box<dyn Fn() -> wasm_bindgen::JsValue>) {
    let element = element.clone();
    let mut last: Option<wasm_bindgen::JsValue> = None;
    bind(Box::new(move || {
        let now = value();
        if last.as_ref() == Some(&now) {
            return;
        }
        let _ = js_sys::Reflect::set(&element, &name.into(), &now);
        last = Some(now);
    }));
}

fn bind_text(parent: &web_sys::Element, text: Box<dyn Fn() -> String>) {
    let node = document().create_text_node("");
    append(parent, Some(node.clone().into()));
    let mut last: Option<String> = None;
    bind(Box::new(move || {
        let now = text();
        if last.as_ref() == Some(&now) {
            return;
        }
        node.set_data(&now);
        last = Some(now);
    }));
}

/// Run `update` now and again whenever a signal it read changes, until the current owner is
/// cleaned up (its part is rebuilt or the widget unmounted).
fn bind(mut update: Box<dyn FnMut()>) {
    let effect = RenderEffect::new(move |_: Option<()>| update());
    on_cleanup(move || drop(effect));
}

/// A dynamic part of `parent`, between two markers. `build` runs in a render effect; `None` from
/// it means "unchanged", `Some(node)` replaces what was there (`Some(None)`: nothing).
///
/// What a build makes belongs to an owner of its own, a child of the owner the region was made in
/// (not of the effect's: an effect's owner is cleaned each time it re-runs, also when the key did
/// not change and the part stays).
fn region(parent: &web_sys::Element, mut build: Box<dyn FnMut() -> Option<Option<web_sys::Node>>>) {
    let document = document();
    let start: web_sys::Node = document.create_comment("").into();
    let end: web_sys::Node = document.create_comment("").into();
    let _ = parent.append_child(&start);
    let _ = parent.append_child(&end);
    let outer = Owner::current();
    let mut part: Option<Owner> = None;
    bind(Box::new(move || {
        let Some(next) = build_in(&outer, &mut part, &mut build) else { return };
        clear_between(&start, &end);
        if let (Some(next), Some(parent)) = (next, end.parent_node()) {
            let _ = parent.insert_before(&next, Some(&end));
        }
    }));
}

/// Run `build`; when it makes a new part, dispose the old part's owner first and make the new
/// one under a fresh owner (a child of `outer`).
fn build_in(
    outer: &Option<Owner>,
    part: &mut Option<Owner>,
    build: &mut Box<dyn FnMut() -> Option<Option<web_sys::Node>>>,
) -> Option<Option<web_sys::Node>> {
    let owner = match outer {
        Some(outer) => outer.with(Owner::new),
        None => Owner::new(),
    };
    let next = owner.with(build);
    if next.is_some() {
        if let Some(old) = part.replace(owner) {
            old.cleanup();
        }
    } else {
        owner.cleanup();
    }
    next
}

fn clear_between(start: &web_sys::Node, end: &web_sys::Node) {
    while let Some(node) = start.next_sibling() {
        if node.is_same_node(Some(end)) {
            break;
        }
        if let Some(parent) = node.parent_node() {
            let _ = parent.remove_child(&node);
        }
    }
}

fn listen(element: &web_sys::Element, event: &str, handler: Box<dyn FnMut(web_sys::Event)>) {
    let closure = Closure::wrap(handler);
    let _ = element.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    StoredValue::new_local(closure);
}

/// What an `input` or `change` event's target holds now.
pub fn target_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
