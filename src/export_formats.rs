//! Exports in the formats the field already reads: W3C Web Annotation (JSON-LD), schema.org
//! ClaimReview (JSON-LD) and CSV. Claimcheck's own JSON is in `export_json`.

use serde_json::{json, Value};

use crate::deep_link;
use crate::model::{Article, Claim, SourceKind, Stance};

/// The article's address for annotation targets: its original URL, or a stable URN.
fn article_iri(article: &Article) -> String {
    if article.url.starts_with("https://") || article.url.starts_with("http://") {
        article.url.clone()
    } else {
        format!("urn:claimcheck:article:{}", article.id)
    }
}

/// One claim as a W3C Web Annotation with motivation "assessing".
fn annotation(article: &Article, claim: &Claim) -> Value {
    let mut body = vec![json!({
        "type": "TextualBody",
        "purpose": "tagging",
        "value": claim.status.as_str(),
    })];
    if !claim.note.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": claim.note}));
    }
    if !claim.source.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "describing", "value": claim.source}));
    }
    for evidence in &claim.evidence {
        body.push(json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": evidence.url,
        }));
    }
    json!({
        "id": format!("urn:claimcheck:claim:{}", claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created,
        "modified": claim.modified,
        "body": body,
        "target": {
            "source": article_iri(article),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": claim.quote.exact,
                    "prefix": claim.quote.prefix,
                    "suffix": claim.quote.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": claim.position.start,
                    "end": claim.position.end,
                },
            ],
        },
    })
}

/// The claims as a W3C Web Annotation `AnnotationCollection` (JSON-LD).
pub fn to_w3c(article: &Article, claims: &[Claim]) -> String {
    let items: Vec<Value> = claims.iter().map(|c| annotation(article, c)).collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("urn:claimcheck:article:{}:claims", article.id),
        "type": "AnnotationCollection",
        "label": article.title,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "items": items,
        },
    });
    serde_json::to_string_pretty(&collection).expect("JSON values always serialize")
}

/// The claims as schema.org `ClaimReview`s (a JSON-LD array, one per claim).
pub fn to_claimreview(article: &Article, claims: &[Claim], reviewer: &str) -> String {
    let reviews: Vec<Value> = claims
        .iter()
        .map(|c| {
            let author_type = match c.source_kind {
                Some(SourceKind::Person) => "Person",
                _ => "Organization",
            };
            let mut item = json!({
                "@type": "Claim",
                "appearance": {
                    "@type": "CreativeWork",
                    "headline": article.title,
                    "url": article_iri(article),
                },
            });
            if !c.source.is_empty() {
                item["author"] = json!({"@type": author_type, "name": c.source});
            }
            json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": c.quote.exact,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": c.status.label(),
                },
                "author": {"@type": "Person", "name": reviewer},
                "datePublished": c.modified.get(..10).unwrap_or(&c.modified),
                "url": format!("{}{}", article_iri(article), deep_link::format(&article.id, Some(&c.id))),
            })
        })
        .collect();
    serde_json::to_string_pretty(&reviews).expect("JSON values always serialize")
}

/// Spreadsheets run a cell that starts with one of these as a formula; such cells get a leading
/// apostrophe so they stay text (OWASP's advice on CSV injection).
fn guard(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub const CSV_COLUMNS: [&str; 10] = [
    "quote",
    "status",
    "source",
    "source kind",
    "note",
    "evidence URLs",
    "start",
    "end",
    "created",
    "modified",
];

/// The claims as CSV, one row per claim, quoted by the csv crate, formulas guarded.
pub fn to_csv(claims: &[Claim]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(CSV_COLUMNS)
        .expect("writing to memory cannot fail");
    for c in claims {
        let evidence: Vec<String> = c
            .evidence
            .iter()
            .map(|e| match e.stance {
                Stance::Supports => e.url.clone(),
                Stance::Contradicts => format!("{} (contradicts)", e.url),
            })
            .collect();
        let row = [
            guard(&c.quote.exact),
            c.status.as_str().to_string(),
            guard(&c.source),
            c.source_kind
                .map(|k| k.as_str())
                .unwrap_or_default()
                .to_string(),
            guard(&c.note),
            guard(&evidence.join(" ")),
            c.position.start.to_string(),
            c.position.end.to_string(),
            c.created.clone(),
            c.modified.clone(),
        ];
        writer
            .write_record(&row)
            .expect("writing to memory cannot fail");
    }
    String::from_utf8(writer.into_inner().expect("flushing memory cannot fail"))
        .expect("the csv crate writes the UTF-8 it is given")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::anchor::describe;
    use crate::model::{Evidence, Status};

    fn sample() -> (Article, Vec<Claim>) {
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

    #[test]
    fn w3c_has_the_model_s_required_shape() {
        let (article, claims) = sample();
        let v: Value = serde_json::from_str(&to_w3c(&article, &claims)).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationCollection");
        assert_eq!(v["total"], 1);
        let a = &v["first"]["items"][0];
        assert!(a["id"]
            .as_str()
            .unwrap()
            .starts_with("urn:claimcheck:claim:"));
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "assessing");
        assert_eq!(a["target"]["source"], "https://news.example/story");
        let selectors = a["target"]["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[0]["exact"], claims[0].quote.exact);
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        assert_eq!(
            (selectors[1]["start"].as_u64(), selectors[1]["end"].as_u64()),
            (Some(0), Some(36))
        );
        let purposes: Vec<&str> = a["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["purpose"].as_str().unwrap())
            .collect();
        assert_eq!(
            purposes,
            ["tagging", "commenting", "describing", "linking", "linking"]
        );
        assert_eq!(a["body"][0]["value"], "verified");
    }

    #[test]
    fn claimreview_names_claim_author_rating_and_places() {
        let (article, claims) = sample();
        let v: Value =
            serde_json::from_str(&to_claimreview(&article, &claims, "A. Student")).unwrap();
        let r = &v[0];
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], claims[0].quote.exact);
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(
            r["itemReviewed"]["author"],
            json!({"@type": "Organization", "name": "+Ministry of Transport"})
        );
        assert_eq!(
            r["itemReviewed"]["appearance"]["url"],
            "https://news.example/story"
        );
        assert_eq!(r["reviewRating"]["alternateName"], "Verified");
        assert_eq!(r["author"]["name"], "A. Student");
        assert_eq!(r["datePublished"], "2026-11-02");
        assert_eq!(r["url"], "https://news.example/story#article=a-1&claim=c-1");
    }

    #[test]
    fn csv_reads_back_with_the_same_cells_and_no_live_formulas() {
        let (_, claims) = sample();
        let text = to_csv(&claims);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_COLUMNS
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        let row: Vec<&str> = rows[0].iter().collect();
        assert_eq!(
            row,
            [
                "'=cmd|' /C calc'!A0 said the ministry",
                "verified",
                "'+Ministry of Transport",
                "organization",
                "line one\nline two, with \"quotes\"",
                "https://a.example/1 https://b.example/2 (contradicts)",
                "0",
                "36",
                "2026-11-01T10:00:00.000Z",
                "2026-11-02T11:00:00.000Z",
            ]
        );
        for cell in rows[0].iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}
