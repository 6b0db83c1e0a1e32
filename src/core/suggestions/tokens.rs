//! One pass over the text's code points into words and marks, each knowing its line and
//! whether it stands inside a quotation. Every later rule reads these tokens, never the text.

use super::lexicon::{Abbrev, Class, Lexicon};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    OpenQuote,
    CloseQuote,
    /// Any other mark; an ellipsis is one `…`.
    Punct(char),
}

/// What a token is to the cue finder (filled sentence by sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    Cue,
    /// "reportedly": a cue, and skippable between a subject and its verb.
    Adverb,
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Code points, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Words: lower case, apostrophes straightened, an abbreviation's final stop left off.
    pub lower: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Starts with a digit.
    pub digit: bool,
    /// Two or more letters, all capitals (NATO, FBI).
    pub acronym: bool,
    /// The word is an abbreviation and its token holds the final stop.
    pub abbrev: Option<Abbrev>,
    /// Index of the text line (paragraph lines are hard boundaries).
    pub line: usize,
    pub space_before: bool,
    /// Inside a quotation (the quote marks themselves are not).
    pub quoted: bool,
    /// The lexicon's word sets holding the word, looked up once.
    pub flags: u32,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the word is in any of the lexicon's sets `flags`.
    pub fn is(&self, flags: u32) -> bool {
        self.flags & flags != 0
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// The longest lexicon phrase starting at word token `i` (not past `hi`): its class and
/// length in tokens. Phrases run over consecutive words only.
pub(super) fn phrase_at(
    lex: &Lexicon,
    toks: &[Token],
    i: usize,
    hi: usize,
) -> Option<(Class, usize)> {
    lex.phrases(&toks[i].lower).find_map(|(rest, class)| {
        let fits = rest.iter().enumerate().all(|(k, w)| {
            let j = i + 1 + k;
            j < hi && toks[j].kind == Kind::Word && toks[j].lower == *w
        });
        fits.then_some((class, rest.len() + 1))
    })
}

fn joins_word(chars: &[char], j: usize, word_start: usize) -> bool {
    let (Some(&c), Some(&next)) = (chars.get(j), chars.get(j + 1)) else {
        return false;
    };
    let prev = chars[j - 1];
    match c {
        '\'' | '’' | '-' | '‑' => prev.is_alphanumeric() && next.is_alphanumeric(),
        ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        // 1.1 and U.S, but not "end.The".
        '.' => {
            (prev.is_ascii_digit() && next.is_ascii_digit())
                || (prev.is_alphabetic()
                    && next.is_alphabetic()
                    && (j - word_start == 1 || chars[j - 2] == '.'))
        }
        _ => false,
    }
}

/// Whether a single quotation mark opens right before the word (then a final one closes it).
fn open_single(chars: &[char], start: usize) -> bool {
    start > 0 && matches!(chars[start - 1], '\'' | '‘')
}

fn is_acronym(word: &[char]) -> bool {
    let letters = word.iter().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.iter().all(|c| c.is_uppercase() || *c == '.')
}

pub(super) fn tokenize(chars: &[char], lex: &Lexicon) -> Vec<Token> {
    let mut toks = Vec::with_capacity(chars.len() / 5);
    let (mut i, mut line, mut space, mut open) = (0, 0, true, false);
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            space = true;
            open = false;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let mut abbrev = None;
        let kind = if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < n && (chars[j].is_alphanumeric() || joins_word(chars, j, start)) {
                j += 1;
            }
            // A plural possessive keeps its apostrophe ("the Nations' agency").
            let apostrophe = matches!(chars.get(j), Some('\'' | '’'));
            let ends_word = chars.get(j + 1).is_none_or(|c| c.is_whitespace());
            if apostrophe
                && ends_word
                && matches!(chars[j - 1], 's' | 'S')
                && !open_single(chars, start)
            {
                j += 1;
            }
            i = j;
            Kind::Word
        } else {
            i += 1;
            match c {
                '.' if chars.get(i) == Some(&'.') && chars.get(i + 1) == Some(&'.') => {
                    i += 2;
                    Kind::Punct('…')
                }
                '“' | '„' | '«' => Kind::OpenQuote,
                '”' | '»' => Kind::CloseQuote,
                '"' if open => Kind::CloseQuote,
                '"' => Kind::OpenQuote,
                _ => Kind::Punct(c),
            }
        };
        let mut lower = String::new();
        if kind == Kind::Word {
            lower = chars[start..i]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .map(|c| if c == '’' { '\'' } else { c })
                .collect();
            if chars.get(i) == Some(&'.') {
                let initial = i - start == 1 && c.is_uppercase();
                abbrev = lex.abbrev(&lower).or_else(|| {
                    if initial {
                        Some(Abbrev::Title)
                    } else {
                        lower.contains('.').then_some(Abbrev::MayEnd)
                    }
                });
                if abbrev.is_some() {
                    i += 1;
                }
            }
        }
        match kind {
            Kind::OpenQuote => open = true,
            Kind::CloseQuote => open = false,
            _ => {}
        }
        let flags = lex.flags(&lower);
        toks.push(Token {
            flags,
            start,
            end: i,
            kind,
            lower,
            cap: c.is_uppercase(),
            digit: c.is_numeric(),
            acronym: kind == Kind::Word && is_acronym(&chars[start..i]),
            abbrev,
            line,
            space_before: space,
            quoted: open && !matches!(kind, Kind::OpenQuote | Kind::CloseQuote),
        });
        space = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(&chars, Lexicon::english())
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect()
    }

    #[test]
    fn numbers_abbreviations_and_initials_stay_whole() {
        assert_eq!(
            words("Dr. J. R. Smith paid $3.5 million, or 1,200 U.S. dollars..."),
            [
                "Dr.", "J.", "R.", "Smith", "paid", "$", "3.5", "million", ",", "or", "1,200",
                "U.S.", "dollars", "..."
            ]
        );
    }

    #[test]
    fn quotation_marks_open_and_close_per_line() {
        let chars: Vec<char> = "\"We won,\" she said.\n\"Next".chars().collect();
        let toks = tokenize(&chars, Lexicon::english());
        let quoted: Vec<bool> = toks.iter().map(|t| t.quoted).collect();
        assert_eq!(
            quoted,
            [false, true, true, true, false, false, false, false, false, true]
        );
        assert_eq!(toks[4].kind, Kind::CloseQuote);
        assert_eq!(toks[9].line, 1);
        assert_eq!(toks[8].kind, Kind::OpenQuote);
    }
}
