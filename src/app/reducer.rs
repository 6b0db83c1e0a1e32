//! The one reducer every change goes through: it records the undo step an action makes, and
//! sends the action to the reducer of its concern (claims, article text, details, classroom,
//! notices).

use crate::app::actions::Action;
use crate::app::state::AppState;
use crate::app::{article_edit, claims, classroom, details, hints, labels, review, suggestions};
use crate::core::model::{Article, Claim};

/// What an action does to the undo history.
enum Step {
    /// It changes the article's data, so it can be undone; with the field it types into when
    /// keystrokes should merge into one step.
    Change(Option<String>),
    /// It ends any typing step.
    Other,
    /// It leaves the history alone: a message or a library removal comes and goes (on a
    /// timer, from the library dialog) while the user may be typing, and must not split what
    /// they type into two steps.
    Aside,
}

fn step(action: &Action) -> Step {
    match action {
        Action::AddClaim { .. }
        | Action::SetStatus { .. }
        | Action::Delete { .. }
        | Action::UndoDelete
        | Action::EditText { .. }
        | Action::Reattach { .. }
        | Action::SetDetails(_)
        | Action::SetSourceKind { .. }
        | Action::SetSourcePhrase { .. }
        | Action::ClearSourcePhrase { .. }
        | Action::SetLabel { .. }
        | Action::AddEvidence { .. }
        | Action::RemoveEvidence { .. }
        | Action::AcceptSuggestion { .. }
        | Action::AcceptAllSuggestions { .. }
        | Action::DraftKeyFromSuggestions { .. }
        | Action::DismissSuggestion(_)
        | Action::AddToKey { .. } => Step::Change(None),
        Action::SetSource { id, .. } => Step::Change(Some(format!("source {id}"))),
        Action::SetNote { id, .. } => Step::Change(Some(format!("note {id}"))),
        Action::Tell(_)
        | Action::DismissMessage
        | Action::ArticleRemoved(_)
        | Action::DismissRemovedArticle => Step::Aside,
        _ => Step::Other,
    }
}

/// The reducer: the state after `action`. Changes to the article's data are recorded so they
/// can be undone.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let id = state.article.id.clone();
    if matches!(action, Action::Undo | Action::Redo) {
        let mut next = state.clone();
        let current = state.snapshot();
        let step = if action == Action::Undo {
            next.history.undo(&id, current)
        } else {
            next.history.redo(&id, current)
        };
        if let Some(snapshot) = step {
            next.restore(&snapshot);
        }
        suggestions::follow_text(&mut next, state);
        return next;
    }
    let step = step(&action);
    let mut next = state.clone();
    apply(&mut next, action);
    suggestions::follow_text(&mut next, state);
    match step {
        Step::Change(typing) if next.data_differs(state) => {
            next.history.record(&id, state.snapshot(), typing)
        }
        Step::Change(_) | Step::Aside => {}
        Step::Other => next.history.break_typing(&next.article.id.clone()),
    }
    next
}

/// Applies `action` to `next`, a copy of the state, through the reducer of its concern.
fn apply(next: &mut AppState, action: Action) {
    match action {
        Action::OpenArticle {
            article,
            claims,
            orphans,
            selected,
        } => open_article(next, article, claims, orphans, selected),
        Action::Select(id) => claims::select(next, id),

        Action::AddClaim { id, start, end, at } => {
            claims::add(next, id.clone(), start, end, at.clone());
            suggestions::adjusted(next, &id, at);
        }
        Action::SetStatus { id, status, at } => claims::set_status(next, &id, status, at),
        Action::SetSource { id, source, at } => claims::set_source(next, &id, source, at),
        Action::SetNote { id, note, at } => claims::set_note(next, &id, note, at),
        Action::SetSourceKind { id, kind, at } => claims::set_source_kind(next, &id, kind, at),
        Action::SetSourcePhrase { id, start, end, at } => {
            claims::set_source_phrase(next, &id, start, end, at)
        }
        Action::ClearSourcePhrase { id, at } => claims::clear_source_phrase(next, &id, at),
        Action::SetLabel { id, label, at } => labels::set_label(next, &id, label, at),
        Action::AddEvidence { id, evidence, at } => claims::add_evidence(next, &id, evidence, at),
        Action::RemoveEvidence { id, index, at } => claims::remove_evidence(next, &id, index, at),
        Action::Delete { id } => claims::delete(next, &id),
        Action::UndoDelete => claims::undo_delete(next),

        Action::EditText { .. } | Action::SetDetails(_) if next.article_is_read_only() => {}
        Action::EditText { text } => article_edit::edit_text(next, &text),
        Action::Reattach { id, start, end, at } => article_edit::reattach(next, id, start, end, at),
        Action::SetDetails(d) => details::set_details(next, d),

        Action::Undo | Action::Redo => unreachable!("handled by reduce"),

        Action::SetMode(mode) => classroom::set_mode(next, mode),
        Action::SetInstructions(text) => classroom::set_instructions(next, text),
        Action::SetExerciseSettings(s) => classroom::set_exercise_settings(next, s),
        Action::SetExerciseLabels(set) => labels::set_exercise_labels(next, set),
        Action::ExerciseExported { id, hash } => classroom::exercise_exported(next, id, hash),
        Action::SetRubric(rubric) => classroom::set_rubric(next, rubric),
        Action::LoadScoringFiles { files, unreadable } => {
            classroom::load_scoring(next, files, unreadable)
        }
        Action::ClearScoring => classroom::clear_scoring(next),
        Action::StartExercise { exercise, at } => classroom::start_exercise(next, *exercise, at),
        Action::SetStudentName(name) => classroom::set_student_name(next, name),
        Action::HandedIn { at } => classroom::handed_in(next, at),

        Action::ReviewStudent(student) => review::review_student(next, student),
        Action::DecideReview { student, decision } => review::decide(next, &student, decision),
        Action::SetReviewComment {
            student,
            claim,
            text,
        } => review::set_comment(next, &student, claim, text),
        Action::SetOverallComment { student, text } => review::set_overall(next, &student, text),
        Action::AddToKey {
            student,
            claim,
            id,
            at,
        } => review::add_to_key(next, &student, &claim, id, at),
        Action::RestoreScoring(saved) => review::restore(next, *saved),
        Action::OpenFeedback { exercise, feedback } => {
            review::open_feedback(next, exercise, *feedback)
        }
        Action::ShowFeedback(on) => review::show_feedback(next, on),

        Action::SuggestClaims => suggestions::suggest_claims(next),
        Action::HideSuggestions => suggestions::hide(next),
        Action::AcceptSuggestion { span, id, at } => {
            suggestions::accept(next, span, id, at);
        }
        Action::AcceptAllSuggestions { id_prefix, at } => {
            suggestions::accept_all(next, &id_prefix, at);
        }
        Action::DismissSuggestion(span) => suggestions::dismiss(next, span),
        Action::SelectSuggestion(span) => suggestions::select(next, span),
        Action::AdjustSuggestion(span) => suggestions::adjust(next, span),
        Action::StepSuggestion(forward) => suggestions::step(next, forward),
        Action::DraftKeyFromSuggestions { id_prefix, at } => {
            suggestions::draft_key(next, &id_prefix, at)
        }
        Action::ShowHint => hints::show_hint(next),
        Action::LoadDismissed(dismissed) => suggestions::load_dismissed(next, dismissed),

        Action::Tell(message) => next.notices.message = Some(message),
        Action::DismissMessage => next.notices.message = None,
        Action::ArticleRemoved(removed) => next.notices.removed_article = Some(removed),
        Action::DismissRemovedArticle => next.notices.removed_article = None,
        Action::DismissUndo => next.notices.deleted = None,
        Action::DismissReport => next.notices.reanchored = None,
        Action::Warn(warning) => next.notices.warn(warning),
        Action::DismissWarning(i) => next.notices.dismiss_warning(i),
        Action::ReportStorage(health) => next.notices.storage = health,
    }
}

/// Shows another article. What belongs to the session stays: the notices (but those about the
/// last article's changes), the undo history, and the classroom, which follows the article
/// into or out of student mode.
fn open_article(
    next: &mut AppState,
    article: Article,
    claims: Vec<Claim>,
    orphans: Vec<Claim>,
    selected: Option<String>,
) {
    let before = std::mem::replace(next, AppState::new(article, claims, orphans, selected));
    next.notices = before.notices.without_changes();
    next.history = before.history;
    next.classroom = before.classroom;
    classroom::follow_article(next);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::notices::StorageHealth;
    use crate::app::test_state::{add, state};
    use crate::core::model::Status;

    #[test]
    fn opening_an_article_keeps_storage_problems_visible() {
        let s = reduce(
            &state(),
            Action::ReportStorage(StorageHealth::Failing("full".into())),
        );
        let other = add(&state(), "x", 0, 8);
        let opened = reduce(
            &s,
            Action::OpenArticle {
                article: (*other.article).clone(),
                claims: other.claims_vec(),
                orphans: vec![],
                selected: Some("x".into()),
            },
        );
        assert_eq!(
            opened.notices.storage,
            StorageHealth::Failing("full".into())
        );
        assert_eq!(opened.selected.as_deref(), Some("x"));
        let none = reduce(
            &opened,
            Action::OpenArticle {
                article: (*other.article).clone(),
                claims: vec![],
                orphans: vec![],
                selected: Some("x".into()),
            },
        );
        assert_eq!(
            none.selected, None,
            "a selection must name an existing claim"
        );
    }

    #[test]
    fn every_change_can_be_undone_and_redone_and_typing_is_one_step() {
        let s0 = state();
        let s1 = add(&s0, "a", 0, 17);
        let s2 = reduce(
            &s1,
            Action::SetStatus {
                id: "a".into(),
                status: Status::Verified,
                at: "t".into(),
            },
        );
        let mut s3 = s2.clone();
        for note in ["C", "Ch", "Che", "Check"] {
            s3 = reduce(
                &s3,
                Action::SetNote {
                    id: "a".into(),
                    note: note.into(),
                    at: "t".into(),
                },
            );
        }
        let s4 = reduce(&s3, Action::Delete { id: "a".into() });
        assert!(s4.claims.is_empty() && s4.can_undo() && !s4.can_redo());
        let u1 = reduce(&s4, Action::Undo);
        assert_eq!(u1.claims, s3.claims);
        let u2 = reduce(&u1, Action::Undo);
        assert_eq!(u2.claims, s2.claims, "the whole note goes in one step");
        let u3 = reduce(&reduce(&u2, Action::Undo), Action::Undo);
        assert!(u3.claims.is_empty() && !u3.can_undo());
        assert_eq!(
            reduce(&u3, Action::Undo).claims,
            u3.claims,
            "nothing left to undo"
        );
        let r = reduce(&reduce(&u3, Action::Redo), Action::Redo);
        assert_eq!(r.claims, s2.claims);
        // A new change after undoing drops the redo steps.
        let branched = add(&reduce(&r, Action::Undo), "b", 64, 79);
        assert!(!branched.can_redo());
        // Selecting is not a change to undo.
        let selected = reduce(&s1, Action::Select(None));
        assert_eq!(reduce(&selected, Action::Undo).claims, s0.claims);
    }

    #[test]
    fn history_is_kept_per_article_for_the_session() {
        let s = add(&state(), "a", 0, 17);
        let other = Article {
            id: "b".into(),
            title: "B".into(),
            text: "Other text here.".into(),
            ..Article::default()
        };
        let opened = reduce(
            &s,
            Action::OpenArticle {
                article: other,
                claims: vec![],
                orphans: vec![],
                selected: None,
            },
        );
        assert!(
            !opened.can_undo(),
            "the other article has no steps of its own"
        );
        let back = reduce(
            &opened,
            Action::OpenArticle {
                article: (*s.article).clone(),
                claims: s.claims_vec(),
                orphans: vec![],
                selected: None,
            },
        );
        assert!(back.can_undo());
        assert!(reduce(&back, Action::Undo).claims.is_empty());
    }

    #[test]
    fn notices_leave_a_typing_step_open() {
        let s = add(&state(), "a", 0, 17);
        let note = |s: &AppState, note: &str| {
            reduce(
                s,
                Action::SetNote {
                    id: "a".into(),
                    note: note.into(),
                    at: "t".into(),
                },
            )
        };
        let typed = note(&s, "C");
        let told = reduce(&typed, Action::Tell("Copied".into()));
        assert_eq!(told.notices.message.as_deref(), Some("Copied"));
        let told = reduce(&told, Action::DismissMessage);
        assert_eq!(told.notices.message, None);
        let typed = note(&told, "Ch");
        assert_eq!(
            reduce(&typed, Action::Undo).claims,
            s.claims,
            "the note is one step"
        );
        // Selecting ends the step: what is typed after it is a step of its own.
        let selected = reduce(&note(&s, "C"), Action::Select(Some("a".into())));
        let typed = note(&selected, "Ch");
        assert_eq!(reduce(&typed, Action::Undo).claims[0].note, "C");
    }
}
