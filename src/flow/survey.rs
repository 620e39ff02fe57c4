//! The success survey, offered on the connected step when the partner
//! passes `onShowConnectSuccessSurvey`: two required ratings and an optional
//! comment, handed to `onSubmitConnectSuccessSurvey` in MX's shape.

use super::{Effect, Flow, Notice, Overlay, Step};
use serde_json::json;

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Give feedback".
    Open,
    /// The answers: each rating 1 (strongly disagree) to 5 (strongly agree).
    Submit { easy: Option<u8>, met_needs: Option<u8>, comment: String },
    /// Close the survey (after sending, or instead of it).
    Close,
}

/// A required rating left unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    Easy,
    MetNeeds,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SurveyState {
    pub unanswered: Vec<Question>,
    pub sent: bool,
}

impl Flow {
    pub(super) fn on_survey_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Open => {
                if self.env.partner.survey && self.overlay.is_none() && matches!(self.step(), Step::Connected) {
                    fx.push(Effect::Notify(Notice::ShowSurvey));
                    self.overlay = Some(Overlay::Survey(SurveyState::default()));
                    self.sub_view_changed(fx);
                }
            }
            Msg::Submit { easy, met_needs, comment } => {
                let Some(Overlay::Survey(s)) = &mut self.overlay else { return };
                if s.sent {
                    return;
                }
                let valid = |r: Option<u8>| r.filter(|n| (1..=5).contains(n));
                s.unanswered = [(Question::Easy, valid(easy)), (Question::MetNeeds, valid(met_needs))]
                    .into_iter()
                    .filter_map(|(q, r)| r.is_none().then_some(q))
                    .collect();
                match (valid(easy), valid(met_needs)) {
                    (Some(easy), Some(needs)) => {
                        s.sent = true;
                        let answers = json!({"0": easy.to_string(), "1": needs.to_string(), "2": comment.trim()});
                        fx.push(Effect::Notify(Notice::SubmitSurvey(answers)));
                        self.sub_view_changed(fx);
                    }
                    _ => fx.push(Effect::FocusFirstInvalid),
                }
            }
            Msg::Close => self.close_overlay(fx),
        }
    }
}
