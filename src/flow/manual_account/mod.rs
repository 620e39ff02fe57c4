//! Manual accounts (`widgetProfile.enable_manual_accounts`, aggregation):
//! the account type menu, the form with the fields of the chosen type,
//! `createAccount`, and the success screen. Each is a `Step::ManualAccount`
//! placed on the stack, so back goes form → menu → search.

mod kind;

pub use kind::{
    parse_number, AccountType, Field, FieldError, Input, DEFAULT_ACCOUNT_TYPES, MAX_AMOUNT, PROPERTY_TYPES,
};

use super::navigation::Nav;
use super::{Answer, Effect, Flow, Notice, Step, SubmitError, WidgetEvent};
use crate::host::{HostCall, HostError};
use crate::model::Mode;
use serde_json::{json, Map, Value};

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// "Add an account manually".
    Open,
    /// An account type from the menu.
    Choose(AccountType),
    /// The form, as typed (by field), and whether the account is personal.
    Save { values: Vec<(Field, String)>, personal: bool },
    /// "Done" on the success screen.
    Done,
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Create { name: String },
}

/// The form of one account type.
#[derive(Clone, Debug, PartialEq)]
pub struct ManualForm {
    pub account_type: AccountType,
    pub fields: Vec<Field>,
    /// Fields refused at the last save, in form order, with why.
    pub invalid: Vec<(Field, FieldError)>,
    pub saving: bool,
    pub failed: Option<SubmitError>,
}

/// What the manual account step shows.
#[derive(Clone, Debug, PartialEq)]
pub enum ManualAccountState {
    Menu(Vec<AccountType>),
    Form(ManualForm),
    Saved { account_type: AccountType, name: String },
}

impl ManualAccountState {
    /// The page view path (after `/connect/<mode>`).
    pub fn pageview(&self) -> &'static str {
        match self {
            ManualAccountState::Menu(_) => "/manual_account_connect",
            ManualAccountState::Form(_) => "/manual_account_form",
            ManualAccountState::Saved { .. } => "/manual_account_success",
        }
    }
}

/// The body of `createAccount`: the checked values (as strings, as MX's
/// widget sends them), `account_type` and `is_personal`; or the refused fields.
pub fn account_body(
    account_type: AccountType,
    values: &[(Field, String)],
    personal: bool,
) -> Result<Value, Vec<(Field, FieldError)>> {
    let mut body = Map::new();
    let mut invalid = Vec::new();
    for field in account_type.fields() {
        let typed = values.iter().find(|(f, _)| *f == field).map_or("", |(_, v)| v.as_str());
        match field.check(typed) {
            Ok(Some(value)) => {
                body.insert(field.api_name().into(), json!(value));
            }
            Ok(None) => {}
            Err(error) => invalid.push((field, error)),
        }
    }
    if !invalid.is_empty() {
        return Err(invalid);
    }
    body.insert("account_type".into(), json!(account_type.code()));
    body.insert("is_personal".into(), json!(personal));
    Ok(Value::Object(body))
}

impl Flow {
    /// Whether "Add an account manually" is offered: turned on by the
    /// partner, aggregation, not an Atrium client, and `createAccount` exists.
    pub fn manual_accounts_offered(&self) -> bool {
        let partner = &self.env.partner;
        partner.manual_accounts
            && !partner.has_atrium_api
            && self.config.mode == Mode::Aggregation
            && self.env.has("createAccount")
    }

    pub(super) fn on_manual_account_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Open => self.open_manual_account(fx),
            Msg::Choose(account_type) => {
                if matches!(self.step(), Step::ManualAccount(ManualAccountState::Menu(_))) {
                    self.show_manual_form(account_type, Nav::Push, fx);
                }
            }
            Msg::Save { values, personal } => self.save_manual_account(&values, personal, fx),
            Msg::Done => self.manual_account_done(fx),
        }
    }

    pub(super) fn on_manual_account_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Create { name } => self.manual_account_created(name, answer.read(fx), fx),
        }
    }

    fn open_manual_account(&mut self, fx: &mut Vec<Effect>) {
        let from = matches!(self.step(), Step::Search(_) | Step::InstitutionStatus(_));
        if !self.manual_accounts_offered() || !from || self.overlay.is_some() {
            return;
        }
        match self.env.partner.account_types.as_slice() {
            // One type: its form straight away (MX's widget showed a one-item menu).
            [only] => self.show_manual_form(*only, Nav::Push, fx),
            types => {
                let menu = ManualAccountState::Menu(types.to_vec());
                self.show(Step::ManualAccount(menu), Nav::Push, fx);
            }
        }
    }

    fn show_manual_form(&mut self, account_type: AccountType, nav: Nav, fx: &mut Vec<Effect>) {
        let form = ManualForm {
            account_type,
            fields: account_type.fields(),
            invalid: Vec::new(),
            saving: false,
            failed: None,
        };
        self.show(Step::ManualAccount(ManualAccountState::Form(form)), nav, fx);
    }

    fn manual_form(&mut self) -> Option<&mut ManualForm> {
        match self.step_mut() {
            Some(Step::ManualAccount(ManualAccountState::Form(form))) => Some(form),
            _ => None,
        }
    }

    fn save_manual_account(&mut self, values: &[(Field, String)], personal: bool, fx: &mut Vec<Effect>) {
        let Some(form) = self.manual_form() else { return };
        if form.saving {
            return;
        }
        form.failed = None;
        match account_body(form.account_type, values, personal) {
            Err(invalid) => {
                form.invalid = invalid;
                fx.push(Effect::FocusFirstInvalid);
            }
            Ok(account) => {
                form.invalid.clear();
                form.saving = true;
                let name = account["user_name"].as_str().unwrap_or_default().to_string();
                self.call(Pending::Create { name }, HostCall::CreateAccount { account }, fx);
            }
        }
    }

    /// `createAccount`'s answer is not read: the account is saved. (MX's
    /// widget then loaded its member and institution into a list no screen
    /// here has.)
    fn manual_account_created(&mut self, name: String, result: Result<(), HostError>, fx: &mut Vec<Effect>) {
        let Some(form) = self.manual_form() else { return };
        form.saving = false;
        match result {
            Ok(()) => {
                let account_type = form.account_type;
                let saved = ManualAccountState::Saved { account_type, name };
                self.show(Step::ManualAccount(saved), Nav::Replace, fx);
                fx.push(Effect::Notify(Notice::ManualAccountAdded));
            }
            Err(error) => form.failed = Some(SubmitError::from_host(&error)),
        }
    }

    fn manual_account_done(&mut self, fx: &mut Vec<Effect>) {
        if !matches!(self.step(), Step::ManualAccount(ManualAccountState::Saved { .. })) {
            return;
        }
        Self::emit(fx, WidgetEvent::BackToSearch { context: Some("manualAccountAdded") });
        if self.search_allowed() {
            self.back_to_search_quietly(fx);
        } else {
            self.start(fx);
        }
    }
}
