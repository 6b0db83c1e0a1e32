//! What the view shows, computed from the state: filtered claims, the highlight layout, the
//! claim list's chunks, the markup of each paragraph and of each claim in a list, and the list of
//! claim suggestions.

pub mod claim_filter;
pub mod claim_markup;
pub mod highlight_layout;
pub mod highlight_patch;
pub mod list_chunks;
pub mod markup;
pub mod paragraph_markup;
pub mod suggestion_list;
