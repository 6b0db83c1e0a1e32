//! The printed report: one table of figures per system, the suggester's per-article figures,
//! and its failures (misses, false positives, wrong kinds and sources) so a developer can see
//! what kind of mistake each one is.

use super::score::{covers, len, overlap, score_article, ArticleScore, Counts, Predicted};
use super::set::{Article, GoldClaim};
use claimcheck::core::suggestions::Span;
use claimcheck::core::text::offsets::slice;
use std::fmt::Write;

/// How many failures of each sort are listed.
pub const LIST_LIMIT: usize = 40;

/// A system's scores, article by article (in the set's order).
pub fn run(articles: &[Article], system: impl Fn(&str) -> Vec<Predicted>) -> Vec<ArticleScore> {
    articles
        .iter()
        .map(|article| score_article(article, &system(&article.text)))
        .collect()
}

pub fn total(scores: &[ArticleScore]) -> Counts {
    let mut counts = Counts::default();
    for score in scores {
        counts.add(&score.counts);
    }
    counts
}

fn figure(value: f64) -> String {
    if value.is_nan() {
        "n/a".to_string()
    } else {
        format!("{value:.3}")
    }
}

pub fn summary(systems: &[(&str, &[ArticleScore])]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10} {:>17} {:>17} {:>6} {:>17} {:>17} {:>11}",
        "system", "recall", "precision", "F1", "source kind", "source span", "traps taken"
    );
    for (name, scores) in systems {
        let c = total(scores);
        let cell = |value: f64, n: usize, d: usize| format!("{} ({n}/{d})", figure(value));
        let _ = writeln!(
            out,
            "{:<10} {:>17} {:>17} {:>6} {:>17} {:>17} {:>11}",
            name,
            cell(c.recall(), c.matched, c.gold),
            cell(c.precision(), c.matched, c.suggested),
            figure(c.f1()),
            cell(c.kind_accuracy(), c.kind_right, c.matched),
            cell(c.source_accuracy(), c.source_right, c.with_source),
            format!("{}/{}", c.traps_taken, c.traps),
        );
    }
    out
}

pub fn per_article(articles: &[Article], scores: &[ArticleScore]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<24} {:>5} {:>5} {:>5} {:>7} {:>9} {:>5}",
        "article", "gold", "sugg", "hit", "recall", "precision", "kind"
    );
    for (article, score) in articles.iter().zip(scores) {
        let c = &score.counts;
        let _ = writeln!(
            out,
            "{:<24} {:>5} {:>5} {:>5} {:>7} {:>9} {:>5}",
            article.name,
            c.gold,
            c.suggested,
            c.matched,
            figure(c.recall()),
            figure(c.precision()),
            figure(c.kind_accuracy()),
        );
    }
    out
}

/// The text of `span`, on one line and cut to a readable length.
fn excerpt(text: &str, span: Span) -> String {
    let raw = slice(text, span.start, span.end).unwrap_or("<span out of the text>");
    let line = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(110) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

fn claim_line(article: &Article, claim: &GoldClaim) -> String {
    let source = claim.source.as_ref().map_or("-", |s| s.text.as_str());
    format!(
        "  {} [{} | {}] {}",
        article.name,
        claim.kind.as_str(),
        source,
        excerpt(&article.text, claim.span)
    )
}

/// What kind of false positive a suggestion is: over a trap, over part of a gold claim (its
/// span is off), or over plain narration.
fn false_positive_line(article: &Article, span: Span) -> String {
    let mut why = Vec::new();
    if article
        .traps
        .iter()
        .any(|t| covers(overlap(t.span, span), len(t.span), 60))
    {
        why.push("takes a trap");
    }
    if article.claims.iter().any(|c| overlap(c.span, span) > 0) {
        why.push("overlaps a gold claim");
    }
    if why.is_empty() {
        why.push("narration");
    }
    format!(
        "  {} ({}) {}",
        article.name,
        why.join(", "),
        excerpt(&article.text, span)
    )
}

pub fn failures(articles: &[Article], scores: &[ArticleScore]) -> String {
    let mut misses = Vec::new();
    let mut false_positives = Vec::new();
    let mut kinds = Vec::new();
    let mut sources = Vec::new();
    for (article, score) in articles.iter().zip(scores) {
        misses.extend(score.misses.iter().map(|c| claim_line(article, c)));
        false_positives.extend(
            score
                .false_positives
                .iter()
                .map(|&s| false_positive_line(article, s)),
        );
        kinds.extend(
            score.wrong_kinds.iter().map(|(c, got)| {
                format!("{} -> suggested {}", claim_line(article, c), got.as_str())
            }),
        );
        sources.extend(score.wrong_sources.iter().map(|(c, got)| {
            let got = got
                .as_ref()
                .map_or("none".to_string(), |g| format!("{g:?}"));
            format!("{} -> suggested source {got}", claim_line(article, c))
        }));
    }
    let mut out = String::new();
    for (title, lines) in [
        ("misses", misses),
        ("false positives", false_positives),
        ("wrong kinds", kinds),
        ("wrong or missing source phrases", sources),
    ] {
        let _ = writeln!(
            out,
            "\n{title}: {} (first {} listed)",
            lines.len(),
            LIST_LIMIT.min(lines.len())
        );
        for line in lines.iter().take(LIST_LIMIT) {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}
