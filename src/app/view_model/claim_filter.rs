//! Which claims the panel lists, in what order: filters by status and source kind, a search over
//! quote, source and note, and sorting by position or by last change.

use std::borrow::Borrow;
use std::collections::HashSet;

use crate::core::model::{count_summary, Claim, SourceKind, Status};
use crate::core::ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Position,
    LastChange,
}

/// What the reader asked to see. `kind: Some(None)` means "source kind not chosen yet".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimFilter {
    pub status: Option<Status>,
    pub kind: Option<Option<SourceKind>>,
    pub search: String,
    pub sort: SortBy,
}

impl ClaimFilter {
    pub fn is_active(&self) -> bool {
        self.status.is_some() || self.kind.is_some() || !self.search.trim().is_empty()
    }

    /// What the search looks for, once per list rather than once per claim.
    fn needle(&self) -> String {
        self.search.trim().to_lowercase()
    }

    /// Whether `claim` is one the reader asked to see; `needle` is [`Self::needle`].
    fn matches(&self, claim: &Claim, needle: &str) -> bool {
        self.status.is_none_or(|s| claim.status == s)
            && self.kind.is_none_or(|k| claim.source_kind == k)
            && (needle.is_empty()
                || [&claim.quote.exact, &claim.source, &claim.note]
                    .iter()
                    .any(|field| field.to_lowercase().contains(needle)))
    }

    /// The claims to list. The selected claim is always kept, so it never vanishes from view
    /// while it is being edited.
    pub fn apply<'a, C: Borrow<Claim>>(
        &self,
        claims: &'a [C],
        selected: Option<&str>,
    ) -> Vec<&'a Claim> {
        self.listed(claims, selected)
            .into_iter()
            .map(|i| claims[i].borrow())
            .collect()
    }

    /// The same as [`Self::apply`], as indices into `claims` (the list shares the claims rather
    /// than copying them).
    pub fn listed<C: Borrow<Claim>>(&self, claims: &[C], selected: Option<&str>) -> Vec<usize> {
        let claims: Vec<&Claim> = claims.iter().map(Borrow::borrow).collect();
        let needle = self.needle();
        let mut shown: Vec<usize> = (0..claims.len())
            .filter(|&i| {
                self.matches(claims[i], &needle) || Some(claims[i].id.as_str()) == selected
            })
            .collect();
        if self.sort == SortBy::LastChange {
            ordering::sort_by(&mut shown, |&a, &b| {
                let (a, b) = (claims[a], claims[b]);
                b.modified.cmp(&a.modified).then(a.id.cmp(&b.id))
            });
        }
        shown
    }

    /// The ids of the claims the article shows dimmed: those the filter leaves out (never the
    /// selected one, which the list keeps too). Empty while no filter is on.
    pub fn dimmed<C: Borrow<Claim>>(
        &self,
        claims: &[C],
        selected: Option<&str>,
    ) -> HashSet<String> {
        if !self.is_active() {
            return HashSet::new();
        }
        let needle = self.needle();
        claims
            .iter()
            .map(Borrow::borrow)
            .filter(|c| !self.matches(c, &needle) && Some(c.id.as_str()) != selected)
            .map(|c| c.id.clone())
            .collect()
    }

    /// The counts line over the list: every claim's count, or with a filter on, how many are
    /// listed of how many there are, so the total never drops out of sight.
    pub fn counts_line<C: Borrow<Claim>>(&self, claims: &[C], shown: &[&Claim]) -> String {
        if !self.is_active() {
            return count_summary(claims);
        }
        let verified = shown
            .iter()
            .filter(|c| c.status == Status::Verified)
            .count();
        let total = claims.len();
        let noun = if total == 1 { "claim" } else { "claims" };
        format!(
            "Showing {} of {total} {noun} · {verified} verified · {} unverified",
            shown.len(),
            shown.len() - verified
        )
    }

    /// What the list says when the filter leaves nothing to show, naming the search.
    pub fn nothing_shown(&self) -> String {
        let search = self.search.trim();
        let others = self.status.is_some() || self.kind.is_some();
        match (search.is_empty(), others) {
            (true, _) => "No claim matches these filters.".to_string(),
            (false, false) => format!("No claim matches “{search}”."),
            (false, true) => format!("No claim matches “{search}” with these filters."),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::anchoring::selectors::describe;

    fn claim(
        id: &str,
        status: Status,
        kind: Option<SourceKind>,
        note: &str,
        modified: &str,
    ) -> Claim {
        let (quote, position) = describe("The ministry said the port paid twice.", 4, 17).unwrap();
        Claim {
            id: id.into(),
            quote,
            position,
            status,
            label: None,
            source: "Ministry of Transport".into(),
            source_kind: kind,
            source_phrase: None,
            note: note.into(),
            evidence: Vec::new(),
            created: "t0".into(),
            modified: modified.into(),
        }
    }

    #[test]
    fn filters_search_and_sort() {
        let claims = vec![
            claim(
                "a",
                Status::Verified,
                Some(SourceKind::Organization),
                "checked the register",
                "t3",
            ),
            claim(
                "b",
                Status::Unverified,
                Some(SourceKind::Anonymous),
                "",
                "t9",
            ),
            claim("c", Status::Unverified, None, "Ask the ministry", "t1"),
        ];
        let ids = |f: &ClaimFilter, sel: Option<&str>| -> Vec<String> {
            f.apply(&claims, sel).iter().map(|c| c.id.clone()).collect()
        };
        let all = ClaimFilter::default();
        assert!(!all.is_active());
        assert_eq!(ids(&all, None), ["a", "b", "c"]);
        let unverified = ClaimFilter {
            status: Some(Status::Unverified),
            ..Default::default()
        };
        assert_eq!(ids(&unverified, None), ["b", "c"]);
        let unchosen = ClaimFilter {
            kind: Some(None),
            ..Default::default()
        };
        assert_eq!(ids(&unchosen, None), ["c"]);
        let search = ClaimFilter {
            search: " REGISTER ".into(),
            ..Default::default()
        };
        assert_eq!(ids(&search, None), ["a"]);
        let by_source = ClaimFilter {
            search: "transport".into(),
            ..Default::default()
        };
        assert_eq!(ids(&by_source, None).len(), 3);
        assert_eq!(
            ids(&search, Some("b")),
            ["a", "b"],
            "the selected claim stays listed"
        );
        let recent = ClaimFilter {
            sort: SortBy::LastChange,
            ..Default::default()
        };
        assert_eq!(ids(&recent, None), ["b", "a", "c"]);
        assert_eq!(
            recent.listed(&claims, None),
            [1, 0, 2],
            "as indices, for the list"
        );
    }

    #[test]
    fn the_counts_line_keeps_the_total_when_filtered() {
        let claims = vec![
            claim("a", Status::Verified, None, "", "t1"),
            claim("b", Status::Unverified, None, "", "t2"),
            claim("c", Status::Unverified, None, "", "t3"),
            claim("d", Status::Verified, None, "", "t4"),
            claim("e", Status::Unverified, None, "", "t5"),
        ];
        let all = ClaimFilter::default();
        assert_eq!(
            all.counts_line(&claims, &all.apply(&claims, None)),
            "5 claims · 2 verified · 3 unverified"
        );
        let unverified = ClaimFilter {
            status: Some(Status::Unverified),
            ..Default::default()
        };
        assert_eq!(
            unverified.counts_line(&claims, &unverified.apply(&claims, None)),
            "Showing 3 of 5 claims · 0 verified · 3 unverified"
        );
        // The selected claim stays listed, and is counted as listed.
        assert_eq!(
            unverified.counts_line(&claims, &unverified.apply(&claims, Some("a"))),
            "Showing 4 of 5 claims · 1 verified · 3 unverified"
        );
        let one = &claims[..1];
        let nothing = ClaimFilter {
            search: "zebra".into(),
            ..Default::default()
        };
        assert_eq!(
            nothing.counts_line(one, &nothing.apply(one, None)),
            "Showing 0 of 1 claim · 0 verified · 0 unverified"
        );
    }

    #[test]
    fn nothing_shown_names_the_search() {
        let search = ClaimFilter {
            search: "  zebra ".into(),
            ..Default::default()
        };
        assert_eq!(search.nothing_shown(), "No claim matches “zebra”.");
        let both = ClaimFilter {
            status: Some(Status::Verified),
            ..search.clone()
        };
        assert_eq!(
            both.nothing_shown(),
            "No claim matches “zebra” with these filters."
        );
        let status = ClaimFilter {
            kind: Some(None),
            ..Default::default()
        };
        assert_eq!(status.nothing_shown(), "No claim matches these filters.");
    }

    #[test]
    fn dimmed_are_the_claims_left_out_but_the_selected() {
        let claims = vec![
            claim("a", Status::Verified, None, "", "t1"),
            claim("b", Status::Unverified, None, "", "t2"),
            claim("c", Status::Unverified, None, "", "t3"),
        ];
        assert!(ClaimFilter::default().dimmed(&claims, None).is_empty());
        let verified = ClaimFilter {
            status: Some(Status::Verified),
            ..Default::default()
        };
        let mut dimmed: Vec<String> = verified.dimmed(&claims, None).into_iter().collect();
        dimmed.sort();
        assert_eq!(dimmed, ["b", "c"]);
        let dimmed: Vec<String> = verified.dimmed(&claims, Some("c")).into_iter().collect();
        assert_eq!(dimmed, ["b"], "the selected claim is not dimmed");
    }
}
