//! What the view shows, computed from the state: filtered claims, highlight layout, deep links.

pub mod claim_filter;
pub mod deep_link;
pub mod highlight_layout;
