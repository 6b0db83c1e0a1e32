//! Every change to the app state is one of these actions, in sections by concern; the reducer
//! (`reducer.rs`) sends each to the reducer of its concern. Actions carry the ids and
//! timestamps they need, so the same actions always give the same state (and tests need no
//! clock).

use std::rc::Rc;

use crate::app::details::Details;
use crate::app::notices::StorageHealth;
use crate::core::classroom::exercise::{Exercise, Settings};
use crate::core::classroom::feedback::Feedback;
use crate::core::classroom::review_marks::Decision;
use crate::core::classroom::scoring::Rubric;
use crate::core::classroom::scoring_session::ScoringSession;
use crate::core::classroom::session::Mode;
use crate::core::library::dismissals::Dismissed;
use crate::core::library::store::RemovedArticle;
use crate::core::model::{Article, Claim, Evidence, SourceKind, Status};
use crate::core::suggestions::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // The open article.
    /// Show another article, with the claims already stored for it.
    OpenArticle {
        article: Article,
        claims: Vec<Claim>,
        orphans: Vec<Claim>,
        selected: Option<String>,
    },
    Select(Option<String>),

    // Claims (`claims.rs`).
    /// Mark `start..end` (code points, trimmed of white space here) as a claim.
    AddClaim {
        id: String,
        start: usize,
        end: usize,
        at: String,
    },
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
    /// Tag a claim with one of the labels that apply to the open article (`labels.rs`), or
    /// clear its label with `None`.
    SetLabel {
        id: String,
        label: Option<String>,
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
    Delete {
        id: String,
    },
    UndoDelete,

    // The article's text (`article_edit.rs`) and details (`details.rs`).
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
    /// Change the article's details (its id stays, so its claims and links stay too).
    SetDetails(Details),

    // Undo history (`history.rs`).
    /// Go back one step in this article's changes.
    Undo,
    /// Go forward again after an undo.
    Redo,

    // Classroom (`classroom.rs`).
    /// Reader or teacher (leaving an exercise when in student mode).
    SetMode(Mode),
    /// The open article's exercise: instructions for students.
    SetInstructions(String),
    /// The open article's exercise: what students' work must have.
    SetExerciseSettings(Settings),
    /// The open article's exercise: the labels students tag claims with (`labels.rs`; checked
    /// there, a bad set is refused with a message).
    SetExerciseLabels(Vec<String>),
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
    /// share: the work under way was handed in at `at` (RFC 3339), by file or code.
    HandedIn {
        at: String,
    },

    // Reviewing one student's work, and feedback (`review.rs`).
    /// Open a loaded student's work for review, or (`None`) go back to the class table.
    ReviewStudent(Option<String>),
    DecideReview {
        student: String,
        decision: Decision,
    },
    /// A comment on claim `claim` (a key claim's id or the student's) of `student`'s review.
    SetReviewComment {
        student: String,
        claim: String,
        text: String,
    },
    SetOverallComment {
        student: String,
        text: String,
    },
    /// Put `student`'s claim `claim` into the key as key claim `id`.
    AddToKey {
        student: String,
        claim: String,
        id: String,
        at: String,
    },
    /// The kept scoring session of the exercise whose key is loaded (read from storage).
    RestoreScoring(Box<ScoringSession>),
    /// Feedback on the work on exercise `exercise`, opened by the student.
    OpenFeedback {
        exercise: String,
        feedback: Box<Feedback>,
    },
    /// Show the feedback on the article (`true`) or the work as it is.
    ShowFeedback(bool),

    // Suggestions (`suggestions.rs`).
    /// Show the claims suggested for the open article's text (in student mode: only with
    /// hints allowed, and then only the hint asked for).
    SuggestClaims,
    HideSuggestions,
    /// Make shown suggestion `span` claim `id`: Unverified, its source, kind and phrase filled.
    AcceptSuggestion {
        span: Span,
        id: String,
        at: String,
    },
    /// Accept every shown suggestion, as claims `<id_prefix>-1`, `-2`, …
    AcceptAllSuggestions {
        id_prefix: String,
        at: String,
    },
    /// Dismiss suggestion `span` on this article (kept in storage).
    DismissSuggestion(Span),
    /// The suggestion the keyboard acts on.
    SelectSuggestion(Option<Span>),
    /// The reader is changing suggestion `span`'s words (they are the selection now): the
    /// claim they then add over it takes the suggestion's source, kind and source phrase.
    AdjustSuggestion(Span),
    /// The next shown suggestion (`true`) or the one before, wrapping round.
    StepSuggestion(bool),
    /// Teacher mode: every suggestion into the answer key, as `AcceptAllSuggestions` names them.
    DraftKeyFromSuggestions {
        id_prefix: String,
        at: String,
    },
    /// Student mode, with hints allowed: show the next unclaimed suggestion, and count it.
    ShowHint,
    /// The suggestions dismissed on the article just opened, as stored.
    LoadDismissed(Vec<Dismissed>),

    // Notices (`notices.rs`).
    /// A brief message for the user; it takes the place of the one shown.
    Tell(String),
    DismissMessage,
    /// An article was taken out of the library: offer to put it back.
    ArticleRemoved(Rc<RemovedArticle>),
    DismissRemovedArticle,
    DismissUndo,
    DismissReport,
    /// Something the user must know about their stored data.
    Warn(String),
    DismissWarning(usize),
    ReportStorage(StorageHealth),
}
