//! The one loader of scoring's inputs: an answer key and a student's work, each from its
//! classroom file or from a plain Claimcheck JSON export, as the two sides that scoring compares.

use crate::core::classroom::exercise::{
    article_hash, Key, Submission, KEY_FORMAT, SUBMISSION_FORMAT,
};
use crate::core::classroom::files::{
    key_from_value, submission_from_value, wrong_format, FileKind,
};
use crate::core::formats::envelope::{format_of, read_object, FormatError};
use crate::core::formats::native;
use crate::core::model::{Article, Claim, Document};
use crate::core::text::offsets::CharTable;
use crate::core::text::quotes::{shorten, Cut};

/// An answer key, from a key file or a plain Claimcheck JSON export. Serialized only to keep
/// the scoring session (`saved_scoring`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeySide {
    /// [`FileKind::Key`] or [`FileKind::Export`].
    pub kind: FileKind,
    /// The exercise's id and hash; `None` for an export.
    pub exercise_id: Option<String>,
    pub exercise_hash: Option<String>,
    pub title: String,
    pub article: Article,
    /// [`article_hash`] of `article.text`.
    pub article_hash: String,
    pub claims: Vec<Claim>,
}

impl KeySide {
    pub fn from_key(key: Key) -> KeySide {
        KeySide {
            kind: FileKind::Key,
            exercise_id: Some(key.exercise.id),
            exercise_hash: Some(key.exercise.hash),
            title: key.exercise.title,
            article_hash: article_hash(&key.exercise.article.text),
            article: key.exercise.article,
            claims: key.claims,
        }
    }

    /// An export as a key: its claims are the key claims (orphans are left out).
    pub fn from_export(doc: Document) -> KeySide {
        KeySide {
            kind: FileKind::Export,
            exercise_id: None,
            exercise_hash: None,
            title: doc.article.title.clone(),
            article_hash: article_hash(&doc.article.text),
            article: doc.article,
            claims: doc.claims,
        }
    }
}

/// A student's work, from a submission file or a plain Claimcheck JSON export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionSide {
    /// [`FileKind::Submission`] or [`FileKind::Export`].
    pub kind: FileKind,
    pub student: String,
    /// From a submission file: the exercise it was made for.
    pub exercise_id: Option<String>,
    pub exercise_hash: Option<String>,
    /// From an export: [`article_hash`] of the article text it was made on.
    pub article_hash: Option<String>,
    pub claims: Vec<Claim>,
    pub started: Option<String>,
    pub submitted: Option<String>,
    /// From a submission file: how many hints the student asked for.
    pub hints_used: Option<u32>,
}

fn non_blank(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl SubmissionSide {
    /// The student is the file's, or `fallback_name` when the file's is blank.
    pub fn from_submission(sub: Submission, fallback_name: &str) -> SubmissionSide {
        SubmissionSide {
            kind: FileKind::Submission,
            student: non_blank(&sub.student)
                .or_else(|| non_blank(fallback_name))
                .unwrap_or_else(|| "Student".to_string()),
            exercise_id: Some(sub.exercise_id),
            exercise_hash: Some(sub.hash),
            article_hash: non_blank(&sub.article_hash),
            claims: sub.claims,
            started: non_blank(&sub.started),
            submitted: non_blank(&sub.submitted),
            hints_used: Some(sub.hints_used),
        }
    }

    /// The student is `fallback_name`, or the article's title when that is blank.
    pub fn from_export(doc: Document, fallback_name: &str) -> SubmissionSide {
        SubmissionSide {
            kind: FileKind::Export,
            student: non_blank(fallback_name)
                .or_else(|| non_blank(&doc.article.title))
                .unwrap_or_else(|| "Student".to_string()),
            exercise_id: None,
            exercise_hash: None,
            article_hash: Some(article_hash(&doc.article.text)),
            claims: doc.claims,
            started: None,
            submitted: None,
            hints_used: None,
        }
    }

    /// Why this submission cannot be scored against `key`, if it cannot: it was made for another
    /// exercise, for another version of this one, on another article text, or its claims are
    /// not where their quotes are in the key's article.
    pub fn problem_with(&self, key: &KeySide) -> Option<String> {
        if let (Some(mine), Some(theirs)) = (&self.exercise_id, &key.exercise_id) {
            if mine != theirs {
                return Some(format!(
                    "This submission is for another exercise (id {mine}); the key is for exercise {theirs}."
                ));
            }
        }
        if let (Some(mine), Some(theirs)) = (&self.exercise_hash, &key.exercise_hash) {
            if mine != theirs {
                return Some(
                    "This submission was made for a changed version of this exercise: its article, instructions or settings differ from the key's."
                        .to_string(),
                );
            }
        }
        if let Some(mine) = &self.article_hash {
            if *mine != key.article_hash {
                return Some(
                    "This submission was made on a different article text than the key's (another article, or a changed version of it)."
                        .to_string(),
                );
            }
        }
        let table = CharTable::new(&key.article.text);
        for (i, claim) in self.claims.iter().enumerate() {
            let p = claim.position;
            if table.slice(p.start, p.end) != Some(claim.quote.exact.as_str()) {
                return Some(format!(
                    "Claim {} of this submission (\"{}\") is not at its place in the key's article: the submission was made on a different article text.",
                    i + 1,
                    shorten(&claim.quote.exact, Cut::Chars(40))
                ));
            }
        }
        None
    }
}

/// Reads an answer key: a key file, or a plain Claimcheck JSON export (read as
/// `native::parse_strict` does) whose claims are the key claims.
pub fn parse_key(text: &str) -> Result<KeySide, FormatError> {
    let value = read_object(text)?;
    match format_of(&value) {
        Some(KEY_FORMAT) => key_from_value(value).map(KeySide::from_key),
        Some(f) if f == native::FORMAT => native::parse_strict(text).map(KeySide::from_export),
        found => Err(wrong_format(found, &[FileKind::Key, FileKind::Export])),
    }
}

/// Reads a student's work: a submission file, or a plain Claimcheck JSON export. The student's
/// name is the submission's own; for an export (or a submission without a name) it is
/// `fallback_name` (such as the file name without its extension, see
/// [`student_name_from_file_name`](super::exercise::student_name_from_file_name)), or else the
/// article's title.
pub fn parse_submission(text: &str, fallback_name: &str) -> Result<SubmissionSide, FormatError> {
    let value = read_object(text)?;
    match format_of(&value) {
        Some(SUBMISSION_FORMAT) => submission_from_value(value)
            .map(|sub| SubmissionSide::from_submission(sub, fallback_name)),
        Some(f) if f == native::FORMAT => {
            native::parse_strict(text).map(|doc| SubmissionSide::from_export(doc, fallback_name))
        }
        found => Err(wrong_format(
            found,
            &[FileKind::Submission, FileKind::Export],
        )),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::Exercise;
    use crate::core::classroom::test_exercise::*;

    #[test]
    fn a_plain_export_is_a_key_and_a_submission() {
        let a = article(TEXT);
        let claims = vec![claim(TEXT, "c1", "the ruler had agreed to step down")];
        let export = native::to_json(&a, &claims, &[]);
        let key = parse_key(&export).unwrap();
        assert_eq!(key.kind, FileKind::Export);
        assert_eq!(key.exercise_id, None);
        assert_eq!(key.claims, claims);
        assert_eq!(key.article_hash, article_hash(TEXT));
        assert_eq!(key.title, a.title);

        let sub = parse_submission(&export, "ana-lopez").unwrap();
        assert_eq!(sub.kind, FileKind::Export);
        assert_eq!(sub.student, "ana-lopez");
        assert_eq!(
            sub.article_hash.as_deref(),
            Some(article_hash(TEXT).as_str())
        );
        assert_eq!(sub.problem_with(&key), None);
        // Without a fallback name the article's title names the student.
        assert_eq!(
            parse_submission(&export, "  ").unwrap().student,
            "Ruler to step down, Post reports"
        );
        // An export whose claims are off their quotes is refused as parse_strict refuses it.
        let bad = edit(&export, |v| v["claims"][0]["quote"]["exact"] = "six".into());
        assert!(parse_submission(&bad, "x")
            .unwrap_err()
            .0
            .contains("does not match the article text"));
    }

    #[test]
    fn a_submission_without_a_name_takes_the_fallback() {
        let key = key();
        let sub = Submission::new(&key.exercise, " ", vec![], "", "").to_json();
        let side = parse_submission(&sub, "ben-okafor").unwrap();
        assert_eq!(side.student, "ben-okafor");
        assert_eq!((side.started, side.submitted), (None, None));
        assert_eq!(parse_submission(&sub, "").unwrap().student, "Student");
    }

    #[test]
    fn submissions_that_do_not_belong_are_flagged() {
        let key_file = key();
        let key = parse_key(&key_file.to_json()).unwrap();
        let good_claim = claim(TEXT, "s1", "the ruler had agreed to step down");
        let good = Submission::new(&key_file.exercise, "A", vec![good_claim.clone()], "", "");
        let side = |s: &Submission| parse_submission(&s.to_json(), "x").unwrap();
        assert_eq!(side(&good).problem_with(&key), None);

        // Another exercise.
        let mut other = good.clone();
        other.exercise_id = "ex-somewhere-else".into();
        let problem = side(&other).problem_with(&key).unwrap();
        assert!(problem.contains("for another exercise"), "{problem}");

        // Same exercise id, but the exercise changed since the student got it.
        let changed_text = TEXT.replace("did not respond", "declined to respond");
        let changed = Exercise::new(
            article(&changed_text),
            "Mark every sourced claim.",
            settings(),
            None,
            key_file.exercise.id.clone(),
        );
        let sub = Submission::new(&changed, "A", vec![good_claim.clone()], "", "");
        let problem = side(&sub).problem_with(&key).unwrap();
        assert!(
            problem.contains("changed version of this exercise"),
            "{problem}"
        );

        // An export made on a changed article text.
        let mut a = article(&changed_text);
        a.id = key.article.id.clone();
        let export = native::to_json(&a, &[], &[]);
        let problem = parse_submission(&export, "x")
            .unwrap()
            .problem_with(&key)
            .unwrap();
        assert!(problem.contains("different article text"), "{problem}");

        // Against a key from an export (no exercise hash), claims off the key's text flag it.
        let export_key = parse_key(&native::to_json(&key.article, &key.claims, &[])).unwrap();
        assert_eq!(side(&good).problem_with(&export_key), None);
        let shifted_text = format!("UPDATED: {TEXT}");
        let shifted = claim(&shifted_text, "s1", "the ruler had agreed to step down");
        let sub = Submission::new(&key_file.exercise, "A", vec![shifted], "", "");
        let problem = side(&sub).problem_with(&export_key).unwrap();
        assert!(
            problem
                .starts_with("Claim 1 of this submission (\"the ruler had agreed to step down\")"),
            "{problem}"
        );
    }

    #[test]
    fn a_misplaced_claim_is_named_by_its_first_40_characters() {
        let key_file = key();
        let key = parse_key(&key_file.to_json()).unwrap();
        let export_key = parse_key(&native::to_json(&key.article, &key.claims, &[])).unwrap();
        let shifted_text = format!("UPDATED: {TEXT}");
        let long = claim(
            &shifted_text,
            "s1",
            "The Washington Post reported, citing confidential documents",
        );
        let sub = Submission::new(&key_file.exercise, "A", vec![long], "", "");
        let problem = parse_submission(&sub.to_json(), "x")
            .unwrap()
            .problem_with(&export_key)
            .unwrap();
        assert!(
            problem.starts_with(
                "Claim 1 of this submission (\"The Washington Post reported, citing con…\") is not at its place"
            ),
            "{problem}"
        );
    }
}
