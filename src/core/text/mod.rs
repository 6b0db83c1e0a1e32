//! Text as the rest of the core sees it: code-point offsets, paragraphs and sentences.

pub mod offsets;
pub mod paragraphs;
