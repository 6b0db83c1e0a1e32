//! Claims: marking words of the text as a claim, selecting one, editing what is said about it
//! (status, source, note, attribution phrase, evidence), and deleting it with an undo.

use std::rc::Rc;

use crate::app::notices::Deleted;
use crate::app::state::AppState;
use crate::core::anchoring::selectors::describe;
use crate::core::model::{sort_in_reading_order, Claim, Evidence, Passage, SourceKind, Status};
use crate::core::text::links::check_link;
use crate::core::text::offsets::trim_range;

/// What adding a passage that already is a claim says (that claim is selected instead).
pub const ALREADY_A_CLAIM: &str = "This passage is already a claim: it is selected.";

/// Marks `start..end` (trimmed of white space) as claim `id` and selects it; the same words
/// marked again select the claim that is there, and say so.
pub(super) fn add(next: &mut AppState, id: String, start: usize, end: usize, at: String) {
    let text = &next.article.text;
    let Some((start, end)) = trim_range(text, start, end) else {
        return;
    };
    if let Some(same) = next
        .claims
        .iter()
        .find(|c| c.position.start == start && c.position.end == end)
    {
        // The same span again is the same claim: it is shown, and the user told why nothing
        // new appeared.
        next.selected = Some(same.id.clone());
        next.notices.message = Some(ALREADY_A_CLAIM.to_string());
        return;
    }
    let Some((quote, position)) = describe(text, start, end) else {
        return;
    };
    next.claims_mut().push(Rc::new(Claim::unverified(
        id.clone(),
        quote,
        position,
        &at,
        &at,
    )));
    sort_in_reading_order(next.claims_mut());
    next.selected = Some(id);
    next.notices.deleted = None;
}

/// Selects claim `id` (anchored or orphaned), or nothing when there is no such claim.
pub(super) fn select(next: &mut AppState, id: Option<String>) {
    next.selected = id.filter(|id| next.claim(id).is_some());
}

/// Changes claim `id`; `change` says whether it changed anything, and only then is the claim
/// marked as modified `at`.
pub(super) fn edit(
    next: &mut AppState,
    id: &str,
    at: String,
    change: impl FnOnce(&mut Claim) -> bool,
) {
    // Only the claim is copied, if the view or an undo step shares it.
    let claim = match next.claims.iter().position(|c| c.id == id) {
        Some(i) => Some(next.claim_mut(i)),
        None => next.orphans.iter_mut().find(|c| c.id == id),
    };
    if let Some(claim) = claim {
        if change(claim) {
            claim.modified = at;
        }
    }
}

/// Puts `value` in `field`; whether that changed it.
pub(super) fn replace<T: PartialEq>(field: &mut T, value: T) -> bool {
    let changed = *field != value;
    *field = value;
    changed
}

pub(super) fn set_status(next: &mut AppState, id: &str, status: Status, at: String) {
    edit(next, id, at, |c| replace(&mut c.status, status));
}

pub(super) fn set_source(next: &mut AppState, id: &str, source: String, at: String) {
    edit(next, id, at, |c| replace(&mut c.source, source));
}

pub(super) fn set_note(next: &mut AppState, id: &str, note: String, at: String) {
    edit(next, id, at, |c| replace(&mut c.note, note));
}

pub(super) fn set_source_kind(next: &mut AppState, id: &str, kind: Option<SourceKind>, at: String) {
    edit(next, id, at, |c| replace(&mut c.source_kind, kind));
}

/// Links claim `id` to its attribution phrase, `start..end` of the text (trimmed).
pub(super) fn set_source_phrase(
    next: &mut AppState,
    id: &str,
    start: usize,
    end: usize,
    at: String,
) {
    let phrase = trim_range(&next.article.text, start, end)
        .and_then(|(s, e)| describe(&next.article.text, s, e))
        .map(|(quote, position)| Passage { quote, position });
    if let Some(phrase) = phrase {
        edit(next, id, at, |c| {
            replace(&mut c.source_phrase, Some(phrase))
        });
    }
}

pub(super) fn clear_source_phrase(next: &mut AppState, id: &str, at: String) {
    edit(next, id, at, |c| c.source_phrase.take().is_some());
}

/// Adds to claim `id`'s evidence trail, tidied; only addresses that pass the one link rule are
/// taken (the form says why it refuses the others).
pub(super) fn add_evidence(next: &mut AppState, id: &str, evidence: Evidence, at: String) {
    let Ok(url) = check_link(&evidence.url, "Evidence") else {
        return;
    };
    let evidence = Evidence {
        url,
        title: evidence.title.trim().to_string(),
        shows: evidence.shows.trim().to_string(),
        stance: evidence.stance,
    };
    edit(next, id, at, |c| {
        c.evidence.push(evidence);
        true
    });
}

pub(super) fn remove_evidence(next: &mut AppState, id: &str, index: usize, at: String) {
    edit(next, id, at, |c| {
        let present = index < c.evidence.len();
        if present {
            c.evidence.remove(index);
        }
        present
    });
}

/// Deletes claim `id`, keeping it (and where it was) for the undo toast.
pub(super) fn delete(next: &mut AppState, id: &str) {
    let removed = match next.claims.iter().position(|c| c.id == id) {
        Some(i) => Some((Rc::unwrap_or_clone(next.claims_mut().remove(i)), false)),
        None => next
            .orphans
            .iter()
            .position(|c| c.id == id)
            .map(|i| (next.orphans.remove(i), true)),
    };
    if let Some((claim, orphan)) = removed {
        let was_selected = next.selected.as_deref() == Some(id);
        if was_selected {
            next.selected = None;
        }
        next.notices.deleted = Some(Deleted {
            claim,
            was_selected,
            orphan,
        });
    }
}

/// Puts the claim deleted last back where it was, selected if it was.
pub(super) fn undo_delete(next: &mut AppState) {
    let Some(Deleted {
        claim,
        was_selected,
        orphan,
    }) = next.notices.deleted.take()
    else {
        return;
    };
    if was_selected {
        next.selected = Some(claim.id.clone());
    }
    if orphan {
        next.orphans.push(claim);
    } else {
        next.claims_mut().push(Rc::new(claim));
        sort_in_reading_order(next.claims_mut());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::rc::Rc;

    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::test_state::{add, state, TEXT};
    use crate::core::model::{Evidence, SourceKind, Stance, Status};
    use crate::core::text::offsets::slice;

    #[test]
    fn a_change_to_one_claim_copies_that_claim_and_shares_the_rest() {
        let two = add(&add(&state(), "a", 4, 8), "b", 69, 73);
        let noted = reduce(
            &two,
            Action::SetNote {
                id: "b".into(),
                note: "n".into(),
                at: "t".into(),
            },
        );
        assert!(Rc::ptr_eq(&two.claims[0], &noted.claims[0]));
        assert!(!Rc::ptr_eq(&two.claims[1], &noted.claims[1]));
        assert_eq!(
            (two.claims[1].note.as_str(), noted.claims[1].note.as_str()),
            ("", "n")
        );
        // Undo gives back the very claims of before.
        let undone = reduce(&noted, Action::Undo);
        assert!(Rc::ptr_eq(&two.claims[1], &undone.claims[1]));
    }

    #[test]
    fn adding_trims_describes_selects_and_keeps_reading_order() {
        let s = add(&state(), "late", 64, 79);
        let s = add(&s, "early", 3, 19);
        assert_eq!(s.claims.len(), 2);
        let early = &s.claims[0];
        assert_eq!(early.id, "early");
        assert_eq!(early.quote.exact, "Post reported,");
        assert_eq!(
            slice(TEXT, early.position.start, early.position.end),
            Some("Post reported,")
        );
        assert_eq!(early.status, Status::Unverified);
        assert_eq!(early.created, "t-early");
        assert_eq!(s.selected.as_deref(), Some("early"));
        assert_eq!(s.claims[1].quote.exact, "Reyl denied it.");
    }

    #[test]
    fn blank_duplicate_and_out_of_range_selections_add_nothing() {
        let s = add(&state(), "a", 62, 64);
        assert!(s.claims.is_empty());
        let s = add(&state(), "a", 70, 500);
        assert!(s.claims.is_empty());
        let s = add(&state(), "a", 4, 8);
        let s = reduce(&s, Action::Select(None));
        let again = add(&s, "b", 3, 9);
        assert_eq!(again.claims.len(), 1);
        assert_eq!(again.selected.as_deref(), Some("a"));
    }

    #[test]
    fn adding_a_passage_that_already_is_a_claim_selects_it_and_says_so() {
        let s = add(&state(), "a", 4, 8);
        assert_eq!(s.notices.message, None);
        let s = add(&s, "b", 64, 79);
        let again = add(&s, "c", 3, 9);
        assert_eq!(again.claims.len(), 2);
        assert_eq!(again.selected.as_deref(), Some("a"));
        assert_eq!(
            again.notices.message.as_deref(),
            Some(super::ALREADY_A_CLAIM)
        );
        // An overlapping but different passage is a new claim, with nothing to say.
        let other = add(&s, "d", 4, 12);
        assert_eq!(other.claims.len(), 3);
        assert_eq!(other.notices.message, None);
    }

    #[test]
    fn edits_touch_modified_only_when_something_changes() {
        let s = add(&state(), "c", 0, 17);
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: "t2".into(),
            },
        );
        assert_eq!(s.claims[0].status, Status::Verified);
        assert_eq!(s.claims[0].modified, "t2");
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: "t3".into(),
            },
        );
        assert_eq!(s.claims[0].modified, "t2");
        let s = reduce(
            &s,
            Action::SetSource {
                id: "c".into(),
                source: "The Post".into(),
                at: "t4".into(),
            },
        );
        let s = reduce(
            &s,
            Action::SetNote {
                id: "c".into(),
                note: "Checked the archive.".into(),
                at: "t5".into(),
            },
        );
        assert_eq!(s.claims[0].source, "The Post");
        assert_eq!(s.claims[0].note, "Checked the archive.");
        assert_eq!(s.claims[0].modified, "t5");
    }

    #[test]
    fn delete_can_be_undone_exactly() {
        let s = add(&state(), "a", 0, 17);
        let s = add(&s, "b", 64, 79);
        let before = s.clone();
        let s = reduce(&s, Action::Delete { id: "b".into() });
        assert_eq!(s.claims.len(), 1);
        assert_eq!(s.selected, None);
        let s = reduce(&s, Action::UndoDelete);
        assert_eq!(s.claims, before.claims);
        assert_eq!(s.selected, before.selected);
        assert_eq!(s.notices.deleted, None);
        let s = reduce(&s, Action::Delete { id: "a".into() });
        let s = reduce(&s, Action::DismissUndo);
        assert_eq!(reduce(&s, Action::UndoDelete).claims.len(), 1);
    }

    #[test]
    fn sources_and_evidence_are_recorded_and_checked() {
        let s = add(&state(), "c", 37, 62); // "that the port paid twice."
        let at = || "t".to_string();
        let s = reduce(
            &s,
            Action::SetSourceKind {
                id: "c".into(),
                kind: Some(SourceKind::Publication),
                at: at(),
            },
        );
        let s = reduce(
            &s,
            Action::SetSourcePhrase {
                id: "c".into(),
                start: 3,
                end: 36,
                at: at(),
            },
        );
        let c = s.claim("c").unwrap();
        assert_eq!(c.source_kind, Some(SourceKind::Publication));
        assert_eq!(
            c.source_phrase.as_ref().unwrap().quote.exact,
            "Post reported, citing documents,"
        );
        let evidence = |url: &str| Evidence {
            url: url.into(),
            title: " Archive ".into(),
            shows: "the invoices".into(),
            stance: Stance::Supports,
        };
        let s = reduce(
            &s,
            Action::AddEvidence {
                id: "c".into(),
                evidence: evidence("javascript:alert(1)"),
                at: at(),
            },
        );
        let s = reduce(
            &s,
            Action::AddEvidence {
                id: "c".into(),
                evidence: evidence("ftp://x.example/a"),
                at: at(),
            },
        );
        assert!(
            s.claim("c").unwrap().evidence.is_empty(),
            "only http(s) evidence is taken"
        );
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: at(),
            },
        );
        assert!(s.claim("c").unwrap().verified_without_evidence());
        let s = reduce(
            &s,
            Action::AddEvidence {
                id: "c".into(),
                evidence: evidence(" https://archive.example/doc "),
                at: at(),
            },
        );
        let c = s.claim("c").unwrap();
        assert_eq!(c.evidence[0].url, "https://archive.example/doc");
        assert_eq!(c.evidence[0].title, "Archive");
        assert!(!c.verified_without_evidence());
        let s = reduce(
            &s,
            Action::RemoveEvidence {
                id: "c".into(),
                index: 0,
                at: at(),
            },
        );
        let s = reduce(
            &s,
            Action::ClearSourcePhrase {
                id: "c".into(),
                at: at(),
            },
        );
        let c = s.claim("c").unwrap();
        assert!(c.evidence.is_empty() && c.source_phrase.is_none());
        // Each of those is one undo step.
        let back = reduce(&reduce(&s, Action::Undo), Action::Undo);
        assert_eq!(back.claim("c").unwrap().evidence.len(), 1);
    }
}
