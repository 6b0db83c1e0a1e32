//! The app's state and the questions the view and the use cases ask of it. It changes only
//! through actions (`actions.rs`), applied by the reducer (`reducer.rs`).

use std::rc::Rc;

use crate::app::history::{History, Snapshot};
use crate::app::notices::Notices;
pub use crate::app::shared_claims::{shared, SharedClaims};
use crate::app::suggestion_state::Suggestions;
use crate::core::classroom::session::Classroom;
use crate::core::formats::native;
use crate::core::library::store::Current;
use crate::core::model::{sort_in_reading_order, Article, Claim, Document};

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub article: Rc<Article>,
    /// Always in reading order. Shared with the view and the undo steps, so a render or an undo
    /// step copies a pointer, not every claim; change them through `claims_mut`.
    pub claims: SharedClaims,
    /// Claims whose words are no longer in the text: kept, listed, and re-attachable.
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    /// Everything the user is being told.
    pub notices: Notices,
    /// Undo and redo steps, per article, for this session.
    pub history: History,
    /// The mode, exercises being prepared or worked on, and files loaded for scoring.
    pub classroom: Rc<Classroom>,
    /// Claim suggestions shown on the article, and those dismissed on it.
    pub suggestions: Suggestions,
}

impl AppState {
    pub fn new(
        article: Article,
        claims: Vec<Claim>,
        orphans: Vec<Claim>,
        selected: Option<String>,
    ) -> Self {
        let mut state = AppState {
            article: Rc::new(article),
            claims: shared(claims),
            orphans,
            selected: None,
            notices: Notices::default(),
            history: History::default(),
            classroom: Rc::default(),
            suggestions: Suggestions::default(),
        };
        sort_in_reading_order(state.claims_mut());
        state.selected = selected.filter(|id| state.claim(id).is_some());
        state
    }

    /// The list of claims, to change (its pointers copied first if a render or an undo step
    /// still shares it).
    pub fn claims_mut(&mut self) -> &mut Vec<Rc<Claim>> {
        Rc::make_mut(&mut self.claims)
    }

    /// Claim `i`, to change (copied first if it is shared).
    pub fn claim_mut(&mut self, i: usize) -> &mut Claim {
        Rc::make_mut(&mut self.claims_mut()[i])
    }

    /// Puts `claims` in place of the claims (in the order given).
    pub fn set_claims(&mut self, claims: Vec<Claim>) {
        self.claims = shared(claims);
    }

    /// A copy of the claims, for the core's rules that take claims by value or slice.
    pub fn claims_vec(&self) -> Vec<Claim> {
        self.claims.iter().map(|c| (**c).clone()).collect()
    }

    /// A claim, anchored or orphaned.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims
            .iter()
            .map(|c| &**c)
            .chain(&self.orphans)
            .find(|c| c.id == id)
    }

    pub fn is_orphan(&self, id: &str) -> bool {
        self.orphans.iter().any(|c| c.id == id)
    }

    pub fn selected_claim(&self) -> Option<&Claim> {
        self.selected.as_deref().and_then(|id| self.claim(id))
    }

    /// Whether the open article's text and details stay as they are (see
    /// `Classroom::article_is_read_only`).
    pub fn article_is_read_only(&self) -> bool {
        self.classroom.article_is_read_only(&self.article.id)
    }

    /// The article and its claims in the export format.
    pub fn export_json(&self) -> String {
        native::to_json_shared(&self.article, &self.claims, &self.orphans)
    }

    /// A copy of the article and its claims as one document (for exports).
    pub fn document(&self) -> Document {
        Document::new(
            (*self.article).clone(),
            self.claims_vec(),
            self.orphans.clone(),
        )
    }

    /// Whether this state's article, claims and orphans are `doc`'s, compared in place (no copy
    /// of the claims, as [`Self::document`] makes).
    pub fn holds(&self, doc: &Document) -> bool {
        *self.article == doc.article
            && self.claims.len() == doc.claims.len()
            && self.claims.iter().zip(&doc.claims).all(|(a, b)| **a == *b)
            && self.orphans == doc.orphans
    }

    /// What is saved of this state.
    pub fn current(&self) -> Current<'_> {
        Current {
            article: &self.article,
            claims: &self.claims,
            orphans: &self.orphans,
            selected: self.selected.as_deref(),
            classroom: &self.classroom,
        }
    }

    /// Whether the article or its claims differ: only such changes need saving.
    pub fn data_differs(&self, other: &AppState) -> bool {
        !Rc::ptr_eq(&self.article, &other.article)
            || (!Rc::ptr_eq(&self.claims, &other.claims) && self.claims != other.claims)
            || self.orphans != other.orphans
            || self.selected != other.selected
            || !Rc::ptr_eq(&self.classroom, &other.classroom)
            || !Rc::ptr_eq(&self.suggestions.dismissed, &other.suggestions.dismissed)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo(&self.article.id)
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo(&self.article.id)
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            article: self.article.clone(),
            claims: self.claims.clone(),
            orphans: self.orphans.clone(),
            selected: self.selected.clone(),
            dismissed: self.suggestions.dismissed.clone(),
        }
    }

    pub(super) fn restore(&mut self, snapshot: &Snapshot) {
        self.article = snapshot.article.clone();
        self.claims = snapshot.claims.clone();
        self.orphans = snapshot.orphans.clone();
        self.selected = snapshot.selected.clone();
        self.suggestions.dismissed = snapshot.dismissed.clone();
        self.notices = std::mem::take(&mut self.notices).without_changes();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::notices::StorageHealth;
    use crate::app::reducer::reduce;
    use crate::app::test_state::{add, state};

    #[test]
    fn only_data_changes_need_saving() {
        let s = state();
        let shown = reduce(&s, Action::ReportStorage(StorageHealth::Fine));
        assert!(!shown.data_differs(&s));
        assert!(add(&s, "a", 0, 8).data_differs(&s));
    }
}
