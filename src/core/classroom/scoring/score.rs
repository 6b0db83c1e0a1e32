//! One student's score against the key.
//!
//! # Scores
//!
//! Four components, each from 0 to 1:
//!
//! - **found**: the sum of the matched key claims' match qualities, divided by the number of key
//!   claims (a sloppy span earns part of the credit);
//! - **precision**: matched student claims divided by all student claims (0 when there are none);
//! - **status agreement**: the key claims found with the same status (verified or unverified),
//!   divided by all key claims — a claim not found has no status right;
//! - **source agreement**: the key claims found with the same source kind, divided by all key
//!   claims, where a key claim without a source kind agrees with any (the teacher left it open).
//!
//! The **total** is the mean of the four weighted by the [`Rubric`] (a negative or non-finite
//! weight counts as 0; when all weights are 0 the total is 0). An empty submission scores 0; the
//! key itself scores 1; a key without claims scores every submission 0.

use serde::Serialize;

use crate::core::classroom::scoring::matching::{
    pair_up, prepare, MatchRule, Pairing, Prepared, Span,
};
use crate::core::classroom::scoring::rubric::Rubric;
use crate::core::model::Claim;
use crate::core::text::offsets::CharTable;

/// One matched pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    pub key_claim_id: String,
    pub student_claim_id: String,
    pub iou: f64,
    pub quality: f64,
    pub rule: MatchRule,
    pub same_status: bool,
    pub same_source: bool,
}

/// A submission's score against the key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StudentScore {
    /// From 0 to 1.
    pub total: f64,
    /// How many key claims the student found (matched).
    pub found: usize,
    pub key_claims: usize,
    pub student_claims: usize,
    /// `found / keyClaims`.
    pub recall: f64,
    /// The found component: matched key claims weighted by match quality, over key claims.
    pub found_credit: f64,
    /// Student claims that matched nothing.
    pub extra: usize,
    pub precision: f64,
    pub status_agreement: f64,
    pub source_agreement: f64,
    /// In key order.
    pub matches: Vec<Match>,
    /// Ids of the key claims not found, in key order.
    pub missed_key_claim_ids: Vec<String>,
    /// Ids of the student claims that matched nothing, in submission order.
    pub extra_claim_ids: Vec<String>,
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

pub(super) struct Assessment {
    pub(super) score: StudentScore,
    pub(super) pairs: Vec<Pairing>,
    pub(super) students: Vec<Prepared>,
}

pub(super) fn assess(
    table: &CharTable<'_>,
    key_claims: &[Claim],
    keys: &[Prepared],
    student_claims: &[Claim],
    rubric: &Rubric,
) -> Assessment {
    let students: Vec<Prepared> = student_claims
        .iter()
        .map(|c| prepare(table, Span::of(c)))
        .collect();
    let pairs = pair_up(keys, &students);
    let matches: Vec<Match> = pairs
        .iter()
        .map(|p| {
            let (k, s) = (&key_claims[p.key], &student_claims[p.student]);
            Match {
                key_claim_id: k.id.clone(),
                student_claim_id: s.id.clone(),
                iou: p.judgement.iou,
                quality: p.judgement.quality,
                rule: p.judgement.rule,
                same_status: k.status == s.status,
                same_source: k.source_kind.is_none() || k.source_kind == s.source_kind,
            }
        })
        .collect();
    let mut key_found = vec![false; key_claims.len()];
    let mut student_matched = vec![false; student_claims.len()];
    for p in &pairs {
        key_found[p.key] = true;
        student_matched[p.student] = true;
    }
    let found = pairs.len();
    let found_credit = if key_claims.is_empty() {
        0.0
    } else {
        pairs.iter().map(|p| p.judgement.quality).sum::<f64>() / key_claims.len() as f64
    };
    let precision = ratio(found, student_claims.len());
    // Over all key claims, not only the found ones: a key claim not found has no status right.
    let status_agreement = ratio(
        matches.iter().filter(|m| m.same_status).count(),
        key_claims.len(),
    );
    let source_agreement = ratio(
        matches.iter().filter(|m| m.same_source).count(),
        key_claims.len(),
    );
    let score = StudentScore {
        total: rubric.total(found_credit, precision, status_agreement, source_agreement),
        found,
        key_claims: key_claims.len(),
        student_claims: student_claims.len(),
        recall: ratio(found, key_claims.len()),
        found_credit,
        extra: student_claims.len() - found,
        precision,
        status_agreement,
        source_agreement,
        matches,
        missed_key_claim_ids: key_claims
            .iter()
            .zip(&key_found)
            .filter(|(_, &f)| !f)
            .map(|(c, _)| c.id.clone())
            .collect(),
        extra_claim_ids: student_claims
            .iter()
            .zip(&student_matched)
            .filter(|(_, &m)| !m)
            .map(|(c, _)| c.id.clone())
            .collect(),
    };
    Assessment {
        score,
        pairs,
        students,
    }
}

/// Scores one student's claims against the key's, both on `article_text`.
pub fn score_claims(
    article_text: &str,
    key_claims: &[Claim],
    student_claims: &[Claim],
    rubric: &Rubric,
) -> StudentScore {
    let table = CharTable::new(article_text);
    let keys: Vec<Prepared> = key_claims
        .iter()
        .map(|c| prepare(&table, Span::of(c)))
        .collect();
    assess(&table, key_claims, &keys, student_claims, rubric).score
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::anchoring::selectors::describe;
    use crate::core::classroom::scoring::matching::MATCH_IOU;
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
    fn agreements_count_over_the_whole_key() {
        let key = key_claims();
        // One key claim found, with the right status and kind: a quarter of each.
        let s = score_claims(TEXT, &key, &[copy(&key[0], "s1")], &Rubric::default());
        assert_eq!((s.status_agreement, s.source_agreement), (0.25, 0.25));
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
        (0.0..5.0f64, 0.0..5.0f64, 0.0..5.0f64, 0.0..5.0f64).prop_map(|(a, b, c, d)| Rubric {
            found: a,
            precision: b,
            status: c,
            source: d,
        })
    }

    proptest! {
        #[test]
        fn the_key_scores_1_and_nothing_scores_0(
            spans in proptest::collection::vec(arb_span(), 1..8),
            rubric in arb_rubric(),
        ) {
            prop_assume!(rubric.found + rubric.precision + rubric.status + rubric.source > 0.0);
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
            prop_assert_eq!(s.found + s.extra, student.len());
            prop_assert_eq!(s.found + s.missed_key_claim_ids.len(), key.len());
            for m in &s.matches {
                prop_assert!(m.quality >= MATCH_IOU && m.quality <= 1.0);
            }
            // Deterministic.
            prop_assert_eq!(&s, &score_claims(TEXT, &key, &student, &rubric));
        }
    }
}
