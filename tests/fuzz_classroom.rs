#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the classroom files (exercise, key, submission), their loading for scoring, the
//! saved classroom state, and the app opening any JSON file: arbitrary text and structured
//! mutations of valid files never panic, every refusal says why, and what is accepted keeps
//! its promises (the hash matches, key claims sit on their quotes, reading it back gives the
//! same, every file loaded for scoring gets a row or a problem).

mod fuzz_support;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

use claimcheck::app::actions::Action;
use claimcheck::app::session::Session;
use claimcheck::core::classroom::exercise::{
    exercise_file_name, key_file_name, make_exercise_id, student_name_from_file_name,
    submission_file_name, Exercise, Key, Settings, Submission,
};
use claimcheck::core::classroom::files::{
    file_kind, parse_exercise, parse_key_file, parse_submission_file, FileKind,
};
use claimcheck::core::classroom::loading::{parse_key, parse_submission};
use claimcheck::core::classroom::scoring::{score_files, Rubric};
use claimcheck::core::classroom::scoring_session::{load_scoring_files, ScoringSession};
use claimcheck::core::classroom::session::{
    paragraph_number, Classroom, ExerciseDraft, Mode, StudentWork,
};
use claimcheck::core::formats::native::{library_to_json, to_json};
use claimcheck::core::formats::w3c::to_w3c;
use claimcheck::core::library::store::{article_key, Store};
use claimcheck::core::model::Document;
use fuzz_support::*;

fn exercise(
    doc: &Document,
    instructions: &str,
    settings: Settings,
    count: Option<usize>,
) -> Exercise {
    Exercise::new(
        doc.article.clone(),
        instructions,
        settings,
        count,
        make_exercise_id(&doc.article.id, NOW),
    )
}

fn settings() -> impl Strategy<Value = Settings> {
    any::<(bool, bool, bool, bool)>().prop_map(|(a, b, c, d)| Settings {
        require_source: a,
        verified_needs_evidence: b,
        show_count_hint: c,
        allow_hints: d,
        labels: Vec::new(),
    })
}

/// A teacher's exercise on a generated article, its key, and a student's submission to it.
#[derive(Debug, Clone)]
struct Class {
    exercise: Exercise,
    key: Key,
    submission: Submission,
    /// The article as a plain Claimcheck export (a key or a submission for scoring too).
    export: Document,
}

fn class() -> impl Strategy<Value = Class> {
    (
        document(),
        document(),
        unicode(),
        settings(),
        any::<Option<usize>>(),
        unicode(),
        select(vec!["", "2026-11-01T10:00:00Z", "yesterday"]),
    )
        .prop_map(
            |(teacher, student, instructions, settings, count, name, started)| {
                let exercise = exercise(&teacher, &instructions, settings, count);
                // The student's claims are generated on another text: some land off the key's.
                let submission = Submission::new(&exercise, name, student.claims, started, NOW);
                Class {
                    key: Key::new(exercise.clone(), teacher.claims.clone()),
                    exercise,
                    submission,
                    export: teacher,
                }
            },
        )
}

fn check_exercise(ex: &Exercise, text: &str) -> Result<(), TestCaseError> {
    prop_assert!(ex.verify_hash(), "an exercise whose hash does not match");
    prop_assert!(!ex.id.trim().is_empty() && !ex.article.text.is_empty());
    prop_assert_eq!(file_kind(text), Some(FileKind::Exercise));
    prop_assert_eq!(parse_exercise(&ex.to_json()), Ok(ex.clone()));
    Ok(())
}

fn check_key(key: &Key, text: &str) -> Result<(), TestCaseError> {
    prop_assert!(key.exercise.verify_hash());
    on_their_quotes(&key.exercise.article.text, &key.claims)?;
    ids_unique(&key.claims)?;
    prop_assert_eq!(file_kind(text), Some(FileKind::Key));
    prop_assert_eq!(parse_key_file(&key.to_json()), Ok(key.clone()));
    Ok(())
}

fn check_submission(sub: &Submission, text: &str) -> Result<(), TestCaseError> {
    prop_assert!(!sub.exercise_id.trim().is_empty());
    ids_unique(&sub.claims)?;
    for c in &sub.claims {
        prop_assert!(!c.quote.exact.is_empty() && c.position.start < c.position.end);
    }
    prop_assert_eq!(file_kind(text), Some(FileKind::Submission));
    prop_assert_eq!(parse_submission_file(&sub.to_json()), Ok(sub.clone()));
    Ok(())
}

/// Every reader of classroom files on `text`: each returns, says why when it refuses, and
/// agrees with the others on what kind of file it is.
fn read_all(text: &str, fallback: &str) -> Result<(), TestCaseError> {
    match parse_exercise(text) {
        Ok(ex) => check_exercise(&ex, text)?,
        Err(e) => said_why(&e)?,
    }
    match parse_key_file(text) {
        Ok(key) => check_key(&key, text)?,
        Err(e) => said_why(&e)?,
    }
    match parse_submission_file(text) {
        Ok(sub) => check_submission(&sub, text)?,
        Err(e) => said_why(&e)?,
    }
    match parse_key(text) {
        Ok(side) => {
            on_their_quotes(&side.article.text, &side.claims)?;
            prop_assert!(matches!(
                file_kind(text),
                Some(FileKind::Key | FileKind::Export)
            ));
        }
        Err(e) => said_why(&e)?,
    }
    match parse_submission(text, fallback) {
        Ok(side) => {
            prop_assert!(
                !side.student.trim().is_empty(),
                "a submission without a student"
            );
            prop_assert!(matches!(
                file_kind(text),
                Some(FileKind::Submission | FileKind::Export)
            ));
        }
        Err(e) => said_why(&e)?,
    }
    Ok(())
}

/// Scoring files as the teacher loads them: the key must be readable; every submission then
/// gets a row, scored or flagged with its problem.
fn check_scoring(key: &str, submissions: &[(&str, &str)]) -> Result<(), TestCaseError> {
    let report = match score_files(key, submissions, &Rubric::default()) {
        Ok(report) => report,
        Err(e) => return said_why(&e),
    };
    prop_assert_eq!(report.students.len(), submissions.len());
    prop_assert_eq!(report.scored + report.flagged, submissions.len());
    for row in &report.students {
        prop_assert!(!row.name.trim().is_empty());
        match (&row.problem, row.total()) {
            (Some(problem), None) => prop_assert!(!problem.trim().is_empty()),
            (None, Some(total)) => prop_assert!((0.0..=1.0).contains(&total), "total {}", total),
            other => prop_assert!(false, "a row both scored and flagged: {:?}", other),
        }
    }
    Ok(())
}

/// A classroom file, or any other file the app opens.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Exercise,
    Key,
    Submission,
    Export,
    Library,
    W3c,
    Hypothesis,
}

impl Class {
    fn file(&self, kind: Kind) -> String {
        let d = &self.export;
        match kind {
            Kind::Exercise => self.exercise.to_json(),
            Kind::Key => self.key.to_json(),
            Kind::Submission => self.submission.to_json(),
            Kind::Export => to_json(&d.article, &d.claims, &d.orphans),
            Kind::Library => library_to_json(std::slice::from_ref(d)),
            Kind::W3c => to_w3c(&d.article, &d.claims),
            Kind::Hypothesis => hypothesis_export(d),
        }
    }
}

fn kind() -> impl Strategy<Value = Kind> {
    select(vec![
        Kind::Exercise,
        Kind::Key,
        Kind::Submission,
        Kind::Export,
        Kind::Library,
        Kind::W3c,
        Kind::Hypothesis,
    ])
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn classroom_readers_take_any_text_or_say_why(text in any_text(), fallback in unicode()) {
        read_all(&text, &fallback)?;
        let _ = Classroom::from_json(&text);
    }

    #[test]
    fn mutated_classroom_files_read_or_say_why(
        class in class(),
        kind in kind(),
        m in mutations(),
        fallback in unicode(),
    ) {
        let text = m.apply(&class.file(kind));
        read_all(&text, &fallback)?;
    }

    #[test]
    fn a_mutated_submission_or_key_is_scored_or_flagged(
        class in class(),
        key_edits in prop::option::weighted(0.3, mutations()),
        export_key in any::<bool>(),
        submission_edits in proptest::collection::vec(mutations(), 1..3),
        names in proptest::collection::vec(unicode(), 2),
    ) {
        let key = if export_key { class.file(Kind::Export) } else { class.file(Kind::Key) };
        let key = key_edits.map_or(key.clone(), |m| m.apply(&key));
        let files: Vec<String> = submission_edits
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let kind = if i == 0 { Kind::Submission } else { Kind::Export };
                m.apply(&class.file(kind))
            })
            .collect();
        let submissions: Vec<(&str, &str)> = files
            .iter()
            .zip(&names)
            .map(|(f, n)| (n.as_str(), f.as_str()))
            .collect();
        check_scoring(&key, &submissions)?;
    }

    #[test]
    fn files_loaded_for_scoring_are_loaded_or_listed_as_problems(
        class in class(),
        files in proptest::collection::vec((kind(), mutations(), unicode()), 1..5),
    ) {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(kind, m, name)| (name.clone(), m.apply(&class.file(*kind))))
            .collect();
        let mut session = ScoringSession::default();
        load_scoring_files(&mut session, &files);
        // The loaded key again is taken in silence; every other file is loaded or said why not.
        let keys = files
            .iter()
            .filter(|(_, text)| session.key.as_ref().is_some_and(|k| parse_key(text).as_ref() == Ok(k)))
            .count();
        prop_assert!(keys + session.submissions.len() + session.problems.len() >= files.len());
        for p in &session.problems {
            prop_assert!(!p.trim().is_empty());
        }
        if let Some(key) = &session.key {
            on_their_quotes(&key.article.text, &key.claims)?;
            for s in &session.submissions {
                let _ = s.problem_with(key);
            }
        }
    }

    #[test]
    fn any_title_or_name_makes_a_file_name_and_back(title in unicode(), student in unicode(), pos in any::<usize>()) {
        let safe = |name: &str| !name.is_empty() && !name.contains(['/', '\\', '\0']);
        for name in [exercise_file_name(&title), key_file_name(&title), submission_file_name(&title, &student)] {
            prop_assert!(safe(&name), "{:?}", name);
        }
        let back = student_name_from_file_name(&submission_file_name(&title, &student));
        prop_assert!(!back.ends_with(".json"), "{:?}", back);
        let _ = student_name_from_file_name(&student);
        prop_assert!(paragraph_number(&title, pos) >= 1);
    }

    #[test]
    fn a_mutated_classroom_state_reads_back_the_same_or_says_why(
        class in class(),
        draft in (unicode(), settings()),
        mode in select(vec![Mode::Reader, Mode::Teacher, Mode::Student]),
        m in mutations(),
    ) {
        let mut classroom = Classroom { mode, ..Classroom::default() };
        classroom.drafts.insert(class.export.article.id.clone(), ExerciseDraft {
            instructions: draft.0,
            settings: draft.1,
            id: Some(class.exercise.id.clone()),
            hash: Some(class.exercise.hash.clone()),
        });
        classroom.works.insert(class.exercise.id.clone(), StudentWork {
            exercise: class.exercise.clone(),
            student: "Sam".into(),
            started: NOW.into(),
            hints_used: 0,
        });
        classroom.active = Some(class.exercise.id.clone());
        let text = m.apply(&classroom.to_json());
        let read = match Classroom::from_json(&text) {
            Ok(read) => read,
            Err(why) => {
                prop_assert!(!why.trim().is_empty());
                return Ok(());
            }
        };
        prop_assert!(read.mode != Mode::Student || read.is_student());
        // serde_json reads a float back to within a unit in the last place, not always to the
        // bit: the rubric's weights are compared as numbers.
        let again = Classroom::from_json(&read.to_json()).expect("what was written reads");
        let close = |a: f64, b: f64| (a - b).abs() <= a.abs().max(b.abs()) * 1e-12;
        let (r, w) = (read.rubric, again.rubric);
        prop_assert!(close(r.found, w.found) && close(r.precision, w.precision)
            && close(r.status, w.status) && close(r.source, w.source)
            && close(r.span_fit, w.span_fit) && close(r.labels, w.labels), "{:?} {:?}", r, w);
        prop_assert_eq!(Classroom { rubric: read.rubric, ..again }, read);
    }

    #[test]
    fn opening_any_json_file_never_aborts_the_page_or_loses_the_library(
        class in class(),
        kind in kind(),
        m in mutations(),
        teacher in any::<bool>(),
        name in select(vec!["port.key.json", "story.claims.json", "a.submission.json", ""]),
        saved in document(),
    ) {
        let mut kv = MapKv::default();
        kv.0.insert(article_key(&saved.article.id), to_json(&saved.article, &saved.claims, &saved.orphans));
        let mut session = Session::start(kv, None);
        let _ = session.open_by_id(&saved.article.id);
        if teacher {
            session.dispatch(Action::SetMode(Mode::Teacher));
        }
        let text = m.apply(&class.file(kind));
        session.open_json(name, text, NOW);
        let state = session.state().clone();
        prop_assert!(state.notices.message.as_ref().is_some_and(|m| !m.trim().is_empty()));
        on_their_quotes(&state.article.text, &state.claims_vec())?;
        ids_unique(state.claims.iter().map(|c| &**c).chain(&state.orphans))?;
        let mut store = Store::new(session.store().kv().clone());
        let kept = store.read_article(&saved.article.id, &mut Vec::new());
        let kept = kept.expect("the saved article is still readable");
        for c in saved.claims.iter().chain(&saved.orphans) {
            prop_assert!(
                kept.claims.iter().chain(&kept.orphans).any(|k| k.id == c.id),
                "opening a file lost claim {:?} of the library", &c.id
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Targeted cases

#[test]
fn deeply_nested_classroom_files_are_refused_with_a_message() {
    for deep in [nested_arrays(10_000), nested_objects(10_000)] {
        for result in [
            parse_exercise(&deep).map(|_| ()),
            parse_key_file(&deep).map(|_| ()),
            parse_submission_file(&deep).map(|_| ()),
            parse_key(&deep).map(|_| ()),
            parse_submission(&deep, "x").map(|_| ()),
        ] {
            assert!(!result.expect_err("too deep").0.is_empty());
        }
        assert_eq!(file_kind(&deep), None);
        let report = score_files(&deep, &[("a.json", &deep)], &Rubric::default());
        assert!(report.is_err());
    }
}
