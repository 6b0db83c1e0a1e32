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
    /// The exercise's category the student gave the claim (one of `Settings.labels`, e.g.
    /// "opinion"); `None` outside exercises with a label set, so older files keep their shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who the article attributes the claim to, in the reader's words.
    pub source: String,
    /// What kind of source that is; `None` until the reader says.
    #[serde(default, rename = "sourceKind")]
    pub source_kind: Option<SourceKind>,
    /// The attribution phrase in the text ("according to documents obtained by …").
    #[serde(
        default,
        rename = "sourcePhrase",
        skip_serializing_if = "Option::is_none"
    )]
    pub source_phrase: Option<Passage>,
    pub note: String,
    /// What backs the claim up, or contradicts it.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// RFC 3339 timestamps.
    pub created: String,
    pub modified: String,
}

/// Who a claim comes from, as media-literacy teaching sorts sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Person,
    Organization,
    Publication,
    Document,
    Anonymous,
    /// The article gives no source.
    None,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Person,
        SourceKind::Organization,
        SourceKind::Publication,
        SourceKind::Document,
        SourceKind::Anonymous,
        SourceKind::None,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Person => "Named person",
            SourceKind::Organization => "Named organization",
            SourceKind::Publication => "Publication",
            SourceKind::Document => "Document",
            SourceKind::Anonymous => "Anonymous or unnamed source",
            SourceKind::None => "No source given",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Publication => "publication",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A passage of the article: its quote and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub quote: TextQuote,
    pub position: TextPosition,
}

/// Whether a piece of evidence backs a claim up or goes against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    #[default]
    Supports,
    Contradicts,
}

/// One entry of a claim's evidence trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub title: String,
    /// What the evidence shows, in the reader's words.
    #[serde(default)]
    pub shows: String,
    #[serde(default)]
    pub stance: Stance,
}

/// Whether `s` is an RFC 3339 date and time (`2026-11-29T10:00:00Z`, `…T10:00:00.123+01:00`), the
/// only form of time Claimcheck writes and reads.
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    if !(digits(0..4)
        && at(4, b"-")
        && digits(5..7)
        && at(7, b"-")
        && digits(8..10)
        && at(10, b"Tt ")
        && digits(11..13)
        && at(13, b":")
        && digits(14..16)
        && at(16, b":")
        && digits(17..19))
    {
        return false;
    }
    let mut i = 19;
    if at(i, b".") {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len() && digits(i + 1..i + 3) && at(i + 3, b":") && digits(i + 4..i + 6)
        }
        _ => false,
    }
}

impl Claim {
    /// A claim just marked on `quote` at `position`: unverified, nothing said about it yet.
    pub fn unverified(
        id: String,
        quote: TextQuote,
        position: TextPosition,
        created: &str,
        modified: &str,
    ) -> Claim {
        Claim {
            id,
            quote,
            position,
            status: Status::Unverified,
            label: None,
            source: String::new(),
            source_kind: None,
            source_phrase: None,
            note: String::new(),
            evidence: Vec::new(),
            created: created.to_string(),
            modified: modified.to_string(),
        }
    }

    /// Verified, but with nothing in its evidence trail that supports it.
    pub fn verified_without_evidence(&self) -> bool {
        self.status == Status::Verified
            && !self.evidence.iter().any(|e| e.stance == Stance::Supports)
    }

    pub fn len(&self) -> usize {
        self.position.end - self.position.start
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An article with its claims: what one Claimcheck file holds and what the library keeps per
/// article. The file's `format` and `version` are no part of it: readers check them (see
/// `formats::envelope`) and writers add them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Document {
    pub article: Article,
    pub claims: Vec<Claim>,
    /// Claims whose words are no longer in the text; their quote and position are where they
    /// were last found. Absent from a file when there are none.
    #[serde(default)]
    pub orphans: Vec<Claim>,
}

impl Document {
    pub fn new(article: Article, claims: Vec<Claim>, orphans: Vec<Claim>) -> Document {
        Document {
            article,
            claims,
            orphans,
        }
    }
}

/// Reading order: by start, then the longer (enclosing) claim first, then by creation.
pub fn sort_in_reading_order<C: std::borrow::Borrow<Claim>>(claims: &mut [C]) {
    crate::core::ordering::sort_by(claims, |a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        a.position
            .start
            .cmp(&b.position.start)
            .then(b.position.end.cmp(&a.position.end))
            .then(a.created.cmp(&b.created))
            .then(a.id.cmp(&b.id))
    });
}

/// How many of `claims` are verified.
pub fn verified_count<C: std::borrow::Borrow<Claim>>(claims: &[C]) -> usize {
    claims
        .iter()
        .filter(|c| (*c).borrow().status == Status::Verified)
        .count()
}

/// "7 claims · 3 verified · 4 unverified", from the counts.
pub fn counts_summary(total: usize, verified: usize) -> String {
    format!(
        "{} · {verified} verified · {} unverified",
        crate::core::text::plural::counted(total, "claim", "claims"),
        total - verified.min(total)
    )
}

/// "7 claims · 3 verified · 4 unverified"
pub fn count_summary<C: std::borrow::Borrow<Claim>>(claims: &[C]) -> String {
    counts_summary(claims.len(), verified_count(claims))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_claim_keeps_its_label_and_claims_without_one_keep_their_shape() {
        let text = "Rents rose 9% last year, the council said.";
        let mut claim = crate::core::test_claims::claim_on(text, "c1", "Rents rose 9% last year");
        let plain = serde_json::to_value(&claim).unwrap();
        assert!(plain.get("label").is_none(), "{plain}");
        let back: Claim = serde_json::from_value(plain).unwrap();
        assert_eq!(back.label, None);
        claim.label = Some("needs context".into());
        let json = serde_json::to_value(&claim).unwrap();
        assert_eq!(json["label"], "needs context");
        let back: Claim = serde_json::from_value(json).unwrap();
        assert_eq!(back, claim);
    }

    #[test]
    fn times_must_be_rfc_3339() {
        for good in [
            "2026-11-29T10:00:00Z",
            "2026-11-29T10:00:00.123Z",
            "2026-11-18T14:02:11.310662+00:00",
            "2026-11-29 10:00:00-05:30",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "",
            "t0",
            "zzzz",
            "=HYPERLINK(\"x\")",
            "2026-11-29",
            "2026-11-29T10:00:00",
            "2026-11-29T10:00:00.Z",
            "2026-11-29T10:00:00Z trailing",
            "2026-11-29T10:00:00+0100",
            "２０２６-11-29T10:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
