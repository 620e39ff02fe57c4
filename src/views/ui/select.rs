//! A labelled native `<select>`: one Tab stop, the platform's own picker on
//! phones, and the same ARIA wiring as `TextField`.

use leptos::prelude::*;

/// A select with its label, optional hint and error message. The first
/// option is a prompt with an empty value, so nothing is chosen by accident.
#[component]
pub fn SelectField(
    /// DOM id of the select, unique on the page (`Ctx::dom_id`).
    id: String,
    label: String,
    /// The empty first option ("Choose…").
    prompt: String,
    /// `(value, label)` of each option.
    options: Vec<(String, String)>,
    #[prop(default = None)] hint: Option<String>,
    /// The message shown while `invalid`.
    #[prop(into)]
    error: Signal<String>,
    #[prop(into)] invalid: Signal<bool>,
    #[prop(into)] disabled: Signal<bool>,
    value: RwSignal<String>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described_by = super::field::described_by(hint_id.clone(), error_id.clone(), invalid);
    let options = options
        .into_iter()
        .map(|(v, l)| {
            let selected = v.clone();
            view! { <option value=v prop:selected=move || value.get() == selected>{l}</option> }
        })
        .collect_view();
    view! {
        <div class="cw-field">
            <label class="cw-label" for=id.clone()>{label}</label>
            {hint.zip(hint_id).map(|(hint, hint_id)| view! { <p class="cw-hint" id=hint_id>{hint}</p> })}
            <select id=id class="cw-input cw-select" aria-required=required.then_some("true")
                aria-invalid=move || invalid.get().then_some("true") aria-describedby=described_by
                disabled=move || disabled.get() on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" prop:selected=move || value.get().is_empty()>{prompt}</option>
                {options}
            </select>
            <Show when=move || invalid.get()>
                <p class="cw-field-error" id=error_id.clone()>{move || error.get()}</p>
            </Show>
        </div>
    }
}
