//! The teacher's scoring session over reloads, and a student's feedback opened on their work,
//! as methods of `Session`: the session open at the last visit comes back at start, each
//! exercise's session is kept as it changes (with every save) until the teacher clears it, and
//! loading an exercise's key brings back the session kept for it.

use crate::app::actions::Action;
use crate::app::session::Session;
use crate::app::state::AppState;
use crate::core::classroom::feedback::parse_feedback;
use crate::core::classroom::saved_scoring::{session_id, NO_KEY};
use crate::core::classroom::session::{work_article_id, Mode};
use crate::core::library::store::{KeyValue, WriteError};
use crate::core::text::file_names::shown_file_name;
use crate::core::text::plural::counted;

impl<S: KeyValue> Session<S> {
    /// At start: the session the teacher had open comes back.
    pub(crate) fn restore_scoring(&mut self) {
        let mut warnings = Vec::new();
        if let Some((session, kept)) = self.store.open_scoring(&mut warnings) {
            self.scoring_kept = kept;
            self.dispatch(Action::RestoreScoring(Box::new(session)));
        }
        self.warn_all(warnings);
    }

    /// After an action: a key just loaded brings back its exercise's kept session.
    pub(crate) fn follow_scoring(&mut self, before: &AppState) {
        let now = &self.state().classroom.scoring;
        let id = session_id(now);
        if id == NO_KEY || id == session_id(&before.classroom.scoring) {
            return;
        }
        if self
            .scoring_kept
            .as_ref()
            .is_some_and(|(kept, _)| *kept == id)
        {
            return;
        }
        let mut warnings = Vec::new();
        if let Some(saved) = self.store.kept_scoring(&id, &mut warnings) {
            self.dispatch(Action::RestoreScoring(Box::new(saved)));
        }
        self.warn_all(warnings);
    }

    /// With every save: the scoring session as it is now.
    pub(crate) fn keep_scoring(&mut self) -> Result<(), WriteError> {
        let session = self.state().classroom.scoring.clone();
        self.scoring_kept = self.store.keep_scoring(&session, &self.scoring_kept)?;
        Ok(())
    }

    /// Opens a feedback file on the student's work on its exercise (entering student mode);
    /// what happened, in words.
    pub(crate) fn open_feedback(&mut self, name: &str, text: &str) -> String {
        let feedback = match parse_feedback(text) {
            Ok(f) => f,
            Err(e) => {
                return format!(
                    "{} could not be opened as feedback: {}",
                    shown_file_name(name),
                    e.0
                )
            }
        };
        let classroom = &self.state().classroom;
        let work = classroom
            .works
            .iter()
            .find(|(id, w)| feedback.is_for(id, &w.exercise.article.text))
            .map(|(id, w)| (id.clone(), work_article_id(&w.exercise)));
        if let (Mode::Student, Some(active)) = (classroom.mode, classroom.active_work()) {
            if work.as_ref().map(|(id, _)| id) != classroom.active.as_ref() {
                return format!(
                    "This feedback is for “{}”, not for the exercise you are working on (“{}”). Leave this exercise, then open the feedback again.",
                    feedback.title, active.exercise.title
                );
            }
        }
        let Some((exercise, article)) = work else {
            return format!(
                "This feedback is for “{}”, which has not been worked on in this browser: open the exercise file first, then the feedback.",
                feedback.title
            );
        };
        if let Err(e) = self.open_by_id(&article) {
            return e;
        }
        let t = feedback.tally;
        let message = format!(
            "Feedback on “{}” for {}: {} of {} found.",
            feedback.title,
            feedback.student,
            t.found + t.valid_extra,
            counted(t.key_claims, "key claim", "key claims")
        );
        self.dispatch(Action::OpenFeedback {
            exercise,
            feedback: Box::new(feedback),
        });
        message
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::review::feedback_file;
    use crate::app::session::tests::{fresh, kv};
    use crate::app::test_review::{class_files, exercise_and_key, submission_of, TEXT};
    use crate::core::classroom::review_marks::Decision;
    use crate::core::classroom::saved_scoring::{OPEN_SCORING_KEY, SCORING_PREFIX};
    use crate::core::classroom::session::work_article;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::test_claims::claim_on;

    const NOW: &str = "2026-03-03T10:00:00Z";

    /// A teacher who loaded the key and two submissions, rejected Ana's match and commented.
    fn teacher() -> Session<MemoryKv> {
        let mut s = fresh();
        s.dispatch(Action::SetMode(Mode::Teacher));
        let (_, files) = class_files();
        s.dispatch(Action::LoadScoringFiles {
            files,
            unreadable: vec![],
        });
        s.dispatch(Action::ReviewStudent(Some("Ana".into())));
        s.dispatch(Action::DecideReview {
            student: "Ana".into(),
            decision: Decision::Reject("k1".into(), "ana-1".into()),
        });
        s.dispatch(Action::SetReviewComment {
            student: "Ana".into(),
            claim: "ana-1".into(),
            text: "Who says so?".into(),
        });
        s.dispatch(Action::SetOverallComment {
            student: "Ana".into(),
            text: "Read the quotes again.".into(),
        });
        s
    }

    fn kept_keys(kv: &MemoryKv) -> Vec<String> {
        kv.data
            .keys()
            .filter(|k| k.starts_with(SCORING_PREFIX))
            .cloned()
            .collect()
    }

    #[test]
    fn the_scoring_session_survives_a_reload_and_comes_back_with_its_key() {
        let mut s = teacher();
        assert!(s.unsaved(), "a review change is saved");
        s.flush();
        let (exercise, files) = class_files();
        assert_eq!(
            kept_keys(kv(&s)),
            [format!("{SCORING_PREFIX}{}", exercise.id)]
        );
        let again = Session::start(kv(&s).clone(), None);
        let scoring = &again.state().classroom.scoring;
        assert_eq!(scoring.submissions.len(), 2);
        assert!(scoring.key.is_some());
        assert_eq!(scoring.marks, s.state().classroom.scoring.marks);
        assert_eq!(scoring.marks["Ana"].overall, "Read the quotes again.");
        // Not open at the last visit, it comes back when its key is loaded again.
        let mut other = kv(&s).clone();
        other.data.remove(OPEN_SCORING_KEY);
        let mut later = Session::start(other, None);
        assert!(later.state().classroom.scoring.key.is_none());
        later.dispatch(Action::SetMode(Mode::Teacher));
        later.dispatch(Action::LoadScoringFiles {
            files: vec![files[0].clone()],
            unreadable: vec![],
        });
        let scoring = &later.state().classroom.scoring;
        assert_eq!(
            scoring.submissions.len(),
            2,
            "the kept submissions are back"
        );
        assert_eq!(scoring.marks["Ana"].comment("ana-1"), "Who says so?");
    }

    #[test]
    fn clearing_the_session_forgets_it_for_that_exercise_only_and_bad_data_is_kept_aside() {
        let mut s = teacher();
        s.flush();
        // Another exercise's session kept beside it.
        let mut other = crate::app::test_review::article();
        other.id = "other".into();
        let (ex2, key2) =
            crate::core::classroom::session::build_exercise(&other, &[], &Default::default(), "t2");
        assert_ne!(ex2.id, exercise_and_key().0.id);
        let mut elsewhere = Session::start(MemoryKv::default(), None);
        elsewhere.dispatch(Action::LoadScoringFiles {
            files: vec![(key2.file_name(), key2.to_json())],
            unreadable: vec![],
        });
        elsewhere.flush();
        let theirs = kept_keys(kv(&elsewhere))[0].clone();
        s.store
            .kv_mut()
            .data
            .insert(theirs.clone(), kv(&elsewhere).data[&theirs].clone());
        s.dispatch(Action::ClearScoring);
        s.flush();
        assert_eq!(kept_keys(kv(&s)), [theirs], "only the cleared one goes");
        assert!(kv(&s).get(OPEN_SCORING_KEY).is_none());
        let again = Session::start(kv(&s).clone(), None);
        assert!(again.state().classroom.scoring.key.is_none());
        // An unreadable kept session is said and kept aside, not lost.
        let mut broken = kv(&s).clone();
        broken.data.insert(OPEN_SCORING_KEY.into(), ex2.id.clone());
        broken
            .data
            .insert(format!("{SCORING_PREFIX}{}", ex2.id), "{oops".into());
        let s = Session::start(broken, None);
        assert!(
            s.state()
                .notices
                .warnings
                .iter()
                .any(|w| w.contains("kept, unchanged")),
            "{:?}",
            s.state().notices.warnings
        );
    }

    /// A student's browser at work on the exercise, with Ana's claims marked.
    fn student() -> Session<MemoryKv> {
        let (exercise, _) = exercise_and_key();
        let mut s = fresh();
        s.dispatch(Action::OpenArticle {
            article: work_article(&exercise),
            claims: vec![claim_on(TEXT, "ana-1", "the bridge will close in May")],
            orphans: vec![],
            selected: None,
        });
        s.dispatch(Action::StartExercise {
            exercise: Box::new(exercise),
            at: NOW.into(),
        });
        s.dispatch(Action::SetStudentName("Ana".into()));
        s
    }

    #[test]
    fn a_student_opens_feedback_on_their_work_and_a_bad_one_is_told_so() {
        let t = teacher();
        let (name, json) = feedback_file(&t.state().classroom, "Ana", true).unwrap();
        let mut s = student();
        s.open_json(&name, json.clone(), NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(
            told.starts_with("Feedback on “Bridge to close” for Ana"),
            "{told}"
        );
        let c = &s.state().classroom;
        assert!(c.is_student() && c.showing_feedback);
        let fb = &c.feedback[c.active.as_ref().unwrap()];
        assert_eq!(fb.overall, "Read the quotes again.");
        assert!(fb.key.is_some(), "released");
        // Kept over a reload.
        s.flush();
        let again = Session::start(kv(&s).clone(), None);
        assert_eq!(again.state().classroom.feedback.len(), 1);

        let mut s = student();
        s.open_json(
            &name,
            json.replace("Read the quotes", "Ignore the quotes"),
            NOW,
        );
        let told = s.state().notices.message.clone().unwrap();
        assert!(
            told.contains("could not be opened as feedback") && told.contains("changed or damaged"),
            "{told}"
        );
        assert!(s.state().classroom.feedback.is_empty());

        // Feedback on another exercise, while at work on this one.
        let mut other = crate::app::test_review::article();
        other.id = "other".into();
        other.title = "Another story".into();
        let (ex2, key2) = crate::core::classroom::session::build_exercise(
            &other,
            &crate::app::test_review::key_claims(),
            &Default::default(),
            "t2",
        );
        let mut t2 = fresh();
        t2.dispatch(Action::LoadScoringFiles {
            files: vec![
                (key2.file_name(), key2.to_json()),
                submission_of(&ex2, "Ana", &["it was unsafe"]),
            ],
            unreadable: vec![],
        });
        let (name2, json2) = feedback_file(&t2.state().classroom, "Ana", false).unwrap();
        s.open_json(&name2, json2, NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(
            told.contains("not for the exercise you are working on"),
            "{told}"
        );
        assert!(s.state().classroom.feedback.is_empty());
    }
}
