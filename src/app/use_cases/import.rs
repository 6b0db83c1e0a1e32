//! Bringing files in: importing annotations into the library, and the JSON files a user opens,
//! which are imports or classroom files (an exercise to work on, a key or submission to score).

use crate::app::actions::Action;
use crate::app::session::Session;
use crate::core::classroom::exercise::Exercise;
use crate::core::classroom::feedback::is_feedback;
use crate::core::classroom::files::{file_kind, parse_exercise, FileKind};
use crate::core::classroom::session::Mode;
use crate::core::formats::sniff::{check_import_name, parse_import, too_large, MAX_IMPORT_BYTES};
use crate::core::library::merge::{import_all, ImportOutcome};
use crate::core::library::store::KeyValue;
use crate::core::text::file_names::shown_file_name;

impl<S: KeyValue> Session<S> {
    /// Imports a file (Claimcheck JSON or library, W3C Web Annotations, a Hypothesis export):
    /// checked whole first, then merged into the library (`core::library::merge`) and written all
    /// at once. It merges into the work as it is here (the open article as on screen, and what
    /// is held in memory because it could not be saved), not into the stored copies. On any
    /// error nothing changes; when storage does not take the result, it is held in memory like
    /// any change that could not be saved, and the storage banner says so. `now` dates what the
    /// file leaves undated.
    pub fn import_text(&mut self, text: &str, now: &str) -> Result<ImportOutcome, String> {
        self.import(text, now).map(|(outcome, _)| outcome)
    }

    /// [`Session::import_text`], and whether storage took the result.
    fn import(&mut self, text: &str, now: &str) -> Result<(ImportOutcome, bool), String> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(too_large(text.len()));
        }
        let parsed = parse_import(text, now).map_err(|e| e.0)?;
        self.flush();
        let mut warnings = Vec::new();
        let stored = self.store.documents(&mut warnings);
        self.warn_all(warnings);
        let mut library = self.with_unsaved(stored);
        // The open article counts as the library's even before its first change is saved.
        let open = self.state().document();
        if !library.iter().any(|d| d.article.id == open.article.id) {
            library.push(open);
        }
        let outcome = import_all(&library, parsed).map_err(|e| e.0)?;
        let saved = self.store.put_documents(&outcome.documents).is_ok();
        let open_id = self.state().article.id.clone();
        for doc in &outcome.documents {
            // What was held is in storage now, merged with what came in; or else held again
            // with it.
            self.take_kept(&doc.article.id);
            if !saved && doc.article.id != open_id {
                self.keep(doc.clone());
            }
        }
        if let Some(doc) = outcome.documents.iter().find(|d| d.article.id == open_id) {
            let selected = self.state().selected.clone();
            self.show(doc.clone(), selected);
        } else if let [doc] = &outcome.documents[..] {
            // One article came in: show it, as opening a file would.
            let _ = self.open_by_id(&doc.article.id);
        }
        if saved {
            return Ok((outcome, true));
        }
        // The banner names what is held in memory now; a save may also have made room for it.
        self.save();
        let held = outcome.documents.iter().any(|d| self.holds(&d.article.id));
        Ok((outcome, !held))
    }

    /// Opens a JSON file the user chose (`name`, holding `text`): works on an exercise, loads a
    /// key or submission for scoring (in Teacher mode), shows a teacher's feedback on the
    /// student's work, or imports annotations; and says what happened.
    pub fn open_json(&mut self, name: &str, text: String, now: &str) {
        let message = match file_kind(&text) {
            Some(FileKind::Exercise) => match parse_exercise(&text) {
                Ok(exercise) => self.open_exercise_message(exercise, now),
                Err(e) => format!("This exercise could not be opened: {e}"),
            },
            Some(kind @ (FileKind::Key | FileKind::Submission)) => {
                self.load_for_scoring(name, kind, text)
            }
            None if is_feedback(&text) => self.open_feedback(name, &text),
            _ => match self.import(&text, now) {
                Ok((outcome, true)) => outcome.summary(),
                Ok((outcome, false)) => format!(
                    "{} Not saved: it is kept in this tab until you close it (see the warning above).",
                    outcome.summary()
                ),
                Err(e) => format!("Nothing was imported: {e}"),
            },
        };
        self.dispatch(Action::Tell(message));
    }

    /// Works on an exercise that came by file or link (already checked), and says so.
    pub fn open_exercise(&mut self, exercise: Exercise, now: &str) {
        let message = self.open_exercise_message(exercise, now);
        self.dispatch(Action::Tell(message));
    }

    fn open_exercise_message(&mut self, exercise: Exercise, now: &str) -> String {
        let title = exercise.title.clone();
        match self.start_exercise(exercise, now) {
            Some(r) => format!(
                "The exercise “{title}” changed since you started it; your claims were put on the new text: {}.",
                r.summary()
            ),
            None => format!("Opened the exercise “{title}”. Write your name, mark the sourced claims, then Submit."),
        }
    }

    /// What Import does with a file the user chose (`name`, holding `text`): a file whose
    /// name says Import cannot read it (a CSV, an article) is refused with what Import reads;
    /// any other is opened as [`Session::open_json`] opens it.
    pub fn import_named_file(&mut self, name: &str, text: String, now: &str) {
        match check_import_name(name) {
            Ok(()) => self.open_json(name, text, now),
            Err(e) => self.dispatch(Action::Tell(format!("Nothing was imported: {e}"))),
        }
    }

    /// Loads a key or a submission for scoring, in Teacher mode only; what happened, in words.
    fn load_for_scoring(&mut self, name: &str, kind: FileKind, text: String) -> String {
        if self.state().classroom.mode != Mode::Teacher {
            let what = if kind == FileKind::Key {
                "an answer key"
            } else {
                "a student's submission"
            };
            return format!(
                "{} is {what}: switch to Teacher mode and load it under “Score submissions”.",
                shown_file_name(name)
            );
        }
        let before = self.state().classroom.scoring.problems.len();
        self.dispatch(Action::LoadScoringFiles {
            files: vec![(name.to_string(), text)],
            unreadable: Vec::new(),
        });
        match self.state().classroom.scoring.problems.get(before) {
            Some(problem) => format!("Not loaded: {problem}"),
            None => format!("Loaded {} for scoring.", shown_file_name(name)),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::app::session::tests::{fresh, kv, mark};
    use crate::core::classroom::session::{build_exercise, work_article, ExerciseDraft};
    use crate::core::formats::claimreview::Publisher;
    use crate::core::formats::export::{article_export, ExportFormat};
    use crate::core::formats::native;
    use crate::core::intake::samples;
    use crate::core::library::store::article_key;
    use crate::core::model::Document;
    use crate::core::test_claims::claim_on;

    const NOW: &str = "2026-02-01T00:00:00Z";

    /// A Claimcheck export of `article` with one claim on `quote`.
    fn export(article: &crate::core::model::Article, id: &str, quote: &str) -> String {
        native::to_json(article, &[claim_on(&article.text, id, quote)], &[])
    }

    #[test]
    fn an_import_merges_into_the_open_article_and_reports() {
        let mut s = fresh();
        mark(&mut s, "mine");
        let open = (*s.state().article).clone();
        let words: String = open.text.chars().skip(60).take(20).collect();
        let outcome = s
            .import_text(&export(&open, "theirs", &words), NOW)
            .unwrap();
        assert_eq!(outcome.reports.len(), 1);
        assert_eq!(outcome.reports[0].added, 1);
        assert!(!outcome.reports[0].new_article);
        let ids: Vec<&str> = s.state().claims.iter().map(|c| c.id.as_str()).collect();
        assert!(ids.contains(&"mine") && ids.contains(&"theirs"), "{ids:?}");
        assert_eq!(
            s.state().selected.as_deref(),
            Some("mine"),
            "the selection stays"
        );
        let stored = kv(&s).get(&article_key(&open.id)).unwrap();
        assert!(stored.contains("\"theirs\"") && stored.contains("\"mine\""));
    }

    #[test]
    fn an_imported_new_article_opens_and_a_bad_file_changes_nothing() {
        let mut s = fresh();
        let other = samples::all()[3].clone();
        let words: String = other.text.chars().take(30).collect();
        let outcome = s.import_text(&export(&other, "x1", &words), NOW).unwrap();
        assert!(outcome.reports[0].new_article);
        assert_eq!(s.state().article.id, other.id);
        assert_eq!(s.state().claims[0].id, "x1");
        assert!(kv(&s).get(&article_key(&other.id)).is_some());

        let before = kv(&s).clone().data;
        assert!(s.import_text("{\"format\": \"claimcheck\"", NOW).is_err());
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        let e = s.import_text(&huge, NOW).unwrap_err();
        assert!(e.contains("up to 5 MB"), "{e}");
        assert_eq!(kv(&s).data, before);
    }

    /// `article` with a claim on its first sentence-ish words and an orphan whose words are
    /// gone, as Export writes it in `format`.
    fn exported_work(article: &crate::core::model::Article, format: ExportFormat) -> String {
        let words: String = article.text.chars().skip(12).take(30).collect();
        let mut orphan = claim_on(&article.text, "gone", &words);
        orphan.quote.exact = "words no longer in the article".into();
        let doc = Document::new(
            article.clone(),
            vec![claim_on(&article.text, "kept", &words)],
            vec![orphan],
        );
        article_export(format, &doc, &Publisher::default()).text
    }

    /// Imports `file` as a user does (Import, then the toast) into a fresh browser: what it
    /// said, the open article, and the library's documents.
    fn into_fresh_browser(name: &str, file: String) -> (String, String, Vec<Document>) {
        let mut s = fresh();
        s.open_json(name, file, NOW);
        let told = s.state().notices.message.clone().unwrap();
        let open = s.state().article.id.clone();
        (told, open, s.library_documents())
    }

    #[test]
    fn own_w3c_and_json_exports_import_the_same_way_into_a_fresh_browser() {
        let first = samples::first();
        let mut same_text = first.clone();
        same_text.id = "a-pasted-elsewhere".into();
        same_text.title = "The port story, pasted with another title".into();
        let unknown = samples::all()[2].clone();
        for (work, finds, new) in [
            (&first, &first.id, false),
            (&same_text, &first.id, false),
            (&unknown, &unknown.id, true),
        ] {
            let json = into_fresh_browser(
                "work.claims.json",
                exported_work(work, ExportFormat::Claimcheck),
            );
            let w3c = into_fresh_browser(
                "work.annotations.jsonld",
                exported_work(work, ExportFormat::W3c),
            );
            assert_eq!(json, w3c, "{}: the same work, the same result", work.title);
            let (told, open, library) = json;
            assert_eq!(&open, finds, "{told}");
            assert_eq!(told.contains("as a new article"), new, "{told}");
            assert!(
                !told.contains("orphaned"),
                "an orphan stays one, not newly orphaned: {told}"
            );
            let doc = library.iter().find(|d| &d.article.id == finds).unwrap();
            assert_eq!(
                doc.article.text, work.text,
                "found by its text, or made with it"
            );
            assert_eq!(
                (doc.claims.len(), doc.orphans.len()),
                (1, 1),
                "{}",
                work.title
            );
            let copies = library
                .iter()
                .filter(|d| d.article.text == work.text)
                .count();
            assert_eq!(copies, 1, "no second copy of {}", work.title);
        }
    }

    #[test]
    fn import_refuses_a_csv_with_import_s_own_advice() {
        let mut s = fresh();
        s.import_named_file(
            "port-story.claims.csv",
            "quote,status\n\"a\",verified\n".into(),
            NOW,
        );
        let told = s.state().notices.message.clone().unwrap();
        assert!(
            told.starts_with(
                "Nothing was imported: “port-story.claims.csv” is a spreadsheet (CSV) file"
            ),
            "{told}"
        );
        assert!(told.contains("Import reads Claimcheck JSON"), "{told}");
        assert!(!told.contains(".txt, .md or .html"), "{told}");
        assert!(s.state().claims.is_empty());
    }

    #[test]
    fn an_opened_json_file_goes_where_it_belongs() {
        let mut s = fresh();
        let teacher = (*s.state().article).clone();
        let words: String = teacher.text.chars().skip(10).take(25).collect();
        let key_claims = [claim_on(&teacher.text, "k1", &words)];
        let (exercise, key) = build_exercise(&teacher, &key_claims, &ExerciseDraft::default(), NOW);

        // A key outside Teacher mode is not loaded.
        s.open_json("port.key.json", key.to_json(), NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(
            told.contains("is an answer key: switch to Teacher mode"),
            "{told}"
        );
        assert!(s.state().classroom.scoring.key.is_none());

        // In Teacher mode it is, once.
        s.dispatch(Action::SetMode(Mode::Teacher));
        s.open_json("port.key.json", key.to_json(), NOW);
        assert_eq!(
            s.state().notices.message.as_deref(),
            Some("Loaded port.key.json for scoring.")
        );
        assert!(s.state().classroom.scoring.key.is_some());
        let mut other = teacher.clone();
        other.text.push_str(" More.");
        let (_, other_key) = build_exercise(&other, &key_claims, &ExerciseDraft::default(), NOW);
        s.open_json("other.key.json", other_key.to_json(), NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(
            told.starts_with("Not loaded: other.key.json is another answer key"),
            "{told}"
        );

        // Anything else is an import.
        s.open_json("notes.json", "{\"hello\": 1}".into(), NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(told.starts_with("Nothing was imported: "), "{told}");

        // An exercise is worked on as a student, on a copy of its own.
        s.open_json("port.exercise.json", exercise.to_json(), NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(told.starts_with("Opened the exercise “"), "{told}");
        assert!(s.state().classroom.is_student());
        assert_eq!(s.state().article.id, work_article(&exercise).id);
        assert!(s.state().claims.is_empty(), "the key stays the teacher's");
        let classroom = kv(&s)
            .get(crate::core::classroom::session::CLASSROOM_KEY)
            .unwrap();
        assert!(classroom.contains("\"mode\":\"student\""), "{classroom}");

        // A submission is for the teacher.
        let work = s.state().classroom.active_work().unwrap().clone();
        let (name, sub) = crate::core::classroom::session::submission(&work, &key_claims, NOW);
        s.open_json(&name, sub, NOW);
        let told = s.state().notices.message.clone().unwrap();
        assert!(told.contains("is a student's submission"), "{told}");
    }
}
