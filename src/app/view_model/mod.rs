//! What the view shows, computed from the state: filtered claims and the highlight layout.

pub mod claim_filter;
pub mod highlight_layout;
