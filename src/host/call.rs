//! Every callback of the host API contract (docs/host-api.md), as data.
//!
//! The flow machine asks for a call by building a `HostCall`; the runtime hands
//! it to a transport (the partner's JS object, or the built-in sandbox), which
//! returns raw JSON that `decode` turns into a typed `Reply`. Both transports
//! see exactly the same arguments, so the sandbox exercises the host path.

use crate::model::Secret;
use serde_json::{json, Map, Value};

/// A credential or MFA answer as sent to `addMember`/`updateMember`/`updateMFA`.
#[derive(Clone, Debug, PartialEq)]
pub struct CredentialValue {
    pub guid: String,
    pub value: Option<Secret>,
}

/// Search parameters of `loadInstitutions`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct InstitutionQuery {
    pub search_name: Option<String>,
    pub routing_number: Option<String>,
    pub page: u32,
    pub per_page: u32,
    pub iso_country_code: Option<String>,
    pub filters: Vec<(&'static str, Value)>,
}

/// What `createMicrodeposit` (and `updateMicrodeposit` with account details)
/// sends. The account number is a `Secret`: only the host boundary reads it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MicrodepositDetails {
    pub routing_number: String,
    pub account_number: Secret,
    pub account_type: i64,
    /// "Checking ...1234", as MX's widget names the account.
    pub account_name: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// `profiles.user.guid`, when the partner gives it.
    pub user_guid: Option<String>,
}

impl MicrodepositDetails {
    /// The fields as the host receives them (the account number in clear).
    pub fn to_json(&self) -> Value {
        json!({
            "routing_number": self.routing_number,
            "account_number": self.account_number.expose(),
            "account_type": self.account_type,
            "account_name": self.account_name,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "user_guid": self.user_guid,
        })
    }
}

impl MicrodepositDetails {
    /// Read back from the JSON a back-end receives (the sandbox server does),
    /// leniently: a missing text is empty, a missing account type is checking.
    pub fn from_json(value: &Value) -> MicrodepositDetails {
        let text = |key: &str| match value.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        MicrodepositDetails {
            routing_number: text("routing_number"),
            account_number: Secret::new(text("account_number")),
            account_type: value.get("account_type").and_then(crate::model::json::as_int).unwrap_or(1),
            account_name: text("account_name"),
            first_name: text("first_name"),
            last_name: text("last_name"),
            email: text("email"),
            user_guid: Some(text("user_guid")).filter(|g| !g.is_empty()),
        }
    }
}

/// What `updateMicrodeposit` changes.
#[derive(Clone, Debug, PartialEq)]
pub enum MicrodepositChange {
    /// Complete a pre-created (PREINITIATED) verification with the account details.
    Details(MicrodepositDetails),
    /// Send new deposits for an expired verification: `{resend: true}`.
    Resend,
}

impl MicrodepositChange {
    /// The second argument of `updateMicrodeposit`.
    pub fn to_json(&self) -> Value {
        match self {
            MicrodepositChange::Details(details) => details.to_json(),
            MicrodepositChange::Resend => json!({"resend": true}),
        }
    }

    /// Read back from the JSON a back-end receives.
    pub fn from_json(value: &Value) -> MicrodepositChange {
        match value.get("resend") {
            Some(Value::Bool(true)) => MicrodepositChange::Resend,
            _ => MicrodepositChange::Details(MicrodepositDetails::from_json(value)),
        }
    }
}

/// A support request (`createSupportTicket`).
#[derive(Clone, Debug, PartialEq)]
pub struct SupportTicket {
    pub email: String,
    pub title: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HostCall {
    AddMember { institution: Value, institution_guid: String, credentials: Vec<CredentialValue>, is_oauth: bool },
    UpdateMember { member: Value, credentials: Vec<CredentialValue> },
    UpdateMfa { member: Value, credentials: Vec<CredentialValue> },
    DeleteMember { member: Value },
    LoadMembers,
    LoadMemberByGuid { guid: String },
    LoadOAuthStates { outbound_member_guid: String },
    LoadOAuthState { guid: String },
    OAuthStart { member: Value },
    CreateSupportTicket(SupportTicket),
    LoadInstitutions(InstitutionQuery),
    LoadInstitutionByGuid { guid: String },
    LoadInstitutionByCode { code: String },
    LoadPopularInstitutions { per_page: u32, iso_country_code: Option<String>, filters: Vec<(&'static str, Value)> },
    LoadDiscoveredInstitutions { per_page: u32, iso_country_code: Option<String>, filters: Vec<(&'static str, Value)> },
    CreateAccount { account: Value },
    CreateMicrodeposit(MicrodepositDetails),
    LoadMicrodepositByGuid { guid: String },
    UpdateMicrodeposit { guid: String, change: MicrodepositChange },
    RefreshMicrodepositStatus { guid: String },
    VerifyMicrodeposit { guid: String, amount_1: String, amount_2: String },
    VerifyRoutingNumber { routing_number: String, include_identity: bool },
    LoadJob { guid: String },
    RunJob { job_type: i64, member_guid: String },
    GetInstitutionCredentials { institution_guid: String },
    GetMemberCredentials { member_guid: String },
    GetOAuthWindowUri { member_guid: String },
    UpdateUserProfile { profile: Value },
}

/// The name of every callback, in the contract's order.
pub const CALLBACK_NAMES: [&str; 28] = [
    "addMember",
    "updateMember",
    "updateMFA",
    "deleteMember",
    "loadMembers",
    "loadMemberByGuid",
    "loadOAuthStates",
    "loadOAuthState",
    "oAuthStart",
    "createSupportTicket",
    "loadInstitutions",
    "loadInstitutionByGuid",
    "loadInstitutionByCode",
    "loadPopularInstitutions",
    "loadDiscoveredInstitutions",
    "createAccount",
    "createMicrodeposit",
    "loadMicrodepositByGuid",
    "updateMicrodeposit",
    "refreshMicrodepositStatus",
    "verifyMicrodeposit",
    "verifyRoutingNumber",
    "loadJob",
    "runJob",
    "getInstitutionCredentials",
    "getMemberCredentials",
    "getOAuthWindowURI",
    "updateUserProfile",
];

/// Callbacks the basic aggregation path cannot work without; `mount` refuses
/// a host object that lacks one of them. Every other callback is optional: its
/// absence disables the feature that needs it, with a console warning.
pub const REQUIRED_CALLBACKS: [&str; 7] = [
    "addMember",
    "loadMemberByGuid",
    "loadInstitutions",
    "loadInstitutionByGuid",
    "loadPopularInstitutions",
    "getInstitutionCredentials",
    "runJob",
];

fn credentials_json(credentials: &[CredentialValue]) -> Value {
    Value::Array(
        credentials.iter().map(|c| json!({"guid": c.guid, "value": c.value.as_ref().map(|s| s.expose())})).collect(),
    )
}

/// `{...member, credentials}`, as the reference sends it.
fn member_with(member: &Value, credentials: &[CredentialValue]) -> Value {
    let mut m = member.as_object().cloned().unwrap_or_default();
    m.insert("credentials".into(), credentials_json(credentials));
    Value::Object(m)
}

fn filters_object(
    per_page: Option<u32>,
    iso_country_code: &Option<String>,
    filters: &[(&'static str, Value)],
) -> Map<String, Value> {
    let mut o = Map::new();
    if let Some(per_page) = per_page {
        o.insert("per_page".into(), json!(per_page));
    }
    if let Some(iso) = iso_country_code {
        o.insert("iso_country_code".into(), json!(iso));
    }
    for (k, v) in filters {
        o.insert((*k).into(), v.clone());
    }
    o
}

impl HostCall {
    pub fn name(&self) -> &'static str {
        match self {
            HostCall::AddMember { .. } => "addMember",
            HostCall::UpdateMember { .. } => "updateMember",
            HostCall::UpdateMfa { .. } => "updateMFA",
            HostCall::DeleteMember { .. } => "deleteMember",
            HostCall::LoadMembers => "loadMembers",
            HostCall::LoadMemberByGuid { .. } => "loadMemberByGuid",
            HostCall::LoadOAuthStates { .. } => "loadOAuthStates",
            HostCall::LoadOAuthState { .. } => "loadOAuthState",
            HostCall::OAuthStart { .. } => "oAuthStart",
            HostCall::CreateSupportTicket(_) => "createSupportTicket",
            HostCall::LoadInstitutions(_) => "loadInstitutions",
            HostCall::LoadInstitutionByGuid { .. } => "loadInstitutionByGuid",
            HostCall::LoadInstitutionByCode { .. } => "loadInstitutionByCode",
            HostCall::LoadPopularInstitutions { .. } => "loadPopularInstitutions",
            HostCall::LoadDiscoveredInstitutions { .. } => "loadDiscoveredInstitutions",
            HostCall::CreateAccount { .. } => "createAccount",
            HostCall::CreateMicrodeposit(_) => "createMicrodeposit",
            HostCall::LoadMicrodepositByGuid { .. } => "loadMicrodepositByGuid",
            HostCall::UpdateMicrodeposit { .. } => "updateMicrodeposit",
            HostCall::RefreshMicrodepositStatus { .. } => "refreshMicrodepositStatus",
            HostCall::VerifyMicrodeposit { .. } => "verifyMicrodeposit",
            HostCall::VerifyRoutingNumber { .. } => "verifyRoutingNumber",
            HostCall::LoadJob { .. } => "loadJob",
            HostCall::RunJob { .. } => "runJob",
            HostCall::GetInstitutionCredentials { .. } => "getInstitutionCredentials",
            HostCall::GetMemberCredentials { .. } => "getMemberCredentials",
            HostCall::GetOAuthWindowUri { .. } => "getOAuthWindowURI",
            HostCall::UpdateUserProfile { .. } => "updateUserProfile",
        }
    }

    /// The positional arguments of the callback, as the contract and MX's React widget
    /// pass them. `config` is the partner's client config, `locale` the widget's.
    /// Apart from the sandbox (which plays the bank), this is the only place a
    /// `Secret` is exposed.
    pub fn args(&self, config: &Value, locale: &str) -> Vec<Value> {
        // `isHuman`: every call the widget makes on a credential or MFA submit
        // follows a user action (the reference always sent false, a quirk).
        let human = Value::Bool(true);
        match self {
            HostCall::AddMember { institution, institution_guid, credentials, is_oauth } => {
                let mut data = Map::new();
                data.insert("institution_guid".into(), json!(institution_guid));
                if *is_oauth {
                    data.insert("is_oauth".into(), json!(true));
                } else {
                    data.insert("credentials".into(), credentials_json(credentials));
                }
                data.insert("rawInstitutionData".into(), institution.clone());
                vec![Value::Object(data), config.clone(), human]
            }
            HostCall::UpdateMember { member, credentials } => {
                vec![member_with(member, credentials), config.clone(), human]
            }
            HostCall::UpdateMfa { member, credentials } => {
                vec![member_with(member, credentials), config.clone(), human]
            }
            HostCall::DeleteMember { member } => vec![member.clone()],
            HostCall::LoadMembers => vec![json!(locale)],
            HostCall::LoadMemberByGuid { guid } => vec![json!(guid), json!(locale)],
            HostCall::LoadOAuthStates { outbound_member_guid } => {
                // The reference sends `auth_status`; the contract's text names it `oauth_status`. Send both.
                vec![json!({"outbound_member_guid": outbound_member_guid, "auth_status": 1, "oauth_status": 1})]
            }
            HostCall::LoadOAuthState { guid } => vec![json!(guid)],
            HostCall::OAuthStart { member } => vec![json!({ "member": member })],
            HostCall::CreateSupportTicket(t) => {
                vec![json!({"email": t.email, "title": t.title, "message": t.message})]
            }
            HostCall::LoadInstitutions(q) => {
                let mut o = filters_object(Some(q.per_page), &q.iso_country_code, &q.filters);
                if let Some(name) = &q.search_name {
                    o.insert("search_name".into(), json!(name));
                }
                if let Some(routing) = &q.routing_number {
                    o.insert("routing_number".into(), json!(routing));
                }
                o.insert("page".into(), json!(q.page));
                vec![Value::Object(o)]
            }
            HostCall::LoadInstitutionByGuid { guid } => vec![json!(guid)],
            HostCall::LoadInstitutionByCode { code } => vec![json!(code)],
            HostCall::LoadPopularInstitutions { per_page, iso_country_code, filters }
            | HostCall::LoadDiscoveredInstitutions { per_page, iso_country_code, filters } => {
                vec![Value::Object(filters_object(Some(*per_page), iso_country_code, filters))]
            }
            HostCall::CreateAccount { account } => vec![account.clone()],
            HostCall::CreateMicrodeposit(details) => vec![details.to_json()],
            HostCall::LoadMicrodepositByGuid { guid } | HostCall::RefreshMicrodepositStatus { guid } => {
                vec![json!(guid)]
            }
            HostCall::UpdateMicrodeposit { guid, change } => vec![json!(guid), change.to_json()],
            HostCall::VerifyMicrodeposit { guid, amount_1, amount_2 } => {
                vec![json!(guid), json!({"deposit_amount_1": amount_1, "deposit_amount_2": amount_2})]
            }
            HostCall::VerifyRoutingNumber { routing_number, include_identity } => {
                vec![json!(routing_number), json!(include_identity)]
            }
            HostCall::LoadJob { guid } => vec![json!(guid)],
            HostCall::RunJob { job_type, member_guid } => {
                vec![json!(job_type), json!(member_guid), config.clone(), human]
            }
            HostCall::GetInstitutionCredentials { institution_guid } => vec![json!(institution_guid)],
            HostCall::GetMemberCredentials { member_guid } => vec![json!(member_guid)],
            HostCall::GetOAuthWindowUri { member_guid } => vec![json!(member_guid), config.clone()],
            HostCall::UpdateUserProfile { profile } => vec![profile.clone()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_member_sends_the_reference_shape() {
        let call = HostCall::AddMember {
            institution: json!({"guid": "INS-1", "name": "MX Bank"}),
            institution_guid: "INS-1".into(),
            credentials: vec![CredentialValue { guid: "CRD-1".into(), value: Some(Secret::new("pw")) }],
            is_oauth: false,
        };
        let args = call.args(&json!({"mode": "aggregation"}), "en");
        assert_eq!(args.len(), 3);
        assert_eq!(args[0]["institution_guid"], "INS-1");
        assert_eq!(args[0]["credentials"][0], json!({"guid": "CRD-1", "value": "pw"}));
        assert_eq!(args[0]["rawInstitutionData"]["name"], "MX Bank");
        assert_eq!(args[1]["mode"], "aggregation");
        assert!(!format!("{call:?}").contains("\"pw\""), "Debug of a call never shows a secret");
    }

    #[test]
    fn update_mfa_spreads_the_member_and_adds_credentials() {
        let call = HostCall::UpdateMfa {
            member: json!({"guid": "MBR-1", "connection_status": "CHALLENGED"}),
            credentials: vec![CredentialValue { guid: "CRD-1".into(), value: None }],
        };
        let args = call.args(&json!({}), "en");
        assert_eq!(args[0]["guid"], "MBR-1");
        assert_eq!(args[0]["credentials"], json!([{"guid": "CRD-1", "value": null}]));
    }

    #[test]
    fn every_call_has_a_callback_name_from_the_contract() {
        let calls = [
            HostCall::LoadMembers,
            HostCall::RunJob { job_type: 0, member_guid: "M".into() },
            HostCall::GetOAuthWindowUri { member_guid: "M".into() },
            HostCall::UpdateUserProfile { profile: json!({}) },
        ];
        for c in calls {
            assert!(CALLBACK_NAMES.contains(&c.name()));
        }
        for r in REQUIRED_CALLBACKS {
            assert!(CALLBACK_NAMES.contains(&r));
        }
    }

    #[test]
    fn microdeposit_calls_send_the_account_number_only_in_their_arguments() {
        let details = MicrodepositDetails {
            routing_number: "123456780".into(),
            account_number: Secret::new("987654321"),
            account_type: 2,
            account_name: "Savings ...4321".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            email: "ada@example.com".into(),
            user_guid: Some("USR-1".into()),
        };
        let create = HostCall::CreateMicrodeposit(details.clone());
        let args = create.args(&json!({}), "en");
        assert_eq!(args[0]["account_number"], "987654321");
        assert_eq!(args[0]["account_type"], 2);
        assert_eq!(args[0]["user_guid"], "USR-1");
        assert!(!format!("{create:?}").contains("987654321"), "Debug of a call never shows the account number");
        let update =
            HostCall::UpdateMicrodeposit { guid: "MIC-1".into(), change: MicrodepositChange::Details(details) };
        let args = update.args(&json!({}), "en");
        assert_eq!((args[0].clone(), args[1]["first_name"].clone()), (json!("MIC-1"), json!("Ada")));
        let resend = HostCall::UpdateMicrodeposit { guid: "MIC-1".into(), change: MicrodepositChange::Resend };
        assert_eq!(resend.args(&json!({}), "en"), vec![json!("MIC-1"), json!({"resend": true})]);
        let verify =
            HostCall::VerifyMicrodeposit { guid: "MIC-1".into(), amount_1: "07".into(), amount_2: "30".into() };
        assert_eq!(verify.args(&json!({}), "en")[1], json!({"deposit_amount_1": "07", "deposit_amount_2": "30"}));
    }

    #[test]
    fn search_query_uses_routing_number_or_name() {
        let q =
            InstitutionQuery { routing_number: Some("123456789".into()), page: 2, per_page: 25, ..Default::default() };
        let args = HostCall::LoadInstitutions(q).args(&json!({}), "en");
        assert_eq!(args[0], json!({"routing_number": "123456789", "page": 2, "per_page": 25}));
    }
}
