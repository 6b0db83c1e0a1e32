//! Working on an exercise as a student: on a copy of its article of one's own, in student mode.

use crate::app::actions::Action;
use crate::app::session::Session;
use crate::core::anchoring::reanchor::{reanchor, Report};
use crate::core::classroom::exercise::Exercise;
use crate::core::classroom::session::{work_article, work_article_id, Mode};
use crate::core::library::store::KeyValue;
use crate::core::model::Document;

impl<S: KeyValue> Session<S> {
    /// Works on `exercise` as a student: its own copy of the article (with the work already
    /// done on it, when this exercise was opened before) in student mode, started `now`.
    /// When the student's copy was made from another version of the exercise, the work is put
    /// back on the new text; the report says how that went.
    pub fn start_exercise(&mut self, exercise: Exercise, now: &str) -> Option<Report> {
        let article = work_article(&exercise);
        self.flush();
        self.keep_open_if_unsaved();
        let stored = match self.held.kept.iter().find(|d| d.article.id == article.id) {
            Some(kept) => Some(kept.clone()),
            None => self.store.read_article(&article.id, &mut Vec::new()),
        };
        let mut report = None;
        match stored {
            Some(doc) if doc.article.text != article.text => {
                self.take_kept(&article.id);
                let anchored = reanchor(&article.text, doc.claims, doc.orphans);
                report = Some(anchored.report);
                self.show(
                    Document::new(article, anchored.claims, anchored.orphans),
                    None,
                );
            }
            _ => {
                self.open_article(article);
            }
        }
        self.dispatch(Action::StartExercise {
            exercise: Box::new(exercise),
            at: now.to_string(),
        });
        self.save();
        report
    }

    /// Chooses `mode`; from student mode that leaves the exercise (its work is kept, see
    /// [`Session::leave_exercise`]).
    pub fn set_mode(&mut self, mode: Mode) {
        if self.state().classroom.is_student() && mode != Mode::Student {
            self.leave_exercise(mode);
        } else {
            self.dispatch(Action::SetMode(mode));
        }
    }

    /// Leaves the exercise under way for `mode`, keeping its work. When the exercise was made
    /// from an article in this library (a teacher trying their own exercise), that article
    /// opens again, with its key and draft; and a copy left untouched (no claims, never handed
    /// in) goes from the library, so no twin of the article with 0 claims stays behind.
    pub fn leave_exercise(&mut self, mode: Mode) {
        let work = self.state().classroom.active_work().cloned();
        let handed_in = work.as_ref().is_some_and(|w| {
            self.state()
                .classroom
                .handed_in
                .contains_key(&w.exercise.id)
        });
        self.dispatch(Action::SetMode(mode));
        let Some(work) = work else {
            return;
        };
        let copy = work_article_id(&work.exercise);
        let source = work.exercise.article.id.clone();
        if self.state().article.id != copy || !self.library().iter().any(|e| e.id == source) {
            return;
        }
        let untouched =
            self.state().claims.is_empty() && self.state().orphans.is_empty() && !handed_in;
        if self.open_by_id(&source).is_err() || !untouched {
            return;
        }
        self.take_kept(&copy);
        // Nothing in it was the user's, so nothing is offered back; a failed write only leaves
        // the empty copy listed.
        let _ = self.store.remove(&copy);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::actions::Action;
    use crate::app::session::tests::{fresh, kv};
    use crate::core::classroom::session::Mode;
    use crate::core::classroom::session::{build_exercise, work_article, ExerciseDraft};
    use crate::core::library::store::{article_key, KeyValue};

    #[test]
    fn an_exercise_is_worked_on_a_copy_and_resumed_on_a_new_version() {
        let mut s = fresh();
        let teacher = (*s.state().article).clone();
        let (exercise, _) = build_exercise(&teacher, &[], &ExerciseDraft::default(), "t");
        assert_eq!(s.start_exercise(exercise.clone(), "t0"), None);
        let copy = work_article(&exercise);
        assert_eq!(s.state().article.id, copy.id);
        assert!(s.state().classroom.is_student() && s.state().article_is_read_only());
        assert_eq!(s.state().classroom.active_work().unwrap().started, "t0");
        s.dispatch(Action::AddClaim {
            id: "c1".into(),
            start: 4,
            end: 40,
            at: "t1".into(),
        });
        s.dispatch(Action::SetStudentName("Ana".into()));
        let quote = s.state().claims[0].quote.exact.clone();
        assert!(
            kv(&s).get(&article_key(&teacher.id)).is_none(),
            "the teacher's copy is untouched"
        );

        // Leaving and opening the same exercise again resumes the work.
        s.open_article(teacher.clone());
        assert!(!s.state().classroom.is_student());
        assert!(kv(&s).get(&article_key(&copy.id)).unwrap().contains("c1"));
        assert_eq!(s.start_exercise(exercise.clone(), "t2"), None);
        assert_eq!(s.state().claims[0].id, "c1");
        let work = s.state().classroom.active_work().unwrap();
        assert_eq!(
            (work.student.as_str(), work.started.as_str()),
            ("Ana", "t0")
        );

        // A new version of the exercise (another text, the same id): the work is moved onto it.
        let mut revised = teacher.clone();
        revised.text = format!("Breaking. {}", teacher.text);
        let draft = ExerciseDraft {
            id: Some(exercise.id.clone()),
            ..ExerciseDraft::default()
        };
        let (new_version, _) = build_exercise(&revised, &[], &draft, "t3");
        s.open_article(teacher);
        let report = s.start_exercise(new_version, "t4").unwrap();
        assert_eq!((report.moved, report.orphaned), (1, 0));
        assert_eq!(s.state().article.text, revised.text);
        assert_eq!(s.state().claims[0].quote.exact, quote);
        assert!(s.state().classroom.is_student());
        let stored = kv(&s).get(&article_key(&copy.id)).unwrap();
        assert!(
            stored.contains("Breaking."),
            "saved on the new text at once"
        );
    }

    /// The teacher's own article, marked as a key and exported as an exercise, in Teacher mode.
    fn teacher_with_key() -> (
        crate::app::session::Session<crate::core::library::memory_kv::MemoryKv>,
        String,
    ) {
        let mut s = fresh();
        s.dispatch(Action::SetMode(Mode::Teacher));
        crate::app::session::tests::mark(&mut s, "k1");
        s.flush();
        let teacher = (*s.state().article).clone();
        let (exercise, _) = build_exercise(
            &teacher,
            &s.state().claims_vec(),
            &ExerciseDraft::default(),
            "t",
        );
        (s, exercise.to_json())
    }

    fn titled(
        s: &mut crate::app::session::Session<crate::core::library::memory_kv::MemoryKv>,
        title: &str,
    ) -> Vec<(String, usize)> {
        s.library()
            .into_iter()
            .filter(|e| e.title == title)
            .map(|e| (e.id, e.claims))
            .collect()
    }

    #[test]
    fn a_teacher_trying_their_own_exercise_goes_back_to_the_key_and_leaves_no_empty_twin() {
        let (mut s, json) = teacher_with_key();
        let teacher = (*s.state().article).clone();
        s.open_json("quiz.exercise.json", json, "t1");
        assert!(s.state().classroom.is_student());
        s.set_mode(Mode::Teacher);
        assert_eq!(s.state().classroom.mode, Mode::Teacher);
        assert_eq!(
            s.state().article.id,
            teacher.id,
            "the key's article is open again"
        );
        assert_eq!(s.state().claims.len(), 1, "the answer key is there");
        assert!(!s.state().article_is_read_only(), "Edit and Details work");
        assert_eq!(
            titled(&mut s, &teacher.title),
            vec![(teacher.id.clone(), 1)]
        );
    }

    #[test]
    fn work_done_while_trying_the_exercise_is_kept_after_leaving() {
        let (mut s, json) = teacher_with_key();
        let teacher = (*s.state().article).clone();
        s.open_json("quiz.exercise.json", json.clone(), "t1");
        crate::app::session::tests::mark(&mut s, "tried");
        s.leave_exercise(Mode::Reader);
        assert_eq!(s.state().article.id, teacher.id);
        assert_eq!(
            titled(&mut s, &teacher.title).len(),
            2,
            "the tried work stays"
        );
        s.open_json("quiz.exercise.json", json, "t2");
        assert_eq!(s.state().claims[0].id, "tried");
    }
}
