//! The Export menu (and `exportAs`): which format, and the file it makes of one article or the
//! whole library. Each format's writer is in its own module.

use crate::core::formats::claimreview::{
    library_to_claimreview, missing_for_publishing, to_claimreview, Publisher,
};
use crate::core::formats::csv::{library_to_csv, to_csv};
use crate::core::formats::native;
use crate::core::formats::w3c::{document_to_w3c, library_to_w3c};
use crate::core::model::Document;

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

/// A file to download: its name, type and text, and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
    /// What the file still lacks for its purpose (a ClaimReview without an author).
    pub advice: Option<String>,
}

/// What an export of `docs` in `format` should tell the user.
fn advice(format: ExportFormat, docs: &[&Document], publisher: &Publisher) -> Option<String> {
    (format == ExportFormat::ClaimReview)
        .then(|| missing_for_publishing(publisher, docs))
        .flatten()
}

/// One article's claims in `format`, named after the article. `publisher` (the **Your name /
/// organisation** setting) is the ClaimReviews' author.
pub fn article_export(format: ExportFormat, doc: &Document, publisher: &Publisher) -> ExportFile {
    let (a, claims) = (&doc.article, &doc.claims[..]);
    let text = match format {
        ExportFormat::Claimcheck => native::to_json(a, claims, &doc.orphans),
        ExportFormat::W3c => document_to_w3c(doc),
        ExportFormat::ClaimReview => to_claimreview(a, claims, publisher),
        ExportFormat::Csv => to_csv(claims),
    };
    ExportFile {
        advice: advice(format, &[doc], publisher),
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
pub fn library_export(
    format: ExportFormat,
    docs: &[Document],
    date: &str,
    publisher: &Publisher,
) -> ExportFile {
    let text = match format {
        ExportFormat::Claimcheck => native::library_to_json(docs),
        ExportFormat::W3c => library_to_w3c(docs),
        ExportFormat::ClaimReview => library_to_claimreview(docs, publisher),
        ExportFormat::Csv => library_to_csv(docs),
    };
    let extension = match format {
        ExportFormat::Claimcheck => "library.json",
        other => other.extension(),
    };
    let all: Vec<&Document> = docs.iter().collect();
    ExportFile {
        advice: advice(format, &all, publisher),
        name: format!("claimcheck-library-{date}.{extension}"),
        mime: format.mime(),
        text,
    }
}
