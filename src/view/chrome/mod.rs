//! The app's frame: header bar, banners, toasts and dialogs.

pub(crate) mod banners;
pub(crate) mod header_bar;
pub(crate) mod library_dialog;
pub(crate) mod paste_dialog;
pub(crate) mod publisher_settings;
pub(crate) mod shortcuts_dialog;
pub(crate) mod toast;
