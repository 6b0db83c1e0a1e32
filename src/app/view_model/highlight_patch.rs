//! Keeping the highlight layout from one render to the next. When claims change only in what
//! their marks show (status, label), the paragraphs they are in are restyled in place and every
//! other paragraph stays the very one it was, shared; so pressing V at 2,000 claims costs what it
//! costs at 20, where laying out the whole article again grew with its length and its claims.

use std::rc::Rc;

use crate::app::view_model::highlight_layout::Paragraph;
use crate::core::model::Claim;

/// The article laid out, each paragraph shared: a paragraph drawn is redrawn only when it is not
/// the same one.
pub type Layout = Rc<Vec<Rc<Paragraph>>>;

/// What a change of claims does to the layout.
#[derive(Debug)]
pub enum Change {
    /// Nothing a mark shows changed (a note, a source, evidence).
    Same,
    /// Only statuses or labels changed: the layout with those marks restyled.
    Restyled(Layout),
    /// A highlight appeared, went or moved: the article must be laid out again.
    Relayout,
}

/// Whether `a` and `b` cover the same words the same way (what splits the text into runs).
fn same_place(a: &Claim, b: &Claim) -> bool {
    a.id == b.id
        && a.position == b.position
        && a.created == b.created
        && a.source_phrase.as_ref().map(|p| &p.position)
            == b.source_phrase.as_ref().map(|p| &p.position)
}

/// What `layout`, laid out from `old`, becomes for `new`.
pub fn restyle(layout: &Layout, old: &[Rc<Claim>], new: &[Rc<Claim>]) -> Change {
    if old.len() != new.len() {
        return Change::Relayout;
    }
    let mut changed = Vec::new();
    for (a, b) in old.iter().zip(new) {
        if Rc::ptr_eq(a, b) {
            continue;
        }
        if !same_place(a, b) {
            return Change::Relayout;
        }
        if a.status != b.status || a.label != b.label {
            changed.push(b);
        }
    }
    if changed.is_empty() {
        return Change::Same;
    }
    let mut paragraphs: Vec<Rc<Paragraph>> = layout.to_vec();
    for claim in changed {
        let (start, end) = (claim.position.start, claim.position.end);
        let first = paragraphs
            .partition_point(|p| p.start <= start)
            .saturating_sub(1);
        for p in paragraphs[first..].iter_mut().take_while(|p| p.start < end) {
            let marked = |p: &Paragraph| {
                p.runs
                    .iter()
                    .any(|r| r.marks.iter().any(|m| m.claim_id == claim.id))
            };
            if !marked(p) {
                continue;
            }
            for run in &mut Rc::make_mut(p).runs {
                for mark in run.marks.iter_mut().filter(|m| m.claim_id == claim.id) {
                    mark.status = claim.status;
                    mark.label = claim.label.clone();
                }
            }
        }
    }
    Change::Restyled(Rc::new(paragraphs))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::state::shared;
    use crate::app::view_model::highlight_layout::layout_article;
    use crate::core::anchoring::selectors::describe;
    use crate::core::model::{Article, Passage, Status};
    use crate::core::test_claims::claim_on;

    const TEXT: &str = "The Post reported the port paid twice.\n\nReyl denied it, aides said.\n\n\
        The ministry said the audit was closed, according to officials.";

    fn article() -> Article {
        Article {
            text: TEXT.into(),
            ..Article::default()
        }
    }

    fn laid_out(claims: &[Rc<Claim>]) -> Layout {
        let claims: Vec<Claim> = claims.iter().map(|c| (**c).clone()).collect();
        Rc::new(
            layout_article(&article(), &claims)
                .into_iter()
                .map(Rc::new)
                .collect(),
        )
    }

    fn claims() -> Vec<Rc<Claim>> {
        let mut across = claim_on(TEXT, "across", "twice.\n\nReyl denied");
        across.created = "2026-01-01T00:00:01Z".into();
        (*shared(vec![
            claim_on(TEXT, "post", "The Post reported the port paid twice."),
            across,
            claim_on(TEXT, "inner", "Reyl denied it"),
            claim_on(TEXT, "audit", "the audit was closed"),
        ]))
        .clone()
    }

    #[test]
    fn a_status_or_label_change_restyles_its_paragraphs_and_shares_the_others() {
        let old = claims();
        let layout = laid_out(&old);
        for (i, relabel) in [(1, false), (2, true), (3, false)] {
            let mut new = old.clone();
            let claim = Rc::make_mut(&mut new[i]);
            claim.status = Status::Verified;
            if relabel {
                claim.label = Some("opinion".into());
            }
            let Change::Restyled(patched) = restyle(&layout, &old, &new) else {
                panic!("claim {i}: expected a restyle");
            };
            // Exactly what laying the article out again gives …
            assert_eq!(
                patched.iter().map(|p| (**p).clone()).collect::<Vec<_>>(),
                laid_out(&new)
                    .iter()
                    .map(|p| (**p).clone())
                    .collect::<Vec<_>>(),
                "claim {i}"
            );
            // … with the paragraphs the claim is not in kept, shared.
            for (p, (before, after)) in layout.iter().zip(patched.iter()).enumerate() {
                let marked = before
                    .runs
                    .iter()
                    .any(|r| r.marks.iter().any(|m| m.claim_id == new[i].id));
                assert_eq!(
                    Rc::ptr_eq(before, after),
                    !marked,
                    "claim {i}, paragraph {p}"
                );
            }
        }
    }

    #[test]
    fn a_note_changes_nothing_and_a_moved_added_or_removed_claim_lays_out_again() {
        let old = claims();
        let layout = laid_out(&old);
        let mut noted = old.clone();
        Rc::make_mut(&mut noted[0]).note = "Checked.".into();
        assert!(matches!(restyle(&layout, &old, &noted), Change::Same));
        let mut moved = old.clone();
        moved[3] = Rc::new(claim_on(TEXT, "audit", "the audit"));
        assert!(matches!(restyle(&layout, &old, &moved), Change::Relayout));
        assert!(matches!(
            restyle(&layout, &old, &old[..3]),
            Change::Relayout
        ));
        let mut phrased = old.clone();
        let (quote, position) = describe(TEXT, 55, 64).unwrap();
        Rc::make_mut(&mut phrased[3]).source_phrase = Some(Passage { quote, position });
        assert!(matches!(restyle(&layout, &old, &phrased), Change::Relayout));
    }
}
