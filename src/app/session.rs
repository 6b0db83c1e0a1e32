//! The app at work over a key-value store: the state, the library it is saved to, and whether
//! a save is due. The use cases (`use_cases/`) are methods of [`Session`]; nothing here knows
//! the browser, so all of it runs, and is tested, natively. The browser edge (`web::store`)
//! holds one session over localStorage and adds the clock, the delay before a save, and
//! telling the view.

use std::rc::Rc;

use crate::app::actions::Action;
use crate::app::notices::StorageHealth;
use crate::app::reducer::reduce;
use crate::app::state::AppState;
use crate::app::unsaved_work::UnsavedWork;
use crate::core::classroom::session::Classroom;
use crate::core::intake::samples;
use crate::core::library::scoring_sessions::KeptScoring;
use crate::core::library::store::{KeyValue, Store, WriteError};
use crate::core::model::Document;

pub struct Session<S: KeyValue> {
    pub(super) state: Rc<AppState>,
    pub(super) store: Store<S>,
    /// Whether the article's data changed since it was last saved.
    unsaved: bool,
    /// How many times the article's data changed: each change restarts the delay before a save.
    changes: u64,
    /// The work storage did not take, kept in memory (`use_cases::unsaved`).
    pub(super) held: UnsavedWork,
    /// What other tabs may have changed since: see `use_cases::other_tabs`.
    pub(super) synced: Synced,
    /// The time now (RFC 3339), for dating deletes; the browser edge sets the real clock.
    pub(super) clock: fn() -> String,
    /// The scoring session as last kept (`use_cases::scoring_session`).
    pub(super) scoring_kept: KeptScoring,
}

/// This tab's last loaded or saved versions of what other tabs also write: the base of every
/// three-way merge with them.
#[derive(Default)]
pub(super) struct Synced {
    /// The open article's stored document and its exact stored text (`None` when it was not
    /// stored); for another article than the open one it does not count.
    pub article: Option<(Document, String)>,
    /// The classroom state and its stored JSON.
    pub classroom: Option<(Rc<Classroom>, String)>,
}

impl<S: KeyValue> Session<S> {
    /// Restores the last session from `kv`, or opens the first sample. `unavailable` is why
    /// `kv` cannot be written to, when it cannot.
    pub fn start(kv: S, unavailable: Option<String>) -> Self {
        let mut store = Store::new(kv);
        let restored = store.start(samples::by_id, samples::first());
        let doc = restored.document;
        let mut state = AppState::new(doc.article, doc.claims, doc.orphans, restored.selected);
        state.classroom = Rc::new(restored.classroom);
        state.suggestions.dismissed = Rc::new(store.dismissals(&state.article.id));
        super::classroom::follow_article(&mut state);
        state.notices.warnings = restored.warnings;
        if let Some(why) = unavailable {
            state.notices.storage =
                StorageHealth::Failing(WriteError::Unavailable(why).user_message());
        }
        let mut session = Session {
            state: Rc::new(state),
            store,
            unsaved: false,
            changes: 0,
            held: UnsavedWork::default(),
            synced: Synced::default(),
            clock: String::new,
            scoring_kept: None,
        };
        session.mark_synced();
        session.restore_scoring();
        session
    }

    /// Dates this tab's deletes with `clock` (without one, a delete is dated by the version it
    /// deletes, which still beats every stale copy of it).
    pub fn set_clock(&mut self, clock: fn() -> String) {
        self.clock = clock;
    }

    pub fn state(&self) -> &Rc<AppState> {
        &self.state
    }

    pub fn store(&self) -> &Store<S> {
        &self.store
    }

    /// Whether a change waits to be saved.
    pub fn unsaved(&self) -> bool {
        self.unsaved
    }

    /// How many changes there have been to the article's data.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    pub fn dispatch(&mut self, action: Action) {
        let opened = matches!(action, Action::OpenArticle { .. });
        let loading = matches!(action, Action::LoadDismissed(_));
        if opened {
            // An article opened is this tab's choice: its next save starts from what is stored.
            self.synced.article = None;
        }
        let next = reduce(&self.state, action);
        if next == *self.state {
            return;
        }
        if next.data_differs(&self.state) {
            self.unsaved = true;
            self.changes += 1;
        }
        let before = std::mem::replace(&mut self.state, Rc::new(next));
        if !loading {
            self.follow_dismissals(&before, opened);
        }
        self.follow_scoring(&before);
    }

    /// Saves now if a change waits to be saved, or the last save failed (there may be room
    /// now: the page being hidden tries again, so the warning goes as soon as it can).
    pub fn flush(&mut self) {
        if self.unsaved || self.held.error.is_some() {
            self.save();
        }
    }

    /// Saves the open article and the classroom state (and what earlier saves left in memory),
    /// and tells the user when that fails (or works again).
    pub fn save(&mut self) {
        self.unsaved = false;
        // Another tab may have written since this one last read: merge with that first, so a
        // save never overwrites it.
        let merged = self.merge_with_other_tabs(true);
        self.write(merged);
    }

    /// Saves when the article is known to be as stored (read just now): only the classroom's
    /// record is merged, and the index and the classroom are written.
    pub(super) fn save_as_stored(&mut self) {
        self.unsaved = false;
        self.merge_classroom();
        self.write(Ok(true));
    }

    /// Writes the state after the merge with other tabs; `merged` says whether the article is
    /// as stored, or why the merge failed.
    fn write(&mut self, merged: Result<bool, String>) {
        let health = match merged {
            Err(why) => StorageHealth::Failing(why),
            Ok(as_stored) => {
                // The article is as stored (it only just opened, or only the selection moved):
                // writing it again would change nothing, so the index and the classroom are
                // what is left to save.
                let current = self.state.current();
                let saved = if as_stored {
                    self.store.save_all_but_article(current)
                } else {
                    self.store.save(current)
                }
                .and_then(|()| self.keep_scoring());
                if saved.is_ok() {
                    if as_stored {
                        self.mark_classroom_synced();
                    } else {
                        self.mark_synced();
                    }
                }
                self.storage_health(saved)
            }
        };
        if health != self.state.notices.storage {
            self.dispatch(Action::ReportStorage(health));
        }
    }

    pub(super) fn warn_all(&mut self, warnings: Vec<String>) {
        for warning in warnings {
            self.dispatch(Action::Warn(warning));
        }
    }

    /// Shows `doc`, with `selected` selected if it is one of its claims.
    pub(super) fn show(&mut self, doc: Document, selected: Option<String>) {
        self.dispatch(Action::OpenArticle {
            article: doc.article,
            claims: doc.claims,
            orphans: doc.orphans,
            selected,
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::core::classroom::session::{build_exercise, work_article, ExerciseDraft, Mode};
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::library::store::{article_key, INDEX_KEY};

    /// A session on an empty browser storage.
    pub fn fresh() -> Session<MemoryKv> {
        Session::start(MemoryKv::default(), None)
    }

    /// `session` with a claim marked on the open article.
    pub fn mark(session: &mut Session<MemoryKv>, id: &str) {
        session.dispatch(Action::AddClaim {
            id: id.into(),
            start: 4,
            end: 40,
            at: "2026-01-01T00:00:00Z".into(),
        });
    }

    pub fn kv(session: &Session<MemoryKv>) -> &MemoryKv {
        session.store.kv()
    }

    #[test]
    fn a_change_waits_to_be_saved_and_a_flush_saves_it() {
        let mut s = fresh();
        let id = s.state().article.id.clone();
        assert!(!s.unsaved());
        s.dispatch(Action::Select(None));
        assert_eq!((s.unsaved(), s.changes()), (false, 0), "nothing to save");
        mark(&mut s, "c1");
        assert_eq!((s.unsaved(), s.changes()), (true, 1));
        assert!(kv(&s).get(&article_key(&id)).is_none(), "not saved yet");
        s.dispatch(Action::Tell("Copied".into()));
        assert_eq!(s.changes(), 1, "a message is not a change to save");
        s.flush();
        assert!(!s.unsaved());
        assert!(kv(&s).get(&article_key(&id)).unwrap().contains("c1"));
        assert!(kv(&s)
            .get(INDEX_KEY)
            .unwrap()
            .contains("\"selected\":\"c1\""));
    }

    #[test]
    fn a_full_storage_is_reported_and_its_recovery_too() {
        let mut s = fresh();
        mark(&mut s, "c1");
        s.store.kv_mut().full = true;
        s.save();
        assert!(
            matches!(&s.state().notices.storage, StorageHealth::Failing(m) if m.contains("Export JSON"))
        );
        s.store.kv_mut().full = false;
        s.save();
        assert_eq!(s.state().notices.storage, StorageHealth::Fine);
    }

    #[test]
    fn storage_that_cannot_be_written_is_said_at_start() {
        let s = Session::start(MemoryKv::default(), Some("private browsing".into()));
        assert!(matches!(
            &s.state().notices.storage,
            StorageHealth::Failing(m) if m.contains("private browsing")
        ));
    }

    #[test]
    fn a_reload_on_a_students_copy_is_back_in_student_mode() {
        let mut s = fresh();
        let (exercise, _) = build_exercise(&s.state().article, &[], &ExerciseDraft::default(), "t");
        s.dispatch(Action::OpenArticle {
            article: work_article(&exercise),
            claims: vec![],
            orphans: vec![],
            selected: None,
        });
        s.dispatch(Action::StartExercise {
            exercise: Box::new(exercise),
            at: "t0".into(),
        });
        // Saved out of student mode: the copy alone brings it back.
        s.dispatch(Action::SetMode(Mode::Reader));
        s.save();
        assert!(!s.state().classroom.is_student());
        let again = Session::start(kv(&s).clone(), None);
        assert!(again.state().classroom.is_student());
        assert!(again.state().article_is_read_only());
        // Bad data read at start is said, once, in the notices.
        let mut broken = kv(&s).clone();
        broken.data.insert(INDEX_KEY.into(), "not json".into());
        let s = Session::start(broken, None);
        assert_eq!(s.state().notices.warnings.len(), 1);
        assert!(!s.state().classroom.is_student());
    }
}
