//! Keeping a claim on its words: selectors that describe a passage and resolve it again, the
//! approximate search behind them, and re-anchoring every claim after the text changed.

pub mod approx_search;
pub mod reanchor;
pub mod selectors;
