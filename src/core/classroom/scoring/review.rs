//! One submission against the key, claim by claim: what matched and how well, what was missed,
//! the extra claims, the spans too broad to find anything — with the teacher's overrides
//! applied. Scores ([`score`](super::score)) are computed from this, so an override changes the
//! row at once.
//!
//! # Overrides
//!
//! - **accepted** `(key id, student id)`: the pair matches whatever the rule says (a near miss, or
//!   even a span too broad); accepted pairs are taken before any other, in the order given.
//! - **rejected** `(key id, student id)`: the pair never matches; the student claim may still
//!   match another key claim, or it is extra.
//! - **valid extra** (student id): an extra or too-broad student claim the teacher counts as a
//!   claim found (the key misses it); it is listed in `valid`, counts as found, and is out of the
//!   status and source agreements (there is no key claim to agree with).
//!
//! Ids that name no claim are ignored (a claim deleted since the override was made).

use serde::{Deserialize, Serialize};

use crate::core::classroom::scoring::breadth::{
    paragraphs_of, span_precision, span_recall, too_broad, Paragraph,
};
use crate::core::classroom::scoring::matching::{
    credit, iou, pair_up, prepare, Decisions, MatchRule, Pairing, Prepared, Span,
};
use crate::core::model::Claim;
use crate::core::text::offsets::CharTable;

/// One key claim found, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Matched {
    /// The key claim's id.
    pub key: String,
    /// The student claim's id.
    pub student: String,
    /// The share of the student's span that is the key claim.
    pub span_precision: f64,
    /// The share of the key claim the student's span marks.
    pub span_recall: f64,
    /// How well the span fits the claim, from 0 to 1 (see the matching rule).
    pub span_fit: f64,
    /// The rule that matched ([`MatchRule::Teacher`] when only the teacher's override did).
    pub rule: MatchRule,
    pub status_agrees: bool,
    /// `None` when the key leaves the source kind open: any kind is right.
    pub source_agrees: Option<bool>,
    /// `None` when the key claim has no label (the exercise has no labels).
    pub label_agrees: Option<bool>,
    /// Whether the teacher accepted this pair.
    pub by_override: bool,
}

/// A student span too broad to find a key claim, and the key claims it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TooBroad {
    pub student: String,
    pub keys: Vec<String>,
}

/// What the teacher decided for one submission; all ids are claim ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Overrides {
    /// (key claim id, student claim id): a near miss accepted as found.
    pub accepted: Vec<(String, String)>,
    /// A match the teacher rejects.
    pub rejected: Vec<(String, String)>,
    /// Student claim ids the teacher marks valid (count as found).
    pub valid_extra: Vec<String>,
}

/// One submission against the key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// In key order.
    pub matched: Vec<Matched>,
    /// Key claim ids not found, in key order.
    pub missed: Vec<String>,
    /// Student claim ids that match nothing (and are not too broad), in submission order.
    pub extra: Vec<String>,
    /// In submission order.
    pub too_broad: Vec<TooBroad>,
    /// Student claim ids the teacher marked valid: found, though the key has no claim there.
    pub valid: Vec<String>,
}

impl Review {
    /// Key claims found, with the student claims marked valid.
    pub fn found(&self) -> usize {
        self.matched.len() + self.valid.len()
    }
}

/// The review by indexes, for the class report.
pub(super) struct Assessed {
    pub(super) pairs: Vec<Pairing>,
    pub(super) students: Vec<Prepared>,
    /// Student index and the key indexes it covers.
    pub(super) too_broad: Vec<(usize, Vec<usize>)>,
    pub(super) valid: Vec<usize>,
    pub(super) review: Review,
}

fn index_of(claims: &[Claim], id: &str) -> Option<usize> {
    claims.iter().position(|c| c.id == id)
}

fn pairs_of(key: &[Claim], student: &[Claim], ids: &[(String, String)]) -> Vec<(usize, usize)> {
    ids.iter()
        .filter_map(|(k, s)| Some((index_of(key, k)?, index_of(student, s)?)))
        .collect()
}

fn matched(
    key: &Claim,
    student: &Claim,
    pair: &Pairing,
    keys: &[Prepared],
    students: &[Prepared],
) -> Matched {
    let (k, s) = (keys[pair.key].span, students[pair.student].span);
    Matched {
        key: key.id.clone(),
        student: student.id.clone(),
        span_precision: span_precision(k, s),
        span_recall: span_recall(k, s),
        span_fit: pair
            .judgement
            .map_or_else(|| credit(iou(k, s)), |j| j.quality),
        rule: pair.judgement.map_or(MatchRule::Teacher, |j| j.rule),
        status_agrees: key.status == student.status,
        source_agrees: key
            .source_kind
            .map(|kind| Some(kind) == student.source_kind),
        label_agrees: key
            .label
            .as_ref()
            .map(|label| Some(label) == student.label.as_ref()),
        by_override: pair.by_override,
    }
}

pub(super) fn assess_review(
    table: &CharTable<'_>,
    paragraphs: &[Paragraph],
    key_claims: &[Claim],
    keys: &[Prepared],
    student_claims: &[Claim],
    overrides: &Overrides,
) -> Assessed {
    let students: Vec<Prepared> = student_claims
        .iter()
        .map(|c| prepare(table, Span::of(c)))
        .collect();
    let accepted = pairs_of(key_claims, student_claims, &overrides.accepted);
    let valid_ids: Vec<usize> = overrides
        .valid_extra
        .iter()
        .filter_map(|id| index_of(student_claims, id))
        .collect();
    let broad: Vec<Option<Vec<usize>>> = students
        .iter()
        .map(|s| too_broad(keys, s, paragraphs))
        .collect();
    let decisions = Decisions {
        rejected: pairs_of(key_claims, student_claims, &overrides.rejected),
        left_out: (0..students.len())
            .map(|s| broad[s].is_some() && !accepted.iter().any(|&(_, a)| a == s))
            .collect(),
        accepted,
    };
    let pairs = pair_up(keys, &students, &decisions);
    let mut key_found = vec![false; key_claims.len()];
    let mut student_matched = vec![false; student_claims.len()];
    for p in &pairs {
        key_found[p.key] = true;
        student_matched[p.student] = true;
    }
    let mut valid = Vec::new();
    let mut too_broad_list = Vec::new();
    let mut extra = Vec::new();
    for s in (0..student_claims.len()).filter(|&s| !student_matched[s]) {
        if valid_ids.contains(&s) {
            valid.push(s);
        } else if let Some(covered) = &broad[s] {
            too_broad_list.push((s, covered.clone()));
        } else {
            extra.push(s);
        }
    }
    let review = Review {
        matched: pairs
            .iter()
            .map(|p| {
                matched(
                    &key_claims[p.key],
                    &student_claims[p.student],
                    p,
                    keys,
                    &students,
                )
            })
            .collect(),
        missed: (0..key_claims.len())
            .filter(|&k| !key_found[k])
            .map(|k| key_claims[k].id.clone())
            .collect(),
        extra: extra
            .iter()
            .map(|&s| student_claims[s].id.clone())
            .collect(),
        too_broad: too_broad_list
            .iter()
            .map(|(s, keys)| TooBroad {
                student: student_claims[*s].id.clone(),
                keys: keys.iter().map(|&k| key_claims[k].id.clone()).collect(),
            })
            .collect(),
        valid: valid
            .iter()
            .map(|&s| student_claims[s].id.clone())
            .collect(),
    };
    Assessed {
        pairs,
        students,
        too_broad: too_broad_list,
        valid,
        review,
    }
}

/// One submission against the key on `article_text`, with the teacher's overrides: the whole
/// rule, as the class table applies it.
pub fn review_in(
    article_text: &str,
    key: &[Claim],
    student: &[Claim],
    overrides: &Overrides,
) -> Review {
    let table = CharTable::new(article_text);
    let keys: Vec<Prepared> = key.iter().map(|c| prepare(&table, Span::of(c))).collect();
    assess_review(
        &table,
        &paragraphs_of(&table),
        key,
        &keys,
        student,
        overrides,
    )
    .review
}

/// The article as far as the claims show it: each claim's quote at its place, spaces between.
/// Enough for every part of the rule but "most of a paragraph", which needs the paragraphs.
fn text_from_quotes(claims: &[&Claim]) -> String {
    let len = claims.iter().map(|c| c.position.end).max().unwrap_or(0);
    let mut chars = vec![' '; len];
    for c in claims {
        let quote: Vec<char> = c.quote.exact.chars().collect();
        if quote.len() == c.position.end.saturating_sub(c.position.start) {
            chars[c.position.start..c.position.end].copy_from_slice(&quote);
        }
    }
    chars.into_iter().collect()
}

/// One submission against the key, with the teacher's overrides, from the claims alone (their
/// quotes and positions). Without the article's paragraphs, the "most of a paragraph" part of
/// the too-broad rule is left out; with the article text at hand use [`review_in`], which the
/// class table uses.
pub fn review(key: &[Claim], student: &[Claim], overrides: &Overrides) -> Review {
    let all: Vec<&Claim> = key.iter().chain(student).collect();
    let text = text_from_quotes(&all);
    let table = CharTable::new(&text);
    let keys: Vec<Prepared> = key.iter().map(|c| prepare(&table, Span::of(c))).collect();
    assess_review(&table, &[], key, &keys, student, overrides).review
}

/// One submission file against a key file (or Claimcheck exports), with overrides: what
/// `window.claimcheck.review` returns. The error says which input is wrong and why.
pub fn review_files(
    key_text: &str,
    submission_text: &str,
    overrides: &Overrides,
) -> Result<Review, String> {
    use crate::core::classroom::loading::{parse_key, parse_submission};
    let key = parse_key(key_text).map_err(|e| format!("the key could not be read: {e}"))?;
    let side = parse_submission(submission_text, "")
        .map_err(|e| format!("the submission could not be read: {e}"))?;
    if let Some(problem) = side.problem_with(&key) {
        return Err(format!("the submission does not fit this key: {problem}"));
    }
    Ok(review_in(
        &key.article.text,
        &key.claims,
        &side.claims,
        overrides,
    ))
}
