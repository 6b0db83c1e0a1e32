//! Classroom exercises: the exercise, key and submission (`exercise`), their files (`files`),
//! loading a key and students' work for scoring (`loading`), the classroom session's rules, an
//! exercise's label set (`labels`), and scoring a class against the key.

pub mod exercise;
pub mod feedback;
pub mod files;
pub mod labels;
pub mod loading;
pub mod progress;
pub mod review_marks;
pub mod review_results;
pub mod saved_scoring;
pub mod scoring;
pub mod scoring_session;
pub mod session;
pub mod share_codes;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_exercise;
