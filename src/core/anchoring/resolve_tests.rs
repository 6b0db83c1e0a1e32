//! Resolving one passage in principle: the order of the steps (position, exact, approximate,
//! orphan), positions far past the text, and properties over generated texts and edits (see
//! `resolve_edits_tests` for realistic edits across a whole article).

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
    let text =
        "The ministry said the port paid twice. Officials said the port paid twice, records show.";
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
