#![cfg(not(target_arch = "wasm32"))]
//! The hostile-link corpus (tests/fixtures/hostile_links.txt) through the one link rule and
//! through every import that carries addresses: each payload the corpus marks "refuse" is refused
//! with a message naming the field, and the file it is in imports nothing; each "accept" one
//! imports. tests/e2e_links.rs shows the same in Chromium.

use claimcheck::core::formats::{native, sniff::parse_import};
use claimcheck::core::library::merge::import_all;
use claimcheck::core::model::{Article, Claim, Evidence, TextPosition, TextQuote};
use claimcheck::core::text::links::check_link;
use claimcheck_e2e_support::link_corpus;
use serde_json::{json, Value};

const NOW: &str = "2026-11-20T10:00:00Z";
const TEXT: &str = "The port paid twice for the same cranes, records show.";
const QUOTE: &str = "The port paid twice";

fn claim(id: &str, urls: &[&str]) -> Claim {
    Claim {
        evidence: urls
            .iter()
            .map(|u| Evidence {
                url: u.to_string(),
                ..Evidence::default()
            })
            .collect(),
        ..Claim::unverified(
            id.into(),
            TextQuote {
                exact: QUOTE.into(),
                prefix: String::new(),
                suffix: " for the same".into(),
            },
            TextPosition { start: 0, end: 19 },
            NOW,
            NOW,
        )
    }
}

fn article(url: &str) -> Article {
    Article {
        id: "a-port".into(),
        title: "Port".into(),
        text: TEXT.into(),
        url: url.into(),
        ..Article::default()
    }
}

/// What Import does with a file: parse, then merge into an empty library.
fn import(file: &str) -> Result<usize, String> {
    let parsed = parse_import(file, NOW).map_err(|e| e.0)?;
    let outcome = import_all(&[], parsed).map_err(|e| e.0)?;
    Ok(outcome
        .documents
        .iter()
        .map(|d| d.claims.iter().map(|c| c.evidence.len()).sum::<usize>())
        .sum())
}

#[test]
fn the_corpus_is_what_the_issue_asks_for() {
    let corpus = link_corpus();
    let refused = corpus.iter().filter(|(ok, _)| !ok).count();
    assert!(refused >= 56, "{refused} hostile payloads");
    for needle in [
        "javascript:",
        "JaVaScRiPt:",
        "data:text/html",
        "java\tscript",
        "java\nscript",
        "\u{1}javascript",
        "vbscript:",
        "javascript://%0a",
        "file:",
        "//evil",
    ] {
        assert!(corpus.iter().any(|(_, a)| a.contains(needle)), "{needle:?}");
    }
}

#[test]
fn every_payload_gets_the_verdict_the_corpus_gives_it() {
    for (accept, address) in link_corpus() {
        let verdict = check_link(&address, "Evidence 1 of claim “x”");
        match verdict {
            Ok(read) => {
                assert!(accept, "{address:?} passed as {read:?}");
                let lower = read.to_ascii_lowercase();
                assert!(lower.starts_with("http://") || lower.starts_with("https://"));
            }
            Err(why) => {
                assert!(!accept, "{address:?} refused: {why}");
                assert!(why.starts_with("Evidence 1 of claim “x”: "), "{why}");
            }
        }
    }
}

#[test]
fn a_claimcheck_json_import_with_a_payload_as_evidence_is_refused_naming_the_field() {
    for (accept, address) in link_corpus() {
        let file = native::to_json(
            &article(""),
            &[claim("c1", &["https://ok.example/", &address])],
            &[],
        );
        match import(&file) {
            Ok(links) => {
                assert!(accept, "{address:?} was imported");
                assert_eq!(links, 2);
            }
            Err(why) => {
                assert!(!accept, "{address:?} refused: {why}");
                assert!(
                    why.starts_with(
                        "Evidence 2 of claim “The port paid twice” (claims[0].evidence[1].url): "
                    ),
                    "{address:?}: {why}"
                );
            }
        }
    }
}

#[test]
fn every_other_field_that_becomes_a_link_refuses_the_payloads_too() {
    for (accept, address) in link_corpus()
        .into_iter()
        .filter(|(_, a)| !a.trim().is_empty())
    {
        let fields: Vec<(String, &str)> = vec![
            (native::to_json(&article(&address), &[], &[]), "The article's original address (article.url)"),
            (native::to_json(&article(""), &[], &[claim("o1", &[&address])]), "Evidence 1 of orphaned claim “The port paid twice” (orphans[0].evidence[0].url)"),
            (
                json!({"format": "claimcheck-library", "version": 1,
                       "documents": [serde_json::from_str::<Value>(&native::to_json(&article(""), &[claim("c1", &[&address])], &[])).unwrap()]})
                .to_string(),
                "In documents[0]: Evidence 1 of claim “The port paid twice” (claims[0].evidence[0].url)",
            ),
            (
                json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage",
                       "items": [{"id": "urn:claimcheck:claim:c1", "type": "Annotation",
                                  "body": [{"type": "SpecificResource", "purpose": "linking", "source": address}],
                                  "target": {"source": "https://news.example/port",
                                             "selector": {"type": "TextQuoteSelector", "exact": QUOTE}}}],
                       "claimcheck:articles": [article("https://news.example/port")]})
                .to_string(),
                "The linking body items[0].body[0]",
            ),
        ];
        for (file, field) in fields {
            match import(&file) {
                Ok(_) => assert!(accept, "{address:?} was imported as {field}"),
                Err(why) => {
                    assert!(!accept, "{address:?} refused as {field}: {why}");
                    assert!(why.starts_with(&format!("{field}: ")), "{address:?}: {why}");
                }
            }
        }
    }
}
