//! The reader's selection in the article: where the toolbar offering Add claim goes, and
//! marking the selection as a claim (from the toolbar or key A).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::Callback;

use crate::app::actions::Action;
use crate::core::text::offsets::trim_range;
use crate::view::article::selection_toolbar::ToolbarSpot;
use crate::web::store::AppStore;
use crate::web::{clock, text_selection};

/// Marks the user's current selection in the article as a claim, if there is one.
pub fn add_claim_from_selection(store: &Rc<AppStore>) -> bool {
    let Some((start, end)) = text_selection::selection_offsets() else {
        return false;
    };
    store.dispatch(Action::AddClaim {
        id: clock::new_id("c"),
        start,
        end,
        at: clock::now(),
    });
    text_selection::clear_selection();
    true
}

/// Where the toolbar goes for the current selection, if the selection is a usable passage.
fn toolbar_spot(store: &AppStore) -> Option<ToolbarSpot> {
    let (start, end) = text_selection::selection_offsets()?;
    trim_range(&store.state().article.text, start, end)?;
    let rect = text_selection::current_range()?.get_bounding_client_rect();
    Some(ToolbarSpot {
        top: rect.top(),
        bottom: rect.bottom(),
        left: rect.left(),
        width: rect.width(),
    })
}

/// Tells `on_spot` where the toolbar goes (or that it goes) whenever the selection changes.
pub fn toolbar_follows_selection(
    store: &Rc<AppStore>,
    on_spot: Callback<Option<ToolbarSpot>>,
) -> EventListener {
    let store = store.clone();
    EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
        on_spot.emit(toolbar_spot(&store));
    })
}
