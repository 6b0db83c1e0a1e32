//! Valid documents, built with the core's own types: what the writers write, for the
//! mutations to start from.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Value};

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::model::{
    Article, BlockKind, Claim, Document, Evidence, Link, Passage, SourceKind, Stance, Status,
};
use claimcheck::core::text::offsets::char_len;

use super::{text, unicode};

const TIMES: &[&str] = &[
    "2026-11-01T10:00:00.000Z",
    "2026-11-02T10:00:00Z",
    "2026-11-02T10:00:00+01:00",
    "1970-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
];
const URLS: &[&str] = &[
    "",
    "https://news.example/story",
    "http://x.example",
    "urn:claimcheck:article:a-1",
    "javascript:alert(1)",
];
const ARTICLE_IDS: &[&str] = &["a-1", "a-2", "story", "a-😀", " a "];

/// A range of a text of `len` code points (at least one), never empty.
fn range(len: usize, a: Index, b: Index) -> (usize, usize) {
    let start = a.index(len);
    (start, start + 1 + b.index(len - start))
}

#[derive(Debug, Clone)]
pub struct ClaimSeed {
    at: (Index, Index),
    verified: bool,
    source: String,
    kind: Option<Index>,
    note: String,
    evidence: Vec<(usize, bool)>,
    times: (Index, Index),
    phrase: Option<(Index, Index)>,
    /// For orphans: words no longer in the text.
    gone: String,
}

fn claim_seed() -> impl Strategy<Value = ClaimSeed> {
    (
        (any::<Index>(), any::<Index>()),
        any::<bool>(),
        unicode(),
        any::<Option<Index>>(),
        unicode(),
        vec((0..URLS.len(), any::<bool>()), 0..3),
        (any::<Index>(), any::<Index>()),
        any::<Option<(Index, Index)>>(),
        "[a-z ]{1,12}",
    )
        .prop_map(
            |(at, verified, source, kind, note, evidence, times, phrase, gone)| ClaimSeed {
                at,
                verified,
                source,
                kind,
                note,
                evidence,
                times,
                phrase,
                gone,
            },
        )
}

impl ClaimSeed {
    fn claim(&self, text: &str, id: String, orphan: bool) -> Claim {
        let len = char_len(text);
        let (start, end) = range(len, self.at.0, self.at.1);
        let (mut quote, position) = describe(text, start, end).expect("a range of the text");
        if orphan {
            quote.exact = self.gone.clone();
        }
        let created = self.times.0.get(TIMES);
        let modified = self.times.1.get(TIMES).max(created);
        Claim {
            status: if self.verified {
                Status::Verified
            } else {
                Status::Unverified
            },
            label: None,
            source: self.source.clone(),
            source_kind: self.kind.map(|k| *k.get(&SourceKind::ALL)),
            source_phrase: self.phrase.map(|(a, b)| {
                let (s, e) = range(len, a, b);
                let (quote, position) = describe(text, s, e).expect("a range of the text");
                Passage { quote, position }
            }),
            note: self.note.clone(),
            evidence: self
                .evidence
                .iter()
                .map(|&(url, against)| Evidence {
                    url: URLS[url].to_string(),
                    title: "T".into(),
                    shows: String::new(),
                    stance: if against {
                        Stance::Contradicts
                    } else {
                        Stance::Supports
                    },
                })
                .collect(),
            ..Claim::unverified(id, quote, position, created, modified)
        }
    }
}

fn block_kind() -> impl Strategy<Value = BlockKind> {
    prop_oneof![
        Just(BlockKind::Paragraph),
        any::<u8>().prop_map(|level| BlockKind::Heading { level }),
        any::<bool>().prop_map(|ordered| BlockKind::Item { ordered }),
        Just(BlockKind::Quote),
    ]
}

/// A document as the app writes one: every claim on its quote, orphans off the text, claim ids
/// unique, times RFC 3339; the article's blocks and links as an imported page has them.
pub fn document() -> impl Strategy<Value = Document> {
    (
        text(),
        select(ARTICLE_IDS),
        unicode(),
        select(URLS),
        vec(block_kind(), 0..4),
        vec((any::<Index>(), any::<Index>(), select(URLS)), 0..3),
        vec(claim_seed(), 0..5),
        vec(claim_seed(), 0..2),
    )
        .prop_map(|(text, id, title, url, blocks, links, claims, orphans)| {
            let len = char_len(&text);
            let article = Article {
                id: id.to_string(),
                title,
                outlet: "Outlet".into(),
                url: url.to_string(),
                links: links
                    .into_iter()
                    .map(|(a, b, href)| {
                        let (start, end) = range(len, a, b);
                        Link {
                            start,
                            end,
                            href: href.to_string(),
                        }
                    })
                    .collect(),
                blocks,
                text,
                ..Article::default()
            };
            let claims = claims
                .iter()
                .enumerate()
                .map(|(i, s)| s.claim(&article.text, format!("c{i}"), false))
                .collect();
            let orphans = orphans
                .iter()
                .enumerate()
                .map(|(i, s)| s.claim(&article.text, format!("o{i}"), true))
                .collect();
            Document::new(article, claims, orphans)
        })
}

/// One to three documents of different articles, as a library holds them.
pub fn library() -> impl Strategy<Value = Vec<Document>> {
    vec(document(), 1..4).prop_map(|mut docs| {
        for (i, d) in docs.iter_mut().enumerate() {
            d.article.id = format!("{}-{i}", d.article.id);
        }
        docs
    })
}

/// The shape of a Hypothesis JSON export of `doc`'s claims, with a page note and a reply.
pub fn hypothesis_export(doc: &Document) -> String {
    let uri = if doc.article.url.is_empty() {
        "https://news.example/story"
    } else {
        &doc.article.url
    };
    let mut annotations: Vec<Value> = doc
        .claims
        .iter()
        .map(|c| {
            json!({
                "id": c.id, "created": c.created, "updated": c.modified, "uri": uri,
                "text": c.note, "tags": [c.status.as_str(), "port"],
                "document": {"title": [doc.article.title]},
                "target": [{"source": uri, "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0},
                    {"type": "TextPositionSelector", "start": c.position.start, "end": c.position.end},
                    {"type": "TextQuoteSelector", "exact": c.quote.exact,
                     "prefix": c.quote.prefix, "suffix": c.quote.suffix},
                ]}],
            })
        })
        .collect();
    annotations.push(
        json!({"id": "note", "uri": uri, "text": "A page note", "tags": [],
        "target": [{"source": uri}]}),
    );
    annotations.push(
        json!({"id": "reply", "uri": uri, "text": "Agreed", "references": ["c0"],
        "target": [{"source": uri}]}),
    );
    json!({
        "export_date": "2026-11-20T10:00:00Z",
        "export_userid": "acct:teacher@hypothes.is",
        "annotations": annotations,
    })
    .to_string()
}
