//! For the tests of reviewing and feedback: a council story, its exercise and key, and two
//! students' submissions to it.

use crate::core::classroom::exercise::{Exercise, Key};
use crate::core::classroom::session::{build_exercise, submission, ExerciseDraft, StudentWork};
use crate::core::model::{Article, Claim, SourceKind};
use crate::core::test_claims::claim_on;

pub const TEXT: &str = "The mayor said the bridge will close in May. Engineers told the council it was unsafe. A spokesman declined to comment on the cost, which critics say doubled.";

pub fn article() -> Article {
    Article {
        id: "bridge".into(),
        title: "Bridge to close".into(),
        text: TEXT.into(),
        ..Article::default()
    }
}

pub fn key_claims() -> Vec<Claim> {
    let mut k1 = claim_on(TEXT, "k1", "the bridge will close in May");
    k1.source_kind = Some(SourceKind::Person);
    vec![k1, claim_on(TEXT, "k2", "it was unsafe")]
}

pub fn exercise_and_key() -> (Exercise, Key) {
    build_exercise(
        &article(),
        &key_claims(),
        &ExerciseDraft::default(),
        "2026-03-01T09:00:00Z",
    )
}

/// `student`'s submission (file name and JSON) of claims on `quotes`.
pub fn submission_of(exercise: &Exercise, student: &str, quotes: &[&str]) -> (String, String) {
    let work = StudentWork {
        exercise: exercise.clone(),
        student: student.into(),
        started: "2026-03-02T09:00:00Z".into(),
        hints_used: 0,
    };
    let claims: Vec<Claim> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| claim_on(TEXT, &format!("{}-{}", student.to_lowercase(), i + 1), q))
        .collect();
    submission(&work, &claims, "2026-03-02T09:30:00Z")
}

/// The key file and Ana's and Ben's submissions: Ana finds the bridge claim and marks the
/// cost as an extra; Ben finds both, the second a little short.
pub fn class_files() -> (Exercise, Vec<(String, String)>) {
    let (exercise, key) = exercise_and_key();
    let files = vec![
        (key.file_name(), key.to_json()),
        submission_of(
            &exercise,
            "Ana",
            &["the bridge will close in May", "which critics say doubled"],
        ),
        submission_of(
            &exercise,
            "Ben",
            &["the bridge will close in May", "was unsafe"],
        ),
    ];
    (exercise, files)
}
