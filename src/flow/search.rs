//! Institution search: the popular list, debounced search by name or routing
//! number, "show more", and picking an institution.

use super::navigation::Nav;
use super::suggested::SuggestionParts;
use super::{Answer, Effect, Flow, Step, Timer, WidgetEvent};
use crate::host::{HostCall, HostError, InstitutionQuery};
use crate::model::Institution;
use serde_json::json;

/// What the user did on the search step.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The search box changed.
    Typed(String),
    /// Enter in the search box: search without waiting.
    SearchNow,
    Clear,
    LoadMore,
    /// "Try again" after the popular list or a search failed.
    Retry,
    /// An institution was picked (by guid).
    Select(String),
}

#[derive(Clone, Debug)]
pub(super) enum Pending {
    Popular,
    Results { page: u32 },
    Select,
}

/// An institution in a result list.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub institution: Institution,
    pub unavailable: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub query: String,
    pub items: Vec<Listed>,
    pub page: u32,
    pub has_more: bool,
    pub loading_more: bool,
    pub load_more_failed: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub enum SearchView {
    /// No query: popular institutions (or their loading/failed state).
    #[default]
    Popular,
    Loading,
    Results(Results),
    NoResults {
        query: String,
    },
    Failed {
        query: String,
    },
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SearchState {
    pub query: String,
    pub view: SearchView,
    /// `None` while loading.
    pub popular: Option<Vec<Institution>>,
    pub popular_failed: bool,
    /// The institution being opened (`loadInstitutionByGuid`).
    pub selecting: Option<String>,
    /// The institution that could not be opened.
    pub select_failed: Option<String>,
    /// The answers the suggestions are made of (`suggested`).
    pub parts: SuggestionParts,
}

impl SearchState {
    /// An institution shown on this step (popular list or results) by guid.
    pub fn listed(&self, guid: &str) -> Option<&Institution> {
        let results = match &self.view {
            SearchView::Results(r) => r.items.as_slice(),
            SearchView::Popular | SearchView::Loading | SearchView::NoResults { .. } | SearchView::Failed { .. } => &[],
        };
        self.popular.iter().flatten().chain(results.iter().map(|l| &l.institution)).find(|i| i.guid == guid)
    }
}

impl Flow {
    pub(super) fn on_search_msg(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Typed(q) => self.search_typed(q, fx),
            Msg::SearchNow => self.search_now(fx),
            Msg::Clear => self.clear_search(fx),
            Msg::LoadMore => self.load_more(fx),
            Msg::Retry => self.retry_search(fx),
            Msg::Select(guid) => self.select(guid, fx),
        }
    }

    pub(super) fn on_search_answer(&mut self, pending: Pending, answer: Answer, fx: &mut Vec<Effect>) {
        match pending {
            Pending::Popular => self.popular_loaded(answer.read(fx)),
            Pending::Results { page } => self.results_loaded(page, answer.read(fx), fx),
            Pending::Select => self.institution_selected(answer.read(fx), fx),
        }
    }

    fn search_state(&mut self) -> Option<&mut SearchState> {
        if let Some(Step::Search(s)) = self.step_mut() {
            Some(s)
        } else {
            None
        }
    }

    pub(super) fn load_popular(&mut self, fx: &mut Vec<Effect>) {
        let call = HostCall::LoadPopularInstitutions {
            per_page: self.settings.per_page,
            iso_country_code: self.config.iso_country_code.clone(),
            filters: self.config.product_filters(),
        };
        if let Some(s) = self.search_state() {
            s.popular_failed = false;
        }
        self.call(Pending::Popular, call, fx);
        self.load_suggestion_parts(fx);
    }

    fn popular_loaded(&mut self, result: Result<Vec<Institution>, HostError>) {
        let per_page = self.settings.per_page as usize;
        let Some(s) = self.search_state() else { return };
        match result {
            // A host answering thousands for one page must not block the page rendering them.
            Ok(mut list) => {
                list.truncate(per_page);
                s.parts.popular = Some(list);
            }
            Err(_) => s.popular_failed = true,
        }
        self.settle_suggestions();
    }

    fn forget_search(&mut self) {
        self.forget_timer(Timer::SearchDebounce);
        self.forget_calls(|p| matches!(p, super::Pending::Search(Pending::Results { .. })));
    }

    fn search_typed(&mut self, query: String, fx: &mut Vec<Effect>) {
        let Some(s) = self.search_state() else { return };
        s.query = query;
        let typed = s.query.trim().chars().count();
        self.forget_search();
        if typed == 0 {
            self.clear_search(fx);
        } else if typed < 2 {
            self.stop_waiting_spinner();
        } else {
            let after = self.settings.search_debounce_ms;
            self.timer(Timer::SearchDebounce, after, fx);
        }
    }

    /// A forgotten search leaves no spinner waiting for it: the popular list instead.
    fn stop_waiting_spinner(&mut self) {
        let searching = |p: &super::Pending| matches!(p, super::Pending::Search(Pending::Results { page: 1 }));
        let waiting = self.is_waiting_for(searching)
            || self.pending.values().any(|w| matches!(w, super::Waiting::Timer(Timer::SearchDebounce)));
        if let Some(s) = self.search_state().filter(|s| s.view == SearchView::Loading && !waiting) {
            s.view = SearchView::Popular;
        }
    }

    /// Enter in the search box. Pressed again for the same text while its search
    /// runs or its results are shown, it sends nothing more.
    fn search_now(&mut self, fx: &mut Vec<Effect>) {
        let first_page = |p: &super::Pending| matches!(p, super::Pending::Search(Pending::Results { page: 1 }));
        let searching = self.is_waiting_for(first_page);
        let Some(s) = self.search_state() else { return };
        let query = s.query.trim().to_string();
        let already = match &s.view {
            SearchView::Loading => searching,
            SearchView::Results(r) => r.query == query,
            SearchView::NoResults { query: shown } => *shown == query,
            SearchView::Popular | SearchView::Failed { .. } => false,
        };
        if already {
            self.forget_timer(Timer::SearchDebounce);
            return;
        }
        self.forget_search();
        self.run_search(1, fx);
    }

    fn retry_search(&mut self, fx: &mut Vec<Effect>) {
        let popular_failed =
            self.search_state().is_some_and(|s| matches!(s.view, SearchView::Popular) && s.popular_failed);
        if popular_failed {
            self.load_popular(fx);
        } else {
            self.forget_search();
            self.run_search(1, fx);
        }
    }

    fn clear_search(&mut self, fx: &mut Vec<Effect>) {
        self.forget_search();
        let needs_popular = match self.search_state() {
            Some(s) => {
                s.query.clear();
                s.view = SearchView::Popular;
                s.popular.is_none()
            }
            None => false,
        };
        let loading =
            |p: &super::Pending| matches!(p, super::Pending::Search(Pending::Popular) | super::Pending::Suggested(_));
        if needs_popular && !self.is_waiting_for(loading) {
            self.load_popular(fx);
        }
    }

    fn load_more(&mut self, fx: &mut Vec<Effect>) {
        let Some(SearchState { view: SearchView::Results(r), .. }) = self.search_state() else { return };
        if !r.has_more || r.loading_more {
            return;
        }
        r.loading_more = true;
        r.load_more_failed = false;
        let next = r.page + 1;
        self.run_search(next, fx);
    }

    pub(super) fn run_search(&mut self, page: u32, fx: &mut Vec<Effect>) {
        let per_page = self.settings.per_page;
        let iso_country_code = self.config.iso_country_code.clone();
        let filters = self.config.product_filters();
        let Some(s) = self.search_state() else { return };
        let query = s.query.trim().to_string();
        if query.chars().count() < 2 {
            return;
        }
        if page == 1 {
            s.view = SearchView::Loading;
            Self::emit(fx, WidgetEvent::InstitutionSearch { query: query.clone() });
        }
        // Nine digits is a routing number (as the reference decides).
        let is_routing = query.len() == 9 && query.chars().all(|c| c.is_ascii_digit());
        let q = InstitutionQuery {
            search_name: (!is_routing).then(|| query.clone()),
            routing_number: is_routing.then(|| query.clone()),
            page,
            per_page,
            iso_country_code,
            filters,
        };
        self.call(Pending::Results { page }, HostCall::LoadInstitutions(q), fx);
    }

    fn results_loaded(&mut self, page: u32, result: Result<Vec<Institution>, HostError>, fx: &mut Vec<Effect>) {
        let per_page = self.settings.per_page as usize;
        let items = match result {
            Ok(items) => items,
            Err(_) => {
                let Some(s) = self.search_state() else { return };
                if page == 1 {
                    s.view = SearchView::Failed { query: s.query.trim().to_string() };
                } else if let SearchView::Results(r) = &mut s.view {
                    r.loading_more = false;
                    r.load_more_failed = true;
                }
                return;
            }
        };
        let has_more = items.len() >= per_page && per_page > 0;
        // A host answering thousands for one page must not block the page rendering them.
        let mut items = items;
        items.truncate(per_page.max(1));
        let marked: Vec<Listed> = items
            .into_iter()
            .map(|institution| Listed { unavailable: self.is_unavailable(&institution), institution })
            .collect();
        let Some(s) = self.search_state() else { return };
        if page > 1 {
            if let SearchView::Results(r) = &mut s.view {
                r.items.extend(marked);
                r.page = page;
                r.has_more = has_more;
                r.loading_more = false;
            }
            return;
        }
        let query = s.query.trim().to_string();
        let segment = if marked.is_empty() {
            s.view = SearchView::NoResults { query: query.clone() };
            "/search/no_results"
        } else {
            s.view = SearchView::Results(Results {
                query: query.clone(),
                items: marked,
                page,
                has_more,
                loading_more: false,
                load_more_failed: false,
            });
            "/search/searched"
        };
        self.pageview(segment, json!({"search_term": query}), fx);
    }

    /// Opens the institution tapped; a tap on another one while the first opens
    /// opens that one instead (the first answer is then ignored).
    fn select(&mut self, guid: String, fx: &mut Vec<Effect>) {
        let Some(s) = self.search_state() else { return };
        if s.selecting.as_deref() == Some(guid.as_str()) {
            return;
        }
        let Some(listed) = s.listed(&guid).cloned() else { return };
        s.selecting = Some(guid.clone());
        s.select_failed = None;
        // Neither a search still waiting for its pause nor the previous tap goes on.
        self.forget_timer(Timer::SearchDebounce);
        self.forget_calls(|p| matches!(p, super::Pending::Search(Pending::Select)));
        self.stop_waiting_spinner();
        let institution = listed.clone();
        Self::emit(fx, WidgetEvent::selected(listed));
        self.call(Pending::Select, HostCall::LoadInstitutionByGuid { guid }, fx);
        self.prefetch_fields(&institution, fx);
    }

    fn institution_selected(&mut self, result: Result<Institution, HostError>, fx: &mut Vec<Effect>) {
        match result {
            Ok(institution) => {
                if let Some(s) = self.search_state() {
                    s.selecting = None;
                }
                self.open_institution(institution, fx);
                // Not taken by a login form (OAuth after all, say): not for later either.
                self.fields_prefetch = None;
            }
            Err(_) => {
                if let Some(s) = self.search_state() {
                    s.select_failed = s.selecting.take();
                }
            }
        }
    }

    /// Open a picked institution over the current step: its login, or why it
    /// cannot be connected now.
    pub(super) fn open_institution(&mut self, institution: Institution, fx: &mut Vec<Effect>) {
        let unavailable = self.is_unavailable(&institution);
        self.institution = Some(institution);
        self.member = None;
        if unavailable {
            self.show_institution_status(Nav::Push, fx);
        } else {
            self.proceed_to_login(Nav::Push, fx);
        }
    }
}
