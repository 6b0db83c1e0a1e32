//! The article: reading it with its highlights, editing it, its details, and the selection toolbar.

pub(crate) mod article_editor;
pub(crate) mod article_view;
pub(crate) mod details_form;
pub(crate) mod selection_toolbar;
