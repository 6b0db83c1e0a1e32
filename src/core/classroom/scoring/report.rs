//! The whole class against the key: a row per student, how the class did on each key claim (the
//! heat strip over the article), and the passages several students marked that the key has no
//! claim on, each cluster of such claims counted once.
//!
//! A submission that does not belong to the key (another exercise, a changed article: see
//! `SubmissionSide::problem_with`) is not scored: its row has a `problem` and no score.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::core::classroom::exercise::student_name_from_file_name;
use crate::core::classroom::loading::{parse_key, parse_submission, KeySide, SubmissionSide};
use crate::core::classroom::scoring::matching::{judge, Prepared};
use crate::core::classroom::scoring::review::Overrides;
use crate::core::classroom::scoring::rubric::Rubric;
use crate::core::classroom::scoring::score::{assess, KeyPrepared, StudentScore};
use crate::core::formats::envelope::FormatError;
use crate::core::ordering;
use crate::core::text::offsets::CharTable;

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
    /// How many hints the student asked for; `None` for work that is not a submission file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hints_used: Option<u32>,
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

/// The heat strip's bands, by the share of the class that found a key claim: each band's name.
pub const FOUND_BANDS: [&str; 5] = [
    "found by none",
    "found by under a quarter",
    "found by a quarter to a half",
    "found by a half to three quarters",
    "found by three quarters or more",
];

/// Which of [`FOUND_BANDS`] a key claim found by `count` of `scored` students is in.
pub fn found_band(count: usize, scored: usize) -> usize {
    if count == 0 || scored == 0 {
        return 0;
    }
    // Whole-number comparisons: 1 of 4 is "a quarter to a half", exactly.
    match count * 4 {
        x if x < scored => 1,
        x if x < 2 * scored => 2,
        x if x < 3 * scored => 3,
        _ => 4,
    }
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
    /// Whether the key's claims carry labels, so label agreement is scored.
    pub has_labels: bool,
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
    ordering::sort_by_key(&mut items, |x| (x.claim.span, x.student, x.order));
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
    ordering::sort_by(&mut extras, |a, b| {
        b.count
            .cmp(&a.count)
            .then(a.start.cmp(&b.start))
            .then(a.end.cmp(&b.end))
    });
    extras
}

fn report(
    key: &KeySide,
    entries: &[Entry<'_>],
    overrides: &[Overrides],
    rubric: &Rubric,
) -> ClassReport {
    let prepared = KeyPrepared::new(&key.article.text, &key.claims);
    let table = &prepared.table;
    let none = Overrides::default();
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
                    hints_used: None,
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
                hints_used: side.hints_used,
                score: None,
            });
            continue;
        }
        let assessment = assess(
            &prepared,
            &side.claims,
            overrides.get(i).unwrap_or(&none),
            rubric,
        );
        let assessed = &assessment.assessed;
        let mut unmatched = vec![true; side.claims.len()];
        for p in &assessed.pairs {
            found_by[p.key].push(i);
            unmatched[p.student] = false;
        }
        for &s in assessed
            .valid
            .iter()
            .chain(assessed.too_broad.iter().map(|(s, _)| s))
        {
            unmatched[s] = false;
        }
        for (order, claim) in assessed.students.iter().enumerate() {
            if unmatched[order] {
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
            hints_used: side.hints_used,
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
        common_extras: cluster_extras(table, extras, &names),
        key_claims,
        students: rows,
        rubric: *rubric,
        has_labels: prepared.has_labels,
    }
}

/// Scores every submission against the key, in input order. Submissions that do not belong to
/// the key are flagged, not scored, and left out of the class view.
pub fn score_class(key: &KeySide, submissions: &[SubmissionSide], rubric: &Rubric) -> ClassReport {
    score_class_reviewed(key, submissions, &[], rubric)
}

/// The same with the teacher's overrides: `overrides[i]` for `submissions[i]` (none past the
/// end of the list).
pub fn score_class_reviewed(
    key: &KeySide,
    submissions: &[SubmissionSide],
    overrides: &[Overrides],
    rubric: &Rubric,
) -> ClassReport {
    let entries: Vec<Entry<'_>> = submissions.iter().map(Entry::Side).collect();
    report(key, &entries, overrides, rubric)
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
    Ok(report(&key, &entries, &[], rubric))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::{Exercise, Key, Settings, Submission};
    use crate::core::classroom::scoring::score::score_claims;
    use crate::core::classroom::scoring::test_class::*;
    use crate::core::formats::native;
    use crate::core::model::Claim;

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
    fn found_bands_split_the_class_in_quarters() {
        let bands: Vec<usize> = [
            (0, 4),
            (1, 5),
            (1, 4),
            (2, 4),
            (3, 4),
            (4, 4),
            (1, 1),
            (3, 0),
        ]
        .into_iter()
        .map(|(c, n)| found_band(c, n))
        .collect();
        assert_eq!(bands, vec![0, 1, 2, 3, 4, 4, 4, 0]);
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
}
