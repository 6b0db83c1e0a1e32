//! Reading what Import is given: Claimcheck JSON, a whole-library file, W3C Web Annotations
//! (ours, or another tool's) and Hypothesis exports. This module only tells them apart and hands
//! each to its format's reader. The whole file is checked before anything is used; what comes
//! out is one part per article, ready for `library::merge`.

use serde_json::Value;

use crate::core::formats::annotations::{Format, Parsed, Part};
use crate::core::formats::envelope::{self, err, format_of, FormatError};
use crate::core::formats::hypothesis::parse_hypothesis;
use crate::core::formats::native;
use crate::core::formats::w3c::{is_w3c, parse_w3c};
use crate::core::text::file_names::shown_file_name;
use crate::core::text::sizes::refusal;

/// Larger import files are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// What refusing an import file of `bytes` bytes (over [`MAX_IMPORT_BYTES`]) says.
pub fn too_large(bytes: usize) -> String {
    refusal("This file", bytes, MAX_IMPORT_BYTES, "imports files")
}

/// Reads an import file. `now` dates claims whose file gives no time.
pub fn parse_import(text: &str, now: &str) -> Result<Parsed, FormatError> {
    let value = envelope::parse_value(text)?;
    let one = |part| Parsed {
        format: Format::Claimcheck,
        parts: vec![part],
        skipped: 0,
    };
    match &value {
        Value::Object(obj) => match format_of(&value) {
            Some(native::FORMAT) => Ok(one(Part::Document(native::parse_strict_value(value)?))),
            Some(native::LIBRARY_FORMAT) => Ok(Parsed {
                format: Format::Library,
                parts: native::parse_library_value(value)?
                    .into_iter()
                    .map(Part::Document)
                    .collect(),
                skipped: 0,
            }),
            Some(other) if other.starts_with("claimcheck-") => err(format!(
                "This is a Claimcheck {} file, not annotations to import. {}",
                &other["claimcheck-".len()..],
                "Students open an exercise with Open file; teachers load keys and submissions in Teacher mode, under Score submissions."
            )),
            _ if is_w3c(obj) => parse_w3c(&value, now),
            _ if obj.contains_key("annotations") || obj.contains_key("rows") => {
                parse_hypothesis(obj, now)
            }
            _ if obj.contains_key("format") => err(
                "This is not a Claimcheck file: \"format\" is not \"claimcheck\" or \"claimcheck-library\".",
            ),
            _ => err(format!("{UNKNOWN} {IMPORT_READS}")),
        },
        Value::Array(items) if items.iter().any(|i| i.get("target").is_some()) => {
            parse_w3c(&value, now)
        }
        _ => err(format!("{UNKNOWN} {IMPORT_READS}")),
    }
}

/// What Import reads, said after every refusal of a file that is not one.
pub const IMPORT_READS: &str = "Import reads Claimcheck JSON (.json), a Claimcheck library file, W3C Web Annotations (.jsonld) and Hypothesis JSON exports.";

const UNKNOWN: &str = "This is not a file Claimcheck imports.";

/// Refuses, by its name, a file given to Import that cannot be one it reads (a CSV, an
/// article, an image), saying what Import reads instead; a `.json` or `.jsonld` file, or one
/// with no kind in its name, is read and judged by its contents.
pub fn check_import_name(name: &str) -> Result<(), String> {
    let shown = shown_file_name(name);
    let kind = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let why = match kind.as_str() {
        "" | "json" | "jsonld" => return Ok(()),
        "csv" | "tsv" => format!(
            "“{shown}” is a spreadsheet (CSV) file: Claimcheck writes CSV (Export ▸ CSV) but does not read it back."
        ),
        "txt" | "text" | "md" | "markdown" | "html" | "htm" => format!(
            "“{shown}” is an article, not annotations: open it with Open file."
        ),
        _ => format!("“{shown}” is not a file Import reads."),
    };
    Err(format!("{why} {IMPORT_READS}"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::native::{library_to_json, to_json};
    use crate::core::formats::test_documents::{sample_doc, NOW};
    use crate::core::formats::w3c::to_w3c;
    use serde_json::json;

    #[test]
    fn the_import_size_limit_is_said_in_megabytes() {
        assert_eq!(MAX_IMPORT_BYTES, 5 * 1024 * 1024);
        assert_eq!(
            too_large(6 * 1024 * 1024 + 100 * 1024),
            "This file is 6.1 MB; Claimcheck imports files up to 5 MB."
        );
    }

    #[test]
    fn every_size_refusal_shows_a_size_over_its_limit_one_byte_past_it() {
        use crate::core::intake::files::FileProblem;
        use crate::core::text::paragraphs::{PasteError, MAX_PASTE_BYTES};
        assert_eq!(
            too_large(MAX_IMPORT_BYTES + 1),
            "This file is 5.000001 MB; Claimcheck imports files up to 5 MB."
        );
        assert_eq!(
            FileProblem::TooLarge {
                bytes: MAX_PASTE_BYTES + 1
            }
            .to_string(),
            "This file is 2.000001 MB; Claimcheck opens articles up to 2 MB."
        );
        assert_eq!(
            PasteError::TooLarge {
                bytes: MAX_PASTE_BYTES + 10_486
            }
            .to_string(),
            "This text is 2.01 MB; Claimcheck takes articles up to 2 MB."
        );
    }

    #[test]
    fn a_file_import_cannot_read_gets_import_s_advice_by_its_name() {
        let csv = check_import_name("port-story.claims.csv").unwrap_err();
        assert!(
            csv.starts_with("“port-story.claims.csv” is a spreadsheet (CSV) file"),
            "{csv}"
        );
        for e in [
            csv,
            check_import_name("notes.MD").unwrap_err(),
            check_import_name("photo.png").unwrap_err(),
        ] {
            assert!(e.ends_with(IMPORT_READS), "{e}");
            assert!(!e.contains(".txt, .md or .html"), "Open file's advice: {e}");
        }
        assert!(check_import_name("notes.MD")
            .unwrap_err()
            .contains("open it with Open file"));
        for fine in ["a.json", "a.claims.JSON", "b.annotations.jsonld", "no-kind"] {
            assert_eq!(check_import_name(fine), Ok(()), "{fine}");
        }
    }

    #[test]
    fn bad_files_name_what_is_wrong() {
        let cases: Vec<(Value, &str)> = vec![
            (
                json!({"annotations": "no"}),
                "\"annotations\" is not a list",
            ),
            (
                json!({"annotations": [{"id": "x", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": 5}]}]}]}),
                "annotations[0].target[0].selector[0].exact is not a string",
            ),
            (
                json!({"annotations": [{"id": "x", "tags": [1], "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "Reyl"}]}]}]}),
                "annotations[0].tags is not a list of words",
            ),
            (
                json!({"annotations": [{"target": [{"selector": [{"type": "TextQuoteSelector", "exact": "Reyl"}]}]}]}),
                "annotations[0].id is missing",
            ),
            (
                json!({"annotations": [{"id": "p", "target": [{"source": "s"}]}]}),
                "page notes and replies are not claims",
            ),
            (
                json!({"type": "AnnotationCollection", "first": "https://x.example/page1"}),
                "not in the file",
            ),
            (
                json!({"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", "target": {"selector":
                {"type": "TextPositionSelector", "start": -1, "end": 4}}}]}}),
                "first.items[0].target.selector.start (-1) is not a character offset",
            ),
            (
                json!({"type": "AnnotationPage", "items": [{"type": "Annotation", "target": {"selector":
                [{"type": "TextPositionSelector", "start": 9, "end": 4}]}}]}),
                "items[0].target.selector[0].end (4) is not after start (9)",
            ),
            (
                json!({"type": "AnnotationPage", "items": [
                {"type": "Annotation", "id": "d", "target": {"selector": {"type": "TextQuoteSelector", "exact": "a"}}},
                {"type": "Annotation", "id": "d", "target": {"selector": {"type": "TextQuoteSelector", "exact": "b"}}}]}),
                "items[1].id \"w3c-",
            ),
            (
                json!({"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "  "}}}),
                "The annotation.target.selector.exact is empty",
            ),
            (
                json!({"type": "Annotation"}),
                "The annotation.target is missing",
            ),
            (
                json!({"type": "AnnotationPage", "items": [{"type": "Annotation", "target": {"selector":
                {"type": "TextQuoteSelector", "exact": "Reyl"}}, "body": {"purpose": "commenting", "value": 3}}]}),
                "items[0].body[0].value is not a string",
            ),
            (
                json!({"type": "AnnotationCollection", "first": {"items": []}, "claimcheck:articles": [{"id": 1}]}),
                "claimcheck:articles does not have the expected shape: [0].id invalid type",
            ),
            (
                json!({"format": "claimcheck-library", "version": 2, "documents": []}),
                "newer Claimcheck (library version 2)",
            ),
            (
                json!({"format": "claimcheck-library", "version": 1, "documents": []}),
                "holds no articles",
            ),
            (
                json!({"format": "claimcheck-library", "version": 1, "documents": [{"format": "claimcheck", "version": 2}]}),
                "In documents[0]: The file's contents do not have the expected shape",
            ),
            (
                json!({"format": "claimcheck-exercise", "version": 1}),
                "Claimcheck exercise file",
            ),
            (json!({"format": "something"}), "not a Claimcheck file"),
            (json!({"hello": "world"}), "not a file Claimcheck imports"),
            (json!(42), "not a file Claimcheck imports"),
        ];
        for (value, expected) in cases {
            let e = parse_import(&value.to_string(), NOW).unwrap_err().0;
            assert!(e.contains(expected), "{value}: {e}");
        }
        let d = sample_doc();
        let dup = library_to_json(&[d.clone(), d]);
        assert!(parse_import(&dup, NOW)
            .unwrap_err()
            .0
            .contains("documents[1].article.id \"a-1\" is used twice"));
        let mut w3c: Value =
            serde_json::from_str(&to_w3c(&sample_doc().article, &sample_doc().claims)).unwrap();
        w3c["claimcheck:articles"][0]["text"] = json!(7);
        assert!(parse_import(&w3c.to_string(), NOW)
            .unwrap_err()
            .0
            .contains("claimcheck:articles does not have the expected shape: [0].text"));
        assert!(parse_import(&to_json(&sample_doc().article, &[], &[]), NOW).is_ok());
    }
}
