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
