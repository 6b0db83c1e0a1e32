//! The keyboard shortcuts (the "?" dialog lists them): moving and selecting in the article,
//! marking claims, stepping through them, undo and redo. Keys typed into a field are the
//! field's own.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::Callback;

use super::dom::{in_article, in_claim_editor, typing_in_field, typing_in_text};
use super::selection::{add_claim_from_selection, back_to_article};
use crate::app::actions::Action;
use crate::core::model::Status;
use crate::core::text::paragraphs::sentence_at;
use crate::view::article::article_view::scroll_to_claim;
use crate::view::suggestions::suggestion_keys::suggestion_key;
use crate::web::store::AppStore;
use crate::web::{clock, text_selection};

/// Listens for the shortcuts on the whole page; `on_help` shows the list of them.
pub fn shortcuts(store: &Rc<AppStore>, on_help: Callback<()>) -> EventListener {
    let store = store.clone();
    EventListener::new(&gloo::utils::document(), "keydown", move |e| {
        on_key(&store, &on_help, e.unchecked_ref())
    })
}

fn on_key(s: &Rc<AppStore>, on_help: &Callback<()>, e: &KeyboardEvent) {
    if e.key() == "Escape" && in_claim_editor(e) {
        // Esc leaves the claim editor, even from its fields (which keep their text), back to
        // the article where the claim is.
        e.prevent_default();
        back_to_article(s);
        return;
    }
    if typing_in_text(e) {
        // Keys typed into a text field are the field's, Ctrl+Z included.
        return;
    }
    if e.ctrl_key() || e.meta_key() {
        undo_or_redo(s, e);
        return;
    }
    if typing_in_field(e) || e.alt_key() {
        return;
    }
    if plain_key(s, on_help, e) {
        e.prevent_default();
    }
}

/// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (or with Cmd).
fn undo_or_redo(s: &Rc<AppStore>, e: &KeyboardEvent) {
    let key = e.key().to_lowercase();
    let action = match (key.as_str(), e.shift_key()) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    };
    if let Some(action) = action {
        e.prevent_default();
        s.dispatch(action);
    }
}

/// A key without Ctrl, Cmd or Alt; whether it was a shortcut that did something.
fn plain_key(s: &Rc<AppStore>, on_help: &Callback<()>, e: &KeyboardEvent) -> bool {
    let reading = in_article(e);
    let key = e.key();
    match key.as_str() {
        "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp" if reading => {
            let forward = key == "ArrowRight" || key == "ArrowDown";
            let by_sentence = key == "ArrowDown" || key == "ArrowUp";
            text_selection::move_caret(e.shift_key(), forward, by_sentence);
            true
        }
        "s" | "S" if reading => select_sentence(s),
        "a" | "A" => add_claim_from_selection(s),
        "v" | "V" | "u" | "U" => {
            let status = if key.eq_ignore_ascii_case("v") {
                Status::Verified
            } else {
                Status::Unverified
            };
            match s.state().selected.clone() {
                Some(id) => {
                    s.dispatch(Action::SetStatus {
                        id,
                        status,
                        at: clock::now(),
                    });
                    true
                }
                None => false,
            }
        }
        "n" | "N" | "p" | "P" => step_claim(s, key.eq_ignore_ascii_case("n")),
        "j" | "J" | "y" | "Y" | "x" | "X" => suggestion_key(s, &key),
        "Delete" => match s.state().selected.clone() {
            Some(id) => {
                s.dispatch(Action::Delete { id });
                true
            }
            None => false,
        },
        "?" => {
            on_help.emit(());
            true
        }
        "Escape" => {
            s.dispatch(Action::Select(None));
            false
        }
        _ => false,
    }
}

/// Marks the sentence around the caret as the selection ("select sentence").
fn select_sentence(store: &Rc<AppStore>) -> bool {
    text_selection::ensure_caret();
    let Some(caret) = text_selection::caret_offset() else {
        return false;
    };
    match sentence_at(&store.state().article.text, caret) {
        Some((start, end)) => text_selection::select_offsets(start, end),
        None => false,
    }
}

/// Selects the next (or previous) claim in reading order and shows it.
fn step_claim(store: &Rc<AppStore>, forward: bool) -> bool {
    let state = store.state();
    if state.claims.is_empty() {
        return false;
    }
    let at = state
        .selected
        .as_deref()
        .and_then(|id| state.claims.iter().position(|c| c.id == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => state.claims.len() - 1,
        (Some(i), true) => (i + 1).min(state.claims.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let id = state.claims[next].id.clone();
    store.dispatch(Action::Select(Some(id.clone())));
    scroll_to_claim(&id);
    true
}
