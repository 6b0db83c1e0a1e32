//! Claimcheck's own JSON format (version 1): what Export JSON writes, what localStorage keeps,
//! and what loads back. Loading validates everything before anything is used.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Article, Claim};
use crate::offsets::CharTable;

pub const FORMAT: &str = "claimcheck";
pub const VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u64,
    pub article: Article,
    pub claims: Vec<Claim>,
}

/// The export of an article and its claims, as pretty-printed JSON.
pub fn to_json(article: &Article, claims: &[Claim]) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        format: &'static str,
        version: u64,
        article: &'a Article,
        claims: &'a [Claim],
    }
    serde_json::to_string_pretty(&Borrowed {
        format: FORMAT,
        version: VERSION,
        article,
        claims,
    })
    .expect("the model always serializes")
}

/// Why a document could not be loaded; the message names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError(msg.into()))
}

/// Parses and checks a Claimcheck document: format and version first (so a newer file gets a
/// message about its version, not about a field it happens to lack), then shape, then that every
/// claim's quote is the article text at its position.
pub fn parse(json: &str) -> Result<Document, FormatError> {
    let value: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return err(format!("This is not valid JSON ({e}).")),
    };
    let Some(obj) = value.as_object() else {
        return err("This is not a Claimcheck file: it does not hold a JSON object.");
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return err("This is not a Claimcheck file: \"format\" is not \"claimcheck\".");
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => {
            return err(format!(
                "This file was made by a newer Claimcheck (format version {v}); this one reads version {VERSION}."
            ))
        }
        _ => return err("\"version\" is missing or not a supported version number."),
    }
    let doc: Document = match serde_json::from_value(value) {
        Ok(d) => d,
        Err(e) => {
            return err(format!(
                "The file's contents do not have the expected shape: {e}."
            ))
        }
    };
    validate(&doc)?;
    Ok(doc)
}

fn validate(doc: &Document) -> Result<(), FormatError> {
    if doc.article.id.trim().is_empty() {
        return err("article.id is empty.");
    }
    let table = CharTable::new(&doc.article.text);
    let mut ids = std::collections::HashSet::new();
    for (i, claim) in doc.claims.iter().enumerate() {
        let p = claim.position;
        if claim.id.is_empty() {
            return err(format!("claims[{i}].id is empty."));
        }
        if !ids.insert(claim.id.as_str()) {
            return err(format!("claims[{i}].id \"{}\" is used twice.", claim.id));
        }
        if p.end <= p.start {
            return err(format!(
                "claims[{i}].position.end ({}) is not after start ({}).",
                p.end, p.start
            ));
        }
        match table.slice(p.start, p.end) {
            None => {
                return err(format!(
                    "claims[{i}].position.end ({}) is past the end of the article text ({} characters).",
                    p.end,
                    table.len()
                ))
            }
            Some(found) if found != claim.quote.exact => {
                return err(format!(
                    "claims[{i}].quote.exact does not match the article text at its position."
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::anchor::describe;
    use crate::model::Status;

    fn article(text: &str) -> Article {
        Article {
            id: "a-1".into(),
            title: "T".into(),
            outlet: "O".into(),
            byline: String::new(),
            date: String::new(),
            text: text.into(),
        }
    }

    fn claim(text: &str, id: &str, start: usize, end: usize) -> Claim {
        let (quote, position) = describe(text, start, end).unwrap();
        Claim {
            id: id.into(),
            quote,
            position,
            status: Status::Verified,
            source: "The Post".into(),
            note: "n".into(),
            created: "2026-01-01T00:00:00.000Z".into(),
            modified: "2026-01-02T00:00:00.000Z".into(),
        }
    }

    #[test]
    fn round_trips_and_has_the_documented_shape() {
        let text = "Café 😀 said\n\n世界 reported";
        let a = article(text);
        let claims = vec![claim(text, "c1", 0, 11), claim(text, "c2", 13, 24)];
        let json = to_json(&a, &claims);
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], "claimcheck");
        assert_eq!(v["version"], 1);
        assert_eq!(v["article"]["text"], text);
        assert_eq!(v["claims"][0]["status"], "verified");
        assert_eq!(v["claims"][1]["quote"]["exact"], "世界 reported");
        assert_eq!(v["claims"][1]["position"]["start"], 13);
        for key in ["id", "source", "note", "created", "modified"] {
            assert!(v["claims"][0].get(key).is_some(), "{key}");
        }
        let doc = parse(&json).unwrap();
        assert_eq!(doc.article, a);
        assert_eq!(doc.claims, claims);
    }

    fn broken(edit: impl Fn(&mut Value)) -> String {
        let text = "one two three";
        let mut v: Value =
            serde_json::from_str(&to_json(&article(text), &[claim(text, "c1", 4, 7)])).unwrap();
        edit(&mut v);
        parse(&v.to_string()).unwrap_err().0
    }

    #[test]
    fn bad_documents_get_messages_naming_the_problem() {
        assert!(parse("{").unwrap_err().0.contains("not valid JSON"));
        assert!(parse("[]").unwrap_err().0.contains("not a Claimcheck file"));
        assert!(broken(|v| v["format"] = "other".into()).contains("not a Claimcheck file"));
        assert!(broken(|v| v["version"] = 2.into()).contains("newer Claimcheck"));
        assert!(broken(|v| v["version"] = "1".into()).contains("version"));
        assert!(broken(|v| v["claims"][0]["position"]["end"] = 2.into())
            .contains("claims[0].position.end (2) is not after start (4)"));
        assert!(broken(|v| v["claims"][0]["position"]["end"] = 99.into()).contains("past the end"));
        assert!(broken(|v| v["claims"][0]["quote"]["exact"] = "six".into())
            .contains("claims[0].quote.exact does not match"));
        assert!(broken(|v| v["claims"][0]["status"] = "true".into()).contains("expected shape"));
        assert!(broken(|v| {
            let c = v["claims"][0].clone();
            v["claims"].as_array_mut().unwrap().push(c);
        })
        .contains("claims[1].id \"c1\" is used twice"));
    }
}
