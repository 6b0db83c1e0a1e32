//! Which student claim matches which key claim, and how well.
//!
//! # Matching rule
//!
//! A claim's *span* is its code-point range `start..end` in the article text (end exclusive).
//!
//! - **Overlap (IoU)** of two spans: the number of characters in both divided by the number of
//!   characters in either.
//! - **Core clause** of a span: its text split at clause boundaries — the characters `,` `;` `:`
//!   `—` (but not a comma between digits, "3,000") and the whole words "that", "said" and "according to" (in any case) — and the longest
//!   piece (the first one on a tie), trimmed of everything but letters and digits at both ends.
//!   When that piece is shorter than 12 characters or 3 words, the core clause is the whole span,
//!   trimmed the same way. The core clause of "The Washington Post reported, citing confidential
//!   documents, that the ruler had agreed to step down." is "the ruler had agreed to step down".
//! - A student claim **matches** a key claim when (a) their spans' IoU is at least 0.5, or
//!   (b) the student's span *runs on*: it contains the key claim's core clause or at least 80%
//!   of the key claim's characters, and at least a third of the student's span is the key claim
//!   (its *span precision*; so a claim marked together with the quote or clause that follows it
//!   is found), or (c) the key claim's span contains the student claim's core clause and the two
//!   core clauses overlap with an IoU of at least 0.5. (Rule (c) lets a student mark less than
//!   the whole sentence; its second half keeps a student who marked only the attribution,
//!   "citing confidential documents", from finding the claim.)
//! - A student span that is **too broad** (see [`breadth`](super::breadth): it covers two or
//!   more key claims, is over three times the claim it covers, or marks most of a paragraph)
//!   matches nothing, whatever (a)–(c) say.
//! - The **span fit** (quality) of a match is the best that its rules give: (a) the spans' IoU,
//!   (b) the span precision, (c) the core clauses' IoU, or the span precision when that is
//!   less — where 0.8 or more counts as 1. A match's
//!   fit is thus between a third and 1. It is credited on its own, beside the claim being found.
//! - Matching is **one-to-one**: every matching pair is ranked by fit, then by IoU (both
//!   highest first), then by the key claim's place in the key, then by the student claim's place
//!   in the submission, and taken in that order unless one of its claims is taken already.
//!   A teacher's overrides come first: an accepted pair is taken before all others, a rejected
//!   pair is never taken.

use serde::{Deserialize, Serialize};

use crate::core::model::Claim;
use crate::core::ordering;
use crate::core::text::offsets::CharTable;

/// Spans match when their IoU is at least this.
pub const MATCH_IOU: f64 = 0.5;
/// A span running on past a key claim must mark at least this share of the claim's characters
/// (or its core clause).
pub const RUN_ON_MIN_RECALL: f64 = 0.8;
/// A span finds a key claim only when at least this share of it is the claim.
pub const MIN_SPAN_PRECISION: f64 = 1.0 / 3.0;
/// An IoU of at least this earns full credit.
pub const FULL_CREDIT_IOU: f64 = 0.8;
/// A core clause needs at least this many code points…
pub const CORE_MIN_CHARS: usize = 12;
/// …and this many words; otherwise it is the whole span.
pub const CORE_MIN_WORDS: usize = 3;

/// A code-point range of the article text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn of(claim: &Claim) -> Span {
        Span::new(claim.position.start, claim.position.end)
    }

    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether `other` (not empty) lies within this span.
    pub fn contains(self, other: Span) -> bool {
        !other.is_empty() && self.start <= other.start && other.end <= self.end
    }

    /// How many code points the two spans share.
    pub fn overlap(self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// The share of `student` that is `key`: its span precision.
pub fn span_precision(key: Span, student: Span) -> f64 {
    if student.is_empty() {
        0.0
    } else {
        key.overlap(student) as f64 / student.len() as f64
    }
}

/// The share of `key` that `student` marks: its span recall.
pub fn span_recall(key: Span, student: Span) -> f64 {
    if key.is_empty() {
        0.0
    } else {
        key.overlap(student) as f64 / key.len() as f64
    }
}

/// Characters in both spans over characters in either (0 for two empty spans).
pub fn iou(a: Span, b: Span) -> f64 {
    let inter = a.overlap(b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

// ---------------------------------------------------------------------------------------------
// Core clauses

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '\u{200d}')
}

/// The length of the clause boundary starting at `chars[i]`, if one does.
fn boundary_at(chars: &[char], i: usize) -> Option<usize> {
    // A comma between digits is a thousands separator ("£400,000"), not a clause boundary.
    let in_number = |i: usize| {
        i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit)
    };
    if matches!(chars[i], ',' | ';' | ':' | '—') && !(chars[i] == ',' && in_number(i)) {
        return Some(1);
    }
    if i > 0 && is_word_char(chars[i - 1]) {
        return None;
    }
    ["according to", "that", "said"]
        .into_iter()
        .find(|word| {
            let n = word.chars().count();
            i + n <= chars.len()
                && word.chars().zip(&chars[i..i + n]).all(|(p, &c)| {
                    if p == ' ' {
                        c.is_whitespace()
                    } else {
                        c.to_ascii_lowercase() == p
                    }
                })
                && chars.get(i + n).is_none_or(|&c| !is_word_char(c))
        })
        .map(|word| word.chars().count())
}

/// `a..b` without anything but letters and digits at either end; `None` when nothing is left.
fn trim_to_alnum(chars: &[char], mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && !chars[a].is_alphanumeric() {
        a += 1;
    }
    while b > a && !chars[b - 1].is_alphanumeric() {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

fn word_count(chars: &[char]) -> usize {
    chars
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count()
}

/// The span clamped to the text.
fn clamp(table: &CharTable<'_>, span: Span) -> Span {
    let end = span.end.min(table.len());
    Span::new(span.start.min(end), end)
}

fn core_in(table: &CharTable<'_>, span: Span) -> Span {
    let span = clamp(table, span);
    let chars: Vec<char> = table
        .slice(span.start, span.end)
        .unwrap_or("")
        .chars()
        .collect();
    let mut pieces = Vec::new();
    let (mut from, mut i) = (0, 0);
    while i < chars.len() {
        match boundary_at(&chars, i) {
            Some(len) => {
                pieces.push((from, i));
                i += len;
                from = i;
            }
            None => i += 1,
        }
    }
    pieces.push((from, chars.len()));
    let mut best: Option<(usize, usize)> = None;
    for (a, b) in pieces {
        if let Some((a, b)) = trim_to_alnum(&chars, a, b) {
            if best.is_none_or(|(x, y)| b - a > y - x) {
                best = Some((a, b));
            }
        }
    }
    let (a, b) = match best {
        Some((a, b)) if b - a >= CORE_MIN_CHARS && word_count(&chars[a..b]) >= CORE_MIN_WORDS => {
            (a, b)
        }
        _ => trim_to_alnum(&chars, 0, chars.len()).unwrap_or((0, chars.len())),
    };
    Span::new(span.start + a, span.start + b)
}

/// The core clause of `span` in `article_text` (see the module's documentation).
pub fn core_clause(article_text: &str, span: Span) -> Span {
    core_in(&CharTable::new(article_text), span)
}

// ---------------------------------------------------------------------------------------------
// Matching

/// Which rule of the matching rule made a match (its best one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MatchRule {
    /// (a) the spans' IoU is at least 0.5.
    Overlap,
    /// (b) the student's span runs on: it covers the key claim and a third of it is the claim.
    StudentContainsCore,
    /// (c) the key claim's span contains the student's core clause, and the cores overlap.
    KeyContainsCore,
    /// No rule: the teacher accepted the pair.
    Teacher,
}

/// A claim's span and core clause.
#[derive(Debug, Clone, Copy)]
pub(super) struct Prepared {
    pub(super) span: Span,
    pub(super) core: Span,
}

pub(super) fn prepare(table: &CharTable<'_>, span: Span) -> Prepared {
    let span = clamp(table, span);
    Prepared {
        span,
        core: core_in(table, span),
    }
}

pub(super) fn credit(iou: f64) -> f64 {
    if iou >= FULL_CREDIT_IOU {
        1.0
    } else {
        iou
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Judgement {
    pub(super) quality: f64,
    pub(super) iou: f64,
    pub(super) rule: MatchRule,
}

pub(super) fn judge(key: &Prepared, student: &Prepared) -> Option<Judgement> {
    if key.span.is_empty() || student.span.is_empty() {
        return None;
    }
    let overlap = iou(key.span, student.span);
    let mut best: Option<(f64, MatchRule)> = None;
    let mut offer = |quality: f64, rule: MatchRule| {
        if best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, rule));
        }
    };
    if overlap >= MATCH_IOU {
        offer(credit(overlap), MatchRule::Overlap);
    }
    // A span far longer than the claim (a whole paragraph, the whole article) contains
    // everything; a third of it must still be this claim.
    let precision = span_precision(key.span, student.span);
    let covers =
        student.span.contains(key.core) || span_recall(key.span, student.span) >= RUN_ON_MIN_RECALL;
    if covers && precision >= MIN_SPAN_PRECISION {
        offer(credit(precision), MatchRule::StudentContainsCore);
    }
    if key.span.contains(student.core) {
        let cores = iou(key.core, student.core);
        if cores >= MATCH_IOU {
            // A span running on past the key claim fits no better than its precision.
            offer(credit(cores.min(precision)), MatchRule::KeyContainsCore);
        }
    }
    best.map(|(quality, rule)| Judgement {
        quality,
        iou: overlap,
        rule,
    })
}

/// Whether a student claim on `student` matches a key claim on `key`, and how well: the
/// match's quality and the rule that gave it.
pub fn match_quality(article_text: &str, key: Span, student: Span) -> Option<(f64, MatchRule)> {
    let table = CharTable::new(article_text);
    judge(&prepare(&table, key), &prepare(&table, student)).map(|j| (j.quality, j.rule))
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Pairing {
    pub(super) key: usize,
    pub(super) student: usize,
    /// `None` for a pair the teacher accepted that no rule matches.
    pub(super) judgement: Option<Judgement>,
    pub(super) by_override: bool,
}

/// What the teacher decided, as indexes into the key and the submission.
#[derive(Debug, Default)]
pub(super) struct Decisions {
    pub(super) accepted: Vec<(usize, usize)>,
    pub(super) rejected: Vec<(usize, usize)>,
    /// Student claims out of the matching (too broad, or marked valid as they are).
    pub(super) left_out: Vec<bool>,
}

/// The one-to-one matching, the teacher's accepted pairs first, then the best pairs; in key
/// order.
pub(super) fn pair_up(
    keys: &[Prepared],
    students: &[Prepared],
    decisions: &Decisions,
) -> Vec<Pairing> {
    let mut key_taken = vec![false; keys.len()];
    let mut student_taken = vec![false; students.len()];
    let mut pairs = Vec::new();
    for &(k, s) in &decisions.accepted {
        if k < keys.len() && s < students.len() && !key_taken[k] && !student_taken[s] {
            key_taken[k] = true;
            student_taken[s] = true;
            let judgement = judge(&keys[k], &students[s]);
            pairs.push(Pairing {
                key: k,
                student: s,
                judgement,
                by_override: true,
            });
        }
    }
    let mut candidates = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        for (s, student) in students.iter().enumerate() {
            if decisions.left_out.get(s).copied().unwrap_or(false)
                || decisions.rejected.contains(&(k, s))
            {
                continue;
            }
            if let Some(judgement) = judge(key, student) {
                candidates.push((k, s, judgement));
            }
        }
    }
    ordering::sort_by(&mut candidates, |a, b| {
        b.2.quality
            .total_cmp(&a.2.quality)
            .then(b.2.iou.total_cmp(&a.2.iou))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    for (k, s, judgement) in candidates {
        if !key_taken[k] && !student_taken[s] {
            key_taken[k] = true;
            student_taken[s] = true;
            pairs.push(Pairing {
                key: k,
                student: s,
                judgement: Some(judgement),
                by_override: false,
            });
        }
    }
    ordering::sort_by_key(&mut pairs, |p| p.key);
    pairs
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::scoring::rubric::Rubric;
    use crate::core::classroom::scoring::score::score_claims;
    use crate::core::classroom::scoring::test_class::*;
    use proptest::prelude::*;

    #[test]
    fn offsets_are_code_points() {
        let s = span(K1);
        assert_eq!(s.start, 22, "after \"SÃO PAULO (Reuters) — \"");
        assert_ne!(
            s.start,
            TEXT.find(K1).unwrap(),
            "bytes differ from code points"
        );
        let core = core_clause(TEXT, s);
        assert_eq!(
            crate::core::text::offsets::slice(TEXT, core.start, core.end),
            Some("the ruler had agreed to step down")
        );
    }

    #[test]
    fn core_clauses_strip_attributions() {
        let core = |needle: &str| {
            let c = core_clause(TEXT, span(needle));
            crate::core::text::offsets::slice(TEXT, c.start, c.end)
                .unwrap()
                .to_string()
        };
        assert_eq!(core(K1), "the ruler had agreed to step down");
        assert_eq!(
            core(K2),
            "the handover would take place before the end of the year"
        );
        assert_eq!(core(K3), "inflation had fallen to 4.2% in March");
        assert_eq!(core(K4), "the announcement was long overdue");
        // No boundary: the whole span, trimmed of its full stop.
        assert_eq!(
            core(PALACE),
            "The palace did not respond to a request for comment"
        );
        // The longest piece is too short (under 3 words): the whole span.
        assert_eq!(
            core("María Ortega said the announcement"),
            "María Ortega said the announcement"
        );
        // "that" inside a word ("thatch") or "said" inside one is no boundary.
        let text = "Officials unsaid thatched roofs, burned, were counted";
        let c = core_clause(text, Span::new(0, chars(text)));
        assert_eq!(
            crate::core::text::offsets::slice(text, c.start, c.end),
            Some("Officials unsaid thatched roofs")
        );
        // Out of range spans are clamped, not a panic.
        assert_eq!(core_clause("short", Span::new(3, 99)), Span::new(3, 5));
    }

    #[test]
    fn a_partial_overlap_earns_partial_credit() {
        let key = key_claims();
        // A prefix of K1 that stops before its core clause: IoU = its length over K1's.
        let sloppy = "The Washington Post reported, citing confidential documents, that the ruler";
        let expected_iou = chars(sloppy) as f64 / chars(K1) as f64;
        assert!(expected_iou > 0.5 && expected_iou < 0.8, "{expected_iou}");
        let s = score_claims(TEXT, &key, &[at(sloppy)], &Rubric::default());
        assert_eq!(s.found, 1);
        let m = &s.matches[0];
        assert_eq!(
            (m.key_claim_id.as_str(), m.rule),
            ("k1", MatchRule::Overlap)
        );
        assert!(close(m.iou, expected_iou) && close(m.quality, expected_iou));
        // Found is found; the sloppy span costs in span fit (before issue 13, found_credit was
        // expected_iou / 4).
        assert_eq!((s.found_credit, s.recall), (0.25, 0.25));
        assert!(close(s.span_fit, expected_iou));

        // IoU of 0.8 or more is full credit.
        let nearly = "The Washington Post reported, citing confidential documents, that the ruler had agreed";
        assert!(chars(nearly) as f64 / chars(K1) as f64 >= 0.8);
        let s = score_claims(TEXT, &key, &[at(nearly)], &Rubric::default());
        assert_eq!(s.matches[0].quality, 1.0);
    }

    #[test]
    fn low_overlap_without_the_core_clause_does_not_match() {
        let key = key_claims();
        // The attribution alone: IoU under 0.5, and no core clause of the claim inside.
        for needle in [
            "The Washington Post reported,",
            "citing confidential documents",
        ] {
            assert!(iou(span(K1), span(needle)) < 0.5, "{needle}");
            let s = score_claims(TEXT, &key, &[at(needle)], &Rubric::default());
            assert_eq!((s.found, s.extra), (0, 1), "{needle}");
            assert_eq!(s.total, 0.0, "{needle}");
        }
    }

    #[test]
    fn marking_whole_paragraphs_or_the_article_finds_nothing() {
        let key = key_claims();
        let s = score_claims(TEXT, &key, &[at(TEXT)], &Rubric::default());
        // Too broad, not extra (before issue 13: extra 1).
        assert_eq!((s.found, s.extra, s.too_broad), (0, 0, 1));
        let two = format!("{K1} {PALACE}");
        let s = score_claims(TEXT, &key, &[at(&two)], &Rubric::default());
        assert_eq!(
            s.found, 1,
            "the claim and one more sentence is still the claim"
        );
        let three = format!("{K1} {PALACE} {K2}");
        let s = score_claims(TEXT, &key, &[at(&three)], &Rubric::default());
        assert_eq!(s.found, 0, "three sentences are not one claim");
    }

    #[test]
    fn a_span_containing_the_core_clause_matches_despite_low_overlap() {
        let key = key_claims();
        let wide = "the ruler had agreed to step down. The palace did not respond to a request for comment.";
        let overlap = iou(span(K1), span(wide));
        assert!(overlap < 0.5, "{overlap}");
        let s = score_claims(TEXT, &key, &[at(wide)], &Rubric::default());
        assert_eq!(s.found, 1);
        assert_eq!(s.matches[0].key_claim_id, "k1");
        assert_eq!(s.matches[0].rule, MatchRule::StudentContainsCore);
        // Its fit is its span precision (before issue 13, 1): found, with the run-on shown.
        let precision = chars("the ruler had agreed to step down.") as f64 / chars(wide) as f64;
        assert!(
            close(s.matches[0].quality, precision) && close(s.matches[0].span_precision, precision)
        );
        assert!(close(s.matches[0].iou, overlap));

        // Rule (c): the student marks part of the key's core clause, inside the key's span.
        let part = "the handover would take place";
        let expected = chars(part) as f64
            / chars("the handover would take place before the end of the year") as f64;
        assert!(iou(span(K2), span(part)) < 0.5 && expected >= 0.5);
        let s = score_claims(TEXT, &key, &[at(part)], &Rubric::default());
        assert_eq!(s.matches[0].key_claim_id, "k2");
        assert_eq!(s.matches[0].rule, MatchRule::KeyContainsCore);
        assert!(close(s.matches[0].quality, expected));
        // Too small a part of the core does not match.
        let s = score_claims(TEXT, &key, &[at("the handover would")], &Rubric::default());
        assert_eq!(s.found, 0);
    }

    #[test]
    fn two_claims_on_one_key_claim_one_matches_the_other_is_extra() {
        let key = key_claims();
        // The sloppier one comes first; the exact one still wins.
        let student = vec![
            with_id(at("that the ruler had agreed to step down."), "loose"),
            with_id(at(K1), "exact"),
        ];
        let s = score_claims(TEXT, &key, &student, &Rubric::default());
        assert_eq!(s.found, 1);
        assert_eq!(s.matches[0].student_claim_id, "exact");
        assert_eq!(s.extra_claim_ids, vec!["loose"]);
        assert_eq!(s.precision, 0.5);
    }

    proptest! {
        #[test]
        fn core_clauses_lie_within_their_span(span in arb_span()) {
            let core = core_clause(TEXT, span);
            prop_assert!(span.contains(core) || core.is_empty());
        }
    }
}
