//! Manual accounts (`createAccount`): saved as given, with the names a host
//! answers with; an account named `fail` is refused, to see the failure path.

use super::{Fail, Handled, Sandbox};
use serde_json::{json, Value};

/// The account name that makes `createAccount` fail with 500.
pub const FAILING_ACCOUNT_NAME: &str = "fail";

impl Sandbox {
    pub(super) fn create_account(&mut self, account: &Value) -> Handled {
        if !account.is_object() {
            return Err(Fail::bad_request("The account must be an object."));
        }
        // The widget sends `user_name`; MX's own examples say `name`.
        let name = account.get("user_name").or_else(|| account.get("name")).cloned().unwrap_or(Value::Null);
        if name.as_str().is_some_and(|n| n.trim().eq_ignore_ascii_case(FAILING_ACCOUNT_NAME)) {
            return Err(Fail::new(500, "The sandbox refuses every manual account named \"fail\"."));
        }
        let guid = self.next_guid("ACC");
        let member_guid = self.next_guid("MBR");
        Ok(json!({
            "guid": guid,
            "account_type": account.get("account_type").cloned().unwrap_or(Value::Null),
            "name": name,
            "balance": account.get("balance").cloned().unwrap_or(Value::Null),
            "is_personal": account.get("is_personal").cloned().unwrap_or(Value::Bool(true)),
            "user_guid": self.options.user_guid,
            "member_guid": member_guid,
            "institution_guid": "INS-MANUAL-cb5c0d5b-5f75-4a4b-a8c4-0c1e6e1d5c1e",
            "is_manual": true,
        }))
    }
}
