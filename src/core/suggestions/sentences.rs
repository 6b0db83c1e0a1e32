//! Sentences over tokens. A line break always ends a sentence (the article's blocks and lines);
//! inside a line a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets)
//! when what follows could begin a sentence. Abbreviations, initials, decimals and dates do not
//! end one: the tokenizer keeps "Dr.", "J.", "U.S." and "1.1" whole, and the lexicon says which
//! abbreviations may still end a sentence.

use super::lexicon::{Abbrev, STARTER};
use super::tokens::{Kind, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sentence {
    /// Token indices, end exclusive.
    pub lo: usize,
    pub hi: usize,
    /// The sentence is a line without final punctuation: a headline or a label.
    pub headline: bool,
}

fn is_terminal(t: &Token) -> bool {
    matches!(t.kind, Kind::Punct('.' | '!' | '?' | '…'))
}

fn is_closer(t: &Token) -> bool {
    matches!(
        t.kind,
        Kind::CloseQuote | Kind::Punct(')' | ']' | '’' | '\'')
    )
}

/// Whether the sentence may end after token `k`, given the token that follows.
fn ends_here(t: &Token, next: &Token) -> bool {
    if !next.space_before {
        return false;
    }
    let lower_word = next.is_word() && !next.cap && !next.digit;
    let continues = lower_word || matches!(next.kind, Kind::Punct(',' | ';' | ':'));
    match t.abbrev {
        None => is_terminal(t) && !continues,
        Some(Abbrev::Title) => false,
        Some(Abbrev::BeforeNumber) if next.digit => false,
        Some(_) => next.kind == Kind::OpenQuote || (next.cap && next.is(STARTER)),
    }
}

/// The sentences of `toks`, in order, covering every token.
pub(super) fn sentences(toks: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut lo = 0;
    while lo < toks.len() {
        let line = toks[lo].line;
        let mut line_end = lo;
        while line_end < toks.len() && toks[line_end].line == line {
            line_end += 1;
        }
        let mut last = line_end - 1;
        while last > lo && is_closer(&toks[last]) {
            last -= 1;
        }
        let headline = !is_terminal(&toks[last]) && toks[last].abbrev.is_none();
        let mut start = lo;
        let mut k = lo;
        while k < line_end {
            let t = &toks[k];
            let candidate = is_terminal(t) || t.abbrev.is_some();
            k += 1;
            if !candidate {
                continue;
            }
            while k < line_end && is_closer(&toks[k]) && !toks[k].space_before {
                k += 1;
            }
            if k < line_end && ends_here(t, &toks[k]) {
                out.push(Sentence {
                    lo: start,
                    hi: k,
                    headline: false,
                });
                start = k;
            }
        }
        if start < line_end {
            out.push(Sentence {
                lo: start,
                hi: line_end,
                headline,
            });
        }
        lo = line_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::super::tokens::tokenize;
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let lex = Lexicon::english();
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars, lex);
        sentences(&toks)
            .iter()
            .map(|s| chars[toks[s.lo].start..toks[s.hi - 1].end].iter().collect())
            .collect()
    }

    #[test]
    fn titles_initials_and_company_suffixes_do_not_end_a_sentence() {
        assert_eq!(
            split("Dr. Ana Ruiz met Sen. J. R. Smith of Acme Inc. on Friday. They spoke."),
            [
                "Dr. Ana Ruiz met Sen. J. R. Smith of Acme Inc. on Friday.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_sentence_starter() {
        assert_eq!(
            split("The firm moved to the U.S. The move cost $3.5 million. Acme Inc. The end."),
            [
                "The firm moved to the U.S.",
                "The move cost $3.5 million.",
                "Acme Inc.",
                "The end."
            ]
        );
        assert_eq!(
            split("U.S. Senate staff left."),
            ["U.S. Senate staff left."]
        );
    }

    #[test]
    fn dates_and_decimals_do_not_end_a_sentence() {
        assert_eq!(
            split("On Oct. 31 sales rose 1.1 percent to 2.5 billion. Jan. was slow."),
            [
                "On Oct. 31 sales rose 1.1 percent to 2.5 billion.",
                "Jan. was slow."
            ]
        );
    }

    #[test]
    fn a_sentence_ends_after_its_closing_quote() {
        assert_eq!(
            split("\"We won.\" She left. “Why?” he asked. “Now?” Yes."),
            [
                "\"We won.\"",
                "She left.",
                "“Why?” he asked.",
                "“Now?”",
                "Yes."
            ]
        );
    }

    #[test]
    fn an_ellipsis_ends_a_sentence_only_before_a_capital() {
        assert_eq!(
            split("We waited... and waited… Then it came."),
            ["We waited... and waited…", "Then it came."]
        );
    }

    #[test]
    fn every_line_is_a_hard_boundary_and_headlines_have_no_stop() {
        let lex = Lexicon::english();
        let text = "Council delays vote, papers show\n\nThe vote was delayed\nby a day. It rained.";
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize(&chars, lex);
        let got = sentences(&toks);
        assert_eq!(got.len(), 4);
        assert!(got[0].headline && got[1].headline);
        assert!(!got[2].headline && !got[3].headline);
        assert_eq!(split(text)[1], "The vote was delayed");
    }
}
