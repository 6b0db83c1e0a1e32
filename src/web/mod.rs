//! The browser edge: the only code (with the components) that touches web APIs. Each module is
//! small and tested in headless Chromium (tests/browser_edge.rs).

pub mod clipboard;
pub mod clock;
pub mod download;
pub mod exercise_link;
pub mod file_open;
pub mod frames;
pub mod html_import;
pub mod js_api;
pub mod local_storage;
pub mod location;
pub mod offline;
pub mod persistence;
pub mod store;
pub mod text_selection;
