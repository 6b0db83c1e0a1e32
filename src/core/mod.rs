//! The pure core: the model and every rule about it. No browser crate, and nothing of `app`,
//! `web` or `view`, is named here (tests/layers.rs holds it to that).

pub mod anchoring;
pub mod classroom;
pub mod formats;
pub mod intake;
pub mod library;
pub mod model;
pub mod ordering;
pub mod suggestions;
pub mod text;

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod test_claims;
