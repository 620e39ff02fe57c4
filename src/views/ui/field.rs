//! A labelled text input or textarea.

use crate::views::dom::{el, target_value, El, Reader};
use leptos::prelude::*;

/// A field's `aria-describedby`: its hint, and its error while `invalid`.
pub(super) fn described_by(
    hint_id: Option<String>,
    error_id: String,
    invalid: Reader<bool>,
) -> impl Fn() -> Option<String> + 'static {
    move || {
        let ids: Vec<&str> =
            hint_id.iter().map(String::as_str).chain(invalid.get().then_some(error_id.as_str())).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A text field with its label, optional hint and error message, wired for
/// assistive technology: `aria-invalid` while invalid, `aria-describedby`
/// pointing at the hint and, while invalid, at the error. Build one with
/// `Field::new`, set what differs from the defaults, then `build()` it.
pub struct Field {
    /// DOM id of the input, unique on the page (`Ctx::dom_id`).
    pub id: String,
    pub label: String,
    /// Shown after the label, e.g. "(optional)".
    pub label_note: Option<String>,
    pub hint: Option<String>,
    /// The message shown while `invalid` (it may change with what is wrong).
    pub error: Reader<String>,
    pub invalid: Reader<bool>,
    pub disabled: Reader<bool>,
    /// What the user typed; lives only as long as the form. Its value when the
    /// field is built is shown (a form opened again keeps what was entered).
    pub value: RwSignal<String>,
    pub required: bool,
    /// `type` of the input (ignored for a textarea).
    pub kind: &'static str,
    /// For passwords: `type=password` while this is true.
    pub masked: Option<Reader<bool>>,
    pub autocomplete: &'static str,
    pub inputmode: Option<&'static str>,
    /// Typed text that must be kept as is: no auto-capitals, no spell check.
    pub verbatim: bool,
    pub multiline: bool,
    /// Shown above the label (e.g. an MFA image).
    pub above: Option<El>,
    /// Shown beside the input (e.g. a show/hide toggle).
    pub beside: Option<El>,
}

impl Field {
    pub fn new(
        id: String,
        label: String,
        value: RwSignal<String>,
        invalid: Reader<bool>,
        disabled: Reader<bool>,
    ) -> Field {
        Field {
            id,
            label,
            label_note: None,
            hint: None,
            error: Reader::constant(String::new()),
            invalid,
            disabled,
            value,
            required: true,
            kind: "text",
            masked: None,
            autocomplete: "off",
            inputmode: None,
            verbatim: false,
            multiline: false,
            above: None,
            beside: None,
        }
    }

    pub fn build(self) -> El {
        let Field {
            id,
            label,
            label_note,
            hint,
            error,
            invalid,
            disabled,
            value,
            required,
            kind,
            masked,
            autocomplete,
            inputmode,
            verbatim,
            multiline,
            above,
            beside,
        } = self;
        let error_id = format!("{id}-error");
        let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
        let control =
            if multiline { el("textarea").class("cw-input cw-textarea").attr("rows", "4") } else { el("input") };
        let described_by = described_by(hint_id.clone(), error_id.clone(), invalid.clone());
        let is_invalid = invalid.clone();
        let is_disabled = disabled.clone();
        let control = control
            .id(&id)
            .attr_opt("aria-required", required.then_some("true"))
            .attr_fn("aria-invalid", move || is_invalid.get().then_some("true"))
            .attr_fn("aria-describedby", described_by)
            .attr("autocomplete", autocomplete)
            // Read-only, not `disabled`, while a request runs: a disabled field loses
            // focus (to the page) when Enter in it submitted the form.
            .bool_attr_fn("readonly", move || is_disabled.get())
            .attr_fn("aria-disabled", move || disabled.get().then_some("true"))
            .on("input", move |ev| value.set(target_value(&ev)));
        let control = if multiline {
            control
        } else {
            control
                .class("cw-input")
                .attr_fn("type", move || Some(if masked.as_ref().is_some_and(Reader::get) { "password" } else { kind }))
                .attr_opt("inputmode", inputmode)
                .attr_opt("autocapitalize", verbatim.then_some("off"))
                .attr_opt("spellcheck", verbatim.then_some("false"))
                .prop("value", &value.get_untracked().into())
        };
        let control = match beside {
            Some(beside) => el("div").class("cw-input-row").child(control).child(beside),
            None => control,
        };
        el("div")
            .class("cw-field")
            .child(above)
            .child(
                el("label")
                    .class("cw-label")
                    .attr("for", &id)
                    .text(&label)
                    .child(label_note.map(|note| el("span").class("cw-muted").text(" ").text(&note))),
            )
            .child(hint.zip(hint_id).map(|(hint, hint_id)| el("p").class("cw-hint").id(&hint_id).text(&hint)))
            .child(control)
            .show(
                move || invalid.get(),
                move || {
                    let error = error.clone();
                    el("p").class("cw-field-error").id(&error_id).text_fn(move || error.get())
                },
            )
    }
}
