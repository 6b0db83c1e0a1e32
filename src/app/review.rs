//! A teacher's review of one student's work in the app: which student is open, the overrides
//! and comments (`core::classroom::review_marks`), adding a valid extra claim to the key, a kept
//! scoring session coming back, and a student's feedback opened on their work.

use std::rc::Rc;

use crate::app::state::AppState;
use crate::core::anchoring::selectors::describe;
use crate::core::classroom::feedback::{Feedback, FeedbackInput};
use crate::core::classroom::loading::SubmissionSide;
use crate::core::classroom::review_marks::{Decision, StudentMarks};
use crate::core::classroom::saved_scoring::merge_saved;
use crate::core::classroom::scoring::{review_in, score_class_reviewed, Overrides, Review};
use crate::core::classroom::scoring_session::ScoringSession;
use crate::core::classroom::session::Classroom;
use crate::core::model::{sort_in_reading_order, Claim};

fn scoring(next: &mut AppState) -> &mut ScoringSession {
    &mut Rc::make_mut(&mut next.classroom).scoring
}

fn marks<'a>(next: &'a mut AppState, student: &str) -> &'a mut StudentMarks {
    scoring(next).marks.entry(student.to_string()).or_default()
}

/// Opens student `student`'s work for review (only a loaded one), or goes back to the table.
pub(super) fn review_student(next: &mut AppState, student: Option<String>) {
    let known = |s: &String| {
        next.classroom
            .scoring
            .submissions
            .iter()
            .any(|side| side.student == *s)
    };
    let student = student.filter(known);
    if next.classroom.scoring.reviewing != student {
        scoring(next).reviewing = student;
    }
}

pub(super) fn decide(next: &mut AppState, student: &str, decision: Decision) {
    marks(next, student).decide(decision);
}

pub(super) fn set_comment(next: &mut AppState, student: &str, claim: String, text: String) {
    marks(next, student).set_comment(claim, text);
}

pub(super) fn set_overall(next: &mut AppState, student: &str, text: String) {
    marks(next, student).overall = text;
}

/// Adds student `student`'s claim `claim` to the key being scored against, as key claim `id`
/// (so it counts as found for every student who marked it); when the key's own article is the
/// one open, to its claims too, which is where the key comes from.
pub(super) fn add_to_key(next: &mut AppState, student: &str, claim: &str, id: String, at: String) {
    let session = &next.classroom.scoring;
    let Some(key) = &session.key else { return };
    let Some(found) = session
        .submissions
        .iter()
        .find(|s| s.student == student)
        .and_then(|s| s.claims.iter().find(|c| c.id == claim))
    else {
        return;
    };
    let Some((quote, position)) =
        describe(&key.article.text, found.position.start, found.position.end)
    else {
        return;
    };
    let copy = Claim {
        id,
        quote,
        position,
        created: at.clone(),
        modified: at,
        note: String::new(),
        ..found.clone()
    };
    let same_article = next.article.id == key.article.id && next.article.text == key.article.text;
    let session = scoring(next);
    let key = session.key.as_mut().expect("checked above");
    key.claims.push(copy.clone());
    sort_in_reading_order(&mut key.claims);
    marks(next, student).decide(Decision::Undo(String::new(), claim.to_string()));
    if same_article {
        next.claims_mut().push(std::rc::Rc::new(copy));
        sort_in_reading_order(next.claims_mut());
    }
}

/// A kept session of the exercise whose key was loaded comes back into the one on screen.
pub(super) fn restore(next: &mut AppState, saved: ScoringSession) {
    merge_saved(scoring(next), saved);
}

/// A student opened feedback on their work on exercise `exercise`: it is kept with the
/// classroom state and shown on the article.
pub(super) fn open_feedback(next: &mut AppState, exercise: String, feedback: Feedback) {
    let c = Rc::make_mut(&mut next.classroom);
    c.feedback.insert(exercise, feedback);
    c.showing_feedback = true;
}

pub(super) fn show_feedback(next: &mut AppState, on: bool) {
    if next.classroom.showing_feedback != on {
        Rc::make_mut(&mut next.classroom).showing_feedback = on;
    }
}

/// The submission of `student` that can be reviewed against the loaded key, and its review.
pub fn review_of<'a>(
    session: &'a ScoringSession,
    student: &str,
) -> Option<(&'a SubmissionSide, Review)> {
    let key = session.key.as_ref()?;
    let side = session.submissions.iter().find(|s| s.student == student)?;
    if side.problem_with(key).is_some() {
        return None;
    }
    let overrides = session
        .marks
        .get(student)
        .map(|m| m.overrides.clone())
        .unwrap_or_default();
    Some((
        side,
        review_in(&key.article.text, &key.claims, &side.claims, &overrides),
    ))
}

/// The teacher's overrides for each loaded submission, in their order, for the class table.
pub fn class_overrides(session: &ScoringSession) -> Vec<Overrides> {
    session
        .submissions
        .iter()
        .map(|s| {
            session
                .marks
                .get(&s.student)
                .map(|m| m.overrides.clone())
                .unwrap_or_default()
        })
        .collect()
}

/// `student`'s total as the class table shows it (0 to 1), with the teacher's overrides.
pub fn student_total(classroom: &Classroom, student: &str) -> Option<f64> {
    let session = &classroom.scoring;
    let key = session.key.as_ref()?;
    let side = session.submissions.iter().find(|s| s.student == student)?;
    let overrides = [session
        .marks
        .get(student)
        .map(|m| m.overrides.clone())
        .unwrap_or_default()];
    score_class_reviewed(
        key,
        std::slice::from_ref(side),
        &overrides,
        &classroom.rubric,
    )
    .students
    .first()
    .and_then(|row| row.total())
}

/// The feedback for `student`, with the key when `release_key`.
pub fn feedback_for(classroom: &Classroom, student: &str, release_key: bool) -> Option<Feedback> {
    let session = &classroom.scoring;
    let key = session.key.as_ref()?;
    let (side, review) = review_of(session, student)?;
    let marks = session.marks.get(student).cloned().unwrap_or_default();
    Some(Feedback::build(FeedbackInput {
        key,
        side,
        review: &review,
        marks: &marks,
        total: student_total(classroom, student),
        release_key,
    }))
}

/// The feedback file for `student` (its name and JSON), with the key when `release_key`.
pub fn feedback_file(
    classroom: &Classroom,
    student: &str,
    release_key: bool,
) -> Option<(String, String)> {
    let feedback = feedback_for(classroom, student, release_key)?;
    Some((feedback.file_name(), feedback.to_json()))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::actions::Action;
    use crate::app::reducer::reduce;
    use crate::app::test_review::{article, class_files, key_claims};
    use crate::core::classroom::review_results::{student_results, Outcome};

    fn loaded() -> AppState {
        let (_, files) = class_files();
        let s = AppState::new(article(), key_claims(), vec![], None);
        reduce(
            &s,
            Action::LoadScoringFiles {
                files,
                unreadable: vec![],
            },
        )
    }

    fn outcomes(s: &AppState, student: &str) -> Vec<Outcome> {
        let (side, review) = review_of(&s.classroom.scoring, student).unwrap();
        student_results(&side.claims, &review)
            .iter()
            .map(|r| r.outcome)
            .collect()
    }

    #[test]
    fn a_student_opens_for_review_and_overrides_change_the_review_at_once() {
        let s = loaded();
        let s = reduce(&s, Action::ReviewStudent(Some("Nobody".into())));
        assert_eq!(s.classroom.scoring.reviewing, None, "only a loaded student");
        let s = reduce(&s, Action::ReviewStudent(Some("Ana".into())));
        assert_eq!(s.classroom.scoring.reviewing.as_deref(), Some("Ana"));
        assert_eq!(outcomes(&s, "Ana"), [Outcome::Found, Outcome::Extra]);
        let s = reduce(
            &s,
            Action::DecideReview {
                student: "Ana".into(),
                decision: Decision::Reject("k1".into(), "ana-1".into()),
            },
        );
        assert_eq!(outcomes(&s, "Ana"), [Outcome::Extra, Outcome::Extra]);
        assert_eq!(
            outcomes(&s, "Ben")[0],
            Outcome::Found,
            "Ben's review is his own"
        );
        let s = reduce(
            &s,
            Action::DecideReview {
                student: "Ana".into(),
                decision: Decision::Valid("ana-2".into()),
            },
        );
        assert_eq!(outcomes(&s, "Ana"), [Outcome::Extra, Outcome::Valid]);
        let s = reduce(
            &s,
            Action::SetReviewComment {
                student: "Ana".into(),
                claim: "k2".into(),
                text: "Who called it unsafe?".into(),
            },
        );
        let s = reduce(
            &s,
            Action::SetOverallComment {
                student: "Ana".into(),
                text: "Good start.".into(),
            },
        );
        let marks = &s.classroom.scoring.marks["Ana"];
        assert_eq!(
            (marks.comment("k2"), marks.overall.as_str()),
            ("Who called it unsafe?", "Good start.")
        );
        let back = reduce(&s, Action::ReviewStudent(None));
        assert_eq!(back.classroom.scoring.reviewing, None);
        assert_eq!(
            back.classroom.scoring.marks, s.classroom.scoring.marks,
            "kept"
        );
    }

    #[test]
    fn a_valid_extra_claim_added_to_the_key_is_found_for_the_class_and_in_the_teachers_key() {
        let s = reduce(
            &loaded(),
            Action::DecideReview {
                student: "Ana".into(),
                decision: Decision::Valid("ana-2".into()),
            },
        );
        let s = reduce(
            &s,
            Action::AddToKey {
                student: "Ana".into(),
                claim: "ana-2".into(),
                id: "k3".into(),
                at: "t".into(),
            },
        );
        let key = s.classroom.scoring.key.as_ref().unwrap();
        assert_eq!(key.claims.len(), 3);
        assert_eq!(outcomes(&s, "Ana"), [Outcome::Found, Outcome::Found]);
        assert!(s.classroom.scoring.marks["Ana"]
            .overrides
            .valid_extra
            .is_empty());
        assert!(s
            .claims
            .iter()
            .any(|c| c.id == "k3" && c.quote.exact == "which critics say doubled"));
        assert!(s.can_undo(), "the teacher's key changed: it can be undone");
    }

    #[test]
    fn feedback_is_made_for_a_reviewable_student_only() {
        let s = loaded();
        let (name, json) = feedback_file(&s.classroom, "Ana", false).unwrap();
        assert_eq!(name, "bridge-to-close-ana.feedback.json");
        assert!(json.contains("\"outcome\": \"extra\""));
        assert!(feedback_file(&s.classroom, "Nobody", false).is_none());
    }
}
