//! The live app state: applies the core reducer to every action, tells the view, and saves to
//! localStorage. Persistence lives here and nowhere else: a change is saved a moment after it is
//! made (so typing a note does not write on every key), and at once when the page is hidden or
//! another article is opened.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use super::local_storage::LocalStorage;
use crate::app::state::{reduce, Action, AppState, StorageHealth};
use crate::core::formats::sniff::{too_large, MAX_IMPORT_BYTES};
use crate::core::intake::samples;
use crate::core::library::merge::ImportOutcome;
use crate::core::library::store;
use crate::core::model::Article;

const SAVE_DELAY_MS: u32 = 300;

pub struct AppStore {
    state: RefCell<Rc<AppState>>,
    storage: RefCell<store::Store<LocalStorage>>,
    listener: RefCell<Option<Rc<dyn Fn()>>>,
    save_timer: RefCell<Option<Timeout>>,
}

impl AppStore {
    /// Restores the last session from localStorage (or opens the first sample).
    pub fn start() -> Rc<Self> {
        let local = LocalStorage::open();
        let unavailable = local.unavailable_reason().map(str::to_string);
        let mut storage = store::Store::new(local);
        let startup = storage.start(samples::by_id, samples::first());
        let mut state = startup.state;
        if let Some(why) = unavailable {
            state.storage =
                StorageHealth::Failing(store::WriteError::Unavailable(why).user_message());
        }
        let store = Rc::new(AppStore {
            state: RefCell::new(Rc::new(state)),
            storage: RefCell::new(storage),
            listener: RefCell::new(None),
            save_timer: RefCell::new(None),
        });
        store.flush_when_hidden();
        store
    }

    pub fn state(&self) -> Rc<AppState> {
        self.state.borrow().clone()
    }

    /// The view's re-render hook, called after every change.
    pub fn subscribe(&self, listener: impl Fn() + 'static) {
        *self.listener.borrow_mut() = Some(Rc::new(listener));
    }

    pub fn dispatch(self: &Rc<Self>, action: Action) {
        let current = self.state();
        let next = reduce(&current, action);
        if next == *current {
            return;
        }
        let needs_save = next.data_differs(&current);
        *self.state.borrow_mut() = Rc::new(next);
        if needs_save {
            self.schedule_save();
        }
        self.notify();
    }

    fn notify(&self) {
        let listener = self.listener.borrow().clone();
        if let Some(listener) = listener {
            listener();
        }
    }

    /// Shows `article`, with the claims stored for it if it was opened before. Returns its id.
    pub fn open_article(self: &Rc<Self>, article: Article) -> String {
        self.flush();
        let mut warnings = Vec::new();
        let doc = self.storage.borrow_mut().open(article, &mut warnings);
        let id = doc.article.id.clone();
        self.dispatch(Action::OpenArticle {
            article: doc.article,
            claims: doc.claims,
            orphans: doc.orphans,
            selected: None,
        });
        for warning in warnings {
            self.dispatch(Action::Warn(warning));
        }
        // Saving now records the switch in the index even when nothing else changes.
        self.save();
        id
    }

    fn schedule_save(self: &Rc<Self>) {
        let store = Rc::downgrade(self);
        let timer = Timeout::new(SAVE_DELAY_MS, move || {
            if let Some(store) = store.upgrade() {
                store.save();
            }
        });
        *self.save_timer.borrow_mut() = Some(timer);
    }

    /// Saves now if a save is pending.
    pub fn flush(self: &Rc<Self>) {
        // Take the timer out first: `save` borrows the slot again.
        let pending = self.save_timer.borrow_mut().take();
        if let Some(timer) = pending {
            timer.cancel();
            self.save();
        }
    }

    fn save(self: &Rc<Self>) {
        self.save_timer.borrow_mut().take();
        let state = self.state();
        let result = self.storage.borrow_mut().save(&state);
        let health = match result {
            Ok(()) => StorageHealth::Fine,
            Err(e) => StorageHealth::Failing(e.user_message()),
        };
        if health != state.storage {
            self.dispatch(Action::ReportStorage(health));
        }
    }

    fn flush_when_hidden(self: &Rc<Self>) {
        let window: web_sys::EventTarget = gloo::utils::window().into();
        let document: web_sys::EventTarget = gloo::utils::document().into();
        for (target, event) in [(&window, "pagehide"), (&document, "visibilitychange")] {
            let store = Rc::downgrade(self);
            gloo::events::EventListener::new(target, event, move |_| {
                if let Some(store) = store.upgrade() {
                    store.flush();
                }
            })
            .forget();
        }
    }

    /// Opens the article with `id` from the library or the bundled samples.
    pub fn open_by_id(self: &Rc<Self>, id: &str) -> Result<(), String> {
        if self.state().article.id == id {
            return Ok(());
        }
        self.flush();
        let mut warnings = Vec::new();
        let stored = self.storage.borrow_mut().read_article(id, &mut warnings);
        for warning in warnings {
            self.dispatch(Action::Warn(warning));
        }
        let article = stored
            .map(|d| d.article)
            .or_else(|| samples::by_id(id))
            .ok_or_else(|| format!("There is no article \"{id}\" in this browser's library."))?;
        self.open_article(article);
        Ok(())
    }

    /// The library, with the open article's counts up to date.
    pub fn library(self: &Rc<Self>) -> Vec<store::IndexEntry> {
        self.flush();
        self.storage.borrow_mut().library()
    }

    /// Takes an article out of the library (opening another if it was open); the result puts it
    /// back with [`AppStore::restore_article`].
    pub fn remove_article(self: &Rc<Self>, id: &str) -> Result<store::RemovedArticle, String> {
        self.flush();
        let removed = self
            .storage
            .borrow_mut()
            .remove(id)
            .map_err(|e| e.user_message())?
            .ok_or_else(|| "That article is not in the library.".to_string())?;
        if self.state().article.id == id {
            // Open the next article in the library, or else the first sample.
            let next = self.storage.borrow_mut().library().into_iter().next();
            let doc = next.and_then(|e| {
                self.storage
                    .borrow_mut()
                    .read_article(&e.id, &mut Vec::new())
            });
            let (article, claims, orphans) = match doc {
                Some(d) => (d.article, d.claims, d.orphans),
                None => (samples::first(), Vec::new(), Vec::new()),
            };
            self.dispatch(Action::OpenArticle {
                article,
                claims,
                orphans,
                selected: None,
            });
            self.save();
        }
        Ok(removed)
    }

    pub fn restore_article(self: &Rc<Self>, removed: &store::RemovedArticle) -> Result<(), String> {
        self.flush();
        self.storage
            .borrow_mut()
            .restore(removed)
            .map_err(|e| e.user_message())
    }

    /// Renames a library article; the open one through its details, so the change is an action.
    pub fn rename(self: &Rc<Self>, id: &str, title: &str) -> Result<(), String> {
        let state = self.state();
        if state.article.id == id {
            let details = crate::app::state::Details {
                title: title.to_string(),
                ..crate::app::state::Details::of(&state.article)
            };
            self.dispatch(Action::SetDetails(details));
            self.flush();
            return Ok(());
        }
        self.flush();
        self.storage
            .borrow_mut()
            .rename(id, title)
            .map_err(|e| e.user_message())
    }

    /// Imports a file (Claimcheck JSON or library, W3C Web Annotations, a Hypothesis export):
    /// checked whole first, then merged into the library (see `import_merge`) and written all
    /// at once. On any error nothing in the library changes.
    pub fn import_text(self: &Rc<Self>, text: &str) -> Result<ImportOutcome, String> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(too_large(text.len()));
        }
        let parsed = crate::core::formats::sniff::parse_import(text, &super::clock::now())
            .map_err(|e| e.0)?;
        self.flush();
        let mut warnings = Vec::new();
        let mut library = self.storage.borrow_mut().documents(&mut warnings);
        for warning in warnings {
            self.dispatch(Action::Warn(warning));
        }
        // The open article counts as the library's even before its first change is saved.
        let open = self.state();
        if !library.iter().any(|d| d.article.id == open.article.id) {
            library.push(open.document());
        }
        let outcome = crate::core::library::merge::import_all(&library, parsed).map_err(|e| e.0)?;
        self.storage
            .borrow_mut()
            .put_documents(&outcome.documents)
            .map_err(|e| e.user_message())?;
        let open_id = self.state().article.id.clone();
        if let Some(doc) = outcome.documents.iter().find(|d| d.article.id == open_id) {
            self.dispatch(Action::OpenArticle {
                article: doc.article.clone(),
                claims: doc.claims.clone(),
                orphans: doc.orphans.clone(),
                selected: self.state().selected.clone(),
            });
        } else if let [doc] = &outcome.documents[..] {
            // One article came in: show it, as opening a file would.
            let _ = self.open_by_id(&doc.article.id);
        }
        Ok(outcome)
    }

    /// Works on `exercise` as a student: its own copy of the article (with the work already
    /// done on it, when this exercise was opened before) in student mode.
    /// When the student's copy was made from another version of the exercise, the work is put
    /// back on the new text; the report says how that went.
    pub fn start_exercise(
        self: &Rc<Self>,
        exercise: crate::core::classroom::exercise::Exercise,
    ) -> Option<crate::core::anchoring::reanchor::Report> {
        let article = crate::core::classroom::session::work_article(&exercise);
        self.flush();
        let stored = self
            .storage
            .borrow_mut()
            .read_article(&article.id, &mut Vec::new());
        let mut report = None;
        match stored {
            Some(doc) if doc.article.text != article.text => {
                let anchored = crate::core::anchoring::reanchor::reanchor(
                    &article.text,
                    doc.claims,
                    doc.orphans,
                );
                report = Some(anchored.report);
                self.dispatch(Action::OpenArticle {
                    article,
                    claims: anchored.claims,
                    orphans: anchored.orphans,
                    selected: None,
                });
            }
            _ => {
                self.open_article(article);
            }
        }
        self.dispatch(Action::StartExercise {
            exercise: Box::new(exercise),
            at: super::clock::now(),
        });
        self.save();
        report
    }

    /// Every article of the library as stored (the open one saved first).
    pub fn library_documents(self: &Rc<Self>) -> Vec<crate::core::model::Document> {
        self.flush();
        let mut warnings = Vec::new();
        let docs = self.storage.borrow_mut().documents(&mut warnings);
        for warning in warnings {
            self.dispatch(Action::Warn(warning));
        }
        docs
    }

    /// What this site keeps in localStorage, in UTF-16 code units.
    pub fn usage(&self) -> usize {
        self.storage.borrow().usage()
    }

    /// Stored keys holding data Claimcheck could not read (kept aside for the user).
    pub fn unreadable_keys(&self) -> Vec<String> {
        self.storage.borrow().unreadable_keys()
    }

    pub fn raw_stored(&self, key: &str) -> Option<String> {
        use store::KeyValue;
        self.storage.borrow().kv().get(key)
    }
}
