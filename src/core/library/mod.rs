//! The reader's library: every article with its claims, kept in a key-value store under an
//! index, and merging what is imported into it.

pub mod deletions;
pub mod dismissals;
pub mod index;
pub mod key_value;
pub mod merge;
pub mod publisher;
pub mod recovery;
pub mod scoring_sessions;
pub mod store;
mod summary;
pub mod sync;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod import_tests;
// The tests' and the benchmarks' storage; nothing in the app uses it, so the bundle drops it.
pub mod memory_kv;
