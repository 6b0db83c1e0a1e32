//! The data of the open article's claim suggestions, held in the state; `suggestions.rs`
//! changes it.

use std::rc::Rc;

use crate::core::library::dismissals::Dismissed;
use crate::core::suggestions::{Span, Suggestion};

/// The suggestions of the open article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Suggestions {
    /// Whether they are shown: Suggest claims was asked for, and not hidden since.
    pub shown: bool,
    /// Every suggestion for the text as it is (kept only while shown).
    pub all: Rc<Vec<Suggestion>>,
    /// The suggestion the keyboard acts on, by its claim span.
    pub current: Option<Span>,
    /// What the reader dismissed on this article, as stored.
    pub dismissed: Rc<Vec<Dismissed>>,
    /// In student mode, the one hint shown.
    pub hint: Option<Span>,
    /// The suggestion whose words the reader is adjusting (Adjust), until a claim is added.
    pub adjusting: Option<Span>,
}
