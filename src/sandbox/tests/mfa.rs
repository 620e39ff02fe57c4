//! Multi-factor challenges: each kind reachable, answerable, rejectable, and expiring.

use super::*;

#[test]
fn answering_challenge_asks_a_second_token_question_then_connects() {
    // Why: the aggregator's test credentials document the two-round MFA path ("challenge" then "correct").
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "challenge");
    let m = h.settled(&m.guid);
    assert_eq!(m.mfa.len(), 1);
    assert_eq!(m.mfa[0].field_type, field_type::TEXT);
    assert_eq!(m.raw["mfa"]["credentials"][0]["type"], "TEXT");
    let first_question = m.mfa[0].guid.clone();

    let resumed = h.answer(&m, "challenge");
    assert_eq!(state(&resumed), (Some(S::Resumed), true));
    assert!(resumed.mfa.is_empty(), "no question while resumed");
    assert_eq!(resumed.most_recent_job_guid, m.most_recent_job_guid, "answering resumes the same job");

    let second = h.settled(&m.guid);
    assert_eq!(state(&second), (Some(S::Challenged), true));
    assert_eq!(second.mfa.len(), 1);
    assert_eq!(second.mfa[0].field_type, field_type::TOKEN);
    assert_ne!(second.mfa[0].guid, first_question, "a new question has a new guid");

    h.answer(&second, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn a_wrong_answer_rejects_and_run_job_challenges_again() {
    // Why: REJECTED's "Try again" must lead back to a question, as with a real bank.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "challenge");
    let m = h.settled(&m.guid);
    h.answer(&m, "Paris");
    let rejected = h.settled(&m.guid);
    assert_eq!(state(&rejected), (Some(S::Rejected), false));
    assert!(rejected.mfa.is_empty());

    let job = h.run_job(&m.guid);
    assert!(matches!(&job, Ok(v) if v["status"] == S::Resumed.code() && v["job_guid"].is_string()), "{job:?}");
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Resumed), true));
    let again = h.settled(&m.guid);
    assert_eq!(state(&again), (Some(S::Challenged), true));
    assert_eq!(again.mfa[0].field_type, field_type::TEXT);
    assert_ne!(again.mfa[0].guid, m.mfa[0].guid);
    // An answer to the old question is not an answer to the new one.
    let stale = HostCall::UpdateMfa {
        member: again.raw.clone(),
        credentials: vec![CredentialValue { guid: m.mfa[0].guid.clone(), value: Some(Secret::new("correct")) }],
    };
    assert_eq!(h.rejected(&stale).0, Some(400));
    h.answer(&again, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn options_image_and_account_challenges_connect_on_the_right_choice() {
    // Why: each MFA screen (options, image, image options, account selection) must be reachable and passable.
    let mut h = harness();
    // Options: "correct" connects, another choice rejects.
    let m = h.add("mxbank", "test_atrium_1", "options");
    let m = h.settled(&m.guid);
    let labels: Vec<&str> = m.mfa[0].options.iter().map(|o| o.label.as_str()).collect();
    assert!(labels.contains(&"correct") && labels.len() >= 3, "{labels:?}");
    assert!(m.mfa[0].options.iter().all(|o| o.credential_guid.as_deref() == Some(m.mfa[0].guid.as_str())));
    h.choose(&m, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    let m = h.add("mxbank", "test_atrium_2", "options");
    let m = h.settled(&m.guid);
    h.choose(&m, "wrong");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Rejected), false));

    // Image: a valid inline PNG and a text answer.
    let m = h.add("mxbank", "test_atrium_3", "image");
    let m = h.settled(&m.guid);
    let image = m.mfa[0].image_data.clone().unwrap_or_default();
    assert!(crate::sandbox::image::tests::check_png(&image).is_ok(), "{image}");
    h.answer(&m, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));

    // Image options: every option has a picture; the one labelled correct connects.
    let m = h.add("mxbank", "test_atrium_4", "image_options");
    let m = h.settled(&m.guid);
    assert!(m.mfa[0].options.len() >= 3);
    for option in &m.mfa[0].options {
        let uri = option.data_uri.clone().unwrap_or_default();
        assert!(crate::sandbox::image::tests::check_png(&uri).is_ok(), "{}", option.label);
    }
    h.choose(&m, "correct");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
    let m = h.add("mxbank", "test_atrium_5", "image_options");
    let m = h.settled(&m.guid);
    h.choose(&m, "incorrect");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Rejected), false));

    // Single account selection: any account connects.
    let m = h.add("mxbank", "test_atrium_6", "account_select");
    let m = h.settled(&m.guid);
    assert!(m.mfa[0].is_single_account_select());
    let second_account = m.mfa[0].options.get(1).map(|o| o.label.clone()).unwrap_or_default();
    h.choose(&m, &second_account);
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Connected), false));
}

#[test]
fn an_unanswered_challenge_expires() {
    // Why: EXPIRED has its own screen; a challenge left alone must get there.
    let mut h = harness();
    let m = h.add("mxbank", "test_atrium", "challenge");
    h.advance(AGG + MFA_TIMEOUT - 1.0);
    assert_eq!(state(&h.load(&m.guid)), (Some(S::Challenged), true));
    h.advance(1.0);
    let expired = h.load(&m.guid);
    assert_eq!(state(&expired), (Some(S::Expired), false));
    assert!(expired.mfa.is_empty());
    let late = HostCall::UpdateMfa { member: expired.raw.clone(), credentials: vec![] };
    assert_eq!(h.rejected(&late).0, Some(409), "no open challenge to answer");
    assert!(h.run_job(&m.guid).is_ok(), "an expired member can be aggregated again");
    assert_eq!(state(&h.settled(&m.guid)), (Some(S::Challenged), true));
}
