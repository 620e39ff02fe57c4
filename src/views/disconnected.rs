//! The member was deleted.

use super::ui::Heading;
use super::Ctx;
use crate::flow::outcomes::Msg;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn DisconnectedStep(ctx: Ctx) -> impl IntoView {
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    view! {
        <div class="cw-step cw-center">
            <Heading text=ctx.tf(Key::DisconnectedTitle, &n) />
            <p>{ctx.tf(Key::DisconnectedBody, &n)}</p>
            <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Done)>{ctx.t(Key::CommonDone)}</button>
        </div>
    }
}
