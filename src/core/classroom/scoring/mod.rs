//! Scoring students' submissions against an answer key: pure and deterministic.
//!
//! - [`matching`]: the matching rule, which student claim finds which key claim and how well;
//! - [`rubric`]: how much each component of a score counts in its total;
//! - [`score`]: one student's score against the key;
//! - [`report`]: the whole class: a row per student, how the class did on each key claim, and
//!   the passages several students marked that the key has no claim on;
//! - [`sorting`]: the order of the class table;
//! - [`grades`]: the grades as CSV.

pub mod grades;
pub mod matching;
pub mod report;
pub mod rubric;
pub mod score;
pub mod sorting;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_class;

pub use report::{score_class, score_files, ClassReport};
pub use rubric::Rubric;
pub use score::{score_claims, StudentScore};
