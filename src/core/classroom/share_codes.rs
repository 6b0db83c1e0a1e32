//! Sharing without files: an exercise in a link's fragment (fragments never reach a server), and
//! a student's submission as a code to paste. Both are the same frame over raw-deflate bytes:
//!
//! `<prefix><version>.<check>.<payload>`, where the prefix says what it holds (`cx` an exercise,
//! `cs` a submission), `payload` is the compressed JSON in base64url without padding, and `check`
//! is the first 8 base64url characters of the SHA-256 of the compressed bytes, so that a link
//! cut short or mistyped is told apart from a good one before anything is inflated.
//!
//! The compression itself is the browser's (`CompressionStream("deflate-raw")`, at the web
//! edge); this module only frames bytes already compressed. The JSON inside is checked as its
//! file would be (the exercise's own hash included), by `files`.

use sha2::{Digest, Sha256};

use crate::core::classroom::exercise::{Exercise, Submission};
use crate::core::classroom::files::parse_exercise;

/// The version of the frame this build writes and the newest it reads.
pub const CODE_VERSION: u32 = 1;
/// The fragment key of an exercise link: `#exercise=<code>`.
pub const LINK_KEY: &str = "exercise";
const CHECK_LEN: usize = 8;

/// What a code holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// An exercise, in a link.
    Exercise,
    /// A student's submission, pasted by the teacher.
    Submission,
}

impl CodeKind {
    fn prefix(self) -> &'static str {
        match self {
            CodeKind::Exercise => "cx",
            CodeKind::Submission => "cs",
        }
    }

    /// How a message names it.
    pub fn noun(self) -> &'static str {
        match self {
            CodeKind::Exercise => "exercise link",
            CodeKind::Submission => "submission code",
        }
    }

    /// With its article: "an exercise link".
    fn with_article(self) -> &'static str {
        match self {
            CodeKind::Exercise => "an exercise link",
            CodeKind::Submission => "a submission code",
        }
    }

    /// What to do with the other kind when it is given where this one was expected.
    fn where_it_goes(self) -> &'static str {
        match self {
            CodeKind::Exercise => "open it in the browser's address bar to work on the exercise",
            CodeKind::Submission => "the teacher pastes it under Score submissions",
        }
    }

    fn other(self) -> CodeKind {
        match self {
            CodeKind::Exercise => CodeKind::Submission,
            CodeKind::Submission => CodeKind::Exercise,
        }
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url without padding; `None` for a character outside the alphabet or a length
/// no encoding has.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

fn check_of(compressed: &[u8]) -> String {
    base64url(&Sha256::digest(compressed))[..CHECK_LEN].to_string()
}

/// The code for `compressed` (the raw-deflate bytes of the JSON).
pub fn frame(kind: CodeKind, compressed: &[u8]) -> String {
    format!(
        "{}{CODE_VERSION}.{}.{}",
        kind.prefix(),
        check_of(compressed),
        base64url(compressed)
    )
}

/// The compressed bytes a code holds, checked; or why it cannot be used, in words.
pub fn unframe(kind: CodeKind, code: &str) -> Result<Vec<u8>, String> {
    let code = code.trim();
    let noun = kind.noun();
    if code.is_empty() {
        return Err(format!("The {noun} is empty."));
    }
    let mut parts = code.splitn(3, '.');
    let head = parts.next().unwrap_or("");
    let other = kind.other();
    let (prefix, version) = if let Some(v) = head.strip_prefix(kind.prefix()) {
        (kind, v)
    } else if let Some(v) = head.strip_prefix(other.prefix()) {
        (other, v)
    } else {
        return Err(format!(
            "This is not a Claimcheck {noun}: it does not start as one does (“{}1.”). It may be from another app, or cut short at its start.",
            kind.prefix()
        ));
    };
    let Ok(version) = version.parse::<u32>() else {
        return Err(format!(
            "This is not a Claimcheck {noun}: it does not start as one does (“{}1.”).",
            kind.prefix()
        ));
    };
    if prefix != kind {
        return Err(format!(
            "This is {}, not {}: {}.",
            other.with_article(),
            kind.with_article(),
            other.where_it_goes()
        ));
    }
    if version > CODE_VERSION {
        return Err(format!(
            "This {noun} was made by a newer version of Claimcheck (version {version}; this one reads up to {CODE_VERSION}). Open it in the newest Claimcheck."
        ));
    }
    let damaged = || {
        format!("This {noun} is damaged or incomplete (its check does not match): copy the whole {noun} again.")
    };
    let (Some(check), Some(payload)) = (parts.next(), parts.next()) else {
        return Err(damaged());
    };
    let bytes = from_base64url(payload).ok_or_else(damaged)?;
    if bytes.is_empty() || check != check_of(&bytes) {
        return Err(damaged());
    }
    Ok(bytes)
}

/// The message when a code passed its check but its bytes do not inflate (made by a broken
/// encoder: the check cannot see that).
pub fn does_not_inflate(kind: CodeKind) -> String {
    format!(
        "This {} could not be unpacked: it was not made by Claimcheck. Ask for a new one.",
        kind.noun()
    )
}

/// The JSON an exercise link holds (compact: it is compressed, and every byte lengthens the
/// link).
pub fn exercise_json(exercise: &Exercise) -> String {
    serde_json::to_string(exercise).expect("the model always serializes")
}

/// The JSON a submission code holds; the teacher's side reads it as it reads the file.
pub fn submission_json(submission: &Submission) -> String {
    serde_json::to_string(submission).expect("the model always serializes")
}

/// The exercise in an inflated link, checked as an exercise file is (its hash included).
pub fn exercise_from_json(json: &str) -> Result<Exercise, String> {
    parse_exercise(json).map_err(|e| format!("This exercise link could not be opened: {e}"))
}

/// An exercise link: `page` (the app's address; any fragment it has is dropped) with the code in
/// its fragment.
pub fn exercise_link(page: &str, code: &str) -> String {
    let page = page.split('#').next().unwrap_or(page);
    format!("{page}#{LINK_KEY}={code}")
}

/// The code in a location fragment (with or without its `#`), when it is an exercise link.
pub fn link_code(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(LINK_KEY)?.strip_prefix('='))
}

/// The non-empty lines of pasted codes, each with its line number (from 1).
pub fn code_lines(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The name a pasted code goes by among the loaded submissions and in messages.
pub fn pasted_code_name(line: usize) -> String {
    format!("submission code on line {line}")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::loading::parse_submission;
    use crate::core::classroom::session::{build_exercise, ExerciseDraft};
    use crate::core::intake::samples;
    use crate::core::test_claims::claim_on;
    use miniz_oxide::deflate::compress_to_vec;
    use miniz_oxide::inflate::decompress_to_vec;

    fn deflate(json: &str) -> Vec<u8> {
        compress_to_vec(json.as_bytes(), 9)
    }

    fn inflate(bytes: &[u8]) -> Option<String> {
        String::from_utf8(decompress_to_vec(bytes).ok()?).ok()
    }

    fn exercise(n: usize) -> Exercise {
        let article = samples::all()[n].clone();
        let draft = ExerciseDraft {
            instructions: "Mark every claim that names a source.".into(),
            ..ExerciseDraft::default()
        };
        build_exercise(&article, &[], &draft, "2026-03-01T09:00:00Z").0
    }

    /// An exercise the way the browser does it: JSON, deflated, framed, put in a link.
    fn link_for(exercise: &Exercise) -> String {
        let code = frame(CodeKind::Exercise, &deflate(&exercise_json(exercise)));
        exercise_link("https://example.org/claimcheck/#article=a1", &code)
    }

    fn open(link: &str) -> Result<Exercise, String> {
        let code = link_code(link.split_once('#').map_or("", |(_, f)| f)).ok_or("no code")?;
        let bytes = unframe(CodeKind::Exercise, code)?;
        let json = inflate(&bytes).ok_or_else(|| does_not_inflate(CodeKind::Exercise))?;
        exercise_from_json(&json)
    }

    #[test]
    fn base64url_round_trips_every_length_and_refuses_what_it_never_writes() {
        let bytes: Vec<u8> = (0..=255u8).rev().collect();
        for n in 0..8 {
            let encoded = base64url(&bytes[..n]);
            assert!(!encoded.contains('=') && !encoded.contains('+') && !encoded.contains('/'));
            assert_eq!(from_base64url(&encoded).as_deref(), Some(&bytes[..n]));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(from_base64url("ab*d"), None);
        assert_eq!(from_base64url("abcde"), None);
    }

    #[test]
    fn every_bundled_sample_round_trips_through_a_link_and_its_length_is_printed() {
        for (n, article) in samples::all().iter().enumerate() {
            let original = exercise(n);
            let link = link_for(&original);
            assert!(link.starts_with("https://example.org/claimcheck/#exercise=cx1."));
            assert!(
                !link.contains("article=a1"),
                "the page's own fragment is dropped"
            );
            assert_eq!(open(&link).unwrap(), original);
            // A figure for the report; never asserted against a number.
            println!(
                "link length for “{}”: {} characters ({} characters of text)",
                article.title,
                link.len(),
                article.text.chars().count()
            );
        }
    }

    #[test]
    fn a_submission_code_round_trips_into_the_submission_its_file_gives() {
        let ex = exercise(0);
        let words: String = ex.article.text.chars().take(40).collect();
        let claim = claim_on(&ex.article.text, "s1", &words);
        let sub = Submission::new(&ex, "Ana Lima", vec![claim], "t0", "t1");
        let code = frame(CodeKind::Submission, &deflate(&submission_json(&sub)));
        assert!(code.starts_with("cs1.") && !code.contains(char::is_whitespace));
        let json = inflate(&unframe(CodeKind::Submission, &format!("  {code}\n")).unwrap());
        let from_code = parse_submission(&json.unwrap(), "x").unwrap();
        let from_file = parse_submission(&sub.to_json(), "x").unwrap();
        assert_eq!(from_code, from_file);
        assert_eq!(from_code.student, "Ana Lima");
    }

    #[test]
    fn a_truncated_or_altered_link_is_damaged_and_says_so() {
        let link = link_for(&exercise(1));
        let cut = &link[..link.len() - 10];
        let e = open(cut).unwrap_err();
        assert!(
            e.contains("damaged or incomplete") && e.contains("exercise link"),
            "{e}"
        );
        let no_payload = &link[..link.find("#exercise=").unwrap() + 20];
        assert!(open(no_payload).unwrap_err().contains("damaged"));
        // One character changed in the middle of the payload.
        let mid = link.len() - 30;
        let swapped = if &link[mid..=mid] == "A" { "B" } else { "A" };
        let altered = format!("{}{swapped}{}", &link[..mid], &link[mid + 1..]);
        assert!(open(&altered).unwrap_err().contains("check does not match"));
        let bad_char = link.replace("cx1.", "cx1.*");
        assert!(open(&bad_char).unwrap_err().contains("damaged"));
    }

    #[test]
    fn foreign_newer_and_wrong_kind_codes_are_named() {
        let e = unframe(CodeKind::Exercise, "eyJmb3JtYXQiOiJ4In0").unwrap_err();
        assert!(e.contains("not a Claimcheck exercise link"), "{e}");
        let e = unframe(CodeKind::Submission, "hello world").unwrap_err();
        assert!(e.contains("not a Claimcheck submission code"), "{e}");
        let sub_code = frame(CodeKind::Submission, &deflate("{}"));
        let e = unframe(CodeKind::Exercise, &sub_code).unwrap_err();
        assert!(
            e.contains("is a submission code, not an exercise link"),
            "{e}"
        );
        let ex_code = frame(CodeKind::Exercise, &deflate("{}"));
        let e = unframe(CodeKind::Submission, &ex_code).unwrap_err();
        assert!(
            e.contains("is an exercise link, not a submission code"),
            "{e}"
        );
        let newer = ex_code.replacen("cx1.", "cx2.", 1);
        let e = unframe(CodeKind::Exercise, &newer).unwrap_err();
        assert!(
            e.contains("newer version") && e.contains("version 2"),
            "{e}"
        );
        assert!(unframe(CodeKind::Exercise, "  ")
            .unwrap_err()
            .contains("empty"));
    }

    #[test]
    fn a_link_whose_exercise_was_changed_fails_the_exercise_hash() {
        let mut ex = exercise(2);
        ex.instructions = "Changed after it was made.".into();
        let code = frame(CodeKind::Exercise, &deflate(&exercise_json(&ex)));
        let e = open(&exercise_link("https://example.org/", &code)).unwrap_err();
        assert!(
            e.starts_with("This exercise link could not be opened"),
            "{e}"
        );
        assert!(e.to_lowercase().contains("hash"), "{e}");
        // Bytes that pass the check but are not deflate.
        let junk = frame(CodeKind::Exercise, b"\xff\xfe\xfd not deflate");
        let bytes = unframe(CodeKind::Exercise, &junk).unwrap();
        assert_eq!(inflate(&bytes), None);
        assert!(does_not_inflate(CodeKind::Exercise).contains("could not be unpacked"));
    }

    #[test]
    fn pasted_lines_keep_their_numbers_and_skip_blank_ones() {
        let lines = code_lines("cs1.a.b\n\n  cs1.c.d  \r\n\t\nx");
        assert_eq!(lines, vec![(1, "cs1.a.b"), (3, "cs1.c.d"), (5, "x")]);
        assert_eq!(link_code("#claim=1&exercise=cx1.q.w"), Some("cx1.q.w"));
        assert_eq!(link_code("#article=a1"), None);
        assert_eq!(pasted_code_name(3), "submission code on line 3");
    }
}
