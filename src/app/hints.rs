//! A student's hints: with the exercise's leave (`Settings::allow_hints`), one claim
//! suggestion at a time, the next one no claim covers yet, each counted in the student's work
//! (and so in the submission).

use std::rc::Rc;

use crate::app::state::AppState;
use crate::app::suggestions::{is_dismissed, unclaimed};
use crate::core::suggestions::{suggest, Span};

/// Student mode: shows the next suggestion no claim covers yet (after the hint shown, round
/// to the start), in place of the one shown, and counts it.
pub(super) fn show_hint(next: &mut AppState) {
    if !next.classroom.is_student() || !next.classroom.hints_allowed() {
        return;
    }
    if !next.suggestions.shown {
        next.suggestions.all = Rc::new(suggest(&next.article.text));
        next.suggestions.shown = true;
    }
    let text = &next.article.text;
    let open: Vec<Span> = next
        .suggestions
        .all
        .iter()
        .filter(|s| unclaimed(next, s.claim) && !is_dismissed(&next.suggestions.dismissed, text, s))
        .map(|s| s.claim)
        .collect();
    let after = next.suggestions.hint.map_or(0, |h| h.start + 1);
    let Some(hint) = open
        .iter()
        .find(|s| s.start >= after)
        .or(open.first())
        .copied()
    else {
        next.notices.message = Some("No more hints: every suggestion is claimed.".to_string());
        return;
    };
    next.suggestions.hint = Some(hint);
    next.suggestions.current = Some(hint);
    let classroom = Rc::make_mut(&mut next.classroom);
    if let Some(work) = classroom
        .active
        .clone()
        .and_then(|id| classroom.works.get_mut(&id))
    {
        work.hints_used += 1;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::state::AppState;
    use crate::app::suggestions::tests::{accept, article, opened, shown, TEXT};
    use crate::core::classroom::exercise::Settings;
    use crate::core::classroom::session::{
        build_exercise, submission, work_article, ExerciseDraft,
    };
    use crate::core::suggestions::suggest;

    fn student(allow_hints: bool) -> AppState {
        let draft = ExerciseDraft {
            settings: Settings {
                allow_hints,
                ..Settings::default()
            },
            ..ExerciseDraft::default()
        };
        let (exercise, _) = build_exercise(&article(), &[], &draft, "t");
        let s = reduce(
            &opened(),
            Action::OpenArticle {
                article: work_article(&exercise),
                claims: vec![],
                orphans: vec![],
                selected: None,
            },
        );
        reduce(
            &s,
            Action::StartExercise {
                exercise: Box::new(exercise),
                at: "t0".into(),
            },
        )
    }

    fn hints_used(s: &AppState) -> u32 {
        s.classroom.active_work().unwrap().hints_used
    }

    #[test]
    fn a_student_gets_one_hint_at_a_time_only_when_allowed_and_each_is_counted() {
        let all = suggest(TEXT);
        let closed = student(false);
        assert!(closed.classroom.is_student());
        for action in [Action::SuggestClaims, Action::ShowHint] {
            let s = reduce(&closed, action);
            assert!(shown(&s).is_empty());
            assert_eq!(hints_used(&s), 0);
        }
        let s = student(true);
        assert!(
            shown(&reduce(&s, Action::SuggestClaims)).is_empty(),
            "hints only"
        );
        let one = reduce(&s, Action::ShowHint);
        assert_eq!(shown(&one), vec![all[0].claim]);
        assert_eq!(hints_used(&one), 1);
        assert!(
            accept(&one, all[0].claim, "c").claim("c").is_none(),
            "the student marks it"
        );
        assert_eq!(
            shown(&reduce(&one, Action::DismissSuggestion(all[0].claim))),
            vec![all[0].claim],
            "a hint is not the student's to dismiss"
        );
        let two = reduce(&one, Action::ShowHint);
        assert_eq!(shown(&two), vec![all[1].claim]);
        assert_eq!(hints_used(&two), 2);
        // A hint the student claimed is gone; the next one skips claimed suggestions.
        let marked = reduce(
            &two,
            Action::AddClaim {
                id: "m".into(),
                start: all[1].claim.start,
                end: all[1].claim.end,
                at: "t".into(),
            },
        );
        assert!(shown(&marked).is_empty());
        let three = reduce(&marked, Action::ShowHint);
        assert_ne!(three.suggestions.hint, Some(all[1].claim));
        assert_eq!(hints_used(&three), 3);
        let (_, json) = submission(
            three.classroom.active_work().unwrap(),
            &three.claims_vec(),
            "t9",
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["hintsUsed"], 3);
    }
}
