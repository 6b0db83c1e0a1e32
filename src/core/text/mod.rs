//! Text as the rest of the core sees it: code-point offsets, paragraphs and sentences, the
//! addresses that may become links, and quotes cut short.

pub mod links;
pub mod offsets;
pub mod paragraphs;
pub mod quotes;
pub mod sizes;
