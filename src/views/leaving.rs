//! The notice before another site opens (`show_external_link_popup`).

use super::ui::ModalDialog;
use super::Ctx;
use crate::flow::external::Msg;
use crate::flow::Overlay;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn LeavingDialog(ctx: Ctx) -> impl IntoView {
    let url = ctx.peek(|f| if let Some(Overlay::Leaving { url }) = &f.overlay { Some(url.clone()) } else { None });
    // The site by its host name ("bank.example"), as the user will see it.
    let site = url.flatten().and_then(|url| crate::model::display_host(&url)).unwrap_or_default();
    view! {
        <ModalDialog title_id=ctx.dom_id("leaving-title") title=ctx.t(Key::LeavingTitle)
            on_close=Callback::new(move |()| ctx.send(Msg::Cancel))>
            <p>{ctx.tf(Key::LeavingBody, &[("site", &site)])}</p>
            <div class="cw-actions">
                <button type="button" class="cw-button cw-primary" on:click=move |_| ctx.send(Msg::Continue)>
                    {ctx.tf(Key::LeavingContinue, &[("site", &site)])}
                </button>
                <button type="button" class="cw-button cw-secondary" on:click=move |_| ctx.send(Msg::Cancel)>{ctx.t(Key::CommonCancel)}</button>
            </div>
        </ModalDialog>
    }
}
