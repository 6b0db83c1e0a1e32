//! Whole files through `parse_import` and `import_all`: what an import of each format does to the
//! library, and which article annotations without their own find.

use super::merge::*;
use crate::core::formats::annotations::Format;
use crate::core::formats::native::library_to_json;
use crate::core::formats::sniff::parse_import;
use crate::core::formats::test_documents::{article, claim, doc, sample_doc, NOW, TEXT};
use crate::core::formats::w3c::{library_to_w3c, to_w3c};
use crate::core::model::Document;
use crate::core::model::{SourceKind, Stance, Status};
use serde_json::json;

fn import(
    library: &[Document],
    text: &str,
) -> Result<crate::core::library::merge::ImportOutcome, String> {
    let parsed = parse_import(text, NOW).map_err(|e| e.0)?;
    import_all(library, parsed).map_err(|e| e.0)
}

#[test]
fn w3c_export_imported_into_an_empty_library_exports_the_same() {
    let d = sample_doc();
    let first = to_w3c(&d.article, &d.claims);
    let outcome = import(&[], &first).unwrap();
    assert_eq!(outcome.format, Format::W3c);
    assert_eq!(outcome.documents.len(), 1);
    let back = &outcome.documents[0];
    assert!(outcome.reports[0].new_article);
    assert_eq!(outcome.reports[0].added, 3);
    assert_eq!(to_w3c(&back.article, &back.claims), first);
    assert_eq!(back.claims[0].source_kind, Some(SourceKind::Publication));
    assert_eq!(back.claims[1].evidence[0].stance, Stance::Contradicts);
    assert_eq!(back.claims[2].status, Status::Unverified);
    // Importing it again changes nothing.
    let again = import(&outcome.documents, &first).unwrap();
    assert_eq!((again.reports[0].added, again.reports[0].unchanged), (0, 3));
    assert_eq!(again.documents, outcome.documents);
}

#[test]
fn library_files_round_trip_and_import_every_article() {
    let a = sample_doc();
    let mut b = doc(
        article("a-2", "https://news.example/b"),
        vec![claim("c9", "Reyl denied it.")],
    );
    b.article.text = TEXT.into();
    let file = library_to_json(&[a.clone(), b.clone()]);
    let outcome = import(&[], &file).unwrap();
    assert_eq!(outcome.format, Format::Library);
    assert_eq!(outcome.documents, vec![a.clone(), b.clone()]);
    assert_eq!(library_to_json(&outcome.documents), file);
    // Into a library that has one of them: one merge, one new article.
    let outcome = import(std::slice::from_ref(&a), &file).unwrap();
    assert_eq!(outcome.reports.len(), 2);
    assert!(!outcome.reports[0].new_article && outcome.reports[1].new_article);
    let w3c = library_to_w3c(&[a, b]);
    let outcome = import(&[], &w3c).unwrap();
    assert_eq!(outcome.documents.len(), 2);
    assert_eq!(library_to_w3c(&outcome.documents), w3c);
}

#[test]
fn another_tool_s_w3c_annotations_find_their_article_by_its_words() {
    let file = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [
            {"id": "https://anno.example/1", "type": "Annotation",
             "bodyValue": "Is this in the filing?",
             "target": {"source": "https://elsewhere.example/story",
                "selector": {"type": "TextQuoteSelector", "exact": "the port paid twice"}}},
            {"id": "https://anno.example/2", "type": "Annotation",
             "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Verified"}],
             "target": {"source": "https://elsewhere.example/story",
                "selector": [{"type": "TextPositionSelector", "start": 9999, "end": 10014},
                             {"type": "TextQuoteSelector", "exact": "Reyl denied it."}]}},
            {"id": "https://anno.example/3", "type": "Annotation",
             "target": "https://elsewhere.example/story"}
        ]
    })
    .to_string();
    let library = vec![
        doc(article("other", ""), vec![]).tap_text("Nothing to see here."),
        doc(article("a-1", ""), vec![claim("c1", "rents rose 40%")]),
    ];
    let outcome = import(&library, &file).unwrap();
    assert_eq!(outcome.skipped, 1, "the whole-page annotation");
    let report = &outcome.reports[0];
    assert_eq!(report.article_id, "a-1");
    assert!(report.by_quote);
    let r = report.reanchored.unwrap();
    assert_eq!((r.unchanged + r.moved, r.orphaned), (2, 0));
    let merged = &outcome.documents[0];
    assert_eq!(merged.claims.len(), 3);
    let by_quote = |q: &str| merged.claims.iter().find(|c| c.quote.exact == q).unwrap();
    let first = by_quote("the port paid twice");
    assert_eq!(first.note, "Is this in the filing?");
    assert_eq!(first.status, Status::Unverified);
    assert_eq!(first.created, NOW);
    let second = by_quote("Reyl denied it.");
    assert_eq!(second.status, Status::Verified);
    assert!(second.evidence.is_empty(), "no javascript: links");
    assert!(outcome.summary().contains("found by their words"));
    // The same file again merges by id: nothing new.
    let again = import(&outcome.documents, &file).unwrap();
    assert_eq!(again.reports[0].added, 0);
}

trait TapText {
    fn tap_text(self, text: &str) -> Self;
}

impl TapText for Document {
    fn tap_text(mut self, text: &str) -> Self {
        self.article.text = text.into();
        self
    }
}

#[test]
fn a_phrase_in_common_does_not_make_it_the_same_article() {
    let annotation = |exact: &str| {
        json!({"type": "Annotation", "target": {"source": "https://other.example/budget",
            "selector": {"type": "TextQuoteSelector", "exact": exact}}})
    };
    let file = json!({"type": "AnnotationPage", "items": [
        annotation("Reyl denied it."),
        annotation("the budget grew by a third"),
        annotation("taxes will not rise"),
    ]})
    .to_string();
    let e = import(&[sample_doc()], &file).unwrap_err();
    assert!(e.contains("https://other.example/budget"), "{e}");
    // Two of three found: that is the article.
    let file = json!({"type": "AnnotationPage", "items": [
        annotation("Reyl denied it."),
        annotation("the port paid twice"),
        annotation("taxes will not rise"),
    ]})
    .to_string();
    let outcome = import(&[sample_doc()], &file).unwrap();
    assert_eq!(outcome.reports[0].reanchored.unwrap().orphaned, 1);
}

#[test]
fn annotations_for_an_article_not_here_are_refused_with_its_address() {
    let file = json!({"type": "Annotation", "id": "x", "target": {
        "source": "https://elsewhere.example/story",
        "selector": {"type": "TextQuoteSelector", "exact": "words found nowhere"}}})
    .to_string();
    let e = import(&[sample_doc()], &file).unwrap_err();
    assert!(e.contains("https://elsewhere.example/story"), "{e}");
    assert!(e.contains("Open that article in Claimcheck first"), "{e}");
}

fn hypothesis_export() -> String {
    json!({
        "export_date": "2026-11-20T10:00:00Z",
        "export_userid": "acct:teacher@hypothes.is",
        "client_version": "1.1500.0",
        "annotations": [
            {"id": "AbC1", "created": "2026-11-10T10:00:00Z", "updated": "2026-11-11T10:00:00Z",
             "uri": "https://news.example/port", "text": "Matches the court filing.",
             "tags": ["Verified", "port"],
             "document": {"title": ["Port story"]},
             "target": [{"source": "https://news.example/port", "selector": [
                {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0,
                 "endContainer": "/p[1]", "endOffset": 19},
                {"type": "TextPositionSelector", "start": 0, "end": 5},
                {"type": "TextQuoteSelector", "exact": "the port paid twice",
                 "prefix": "documents, that ", "suffix": ". Reyl"}]}]},
            {"id": "AbC2", "created": "2026-11-10T10:00:00Z", "updated": "2026-11-10T10:00:00Z",
             "uri": "https://news.example/port", "text": "", "tags": ["unverified"],
             "target": [{"source": "https://news.example/port", "selector": [
                {"type": "TextQuoteSelector", "exact": "Reyl denied it."}]}]},
            {"id": "AbC3", "uri": "https://news.example/port", "text": "Great read",
             "tags": [], "target": [{"source": "https://news.example/port"}]},
            {"id": "AbC4", "uri": "https://news.example/port", "text": "Agreed",
             "references": ["AbC1"], "target": [{"source": "https://news.example/port"}]}
        ]
    })
    .to_string()
}

#[test]
fn hypothesis_tags_become_statuses_and_text_the_note() {
    let mut a = article("a-port", "https://news.example/port");
    a.text = format!("Changed intro. {TEXT}");
    let library = vec![doc(article("decoy", ""), vec![]), doc(a.clone(), vec![])];
    let outcome = import(&library, &hypothesis_export()).unwrap();
    assert_eq!(outcome.format, Format::Hypothesis);
    assert_eq!(outcome.skipped, 2, "a page note and a reply");
    let report = &outcome.reports[0];
    assert_eq!(
        report.article_id, "a-port",
        "the address wins over the decoy's words"
    );
    assert_eq!(report.added, 2);
    let merged = &outcome.documents[0];
    let c = &merged.claims[0];
    assert_eq!(c.id, "hyp-AbC1");
    assert_eq!(c.quote.exact, "the port paid twice");
    assert_eq!(
        crate::core::text::offsets::slice(&a.text, c.position.start, c.position.end),
        Some("the port paid twice"),
        "the wrong position hint was ignored"
    );
    assert_eq!(
        (c.status, c.note.as_str()),
        (Status::Verified, "Matches the court filing.")
    );
    assert_eq!(
        (c.created.as_str(), c.modified.as_str()),
        ("2026-11-10T10:00:00Z", "2026-11-11T10:00:00Z")
    );
    assert_eq!(merged.claims[1].status, Status::Unverified);
}
