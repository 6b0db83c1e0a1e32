//! Text as the rest of the core sees it: code-point offsets, paragraphs and sentences, the
//! addresses that may become links, quotes and file names cut short, and counts in words.

pub mod file_names;
pub mod links;
pub mod offsets;
pub mod paragraphs;
pub mod plural;
pub mod quotes;
pub mod sizes;
