//! Claims for the core's tests: one builder, so each test says only what differs.

use crate::core::anchoring::selectors::describe;
use crate::core::model::Claim;

/// The code-point range of the first `quote` in `text`.
pub fn span_of(text: &str, quote: &str) -> (usize, usize) {
    let byte = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} is not in the text"));
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// An unverified claim on code points `start..end` of `text`, with nothing else said about it.
pub fn claim_at(text: &str, id: &str, start: usize, end: usize) -> Claim {
    let (quote, position) = describe(text, start, end).expect("a range of the text");
    let t = "2026-01-01T00:00:00Z";
    Claim::unverified(id.into(), quote, position, t, t)
}

/// The same, on the first `quote` in `text`.
pub fn claim_on(text: &str, id: &str, quote: &str) -> Claim {
    let (start, end) = span_of(text, quote);
    claim_at(text, id, start, end)
}
