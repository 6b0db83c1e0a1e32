//! The feedback file a teacher hands back to a student (format version 1):
//! `<exercise-slug>-<student-slug>.feedback.json`, `"format": "claimcheck-feedback"`.
//!
//! It holds the exercise's id, hash, title and article, the student's claims as handed in, what
//! each came to (with the teacher's comment), the key claims the student missed (only their
//! ids and comments), the score's figures, the overall comment, and the key claims themselves
//! only when the teacher released them. `hash` is `"sha256:"` and the hex SHA-256 of the file's
//! JSON (as written, fields in the documented order) with `hash` empty, so a changed or damaged
//! file is told apart. Scores are whole percentages, so the hash never depends on how a
//! fraction is printed.

use serde::{Deserialize, Serialize};

use crate::core::classroom::exercise::{article_hash, slug_or};
use crate::core::classroom::loading::{KeySide, SubmissionSide};
use crate::core::classroom::review_marks::StudentMarks;
use crate::core::classroom::review_results::{student_results, tally, Outcome, Tally};
use crate::core::classroom::scoring::Review;
use crate::core::formats::envelope::{
    self, err, format_of, read_object, FormatError, Numbering, Versions,
};
use crate::core::formats::native;
use crate::core::model::{Article, Claim};
use crate::core::text::file_names::head_at_word_end;
use crate::core::text::offsets::CharTable;

pub const FEEDBACK_FORMAT: &str = "claimcheck-feedback";
pub const FEEDBACK_VERSION: u64 = 1;

/// What one of the student's claims came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimFeedback {
    /// The student's claim id.
    pub claim: String,
    pub outcome: Outcome,
    /// The key claim it found (an id: it says nothing of the key by itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Of a found claim: how much of its span is the key claim's, and how much of the key
    /// claim it covers, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_precision: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_recall: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_agrees: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_agrees: Option<bool>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// A key claim the student did not find.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MissedFeedback {
    pub key: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub format: String,
    pub version: u64,
    /// The exercise's id and hash; `None` when the key was a plain export.
    pub exercise_id: Option<String>,
    pub exercise_hash: Option<String>,
    pub title: String,
    pub article: Article,
    pub student: String,
    /// The whole score in percent, as the class table shows it.
    pub total: Option<u32>,
    pub tally: Tally,
    /// The student's claims as handed in.
    pub claims: Vec<Claim>,
    /// In the order of `claims`.
    pub results: Vec<ClaimFeedback>,
    pub missed: Vec<MissedFeedback>,
    #[serde(default)]
    pub overall: String,
    /// The key claims, only when the teacher released them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Vec<Claim>>,
    pub hash: String,
}

fn percent(x: f64) -> u32 {
    (x.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// `<exercise-slug>-<student-slug>.feedback.json`, each part cut where a word ends.
pub fn feedback_file_name(exercise_title: &str, student: &str) -> String {
    let exercise = slug_or(exercise_title, "exercise");
    let student = slug_or(student, "student");
    format!(
        "{}-{}.feedback.json",
        head_at_word_end(&exercise, 60),
        head_at_word_end(&student, 40)
    )
}

/// What the teacher hands back, from the review of `side` against `key`.
pub struct FeedbackInput<'a> {
    pub key: &'a KeySide,
    pub side: &'a SubmissionSide,
    pub review: &'a Review,
    pub marks: &'a StudentMarks,
    /// The total the class table shows (0 to 1), if scored.
    pub total: Option<f64>,
    pub release_key: bool,
}

impl Feedback {
    pub fn build(input: FeedbackInput<'_>) -> Feedback {
        let FeedbackInput {
            key,
            side,
            review,
            marks,
            total,
            release_key,
        } = input;
        let results = student_results(&side.claims, review);
        let claims = results
            .iter()
            .map(|r| ClaimFeedback {
                claim: r.claim.id.clone(),
                outcome: r.outcome,
                key: r.matched.as_ref().map(|m| m.key.clone()),
                span_precision: r.matched.as_ref().map(|m| percent(m.span_precision)),
                span_recall: r.matched.as_ref().map(|m| percent(m.span_recall)),
                status_agrees: r.matched.as_ref().map(|m| m.status_agrees),
                source_agrees: r.matched.as_ref().and_then(|m| m.source_agrees),
                comment: result_comment(marks, &r.claim.id, r.matched.as_ref().map(|m| &m.key)),
            })
            .collect();
        let mut feedback = Feedback {
            format: FEEDBACK_FORMAT.to_string(),
            version: FEEDBACK_VERSION,
            exercise_id: key.exercise_id.clone(),
            exercise_hash: key.exercise_hash.clone(),
            title: key.title.clone(),
            article: key.article.clone(),
            student: side.student.clone(),
            total: total.map(percent),
            tally: tally(key.claims.len(), &results),
            claims: side.claims.clone(),
            results: claims,
            missed: review
                .missed
                .iter()
                .map(|k| MissedFeedback {
                    key: k.clone(),
                    comment: marks.comment(k).to_string(),
                })
                .collect(),
            overall: marks.overall.trim().to_string(),
            key: release_key.then(|| key.claims.clone()),
            hash: String::new(),
        };
        feedback.hash = feedback.computed_hash();
        feedback
    }

    /// The hash the file's content should have.
    pub fn computed_hash(&self) -> String {
        let unhashed = Feedback {
            hash: String::new(),
            ..self.clone()
        };
        article_hash(&serde_json::to_string(&unhashed).expect("feedback always serializes"))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("feedback always serializes")
    }

    pub fn file_name(&self) -> String {
        feedback_file_name(&self.title, &self.student)
    }

    /// Whether this feedback is on the exercise with `exercise_id`, whose article text is
    /// `text`: by the exercise's id, or for a key that was a plain export, by the text.
    pub fn is_for(&self, exercise_id: &str, text: &str) -> bool {
        match &self.exercise_id {
            Some(id) => id == exercise_id && self.article.text == text,
            None => self.article.text == text,
        }
    }

    pub fn result(&self, claim_id: &str) -> Option<&ClaimFeedback> {
        self.results.iter().find(|r| r.claim == claim_id)
    }
}

/// Whether `text` calls itself a feedback file (nothing is validated).
pub fn is_feedback(text: &str) -> bool {
    envelope::parse_value(text)
        .ok()
        .is_some_and(|v| format_of(&v) == Some(FEEDBACK_FORMAT))
}

/// Reads a feedback file: its format and version, its shape (naming the field), its claims on
/// their quotes in its article, and its hash.
pub fn parse_feedback(text: &str) -> Result<Feedback, FormatError> {
    let value = read_object(text)?;
    match format_of(&value) {
        Some(FEEDBACK_FORMAT) => {}
        Some(other) => {
            return err(format!(
                "This is not a feedback file: its \"format\" is \"{other}\", not \"{FEEDBACK_FORMAT}\"."
            ))
        }
        None => return err("This is not a feedback file: it has no \"format\"."),
    }
    let versions = Versions {
        oldest: 1,
        newest: FEEDBACK_VERSION,
        noun: "feedback file",
        numbering: Numbering::Format,
    };
    versions.check(&value, "")?;
    let feedback: Feedback = envelope::typed(&value, "The file's contents do not")?;
    let table = CharTable::new(&feedback.article.text);
    native::check_claims(&feedback.claims, Some(&table))?;
    if let Some(key) = &feedback.key {
        native::check_claims(key, Some(&table))?;
    }
    if feedback.results.len() != feedback.claims.len()
        || feedback
            .results
            .iter()
            .zip(&feedback.claims)
            .any(|(r, c)| r.claim != c.id)
    {
        return err("results do not follow the claims one for one.");
    }
    if feedback.hash != feedback.computed_hash() {
        return err(
            "hash does not match the feedback's content: the file was changed or damaged after the teacher made it.",
        );
    }
    Ok(feedback)
}

/// What the teacher said about one of the student's claims: its own comment and, when it found
/// a key claim, the comment written on that key claim in the review, so neither is lost.
fn result_comment(marks: &StudentMarks, claim: &str, key: Option<&String>) -> String {
    let own = marks.comment(claim).trim();
    let on_key = key.map_or("", |k| marks.comment(k).trim());
    match (own.is_empty(), on_key.is_empty()) {
        (_, true) => own.to_string(),
        (true, false) => on_key.to_string(),
        (false, false) => format!("{own}\n{on_key}"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::Submission;
    use crate::core::classroom::review_marks::Decision;
    use crate::core::classroom::scoring::review_in;
    use crate::core::classroom::test_exercise::{claim, exercise, key, TEXT};

    fn feedback(release_key: bool) -> Feedback {
        let key = KeySide::from_key(key());
        let sub = Submission::new(
            &exercise(),
            "Ana Lima",
            vec![
                claim(TEXT, "s1", "the ruler had agreed to step down. The palace"),
                claim(TEXT, "s2", "The palace did not respond"),
            ],
            "t0",
            "t1",
        );
        let side = SubmissionSide::from_submission(sub, "");
        let mut marks = StudentMarks::default();
        marks.decide(Decision::Valid("s2".into()));
        marks.set_comment("s1".into(), "Stop at the full stop.".into());
        marks.set_comment("k1".into(), "Name who reports it.".into());
        marks.overall = "Careful reading. ".into();
        let r = review_in(
            &key.article.text,
            &key.claims,
            &side.claims,
            &marks.overrides,
        );
        Feedback::build(FeedbackInput {
            key: &key,
            side: &side,
            review: &r,
            marks: &marks,
            total: Some(0.8149),
            release_key,
        })
    }

    #[test]
    fn feedback_round_trips_with_and_without_the_key() {
        let kept = feedback(false);
        assert_eq!(
            kept.file_name(),
            "ruler-to-step-down-post-reports-ana-lima.feedback.json"
        );
        let json = kept.to_json();
        assert!(
            !json.contains("\"key\": ["),
            "the key stays with the teacher"
        );
        assert!(!json.contains("\"k1\": "), "{json}");
        let back = parse_feedback(&json).unwrap();
        assert_eq!(back, kept);
        assert_eq!(back.total, Some(81));
        assert_eq!(back.results[0].outcome, Outcome::Found);
        assert_eq!(
            back.results[0].comment, "Stop at the full stop.\nName who reports it.",
            "a comment on the key claim found goes back with the claim that found it"
        );
        assert_eq!(back.results[1].outcome, Outcome::Valid);
        assert_eq!(back.overall, "Careful reading.");
        assert_eq!((back.tally.found, back.tally.valid_extra), (1, 1));
        assert!(back.key.is_none());
        let released = feedback(true);
        let back = parse_feedback(&released.to_json()).unwrap();
        assert_eq!(back.key.as_ref().unwrap()[0].id, "k1");
        assert!(back.is_for(&exercise().id, TEXT));
        assert!(!back.is_for("ex-other", TEXT));
        assert!(is_feedback(&released.to_json()) && !is_feedback(&key().to_json()));
    }

    #[test]
    fn a_changed_foreign_or_newer_feedback_file_is_told_so() {
        let json = feedback(false).to_json();
        let changed = json.replace("Careful reading.", "Brilliant!");
        let e = parse_feedback(&changed).unwrap_err().0;
        assert!(e.contains("changed or damaged"), "{e}");
        let e = parse_feedback(&key().to_json()).unwrap_err().0;
        assert_eq!(e, "This is not a feedback file: its \"format\" is \"claimcheck-key\", not \"claimcheck-feedback\".");
        let newer = json.replace("\"version\": 1", "\"version\": 2");
        assert!(parse_feedback(&newer)
            .unwrap_err()
            .0
            .contains("newer Claimcheck"));
        let e = parse_feedback(&json[..json.len() / 2]).unwrap_err().0;
        assert!(!e.is_empty());
        let shape = json.replace("\"outcome\": \"found\"", "\"outcome\": \"great\"");
        assert!(
            parse_feedback(&shape)
                .unwrap_err()
                .0
                .contains("results[0].outcome"),
            "names the field"
        );
    }
}
