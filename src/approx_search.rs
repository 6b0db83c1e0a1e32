//! Approximate string search: Myers' bit-parallel algorithm (1999), in the block-based form that
//! handles patterns of any length, with Ukkonen's cut-off so only the blocks that can still hold
//! a good enough match are computed. Text and pattern are code points, mapped once to small
//! symbol ids so the per-character work is an array lookup.
//!
//! No crate does this over Unicode code points with unbounded pattern length (bio's Myers works
//! on bytes), so it is written here, checked against a plain dynamic-programming oracle in tests.

use std::collections::HashMap;

/// An approximate match: `start..end` in code points, with its edit distance to the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub errors: usize,
}

/// Text prepared for many searches: each code point replaced by a dense symbol id.
pub struct SymbolText {
    pub symbols: Vec<u32>,
    ids: HashMap<char, u32>,
}

impl SymbolText {
    pub fn new(chars: &[char]) -> Self {
        let mut ids: HashMap<char, u32> = HashMap::new();
        let mut ascii = [u32::MAX; 128];
        let symbols = chars
            .iter()
            .map(|&c| {
                let next = ids.len() as u32;
                if (c as u32) < 128 {
                    let slot = &mut ascii[c as usize];
                    if *slot == u32::MAX {
                        *slot = next;
                        ids.insert(c, next);
                    }
                    *slot
                } else {
                    *ids.entry(c).or_insert(next)
                }
            })
            .collect();
        SymbolText { symbols, ids }
    }

    fn alphabet_len(&self) -> usize {
        self.ids.len()
    }
}

const W: usize = 64;

/// A pattern compiled against a text's alphabet: for each symbol, a bit per pattern position.
struct Pattern {
    len: usize,
    blocks: usize,
    peq: Vec<u64>,
    last_row: Vec<u64>,
}

impl Pattern {
    fn new(pattern: &[char], ids: &HashMap<char, u32>, alphabet: usize) -> Pattern {
        let len = pattern.len();
        let blocks = len.div_ceil(W);
        // One row more than the alphabet: the mask symbol, which matches nothing.
        let mut peq = vec![0u64; (alphabet + 1) * blocks];
        for (i, c) in pattern.iter().enumerate() {
            // Pattern characters the text lacks can never match; they need no row.
            if let Some(&s) = ids.get(c) {
                peq[s as usize * blocks + i / W] |= 1 << (i % W);
            }
        }
        let mut last_row = vec![1u64 << (W - 1); blocks];
        last_row[blocks - 1] = 1 << ((len - 1) % W);
        Pattern {
            len,
            blocks,
            peq,
            last_row,
        }
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
    let mut k = max_errors.min(pat.len) as i64;
    let w = W as i64;
    let last = pat.blocks - 1;
    let mut p = vec![!0u64; pat.blocks];
    let mut m = vec![0u64; pat.blocks];
    let mut score = vec![0i64; pat.blocks];
    let mut y = ((k as usize).div_ceil(W)).saturating_sub(1);
    for (b, s) in score.iter_mut().enumerate().take(y + 1) {
        *s = (b as i64 + 1) * w;
    }
    score[last] = pat.len as i64;
    let mut found = Vec::new();
    for (j, &symbol) in text.iter().enumerate() {
        let row = &pat.peq[symbol as usize * pat.blocks..][..pat.blocks];
        let mut carry = 0;
        for b in 0..=y {
            carry = advance_block(&mut p[b], &mut m[b], row[b], carry, pat.last_row[b]);
            score[b] += carry;
        }
        if score[y] - carry <= k && y < last && ((row[y + 1] & 1) != 0 || carry < 0) {
            // The match may continue into the next block down: start computing it.
            y += 1;
            p[y] = !0;
            m[y] = 0;
            let height = if y == last {
                (pat.len - last * W) as i64
            } else {
                w
            };
            let out = advance_block(&mut p[y], &mut m[y], row[y], carry, pat.last_row[y]);
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
        let row = &pat.peq[symbol as usize * pat.blocks..][..pat.blocks];
        // The top row grows by one per column: a match may not skip text at its start.
        let mut carry = 1;
        for b in 0..pat.blocks {
            carry = advance_block(&mut p[b], &mut m[b], row[b], carry, pat.last_row[b]);
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
        Some(Searcher {
            text,
            forward: Pattern::new(pattern, &text.ids, text.alphabet_len()),
            backward: Pattern::new(&reversed, &text.ids, text.alphabet_len()),
        })
    }

    /// The lowest-error matches within code points `from..to` of the text with at most
    /// `max_errors` errors; each match is the longest one ending where it ends.
    pub fn search(&self, from: usize, to: usize, max_errors: usize) -> Vec<Match> {
        self.search_symbols(&self.text.symbols[from..to], from, max_errors)
    }

    /// As [`Searcher::search`] over the whole text, with the ranges in `masked` treated as text
    /// that matches nothing (so matches elsewhere are found even where these are better).
    pub fn search_masked(&self, masked: &[(usize, usize)], max_errors: usize) -> Vec<Match> {
        let mut symbols = self.text.symbols.clone();
        let mask = self.text.alphabet_len() as u32;
        for &(start, end) in masked {
            symbols[start..end].fill(mask);
        }
        self.search_symbols(&symbols, 0, max_errors)
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
