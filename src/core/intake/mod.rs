//! Turning what a reader brings (a file, a paste, a bundled sample) into an article.

pub mod files;
pub mod markdown;
pub mod samples;
