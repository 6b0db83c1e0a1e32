//! The app's frame: header bar, banners, toasts, dialogs, the phone's bottom sheet, and how
//! menus close.

pub(crate) mod banners;
pub(crate) mod bottom_sheet;
pub(crate) mod dismiss;
pub(crate) mod header_bar;
pub(crate) mod library_dialog;
pub(crate) mod paste_dialog;
pub(crate) mod publisher_settings;
pub(crate) mod shortcuts_dialog;
pub(crate) mod student_menu;
pub(crate) mod toast;
