//! The article: reading it with its highlights, editing it, its details, the selection toolbar,
//! the caret drawn where the keyboard is, and the claims list printed after it.

pub(crate) mod article_editor;
pub(crate) mod article_view;
pub(crate) mod caret_mark;
pub(crate) mod details_form;
pub(crate) mod print_claims;
pub(crate) mod selection_toolbar;
