//! Claimcheck: read a news article closely and check its sourced claims.
//!
//! Four layers, each a folder (docs/ARCHITECTURE.md is the map):
//! - `core`: the pure model and its rules (text, anchoring, intake, formats, library, classroom);
//! - `app`: the app's state machine, pure too (state, actions, reducers, use cases, view models);
//! - `web`: the thin browser edge, the only code besides the view that touches web APIs;
//! - `view`: Yew components that render what they are given and dispatch actions.
//!
//! `core` and `app` build natively, so `cargo test` exercises them without a browser.

pub mod app;
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;
