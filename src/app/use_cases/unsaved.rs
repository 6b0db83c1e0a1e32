//! Work the browser's storage did not take, held in this tab's memory until a save succeeds:
//! the open article's latest changes, and articles switched away from (or imported, or put back
//! after a delete) while saving failed. Every use case works from what is held here rather than
//! from the stored copies, so a full storage never loses what was on screen; and the storage
//! banner names each article whose work is held, until it is saved.

use crate::app::actions::Action;
use crate::app::notices::{not_saved, why_not_saved, StorageHealth};
use crate::app::session::Session;
use crate::core::formats::native;
use crate::core::intake::samples;
use crate::core::library::store::{article_key, IndexEntry, KeyValue, WriteError};
use crate::core::model::Document;

impl<S: KeyValue> Session<S> {
    /// Whether storage holds `doc` exactly as it is.
    fn stored_as_is(&self, doc: &Document) -> bool {
        self.store.kv().get(&article_key(&doc.article.id))
            == Some(native::to_json(&doc.article, &doc.claims, &doc.orphans))
    }

    /// Whether `doc`, just opened, can be had again when it is not saved: it is stored as it is,
    /// or it is a bundled sample not yet worked on.
    pub(super) fn can_be_had_again(&self, doc: &Document) -> bool {
        self.stored_as_is(doc)
            || (doc.claims.is_empty()
                && doc.orphans.is_empty()
                && samples::by_id(&doc.article.id).as_ref() == Some(&doc.article))
    }

    /// Before another article is shown: keeps the open one in memory if its work is not saved,
    /// and says so.
    pub(super) fn keep_open_if_unsaved(&mut self) {
        let doc = self.state().document();
        if !self.held.open || self.stored_as_is(&doc) {
            return;
        }
        let why = self
            .held
            .error
            .as_ref()
            .map_or_else(|| "it could not be saved".to_string(), why_not_saved);
        let message = format!(
            "Your changes to “{}” are not saved ({why}): they are kept in this tab until you close it.",
            doc.article.title
        );
        self.held.keep(doc);
        self.held.open = false;
        self.dispatch(Action::Tell(message));
    }

    /// The document with `id` as held in memory, taken out to be shown or put in storage.
    pub(super) fn take_kept(&mut self, id: &str) -> Option<Document> {
        self.held.take(id)
    }

    /// Whether the latest work on article `id` is only in memory.
    pub(super) fn holds(&self, id: &str) -> bool {
        self.held.kept.iter().any(|d| d.article.id == id)
            || (self.held.open && self.state().article.id == id)
    }

    pub(super) fn keep(&mut self, doc: Document) {
        self.held.keep(doc);
    }

    /// `docs` (as stored) with the work held in memory in place of their stored copies: the
    /// open article as it is on screen, and the articles kept here. (An open article that
    /// storage has no copy of is added only when there is work on it to keep.)
    pub(super) fn with_unsaved(&self, mut docs: Vec<Document>) -> Vec<Document> {
        let open = self.state().document();
        for doc in self.held.kept.iter().chain(std::iter::once(&open)) {
            match docs.iter_mut().find(|d| d.article.id == doc.article.id) {
                Some(stored) => *stored = doc.clone(),
                None if doc.article.id != open.article.id || self.held.open => {
                    docs.push(doc.clone())
                }
                None => {}
            }
        }
        docs
    }

    /// The library's entries with the counts of the work held in memory, which the library
    /// lists too (it can be opened from there).
    pub(super) fn entries_with_unsaved(&self, mut entries: Vec<IndexEntry>) -> Vec<IndexEntry> {
        let open = self.held.open.then(|| self.state().document());
        for doc in self.held.kept.iter().chain(open.as_ref()) {
            let entry = IndexEntry::of(&doc.article, &doc.claims, &doc.orphans);
            match entries.iter_mut().find(|e| e.id == entry.id) {
                Some(stored) => *stored = entry,
                None => entries.push(entry),
            }
        }
        entries
    }

    /// After the open article was saved (`saved`): saves what is kept in memory too, and
    /// says what is still not saved, naming each article, until everything is.
    pub(crate) fn storage_health(&mut self, saved: Result<(), WriteError>) -> StorageHealth {
        self.held.open = saved.is_err() && !self.can_be_had_again(&self.state().document());
        let mut error = saved.err();
        if error.is_none() && !self.held.kept.is_empty() {
            let kept = std::mem::take(&mut self.held.kept);
            if let Err(e) = self.store.put_documents(&kept) {
                self.held.kept = kept;
                error = Some(e);
            }
        }
        self.held.error = error.clone();
        match error {
            None => StorageHealth::Fine,
            Some(e) => {
                let titles: Vec<String> = self
                    .held
                    .kept
                    .iter()
                    .map(|d| d.article.title.clone())
                    .collect();
                StorageHealth::Failing(not_saved(&e, self.held.open, &titles))
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::notices::StorageHealth;
    use crate::app::session::tests::{fresh, kv, mark};
    use crate::app::session::Session;
    use crate::core::formats::native;
    use crate::core::intake::samples;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::library::store::{article_key, KeyValue};
    use crate::core::test_claims::claim_on;

    const NOW: &str = "2026-02-01T00:00:00Z";

    fn note(s: &mut Session<MemoryKv>, id: &str, text: &str) {
        s.dispatch(Action::SetNote {
            id: id.into(),
            note: text.into(),
            at: "2026-01-02T00:00:00Z".into(),
        });
    }

    fn failing(s: &Session<MemoryKv>) -> String {
        match &s.state().notices.storage {
            StorageHealth::Failing(m) => m.clone(),
            StorageHealth::Fine => panic!("the storage banner is gone"),
        }
    }

    fn stored(s: &Session<MemoryKv>, id: &str) -> String {
        kv(s).get(&article_key(id)).unwrap_or_default()
    }

    /// A session with claim c1 saved on the first sample, then storage nearly full and a long
    /// note typed on c1 that does not fit.
    fn long_note_not_saved() -> (Session<MemoryKv>, String) {
        let mut s = fresh();
        mark(&mut s, "c1");
        s.save();
        s.store.kv_mut().leave_room(300);
        let long = "n".repeat(4200);
        note(&mut s, "c1", &long);
        s.flush();
        assert!(failing(&s).contains("Export JSON"));
        assert!(!stored(&s, &s.state().article.id).contains(&long));
        (s, long)
    }

    #[test]
    fn an_import_while_storage_is_full_keeps_the_note_on_screen_and_the_warning() {
        let (mut s, long) = long_note_not_saved();
        let open = (*s.state().article).clone();
        let words: String = open.text.chars().skip(60).take(20).collect();
        let file = native::to_json(&open, &[claim_on(&open.text, "theirs", &words)], &[]);
        s.open_json("theirs.json", file, NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(told.contains("1 added"), "{told}");
        assert!(told.contains("Not saved: it is kept in this tab"), "{told}");
        let c1 = s.state().claim("c1").unwrap();
        assert_eq!(
            c1.note, long,
            "the note on screen is merged into, not the stored copy"
        );
        assert!(s.state().claim("theirs").is_some());
        assert!(failing(&s).contains("Export JSON"), "the warning stays");
        // Once there is room, the next save keeps both (a flush tries again after a failure).
        s.store.kv_mut().quota = None;
        s.flush();
        assert_eq!(s.state().notices.storage, StorageHealth::Fine);
        let saved = native::parse(&stored(&s, &open.id)).unwrap();
        assert!(saved.claims.iter().any(|c| c.id == "theirs"));
        assert!(saved.claims.iter().any(|c| c.note == long));
    }

    #[test]
    fn switching_away_from_unsaved_work_keeps_it_in_memory_and_says_so() {
        let (mut s, long) = long_note_not_saved();
        let first = (*s.state().article).clone();
        let second = samples::all()[1].id.clone();
        s.open_by_id(&second).unwrap();
        assert_eq!(s.state().article.id, second);
        let told = s.state().notices.message.clone().unwrap();
        assert_eq!(
            told,
            format!(
                "Your changes to “{}” are not saved (your browser's storage for this page is \
                 full): they are kept in this tab until you close it.",
                first.title
            )
        );
        let banner = failing(&s);
        assert!(
            banner.contains(&format!("your changes to “{}” are not saved", first.title)),
            "the banner follows the unsaved article: {banner}"
        );
        let listed = s.library();
        let entry = listed.iter().find(|e| e.id == first.id).unwrap();
        assert_eq!(entry.claims, 1);
        // Back on it: the work is there, from memory; the banner is about the open article again.
        s.open_by_id(&first.id).unwrap();
        assert_eq!(s.state().claim("c1").unwrap().note, long);
        assert!(failing(&s).contains("Export JSON"));
        // An article opened from a file (with no other copy) is kept too.
        s.open_article(samples::all()[2].clone());
        assert!(s.held.kept.iter().any(|d| d.article.id == first.id));
        s.store.kv_mut().quota = None;
        s.save();
        assert_eq!(s.state().notices.storage, StorageHealth::Fine);
        assert!(
            s.held.kept.is_empty(),
            "what was kept is saved with the next save"
        );
        assert!(stored(&s, &first.id).contains(&long));
    }

    #[test]
    fn undoing_a_delete_while_storage_is_full_puts_it_back_in_memory() {
        let mut s = fresh();
        let first = (*s.state().article).clone();
        mark(&mut s, "c1");
        let second = samples::all()[1].clone();
        s.open_article(second.clone());
        s.remove_article(&first.id).unwrap();
        // Another page takes the room the delete made.
        s.store.kv_mut().leave_room(0);
        s.undo_remove_article();
        let told = s.state().notices.message.clone().unwrap();
        assert_eq!(
            told,
            format!(
                "“{}” is back in the library, but only in this tab: your browser's storage for \
                 this page is full, so it is not saved. Use Export library to keep a copy before \
                 you close the tab.",
                first.title
            )
        );
        assert!(kv(&s).get(&article_key(&first.id)).is_none());
        assert!(failing(&s).contains(&first.title));
        assert!(s.library().iter().any(|e| e.id == first.id));
        let docs = s.library_documents();
        let back = docs.iter().find(|d| d.article.id == first.id).unwrap();
        assert_eq!(back.claims[0].id, "c1");
        s.open_by_id(&first.id).unwrap();
        assert_eq!(s.state().claims[0].id, "c1");

        // The open article deleted with unsaved work: what is offered back is that work.
        s.dispatch(Action::AddClaim {
            id: "c2".into(),
            start: 60,
            end: 90,
            at: NOW.into(),
        });
        s.flush();
        let removed = s.remove_article(&first.id).unwrap();
        assert!(removed.stored.contains("c2"), "{}", removed.stored);
        assert_eq!(removed.entry.claims, 2);
        s.store.kv_mut().quota = None;
        s.undo_remove_article();
        assert!(stored(&s, &first.id).contains("c2"));
    }

    #[test]
    fn a_library_export_has_the_work_not_saved() {
        let mut s = fresh();
        let first = s.state().article.id.clone();
        mark(&mut s, "c1");
        s.save();
        s.store.kv_mut().leave_room(0);
        s.dispatch(Action::AddClaim {
            id: "c2".into(),
            start: 60,
            end: 90,
            at: NOW.into(),
        });
        s.flush();
        let pasted = crate::core::text::paragraphs::article_from_parts(
            "Pasted",
            "A pasted article.\n\nIts only copy is here.",
        )
        .unwrap();
        s.open_article(pasted.clone());
        mark(&mut s, "p1");
        let docs = s.library_documents();
        let ids = |id: &str| -> Vec<String> {
            docs.iter()
                .find(|d| d.article.id == id)
                .map(|d| d.claims.iter().map(|c| c.id.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(ids(&first), ["c1", "c2"]);
        assert_eq!(ids(&pasted.id), ["p1"], "the open article as on screen");
    }

    #[test]
    fn what_could_not_be_written_is_said_as_it_is() {
        let mut s = fresh();
        let first = s.state().article.id.clone();
        mark(&mut s, "c1");
        s.open_article(samples::all()[1].clone());
        s.store.kv_mut().full = true;
        let e = s.remove_article(&first).unwrap_err();
        assert_eq!(
            e,
            "Nothing was deleted: your browser's storage for this page is full."
        );
        assert!(kv(&s).get(&article_key(&first)).is_some());
        let e = s.rename(&first, "Another title").unwrap_err();
        assert_eq!(
            e,
            "The new title could not be saved: your browser's storage for this page is full."
        );
    }
}
