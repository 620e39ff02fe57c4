//! Small shared parts: headings, progress, alerts, buttons, institution marks, and
//! the form parts every form uses (`Field`, `Radios`, `Select`, `submit_button`,
//! `modal_dialog`), so ARIA wiring is written once.

mod dialog;
mod field;
mod link;
mod radio;
mod select;

pub use dialog::modal_dialog;
pub use field::Field;
pub use link::{external_link, PageAddress};
pub use radio::{RadioChoice, Radios};
pub use select::Select;

use super::dom::{el, El, IntoNode, Reader};
use super::Ctx;
use crate::flow::analytics::{self, InputKind};
use crate::model::Institution;
use crate::options::{text_on, Rgb};
use leptos::prelude::*;

/// When the form goes (its step ended, or the widget was unmounted), zero what
/// was typed into it (`model::secret::wipe`).
pub fn wipe_on_cleanup(typed: Vec<RwSignal<String>>) {
    on_cleanup(move || {
        for value in typed {
            value.try_update_untracked(crate::model::secret::wipe);
        }
    });
}

/// Tell the analytics once, the first time `value` is typed in (never what was typed).
pub fn report_first_input(ctx: Ctx, value: RwSignal<String>, kind: InputKind) {
    Effect::new(move |reported: Option<bool>| {
        let typed = value.with(|v| !v.is_empty());
        if typed && reported != Some(true) {
            ctx.send(analytics::Msg::FirstInput(kind));
        }
        typed || reported == Some(true)
    });
}

/// The focusable heading of a step or sub-view; it gets focus on every change.
pub fn heading(text: &str) -> El {
    el("h2").class("cw-heading").attr("tabindex", "-1").attr("data-cw-heading", "").text(text)
}

/// A step (or sub-view) that starts with its heading and, when there is one, a short muted
/// introduction; the caller adds the rest.
pub fn step(title: &str, intro: Option<&str>) -> El {
    el("div").class("cw-step").child(heading(title)).child(intro.map(|intro| el("p").class("cw-muted").text(intro)))
}

/// A form (`novalidate`: the machine checks what was typed and says what is wrong) whose
/// submission stays in the widget: the page is not submitted, `on_submit` runs instead.
pub fn form(on_submit: impl Fn() + 'static) -> El {
    submit_form(Box::new(on_submit))
}

fn submit_form(on_submit: Box<dyn Fn()>) -> El {
    el("form").class("cw-form").attr("novalidate", "").on("submit", move |ev| {
        ev.prevent_default();
        on_submit();
    })
}

/// The check mark of a success screen; hidden from screen readers, the heading says it.
pub fn success_mark() -> El {
    el("div").class("cw-success-mark").attr("aria-hidden", "true").text("✓")
}

/// A short in-progress indicator with its text.
pub fn spinner(text: &str) -> El {
    el("p").class("cw-spinner").child(el("span").class("cw-spinner-dot").attr("aria-hidden", "true")).text(text)
}

/// An error message that screen readers announce at once.
pub fn alert(text: &str) -> El {
    el("p").class("cw-alert").attr("role", "alert").text(text)
}

/// A form's submit button; while `busy` it says so and ignores presses (the
/// machine ignores a second submit too), without leaving the tab order.
pub fn submit_button(label: String, busy_label: String, busy: Reader<bool>) -> El {
    let is_busy = busy.clone();
    el("button")
        .attr("type", "submit")
        .class("cw-button cw-primary")
        .attr_fn("aria-disabled", move || is_busy.get().then_some("true"))
        .text_fn(move || if busy.get() { busy_label.clone() } else { label.clone() })
}

/// The institution's mark: logo image, or initials on its brand colour.
pub fn institution_logo(institution: &Institution, size: u32) -> web_sys::Node {
    let fill = institution.brand_color.as_deref().and_then(Rgb::parse).unwrap_or(Rgb(0x4a, 0x55, 0x68));
    let px = format!("{size}px");
    // Relative logos resolve against the page (`model::logo`).
    let page = use_context::<PageAddress>().unwrap_or_default();
    let logo = institution.logo_url.as_deref().and_then(|url| crate::model::logo::logo_source(url, page.0.as_deref()));
    let Some(url) = logo else { return initials_mark(&institution.name, fill, &px).element().into() };
    let img = el("img")
        .class("cw-logo")
        .attr("src", &url)
        .attr("alt", "")
        .attr("width", &size.to_string())
        .attr("height", &size.to_string())
        .style_var("--cw-logo-size", &px)
        .style_var("--cw-brand", &fill.hex());
    // A logo that fails to load gives way to the initials (built only then).
    let shown = img.element();
    let name = institution.name.clone();
    img.on("error", move |_| {
        let _ = shown.replace_with_with_node_1(&initials_mark(&name, fill, &px).element());
    })
    .element()
    .into()
}

/// Up to two initials of `name`, black or white, whichever reads better on the brand
/// colour (≥ 4.5:1 on any colour).
fn initials_mark(name: &str, fill: Rgb, px: &str) -> El {
    let initials: String = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .take(2)
        .filter_map(|w| w.chars().next())
        .collect();
    el("span")
        .class("cw-logo cw-logo-initials")
        .attr("aria-hidden", "true")
        .style_var("--cw-logo-size", px)
        .style_var("--cw-brand", &fill.hex())
        .style_var("--cw-brand-ink", &text_on(fill).hex())
        .text(&initials)
}

/// An institution to pick, as one button: logo, name, web address, and an
/// optional tag ("Unavailable"). While `busy` it ignores presses.
pub fn institution_choice(
    institution: &Institution,
    busy: Reader<bool>,
    tag: Option<String>,
    on_pick: impl Fn() + 'static,
) -> El {
    let is_busy = busy.clone();
    el("button")
        .attr("type", "button")
        .class("cw-institution")
        .attr_fn("aria-disabled", move || is_busy.get().then_some("true"))
        .on("click", move |_| {
            if !busy.get_untracked() {
                on_pick()
            }
        })
        .child(institution_logo(institution, 40))
        .child(
            el("span")
                .class("cw-institution-text")
                .child(el("span").class("cw-institution-name").text(&institution.name))
                .child(institution.display_host().map(|h| el("span").class("cw-muted").text(&h))),
        )
        .child(tag.map(|t| el("span").class("cw-tag").text(&t)))
}

/// The chosen institution's logo and name, at the top of most steps.
pub fn institution_banner(ctx: Ctx) -> Option<El> {
    let i = ctx.institution()?;
    Some(
        el("div").class("cw-banner").child(institution_logo(&i, 48)).child(
            el("div")
                .child(el("p").class("cw-banner-name").text(&i.name))
                .child(i.display_host().map(|h| el("p").class("cw-muted").text(&h))),
        ),
    )
}

/// Host text that may carry links (`model::rich_text`): text nodes, line
/// breaks, and links to safe `https:` URLs only. Never HTML.
pub fn host_text(segments: Vec<crate::model::rich_text::Segment>, new_tab: &str) -> Vec<web_sys::Node> {
    use crate::model::rich_text::Segment;
    segments
        .into_iter()
        .filter_map(|segment| match segment {
            Segment::Text(text) => text.into_node(),
            Segment::Break => el("br").into_node(),
            Segment::Link { text, url } => el("a")
                .class("cw-link")
                .attr("href", &url)
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer")
                .text(&text)
                .child(el("span").class("cw-sr").text(" ").text(new_tab))
                .into_node(),
        })
        .collect()
}

/// A button (`type="button"`) that reports `msg` when pressed.
pub fn button(ctx: Ctx, class: &str, label: &str, msg: impl Into<crate::flow::Msg>) -> El {
    send_button(ctx, class, label, msg.into())
}

fn send_button(ctx: Ctx, class: &str, label: &str, msg: crate::flow::Msg) -> El {
    el("button").attr("type", "button").class(class).on("click", move |_| ctx.send(msg.clone())).text(label)
}
