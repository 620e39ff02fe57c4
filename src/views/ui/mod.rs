//! Small shared parts: headings, progress, alerts, institution marks, and the
//! form parts every form uses (`TextField`, `RadioGroup`, `SubmitButton`,
//! `ModalDialog`), so ARIA wiring is written once.

mod dialog;
mod field;
mod link;
mod radio;
mod select;

pub use dialog::ModalDialog;
pub use field::TextField;
pub use link::{ExternalLink, PageAddress};
pub use radio::{RadioChoice, RadioGroup};
pub use select::SelectField;

use super::Ctx;
use crate::flow::analytics::{self, InputKind};
use crate::model::Institution;
use crate::options::{text_on, Rgb};
use leptos::prelude::*;

/// The focusable heading of a step or sub-view; it gets focus on every change.
#[component]
pub fn Heading(text: String) -> impl IntoView {
    view! { <h2 class="cw-heading" tabindex="-1" data-cw-heading="">{text}</h2> }
}

/// A short in-progress indicator with its text.
#[component]
pub fn Spinner(text: String) -> impl IntoView {
    view! {
        <p class="cw-spinner">
            <span class="cw-spinner-dot" aria-hidden="true"></span>
            {text}
        </p>
    }
}

/// An error message that screen readers announce at once.
#[component]
pub fn Alert(text: String) -> impl IntoView {
    view! { <p class="cw-alert" role="alert">{text}</p> }
}

/// A form's submit button; while `busy` it says so and ignores presses (the
/// machine ignores a second submit too), without leaving the tab order.
#[component]
pub fn SubmitButton(
    label: String,
    busy_label: String,
    #[prop(into)] busy: Signal<bool>,
    #[prop(default = "cw-button cw-primary")] class: &'static str,
) -> impl IntoView {
    view! {
        <button type="submit" class=class aria-disabled=move || busy.get().then_some("true")>
            {move || if busy.get() { busy_label.clone() } else { label.clone() }}
        </button>
    }
}

/// The institution's mark: logo image, or initials on its brand colour.
#[component]
pub fn InstitutionLogo(institution: Institution, #[prop(optional)] size: Option<u32>) -> impl IntoView {
    let size = size.unwrap_or(40);
    let initials: String = institution
        .name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .take(2)
        .filter_map(|w| w.chars().next())
        .collect::<String>();
    // The initials are black or white, whichever reads better on the brand
    // colour (≥ 4.5:1 on any colour); an unreadable colour gets the default.
    let fill = institution.brand_color.as_deref().and_then(Rgb::parse).unwrap_or(Rgb(0x4a, 0x55, 0x68));
    let colour = fill.hex();
    let ink = text_on(fill).hex();
    // Relative logos resolve against the page (`model::logo`); one that fails to load shows initials.
    let page = use_context::<PageAddress>().unwrap_or_default();
    let logo = institution.logo_url.as_deref().and_then(|url| crate::model::logo::logo_source(url, page.0.as_deref()));
    let broken = RwSignal::new(false);
    // Set through the CSSOM (`style:`), never as a `style` attribute, which a
    // strict Content-Security-Policy (`style-src 'self'`) refuses.
    let px = format!("{size}px");
    move || {
        match logo.clone().filter(|_| !broken.get()) {
        Some(url) => view! {
            <img class="cw-logo" src=url alt="" width=size height=size style:--cw-logo-size=px.clone()
                style:--cw-brand=colour.clone() on:error=move |_| broken.set(true) />
        }
        .into_any(),
        None => view! {
            <span class="cw-logo cw-logo-initials" aria-hidden="true" style:--cw-logo-size=px.clone() style:--cw-brand=colour.clone()
                style:--cw-brand-ink=ink.clone()>
                {initials.clone()}
            </span>
        }
        .into_any(),
    }
    }
}

/// An institution to pick, as one button: logo, name, web address, and an
/// optional tag ("Unavailable"). While `busy` it ignores presses.
#[component]
pub fn InstitutionChoice(
    institution: Institution,
    #[prop(into)] busy: Signal<bool>,
    #[prop(into)] on_pick: Callback<()>,
    #[prop(default = None)] tag: Option<String>,
) -> impl IntoView {
    let name = institution.name.clone();
    let host = institution.display_host();
    view! {
        <button type="button" class="cw-institution" aria-disabled=move || busy.get().then_some("true")
            on:click=move |_| if !busy.get_untracked() { on_pick.run(()) }>
            <InstitutionLogo institution=institution />
            <span class="cw-institution-text">
                <span class="cw-institution-name">{name}</span>
                {host.map(|h| view! { <span class="cw-muted">{h}</span> })}
            </span>
            {tag.map(|t| view! { <span class="cw-tag">{t}</span> })}
        </button>
    }
}

/// The chosen institution's logo and name, at the top of most steps.
#[component]
pub fn InstitutionBanner(ctx: Ctx) -> impl IntoView {
    ctx.institution().map(|i| {
        let host = i.display_host();
        view! {
            <div class="cw-banner">
                <InstitutionLogo institution=i.clone() size=48 />
                <div>
                    <p class="cw-banner-name">{i.name.clone()}</p>
                    {host.map(|h| view! { <p class="cw-muted">{h}</p> })}
                </div>
            </div>
        }
    })
}

/// Host text that may carry links (`model::rich_text`): text nodes, line
/// breaks, and links to safe `https:` URLs only. Never HTML.
#[component]
pub fn HostText(segments: Vec<crate::model::rich_text::Segment>, new_tab: String) -> impl IntoView {
    use crate::model::rich_text::Segment;
    segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.into_any(),
            Segment::Break => view! { <br /> }.into_any(),
            Segment::Link { text, url } => view! {
                <a class="cw-link" href=url target="_blank" rel="noopener noreferrer">
                    {text}
                    <span class="cw-sr">" "{new_tab.clone()}</span>
                </a>
            }
            .into_any(),
        })
        .collect_view()
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
