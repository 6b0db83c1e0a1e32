//! The claims panel: the list, the claim editor and orphaned claims.

pub(crate) mod claim_editor;
pub(crate) mod claim_filters;
pub(crate) mod claim_list;
pub(crate) mod claim_panel;
pub(crate) mod label_picker;
pub(crate) mod orphan_list;
