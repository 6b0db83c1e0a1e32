//! Finding a passage again from its selectors (see `selectors`), in text that may have changed
//! since.
//!
//! Resolving tries, in order: the stored position, if the text there is still the quote; exact
//! occurrences of the quote, chosen by how well their surroundings match the stored prefix and
//! suffix and how close they are to the stored position; an approximate search (Myers, see
//! `approx_search`) whose candidates are scored on the quote (weight 50), prefix (20), suffix (20)
//! and position (2), as the Hypothesis client scores them — but, unlike it, a candidate scoring
//! under [`MIN_SCORE`] is rejected and the passage becomes an orphan rather than landing on wrong
//! words. An exact occurrence whose surroundings disagree with the stored context (the same words
//! said elsewhere) does not end the search either: an approximate match where the context does
//! agree can score higher and win.

use std::cell::OnceCell;

use crate::core::anchoring::approx_search::Searcher;
use crate::core::anchoring::gram_index::GramIndex;
use crate::core::anchoring::selectors::{Resolution, Selectors, CONTEXT};
use crate::core::anchoring::symbol_text::SymbolText;
use crate::core::text::offsets::CharTable;

/// Below this score an approximate match is not trusted.
pub const MIN_SCORE: f64 = 0.7;
/// An exact occurrence scoring at least this (its surroundings agree with the stored context) is
/// taken without looking further.
pub const EXACT_TRUSTED: f64 = 0.9;
/// Approximate search allows at most this many errors (and at most half the quote).
pub const MAX_ERRORS: usize = 256;
/// From how many passages at once `resolve_many` indexes the text first.
const INDEX_FROM: usize = 16;
/// How far around a passage's old place the approximate search looks first.
const NEAR_REACH: usize = 4096;
/// Exact occurrences considered when a quote repeats (a pathological text could have millions).
const MAX_OCCURRENCES: usize = 10_000;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

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

    fn index(&self) -> Option<&GramIndex> {
        self.index
            .get_or_init(|| GramIndex::new(&self.symbols.symbols))
            .as_ref()
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// Code-point offsets of every occurrence of `quote`, overlapping ones included.
    fn occurrences(&self, quote: &str, chars: &[char]) -> Vec<usize> {
        self.occurrences_within(quote, chars, 0, self.len())
    }

    /// Occurrences of `quote` (also given as `chars`) lying wholly within code points `from..to`:
    /// from the index of the text when there is one, otherwise by scanning.
    fn occurrences_within(
        &self,
        quote: &str,
        chars: &[char],
        from: usize,
        to: usize,
    ) -> Vec<usize> {
        let index = if self.index_exact {
            self.index()
        } else {
            self.index.get().and_then(Option::as_ref)
        };
        if let Some(index) = index {
            if let Some(found) = index.exact(&self.symbols, chars) {
                return found
                    .into_iter()
                    .filter(|&s| s >= from && s + chars.len() <= to)
                    .take(MAX_OCCURRENCES)
                    .collect();
            }
        }
        self.scan_within(quote, from, to)
    }

    fn scan_within(&self, quote: &str, from: usize, to: usize) -> Vec<usize> {
        let mut found = Vec::new();
        let end = self.table.byte(to);
        let mut from = self.table.byte(from);
        while let Some(at) = self.text[from..end].find(quote) {
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

    /// Similarity (0–1) of the text in `from..to` to `expected`, as edit distance allows.
    fn context_score(&self, from: usize, to: usize, expected: &[char]) -> f64 {
        if expected.is_empty() {
            return 1.0;
        }
        let actual = &self.chars[from.min(to)..to];
        if actual.is_empty() {
            return 0.0;
        }
        let distance = strsim::generic_levenshtein(&actual.to_vec(), &expected.to_vec());
        1.0 - (distance as f64 / expected.len() as f64).min(1.0)
    }

    /// Whether the text around `start..end` is exactly the stored prefix and suffix.
    fn context_is_exact(&self, sel: &Quoted, start: usize, end: usize) -> bool {
        start >= sel.prefix.len()
            && self.chars[start - sel.prefix.len()..start] == sel.prefix[..]
            && self.chars.get(end..end + sel.suffix.len()) == Some(&sel.suffix[..])
    }

    /// The weighted score of a candidate `start..end` with `errors` edits from the quote.
    fn score(&self, sel: &Quoted, start: usize, end: usize, errors: usize) -> f64 {
        let quote = 1.0 - errors as f64 / sel.exact.len() as f64;
        let prefix = self.context_score(start.saturating_sub(sel.prefix.len()), start, &sel.prefix);
        let suffix = self.context_score(end, (end + sel.suffix.len()).min(self.len()), &sel.suffix);
        let position = match sel.hint {
            Some(hint) if self.len() > 0 => 1.0 - start.abs_diff(hint) as f64 / self.len() as f64,
            _ => 1.0,
        };
        (QUOTE_WEIGHT * quote
            + PREFIX_WEIGHT * prefix
            + SUFFIX_WEIGHT * suffix
            + POSITION_WEIGHT * position)
            / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
    }

    /// Finds the passage `sel` describes.
    pub fn resolve(&self, sel: &Selectors) -> Resolution {
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
        let near = quoted.hint.map(|h| {
            // Positions come from files: one far past the text must not overflow.
            let reach = NEAR_REACH.saturating_add(len.saturating_mul(2));
            let to = h.saturating_add(len).saturating_add(reach).min(self.len());
            (h.saturating_sub(reach).min(to), to)
        });
        if let (Some(hint), Some((from, to))) = (quoted.hint, near) {
            // An occurrence near the old place whose surroundings are exactly the stored context
            // cannot be beaten by one farther away, so the rest of the text need not be searched.
            let perfect = self
                .occurrences_within(exact, &quoted.exact, from, to)
                .into_iter()
                .filter(|&s| self.context_is_exact(&quoted, s, s + len))
                .min_by_key(|&s| s.abs_diff(hint));
            if let Some(start) = perfect {
                return Resolution::Exact {
                    start,
                    end: start + len,
                };
            }
        }
        let starts = self.occurrences(exact, &quoted.exact);
        let best_exact = starts
            .iter()
            .map(|&start| (start, self.score(&quoted, start, start + len, 0)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let occurrences: Option<Vec<(usize, usize)>> =
            (!starts.is_empty()).then(|| starts.iter().map(|&s| (s, s + len)).collect());
        let mut max_errors = MAX_ERRORS.min(len / 2);
        if let Some((start, score)) = best_exact {
            // Only an approximate match that can outscore the exact one is worth looking for:
            // even with perfect context, one with `e` errors scores at most
            // (50·(1 − e/len) + 42) / 92.
            let can_beat = len as f64 * (1.0 - (92.0 * score - 42.0) / 50.0);
            let can_beat = (can_beat.ceil() as usize).saturating_sub(1);
            if score >= EXACT_TRUSTED || can_beat == 0 {
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
        let masked;
        let symbols: &[u32] = match &occurrences {
            None => &self.symbols.symbols,
            Some(exact) => {
                masked = self.symbols.masked(exact);
                &masked
            }
        };
        let fuzzy = Searcher::new(&self.symbols, &quoted.exact).and_then(|searcher| {
            searcher
                .search_near(symbols, near, max_errors, self.index())
                .into_iter()
                .map(|m| (m, self.score(&quoted, m.start, m.end, m.errors)))
                .filter(|&(_, score)| score >= MIN_SCORE)
                .max_by(|a, b| a.1.total_cmp(&b.1))
        });
        match (best_exact, fuzzy) {
            (Some((start, exact_score)), Some((_, fuzzy_score))) if exact_score >= fuzzy_score => {
                Resolution::Exact {
                    start,
                    end: start + len,
                }
            }
            (_, Some((m, score))) => Resolution::Fuzzy {
                start: m.start,
                end: m.end,
                score,
            },
            (Some((start, _)), None) => Resolution::Exact {
                start,
                end: start + len,
            },
            (None, None) => Resolution::Orphan,
        }
    }
}

/// A selector's quote and context as code points.
struct Quoted {
    exact: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    hint: Option<usize>,
}

impl Quoted {
    /// Only the [`CONTEXT`] code points next to the quote are compared, as many as Claimcheck
    /// keeps itself: context is scored by edit distance, quadratic in its length, once per
    /// occurrence of the quote, so a file with a prefix thousands of characters long froze the page.
    fn new(sel: &Selectors) -> Self {
        let prefix: Vec<char> = sel.quote.prefix.chars().collect();
        Quoted {
            exact: sel.quote.exact.chars().collect(),
            prefix: prefix[prefix.len().saturating_sub(CONTEXT)..].to_vec(),
            suffix: sel.quote.suffix.chars().take(CONTEXT).collect(),
            hint: sel.position.map(|p| p.start),
        }
    }
}

/// Finds the passage `selectors` describe in `text`.
pub fn resolve(selectors: &Selectors, text: &str) -> Resolution {
    PreparedText::new(text).resolve(selectors)
}

/// Resolves many passages in one text, preparing the text once.
pub fn resolve_many(selectors: &[Selectors], text: &str) -> Vec<Resolution> {
    let mut prepared = PreparedText::new(text);
    // Indexing the text costs about as much as a few scans; many passages repay it, once one
    // of them has to be searched for.
    prepared.index_exact = selectors.len() >= INDEX_FROM;
    selectors.iter().map(|s| prepared.resolve(s)).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::anchoring::selectors::selectors;
    use crate::core::model::{TextPosition, TextQuote};
    use crate::core::text::offsets::{char_len, slice};
    use proptest::prelude::*;
    use proptest::strategy::Just;

    const WORDS: [&str; 48] = [
        "the",
        "ministry",
        "said",
        "officials",
        "reported",
        "according",
        "documents",
        "port",
        "contract",
        "brother",
        "denied",
        "allegedly",
        "review",
        "board",
        "minutes",
        "statement",
        "company",
        "satellite",
        "images",
        "analysts",
        "channel",
        "dredging",
        "costs",
        "rose",
        "percent",
        "year",
        "meeting",
        "senior",
        "staff",
        "settled",
        "questions",
        "directed",
        "café",
        "北京",
        "👩‍👩‍👧",
        "naïve",
        "Zürich",
        "told",
        "records",
        "obtained",
        "request",
        "firm",
        "bids",
        "scoring",
        "sheet",
        "local",
        "experience",
        "tender",
    ];

    fn words(indices: &[usize]) -> Vec<&'static str> {
        indices.iter().map(|&i| WORDS[i % WORDS.len()]).collect()
    }

    /// Text of words, and the code-point range of words `from..to` in it.
    fn text_with_range(ws: &[&str], from: usize, to: usize) -> (String, usize, usize) {
        let before = ws[..from].join(" ");
        let quote = ws[from..to].join(" ");
        let start = if from == 0 { 0 } else { char_len(&before) + 1 };
        (ws.join(" "), start, start + char_len(&quote))
    }

    fn occurrences(text: &str, quote: &str) -> usize {
        text.match_indices(quote).count()
    }

    #[test]
    fn positions_far_past_the_text_are_only_a_poor_hint() {
        let text = "The ministry said the port paid twice.";
        for start in [u32::MAX as usize - 3, usize::MAX - 3, 10_000] {
            let sel = Selectors {
                quote: TextQuote {
                    exact: "the port".into(),
                    prefix: String::new(),
                    suffix: String::new(),
                },
                position: Some(TextPosition {
                    start,
                    end: start.saturating_add(8),
                }),
            };
            assert_eq!(resolve(&sel, text).range(), Some((18, 26)), "{start}");
        }
    }

    #[test]
    fn resolves_in_order_position_exact_fuzzy_orphan() {
        let text = "The ministry said the port paid twice. Officials said the port paid twice, records show.";
        let second = text.rfind("the port paid twice").unwrap();
        let (s, e) = (char_len(&text[..second]), char_len(&text[..second]) + 19);
        let sel = selectors(text, s, e).unwrap();
        assert_eq!(resolve(&sel, text), Resolution::Exact { start: s, end: e });
        // Moved: the context picks the right one of two occurrences.
        let moved = format!("Breaking: {text}");
        assert_eq!(
            resolve(&sel, &moved),
            Resolution::Exact {
                start: s + 10,
                end: e + 10
            }
        );
        // Reworded a little: found approximately.
        let edited = moved.replace(
            "Officials said the port paid twice",
            "Officials said the port had paid twice",
        );
        match resolve(&sel, &edited) {
            Resolution::Fuzzy { start, end, score } => {
                assert_eq!(slice(&edited, start, end), Some("the port had paid twice"));
                assert!(score > MIN_SCORE && score < 1.0);
            }
            other => panic!("{other:?}"),
        }
        // Gone.
        let gone = "The ministry said nothing. Officials declined to comment, records show.";
        assert_eq!(resolve(&sel, gone), Resolution::Orphan);
        let many = resolve_many(&[sel.clone(), sel], &moved);
        assert_eq!(many[0], many[1]);
    }

    fn quote_case() -> impl Strategy<Value = (Vec<usize>, usize, usize)> {
        proptest::collection::vec(0usize..1000, 30..120).prop_flat_map(|ws| {
            let n = ws.len();
            (Just(ws), 0..n - 12)
                .prop_flat_map(|(ws, from)| (Just(ws), Just(from), from + 4..from + 12))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn unchanged_text_gives_the_original_range((ws, from, to) in quote_case()) {
            let (text, start, end) = text_with_range(&words(&ws), from, to);
            let sel = selectors(&text, start, end).unwrap();
            prop_assert_eq!(resolve(&sel, &text), Resolution::Exact { start, end });
            // Even without the position, the quote and its context find it.
            let mut no_position = sel.clone();
            no_position.position = None;
            let found = resolve(&no_position, &text).range().unwrap();
            prop_assert_eq!(slice(&text, found.0, found.1), Some(sel.quote.exact.as_str()));
        }

        #[test]
        fn edits_outside_the_quote_never_move_it_off_its_words(
            (ws, from, to) in quote_case(),
            inserts in proptest::collection::vec((0usize..1000, "[A-Z0-9 ]{1,30}"), 1..6),
            deletes in proptest::collection::vec(0usize..1000, 0..6),
        ) {
            let mut ws: Vec<String> = words(&ws).into_iter().map(String::from).collect();
            let (mut from, mut to) = (from, to);
            let original = ws[from..to].join(" ");
            prop_assume!(occurrences(&ws.join(" "), &original) == 1);
            for d in deletes {
                let i = d % ws.len();
                if i < from { ws.remove(i); from -= 1; to -= 1; }
                else if i >= to { ws.remove(i); }
            }
            for (at, inserted) in inserts {
                let i = at % (ws.len() + 1);
                if i <= from { from += 1; to += 1; ws.insert(i, inserted); }
                else if i >= to { ws.insert(i, inserted); }
            }
            let borrowed: Vec<&str> = ws.iter().map(String::as_str).collect();
            let (new_text, start, end) = text_with_range(&borrowed, from, to);
            prop_assume!(occurrences(&new_text, &original) == 1);
            let sel = Selectors {
                quote: TextQuote { exact: original.clone(), prefix: String::new(), suffix: String::new() },
                position: Some(TextPosition { start: start + 7, end: end + 7 }),
            };
            prop_assert_eq!(resolve(&sel, &new_text), Resolution::Exact { start, end });
        }

        #[test]
        fn small_edits_inside_the_quote_are_still_found(
            (ws, from, to) in quote_case(),
            edits in proptest::collection::vec((0usize..1000, 0u8..3, "[a-z]"), 1..4),
        ) {
            let ws = words(&ws);
            let (text, start, end) = text_with_range(&ws, from, to);
            let sel = selectors(&text, start, end).unwrap();
            let mut quote: Vec<char> = sel.quote.exact.chars().collect();
            prop_assume!(quote.len() >= 30);
            for (at, kind, c) in edits {
                let i = at % quote.len();
                let c = c.chars().next().unwrap();
                match kind {
                    0 => quote[i] = c,
                    1 => quote.insert(i, c),
                    _ => { quote.remove(i); }
                }
            }
            let edited_quote: String = quote.iter().collect();
            prop_assume!(edited_quote != sel.quote.exact);
            let new_text = format!(
                "{}{}{}",
                slice(&text, 0, start).unwrap(),
                edited_quote,
                slice(&text, end, char_len(&text)).unwrap()
            );
            let (new_start, new_end) = (start, start + quote.len());
            match resolve(&sel, &new_text) {
                Resolution::Fuzzy { start, end, score } => {
                    prop_assert!(score >= MIN_SCORE);
                    let overlap = end.min(new_end).saturating_sub(start.max(new_start));
                    let union = end.max(new_end) - start.min(new_start);
                    prop_assert!(overlap as f64 / union as f64 >= 0.85, "{}..{} vs {}..{}", start, end, new_start, new_end);
                }
                Resolution::Exact { start, end } => {
                    // The edit recreated the quote elsewhere in its own words: only that is exact.
                    prop_assert_eq!(slice(&new_text, start, end), Some(sel.quote.exact.as_str()));
                }
                Resolution::Orphan => prop_assert!(false, "lost {:?}", sel.quote.exact),
            }
        }

        #[test]
        fn a_quote_that_is_gone_is_an_orphan_never_a_wrong_place((ws, from, to) in quote_case()) {
            let ws = words(&ws);
            let (text, start, end) = text_with_range(&ws, from, to);
            let sel = selectors(&text, start, end).unwrap();
            prop_assume!(occurrences(&text, &sel.quote.exact) == 1);
            let new_text = format!(
                "{}{}",
                slice(&text, 0, start).unwrap(),
                slice(&text, end, char_len(&text)).unwrap()
            );
            // Gone means gone: no passage within a third of the quote's length in edits is left
            // (a near-copy elsewhere, likely with so few words, is a rewording, not a deletion).
            let quote_len = char_len(&sel.quote.exact);
            prop_assume!(crate::core::anchoring::approx_search::search(&new_text, &sel.quote.exact, quote_len / 3).is_empty());
            match resolve(&sel, &new_text) {
                Resolution::Orphan => {}
                // Only acceptable if the words are really still there, nearly verbatim.
                Resolution::Fuzzy { start, end, .. } => {
                    let found: Vec<char> = slice(&new_text, start, end).unwrap().chars().collect();
                    let quote: Vec<char> = sel.quote.exact.chars().collect();
                    let distance = strsim::generic_levenshtein(&found, &quote);
                    prop_assert!(distance * 10 <= quote.len(), "landed on {:?} for {:?}", found.iter().collect::<String>(), sel.quote.exact);
                }
                Resolution::Exact { .. } => prop_assert!(false, "exact match of a deleted quote"),
            }
        }
    }
}
