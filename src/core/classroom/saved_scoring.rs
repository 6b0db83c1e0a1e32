//! The scoring session as it is kept in the browser's storage: the key, the submissions and
//! the teacher's overrides and comments, one entry per exercise, until the teacher clears it.
//! Loading an exercise's key again brings its session back (`merge_saved`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::classroom::loading::{KeySide, SubmissionSide};
use crate::core::classroom::review_marks::StudentMarks;
use crate::core::classroom::scoring_session::ScoringSession;
use crate::core::formats::envelope::{self, format_of, read_object, Numbering, Versions};

/// Each exercise's session is kept under this prefix and [`session_id`].
pub const SCORING_PREFIX: &str = "claimcheck:scoring:";
/// The id of the session the teacher has open, so a reload opens it again.
pub const OPEN_SCORING_KEY: &str = "claimcheck:scoring-open";
pub const SESSION_FORMAT: &str = "claimcheck-scoring-session";
pub const SESSION_VERSION: u64 = 1;
/// The id of a session with submissions but no key yet.
pub const NO_KEY: &str = "no-key";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Saved {
    format: String,
    version: u64,
    key: Option<KeySide>,
    #[serde(default)]
    submissions: Vec<SubmissionSide>,
    #[serde(default)]
    marks: BTreeMap<String, StudentMarks>,
}

/// Which exercise a session scores: the key's exercise id, or for a key that is a plain export,
/// its article text's hash ([`NO_KEY`] before a key is loaded).
pub fn session_id(session: &ScoringSession) -> String {
    match &session.key {
        None => NO_KEY.to_string(),
        Some(key) => key.exercise_id.clone().unwrap_or_else(|| {
            let hex = key.article_hash.trim_start_matches("sha256:");
            format!("text-{}", &hex[..hex.len().min(16)])
        }),
    }
}

/// Where session `id` is kept.
pub fn scoring_key(id: &str) -> String {
    format!("{SCORING_PREFIX}{id}")
}

/// Whether there is nothing in `session` worth keeping (problems with files are only said).
pub fn is_empty(session: &ScoringSession) -> bool {
    session.key.is_none()
        && session.submissions.is_empty()
        && session.marks.values().all(StudentMarks::is_empty)
}

pub fn to_saved_json(session: &ScoringSession) -> String {
    let saved = Saved {
        format: SESSION_FORMAT.to_string(),
        version: SESSION_VERSION,
        key: session.key.clone(),
        submissions: session.submissions.clone(),
        marks: session
            .marks
            .iter()
            .filter(|(_, m)| !m.is_empty())
            .map(|(k, m)| (k.clone(), m.clone()))
            .collect(),
    };
    serde_json::to_string(&saved).expect("the scoring session always serializes")
}

/// Reads a kept session; what cannot be read is said (the caller keeps the text aside).
pub fn from_saved_json(text: &str) -> Result<ScoringSession, String> {
    let value = read_object(text).map_err(|e| e.0)?;
    if format_of(&value) != Some(SESSION_FORMAT) {
        return Err("This is not a kept scoring session.".to_string());
    }
    let versions = Versions {
        oldest: 1,
        newest: SESSION_VERSION,
        noun: "scoring session",
        numbering: Numbering::Format,
    };
    versions.check(&value, "").map_err(|e| e.0)?;
    let saved: Saved =
        envelope::typed(&value, "The kept scoring session does not").map_err(|e| e.0)?;
    Ok(ScoringSession {
        key: saved.key,
        submissions: saved.submissions,
        marks: saved.marks,
        ..ScoringSession::default()
    })
}

/// Brings `saved`, the kept session of the exercise whose key was just loaded, back into
/// `current`: its submissions first, then those loaded now that it lacks; its marks, with
/// marks made now winning.
pub fn merge_saved(current: &mut ScoringSession, saved: ScoringSession) {
    let mut submissions = saved.submissions;
    for side in current.submissions.drain(..) {
        if !submissions.contains(&side) {
            submissions.push(side);
        }
    }
    current.submissions = submissions;
    let mut marks = saved.marks;
    marks.extend(std::mem::take(&mut current.marks));
    current.marks = marks;
    if current.key.is_none() {
        current.key = saved.key;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::Submission;
    use crate::core::classroom::review_marks::Decision;
    use crate::core::classroom::test_exercise::{claim, exercise, key, TEXT};

    fn session() -> ScoringSession {
        let sub = Submission::new(
            &exercise(),
            "Ana",
            vec![claim(TEXT, "s1", "the ruler had agreed")],
            "t0",
            "t1",
        );
        let mut marks = StudentMarks::default();
        marks.decide(Decision::Accept("k1".into(), "s1".into()));
        marks.set_comment("s1".into(), "Take the whole clause.".into());
        marks.overall = "Good eye for sources.".into();
        ScoringSession {
            key: Some(KeySide::from_key(key())),
            submissions: vec![SubmissionSide::from_submission(sub, "ana")],
            problems: vec!["x.json is not a key".into()],
            marks: BTreeMap::from([("Ana".to_string(), marks)]),
            reviewing: Some("Ana".into()),
        }
    }

    #[test]
    fn a_session_with_its_overrides_and_comments_round_trips() {
        let s = session();
        let back = from_saved_json(&to_saved_json(&s)).unwrap();
        assert_eq!(back.key, s.key);
        assert_eq!(back.submissions, s.submissions);
        assert_eq!(back.marks, s.marks);
        assert!(back.problems.is_empty(), "problems are said, not kept");
        assert_eq!(back.reviewing, None);
        assert_eq!(session_id(&s), exercise().id);
        assert!(!is_empty(&s) && is_empty(&ScoringSession::default()));
    }

    #[test]
    fn an_unreadable_or_newer_session_is_said_so() {
        assert!(from_saved_json("{").is_err());
        assert_eq!(
            from_saved_json("{\"format\":\"claimcheck\",\"version\":1}").unwrap_err(),
            "This is not a kept scoring session."
        );
        let newer = to_saved_json(&session()).replace("\"version\":1", "\"version\":9");
        assert!(from_saved_json(&newer)
            .unwrap_err()
            .contains("newer Claimcheck"));
        let wrong = to_saved_json(&session()).replace("\"submissions\":[", "\"submissions\":[5,");
        assert!(from_saved_json(&wrong)
            .unwrap_err()
            .contains("expected shape"));
    }

    #[test]
    fn a_kept_session_comes_back_under_what_is_loaded_now() {
        let saved = session();
        let mut now = ScoringSession {
            key: saved.key.clone(),
            submissions: vec![saved.submissions[0].clone()],
            ..ScoringSession::default()
        };
        let mut ben = saved.submissions[0].clone();
        ben.student = "Ben".into();
        now.submissions.push(ben);
        now.marks.insert(
            "Ben".into(),
            StudentMarks {
                overall: "Late.".into(),
                ..StudentMarks::default()
            },
        );
        merge_saved(&mut now, saved.clone());
        let names: Vec<&str> = now.submissions.iter().map(|s| s.student.as_str()).collect();
        assert_eq!(names, ["Ana", "Ben"], "the same file counts once");
        assert_eq!(now.marks["Ana"], saved.marks["Ana"]);
        assert_eq!(now.marks["Ben"].overall, "Late.");
        // A key of a plain export is kept under its text's hash.
        let mut export_key = saved.key.clone().unwrap();
        export_key.exercise_id = None;
        let s = ScoringSession {
            key: Some(export_key),
            ..ScoringSession::default()
        };
        assert!(session_id(&s).starts_with("text-") && session_id(&s).len() == 21);
        assert_eq!(session_id(&ScoringSession::default()), NO_KEY);
    }
}
