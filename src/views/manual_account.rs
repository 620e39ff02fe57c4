//! A manual account: the type menu, the form with the chosen type's fields,
//! and the saved account.

use super::dom::{self, el, El, Reader};
use super::ui::{alert, button, form, heading, step, submit_button, success_mark, RadioChoice, Radios, Select};
use super::Ctx;
use crate::flow::manual_account::{AccountType, Field, Input, Msg, PROPERTY_TYPES};
use crate::flow::{ManualAccountState, ManualForm, Step};
use crate::i18n::Key;
use crate::views::Slice;
use leptos::prelude::*;

/// Several views, one at a time (their top element changes), hence a fragment.
pub fn manual_account_step(ctx: Ctx) -> web_sys::Node {
    // The saved account replaces the form on the same stack level: rebuild
    // when the kind of view changes, not on every keystroke's state.
    let kind = move || {
        ctx.with(|f| match f.step() {
            Step::ManualAccount(m) => Some(std::mem::discriminant(m)),
            _ => None,
        })
        .flatten()
    };
    dom::children_of(el("div").switch(kind, move |kind| kind.and_then(|_| view(ctx))))
}

fn view(ctx: Ctx) -> Option<El> {
    let state = ctx.peek(|f| if let Step::ManualAccount(m) = f.step() { Some(m.clone()) } else { None }).flatten();
    Some(match state? {
        ManualAccountState::Menu(types) => menu(ctx, types),
        ManualAccountState::Form(form) => form_view(ctx, form.account_type, form.fields),
        ManualAccountState::Saved { name, .. } => el("div")
            .class("cw-step cw-center")
            .child(success_mark())
            .child(heading(&ctx.t(Key::ManualSavedTitle)))
            .child(el("p").text(&ctx.tf(Key::ManualSavedBody, &[("name", &name)])))
            .child(button(ctx, "cw-button cw-primary", &ctx.t(Key::CommonDone), Msg::Done)),
    })
}

fn menu(ctx: Ctx, types: Vec<AccountType>) -> El {
    let items: Vec<El> = types
        .into_iter()
        .map(|t| {
            el("li").child(
                el("button")
                    .attr("type", "button")
                    .class("cw-institution")
                    .on("click", move |_| ctx.send(Msg::Choose(t)))
                    .child(el("span").class("cw-institution-name").text(&ctx.t(t.name_key()))),
            )
        })
        .collect();
    step(&ctx.t(Key::ManualMenuTitle), Some(&ctx.t(Key::ManualAddHint)))
        .child(el("ul").class("cw-list").attr("role", "list").child(items))
}

/// The form's state, as the machine sees it.
fn form_state(ctx: &Ctx) -> Slice<ManualForm> {
    ctx.step_state(|step| match step {
        Step::ManualAccount(ManualAccountState::Form(form)) => Some(form),
        _ => None,
    })
}

fn form_view(ctx: Ctx, account_type: AccountType, fields: Vec<Field>) -> El {
    let state = form_state(&ctx);
    let saving = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.saving)));
    let failed = move || state.with(|s| s.as_ref().and_then(|s| s.failed.clone()));
    // What the user typed lives only in this form.
    let values: Vec<(Field, RwSignal<String>)> = fields.iter().map(|f| (*f, RwSignal::new(String::new()))).collect();
    let owner = RwSignal::new(Some("personal".to_string()));
    let typed = values.clone();
    let owners = vec![
        RadioChoice { value: "personal".into(), label: ctx.t(Key::ManualPersonal), image: None },
        RadioChoice { value: "business".into(), label: ctx.t(Key::ManualBusiness), image: None },
    ];
    let inputs: Vec<El> = values.into_iter().map(|(field, value)| field_input(ctx, field, value, state)).collect();
    let owners = Radios {
        name: ctx.dom_id("manual-owner"),
        legend: ctx.t(Key::ManualOwnerLegend),
        choices: owners,
        chosen: owner,
        error: String::new(),
        invalid: Reader::constant(false),
        disabled: saving.clone(),
        images: false,
    };
    step(&ctx.t(account_type.name_key()), Some(&ctx.t(Key::ManualFormIntro))).child(
        form(move || {
            let values = typed.iter().map(|(f, v)| (*f, v.get_untracked())).collect();
            let personal = owner.get_untracked().as_deref() != Some("business");
            ctx.send(Msg::Save { values, personal });
        })
        .child(inputs)
        .child(owners.build())
        .switch(failed, move |e| e.map(|e| alert(&ctx.t(e.message_key()))))
        .child(submit_button(ctx.t(Key::ManualSave), ctx.t(Key::ManualSaving), saving)),
    )
}

/// One field of the form, by its kind.
fn field_input(ctx: Ctx, field: Field, value: RwSignal<String>, state: Slice<ManualForm>) -> El {
    let label = ctx.t(field.label_key());
    let id = ctx.dom_id(&format!("manual-{}", field.api_name()));
    let problem =
        move || state.with(|s| s.as_ref().and_then(|s| s.invalid.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)));
    let invalid = Reader::derive(move || problem().is_some());
    let error_label = label.clone();
    let error = Reader::derive(move || {
        problem().map(|e| ctx.tf(e.message_key(), &[("label", &error_label)])).unwrap_or_default()
    });
    let disabled = Reader::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.saving)));
    let optional = (!field.required()).then(|| ctx.t(Key::CommonOptional));
    let select = |options: Vec<(String, String)>, hint: Option<String>| {
        Select {
            id: id.clone(),
            label: label.clone(),
            prompt: ctx.t(Key::ManualChoose),
            options,
            hint,
            error: error.clone(),
            invalid: invalid.clone(),
            disabled: disabled.clone(),
            value,
            required: true,
        }
        .build()
    };
    let inputmode = match field.input() {
        Input::PropertyType => {
            let options = PROPERTY_TYPES.iter().enumerate().map(|(i, key)| (i.to_string(), ctx.t(*key))).collect();
            return select(options, None);
        }
        Input::Day => {
            let days = (1..=31).map(|d: u8| (d.to_string(), d.to_string())).collect();
            return select(days, Some(ctx.t(Key::ManualDueDayHint)));
        }
        Input::Text => None,
        // A balance may be negative, and a phone's decimal keypad has no minus key.
        Input::Amount { signed: true } => None,
        Input::Amount { signed: false } | Input::Percent => Some("decimal"),
    };
    super::ui::Field {
        label_note: optional,
        error,
        required: field.required(),
        inputmode,
        autocomplete: "off",
        ..super::ui::Field::new(id, label, value, invalid, disabled)
    }
    .build()
}
