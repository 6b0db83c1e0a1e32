//! The app's state and the one reducer every change goes through. Pure: actions carry the ids and
//! timestamps they need, so the same actions always give the same state (and tests need no clock).

use std::rc::Rc;

use crate::app::history::{History, Snapshot};
use crate::core::anchoring::reanchor::{reanchor, Report};
use crate::core::anchoring::selectors::{describe, selectors, PreparedText, Resolution};
use crate::core::classroom::exercise::{Exercise, Settings};
use crate::core::classroom::scoring::Rubric;
use crate::core::classroom::session::{
    load_scoring_files, Classroom, Mode, ScoringSession, StudentWork,
};
use crate::core::formats::native;
use crate::core::model::{
    is_web_url, sort_in_reading_order, Article, Claim, Document, Evidence, Link, Passage,
    SourceKind, Status,
};
use crate::core::text::offsets::trim_range;
use crate::core::text::paragraphs::{join_paragraphs, paragraph_ranges, parse_paragraphs};

/// How saving to the browser's storage is going; shown to the user when it is not fine.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum StorageHealth {
    #[default]
    Fine,
    /// Saving failed; the message says why and what to do.
    Failing(String),
}

/// A deleted claim kept for the undo toast, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub claim: Claim,
    pub was_selected: bool,
    pub orphan: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub article: Rc<Article>,
    /// Always in reading order.
    pub claims: Vec<Claim>,
    /// Claims whose words are no longer in the text: kept, listed, and re-attachable.
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    /// What the last edit of the article text did to the claims.
    pub reanchored: Option<Report>,
    pub deleted: Option<Deleted>,
    pub storage: StorageHealth,
    /// Problems found in stored data at start-up (kept, never overwritten); shown until dismissed.
    pub warnings: Vec<String>,
    /// Undo and redo steps, per article, for this session.
    pub history: History,
    /// The mode, exercises being prepared or worked on, and files loaded for scoring.
    pub classroom: Rc<Classroom>,
}

/// An article's details, as the details form edits them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    pub title: String,
    pub outlet: String,
    pub byline: String,
    pub date: String,
    pub url: String,
}

impl Details {
    pub fn of(article: &Article) -> Self {
        Details {
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            byline: article.byline.clone(),
            date: article.date.clone(),
            url: article.url.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show another article, with the claims already stored for it.
    OpenArticle {
        article: Article,
        claims: Vec<Claim>,
        orphans: Vec<Claim>,
        selected: Option<String>,
    },
    /// Replace the article's text (paragraphs at blank lines); claims are re-anchored.
    EditText {
        text: String,
    },
    /// Put an orphan back on `start..end` (code points, trimmed here).
    Reattach {
        id: String,
        start: usize,
        end: usize,
        at: String,
    },
    DismissReport,
    SetSourceKind {
        id: String,
        kind: Option<SourceKind>,
        at: String,
    },
    /// Link a claim to its attribution phrase, `start..end` of the text (trimmed here).
    SetSourcePhrase {
        id: String,
        start: usize,
        end: usize,
        at: String,
    },
    ClearSourcePhrase {
        id: String,
        at: String,
    },
    /// Add to a claim's evidence trail; only http(s) addresses are taken.
    AddEvidence {
        id: String,
        evidence: Evidence,
        at: String,
    },
    RemoveEvidence {
        id: String,
        index: usize,
        at: String,
    },
    /// Go back one step in this article's changes.
    Undo,
    /// Go forward again after an undo.
    Redo,
    /// Change the article's details (its id stays, so its claims and links stay too).
    SetDetails(Details),
    /// Mark `start..end` (code points, trimmed of white space here) as a claim.
    AddClaim {
        id: String,
        start: usize,
        end: usize,
        at: String,
    },
    Select(Option<String>),
    SetStatus {
        id: String,
        status: Status,
        at: String,
    },
    SetSource {
        id: String,
        source: String,
        at: String,
    },
    SetNote {
        id: String,
        note: String,
        at: String,
    },
    Delete {
        id: String,
    },
    UndoDelete,
    DismissUndo,
    ReportStorage(StorageHealth),
    /// Something the user must know about their stored data.
    Warn(String),
    DismissWarning(usize),
    /// Reader or teacher (leaving an exercise when in student mode).
    SetMode(Mode),
    /// The open article's exercise: instructions for students.
    SetInstructions(String),
    /// The open article's exercise: what students' work must have.
    SetExerciseSettings(Settings),
    /// The open article's exercise was exported under `id` with `hash`; later exports keep
    /// the id.
    ExerciseExported {
        id: String,
        hash: String,
    },
    SetRubric(Rubric),
    /// Files a teacher loaded for scoring: names and texts (sorted out in `classroom`), and
    /// why the ones that could not be read were not.
    LoadScoringFiles {
        files: Vec<(String, String)>,
        unreadable: Vec<String>,
    },
    ClearScoring,
    /// Work on `exercise` as a student (its article is already open); resumes earlier work.
    StartExercise {
        exercise: Box<Exercise>,
        at: String,
    },
    SetStudentName(String),
}

impl AppState {
    pub fn new(
        article: Article,
        claims: Vec<Claim>,
        orphans: Vec<Claim>,
        selected: Option<String>,
    ) -> Self {
        let mut state = AppState {
            article: Rc::new(article),
            claims,
            orphans,
            selected: None,
            reanchored: None,
            deleted: None,
            storage: StorageHealth::Fine,
            warnings: Vec::new(),
            history: History::default(),
            classroom: Rc::default(),
        };
        sort_in_reading_order(&mut state.claims);
        state.selected = selected.filter(|id| state.claim(id).is_some());
        state
    }

    /// A claim, anchored or orphaned.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().chain(&self.orphans).find(|c| c.id == id)
    }

    pub fn is_orphan(&self, id: &str) -> bool {
        self.orphans.iter().any(|c| c.id == id)
    }

    /// The article and its claims in the export format.
    pub fn export_json(&self) -> String {
        native::to_json(&self.article, &self.claims, &self.orphans)
    }

    /// A copy of the article and its claims as one document (for exports).
    pub fn document(&self) -> Document {
        Document::new(
            (*self.article).clone(),
            self.claims.clone(),
            self.orphans.clone(),
        )
    }

    pub fn selected_claim(&self) -> Option<&Claim> {
        self.selected.as_deref().and_then(|id| self.claim(id))
    }

    /// Whether the article or its claims differ: only such changes need saving.
    pub fn data_differs(&self, other: &AppState) -> bool {
        !Rc::ptr_eq(&self.article, &other.article)
            || self.claims != other.claims
            || self.orphans != other.orphans
            || self.selected != other.selected
            || !Rc::ptr_eq(&self.classroom, &other.classroom)
    }

    fn edit(&mut self, id: &str, at: String, change: impl FnOnce(&mut Claim) -> bool) {
        if let Some(claim) = self
            .claims
            .iter_mut()
            .chain(self.orphans.iter_mut())
            .find(|c| c.id == id)
        {
            if change(claim) {
                claim.modified = at;
            }
        }
    }
}

impl AppState {
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            article: self.article.clone(),
            claims: self.claims.clone(),
            orphans: self.orphans.clone(),
            selected: self.selected.clone(),
        }
    }

    fn restore(&mut self, snapshot: &Snapshot) {
        self.article = snapshot.article.clone();
        self.claims = snapshot.claims.clone();
        self.orphans = snapshot.orphans.clone();
        self.selected = snapshot.selected.clone();
        self.deleted = None;
        self.reanchored = None;
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo(&self.article.id)
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo(&self.article.id)
    }
}

/// Whether an action changes the article's data (so it can be undone), and the field it types
/// into when keystrokes should merge into one step.
fn undoable(action: &Action) -> Option<Option<String>> {
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
        | Action::AddEvidence { .. }
        | Action::RemoveEvidence { .. } => Some(None),
        Action::SetSource { id, .. } => Some(Some(format!("source {id}"))),
        Action::SetNote { id, .. } => Some(Some(format!("note {id}"))),
        _ => None,
    }
}

/// The reducer: the state after `action`. Changes to the article's data are recorded so they
/// can be undone.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let id = state.article.id.clone();
    match action {
        Action::Undo | Action::Redo => {
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
            next
        }
        _ => {
            let typing = undoable(&action);
            let mut next = apply(state, action);
            match typing {
                Some(typing) if next.data_differs(state) => {
                    next.history.record(&id, state.snapshot(), typing)
                }
                Some(_) => {}
                None => next.history.break_typing(&next.article.id.clone()),
            }
            next
        }
    }
}

fn apply(state: &AppState, action: Action) -> AppState {
    let mut next = state.clone();
    match action {
        Action::OpenArticle {
            article,
            claims,
            orphans,
            selected,
        } => {
            let mut opened = AppState::new(article, claims, orphans, selected);
            opened.storage = next.storage;
            opened.warnings = next.warnings;
            opened.history = next.history;
            opened.classroom = next.classroom;
            let exercise = opened
                .classroom
                .exercise_of(&opened.article.id)
                .map(str::to_string);
            let c = &opened.classroom;
            if let Some(id) = exercise {
                // A student's copy of an exercise (from the library, say): back to work on it.
                if c.active.as_deref() != Some(id.as_str()) || c.mode != Mode::Student {
                    let c = Rc::make_mut(&mut opened.classroom);
                    c.active = Some(id);
                    c.mode = Mode::Student;
                }
            } else if c.active.is_some() {
                // Another article: the exercise is left (its work is kept for later).
                let c = Rc::make_mut(&mut opened.classroom);
                c.active = None;
                c.mode = Mode::Reader;
            }
            return opened;
        }
        Action::AddClaim { id, start, end, at } => {
            let text = &next.article.text;
            let Some((start, end)) = trim_range(text, start, end) else {
                return next;
            };
            if let Some(same) = next
                .claims
                .iter()
                .find(|c| c.position.start == start && c.position.end == end)
            {
                // The same words marked again: show the claim that is there.
                next.selected = Some(same.id.clone());
                return next;
            }
            let Some((quote, position)) = describe(text, start, end) else {
                return next;
            };
            next.claims
                .push(Claim::unverified(id.clone(), quote, position, &at, &at));
            sort_in_reading_order(&mut next.claims);
            next.selected = Some(id);
            next.deleted = None;
        }
        // An exercise's article is the same for the whole class.
        Action::EditText { .. } | Action::SetDetails(_)
            if next.classroom.exercise_of(&next.article.id).is_some() => {}
        Action::EditText { text } => {
            let paragraphs = parse_paragraphs(&text);
            if paragraphs.is_empty() {
                return next;
            }
            let text = join_paragraphs(&paragraphs);
            if text == next.article.text {
                return next;
            }
            let anchored = reanchor(
                &text,
                std::mem::take(&mut next.claims),
                std::mem::take(&mut next.orphans),
            );
            let mut article = (*next.article).clone();
            // Block kinds survive an edit that keeps the number of blocks; links stay where their
            // words still are, word for word.
            if paragraph_ranges(&text).len() != paragraph_ranges(&article.text).len() {
                article.blocks.clear();
            }
            let prepared = PreparedText::new(&text);
            article.links = std::mem::take(&mut article.links)
                .into_iter()
                .filter_map(|link| {
                    let sel = selectors(&article.text, link.start, link.end)?;
                    match prepared.resolve(&sel) {
                        Resolution::Exact { start, end } => Some(Link { start, end, ..link }),
                        _ => None,
                    }
                })
                .collect();
            article.text = text;
            next.article = Rc::new(article);
            next.claims = anchored.claims;
            next.orphans = anchored.orphans;
            next.reanchored = Some(anchored.report);
        }
        Action::Reattach { id, start, end, at } => {
            let Some(i) = next.orphans.iter().position(|c| c.id == id) else {
                return next;
            };
            let Some((start, end)) = trim_range(&next.article.text, start, end) else {
                return next;
            };
            let Some((quote, position)) = describe(&next.article.text, start, end) else {
                return next;
            };
            let mut claim = next.orphans.remove(i);
            claim.quote = quote;
            claim.position = position;
            claim.modified = at;
            next.claims.push(claim);
            sort_in_reading_order(&mut next.claims);
            next.selected = Some(id);
        }
        Action::DismissReport => next.reanchored = None,
        Action::Undo | Action::Redo => unreachable!("handled by reduce"),
        Action::SetSourceKind { id, kind, at } => next.edit(&id, at, |c| {
            let changed = c.source_kind != kind;
            c.source_kind = kind;
            changed
        }),
        Action::SetSourcePhrase { id, start, end, at } => {
            let phrase = trim_range(&next.article.text, start, end)
                .and_then(|(s, e)| describe(&next.article.text, s, e))
                .map(|(quote, position)| Passage { quote, position });
            if let Some(phrase) = phrase {
                next.edit(&id, at, |c| {
                    let changed = c.source_phrase.as_ref() != Some(&phrase);
                    c.source_phrase = Some(phrase);
                    changed
                });
            }
        }
        Action::ClearSourcePhrase { id, at } => {
            next.edit(&id, at, |c| c.source_phrase.take().is_some())
        }
        Action::AddEvidence { id, evidence, at } => {
            if is_web_url(&evidence.url) {
                let evidence = Evidence {
                    url: evidence.url.trim().to_string(),
                    title: evidence.title.trim().to_string(),
                    shows: evidence.shows.trim().to_string(),
                    stance: evidence.stance,
                };
                next.edit(&id, at, |c| {
                    c.evidence.push(evidence);
                    true
                });
            }
        }
        Action::RemoveEvidence { id, index, at } => next.edit(&id, at, |c| {
            let present = index < c.evidence.len();
            if present {
                c.evidence.remove(index);
            }
            present
        }),
        Action::SetDetails(details) => {
            let mut article = (*next.article).clone();
            let title = details
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            article.title = if title.is_empty() {
                article.title
            } else {
                title
            };
            article.outlet = details.outlet.trim().to_string();
            article.byline = details.byline.trim().to_string();
            article.date = details.date.trim().to_string();
            article.url = details.url.trim().to_string();
            if article != *next.article {
                next.article = Rc::new(article);
            }
        }
        Action::Select(id) => {
            next.selected = id.filter(|id| state.claim(id).is_some());
        }
        Action::SetStatus { id, status, at } => next.edit(&id, at, |c| {
            let changed = c.status != status;
            c.status = status;
            changed
        }),
        Action::SetSource { id, source, at } => next.edit(&id, at, |c| {
            let changed = c.source != source;
            c.source = source;
            changed
        }),
        Action::SetNote { id, note, at } => next.edit(&id, at, |c| {
            let changed = c.note != note;
            c.note = note;
            changed
        }),
        Action::Delete { id } => {
            let removed = match next.claims.iter().position(|c| c.id == id) {
                Some(i) => Some((next.claims.remove(i), false)),
                None => next
                    .orphans
                    .iter()
                    .position(|c| c.id == id)
                    .map(|i| (next.orphans.remove(i), true)),
            };
            if let Some((claim, orphan)) = removed {
                let was_selected = next.selected.as_deref() == Some(id.as_str());
                if was_selected {
                    next.selected = None;
                }
                next.deleted = Some(Deleted {
                    claim,
                    was_selected,
                    orphan,
                });
            }
        }
        Action::UndoDelete => {
            if let Some(Deleted {
                claim,
                was_selected,
                orphan,
            }) = next.deleted.take()
            {
                if was_selected {
                    next.selected = Some(claim.id.clone());
                }
                if orphan {
                    next.orphans.push(claim);
                } else {
                    next.claims.push(claim);
                    sort_in_reading_order(&mut next.claims);
                }
            }
        }
        Action::DismissUndo => next.deleted = None,
        Action::ReportStorage(health) => next.storage = health,
        Action::Warn(message) => {
            if !next.warnings.contains(&message) {
                next.warnings.push(message);
            }
        }
        Action::DismissWarning(i) => {
            if i < next.warnings.len() {
                next.warnings.remove(i);
            }
        }
        Action::SetMode(mode) => {
            let c = Rc::make_mut(&mut next.classroom);
            if mode != Mode::Student {
                c.active = None;
                c.mode = mode;
            } else if c.active_work().is_some() {
                c.mode = mode;
            }
        }
        Action::SetInstructions(text) => {
            let id = next.article.id.clone();
            let c = Rc::make_mut(&mut next.classroom);
            c.drafts.entry(id).or_default().instructions = text;
        }
        Action::SetExerciseSettings(settings) => {
            let id = next.article.id.clone();
            let c = Rc::make_mut(&mut next.classroom);
            c.drafts.entry(id).or_default().settings = settings;
        }
        Action::ExerciseExported { id, hash } => {
            let article = next.article.id.clone();
            let c = Rc::make_mut(&mut next.classroom);
            let draft = c.drafts.entry(article).or_default();
            draft.id = Some(id);
            draft.hash = Some(hash);
        }
        Action::SetRubric(rubric) => Rc::make_mut(&mut next.classroom).rubric = rubric,
        Action::LoadScoringFiles { files, unreadable } => {
            let scoring = &mut Rc::make_mut(&mut next.classroom).scoring;
            scoring.problems.extend(unreadable);
            load_scoring_files(scoring, &files)
        }
        Action::ClearScoring => {
            Rc::make_mut(&mut next.classroom).scoring = ScoringSession::default()
        }
        Action::StartExercise { exercise, at } => {
            let c = Rc::make_mut(&mut next.classroom);
            let id = exercise.id.clone();
            match c.works.get_mut(&id) {
                // The same exercise again: resume, with the file's version of it.
                Some(work) => work.exercise = *exercise,
                None => {
                    c.works.insert(
                        id.clone(),
                        StudentWork {
                            exercise: *exercise,
                            student: String::new(),
                            started: at,
                        },
                    );
                }
            }
            c.active = Some(id);
            c.mode = Mode::Student;
        }
        Action::SetStudentName(name) => {
            let c = Rc::make_mut(&mut next.classroom);
            if let Some(id) = c.active.clone() {
                if let Some(work) = c.works.get_mut(&id) {
                    work.student = name;
                }
            }
        }
    }
    next
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::model::Stance;
    use crate::core::text::offsets::slice;

    const TEXT: &str =
        "The Post reported, citing documents, that the port paid twice.\n\nReyl denied it.";

    fn state() -> AppState {
        AppState::new(
            Article {
                id: "a".into(),
                title: "T".into(),
                outlet: String::new(),
                byline: String::new(),
                date: String::new(),
                text: TEXT.into(),
                ..Article::default()
            },
            vec![],
            vec![],
            None,
        )
    }

    fn add(s: &AppState, id: &str, start: usize, end: usize) -> AppState {
        reduce(
            s,
            Action::AddClaim {
                id: id.into(),
                start,
                end,
                at: format!("t-{id}"),
            },
        )
    }

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
            &teacher.claims,
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
            }),
        );
        assert_eq!(s.classroom.rubric.found, 1.0);
        let s = reduce(&s, Action::ClearScoring);
        assert!(s.classroom.scoring.problems.is_empty());
        assert_eq!(s.classroom.rubric.found, 1.0, "the rubric stays");
    }

    #[test]
    fn adding_trims_describes_selects_and_keeps_reading_order() {
        let s = add(&state(), "late", 64, 79);
        let s = add(&s, "early", 3, 19);
        assert_eq!(s.claims.len(), 2);
        let early = &s.claims[0];
        assert_eq!(early.id, "early");
        assert_eq!(early.quote.exact, "Post reported,");
        assert_eq!(
            slice(TEXT, early.position.start, early.position.end),
            Some("Post reported,")
        );
        assert_eq!(early.status, Status::Unverified);
        assert_eq!(early.created, "t-early");
        assert_eq!(s.selected.as_deref(), Some("early"));
        assert_eq!(s.claims[1].quote.exact, "Reyl denied it.");
    }

    #[test]
    fn blank_duplicate_and_out_of_range_selections_add_nothing() {
        let s = add(&state(), "a", 62, 64);
        assert!(s.claims.is_empty());
        let s = add(&state(), "a", 70, 500);
        assert!(s.claims.is_empty());
        let s = add(&state(), "a", 4, 8);
        let s = reduce(&s, Action::Select(None));
        let again = add(&s, "b", 3, 9);
        assert_eq!(again.claims.len(), 1);
        assert_eq!(again.selected.as_deref(), Some("a"));
    }

    #[test]
    fn edits_touch_modified_only_when_something_changes() {
        let s = add(&state(), "c", 0, 17);
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: "t2".into(),
            },
        );
        assert_eq!(s.claims[0].status, Status::Verified);
        assert_eq!(s.claims[0].modified, "t2");
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: "t3".into(),
            },
        );
        assert_eq!(s.claims[0].modified, "t2");
        let s = reduce(
            &s,
            Action::SetSource {
                id: "c".into(),
                source: "The Post".into(),
                at: "t4".into(),
            },
        );
        let s = reduce(
            &s,
            Action::SetNote {
                id: "c".into(),
                note: "Checked the archive.".into(),
                at: "t5".into(),
            },
        );
        assert_eq!(s.claims[0].source, "The Post");
        assert_eq!(s.claims[0].note, "Checked the archive.");
        assert_eq!(s.claims[0].modified, "t5");
    }

    #[test]
    fn delete_can_be_undone_exactly() {
        let s = add(&state(), "a", 0, 17);
        let s = add(&s, "b", 64, 79);
        let before = s.clone();
        let s = reduce(&s, Action::Delete { id: "b".into() });
        assert_eq!(s.claims.len(), 1);
        assert_eq!(s.selected, None);
        let s = reduce(&s, Action::UndoDelete);
        assert_eq!(s.claims, before.claims);
        assert_eq!(s.selected, before.selected);
        assert_eq!(s.deleted, None);
        let s = reduce(&s, Action::Delete { id: "a".into() });
        let s = reduce(&s, Action::DismissUndo);
        assert_eq!(reduce(&s, Action::UndoDelete).claims.len(), 1);
    }

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
                claims: other.claims.clone(),
                orphans: vec![],
                selected: Some("x".into()),
            },
        );
        assert_eq!(opened.storage, StorageHealth::Failing("full".into()));
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
    fn editing_the_text_re_anchors_and_orphans_can_be_reattached() {
        let s = add(&state(), "post", 4, 17); // "Post reported"
        let s = add(&s, "denial", 64, 79); // "Reyl denied it."
        let s = reduce(
            &s,
            Action::EditText {
                text: "The Times reported, citing documents, that the port paid twice.\n\n\nReyl denied it on Monday.".into(),
            },
        );
        assert_eq!(s.article.text, "The Times reported, citing documents, that the port paid twice.\n\nReyl denied it on Monday.");
        let report = s.reanchored.unwrap();
        assert_eq!((report.unchanged, report.moved, report.orphaned), (0, 1, 1));
        assert_eq!(s.orphans[0].id, "post");
        assert_eq!(s.claims[0].quote.exact, "Reyl denied it");
        // Re-attach the orphan to "Times reported".
        let s = reduce(
            &s,
            Action::Reattach {
                id: "post".into(),
                start: 4,
                end: 18,
                at: "t9".into(),
            },
        );
        assert!(s.orphans.is_empty());
        assert_eq!(s.claims[0].quote.exact, "Times reported");
        assert_eq!(s.claims[0].modified, "t9");
        assert_eq!(s.selected.as_deref(), Some("post"));
        // Deleting an orphan and undoing puts it back among the orphans.
        let s = reduce(
            &s,
            Action::EditText {
                text: "Nothing left.".into(),
            },
        );
        assert_eq!(s.orphans.len(), 2);
        let s = reduce(&s, Action::Delete { id: "post".into() });
        assert_eq!(s.orphans.len(), 1);
        let s = reduce(&s, Action::UndoDelete);
        assert_eq!(s.orphans.len(), 2);
        // Blank text is refused.
        assert_eq!(
            reduce(
                &s,
                Action::EditText {
                    text: " \n ".into()
                }
            ),
            s
        );
    }

    #[test]
    fn details_change_but_the_id_and_links_stay() {
        let mut s = add(&state(), "c", 4, 17);
        let mut article = (*s.article).clone();
        article.links = vec![Link {
            start: 4,
            end: 8,
            href: "https://post.example/".into(),
        }];
        article.blocks = vec![
            crate::core::model::BlockKind::Quote,
            crate::core::model::BlockKind::Paragraph,
        ];
        s.article = Rc::new(article);
        let s = reduce(
            &s,
            Action::SetDetails(Details {
                title: "  New   title ".into(),
                outlet: " The Post ".into(),
                byline: "By A. Writer".into(),
                date: "2026-11-02".into(),
                url: "https://post.example/story".into(),
            }),
        );
        assert_eq!(s.article.id, "a");
        assert_eq!(s.article.title, "New title");
        assert_eq!(s.article.outlet, "The Post");
        assert_eq!(Details::of(&s.article).url, "https://post.example/story");
        // A blank title keeps the old one.
        let kept = reduce(
            &s,
            Action::SetDetails(Details {
                title: " ".into(),
                ..Details::of(&s.article)
            }),
        );
        assert_eq!(kept.article.title, "New title");
        // An edit that keeps the blocks keeps their kinds and the link on its words.
        let edited = reduce(
            &s,
            Action::EditText {
                text: format!("Breaking. {}", s.article.text),
            },
        );
        assert_eq!(edited.article.blocks.len(), 2);
        assert_eq!(edited.article.links[0].start, 14);
        let merged = reduce(
            &s,
            Action::EditText {
                text: "The Times reported nothing.".into(),
            },
        );
        assert!(merged.article.blocks.is_empty() && merged.article.links.is_empty());
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
                claims: s.claims.clone(),
                orphans: vec![],
                selected: None,
            },
        );
        assert!(back.can_undo());
        assert!(reduce(&back, Action::Undo).claims.is_empty());
    }

    #[test]
    fn sources_and_evidence_are_recorded_and_checked() {
        let s = add(&state(), "c", 37, 62); // "that the port paid twice."
        let at = || "t".to_string();
        let s = reduce(
            &s,
            Action::SetSourceKind {
                id: "c".into(),
                kind: Some(SourceKind::Publication),
                at: at(),
            },
        );
        let s = reduce(
            &s,
            Action::SetSourcePhrase {
                id: "c".into(),
                start: 3,
                end: 36,
                at: at(),
            },
        );
        let c = s.claim("c").unwrap();
        assert_eq!(c.source_kind, Some(SourceKind::Publication));
        assert_eq!(
            c.source_phrase.as_ref().unwrap().quote.exact,
            "Post reported, citing documents,"
        );
        let evidence = |url: &str| Evidence {
            url: url.into(),
            title: " Archive ".into(),
            shows: "the invoices".into(),
            stance: Stance::Supports,
        };
        let s = reduce(
            &s,
            Action::AddEvidence {
                id: "c".into(),
                evidence: evidence("javascript:alert(1)"),
                at: at(),
            },
        );
        let s = reduce(
            &s,
            Action::AddEvidence {
                id: "c".into(),
                evidence: evidence("ftp://x.example/a"),
                at: at(),
            },
        );
        assert!(
            s.claim("c").unwrap().evidence.is_empty(),
            "only http(s) evidence is taken"
        );
        let s = reduce(
            &s,
            Action::SetStatus {
                id: "c".into(),
                status: Status::Verified,
                at: at(),
            },
        );
        assert!(s.claim("c").unwrap().verified_without_evidence());
        let s = reduce(
            &s,
            Action::AddEvidence {
                id: "c".into(),
                evidence: evidence(" https://archive.example/doc "),
                at: at(),
            },
        );
        let c = s.claim("c").unwrap();
        assert_eq!(c.evidence[0].url, "https://archive.example/doc");
        assert_eq!(c.evidence[0].title, "Archive");
        assert!(!c.verified_without_evidence());
        let s = reduce(
            &s,
            Action::RemoveEvidence {
                id: "c".into(),
                index: 0,
                at: at(),
            },
        );
        let s = reduce(
            &s,
            Action::ClearSourcePhrase {
                id: "c".into(),
                at: at(),
            },
        );
        let c = s.claim("c").unwrap();
        assert!(c.evidence.is_empty() && c.source_phrase.is_none());
        // Each of those is one undo step.
        let back = reduce(&reduce(&s, Action::Undo), Action::Undo);
        assert_eq!(back.claim("c").unwrap().evidence.len(), 1);
    }

    #[test]
    fn only_data_changes_need_saving() {
        let s = state();
        let shown = reduce(&s, Action::ReportStorage(StorageHealth::Fine));
        assert!(!shown.data_differs(&s));
        assert!(add(&s, "a", 0, 8).data_differs(&s));
    }
}
