//! The institutions suggested before any search: the popular list, merged
//! with the institutions discovered from the user's data
//! (`loadDiscoveredInstitutions`) as MX's widget merges them. Discovery is
//! asked for only when it can apply: the partner does not curate the list
//! (`has_limited_institutions`, `uses_custom_popular_institution_list`),
//! `data_request.products` is exactly `["transactions"]`, and the user has a
//! connection (`loadMembers`) that is not pending.

use super::{Answer, Effect, Flow, Step};
use crate::host::{HostCall, HostError};
use crate::model::{ConnectionStatus, Institution, Member};
use serde_json::Value;

/// At most this many suggestions (MX's number).
pub const SUGGESTIONS: usize = 25;

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Members,
    Discovered,
}

/// The answers the suggestions are made of, as they arrive. `None`: still
/// waiting; a part that is not asked for starts as an empty list.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SuggestionParts {
    pub popular: Option<Vec<Institution>>,
    pub members: Option<Vec<Member>>,
    pub discovered: Option<Vec<Institution>>,
}

/// Popular and discovered institutions as one list: without repeats (by
/// guid), without institutions the user is already connected to, most
/// popular first, at most `SUGGESTIONS`. A curated list stays as given.
pub fn merge_suggestions(
    popular: &[Institution],
    discovered: &[Institution],
    members: &[Member],
    curated: bool,
) -> Vec<Institution> {
    if curated {
        return popular.to_vec();
    }
    let connected = |i: &Institution| members.iter().any(|m| m.institution_guid.as_deref() == Some(i.guid.as_str()));
    let mut merged: Vec<Institution> = Vec::new();
    for institution in popular.iter().chain(discovered) {
        if !connected(institution) && !merged.iter().any(|m| m.guid == institution.guid) {
            merged.push(institution.clone());
        }
    }
    // Stable: institutions without a popularity keep their order, after the others.
    merged.sort_by_key(|i| std::cmp::Reverse(i.popularity.unwrap_or(i64::MIN)));
    merged.truncate(SUGGESTIONS);
    merged
}

impl Flow {
    /// Whether discovered institutions may be asked for (before knowing the members).
    fn discovery_possible(&self) -> bool {
        let only_transactions = self.config.raw.pointer("/data_request/products").and_then(Value::as_array)
            == Some(&vec![Value::String("transactions".into())]);
        !self.env.partner.popular_only
            && only_transactions
            && self.env.has("loadMembers")
            && self.env.has("loadDiscoveredInstitutions")
    }

    /// Start the parts besides the popular list (`search::load_popular` asks for that one).
    pub(super) fn load_suggestion_parts(&mut self, fx: &mut Vec<Effect>) {
        let discover = self.discovery_possible();
        let Some(Step::Search(s)) = self.step_mut() else { return };
        s.parts = SuggestionParts {
            popular: None,
            members: (!discover).then(Vec::new),
            discovered: (!discover).then(Vec::new),
        };
        if discover {
            self.call(Pending::Members, HostCall::LoadMembers, fx);
        }
    }

    pub(super) fn on_suggested_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Members => self.members_known(answer.read(fx), fx),
            Pending::Discovered => {
                // A failed discovery leaves the popular list (the failure is logged).
                let discovered: Result<Vec<Institution>, HostError> = answer.read(fx);
                if let Some(Step::Search(s)) = self.step_mut() {
                    s.parts.discovered = Some(discovered.unwrap_or_default());
                }
                self.settle_suggestions();
            }
        }
    }

    fn members_known(&mut self, members: Result<Vec<Member>, HostError>, fx: &mut Vec<Effect>) {
        let members = members.unwrap_or_default();
        let connected = members.iter().any(|m| m.connection_status != Some(ConnectionStatus::Pending));
        let call = HostCall::LoadDiscoveredInstitutions {
            per_page: self.settings.per_page,
            iso_country_code: self.config.iso_country_code.clone(),
            filters: self.config.product_filters(),
        };
        let Some(Step::Search(s)) = self.step_mut() else { return };
        s.parts.members = Some(members);
        if connected {
            self.call(Pending::Discovered, call, fx);
        } else {
            s.parts.discovered = Some(Vec::new());
            self.settle_suggestions();
        }
    }

    /// Show the suggestions once every part has answered.
    pub(super) fn settle_suggestions(&mut self) {
        let curated = self.env.partner.popular_only;
        let Some(Step::Search(s)) = self.step_mut() else { return };
        if let SuggestionParts { popular: Some(popular), members: Some(members), discovered: Some(discovered) } =
            &s.parts
        {
            s.popular = Some(merge_suggestions(popular, discovered, members, curated));
            s.popular_failed = false;
        }
    }
}
