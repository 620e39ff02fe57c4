//! Disconnecting a member.

use crate::common::harness::*;
use connect_widget::flow::disconnect::Msg;
use connect_widget::flow::{outcomes, Action, Effect, Overlay};
use connect_widget::i18n::Key;
use serde_json::json;

fn at_closed() -> Harness {
    let mut h = Harness::to_connecting(member("CREATED", true));
    h.poll_answer(member("CLOSED", false));
    h.effects.clear();
    h
}

// Disconnect needs a reason, can fail and be retried, and ends on its own step.
#[test]
fn disconnect_member() {
    let mut h = at_closed();
    h.send(outcomes::Msg::Act(Action::Disconnect));
    assert!(matches!(h.flow.overlay, Some(Overlay::Disconnect(_))));
    h.effects.clear();
    h.send(Msg::Confirm { reason: None });
    assert!(!h.has_call("deleteMember"));
    assert!(h.effects.contains(&Effect::FocusFirstInvalid));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Disconnect(d)) if d.reason_missing));
    h.send(Msg::Confirm { reason: Some(Key::DisconnectReasonOther) });
    assert!(h.effects.contains(&Effect::Analytic {
        name: "connect_delete_member_reason",
        data: json!({"reason": "disconnect.reason.other", "widgetType": "isolated"})
    }));
    assert!(
        matches!(h.call("deleteMember").1, connect_widget::host::HostCall::DeleteMember { ref member } if member["guid"] == "MBR-1")
    );
    h.reply("deleteMember", Err(rejected(500, json!(null))));
    assert!(matches!(&h.flow.overlay, Some(Overlay::Disconnect(d)) if d.error.is_some() && !d.submitting));
    h.send(Msg::Confirm { reason: Some(Key::DisconnectReasonOther) });
    h.reply("deleteMember", Ok(json!(null)));
    assert_eq!(h.step(), "deleteMemberSuccess");
    assert_eq!(h.events()[0], ("connect/memberDeleted", json!({"member_guid": "MBR-1"})));
    h.effects.clear();
    h.send(outcomes::Msg::Done);
    assert_eq!(h.step(), "search");
}

// Escape / cancel / back closes the dialog and gives focus back to its opener.
#[test]
fn closing_the_dialog_restores_focus() {
    let mut h = at_closed();
    h.send(Msg::Open);
    assert_eq!(
        h.effects[..2],
        [
            Effect::SaveFocus,
            Effect::Pageview { path: "/connect/aggregation/delete_member/survey".into(), data: json!({}) }
        ]
    );
    h.effects.clear();
    h.send(connect_widget::flow::Msg::Back);
    assert_eq!(h.effects, vec![Effect::RestoreFocus], "focus goes back to the control that opened the dialog");
    assert!(h.flow.overlay.is_none());
    assert_eq!(h.step(), "actionableError");
    h.send(Msg::Open);
    h.effects.clear();
    h.send(Msg::Cancel);
    assert_eq!(h.effects, vec![Effect::RestoreFocus]);
}

// A late deleteMember answer after the dialog closed is ignored.
#[test]
fn answer_after_cancel_is_ignored() {
    let mut h = at_closed();
    h.send(Msg::Open);
    h.send(Msg::Confirm { reason: Some(Key::DisconnectReasonNotMine) });
    let (token, _) = h.call("deleteMember");
    h.send(Msg::Cancel);
    h.effects.clear();
    h.send(connect_widget::flow::Msg::HostAnswered { token, result: Ok(json!(null)) });
    assert!(h.effects.is_empty());
    assert_eq!(h.step(), "actionableError");
}

// Members the user does not manage cannot be disconnected here.
#[test]
fn unmanaged_members_offer_no_disconnect() {
    let mut h = Harness::to_connecting(member("CREATED", true));
    let mut closed = member("CLOSED", false);
    closed["is_managed_by_user"] = json!(false);
    h.poll_answer(closed);
    assert!(!h.flow.allowed().disconnect);
    h.effects.clear();
    h.send(Msg::Open);
    assert!(h.flow.overlay.is_none() && h.effects.is_empty());
}
