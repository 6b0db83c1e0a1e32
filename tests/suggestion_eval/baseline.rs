//! The naive baseline the issue compares against: split sentences at `.`, `!` or `?` followed
//! by whitespace, and at line breaks; suggest every sentence holding a cue word. It names no
//! source, so its kind is always "no source given".

use super::score::Predicted;
use claimcheck::core::model::SourceKind;
use claimcheck::core::suggestions::Span;

/// Whole words (or word sequences), matched without regard to case.
pub const CUES: [&str; 8] = [
    "said",
    "says",
    "according to",
    "reported",
    "told",
    "claimed",
    "show",
    "found",
];

/// Sentence spans in code points, trimmed of surrounding whitespace, empty ones left out.
pub fn sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end = if chars[i] == '\n' {
            Some(i)
        } else if matches!(chars[i], '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|c| c.is_whitespace())
        {
            Some(i + 1)
        } else {
            None
        };
        if let Some(end) = end {
            push_trimmed(&chars, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(&chars, start, chars.len(), &mut spans);
    spans
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, spans: &mut Vec<Span>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        spans.push(Span { start, end });
    }
}

/// Whether `sentence` holds one of the cues as whole words.
pub fn has_cue(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    CUES.iter().any(|cue| {
        let cue: Vec<&str> = cue.split(' ').collect();
        words.windows(cue.len()).any(|w| w == cue.as_slice())
    })
}

pub fn suggest(text: &str) -> Vec<Predicted> {
    let chars: Vec<char> = text.chars().collect();
    sentences(text)
        .into_iter()
        .filter(|s| has_cue(&chars[s.start..s.end].iter().collect::<String>()))
        .map(|claim| Predicted {
            claim,
            source: None,
            kind: SourceKind::None,
        })
        .collect()
}
