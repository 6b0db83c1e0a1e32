//! Approximate string search: Myers' bit-parallel algorithm (1999), in the block-based form that
//! handles patterns of any length, with Ukkonen's cut-off so only the blocks that can still hold
//! a good enough match are computed. Text and pattern are code points, mapped once to small
//! symbol ids (`symbol_text`) so the per-character work is an array lookup.
//!
//! No crate does this over Unicode code points with unbounded pattern length (bio's Myers works
//! on bytes), so it is written here, checked against a plain dynamic-programming oracle in tests.

use std::collections::HashMap;

use crate::core::anchoring::gram_index::{GramIndex, GRAM};
use crate::core::anchoring::symbol_text::SymbolText;
use crate::core::ordering;

/// An approximate match: `start..end` in code points, with its edit distance to the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub errors: usize,
}

const W: usize = 64;

/// A pattern compiled against a text's alphabet: for each block of 64 pattern positions and each
/// symbol, the bits of the positions holding that symbol. Block-major, so the first block's
/// table, which most columns need alone, is one contiguous array.
struct Pattern {
    len: usize,
    blocks: usize,
    /// Rows per block: the alphabet plus the mask symbol, which matches nothing.
    rows: usize,
    peq: Vec<u64>,
    last_row: Vec<u64>,
}

impl Pattern {
    fn new(pattern: &[char], ids: &HashMap<char, u32>, alphabet: usize) -> Pattern {
        let len = pattern.len();
        let blocks = len.div_ceil(W);
        let rows = alphabet + 1;
        let mut peq = vec![0u64; rows * blocks];
        for (i, c) in pattern.iter().enumerate() {
            // Pattern characters the text lacks can never match; they need no row.
            if let Some(&s) = ids.get(c) {
                peq[(i / W) * rows + s as usize] |= 1 << (i % W);
            }
        }
        let mut last_row = vec![1u64 << (W - 1); blocks];
        last_row[blocks - 1] = 1 << ((len - 1) % W);
        Pattern {
            len,
            blocks,
            rows,
            peq,
            last_row,
        }
    }

    #[inline(always)]
    fn eq(&self, block: usize, symbol: usize) -> u64 {
        self.peq[block * self.rows + symbol]
    }
}

/// One block of one column (Myers 1999, fig. 8): updates the block's vertical deltas from the
/// horizontal delta coming in at its top, and returns the one leaving its bottom.
#[inline(always)]
fn advance_block(p: &mut u64, m: &mut u64, eq: u64, h_in: i64, last_row: u64) -> i64 {
    let (pv, mv) = (*p, *m);
    let h_in_negative = (h_in < 0) as u64;
    let eq = eq | h_in_negative;
    let xv = eq | mv;
    let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
    let mut ph = mv | !(xh | pv);
    let mut mh = pv & xh;
    let h_out = ((ph & last_row) != 0) as i64 - ((mh & last_row) != 0) as i64;
    ph = (ph << 1) | (h_in > 0) as u64;
    mh = (mh << 1) | h_in_negative;
    *p = mh | !(xv | ph);
    *m = ph & xv;
    h_out
}

/// Ends (exclusive) and error counts of the lowest-error matches with at most `max_errors`
/// errors (Myers 1999, fig. 9, with the error bound lowered as better matches appear).
fn match_ends(text: &[u32], pat: &Pattern, max_errors: usize) -> Vec<(usize, usize)> {
    // The release build optimizes for size, which keeps `Vec` indexing as calls: everything hot
    // below indexes plain slices, and iterates with plain loops.
    let mut k = max_errors.min(pat.len) as i64;
    let w = W as i64;
    let last = pat.blocks - 1;
    let rows = pat.rows;
    let peq: &[u64] = &pat.peq;
    let last_rows: &[u64] = &pat.last_row;
    let mut p_store = vec![!0u64; pat.blocks];
    let mut m_store = vec![0u64; pat.blocks];
    let mut score_store = vec![0i64; pat.blocks];
    let (p, m, score): (&mut [u64], &mut [u64], &mut [i64]) =
        (&mut p_store, &mut m_store, &mut score_store);
    let mut y = ((k as usize).div_ceil(W)).saturating_sub(1);
    for (b, s) in score.iter_mut().enumerate().take(y + 1) {
        *s = (b as i64 + 1) * w;
    }
    score[last] = pat.len as i64;
    let mut found = Vec::new();
    for (j, &symbol) in text.iter().enumerate() {
        let symbol = symbol as usize;
        let mut carry = 0;
        let mut b = 0;
        while b <= y {
            carry = advance_block(
                &mut p[b],
                &mut m[b],
                peq[b * rows + symbol],
                carry,
                last_rows[b],
            );
            score[b] += carry;
            b += 1;
        }
        if score[y] - carry <= k
            && y < last
            && ((peq[(y + 1) * rows + symbol] & 1) != 0 || carry < 0)
        {
            // The match may continue into the next block down: start computing it.
            y += 1;
            let height = if y == last {
                (pat.len - last * W) as i64
            } else {
                w
            };
            p[y] = !0;
            m[y] = 0;
            let out = advance_block(
                &mut p[y],
                &mut m[y],
                peq[y * rows + symbol],
                carry,
                last_rows[y],
            );
            score[y] = score[y - 1] + height - carry + out;
        } else {
            while y > 0 && score[y] >= k + w {
                y -= 1;
            }
        }
        if y == last && score[y] <= k {
            if score[y] < k {
                found.clear();
            }
            found.push((j + 1, score[y] as usize));
            k = score[y];
        }
    }
    found
}

/// Lengths of the longest prefixes of `text` that match the whole of `pat` with at most
/// `max_errors` errors: the same recurrence with the match pinned to the text's start, which is
/// what finding a match's start from its end needs (searching the reversed text backwards).
fn longest_anchored(text: &[u32], pat: &Pattern, max_errors: usize) -> Option<usize> {
    let mut p = vec![!0u64; pat.blocks];
    let mut m = vec![0u64; pat.blocks];
    let mut score = pat.len as i64;
    let mut longest = (pat.len <= max_errors).then_some(0);
    for (j, &symbol) in text.iter().enumerate() {
        // The top row grows by one per column: a match may not skip text at its start.
        let mut carry = 1;
        for b in 0..pat.blocks {
            carry = advance_block(
                &mut p[b],
                &mut m[b],
                pat.eq(b, symbol as usize),
                carry,
                pat.last_row[b],
            );
        }
        score += carry;
        if score <= max_errors as i64 {
            longest = Some(j + 1);
        }
    }
    longest
}

/// A pattern ready to search one prepared text, possibly many times.
pub struct Searcher<'t> {
    text: &'t SymbolText,
    /// The pattern as the text's symbols; characters the text lacks become the mask symbol.
    pattern: Vec<u32>,
    forward: Pattern,
    backward: Pattern,
}

impl<'t> Searcher<'t> {
    /// `None` for an empty pattern.
    pub fn new(text: &'t SymbolText, pattern: &[char]) -> Option<Self> {
        if pattern.is_empty() {
            return None;
        }
        let reversed: Vec<char> = pattern.iter().rev().copied().collect();
        let mask = text.alphabet_len() as u32;
        Some(Searcher {
            text,
            pattern: pattern
                .iter()
                .map(|c| text.ids.get(c).copied().unwrap_or(mask))
                .collect(),
            forward: Pattern::new(pattern, &text.ids, text.alphabet_len()),
            backward: Pattern::new(&reversed, &text.ids, text.alphabet_len()),
        })
    }

    /// The lowest-error matches within code points `from..to` of the text with at most
    /// `max_errors` errors; each match is the longest one ending where it ends.
    pub fn search(&self, from: usize, to: usize, max_errors: usize) -> Vec<Match> {
        self.search_symbols(&self.text.symbols[from..to], from, max_errors)
    }

    /// The lowest-error matches in the whole of `symbols` (the text, or a masked copy of it),
    /// looking first in `near`: a match found there bounds the errors of the whole-text search,
    /// which is then far cheaper — and, with an `index` of the text and a bound small enough,
    /// only looks where the pattern could be (see [`Searcher::filtered`]). The matches are
    /// exactly those of a plain search of the whole text.
    pub fn search_near(
        &self,
        symbols: &[u32],
        near: Option<(usize, usize)>,
        max_errors: usize,
        index: Option<&GramIndex>,
    ) -> Vec<Match> {
        let mut bound = max_errors;
        if let Some((from, to)) =
            near.filter(|&(f, t)| f <= t && t <= symbols.len() && (f > 0 || t < symbols.len()))
        {
            if let Some(best) = self.search_symbols(&symbols[from..to], from, bound).first() {
                bound = best.errors;
                if let Some(found) = index.and_then(|i| self.filtered(symbols, i, bound)) {
                    return found;
                }
            }
        }
        self.search_symbols(symbols, 0, bound)
    }

    /// Filter, then verify: the lowest-error matches in the stretches of text
    /// [`Searcher::candidate_windows`] leaves, which are exactly those of a whole-text search.
    fn filtered(&self, symbols: &[u32], index: &GramIndex, bound: usize) -> Option<Vec<Match>> {
        let windows = self.candidate_windows(symbols.len(), index, bound)?;
        let found = windows
            .into_iter()
            .flat_map(|(from, to)| self.search_symbols(&symbols[from..to], from, bound))
            .collect();
        Some(lowest_errors(found))
    }

    /// A match with at most `bound` errors contains one of `bound + 1` consecutive pieces of the
    /// pattern unchanged (each error can spoil only one piece), so only the stretches of text
    /// around exact occurrences of a piece can hold one: those stretches, merged and in order.
    /// `None` when pieces would be too short to be selective, or the stretches cover much of the
    /// text (of `text_len` code points).
    pub fn candidate_windows(
        &self,
        text_len: usize,
        index: &GramIndex,
        bound: usize,
    ) -> Option<Vec<(usize, usize)>> {
        let m = self.pattern.len();
        let piece = m / (bound + 1);
        if piece < GRAM {
            return None;
        }
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for i in 0..=bound {
            let piece_start = i * piece;
            // The gram of this piece that occurs least often in the text.
            let occurrences = (piece_start..=piece_start + piece - GRAM)
                .map(|o| (o, index.occurrences(&self.pattern[o..o + GRAM])))
                .min_by_key(|(_, found)| found.len())
                .expect("a piece holds at least one gram");
            let (offset, found) = occurrences;
            for at in found {
                // Where the whole pattern would lie if this gram is in it, with room on both
                // sides for errors and for finding the match's start.
                let pattern_start = (at as usize).saturating_sub(offset);
                windows.push((
                    pattern_start.saturating_sub(m + bound),
                    (pattern_start + 2 * m + bound).min(text_len),
                ));
            }
            if windows.len() * 3 * m > text_len {
                return None;
            }
        }
        windows.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (from, to) in windows {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        Some(merged)
    }

    /// The lowest-error matches in `symbols` (a stretch of the text, or of a masked copy of it,
    /// starting at code point `from`) with at most `max_errors` errors.
    pub fn search_in(&self, symbols: &[u32], from: usize, max_errors: usize) -> Vec<Match> {
        self.search_symbols(symbols, from, max_errors)
    }

    fn search_symbols(&self, symbols: &[u32], from: usize, max_errors: usize) -> Vec<Match> {
        let ends = match_ends(symbols, &self.forward, max_errors);
        let mut matches: Vec<Match> = ends
            .into_iter()
            .map(|(end, errors)| {
                // Search backwards from the end for where a match with as few errors starts.
                let min_start = end.saturating_sub(self.forward.len + errors);
                let window: Vec<u32> = symbols[min_start..end].iter().rev().copied().collect();
                let longest = longest_anchored(&window, &self.backward, errors)
                    .expect("a match ending here with this many errors exists");
                Match {
                    start: from + end - longest,
                    end: from + end,
                    errors,
                }
            })
            .collect();
        matches.dedup_by_key(|m| (m.start, m.end));
        matches
    }
}

/// The parts of stretch `window` outside stretch `inner` (all of it when `inner` is empty or
/// elsewhere).
pub fn outside((from, to): (usize, usize), (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    if start >= end || to <= start || end <= from {
        return vec![(from, to)];
    }
    [(from, start), (end, to)]
        .into_iter()
        .filter(|(a, b)| a < b)
        .collect()
}

/// Of matches found in several stretches: those with the fewest errors, in order, one per end.
pub fn lowest_errors(mut found: Vec<Match>) -> Vec<Match> {
    let best = found.iter().map(|m| m.errors).min();
    found.retain(|m| Some(m.errors) == best);
    ordering::sort_by_key(&mut found, |m| (m.end, m.start));
    found.dedup_by_key(|m| m.end);
    found
}

/// Convenience: the lowest-error matches of `pattern` in `text`.
pub fn search(text: &str, pattern: &str, max_errors: usize) -> Vec<Match> {
    let chars: Vec<char> = text.chars().collect();
    let prepared = SymbolText::new(&chars);
    let pattern: Vec<char> = pattern.chars().collect();
    Searcher::new(&prepared, &pattern)
        .map(|s| s.search(0, chars.len(), max_errors))
        .unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Plain dynamic programming: the fewest errors of any match of `pattern` ending at each
    /// position of `text` (semi-global edit distance).
    fn oracle_end_scores(text: &[char], pattern: &[char]) -> Vec<usize> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut ends = Vec::with_capacity(text.len());
        for &t in text {
            let mut diagonal = column[0];
            column[0] = 0;
            for i in 1..=pattern.len() {
                let substitution = diagonal + usize::from(pattern[i - 1] != t);
                diagonal = column[i];
                column[i] = substitution.min(column[i] + 1).min(column[i - 1] + 1);
            }
            ends.push(column[pattern.len()]);
        }
        ends
    }

    fn edit_distance(a: &[char], b: &[char]) -> usize {
        strsim::generic_levenshtein(&a.to_vec(), &b.to_vec())
    }

    #[test]
    fn a_stretch_already_read_is_cut_out_of_a_window() {
        assert_eq!(outside((0, 100), (40, 60)), vec![(0, 40), (60, 100)]);
        assert_eq!(outside((0, 50), (40, 60)), vec![(0, 40)]);
        assert_eq!(outside((45, 55), (40, 60)), vec![]);
        assert_eq!(outside((0, 30), (40, 60)), vec![(0, 30)]);
        assert_eq!(outside((0, 100), (60, 40)), vec![(0, 100)], "nothing inner");
    }

    #[test]
    fn finds_exact_and_approximate_matches() {
        let m = search("the ministry announced on Tuesday", "ministry", 2);
        assert_eq!(
            m,
            vec![Match {
                start: 4,
                end: 12,
                errors: 0
            }]
        );
        let m = search("the minstry announced on Tuesday", "ministry", 2);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].start, m[0].end, m[0].errors), (4, 11, 1));
        assert!(search("nothing like it", "ministry", 2).is_empty());
        assert!(search("abc", "", 2).is_empty());
    }

    #[test]
    fn the_filter_is_used_and_agrees_with_a_full_search() {
        // Pseudo-random letters: selective grams, like real prose over a long article.
        let mut state = 7u64;
        let chars: Vec<char> = (0..20_000)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                b"abcdefghijklmnopqrstuvwxyz  "[(state >> 33) as usize % 28] as char
            })
            .collect();
        let prepared = SymbolText::new(&chars);
        let index = GramIndex::new(&prepared.symbols).unwrap();
        for (start, len, edits) in [
            (100, 40, 2),
            (9_000, 200, 9),
            (19_700, 250, 20),
            (5_000, 64, 0),
        ] {
            let mut pattern = chars[start..start + len].to_vec();
            for e in 0..edits {
                pattern[(e * 7919) % len] = 'é';
            }
            let s = Searcher::new(&prepared, &pattern).unwrap();
            let bound = s.search(start - 10, start + len + 10, len / 2)[0].errors;
            let filtered = s
                .filtered(&prepared.symbols, &index, bound)
                .expect("selective enough to filter");
            assert_eq!(filtered, s.search(0, chars.len(), bound));
            assert_eq!(filtered[0].start, start);
        }
    }

    #[test]
    fn handles_patterns_longer_than_many_words_and_unicode() {
        let quote: String = "北京 officials said 😀 prices rose; ".repeat(12);
        let mut text = "Preamble. ".repeat(30);
        let start = text.chars().count();
        let mut damaged: Vec<char> = quote.chars().collect();
        for i in (5..damaged.len()).step_by(37) {
            damaged[i] = 'x';
        }
        text.extend(damaged.iter());
        text.push_str(" Epilogue.");
        let m = search(&text, &quote, 60);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].start, start);
        assert_eq!(m[0].errors, quote.chars().count().div_ceil(37));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn searching_near_first_finds_the_same_matches(
            text in "[abcé世 ]{1,300}",
            pattern in "[abcé世 ]{1,80}",
            a in 0usize..300,
            b in 0usize..300,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let prepared = SymbolText::new(&chars);
            let p: Vec<char> = pattern.chars().collect();
            let s = Searcher::new(&prepared, &p).unwrap();
            let n = chars.len();
            let (from, to) = (a.min(b).min(n), a.max(b).min(n));
            let k = p.len() / 2;
            let index = GramIndex::new(&prepared.symbols).unwrap();
            prop_assert_eq!(
                s.search_near(&prepared.symbols, Some((from, to)), k, None),
                s.search(0, n, k)
            );
            prop_assert_eq!(
                s.search_near(&prepared.symbols, Some((from, to)), k, Some(&index)),
                s.search(0, n, k)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn filtering_with_the_index_finds_the_same_matches(
            words in proptest::collection::vec(0usize..12, 50..400),
            at in 0usize..1000,
            len in 20usize..120,
            noise in proptest::collection::vec((0usize..1000, 0usize..26), 0..6),
        ) {
            const VOCAB: [&str; 12] = ["the", "ministry", "said", "port", "officials", "café",
                "北京", "reported", "denied", "board", "review", "contract"];
            let text: String = words.iter().map(|&w| VOCAB[w]).collect::<Vec<_>>().join(" ");
            let chars: Vec<char> = text.chars().collect();
            let start = at % (chars.len().saturating_sub(len).max(1));
            let mut pattern: Vec<char> = chars[start..(start + len).min(chars.len())].to_vec();
            for (i, c) in noise {
                let i = i % pattern.len();
                pattern[i] = char::from(b'a' + c as u8);
            }
            let prepared = SymbolText::new(&chars);
            let index = GramIndex::new(&prepared.symbols).unwrap();
            let s = Searcher::new(&prepared, &pattern).unwrap();
            let k = pattern.len() / 2;
            let near = Some((start.saturating_sub(30), (start + len + 30).min(chars.len())));
            prop_assert_eq!(
                s.search_near(&prepared.symbols, near, k, Some(&index)),
                s.search(0, chars.len(), k)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn agrees_with_dynamic_programming(
            text in "[abcé世]{0,200}",
            pattern in "[abcé世]{1,150}",
            max_errors in 0usize..80,
        ) {
            let t: Vec<char> = text.chars().collect();
            let p: Vec<char> = pattern.chars().collect();
            let scores = oracle_end_scores(&t, &p);
            let best = scores.iter().copied().min().filter(|&b| b <= max_errors.min(p.len()));
            let found = search(&text, &pattern, max_errors);
            match best {
                None => prop_assert!(found.is_empty(), "{:?}", found),
                Some(best) => {
                    prop_assert!(!found.is_empty());
                    let expected_ends: Vec<usize> = scores
                        .iter()
                        .enumerate()
                        .filter(|&(_, &s)| s == best)
                        .map(|(j, _)| j + 1)
                        .collect();
                    let mut ends: Vec<usize> = found.iter().map(|m| m.end).collect();
                    ends.dedup();
                    prop_assert_eq!(ends, expected_ends);
                    for m in &found {
                        prop_assert_eq!(m.errors, best);
                        prop_assert_eq!(edit_distance(&t[m.start..m.end], &p), best);
                    }
                }
            }
        }
    }
}
