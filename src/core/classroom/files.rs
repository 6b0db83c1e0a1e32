//! The files of a classroom exercise (format version 1), and reading them.
//!
//! A teacher marks the key claims of an article and hands out an **exercise**; students mark the
//! claims themselves and hand back a **submission**; the teacher scores the submissions against
//! the **key** (see `scoring`). Three files, each a JSON object with a `format` and a `version`:
//!
//! - `<slug>.exercise.json` (`"format": "claimcheck-exercise"`), for students: `id`, `hash`,
//!   `title`, `instructions`, `settings`, `claimCount` and the `article` — never the key claims.
//! - `<slug>.key.json` (`"format": "claimcheck-key"`), for the teacher: the `exercise` and its
//!   key `claims`.
//! - `<exercise-slug>-<student-slug>.submission.json` (`"format": "claimcheck-submission"`):
//!   `exerciseId`, `hash` (the exercise's), `student`, `claims`, `started` and `submitted`
//!   (RFC 3339 timestamps).
//!
//! The types are in `exercise`. For scoring, a key may also be a plain Claimcheck JSON export
//! (`"format": "claimcheck"`), and so may a submission: `loading` reads both kinds.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::classroom::exercise::{
    Exercise, Key, Submission, EXERCISE_FORMAT, KEY_FORMAT, SUBMISSION_FORMAT, VERSION,
};
pub use crate::core::classroom::labels::check_label_set;
use crate::core::formats::envelope::FormatError;
use crate::core::formats::envelope::{self, err, format_of, read_object, Numbering, Versions};
use crate::core::formats::{link_fields, native};
use crate::core::model::Claim;
use crate::core::text::offsets::CharTable;

/// The kinds of file that [`file_kind`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileKind {
    Exercise,
    Key,
    Submission,
    /// A plain Claimcheck JSON export (`formats::native`).
    Export,
}

impl FileKind {
    pub const ALL: [FileKind; 4] = [
        FileKind::Exercise,
        FileKind::Key,
        FileKind::Submission,
        FileKind::Export,
    ];

    /// The value of the file's `format` field.
    pub fn format(self) -> &'static str {
        match self {
            FileKind::Exercise => EXERCISE_FORMAT,
            FileKind::Key => KEY_FORMAT,
            FileKind::Submission => SUBMISSION_FORMAT,
            FileKind::Export => native::FORMAT,
        }
    }

    pub fn from_format(format: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.format() == format)
    }

    /// "a Claimcheck key file", for "This is …".
    fn described(self) -> &'static str {
        match self {
            FileKind::Exercise => "a Claimcheck exercise",
            FileKind::Key => "a Claimcheck key file",
            FileKind::Submission => "a Claimcheck submission",
            FileKind::Export => "a Claimcheck JSON export",
        }
    }

    /// "an exercise", for "…, not …".
    fn wanted(self) -> &'static str {
        match self {
            FileKind::Exercise => "an exercise",
            FileKind::Key => "a key file",
            FileKind::Submission => "a submission",
            FileKind::Export => "a Claimcheck JSON export",
        }
    }

    /// "key file", for version messages.
    fn noun(self) -> &'static str {
        match self {
            FileKind::Exercise => "exercise",
            FileKind::Key => "key file",
            FileKind::Submission => "submission",
            FileKind::Export => "file",
        }
    }
}

/// Which kind of Claimcheck file `text` is, by its `format` field (nothing is validated).
pub fn file_kind(text: &str) -> Option<FileKind> {
    format_of(&envelope::parse_value(text).ok()?).and_then(FileKind::from_format)
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// "This is a Claimcheck key file, not an exercise." and the like; `wanted` lists what was
/// expected.
pub(crate) fn wrong_format(found: Option<&str>, wanted: &[FileKind]) -> FormatError {
    let expected = wanted
        .iter()
        .map(|k| k.wanted())
        .collect::<Vec<_>>()
        .join(" or ");
    match found.and_then(FileKind::from_format) {
        Some(FileKind::Exercise) if wanted.contains(&FileKind::Key) => FormatError(
            "This is a Claimcheck exercise, not a key file: the exercise handed to students holds no key claims. Open the key file (….key.json) instead."
                .to_string(),
        ),
        Some(kind) => FormatError(format!("This is {}, not {expected}.", kind.described())),
        None => {
            let formats = wanted
                .iter()
                .map(|k| format!("\"{}\"", k.format()))
                .collect::<Vec<_>>()
                .join(" or ");
            FormatError(format!(
                "This is not {expected}: its \"format\" is not {formats}."
            ))
        }
    }
}

/// Checks `value["version"]` (`path` is where `value` is in the file, for the message).
fn check_version(value: &Value, kind: FileKind, path: &str) -> Result<(), FormatError> {
    let versions = Versions {
        oldest: 1,
        newest: VERSION,
        noun: kind.noun(),
        numbering: Numbering::Format,
    };
    versions.check(value, path).map(|_| ())
}

/// Deserializes with serde's error located by its path in the file.
fn shape<T: DeserializeOwned>(value: Value) -> Result<T, FormatError> {
    envelope::typed(&value, "The file's contents do not")
}

fn validate_exercise(ex: &Exercise, path: &str) -> Result<(), FormatError> {
    if ex.id.trim().is_empty() {
        return err(format!("{path}id is empty."));
    }
    if ex.article.text.is_empty() {
        return err(format!("{path}article.text is empty."));
    }
    link_fields::check_article(&ex.article, &format!("{path}article."))?;
    if let Err(why) = check_label_set(&ex.settings.labels) {
        return err(format!("{path}settings.labels: {why}"));
    }
    if !ex.verify_hash() {
        return err(format!(
            "{path}hash does not match the exercise's article, instructions and settings: the file was changed after it was made."
        ));
    }
    Ok(())
}

/// Claims' ids, positions, quotes, times and evidence addresses; with `text`, every claim must
/// also sit on its quote there.
fn validate_claims(claims: &[Claim], text: Option<&str>) -> Result<(), FormatError> {
    native::check_claims(claims, text.map(CharTable::new).as_ref())?;
    native::check_times(claims)?;
    link_fields::check_evidence(claims, "claims")
}

/// Reads an exercise file, refusing other kinds of file, newer versions, a wrong shape (naming
/// the field) and an exercise whose hash does not match its content.
pub fn parse_exercise(text: &str) -> Result<Exercise, FormatError> {
    let value = read_object(text)?;
    exercise_from_value(value)
}

fn exercise_from_value(value: Value) -> Result<Exercise, FormatError> {
    if format_of(&value) != Some(EXERCISE_FORMAT) {
        return Err(wrong_format(format_of(&value), &[FileKind::Exercise]));
    }
    check_version(&value, FileKind::Exercise, "")?;
    let exercise: Exercise = shape(value)?;
    validate_exercise(&exercise, "")?;
    Ok(exercise)
}

/// Reads a key file: as [`parse_exercise`] for its exercise, and every key claim must sit on its
/// quote in the exercise's article.
pub fn parse_key_file(text: &str) -> Result<Key, FormatError> {
    let value = read_object(text)?;
    key_from_value(value)
}

pub(super) fn key_from_value(value: Value) -> Result<Key, FormatError> {
    if format_of(&value) != Some(KEY_FORMAT) {
        return Err(wrong_format(format_of(&value), &[FileKind::Key]));
    }
    check_version(&value, FileKind::Key, "")?;
    let Some(inner) = value.get("exercise").filter(|v| v.is_object()) else {
        return err("The key file has no \"exercise\" object.");
    };
    if format_of(inner) != Some(EXERCISE_FORMAT) {
        return err("exercise.format is not \"claimcheck-exercise\".");
    }
    check_version(inner, FileKind::Key, "exercise.")?;
    let key: Key = shape(value)?;
    validate_exercise(&key.exercise, "exercise.")?;
    validate_claims(&key.claims, Some(&key.exercise.article.text))?;
    Ok(key)
}

/// Reads a submission file. Its claims are checked for shape only: whether they sit on the
/// exercise's text is for [`SubmissionSide::problem_with`](super::loading::SubmissionSide::problem_with)
/// to say, against the key.
pub fn parse_submission_file(text: &str) -> Result<Submission, FormatError> {
    let value = read_object(text)?;
    submission_from_value(value)
}

pub(super) fn submission_from_value(value: Value) -> Result<Submission, FormatError> {
    if format_of(&value) != Some(SUBMISSION_FORMAT) {
        return Err(wrong_format(format_of(&value), &[FileKind::Submission]));
    }
    check_version(&value, FileKind::Submission, "")?;
    let submission: Submission = shape(value)?;
    if submission.exercise_id.trim().is_empty() {
        return err("exerciseId is empty.");
    }
    validate_claims(&submission.claims, None)?;
    Ok(submission)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::{exercise_hash, Settings};
    use crate::core::classroom::loading::{parse_key, parse_submission};
    use crate::core::classroom::test_exercise::*;
    use proptest::prelude::*;

    #[test]
    fn the_exercise_file_has_the_documented_shape_and_no_key_claims() {
        let ex = exercise();
        let v: Value = serde_json::from_str(&ex.to_json()).unwrap();
        assert_eq!(v["format"], "claimcheck-exercise");
        assert_eq!(v["version"], 1);
        assert_eq!(v["id"], ex.id.as_str());
        assert_eq!(v["hash"], ex.hash.as_str());
        assert_eq!(v["title"], "Ruler to step down, Post reports");
        assert_eq!(v["instructions"], "Mark every sourced claim.");
        assert_eq!(
            v["settings"],
            serde_json::json!({"requireSource": true, "verifiedNeedsEvidence": false, "showCountHint": true})
        );
        assert_eq!(v["claimCount"], 1);
        assert_eq!(v["article"]["text"], TEXT);
        assert!(v.get("claims").is_none());
        assert_eq!(parse_exercise(&ex.to_json()).unwrap(), ex);
    }

    #[test]
    fn settings_default_when_missing() {
        let ex = exercise();
        let json = edit(&ex.to_json(), |v| {
            v["settings"] = serde_json::json!({"requireSource": true});
            v.as_object_mut().unwrap().remove("claimCount");
        });
        // The settings changed, so the hash no longer matches them.
        assert!(parse_exercise(&json)
            .unwrap_err()
            .0
            .contains("hash does not match"));
        let ex = Exercise::new(
            article(TEXT),
            "x",
            Settings {
                require_source: true,
                ..Settings::default()
            },
            None,
            "ex-1",
        );
        let json = edit(&ex.to_json(), |v| {
            v["settings"] = serde_json::json!({"requireSource": true});
        });
        assert_eq!(parse_exercise(&json).unwrap(), ex);
    }

    #[test]
    fn key_and_submission_files_round_trip() {
        let key = key();
        let v: Value = serde_json::from_str(&key.to_json()).unwrap();
        assert_eq!(v["format"], "claimcheck-key");
        assert_eq!(v["version"], 1);
        assert_eq!(v["exercise"]["format"], "claimcheck-exercise");
        assert_eq!(v["claims"][0]["id"], "k1");
        assert_eq!(parse_key_file(&key.to_json()).unwrap(), key);

        let sub = Submission::new(
            &key.exercise,
            "Ana López",
            vec![claim(TEXT, "s1", "that the ruler had agreed to step down.")],
            "2026-03-02T10:00:00Z",
            "2026-03-02T10:40:00Z",
        );
        let v: Value = serde_json::from_str(&sub.to_json()).unwrap();
        assert_eq!(v["format"], "claimcheck-submission");
        assert_eq!(v["exerciseId"], key.exercise.id.as_str());
        assert_eq!(v["hash"], key.exercise.hash.as_str());
        assert_eq!(v["student"], "Ana López");
        assert_eq!(v["started"], "2026-03-02T10:00:00Z");
        assert_eq!(v["submitted"], "2026-03-02T10:40:00Z");
        assert_eq!(parse_submission_file(&sub.to_json()).unwrap(), sub);
    }

    #[test]
    fn file_kinds_are_told_apart() {
        let key = key();
        let sub = Submission::new(&key.exercise, "A", vec![], "", "");
        let export = native::to_json(&key.exercise.article, &key.claims, &[]);
        assert_eq!(file_kind(&key.exercise.to_json()), Some(FileKind::Exercise));
        assert_eq!(file_kind(&key.to_json()), Some(FileKind::Key));
        assert_eq!(file_kind(&sub.to_json()), Some(FileKind::Submission));
        assert_eq!(file_kind(&export), Some(FileKind::Export));
        assert_eq!(file_kind("{\"format\":\"other\"}"), None);
        assert_eq!(file_kind("{"), None);
    }

    #[test]
    fn wrong_kinds_of_file_are_named() {
        let key = key();
        let ex = key.exercise.to_json();
        let sub = Submission::new(&key.exercise, "A", vec![], "", "").to_json();
        let export = native::to_json(&key.exercise.article, &key.claims, &[]);
        assert_eq!(
            parse_exercise(&key.to_json()).unwrap_err().0,
            "This is a Claimcheck key file, not an exercise."
        );
        assert_eq!(
            parse_exercise(&export).unwrap_err().0,
            "This is a Claimcheck JSON export, not an exercise."
        );
        assert_eq!(
            parse_submission(&key.to_json(), "x").unwrap_err().0,
            "This is a Claimcheck key file, not a submission or a Claimcheck JSON export."
        );
        assert!(parse_key(&ex)
            .unwrap_err()
            .0
            .starts_with("This is a Claimcheck exercise, not a key file"));
        assert_eq!(
            parse_key(&sub).unwrap_err().0,
            "This is a Claimcheck submission, not a key file or a Claimcheck JSON export."
        );
        assert_eq!(
            parse_key_file(&ex).unwrap_err().0,
            "This is a Claimcheck exercise, not a key file: the exercise handed to students holds no key claims. Open the key file (….key.json) instead."
        );
        assert_eq!(
            parse_submission_file("{\"format\":\"w3c\"}").unwrap_err().0,
            "This is not a submission: its \"format\" is not \"claimcheck-submission\"."
        );
        assert!(parse_key("[1]")
            .unwrap_err()
            .0
            .contains("does not hold a JSON object"));
    }

    #[test]
    fn newer_versions_are_refused_saying_so() {
        let key = key();
        let newer = edit(&key.exercise.to_json(), |v| v["version"] = 2.into());
        assert_eq!(
            parse_exercise(&newer).unwrap_err().0,
            "This exercise was made by a newer Claimcheck (format version 2); this one reads version 1."
        );
        let newer = edit(&key.to_json(), |v| v["version"] = 7.into());
        assert!(parse_key(&newer)
            .unwrap_err()
            .0
            .contains("newer Claimcheck (format version 7)"));
        let newer_inside = edit(&key.to_json(), |v| v["exercise"]["version"] = 3.into());
        assert!(parse_key(&newer_inside)
            .unwrap_err()
            .0
            .contains("newer Claimcheck (format version 3)"));
        let sub = Submission::new(&key.exercise, "A", vec![], "", "").to_json();
        let newer = edit(&sub, |v| v["version"] = 2.into());
        assert!(parse_submission(&newer, "x")
            .unwrap_err()
            .0
            .contains("This submission was made by a newer Claimcheck"));
        let bad = edit(&sub, |v| v["version"] = 0.into());
        assert!(parse_submission(&bad, "x")
            .unwrap_err()
            .0
            .contains("\"version\" is missing"));
        let bad = edit(&sub, |v| v["version"] = "1".into());
        assert!(parse_submission(&bad, "x").is_err());
    }

    #[test]
    fn broken_json_and_wrong_shapes_get_clear_messages() {
        let key = key();
        let json = key.to_json();
        let truncated = &json[..json.len() / 2];
        assert!(parse_key(truncated).unwrap_err().0.contains("cut short"));
        assert!(parse_key("{\"format\": nope}")
            .unwrap_err()
            .0
            .contains("not valid JSON"));
        assert!(
            parse_key(&format!("\u{feff}{json}")).is_ok(),
            "a byte-order mark is fine"
        );

        let bad = edit(&key.exercise.to_json(), |v| {
            v["settings"]["requireSource"] = "yes".into()
        });
        let msg = parse_exercise(&bad).unwrap_err().0;
        assert!(
            msg.contains("expected shape: settings.requireSource invalid type"),
            "{msg}"
        );

        let bad = edit(&json, |v| v["claims"][0]["status"] = "maybe".into());
        let msg = parse_key(&bad).unwrap_err().0;
        assert!(
            msg.contains("expected shape: claims[0].status unknown variant"),
            "{msg}"
        );

        let sub = Submission::new(
            &key.exercise,
            "A",
            vec![claim(TEXT, "s1", "the ruler")],
            "",
            "",
        )
        .to_json();
        let bad = edit(&sub, |v| v["claims"][0]["position"]["start"] = (-3).into());
        let msg = parse_submission(&bad, "x").unwrap_err().0;
        assert!(
            msg.contains("claims[0].position.start invalid value"),
            "{msg}"
        );
        let bad = edit(&sub, |v| {
            v.as_object_mut().unwrap().remove("exerciseId");
        });
        assert!(parse_submission(&bad, "x")
            .unwrap_err()
            .0
            .contains("missing field `exerciseId`"));
        let bad = edit(&sub, |v| v["claims"][0]["position"]["end"] = 1.into());
        assert!(parse_submission(&bad, "x")
            .unwrap_err()
            .0
            .contains("claims[0].position.end (1) is not after start"));
        let bad = edit(&sub, |v| {
            let c = v["claims"][0].clone();
            v["claims"].as_array_mut().unwrap().push(c);
        });
        assert!(parse_submission(&bad, "x")
            .unwrap_err()
            .0
            .contains("claims[1].id \"s1\" is used twice"));
    }

    #[test]
    fn tampered_exercises_and_misplaced_key_claims_are_refused() {
        let key = key();
        let tampered = edit(&key.to_json(), |v| {
            v["exercise"]["article"]["text"] = "Another text entirely.".into()
        });
        assert!(parse_key(&tampered)
            .unwrap_err()
            .0
            .contains("exercise.hash does not match"));
        let moved = edit(&key.to_json(), |v| {
            v["claims"][0]["position"]["start"] = 0.into();
        });
        assert_eq!(
            parse_key(&moved).unwrap_err().0,
            "claims[0].quote.exact does not match the article text at claims[0].position."
        );
        let no_id = edit(&key.exercise.to_json(), |v| v["id"] = " ".into());
        assert_eq!(parse_exercise(&no_id).unwrap_err().0, "id is empty.");
    }

    #[test]
    fn exercises_keys_and_submissions_cannot_carry_live_non_web_links() {
        let mut hostile = article(TEXT);
        hostile.url = "java\tscript:alert(1)".into();
        let ex = Exercise::new(hostile, "x", settings(), None, "ex-1");
        assert_eq!(
            parse_exercise(&ex.to_json()).unwrap_err().0,
            "The article's original address (article.url): the address must start with http:// or https://."
        );
        let key = key();
        let with_evidence = |url: &str| {
            let mut c = claim(TEXT, "k1", "the ruler had agreed to step down");
            c.evidence = vec![crate::core::model::Evidence {
                url: url.into(),
                ..Default::default()
            }];
            c
        };
        let bad_key = Key::new(
            key.exercise.clone(),
            vec![with_evidence("data:text/html,x")],
        );
        assert_eq!(
            parse_key_file(&bad_key.to_json()).unwrap_err().0,
            "Evidence 1 of claim “the ruler had agreed to step…” (claims[0].evidence[0].url): the address must start with http:// or https://."
        );
        let good_key = Key::new(
            key.exercise.clone(),
            vec![with_evidence("https://x.example/")],
        );
        assert!(parse_key_file(&good_key.to_json()).is_ok());
        let sub = Submission::new(
            &key.exercise,
            "A",
            vec![with_evidence("//evil.example")],
            "",
            "",
        );
        assert!(parse_submission_file(&sub.to_json())
            .unwrap_err()
            .0
            .starts_with("Evidence 1 of claim"));
    }

    proptest! {
        #[test]
        fn exercises_round_trip_and_keep_their_hash(
            text in "[a-zA-Zé😀 ,.\n]{1,80}",
            instructions in "[a-zA-Z ,.\n\"]{0,40}",
            flags in any::<(bool, bool, bool)>(),
            count in proptest::option::of(0usize..50),
        ) {
            let settings = Settings {
                require_source: flags.0,
                verified_needs_evidence: flags.1,
                show_count_hint: flags.2,
                allow_hints: false,
                labels: Vec::new(),
            };
            let ex = Exercise::new(article(&text), instructions.clone(), settings.clone(), count, "ex-1");
            let back = parse_exercise(&ex.to_json()).unwrap();
            prop_assert!(back.verify_hash());
            prop_assert_eq!(&back, &ex);
            let other = exercise_hash(&text, &format!("{instructions}."), &settings);
            prop_assert_ne!(other, ex.hash);
        }
    }
}
