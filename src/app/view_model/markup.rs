//! Writing HTML markup from text: the one escaping rule for every string of markup the view
//! hands the browser's parser (`paragraph_markup`, `claim_markup`).

/// Appends `text` escaped for use both between tags and inside a double-quoted attribute. The
/// parser turns a raw carriage return into a line feed and drops a raw NUL, either of which
/// would shift every text offset after it; as references they stay one code point each (a CR
/// as itself, a NUL as U+FFFD), so the DOM text keeps the text's length.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\r', '\0']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            _ => "&#0;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Appends ` name="value"`, the value escaped.
pub fn push_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_escaped(out, value);
    out.push('"');
}

/// Appends ` class="a b"` of the names given (nothing when there are none).
pub fn push_classes(out: &mut String, classes: &[Option<&str>]) {
    let mut names = classes.iter().flatten();
    if let Some(first) = names.next() {
        out.push_str(" class=\"");
        out.push_str(first);
        for name in names {
            out.push(' ');
            out.push_str(name);
        }
        out.push('"');
    }
}

/// Ends an opening tag whose attributes are written, then appends `text` escaped and the
/// closing tag: `>text</tag>`.
pub fn push_content(out: &mut String, tag: &str, text: &str) {
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Appends `<tag class="…">text</tag>`, the text escaped.
pub fn push_element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    push_classes(out, &[Some(class)]);
    push_content(out, tag, text);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_keep_their_length() {
        let mut out = String::new();
        push_escaped(&mut out, "a<b>&\"c\"\r\0d");
        assert_eq!(out, "a&lt;b&gt;&amp;&quot;c&quot;&#13;&#0;d");
        let mut out = String::new();
        push_attr(&mut out, "title", "x\"><script>");
        push_classes(&mut out, &[None, Some("a"), None, Some("b")]);
        push_classes(&mut out, &[None]);
        assert_eq!(out, " title=\"x&quot;&gt;&lt;script&gt;\" class=\"a b\"");
        let mut out = String::new();
        push_element(&mut out, "span", "claim-label", "<i>");
        assert_eq!(out, "<span class=\"claim-label\">&lt;i&gt;</span>");
    }
}
