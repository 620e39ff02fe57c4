//! Where a member's state sends the user: one pure function, so every status
//! 0–21 and every actionable error code is routed in one place.

use crate::i18n::Key;
use crate::model::{ActionableCode, ConnectionStatus, Member, Mode};

/// The next place for a polled or loaded member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Still aggregating: keep polling.
    Poll,
    /// Questions to answer.
    Mfa,
    /// Done, data aggregated.
    Connected,
    /// The credentials must be entered again (`getMemberCredentials` + `updateMember`).
    UpdateCredentials,
    /// An end state explained on the login-error screen.
    LoginError(Option<ConnectionStatus>),
    /// An actionable error code with its own screen.
    Actionable(ActionableCode),
}

/// Which actionable code, if any, this member carries in this mode.
/// Code 1000 (no eligible accounts) only matters when verifying accounts.
pub fn actionable_code(member: &Member, mode: Mode) -> Option<ActionableCode> {
    let code = ActionableCode::from_code(member.error_code()?)?;
    match code {
        ActionableCode::NoEligibleAccounts if mode != Mode::Verification => None,
        code => Some(code),
    }
}

/// Route a member by its status and error code (docs/decisions.md, "Status routing").
pub fn route(member: &Member, mode: Mode) -> Route {
    use ConnectionStatus::*;
    let status = member.connection_status;
    if status == Some(Challenged) {
        return if member.mfa.is_empty() { Route::LoginError(status) } else { Route::Mfa };
    }
    if status.is_some_and(ConnectionStatus::is_processing) || member.is_being_aggregated {
        return Route::Poll;
    }
    if let Some(code) = actionable_code(member, mode) {
        return match code {
            ActionableCode::IncorrectOtp | ActionableCode::IncorrectMfa | ActionableCode::MfaTimeout => {
                if member.mfa.is_empty() {
                    Route::LoginError(status)
                } else {
                    Route::Mfa
                }
            }
            ActionableCode::ReauthorizationRequired | ActionableCode::InvalidCredentials => Route::UpdateCredentials,
            code => Route::Actionable(code),
        };
    }
    match status {
        Some(Connected) => Route::Connected,
        Some(Prevented | Denied | Impaired | Imported | Pending) => Route::UpdateCredentials,
        other => Route::LoginError(other),
    }
}

/// What the user can do from a login-error or actionable-error screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Run the aggregation again (`runJob`, then poll).
    TryAgain,
    /// Enter the credentials again.
    UpdateCredentials,
    /// Open the institution's website in a new tab.
    VisitWebsite,
    /// Back to institution search.
    TryAnotherInstitution,
    /// The support request form.
    GetHelp,
    /// Delete the member (with confirmation).
    Disconnect,
}

impl Action {
    /// i18n key of the button that offers this action (`{name}`: the institution).
    pub fn label_key(self) -> Key {
        match self {
            Action::TryAgain => Key::StatusActionTryAgain,
            Action::UpdateCredentials => Key::StatusActionUpdateCredentials,
            Action::VisitWebsite => Key::StatusActionVisitWebsite,
            Action::TryAnotherInstitution => Key::StatusActionTryAnother,
            Action::GetHelp => Key::StatusActionGetHelp,
            Action::Disconnect => Key::StatusActionDisconnect,
        }
    }
}

/// Title, message and actions of an error screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorScreen {
    pub title: Key,
    pub message: Key,
    /// The first is the primary action.
    pub actions: Vec<Action>,
}

/// What the surroundings allow: a missing callback or config hides an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allowed {
    pub search: bool,
    pub support: bool,
    pub website: bool,
    pub disconnect: bool,
}

impl Allowed {
    /// Nothing beyond trying again (before the state can be read).
    pub const NOTHING: Allowed = Allowed { search: false, support: false, website: false, disconnect: false };

    fn filter(self, actions: &[Action]) -> Vec<Action> {
        actions
            .iter()
            .copied()
            .filter(|a| match a {
                Action::TryAnotherInstitution => self.search,
                Action::GetHelp => self.support,
                Action::VisitWebsite => self.website,
                Action::Disconnect => self.disconnect,
                Action::TryAgain | Action::UpdateCredentials => true,
            })
            .collect()
    }
}

/// The login-error screen for an end status (the aggregator's meanings, our words).
pub fn login_error_screen(status: Option<ConnectionStatus>, allowed: Allowed) -> ErrorScreen {
    use Action::*;
    use ConnectionStatus::*;
    let (title, message, actions): (Key, Key, &[Action]) = match status {
        Some(Rejected) => {
            (Key::StatusRejectedTitle, Key::StatusRejectedBody, &[TryAgain, TryAnotherInstitution, GetHelp, Disconnect])
        }
        Some(Expired) => (Key::StatusExpiredTitle, Key::StatusExpiredBody, &[TryAgain, GetHelp, TryAnotherInstitution]),
        Some(Locked) => {
            (Key::StatusLockedTitle, Key::StatusLockedBody, &[VisitWebsite, GetHelp, TryAnotherInstitution, Disconnect])
        }
        Some(Impeded) => {
            (Key::StatusImpededTitle, Key::StatusImpededBody, &[VisitWebsite, TryAgain, GetHelp, Disconnect])
        }
        Some(Degraded) => {
            (Key::StatusDegradedTitle, Key::StatusDegradedBody, &[TryAgain, TryAnotherInstitution, GetHelp, Disconnect])
        }
        Some(Disconnected) => (
            Key::StatusDisconnectedTitle,
            Key::StatusDisconnectedBody,
            &[TryAgain, GetHelp, TryAnotherInstitution, Disconnect],
        ),
        Some(Discontinued) => {
            (Key::StatusDiscontinuedTitle, Key::StatusDiscontinuedBody, &[TryAnotherInstitution, Disconnect, GetHelp])
        }
        Some(Closed) => {
            (Key::StatusClosedTitle, Key::StatusClosedBody, &[TryAnotherInstitution, VisitWebsite, Disconnect])
        }
        Some(Delayed) => (Key::StatusDelayedTitle, Key::StatusDelayedBody, &[TryAgain, TryAnotherInstitution, GetHelp]),
        Some(Failed) => (
            Key::StatusFailedTitle,
            Key::StatusFailedBody,
            &[TryAgain, VisitWebsite, GetHelp, TryAnotherInstitution, Disconnect],
        ),
        Some(Disabled) => {
            (Key::StatusDisabledTitle, Key::StatusDisabledBody, &[GetHelp, TryAnotherInstitution, Disconnect])
        }
        Some(Prevented | Denied | Impaired | Imported) => {
            (Key::StatusCredentialsTitle, Key::StatusCredentialsBody, &[UpdateCredentials, GetHelp, Disconnect])
        }
        _ => (Key::StatusUnknownTitle, Key::StatusUnknownBody, &[TryAgain, GetHelp, TryAnotherInstitution]),
    };
    let mut actions = allowed.filter(actions);
    if actions.is_empty() {
        // Never leave the user without a way forward.
        actions.push(TryAgain);
    }
    ErrorScreen { title, message, actions }
}

/// The screen for an actionable error code.
pub fn actionable_screen(code: ActionableCode, allowed: Allowed) -> ErrorScreen {
    use Action::*;
    use ActionableCode as C;
    let (title, message, actions): (Key, Key, &[Action]) = match code {
        C::NoEligibleAccounts => (Key::Code1000Title, Key::Code1000Body, &[UpdateCredentials, TryAnotherInstitution]),
        C::NoAccounts => (Key::Code1001Title, Key::Code1001Body, &[TryAnotherInstitution, TryAgain, GetHelp]),
        C::AccessDenied => {
            (Key::Code1002Title, Key::Code1002Body, &[UpdateCredentials, TryAnotherInstitution, GetHelp])
        }
        C::InstitutionDown => (Key::Code3000Title, Key::Code3000Body, &[TryAgain, TryAnotherInstitution]),
        C::InstitutionMaintenance => (Key::Code3001Title, Key::Code3001Body, &[TryAgain, TryAnotherInstitution]),
        C::InstitutionUnavailable => (Key::Code3002Title, Key::Code3002Body, &[TryAnotherInstitution, TryAgain]),
        // 2001–2005 are routed to MFA or credentials; this is a fallback only.
        _ => (Key::StatusUnknownTitle, Key::StatusUnknownBody, &[TryAgain, GetHelp, TryAnotherInstitution]),
    };
    let mut actions = allowed.filter(actions);
    if actions.is_empty() {
        actions.push(TryAgain);
    }
    ErrorScreen { title, message, actions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MfaCredential;
    use ConnectionStatus::*;

    fn member(status: ConnectionStatus, aggregating: bool) -> Member {
        Member {
            guid: "MBR-1".into(),
            connection_status: Some(status),
            is_being_aggregated: aggregating,
            ..Default::default()
        }
    }

    fn challenged() -> Member {
        let mut m = member(Challenged, true);
        m.mfa = vec![MfaCredential { guid: "CRD-1".into(), label: "Q".into(), ..Default::default() }];
        m
    }

    fn with_code(mut m: Member, code: i64) -> Member {
        m.error = Some(crate::model::MemberError { error_code: Some(code), user_message: None });
        m
    }

    const ALL_ALLOWED: Allowed = Allowed { search: true, support: true, website: true, disconnect: true };

    // Every status 0–21 leads to the right place. One row per status.
    #[test]
    fn every_connection_status_routes_where_the_aggregator_says() {
        let expected = [
            (Created, Route::Poll),
            (Prevented, Route::UpdateCredentials),
            (Denied, Route::UpdateCredentials),
            (Challenged, Route::Mfa),
            (Rejected, Route::LoginError(Some(Rejected))),
            (Locked, Route::LoginError(Some(Locked))),
            (Connected, Route::Connected),
            (Impeded, Route::LoginError(Some(Impeded))),
            (Reconnected, Route::Poll),
            (Degraded, Route::LoginError(Some(Degraded))),
            (Disconnected, Route::LoginError(Some(Disconnected))),
            (Discontinued, Route::LoginError(Some(Discontinued))),
            (Closed, Route::LoginError(Some(Closed))),
            (Delayed, Route::LoginError(Some(Delayed))),
            (Failed, Route::LoginError(Some(Failed))),
            (Updated, Route::Poll),
            (Disabled, Route::LoginError(Some(Disabled))),
            (Imported, Route::UpdateCredentials),
            (Resumed, Route::Poll),
            (Expired, Route::LoginError(Some(Expired))),
            (Impaired, Route::UpdateCredentials),
            (Pending, Route::UpdateCredentials),
        ];
        assert_eq!(expected.len(), 22);
        for (status, route_to) in expected {
            let m = if status == Challenged { challenged() } else { member(status, false) };
            assert_eq!(route(&m, Mode::Aggregation), route_to, "status {status:?}");
        }
    }

    // A CONNECTED member still aggregating is syncing: keep polling.
    #[test]
    fn connected_but_aggregating_keeps_polling() {
        assert_eq!(route(&member(Connected, true), Mode::Aggregation), Route::Poll);
    }

    // A CHALLENGED member without questions cannot be answered: explain instead of a blank MFA form.
    #[test]
    fn challenged_without_questions_is_an_error_screen() {
        assert_eq!(route(&member(Challenged, false), Mode::Aggregation), Route::LoginError(Some(Challenged)));
    }

    // Each actionable code has its place; 1000 only in verification mode.
    #[test]
    fn actionable_codes_route_by_code_and_mode() {
        let connected = member(Connected, false);
        assert_eq!(route(&with_code(connected.clone(), 1000), Mode::Aggregation), Route::Connected);
        assert_eq!(
            route(&with_code(connected.clone(), 1000), Mode::Verification),
            Route::Actionable(ActionableCode::NoEligibleAccounts)
        );
        for (code, c) in [
            (1001, ActionableCode::NoAccounts),
            (1002, ActionableCode::AccessDenied),
            (3000, ActionableCode::InstitutionDown),
            (3001, ActionableCode::InstitutionMaintenance),
            (3002, ActionableCode::InstitutionUnavailable),
        ] {
            assert_eq!(route(&with_code(member(Failed, false), code), Mode::Aggregation), Route::Actionable(c));
        }
        for code in [2001, 2002, 2003] {
            let mut m = with_code(member(Rejected, false), code);
            assert_eq!(route(&m, Mode::Aggregation), Route::LoginError(Some(Rejected)), "no questions to show");
            m.mfa = challenged().mfa;
            assert_eq!(route(&m, Mode::Aggregation), Route::Mfa);
        }
        for code in [2004, 2005] {
            assert_eq!(route(&with_code(member(Failed, false), code), Mode::Aggregation), Route::UpdateCredentials);
        }
        assert_eq!(route(&with_code(member(Failed, false), 9999), Mode::Aggregation), Route::LoginError(Some(Failed)));
    }

    // Each error screen offers a way forward, and only the ways that exist here.
    #[test]
    fn error_screens_filter_actions_but_never_leave_none() {
        for status in ConnectionStatus::ALL {
            let s = login_error_screen(Some(status), ALL_ALLOWED);
            assert!(!s.actions.is_empty());
            let none = Allowed { search: false, support: false, website: false, disconnect: false };
            let s = login_error_screen(Some(status), none);
            assert!(!s.actions.is_empty());
            assert!(!s.actions.contains(&Action::GetHelp) && !s.actions.contains(&Action::TryAnotherInstitution));
        }
        assert_eq!(login_error_screen(Some(Locked), ALL_ALLOWED).actions[0], Action::VisitWebsite);
        assert_eq!(login_error_screen(Some(Rejected), ALL_ALLOWED).actions[0], Action::TryAgain);
        assert_eq!(
            actionable_screen(ActionableCode::NoEligibleAccounts, ALL_ALLOWED).actions,
            vec![Action::UpdateCredentials, Action::TryAnotherInstitution]
        );
    }
}
