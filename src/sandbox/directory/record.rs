//! A sandbox institution and its login form, and the JSON the host callbacks
//! answer with for it (the host API's shapes).

use crate::model::field_type;
use crate::sandbox::util::guid;
use serde_json::{json, Map, Value};

/// The login form an institution asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginForm {
    /// "Username" + "Password".
    Standard,
    /// "User ID" + "Passcode".
    UserId,
    /// "Member number" + "Username" + "PIN" (three fields).
    MemberNumber,
    /// No login form: the institution connects through OAuth only.
    OAuthOnly,
}

/// One field of a login form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub field_name: &'static str,
    pub label: &'static str,
    pub field_type: i64,
}

impl LoginForm {
    /// The fields, in display order.
    pub fn fields(self) -> &'static [FieldSpec] {
        const STANDARD: [FieldSpec; 2] = [
            FieldSpec { field_name: "LOGIN", label: "Username", field_type: field_type::LOGIN },
            FieldSpec { field_name: "PASSWORD", label: "Password", field_type: field_type::PASSWORD },
        ];
        const USER_ID: [FieldSpec; 2] = [
            FieldSpec { field_name: "LOGIN", label: "User ID", field_type: field_type::LOGIN },
            FieldSpec { field_name: "PASSWORD", label: "Passcode", field_type: field_type::PASSWORD },
        ];
        const MEMBER_NUMBER: [FieldSpec; 3] = [
            FieldSpec { field_name: "MEMBER_NUMBER", label: "Member number", field_type: field_type::TEXT },
            FieldSpec { field_name: "LOGIN", label: "Username", field_type: field_type::LOGIN },
            FieldSpec { field_name: "PASSWORD", label: "PIN", field_type: field_type::PASSWORD },
        ];
        match self {
            LoginForm::Standard => &STANDARD,
            LoginForm::UserId => &USER_ID,
            LoginForm::MemberNumber => &MEMBER_NUMBER,
            LoginForm::OAuthOnly => &[],
        }
    }
}

/// An institution's `instructional_data`: host text with a little HTML,
/// as aggregators send it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instructions {
    pub title: Option<&'static str>,
    pub description: &'static str,
    pub steps: &'static [&'static str],
}

/// A sandbox institution.
#[derive(Clone, Debug, PartialEq)]
pub struct InstitutionRecord {
    pub guid: String,
    pub code: String,
    pub name: String,
    pub url: String,
    pub login_url: Option<String>,
    pub forgot_password_url: Option<String>,
    pub forgot_username_url: Option<String>,
    pub trouble_signing_url: Option<String>,
    pub routing_number: String,
    pub brand_color: String,
    pub popularity: i64,
    pub supports_oauth: bool,
    pub account_verification: bool,
    pub account_identification: bool,
    pub tax_statement: bool,
    pub iso_country_code: &'static str,
    /// `3` = unavailable per the aggregator; `None` for normal institutions.
    pub status: Option<i64>,
    pub is_disabled_by_client: bool,
    pub login_form: LoginForm,
    pub instructions: Option<Instructions>,
}

impl InstitutionRecord {
    /// The record as `loadInstitutions`/`loadPopularInstitutions` list it (the host API's shape).
    pub fn summary_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("guid".into(), json!(self.guid));
        o.insert("code".into(), json!(self.code));
        o.insert("name".into(), json!(self.name));
        o.insert("url".into(), json!(self.url));
        o.insert("login_url".into(), json!(self.login_url));
        o.insert("forgot_password_credential_recovery_url".into(), json!(self.forgot_password_url));
        o.insert("forgot_username_credential_recovery_url".into(), json!(self.forgot_username_url));
        o.insert("trouble_signing_credential_recovery_url".into(), json!(self.trouble_signing_url));
        o.insert("brand_color_hex_code".into(), json!(self.brand_color));
        o.insert("popularity".into(), json!(self.popularity));
        o.insert("supports_oauth".into(), json!(self.supports_oauth));
        o.insert("account_verification_is_enabled".into(), json!(self.account_verification));
        o.insert("account_identification_is_enabled".into(), json!(self.account_identification));
        o.insert("tax_statement_is_enabled".into(), json!(self.tax_statement));
        o.insert("iso_country_code".into(), json!(self.iso_country_code));
        o.insert("routing_number".into(), json!(self.routing_number));
        o.insert("is_disabled_by_client".into(), json!(self.is_disabled_by_client));
        if let Some(status) = self.status {
            o.insert("status".into(), json!(status));
        }
        Value::Object(o)
    }

    /// The full record (`loadInstitutionByGuid`/`ByCode`): the summary plus
    /// credentials and instructional data.
    pub fn full_json(&self) -> Value {
        let mut v = self.summary_json();
        if let Some(o) = v.as_object_mut() {
            o.insert("credentials".into(), self.credentials_json());
            if let Some(i) = self.instructions {
                let mut data = json!({"description": i.description});
                if let Some(title) = i.title {
                    data["title"] = json!(title);
                }
                if !i.steps.is_empty() {
                    data["steps"] = json!(i.steps);
                }
                o.insert("instructional_data".into(), data);
            }
        }
        v
    }

    /// `getInstitutionCredentials`' list (without the envelope), in display order.
    pub fn credentials_json(&self) -> Value {
        Value::Array(
            self.login_form
                .fields()
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    json!({
                        "guid": self.credential_guid(f),
                        "field_name": f.field_name,
                        "field_type": f.field_type,
                        "label": f.label,
                        "display_order": i + 1,
                        "optional": false,
                        "options": null,
                        "meta_data": null,
                    })
                })
                .collect(),
        )
    }

    pub fn credential_guid(&self, field: &FieldSpec) -> String {
        guid("CRD", &format!("{}/{}", self.code, field.field_name))
    }

    /// The guid of the field of `field_type` (the first one), if the form has it.
    pub fn field_guid(&self, field_type: i64) -> Option<String> {
        self.login_form.fields().iter().find(|f| f.field_type == field_type).map(|f| self.credential_guid(f))
    }
}
