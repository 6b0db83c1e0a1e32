//! Where highlights fall: the article split into paragraphs, and each paragraph into flat runs of
//! text covered by the same set of claims. Overlapping and nested claims become separate runs, so
//! the DOM never nests highlight elements and every run maps straight back to text offsets.

use std::borrow::Borrow;

use crate::core::model::{Article, BlockKind, Claim, Link, Status};
use crate::core::ordering;
use crate::core::suggestions::Span;
use crate::core::text::offsets::CharTable;
use crate::core::text::paragraphs::paragraph_ranges;

/// One claim covering a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub claim_id: String,
    pub status: Status,
    /// The claim ends with this run (where its status icon goes).
    pub ends: bool,
    /// The claim's label, shown with its status icon.
    pub label: Option<String>,
}

/// A run of text: `start` is its code-point offset in the article text; `marks` are the claims
/// covering it, innermost (shortest) first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub text: String,
    pub marks: Vec<Mark>,
    /// Where the link this run is part of pointed.
    pub link: Option<String>,
    /// Part of a claim's attribution phrase ("according to …").
    pub attribution: bool,
    /// Part of a suggested claim: the suggestion's start (suggestions never overlap).
    pub suggestion: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub kind: BlockKind,
    pub runs: Vec<Run>,
}

/// Lays out an article's text, blocks and links with `claims` highlighted.
pub fn layout_article(article: &Article, claims: &[Claim]) -> Vec<Paragraph> {
    layout_article_with_suggestions(article, claims, &[])
}

/// Lays out an article as [`layout_article`] does, with claim suggestions outlined too.
pub fn layout_article_with_suggestions<C: Borrow<Claim>>(
    article: &Article,
    claims: &[C],
    suggestions: &[Span],
) -> Vec<Paragraph> {
    let claims: Vec<&Claim> = claims.iter().map(Borrow::borrow).collect();
    let mut paragraphs = layout_with_links(&article.text, &claims, &article.links, suggestions);
    for (p, kind) in paragraphs.iter_mut().zip(&article.blocks) {
        p.kind = *kind;
    }
    paragraphs
}

/// Lays out `text` with `claims` highlighted. Claims may come in any order and may overlap.
pub fn layout(text: &str, claims: &[Claim]) -> Vec<Paragraph> {
    layout_with_links(text, &claims.iter().collect::<Vec<_>>(), &[], &[])
}

fn layout_with_links(
    text: &str,
    claims: &[&Claim],
    links: &[Link],
    suggestions: &[Span],
) -> Vec<Paragraph> {
    let table = CharTable::new(text);
    let mut by_start: Vec<&Claim> = claims.iter().copied().filter(|c| !c.is_empty()).collect();
    ordering::sort_by_key(&mut by_start, |c| c.position.start);
    let mut next = 0;
    let mut active: Vec<&Claim> = Vec::new();
    // Attribution phrases are drawn wherever they are, whichever paragraph their claim is in.
    let phrases: Vec<(usize, usize)> = claims
        .iter()
        .filter_map(|c| c.source_phrase.as_ref())
        .map(|p| (p.position.start, p.position.end))
        .collect();
    paragraph_ranges(text)
        .into_iter()
        .map(|(pstart, pend)| {
            active.retain(|c| c.position.end > pstart);
            while next < by_start.len() && by_start[next].position.start < pend {
                if by_start[next].position.end > pstart {
                    active.push(by_start[next]);
                }
                next += 1;
            }
            let here: Vec<&Claim> = active
                .iter()
                .copied()
                .filter(|c| c.position.start < pend && c.position.end > pstart)
                .collect();
            let links_here: Vec<&Link> = links
                .iter()
                .filter(|l| l.start < pend && l.end > pstart)
                .collect();
            let phrases: Vec<(usize, usize)> = phrases
                .iter()
                .copied()
                .filter(|&(s, e)| s < pend && e > pstart)
                .collect();
            let suggested: Vec<Span> = suggestions
                .iter()
                .copied()
                .filter(|s| s.start < pend && s.end > pstart)
                .collect();
            let mut runs = runs(&table, pstart, pend, &here, &links_here, &phrases);
            if !suggested.is_empty() {
                runs = outline_suggestions(&table, runs, &suggested);
            }
            Paragraph {
                start: pstart,
                kind: BlockKind::Paragraph,
                runs,
            }
        })
        .collect()
}

fn runs(
    table: &CharTable<'_>,
    pstart: usize,
    pend: usize,
    claims: &[&Claim],
    links: &[&Link],
    phrases: &[(usize, usize)],
) -> Vec<Run> {
    let mut cuts: Vec<usize> = vec![pstart, pend];
    for c in claims {
        cuts.push(c.position.start.clamp(pstart, pend));
        cuts.push(c.position.end.clamp(pstart, pend));
    }
    for l in links {
        cuts.push(l.start.clamp(pstart, pend));
        cuts.push(l.end.clamp(pstart, pend));
    }
    for &(s, e) in phrases {
        cuts.push(s.clamp(pstart, pend));
        cuts.push(e.clamp(pstart, pend));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            let mut covering: Vec<&Claim> = claims
                .iter()
                .copied()
                .filter(|c| c.position.start <= start && c.position.end >= end)
                .collect();
            ordering::sort_by_key(&mut covering, |c| {
                (c.len(), std::cmp::Reverse(c.created.clone()))
            });
            Run {
                start,
                attribution: phrases.iter().any(|&(s, e)| s <= start && e >= end),
                link: links
                    .iter()
                    .find(|l| l.start <= start && l.end >= end)
                    .map(|l| l.href.clone()),
                text: table.slice(start, end).unwrap_or_default().to_string(),
                suggestion: None,
                marks: covering
                    .into_iter()
                    .map(|c| Mark {
                        claim_id: c.id.clone(),
                        status: c.status,
                        ends: c.position.end == end,
                        label: c.label.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Splits `runs` where suggestions start and end, and marks the runs each covers.
fn outline_suggestions(table: &CharTable<'_>, runs: Vec<Run>, suggested: &[Span]) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len() + 2 * suggested.len());
    for run in runs {
        let end = run.start + run.text.chars().count();
        let mut cuts = vec![run.start, end];
        for s in suggested {
            cuts.extend(
                [s.start, s.end]
                    .into_iter()
                    .filter(|&c| c > run.start && c < end),
            );
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            out.push(Run {
                start: w[0],
                text: table.slice(w[0], w[1]).unwrap_or_default().to_string(),
                suggestion: suggested
                    .iter()
                    .find(|s| s.start <= w[0] && s.end >= w[1])
                    .map(|s| s.start),
                ..run.clone()
            });
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::model::Claim;
    use crate::core::test_claims::claim_at;

    fn claim(text: &str, id: &str, start: usize, end: usize) -> Claim {
        Claim {
            created: id.into(),
            modified: id.into(),
            ..claim_at(text, id, start, end)
        }
    }

    fn ids(run: &Run) -> Vec<&str> {
        run.marks.iter().map(|m| m.claim_id.as_str()).collect()
    }

    #[test]
    fn plain_paragraphs_are_single_runs() {
        let l = layout("One.\n\nTwo 😀.", &[]);
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].start, 6);
        assert_eq!(l[1].runs[0].text, "Two 😀.");
    }

    #[test]
    fn each_mark_carries_its_claims_label() {
        let text = "aaaa bbbb cccc";
        let mut labelled = claim(text, "l", 0, 9);
        labelled.label = Some("opinion".into());
        let runs = &layout(text, &[labelled, claim(text, "plain", 10, 14)])[0].runs;
        let marks: Vec<(&str, Option<&str>, bool)> = runs
            .iter()
            .flat_map(|r| &r.marks)
            .map(|m| (m.claim_id.as_str(), m.label.as_deref(), m.ends))
            .collect();
        assert_eq!(
            marks,
            vec![("l", Some("opinion"), true), ("plain", None, true)]
        );
    }

    #[test]
    fn overlapping_and_nested_claims_split_into_flat_runs() {
        let text = "aaaa bbbb cccc dddd";
        let claims = [
            claim(text, "outer", 0, 19),
            claim(text, "inner", 5, 9),
            claim(text, "cross", 7, 14),
        ];
        let runs = &layout(text, &claims)[0].runs;
        let shape: Vec<(&str, Vec<&str>)> =
            runs.iter().map(|r| (r.text.as_str(), ids(r))).collect();
        assert_eq!(
            shape,
            vec![
                ("aaaa ", vec!["outer"]),
                ("bb", vec!["inner", "outer"]),
                ("bb", vec!["inner", "cross", "outer"]),
                (" cccc", vec!["cross", "outer"]),
                (" dddd", vec!["outer"]),
            ]
        );
    }

    #[test]
    fn blocks_keep_their_kind_and_links_split_runs() {
        let article = Article {
            text: "Heading\n\nSee the report today.".into(),
            blocks: vec![BlockKind::Heading { level: 2 }, BlockKind::Paragraph],
            links: vec![Link {
                start: 13,
                end: 23,
                href: "https://x.example/".into(),
            }],
            ..Article::default()
        };
        let l = layout_article(&article, &[claim(&article.text, "c", 17, 29)]);
        assert_eq!(l[0].kind, BlockKind::Heading { level: 2 });
        let shape: Vec<(&str, bool, bool)> = l[1]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.link.is_some(), !r.marks.is_empty()))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("See ", false, false),
                ("the ", true, false),
                ("report", true, true),
                (" today", false, true),
                (".", false, false),
            ]
        );
    }

    #[test]
    fn attribution_phrases_are_marked_even_in_another_paragraph() {
        let text = "The Post reported.\n\nThe port paid twice.";
        let mut c = claim(text, "c", 20, 40);
        let (quote, position) = crate::core::anchoring::selectors::describe(text, 4, 17).unwrap();
        c.source_phrase = Some(crate::core::model::Passage { quote, position });
        let l = layout(text, &[c]);
        let marked: Vec<&str> = l[0]
            .runs
            .iter()
            .filter(|r| r.attribution)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(marked, ["Post reported"]);
        assert!(l[1].runs.iter().all(|r| !r.attribution));
    }

    #[test]
    fn suggestions_are_outlined_in_runs_of_their_own() {
        let article = Article {
            text: "Ann said yes. Bob said no.".into(),
            ..Article::default()
        };
        let l = layout_article_with_suggestions(
            &article,
            &[claim(&article.text, "c", 0, 3)],
            &[Span { start: 14, end: 26 }, Span { start: 4, end: 13 }],
        );
        let shape: Vec<(&str, Option<usize>, bool)> = l[0]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.suggestion, !r.marks.is_empty()))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("Ann", None, true),
                (" ", None, false),
                ("said yes.", Some(4), false),
                (" ", None, false),
                ("Bob said no.", Some(14), false),
            ]
        );
        assert_eq!(layout_article(&article, &[]), layout(&article.text, &[]));
    }

    #[test]
    fn a_claim_across_paragraphs_is_highlighted_in_each() {
        let text = "first para\n\nsecond para\n\nthird";
        let l = layout(text, &[claim(text, "c", 6, 18)]);
        assert_eq!(ids(&l[0].runs[1]), vec!["c"]);
        assert_eq!(l[0].runs[1].text, "para");
        assert_eq!(l[1].runs[0].text, "second");
        assert_eq!(ids(&l[1].runs[0]), vec!["c"]);
        assert!(l[2].runs.iter().all(|r| r.marks.is_empty()));
        assert!(!l[0].runs[1].marks[0].ends);
        assert!(l[1].runs[0].marks[0].ends);
    }

    proptest::proptest! {
        #[test]
        fn runs_cover_the_text_exactly(
            spans in proptest::collection::vec((0usize..60, 1usize..30), 0..12)
        ) {
            let text = "Lorem ipsum dolor\n\nsit amet, 世界 consectetur\n\nadipiscing 😀 elit.";
            let n = crate::core::text::offsets::char_len(text);
            let claims: Vec<Claim> = spans
                .iter()
                .enumerate()
                .filter_map(|(i, &(s, l))| {
                    let (s, e) = (s.min(n - 1), (s + l).min(n));
                    (s < e).then(|| claim(text, &format!("c{i}"), s, e))
                })
                .collect();
            let l = layout(text, &claims);
            let table = CharTable::new(text);
            for p in &l {
                let mut pos = p.start;
                for r in &p.runs {
                    proptest::prop_assert_eq!(r.start, pos);
                    let len = r.text.chars().count();
                    proptest::prop_assert_eq!(table.slice(pos, pos + len), Some(r.text.as_str()));
                    for c in &claims {
                        let covers = c.position.start <= pos && c.position.end >= pos + len;
                        proptest::prop_assert_eq!(covers, ids(r).contains(&c.id.as_str()));
                    }
                    pos += len;
                }
            }
        }
    }
}
