//! Articles, claims and documents the format tests (and the import tests in `library::merge`)
//! share: one article text with claims of every kind, and a claim built to trip CSV and
//! JSON-LD writers.

use crate::core::anchoring::selectors::describe;
use crate::core::model::{Article, Claim, Document, Evidence, SourceKind, Stance, Status};
use crate::core::test_claims::claim_on;

pub(crate) const TEXT: &str = "Café owners said on Monday that rents rose 40%. The Washington Post reported, citing confidential documents, that the port paid twice. Reyl denied it.";
pub(crate) const NOW: &str = "2026-11-29T00:00:00.000Z";

pub(crate) fn article(id: &str, url: &str) -> Article {
    Article {
        id: id.into(),
        title: format!("Story {id}"),
        url: url.into(),
        text: TEXT.into(),
        ..Article::default()
    }
}

pub(crate) fn claim(id: &str, quote: &str) -> Claim {
    Claim {
        status: Status::Verified,
        label: None,
        source: "The Washington Post".into(),
        source_kind: Some(SourceKind::Publication),
        note: "Checked against the filing.".into(),
        evidence: vec![Evidence {
            url: "https://court.example/filing".into(),
            ..Evidence::default()
        }],
        created: "2026-11-01T10:00:00.000Z".into(),
        modified: "2026-11-02T10:00:00.000Z".into(),
        ..claim_on(TEXT, id, quote)
    }
}

pub(crate) fn doc(article: Article, claims: Vec<Claim>) -> Document {
    Document::new(article, claims, vec![])
}

/// An article with a claim of each kind: verified by a source, contradicted, unverified.
pub(crate) fn sample_doc() -> Document {
    let mut against = claim("c1", "the port paid twice");
    against.evidence[0].stance = Stance::Contradicts;
    let mut unverified = claim("c2", "Reyl denied it.");
    unverified.status = Status::Unverified;
    unverified.source_kind = None;
    unverified.evidence.clear();
    unverified.note.clear();
    doc(
        article("a-1", ""),
        vec![claim("c0", "rents rose 40%"), against, unverified],
    )
}

/// One claim whose cells start like formulas and hold quotes, line breaks and emoji.
pub(crate) fn sample() -> (Article, Vec<Claim>) {
    let text = "=cmd|' /C calc'!A0 said the ministry, \"quoted\", café 😀.";
    let article = Article {
        id: "a-1".into(),
        title: "Ministry, \"quoted\"".into(),
        url: "https://news.example/story".into(),
        text: text.into(),
        ..Article::default()
    };
    let (quote, position) = describe(text, 0, 36).unwrap();
    let claim = Claim {
        id: "c-1".into(),
        quote,
        position,
        status: Status::Verified,
        label: None,
        source: "+Ministry of Transport".into(),
        source_kind: Some(SourceKind::Organization),
        source_phrase: None,
        note: "line one\nline two, with \"quotes\"".into(),
        evidence: vec![
            Evidence {
                url: "https://a.example/1".into(),
                title: "A".into(),
                shows: "s".into(),
                stance: Stance::Supports,
            },
            Evidence {
                url: "https://b.example/2".into(),
                title: "B".into(),
                shows: "".into(),
                stance: Stance::Contradicts,
            },
        ],
        created: "2026-11-01T10:00:00.000Z".into(),
        modified: "2026-11-02T11:00:00.000Z".into(),
    };
    (article, vec![claim])
}
