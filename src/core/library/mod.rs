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
// Native only: the tests' and the benchmarks' storage (the bundle never holds it).
#[cfg(not(target_arch = "wasm32"))]
pub mod memory_kv;
