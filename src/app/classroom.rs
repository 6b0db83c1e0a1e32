//! The classroom in the app: the mode, the exercise a teacher prepares from the open article,
//! the files loaded for scoring, and a student's work on an exercise. The rules themselves are
//! the core's (`core::classroom::session`); this applies them to the state.

use std::rc::Rc;

use crate::app::state::AppState;
use crate::core::classroom::exercise::{Exercise, Settings};
use crate::core::classroom::labels::check_label_set;
use crate::core::classroom::scoring::Rubric;
use crate::core::classroom::scoring_session::{load_scoring_files, ScoringSession};
use crate::core::classroom::session::{
    follow_open_article, Classroom, ExerciseDraft, Mode, StudentWork,
};

fn classroom(next: &mut AppState) -> &mut Classroom {
    Rc::make_mut(&mut next.classroom)
}

/// The exercise being prepared from the open article.
pub(super) fn draft(next: &mut AppState) -> &mut ExerciseDraft {
    let article = next.article.id.clone();
    classroom(next).drafts.entry(article).or_default()
}

/// The open article changed: enter or leave student mode with it.
pub(super) fn follow_article(next: &mut AppState) {
    follow_open_article(&mut next.classroom, &next.article.id);
}

/// Reader or teacher; student mode only with work under way (choosing it otherwise changes
/// nothing).
pub(super) fn set_mode(next: &mut AppState, mode: Mode) {
    let c = classroom(next);
    if mode != Mode::Student {
        c.active = None;
        c.mode = mode;
    } else if c.active_work().is_some() {
        c.mode = mode;
    }
}

pub(super) fn set_instructions(next: &mut AppState, text: String) {
    draft(next).instructions = text;
}

/// The settings, their label set tidied; a set that breaks a rule is refused whole, with the
/// rule in the message, and the settings stay as they were.
pub(super) fn set_exercise_settings(next: &mut AppState, mut settings: Settings) {
    match check_label_set(&settings.labels) {
        Ok(set) => settings.labels = set,
        Err(why) => {
            next.notices.message = Some(why);
            return;
        }
    }
    draft(next).settings = settings;
}

pub(super) fn exercise_exported(next: &mut AppState, id: String, hash: String) {
    let draft = draft(next);
    draft.id = Some(id);
    draft.hash = Some(hash);
}

pub(super) fn set_rubric(next: &mut AppState, rubric: Rubric) {
    classroom(next).rubric = rubric;
}

pub(super) fn load_scoring(
    next: &mut AppState,
    files: Vec<(String, String)>,
    unreadable: Vec<String>,
) {
    let scoring = &mut classroom(next).scoring;
    scoring.problems.extend(unreadable);
    load_scoring_files(scoring, &files)
}

/// Forgets the files loaded for scoring; the rubric stays.
pub(super) fn clear_scoring(next: &mut AppState) {
    classroom(next).scoring = ScoringSession::default()
}

/// Works on `exercise` in student mode; the same exercise again resumes, with the file's
/// version of it.
pub(super) fn start_exercise(next: &mut AppState, exercise: Exercise, at: String) {
    let c = classroom(next);
    let id = exercise.id.clone();
    match c.works.get_mut(&id) {
        Some(work) => work.exercise = exercise,
        None => {
            c.works.insert(
                id.clone(),
                StudentWork {
                    exercise,
                    student: String::new(),
                    started: at,
                    hints_used: 0,
                },
            );
        }
    }
    c.active = Some(id);
    c.mode = Mode::Student;
}

pub(super) fn set_student_name(next: &mut AppState, name: String) {
    let c = classroom(next);
    if let Some(id) = c.active.clone() {
        if let Some(work) = c.works.get_mut(&id) {
            work.student = name;
        }
    }
}

/// Records when the work under way was handed in (the last time counts).
pub(super) fn handed_in(next: &mut AppState, at: String) {
    let c = classroom(next);
    if let Some(id) = c.active.clone() {
        c.handed_in.insert(id, at);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::actions::Action;
    use crate::app::details::Details;
    use crate::app::reducer::reduce;
    use crate::app::test_state::{add, state, TEXT};
    use crate::core::model::Article;

    #[test]
    fn a_student_works_on_an_exercise_read_only_and_resumes_it() {
        use crate::core::classroom::session::{build_exercise, work_article};
        let teacher = add(&state(), "k1", 42, 62);
        let teacher = reduce(&teacher, Action::SetMode(Mode::Teacher));
        let teacher = reduce(&teacher, Action::SetInstructions("Find the claims.".into()));
        assert_eq!(
            teacher.classroom.draft("a").instructions,
            "Find the claims."
        );
        let (exercise, _) = build_exercise(
            &teacher.article,
            &teacher.claims_vec(),
            &teacher.classroom.draft("a"),
            "t",
        );
        let teacher = reduce(
            &teacher,
            Action::ExerciseExported {
                id: exercise.id.clone(),
                hash: exercise.hash.clone(),
            },
        );
        assert_eq!(teacher.classroom.draft("a").id, Some(exercise.id.clone()));
        assert!(!teacher.classroom.draft("a").changed_since_export(TEXT));
        let changed = reduce(&teacher, Action::SetInstructions("Find two.".into()));
        assert!(changed.classroom.draft("a").changed_since_export(TEXT));

        // A student's browser: the exercise's own copy of the article, then the exercise.
        let open = |s: &AppState, article: Article| {
            reduce(
                s,
                Action::OpenArticle {
                    article,
                    claims: vec![],
                    orphans: vec![],
                    selected: None,
                },
            )
        };
        let s = open(&state(), work_article(&exercise));
        let start = Action::StartExercise {
            exercise: Box::new(exercise.clone()),
            at: "t0".into(),
        };
        let s = reduce(&s, start.clone());
        assert!(s.classroom.is_student());
        let s = reduce(&s, Action::SetStudentName("Ana".into()));
        let s = add(&s, "c1", 42, 62);
        let edited = reduce(
            &s,
            Action::EditText {
                text: "Another text".into(),
            },
        );
        assert_eq!(edited.article.text, TEXT, "the article is read-only");
        let renamed = reduce(&s, Action::SetDetails(Details::default()));
        assert_eq!(renamed.article.title, s.article.title);
        // Opening another article leaves the exercise; opening its copy again (from the
        // library) resumes it, and so does opening the exercise file again.
        let away = open(&s, state().article.as_ref().clone());
        assert!(!away.classroom.is_student());
        let from_library = open(&away, work_article(&exercise));
        assert!(from_library.classroom.is_student());
        // Leaving keeps the copy read-only: the class's article is the same for everyone.
        let left = reduce(&from_library, Action::SetMode(Mode::Reader));
        assert!(!left.classroom.is_student());
        let edited = reduce(
            &left,
            Action::EditText {
                text: "Another text".into(),
            },
        );
        assert_eq!(edited.article.text, TEXT);
        let back = reduce(&open(&away, work_article(&exercise)), start);
        let work = back.classroom.active_work().unwrap();
        assert_eq!(
            (work.student.as_str(), work.started.as_str()),
            ("Ana", "t0")
        );
        // Student mode cannot be chosen without an exercise; Reader leaves it.
        let reader = reduce(&back, Action::SetMode(Mode::Reader));
        assert_eq!(reader.classroom.mode, Mode::Reader);
        let again = reduce(&reader, Action::SetMode(Mode::Student));
        assert_eq!(again.classroom.mode, Mode::Reader);
    }

    #[test]
    fn scoring_files_and_rubric_go_through_the_reducer() {
        let s = reduce(
            &state(),
            Action::LoadScoringFiles {
                files: vec![("x.json".into(), "{}".into())],
                unreadable: vec!["y.json: not text".into()],
            },
        );
        assert_eq!(s.classroom.scoring.problems.len(), 2);
        let s = reduce(
            &s,
            Action::SetRubric(Rubric {
                found: 1.0,
                precision: 0.0,
                status: 0.0,
                source: 0.0,
                ..Rubric::default()
            }),
        );
        assert_eq!(s.classroom.rubric.found, 1.0);
        let s = reduce(&s, Action::ClearScoring);
        assert!(s.classroom.scoring.problems.is_empty());
        assert_eq!(s.classroom.rubric.found, 1.0, "the rubric stays");
    }
}
