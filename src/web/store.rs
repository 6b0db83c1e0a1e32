//! The live app: one [`Session`] over localStorage, with what only the browser has: the clock,
//! the delay before a save, and the view to tell after every change. The use cases themselves
//! are the session's (`app::use_cases`). A change is saved a moment after it is made (so
//! typing a note does not write on every key), and at once when the page is hidden or another
//! article is opened. When another tab of the site writes, the browser says so here (the
//! `storage` event, fired only in the other tabs) and the session merges it in.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use super::clock;
use super::local_storage::LocalStorage;
use crate::app::actions::Action;
use crate::app::session::Session;
use crate::app::state::AppState;
use crate::core::anchoring::reanchor::Report;
use crate::core::classroom::exercise::Exercise;
use crate::core::formats::claimreview::Publisher;
use crate::core::library::merge::ImportOutcome;
use crate::core::library::store::{IndexEntry, KeyValue, RemovedArticle};
use crate::core::model::Article;
use crate::core::model::Document;

const SAVE_DELAY_MS: u32 = 300;

pub struct AppStore {
    session: RefCell<Session<LocalStorage>>,
    listener: RefCell<Option<Rc<dyn Fn()>>>,
    save_timer: RefCell<Option<Timeout>>,
    /// The session's count of changes when the save delay last started.
    changes_timed: Cell<u64>,
}

impl AppStore {
    /// Restores the last session from localStorage (or opens the first sample).
    pub fn start() -> Rc<Self> {
        let local = LocalStorage::open();
        let unavailable = local.unavailable_reason().map(str::to_string);
        let mut session = Session::start(local, unavailable);
        session.set_clock(clock::now);
        let store = Rc::new(AppStore {
            session: RefCell::new(session),
            listener: RefCell::new(None),
            save_timer: RefCell::new(None),
            changes_timed: Cell::new(0),
        });
        store.flush_when_hidden();
        store.follow_other_tabs();
        store
    }

    fn follow_other_tabs(self: &Rc<Self>) {
        let window: web_sys::EventTarget = gloo::utils::window().into();
        let store = Rc::downgrade(self);
        gloo::events::EventListener::new(&window, "storage", move |event| {
            use wasm_bindgen::JsCast;
            // No key: another tab cleared the storage.
            let ours = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key)
                .is_none_or(|key| key.starts_with("claimcheck:"));
            if let Some(store) = store.upgrade().filter(|_| ours) {
                store.run(Session::other_tab_saved);
            }
        })
        .forget();
    }

    pub fn state(&self) -> Rc<AppState> {
        self.session.borrow().state().clone()
    }

    /// The view's re-render hook, called after every change.
    pub fn subscribe(&self, listener: impl Fn() + 'static) {
        *self.listener.borrow_mut() = Some(Rc::new(listener));
    }

    /// Runs `use_case` on the session; then (re)starts the delay before a save if the article's
    /// data changed, and tells the view if anything did.
    fn run<R>(self: &Rc<Self>, use_case: impl FnOnce(&mut Session<LocalStorage>) -> R) -> R {
        let before = self.state();
        let result = use_case(&mut self.session.borrow_mut());
        let (unsaved, changes, changed) = {
            let session = self.session.borrow();
            let changed = !Rc::ptr_eq(&before, session.state());
            (session.unsaved(), session.changes(), changed)
        };
        if !unsaved {
            self.save_timer.borrow_mut().take();
        } else if changes != self.changes_timed.replace(changes) {
            self.schedule_save();
        }
        if changed {
            self.notify();
        }
        result
    }

    pub fn dispatch(self: &Rc<Self>, action: Action) {
        self.run(|s| s.dispatch(action));
    }

    fn notify(&self) {
        let listener = self.listener.borrow().clone();
        if let Some(listener) = listener {
            listener();
        }
    }

    fn schedule_save(self: &Rc<Self>) {
        let store = Rc::downgrade(self);
        let timer = Timeout::new(SAVE_DELAY_MS, move || {
            if let Some(store) = store.upgrade() {
                store.flush();
            }
        });
        *self.save_timer.borrow_mut() = Some(timer);
    }

    /// Saves now if a save is pending.
    pub fn flush(self: &Rc<Self>) {
        self.run(Session::flush);
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

    /// Shows `article`, with the claims stored for it if it was opened before. Returns its id.
    pub fn open_article(self: &Rc<Self>, article: Article) -> String {
        self.run(|s| s.open_article(article))
    }

    /// Opens the article with `id` from the library or the bundled samples.
    pub fn open_by_id(self: &Rc<Self>, id: &str) -> Result<(), String> {
        self.run(|s| s.open_by_id(id))
    }

    /// The library, with the open article's counts up to date.
    pub fn library(self: &Rc<Self>) -> Vec<IndexEntry> {
        self.run(Session::library)
    }

    /// Takes an article out of the library (opening another if it was open); the result puts it
    /// back with [`AppStore::restore_article`], and so does [`AppStore::undo_remove_article`].
    pub fn remove_article(self: &Rc<Self>, id: &str) -> Result<RemovedArticle, String> {
        self.run(|s| s.remove_article(id))
    }

    pub fn restore_article(self: &Rc<Self>, removed: &RemovedArticle) -> Result<(), String> {
        self.run(|s| s.restore_article(removed))
    }

    /// Puts back the article removed last, and says how that went.
    pub fn undo_remove_article(self: &Rc<Self>) {
        self.run(Session::undo_remove_article)
    }

    /// Renames a library article; the open one through its details, so the change is an action.
    pub fn rename(self: &Rc<Self>, id: &str, title: &str) -> Result<(), String> {
        self.run(|s| s.rename(id, title))
    }

    /// Imports a file (Claimcheck JSON or library, W3C Web Annotations, a Hypothesis export)
    /// into the library; on any error nothing in the library changes.
    pub fn import_text(self: &Rc<Self>, text: &str) -> Result<ImportOutcome, String> {
        self.run(|s| s.import_text(text, &clock::now()))
    }

    /// Opens a JSON file the user chose: an exercise, a file to score, or an import; the
    /// notices say what happened.
    pub fn open_json(self: &Rc<Self>, name: &str, text: String) {
        self.run(|s| s.open_json(name, text, &clock::now()))
    }

    /// What Import does with a file the user chose there: refused by its name when Import
    /// cannot read that kind (a CSV, an article), otherwise as [`AppStore::open_json`].
    pub fn import_named_file(self: &Rc<Self>, name: &str, text: String) {
        self.run(|s| s.import_named_file(name, text, &clock::now()))
    }

    /// Who ClaimReview exports name as their author (the **Your name / organisation** setting).
    pub fn publisher(&self) -> Publisher {
        self.session.borrow().publisher()
    }

    /// Saves the **Your name / organisation** setting; the notices say so.
    pub fn set_publisher(self: &Rc<Self>, publisher: Publisher) {
        self.run(|s| s.set_publisher(publisher))
    }

    /// Works on `exercise` as a student; the report says how earlier work was moved onto a new
    /// version of it.
    pub fn start_exercise(self: &Rc<Self>, exercise: Exercise) -> Option<Report> {
        self.run(|s| s.start_exercise(exercise, &clock::now()))
    }

    /// share: works on an exercise that came by link (already checked), and says so.
    pub fn open_exercise(self: &Rc<Self>, exercise: Exercise) {
        self.run(|s| s.open_exercise(exercise, &clock::now()))
    }

    /// share: chooses a mode; from student mode, leaves the exercise (back to the key's article
    /// when the teacher was trying their own exercise).
    pub fn set_mode(self: &Rc<Self>, mode: crate::core::classroom::session::Mode) {
        self.run(|s| s.set_mode(mode))
    }

    /// Every article of the library as stored (the open one saved first).
    pub fn library_documents(self: &Rc<Self>) -> Vec<Document> {
        self.run(Session::library_documents)
    }

    /// What this site keeps in localStorage, in UTF-16 code units.
    pub fn usage(&self) -> usize {
        self.session.borrow().store().usage()
    }

    /// Stored keys holding data Claimcheck could not read (kept aside for the user).
    pub fn unreadable_keys(&self) -> Vec<String> {
        self.session.borrow().store().unreadable_keys()
    }

    pub fn raw_stored(&self, key: &str) -> Option<String> {
        self.session.borrow().store().kv().get(key)
    }

    /// The value under `key` as UTF-16 code units, when it is not valid text (lone
    /// surrogates), so [`AppStore::raw_stored`] would give it changed.
    pub fn raw_stored_invalid_text(&self, key: &str) -> Option<Vec<u16>> {
        self.session.borrow().store().kv().invalid_text(key)
    }
}
