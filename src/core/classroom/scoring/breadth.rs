//! When a student's span is too broad to find anything: it covers several key claims, too
//! little of it is the claim it covers, or it marks most of a paragraph.
//!
//! # Too broad
//!
//! A student span **covers** a key claim when it contains the key claim's core clause or at
//! least half ([`COVER_SHARE`]) of the key claim's characters. It is **too broad** — it matches
//! no key claim, and the teacher sees it listed as such — when
//!
//! 1. it covers two or more key claims, one of them apart from (not overlapping) the claim the
//!    span fits best (one span cannot find two claims), or
//! 2. it covers one key claim (or several that overlap: then the one it fits best — the largest
//!    span precision), but under a third ([`MIN_SPAN_PRECISION`]) of its characters are
//!    that claim's (the span is over three times the claim), or
//! 3. it marks most of a paragraph: at least two thirds ([`MOST_OF_PARAGRAPH`]) of some
//!    paragraph's characters, and more than half of each of at least two sentences of that
//!    paragraph that the key claim it covers does not touch — or, when it covers no key claim,
//!    of at least three of the paragraph's sentences.
//!
//! Running on into *one* neighbouring sentence or clause is not too broad; that is the
//! "run-on" a careful student makes when they take the quote that follows a claim along with it.

pub use crate::core::classroom::scoring::matching::{
    span_precision, span_recall, MIN_SPAN_PRECISION,
};
use crate::core::classroom::scoring::matching::{Prepared, Span};
use crate::core::text::offsets::CharTable;
use crate::core::text::paragraphs::paragraph_ranges;

/// A span covers a key claim with at least this share of the claim's characters (and finds
/// it only when [`MIN_SPAN_PRECISION`] of the span is the claim).
pub const COVER_SHARE: f64 = 0.5;
/// A span marking this share of a paragraph's characters, and more of it than a claim and its
/// neighbouring sentence, is too broad.
pub const MOST_OF_PARAGRAPH: f64 = 2.0 / 3.0;

/// A paragraph and its sentences, as code-point spans of the article text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Vec<Span>,
}

fn ends_sentence(chars: &[char], i: usize) -> bool {
    matches!(chars[i], '.' | '!' | '?' | '。' | '！' | '？')
        && chars
            .get(i + 1)
            .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '”' | '’' | ')'))
}

/// The sentences of `chars[span]`: each up to its end mark (and closing quotes after it),
/// without the spaces between them.
fn sentences_in(chars: &[char], span: Span) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start = span.start;
    let mut i = span.start;
    while i < span.end {
        if ends_sentence(chars, i) {
            i += 1;
            while i < span.end && matches!(chars[i], '"' | '”' | '’' | ')') {
                i += 1;
            }
            sentences.push(Span::new(start, i));
            while i < span.end && chars[i].is_whitespace() {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    if chars[start..span.end].iter().any(|c| !c.is_whitespace()) {
        sentences.push(Span::new(start, span.end));
    }
    sentences
}

/// The article's paragraphs (split at blank lines) and their sentences.
pub fn paragraphs(article_text: &str) -> Vec<Paragraph> {
    let chars: Vec<char> = article_text.chars().collect();
    paragraph_ranges(article_text)
        .into_iter()
        .map(|(start, end)| {
            let span = Span::new(start, end.min(chars.len()));
            Paragraph {
                span,
                sentences: sentences_in(&chars, span),
            }
        })
        .collect()
}

/// The article's paragraphs, prepared once for a class.
pub(super) fn paragraphs_of(table: &CharTable<'_>) -> Vec<Paragraph> {
    paragraphs(table.slice_clamped(0, table.len()))
}

/// Whether `student` covers the key claim `key`.
pub(super) fn covers(key: &Prepared, student: &Prepared) -> bool {
    if key.span.is_empty() || student.span.is_empty() {
        return false;
    }
    student.span.contains(key.core)
        || student.span.overlap(key.span) as f64 >= COVER_SHARE * key.span.len() as f64
}

/// Whether `student` marks most of a paragraph (rule 3), given the one key claim it covers.
fn marks_most_of_a_paragraph(paragraphs: &[Paragraph], student: Span, key: Option<Span>) -> bool {
    paragraphs.iter().any(|p| {
        if (p.span.overlap(student) as f64) < MOST_OF_PARAGRAPH * p.span.len() as f64 {
            return false;
        }
        let beyond = p
            .sentences
            .iter()
            .filter(|s| key.is_none_or(|k| k.overlap(**s) == 0))
            .filter(|s| 2 * s.overlap(student) > s.len())
            .count();
        beyond >= if key.is_some() { 2 } else { 3 }
    })
}

/// Why a student span is too broad, if it is: the indexes of the key claims it covers (maybe
/// none, for a paragraph with no key claim in it).
pub(super) fn too_broad(
    keys: &[Prepared],
    student: &Prepared,
    paragraphs: &[Paragraph],
) -> Option<Vec<usize>> {
    let covered: Vec<usize> = (0..keys.len())
        .filter(|&k| covers(&keys[k], student))
        .collect();
    let closest = covered.iter().copied().max_by(|&a, &b| {
        span_precision(keys[a].span, student.span)
            .total_cmp(&span_precision(keys[b].span, student.span))
            .then(b.cmp(&a))
    });
    // Key claims that overlap the one the span fits best (a teacher's nested claims) are the
    // same place in the text: only one apart from it makes "several".
    let several = closest.is_some_and(|c| {
        covered
            .iter()
            .any(|&k| keys[k].span.overlap(keys[c].span) == 0)
    });
    let broad = match closest {
        _ if several => true,
        None => marks_most_of_a_paragraph(paragraphs, student.span, None),
        Some(k) => {
            let key = keys[k].span;
            span_precision(key, student.span) < MIN_SPAN_PRECISION
                || marks_most_of_a_paragraph(paragraphs, student.span, Some(key))
        }
    };
    broad.then_some(covered)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn paragraphs_split_into_sentences() {
        let text = "One. “Two,” he said. Three?\n\nFour has 4.2% in it. Five";
        let ps = paragraphs(text);
        assert_eq!(ps.len(), 2);
        let words: Vec<Vec<&str>> = ps
            .iter()
            .map(|p| {
                p.sentences
                    .iter()
                    .map(|s| slice(text, s.start, s.end).unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(
            words,
            vec![
                vec!["One.", "“Two,” he said.", "Three?"],
                vec!["Four has 4.2% in it.", "Five"]
            ]
        );
    }

    #[test]
    fn precision_and_recall_of_spans() {
        let key = Span::new(10, 20);
        assert_eq!(span_precision(key, Span::new(10, 30)), 0.5);
        assert_eq!(span_recall(key, Span::new(10, 30)), 1.0);
        assert_eq!(span_recall(key, Span::new(15, 30)), 0.5);
        assert_eq!(span_precision(key, Span::new(0, 0)), 0.0);
    }
}
