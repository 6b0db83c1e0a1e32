//! The work storage did not take, as data: whether the open article's latest state is only in
//! memory, the other articles held there, and why the last save failed. The session holds one;
//! what the use cases do with it is in `use_cases::unsaved`.

use crate::core::library::store::WriteError;
use crate::core::model::Document;

/// What is not saved, and why.
#[derive(Debug, Default)]
pub struct UnsavedWork {
    /// The open article differs from its stored copy (or has none, and cannot be had again).
    pub open: bool,
    /// Other articles whose latest state is only here, in the order they were kept.
    pub kept: Vec<Document>,
    /// Why the last save failed, while it does.
    pub error: Option<WriteError>,
}

impl UnsavedWork {
    pub fn keep(&mut self, doc: Document) {
        self.kept.retain(|d| d.article.id != doc.article.id);
        self.kept.push(doc);
    }

    pub fn take(&mut self, id: &str) -> Option<Document> {
        let at = self.kept.iter().position(|d| d.article.id == id)?;
        Some(self.kept.remove(at))
    }
}
