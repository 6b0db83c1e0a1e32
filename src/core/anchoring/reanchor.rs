//! Putting claims back on their words after the article text changed (an edit, or stored data
//! that disagrees with its text), and counting what happened.

use crate::core::anchoring::resolve::{Drift, PreparedText};
use crate::core::anchoring::selectors::{describe_in, Resolution, Selectors};
use crate::core::model::{sort_in_reading_order, Claim, Passage};
use crate::core::text::offsets::{trim_range, CharTable};

/// What re-anchoring did: "12 unchanged · 2 moved · 1 orphaned".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Report {
    pub unchanged: usize,
    pub moved: usize,
    pub orphaned: usize,
    /// Orphans from before that were found again.
    pub recovered: usize,
}

impl Report {
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} unchanged · {} moved · {} orphaned",
            self.unchanged, self.moved, self.orphaned
        );
        if self.recovered > 0 {
            s.push_str(&format!(" · {} found again", self.recovered));
        }
        s
    }
}

/// Claims still anchored, and orphans (kept with their last quote, never dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchored {
    pub claims: Vec<Claim>,
    pub orphans: Vec<Claim>,
    pub report: Report,
}

fn selectors(claim: &Claim) -> Selectors {
    Selectors {
        quote: claim.quote.clone(),
        position: Some(claim.position),
    }
}

/// Re-anchors `claims` and `orphans` in `text`. Claims that land on changed words get a fresh
/// quote and context; their `modified` time is left alone, since the reader changed nothing.
pub fn reanchor(text: &str, claims: Vec<Claim>, orphans: Vec<Claim>) -> Anchored {
    let prepared = PreparedText::for_passages(text, claims.len() + orphans.len());
    // Claims come in reading order: each is looked for first where the one before it moved.
    let mut drift = Drift::default();
    let table = CharTable::new(text);
    let mut report = Report::default();
    let mut anchored = Vec::with_capacity(claims.len());
    let mut lost = Vec::new();
    let was_orphan =
        std::iter::repeat_n(false, claims.len()).chain(std::iter::repeat_n(true, orphans.len()));
    for (mut claim, was_orphan) in claims.into_iter().chain(orphans).zip(was_orphan) {
        let sel = selectors(&claim);
        let resolution = prepared.resolve_drifted(&sel, drift);
        drift.learn(&sel, &resolution);
        // An approximate match can take in a neighbouring space; claims never start or end on one.
        let range = resolution.range().and_then(|(s, e)| trim_range(text, s, e));
        match range.and_then(|(s, e)| describe_in(&table, s, e)) {
            Some((quote, position)) => {
                let same =
                    matches!(resolution, Resolution::Exact { .. }) && position == claim.position;
                if was_orphan {
                    report.recovered += 1;
                } else if same {
                    report.unchanged += 1;
                } else {
                    report.moved += 1;
                }
                claim.quote = quote;
                claim.position = position;
                // The attribution phrase moves with the text too, or is let go.
                claim.source_phrase = claim.source_phrase.take().and_then(|p| {
                    let sel = Selectors {
                        quote: p.quote,
                        position: Some(p.position),
                    };
                    let (s, e) = prepared.resolve_drifted(&sel, drift).range()?;
                    let (quote, position) = describe_in(&table, s, e)?;
                    Some(Passage { quote, position })
                });
                anchored.push(claim);
            }
            None => {
                if !was_orphan {
                    report.orphaned += 1;
                }
                lost.push(claim);
            }
        }
    }
    sort_in_reading_order(&mut anchored);
    Anchored {
        claims: anchored,
        orphans: lost,
        report,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::model::Status;
    use crate::core::test_claims::claim_on;
    use crate::core::text::offsets::slice;

    fn claim(text: &str, id: &str, quote: &str) -> Claim {
        Claim {
            status: Status::Verified,
            label: None,
            source: "s".into(),
            note: "n".into(),
            ..claim_on(text, id, quote)
        }
    }

    #[test]
    fn an_edit_keeps_moves_and_orphans_claims() {
        let old = "The ministry said the port paid twice.\n\nReyl denied it.\n\nOfficials familiar with the review said investigators were looking.";
        let claims = vec![
            claim(old, "same", "The ministry said"),
            claim(old, "moves", "Reyl denied it."),
            claim(
                old,
                "reworded",
                "Officials familiar with the review said investigators were looking.",
            ),
            claim(old, "gone", "the port paid twice"),
        ];
        let new = "The ministry said nothing.\n\nIn a statement, Reyl denied it.\n\nOfficials familiar with the review said investigators were still looking.";
        let result = reanchor(new, claims, vec![]);
        assert_eq!(
            result.report,
            Report {
                unchanged: 1,
                moved: 2,
                orphaned: 1,
                recovered: 0
            }
        );
        assert_eq!(
            result.report.summary(),
            "1 unchanged · 2 moved · 1 orphaned"
        );
        for c in &result.claims {
            assert_eq!(
                slice(new, c.position.start, c.position.end),
                Some(c.quote.exact.as_str())
            );
            assert_eq!(
                c.modified, "2026-01-01T00:00:00Z",
                "the reader changed nothing"
            );
        }
        let ids: Vec<&str> = result.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["same", "moves", "reworded"]);
        assert_eq!(
            result.claims[2].quote.exact,
            "Officials familiar with the review said investigators were still looking."
        );
        assert_eq!(result.orphans.len(), 1);
        assert_eq!(result.orphans[0].quote.exact, "the port paid twice");
        assert_eq!(result.orphans[0].status, Status::Verified);

        // Undoing the edit finds the orphan again.
        let back = reanchor(old, result.claims, result.orphans);
        assert_eq!(back.report.recovered, 1);
        assert!(back.orphans.is_empty());
        assert_eq!(back.claims.len(), 4);
    }
}
