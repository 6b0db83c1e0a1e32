//! The Export menu (and `exportAs`): which format, and the file it makes of one article or the
//! whole library. Each format's writer is in its own module.

use crate::core::formats::claimreview::{library_to_claimreview, to_claimreview};
use crate::core::formats::csv::{library_to_csv, to_csv};
use crate::core::formats::native;
use crate::core::formats::w3c::{library_to_w3c, to_w3c};
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
        ExportFormat::Claimcheck => native::to_json(a, claims, &doc.orphans),
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
        ExportFormat::Claimcheck => native::library_to_json(docs),
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
