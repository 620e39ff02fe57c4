//! The theme on the widget's container: `data-theme` (`light`, `dark`, or
//! `auto`, which the stylesheet resolves with `prefers-color-scheme`) and the
//! brand colour's custom properties. They are set through the CSSOM, never
//! as a `style` attribute, which a strict Content-Security-Policy refuses.

use crate::options::Theme;
use wasm_bindgen::JsCast;

pub fn apply(container: &web_sys::Element, theme: &Theme) {
    let _ = container.set_attribute("data-theme", theme.scheme.attribute());
    // The container is a `<div>` (unchecked: it may belong to a same-origin frame's document).
    let element = container.unchecked_ref::<web_sys::HtmlElement>();
    let style = element.style();
    for (name, value) in theme.properties() {
        let _ = style.set_property(name, &value);
    }
}
