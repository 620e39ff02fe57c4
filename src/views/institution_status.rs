//! The chosen institution cannot be connected now: said before any credentials.

use super::ui::{Heading, InstitutionBanner};
use super::Ctx;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn InstitutionStatusStep(ctx: Ctx) -> impl IntoView {
    let name = ctx.institution_name();
    let search = ctx.peek(|f| f.allowed().search).unwrap_or(false);
    view! {
        <div class="cw-step">
            <InstitutionBanner ctx=ctx />
            <Heading text=ctx.tf(Key::InstitutionUnavailableTitle, &[("name", &name)]) />
            <p>{ctx.t(Key::InstitutionUnavailableBody)}</p>
            {search.then(|| view! {
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(crate::flow::Msg::Back)>{ctx.t(Key::InstitutionChooseAnother)}</button>
            })}
        </div>
    }
}
