//! Classroom exercises: the exercise, key and submission files, the classroom session's rules,
//! and scoring a class against the key.

pub mod files;
pub mod scoring;
pub mod session;
