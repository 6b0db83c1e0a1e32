//! The evaluation of claim suggestions, shared by the quality report (tests/suggestion_quality.rs)
//! and the browser speed bench (tests/suggest_speed.rs): the labelled set and its loader, the
//! naive cue-word baseline, the scorer and the printed report. One copy of each rule, so the
//! baseline and the suggester are measured by the same ruler.
// Each test binary that includes this module uses a different part of it.
#![allow(dead_code)]

pub mod baseline;
pub mod report;
pub mod score;
pub mod set;

/// The set's articles joined, blank line between, repeated until the text holds at least
/// `min_words` words: a long but realistic article for timing.
pub fn long_article(articles: &[&str], min_words: usize) -> String {
    assert!(
        articles
            .iter()
            .any(|a| a.split_whitespace().next().is_some()),
        "no article text to build a long article from"
    );
    let mut text = String::new();
    let mut words = 0;
    while words < min_words {
        for article in articles {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(article.trim());
            words += article.split_whitespace().count();
        }
    }
    text
}
