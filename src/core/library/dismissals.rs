//! The claim suggestions a reader dismissed, per article, kept beside the article (like the
//! tombstones in `deletions`) so the article key stays in the export format. A dismissal names
//! the suggestion by its span and the words there, so it still holds after a reload (the
//! suggester is deterministic) and lapses by itself when an edit changes those words.

use serde::{Deserialize, Serialize};

use super::store::{KeyValue, Store, WriteError};
use crate::core::formats::value_reader;

const DISMISSED_PREFIX: &str = "claimcheck:dismissed-suggestions:";

/// One dismissed suggestion: code points `start..end` of the article text, which read `quote`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissed {
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

fn dismissed_key(id: &str) -> String {
    format!("{DISMISSED_PREFIX}{id}")
}

impl<S: KeyValue> Store<S> {
    /// The suggestions dismissed on article `id`; an unreadable record counts as none (it only
    /// brings suggestions back, and the next dismissal writes it afresh).
    pub fn dismissals(&self, id: &str) -> Vec<Dismissed> {
        self.kv
            .get(&dismissed_key(id))
            .and_then(|raw| value_reader::read_text(&raw).ok())
            .unwrap_or_default()
    }

    pub fn write_dismissals(
        &mut self,
        id: &str,
        dismissed: &[Dismissed],
    ) -> Result<(), WriteError> {
        let key = dismissed_key(id);
        if dismissed.is_empty() {
            self.kv.remove(&key);
            return Ok(());
        }
        let json = serde_json::to_string(dismissed).expect("dismissals always serialize");
        self.kv.set(&key, &json)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::library::memory_kv::MemoryKv;

    #[test]
    fn dismissals_are_kept_per_article_and_bad_records_count_as_none() {
        let mut store = Store::new(MemoryKv::default());
        let d = Dismissed {
            start: 3,
            end: 9,
            quote: "née 😀".into(),
        };
        store
            .write_dismissals("a", std::slice::from_ref(&d))
            .unwrap();
        assert_eq!(store.dismissals("a"), vec![d]);
        assert!(store.dismissals("b").is_empty());
        store.write_dismissals("a", &[]).unwrap();
        assert!(store.kv().get(&dismissed_key("a")).is_none());
        store
            .kv_mut()
            .data
            .insert(dismissed_key("c"), "{nope".into());
        assert!(store.dismissals("c").is_empty());
    }
}
