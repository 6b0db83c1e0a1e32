//! What an import says it did: each article's report, or for a large import the totals and a
//! few titles, so the message stays a few lines long.

use super::merge::{ImportOutcome, ImportReport};
use crate::core::text::plural::counted;

/// Up to this many articles, an import's summary tells each; past it, the totals and a few
/// titles, so the message stays a few lines long (a 56-article library once made a toast
/// taller than the screen).
const ARTICLES_TOLD_ONE_BY_ONE: usize = 3;

impl ImportOutcome {
    pub fn summary(&self) -> String {
        let mut s = if self.reports.len() > ARTICLES_TOLD_ONE_BY_ONE {
            self.totals()
        } else {
            self.reports
                .iter()
                .map(ImportReport::summary)
                .collect::<Vec<_>>()
                .join(". ")
        };
        if self.skipped > 0 {
            s.push_str(&format!(
                ". {} no passage (page notes, replies) {} left out",
                counted(
                    self.skipped,
                    "annotation that marks",
                    "annotations that mark"
                ),
                if self.skipped == 1 { "was" } else { "were" }
            ));
        }
        s.push('.');
        s
    }
}

impl ImportOutcome {
    /// "56 articles imported (50 new): 120 claims added · … Among them “A”, “B”, “C” and 53 more".
    fn totals(&self) -> String {
        let sum = |f: fn(&ImportReport) -> usize| self.reports.iter().map(f).sum::<usize>();
        let new = self.reports.iter().filter(|r| r.new_article).count();
        let reanchored = self
            .reports
            .iter()
            .filter(|r| r.reanchored.is_some())
            .count();
        let titles = self
            .reports
            .iter()
            .take(ARTICLES_TOLD_ONE_BY_ONE)
            .map(|r| format!("“{}”", r.article_title))
            .collect::<Vec<_>>()
            .join(", ");
        let mut s = format!(
            "{} imported ({new} new): {} added · {} updated · {} already here · {}",
            counted(self.reports.len(), "article", "articles"),
            counted(sum(|r| r.added), "claim", "claims"),
            sum(|r| r.updated),
            sum(|r| r.unchanged),
            counted(
                sum(|r| r.duplicates),
                "duplicate skipped",
                "duplicates skipped"
            ),
        );
        if reanchored > 0 {
            s.push_str(&format!(
                "; {reanchored} had another version of their text, and their claims were re-anchored"
            ));
        }
        s.push_str(&format!(
            ". Among them {titles} and {} more",
            self.reports.len() - ARTICLES_TOLD_ONE_BY_ONE
        ));
        s
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::annotations::Format;

    #[test]
    fn a_large_import_is_summed_up_in_a_few_lines() {
        let report = |i: usize| ImportReport {
            article_id: format!("a{i}"),
            article_title: format!("Article {i}"),
            new_article: i % 2 == 0,
            added: 2,
            updated: 1,
            unchanged: 0,
            duplicates: usize::from(i == 0),
            ..ImportReport::default()
        };
        let outcome = |n: usize| ImportOutcome {
            format: Format::Library,
            documents: vec![],
            reports: (0..n).map(report).collect(),
            skipped: 0,
        };
        let few = outcome(3).summary();
        assert!(few.contains("Imported “Article 2”"), "{few}");
        let many = outcome(56).summary();
        assert_eq!(
            many,
            "56 articles imported (28 new): 112 claims added · 56 updated · 0 already here · 1 duplicate skipped. \
             Among them “Article 0”, “Article 1”, “Article 2” and 53 more."
        );
    }
}
