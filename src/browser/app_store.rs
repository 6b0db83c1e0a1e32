//! The live app state: applies the core reducer to every action, tells the view, and saves to
//! localStorage. Persistence lives here and nowhere else: a change is saved a moment after it is
//! made (so typing a note does not write on every key), and at once when the page is hidden or
//! another article is opened.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use super::local_storage::LocalStorage;
use crate::model::Article;
use crate::persistence;
use crate::samples;
use crate::state::{reduce, Action, AppState, StorageHealth};

const SAVE_DELAY_MS: u32 = 300;

pub struct AppStore {
    state: RefCell<Rc<AppState>>,
    storage: RefCell<persistence::Store<LocalStorage>>,
    listener: RefCell<Option<Rc<dyn Fn()>>>,
    save_timer: RefCell<Option<Timeout>>,
}

impl AppStore {
    /// Restores the last session from localStorage (or opens the first sample).
    pub fn start() -> Rc<Self> {
        let local = LocalStorage::open();
        let unavailable = local.unavailable_reason().map(str::to_string);
        let mut storage = persistence::Store::new(local);
        let startup = storage.start(samples::by_id, samples::first());
        let mut state = startup.state;
        if let Some(why) = unavailable {
            state.storage =
                StorageHealth::Failing(persistence::WriteError::Unavailable(why).user_message());
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
        if let Some(timer) = self.save_timer.borrow_mut().take() {
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

    /// Stored keys holding data Claimcheck could not read (kept aside for the user).
    pub fn unreadable_keys(&self) -> Vec<String> {
        self.storage.borrow().unreadable_keys()
    }

    pub fn raw_stored(&self, key: &str) -> Option<String> {
        use persistence::KeyValue;
        self.storage.borrow().kv().get(key)
    }
}
