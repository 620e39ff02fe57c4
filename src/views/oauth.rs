//! OAuth instructions: where the user is going and what happens next (the
//! institution's own instructions when it has them, as text and safe links),
//! then one "Go to <bank>" button whose click opens the window.

use super::dom::{el, El};
use super::ui::{alert, button, heading, host_text, institution_banner, spinner};
use super::Ctx;
use crate::flow::oauth::{Msg, Prepare, StartFailure};
use crate::flow::Step;
use crate::i18n::Key;
use crate::model::rich_text::{self, Segment};

pub fn oauth_step(ctx: Ctx) -> El {
    let state = ctx.step_state(|step| if let Step::OAuth(s) = step { Some(s) } else { None });
    let prepare = move || state.with(|s| s.as_ref().map(|s| s.prepare.clone()));
    let name = ctx.institution_name();
    let n = [("name", name.as_str())];
    let institution = ctx.institution().unwrap_or_default();
    let title = institution
        .instructional_title
        .as_deref()
        .map(rich_text::plain)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| ctx.tf(Key::OAuthTitle, &n));
    let reason = state.with_untracked(|s| s.as_ref().and_then(|s| s.reason)).map(|_| ctx.tf(Key::OAuthReauthorize, &n));
    let new_tab = ctx.t(Key::CommonNewTab);
    let description = institution.instructional_text.as_deref().map(rich_text::parse).filter(|s| !s.is_empty());
    let steps: Vec<Vec<Segment>> = match institution
        .instructional_steps
        .iter()
        .map(|s| rich_text::parse(s))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
    {
        steps if !steps.is_empty() => steps,
        _ => vec![vec![Segment::Text(ctx.tf(Key::OAuthStepGo, &n))], vec![Segment::Text(ctx.t(Key::OAuthStepReturn))]],
    };
    let host_opens = ctx.peek(|f| f.config.host_opens_oauth()).unwrap_or(false);
    let go_label = ctx.tf(Key::OAuthGo, &n);
    let preparing = ctx.tf(Key::OAuthPreparing, &n);
    let unsafe_url = ctx.tf(Key::OAuthUnsafeUrl, &n);
    let tab_note = new_tab.clone();
    let action = move |prepare: Option<Prepare>| match prepare {
        Some(Prepare::Ready { .. }) => button(ctx, "cw-button cw-primary", &go_label, Msg::Go)
            .child((!host_opens).then(|| el("span").class("cw-sr").text(" ").text(&tab_note))),
        Some(Prepare::Failed(failure)) => {
            let message = match failure {
                StartFailure::Host(error) => ctx.t(error.message_key()),
                StartFailure::UnsafeUrl => unsafe_url.clone(),
            };
            el("div")
                .class("cw-notice")
                .child(alert(&message))
                .child(super::oauth_error::retry_or_another(ctx, Msg::RetryStart))
        }
        Some(Prepare::Preparing) | None => spinner(&preparing),
    };
    let steps: Vec<El> = steps.into_iter().map(|segments| el("li").child(host_text(segments, &new_tab))).collect();
    el("div")
        .class("cw-step cw-oauth")
        .child(institution_banner(ctx))
        .child(heading(&title))
        .child(reason.map(|r| el("p").class("cw-notice cw-warning").text(&r)))
        .child(el("p").class("cw-muted").text(&ctx.tf(Key::OAuthIntro, &n)))
        .child(description.map(|segments| el("p").class("cw-oauth-text").child(host_text(segments, &new_tab))))
        .child(el("ol").class("cw-oauth-steps").child(steps))
        .switch(prepare, action)
}
