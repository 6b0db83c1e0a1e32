//! What the annotation readers (W3C, Hypothesis) share: the parts an import comes in, and
//! readers for the fields and text selectors both formats use. The positions they read are
//! hints only: the merge anchors each claim by its quote.

use serde_json::Value;

use crate::core::formats::envelope::{err, FormatError};
use crate::core::model::{Article, Claim, Document, TextPosition, TextQuote};
use crate::core::text::offsets::char_len;
use crate::core::text::paragraphs::article_id;

/// Which kind of file an import was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Claimcheck,
    Library,
    W3c,
    Hypothesis,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Claimcheck => "Claimcheck JSON",
            Format::Library => "Claimcheck library",
            Format::W3c => "W3C Web Annotation",
            Format::Hypothesis => "Hypothesis export",
        }
    }
}

/// Claims found by their quote (and a position, when the file had one) for an article named by
/// its address. The article itself comes along when the file carries it (our W3C export does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationSet {
    /// The annotated page's address, as the file gives it.
    pub source: String,
    /// The page's title, when the file says.
    pub title: String,
    pub article: Option<Article>,
    /// Positions are a hint only: they are checked against the text when the set is anchored.
    pub claims: Vec<Claim>,
    /// Claims the file says were orphans already (our W3C export marks them): anchored if their
    /// words are there after all, and otherwise orphans again, not counted as newly orphaned.
    pub orphans: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A whole Claimcheck document, every claim on its quote.
    Document(Document),
    Annotations(AnnotationSet),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub format: Format,
    pub parts: Vec<Part>,
    /// Annotations that are not about a passage of text (page notes, replies, other media).
    pub skipped: usize,
}

/// One value or a list of them, as JSON-LD allows.
pub(super) fn each(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
    }
}

pub(super) fn str_field<'a>(
    v: &'a Value,
    key: &str,
    at: &str,
) -> Result<Option<&'a str>, FormatError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => err(format!("{at}.{key} is not a string.")),
    }
}

/// A time the file gives: RFC 3339, as Claimcheck keeps them.
pub(super) fn time_field<'a>(
    v: &'a Value,
    key: &str,
    at: &str,
) -> Result<Option<&'a str>, FormatError> {
    match str_field(v, key, at)? {
        Some(t) if !crate::core::model::is_rfc3339(t) => err(format!(
            "{at}.{key} ({t:?}) is not a date and time like 2026-11-29T10:00:00Z."
        )),
        t => Ok(t),
    }
}

fn offset_field(v: &Value, key: &str, at: &str) -> Result<usize, FormatError> {
    match v.get(key) {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(n) if n <= u32::MAX as u64 => Ok(n as usize),
            _ => err(format!(
                "{at}.{key} ({n}) is not a character offset (a whole number from 0)."
            )),
        },
        Some(_) => err(format!("{at}.{key} is not a number.")),
        None => err(format!("{at}.{key} is missing.")),
    }
}

/// The quote and the position hint of a target's selectors; `None` when the target is not a
/// passage of text.
pub(super) fn text_selectors(
    selector: Option<&Value>,
    at: &str,
) -> Result<Option<(TextQuote, Option<TextPosition>)>, FormatError> {
    let mut quote = None;
    let mut position = None;
    let listed = matches!(selector, Some(Value::Array(_)));
    for (i, s) in each(selector).iter().enumerate() {
        let at = if listed {
            format!("{at}.selector[{i}]")
        } else {
            format!("{at}.selector")
        };
        match s.get("type").and_then(Value::as_str) {
            Some("TextQuoteSelector") => {
                let exact = str_field(s, "exact", &at)?.unwrap_or_default();
                if exact.trim().is_empty() {
                    return err(format!("{at}.exact is empty."));
                }
                quote = Some(TextQuote {
                    exact: exact.to_string(),
                    prefix: str_field(s, "prefix", &at)?.unwrap_or_default().into(),
                    suffix: str_field(s, "suffix", &at)?.unwrap_or_default().into(),
                });
            }
            Some("TextPositionSelector") => {
                let start = offset_field(s, "start", &at)?;
                let end = offset_field(s, "end", &at)?;
                if end <= start {
                    return err(format!("{at}.end ({end}) is not after start ({start})."));
                }
                position = Some(TextPosition { start, end });
            }
            _ => {}
        }
    }
    Ok(quote.map(|q| {
        // A position that cannot hold the quote is no hint at all.
        let position = position.filter(|p: &TextPosition| p.end - p.start == char_len(&q.exact));
        (q, position)
    }))
}

/// Where a claim of unknown place starts out: anchoring searches the whole text for it.
fn placeholder(quote: &TextQuote) -> TextPosition {
    TextPosition {
        start: 0,
        end: char_len(&quote.exact),
    }
}

/// An unverified claim with nothing said about it yet, at `position` if the file gave one.
pub(super) fn quoted_claim(
    id: String,
    quote: TextQuote,
    position: Option<TextPosition>,
    created: &str,
    modified: &str,
) -> Claim {
    let position = position.unwrap_or_else(|| placeholder(&quote));
    Claim::unverified(id, quote, position, created, modified)
}

/// Why a file whose `skipped` annotations (at least one) all mark no passage imports nothing.
pub(super) fn nothing_to_import(skipped: usize, place: &str, why: &str) -> String {
    let which = if skipped == 1 {
        format!("The one annotation in {place} does not mark")
    } else {
        format!("None of the {skipped} annotations in {place} marks")
    };
    format!("{which} a passage of text ({why}), so there is nothing to import.")
}

pub(super) fn hashed_id(prefix: &str, key: &str) -> String {
    format!("{prefix}-{}", &article_id("", key)[2..])
}

/// Annotations grouped by the page they are about, in the order the file first names each.
#[derive(Default)]
pub(super) struct Groups {
    pub(super) sets: Vec<AnnotationSet>,
    ids: std::collections::HashSet<String>,
}

impl Groups {
    pub(super) fn add(
        &mut self,
        source: &str,
        title: &str,
        claim: Claim,
        orphan: bool,
        at: &str,
    ) -> Result<(), FormatError> {
        if !self.ids.insert(claim.id.clone()) {
            return err(format!("{at}.id \"{}\" is used twice.", claim.id));
        }
        let i = match self.sets.iter().position(|s| s.source == source) {
            Some(i) => i,
            None => {
                self.sets.push(AnnotationSet {
                    source: source.to_string(),
                    title: title.to_string(),
                    article: None,
                    claims: Vec::new(),
                    orphans: Vec::new(),
                });
                self.sets.len() - 1
            }
        };
        let set = &mut self.sets[i];
        if orphan {
            set.orphans.push(claim);
        } else {
            set.claims.push(claim);
        }
        Ok(())
    }
}
