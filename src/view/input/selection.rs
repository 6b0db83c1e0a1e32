//! The reader's selection in the article: where the toolbar offering Add claim goes, marking
//! the selection as a claim (from the toolbar or key A), and coming back to the article from
//! the claim's editor with the caret where the work was.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::app::actions::Action;
use crate::core::text::offsets::trim_range;
use crate::view::article::selection_toolbar::ToolbarSpot;
use crate::view::claims::claim_panel::show_editor_next;
use crate::web::store::AppStore;
use crate::web::{clock, text_selection};

/// Marks the user's current selection in the article as a claim, if there is one.
pub fn add_claim_from_selection(store: &Rc<AppStore>) -> bool {
    let Some((start, end)) = text_selection::selection_offsets() else {
        return false;
    };
    let before = store.state();
    store.dispatch(Action::AddClaim {
        id: clock::new_id("c"),
        start,
        end,
        at: clock::now(),
    });
    text_selection::clear_selection();
    // The new claim (or the one already on these words) is what the reader works on next. Only
    // when the state changed, so the page draws again and the request is not left for later.
    let after = store.state();
    if !Rc::ptr_eq(&before, &after) && after.selected.is_some() {
        show_editor_next();
    }
    true
}

/// Closes the claim editor and puts the reader back in the article, the caret at the end of the
/// claim they were editing, so S, A and Shift with the arrows go on from there.
pub fn back_to_article(store: &Rc<AppStore>) {
    let state = store.state();
    let end = state
        .selected
        .as_deref()
        .and_then(|id| state.claims.iter().find(|c| c.id == id))
        .map(|c| c.position.end);
    store.dispatch(Action::Select(None));
    let Some(body) =
        text_selection::article_body().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // Focusing the article would scroll it to its top when only part of it is on screen.
    let window = gloo::utils::window();
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let _ = body.focus();
    window.scroll_to_with_x_and_y(x, y);
    // An orphan has no place in the text: the caret stays where it was (or at the start).
    if let Some(end) = end {
        text_selection::select_offsets(end, end);
    }
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
