//! The files of a classroom exercise (format version 1).
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
//! The exercise's `hash` is `"sha256:"` and the lower-case hex SHA-256 of its article text,
//! instructions and settings (see [`exercise_hash`]), so a submission made for another version of
//! the exercise can be told apart from one made for this one. For scoring, a key may also be a
//! plain Claimcheck JSON export (`"format": "claimcheck"`), and so may a submission: see
//! [`parse_key`] and [`parse_submission`].

use std::fmt::Write as _;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use crate::core::formats::envelope::FormatError;
use crate::core::formats::envelope::{self, err, format_of, read_object, Numbering, Versions};
use crate::core::formats::native;
use crate::core::model::{Article, Claim, Document};
use crate::core::text::offsets::CharTable;
use crate::core::text::paragraphs::slug;

pub const EXERCISE_FORMAT: &str = "claimcheck-exercise";
pub const KEY_FORMAT: &str = "claimcheck-key";
pub const SUBMISSION_FORMAT: &str = "claimcheck-submission";
/// The version of all three formats that this build writes and the newest it reads.
pub const VERSION: u64 = 1;

/// What the student's app enforces while a student works on the exercise. Scoring does not read
/// them; they are part of the exercise's hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Every claim needs a source before it can be handed in.
    pub require_source: bool,
    /// A claim can only be marked Verified with supporting evidence.
    pub verified_needs_evidence: bool,
    /// Tell students how many key claims there are ("find 5 claims").
    pub show_count_hint: bool,
}

/// The exercise handed to students.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Exercise {
    pub format: String,
    pub version: u64,
    /// Stable id of the exercise (see [`make_exercise_id`]).
    pub id: String,
    /// [`exercise_hash`] of the article text, instructions and settings.
    pub hash: String,
    pub title: String,
    #[serde(default)]
    pub instructions: String,
    #[serde(default)]
    pub settings: Settings,
    /// How many key claims there are; only for the hint, so absent unless
    /// `settings.showCountHint`.
    #[serde(default)]
    pub claim_count: Option<usize>,
    pub article: Article,
}

/// The teacher's answer key: the exercise and its key claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    pub format: String,
    pub version: u64,
    pub exercise: Exercise,
    pub claims: Vec<Claim>,
}

/// What a student hands in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    pub format: String,
    pub version: u64,
    pub exercise_id: String,
    /// The hash of the exercise the student worked on.
    pub hash: String,
    /// [`article_hash`] of the article text the claims are on, so a key that is a plain export
    /// (with no exercise to compare) can still tell a submission on another text.
    #[serde(default)]
    pub article_hash: String,
    pub student: String,
    pub claims: Vec<Claim>,
    /// RFC 3339 timestamps.
    #[serde(default)]
    pub started: String,
    #[serde(default)]
    pub submitted: String,
}

/// The kinds of file that [`file_kind`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileKind {
    Exercise,
    Key,
    Submission,
    /// A plain Claimcheck JSON export (`export_json`).
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
// Hashes and ids

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        write!(out, "{b:02x}").expect("writing to a String cannot fail");
    }
    out
}

/// `"sha256:"` and the hex SHA-256 of the article text's UTF-8 bytes.
pub fn article_hash(text: &str) -> String {
    format!("sha256:{}", hex(&Sha256::digest(text.as_bytes())))
}

/// The hash of an exercise's content: `"sha256:"` and the hex SHA-256 of
/// `"claimcheck-exercise 1\0"`, then the article text and the instructions, each as its UTF-8
/// byte length (8 bytes, little-endian) followed by its bytes, then one byte (0 or 1) for each
/// setting in the order requireSource, verifiedNeedsEvidence, showCountHint.
pub fn exercise_hash(article_text: &str, instructions: &str, settings: &Settings) -> String {
    let mut h = Sha256::new();
    h.update(b"claimcheck-exercise 1\0");
    for part in [article_text, instructions] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update([
        u8::from(settings.require_source),
        u8::from(settings.verified_needs_evidence),
        u8::from(settings.show_count_hint),
    ]);
    format!("sha256:{}", hex(&h.finalize()))
}

/// An exercise id from the article's id and the moment the exercise was made (RFC 3339):
/// `"ex-"` and 16 hex digits. The same inputs always give the same id.
pub fn make_exercise_id(article_id: &str, created: &str) -> String {
    let mut h = Sha256::new();
    h.update(article_id.as_bytes());
    h.update([0]);
    h.update(created.as_bytes());
    format!("ex-{}", &hex(&h.finalize())[..16])
}

impl Exercise {
    /// An exercise for `article`, its title the article's. `claim_count` is only kept when
    /// `settings.show_count_hint` is on (students never see it otherwise).
    pub fn new(
        article: Article,
        instructions: impl Into<String>,
        settings: Settings,
        claim_count: Option<usize>,
        id: impl Into<String>,
    ) -> Exercise {
        let instructions = instructions.into();
        Exercise {
            format: EXERCISE_FORMAT.to_string(),
            version: VERSION,
            id: id.into(),
            hash: exercise_hash(&article.text, &instructions, &settings),
            title: article.title.clone(),
            instructions,
            settings,
            claim_count: claim_count.filter(|_| settings.show_count_hint),
            article,
        }
    }

    /// The hash its content should have.
    pub fn computed_hash(&self) -> String {
        exercise_hash(&self.article.text, &self.instructions, &self.settings)
    }

    /// Whether `hash` is the hash of its content (it was not changed after it was made).
    pub fn verify_hash(&self) -> bool {
        self.hash == self.computed_hash()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the model always serializes")
    }

    /// `<slug of the title>.exercise.json`
    pub fn file_name(&self) -> String {
        exercise_file_name(&self.title)
    }
}

impl Key {
    pub fn new(exercise: Exercise, claims: Vec<Claim>) -> Key {
        Key {
            format: KEY_FORMAT.to_string(),
            version: VERSION,
            exercise,
            claims,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the model always serializes")
    }

    /// `<slug of the exercise title>.key.json`
    pub fn file_name(&self) -> String {
        key_file_name(&self.exercise.title)
    }
}

impl Submission {
    /// A submission of `claims` for `exercise`.
    pub fn new(
        exercise: &Exercise,
        student: impl Into<String>,
        claims: Vec<Claim>,
        started: impl Into<String>,
        submitted: impl Into<String>,
    ) -> Submission {
        Submission {
            format: SUBMISSION_FORMAT.to_string(),
            version: VERSION,
            exercise_id: exercise.id.clone(),
            hash: exercise.hash.clone(),
            article_hash: article_hash(&exercise.article.text),
            student: student.into(),
            claims,
            started: started.into(),
            submitted: submitted.into(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the model always serializes")
    }
}

// ---------------------------------------------------------------------------------------------
// File names

/// [`slug`] of `text`, or `fallback` when `text` has no letter or digit to make one of.
pub fn slug_or(text: &str, fallback: &str) -> String {
    if text.chars().any(char::is_alphanumeric) {
        slug(text)
    } else {
        fallback.to_string()
    }
}

/// `<slug>.exercise.json` ("exercise" when the title gives no slug).
pub fn exercise_file_name(title: &str) -> String {
    format!("{}.exercise.json", slug_or(title, "exercise"))
}

/// `<slug>.key.json` ("exercise" when the title gives no slug).
pub fn key_file_name(title: &str) -> String {
    format!("{}.key.json", slug_or(title, "exercise"))
}

/// `<exercise-slug>-<student-slug>.submission.json` ("exercise" and "student" when a name gives
/// no slug).
pub fn submission_file_name(exercise_title: &str, student: &str) -> String {
    format!(
        "{}-{}.submission.json",
        slug_or(exercise_title, "exercise"),
        slug_or(student, "student")
    )
}

/// A name for a student from the file they handed in: the file name without its folder and
/// without `.submission.json`, `.claims.json` or `.json`.
pub fn student_name_from_file_name(file_name: &str) -> String {
    let base = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .trim();
    for suffix in [".submission.json", ".claims.json", ".json"] {
        if base.len() > suffix.len()
            && base.is_char_boundary(base.len() - suffix.len())
            && base[base.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        {
            return base[..base.len() - suffix.len()].to_string();
        }
    }
    base.to_string()
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// "This is a Claimcheck key file, not an exercise." and the like; `wanted` lists what was
/// expected.
fn wrong_format(found: Option<&str>, wanted: &[FileKind]) -> FormatError {
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
    envelope::typed(value, "The file's contents do not")
}

fn validate_exercise(ex: &Exercise, path: &str) -> Result<(), FormatError> {
    if ex.id.trim().is_empty() {
        return err(format!("{path}id is empty."));
    }
    if ex.article.text.is_empty() {
        return err(format!("{path}article.text is empty."));
    }
    if !ex.verify_hash() {
        return err(format!(
            "{path}hash does not match the exercise's article, instructions and settings: the file was changed after it was made."
        ));
    }
    Ok(())
}

/// Claims' ids, positions and quotes; with `text`, every claim must also sit on its quote there.
fn validate_claims(claims: &[Claim], text: Option<&str>) -> Result<(), FormatError> {
    native::check_claims(claims, text.map(CharTable::new).as_ref())?;
    native::check_times(claims)
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

fn key_from_value(value: Value) -> Result<Key, FormatError> {
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
/// exercise's text is for [`SubmissionSide::problem_with`] to say, against the key.
pub fn parse_submission_file(text: &str) -> Result<Submission, FormatError> {
    let value = read_object(text)?;
    submission_from_value(value)
}

fn submission_from_value(value: Value) -> Result<Submission, FormatError> {
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

// ---------------------------------------------------------------------------------------------
// The two sides of scoring

/// An answer key, from a key file or a plain Claimcheck JSON export.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
                    short_quote(&claim.quote.exact)
                ));
            }
        }
        None
    }
}

/// At most 40 characters of a quote, for messages.
fn short_quote(quote: &str) -> String {
    let mut chars = quote.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
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
/// [`student_name_from_file_name`]), or else the article's title.
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
    use crate::core::model::{SourceKind, Status};
    use crate::core::test_claims::claim_on;
    use proptest::prelude::*;

    const TEXT: &str = "SÃO PAULO (Reuters) — The Washington Post reported, citing confidential documents, that the ruler had agreed to step down. The palace did not respond to a request for comment.";

    fn article(text: &str) -> Article {
        Article {
            id: "a-1".into(),
            title: "Ruler to step down, Post reports".into(),
            outlet: "Reuters".into(),
            text: text.into(),
            ..Article::default()
        }
    }

    fn claim(text: &str, id: &str, needle: &str) -> Claim {
        Claim {
            status: Status::Verified,
            source: "The Washington Post".into(),
            source_kind: Some(SourceKind::Publication),
            created: "2026-03-01T09:00:00.000Z".into(),
            modified: "2026-03-01T09:00:00.000Z".into(),
            ..claim_on(text, id, needle)
        }
    }

    fn settings() -> Settings {
        Settings {
            require_source: true,
            verified_needs_evidence: false,
            show_count_hint: true,
        }
    }

    fn exercise() -> Exercise {
        Exercise::new(
            article(TEXT),
            "Mark every sourced claim.",
            settings(),
            Some(1),
            make_exercise_id("a-1", "2026-03-01T09:00:00Z"),
        )
    }

    fn key() -> Key {
        Key::new(
            exercise(),
            vec![claim(TEXT, "k1", "the ruler had agreed to step down")],
        )
    }

    fn edit(json: &str, change: impl Fn(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(json).unwrap();
        change(&mut v);
        v.to_string()
    }

    #[test]
    fn sha256_is_the_real_one() {
        assert_eq!(
            article_hash(""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            article_hash("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_exercise_hash_covers_text_instructions_and_settings_only() {
        let ex = exercise();
        assert!(ex.hash.starts_with("sha256:") && ex.hash.len() == 7 + 64);
        assert!(ex.verify_hash());
        let mut other = ex.clone();
        other.article.text.push('!');
        assert!(!other.verify_hash());
        let mut other = ex.clone();
        other.instructions.push('!');
        assert!(!other.verify_hash());
        let mut other = ex.clone();
        other.settings.verified_needs_evidence = true;
        assert!(!other.verify_hash());
        // Moving text between the article and the instructions changes the hash too.
        assert_ne!(
            exercise_hash("ab", "c", &Settings::default()),
            exercise_hash("a", "bc", &Settings::default())
        );
        // The title, the id and the hint count are not content.
        let mut other = ex.clone();
        other.title = "Other".into();
        other.id = "ex-other".into();
        other.claim_count = Some(9);
        assert!(other.verify_hash());
    }

    #[test]
    fn ids_are_stable_and_differ_by_input() {
        let a = make_exercise_id("a-1", "2026-03-01T09:00:00Z");
        assert_eq!(a, make_exercise_id("a-1", "2026-03-01T09:00:00Z"));
        assert_ne!(a, make_exercise_id("a-1", "2026-03-01T09:00:01Z"));
        assert_ne!(a, make_exercise_id("a-2", "2026-03-01T09:00:00Z"));
        assert!(a.starts_with("ex-") && a.len() == 19, "{a}");
    }

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
    fn the_count_hint_is_only_kept_when_it_is_shown() {
        let ex = Exercise::new(article(TEXT), "", Settings::default(), Some(4), "ex-1");
        assert_eq!(ex.claim_count, None);
        let v: Value = serde_json::from_str(&ex.to_json()).unwrap();
        assert_eq!(v["claimCount"], Value::Null);
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
    fn file_names_use_slugs_with_fallbacks() {
        let ex = exercise();
        assert_eq!(
            ex.file_name(),
            "ruler-to-step-down-post-reports.exercise.json"
        );
        assert_eq!(
            key().file_name(),
            "ruler-to-step-down-post-reports.key.json"
        );
        assert_eq!(
            submission_file_name(&ex.title, "Ana López"),
            "ruler-to-step-down-post-reports-ana-lópez.submission.json"
        );
        assert_eq!(exercise_file_name(" — "), "exercise.exercise.json");
        assert_eq!(key_file_name(""), "exercise.key.json");
        assert_eq!(
            submission_file_name("", "!!"),
            "exercise-student.submission.json"
        );
        assert_eq!(slug_or("Article", "x"), "article");
        assert_eq!(
            student_name_from_file_name("C:\\class\\ruler-ana.submission.json"),
            "ruler-ana"
        );
        assert_eq!(student_name_from_file_name("tom/ben.CLAIMS.json"), "ben");
        assert_eq!(student_name_from_file_name("zoë.json"), "zoë");
        assert_eq!(student_name_from_file_name("notes.txt"), "notes.txt");
        assert_eq!(student_name_from_file_name(".json"), ".json");
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
            };
            let ex = Exercise::new(article(&text), instructions.clone(), settings, count, "ex-1");
            let back = parse_exercise(&ex.to_json()).unwrap();
            prop_assert!(back.verify_hash());
            prop_assert_eq!(&back, &ex);
            let other = exercise_hash(&text, &format!("{instructions}."), &settings);
            prop_assert_ne!(other, ex.hash);
        }
    }
}
