//! Claimcheck: read a news article closely and check its sourced claims.
//!
//! A pure core (everything at the top level here), a thin browser edge (`browser`) and a Yew view
//! (`components`). Only the core builds natively, so `cargo test` exercises it without a browser.

pub mod anchor;
pub mod approx_search;
pub mod article_import;
pub mod article_text;
pub mod claim_filter;
pub mod classroom;
pub mod deep_link;
pub mod exercise_files;
pub mod export_formats;
pub mod export_json;
pub mod highlight_layout;
pub mod import_formats;
pub mod import_merge;
pub mod model;
pub mod offsets;
pub mod persistence;
pub mod reanchor;
pub mod samples;
pub mod scoring;
pub mod state;
pub mod undo_history;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_claims;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
