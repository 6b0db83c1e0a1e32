//! Claim suggestions: find the sourced claims in an article's text, who the article says they
//! come from and what kind of source that is. Pure and deterministic, so the same text always
//! gives the same suggestions (the app keeps dismissals by span).
//!
//! All spans are code points of the text, end exclusive, like claim positions.

use crate::core::model::SourceKind;

/// A span of the text, code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Who a suggested claim is attributed to, as the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedSource {
    pub span: Span,
    pub text: String,
}

/// One suggested sourced claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The claim: a sentence, or the attributed clause when one sentence holds two claims.
    pub claim: Span,
    /// The attribution cue ("said", "according to", "documents show"), when there is one.
    pub cue: Option<Span>,
    /// The source phrase, when the text names one.
    pub source: Option<SuggestedSource>,
    pub source_kind: SourceKind,
    /// 0.0..=1.0; how sure the rules are.
    pub confidence: f32,
}

/// The sourced claims of `text`, in text order, never overlapping.
///
/// PLACEHOLDER until the rule-based suggester lands: every paragraph line holding " said" is
/// one suggestion with no source.
pub fn suggest(text: &str) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        if let Some(byte) = line.find(" said") {
            let cue_start = start + line[..byte].chars().count() + 1;
            out.push(Suggestion {
                claim: Span {
                    start,
                    end: start + len,
                },
                cue: Some(Span {
                    start: cue_start,
                    end: cue_start + 4,
                }),
                source: None,
                source_kind: SourceKind::None,
                confidence: 0.5,
            });
        }
        start += len + 1;
    }
    out
}
