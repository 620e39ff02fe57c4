//! A manual account: the type menu, the form with the chosen type's fields,
//! and the saved account.

use super::ui::{Alert, Heading, RadioChoice, RadioGroup, SelectField, SubmitButton, TextField};
use super::Ctx;
use crate::flow::manual_account::{AccountType, Field, Input, Msg, PROPERTY_TYPES};
use crate::flow::{ManualAccountState, ManualForm, Step};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn ManualAccountStep(ctx: Ctx) -> impl IntoView {
    // The saved account replaces the form on the same stack level: rebuild
    // when the kind of view changes, not on every keystroke's state.
    let kind = ctx.step_memo(|step| match step {
        Step::ManualAccount(m) => Some(std::mem::discriminant(m)),
        _ => None,
    });
    move || kind.get().map(|_| view(ctx))
}

fn view(ctx: Ctx) -> AnyView {
    let state = ctx.peek(|f| if let Step::ManualAccount(m) = f.step() { Some(m.clone()) } else { None }).flatten();
    match state {
        Some(ManualAccountState::Menu(types)) => view! { <Menu ctx=ctx types=types /> }.into_any(),
        Some(ManualAccountState::Form(form)) => view! { <Form ctx=ctx account_type=form.account_type fields=form.fields /> }.into_any(),
        Some(ManualAccountState::Saved { name, .. }) => view! {
            <div class="cw-step cw-center">
                <div class="cw-success-mark" aria-hidden="true">"✓"</div>
                <Heading text=ctx.t(Key::ManualSavedTitle) />
                <p>{ctx.tf(Key::ManualSavedBody, &[("name", &name)])}</p>
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Done)>{ctx.t(Key::CommonDone)}</button>
            </div>
        }
        .into_any(),
        None => ().into_any(),
    }
}

#[component]
fn Menu(ctx: Ctx, types: Vec<AccountType>) -> impl IntoView {
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(Key::ManualMenuTitle) />
            <p class="cw-muted">{ctx.t(Key::ManualAddHint)}</p>
            <ul class="cw-list" role="list">
                {types.into_iter().map(|t| view! {
                    <li><button type="button" class="cw-institution" on:click=move |_| ctx.send(Msg::Choose(t))>
                        <span class="cw-institution-name">{ctx.t(t.name_key())}</span>
                    </button></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The form's state, as the machine sees it.
fn form_state(ctx: &Ctx) -> Memo<Option<ManualForm>> {
    ctx.step_memo(|step| match step {
        Step::ManualAccount(ManualAccountState::Form(form)) => Some(form.clone()),
        _ => None,
    })
}

#[component]
fn Form(ctx: Ctx, account_type: AccountType, fields: Vec<Field>) -> impl IntoView {
    let state = form_state(&ctx);
    let saving = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.saving)));
    let failed = move || state.with(|s| s.as_ref().and_then(|s| s.failed.clone()));
    // What the user typed lives only in this form.
    let values: Vec<(Field, RwSignal<String>)> = fields.iter().map(|f| (*f, RwSignal::new(String::new()))).collect();
    let owner = RwSignal::new(Some("personal".to_string()));
    let typed = values.clone();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let values = typed.iter().map(|(f, v)| (*f, v.get_untracked())).collect();
        let personal = owner.get_untracked().as_deref() != Some("business");
        ctx.send(Msg::Save { values, personal });
    };
    let owners = vec![
        RadioChoice { value: "personal".into(), label: ctx.t(Key::ManualPersonal), image: None },
        RadioChoice { value: "business".into(), label: ctx.t(Key::ManualBusiness), image: None },
    ];
    view! {
        <div class="cw-step">
            <Heading text=ctx.t(account_type.name_key()) />
            <p class="cw-muted">{ctx.t(Key::ManualFormIntro)}</p>
            <form class="cw-form" novalidate="" on:submit=on_submit>
                {values.into_iter().map(|(field, value)| view! { <FieldInput ctx=ctx field=field value=value state=state /> }).collect_view()}
                <RadioGroup name=ctx.dom_id("manual-owner") legend=ctx.t(Key::ManualOwnerLegend) choices=owners chosen=owner
                    error=String::new() invalid=false disabled=saving />
                {move || failed().map(|e| view! { <Alert text=ctx.t(e.message_key()) /> })}
                <SubmitButton label=ctx.t(Key::ManualSave) busy_label=ctx.t(Key::ManualSaving) busy=saving />
            </form>
        </div>
    }
}

/// One field of the form, by its kind.
#[component]
fn FieldInput(ctx: Ctx, field: Field, value: RwSignal<String>, state: Memo<Option<ManualForm>>) -> impl IntoView {
    let label = ctx.t(field.label_key());
    let id = ctx.dom_id(&format!("manual-{}", field.api_name()));
    let problem =
        move || state.with(|s| s.as_ref().and_then(|s| s.invalid.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)));
    let invalid = Signal::derive(move || problem().is_some());
    let error_label = label.clone();
    let error = Signal::derive(move || {
        problem().map(|e| ctx.tf(e.message_key(), &[("label", &error_label)])).unwrap_or_default()
    });
    let disabled = Signal::derive(move || state.with(|s| s.as_ref().is_some_and(|s| s.saving)));
    let optional = (!field.required()).then(|| ctx.t(Key::CommonOptional));
    match field.input() {
        Input::PropertyType => {
            let options = PROPERTY_TYPES.iter().enumerate().map(|(i, key)| (i.to_string(), ctx.t(*key))).collect();
            view! {
                <SelectField id=id label=label prompt=ctx.t(Key::ManualChoose) options=options
                    error=error invalid=invalid disabled=disabled value=value />
            }
            .into_any()
        }
        Input::Day => {
            let days = (1..=31).map(|d: u8| (d.to_string(), d.to_string())).collect();
            view! {
                <SelectField id=id label=label prompt=ctx.t(Key::ManualChoose) options=days hint=Some(ctx.t(Key::ManualDueDayHint))
                    error=error invalid=invalid disabled=disabled value=value />
            }
            .into_any()
        }
        Input::Text => view! {
            <TextField id=id label=label label_note=optional error=error invalid=invalid disabled=disabled value=value
                required=field.required() autocomplete="off" />
        }
        .into_any(),
        // A balance may be negative, and a phone's decimal keypad has no minus key.
        Input::Amount { signed: true } => view! {
            <TextField id=id label=label label_note=optional error=error invalid=invalid disabled=disabled value=value
                required=field.required() autocomplete="off" />
        }
        .into_any(),
        Input::Amount { signed: false } | Input::Percent => view! {
            <TextField id=id label=label label_note=optional error=error invalid=invalid disabled=disabled value=value
                required=field.required() inputmode="decimal" autocomplete="off" />
        }
        .into_any(),
    }
}
