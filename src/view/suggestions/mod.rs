//! Claim suggestions: the panel that lists them (and asks for them), and their keys.

pub(crate) mod suggestion_keys;
pub(crate) mod suggestion_panel;
