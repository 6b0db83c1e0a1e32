//! Turning what a user pastes into an article, and the paragraph structure of article text.

use crate::core::model::Article;
use crate::core::text::offsets::char_len;
use crate::core::text::sizes::refusal;

/// Pasted text larger than this is refused: it would not fit in the browser's storage anyway.
pub const MAX_PASTE_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteError {
    Empty,
    NoBody,
    TooLarge { bytes: usize },
}

impl std::fmt::Display for PasteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PasteError::Empty => write!(f, "There is no text to use. Paste an article first."),
            PasteError::NoBody => write!(
                f,
                "Only a title was found. Put the title on the first line and the article's paragraphs below it."
            ),
            PasteError::TooLarge { bytes } => f.write_str(&refusal(
                "This text",
                *bytes,
                MAX_PASTE_BYTES,
                "takes articles",
            )),
        }
    }
}

/// Cleans one line: control characters dropped, runs of spaces and tabs collapsed.
fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c == ' ' || c == '\t' {
            pending_space = !out.is_empty();
        } else if c.is_control() || c == '\u{feff}' {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Splits body text into paragraphs at blank lines. Lines inside a paragraph are joined with a
/// space, since wire copy and e-mail are often hard-wrapped.
pub fn parse_paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for raw in body.split('\n') {
        let line = clean_line(raw.trim_end_matches('\r'));
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

/// Splits pasted text into the title (its first non-blank line) and paragraphs (separated by
/// blank lines).
pub fn parse_pasted(input: &str) -> Result<(String, Vec<String>), PasteError> {
    if input.len() > MAX_PASTE_BYTES {
        return Err(PasteError::TooLarge { bytes: input.len() });
    }
    let mut lines = input.split_inclusive('\n');
    let title = lines
        .by_ref()
        .map(|l| clean_line(l.trim_end_matches(['\r', '\n'])))
        .find(|l| !l.is_empty())
        .ok_or(PasteError::Empty)?;
    let paragraphs = parse_paragraphs(&lines.collect::<String>());
    if paragraphs.is_empty() {
        return Err(PasteError::NoBody);
    }
    Ok((title, paragraphs))
}

/// The body text of an article made of these paragraphs.
pub fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> String {
    paragraphs
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(PARAGRAPH_BREAK)
}

pub const PARAGRAPH_BREAK: &str = "\n\n";

/// Code-point ranges of the paragraphs of article text.
pub fn paragraph_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut pos = 0;
    for para in text.split(PARAGRAPH_BREAK) {
        let len = char_len(para);
        if len > 0 {
            ranges.push((pos, pos + len));
        }
        pos += len + 2;
    }
    ranges
}

/// The word around code point `offset` (letters, digits and the joiners inside words), if the
/// offset is on one.
pub fn word_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '\u{200d}');
    if offset >= chars.len() || !in_word(chars[offset]) {
        return None;
    }
    let mut start = offset;
    while start > 0 && in_word(chars[start - 1]) {
        start -= 1;
    }
    let mut end = offset;
    while end < chars.len() && in_word(chars[end]) {
        end += 1;
    }
    Some((start, end))
}

/// The sentence around code point `offset`: from after the previous sentence's end (or the
/// paragraph's start) to its own end mark, trimmed. Used by the "select sentence" key.
pub fn sentence_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut offset = offset.min(chars.len().saturating_sub(1));
    let is_end = |i: usize| {
        matches!(chars[i], '.' | '!' | '?' | '。' | '！' | '？')
            && chars
                .get(i + 1)
                .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '”' | '’' | ')'))
    };
    let is_break = |i: usize| chars[i] == '\n' && chars.get(i + 1) == Some(&'\n');
    // A caret just after a sentence (where moving forward by sentence leaves it) means that
    // sentence, not the next one.
    if offset > 0 && chars[offset].is_whitespace() && (is_end(offset - 1) || chars[offset] == '\n')
    {
        offset -= 1;
    }
    // Back to just after the previous sentence end or paragraph break.
    let mut start = offset;
    while start > 0 && !(is_end(start - 1) || is_break(start - 1) || chars[start - 1] == '\n') {
        start -= 1;
    }
    // Forward to the end mark (and a closing quote after it), or the paragraph's end.
    let mut end = offset;
    while end < chars.len() && chars[end] != '\n' {
        if is_end(end) {
            end += 1;
            while end < chars.len() && matches!(chars[end], '"' | '”' | '’' | ')') {
                end += 1;
            }
            break;
        }
        end += 1;
    }
    crate::core::text::offsets::trim_range(text, start, end)
}

/// A stable id for new article content, so pasting the same article again finds its claims.
pub fn article_id(title: &str, text: &str) -> String {
    // FNV-1a: tiny, stable across builds and platforms, and good enough to tell articles apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in title.bytes().chain([0u8]).chain(text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("a-{hash:016x}")
}

/// Builds an article from a title and body paragraphs.
pub fn new_article(title: &str, paragraphs: &[String]) -> Article {
    let text = join_paragraphs(paragraphs);
    Article {
        id: article_id(title, &text),
        title: title.to_string(),
        outlet: String::new(),
        byline: String::new(),
        date: String::new(),
        text,
        ..Article::default()
    }
}

/// Makes an article from pasted text (first line = title, blank lines = paragraph breaks).
pub fn article_from_paste(input: &str) -> Result<Article, PasteError> {
    let (title, paragraphs) = parse_pasted(input)?;
    Ok(new_article(&title, &paragraphs))
}

/// Makes an article from a separate title and body (the JavaScript API's `loadArticle`).
pub fn article_from_parts(title: &str, body: &str) -> Result<Article, PasteError> {
    if title.len() + body.len() > MAX_PASTE_BYTES {
        return Err(PasteError::TooLarge {
            bytes: title.len() + body.len(),
        });
    }
    let paragraphs = parse_paragraphs(body);
    if paragraphs.is_empty() {
        return Err(PasteError::NoBody);
    }
    let title = clean_line(&title.replace(['\r', '\n'], " "));
    let title = if title.is_empty() {
        "Untitled article".to_string()
    } else {
        title
    };
    Ok(new_article(&title, &paragraphs))
}

/// A file-name-safe slug of a title: lower case, words joined by '-', at most 60 characters.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    // A long title is cut where a word ends, never inside one ("…-for-firm", not "…-firm-tie").
    let out = crate::core::text::file_names::head_at_word_end(out.trim_end_matches('-'), 60);
    if out.is_empty() {
        "article".to_string()
    } else {
        out.to_string()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn first_line_is_the_title_and_blank_lines_break_paragraphs() {
        let input = "\r\n  Ministry denies report \r\nFirst line of\r\nparagraph one.\r\n\r\n \t\r\nSecond\tparagraph.\n";
        let (title, paras) = parse_pasted(input).unwrap();
        assert_eq!(title, "Ministry denies report");
        assert_eq!(
            paras,
            vec!["First line of paragraph one.", "Second paragraph."]
        );
    }

    #[test]
    fn bad_pastes_say_what_is_wrong() {
        assert_eq!(parse_pasted("  \n\n"), Err(PasteError::Empty));
        assert_eq!(parse_pasted("Just a title\n\n"), Err(PasteError::NoBody));
        let big = "x".repeat(MAX_PASTE_BYTES + 1);
        assert!(matches!(
            parse_pasted(&big),
            Err(PasteError::TooLarge { .. })
        ));
        assert!(PasteError::NoBody.to_string().contains("first line"));
    }

    #[test]
    fn title_and_body_can_come_separately() {
        let a = article_from_parts("  A\nB ", "one\ntwo\n\n\nthree").unwrap();
        assert_eq!(a.title, "A B");
        assert_eq!(a.text, "one two\n\nthree");
        assert_eq!(
            article_from_parts("", "x").unwrap().title,
            "Untitled article"
        );
        assert_eq!(article_from_parts("T", " \n "), Err(PasteError::NoBody));
    }

    #[test]
    fn control_characters_are_dropped() {
        let (_, paras) = parse_pasted("T\n\u{feff}a\u{0}b\u{7}c").unwrap();
        assert_eq!(paras, vec!["abc"]);
    }

    #[test]
    fn paragraph_ranges_count_code_points() {
        let text = join_paragraphs(&["Café 😀", "世界 said"]);
        let ranges = paragraph_ranges(&text);
        assert_eq!(ranges, vec![(0, 6), (8, 15)]);
        assert_eq!(slice(&text, 8, 15), Some("世界 said"));
    }

    #[test]
    fn ids_are_stable_and_depend_on_content() {
        let a = article_id("T", "body");
        assert_eq!(a, article_id("T", "body"));
        assert_ne!(a, article_id("T", "body."));
        assert_ne!(article_id("Tb", "ody"), article_id("T", "body"));
        assert!(a.starts_with("a-") && a.len() == 18);
    }

    #[test]
    fn words_are_found_under_a_point() {
        let text = "Reyl's office denied it, north-east of 北京.";
        let word = |o| word_at(text, o).map(|(s, e)| slice(text, s, e).unwrap());
        assert_eq!(word(2), Some("Reyl's"));
        assert_eq!(word(8), Some("office"));
        assert_eq!(word(27), Some("north-east"));
        assert_eq!(word(39), Some("北京"));
        assert_eq!(word(6), None, "a space is no word");
        assert_eq!(word(99), None);
    }

    #[test]
    fn sentences_end_at_their_marks_and_paragraphs() {
        let text = "The Post reported it. \"We deny it,\" he said! Next one?\n\nNew paragraph here";
        let sentence = |o| sentence_at(text, o).map(|(s, e)| slice(text, s, e).unwrap());
        assert_eq!(sentence(0), Some("The Post reported it."));
        assert_eq!(
            sentence(21),
            Some("The Post reported it."),
            "a caret just after the full stop"
        );
        assert_eq!(
            sentence(54),
            Some("Next one?"),
            "a caret at the paragraph's end"
        );
        assert_eq!(sentence(10), Some("The Post reported it."));
        assert_eq!(sentence(25), Some("\"We deny it,\" he said!"));
        assert_eq!(sentence(48), Some("Next one?"));
        assert_eq!(sentence(60), Some("New paragraph here"));
        assert_eq!(sentence(999), Some("New paragraph here"));
    }

    #[test]
    fn slugs_are_file_name_safe() {
        assert_eq!(
            slug("U.S. documents show: ‘Maduro’ knew!"),
            "u-s-documents-show-maduro-knew"
        );
        assert_eq!(slug("?!"), "article");
        assert_eq!(slug("Ñandú 世界"), "ñandú-世界");
        assert!(slug(&"word ".repeat(40)).len() <= 60);
        assert_eq!(
            slug("Port authority chief approved dredging contract for firm tied to his brother, records show"),
            "port-authority-chief-approved-dredging-contract-for-firm"
        );
    }
}
