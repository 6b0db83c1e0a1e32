//! What the suggestions panel lists and the article outlines: the shown suggestions in words
//! (a short quote, the source, its kind, how sure), and what the panel's controls offer in
//! this mode.

use crate::app::state::AppState;
use crate::app::suggestions::{confidence_words, visible};
use crate::core::classroom::session::Mode;
use crate::core::suggestions::Span;
use crate::core::text::offsets::CharTable;
use crate::core::text::plural::counted;
use crate::core::text::quotes::{shorten, Cut};

/// One shown suggestion, as the panel lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionItem {
    pub span: Span,
    pub excerpt: String,
    /// The source as the text names it ("" when it names none).
    pub source: String,
    pub kind: &'static str,
    pub confidence: &'static str,
}

/// The panel's view of the suggestions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SuggestionList {
    /// Whether suggestions are on (Suggest claims was asked for).
    pub shown: bool,
    pub items: Vec<SuggestionItem>,
    pub current: Option<Span>,
    /// How many the text has in all, before hiding claimed and dismissed ones.
    pub found: usize,
    pub teacher: bool,
    /// Student mode: only hints, and only with the exercise's leave.
    pub student: bool,
    pub hints_allowed: bool,
    pub hints_used: u32,
}

impl SuggestionList {
    pub fn of(state: &AppState) -> SuggestionList {
        let shown = visible(state);
        // One table for every excerpt: the list is built on each redraw.
        let table = (!shown.is_empty()).then(|| CharTable::new(&state.article.text));
        let items = shown
            .into_iter()
            .map(|s| SuggestionItem {
                span: s.claim,
                excerpt: shorten(
                    table
                        .as_ref()
                        .and_then(|t| t.slice(s.claim.start, s.claim.end))
                        .unwrap_or_default(),
                    Cut::Words(14),
                ),
                source: s
                    .source
                    .as_ref()
                    .map(|x| x.text.clone())
                    .unwrap_or_default(),
                kind: s.source_kind.label(),
                confidence: confidence_words(s.confidence),
            })
            .collect();
        let classroom = &state.classroom;
        SuggestionList {
            shown: state.suggestions.shown,
            items,
            current: state.suggestions.current,
            found: state.suggestions.all.len(),
            teacher: classroom.mode == Mode::Teacher,
            student: classroom.is_student(),
            hints_allowed: classroom.hints_allowed(),
            hints_used: classroom.active_work().map_or(0, |w| w.hints_used),
        }
    }

    /// What the panel says when it lists nothing.
    pub fn empty_message(&self) -> Option<&'static str> {
        match (self.shown, self.items.is_empty()) {
            (true, true) if self.student => Some("No hint shown: ask for one when you are stuck."),
            (true, true) if self.found == 0 => Some("No sourced claims found."),
            (true, true) => Some("All suggestions handled."),
            _ => None,
        }
    }

    /// "3 suggestions", for the panel's heading.
    pub fn count(&self) -> String {
        counted(self.items.len(), "suggestion", "suggestions")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::core::model::Article;
    use crate::core::suggestions::suggest;

    #[test]
    fn the_list_says_what_is_shown_and_why_it_is_empty() {
        let text = "The mayor said the bridge would open in May.\n\nIt rained.";
        let s = AppState::new(
            Article {
                text: text.into(),
                ..Article::default()
            },
            vec![],
            vec![],
            None,
        );
        let off = SuggestionList::of(&s);
        assert!(!off.shown && off.items.is_empty() && off.empty_message().is_none());
        let on = SuggestionList::of(&reduce(&s, Action::SuggestClaims));
        let all = suggest(text);
        assert_eq!(on.items.len(), all.len());
        assert_eq!(on.count(), format!("{} suggestion", all.len()));
        let first = &on.items[0];
        assert!(
            first.excerpt.starts_with("The mayor said"),
            "{}",
            first.excerpt
        );
        assert_eq!(first.kind, all[0].source_kind.label());
        let span = first.span;
        let done = reduce(
            &reduce(&s, Action::SuggestClaims),
            Action::DismissSuggestion(span),
        );
        assert_eq!(
            SuggestionList::of(&done).empty_message(),
            Some("All suggestions handled.")
        );
        assert_eq!(confidence_words(0.9), "likely");
        assert_eq!(confidence_words(0.6), "possible");
        assert_eq!(confidence_words(0.2), "unsure");
    }
}
