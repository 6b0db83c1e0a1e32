//! The app's state machine, pure like the core: the state, the actions that change it, undo
//! history, and the view models the components render from.

pub mod history;
pub mod state;
pub mod view_model;
