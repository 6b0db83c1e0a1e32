//! One sentence, two claims: "X said A, while Y said B" and "A, X said, but B, Y countered".
//! Between two attributions with different sources the sentence splits after a comma that a
//! joining word follows ("while", "but"; "and" only when nothing stronger is there), or after a
//! semicolon. Quotation marks and what they hold are never split.

use super::lexicon::{STRONG_JOIN, WEAK_JOIN};
use super::tokens::Token;

/// Where the clause of the next attribution starts, searching `lo..hi` (tokens between the end
/// of one attribution and the start of the next).
pub(super) fn split_point(toks: &[Token], lo: usize, hi: usize) -> Option<usize> {
    let mut weak = None;
    for i in lo..hi {
        let t = &toks[i];
        if t.quoted {
            continue;
        }
        if t.is_punct(';') {
            return Some(i + 1);
        }
        if !t.is_punct(',') || i + 1 >= hi.max(i + 2) {
            continue;
        }
        let next = &toks[i + 1];
        if !next.is_word() || next.quoted {
            continue;
        }
        if next.is(STRONG_JOIN) {
            return Some(i + 1);
        }
        if weak.is_none() && next.is(WEAK_JOIN) {
            weak = Some(i + 1);
        }
    }
    weak
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::super::tokens::tokenize;
    use super::*;

    fn point(text: &str) -> Option<String> {
        let lex = Lexicon::english();
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars, lex);
        split_point(&toks, 0, toks.len()).map(|i| chars[toks[i].start..].iter().collect())
    }

    #[test]
    fn a_strong_join_beats_an_earlier_and() {
        assert_eq!(
            point("prices rose, and wages fell, while rents").as_deref(),
            Some("while rents")
        );
        assert_eq!(
            point("prices rose, and wages").as_deref(),
            Some("and wages")
        );
        assert_eq!(point("prices rose; wages").as_deref(), Some("wages"));
    }

    #[test]
    fn commas_inside_a_quotation_do_not_split() {
        assert_eq!(point("\"low, but fine\" rose"), None);
    }
}
