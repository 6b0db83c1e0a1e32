//! Text as the rest of the core sees it: code-point offsets, paragraphs and sentences, and
//! quotes cut short.

pub mod offsets;
pub mod paragraphs;
pub mod quotes;
pub mod sizes;
