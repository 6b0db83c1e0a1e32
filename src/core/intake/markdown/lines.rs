//! How CommonMark tells a line's kind: the tests each Markdown line goes through before the
//! block reader (`markdown`) decides what it opens, continues or ends.

use super::inline::{normalize_label, unescape};

/// How a raw HTML block ends: at a line holding this text, or (`None`) at a blank line.
pub(super) type HtmlEnd = Option<&'static str>;

pub(super) fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

pub(super) fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Tabs among a line's indentation and container markers (`>`, `-`, `1.`, …) become spaces to
/// the next multiple of four, as CommonMark counts columns; a tab in the text is white space.
pub(super) fn expand_tabs(line: &str) -> String {
    let structural =
        |c: char| matches!(c, ' ' | '\t' | '>' | '-' | '*' | '+' | '.' | ')') || c.is_ascii_digit();
    let body = line.trim_start_matches(structural);
    let prefix = &line[..line.len() - body.len()];
    if !prefix.contains('\t') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 8);
    for c in prefix.chars() {
        if c == '\t' {
            out.push_str(&"    "[out.len() % 4..]);
        } else {
            out.push(c);
        }
    }
    out.push_str(body);
    out
}

pub(super) fn thematic_break(line: &str) -> bool {
    let t = line.trim();
    let Some(c) = t.chars().next().filter(|c| matches!(c, '*' | '-' | '_')) else {
        return false;
    };
    indent_of(line) <= 3
        && t.chars().all(|x| x == c || x == ' ' || x == '\t')
        && t.chars().filter(|&x| x == c).count() >= 3
}

/// A list marker at the start of `line` (indented three spaces at most): whether it is ordered,
/// whether it is `1.` (the only ordered start that may interrupt a paragraph), the item's content
/// indent, and its first line's content.
pub(super) fn list_marker(line: &str) -> Option<(bool, bool, usize, &str)> {
    let lead = indent_of(line);
    let body = &line[lead..];
    let (ordered, one, marker) = if body.starts_with(['-', '+', '*']) {
        (false, false, 1)
    } else {
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = body[digits..].chars().next();
        if !(1..=9).contains(&digits) || !matches!(after, Some('.' | ')')) {
            return None;
        }
        (true, body[..digits].parse::<u32>() == Ok(1), digits + 1)
    };
    let rest = &body[marker..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let spaces = indent_of(rest);
    // Five spaces or more after the marker start indented code: the item's content is one
    // space in.
    let gap = if is_blank(rest) || spaces > 4 {
        1.min(spaces)
    } else {
        spaces
    };
    Some((ordered, one, lead + marker + gap.max(1), &rest[gap..]))
}

pub(super) fn fence_of(line: &str) -> Option<(char, usize)> {
    let body = line.trim_start_matches(' ');
    let c = body.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = body.len() - body.trim_start_matches(c).len();
    let info = &body[len..];
    (indent_of(line) <= 3 && len >= 3 && !(c == '`' && info.contains('`'))).then_some((c, len))
}

pub(super) fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let body = line.trim_start_matches(' ');
    let level = body.len() - body.trim_start_matches('#').len();
    let rest = &body[level..];
    if indent_of(line) > 3
        || !(1..=6).contains(&level)
        || !(rest.is_empty() || rest.starts_with([' ', '\t']))
    {
        return None;
    }
    let rest = rest.trim();
    // A closing run of `#` goes when white space (or nothing) comes before it.
    let without = rest.trim_end_matches('#');
    let text = if without.is_empty() || without.ends_with([' ', '\t']) {
        without.trim_end()
    } else {
        rest
    };
    Some((level as u8, text))
}

const HTML_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Whether `line` starts a raw HTML block, and how that block ends. `interrupting`: a paragraph
/// is open, which only some kinds of HTML block may end.
pub(super) fn html_start(line: &str, interrupting: bool) -> Option<HtmlEnd> {
    if indent_of(line) > 3 {
        return None;
    }
    let body = line.trim_start();
    let lower: String = body
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    for (open, close) in [
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ] {
        if lower.starts_with(open)
            && !lower[open.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return Some(Some(close));
        }
    }
    if body.starts_with("<!--") {
        return Some(Some("-->"));
    }
    if body.starts_with("<?") {
        return Some(Some("?>"));
    }
    if body.starts_with("<![CDATA[") {
        return Some(Some("]]>"));
    }
    if body.starts_with("<!") && body[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(Some(">"));
    }
    let tag = body.strip_prefix("</").or(body.strip_prefix('<'))?;
    let name_len = tag.len()
        - tag
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-')
            .len();
    let name = tag[..name_len].to_ascii_lowercase();
    let after = &tag[name_len..];
    let ends_name =
        after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>");
    if ends_name && HTML_BLOCK_TAGS.contains(&name.as_str()) {
        return Some(None);
    }
    // Any other complete tag alone on its line, when no paragraph is open.
    let alone = ends_name
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && after
            .find('>')
            .is_some_and(|end| is_blank(&after[end + 1..]));
    (!interrupting && alone).then_some(None)
}

/// `[label]: destination "title"` on one line: the label and the destination.
fn reference_definition(line: &str) -> Option<(String, String, bool)> {
    let body = line.trim_start().strip_prefix('[')?;
    let close = body.find(']')?;
    let label = &body[..close];
    let rest = body[close + 1..].strip_prefix(':')?.trim();
    if label.trim().is_empty() || label.contains('[') || rest.is_empty() {
        return None;
    }
    let (dest, title) = if let Some(inner) = rest.strip_prefix('<') {
        let end = inner.find('>')?;
        (&inner[..end], inner[end + 1..].trim())
    } else {
        rest.split_once([' ', '\t'])
            .map_or((rest, ""), |(d, t)| (d, t.trim()))
    };
    let titled = title.is_empty() || is_title(title);
    titled.then(|| (normalize_label(label), unescape(dest), title.is_empty()))
}

/// Whether `line` is a link title alone, as may follow a definition on its next line.
fn title_line(line: &str) -> bool {
    is_title(line.trim())
}

/// Whether `t` is exactly one link title: `"…"`, `'…'` or `(…)` whose first unescaped closer
/// is its last byte. `(a)(b)` is not one, so such a line stays text.
fn is_title(t: &str) -> bool {
    let (open, close) = match t.as_bytes().first() {
        Some(b'"') => (b'"', b'"'),
        Some(b'\'') => (b'\'', b'\''),
        Some(b'(') => (b'(', b')'),
        _ => return false,
    };
    let inner = &t.as_bytes()[1..];
    let mut escaped = false;
    for (i, &b) in inner.iter().enumerate() {
        if escaped {
            escaped = false;
        } else if b == b'\\' {
            escaped = true;
        } else if b == close {
            return i + 1 == inner.len();
        } else if open == b'(' && b == b'(' {
            return false;
        }
    }
    false
}

/// The reference definitions a paragraph starts with (they may only start one), and how many
/// of its lines they take.
pub(super) fn definitions(lines: &[String]) -> (Vec<(String, String)>, usize) {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some((label, dest, untitled)) = lines.get(at).and_then(|l| reference_definition(l)) {
        at += 1;
        if untitled && lines.get(at).is_some_and(|l| title_line(l)) {
            at += 1;
        }
        found.push((label, dest));
    }
    (found, at)
}
