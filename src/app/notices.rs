//! What the user is told, in one place: a brief message, the offers to undo (a deleted claim,
//! an article taken out of the library), what an edit of the text did to the claims, lasting
//! warnings about stored data, and whether saving works. Reducers and use cases set them; the
//! view shows them, and dismisses them with actions.

use std::rc::Rc;

use crate::core::anchoring::reanchor::Report;
use crate::core::library::store::RemovedArticle;
use crate::core::model::Claim;

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
    pub orphan: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notices {
    /// A brief message ("Opened …", "Nothing was imported: …"), until it times out; only one
    /// shows at a time, the newest.
    pub message: Option<String>,
    /// The claim deleted last, until its Undo is used or times out.
    pub deleted: Option<Deleted>,
    /// The article taken out of the library last, until it is put back or dismissed.
    pub removed_article: Option<Rc<RemovedArticle>>,
    /// What the last edit of the article text did to the claims.
    pub reanchored: Option<Report>,
    /// Problems found in stored data (kept, never overwritten), each shown until dismissed.
    pub warnings: Vec<String>,
    pub storage: StorageHealth,
}

impl Notices {
    /// What stays when another article is opened (or the open one goes back a step): the
    /// notices about the open article's last change go.
    pub fn without_changes(self) -> Notices {
        Notices {
            deleted: None,
            reanchored: None,
            ..self
        }
    }

    /// Adds a warning, unless it is shown already.
    pub fn warn(&mut self, warning: String) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    pub fn dismiss_warning(&mut self, index: usize) {
        if index < self.warnings.len() {
            self.warnings.remove(index);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn warnings_show_once_and_changes_go_with_their_article() {
        let mut n = Notices {
            message: Some("Opened".into()),
            reanchored: Some(Report::default()),
            ..Notices::default()
        };
        n.warn("kept aside".into());
        n.warn("kept aside".into());
        n.warn("newer version".into());
        assert_eq!(n.warnings, ["kept aside", "newer version"]);
        n.dismiss_warning(5);
        n.dismiss_warning(0);
        assert_eq!(n.warnings, ["newer version"]);
        let n = n.without_changes();
        assert_eq!(n.reanchored, None);
        assert_eq!(n.message.as_deref(), Some("Opened"));
        assert_eq!(n.warnings.len(), 1);
    }
}
