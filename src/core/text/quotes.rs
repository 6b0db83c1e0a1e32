//! Quotes cut short, to name a claim in a list or a message.

/// Where [`shorten`] cuts a text, and what it does to the text's whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// After this many characters of the text as it is, line breaks and all.
    Chars(usize),
    /// After this many characters of the text with each run of whitespace made one space and
    /// none at either end; the space the cut may end on is dropped.
    FlatChars(usize),
    /// After this many words, joined by one space.
    Words(usize),
}

/// `text` cut at `cut`, with "…" after it when anything was cut off; the whole of it (its
/// whitespace made as `cut` says) when it fits.
pub fn shorten(text: &str, cut: Cut) -> String {
    match cut {
        Cut::Chars(max) => cut_chars(text, max, false),
        Cut::FlatChars(max) => {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            cut_chars(&flat, max, true)
        }
        Cut::Words(max) => {
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.len() <= max {
                words.join(" ")
            } else {
                format!("{}…", words[..max].join(" "))
            }
        }
    }
}

fn cut_chars(text: &str, max: usize, trim_end: bool) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_none() {
        return head;
    }
    if trim_end {
        format!("{}…", head.trim_end())
    } else {
        format!("{head}…")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn what_fits_is_kept_whole() {
        assert_eq!(shorten("the ruler", Cut::Chars(9)), "the ruler");
        assert_eq!(shorten("", Cut::Chars(3)), "");
        assert_eq!(shorten("  the\n ruler ", Cut::FlatChars(9)), "the ruler");
        assert_eq!(shorten("one two  three", Cut::Words(3)), "one two three");
        assert_eq!(shorten("", Cut::Words(3)), "");
    }

    #[test]
    fn chars_cut_the_text_as_it_is() {
        assert_eq!(shorten("the ruler had", Cut::Chars(4)), "the …");
        assert_eq!(shorten("the\nruler had", Cut::Chars(6)), "the\nru…");
        // Code points, not bytes.
        assert_eq!(shorten("SÃO PAULO", Cut::Chars(3)), "SÃO…");
        assert_eq!(shorten("😀😀😀", Cut::Chars(2)), "😀😀…");
    }

    #[test]
    fn flat_chars_count_after_the_whitespace_is_made_one_space() {
        // Nine characters once flat, so nothing is cut.
        assert_eq!(shorten("the \n\n ruler", Cut::FlatChars(9)), "the ruler");
        assert_eq!(shorten("the  ruler had", Cut::FlatChars(4)), "the…");
        assert_eq!(shorten("the ruler had", Cut::FlatChars(6)), "the ru…");
        assert_eq!(shorten("ÃÃÃÃ", Cut::FlatChars(3)), "ÃÃÃ…");
    }

    #[test]
    fn words_cut_after_the_last_whole_word() {
        assert_eq!(
            shorten("Maduro earlier said he would never leave.", Cut::Words(6)),
            "Maduro earlier said he would never…"
        );
        assert_eq!(shorten("a\nb  c", Cut::Words(2)), "a b…");
    }
}
