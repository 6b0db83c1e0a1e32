//! Claimcheck's own JSON format (version 3; versions 1 and 2 still read): what Export JSON writes,
//! what localStorage keeps, and what loads back; and the library file, every article in one.
//! Loading validates everything before anything is used.

use std::borrow::Borrow;
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use crate::core::anchoring::reanchor::{reanchor, Report};
use crate::core::formats::envelope::{self, err, format_of, FormatError, Numbering, Versions};
use crate::core::formats::link_fields;
use crate::core::model::{Article, Claim, Document};
use crate::core::text::offsets::CharTable;

pub const FORMAT: &str = "claimcheck";
/// Version 3 added a claim's `label` (an exercise's category); a file without labels is the
/// same in all but its version number.
pub const VERSION: u64 = 3;
/// The oldest version still read. Version 1 (the core loop's) lacks source kinds, source
/// phrases and evidence, and versions 1 and 2 lack labels; they load empty, and the file is
/// otherwise read as it is (nothing in it changed meaning).
pub const OLDEST_VERSION: u64 = 1;

const VERSIONS: Versions = Versions {
    oldest: OLDEST_VERSION,
    newest: VERSION,
    noun: "file",
    numbering: Numbering::Format,
};

/// The export of an article, its claims and its orphans, as pretty-printed JSON.
pub fn to_json(article: &Article, claims: &[Claim], orphans: &[Claim]) -> String {
    write(article, claims, orphans)
}

/// [`to_json`] of claims held as the app's state holds them, shared.
pub fn to_json_shared(article: &Article, claims: &[Rc<Claim>], orphans: &[Claim]) -> String {
    write(article, claims, orphans)
}

fn write<C: Borrow<Claim>>(article: &Article, claims: &[C], orphans: &[Claim]) -> String {
    /// The claims as a list, whether held by value or shared (the app's state shares them).
    struct List<'a, C>(&'a [C]);
    impl<C: Borrow<Claim>> Serialize for List<'_, C> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(Borrow::borrow))
        }
    }
    #[derive(Serialize)]
    #[serde(bound = "")]
    struct Borrowed<'a, C: Borrow<Claim>> {
        format: &'static str,
        version: u64,
        article: &'a Article,
        claims: List<'a, C>,
        #[serde(skip_serializing_if = "<[Claim]>::is_empty")]
        orphans: &'a [Claim],
    }
    serde_json::to_string_pretty(&Borrowed {
        format: FORMAT,
        version: VERSION,
        article,
        claims: List(claims),
        orphans,
    })
    .expect("the model always serializes")
}

/// Parses and checks a Claimcheck document: format and version first (so a newer file gets a
/// message about its version, not about a field it happens to lack), then shape. Claims whose
/// quote is not the article text at their position are re-anchored (see `reanchor`); the report
/// says what that did, when it was needed.
pub fn parse_with_report(json: &str) -> Result<(Document, Option<Report>), FormatError> {
    let mut doc = parse_shape(json)?;
    if !validate(&doc, false)? {
        return Ok((doc, None));
    }
    let anchored = reanchor(
        &doc.article.text,
        std::mem::take(&mut doc.claims),
        std::mem::take(&mut doc.orphans),
    );
    doc.claims = anchored.claims;
    doc.orphans = anchored.orphans;
    Ok((doc, Some(anchored.report)))
}

/// Parses a file someone hands in (an import): like [`parse`], but every claim must sit on its
/// quote in the file's own text; the first claim that does not is named in the error.
pub fn parse_strict(json: &str) -> Result<Document, FormatError> {
    parse_strict_value(envelope::parse_value(json)?)
}

/// As [`parse_strict`], for a document already read as JSON (one of a library file's).
pub fn parse_strict_value(value: Value) -> Result<Document, FormatError> {
    let doc = shape(value)?;
    validate(&doc, true)?;
    check_times(&doc.claims)?;
    check_links(&doc)?;
    Ok(doc)
}

/// Every address in the document that may become a link passes the one rule: an import cannot
/// plant a `javascript:` link. (What storage holds is not refused: the view shows an address
/// that fails the rule as text.)
fn check_links(doc: &Document) -> Result<(), FormatError> {
    link_fields::check_article(&doc.article, "article.")?;
    link_fields::check_evidence(&doc.claims, "claims")?;
    link_fields::check_evidence(&doc.orphans, "orphans")
}

/// Every claim's `created` and `modified` must be RFC 3339 times: they decide which change wins
/// a merge, and end up in spreadsheets.
pub fn check_times(claims: &[Claim]) -> Result<(), FormatError> {
    for (i, c) in claims.iter().enumerate() {
        for (field, value) in [("created", &c.created), ("modified", &c.modified)] {
            if !crate::core::model::is_rfc3339(value) {
                return err(format!(
                    "claims[{i}].{field} is not a date and time like 2026-11-29T10:00:00Z."
                ));
            }
        }
    }
    Ok(())
}

/// The checks every claim read from a file passes, with errors naming the claim at fault: an id,
/// used once; end after start; a quote. With `text`, each claim must also sit on its quote.
pub fn check_claims(claims: &[Claim], text: Option<&CharTable>) -> Result<(), FormatError> {
    let mut ids = std::collections::HashSet::new();
    for (i, claim) in claims.iter().enumerate() {
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
        if claim.quote.exact.is_empty() {
            return err(format!("claims[{i}].quote.exact is empty."));
        }
        let Some(table) = text else { continue };
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
                    "claims[{i}].quote.exact does not match the article text at claims[{i}].position."
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn parse_shape(json: &str) -> Result<Document, FormatError> {
    shape(envelope::parse_value(json)?)
}

/// Format, version and shape, with serde's errors located by their path in the file.
fn shape(value: Value) -> Result<Document, FormatError> {
    envelope::as_object(&value)?;
    if format_of(&value) != Some(FORMAT) {
        return err("This is not a Claimcheck file: \"format\" is not \"claimcheck\".");
    }
    VERSIONS.check(&value, "")?;
    envelope::typed(&value, "The file's contents do not")
}

pub const LIBRARY_FORMAT: &str = "claimcheck-library";
pub const LIBRARY_VERSION: u64 = 1;

const LIBRARY_VERSIONS: Versions = Versions {
    oldest: LIBRARY_VERSION,
    newest: LIBRARY_VERSION,
    noun: "library file",
    numbering: Numbering::Library,
};

/// Every article of the library in one file: `{"format": "claimcheck-library", "version": 1,
/// "documents": [...]}`, each document exactly what [`to_json`] writes.
pub fn library_to_json(docs: &[Document]) -> String {
    let documents: Vec<Value> = docs
        .iter()
        .map(|d| {
            serde_json::from_str::<Value>(&to_json(&d.article, &d.claims, &d.orphans))
                .expect("to_json writes JSON")
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "format": LIBRARY_FORMAT,
        "version": LIBRARY_VERSION,
        "documents": documents,
    }))
    .expect("JSON values always serialize")
}

/// Reads a library file already read as JSON (its `format` is the caller's to have checked):
/// every document as [`parse_strict_value`] reads one, each article once.
pub fn parse_library_value(mut value: Value) -> Result<Vec<Document>, FormatError> {
    LIBRARY_VERSIONS.check(&value, "")?;
    let Some(Value::Array(documents)) = value.get_mut("documents").map(Value::take) else {
        return err("\"documents\" is missing or is not a list.");
    };
    if documents.is_empty() {
        return err("This library file holds no articles.");
    }
    let mut ids = std::collections::HashSet::new();
    let mut docs = Vec::with_capacity(documents.len());
    for (i, doc) in documents.into_iter().enumerate() {
        let doc = parse_strict_value(doc)
            .map_err(|e| FormatError(format!("In documents[{i}]: {}", e.0)))?;
        if !ids.insert(doc.article.id.clone()) {
            return err(format!(
                "documents[{i}].article.id \"{}\" is used twice.",
                doc.article.id
            ));
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// As [`parse_with_report`], without the report.
pub fn parse(json: &str) -> Result<Document, FormatError> {
    parse_with_report(json).map(|(doc, _)| doc)
}

/// Checks the document's shape; `Ok(true)` when some claim does not sit on its quote.
/// With `on_quotes`, every claim must also sit on its quote, checked in the same pass.
fn validate(doc: &Document, on_quotes: bool) -> Result<bool, FormatError> {
    if doc.article.id.trim().is_empty() {
        return err("article.id is empty.");
    }
    let table = CharTable::new(&doc.article.text);
    check_claims(&doc.claims, on_quotes.then_some(&table))?;
    let disagree = doc
        .claims
        .iter()
        .any(|c| table.slice(c.position.start, c.position.end) != Some(c.quote.exact.as_str()));
    let mut ids: std::collections::HashSet<&str> =
        doc.claims.iter().map(|c| c.id.as_str()).collect();
    for (i, orphan) in doc.orphans.iter().enumerate() {
        if !ids.insert(orphan.id.as_str()) {
            return err(format!("orphans[{i}].id \"{}\" is used twice.", orphan.id));
        }
    }
    Ok(disagree || !doc.orphans.is_empty())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::model::{Status, TextPosition};
    use crate::core::test_claims::claim_at;

    fn article(text: &str) -> Article {
        Article {
            id: "a-1".into(),
            title: "T".into(),
            outlet: "O".into(),
            byline: String::new(),
            date: String::new(),
            text: text.into(),
            ..Article::default()
        }
    }

    fn claim(text: &str, id: &str, start: usize, end: usize) -> Claim {
        Claim {
            status: Status::Verified,
            label: None,
            source: "The Post".into(),
            note: "n".into(),
            created: "2026-01-01T00:00:00.000Z".into(),
            modified: "2026-01-02T00:00:00.000Z".into(),
            ..claim_at(text, id, start, end)
        }
    }

    #[test]
    fn round_trips_and_has_the_documented_shape() {
        let text = "Café 😀 said\n\n世界 reported";
        let a = article(text);
        let claims = vec![claim(text, "c1", 0, 11), claim(text, "c2", 13, 24)];
        let json = to_json(&a, &claims, &[]);
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], "claimcheck");
        assert_eq!(v["version"], 3);
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
        assert!(v.get("orphans").is_none(), "no orphans, no field");
    }

    fn broken(edit: impl Fn(&mut Value)) -> String {
        let text = "one two three";
        let mut v: Value =
            serde_json::from_str(&to_json(&article(text), &[claim(text, "c1", 4, 7)], &[]))
                .unwrap();
        edit(&mut v);
        parse(&v.to_string()).unwrap_err().0
    }

    #[test]
    fn claims_that_disagree_with_the_text_are_re_anchored_not_refused() {
        let text = "one two three";
        let a = article(text);
        let mut moved = claim(text, "c1", 4, 7);
        moved.position = TextPosition { start: 90, end: 93 };
        let mut gone = claim(text, "c2", 8, 13);
        gone.quote.exact = "seventeen".into();
        let (doc, report) = parse_with_report(&to_json(&a, &[moved, gone.clone()], &[])).unwrap();
        let report = report.expect("re-anchoring was needed");
        assert_eq!((report.moved, report.orphaned), (1, 1));
        assert_eq!(doc.claims[0].position, TextPosition { start: 4, end: 7 });
        assert_eq!(doc.orphans, vec![gone]);
        // Orphans survive a round trip as orphans.
        let again = parse(&to_json(&doc.article, &doc.claims, &doc.orphans)).unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn version_1_files_still_load_and_gain_the_new_fields_empty() {
        // Exactly what the core loop wrote: no source kind, phrase or evidence.
        let v1 = r#"{"format":"claimcheck","version":1,
            "article":{"id":"a-1","title":"T","outlet":"","byline":"","date":"","text":"one two three"},
            "claims":[{"id":"c1","quote":{"exact":"two","prefix":"one ","suffix":" three"},
                "position":{"start":4,"end":7},"status":"verified","source":"The Post","note":"n",
                "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-02T00:00:00.000Z"}]}"#;
        let doc = parse(v1).unwrap();
        let c = &doc.claims[0];
        assert_eq!(
            (c.source_kind, c.source_phrase.clone(), c.evidence.len()),
            (None, None, 0)
        );
        assert_eq!(c.source, "The Post");
        assert!(c.verified_without_evidence());
        let again: Value = serde_json::from_str(&to_json(&doc.article, &doc.claims, &[])).unwrap();
        assert_eq!(again["version"], VERSION);
        assert_eq!(again["claims"][0]["sourceKind"], Value::Null);
        assert_eq!(again["claims"][0]["evidence"], serde_json::json!([]));
    }

    #[test]
    fn version_2_files_load_unchanged_and_labels_round_trip() {
        let text = "one two three";
        let plain = claim(text, "c1", 4, 7);
        let mut v2: Value =
            serde_json::from_str(&to_json(&article(text), std::slice::from_ref(&plain), &[]))
                .unwrap();
        assert!(v2["claims"][0].get("label").is_none(), "no label, no field");
        v2["version"] = 2.into();
        let doc = parse_strict(&v2.to_string()).unwrap();
        assert_eq!(doc.claims, vec![plain.clone()]);
        let again: Value = serde_json::from_str(&to_json(&doc.article, &doc.claims, &[])).unwrap();
        v2["version"] = VERSION.into();
        assert_eq!(again, v2, "only the version number differs");

        let mut labelled = plain;
        labelled.label = Some("needs context".into());
        let json = to_json(&article(text), &[labelled.clone()], &[]);
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["claims"][0]["label"], "needs context");
        assert_eq!(parse_strict(&json).unwrap().claims, vec![labelled]);
        assert!(broken(|v| v["claims"][0]["label"] = 7.into())
            .contains("expected shape: claims[0].label invalid type: integer `7`"));
    }

    #[test]
    fn imports_must_sit_on_their_own_text() {
        let text = "one two three";
        let good = to_json(&article(text), &[claim(text, "c1", 4, 7)], &[]);
        assert!(parse_strict(&good).is_ok());
        assert!(
            parse_strict(&format!("\u{feff}{good}")).is_ok(),
            "a byte-order mark is fine"
        );
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["claims"][0]["modified"] = "=1+1".into();
        assert_eq!(
            parse_strict(&v.to_string()).unwrap_err().0,
            "claims[0].modified is not a date and time like 2026-11-29T10:00:00Z."
        );
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["claims"][0]["quote"]["exact"] = "six".into();
        assert_eq!(
            parse_strict(&v.to_string()).unwrap_err().0,
            "claims[0].quote.exact does not match the article text at claims[0].position."
        );
        v["claims"][0]["position"]["end"] = 99.into();
        assert!(parse_strict(&v.to_string())
            .unwrap_err()
            .0
            .contains("claims[0].position.end (99) is past the end"));
    }

    #[test]
    fn bad_documents_get_messages_naming_the_problem() {
        assert!(parse("{").unwrap_err().0.contains("not valid JSON"));
        assert!(parse("[]").unwrap_err().0.contains("not a Claimcheck file"));
        assert!(broken(|v| v["format"] = "other".into()).contains("not a Claimcheck file"));
        assert_eq!(
            broken(|v| v["version"] = (VERSION + 1).into()),
            "This file was made by a newer Claimcheck (format version 4); this one reads version 3."
        );
        assert!(broken(|v| v["version"] = 0.into()).contains("version"));
        assert!(broken(|v| v["version"] = "1".into()).contains("version"));
        assert!(broken(|v| v["claims"][0]["position"]["end"] = 2.into())
            .contains("claims[0].position.end (2) is not after start (4)"));
        assert!(broken(|v| v["claims"][0]["quote"]["exact"] = "".into())
            .contains("claims[0].quote.exact is empty"));
        assert!(broken(|v| v["claims"][0]["status"] = "true".into())
            .contains("expected shape: claims[0].status unknown variant"));
        assert!(
            broken(|v| v["claims"][0]["position"]["start"] = (-1).into())
                .contains("claims[0].position.start invalid value: integer `-1`")
        );
        assert!(broken(|v| {
            let c = v["claims"][0].clone();
            v["claims"].as_array_mut().unwrap().push(c);
        })
        .contains("claims[1].id \"c1\" is used twice"));
    }
}
