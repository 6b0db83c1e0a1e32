//! Resolving after realistic edits: passages moved far by text inserted or cut before them,
//! repeated words, reworded passages between unchanged neighbours, and passages that are gone.

use crate::core::anchoring::resolve::{resolve, resolve_many, MIN_SCORE};
use crate::core::anchoring::scoring::{score, Quoted};
use crate::core::anchoring::selectors::{selectors, Resolution, Selectors};
use crate::core::text::offsets::{char_len, slice};
use proptest::prelude::*;

const WORDS: [&str; 40] = [
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
    "café",
    "北京",
    "naïve",
    "Zürich",
    "told",
    "records",
    "obtained",
    "tender",
    "firm",
];

/// Seeded prose: `n` words drawn from [`WORDS`].
fn prose(seed: u64, n: usize) -> Vec<&'static str> {
    let mut state = seed | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            WORDS[(state % WORDS.len() as u64) as usize]
        })
        .collect()
}

/// Code-point range of words `from..to` in `ws` joined by spaces.
fn range_of(ws: &[&str], from: usize, to: usize) -> (usize, usize) {
    let start = if from == 0 {
        0
    } else {
        char_len(&ws[..from].join(" ")) + 1
    };
    (start, start + char_len(&ws[from..to].join(" ")))
}

/// Replaces every `step`th character of `s` with 'x' (counting from `offset`).
fn damaged(s: &str, step: usize, offset: usize) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i >= offset && (i - offset) % step == 0 {
                'x'
            } else {
                c
            }
        })
        .collect()
}

#[test]
fn quotes_moved_far_are_found_where_the_ones_before_them_moved() {
    let ws = prose(11, 12_000);
    let old = ws.join(" ");
    // Ten quotes spread over the article, in reading order.
    let quotes: Vec<(usize, usize)> = (0..10)
        .map(|i| range_of(&ws, 1_000 * i + 500, 1_000 * i + 512))
        .collect();
    let sels: Vec<Selectors> = quotes
        .iter()
        .map(|&(s, e)| selectors(&old, s, e).unwrap())
        .collect();
    // 30,000 code points of new text before all of them, far beyond where the search first looks.
    let inserted = prose(99, 4_000).join(" ") + " ";
    let shift = char_len(&inserted);
    assert!(shift > 20_000);
    // The last quote is also reworded: a third of its letters changed, no exact occurrence left,
    // too many errors to be looked for anywhere but where it is expected.
    let (ls, le) = quotes[9];
    let last = slice(&old, ls, le).unwrap();
    let reworded = damaged(last, 3, 1);
    let new = format!(
        "{inserted}{}{reworded}{}",
        slice(&old, 0, ls).unwrap(),
        slice(&old, le, char_len(&old)).unwrap()
    );
    let found = resolve_many(&sels, &new);
    for (i, (&(s, e), r)) in quotes.iter().zip(&found).enumerate().take(9) {
        assert_eq!(
            *r,
            Resolution::Exact {
                start: s + shift,
                end: e + shift
            },
            "quote {i}"
        );
    }
    match found[9] {
        Resolution::Fuzzy { start, end, .. } => {
            let (ts, te) = (ls + shift, ls + shift + char_len(&reworded));
            let overlap = end.min(te).saturating_sub(start.max(ts));
            assert!(
                overlap * 10 >= (te - ts) * 9,
                "{start}..{end} vs {ts}..{te}"
            );
        }
        other => panic!("the reworded quote: {other:?}"),
    }
    // Alone, with nothing to say the text moved, it is too far from its old place to be trusted.
    assert_eq!(resolve(&sels[9], &new), Resolution::Orphan);
}

#[test]
fn a_deleted_quote_is_an_orphan_even_among_many_alike() {
    // Few words, so near-copies of any passage abound.
    let ws: Vec<&str> = prose(5, 6_000)
        .into_iter()
        .map(|w| if w.len() > 6 { "port" } else { w })
        .collect();
    let old = ws.join(" ");
    let quotes: Vec<(usize, usize)> = (0..6)
        .map(|i| range_of(&ws, 900 * i + 300, 900 * i + 318))
        .collect();
    let sels: Vec<Selectors> = quotes
        .iter()
        .map(|&(s, e)| selectors(&old, s, e).unwrap())
        .collect();
    // The fourth is cut, with the sentence before it.
    let (ds, de) = quotes[3];
    let cut_from = ds - 200;
    let new = format!(
        "{}{}",
        slice(&old, 0, cut_from).unwrap(),
        slice(&old, de, char_len(&old)).unwrap()
    );
    let gone = slice(&old, ds, de).unwrap();
    assert!(!new.contains(gone), "the workload must really cut it");
    let found = resolve_many(&sels, &new);
    assert_eq!(found[3], Resolution::Orphan);
    for i in [0, 1, 2] {
        assert_eq!(
            found[i],
            Resolution::Exact {
                start: quotes[i].0,
                end: quotes[i].1
            }
        );
    }
    let removed = de - cut_from;
    for i in [4, 5] {
        assert_eq!(
            found[i],
            Resolution::Exact {
                start: quotes[i].0 - removed,
                end: quotes[i].1 - removed
            }
        );
    }
}

#[test]
fn a_repeated_quote_lands_on_the_occurrence_its_context_matches() {
    let quote = "the port paid twice for the same dredging";
    let text = format!(
        "In March, {quote}, the board said. Analysts argued {quote}, records show. \
         Finally the ministry conceded {quote}, according to minutes."
    );
    let third = text.rfind(quote).unwrap();
    let (s, e) = (
        char_len(&text[..third]),
        char_len(&text[..third]) + char_len(quote),
    );
    let mut sel = selectors(&text, s, e).unwrap();
    // Stored near the first occurrence's place (the text moved), with the third one's context.
    let first = char_len(&text[..text.find(quote).unwrap()]) + 3;
    sel.position = Some(crate::core::model::TextPosition {
        start: first,
        end: first + char_len(quote),
    });
    let edited = text.replace("Analysts argued", "Some analysts had long argued");
    let shift = char_len(&edited) - char_len(&text);
    for found in [
        resolve(&sel, &edited),
        resolve_many(&[sel.clone()], &edited)[0],
    ] {
        assert_eq!(
            found,
            Resolution::Exact {
                start: s + shift,
                end: e + shift
            }
        );
    }
}

/// `s` with the characters at `i` where `i % period < changed` replaced by 'x'.
fn rewritten(s: &str, period: usize, changed: usize) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| if i % period < changed { 'x' } else { c })
        .collect()
}

#[test]
fn a_heavily_reworded_quote_between_its_neighbours_is_recovered_unrelated_text_is_not() {
    let ws = prose(23, 3_000);
    let old = ws.join(" ");
    let (s, e) = range_of(&ws, 1_500, 1_514);
    let sel = selectors(&old, s, e).unwrap();
    // Much of the quote rewritten, and the sentence after it touched up: under the floor.
    let quote = slice(&old, s, e).unwrap();
    let reworded = rewritten(quote, 20, 8);
    let after = slice(&old, e, e + 32).unwrap();
    let touched = rewritten(after, 32, 12);
    let rest = slice(&old, e + 32, char_len(&old)).unwrap();
    let before = slice(&old, 0, s).unwrap();
    let new = format!("{before}{reworded}{touched}{rest}");
    let new_chars: Vec<char> = new.chars().collect();
    let (ts, te) = (s, s + char_len(&reworded));
    let errors = strsim::generic_levenshtein(
        &quote.chars().collect::<Vec<_>>(),
        &reworded.chars().collect::<Vec<_>>(),
    );
    let plain = score(&new_chars, &Quoted::new(&sel), ts, te, errors);
    assert!(
        plain.total < MIN_SCORE,
        "{plain:?}: not a case the floor loses"
    );
    match resolve(&sel, &new) {
        Resolution::Fuzzy { start, end, .. } => {
            let overlap = end.min(te).saturating_sub(start.max(ts));
            assert!(
                overlap * 10 >= (te - ts) * 8,
                "{start}..{end} vs {ts}..{te}"
            );
        }
        other => panic!("not recovered: {other:?}"),
    }
    // The same words with other neighbours: the context vouches for nothing.
    let elsewhere = format!(
        "{} {reworded}{touched} {}",
        prose(77, 300).join(" "),
        prose(78, 300).join(" ")
    );
    assert_eq!(resolve(&sel, &elsewhere), Resolution::Orphan);
    // Nor where the passage was, once the sentence before it changed too.
    let new_before = format!(
        "{}{}",
        slice(&old, 0, s - 32).unwrap(),
        rewritten(slice(&old, s - 32, s).unwrap(), 32, 16)
    );
    let both = format!("{new_before}{reworded}{touched}{rest}");
    assert_eq!(resolve(&sel, &both), Resolution::Orphan);
}

/// A quote of an article and what an edit did to it.
#[derive(Debug, Clone)]
enum Fate {
    Kept,
    Cut,
}

/// A seed, six quotes (length in words, whether cut) and edits (gap, words inserted or cut).
type EditCase = (u64, Vec<(usize, bool)>, Vec<(usize, usize)>);

fn edit_case() -> impl Strategy<Value = EditCase> {
    (
        any::<u64>(),
        // For each of 6 quotes: its length in words, and whether it is cut.
        proptest::collection::vec((4usize..14, proptest::bool::weighted(0.25)), 6),
        // Edits between quotes: (gap index, words inserted (0) or cut (1..)).
        proptest::collection::vec((0usize..7, 0usize..40), 0..10),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn anchors_after_random_edits_are_never_wrong((seed, quotes, edits) in edit_case()) {
        // Article: gaps of 60..200 words between six quotes.
        let mut parts: Vec<Vec<&str>> = Vec::new();
        for g in 0..7u64 {
            parts.push(prose(seed ^ (g * 7919 + 1), 60 + (seed.rotate_left(g as u32) % 140) as usize));
        }
        let quote_words: Vec<Vec<&str>> = quotes.iter().enumerate()
            .map(|(i, &(n, _))| prose(seed.wrapping_add(31 * i as u64 + 3), n)).collect();
        let join = |gaps: &[Vec<&str>], keep: &dyn Fn(usize) -> bool| {
            let mut ws: Vec<&str> = Vec::new();
            let mut ranges = Vec::new();
            for (i, gap) in gaps.iter().enumerate() {
                ws.extend(gap);
                if i < quote_words.len() {
                    if keep(i) {
                        let from = ws.len();
                        ws.extend(&quote_words[i]);
                        ranges.push(Some((from, ws.len())));
                    } else {
                        ranges.push(None);
                    }
                }
            }
            let spans: Vec<Option<(usize, usize)>> = ranges.iter().map(|r| r.map(|(f, t)| range_of(&ws, f, t))).collect();
            (ws.join(" "), spans)
        };
        let (old, old_spans) = join(&parts, &|_| true);
        let sels: Vec<Selectors> = old_spans.iter().map(|r| { let (s, e) = r.unwrap(); selectors(&old, s, e).unwrap() }).collect();
        for &(gap, n) in &edits {
            if n < 20 {
                let at = n.min(parts[gap].len());
                let words = prose(seed ^ n as u64 ^ 0xabc, 1 + n * 3);
                parts[gap].splice(at..at, words);
            } else {
                let cut = (n - 19).min(parts[gap].len().saturating_sub(1));
                parts[gap].drain(..cut);
            }
        }
        let fates: Vec<Fate> = quotes.iter().map(|&(_, cut)| if cut { Fate::Cut } else { Fate::Kept }).collect();
        let (new, new_spans) = join(&parts, &|i| matches!(fates[i], Fate::Kept));
        let found = resolve_many(&sels, &new);
        for (i, r) in found.iter().enumerate() {
            let exact = &sels[i].quote.exact;
            match (new_spans[i], r.range()) {
                (_, None) => {}
                (Some(truth), Some(got)) => {
                    // On its words, or on the very same words elsewhere (a repeat the edit made).
                    prop_assert!(got == truth || slice(&new, got.0, got.1) == Some(exact.as_str()),
                        "quote {} {:?} landed on {:?} instead of {:?}", i, exact, slice(&new, got.0, got.1), truth);
                }
                (None, Some(got)) => {
                    // A cut quote may only land on a near-verbatim copy of its words.
                    let found_words: Vec<char> = slice(&new, got.0, got.1).unwrap().chars().collect();
                    let q: Vec<char> = exact.chars().collect();
                    let distance = strsim::generic_levenshtein(&found_words, &q);
                    prop_assert!(distance * 10 <= q.len(), "cut quote {} {:?} landed on {:?}", i, exact, found_words.iter().collect::<String>());
                }
            }
        }
    }
}

#[test]
fn a_reworded_passage_where_it_was_beats_its_old_words_said_elsewhere() {
    let quote = "the port paid twice for the same dredging contract";
    let filler = prose(7, 400).join(" ");
    let text = format!(
        "Early on, analysts claimed {quote} in a memo. {filler} Later the review board found \
         that {quote}, the minutes show. {filler}"
    );
    let at = text.rfind(quote).unwrap();
    let (s, e) = (
        char_len(&text[..at]),
        char_len(&text[..at]) + char_len(quote),
    );
    let sel = selectors(&text, s, e).unwrap();
    // The passage is reworded where it was; its old words survive only in the first sentence,
    // whose context is another.
    let reworded = "the port paid twice for that dredging contract";
    let edited = format!("{}{reworded}{}", &text[..at], &text[at + quote.len()..]);
    for found in [
        resolve(&sel, &edited),
        resolve_many(std::slice::from_ref(&sel), &edited)[0],
    ] {
        match found {
            Resolution::Fuzzy { start, end, .. } => {
                assert_eq!(slice(&edited, start, end), Some(reworded), "{found:?}")
            }
            other => panic!("expected the reworded passage, got {other:?}"),
        }
    }
}
