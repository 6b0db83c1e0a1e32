//! The app's state machine, pure like the core: the state, the actions that change it and the
//! reducers per concern, the notices for the user, undo history, the use cases over a
//! key-value store (`session`, `use_cases`, with the work storage did not take in `unsaved_work`),
//! and the view models the components render from.

pub mod actions;
mod article_edit;
pub mod backup;
mod claims;
mod classroom;
pub mod details;
mod hints;
pub mod history;
pub mod labels;
pub mod notices;
pub mod reducer;
pub mod review;
pub mod session;
mod shared_claims;
pub mod state;
pub mod suggestion_state;
pub mod suggestions;
mod unsaved_work;
pub mod use_cases;
pub mod view_model;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_review;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_state;
