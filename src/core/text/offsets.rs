//! Code-point offsets over article text.
//!
//! Claimcheck counts positions in Unicode code points, as the W3C TextPositionSelector does, so
//! exports agree with other annotation tools. Rust strings index bytes and the DOM counts UTF-16
//! code units; every conversion between the three goes through this module.

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte index of code point `cp` in `s` (`cp == char_len(s)` gives `s.len()`).
pub fn byte_index(s: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    let mut count = 0;
    for (byte, _) in s.char_indices() {
        if count == cp {
            return Some(byte);
        }
        count += 1;
    }
    (count == cp).then_some(s.len())
}

/// The text between code points `start` and `end`, or `None` when the range is out of bounds.
pub fn slice(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let from = byte_index(s, start)?;
    let len = byte_index(&s[from..], end - start)?;
    Some(&s[from..from + len])
}

/// Precomputed code point → byte table, for slicing one long text many times.
#[derive(Debug, Clone)]
pub struct CharTable<'a> {
    text: &'a str,
    bytes: Vec<usize>,
}

impl<'a> CharTable<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharTable { text, bytes }
    }

    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end || end > self.len() {
            return None;
        }
        Some(&self.text[self.bytes[start]..self.bytes[end]])
    }

    /// The byte index of code point `cp` (clamped to the end of the text).
    pub fn byte(&self, cp: usize) -> usize {
        self.bytes[cp.min(self.len())]
    }

    /// The code-point offset of the character starting at byte `byte`.
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    /// Slice clamped to the text, for context around a range.
    pub fn slice_clamped(&self, start: usize, end: usize) -> &'a str {
        let end = end.min(self.len());
        self.slice(start.min(end), end).unwrap_or("")
    }
}

/// Which way to move a UTF-16 offset that falls inside a surrogate pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    Down,
    Up,
}

/// Converts a UTF-16 offset within `s` (as the DOM reports it) to a code-point offset.
/// Offsets past the end clamp to the end.
pub fn utf16_to_char(s: &str, utf16: usize, round: Round) -> usize {
    let mut units = 0;
    for (i, c) in s.chars().enumerate() {
        if units >= utf16 {
            return i;
        }
        let next = units + c.len_utf16();
        if next > utf16 {
            // `utf16` points between the two halves of a surrogate pair.
            return match round {
                Round::Down => i,
                Round::Up => i + 1,
            };
        }
        units = next;
    }
    char_len(s)
}

/// Converts a code-point offset within `s` to a UTF-16 offset (for DOM ranges).
pub fn char_to_utf16(s: &str, cp: usize) -> usize {
    s.chars().take(cp).map(char::len_utf16).sum()
}

/// Shrinks `start..end` so it neither starts nor ends with white space.
/// Returns `None` when nothing but white space (or nothing at all) is left.
pub fn trim_range(s: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let text = slice(s, start, end)?;
    let leading = text.chars().take_while(|c| c.is_whitespace()).count();
    let total = char_len(text);
    if leading == total {
        return None;
    }
    let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    Some((start + leading, end - trailing))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_points() {
        let s = "héllo 👩‍👩‍👧 世界";
        assert_eq!(slice(s, 0, 5), Some("héllo"));
        // The family emoji is five code points (three people joined by two ZWJs).
        assert_eq!(slice(s, 6, 11), Some("👩‍👩‍👧"));
        assert_eq!(slice(s, 12, 14), Some("世界"));
        assert_eq!(slice(s, 12, 15), None);
        assert_eq!(slice(s, 3, 2), None);
        let table = CharTable::new(s);
        assert_eq!(table.len(), char_len(s));
        assert_eq!(table.slice(6, 11), slice(s, 6, 11));
        assert_eq!(table.slice_clamped(12, 99), "世界");
    }

    #[test]
    fn utf16_round_trip_over_astral_characters() {
        let s = "a😀b";
        assert_eq!(char_to_utf16(s, 1), 1);
        assert_eq!(char_to_utf16(s, 2), 3);
        assert_eq!(utf16_to_char(s, 3, Round::Down), 2);
        assert_eq!(utf16_to_char(s, 2, Round::Down), 1);
        assert_eq!(utf16_to_char(s, 2, Round::Up), 2);
        assert_eq!(utf16_to_char(s, 99, Round::Down), 3);
    }

    #[test]
    fn trims_white_space_around_a_selection() {
        let s = "  said the\n\nminister ";
        assert_eq!(trim_range(s, 0, 21), Some((2, 20)));
        assert_eq!(trim_range(s, 0, 2), None);
        assert_eq!(trim_range(s, 5, 5), None);
    }

    proptest::proptest! {
        #[test]
        fn utf16_and_code_points_agree(s in "\\PC{0,40}", cut in 0usize..60) {
            let cp = cut.min(char_len(&s));
            let units = char_to_utf16(&s, cp);
            proptest::prop_assert_eq!(utf16_to_char(&s, units, Round::Down), cp);
            proptest::prop_assert_eq!(
                slice(&s, 0, cp).map(|p| p.encode_utf16().count()),
                Some(units)
            );
        }
    }
}
