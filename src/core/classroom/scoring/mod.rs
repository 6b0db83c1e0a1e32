//! Scoring students' submissions against an answer key: pure and deterministic.
//!
//! - [`matching`]: the matching rule, which student claim finds which key claim and how well;
//! - [`breadth`]: when a span is too broad to find anything (several key claims, a paragraph);
//! - [`review`]: one submission claim by claim, with the teacher's overrides;
//! - [`rubric`]: how much each component of a score counts in its total;
//! - [`score`]: one student's score against the key;
//! - [`report`]: the whole class: a row per student, how the class did on each key claim, and
//!   the passages several students marked that the key has no claim on;
//! - [`sorting`]: the order of the class table;
//! - [`grades`]: the grades as CSV.

pub mod breadth;
pub mod grades;
pub mod matching;
pub mod report;
pub mod review;
pub mod rubric;
pub mod score;
pub mod sorting;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_class;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_rules;

pub use report::{score_class, score_class_reviewed, score_files, ClassReport};
pub use review::{review, review_in, Matched, Overrides, Review, TooBroad};
pub use rubric::{Preset, Rubric};
pub use score::{score_claims, score_review, score_reviewed, StudentScore};
