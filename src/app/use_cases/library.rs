//! The library's use cases: opening an article (with the claims stored for it), listing,
//! renaming, removing and putting back articles.

use std::rc::Rc;

use crate::app::actions::Action;
use crate::app::details::Details;
use crate::app::notices::why_not_saved;
use crate::app::session::Session;
use crate::core::formats::native;
use crate::core::intake::samples;
use crate::core::library::store::{IndexEntry, KeyValue, RemovedArticle};
use crate::core::model::{Article, Document};

impl<S: KeyValue> Session<S> {
    /// Shows `article`, with the claims stored for it if it was opened before (or as it is
    /// held in memory, when its work could not be saved). Work on the article shown before
    /// that could not be saved is kept in memory, and the user is told. Returns its id.
    pub fn open_article(&mut self, article: Article) -> String {
        self.flush();
        self.keep_open_if_unsaved();
        let mut warnings = Vec::new();
        let (doc, stored) = match self.take_kept(&article.id) {
            Some(kept) => (kept, None),
            None => self.store.open_as_stored(article, &mut warnings),
        };
        self.show_opened(doc, stored, warnings)
    }

    /// Shows `doc`, just opened; `stored` is the text it is stored as when it is exactly that.
    fn show_opened(
        &mut self,
        doc: Document,
        stored: Option<String>,
        warnings: Vec<String>,
    ) -> String {
        let id = doc.article.id.clone();
        self.show(doc, None);
        // What was just read is what is stored (so not deleted): the next save starts from it,
        // and this one then has nothing of the article's own to write.
        let just_read = stored.is_some();
        if let Some(raw) = stored {
            self.synced.article = Some((self.state().document(), raw));
        }
        self.warn_all(warnings);
        // Saving now records the switch in the index even when nothing else changes. An article
        // read a moment ago in this same task cannot have been written since by another tab,
        // so there is nothing to merge it with (and no need to read it again).
        if just_read {
            self.save_as_stored();
        } else {
            self.save();
        }
        id
    }

    /// Opens the article with `id` from the library (or this tab's memory) or the bundled
    /// samples.
    pub fn open_by_id(&mut self, id: &str) -> Result<(), String> {
        if self.state().article.id == id {
            return Ok(());
        }
        self.flush();
        let held = self.held.kept.iter().find(|d| d.article.id == id);
        if let Some(article) = held.map(|d| d.article.clone()) {
            self.open_article(article);
            return Ok(());
        }
        let mut warnings = Vec::new();
        // Read once: the record can be large.
        if let Some((doc, stored)) = self.store.read_article_as_stored(id, &mut warnings) {
            self.keep_open_if_unsaved();
            self.show_opened(doc, stored, warnings);
            return Ok(());
        }
        self.warn_all(warnings);
        let article = samples::by_id(id)
            .ok_or_else(|| format!("There is no article \"{id}\" in this browser's library."))?;
        self.open_article(article);
        Ok(())
    }

    /// The library, with the open article's counts up to date, and the articles held in
    /// memory because they could not be saved.
    pub fn library(&mut self) -> Vec<IndexEntry> {
        self.flush();
        let entries = self.store.library();
        self.entries_with_unsaved(entries)
    }

    /// Every article of the library: as stored, but the open article as it is on screen and
    /// the articles held in memory as they are there (the open one saved first).
    pub fn library_documents(&mut self) -> Vec<Document> {
        self.flush();
        let mut warnings = Vec::new();
        let docs = self.store.documents(&mut warnings);
        self.warn_all(warnings);
        self.with_unsaved(docs)
    }

    /// Takes an article out of the library (opening another if it was open), and offers to
    /// put it back; so does the result, with [`Session::restore_article`]. What is offered back
    /// is the article as it was last here, saved or not.
    pub fn remove_article(&mut self, id: &str) -> Result<RemovedArticle, String> {
        self.flush();
        let stored = self
            .store
            .remove(id)
            .map_err(|e| format!("Nothing was deleted: {}.", why_not_saved(&e)))?;
        let is_open = self.state().article.id == id;
        let unsaved = match self.take_kept(id) {
            Some(kept) => Some(kept),
            None => (is_open && self.held.open).then(|| self.state().document()),
        };
        let removed = match (stored, unsaved) {
            (_, Some(doc)) => RemovedArticle {
                entry: IndexEntry::of(&doc.article, &doc.claims, &doc.orphans),
                stored: native::to_json(&doc.article, &doc.claims, &doc.orphans),
            },
            (Some(stored), None) => stored,
            (None, None) => return Err("That article is not in the library.".to_string()),
        };
        if is_open {
            // Its work goes with it, into the offer to put it back.
            self.held.open = false;
            let next = self.library().into_iter().next();
            if next.is_none_or(|e| self.open_by_id(&e.id).is_err()) {
                self.open_article(samples::first());
            }
        }
        self.dispatch(Action::ArticleRemoved(Rc::new(removed.clone())));
        Ok(removed)
    }

    /// Puts a removed article back. When storage does not take it, it is back in this tab's
    /// memory (and library) instead, and the error says so.
    pub fn restore_article(&mut self, removed: &RemovedArticle) -> Result<(), String> {
        self.flush();
        let title = &removed.entry.title;
        let Err(e) = self.store.restore(removed) else {
            return Ok(());
        };
        let Ok(doc) = native::parse(&removed.stored) else {
            return Err(format!(
                "“{title}” could not be put back: {}.",
                why_not_saved(&e)
            ));
        };
        self.keep(doc);
        self.save();
        Err(format!(
            "“{title}” is back in the library, but only in this tab: {}, so it is not saved. \
             Use Export library to keep a copy before you close the tab.",
            why_not_saved(&e)
        ))
    }

    /// Puts back the article removed last, if it is still on offer, and says how that went.
    pub fn undo_remove_article(&mut self) {
        let Some(removed) = self.state().notices.removed_article.clone() else {
            return;
        };
        let message = match self.restore_article(&removed) {
            Ok(()) => format!("“{}” is back in the library.", removed.entry.title),
            Err(e) => e,
        };
        self.dispatch(Action::Tell(message));
        self.dispatch(Action::DismissRemovedArticle);
    }

    /// Renames a library article; the open one through its details, so the change is an action.
    pub fn rename(&mut self, id: &str, title: &str) -> Result<(), String> {
        if self.state().article.id == id {
            let details = Details {
                title: title.to_string(),
                ..Details::of(&self.state().article)
            };
            self.dispatch(Action::SetDetails(details));
            self.flush();
            return Ok(());
        }
        self.flush();
        self.store
            .rename(id, title)
            .map_err(|e| format!("The new title could not be saved: {}.", why_not_saved(&e)))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::session::tests::{fresh, kv, mark};
    use crate::app::session::Session;
    use crate::core::intake::samples;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::library::store::{article_key, KeyValue, INDEX_KEY};

    #[test]
    fn an_article_opens_by_id_with_its_stored_claims() {
        let mut s = fresh();
        let first = s.state().article.id.clone();
        mark(&mut s, "c1");
        let second = samples::all()[1].id.clone();
        s.open_by_id(&second).unwrap();
        assert_eq!(s.state().article.id, second);
        assert!(s.state().claims.is_empty());
        assert!(
            kv(&s).get(&article_key(&first)).unwrap().contains("c1"),
            "the claim was saved before leaving"
        );
        assert!(kv(&s)
            .get(INDEX_KEY)
            .unwrap()
            .contains(&format!("\"current\":\"{second}\"")));
        s.open_by_id(&first).unwrap();
        assert_eq!(s.state().claims[0].id, "c1");
        let e = s.open_by_id("no-such-article").unwrap_err();
        assert!(e.contains("no-such-article"), "{e}");
        assert_eq!(s.state().article.id, first, "the open article stays");
    }

    /// Stores `id`'s record again as equivalent JSON laid out differently, so a test can tell
    /// whether a save wrote it again.
    fn restore_pretty(s: &mut Session<MemoryKv>, id: &str) -> String {
        let key = article_key(id);
        let value: serde_json::Value = serde_json::from_str(&kv(s).get(&key).unwrap()).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        s.store.kv_mut().set(&key, &pretty).unwrap();
        pretty
    }

    /// A session whose first article, with claim c1, is stored and another article is open.
    fn first_stored() -> (Session<MemoryKv>, String) {
        let mut s = fresh();
        let first = s.state().article.id.clone();
        mark(&mut s, "c1");
        s.open_by_id(&samples::all()[1].id).unwrap();
        (s, first)
    }

    #[test]
    fn opening_a_stored_article_writes_the_index_not_the_article_again() {
        let (mut s, first) = first_stored();
        let pretty = restore_pretty(&mut s, &first);

        s.open_by_id(&first).unwrap();
        assert_eq!(s.state().claims[0].id, "c1");
        assert_eq!(kv(&s).get(&article_key(&first)), Some(pretty.clone()));
        let index = kv(&s).get(INDEX_KEY).unwrap();
        assert!(
            index.contains(&format!("\"current\":\"{first}\"")),
            "{index}"
        );
        // Choosing a claim is saved in the index alone, too.
        s.dispatch(Action::Select(Some("c1".into())));
        s.save();
        assert_eq!(kv(&s).get(&article_key(&first)), Some(pretty.clone()));
        assert!(kv(&s)
            .get(INDEX_KEY)
            .unwrap()
            .contains("\"selected\":\"c1\""));
        // A change to the article is written, from the base read when it opened.
        s.dispatch(Action::AddClaim {
            id: "c2".into(),
            start: 50,
            end: 80,
            at: "2026-01-02T00:00:00Z".into(),
        });
        s.save();
        let stored = kv(&s).get(&article_key(&first)).unwrap();
        assert!(stored != pretty && stored.contains("c1") && stored.contains("c2"));
    }

    #[test]
    fn opening_from_the_library_reads_the_record_once_and_the_next_save_checks_it_once() {
        let (mut s, first) = first_stored();
        kv(&s).reads.borrow_mut().clear();
        s.open_by_id(&first).unwrap();
        assert_eq!(s.state().claims[0].id, "c1");
        let key = article_key(&first);
        let reads =
            |s: &Session<MemoryKv>| kv(s).reads.borrow().iter().filter(|k| **k == key).count();
        // The save that records the switch trusts what it has just read.
        assert_eq!(reads(&s), 1, "{:?}", kv(&s).reads.borrow());
        let index = kv(&s).get(INDEX_KEY).unwrap();
        assert!(
            index.contains(&format!("\"current\":\"{first}\"")),
            "{index}"
        );
        // A later save looks again: another tab may have written since.
        s.save();
        assert_eq!(reads(&s), 2, "{:?}", kv(&s).reads.borrow());
    }

    #[test]
    fn an_article_gone_from_storage_since_it_opened_is_written_back() {
        let (mut s, first) = first_stored();
        s.open_by_id(&first).unwrap();
        s.store.kv_mut().remove(&article_key(&first));
        s.save();
        assert!(kv(&s).get(&article_key(&first)).unwrap().contains("c1"));
        // Likewise when something else was written there: the merge keeps both.
        s.open_by_id(&samples::all()[1].id).unwrap();
        s.open_by_id(&first).unwrap();
        let key = article_key(&first);
        let mut value: serde_json::Value =
            serde_json::from_str(&kv(&s).get(&key).unwrap()).unwrap();
        value["claims"][0]["note"] = "From elsewhere".into();
        let changed = value.to_string();
        s.store.kv_mut().set(&key, &changed).unwrap();
        s.save();
        assert_eq!(s.state().claims[0].note, "From elsewhere");
        assert!(kv(&s).get(&key).unwrap().contains("From elsewhere"));
    }

    #[test]
    fn a_removed_article_can_be_put_back() {
        let mut s = fresh();
        let first = s.state().article.id.clone();
        mark(&mut s, "c1");
        let second = samples::all()[1].clone();
        s.open_article(second.clone());
        s.open_by_id(&first).unwrap();
        let stored = kv(&s).get(&article_key(&first)).unwrap();

        let removed = s.remove_article(&first).unwrap();
        assert_eq!(removed.entry.claims, 1);
        assert!(kv(&s).get(&article_key(&first)).is_none());
        assert_eq!(s.state().article.id, second.id, "the next article opens");
        assert_eq!(
            s.state().notices.removed_article.as_deref(),
            Some(&removed),
            "the toast offers to put it back"
        );
        assert_eq!(s.library().len(), 1);

        s.undo_remove_article();
        assert_eq!(kv(&s).get(&article_key(&first)), Some(stored));
        assert_eq!(s.library().len(), 2);
        assert_eq!(s.state().notices.removed_article, None);
        assert_eq!(
            s.state().notices.message.as_deref(),
            Some(format!("“{}” is back in the library.", removed.entry.title).as_str())
        );
        assert!(s.remove_article("no-such-article").is_err());
    }

    #[test]
    fn removing_the_only_article_opens_the_first_sample_and_dismissing_keeps_it_out() {
        let mut s = fresh();
        let only = s.open_article(samples::all()[2].clone());
        assert_eq!(s.library().len(), 1);
        s.remove_article(&only).unwrap();
        assert_eq!(*s.state().article, samples::first());
        s.dispatch(Action::DismissRemovedArticle);
        s.undo_remove_article();
        assert!(kv(&s).get(&article_key(&only)).is_none());
        assert_eq!(s.state().notices.message, None);
    }

    #[test]
    fn renaming_the_open_article_is_an_undoable_change() {
        let mut s = fresh();
        let id = s.state().article.id.clone();
        s.rename(&id, "  A   new title ").unwrap();
        assert_eq!(s.state().article.title, "A new title");
        assert!(kv(&s)
            .get(&article_key(&id))
            .unwrap()
            .contains("A new title"));
        s.dispatch(Action::Undo);
        assert_eq!(s.state().article.title, samples::first().title);
    }
}
