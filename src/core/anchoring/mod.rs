//! Keeping a claim on its words: selectors that describe a passage, resolving them again, the
//! approximate search behind that, and re-anchoring every claim after the text changed.
//!
//! - `selectors`: describing a passage (quote and position selectors) and what resolving came to;
//! - `resolve`: finding a described passage again: exact, then approximate, else an orphan;
//! - `scoring`: how well a candidate place fits what was stored, and which are trusted;
//! - `approx_search`: Myers' bit-parallel approximate search over code points;
//! - `gram_index`: the q-gram index of a text, for exact occurrences and the search's filter;
//! - `symbol_text`: a text's code points as dense symbol ids, which the index and search share;
//! - `reanchor`: re-anchoring every claim of an article after its text changed.

pub mod approx_search;
pub mod gram_index;
pub mod reanchor;
pub mod resolve;
pub mod scoring;
pub mod selectors;
pub mod symbol_text;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod resolve_edits_tests;
