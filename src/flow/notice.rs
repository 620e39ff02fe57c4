//! The partner's optional callbacks besides the listeners: what the widget
//! tells them, as data. The runtime calls the function the partner passed
//! under `callback_name()` with `args()`; a missing one is skipped.

use serde_json::{json, Value};

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// `onManualAccountAdded()`: a manual account was saved.
    ManualAccountAdded,
    /// `onShowConnectSuccessSurvey()`: the user opened the feedback survey.
    ShowSurvey,
    /// `onSubmitConnectSuccessSurvey(answers)`: `{0: "1"…"5", 1: "1"…"5", 2: text}`.
    SubmitSurvey(Value),
    /// `onSuccessfulAggregation(member)`: the connected step is shown.
    SuccessfulAggregation(Value),
    /// `onMemberDeleted(member_guid)`.
    MemberDeleted(String),
    /// `onUpsertMember(member)`: the host answered with a new or changed member.
    UpsertMember(Value),
}

impl Notice {
    /// Every callback name, for `mount` to read.
    pub const CALLBACKS: [&'static str; 6] = [
        "onManualAccountAdded",
        "onShowConnectSuccessSurvey",
        "onSubmitConnectSuccessSurvey",
        "onSuccessfulAggregation",
        "onMemberDeleted",
        "onUpsertMember",
    ];

    pub fn callback_name(&self) -> &'static str {
        match self {
            Notice::ManualAccountAdded => "onManualAccountAdded",
            Notice::ShowSurvey => "onShowConnectSuccessSurvey",
            Notice::SubmitSurvey(_) => "onSubmitConnectSuccessSurvey",
            Notice::SuccessfulAggregation(_) => "onSuccessfulAggregation",
            Notice::MemberDeleted(_) => "onMemberDeleted",
            Notice::UpsertMember(_) => "onUpsertMember",
        }
    }

    /// The arguments, as MX's widget passes them.
    pub fn args(&self) -> Vec<Value> {
        match self {
            Notice::ManualAccountAdded | Notice::ShowSurvey => Vec::new(),
            Notice::SubmitSurvey(answers) => vec![answers.clone()],
            Notice::SuccessfulAggregation(member) | Notice::UpsertMember(member) => vec![member.clone()],
            Notice::MemberDeleted(guid) => vec![json!(guid)],
        }
    }
}
