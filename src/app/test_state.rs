//! The state the reducers' tests start from: one article with no claims, and a way to mark
//! one, so each test says only what differs.

use crate::app::actions::Action;
use crate::app::reducer::reduce;
use crate::app::state::AppState;
use crate::core::model::Article;

pub const TEXT: &str =
    "The Post reported, citing documents, that the port paid twice.\n\nReyl denied it.";

pub fn state() -> AppState {
    AppState::new(
        Article {
            id: "a".into(),
            title: "T".into(),
            outlet: String::new(),
            byline: String::new(),
            date: String::new(),
            text: TEXT.into(),
            ..Article::default()
        },
        vec![],
        vec![],
        None,
    )
}

/// `s` with code points `start..end` marked as claim `id`.
pub fn add(s: &AppState, id: &str, start: usize, end: usize) -> AppState {
    reduce(
        s,
        Action::AddClaim {
            id: id.into(),
            start,
            end,
            at: format!("t-{id}"),
        },
    )
}
