//! Scoring students' submissions against an answer key: pure and deterministic.
//!
//! # Matching rule
//!
//! A claim's *span* is its code-point range `start..end` in the article text (end exclusive).
//!
//! - **Overlap (IoU)** of two spans: the number of characters in both divided by the number of
//!   characters in either.
//! - **Core clause** of a span: its text split at clause boundaries — the characters `,` `;` `:`
//!   `—` and the whole words "that", "said" and "according to" (in any case) — and the longest
//!   piece (the first one on a tie), trimmed of everything but letters and digits at both ends.
//!   When that piece is shorter than 12 characters or 3 words, the core clause is the whole span,
//!   trimmed the same way. The core clause of "The Washington Post reported, citing confidential
//!   documents, that the ruler had agreed to step down." is "the ruler had agreed to step down".
//! - A student claim **matches** a key claim when (a) their spans' IoU is at least 0.5, or
//!   (b) the student's span contains the key claim's core clause and is at most twice as long as
//!   the key claim (so a paragraph or the whole article marked as one claim finds nothing), or
//!   (c) the key claim's span
//!   contains the student claim's core clause and the two core clauses overlap with an IoU of at
//!   least 0.5. (Rule (c) lets a student mark less than the whole sentence; its second half
//!   keeps a student who marked only the attribution, "citing confidential documents", from
//!   finding the claim.)
//! - The **quality** of a match is the best that its rules give: (a) the spans' IoU, (b) 1,
//!   (c) the core clauses' IoU — where an IoU of 0.8 or more counts as 1. A match's quality is
//!   thus between 0.5 and 1.
//! - Matching is **one-to-one**: every matching pair is ranked by quality, then by IoU (both
//!   highest first), then by the key claim's place in the key, then by the student claim's place
//!   in the submission, and taken in that order unless one of its claims is taken already.
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
//! key itself scores 1; a key without claims scores every submission 0. A submission that does
//! not belong to the key (another exercise, a changed article: see
//! `SubmissionSide::problem_with`) is not scored: its row has a `problem` and no score.
//!
//! The grades CSV ([`grades_csv`]) gives totals, precision and agreements as percentages with one
//! decimal ("87.5"), and leaves a flagged student's numbers empty.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::classroom::files::{
    parse_key, parse_submission, student_name_from_file_name, FormatError, KeySide, SubmissionSide,
};
use crate::core::formats::csv::{csv_text, guard};
use crate::core::model::Claim;
use crate::core::text::offsets::CharTable;

/// Spans match when their IoU is at least this.
pub const MATCH_IOU: f64 = 0.5;
/// A span containing a key claim's core clause matches it only when it is at most this many
/// times as long as the key claim.
pub const CONTAIN_MAX_RATIO: usize = 2;
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
    if matches!(chars[i], ',' | ';' | ':' | '—') {
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
    /// (b) the student's span contains the key claim's core clause.
    StudentContainsCore,
    /// (c) the key claim's span contains the student's core clause, and the cores overlap.
    KeyContainsCore,
}

/// A claim's span and core clause.
#[derive(Debug, Clone, Copy)]
struct Prepared {
    span: Span,
    core: Span,
}

fn prepare(table: &CharTable<'_>, span: Span) -> Prepared {
    let span = clamp(table, span);
    Prepared {
        span,
        core: core_in(table, span),
    }
}

fn credit(iou: f64) -> f64 {
    if iou >= FULL_CREDIT_IOU {
        1.0
    } else {
        iou
    }
}

#[derive(Debug, Clone, Copy)]
struct Judgement {
    quality: f64,
    iou: f64,
    rule: MatchRule,
}

fn judge(key: &Prepared, student: &Prepared) -> Option<Judgement> {
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
    // everything; it must still be mostly this claim.
    if student.span.contains(key.core) && student.span.len() <= CONTAIN_MAX_RATIO * key.span.len() {
        offer(1.0, MatchRule::StudentContainsCore);
    }
    if key.span.contains(student.core) {
        let cores = iou(key.core, student.core);
        if cores >= MATCH_IOU {
            offer(credit(cores), MatchRule::KeyContainsCore);
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
struct Pairing {
    key: usize,
    student: usize,
    judgement: Judgement,
}

/// The one-to-one matching, best pairs first; in key order.
fn pair_up(keys: &[Prepared], students: &[Prepared]) -> Vec<Pairing> {
    let mut candidates = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        for (s, student) in students.iter().enumerate() {
            if let Some(judgement) = judge(key, student) {
                candidates.push(Pairing {
                    key: k,
                    student: s,
                    judgement,
                });
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.judgement
            .quality
            .total_cmp(&a.judgement.quality)
            .then(b.judgement.iou.total_cmp(&a.judgement.iou))
            .then(a.key.cmp(&b.key))
            .then(a.student.cmp(&b.student))
    });
    let mut key_taken = vec![false; keys.len()];
    let mut student_taken = vec![false; students.len()];
    let mut pairs = Vec::new();
    for c in candidates {
        if !key_taken[c.key] && !student_taken[c.student] {
            key_taken[c.key] = true;
            student_taken[c.student] = true;
            pairs.push(c);
        }
    }
    pairs.sort_by_key(|p| p.key);
    pairs
}

// ---------------------------------------------------------------------------------------------
// Scores

/// How much each component counts in the total. Weights are relative: the total is their
/// weighted mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Rubric {
    pub found: f64,
    pub precision: f64,
    pub status: f64,
    pub source: f64,
}

impl Default for Rubric {
    fn default() -> Self {
        Rubric {
            found: 0.5,
            precision: 0.2,
            status: 0.15,
            source: 0.15,
        }
    }
}

impl Rubric {
    /// The weighted mean of the four components, from 0 to 1; 0 when all weights are 0.
    pub fn total(&self, found: f64, precision: f64, status: f64, source: f64) -> f64 {
        let weight = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
        let weights = [
            weight(self.found),
            weight(self.precision),
            weight(self.status),
            weight(self.source),
        ];
        let sum: f64 = weights.iter().sum();
        if sum <= 0.0 || !sum.is_finite() {
            return 0.0;
        }
        let scores = [found, precision, status, source];
        let weighted: f64 = weights.iter().zip(scores).map(|(w, s)| w * s).sum();
        (weighted / sum).clamp(0.0, 1.0)
    }
}

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

struct Assessment {
    score: StudentScore,
    pairs: Vec<Pairing>,
    students: Vec<Prepared>,
}

fn assess(
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

// ---------------------------------------------------------------------------------------------
// The class

/// One student's row of the class table: a score, or a problem that kept it from being scored.
/// In JSON the score's fields sit beside `name` and `problem`, and are absent when flagged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StudentRow {
    pub name: String,
    /// Why this submission was not scored; `None` when it was.
    pub problem: Option<String>,
    /// When the student handed it in (RFC 3339), if the file says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<String>,
    #[serde(flatten)]
    pub score: Option<StudentScore>,
}

impl StudentRow {
    pub fn total(&self) -> Option<f64> {
        self.score.as_ref().map(|s| s.total)
    }

    pub fn is_flagged(&self) -> bool {
        self.score.is_none()
    }
}

/// How the class did on one key claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyClaimSummary {
    pub id: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// How many scored students found it.
    pub count: usize,
    /// Their names, in input order.
    pub students: Vec<String>,
    /// Their places in `ClassReport::students`.
    pub student_indexes: Vec<usize>,
}

/// A passage that several students marked although the key has no claim there.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommonExtra {
    /// The span most of the cluster's claims have (the first in reading order on a tie).
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// How many students marked it.
    pub count: usize,
    pub students: Vec<String>,
    pub student_indexes: Vec<usize>,
    /// How many claims are in the cluster (a student may have marked it twice).
    pub claims: usize,
}

/// The whole class against the key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassReport {
    /// In input order.
    pub students: Vec<StudentRow>,
    /// In key order.
    pub key_claims: Vec<KeyClaimSummary>,
    /// Most students first, then by position.
    pub common_extras: Vec<CommonExtra>,
    pub rubric: Rubric,
    pub scored: usize,
    pub flagged: usize,
}

enum Entry<'a> {
    Side(&'a SubmissionSide),
    Unreadable { name: String, problem: String },
}

/// An unmatched student claim, for clustering.
struct ExtraItem {
    student: usize,
    order: usize,
    claim: Prepared,
}

fn cluster_extras(
    table: &CharTable<'_>,
    mut items: Vec<ExtraItem>,
    names: &[String],
) -> Vec<CommonExtra> {
    items.sort_by_key(|x| (x.claim.span, x.student, x.order));
    // Each cluster: its seed (its first claim in reading order) and its members.
    let mut clusters: Vec<(Prepared, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut best: Option<(usize, f64)> = None;
        for (c, (seed, _)) in clusters.iter().enumerate() {
            let quality = [judge(seed, &item.claim), judge(&item.claim, seed)]
                .into_iter()
                .flatten()
                .map(|j| j.quality)
                .fold(None, |acc: Option<f64>, q| {
                    Some(acc.map_or(q, |a| a.max(q)))
                });
            if let Some(q) = quality {
                if best.is_none_or(|(_, b)| q > b) {
                    best = Some((c, q));
                }
            }
        }
        match best {
            Some((c, _)) => clusters[c].1.push(i),
            None => clusters.push((item.claim, vec![i])),
        }
    }
    let mut extras: Vec<CommonExtra> = clusters
        .into_iter()
        .map(|(_, members)| {
            // The span most members have; members are in reading order, so the first wins ties.
            let mut representative = items[members[0]].claim.span;
            let mut most = 0;
            for &m in &members {
                let span = items[m].claim.span;
                let n = members
                    .iter()
                    .filter(|&&o| items[o].claim.span == span)
                    .count();
                if n > most {
                    (representative, most) = (span, n);
                }
            }
            let student_indexes: Vec<usize> = members
                .iter()
                .map(|&m| items[m].student)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            CommonExtra {
                quote: table
                    .slice_clamped(representative.start, representative.end)
                    .to_string(),
                start: representative.start,
                end: representative.end,
                count: student_indexes.len(),
                students: student_indexes.iter().map(|&s| names[s].clone()).collect(),
                student_indexes,
                claims: members.len(),
            }
        })
        .collect();
    extras.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.start.cmp(&b.start))
            .then(a.end.cmp(&b.end))
    });
    extras
}

fn report(key: &KeySide, entries: &[Entry<'_>], rubric: &Rubric) -> ClassReport {
    let table = CharTable::new(&key.article.text);
    let keys: Vec<Prepared> = key
        .claims
        .iter()
        .map(|c| prepare(&table, Span::of(c)))
        .collect();
    let mut rows = Vec::with_capacity(entries.len());
    let mut found_by: Vec<Vec<usize>> = vec![Vec::new(); key.claims.len()];
    let mut extras = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let side = match entry {
            Entry::Unreadable { name, problem } => {
                rows.push(StudentRow {
                    name: name.clone(),
                    problem: Some(problem.clone()),
                    submitted: None,
                    score: None,
                });
                continue;
            }
            Entry::Side(side) => side,
        };
        if let Some(problem) = side.problem_with(key) {
            rows.push(StudentRow {
                name: side.student.clone(),
                problem: Some(problem),
                submitted: side.submitted.clone(),
                score: None,
            });
            continue;
        }
        let assessment = assess(&table, &key.claims, &keys, &side.claims, rubric);
        let mut matched = vec![false; side.claims.len()];
        for p in &assessment.pairs {
            found_by[p.key].push(i);
            matched[p.student] = true;
        }
        for (order, claim) in assessment.students.iter().enumerate() {
            if !matched[order] {
                extras.push(ExtraItem {
                    student: i,
                    order,
                    claim: *claim,
                });
            }
        }
        rows.push(StudentRow {
            name: side.student.clone(),
            problem: None,
            submitted: side.submitted.clone(),
            score: Some(assessment.score),
        });
    }
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();
    let key_claims = key
        .claims
        .iter()
        .zip(found_by)
        .map(|(c, student_indexes)| KeyClaimSummary {
            id: c.id.clone(),
            quote: c.quote.exact.clone(),
            start: c.position.start,
            end: c.position.end,
            count: student_indexes.len(),
            students: student_indexes.iter().map(|&s| names[s].clone()).collect(),
            student_indexes,
        })
        .collect();
    let flagged = rows.iter().filter(|r| r.is_flagged()).count();
    ClassReport {
        scored: rows.len() - flagged,
        flagged,
        common_extras: cluster_extras(&table, extras, &names),
        key_claims,
        students: rows,
        rubric: *rubric,
    }
}

/// Scores every submission against the key, in input order. Submissions that do not belong to
/// the key are flagged, not scored, and left out of the class view.
pub fn score_class(key: &KeySide, submissions: &[SubmissionSide], rubric: &Rubric) -> ClassReport {
    let entries: Vec<Entry<'_>> = submissions.iter().map(Entry::Side).collect();
    report(key, &entries, rubric)
}

/// Scores files as they come: the key's text (a key file or a Claimcheck JSON export) and each
/// submission's file name and text. The key must be readable; a submission that is not gets a
/// row with the reason as its problem. A student without a name in the file is named after the
/// file (see `student_name_from_file_name`), or when the file name is empty, after the article.
pub fn score_files(
    key_text: &str,
    submissions: &[(&str, &str)],
    rubric: &Rubric,
) -> Result<ClassReport, FormatError> {
    let key = parse_key(key_text)?;
    let parsed: Vec<Result<SubmissionSide, (String, String)>> = submissions
        .iter()
        .enumerate()
        .map(|(i, (file_name, text))| {
            let fallback = student_name_from_file_name(file_name);
            parse_submission(text, &fallback).map_err(|e| {
                let name = if fallback.trim().is_empty() {
                    format!("File {}", i + 1)
                } else {
                    fallback
                };
                (name, format!("This file could not be read: {e}"))
            })
        })
        .collect();
    let entries: Vec<Entry<'_>> = parsed
        .iter()
        .map(|p| match p {
            Ok(side) => Entry::Side(side),
            Err((name, problem)) => Entry::Unreadable {
                name: name.clone(),
                problem: problem.clone(),
            },
        })
        .collect();
    Ok(report(&key, &entries, rubric))
}

// ---------------------------------------------------------------------------------------------
// The class table

/// The columns the class table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SortColumn {
    Name,
    Total,
    Found,
    Extra,
    Precision,
    StatusAgreement,
    SourceAgreement,
}

fn by_name(a: &StudentRow, b: &StudentRow) -> Ordering {
    a.name
        .to_lowercase()
        .cmp(&b.name.to_lowercase())
        .then_with(|| a.name.cmp(&b.name))
}

fn by_column(a: &StudentScore, b: &StudentScore, column: SortColumn) -> Ordering {
    match column {
        SortColumn::Name => Ordering::Equal,
        SortColumn::Total => a.total.total_cmp(&b.total),
        SortColumn::Found => a.found.cmp(&b.found),
        SortColumn::Extra => a.extra.cmp(&b.extra),
        SortColumn::Precision => a.precision.total_cmp(&b.precision),
        SortColumn::StatusAgreement => a.status_agreement.total_cmp(&b.status_agreement),
        SortColumn::SourceAgreement => a.source_agreement.total_cmp(&b.source_agreement),
    }
}

/// Sorts the class table by `column`. Ties go by name (case-insensitively, A to Z), and flagged
/// rows always come last, by name. Stable: rows equal in all of that keep their order.
pub fn sort_students(rows: &mut [StudentRow], column: SortColumn, descending: bool) {
    let order = |o: Ordering| if descending { o.reverse() } else { o };
    rows.sort_by(|a, b| match (&a.score, &b.score) {
        (Some(_), Some(_)) if column == SortColumn::Name => order(by_name(a, b)),
        (Some(x), Some(y)) => order(by_column(x, y, column)).then_with(|| by_name(a, b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => by_name(a, b),
    });
}

pub const GRADES_COLUMNS: [&str; 9] = [
    "student",
    "total",
    "found",
    "key claims",
    "extra",
    "precision",
    "status agreement",
    "source agreement",
    "problem",
];

fn percent(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

/// The grades as CSV, one row per student in the order given: total, precision and agreements
/// as percentages with one decimal, counts as numbers; a flagged student has only a name and a
/// problem. Cells a spreadsheet would run as formulas start with an apostrophe.
pub fn grades_csv(rows: &[StudentRow]) -> String {
    let records = rows.iter().map(|row| {
        let problem = guard(row.problem.as_deref().unwrap_or(""));
        match &row.score {
            Some(s) => [
                guard(&row.name),
                percent(s.total),
                s.found.to_string(),
                s.key_claims.to_string(),
                s.extra.to_string(),
                percent(s.precision),
                percent(s.status_agreement),
                percent(s.source_agreement),
                problem,
            ],
            None => {
                let mut r: [String; 9] = Default::default();
                r[0] = guard(&row.name);
                r[8] = problem;
                r
            }
        }
    });
    csv_text(GRADES_COLUMNS, records)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::anchoring::selectors::describe;
    use crate::core::classroom::files::{Exercise, Key, Settings, Submission};
    use crate::core::formats::native;
    use crate::core::model::{Article, SourceKind, Status};
    use crate::core::test_claims::claim_on;
    use proptest::prelude::*;

    /// A wire story. Everything claims mark comes after non-ASCII characters ("Ã", "—"), so
    /// code-point and byte offsets differ.
    const TEXT: &str = "SÃO PAULO (Reuters) — The Washington Post reported, citing confidential documents, that the ruler had agreed to step down. The palace did not respond to a request for comment. According to two people familiar with the talks, the handover would take place before the end of the year. Opposition leader María Ortega said the announcement was long overdue. The central bank said inflation had fallen to 4.2% in March, its lowest level since 2021.";

    const K1: &str = "The Washington Post reported, citing confidential documents, that the ruler had agreed to step down.";
    const K2: &str = "According to two people familiar with the talks, the handover would take place before the end of the year.";
    const K3: &str =
        "The central bank said inflation had fallen to 4.2% in March, its lowest level since 2021.";
    const K4: &str = "Opposition leader María Ortega said the announcement was long overdue.";
    const PALACE: &str = "The palace did not respond to a request for comment.";

    fn chars(s: &str) -> usize {
        s.chars().count()
    }

    /// Code-point span of `needle` in TEXT.
    fn span(needle: &str) -> Span {
        let byte = TEXT.find(needle).expect("needle in text");
        let start = chars(&TEXT[..byte]);
        Span::new(start, start + chars(needle))
    }

    fn claim(id: &str, needle: &str, status: Status, kind: Option<SourceKind>) -> Claim {
        Claim {
            status,
            source_kind: kind,
            created: "2026-03-02T10:00:00Z".into(),
            modified: "2026-03-02T10:00:00Z".into(),
            ..claim_on(TEXT, id, needle)
        }
    }

    fn key_claims() -> Vec<Claim> {
        vec![
            claim("k1", K1, Status::Verified, Some(SourceKind::Publication)),
            claim("k2", K2, Status::Unverified, Some(SourceKind::Anonymous)),
            claim("k3", K3, Status::Verified, Some(SourceKind::Organization)),
            claim("k4", K4, Status::Unverified, Some(SourceKind::Person)),
        ]
    }

    /// A student's copy of a key claim: another id, the same span, status and kind.
    fn copy(c: &Claim, id: &str) -> Claim {
        Claim {
            id: id.into(),
            ..c.clone()
        }
    }

    fn at(needle: &str) -> Claim {
        claim("s", needle, Status::Verified, Some(SourceKind::Publication))
    }

    fn with_id(mut c: Claim, id: &str) -> Claim {
        c.id = id.into();
        c
    }

    fn article() -> Article {
        Article {
            id: "a-ruler".into(),
            title: "Ruler agreed to step down, Post reports".into(),
            text: TEXT.into(),
            ..Article::default()
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

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
        assert!(close(s.found_credit, expected_iou / 4.0));
        assert_eq!(s.recall, 0.25);

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
        assert_eq!((s.found, s.extra), (0, 1));
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
    fn a_span_containing_the_core_clause_matches_despite_low_overlap() {
        let key = key_claims();
        let wide = "the ruler had agreed to step down. The palace did not respond to a request for comment.";
        let overlap = iou(span(K1), span(wide));
        assert!(overlap < 0.5, "{overlap}");
        let s = score_claims(TEXT, &key, &[at(wide)], &Rubric::default());
        assert_eq!(s.found, 1);
        assert_eq!(s.matches[0].key_claim_id, "k1");
        assert_eq!(s.matches[0].rule, MatchRule::StudentContainsCore);
        assert_eq!(s.matches[0].quality, 1.0);
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

    /// k1 exact and right; k3 by its core clause with the wrong status; one extra.
    fn mixed() -> Vec<Claim> {
        let key = key_claims();
        let k3 = claim(
            "s2",
            "inflation had fallen to 4.2% in March",
            Status::Unverified,
            Some(SourceKind::Organization),
        );
        vec![copy(&key[0], "s1"), k3, with_id(at(PALACE), "s3")]
    }

    #[test]
    fn rubric_weights_change_the_total_as_computed_by_hand() {
        let key = key_claims();
        let s = score_claims(TEXT, &key, &mixed(), &Rubric::default());
        // found 2/4 with full quality, precision 2/3; of the 4 key claims, 1 found with the
        // same status and 2 with the same source kind.
        assert_eq!(s.found_credit, 0.5);
        assert!(close(s.precision, 2.0 / 3.0));
        assert_eq!((s.status_agreement, s.source_agreement), (0.25, 0.5));
        assert!(close(
            s.total,
            0.5 * 0.5 + 0.2 * (2.0 / 3.0) + 0.15 * 0.25 + 0.15 * 0.5
        ));
        let with = |found, precision, status, source| {
            let rubric = Rubric {
                found,
                precision,
                status,
                source,
            };
            score_claims(TEXT, &key, &mixed(), &rubric).total
        };
        assert!(close(
            with(1.0, 1.0, 1.0, 1.0),
            (0.5 + 2.0 / 3.0 + 0.25 + 0.5) / 4.0
        ));
        assert!(close(with(1.0, 0.0, 0.0, 0.0), 0.5));
        assert!(close(with(0.0, 0.0, 0.0, 3.0), 0.5));
        assert!(close(
            with(2.0, 0.0, 1.0, 1.0),
            (2.0 * 0.5 + 0.25 + 0.5) / 4.0
        ));
        assert_eq!(with(0.0, 0.0, 0.0, 0.0), 0.0);
        assert!(
            close(with(-5.0, 1.0, f64::NAN, 0.0), 2.0 / 3.0),
            "bad weights count as 0"
        );
    }

    #[test]
    fn rubric_json_is_camel_case_with_defaults() {
        let r: Rubric = serde_json::from_str(r#"{"found": 1, "status": 0}"#).unwrap();
        assert_eq!(
            r,
            Rubric {
                found: 1.0,
                status: 0.0,
                ..Rubric::default()
            }
        );
        assert_eq!(
            serde_json::to_value(Rubric::default()).unwrap(),
            serde_json::json!({"found": 0.5, "precision": 0.2, "status": 0.15, "source": 0.15})
        );
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

    fn exercise() -> Exercise {
        Exercise::new(
            article(),
            "Mark each sourced claim.",
            Settings::default(),
            None,
            "ex-ruler",
        )
    }

    fn key_side() -> KeySide {
        let mut claims = key_claims();
        claims.truncate(3); // Ortega's quote is not a key claim here
        KeySide::from_key(Key::new(exercise(), claims))
    }

    fn submission(name: &str, claims: Vec<Claim>) -> SubmissionSide {
        SubmissionSide::from_submission(
            Submission::new(
                &exercise(),
                name,
                claims,
                "2026-03-03T09:00:00Z",
                "2026-03-03T09:45:00Z",
            ),
            "",
        )
    }

    fn class() -> Vec<SubmissionSide> {
        let key = key_claims();
        vec![
            submission(
                "Ana",
                vec![
                    copy(&key[0], "a1"),
                    copy(&key[1], "a2"),
                    with_id(at(PALACE), "a3"),
                ],
            ),
            submission(
                "Ben",
                vec![
                    with_id(at("the ruler had agreed to step down"), "b1"),
                    with_id(at(K4), "b2"),
                    with_id(at(PALACE), "b3"),
                ],
            ),
            submission(
                "Chloé",
                vec![
                    with_id(at("The palace did not respond to a request"), "c1"),
                    copy(&key[2], "c2"),
                ],
            ),
        ]
    }

    #[test]
    fn the_class_view_counts_finds_and_common_extras() {
        let report = score_class(&key_side(), &class(), &Rubric::default());
        assert_eq!((report.scored, report.flagged), (3, 0));
        let found: Vec<(&str, usize, Vec<&str>)> = report
            .key_claims
            .iter()
            .map(|k| {
                (
                    k.id.as_str(),
                    k.count,
                    k.students.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("k1", 2, vec!["Ana", "Ben"]),
                ("k2", 1, vec!["Ana"]),
                ("k3", 1, vec!["Chloé"]),
            ]
        );
        assert_eq!(report.key_claims[0].student_indexes, vec![0, 1]);
        let extras: Vec<(&str, usize, usize)> = report
            .common_extras
            .iter()
            .map(|e| (e.quote.as_str(), e.count, e.claims))
            .collect();
        assert_eq!(extras, vec![(PALACE, 3, 3), (K4, 1, 1)]);
        assert_eq!(
            report.common_extras[0].students,
            vec!["Ana", "Ben", "Chloé"]
        );
        let palace = span(PALACE);
        assert_eq!(
            (report.common_extras[0].start, report.common_extras[0].end),
            (palace.start, palace.end)
        );
        let names: Vec<&str> = report.students.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Ana", "Ben", "Chloé"], "input order");
        let ben = report.students[1].score.as_ref().unwrap();
        assert_eq!((ben.found, ben.extra), (1, 2));
    }

    #[test]
    fn submissions_that_do_not_belong_are_flagged_not_scored() {
        let key = key_side();
        let mut subs = class();
        // Another exercise.
        let mut other = subs[0].clone();
        other.student = "Dev".into();
        other.exercise_id = Some("ex-other".into());
        // The same exercise id, made on a changed article.
        let mut changed_article = article();
        changed_article.text = TEXT.replace("step down", "resign");
        let changed = Exercise::new(
            changed_article,
            "Mark each sourced claim.",
            Settings::default(),
            None,
            "ex-ruler",
        );
        let changed = SubmissionSide::from_submission(
            Submission::new(&changed, "Eve", key_claims(), "", ""),
            "",
        );
        subs.push(other);
        subs.push(changed);
        let report = score_class(&key, &subs, &Rubric::default());
        assert_eq!((report.scored, report.flagged), (3, 2));
        let dev = &report.students[3];
        assert!(dev.is_flagged() && dev.total().is_none());
        assert!(dev.problem.as_deref().unwrap().contains("another exercise"));
        let eve = &report.students[4];
        assert!(eve.is_flagged());
        assert!(eve.problem.as_deref().unwrap().contains("changed version"));
        // Flagged students are not counted in the class view.
        assert_eq!(report.key_claims[0].students, vec!["Ana", "Ben"]);
        assert_eq!(report.common_extras[0].count, 3);
        // In JSON: a scored row has its numbers beside the name, a flagged one has none.
        let v = serde_json::to_value(&report).unwrap();
        let ana = &v["students"][0];
        assert_eq!(ana["name"], "Ana");
        assert_eq!(ana["problem"], serde_json::Value::Null);
        for field in [
            "total",
            "found",
            "keyClaims",
            "recall",
            "extra",
            "precision",
            "statusAgreement",
            "sourceAgreement",
            "matches",
        ] {
            assert!(ana.get(field).is_some(), "{field}");
        }
        assert_eq!(ana["matches"][0]["keyClaimId"], "k1");
        assert_eq!(ana["matches"][0]["rule"], "overlap");
        let dev = &v["students"][3];
        assert!(dev.get("total").is_none() && dev.get("found").is_none());
        assert!(dev["problem"].is_string());
        assert_eq!(
            v["commonExtras"][0]["studentIndexes"],
            serde_json::json!([0, 1, 2])
        );
    }

    #[test]
    fn plain_exports_are_accepted_as_key_and_as_submission() {
        let a = article();
        let key = native::to_json(&a, &key_claims(), &[]);
        let perfect: Vec<Claim> = key_claims()
            .iter()
            .map(|c| copy(c, &format!("x{}", c.id)))
            .collect();
        let perfect = native::to_json(&a, &perfect, &[]);
        let partial = native::to_json(&a, &mixed(), &[]);
        let mut other_article = a.clone();
        other_article.text = format!("{TEXT} Updated.");
        let other = native::to_json(&other_article, &[], &[]);
        let report = score_files(
            &key,
            &[
                ("class/ana.claims.json", perfect.as_str()),
                ("ben.json", partial.as_str()),
                ("", other.as_str()),
                ("broken.json", "{\"format\": \"claimcheck\", "),
            ],
            &Rubric::default(),
        )
        .unwrap();
        let rows = &report.students;
        assert_eq!(rows[0].name, "ana");
        assert_eq!(rows[0].total(), Some(1.0));
        assert_eq!(rows[1].name, "ben");
        assert!(close(
            rows[1].total().unwrap(),
            score_claims(TEXT, &key_claims(), &mixed(), &Rubric::default()).total
        ));
        assert_eq!(rows[2].name, a.title, "no file name: the article's title");
        assert!(rows[2]
            .problem
            .as_deref()
            .unwrap()
            .contains("different article text"));
        assert_eq!(rows[3].name, "broken");
        assert!(rows[3]
            .problem
            .as_deref()
            .unwrap()
            .starts_with("This file could not be read: This file is cut short"));
        // A key that cannot be read is an error for the whole class.
        assert!(score_files("{}", &[], &Rubric::default()).is_err());
        // A key file and a submission file work the same way.
        let key_file = Key::new(exercise(), key_claims()).to_json();
        let sub = Submission::new(&exercise(), "Zoë", mixed(), "", "").to_json();
        let report = score_files(
            &key_file,
            &[("whatever.json", sub.as_str())],
            &Rubric::default(),
        )
        .unwrap();
        assert_eq!(report.students[0].name, "Zoë");
        assert_eq!(report.students[0].total(), rows[1].total());
    }

    fn row(name: &str, total: f64, extra: usize) -> StudentRow {
        let mut score = score_claims(TEXT, &[], &[], &Rubric::default());
        score.total = total;
        score.extra = extra;
        StudentRow {
            name: name.into(),
            problem: None,
            submitted: None,
            score: Some(score),
        }
    }

    fn flagged(name: &str) -> StudentRow {
        StudentRow {
            name: name.into(),
            problem: Some("other exercise".into()),
            submitted: None,
            score: None,
        }
    }

    fn names(rows: &[StudentRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn sorting_the_class_table() {
        let mut rows = vec![
            flagged("Zed"),
            row("ben", 0.5, 2),
            row("Ana", 0.5, 0),
            flagged("Al"),
            row("Chloé", 0.9, 1),
        ];
        sort_students(&mut rows, SortColumn::Total, true);
        assert_eq!(names(&rows), vec!["Chloé", "Ana", "ben", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Total, false);
        assert_eq!(names(&rows), vec!["Ana", "ben", "Chloé", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Extra, true);
        assert_eq!(names(&rows), vec!["ben", "Chloé", "Ana", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Name, true);
        assert_eq!(names(&rows), vec!["Chloé", "ben", "Ana", "Al", "Zed"]);
        sort_students(&mut rows, SortColumn::Name, false);
        assert_eq!(names(&rows), vec!["Ana", "ben", "Chloé", "Al", "Zed"]);
        let column: SortColumn = serde_json::from_str("\"statusAgreement\"").unwrap();
        assert_eq!(column, SortColumn::StatusAgreement);
    }

    #[test]
    fn grades_csv_has_percentages_and_no_live_formulas() {
        let mut report = score_class(&key_side(), &class(), &Rubric::default());
        report.students[1].name = "=HYPERLINK(\"http://x\")".into();
        report.students.push(flagged("-Dev"));
        let csv = grades_csv(&report.students);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, GRADES_COLUMNS);
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(records.len(), 4);
        let ana = report.students[0].score.as_ref().unwrap();
        assert_eq!(records[0][0], "Ana");
        assert_eq!(records[0][1], format!("{:.1}", ana.total * 100.0));
        assert_eq!(records[0][2..5], ["2", "3", "1"]);
        assert_eq!(records[0][5], "66.7", "2 of 3 claims matched");
        assert_eq!(records[0][8], "");
        assert_eq!(records[1][0], "'=HYPERLINK(\"http://x\")");
        assert_eq!(records[3][0], "'-Dev");
        assert_eq!(records[3][1..8], ["", "", "", "", "", "", ""]);
        assert_eq!(records[3][8], "other exercise");
        // A total is a percentage with one decimal.
        let perfect = row("P", 1.0, 0);
        let csv = grades_csv(&[perfect]);
        assert!(csv.lines().nth(1).unwrap().starts_with("P,100.0,"), "{csv}");
    }

    fn arb_span() -> impl Strategy<Value = Span> {
        let n = chars(TEXT);
        (0..n, 1usize..120).prop_map(move |(s, len)| Span::new(s, (s + len).min(n).max(s + 1)))
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

        #[test]
        fn core_clauses_lie_within_their_span(span in arb_span()) {
            let core = core_clause(TEXT, span);
            prop_assert!(span.contains(core) || core.is_empty());
        }
    }
}
