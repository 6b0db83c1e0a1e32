//! The suggestion keys (listed under "?"): J and Shift+J step through the shown suggestions,
//! Y accepts the current one, X dismisses it.

use std::rc::Rc;

use super::suggestion_panel::{accept_action, scroll_to_suggestion};
use crate::app::actions::Action;
use crate::web::store::AppStore;

/// Acts on `key` if it is a suggestion key and suggestions are shown; whether it did.
pub fn suggestion_key(store: &Rc<AppStore>, key: &str) -> bool {
    let state = store.state();
    if !state.suggestions.shown {
        return false;
    }
    let current = state.suggestions.current;
    let action = match (key, current) {
        ("j", _) => Action::StepSuggestion(true),
        ("J", _) => Action::StepSuggestion(false),
        ("y" | "Y", Some(span)) if !state.classroom.is_student() => accept_action(span),
        ("x" | "X", Some(span)) => Action::DismissSuggestion(span),
        _ => return false,
    };
    store.dispatch(action);
    if let Some(span) = store.state().suggestions.current {
        scroll_to_suggestion(span.start);
    }
    true
}
