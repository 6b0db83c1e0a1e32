//! What every Claimcheck file shares, read in one place: JSON text (a byte-order mark allowed),
//! one object, a `format` saying what the file is and a `version` this build must know. The
//! Claimcheck JSON, library and classroom readers each start here, so a file gets the same
//! message for the same fault whichever of them reads it.

use serde_json::{Map, Value};

use crate::core::formats::value_reader;

/// Why a file could not be read; the message names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) fn err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError(msg.into()))
}

/// Editors on Windows save UTF-8 with a byte-order mark, which JSON parsers refuse.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn not_json(e: serde_json::Error) -> FormatError {
    FormatError(format!("This is not valid JSON ({e})."))
}

/// Reads JSON text of any shape (an import may be a bare list of annotations).
pub fn parse_value(text: &str) -> Result<Value, FormatError> {
    serde_json::from_str::<Value>(strip_bom(text)).map_err(not_json)
}

/// The file as a JSON object, with messages for what is not JSON, is cut short, or is no object.
pub fn read_object(text: &str) -> Result<Value, FormatError> {
    let value = match serde_json::from_str::<Value>(strip_bom(text)) {
        Ok(v) => v,
        Err(e) if e.is_eof() => {
            return err(format!(
                "This file is cut short: its JSON ends too early ({e}). It may not have finished saving or downloading."
            ))
        }
        Err(e) => return Err(not_json(e)),
    };
    as_object(&value)?;
    Ok(value)
}

/// The value as a JSON object, or the message for a file that holds none.
pub fn as_object(value: &Value) -> Result<&Map<String, Value>, FormatError> {
    match value.as_object() {
        Some(obj) => Ok(obj),
        None => err("This is not a Claimcheck file: it does not hold a JSON object."),
    }
}

/// The file's `format` field, when it is a string.
pub fn format_of(value: &Value) -> Option<&str> {
    value.get("format").and_then(Value::as_str)
}

/// Which numbering a file's `version` counts in, as its messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// Claimcheck JSON and the classroom files: "format version 3".
    Format,
    /// The library file: "library version 2".
    Library,
}

/// The versions of one format this build reads, and what its messages call the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    pub oldest: u64,
    pub newest: u64,
    /// "file", "key file", "library file": "This … was made by a newer Claimcheck".
    pub noun: &'static str,
    pub numbering: Numbering,
}

impl Versions {
    /// Checks `value["version"]` (`path` is where `value` is in the file, for the message):
    /// a newer file is told so, rather than refused for a field it happens to lack.
    pub fn check(&self, value: &Value, path: &str) -> Result<u64, FormatError> {
        let (word, number) = match self.numbering {
            Numbering::Format => ("format", "version number"),
            Numbering::Library => ("library", "library version number"),
        };
        match value.get("version").and_then(Value::as_u64) {
            Some(v) if (self.oldest..=self.newest).contains(&v) => Ok(v),
            Some(v) if v > self.newest => err(format!(
                "This {} was made by a newer Claimcheck ({word} version {v}); this one reads version {}.",
                self.noun, self.newest
            )),
            _ => err(format!(
                "\"{path}version\" is missing or not a supported {number}."
            )),
        }
    }
}

/// Reads typed data out of JSON; a mismatch is reported at its path in `subject` ("The file's
/// contents do not", "claimcheck:articles does not") "have the expected shape: …".
pub fn typed<T: serde::de::DeserializeOwned>(
    json: &Value,
    subject: &str,
) -> Result<T, FormatError> {
    value_reader::read(json)
        .map_err(|(path, e)| FormatError(format!("{subject} have the expected shape: {path} {e}.")))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    const FILE: Versions = Versions {
        oldest: 1,
        newest: 2,
        noun: "file",
        numbering: Numbering::Format,
    };

    #[test]
    fn a_byte_order_mark_is_read_past_and_broken_json_is_named() {
        assert_eq!(parse_value("\u{feff}[1]").unwrap(), json!([1]));
        assert_eq!(read_object("\u{feff}{}").unwrap(), json!({}));
        assert!(parse_value("{")
            .unwrap_err()
            .0
            .starts_with("This is not valid JSON ("));
        assert!(read_object("{\"a\": 1")
            .unwrap_err()
            .0
            .starts_with("This file is cut short: its JSON ends too early ("));
        assert!(read_object("{]")
            .unwrap_err()
            .0
            .starts_with("This is not valid JSON ("));
        assert_eq!(
            read_object("[]").unwrap_err().0,
            "This is not a Claimcheck file: it does not hold a JSON object."
        );
    }

    #[test]
    fn versions_outside_the_range_are_refused_saying_which_way() {
        assert_eq!(FILE.check(&json!({"version": 1}), ""), Ok(1));
        assert_eq!(FILE.check(&json!({"version": 2}), ""), Ok(2));
        assert_eq!(
            FILE.check(&json!({"version": 3}), "").unwrap_err().0,
            "This file was made by a newer Claimcheck (format version 3); this one reads version 2."
        );
        for v in [json!(0), json!("2"), json!(1.5), Value::Null] {
            assert_eq!(
                FILE.check(&json!({"version": v}), "exercise.")
                    .unwrap_err()
                    .0,
                "\"exercise.version\" is missing or not a supported version number."
            );
        }
        let library = Versions {
            oldest: 1,
            newest: 1,
            noun: "library file",
            numbering: Numbering::Library,
        };
        assert_eq!(
            library.check(&json!({"version": 2}), "").unwrap_err().0,
            "This library file was made by a newer Claimcheck (library version 2); this one reads version 1."
        );
        assert_eq!(
            library.check(&json!({}), "").unwrap_err().0,
            "\"version\" is missing or not a supported library version number."
        );
    }

    #[test]
    fn shape_errors_are_located_by_their_path() {
        let e = typed::<Vec<u32>>(&json!([1, "x"]), "The list does not").unwrap_err();
        assert!(
            e.0.starts_with("The list does not have the expected shape: [1] invalid type"),
            "{e}"
        );
    }
}
