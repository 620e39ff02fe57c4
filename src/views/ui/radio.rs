//! One choice among several, as a native radio group.

use crate::views::dom::{children_of, el, El, Reader};
use leptos::prelude::*;

/// One option of `Radios`.
#[derive(Clone, Debug, PartialEq)]
pub struct RadioChoice {
    /// What `chosen` is set to.
    pub value: String,
    pub label: String,
    /// An inline image shown as the option (image MFA); `label` is its alt text.
    pub image: Option<String>,
}

/// A fieldset with its legend, the radios, and after it an error while `invalid`.
/// Native radios: one Tab stop, arrow keys move the choice.
pub struct Radios {
    /// The group's `name` and id prefix, unique on the page.
    pub name: String,
    pub legend: String,
    pub choices: Vec<RadioChoice>,
    pub chosen: RwSignal<Option<String>>,
    /// The message shown while `invalid`.
    pub error: String,
    pub invalid: Reader<bool>,
    pub disabled: Reader<bool>,
    /// Lay the options out as a grid of images.
    pub images: bool,
}

impl Radios {
    pub fn build(self) -> web_sys::Node {
        let Radios { name, legend, choices, chosen, error, invalid, disabled, images } = self;
        let error_id = format!("{name}-error");
        let described_by = {
            let error_id = error_id.clone();
            let invalid = invalid.clone();
            move || invalid.get().then(|| error_id.clone())
        };
        let options: Vec<El> = choices
            .into_iter()
            .enumerate()
            .map(|(i, RadioChoice { value, label, image })| {
                let id = format!("{name}-{i}");
                let checked_value = value.clone();
                let (invalid, disabled, refused) = (invalid.clone(), disabled.clone(), disabled.clone());
                let input = el("input")
                    .attr("type", "radio")
                    .id(&id)
                    .attr("name", &name)
                    .class("cw-radio")
                    .attr_fn("aria-invalid", move || invalid.get().then_some("true"))
                    .prop_fn("checked", move || (chosen.get().as_deref() == Some(checked_value.as_str())).into())
                    // Not `disabled` while a request runs: a disabled radio loses focus
                    // to the page (Enter on a reason submits the form). Choices are refused instead.
                    .attr_fn("aria-disabled", move || disabled.get().then_some("true"))
                    .on("click", move |ev| {
                        if refused.get_untracked() {
                            ev.prevent_default()
                        }
                    })
                    .on("change", move |_| chosen.set(Some(value.clone())));
                // The label is shown under the picture, not only read out: the
                // question may say "choose the picture labelled …".
                let picture = image.map(|src| el("img").attr("src", &src).attr("alt", ""));
                el("div")
                    .class(if images { "cw-choice cw-choice-image" } else { "cw-choice" })
                    .child(input)
                    .child(el("label").attr("for", &id).child(picture).child(el("span").text(&label)))
            })
            .collect();
        let fieldset = el("fieldset")
            .class("cw-fieldset")
            .attr_fn("aria-describedby", described_by)
            .child(el("legend").class("cw-label").text(&legend))
            .child(el("div").class(if images { "cw-choices cw-image-grid" } else { "cw-choices" }).child(options));
        let holder = el("div")
            .child(fieldset)
            .show(move || invalid.get(), move || el("p").class("cw-field-error").id(&error_id).text(&error));
        children_of(holder)
    }
}
