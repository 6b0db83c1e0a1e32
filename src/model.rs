//! The data model: an article and the sourced claims marked in it.

use serde::{Deserialize, Serialize};

/// An article as Claimcheck shows it. `text` is the plain body text that claim offsets count
/// into: blocks (paragraphs, headings, list items, quotes) separated by one blank line ("\n\n"),
/// line breaks inside a block as "\n", no markup. `blocks` says what each block is (all
/// paragraphs when empty) and `links` where the links an imported page had are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    /// The author line.
    #[serde(default)]
    pub byline: String,
    #[serde(default)]
    pub date: String,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<BlockKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// What a block of article text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum BlockKind {
    #[default]
    Paragraph,
    Heading {
        level: u8,
    },
    /// A list item; `ordered` lists show numbers.
    Item {
        ordered: bool,
    },
    Quote,
}

/// A link in the article: code points `start..end` of the text, and where it pointed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Unverified,
    Verified,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Unverified => "Unverified",
            Status::Verified => "Verified",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unverified => "unverified",
            Status::Verified => "verified",
        }
    }
}

/// W3C TextQuoteSelector: the quoted words and the context around them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// W3C TextPositionSelector: code-point offsets into the article text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPosition {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub quote: TextQuote,
    pub position: TextPosition,
    pub status: Status,
    /// Who the article attributes the claim to, in the reader's words.
    pub source: String,
    pub note: String,
    /// RFC 3339 timestamps.
    pub created: String,
    pub modified: String,
}

impl Claim {
    pub fn len(&self) -> usize {
        self.position.end - self.position.start
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reading order: by start, then the longer (enclosing) claim first, then by creation.
pub fn sort_in_reading_order(claims: &mut [Claim]) {
    claims.sort_by(|a, b| {
        a.position
            .start
            .cmp(&b.position.start)
            .then(b.position.end.cmp(&a.position.end))
            .then(a.created.cmp(&b.created))
            .then(a.id.cmp(&b.id))
    });
}

/// "7 claims · 3 verified · 4 unverified"
pub fn count_summary(claims: &[Claim]) -> String {
    let verified = claims
        .iter()
        .filter(|c| c.status == Status::Verified)
        .count();
    let total = claims.len();
    let noun = if total == 1 { "claim" } else { "claims" };
    format!(
        "{total} {noun} · {verified} verified · {} unverified",
        total - verified
    )
}
