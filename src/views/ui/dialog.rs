//! A modal dialog that keeps focus inside itself.

use crate::views::dom::{el, El};
use wasm_bindgen::JsCast;

const FOCUSABLE: &str =
    "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex='-1'])";

/// Wrap Tab at the dialog's ends. A radio group is one Tab stop (the
/// browser's rule): being on any of its radios is being on that stop, and
/// Tab lands on its checked radio.
fn trap_tab(dialog: &web_sys::HtmlElement, ev: &web_sys::KeyboardEvent) {
    let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else { return };
    // Unchecked casts and node types, not `instanceof`: the widget may live in a
    // same-origin frame's document, whose nodes are not this page's classes.
    let items: Vec<web_sys::HtmlElement> =
        (0..nodes.length()).filter_map(|i| nodes.item(i)).map(JsCast::unchecked_into).collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
    let root = dialog.get_root_node();
    let active = if root.node_type() == web_sys::Node::DOCUMENT_FRAGMENT_NODE {
        root.unchecked_into::<web_sys::ShadowRoot>().active_element()
    } else {
        dialog.owner_document().and_then(|d| d.active_element())
    };
    let group = |el: &web_sys::Element| {
        (el.tag_name() == "INPUT")
            .then(|| el.unchecked_ref::<web_sys::HtmlInputElement>())
            .filter(|i| i.type_() == "radio")
            .map(|i| i.name())
            .filter(|n| !n.is_empty())
    };
    let at = |el: &web_sys::HtmlElement| {
        active.as_ref().is_some_and(|a| a.is_same_node(Some(el)) || (group(el).is_some() && group(a) == group(el)))
    };
    let stop = |el: &web_sys::HtmlElement| -> web_sys::HtmlElement {
        let checked = group(el).and_then(|g| {
            items
                .iter()
                .find(|i| group(i).as_ref() == Some(&g) && i.unchecked_ref::<web_sys::HtmlInputElement>().checked())
        });
        checked.unwrap_or(el).clone()
    };
    if ev.shift_key() && (at(first) || !items.iter().any(at)) {
        ev.prevent_default();
        let _ = stop(last).focus();
    } else if !ev.shift_key() && at(last) {
        ev.prevent_default();
        let _ = stop(first).focus();
    }
}

/// A modal dialog over a scrim, labelled by its heading; `content` goes under it. Tab and
/// Shift+Tab wrap inside it; Escape calls `on_close`. The widget makes the page behind it
/// `inert` and gives focus back to the opener when it closes.
pub fn modal_dialog(title_id: &str, title: &str, on_close: impl Fn() + 'static, content: Vec<El>) -> El {
    let dialog = el("div")
        .class("cw-dialog")
        .attr("role", "dialog")
        .attr("aria-modal", "true")
        .attr("aria-labelledby", title_id)
        .child(el("h2").class("cw-heading").id(title_id).attr("tabindex", "-1").attr("data-cw-heading", "").text(title))
        .child(content);
    let element: web_sys::HtmlElement = dialog.element().unchecked_into();
    let dialog = dialog.on("keydown", move |ev| {
        let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close();
        } else if ev.key() == "Tab" {
            trap_tab(&element, ev);
        }
    });
    el("div").class("cw-scrim").child(dialog)
}
