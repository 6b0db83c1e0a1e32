//! One student's score against the key, computed from their [`Review`], so the teacher's
//! overrides change it at once.
//!
//! # Scores
//!
//! Five components (six with labels), each from 0 to 1:
//!
//! - **found**: the key claims found (with the extra claims the teacher marked valid), over the
//!   key claims (with those valid extras): "found 5 of 7";
//! - **span fit**: how closely the found claims' spans fit the key's, on average (each match's
//!   fit, see the matching rule): a run-on span is found, and costs here, not in "found";
//! - **precision**: the student claims that found something, over all the student's claims;
//! - **status agreement**: of the key claims found, those with the same status (verified or
//!   unverified): "status 4 of 5" — a claim not found is not judged;
//! - **source agreement**: of the key claims found, those with the same source kind, where a
//!   key claim without a kind agrees with any (the teacher left it open);
//! - **label agreement**, when the exercise has labels (its key claims have them): of the key
//!   claims found that have a label, those the student gave the same label.
//!
//! With nothing found, span fit and the agreements are 0 (and the table shows "—").
//! The **total** is the mean of the components weighted by the [`Rubric`] (a negative or
//! non-finite weight counts as 0; when all weights are 0 the total is 0). An empty submission
//! scores 0; the key itself scores 1; a key without claims scores every submission 0.

use serde::Serialize;

use crate::core::classroom::scoring::breadth::{paragraphs_of, Paragraph};
use crate::core::classroom::scoring::matching::{prepare, MatchRule, Prepared, Span};
use crate::core::classroom::scoring::review::{assess_review, Assessed, Overrides, Review};
use crate::core::classroom::scoring::rubric::{Components, Rubric};
use crate::core::model::Claim;
use crate::core::text::offsets::CharTable;

/// One matched pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    pub key_claim_id: String,
    pub student_claim_id: String,
    pub iou: f64,
    /// The span fit.
    pub quality: f64,
    pub span_precision: f64,
    pub span_recall: f64,
    pub rule: MatchRule,
    pub same_status: bool,
    pub same_source: bool,
    pub by_override: bool,
}

/// A figure and the counts behind it: `part` of `whole`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counted {
    pub part: usize,
    pub whole: usize,
}

/// A submission's score against the key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StudentScore {
    /// From 0 to 1.
    pub total: f64,
    /// How many key claims the student found, with the extra claims marked valid.
    pub found: usize,
    pub key_claims: usize,
    /// Extra claims the teacher marked valid (in `found`, and in the whole it is counted of).
    pub valid: usize,
    pub student_claims: usize,
    /// `found / (keyClaims + valid)`.
    pub recall: f64,
    /// The found component: the same as `recall` (span fit is credited on its own).
    pub found_credit: f64,
    /// The mean fit of the matched spans; 0 with none.
    pub span_fit: f64,
    /// Student claims that matched nothing and are not too broad.
    pub extra: usize,
    /// Student claims too broad to find anything.
    pub too_broad: usize,
    pub precision: f64,
    /// Over the key claims found.
    pub status_agreement: f64,
    pub source_agreement: f64,
    /// `None` when the exercise has no labels.
    pub label_agreement: Option<f64>,
    /// The counts behind each figure.
    pub counts: ScoreCounts,
    /// In key order.
    pub matches: Vec<Match>,
    /// Ids of the key claims not found, in key order.
    pub missed_key_claim_ids: Vec<String>,
    /// Ids of the student claims that matched nothing, in submission order.
    pub extra_claim_ids: Vec<String>,
    pub review: Review,
}

/// The counts behind a score's figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreCounts {
    pub found: Counted,
    pub precision: Counted,
    pub status: Counted,
    pub source: Counted,
    pub labels: Option<Counted>,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn counted(part: usize, whole: usize) -> Counted {
    Counted { part, whole }
}

/// The score of a review: `key_claims` and `student_claims` are the two sides' claim counts.
pub fn score_review(
    review: &Review,
    key_claims: usize,
    student_claims: usize,
    rubric: &Rubric,
    has_labels: bool,
) -> StudentScore {
    let matched = review.matched.len();
    let valid = review.valid.len();
    let found = matched + valid;
    let status = review.matched.iter().filter(|m| m.status_agrees).count();
    let source = review
        .matched
        .iter()
        .filter(|m| m.source_agrees != Some(false))
        .count();
    let labelled: Vec<bool> = review
        .matched
        .iter()
        .filter_map(|m| m.label_agrees)
        .collect();
    let counts = ScoreCounts {
        found: counted(found, key_claims + valid),
        precision: counted(found, student_claims),
        status: counted(status, matched),
        source: counted(source, matched),
        labels: has_labels
            .then(|| counted(labelled.iter().filter(|&&a| a).count(), labelled.len())),
    };
    let recall = if key_claims == 0 {
        0.0
    } else {
        ratio(found, key_claims + valid)
    };
    let span_fit = ratio(1, matched) * review.matched.iter().map(|m| m.span_fit).sum::<f64>();
    let precision = ratio(found, student_claims);
    let components = Components {
        found: recall,
        span_fit,
        precision,
        status: ratio(status, matched),
        source: ratio(source, matched),
        labels: counts.labels.map(|c| ratio(c.part, c.whole)),
    };
    StudentScore {
        total: if key_claims == 0 {
            0.0
        } else {
            rubric.total(&components)
        },
        found,
        key_claims,
        valid,
        student_claims,
        recall,
        found_credit: recall,
        span_fit,
        extra: review.extra.len(),
        too_broad: review.too_broad.len(),
        precision,
        status_agreement: components.status,
        source_agreement: components.source,
        label_agreement: components.labels,
        counts,
        matches: Vec::new(),
        missed_key_claim_ids: review.missed.clone(),
        extra_claim_ids: review.extra.clone(),
        review: review.clone(),
    }
}

/// A student's score with the matches it came from, by index, for the class report.
pub(super) struct Assessment {
    pub(super) score: StudentScore,
    pub(super) assessed: Assessed,
}

pub(super) struct KeyPrepared<'a> {
    pub(super) table: CharTable<'a>,
    pub(super) paragraphs: Vec<Paragraph>,
    pub(super) claims: &'a [Claim],
    pub(super) spans: Vec<Prepared>,
    pub(super) has_labels: bool,
}

impl<'a> KeyPrepared<'a> {
    /// An exercise has labels when its key claims have them.
    pub(super) fn new(article_text: &'a str, claims: &'a [Claim]) -> Self {
        let table = CharTable::new(article_text);
        let spans = claims
            .iter()
            .map(|c| prepare(&table, Span::of(c)))
            .collect();
        KeyPrepared {
            paragraphs: paragraphs_of(&table),
            table,
            claims,
            spans,
            has_labels: claims.iter().any(|c| c.label.is_some()),
        }
    }
}

pub(super) fn assess(
    key: &KeyPrepared<'_>,
    student_claims: &[Claim],
    overrides: &Overrides,
    rubric: &Rubric,
) -> Assessment {
    let assessed = assess_review(
        &key.table,
        &key.paragraphs,
        key.claims,
        &key.spans,
        student_claims,
        overrides,
    );
    let mut score = score_review(
        &assessed.review,
        key.claims.len(),
        student_claims.len(),
        rubric,
        key.has_labels,
    );
    score.matches = assessed
        .pairs
        .iter()
        .zip(&assessed.review.matched)
        .map(|(p, m)| Match {
            key_claim_id: m.key.clone(),
            student_claim_id: m.student.clone(),
            iou: crate::core::classroom::scoring::matching::iou(
                key.spans[p.key].span,
                assessed.students[p.student].span,
            ),
            quality: m.span_fit,
            span_precision: m.span_precision,
            span_recall: m.span_recall,
            rule: m.rule,
            same_status: m.status_agrees,
            same_source: m.source_agrees != Some(false),
            by_override: m.by_override,
        })
        .collect();
    Assessment { score, assessed }
}

/// Scores one student's claims against the key's, both on `article_text`, with the teacher's
/// overrides.
pub fn score_reviewed(
    article_text: &str,
    key_claims: &[Claim],
    student_claims: &[Claim],
    overrides: &Overrides,
    rubric: &Rubric,
) -> StudentScore {
    let key = KeyPrepared::new(article_text, key_claims);
    assess(&key, student_claims, overrides, rubric).score
}

/// Scores one student's claims against the key's, both on `article_text`.
pub fn score_claims(
    article_text: &str,
    key_claims: &[Claim],
    student_claims: &[Claim],
    rubric: &Rubric,
) -> StudentScore {
    score_reviewed(
        article_text,
        key_claims,
        student_claims,
        &Overrides::default(),
        rubric,
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::anchoring::selectors::describe;
    use crate::core::classroom::scoring::breadth::MIN_SPAN_PRECISION;
    use crate::core::classroom::scoring::test_class::*;
    use crate::core::model::{SourceKind, Status};
    use proptest::prelude::*;

    #[test]
    fn the_key_itself_scores_100_percent() {
        let key = key_claims();
        let student: Vec<Claim> = key
            .iter()
            .map(|c| copy(c, &format!("s-{}", c.id)))
            .collect();
        let s = score_claims(TEXT, &key, &student, &Rubric::default());
        assert_eq!(s.total, 1.0);
        assert_eq!((s.found, s.key_claims, s.extra), (4, 4, 0));
        assert_eq!(
            (
                s.recall,
                s.precision,
                s.status_agreement,
                s.source_agreement
            ),
            (1.0, 1.0, 1.0, 1.0)
        );
        assert_eq!(s.matches[2].key_claim_id, "k3");
        assert_eq!(s.matches[2].student_claim_id, "s-k3");
        assert!(s.missed_key_claim_ids.is_empty() && s.extra_claim_ids.is_empty());
    }

    #[test]
    fn an_empty_submission_scores_0() {
        let s = score_claims(TEXT, &key_claims(), &[], &Rubric::default());
        assert_eq!(s.total, 0.0);
        assert_eq!((s.found, s.extra, s.precision), (0, 0, 0.0));
        assert_eq!(s.missed_key_claim_ids, vec!["k1", "k2", "k3", "k4"]);
        // And an empty key scores everyone 0.
        let s = score_claims(TEXT, &[], &key_claims(), &Rubric::default());
        assert_eq!((s.total, s.extra), (0.0, 4));
    }

    #[test]
    fn agreements_count_over_what_was_found() {
        let key = key_claims();
        // One key claim found, with the right status and kind: all of what was found. (Before
        // issue 13 this was a quarter of each: agreement was over the whole key.)
        let s = score_claims(TEXT, &key, &[copy(&key[0], "s1")], &Rubric::default());
        assert_eq!((s.status_agreement, s.source_agreement), (1.0, 1.0));
        assert_eq!(
            (
                s.counts.status.part,
                s.counts.status.whole,
                s.counts.found.whole
            ),
            (1, 1, 4)
        );
        let all_wrong: Vec<Claim> = key
            .iter()
            .map(|k| Claim {
                status: match k.status {
                    Status::Verified => Status::Unverified,
                    Status::Unverified => Status::Verified,
                },
                source_kind: Some(SourceKind::None),
                ..copy(k, &format!("w-{}", k.id))
            })
            .collect();
        let wrong = score_claims(TEXT, &key, &all_wrong, &Rubric::default());
        assert_eq!(
            (wrong.found, wrong.status_agreement, wrong.source_agreement),
            (4, 0.0, 0.0)
        );
        assert!(close(wrong.total, 0.5 + 0.2));
    }

    #[test]
    fn a_claim_that_matches_nothing_is_extra() {
        let key = key_claims();
        let student = vec![copy(&key[0], "s1"), with_id(at(PALACE), "s2")];
        let s = score_claims(TEXT, &key, &student, &Rubric::default());
        assert_eq!((s.found, s.extra), (1, 1));
        assert_eq!(s.extra_claim_ids, vec!["s2"]);
        assert_eq!(s.missed_key_claim_ids, vec!["k2", "k3", "k4"]);
        assert_eq!(s.precision, 0.5);
    }

    #[test]
    fn status_and_source_agreement() {
        let mut key = key_claims();
        key[1].source_kind = None; // the teacher left k2's kind open
        let student = vec![
            // same status, other kind
            claim("s1", K1, Status::Verified, Some(SourceKind::Document)),
            // other status; any kind agrees with an open one
            claim("s2", K2, Status::Verified, Some(SourceKind::Person)),
            // same status, no kind where the key has one
            claim("s3", K3, Status::Verified, None),
            // all the same
            claim("s4", K4, Status::Unverified, Some(SourceKind::Person)),
        ];
        let s = score_claims(TEXT, &key, &student, &Rubric::default());
        let flags: Vec<(bool, bool)> = s
            .matches
            .iter()
            .map(|m| (m.same_status, m.same_source))
            .collect();
        assert_eq!(
            flags,
            vec![(true, false), (false, true), (true, false), (true, true)]
        );
        assert_eq!((s.status_agreement, s.source_agreement), (0.75, 0.5));
    }

    fn claims_at(spans: &[Span], prefix: &str, flip: bool) -> Vec<Claim> {
        spans
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (quote, position) = describe(TEXT, s.start, s.end).unwrap();
                Claim {
                    id: format!("{prefix}{i}"),
                    quote,
                    position,
                    status: if (i % 2 == 0) != flip {
                        Status::Verified
                    } else {
                        Status::Unverified
                    },
                    label: None,
                    source: String::new(),
                    source_kind: if i % 3 == 0 {
                        None
                    } else {
                        Some(SourceKind::ALL[i % 6])
                    },
                    source_phrase: None,
                    note: String::new(),
                    evidence: Vec::new(),
                    created: String::new(),
                    modified: String::new(),
                }
            })
            .collect()
    }

    fn arb_rubric() -> impl Strategy<Value = Rubric> {
        (
            0.0..5.0f64,
            0.0..5.0f64,
            0.0..5.0f64,
            0.0..5.0f64,
            0.0..5.0f64,
        )
            .prop_map(|(a, b, c, d, e)| Rubric {
                found: a,
                span_fit: e,
                precision: b,
                status: c,
                source: d,
                labels: 0.0,
            })
    }

    proptest! {
        #[test]
        fn the_key_scores_1_and_nothing_scores_0(
            spans in proptest::collection::vec(arb_span(), 1..8),
            rubric in arb_rubric(),
        ) {
            prop_assume!(rubric.found + rubric.span_fit + rubric.precision + rubric.status + rubric.source > 0.0);
            let key = claims_at(&spans, "k", false);
            let same = claims_at(&spans, "s", false);
            let s = score_claims(TEXT, &key, &same, &rubric);
            prop_assert_eq!(s.total, 1.0);
            prop_assert_eq!(s.found, key.len());
            prop_assert_eq!(score_claims(TEXT, &key, &[], &rubric).total, 0.0);
        }

        #[test]
        fn scores_stay_in_range_and_counts_add_up(
            key_spans in proptest::collection::vec(arb_span(), 0..6),
            student_spans in proptest::collection::vec(arb_span(), 0..8),
            rubric in arb_rubric(),
        ) {
            let key = claims_at(&key_spans, "k", false);
            let student = claims_at(&student_spans, "s", true);
            let s = score_claims(TEXT, &key, &student, &rubric);
            for x in [s.total, s.recall, s.found_credit, s.precision, s.status_agreement, s.source_agreement] {
                prop_assert!((0.0..=1.0).contains(&x), "{x}");
            }
            prop_assert!(s.found_credit <= s.recall + 1e-12);
            prop_assert_eq!(s.found + s.extra + s.too_broad, student.len());
            prop_assert_eq!(s.found + s.missed_key_claim_ids.len(), key.len());
            for m in &s.matches {
                prop_assert!(m.quality >= MIN_SPAN_PRECISION && m.quality <= 1.0);
            }
            // Deterministic.
            prop_assert_eq!(&s, &score_claims(TEXT, &key, &student, &rubric));
        }
    }
}
