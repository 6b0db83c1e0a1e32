//! The article: reading it with its highlights, editing it, its details, the selection toolbar,
//! and the claims list printed after it.

pub(crate) mod article_editor;
pub(crate) mod article_view;
pub(crate) mod details_form;
pub(crate) mod print_claims;
pub(crate) mod selection_toolbar;
