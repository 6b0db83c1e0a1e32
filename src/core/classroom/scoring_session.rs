//! What a teacher loads to score a class: the key, the students' work and the files that could
//! not be used, sorted as they come in.

use std::collections::BTreeMap;

use crate::core::classroom::exercise::student_name_from_file_name;
use crate::core::classroom::files::{file_kind, FileKind};
use crate::core::classroom::loading::{parse_key, parse_submission, KeySide, SubmissionSide};
use crate::core::classroom::review_marks::StudentMarks;

/// What a teacher loaded to score a class, and their review of it. Kept apart from the rest of
/// the classroom state, per exercise (`saved_scoring`), until the teacher clears it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoringSession {
    pub key: Option<KeySide>,
    pub submissions: Vec<SubmissionSide>,
    /// Files that could not be used, with why.
    pub problems: Vec<String>,
    /// The teacher's overrides and comments, by student name.
    pub marks: BTreeMap<String, StudentMarks>,
    /// The student whose work is open for review, if any (not kept over a reload).
    pub reviewing: Option<String>,
}

/// Whether a file's name calls it a key: the word "key" in it (`port.key.json`,
/// `answer-key.json`), not just the letters (`mickey.claims.json`).
fn named_as_key(name: &str) -> bool {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word == "key")
}

/// Adds files a teacher loaded for scoring: a key file, or a Claimcheck export named as a key,
/// becomes the key (only when none is loaded: a second key is refused, never swapped in
/// silently); submissions and other exports are students' work (the same file twice counts
/// once); anything else is listed as a problem.
pub fn load_scoring_files(session: &mut ScoringSession, files: &[(String, String)]) {
    for (name, text) in files {
        let kind = file_kind(text);
        let as_key = match kind {
            Some(FileKind::Key) => true,
            Some(FileKind::Export) => named_as_key(name),
            _ => false,
        };
        if as_key {
            match (&session.key, parse_key(text)) {
                (_, Err(e)) => session.problems.push(format!("{name}: {e}")),
                (Some(loaded), Ok(key)) if *loaded != key => session.problems.push(format!(
                    "{name} is another answer key; the key for “{}” stays loaded (Clear scoring session to start over).",
                    loaded.title
                )),
                (Some(_), Ok(_)) => {}
                (None, Ok(key)) => session.key = Some(key),
            }
            continue;
        }
        match kind {
            Some(FileKind::Submission) | Some(FileKind::Export) => {
                match parse_submission(text, &student_name_from_file_name(name)) {
                    Ok(side) if session.submissions.contains(&side) => session
                        .problems
                        .push(format!("{name} was loaded already; it counts once.")),
                    Ok(side) => session.submissions.push(side),
                    Err(e) => session.problems.push(format!("{name}: {e}")),
                }
            }
            Some(FileKind::Exercise) => session.problems.push(format!(
                "{name} is the exercise handed to students; load the key (.key.json) to score."
            )),
            _ => session.problems.push(format!(
                "{name} is not a key, a submission or a Claimcheck export."
            )),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::Settings;
    use crate::core::classroom::session::{build_exercise, submission, StudentWork};
    use crate::core::classroom::test_exercise::{article, claim, draft, TEXT};
    use crate::core::formats::native;

    #[test]
    fn loaded_files_are_sorted_into_key_submissions_and_problems() {
        let claims = vec![claim(TEXT, "k1", "the ruler had agreed to step down")];
        let (ex, key) = build_exercise(&article(TEXT), &claims, &draft(Settings::default()), "t");
        let work = StudentWork {
            exercise: ex.clone(),
            student: "Ana".into(),
            started: "t0".into(),
            hints_used: 0,
        };
        let (name, sub) = submission(&work, &claims, "t1");
        assert!(name.ends_with("-ana.submission.json"), "{name}");
        let export = native::to_json(&article(TEXT), &claims, &[]);
        let mut session = ScoringSession::default();
        load_scoring_files(
            &mut session,
            &[
                (name, sub),
                ("ruler.key.json".into(), key.to_json()),
                ("ben.claims.json".into(), export.clone()),
                ("ruler.exercise.json".into(), ex.to_json()),
                ("notes.json".into(), "{\"hello\": 1}".into()),
                ("broken.submission.json".into(), "{".into()),
            ],
        );
        assert!(session.key.is_some());
        let names: Vec<&str> = session
            .submissions
            .iter()
            .map(|s| s.student.as_str())
            .collect();
        assert_eq!(names, ["Ana", "ben"]);
        assert_eq!(session.problems.len(), 3, "{:?}", session.problems);
        assert!(session.problems[0].contains("exercise handed to students"));
        // An export named as a key is a key; one merely containing the letters is not.
        let mut s2 = ScoringSession::default();
        load_scoring_files(
            &mut s2,
            &[
                ("mickey.claims.json".into(), export.clone()),
                ("teacher-key.json".into(), export.clone()),
            ],
        );
        assert!(s2.key.is_some());
        assert_eq!(s2.submissions[0].student, "mickey");
        // A second, different key is refused; the same file twice counts once.
        let mut other = article(TEXT);
        other.text = format!("{TEXT} More.");
        let other_key = native::to_json(&other, &claims, &[]);
        load_scoring_files(
            &mut s2,
            &[
                ("other.key.json".into(), other_key),
                ("mickey.claims.json".into(), export),
            ],
        );
        assert_eq!(s2.key.as_ref().unwrap().article.text, TEXT);
        assert_eq!(s2.submissions.len(), 1);
        assert!(
            s2.problems[0].contains("is another answer key"),
            "{:?}",
            s2.problems
        );
        assert!(s2.problems[1].contains("loaded already"));
    }

    #[test]
    fn an_empty_submission_on_another_text_is_flagged_even_against_a_plain_export() {
        let (ex, _) = build_exercise(&article(TEXT), &[], &draft(Settings::default()), "t");
        let work = StudentWork {
            exercise: ex,
            student: "Ana".into(),
            started: "2026-01-01T00:00:00Z".into(),
            hints_used: 0,
        };
        let (name, sub) = submission(&work, &[], "2026-01-01T01:00:00Z");
        let mut other = article(TEXT);
        other.text = "Another story entirely, with nothing in common.".into();
        let key = native::to_json(&other, &[], &[]);
        let mut session = ScoringSession::default();
        load_scoring_files(&mut session, &[("a.key.json".into(), key), (name, sub)]);
        let side = &session.submissions[0];
        let problem = side.problem_with(session.key.as_ref().unwrap()).unwrap();
        assert!(problem.contains("different article text"), "{problem}");
    }
}
