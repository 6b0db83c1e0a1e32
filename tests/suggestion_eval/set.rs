//! The labelled set in tests/fixtures/suggestions/ (its README is the labelling guide): each
//! article `NN-genre.txt` beside `NN-genre.gold.json`, loaded with every label located in its
//! article in code points. A label that cannot be located is reported, never skipped, so the
//! figures are always over the whole set.

use claimcheck::core::model::SourceKind;
use claimcheck::core::suggestions::Span;
use claimcheck::core::text::offsets::char_len;
use serde::Deserialize;
use std::path::Path;

pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/suggestions");

/// Articles kept out of tuning: the suggester is measured on them, never adjusted for them, so
/// their figures say how it does on text it has not seen.
pub const HELD_OUT_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/suggestions/held-out"
);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFile {
    claims: Vec<RawClaim>,
    traps: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    quote: String,
    source: Option<String>,
    kind: String,
}

/// A source phrase, located.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoldClaim {
    pub span: Span,
    pub quote: String,
    pub source: Option<Located>,
    pub kind: SourceKind,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    pub text: String,
    pub claims: Vec<GoldClaim>,
    /// Sentences that look like claims but are not (the README says which).
    pub traps: Vec<Located>,
}

impl Article {
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Where `needle` first occurs in `haystack`, in code points.
pub fn locate(haystack: &str, needle: &str) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let byte = haystack.find(needle)?;
    let start = char_len(&haystack[..byte]);
    Some(Span {
        start,
        end: start + char_len(needle),
    })
}

/// The first occurrence of `needle` in `haystack` that stands as whole words: a gold source
/// "he" is the pronoun, not the end of "the".
pub fn locate_words(haystack: &str, needle: &str) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let byte = haystack.match_indices(needle).map(|(b, _)| b).find(|&b| {
        !word(haystack[..b].chars().next_back())
            && !word(haystack[b + needle.len()..].chars().next())
    })?;
    let start = char_len(&haystack[..byte]);
    Some(Span {
        start,
        end: start + char_len(needle),
    })
}

/// Every article of `dir`, or every problem found in it (all of them, not just the first).
pub fn load(dir: &Path) -> Result<Vec<Article>, Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut problems = Vec::new();
    for name in &names {
        if let Some(stem) = name.strip_suffix(".gold.json") {
            if !names.contains(&format!("{stem}.txt")) {
                problems.push(format!("{name}: labels without an article ({stem}.txt)"));
            }
        }
    }
    let mut articles = Vec::new();
    for stem in names.iter().filter_map(|n| n.strip_suffix(".txt")) {
        match load_article(dir, stem) {
            Ok(article) => articles.push(article),
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        Ok(articles)
    } else {
        Err(problems)
    }
}

fn load_article(dir: &Path, stem: &str) -> Result<Article, Vec<String>> {
    let read = |file: String| {
        std::fs::read_to_string(dir.join(&file)).map_err(|e| vec![format!("{file}: {e}")])
    };
    let text = read(format!("{stem}.txt"))?.trim_end().to_string();
    let gold_name = format!("{stem}.gold.json");
    let gold: GoldFile = serde_json::from_str(&read(gold_name.clone())?)
        .map_err(|e| vec![format!("{gold_name}: not the gold format: {e}")])?;
    parse_gold(stem, &gold_name, text, gold)
}

fn parse_gold(
    stem: &str,
    gold_name: &str,
    text: String,
    gold: GoldFile,
) -> Result<Article, Vec<String>> {
    let mut problems = Vec::new();
    let mut claims = Vec::new();
    for (i, raw) in gold.claims.into_iter().enumerate() {
        let at = format!("{gold_name}: claim {}", i + 1);
        match locate_claim(&text, raw) {
            Ok(claim) => claims.push(claim),
            Err(problem) => problems.push(format!("{at}: {problem}")),
        }
    }
    claims.sort_by_key(|c| c.span.start);
    for pair in claims.windows(2) {
        if pair[1].span.start < pair[0].span.end {
            problems.push(format!(
                "{gold_name}: claims overlap: {:?} and {:?}",
                pair[0].quote, pair[1].quote
            ));
        }
    }
    let mut traps = Vec::new();
    for (i, trap) in gold.traps.into_iter().enumerate() {
        match locate(&text, &trap) {
            Some(span) if claims.iter().any(|c| overlaps(c.span, span)) => problems.push(format!(
                "{gold_name}: trap {} overlaps a gold claim: {trap:?}",
                i + 1
            )),
            Some(_) if occurs_twice(&text, &trap) => problems.push(format!(
                "{gold_name}: trap {} occurs twice in the article: {trap:?}",
                i + 1
            )),
            Some(span) => traps.push(Located { span, text: trap }),
            None => problems.push(format!(
                "{gold_name}: trap {} not found in the article: {trap:?}",
                i + 1
            )),
        }
    }
    if problems.is_empty() {
        Ok(Article {
            name: stem.to_string(),
            text,
            claims,
            traps,
        })
    } else {
        Err(problems)
    }
}

fn locate_claim(text: &str, raw: RawClaim) -> Result<GoldClaim, String> {
    let kind = SourceKind::parse(&raw.kind).ok_or_else(|| {
        let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("kind {:?} is none of {}", raw.kind, kinds.join(", "))
    })?;
    let span = locate(text, &raw.quote)
        .ok_or_else(|| format!("quote not found in the article: {:?}", raw.quote))?;
    if occurs_twice(text, &raw.quote) {
        return Err(format!(
            "quote occurs twice in the article: {:?}",
            raw.quote
        ));
    }
    let source = match raw.source {
        None => None,
        Some(source) => {
            let within = locate_words(&raw.quote, &source).ok_or_else(|| {
                format!(
                    "source {source:?} not found inside its quote {:?}",
                    raw.quote
                )
            })?;
            Some(Located {
                span: Span {
                    start: span.start + within.start,
                    end: span.start + within.end,
                },
                text: source,
            })
        }
    };
    Ok(GoldClaim {
        span,
        quote: raw.quote,
        source,
        kind,
    })
}

fn occurs_twice(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).nth(1).is_some()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
