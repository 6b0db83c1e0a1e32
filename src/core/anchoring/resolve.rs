//! Finding a passage again from its selectors (see `selectors`), in text that may have changed
//! since.
//!
//! Resolving tries, in order: the stored position, if the text there is still the quote; exact
//! occurrences of the quote, chosen by how well their surroundings match the stored prefix and
//! suffix and how close they are to the stored position; an approximate search (Myers, see
//! `approx_search`) whose candidates are scored as the Hypothesis client scores them (see
//! `scoring`) — but, unlike it, an untrusted candidate is rejected and the passage becomes an
//! orphan rather than landing on wrong words. An exact occurrence whose surroundings disagree
//! with the stored context (the same words said elsewhere) does not end the search either: an
//! approximate match where the passage was expected, and the context agrees, can score higher
//! and win. Only there: with the exact words in hand, a competitor is not sought across the rest
//! of the text (a passage both reworded and moved where the drift does not predict it lands on
//! its old words; in measured edits that never happened, and the scan was 86% of the time).
//!
//! Where to search: edits move whole stretches of text, so the passages of an article, resolved
//! in stored order, tend to have moved as far as the one before ([`Drift`]). The approximate
//! search looks there, within reach of a few thousand code points, at any error count; in the
//! rest of the text it only looks for close matches (at most one error per [`GRAM`] code points),
//! which the text's q-gram index finds without scanning. So a passage that is gone costs a
//! search of its neighbourhood and a few index lookups, not a scan of the whole text.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::core::anchoring::approx_search::{lowest_errors, outside, Match, Searcher};
use crate::core::anchoring::gram_index::{GramIndex, GRAM};
use crate::core::anchoring::scoring::{
    context_is_exact, errors_that_can_beat, score, trusted, Quoted,
};
pub use crate::core::anchoring::scoring::{EXACT_TRUSTED, MIN_SCORE};
use crate::core::anchoring::selectors::{Resolution, Selectors, CONTEXT};
use crate::core::anchoring::symbol_text::SymbolText;
use crate::core::text::offsets::CharTable;

/// Approximate search allows at most this many errors (and at most half the quote).
pub const MAX_ERRORS: usize = 256;
/// From how many passages at once the text is indexed for exact occurrences too.
pub const INDEX_FROM: usize = 16;
/// How far around where a passage is expected the approximate search looks at any error count.
const NEAR_REACH: usize = 4096;
/// Exact occurrences considered when a quote repeats (a pathological text could have millions).
const MAX_OCCURRENCES: usize = 10_000;

/// How far the passages resolved so far moved: where the next one is looked for first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drift(i64);

impl Drift {
    /// Where a passage stored at `hint` is expected in a text of `len` code points.
    fn expected(self, hint: usize, len: usize) -> usize {
        let hint = i64::try_from(hint).unwrap_or(i64::MAX);
        hint.saturating_add(self.0).clamp(0, len as i64) as usize
    }

    /// Learns from a passage stored at `sel`'s position that resolved to `found`.
    pub fn learn(&mut self, sel: &Selectors, found: &Resolution) {
        if let (Some(p), Some((start, _))) = (sel.position, found.range()) {
            if let Ok(hint) = i64::try_from(p.start) {
                self.0 = start as i64 - hint;
            }
        }
    }
}

/// A text prepared once for resolving any number of passages in it.
pub struct PreparedText<'a> {
    text: &'a str,
    table: CharTable<'a>,
    chars: Vec<char>,
    symbols: SymbolText,
    /// Built the first time a search can use it.
    index: OnceCell<Option<GramIndex>>,
    /// Whether exact searches should build the index (worth it for many passages).
    index_exact: bool,
}

impl<'a> PreparedText<'a> {
    pub fn new(text: &'a str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let symbols = SymbolText::new(&chars);
        PreparedText {
            text,
            table: CharTable::new(text),
            chars,
            symbols,
            index: OnceCell::new(),
            index_exact: false,
        }
    }

    /// Prepared for resolving `passages` passages: from [`INDEX_FROM`] on, indexing the text,
    /// which costs about as much as a few scans, is repaid by exact lookups.
    pub fn for_passages(text: &'a str, passages: usize) -> Self {
        let mut prepared = Self::new(text);
        prepared.index_exact = passages >= INDEX_FROM;
        prepared
    }

    fn index(&self) -> Option<&GramIndex> {
        self.index
            .get_or_init(|| GramIndex::new(&self.symbols.symbols))
            .as_ref()
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// Code-point offsets of every occurrence of `quote` (also given as `chars`), overlapping
    /// ones included: from the index of the text when there is one, otherwise by scanning.
    fn occurrences(&self, quote: &str, chars: &[char]) -> Vec<usize> {
        let index = if self.index_exact {
            self.index()
        } else {
            self.index.get().and_then(Option::as_ref)
        };
        if let Some(found) = index.and_then(|index| index.exact(&self.symbols, chars)) {
            return found.into_iter().take(MAX_OCCURRENCES).collect();
        }
        self.scan(quote)
    }

    fn scan(&self, quote: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = self.text[from..].find(quote) {
            let byte = from + at;
            found.push(self.table.char_at_byte(byte));
            if found.len() == MAX_OCCURRENCES {
                break;
            }
            // Step one character on, so overlapping occurrences are found too.
            from = byte + self.text[byte..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    /// Finds the passage `sel` describes, looking first where it was.
    pub fn resolve(&self, sel: &Selectors) -> Resolution {
        self.resolve_drifted(sel, Drift::default())
    }

    /// Finds the passage `sel` describes, looking first where it was moved by `drift`.
    pub fn resolve_drifted(&self, sel: &Selectors, drift: Drift) -> Resolution {
        let exact = &sel.quote.exact;
        if exact.is_empty() {
            return Resolution::Orphan;
        }
        if let Some(p) = sel.position {
            if self.table.slice(p.start, p.end) == Some(exact.as_str()) {
                return Resolution::Exact {
                    start: p.start,
                    end: p.end,
                };
            }
        }
        let quoted = Quoted::new(sel);
        let len = quoted.exact.len();
        let starts = self.occurrences(exact, &quoted.exact);
        if let Some(hint) = quoted.hint {
            // An occurrence whose surroundings are exactly the stored context, the closest to
            // the old place: nothing approximate can beat it.
            let perfect = starts
                .iter()
                .copied()
                .filter(|&s| context_is_exact(&self.chars, &quoted, s, s + len))
                .min_by_key(|&s| s.abs_diff(hint));
            if let Some(start) = perfect {
                return Resolution::Exact {
                    start,
                    end: start + len,
                };
            }
        }
        let best_exact = starts
            .iter()
            .map(|&start| {
                (
                    start,
                    score(&self.chars, &quoted, start, start + len, 0).total,
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let mut max_errors = MAX_ERRORS.min(len / 2);
        if let Some((start, exact_score)) = best_exact {
            let can_beat = errors_that_can_beat(len, exact_score);
            if exact_score >= EXACT_TRUSTED || can_beat == 0 {
                return Resolution::Exact {
                    start,
                    end: start + len,
                };
            }
            max_errors = max_errors.min(can_beat);
        }
        // Either no exact occurrence, or one whose surroundings disagree with the stored context
        // (the same words said elsewhere in the article): an approximate match in the right
        // place may score better.
        let expected = quoted.hint.map(|h| drift.expected(h, self.len()));
        let fuzzy = self
            .candidates(&quoted, &starts, expected, max_errors)
            .into_iter()
            .map(|(m, near)| {
                (
                    m,
                    near,
                    score(&self.chars, &quoted, m.start, m.end, m.errors),
                )
            })
            .filter(|(_, near, s)| trusted(s, &quoted, *near))
            .max_by(|a, b| a.2.total.total_cmp(&b.2.total));
        match (best_exact, fuzzy) {
            (Some((start, exact_score)), Some((_, _, fuzzy))) if exact_score >= fuzzy.total => {
                Resolution::Exact {
                    start,
                    end: start + len,
                }
            }
            (_, Some((m, _, s))) => Resolution::Fuzzy {
                start: m.start,
                end: m.end,
                score: s.total,
            },
            (Some((start, _)), None) => Resolution::Exact {
                start,
                end: start + len,
            },
            (None, None) => Resolution::Orphan,
        }
    }

    /// Approximate matches of the quote with at most `max_errors` errors, none overlapping an
    /// exact occurrence (`starts`), each with whether it lies where the passage was `expected`.
    /// There, every error count up to `max_errors` is searched; elsewhere, only when the quote
    /// has no exact occurrence, and only close matches, at most one error per [`GRAM`] code
    /// points and no more than the best found near. Without a place to expect the passage, the
    /// whole text is searched.
    fn candidates(
        &self,
        q: &Quoted,
        starts: &[usize],
        expected: Option<usize>,
        max_errors: usize,
    ) -> Vec<(Match, bool)> {
        let len = q.exact.len();
        let Some(searcher) = Searcher::new(&self.symbols, &q.exact) else {
            return Vec::new();
        };
        let exact: Vec<(usize, usize)> = starts.iter().map(|&s| (s, s + len)).collect();
        let Some(expected) = expected else {
            let all = self.masked(0, self.len(), &exact);
            return searcher
                .search_near(&all, None, max_errors, self.index())
                .into_iter()
                .map(|m| (m, false))
                .collect();
        };
        // With the words themselves found elsewhere, a competitor is only worth looking for
        // close to where the passage was expected; without them, a little wider.
        let reach = if exact.is_empty() {
            NEAR_REACH.saturating_add(len.saturating_mul(2))
        } else {
            len.saturating_add(2 * CONTEXT)
        };
        let near_from = expected.saturating_sub(reach);
        let near_to = expected
            .saturating_add(len)
            .saturating_add(reach)
            .min(self.len());
        let near = searcher.search_in(
            &self.masked(near_from, near_to, &exact),
            near_from,
            max_errors,
        );
        let far_errors = (len / GRAM)
            .saturating_sub(1)
            .min(max_errors)
            .min(near.first().map_or(usize::MAX, |m| m.errors));
        let mut found: Vec<(Match, bool)> = near.into_iter().map(|m| (m, true)).collect();
        // With the words themselves found, an approximate competitor far from where the passage
        // was expected would have to beat them on context alone: not worth a scan of the text.
        // Without them (so nothing to mask), a close match can only have these many errors if
        // one of its pieces is intact, so with no intact piece (or no index) there is nothing
        // far to look at except by a scan.
        if exact.is_empty() {
            let windows = self
                .index()
                .and_then(|index| searcher.candidate_windows(self.len(), index, far_errors))
                .unwrap_or_else(|| vec![(0, self.len())]);
            // Only matches reaching out of the near stretch count here, and the near search
            // has read that stretch already: a match starting before it ends before `inner`,
            // one ending after it starts after, so `inner` need not be read again.
            let span = len.saturating_add(far_errors);
            let inner = (near_from.saturating_add(span), near_to.saturating_sub(span));
            let far = lowest_errors(
                windows
                    .into_iter()
                    .flat_map(|window| outside(window, inner))
                    .flat_map(|(from, to)| {
                        searcher.search_in(&self.symbols.symbols[from..to], from, far_errors)
                    })
                    .collect(),
            );
            found.extend(
                far.into_iter()
                    .filter(|m| m.start < near_from || m.end > near_to)
                    .map(|m| (m, false)),
            );
        }
        found
    }

    /// The symbols of `from..to`, with the `masked` ranges matching nothing.
    fn masked(&self, from: usize, to: usize, masked: &[(usize, usize)]) -> Cow<'_, [u32]> {
        let symbols = &self.symbols.symbols[from..to];
        let inside: Vec<&(usize, usize)> = masked
            .iter()
            .filter(|&&(s, e)| s < to && from < e)
            .collect();
        if inside.is_empty() {
            return Cow::Borrowed(symbols);
        }
        let mut copy = symbols.to_vec();
        let mask = self.symbols.mask_symbol();
        for &&(s, e) in &inside {
            copy[s.max(from) - from..e.min(to) - from].fill(mask);
        }
        Cow::Owned(copy)
    }
}

/// Finds the passage `selectors` describe in `text`.
pub fn resolve(selectors: &Selectors, text: &str) -> Resolution {
    PreparedText::new(text).resolve(selectors)
}

/// Resolves many passages in one text, in the order given (stored order: each is looked for
/// first where the one before it moved), preparing the text once.
pub fn resolve_many(selectors: &[Selectors], text: &str) -> Vec<Resolution> {
    let prepared = PreparedText::for_passages(text, selectors.len());
    let mut drift = Drift::default();
    selectors
        .iter()
        .map(|s| {
            let found = prepared.resolve_drifted(s, drift);
            drift.learn(s, &found);
            found
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "resolve_tests.rs"]
mod tests;
