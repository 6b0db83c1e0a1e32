//! One student's review claim by claim, as the teacher's review and the student's feedback show
//! it: for each of the student's claims what it came to (found, extra, too broad, valid), and
//! for each key claim whether it was found and by which claim.

use serde::{Deserialize, Serialize};

use crate::core::classroom::scoring::{Matched, Review};
use crate::core::model::Claim;

/// What one student claim came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// It found a key claim.
    Found,
    /// It matches no key claim.
    Extra,
    /// It covers several key claims, so it finds none of them.
    TooBroad,
    /// An extra claim the teacher counts as found.
    Valid,
}

impl Outcome {
    /// In words, for the page and for screen readers (never colour alone).
    pub fn words(self) -> &'static str {
        match self {
            Outcome::Found => "Found",
            Outcome::Extra => "Not in the key",
            Outcome::TooBroad => "Too broad",
            Outcome::Valid => "Valid, not in the key",
        }
    }

    /// The sign printed beside it.
    pub fn icon(self) -> &'static str {
        match self {
            Outcome::Found => "✓",
            Outcome::Extra => "+",
            Outcome::TooBroad => "↔",
            Outcome::Valid => "★",
        }
    }

    /// The class the page styles it with (a pattern as well as a colour).
    pub fn class(self) -> &'static str {
        match self {
            Outcome::Found => "found",
            Outcome::Extra => "extra",
            Outcome::TooBroad => "too-broad",
            Outcome::Valid => "valid",
        }
    }
}

/// One of the student's claims in the review.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentResult {
    pub claim: Claim,
    pub outcome: Outcome,
    /// With [`Outcome::Found`]: the match.
    pub matched: Option<Matched>,
    /// With [`Outcome::TooBroad`]: the key claims it covers.
    pub covers: Vec<String>,
}

/// One key claim in the review.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyResult {
    pub claim: Claim,
    /// The student claim that found it.
    pub found_by: Option<String>,
}

/// The student's claims in their order, each with what it came to.
pub fn student_results(student: &[Claim], review: &Review) -> Vec<StudentResult> {
    student
        .iter()
        .map(|c| {
            let matched = review.matched.iter().find(|m| m.student == c.id).cloned();
            let covers = review
                .too_broad
                .iter()
                .find(|t| t.student == c.id)
                .map(|t| t.keys.clone())
                .unwrap_or_default();
            let outcome = if matched.is_some() {
                Outcome::Found
            } else if review.valid.contains(&c.id) {
                Outcome::Valid
            } else if !covers.is_empty() {
                Outcome::TooBroad
            } else {
                Outcome::Extra
            };
            StudentResult {
                claim: c.clone(),
                outcome,
                matched,
                covers,
            }
        })
        .collect()
}

/// The key claims in their order, each with the student claim that found it.
pub fn key_results(key: &[Claim], review: &Review) -> Vec<KeyResult> {
    key.iter()
        .map(|k| KeyResult {
            claim: k.clone(),
            found_by: review
                .matched
                .iter()
                .find(|m| m.key == k.id)
                .map(|m| m.student.clone()),
        })
        .collect()
}

/// The matches a teacher could accept for a missed key claim: the student's claims that
/// overlap it and found nothing else.
pub fn near_misses<'a>(key: &Claim, results: &'a [StudentResult]) -> Vec<&'a StudentResult> {
    results
        .iter()
        .filter(|r| r.matched.is_none())
        .filter(|r| {
            r.claim.position.start < key.position.end && key.position.start < r.claim.position.end
        })
        .collect()
}

/// The figures behind a review: how many key claims were found (valid extra claims count as
/// found), and how many of those found agree on status and on source kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub found: usize,
    pub key_claims: usize,
    pub valid_extra: usize,
    pub extra: usize,
    pub too_broad: usize,
    pub status_agrees: usize,
    pub source_agrees: usize,
    /// Found claims whose key claim names a source kind (the others agree with any).
    pub source_judged: usize,
    /// The mean span fit of the found claims, in percent.
    pub span_fit: Option<u32>,
}

pub fn tally(key_claims: usize, results: &[StudentResult]) -> Tally {
    let matched: Vec<&Matched> = results.iter().filter_map(|r| r.matched.as_ref()).collect();
    let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
    let span_fit = (!matched.is_empty()).then(|| {
        let mean = matched.iter().map(|m| m.span_fit).sum::<f64>() / matched.len() as f64;
        (mean * 100.0).round() as u32
    });
    Tally {
        found: matched.len(),
        key_claims,
        valid_extra: count(Outcome::Valid),
        extra: count(Outcome::Extra),
        too_broad: count(Outcome::TooBroad),
        status_agrees: matched.iter().filter(|m| m.status_agrees).count(),
        source_agrees: matched
            .iter()
            .filter(|m| m.source_agrees == Some(true))
            .count(),
        source_judged: matched.iter().filter(|m| m.source_agrees.is_some()).count(),
        span_fit,
    }
}

/// How well a found claim's span fits the key claim's, in words: "fits", or what is too much
/// or too little.
pub fn span_fit_words(m: &Matched) -> String {
    let pct = |x: f64| (x * 100.0).round() as u32;
    match (m.span_precision >= 0.9, m.span_recall >= 0.9) {
        (true, true) => "span fits".to_string(),
        (false, true) => format!(
            "span runs on: {}% of it is the key claim",
            pct(m.span_precision)
        ),
        (true, false) => format!(
            "span too short: covers {}% of the key claim",
            pct(m.span_recall)
        ),
        (false, false) => format!(
            "span partly off: {}% of it is the key claim, covering {}% of it",
            pct(m.span_precision),
            pct(m.span_recall)
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::scoring::{review, Overrides};
    use crate::core::model::{SourceKind, Status};
    use crate::core::test_claims::claim_on;

    const TEXT: &str = "The mayor said the bridge will close in May. Engineers told the council it was unsafe. A spokesman declined to comment on the cost, which critics say doubled.";

    fn key() -> Vec<Claim> {
        let mut k1 = claim_on(TEXT, "k1", "the bridge will close in May");
        k1.source_kind = Some(SourceKind::Organization);
        let k2 = claim_on(TEXT, "k2", "it was unsafe");
        vec![k1, k2]
    }

    #[test]
    fn each_student_claim_says_what_it_came_to_and_valid_extras_count_as_found() {
        let mut s1 = claim_on(TEXT, "s1", "the bridge will close in May. Engineers");
        s1.source_kind = Some(SourceKind::Person);
        let mut s2 = claim_on(TEXT, "s2", "which critics say doubled");
        s2.status = Status::Verified;
        let student = vec![s1, s2];
        let mut overrides = Overrides::default();
        let r = review(&key(), &student, &overrides);
        let results = student_results(&student, &r);
        let outcomes: Vec<Outcome> = results.iter().map(|r| r.outcome).collect();
        assert_eq!(outcomes, [Outcome::Found, Outcome::Extra]);
        let t = tally(2, &results);
        assert_eq!(
            (
                t.found,
                t.extra,
                t.status_agrees,
                t.source_agrees,
                t.source_judged
            ),
            (1, 1, 1, 0, 1)
        );
        assert!(span_fit_words(results[0].matched.as_ref().unwrap()).starts_with("span runs on"));
        let keys = key_results(&key(), &r);
        assert_eq!(keys[0].found_by.as_deref(), Some("s1"));
        assert_eq!(keys[1].found_by, None);
        overrides.valid_extra.push("s2".into());
        let results = student_results(&student, &review(&key(), &student, &overrides));
        assert_eq!(results[1].outcome, Outcome::Valid);
        assert_eq!(tally(2, &results).valid_extra, 1);
        assert_ne!(
            Outcome::Valid.words(),
            Outcome::Extra.words(),
            "told apart in words"
        );
    }

    #[test]
    fn a_span_over_two_key_claims_is_too_broad_and_a_near_miss_can_be_found() {
        let broad = claim_on(
            TEXT,
            "s1",
            "the bridge will close in May. Engineers told the council it was unsafe",
        );
        let short = claim_on(TEXT, "s2", "unsafe");
        let student = vec![broad, short];
        let r = review(&key(), &student, &Overrides::default());
        let results = student_results(&student, &r);
        assert_eq!(results[0].outcome, Outcome::TooBroad);
        assert_eq!(results[0].covers, ["k1", "k2"]);
        assert_eq!(results[1].outcome, Outcome::Extra);
        let misses = near_misses(&key()[1], &results);
        let ids: Vec<&str> = misses.iter().map(|r| r.claim.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2"]);
    }
}
