//! A labelled native `<select>`: one Tab stop, the platform's own picker on
//! phones, and the same ARIA wiring as `Field`.

use crate::views::dom::{el, target_value, El, Reader};
use leptos::prelude::*;

/// A select with its label, optional hint and error message. The first
/// option is a prompt with an empty value, so nothing is chosen by accident.
pub struct Select {
    /// DOM id of the select, unique on the page (`Ctx::dom_id`).
    pub id: String,
    pub label: String,
    /// The empty first option ("Choose…").
    pub prompt: String,
    /// `(value, label)` of each option.
    pub options: Vec<(String, String)>,
    pub hint: Option<String>,
    /// The message shown while `invalid`.
    pub error: Reader<String>,
    pub invalid: Reader<bool>,
    pub disabled: Reader<bool>,
    pub value: RwSignal<String>,
    pub required: bool,
}

impl Select {
    pub fn build(self) -> El {
        let Select { id, label, prompt, options, hint, error, invalid, disabled, value, required } = self;
        let error_id = format!("{id}-error");
        let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
        let described_by = super::field::described_by(hint_id.clone(), error_id.clone(), invalid.clone());
        let is_invalid = invalid.clone();
        let option = move |v: String, l: &str| {
            let selected = v.clone();
            el("option")
                .attr("value", &v)
                .prop_fn("selected", move || value.with(|now| *now == selected).into())
                .text(l)
        };
        let options: Vec<El> = options.into_iter().map(|(v, l)| option(v, &l)).collect();
        el("div")
            .class("cw-field")
            .child(el("label").class("cw-label").attr("for", &id).text(&label))
            .child(hint.zip(hint_id).map(|(hint, hint_id)| el("p").class("cw-hint").id(&hint_id).text(&hint)))
            .child(
                el("select")
                    .id(&id)
                    .class("cw-input cw-select")
                    .attr_opt("aria-required", required.then_some("true"))
                    .attr_fn("aria-invalid", move || is_invalid.get().then_some("true"))
                    .attr_fn("aria-describedby", described_by)
                    .bool_attr_fn("disabled", move || disabled.get())
                    .on("change", move |ev| value.set(target_value(&ev)))
                    .child(option(String::new(), &prompt))
                    .child(options),
            )
            .show(
                move || invalid.get(),
                move || {
                    let error = error.clone();
                    el("p").class("cw-field-error").id(&error_id).text_fn(move || error.get())
                },
            )
    }
}
