//! What tabs leave for each other when they delete: the articles taken out of the library, and
//! per article the claims deleted from it with when (`sync::Tombstones`), so a tab still
//! showing either does not save it back. Kept beside the articles rather than in them, so the
//! article keys stay in the export format.

use super::store::{article_key, KeyValue, Store, WriteError};
use super::sync::Tombstones;
use crate::core::formats::value_reader;

const TOMBSTONES_PREFIX: &str = "claimcheck:deleted-claims:";
pub const DELETED_ARTICLES_KEY: &str = "claimcheck:deleted-articles";

impl<S: KeyValue> Store<S> {
    /// The ids of articles taken out of the library (by any tab) and not put back.
    pub(super) fn deleted_articles(&self) -> Vec<String> {
        self.kv
            .get(DELETED_ARTICLES_KEY)
            .and_then(|raw| value_reader::read_text(&raw).ok())
            .unwrap_or_default()
    }

    pub(super) fn write_deleted_articles(&mut self, ids: &[String]) -> Result<(), WriteError> {
        if ids.is_empty() {
            self.kv.remove(DELETED_ARTICLES_KEY);
            return Ok(());
        }
        let json = serde_json::to_string(ids).expect("ids always serialize");
        self.kv.set(DELETED_ARTICLES_KEY, &json)
    }

    pub(super) fn mark_deleted(&mut self, id: &str) -> Result<(), WriteError> {
        let mut deleted = self.deleted_articles();
        if deleted.iter().any(|d| d == id) {
            return Ok(());
        }
        deleted.push(id.to_string());
        self.write_deleted_articles(&deleted)
    }

    /// Whether article `id` was taken out of the library and is not stored any more.
    pub fn was_deleted(&self, id: &str) -> bool {
        self.kv.get(&article_key(id)).is_none() && self.listed_as_deleted(id)
    }

    /// Whether article `id` is on the list of those taken out of the library: [`Self::was_deleted`]
    /// for a caller that has just read the article's record (and found none).
    pub fn listed_as_deleted(&self, id: &str) -> bool {
        self.deleted_articles().iter().any(|d| d == id)
    }

    /// Article `id` is in the library again (put back, imported, or opened afresh).
    pub fn forget_deleted(&mut self, id: &str) -> Result<(), WriteError> {
        let mut deleted = self.deleted_articles();
        let before = deleted.len();
        deleted.retain(|d| d != id);
        if deleted.len() == before {
            return Ok(());
        }
        self.write_deleted_articles(&deleted)
    }

    /// The article's stored text, exactly (to tell whether another tab wrote it since).
    pub fn stored_raw(&self, id: &str) -> Option<String> {
        self.kv.get(&article_key(id))
    }

    /// The claims deleted from article `id`, with when; unreadable tombstones count as none.
    pub fn tombstones(&self, id: &str) -> Tombstones {
        self.kv
            .get(&format!("{TOMBSTONES_PREFIX}{id}"))
            .and_then(|raw| value_reader::read_text(&raw).ok())
            .unwrap_or_default()
    }

    pub fn write_tombstones(&mut self, id: &str, graves: &Tombstones) -> Result<(), WriteError> {
        let key = format!("{TOMBSTONES_PREFIX}{id}");
        if graves.is_empty() {
            self.kv.remove(&key);
            return Ok(());
        }
        let json = serde_json::to_string(graves).expect("tombstones always serialize");
        self.kv.set(&key, &json)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::intake::samples;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::model::Document;

    #[test]
    fn a_removed_article_is_marked_deleted_until_it_is_put_back_or_imported() {
        let mut store = Store::new(MemoryKv::default());
        let doc = Document::new(samples::first(), vec![], vec![]);
        store.put_documents(std::slice::from_ref(&doc)).unwrap();
        let id = doc.article.id.clone();
        assert!(!store.was_deleted(&id));
        let removed = store.remove(&id).unwrap().unwrap();
        assert!(store.was_deleted(&id));
        store.restore(&removed).unwrap();
        assert!(!store.was_deleted(&id));
        assert!(store.kv().get(DELETED_ARTICLES_KEY).is_none());
        store.remove(&id).unwrap();
        store.put_documents(&[doc]).unwrap();
        assert!(!store.was_deleted(&id));
        let graves = Tombstones::from([("c9".to_string(), "t".to_string())]);
        store.write_tombstones(&id, &graves).unwrap();
        assert_eq!(store.tombstones(&id), graves);
    }
}
