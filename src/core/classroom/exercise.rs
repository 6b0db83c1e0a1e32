//! The three documents of a classroom exercise as data: the exercise handed to students, the
//! teacher's key, and a student's submission; the hashes and ids that tie them together; and
//! the names of their files.
//!
//! The exercise's `hash` is `"sha256:"` and the lower-case hex SHA-256 of its article text,
//! instructions and settings (see [`exercise_hash`]), so a submission made for another version of
//! the exercise can be told apart from one made for this one.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::core::model::{Article, Claim};
use crate::core::text::paragraphs::slug;

pub const EXERCISE_FORMAT: &str = "claimcheck-exercise";
pub const KEY_FORMAT: &str = "claimcheck-key";
pub const SUBMISSION_FORMAT: &str = "claimcheck-submission";
/// The version of all three formats that this build writes and the newest it reads.
pub const VERSION: u64 = 1;

/// What the student's app enforces while a student works on the exercise. Scoring does not read
/// them; they are part of the exercise's hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Every claim needs a source before it can be handed in.
    pub require_source: bool,
    /// A claim can only be marked Verified with supporting evidence.
    pub verified_needs_evidence: bool,
    /// Tell students how many key claims there are ("find 5 claims").
    pub show_count_hint: bool,
    /// Students may ask for claim suggestions, one hint at a time (each counted in the
    /// submission). Written only when on, so exercises made without it keep their shape.
    #[serde(skip_serializing_if = "is_false")]
    pub allow_hints: bool,
    /// The categories students tag claims with (e.g. fact / opinion / needs context); empty
    /// means verified/unverified only. Written, and hashed, only when not empty, so exercises
    /// made without labels keep their shape and their hash.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
}

fn is_false(on: &bool) -> bool {
    !*on
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
    /// How many hints (claim suggestions) the student asked for.
    #[serde(default)]
    pub hints_used: u32,
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
/// setting in the order requireSource, verifiedNeedsEvidence, showCountHint, and one more byte
/// (1) only when allowHints is on, so exercises made before that setting keep their hash.
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
    if settings.allow_hints {
        h.update([1]);
    }
    if !settings.labels.is_empty() {
        // A marker byte no flag writes, then each label length-prefixed, so no two label
        // sets (nor a set and hints on) hash alike.
        h.update([2]);
        for label in &settings.labels {
            h.update((label.len() as u64).to_le_bytes());
            h.update(label.as_bytes());
        }
    }
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
        let claim_count = claim_count.filter(|_| settings.show_count_hint);
        Exercise {
            format: EXERCISE_FORMAT.to_string(),
            version: VERSION,
            id: id.into(),
            hash: exercise_hash(&article.text, &instructions, &settings),
            title: article.title.clone(),
            instructions,
            settings,
            claim_count,
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
            hints_used: 0,
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::test_exercise::*;
    use serde_json::Value;

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
        let mut other = ex.clone();
        other.settings.allow_hints = true;
        assert!(!other.verify_hash(), "a student cannot turn hints on");
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
    fn files_from_before_hints_still_load_and_keep_their_hash() {
        let ex = exercise();
        let json = ex.to_json();
        assert!(!json.contains("allowHints"), "written only when on");
        let old: Exercise = serde_json::from_str(&json).unwrap();
        assert!(!old.settings.allow_hints && old.verify_hash());
        let hinted = Exercise::new(
            article(TEXT),
            "",
            Settings {
                allow_hints: true,
                ..Settings::default()
            },
            None,
            "ex-1",
        );
        let back: Exercise = serde_json::from_str(&hinted.to_json()).unwrap();
        assert!(back.settings.allow_hints && back.verify_hash());
        let mut sub = Submission::new(&ex, "A", vec![], "", "");
        sub.hints_used = 2;
        let v: Value = serde_json::from_str(&sub.to_json()).unwrap();
        assert_eq!(v["hintsUsed"], 2);
        let mut old = v.clone();
        old.as_object_mut().unwrap().remove("hintsUsed");
        let old: Submission = serde_json::from_value(old).unwrap();
        assert_eq!(old.hints_used, 0);
    }

    #[test]
    fn an_exercise_without_labels_keeps_the_hash_it_had_before_labels() {
        let settings = Settings {
            require_source: true,
            ..Settings::default()
        };
        // Computed by the build before label sets existed.
        assert_eq!(
            exercise_hash(
                "The council approved the budget.",
                "Find the claims.",
                &settings
            ),
            "sha256:810079859b6a52864819f9fd493378907abbf230da70bc4541f1a1843f0404ad"
        );
        let json = exercise().to_json();
        assert!(
            !json.contains("\"labels\""),
            "written only when set: {json}"
        );
    }

    #[test]
    fn a_label_set_is_kept_and_hashed() {
        let labelled = |labels: &[&str]| {
            Exercise::new(
                article(TEXT),
                "",
                Settings {
                    labels: labels.iter().map(|l| l.to_string()).collect(),
                    ..Settings::default()
                },
                None,
                "ex-1",
            )
        };
        let ex = labelled(&["fact", "opinion"]);
        let back: Exercise = serde_json::from_str(&ex.to_json()).unwrap();
        assert_eq!(back.settings.labels, ["fact", "opinion"]);
        assert!(back.verify_hash());
        let plain = labelled(&[]);
        for other in [
            labelled(&["opinion", "fact"]),
            labelled(&["factopinion"]),
            plain.clone(),
        ] {
            assert_ne!(other.hash, ex.hash, "{:?}", other.settings.labels);
        }
        let mut tampered = back.clone();
        tampered.settings.labels.push("needs context".into());
        assert!(
            !tampered.verify_hash(),
            "a student cannot change the label set"
        );
        let hinted = Exercise::new(
            article(TEXT),
            "",
            Settings {
                allow_hints: true,
                ..Settings::default()
            },
            None,
            "ex-1",
        );
        assert_ne!(hinted.hash, plain.hash);
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
    fn the_count_hint_is_only_kept_when_it_is_shown() {
        let ex = Exercise::new(article(TEXT), "", Settings::default(), Some(4), "ex-1");
        assert_eq!(ex.claim_count, None);
        let v: Value = serde_json::from_str(&ex.to_json()).unwrap();
        assert_eq!(v["claimCount"], Value::Null);
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
}
