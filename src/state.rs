//! The app's state and the one reducer every change goes through. Pure: actions carry the ids and
//! timestamps they need, so the same actions always give the same state (and tests need no clock).

use std::rc::Rc;

use crate::anchor::describe;
use crate::model::{sort_in_reading_order, Article, Claim, Status};
use crate::offsets::trim_range;

/// How saving to the browser's storage is going; shown to the user when it is not fine.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StorageHealth {
    #[default]
    Fine,
    /// Saving failed; the message says why and what to do.
    Failing(String),
}

/// A deleted claim kept for the undo toast, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub claim: Claim,
    pub was_selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppState {
    pub article: Rc<Article>,
    /// Always in reading order.
    pub claims: Vec<Claim>,
    pub selected: Option<String>,
    pub deleted: Option<Deleted>,
    pub storage: StorageHealth,
    /// Problems found in stored data at start-up (kept, never overwritten); shown until dismissed.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show another article, with the claims already stored for it.
    OpenArticle {
        article: Article,
        claims: Vec<Claim>,
        selected: Option<String>,
    },
    /// Mark `start..end` (code points, trimmed of white space here) as a claim.
    AddClaim {
        id: String,
        start: usize,
        end: usize,
        at: String,
    },
    Select(Option<String>),
    SetStatus {
        id: String,
        status: Status,
        at: String,
    },
    SetSource {
        id: String,
        source: String,
        at: String,
    },
    SetNote {
        id: String,
        note: String,
        at: String,
    },
    Delete {
        id: String,
    },
    UndoDelete,
    DismissUndo,
    ReportStorage(StorageHealth),
    /// Something the user must know about their stored data.
    Warn(String),
    DismissWarning(usize),
}

impl AppState {
    pub fn new(article: Article, claims: Vec<Claim>, selected: Option<String>) -> Self {
        let mut state = AppState {
            article: Rc::new(article),
            claims,
            selected: None,
            deleted: None,
            storage: StorageHealth::Fine,
            warnings: Vec::new(),
        };
        sort_in_reading_order(&mut state.claims);
        state.selected = selected.filter(|id| state.claim(id).is_some());
        state
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn selected_claim(&self) -> Option<&Claim> {
        self.selected.as_deref().and_then(|id| self.claim(id))
    }

    /// Whether the article or its claims differ: only such changes need saving.
    pub fn data_differs(&self, other: &AppState) -> bool {
        !Rc::ptr_eq(&self.article, &other.article)
            || self.claims != other.claims
            || self.selected != other.selected
    }

    fn edit(&mut self, id: &str, at: String, change: impl FnOnce(&mut Claim) -> bool) {
        if let Some(claim) = self.claims.iter_mut().find(|c| c.id == id) {
            if change(claim) {
                claim.modified = at;
            }
        }
    }
}

/// The reducer: the state after `action`.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let mut next = state.clone();
    match action {
        Action::OpenArticle {
            article,
            claims,
            selected,
        } => {
            let mut opened = AppState::new(article, claims, selected);
            opened.storage = next.storage;
            opened.warnings = next.warnings;
            return opened;
        }
        Action::AddClaim { id, start, end, at } => {
            let text = &next.article.text;
            let Some((start, end)) = trim_range(text, start, end) else {
                return next;
            };
            if let Some(same) = next
                .claims
                .iter()
                .find(|c| c.position.start == start && c.position.end == end)
            {
                // The same words marked again: show the claim that is there.
                next.selected = Some(same.id.clone());
                return next;
            }
            let Some((quote, position)) = describe(text, start, end) else {
                return next;
            };
            next.claims.push(Claim {
                id: id.clone(),
                quote,
                position,
                status: Status::Unverified,
                source: String::new(),
                note: String::new(),
                created: at.clone(),
                modified: at,
            });
            sort_in_reading_order(&mut next.claims);
            next.selected = Some(id);
            next.deleted = None;
        }
        Action::Select(id) => {
            next.selected = id.filter(|id| state.claim(id).is_some());
        }
        Action::SetStatus { id, status, at } => next.edit(&id, at, |c| {
            let changed = c.status != status;
            c.status = status;
            changed
        }),
        Action::SetSource { id, source, at } => next.edit(&id, at, |c| {
            let changed = c.source != source;
            c.source = source;
            changed
        }),
        Action::SetNote { id, note, at } => next.edit(&id, at, |c| {
            let changed = c.note != note;
            c.note = note;
            changed
        }),
        Action::Delete { id } => {
            if let Some(i) = next.claims.iter().position(|c| c.id == id) {
                let claim = next.claims.remove(i);
                let was_selected = next.selected.as_deref() == Some(id.as_str());
                if was_selected {
                    next.selected = None;
                }
                next.deleted = Some(Deleted {
                    claim,
                    was_selected,
                });
            }
        }
        Action::UndoDelete => {
            if let Some(Deleted {
                claim,
                was_selected,
            }) = next.deleted.take()
            {
                if was_selected {
                    next.selected = Some(claim.id.clone());
                }
                next.claims.push(claim);
                sort_in_reading_order(&mut next.claims);
            }
        }
        Action::DismissUndo => next.deleted = None,
        Action::ReportStorage(health) => next.storage = health,
        Action::Warn(message) => {
            if !next.warnings.contains(&message) {
                next.warnings.push(message);
            }
        }
        Action::DismissWarning(i) => {
            if i < next.warnings.len() {
                next.warnings.remove(i);
            }
        }
    }
    next
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::offsets::slice;

    const TEXT: &str =
        "The Post reported, citing documents, that the port paid twice.\n\nReyl denied it.";

    fn state() -> AppState {
        AppState::new(
            Article {
                id: "a".into(),
                title: "T".into(),
                outlet: String::new(),
                byline: String::new(),
                date: String::new(),
                text: TEXT.into(),
            },
            vec![],
            None,
        )
    }

    fn add(s: &AppState, id: &str, start: usize, end: usize) -> AppState {
        reduce(
            s,
            Action::AddClaim {
                id: id.into(),
                start,
                end,
                at: format!("t-{id}"),
            },
        )
    }

    #[test]
    fn adding_trims_describes_selects_and_keeps_reading_order() {
        let s = add(&state(), "late", 64, 79);
        let s = add(&s, "early", 3, 19);
        assert_eq!(s.claims.len(), 2);
        let early = &s.claims[0];
        assert_eq!(early.id, "early");
        assert_eq!(early.quote.exact, "Post reported,");
        assert_eq!(
            slice(TEXT, early.position.start, early.position.end),
            Some("Post reported,")
        );
        assert_eq!(early.status, Status::Unverified);
        assert_eq!(early.created, "t-early");
        assert_eq!(s.selected.as_deref(), Some("early"));
        assert_eq!(s.claims[1].quote.exact, "Reyl denied it.");
    }

    #[test]
    fn blank_duplicate_and_out_of_range_selections_add_nothing() {
        let s = add(&state(), "a", 62, 64);
        assert!(s.claims.is_empty());
        let s = add(&state(), "a", 70, 500);
        assert!(s.claims.is_empty());
        let s = add(&state(), "a", 4, 8);
        let s = reduce(&s, Action::Select(None));
        let again = add(&s, "b", 3, 9);
        assert_eq!(again.claims.len(), 1);
        assert_eq!(again.selected.as_deref(), Some("a"));
    }

    #[test]
    fn edits_touch_modified_only_when_something_changes() {
        let s = add(&state(), "c", 0, 17);
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: "t2".into(),
            },
        );
        assert_eq!(s.claims[0].status, Status::Verified);
        assert_eq!(s.claims[0].modified, "t2");
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: "t3".into(),
            },
        );
        assert_eq!(s.claims[0].modified, "t2");
        let s = reduce(
            &s,
            Action::SetSource {
                id: "c".into(),
                source: "The Post".into(),
                at: "t4".into(),
            },
        );
        let s = reduce(
            &s,
            Action::SetNote {
                id: "c".into(),
                note: "Checked the archive.".into(),
                at: "t5".into(),
            },
        );
        assert_eq!(s.claims[0].source, "The Post");
        assert_eq!(s.claims[0].note, "Checked the archive.");
        assert_eq!(s.claims[0].modified, "t5");
    }

    #[test]
    fn delete_can_be_undone_exactly() {
        let s = add(&state(), "a", 0, 17);
        let s = add(&s, "b", 64, 79);
        let before = s.clone();
        let s = reduce(&s, Action::Delete { id: "b".into() });
        assert_eq!(s.claims.len(), 1);
        assert_eq!(s.selected, None);
        let s = reduce(&s, Action::UndoDelete);
        assert_eq!(s.claims, before.claims);
        assert_eq!(s.selected, before.selected);
        assert_eq!(s.deleted, None);
        let s = reduce(&s, Action::Delete { id: "a".into() });
        let s = reduce(&s, Action::DismissUndo);
        assert_eq!(reduce(&s, Action::UndoDelete).claims.len(), 1);
    }

    #[test]
    fn opening_an_article_keeps_storage_problems_visible() {
        let s = reduce(
            &state(),
            Action::ReportStorage(StorageHealth::Failing("full".into())),
        );
        let other = add(&state(), "x", 0, 8);
        let opened = reduce(
            &s,
            Action::OpenArticle {
                article: (*other.article).clone(),
                claims: other.claims.clone(),
                selected: Some("x".into()),
            },
        );
        assert_eq!(opened.storage, StorageHealth::Failing("full".into()));
        assert_eq!(opened.selected.as_deref(), Some("x"));
        let none = reduce(
            &opened,
            Action::OpenArticle {
                article: (*other.article).clone(),
                claims: vec![],
                selected: Some("x".into()),
            },
        );
        assert_eq!(
            none.selected, None,
            "a selection must name an existing claim"
        );
    }

    #[test]
    fn only_data_changes_need_saving() {
        let s = state();
        let shown = reduce(&s, Action::ReportStorage(StorageHealth::Fine));
        assert!(!shown.data_differs(&s));
        assert!(add(&s, "a", 0, 8).data_differs(&s));
    }
}
