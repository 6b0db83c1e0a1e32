//! Keeping the suggestions a reader dismissed with their article: read when an article opens,
//! written as soon as they change (a dismissal, or its undo), apart from the article's save
//! since they are not part of the export.

use std::rc::Rc;

use crate::app::actions::Action;
use crate::app::notices::StorageHealth;
use crate::app::session::Session;
use crate::app::state::AppState;
use crate::core::library::store::KeyValue;

impl<S: KeyValue> Session<S> {
    /// After `action` took the state from `before` to what it is now.
    pub(crate) fn follow_dismissals(&mut self, before: &AppState, action_opened: bool) {
        let id = self.state.article.id.clone();
        if action_opened {
            let stored = self.store.dismissals(&id);
            if stored != *self.state.suggestions.dismissed {
                self.dispatch(Action::LoadDismissed(stored));
            }
            return;
        }
        let now = &self.state.suggestions.dismissed;
        if before.article.id != id || Rc::ptr_eq(now, &before.suggestions.dismissed) {
            return;
        }
        if let Err(e) = self.store.write_dismissals(&id, &now.clone()) {
            self.dispatch(Action::ReportStorage(StorageHealth::Failing(
                e.user_message(),
            )));
        }
    }
}
