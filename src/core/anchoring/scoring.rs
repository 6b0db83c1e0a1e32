//! How well a candidate place for a passage fits what was stored about it: the Hypothesis
//! client's weighted score (quote 50, prefix 20, suffix 20, position 2), and the rules for which
//! candidates are trusted at all.

use crate::core::anchoring::selectors::{Selectors, CONTEXT};

/// Below this score an approximate match is not trusted, unless its context vouches for it
/// (see [`trusted`]).
pub const MIN_SCORE: f64 = 0.7;
/// An exact occurrence scoring at least this (its surroundings agree with the stored context) is
/// taken without looking further.
pub const EXACT_TRUSTED: f64 = 0.9;
/// Context that vouches for a match scoring under [`MIN_SCORE`]: one side unchanged (at least
/// this similar)...
pub const CONTEXT_UNCHANGED: f64 = 0.95;
/// ...and the other still recognisable (at least this similar).
pub const CONTEXT_RECOGNISABLE: f64 = 0.6;
/// The least quote similarity trusted even so: half the quote must remain.
pub const RECOVERED_QUOTE: f64 = 0.5;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
const TOTAL_WEIGHT: f64 = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/// A selector's quote and context as code points.
pub(super) struct Quoted {
    pub exact: Vec<char>,
    pub prefix: Vec<char>,
    pub suffix: Vec<char>,
    pub hint: Option<usize>,
}

impl Quoted {
    /// Only the [`CONTEXT`] code points next to the quote are compared, as many as Claimcheck
    /// keeps itself: context is scored by edit distance, quadratic in its length, once per
    /// occurrence of the quote, so a file with a prefix thousands of characters long froze the page.
    pub fn new(sel: &Selectors) -> Self {
        let prefix: Vec<char> = sel.quote.prefix.chars().collect();
        Quoted {
            exact: sel.quote.exact.chars().collect(),
            prefix: prefix[prefix.len().saturating_sub(CONTEXT)..].to_vec(),
            suffix: sel.quote.suffix.chars().take(CONTEXT).collect(),
            hint: sel.position.map(|p| p.start),
        }
    }
}

/// What a candidate place scored, part by part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Score {
    pub quote: f64,
    pub prefix: f64,
    pub suffix: f64,
    pub total: f64,
}

/// Similarity (0–1) of `actual` to `expected`, as edit distance allows.
fn similarity(actual: &[char], expected: &[char]) -> f64 {
    if expected.is_empty() {
        return 1.0;
    }
    if actual.is_empty() {
        return 0.0;
    }
    let distance = strsim::generic_levenshtein(&actual.to_vec(), &expected.to_vec());
    1.0 - (distance as f64 / expected.len() as f64).min(1.0)
}

/// The score of candidate `start..end` of `chars` with `errors` edits from the quote.
pub(super) fn score(chars: &[char], q: &Quoted, start: usize, end: usize, errors: usize) -> Score {
    let len = chars.len();
    let quote = 1.0 - errors as f64 / q.exact.len() as f64;
    let prefix = similarity(
        &chars[start.saturating_sub(q.prefix.len())..start],
        &q.prefix,
    );
    let suffix = similarity(&chars[end..(end + q.suffix.len()).min(len)], &q.suffix);
    let position = match q.hint {
        Some(hint) if len > 0 => 1.0 - (start.abs_diff(hint) as f64 / len as f64).min(1.0),
        _ => 1.0,
    };
    let total = (QUOTE_WEIGHT * quote
        + PREFIX_WEIGHT * prefix
        + SUFFIX_WEIGHT * suffix
        + POSITION_WEIGHT * position)
        / TOTAL_WEIGHT;
    Score {
        quote,
        prefix,
        suffix,
        total,
    }
}

/// Whether an approximate match is trusted: by its score, or — for one found where the quote was
/// expected (`near`) — by its neighbours: one unchanged, the other recognisable, while at least
/// half the quote remains. A reworded passage between its own neighbours is that passage; the
/// same low similarity anywhere else, or with both neighbours changed, is not trusted. A side
/// with little stored context (the start or end of the text) cannot vouch for anything.
pub(super) fn trusted(s: &Score, q: &Quoted, near: bool) -> bool {
    if s.total >= MIN_SCORE {
        return true;
    }
    let enough = |context: &[char]| context.len() >= CONTEXT / 2;
    near && s.quote >= RECOVERED_QUOTE
        && enough(&q.prefix)
        && enough(&q.suffix)
        && s.prefix.max(s.suffix) >= CONTEXT_UNCHANGED
        && s.prefix.min(s.suffix) >= CONTEXT_RECOGNISABLE
}

/// Whether the text around `start..end` is exactly the stored prefix and suffix.
pub(super) fn context_is_exact(chars: &[char], q: &Quoted, start: usize, end: usize) -> bool {
    start >= q.prefix.len()
        && chars[start - q.prefix.len()..start] == q.prefix[..]
        && chars.get(end..end + q.suffix.len()) == Some(&q.suffix[..])
}

/// The most errors an approximate match can have and still outscore an exact occurrence that
/// scored `exact_score`: even with perfect context, one with `e` errors scores at most
/// (50·(1 − e/len) + 42) / 92. `0`: nothing can.
pub(super) fn errors_that_can_beat(len: usize, exact_score: f64) -> usize {
    let others = TOTAL_WEIGHT - QUOTE_WEIGHT;
    let can_beat = len as f64 * (1.0 - (TOTAL_WEIGHT * exact_score - others) / QUOTE_WEIGHT);
    (can_beat.ceil().max(0.0) as usize).saturating_sub(1)
}
