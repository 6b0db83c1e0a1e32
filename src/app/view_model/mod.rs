//! What the view shows, computed from the state: filtered claims, the highlight layout, the
//! claim list's chunks, each paragraph's markup, and the list of claim suggestions.

pub mod claim_filter;
pub mod highlight_layout;
pub mod highlight_patch;
pub mod list_chunks;
pub mod paragraph_markup;
pub mod suggestion_list;
