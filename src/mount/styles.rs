//! The widget's stylesheet, applied without inline `<style>`: a page whose
//! Content-Security-Policy says `style-src 'self'` refuses `<style>` elements
//! and `style` attributes, but not constructable stylesheets
//! (`adoptedStyleSheets`), which is what the widget uses. Browsers without
//! them (and documents other than this module's) get a `<style>` element, as
//! before.

use js_sys::{Array, Reflect};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot};

// `style/widget.css`, minified by `build.rs`.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// One parsed sheet for every widget of this module's document.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Widgets mounted with `shadow: false` that use the sheet adopted by the document.
    static DOCUMENT_USERS: Cell<u32> = const { Cell::new(0) };
}

/// How one widget's styles were applied, so unmounting can undo it.
pub(crate) enum Attached {
    Shadow {
        root: ShadowRoot,
        sheet: CssStyleSheet,
    },
    Document {
        document: Document,
        sheet: CssStyleSheet,
    },
    /// A `<style>` inside the container: it goes with the container.
    Inline,
}

/// The shared sheet, if this browser has constructable stylesheets and
/// `target` belongs to the document that constructs them.
fn sheet_for(target: &JsValue, document: &Document) -> Option<CssStyleSheet> {
    let own_document = web_sys::window().and_then(|w| w.document())?;
    if !own_document.is_same_node(Some(document)) || !Reflect::has(target, &"adoptedStyleSheets".into()).ok()? {
        return None;
    }
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(STYLE).ok()?;
            *cell = Some(sheet);
        }
        cell.clone()
    })
}

fn with_sheet(list: Array, sheet: &CssStyleSheet) -> Array {
    let list = Array::from(&list);
    if !list.includes(sheet, 0) {
        list.push(sheet);
    }
    list
}

fn without_sheet(list: Array, sheet: &CssStyleSheet) -> Array {
    Array::from(&list).filter(&mut |item, _, _| !js_sys::Object::is(&item, sheet.as_ref()))
}

fn inline(container: &Element) -> Attached {
    if let Some(document) = container.owner_document() {
        if let Ok(style) = document.create_element("style") {
            style.set_text_content(Some(STYLE));
            let _ = container.prepend_with_node_1(&style);
        }
    }
    Attached::Inline
}

/// Style a widget mounted in `root`.
pub(crate) fn attach_to_shadow(root: &ShadowRoot, container: &Element) -> Attached {
    let sheet = root.owner_document().and_then(|document| sheet_for(root, &document));
    match sheet {
        Some(sheet) => {
            root.set_adopted_style_sheets(&with_sheet(root.adopted_style_sheets(), &sheet));
            Attached::Shadow { root: root.clone(), sheet }
        }
        None => inline(container),
    }
}

/// Style a widget mounted with `shadow: false` (its rules are scoped by `.cw-root`).
pub(crate) fn attach_to_document(document: &Document, container: &Element) -> Attached {
    match sheet_for(document, document) {
        Some(sheet) => {
            document.set_adopted_style_sheets(&with_sheet(document.adopted_style_sheets(), &sheet));
            DOCUMENT_USERS.with(|n| n.set(n.get() + 1));
            Attached::Document { document: document.clone(), sheet }
        }
        None => inline(container),
    }
}

impl Attached {
    /// Undo `attach_*`; the document keeps the sheet while another widget needs it.
    pub(crate) fn detach(&self) {
        match self {
            Attached::Shadow { root, sheet } => {
                root.set_adopted_style_sheets(&without_sheet(root.adopted_style_sheets(), sheet))
            }
            Attached::Document { document, sheet } => {
                let left = DOCUMENT_USERS.with(|n| {
                    n.set(n.get().saturating_sub(1));
                    n.get()
                });
                if left == 0 {
                    document.set_adopted_style_sheets(&without_sheet(document.adopted_style_sheets(), sheet));
                }
            }
            Attached::Inline => {}
        }
    }
}
