//! Claim suggestions: find the sourced claims in an article's text, who the article says they
//! come from and what kind of source that is. Pure and deterministic, so the same text always
//! gives the same suggestions (the app keeps dismissals by span).
//!
//! All spans are code points of the text, end exclusive, like claim positions.
//!
//! The rules are in files by concern: `tokens` (one pass over the text), `sentences`,
//! `attribution` (the patterns of one sentence), `sources` (the source phrase and its kind),
//! `clauses` (two claims in one sentence) and `discourse` (what runs across sentences: quotes
//! continued, pronouns). Every word they look for is in `lexicon/en.txt`.

mod attribution;
mod clauses;
mod discourse;
mod lexicon;
mod names;
mod sentences;
mod sources;
mod tokens;

#[cfg(test)]
mod tests_patterns;
#[cfg(test)]
mod tests_traps;

pub use lexicon::Lexicon;

use crate::core::model::SourceKind;

/// A span of the text, code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Who a suggested claim is attributed to, as the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedSource {
    pub span: Span,
    pub text: String,
}

/// One suggested sourced claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The claim: a sentence, or the attributed clause when one sentence holds two claims.
    pub claim: Span,
    /// The attribution cue ("said", "according to", "documents show"), when there is one.
    pub cue: Option<Span>,
    /// The source phrase, when the text names one.
    pub source: Option<SuggestedSource>,
    pub source_kind: SourceKind,
    /// 0.0..=1.0; how sure the rules are.
    pub confidence: f32,
}

/// The sourced claims of `text`, in text order, never overlapping (English).
pub fn suggest(text: &str) -> Vec<Suggestion> {
    suggest_with(text, Lexicon::english())
}

/// The sourced claims of `text` with the words of `lexicon`.
pub fn suggest_with(text: &str, lexicon: &Lexicon) -> Vec<Suggestion> {
    discourse::suggest_with(text, lexicon)
}
