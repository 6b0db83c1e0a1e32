//! Classroom exercises in the app: which mode it is in, the exercise a teacher is preparing for
//! each article, and a student's work on an exercise. The files a teacher loads for scoring are
//! gathered in `scoring_session`, the file formats are in `files`, the scoring in `scoring`.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::core::classroom::exercise::{make_exercise_id, Exercise, Key, Settings, Submission};
use crate::core::classroom::feedback::Feedback;
use crate::core::classroom::scoring::Rubric;
use crate::core::classroom::scoring_session::ScoringSession;
use crate::core::formats::value_reader;
use crate::core::model::{Article, Claim};
use crate::core::text::quotes::{shorten, Cut};

/// Where the classroom state is kept in localStorage.
pub const CLASSROOM_KEY: &str = "claimcheck:classroom";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Reading and annotating for oneself.
    #[default]
    Reader,
    /// Building exercises and scoring a class.
    Teacher,
    /// Working on an exercise: the article is read-only and the work is handed in.
    Student,
}

/// The exercise a teacher is preparing from one article. Its key is the teacher's claims on
/// the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ExerciseDraft {
    pub instructions: String,
    pub settings: Settings,
    /// Set at the first export and kept, so submissions to a re-exported, unchanged exercise
    /// still belong to it.
    pub id: Option<String>,
    /// The exercise's hash when it was last exported: a different one now means students hold
    /// an older version.
    pub hash: Option<String>,
}

impl ExerciseDraft {
    /// Whether the exercise changed (article text, instructions, settings) since its export.
    pub fn changed_since_export(&self, article_text: &str) -> bool {
        self.hash.as_ref().is_some_and(|h| {
            *h != crate::core::classroom::exercise::exercise_hash(
                article_text,
                &self.instructions,
                &self.settings,
            )
        })
    }
}

/// A student's work on one exercise; the claims are kept with the exercise's article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StudentWork {
    pub exercise: Exercise,
    pub student: String,
    pub started: String,
    /// How many hints the student asked for (`Settings::allow_hints`); handed in with the work.
    #[serde(default)]
    pub hints_used: u32,
}

/// All classroom state; what is saved is everything but `scoring`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Classroom {
    pub mode: Mode,
    /// By article id.
    pub drafts: BTreeMap<String, ExerciseDraft>,
    pub rubric: Rubric,
    /// By exercise id.
    pub works: BTreeMap<String, StudentWork>,
    /// The exercise being worked on in student mode.
    pub active: Option<String>,
    /// When each exercise's work was last handed in (RFC 3339), by exercise id; handing in
    /// again is allowed and moves it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub handed_in: BTreeMap<String, String>,
    #[serde(skip)]
    pub scoring: ScoringSession,
    /// The feedback a student opened on their work, by exercise id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub feedback: BTreeMap<String, Feedback>,
    /// Whether student mode shows the feedback on the article rather than the work.
    #[serde(skip)]
    pub showing_feedback: bool,
}

impl Classroom {
    /// Reads the saved classroom state; anything unreadable starts afresh (the caller keeps
    /// the unreadable text aside).
    pub fn from_json(json: &str) -> Result<Classroom, String> {
        let mut c: Classroom = value_reader::read_text(json)?;
        if c.mode == Mode::Student && !c.is_student() {
            c.mode = Mode::Reader;
            c.active = None;
        }
        Ok(c)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the classroom always serializes")
    }

    pub fn draft(&self, article_id: &str) -> ExerciseDraft {
        self.drafts.get(article_id).cloned().unwrap_or_default()
    }

    /// The work under way in student mode.
    pub fn active_work(&self) -> Option<&StudentWork> {
        self.active.as_ref().and_then(|id| self.works.get(id))
    }

    /// The exercise whose work copy `article_id` is, if it is one.
    pub fn exercise_of(&self, article_id: &str) -> Option<&str> {
        self.works
            .iter()
            .find(|(_, w)| work_article_id(&w.exercise) == article_id)
            .map(|(id, _)| id.as_str())
    }

    pub fn is_student(&self) -> bool {
        self.mode == Mode::Student && self.active_work().is_some()
    }

    /// Whether the exercise under way lets the student ask for hints.
    pub fn hints_allowed(&self) -> bool {
        self.active_work()
            .is_some_and(|w| w.exercise.settings.allow_hints)
    }

    /// Whether article `article_id` keeps its text and details as they are: a student's copy
    /// of an exercise does, in every mode, since the exercise's article is the same for the
    /// whole class.
    pub fn article_is_read_only(&self, article_id: &str) -> bool {
        self.exercise_of(article_id).is_some()
    }
}

/// Student mode is on exactly when the open article is a student's copy of an exercise: opening
/// such a copy (from the library, say) goes back to work on its exercise, and opening another
/// article leaves the exercise (its work is kept for later). `classroom` is copied only when
/// this changes it, so an unchanged classroom is not saved again.
pub fn follow_open_article(classroom: &mut Rc<Classroom>, article_id: &str) {
    let (active, mode) = match classroom.exercise_of(article_id) {
        Some(id) => (Some(id.to_string()), Mode::Student),
        None if classroom.active.is_some() => (None, Mode::Reader),
        None => return,
    };
    if classroom.active != active || classroom.mode != mode {
        let c = Rc::make_mut(classroom);
        c.active = active;
        c.mode = mode;
    }
}

/// The id under which a student's copy of an exercise's article is kept: apart from the
/// teacher's own copy, so a teacher trying the exercise never mixes work into the key.
pub fn work_article_id(exercise: &Exercise) -> String {
    format!("x-{}", exercise.id)
}

/// The article a student annotates for `exercise`.
pub fn work_article(exercise: &Exercise) -> Article {
    Article {
        id: work_article_id(exercise),
        ..exercise.article.clone()
    }
}

/// The exercise and key files for `article`, with the teacher's `claims` as the key. `now`
/// names a new exercise; a draft that was exported before keeps its id.
pub fn build_exercise(
    article: &Article,
    claims: &[Claim],
    draft: &ExerciseDraft,
    now: &str,
) -> (Exercise, Key) {
    let id = draft
        .id
        .clone()
        .unwrap_or_else(|| make_exercise_id(&article.id, now));
    let exercise = Exercise::new(
        article.clone(),
        draft.instructions.clone(),
        draft.settings.clone(),
        Some(claims.len()),
        id,
    );
    let key = Key::new(exercise.clone(), claims.to_vec());
    (exercise, key)
}

/// What keeps a student's work from being handed in, in words for the student (empty when it
/// can be).
pub fn submission_problems(work: &StudentWork, claims: &[Claim]) -> Vec<String> {
    let mut problems = Vec::new();
    if work.student.trim().is_empty() {
        problems.push("Write your name first.".to_string());
    }
    if claims.is_empty() {
        problems.push("Mark at least one claim.".to_string());
    }
    let settings = &work.exercise.settings;
    for c in claims {
        // The first words of a quote are enough to name a claim in a message.
        let which = shorten(&c.quote.exact, Cut::Words(6));
        if settings.require_source && (c.source.trim().is_empty() || c.source_kind.is_none()) {
            problems.push(format!(
                "“{which}” needs its source: who says so, and what kind of source that is."
            ));
        }
        if settings.verified_needs_evidence && c.verified_without_evidence() {
            problems.push(format!(
                "“{which}” is Verified without evidence: add a link that supports it, or mark it Unverified."
            ));
        }
    }
    problems
}

/// The file a student hands in.
pub fn submission(work: &StudentWork, claims: &[Claim], now: &str) -> (String, String) {
    (
        crate::core::classroom::exercise::submission_file_name(&work.exercise.title, &work.student),
        submission_record(work, claims, now).to_json(),
    )
}

/// What a student hands in, as a file or as a submission code.
pub fn submission_record(work: &StudentWork, claims: &[Claim], now: &str) -> Submission {
    let mut sub = Submission::new(
        &work.exercise,
        work.student.trim().to_string(),
        claims.to_vec(),
        work.started.clone(),
        now.to_string(),
    );
    sub.hints_used = work.hints_used;
    sub
}

/// The paragraph (counting from 1, as printed worksheets number them) that code point `pos` of
/// `text` is in, or the last one before it.
pub fn paragraph_number(text: &str, pos: usize) -> usize {
    crate::core::text::paragraphs::paragraph_ranges(text)
        .iter()
        .take_while(|(start, _)| *start <= pos)
        .count()
        .max(1)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::classroom::exercise::Settings;
    use crate::core::classroom::exercise::KEY_FORMAT;
    use crate::core::classroom::test_exercise::draft;
    use crate::core::model::{Evidence, Status};
    use crate::core::test_claims::claim_on;

    const TEXT: &str = "The Washington Post reported, citing confidential documents, that the ruler had agreed to step down. Maduro earlier said he would never leave.";

    fn article() -> Article {
        Article {
            id: "a-1".into(),
            title: "Ruler to step down".into(),
            text: TEXT.into(),
            ..Article::default()
        }
    }

    fn claim(id: &str, quote: &str) -> Claim {
        claim_on(TEXT, id, quote)
    }

    #[test]
    fn an_exported_exercise_keeps_its_id_and_never_carries_the_key() {
        let claims = vec![claim("k1", "the ruler had agreed to step down")];
        let (ex, key) = build_exercise(&article(), &claims, &draft(Settings::default()), "t1");
        let again = ExerciseDraft {
            id: Some(ex.id.clone()),
            ..draft(Settings::default())
        };
        let (ex2, _) = build_exercise(&article(), &claims, &again, "t2");
        assert_eq!(ex.id, ex2.id);
        assert_eq!(ex.hash, ex2.hash);
        assert!(
            !ex.to_json().contains("k1"),
            "the exercise file has no key claims"
        );
        assert!(key.to_json().contains(KEY_FORMAT) && key.to_json().contains("k1"));
        assert_eq!(ex.claim_count, None, "no hint unless asked for");
        let hinted = draft(Settings {
            show_count_hint: true,
            ..Settings::default()
        });
        assert_eq!(
            build_exercise(&article(), &claims, &hinted, "t1")
                .0
                .claim_count,
            Some(1)
        );
        let w = work_article(&ex);
        assert_eq!(w.text, TEXT);
        assert_ne!(w.id, article().id);
    }

    #[test]
    fn settings_decide_what_blocks_a_submission() {
        let strict = Settings {
            require_source: true,
            verified_needs_evidence: true,
            show_count_hint: false,
            allow_hints: false,
            labels: Vec::new(),
        };
        let (ex, _) = build_exercise(&article(), &[], &draft(strict), "t");
        let mut work = StudentWork {
            exercise: ex,
            student: " ".into(),
            started: "t".into(),
            hints_used: 0,
        };
        assert_eq!(
            submission_problems(&work, &[]),
            ["Write your name first.", "Mark at least one claim."]
        );
        work.student = "Ana".into();
        let mut c = claim("c1", "Maduro earlier said he would never leave.");
        c.status = Status::Verified;
        let problems = submission_problems(&work, std::slice::from_ref(&c));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("“Maduro earlier said he would never…” needs its source"));
        assert!(problems[1].contains("Verified without evidence"));
        c.source = "Maduro".into();
        assert_eq!(
            submission_problems(&work, std::slice::from_ref(&c)).len(),
            2,
            "a name without its kind is not enough: scoring compares kinds"
        );
        c.source_kind = Some(crate::core::model::SourceKind::Person);
        c.evidence.push(Evidence {
            url: "https://x.example".into(),
            ..Evidence::default()
        });
        assert!(submission_problems(&work, std::slice::from_ref(&c)).is_empty());
        work.exercise.settings = Settings::default();
        c.source.clear();
        c.evidence.clear();
        assert!(
            submission_problems(&work, &[c]).is_empty(),
            "lenient exercise"
        );
    }

    #[test]
    fn paragraphs_are_numbered_from_one() {
        let text = "Café one.\n\nTwo 😀 here.\n\nThree.";
        assert_eq!(paragraph_number(text, 0), 1);
        assert_eq!(paragraph_number(text, 8), 1);
        assert_eq!(paragraph_number(text, 11), 2);
        assert_eq!(paragraph_number(text, 24), 3);
    }

    #[test]
    fn saved_classroom_state_round_trips_without_the_scoring_session() {
        let (ex, _) = build_exercise(&article(), &[], &draft(Settings::default()), "t");
        let mut c = Classroom {
            mode: Mode::Student,
            active: Some(ex.id.clone()),
            ..Classroom::default()
        };
        c.works.insert(
            ex.id.clone(),
            StudentWork {
                exercise: ex,
                student: "Ana".into(),
                started: "t".into(),
                hints_used: 0,
            },
        );
        c.drafts.insert("a-1".into(), draft(Settings::default()));
        c.scoring.problems.push("x".into());
        let back = Classroom::from_json(&c.to_json()).unwrap();
        assert!(back.is_student());
        assert_eq!(back.works, c.works);
        assert!(back.scoring.problems.is_empty());
        // Student mode without its work falls back to reading.
        let mut lost = c.clone();
        lost.works.clear();
        let back = Classroom::from_json(&lost.to_json()).unwrap();
        assert_eq!(back.mode, Mode::Reader);
        assert!(Classroom::from_json("{\"mode\": 5}").is_err());
    }

    #[test]
    fn student_mode_follows_the_open_article_and_its_copy_stays_read_only() {
        let (ex, _) = build_exercise(&article(), &[], &draft(Settings::default()), "t");
        let mut c = Classroom::default();
        c.works.insert(
            ex.id.clone(),
            StudentWork {
                exercise: ex.clone(),
                student: "Ana".into(),
                started: "t".into(),
                hints_used: 0,
            },
        );
        let copy = work_article(&ex).id;
        assert!(c.article_is_read_only(&copy));
        assert!(!c.article_is_read_only("a-1"), "the teacher's own article");
        let mut c = Rc::new(c);
        let unchanged = c.clone();
        follow_open_article(&mut c, "a-1");
        assert!(Rc::ptr_eq(&c, &unchanged), "nothing to leave: not copied");
        follow_open_article(&mut c, &copy);
        assert!(c.is_student());
        assert_eq!(c.active.as_deref(), Some(ex.id.as_str()));
        let working = c.clone();
        follow_open_article(&mut c, &copy);
        assert!(Rc::ptr_eq(&c, &working), "already at work: not copied");
        follow_open_article(&mut c, "a-1");
        assert_eq!((c.mode, c.active.as_deref()), (Mode::Reader, None));
        assert_eq!(c.works.len(), 1, "the work is kept for later");
    }
}
