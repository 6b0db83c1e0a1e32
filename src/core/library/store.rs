//! What Claimcheck keeps in the browser's storage, independent of the browser: one key per
//! article (holding the export format), an index key, and the rules for data that cannot be
//! read: it is moved aside, never overwritten silently. The browser edge supplies a [`KeyValue`]
//! over localStorage; tests use a map.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::app::state::AppState;
use crate::core::classroom::session::{Classroom, Mode, CLASSROOM_KEY};
use crate::core::formats::native;
use crate::core::model::{counts_summary, verified_count, Article, Claim, Document};

pub const INDEX_KEY: &str = "claimcheck:index";
const ARTICLE_PREFIX: &str = "claimcheck:article:";
const UNREADABLE_PREFIX: &str = "claimcheck:unreadable:";

pub fn article_key(id: &str) -> String {
    format!("{ARTICLE_PREFIX}{id}")
}

/// Why a write failed, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    Full,
    Unavailable(String),
}

impl WriteError {
    pub fn user_message(&self) -> String {
        match self {
            WriteError::Full => "Your browser's storage for this page is full, so your latest changes are not saved. \
                They are still here: use Export JSON to keep a copy."
                .to_string(),
            WriteError::Unavailable(why) => format!(
                "Your browser is not letting Claimcheck save ({why}). Your work stays in this tab only: \
                 use Export JSON before you close it."
            ),
        }
    }
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// How much browsers let one site keep in localStorage, in UTF-16 code units (about 5 MB).
pub const STORAGE_QUOTA: usize = 5 * 1024 * 1024;

/// An article in the library, with its claim counts by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IndexEntry {
    pub id: String,
    pub title: String,
    /// Anchored claims.
    pub claims: usize,
    #[serde(default)]
    pub verified: usize,
    #[serde(default)]
    pub orphans: usize,
}

impl IndexEntry {
    /// The library entry for an article with these claims.
    fn of(article: &Article, claims: &[Claim], orphans: &[Claim]) -> Self {
        IndexEntry {
            id: article.id.clone(),
            title: article.title.clone(),
            claims: claims.len(),
            verified: verified_count(claims),
            orphans: orphans.len(),
        }
    }

    /// "7 claims · 3 verified · 4 unverified", with orphans when there are any.
    pub fn summary(&self) -> String {
        let mut s = counts_summary(self.claims, self.verified);
        if self.orphans > 0 {
            s.push_str(&format!(" · {} orphaned", self.orphans));
        }
        s
    }
}

/// An article taken out of the library, kept so it can be put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedArticle {
    pub entry: IndexEntry,
    pub stored: String,
}

/// The index key: which article is open, what is selected in it, and which articles are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Index {
    pub version: u64,
    pub current: Option<String>,
    pub selected: Option<String>,
    pub articles: Vec<IndexEntry>,
}

impl Index {
    /// Adds `entry`, or replaces the entry of the same article where it stands.
    fn upsert(&mut self, entry: IndexEntry) {
        match self.articles.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => self.articles.push(entry),
        }
        self.version = 1;
    }
}

/// Storage for one browser profile. Keys found unreadable are kept out of every later write.
pub struct Store<S: KeyValue> {
    kv: S,
    protected: Vec<String>,
    /// The classroom state as last read or written, so unchanged state is not written again.
    classroom_written: Option<String>,
    /// The state last compared with it: most saves are of claims, with the classroom state the
    /// very same, and need not serialize it at all.
    classroom_checked: Option<Rc<Classroom>>,
}

/// What start-up found: the state to show and what the user must be told.
pub struct Startup {
    pub state: AppState,
    pub warnings: Vec<String>,
}

impl<S: KeyValue> Store<S> {
    pub fn new(kv: S) -> Self {
        Store {
            kv,
            protected: Vec::new(),
            classroom_written: None,
            classroom_checked: None,
        }
    }

    pub fn kv(&self) -> &S {
        &self.kv
    }

    /// Moves an unreadable value aside under a key of its own, so saving never overwrites it.
    /// If even that fails the key is protected: nothing is written to it this session.
    fn quarantine(&mut self, key: &str, raw: &str, why: &str, warnings: &mut Vec<String>) {
        let mut n = 1;
        let mut aside = format!("{UNREADABLE_PREFIX}{key}");
        while self.kv.get(&aside).is_some_and(|v| v != raw) {
            n += 1;
            aside = format!("{UNREADABLE_PREFIX}{key}:{n}");
        }
        if self.kv.set(&aside, raw).is_ok() {
            warnings.push(format!(
                "Saved data under \"{key}\" could not be read ({why}). It was kept, unchanged, under \"{aside}\"."
            ));
        } else {
            self.protected.push(key.to_string());
            warnings.push(format!(
                "Saved data under \"{key}\" could not be read ({why}). It is left untouched, so changes to it \
                 will not be saved this session."
            ));
        }
    }

    fn read_index(&mut self, warnings: &mut Vec<String>) -> Index {
        let Some(raw) = self.kv.get(INDEX_KEY) else {
            return Index::default();
        };
        match serde_json::from_str::<Index>(&raw) {
            Ok(index) if index.version <= 1 => index,
            Ok(index) => {
                self.quarantine(
                    INDEX_KEY,
                    &raw,
                    &format!("it was written by a newer version, {}", index.version),
                    warnings,
                );
                Index::default()
            }
            Err(e) => {
                self.quarantine(INDEX_KEY, &raw, &e.to_string(), warnings);
                Index::default()
            }
        }
    }

    /// Reads an article's stored document (`None` when nothing usable is stored for it).
    pub fn read_article(&mut self, id: &str, warnings: &mut Vec<String>) -> Option<Document> {
        let key = article_key(id);
        let raw = self.kv.get(&key)?;
        match native::parse_with_report(&raw) {
            Ok((doc, report)) => {
                if let Some(r) = report.filter(|r| r.moved + r.orphaned > 0) {
                    warnings.push(format!(
                        "Some saved claims of \"{}\" no longer matched its text and were re-anchored: {}.",
                        doc.article.title,
                        r.summary()
                    ));
                }
                Some(doc)
            }
            Err(e) => {
                if !self.protected.contains(&key) {
                    self.quarantine(&key, &raw, &e.0, warnings);
                }
                None
            }
        }
    }

    /// Restores the last session: its article, claims and selection. Falls back to `fallback`
    /// (a bundled sample) when nothing usable is stored.
    pub fn start(&mut self, fallback: impl Fn(&str) -> Option<Article>, first: Article) -> Startup {
        let mut warnings = Vec::new();
        let index = self.read_index(&mut warnings);
        let current = index.current.clone();
        let loaded = current.as_deref().and_then(|id| {
            self.read_article(id, &mut warnings)
                .map(|d| (d.article, d.claims, d.orphans))
                .or_else(|| fallback(id).map(|a| (a, Vec::new(), Vec::new())))
        });
        let (article, claims, orphans, selected) = match loaded {
            Some((a, c, o)) => (a, c, o, index.selected),
            None => (first, Vec::new(), Vec::new(), None),
        };
        let mut state = AppState::new(article, claims, orphans, selected);
        let mut classroom = self.read_classroom(&mut warnings);
        // Student mode is on exactly when the open article is a student's copy of an exercise.
        match classroom.exercise_of(&state.article.id).map(str::to_string) {
            Some(id) => {
                classroom.active = Some(id);
                classroom.mode = Mode::Student;
            }
            None if classroom.active.is_some() => {
                classroom.active = None;
                classroom.mode = Mode::Reader;
            }
            None => {}
        }
        state.classroom = Rc::new(classroom);
        state.warnings = warnings.clone();
        Startup { state, warnings }
    }

    /// Opens article `article`: its stored claims if any (the stored article wins over `article`,
    /// which may be a fresh copy of the same content).
    pub fn open(&mut self, article: Article, warnings: &mut Vec<String>) -> Document {
        self.read_article(&article.id, warnings)
            .unwrap_or_else(|| Document::new(article, Vec::new(), Vec::new()))
    }

    fn read_classroom(&mut self, warnings: &mut Vec<String>) -> Classroom {
        let Some(raw) = self.kv.get(CLASSROOM_KEY) else {
            return Classroom::default();
        };
        match Classroom::from_json(&raw) {
            Ok(c) => {
                self.classroom_written = Some(raw);
                c
            }
            Err(why) => {
                self.quarantine(CLASSROOM_KEY, &raw, &why, warnings);
                Classroom::default()
            }
        }
    }

    /// Saves the current article, its claims, the selection and the classroom state (in that
    /// order: the article matters most when space runs out).
    pub fn save(&mut self, state: &AppState) -> Result<(), WriteError> {
        let key = article_key(&state.article.id);
        if !self.protected.contains(&key) {
            self.kv.set(&key, &state.export_json())?;
        }
        if !self.protected.iter().any(|k| k == INDEX_KEY) {
            let mut index = self.read_index(&mut Vec::new());
            index.upsert(IndexEntry::of(
                &state.article,
                &state.claims,
                &state.orphans,
            ));
            index.current = Some(state.article.id.clone());
            index.selected = state.selected.clone();
            self.write_index(&index)?;
        }
        if self
            .classroom_checked
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(c, &state.classroom))
        {
            return Ok(());
        }
        let classroom = state.classroom.to_json();
        if self.classroom_written.as_ref() != Some(&classroom)
            && !self.protected.iter().any(|k| k == CLASSROOM_KEY)
        {
            self.kv.set(CLASSROOM_KEY, &classroom)?;
            self.classroom_written = Some(classroom);
        }
        self.classroom_checked = Some(state.classroom.clone());
        Ok(())
    }

    fn write_index(&mut self, index: &Index) -> Result<(), WriteError> {
        if self.protected.iter().any(|k| k == INDEX_KEY) {
            return Ok(());
        }
        self.kv.set(
            INDEX_KEY,
            &serde_json::to_string(index).expect("the index always serializes"),
        )
    }

    /// The articles in the library, in the order they were first saved.
    pub fn library(&mut self) -> Vec<IndexEntry> {
        self.read_index(&mut Vec::new()).articles
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
        self.write_index(&index)
    }

    /// Renames a stored article (not the open one, which changes through its details).
    pub fn rename(&mut self, id: &str, title: &str) -> Result<(), WriteError> {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Ok(());
        }
        if let Some(mut doc) = self.read_article(id, &mut Vec::new()) {
            doc.article.title = title.clone();
            self.kv.set(
                &article_key(id),
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
        self.library()
            .iter()
            .filter_map(|e| self.read_article(&e.id, warnings))
            .collect()
    }

    /// Writes documents and their library entries: all of them, or (on any failure) none, with
    /// every key put back as it was.
    pub fn put_documents(&mut self, docs: &[Document]) -> Result<(), WriteError> {
        for doc in docs {
            if self.protected.contains(&article_key(&doc.article.id)) {
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
            self.write_index(&index)
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

    /// Every stored key that holds something Claimcheck could not read.
    pub fn unreadable_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(UNREADABLE_PREFIX))
            .collect();
        keys.sort();
        keys
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::state::{reduce, Action};
    use crate::core::intake::samples;
    use std::collections::BTreeMap;

    #[derive(Default, Clone)]
    struct Map {
        data: BTreeMap<String, String>,
        full: bool,
    }

    impl KeyValue for Map {
        fn get(&self, key: &str) -> Option<String> {
            self.data.get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
            if self.full {
                return Err(WriteError::Full);
            }
            self.data.insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&mut self, key: &str) {
            self.data.remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.data.keys().cloned().collect()
        }
    }

    fn edited(state: &AppState) -> AppState {
        let s = reduce(
            state,
            Action::AddClaim {
                id: "c1".into(),
                start: 4,
                end: 40,
                at: "2026-01-01T00:00:00Z".into(),
            },
        );
        reduce(
            &s,
            Action::SetNote {
                id: "c1".into(),
                note: "née 😀".into(),
                at: "2026-01-01T00:00:01Z".into(),
            },
        )
    }

    fn start(store: &mut Store<Map>) -> Startup {
        store.start(samples::by_id, samples::first())
    }

    #[test]
    fn a_fresh_browser_opens_the_first_sample() {
        let mut store = Store::new(Map::default());
        let s = start(&mut store);
        assert_eq!(*s.state.article, samples::first());
        assert!(s.warnings.is_empty());
    }

    #[test]
    fn saving_then_starting_again_restores_everything() {
        let mut store = Store::new(Map::default());
        let state = edited(&start(&mut store).state);
        store.save(&state).unwrap();
        let mut again = Store::new(store.kv().clone());
        let restored = start(&mut again).state;
        assert_eq!(restored.article, state.article);
        assert_eq!(restored.claims, state.claims);
        assert_eq!(restored.selected.as_deref(), Some("c1"));
        let index: Index = serde_json::from_str(&again.kv().get(INDEX_KEY).unwrap()).unwrap();
        assert_eq!(index.articles[0].claims, 1);
    }

    #[test]
    fn classroom_work_survives_a_reload_and_bad_classroom_data_is_kept_aside() {
        use crate::core::classroom::session::{build_exercise, work_article, ExerciseDraft};
        let mut store = Store::new(Map::default());
        let s = start(&mut store).state;
        let (exercise, _) = build_exercise(&s.article, &[], &ExerciseDraft::default(), "t");
        let s = reduce(
            &s,
            Action::OpenArticle {
                article: work_article(&exercise),
                claims: vec![],
                orphans: vec![],
                selected: None,
            },
        );
        let s = reduce(
            &s,
            Action::StartExercise {
                exercise: Box::new(exercise),
                at: "t0".into(),
            },
        );
        let s = reduce(&s, Action::SetStudentName("Ana".into()));
        store.save(&s).unwrap();
        // Saving claims again leaves the classroom state alone: not even serialized again.
        let written = store.kv().get(CLASSROOM_KEY).unwrap();
        store
            .kv
            .data
            .insert(CLASSROOM_KEY.into(), "sentinel".into());
        store.save(&edited(&s)).unwrap();
        assert_eq!(store.kv().get(CLASSROOM_KEY).as_deref(), Some("sentinel"));
        store.kv.data.insert(CLASSROOM_KEY.into(), written);
        let restored = start(&mut Store::new(store.kv().clone())).state;
        assert!(restored.classroom.is_student());
        assert_eq!(restored.classroom.active_work().unwrap().student, "Ana");
        assert_eq!(restored.article.id, s.article.id);

        let mut kv = store.kv().clone();
        kv.data.insert(CLASSROOM_KEY.into(), "{\"mode\": 7}".into());
        let mut again = Store::new(kv);
        let s = start(&mut again);
        assert!(!s.state.classroom.is_student());
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
        let mut store = Store::new(Map::default());
        let state = edited(&start(&mut store).state);
        store.kv.full = true;
        let e = store.save(&state).unwrap_err();
        assert!(e.user_message().contains("Export JSON"));
    }

    #[test]
    fn unreadable_data_is_moved_aside_and_never_overwritten() {
        let mut kv = Map::default();
        let key = article_key(&samples::first().id);
        kv.data.insert(
            INDEX_KEY.into(),
            format!(
                "{{\"version\":1,\"current\":\"{}\",\"selected\":null,\"articles\":[]}}",
                samples::first().id
            ),
        );
        kv.data.insert(
            key.clone(),
            "{\"format\":\"claimcheck\",\"version\":1,\"article\":".into(),
        );
        let mut store = Store::new(kv);
        let s = start(&mut store);
        assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
        assert!(s.warnings[0].contains("could not be read"));
        let aside = store.unreadable_keys();
        assert_eq!(aside, vec![format!("claimcheck:unreadable:{key}")]);
        store.save(&edited(&s.state)).unwrap();
        assert_eq!(
            store.kv().get(&aside[0]).as_deref(),
            Some("{\"format\":\"claimcheck\",\"version\":1,\"article\":")
        );
    }

    #[test]
    fn when_it_cannot_be_moved_aside_it_is_left_alone() {
        let mut kv = Map::default();
        kv.data.insert(INDEX_KEY.into(), "not json".into());
        kv.full = true;
        let mut store = Store::new(kv);
        let s = start(&mut store);
        assert!(s.warnings[0].contains("left untouched"));
        store.kv.full = false;
        store.save(&edited(&s.state)).unwrap();
        assert_eq!(store.kv().get(INDEX_KEY).as_deref(), Some("not json"));
    }

    #[test]
    fn the_library_lists_removes_and_restores_articles() {
        let mut store = Store::new(Map::default());
        let first = edited(&start(&mut store).state);
        store.save(&first).unwrap();
        let second = AppState::new(samples::all()[1].clone(), vec![], vec![], None);
        store.save(&second).unwrap();
        let library = store.library();
        assert_eq!(library.len(), 2);
        assert_eq!(library[0].summary(), "1 claim · 0 verified · 1 unverified");
        let before = store.kv().clone().data;
        let removed = store.remove(&first.article.id).unwrap().unwrap();
        assert_eq!(store.library().len(), 1);
        assert!(store.kv().get(&article_key(&first.article.id)).is_none());
        store.restore(&removed).unwrap();
        assert_eq!(
            store.kv().data.get(&article_key(&first.article.id)),
            before.get(&article_key(&first.article.id))
        );
        assert_eq!(store.library().len(), 2);
        assert!(store.remove("no-such-article").unwrap().is_none());
        store
            .rename(&second.article.id, "  Renamed   story ")
            .unwrap();
        assert_eq!(store.library()[0].title, "Renamed story");
        let doc = store
            .read_article(&second.article.id, &mut Vec::new())
            .unwrap();
        assert_eq!(doc.article.title, "Renamed story");
        let usage = store.usage();
        assert!(usage > first.article.text.len(), "{usage}");
    }

    #[test]
    fn a_newer_index_is_kept_aside_too() {
        let mut kv = Map::default();
        kv.data
            .insert(INDEX_KEY.into(), "{\"version\":7,\"articles\":[]}".into());
        let mut store = Store::new(kv);
        let s = start(&mut store);
        assert!(s.warnings[0].contains("newer version"));
        assert_eq!(store.unreadable_keys().len(), 1);
    }
}
