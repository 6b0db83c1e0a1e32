//! HTML character references in Markdown text: numeric ones, and the named ones articles use.
//! The full HTML list holds 2,231 names, and its table was the largest single part of the
//! bundle's Markdown support; a name not listed here stays as written (`&zigrarr;` reads as is).

/// Named references an article is likely to hold: punctuation, typography, currency, and the
/// accented letters of European languages.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bull", '•'),
    ("middot", '·'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("sect", '§'),
    ("para", '¶'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("minus", '−'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("micro", 'µ'),
    ("cent", '¢'),
    ("pound", '£'),
    ("euro", '€'),
    ("yen", '¥'),
    ("curren", '¤'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("not", '¬'),
    ("brvbar", '¦'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("szlig", 'ß'),
    ("aelig", 'æ'),
    ("AElig", 'Æ'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
    ("oslash", 'ø'),
    ("Oslash", 'Ø'),
    ("aring", 'å'),
    ("Aring", 'Å'),
    ("ccedil", 'ç'),
    ("Ccedil", 'Ç'),
    ("ntilde", 'ñ'),
    ("Ntilde", 'Ñ'),
    ("eth", 'ð'),
    ("ETH", 'Ð'),
    ("thorn", 'þ'),
    ("THORN", 'Þ'),
    ("scaron", 'š'),
    ("Scaron", 'Š'),
    ("yuml", 'ÿ'),
    ("Yuml", 'Ÿ'),
];

/// Accented vowels by accent: `&eacute;`, `&Ouml;`, … (the letters each accent exists on).
const ACCENTS: &[(&str, &str, &str)] = &[
    ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
    ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
    ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
    ("uml", "aeiouAEIOU", "äëïöüÄËÏÖÜ"),
    ("tilde", "aoAO", "ãõÃÕ"),
];

fn named(name: &str) -> Option<char> {
    if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let mut chars = name.chars();
    let letter = chars.next()?;
    let accent = chars.as_str();
    let &(_, letters, accented) = ACCENTS.iter().find(|(a, _, _)| *a == accent)?;
    let at = letters.chars().position(|l| l == letter)?;
    accented.chars().nth(at)
}

fn numeric(digits: &str, radix: u32) -> Option<char> {
    let max = if radix == 16 { 6 } else { 7 };
    if digits.is_empty() || digits.len() > max {
        return None;
    }
    let value = u32::from_str_radix(digits, radix).ok()?;
    // As HTML does: zero and what is no character (surrogates, past U+10FFFF) read as U+FFFD.
    Some(
        char::from_u32(value)
            .filter(|_| value != 0)
            .unwrap_or('\u{fffd}'),
    )
}

/// The character reference at the start of `text` (which starts with `&`): its character and
/// how many bytes it spans, or `None` when it is no reference this reader knows.
pub(super) fn reference(text: &str) -> Option<(char, usize)> {
    let body = text.get(1..)?;
    let end = body.find(';')?;
    let name = &body[..end];
    let c = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
        hex.bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| numeric(hex, 16))??
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| numeric(dec, 10))??
    } else if name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        named(name)?
    } else {
        return None;
    };
    Some((c, end + 2))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references_decode() {
        for (text, c) in [
            ("&amp;", '&'),
            ("&nbsp;x", '\u{a0}'),
            ("&eacute;", 'é'),
            ("&Ouml;", 'Ö'),
            ("&atilde;", 'ã'),
            ("&yacute;", 'ý'),
            ("&rsquo;", '’'),
            ("&#65;", 'A'),
            ("&#x1F600;", '😀'),
            ("&#X2014;", '—'),
            ("&#0;", '\u{fffd}'),
            ("&#xD800;", '\u{fffd}'),
            ("&#1114112;", '\u{fffd}'),
        ] {
            let (got, len) = reference(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(got, c, "{text}");
            assert_eq!(len, text.find(';').unwrap() + 1, "{text}");
        }
    }

    #[test]
    fn what_is_no_known_reference_stays_as_written() {
        for text in [
            "&",
            "&amp",
            "&zigrarr;",
            "&ytilde;",
            "&#;",
            "&#x;",
            "&#12345678;",
            "&#xG1;",
            "& amp;",
            "&a-b;",
            "&uuml",
            "&Xacute;",
        ] {
            assert_eq!(reference(text), None, "{text}");
        }
    }
}
