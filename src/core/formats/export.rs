//! Exports in the formats the field already reads: W3C Web Annotation (JSON-LD), schema.org
//! ClaimReview (JSON-LD) and CSV. Claimcheck's own JSON is in `export_json`.

use serde_json::{json, Value};

use crate::app::view_model::deep_link;
use crate::core::formats::native::Document;
use crate::core::model::{Article, Claim, SourceKind, Stance};

/// The article's address for annotation targets: its original URL, or a stable URN.
pub fn article_iri(article: &Article) -> String {
    if article.url.starts_with("https://") || article.url.starts_with("http://") {
        article.url.clone()
    } else {
        format!("{ARTICLE_URN}{}", article.id)
    }
}

pub const ARTICLE_URN: &str = "urn:claimcheck:article:";
pub const CLAIM_URN: &str = "urn:claimcheck:claim:";
/// The W3C export carries the articles it annotates under this term (declared in its
/// `@context`), so the file alone can be imported into an empty library; other tools ignore it.
pub const W3C_ARTICLES: &str = "claimcheck:articles";
pub const W3C_STANCE: &str = "claimcheck:stance";
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const CLAIMCHECK_NS: &str = "urn:claimcheck:ns#";

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
    if let Some(kind) = claim.source_kind {
        body.push(json!({"type": "TextualBody", "purpose": "classifying", "value": kind.as_str()}));
    }
    for evidence in &claim.evidence {
        let mut link = json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": evidence.url,
        });
        // The model has no word for evidence against; ours travels under our own term.
        if evidence.stance == Stance::Contradicts {
            link[W3C_STANCE] = "contradicts".into();
        }
        body.push(link);
    }
    json!({
        "id": format!("{CLAIM_URN}{}", claim.id),
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

fn w3c_collection(id: String, label: &str, articles: &[(&Article, &[Claim])]) -> String {
    let items: Vec<Value> = articles
        .iter()
        .flat_map(|(a, claims)| claims.iter().map(|c| annotation(a, c)))
        .collect();
    let embedded: Vec<&Article> = articles.iter().map(|(a, _)| *a).collect();
    let collection = json!({
        "@context": [W3C_CONTEXT, {"claimcheck": CLAIMCHECK_NS}],
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "items": items,
        },
        W3C_ARTICLES: embedded,
    });
    serde_json::to_string_pretty(&collection).expect("JSON values always serialize")
}

/// The claims as a W3C Web Annotation `AnnotationCollection` (JSON-LD).
pub fn to_w3c(article: &Article, claims: &[Claim]) -> String {
    w3c_collection(
        format!("{ARTICLE_URN}{}:claims", article.id),
        &article.title,
        &[(article, claims)],
    )
}

/// Every article's claims as one `AnnotationCollection`.
pub fn library_to_w3c(docs: &[Document]) -> String {
    let parts: Vec<(&Article, &[Claim])> =
        docs.iter().map(|d| (&d.article, &d.claims[..])).collect();
    w3c_collection(
        "urn:claimcheck:library".into(),
        "Claimcheck library",
        &parts,
    )
}

/// The claims as schema.org `ClaimReview`s (a JSON-LD array, one per claim).
pub fn to_claimreview(article: &Article, claims: &[Claim], reviewer: &str) -> String {
    serde_json::to_string_pretty(&claim_reviews(article, claims, reviewer))
        .expect("JSON values always serialize")
}

/// Every article's claims as `ClaimReview`s, in one array.
pub fn library_to_claimreview(docs: &[Document], reviewer: &str) -> String {
    let reviews: Vec<Value> = docs
        .iter()
        .flat_map(|d| claim_reviews(&d.article, &d.claims, reviewer))
        .collect();
    serde_json::to_string_pretty(&reviews).expect("JSON values always serialize")
}

fn claim_reviews(article: &Article, claims: &[Claim], reviewer: &str) -> Vec<Value> {
    claims
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
        .collect()
}

/// Spreadsheets run a cell that starts with one of these as a formula; such cells get a leading
/// apostrophe so they stay text (OWASP's advice on CSV injection).
pub fn guard(cell: &str) -> String {
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

/// A CSV document: `header`, then `rows`, quoted by the csv crate. Cells are written as given;
/// callers guard the ones that could hold formulas.
pub fn csv_text<H, R>(header: H, rows: impl IntoIterator<Item = R>) -> String
where
    H: IntoIterator,
    H::Item: AsRef<[u8]>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    let memory = "writing to memory cannot fail";
    writer.write_record(header).expect(memory);
    for row in rows {
        writer.write_record(row).expect(memory);
    }
    String::from_utf8(writer.into_inner().expect(memory))
        .expect("the csv crate writes the UTF-8 it is given")
}

/// The claims as CSV, one row per claim, quoted by the csv crate, formulas guarded.
pub fn to_csv(claims: &[Claim]) -> String {
    csv_text(CSV_COLUMNS, claims.iter().map(csv_row))
}

/// Every article's claims as one CSV: the article's title and id first on each row.
pub fn library_to_csv(docs: &[Document]) -> String {
    let header = ["article", "article id"].into_iter().chain(CSV_COLUMNS);
    let rows = docs.iter().flat_map(|d| {
        d.claims.iter().map(move |c| {
            [guard(&d.article.title), guard(&d.article.id)]
                .into_iter()
                .chain(csv_row(c))
        })
    });
    csv_text(header, rows)
}

fn csv_row(c: &Claim) -> [String; 10] {
    let evidence: Vec<String> = c
        .evidence
        .iter()
        .map(|e| match e.stance {
            Stance::Supports => e.url.clone(),
            Stance::Contradicts => format!("{} (contradicts)", e.url),
        })
        .collect();
    [
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
        guard(&c.created),
        guard(&c.modified),
    ]
}

/// The formats of the Export menu and of `exportAs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Claimcheck,
    W3c,
    ClaimReview,
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Claimcheck,
        ExportFormat::W3c,
        ExportFormat::ClaimReview,
        ExportFormat::Csv,
    ];

    /// The name scripts use: "claimcheck", "w3c", "claimreview", "csv".
    pub fn parse(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Claimcheck => "claimcheck",
            ExportFormat::W3c => "w3c",
            ExportFormat::ClaimReview => "claimreview",
            ExportFormat::Csv => "csv",
        }
    }

    /// What the menu calls it.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Claimcheck => "JSON",
            ExportFormat::W3c => "W3C annotations",
            ExportFormat::ClaimReview => "ClaimReview",
            ExportFormat::Csv => "CSV",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Claimcheck => "claims.json",
            ExportFormat::W3c => "annotations.jsonld",
            ExportFormat::ClaimReview => "claimreview.jsonld",
            ExportFormat::Csv => "claims.csv",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            ExportFormat::Claimcheck => "application/json",
            ExportFormat::W3c | ExportFormat::ClaimReview => "application/ld+json",
            ExportFormat::Csv => "text/csv",
        }
    }
}

/// A file to download: its name, type and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// Who ClaimReviews name as their author; the app has no accounts.
pub const REVIEWER: &str = "Claimcheck reader";

/// One article's claims in `format`, named after the article.
pub fn article_export(format: ExportFormat, doc: &Document) -> ExportFile {
    let (a, claims) = (&doc.article, &doc.claims[..]);
    let text = match format {
        ExportFormat::Claimcheck => crate::core::formats::native::to_json(a, claims, &doc.orphans),
        ExportFormat::W3c => to_w3c(a, claims),
        ExportFormat::ClaimReview => to_claimreview(a, claims, REVIEWER),
        ExportFormat::Csv => to_csv(claims),
    };
    ExportFile {
        name: format!(
            "{}.{}",
            crate::core::text::paragraphs::slug(&a.title),
            format.extension()
        ),
        mime: format.mime(),
        text,
    }
}

/// Every article of the library in one file of `format`; `date` (YYYY-MM-DD) names it.
pub fn library_export(format: ExportFormat, docs: &[Document], date: &str) -> ExportFile {
    let text = match format {
        ExportFormat::Claimcheck => crate::core::formats::native::library_to_json(docs),
        ExportFormat::W3c => library_to_w3c(docs),
        ExportFormat::ClaimReview => library_to_claimreview(docs, REVIEWER),
        ExportFormat::Csv => library_to_csv(docs),
    };
    let extension = match format {
        ExportFormat::Claimcheck => "library.json",
        other => other.extension(),
    };
    ExportFile {
        name: format!("claimcheck-library-{date}.{extension}"),
        mime: format.mime(),
        text,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::anchoring::selectors::describe;
    use crate::core::model::{Evidence, Status};

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
        // The model: one or more contexts, the annotation one among them (first, by custom).
        assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        assert!(v["id"].as_str().is_some_and(|id| !id.is_empty()));
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
            [
                "tagging",
                "commenting",
                "describing",
                "classifying",
                "linking",
                "linking"
            ]
        );
        assert_eq!(a["body"][0]["value"], "verified");
        for body in a["body"].as_array().unwrap() {
            let t = body["type"].as_str().unwrap();
            assert!(t == "TextualBody" || t == "SpecificResource", "{t}");
            let has = |k: &str| body.get(k).is_some_and(|v| v.is_string());
            assert!(if t == "TextualBody" {
                has("value")
            } else {
                has("source")
            });
        }
        assert_eq!(v["claimcheck:articles"][0]["text"], article.text);
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
