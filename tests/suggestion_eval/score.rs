//! How a system's suggestions are scored against the gold claims of one article.
//!
//! A suggestion matches a gold claim when their overlap covers at least 60% of each (code
//! points), so a suggestion of the right sentence with slightly different edges counts, and one
//! that spans three sentences to catch one claim does not. Matching is one-to-one, greedy by
//! overlap: two suggestions over one claim are one hit and one false positive.

use super::set::{Article, GoldClaim, Located};
use claimcheck::core::model::SourceKind;
use claimcheck::core::suggestions::{Span, Suggestion};

/// What a system suggests, reduced to what is scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicted {
    pub claim: Span,
    pub source: Option<Located>,
    pub kind: SourceKind,
}

impl From<&Suggestion> for Predicted {
    fn from(s: &Suggestion) -> Self {
        Predicted {
            claim: s.claim,
            source: s.source.as_ref().map(|source| Located {
                span: source.span,
                text: source.text.clone(),
            }),
            kind: s.source_kind,
        }
    }
}

pub fn len(span: Span) -> usize {
    span.end.saturating_sub(span.start)
}

pub fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Whether `common` covers at least `percent`% of `of`.
pub fn covers(common: usize, of: usize, percent: usize) -> bool {
    common * 100 >= of * percent
}

pub fn matches(gold: Span, suggested: Span) -> bool {
    let common = overlap(gold, suggested);
    common > 0 && covers(common, len(gold), 60) && covers(common, len(suggested), 60)
}

/// One-to-one pairs `(gold index, suggested index)`, the largest overlaps taken first.
pub fn match_one_to_one(gold: &[Span], suggested: &[Span]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, &gold_span) in gold.iter().enumerate() {
        for (s, &suggested_span) in suggested.iter().enumerate() {
            if matches(gold_span, suggested_span) {
                candidates.push((overlap(gold_span, suggested_span), g, s));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gold_taken, mut suggested_taken) =
        (vec![false; gold.len()], vec![false; suggested.len()]);
    let mut pairs = Vec::new();
    for (_, g, s) in candidates {
        if !gold_taken[g] && !suggested_taken[s] {
            gold_taken[g] = true;
            suggested_taken[s] = true;
            pairs.push((g, s));
        }
    }
    pairs.sort();
    pairs
}

/// The source phrase is right when its text equals the gold's (ignoring case and the
/// punctuation at its ends), or when the two spans overlap by at least 80% of each.
pub fn source_right(gold: &Located, suggested: Option<&Located>) -> bool {
    let Some(suggested) = suggested else {
        return false;
    };
    let normal = |s: &str| {
        s.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if normal(&gold.text) == normal(&suggested.text) {
        return true;
    }
    let common = overlap(gold.span, suggested.span);
    common > 0 && covers(common, len(gold.span), 80) && covers(common, len(suggested.span), 80)
}

/// The counts every figure is a ratio of; they add up over articles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub suggested: usize,
    pub matched: usize,
    pub kind_right: usize,
    /// Matched gold claims whose gold names a source phrase.
    pub with_source: usize,
    pub source_right: usize,
    pub traps: usize,
    pub traps_taken: usize,
}

/// `n / d`, NaN when there is nothing to divide (printed as "n/a", failing any `>=`).
pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        f64::NAN
    } else {
        n as f64 / d as f64
    }
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.suggested += other.suggested;
        self.matched += other.matched;
        self.kind_right += other.kind_right;
        self.with_source += other.with_source;
        self.source_right += other.source_right;
        self.traps += other.traps;
        self.traps_taken += other.traps_taken;
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.suggested)
    }
    pub fn f1(&self) -> f64 {
        ratio(2 * self.matched, self.gold + self.suggested)
    }
    /// Over matched claims.
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kind_right, self.matched)
    }
    /// Over matched claims whose gold has a source phrase.
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_right, self.with_source)
    }
}

/// One system on one article: the counts and what went wrong, for the report.
#[derive(Debug, Clone)]
pub struct ArticleScore {
    pub counts: Counts,
    /// Gold claims no suggestion matched.
    pub misses: Vec<GoldClaim>,
    /// Suggestions that matched no gold claim.
    pub false_positives: Vec<Span>,
    /// Matched, with the wrong kind: the gold claim and the suggested kind.
    pub wrong_kinds: Vec<(GoldClaim, SourceKind)>,
    /// Matched, with a wrong or missing source phrase: the gold claim and the suggested phrase.
    pub wrong_sources: Vec<(GoldClaim, Option<String>)>,
}

pub fn score_article(article: &Article, suggested: &[Predicted]) -> ArticleScore {
    let gold_spans: Vec<Span> = article.claims.iter().map(|c| c.span).collect();
    let suggested_spans: Vec<Span> = suggested.iter().map(|p| p.claim).collect();
    let pairs = match_one_to_one(&gold_spans, &suggested_spans);
    let mut counts = Counts {
        gold: gold_spans.len(),
        suggested: suggested_spans.len(),
        matched: pairs.len(),
        traps: article.traps.len(),
        ..Counts::default()
    };
    let mut score = ArticleScore {
        counts,
        misses: Vec::new(),
        false_positives: Vec::new(),
        wrong_kinds: Vec::new(),
        wrong_sources: Vec::new(),
    };
    for &(g, s) in &pairs {
        let (gold, predicted) = (&article.claims[g], &suggested[s]);
        if gold.kind == predicted.kind {
            counts.kind_right += 1;
        } else {
            score.wrong_kinds.push((gold.clone(), predicted.kind));
        }
        if let Some(gold_source) = &gold.source {
            counts.with_source += 1;
            if source_right(gold_source, predicted.source.as_ref()) {
                counts.source_right += 1;
            } else {
                let text = predicted.source.as_ref().map(|p| p.text.clone());
                score.wrong_sources.push((gold.clone(), text));
            }
        }
    }
    counts.traps_taken = article
        .traps
        .iter()
        .filter(|trap| {
            suggested_spans
                .iter()
                .any(|&s| covers(overlap(trap.span, s), len(trap.span), 60))
        })
        .count();
    score.misses = (0..gold_spans.len())
        .filter(|g| !pairs.iter().any(|p| p.0 == *g))
        .map(|g| article.claims[g].clone())
        .collect();
    score.false_positives = (0..suggested_spans.len())
        .filter(|s| !pairs.iter().any(|p| p.1 == *s))
        .map(|s| suggested_spans[s])
        .collect();
    score.counts = counts;
    score
}
