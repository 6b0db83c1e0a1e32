//! What Claimcheck keeps in the browser's storage, independent of the browser: one key per
//! article (holding the export format), an index key, and the rules for data that cannot be
//! read: it is moved aside, never overwritten silently. The browser edge supplies a [`KeyValue`]
//! over localStorage; tests use a map. What is saved and restored are core documents and the
//! classroom state; the app decides what to show from them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::index::Index;
pub use super::index::IndexEntry;
pub use super::key_value::{KeyValue, WriteError, STORAGE_QUOTA};
use crate::core::classroom::session::{Classroom, CLASSROOM_KEY};
use crate::core::formats::native;
use crate::core::model::Document;
use crate::core::model::{Article, Claim};

pub const INDEX_KEY: &str = "claimcheck:index";
pub(super) const ARTICLE_PREFIX: &str = "claimcheck:article:";

/// Why a value with lone UTF-16 surrogates is kept aside though it may still be read.
pub(super) const NOT_TEXT: &str =
    "it holds characters that are not valid text, shown here as \u{FFFD}";

pub fn article_key(id: &str) -> String {
    format!("{ARTICLE_PREFIX}{id}")
}

/// An article taken out of the library, kept so it can be put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedArticle {
    pub entry: IndexEntry,
    pub stored: String,
}

/// Storage for one browser profile. Keys found unreadable are kept out of every later write.
pub struct Store<S: KeyValue> {
    pub(super) kv: S,
    /// Keys whose unreadable data could not be moved aside (see `recovery`).
    pub(super) protected: Vec<String>,
    /// The classroom state as last read or written, so unchanged state is not written again.
    classroom_written: Option<String>,
    /// The state last compared with it: most saves are of claims, with the classroom state the
    /// very same, and need not serialize it at all.
    classroom_checked: Option<Rc<Classroom>>,
    /// Whether each article's stored copy could be read, by a hash of what was read (see
    /// `index`): the library dialog asks on every redraw.
    pub(super) readable: RefCell<HashMap<String, (u64, bool)>>,
}

/// What start-up found: the article open last (or the fallback), the selection in it, the
/// classroom state as saved, and what the user must be told.
pub struct Restored {
    pub document: Document,
    pub selected: Option<String>,
    pub classroom: Classroom,
    pub warnings: Vec<String>,
}

/// The open article as it is saved: its claims, the selection in it, and the classroom state.
pub struct Current<'a> {
    pub article: &'a Article,
    pub claims: &'a [Rc<Claim>],
    pub orphans: &'a [Claim],
    pub selected: Option<&'a str>,
    pub classroom: &'a Rc<Classroom>,
}

impl<S: KeyValue> Store<S> {
    pub fn new(kv: S) -> Self {
        Store {
            kv,
            protected: Vec::new(),
            classroom_written: None,
            classroom_checked: None,
            readable: RefCell::default(),
        }
    }

    pub fn kv(&self) -> &S {
        &self.kv
    }

    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn kv_mut(&mut self) -> &mut S {
        &mut self.kv
    }

    /// Reads an article's stored document (`None` when nothing usable is stored for it).
    pub fn read_article(&mut self, id: &str, warnings: &mut Vec<String>) -> Option<Document> {
        self.read_article_as_stored(id, warnings)
            .map(|(doc, _)| doc)
    }

    /// Reads article `id` as [`Self::read_article`] does; with the text it is stored as when the
    /// document is exactly that (read whole, as text, and no claim re-anchored), so that a save
    /// can tell it has nothing of the article's own to write.
    pub fn read_article_as_stored(
        &mut self,
        id: &str,
        warnings: &mut Vec<String>,
    ) -> Option<(Document, Option<String>)> {
        let key = article_key(id);
        let raw = self.kv.get(&key)?;
        let exact = self.kv.is_exact(&key, &raw);
        if !exact && !self.is_protected(&key) {
            self.quarantine(&key, NOT_TEXT, warnings);
        }
        match native::parse_with_report(&raw) {
            Ok((doc, report)) => {
                let as_stored = (exact && report.is_none()).then_some(raw);
                if let Some(r) = report.filter(|r| r.moved + r.orphaned > 0) {
                    warnings.push(format!(
                        "Some saved claims of \"{}\" no longer matched its text and were re-anchored: {}.",
                        doc.article.title,
                        r.summary()
                    ));
                }
                Some((doc, as_stored))
            }
            Err(e) => {
                if !self.is_protected(&key) {
                    self.quarantine(&key, &e.0, warnings);
                }
                None
            }
        }
    }

    /// Restores the last session: its article, claims and selection, and the classroom state.
    /// Falls back to `fallback` (a bundled sample) when nothing usable is stored for the article
    /// open last, and to `first` when no article was open.
    pub fn start(
        &mut self,
        fallback: impl Fn(&str) -> Option<Article>,
        first: Article,
    ) -> Restored {
        let mut warnings = Vec::new();
        let index = self.start_index(&mut warnings);
        let loaded = index.current.as_deref().and_then(|id| {
            self.read_article(id, &mut warnings)
                .or_else(|| fallback(id).map(new_document))
        });
        let (document, selected) = match loaded {
            Some(doc) => (doc, index.selected),
            None => (new_document(first), None),
        };
        let classroom = self.read_classroom(&mut warnings);
        Restored {
            document,
            selected,
            classroom,
            warnings,
        }
    }

    /// Opens article `article`: its stored claims if any (the stored article wins over `article`,
    /// which may be a fresh copy of the same content), else a new document; with the stored text
    /// when the document is exactly that (see [`Self::read_article_as_stored`]).
    pub fn open_as_stored(
        &mut self,
        article: Article,
        warnings: &mut Vec<String>,
    ) -> (Document, Option<String>) {
        self.read_article_as_stored(&article.id, warnings)
            .unwrap_or_else(|| (new_document(article), None))
    }

    fn read_classroom(&mut self, warnings: &mut Vec<String>) -> Classroom {
        let Some(raw) = self.kv.get(CLASSROOM_KEY) else {
            return Classroom::default();
        };
        if !self.kv.is_exact(CLASSROOM_KEY, &raw) {
            self.quarantine(CLASSROOM_KEY, NOT_TEXT, warnings);
        }
        match Classroom::from_json(&raw) {
            Ok(c) => {
                self.classroom_written = Some(raw);
                c
            }
            Err(why) => {
                self.quarantine(CLASSROOM_KEY, &why, warnings);
                Classroom::default()
            }
        }
    }

    /// Saves the open article, its claims, the selection and the classroom state (in that
    /// order: the article matters most when space runs out).
    pub fn save(&mut self, current: Current) -> Result<(), WriteError> {
        self.save_parts(current, true)
    }

    /// As [`Self::save`], leaving the article's own record as it is stored: for a save that has
    /// nothing of it to change (the article only just opened, or only the selection moved),
    /// which then costs the index, not the whole article written again.
    pub fn save_all_but_article(&mut self, current: Current) -> Result<(), WriteError> {
        self.save_parts(current, false)
    }

    fn save_parts(&mut self, current: Current, with_article: bool) -> Result<(), WriteError> {
        let Current {
            article,
            claims,
            orphans,
            selected,
            classroom,
        } = current;
        let key = article_key(&article.id);
        if with_article && !self.is_protected(&key) {
            self.kv
                .set(&key, &native::to_json_shared(article, claims, orphans))?;
        }
        if !self.is_protected(INDEX_KEY) {
            let mut index = self.read_index(&mut Vec::new());
            index.upsert(IndexEntry::of(article, claims, orphans));
            index.current = Some(article.id.clone());
            index.selected = selected.map(str::to_string);
            self.write_index(&index)?;
        }
        if self
            .classroom_checked
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(c, classroom))
        {
            return Ok(());
        }
        let json = classroom.to_json();
        if self.classroom_written.as_ref() != Some(&json) && !self.is_protected(CLASSROOM_KEY) {
            self.kv.set(CLASSROOM_KEY, &json)?;
            self.classroom_written = Some(json);
        }
        self.classroom_checked = Some(classroom.clone());
        Ok(())
    }

    pub(super) fn write_index(&mut self, index: &Index) -> Result<(), WriteError> {
        if self.is_protected(INDEX_KEY) {
            return Ok(());
        }
        self.kv.set(
            INDEX_KEY,
            &serde_json::to_string(index).expect("the index always serializes"),
        )
    }

    /// The articles in the library, in the order they were first saved; those whose stored
    /// copy cannot be read are marked so.
    pub fn library(&mut self) -> Vec<IndexEntry> {
        let mut entries = self.read_index(&mut Vec::new()).articles;
        for e in &mut entries {
            e.unreadable = !self.is_readable(&e.id);
            let key = article_key(&e.id);
            if e.unreadable && !self.is_protected(&key) {
                // Kept aside now, so the library can offer it for download.
                self.quarantine(&key, "it is not a Claimcheck article", &mut Vec::new());
            }
        }
        entries
    }

    /// Takes an article and its claims out of the library; what is returned puts them back.
    pub fn remove(&mut self, id: &str) -> Result<Option<RemovedArticle>, WriteError> {
        let mut index = self.read_index(&mut Vec::new());
        let Some(at) = index.articles.iter().position(|e| e.id == id) else {
            return Ok(None);
        };
        let key = article_key(id);
        let stored = self.kv.get(&key).unwrap_or_default();
        let entry = index.articles.remove(at);
        self.write_index(&index)?;
        // Marked before it goes, so a tab that finds it gone finds the mark too. (Without the
        // mark another tab could bring the article back; the removal itself stands.)
        let _ = self.mark_deleted(id);
        self.kv.remove(&key);
        Ok(Some(RemovedArticle { entry, stored }))
    }

    /// Puts a removed article back where it was in the library.
    pub fn restore(&mut self, removed: &RemovedArticle) -> Result<(), WriteError> {
        if !removed.stored.is_empty() {
            self.kv
                .set(&article_key(&removed.entry.id), &removed.stored)?;
        }
        let mut index = self.read_index(&mut Vec::new());
        if !index.articles.iter().any(|e| e.id == removed.entry.id) {
            index.articles.push(removed.entry.clone());
        }
        self.write_index(&index)?;
        self.forget_deleted(&removed.entry.id)
    }

    /// Renames a stored article (not the open one, which changes through its details).
    pub fn rename(&mut self, id: &str, title: &str) -> Result<(), WriteError> {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Ok(());
        }
        let key = article_key(id);
        if self.is_protected(&key) {
            return Err(WriteError::Unavailable(
                "its saved copy could not be read, so it is left untouched".to_string(),
            ));
        }
        if let Some(mut doc) = self.read_article(id, &mut Vec::new()) {
            doc.article.title = title.clone();
            self.kv.set(
                &key,
                &native::to_json(&doc.article, &doc.claims, &doc.orphans),
            )?;
        }
        let mut index = self.read_index(&mut Vec::new());
        if let Some(e) = index.articles.iter_mut().find(|e| e.id == id) {
            e.title = title;
        }
        self.write_index(&index)
    }

    /// Every readable article of the library, in library order; what could not be read is
    /// kept aside and said in `warnings`.
    pub fn documents(&mut self, warnings: &mut Vec<String>) -> Vec<Document> {
        self.read_index(&mut Vec::new())
            .articles
            .iter()
            .filter_map(|e| self.read_article(&e.id, warnings))
            .collect()
    }

    /// Writes documents and their library entries: all of them, or (on any failure) none, with
    /// every key put back as it was.
    pub fn put_documents(&mut self, docs: &[Document]) -> Result<(), WriteError> {
        for doc in docs {
            if self.is_protected(&article_key(&doc.article.id)) {
                return Err(WriteError::Unavailable(format!(
                    "the saved copy of “{}” could not be read, so it is left untouched",
                    doc.article.title
                )));
            }
        }
        let mut before: Vec<(String, Option<String>)> = Vec::new();
        let result = (|| {
            let mut index = self.read_index(&mut Vec::new());
            for doc in docs {
                let key = article_key(&doc.article.id);
                before.push((key.clone(), self.kv.get(&key)));
                self.kv.set(
                    &key,
                    &native::to_json(&doc.article, &doc.claims, &doc.orphans),
                )?;
                index.upsert(IndexEntry::of(&doc.article, &doc.claims, &doc.orphans));
            }
            self.write_index(&index)?;
            // Importing an article that was taken out puts it back.
            for doc in docs {
                self.forget_deleted(&doc.article.id)?;
            }
            Ok(())
        })();
        if result.is_err() {
            for (key, old) in before.into_iter().rev() {
                match old {
                    Some(old) => {
                        let _ = self.kv.set(&key, &old);
                    }
                    None => self.kv.remove(&key),
                }
            }
        }
        result
    }

    /// What this site keeps in localStorage, in UTF-16 code units (how browsers count it).
    pub fn usage(&self) -> usize {
        self.kv
            .keys()
            .iter()
            .map(|k| {
                let value = self.kv.get(k).unwrap_or_default();
                k.encode_utf16().count() + value.encode_utf16().count()
            })
            .sum()
    }
}

/// An article with no claims yet, as a document.
fn new_document(article: Article) -> Document {
    Document::new(article, Vec::new(), Vec::new())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::core::intake::samples;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::library::recovery::UNREADABLE_PREFIX;
    use crate::core::test_claims::claim_at;

    /// What the app has open: a document, the selection in it and the classroom state.
    pub(crate) struct Open {
        doc: Document,
        /// The document's claims as the app holds them (what `Current` takes).
        shared: Vec<Rc<Claim>>,
        selected: Option<String>,
        classroom: Rc<Classroom>,
    }

    impl Open {
        fn new(doc: Document, selected: Option<String>) -> Self {
            Open {
                shared: doc.claims.iter().cloned().map(Rc::new).collect(),
                doc,
                selected,
                classroom: Rc::default(),
            }
        }

        fn of(article: Article) -> Self {
            Open::new(new_document(article), None)
        }

        pub(crate) fn current(&self) -> Current<'_> {
            Current {
                article: &self.doc.article,
                claims: &self.shared,
                orphans: &self.doc.orphans,
                selected: self.selected.as_deref(),
                classroom: &self.classroom,
            }
        }
    }

    /// `doc` with a claim marked, noted and selected.
    pub(crate) fn edited(doc: &Document) -> Open {
        let mut doc = doc.clone();
        let mut claim = claim_at(&doc.article.text, "c1", 4, 40);
        claim.note = "née 😀".into();
        claim.modified = "2026-01-01T00:00:01Z".into();
        doc.claims.push(claim);
        Open::new(doc, Some("c1".into()))
    }

    pub(crate) fn start(store: &mut Store<MemoryKv>) -> Restored {
        store.start(samples::by_id, samples::first())
    }

    #[test]
    fn a_fresh_browser_opens_the_first_sample() {
        let mut store = Store::new(MemoryKv::default());
        let s = start(&mut store);
        assert_eq!(s.document.article, samples::first());
        assert!(s.warnings.is_empty());
    }

    #[test]
    fn saving_then_starting_again_restores_everything() {
        let mut store = Store::new(MemoryKv::default());
        let open = edited(&start(&mut store).document);
        store.save(open.current()).unwrap();
        let mut again = Store::new(store.kv().clone());
        let restored = start(&mut again);
        assert_eq!(restored.document.article, open.doc.article);
        assert_eq!(restored.document.claims, open.doc.claims);
        assert_eq!(restored.selected.as_deref(), Some("c1"));
        let index: Index = serde_json::from_str(&again.kv().get(INDEX_KEY).unwrap()).unwrap();
        assert_eq!(index.articles[0].claims, 1);
    }

    #[test]
    fn classroom_work_survives_a_reload_and_bad_classroom_data_is_kept_aside() {
        use crate::core::classroom::session::{
            build_exercise, work_article, ExerciseDraft, Mode, StudentWork,
        };
        let mut store = Store::new(MemoryKv::default());
        let first = start(&mut store).document;
        let (exercise, _) = build_exercise(&first.article, &[], &ExerciseDraft::default(), "t");
        let mut classroom = Classroom {
            mode: Mode::Student,
            active: Some(exercise.id.clone()),
            ..Classroom::default()
        };
        classroom.works.insert(
            exercise.id.clone(),
            StudentWork {
                exercise: exercise.clone(),
                student: "Ana".into(),
                started: "t0".into(),
                hints_used: 0,
            },
        );
        let open = Open {
            classroom: Rc::new(classroom),
            ..Open::of(work_article(&exercise))
        };
        store.save(open.current()).unwrap();
        // Saving claims again leaves the classroom state alone: not even serialized again.
        let written = store.kv().get(CLASSROOM_KEY).unwrap();
        store
            .kv
            .data
            .insert(CLASSROOM_KEY.into(), "sentinel".into());
        let claimed = Open {
            classroom: open.classroom.clone(),
            ..edited(&open.doc)
        };
        store.save(claimed.current()).unwrap();
        assert_eq!(store.kv().get(CLASSROOM_KEY).as_deref(), Some("sentinel"));
        store.kv.data.insert(CLASSROOM_KEY.into(), written);
        let restored = start(&mut Store::new(store.kv().clone()));
        assert!(restored.classroom.is_student());
        assert_eq!(restored.classroom.active_work().unwrap().student, "Ana");
        assert_eq!(restored.document.article.id, open.doc.article.id);

        let mut kv = store.kv().clone();
        kv.data.insert(CLASSROOM_KEY.into(), "{\"mode\": 7}".into());
        let mut again = Store::new(kv);
        let s = start(&mut again);
        assert!(!s.classroom.is_student());
        assert!(s.warnings[0].contains(CLASSROOM_KEY), "{:?}", s.warnings);
        assert_eq!(
            again
                .kv()
                .get(&format!("{UNREADABLE_PREFIX}{CLASSROOM_KEY}")),
            Some("{\"mode\": 7}".into())
        );
    }

    #[test]
    fn a_full_storage_reports_an_error_for_the_user() {
        let mut store = Store::new(MemoryKv::default());
        let open = edited(&start(&mut store).document);
        store.kv.full = true;
        let e = store.save(open.current()).unwrap_err();
        assert!(e.user_message().contains("Export JSON"));
    }

    #[test]
    fn the_library_lists_removes_and_restores_articles() {
        let mut store = Store::new(MemoryKv::default());
        let first = edited(&start(&mut store).document);
        store.save(first.current()).unwrap();
        let second = Open::of(samples::all()[1].clone());
        store.save(second.current()).unwrap();
        let library = store.library();
        assert_eq!(library.len(), 2);
        assert_eq!(library[0].summary(), "1 claim · 0 verified · 1 unverified");
        let before = store.kv().clone().data;
        let first_id = &first.doc.article.id;
        let removed = store.remove(first_id).unwrap().unwrap();
        assert_eq!(store.library().len(), 1);
        assert!(store.kv().get(&article_key(first_id)).is_none());
        store.restore(&removed).unwrap();
        assert_eq!(
            store.kv().data.get(&article_key(first_id)),
            before.get(&article_key(first_id))
        );
        assert_eq!(store.library().len(), 2);
        assert!(store.remove("no-such-article").unwrap().is_none());
        store
            .rename(&second.doc.article.id, "  Renamed   story ")
            .unwrap();
        assert_eq!(store.library()[0].title, "Renamed story");
        let doc = store
            .read_article(&second.doc.article.id, &mut Vec::new())
            .unwrap();
        assert_eq!(doc.article.title, "Renamed story");
        let usage = store.usage();
        assert!(usage > first.doc.article.text.len(), "{usage}");
    }
}
