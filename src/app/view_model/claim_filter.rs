//! Which claims the panel lists, in what order: filters by status and source kind, a search over
//! quote, source and note, and sorting by position or by last change.

use crate::core::model::{Claim, SourceKind, Status};

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

    fn matches(&self, claim: &Claim) -> bool {
        let needle = self.search.trim().to_lowercase();
        self.status.is_none_or(|s| claim.status == s)
            && self.kind.is_none_or(|k| claim.source_kind == k)
            && (needle.is_empty()
                || [&claim.quote.exact, &claim.source, &claim.note]
                    .iter()
                    .any(|field| field.to_lowercase().contains(&needle)))
    }

    /// The claims to list. The selected claim is always kept, so it never vanishes from view
    /// while it is being edited.
    pub fn apply<'a>(&self, claims: &'a [Claim], selected: Option<&str>) -> Vec<&'a Claim> {
        let mut shown: Vec<&Claim> = claims
            .iter()
            .filter(|c| self.matches(c) || Some(c.id.as_str()) == selected)
            .collect();
        if self.sort == SortBy::LastChange {
            shown.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.id.cmp(&b.id)));
        }
        shown
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
    }
}
