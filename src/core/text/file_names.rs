//! File names made from titles, and file names shown in messages: both shortened only where a
//! word ends (a hyphen, a space, an underscore), never in the middle of a word.

/// The longest head of `text` of at most `max` characters that ends where a word ends: `text`
/// itself when it fits; otherwise cut before the last separator (`-`, `_`, space) that keeps it
/// within `max`, with the separator dropped. A first word longer than `max` is cut at `max`,
/// since there is no better place.
pub fn head_at_word_end(text: &str, max: usize) -> &str {
    let Some((limit, next)) = text.char_indices().nth(max) else {
        return text;
    };
    if is_separator(next) {
        return text[..limit].trim_end_matches(is_separator);
    }
    let head = &text[..limit];
    match head.rfind(is_separator) {
        Some(cut) if !head[..cut].trim_end_matches(is_separator).is_empty() => {
            head[..cut].trim_end_matches(is_separator)
        }
        _ => head,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, '-' | '_' | ' ')
}

/// How long a file name may be in a message before it is shortened.
pub const SHOWN_FILE_NAME_CHARS: usize = 48;

/// A file name as every message shows it: at most [`SHOWN_FILE_NAME_CHARS`] characters, see
/// [`shorten_file_name`].
pub fn shown_file_name(name: &str) -> String {
    shorten_file_name(name, SHOWN_FILE_NAME_CHARS)
}

/// `name` in at most about `max` characters: its kind (everything from the first dot:
/// `.claims.json`) kept whole, its name cut where a word ends, with "…".
pub fn shorten_file_name(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let (stem, kind) = match name.find('.') {
        // A kind longer than half the room is not worth keeping whole.
        Some(dot) if dot > 0 && name[dot..].chars().count() * 2 <= max => name.split_at(dot),
        _ => (name, ""),
    };
    let room = max.saturating_sub(kind.chars().count() + 1).max(1);
    format!("{}…{kind}", head_at_word_end(stem, room))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_head_ends_where_a_word_ends() {
        let slug = "port-authority-chief-approved-dredging-contract-for-firm-tied-to-his";
        // 60 characters would end in "tie" (of "tied"): the cut goes back to "firm".
        assert_eq!(
            head_at_word_end(slug, 60),
            "port-authority-chief-approved-dredging-contract-for-firm"
        );
        // A cut that falls just before a separator keeps the whole last word.
        assert_eq!(head_at_word_end("one-two-three", 7), "one-two");
        assert_eq!(head_at_word_end("one-two", 7), "one-two");
        assert_eq!(head_at_word_end("one two three", 9), "one two");
        assert_eq!(
            head_at_word_end("onetwothree", 5),
            "onetw",
            "no word end to cut at"
        );
        assert_eq!(
            head_at_word_end("ñandú-世界-más", 8),
            "ñandú-世界",
            "characters, not bytes"
        );
    }

    #[test]
    fn a_shown_file_name_keeps_its_kind_and_whole_words() {
        let name = "port-authority-chief-approved-dredging-contract-for-firm.claims.json";
        let shown = shorten_file_name(name, 40);
        assert_eq!(shown, "port-authority-chief….claims.json");
        assert!(shown.chars().count() <= 41, "{shown}");
        assert_eq!(shown_file_name("short.claims.json"), "short.claims.json");
        let odd = shorten_file_name(&"x".repeat(50), 10);
        assert_eq!(odd, format!("{}…", "x".repeat(9)));
    }
}
