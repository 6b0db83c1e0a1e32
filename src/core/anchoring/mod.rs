//! Keeping a claim on its words: selectors that describe a passage, resolving them again, the
//! approximate search behind that, and re-anchoring every claim after the text changed.
//!
//! - `selectors`: describing a passage (quote and position selectors) and what resolving came to;
//! - `resolve`: finding a described passage again: exact, then approximate, else an orphan;
//! - `approx_search`: Myers' bit-parallel approximate search over code points;
//! - `gram_index`: the q-gram index of a text, for exact occurrences and the search's filter;
//! - `symbol_text`: a text's code points as dense symbol ids, which the index and search share;
//! - `reanchor`: re-anchoring every claim of an article after its text changed.

pub mod approx_search;
pub mod gram_index;
pub mod reanchor;
pub mod resolve;
pub mod selectors;
pub mod symbol_text;
