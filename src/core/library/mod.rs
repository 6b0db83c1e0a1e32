//! The reader's library: every article with its claims, kept in a key-value store, and merging
//! what is imported into it.

pub mod merge;
pub mod store;
