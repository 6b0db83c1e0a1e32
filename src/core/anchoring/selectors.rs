//! Describing a passage so it can be found again: the W3C TextQuote selector (its words, with
//! up to [`CONTEXT`] code points either side) and TextPosition selector (where it was), and
//! what looking for it again came to ([`Resolution`]). The looking is done in `resolve`.

use serde::{Deserialize, Serialize};

use crate::core::model::{TextPosition, TextQuote};
use crate::core::text::offsets::CharTable;

/// Code points of context kept on each side of a quote.
pub const CONTEXT: usize = 32;

/// Describes `start..end` (code points) of `text`. `None` when the range is empty or out of bounds.
pub fn describe(text: &str, start: usize, end: usize) -> Option<(TextQuote, TextPosition)> {
    describe_in(&CharTable::new(text), start, end)
}

/// As [`describe`], over a table already built for the text.
pub fn describe_in(
    table: &CharTable<'_>,
    start: usize,
    end: usize,
) -> Option<(TextQuote, TextPosition)> {
    if start >= end {
        return None;
    }
    let exact = table.slice(start, end)?;
    let quote = TextQuote {
        exact: exact.to_string(),
        prefix: table
            .slice_clamped(start.saturating_sub(CONTEXT), start)
            .to_string(),
        suffix: table.slice_clamped(end, end + CONTEXT).to_string(),
    };
    Some((quote, TextPosition { start, end }))
}

/// The selectors that describe a passage: its quote and, when known, where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selectors {
    pub quote: TextQuote,
    #[serde(default)]
    pub position: Option<TextPosition>,
}

/// Where a passage was found.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Resolution {
    /// The quote, word for word.
    Exact { start: usize, end: usize },
    /// Text close to the quote; `score` (0–1) says how close, quote and context together.
    Fuzzy {
        start: usize,
        end: usize,
        score: f64,
    },
    /// Not found well enough to trust.
    Orphan,
}

impl Resolution {
    pub fn range(&self) -> Option<(usize, usize)> {
        match *self {
            Resolution::Exact { start, end } | Resolution::Fuzzy { start, end, .. } => {
                Some((start, end))
            }
            Resolution::Orphan => None,
        }
    }
}

/// The selectors for `start..end` of `text`.
pub fn selectors(text: &str, start: usize, end: usize) -> Option<Selectors> {
    describe(text, start, end).map(|(quote, position)| Selectors {
        quote,
        position: Some(position),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::text::offsets::{char_len, slice};
    use proptest::prelude::*;

    #[test]
    fn keeps_32_code_points_of_context() {
        let text = "x".repeat(40) + "the ministry announced" + &"y".repeat(40);
        let (quote, pos) = describe(&text, 40, 62).unwrap();
        assert_eq!(quote.exact, "the ministry announced");
        assert_eq!(quote.prefix, "x".repeat(32));
        assert_eq!(quote.suffix, "y".repeat(32));
        assert_eq!((pos.start, pos.end), (40, 62));
    }

    #[test]
    fn context_is_cut_at_the_text_edges_and_counts_code_points() {
        let text = "😀 Maduro said 世界";
        let (quote, _) = describe(text, 2, 13).unwrap();
        assert_eq!(quote.exact, "Maduro said");
        assert_eq!(quote.prefix, "😀 ");
        assert_eq!(quote.suffix, " 世界");
        assert!(describe(text, 5, 5).is_none());
        assert!(describe(text, 5, 99).is_none());
    }

    proptest! {
        #[test]
        fn the_quote_is_the_text_at_the_position(s in "\\PC{1,80}", a in 0usize..80, b in 0usize..80) {
            let n = char_len(&s);
            let (start, end) = (a.min(b).min(n), a.max(b).min(n));
            match describe(&s, start, end) {
                None => prop_assert_eq!(start, end),
                Some((q, p)) => {
                    prop_assert_eq!(slice(&s, p.start, p.end), Some(q.exact.as_str()));
                    prop_assert!(char_len(&q.prefix) <= CONTEXT && char_len(&q.suffix) <= CONTEXT);
                    let before = slice(&s, 0, start).unwrap();
                    let after = slice(&s, end, n).unwrap();
                    prop_assert!(before.ends_with(&q.prefix));
                    prop_assert!(after.starts_with(&q.suffix));
                }
            }
        }
    }

    #[test]
    fn resolutions_serialize_for_scripts() {
        let json = serde_json::to_value(Resolution::Fuzzy {
            start: 1,
            end: 4,
            score: 0.5,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "fuzzy", "start": 1, "end": 4, "score": 0.5})
        );
        let json = serde_json::to_value(Resolution::Orphan).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "orphan"}));
    }
}
