//! Articles from Markdown files: CommonMark's block structure (headings, paragraphs, lists,
//! quotes, code, raw HTML) read line by line into blocks, then each block's inline content
//! (`inline`) into the builder every document goes through. A reader of its own rather than a
//! general Markdown crate: an article needs only text, structure and links, and the crate this
//! replaced, with its table of every HTML entity, was the largest single part of the bundle.

mod entities;
mod inline;
mod lines;

use crate::core::intake::files::{FileProblem, StructureBuilder};
use crate::core::model::{Article, BlockKind};
use inline::{pieces, Piece, References};
use lines::{
    atx_heading, definitions, expand_tabs, fence_of, html_start, indent_of, is_blank, list_marker,
    thematic_break, HtmlEnd,
};

/// A list item or a block quote a line may continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    /// `indent`: the column the item's content starts at, which its later lines indent to.
    /// `empty`: nothing of the item yet, so a blank line ends it (an item may start with one
    /// blank line at most).
    Item {
        ordered: bool,
        indent: usize,
        empty: bool,
    },
}

#[derive(Debug)]
enum Leaf {
    Paragraph(Vec<String>),
    Fenced {
        fence: char,
        len: usize,
        indent: usize,
        lines: Vec<String>,
    },
    Indented(Vec<String>),
    Html(HtmlEnd),
}

/// What a block holds: inline Markdown, or code whose lines are kept as they are.
#[derive(Debug)]
enum Content {
    Inline(String),
    Code(String),
}

#[derive(Debug, Default)]
struct Blocks {
    containers: Vec<Container>,
    /// How many of `containers` are known to hold something (the outer ones always do first).
    filled: usize,
    leaf: Option<(BlockKind, Leaf)>,
    out: Vec<(BlockKind, Content)>,
    refs: References,
}

impl Blocks {
    /// The kind of block a leaf opened now becomes: an item of the innermost list, else a quote.
    fn kind(&self) -> BlockKind {
        let item = self.containers.iter().rev().find_map(|c| match c {
            Container::Item { ordered, .. } => Some(BlockKind::Item { ordered: *ordered }),
            Container::Quote => None,
        });
        item.unwrap_or(if self.containers.is_empty() {
            BlockKind::Paragraph
        } else {
            BlockKind::Quote
        })
    }

    fn open(&mut self, leaf: Leaf) {
        self.close();
        self.fill_items();
        self.leaf = Some((self.kind(), leaf));
    }

    /// The open items hold something now.
    fn fill_items(&mut self) {
        for container in &mut self.containers[self.filled..] {
            if let Container::Item { empty, .. } = container {
                *empty = false;
            }
        }
        self.filled = self.containers.len();
    }

    fn close(&mut self) {
        let Some((kind, leaf)) = self.leaf.take() else {
            return;
        };
        match leaf {
            Leaf::Paragraph(mut lines) => {
                let (found, defined) = definitions(&lines);
                for (label, dest) in found {
                    self.refs.entry(label).or_insert(dest);
                }
                lines.drain(..defined);
                if !lines.is_empty() {
                    self.out.push((kind, Content::Inline(lines.join("\n"))));
                }
            }
            Leaf::Fenced { lines, .. } => self.out.push((kind, Content::Code(lines.join("\n")))),
            Leaf::Indented(mut lines) => {
                while lines.last().is_some_and(|l| is_blank(l)) {
                    lines.pop();
                }
                self.out.push((kind, Content::Code(lines.join("\n"))));
            }
            Leaf::Html(_) => {}
        }
    }

    /// How many open containers `line` continues, and what is left of it.
    /// Each test looks only at the few bytes a container's marker or indent takes, and `blank`
    /// is settled once for the line, so a line inside thousands of containers costs no more
    /// than one pass per container.
    fn continued<'a>(&self, mut line: &'a str) -> (usize, &'a str) {
        // A rest of the line is blank when all it holds is the line's trailing white space.
        let white_tail = line.len() - line.trim_end().len();
        for (matched, container) in self.containers.iter().enumerate() {
            let blank = line.len() <= white_tail;
            match container {
                Container::Quote => {
                    let lead = line.bytes().take(4).take_while(|&b| b == b' ').count();
                    match line[lead..].strip_prefix('>').filter(|_| lead <= 3) {
                        Some(rest) => line = rest.strip_prefix(' ').unwrap_or(rest),
                        None => return (matched, line),
                    }
                }
                Container::Item { empty: true, .. } if blank => return (matched, line),
                Container::Item { indent, .. } if blank => line = &line[line.len().min(*indent)..],
                Container::Item { indent, .. }
                    if line.len() >= *indent
                        && line.as_bytes()[..*indent].iter().all(|&b| b == b' ') =>
                {
                    line = &line[*indent..]
                }
                Container::Item { .. } => return (matched, line),
            }
        }
        (self.containers.len(), line)
    }

    /// Whether `line`, which does not continue every open container, starts a block of its own;
    /// if not, it is a "lazy" line of the open paragraph. Any list marker starts an item here,
    /// since the paragraph it would interrupt is in a container the line has left.
    fn starts_block(line: &str) -> bool {
        let body = line.trim_start_matches(' ');
        indent_of(line) <= 3
            && (body.starts_with('>')
                || list_marker(line).is_some()
                || thematic_break(line)
                || atx_heading(line).is_some()
                || fence_of(line).is_some()
                || html_start(line, true).is_some())
    }

    fn line(&mut self, raw: &str) {
        let expanded = expand_tabs(raw);
        // Only the end of a line that holds nothing but `-`, `*`, `_` and white space can be a
        // thematic break: looking for one costs nothing at each of a thousand list markers.
        let marks = |c: char| matches!(c, '-' | '*' | '_' | ' ' | '\t');
        let breakable_tail = expanded.len() - expanded.trim_end_matches(marks).len();
        let (matched, mut rest) = self.continued(&expanded);
        let paragraph_open = matches!(self.leaf, Some((_, Leaf::Paragraph(_))));
        if matched < self.containers.len() {
            // A "lazy" line continues an open paragraph even without its containers' markers.
            let lazy = !is_blank(rest) && (indent_of(rest) >= 4 || !Self::starts_block(rest));
            if paragraph_open && lazy {
                self.paragraph_line(rest);
                return;
            }
            self.close();
            self.containers.truncate(matched);
            self.filled = self.filled.min(matched);
        } else if let Some((_, leaf)) = &mut self.leaf {
            match leaf {
                Leaf::Fenced {
                    fence,
                    len,
                    indent,
                    lines,
                } => {
                    let closing = fence_of(rest).is_some_and(|(c, l)| c == *fence && l >= *len)
                        && rest.trim().chars().all(|c| c == *fence);
                    if closing {
                        self.close();
                    } else {
                        let strip = indent_of(rest).min(*indent);
                        lines.push(rest[strip..].to_string());
                    }
                    return;
                }
                Leaf::Html(end) => {
                    let ended = match end {
                        Some(text) => rest.to_ascii_lowercase().contains(*text),
                        None => is_blank(rest),
                    };
                    if ended {
                        self.close();
                    }
                    return;
                }
                _ => {}
            }
        }
        // New containers this line opens.
        loop {
            let paragraph_open = matches!(self.leaf, Some((_, Leaf::Paragraph(_))));
            if indent_of(rest) >= 4 {
                break;
            }
            let body = rest.trim_start_matches(' ');
            if let Some(after) = body.strip_prefix('>') {
                self.close();
                self.fill_items();
                self.containers.push(Container::Quote);
                rest = after.strip_prefix(' ').unwrap_or(after);
                continue;
            }
            let may_break = rest.len() <= breakable_tail;
            match list_marker(rest).filter(|_| !(may_break && thematic_break(rest))) {
                Some((ordered, one, indent, content))
                    if !paragraph_open || (!is_blank(content) && (!ordered || one)) =>
                {
                    self.close();
                    self.fill_items();
                    self.containers.push(Container::Item {
                        ordered,
                        indent,
                        empty: is_blank(content),
                    });
                    rest = content;
                }
                _ => break,
            }
        }
        self.leaf_line(rest);
    }

    fn paragraph_line(&mut self, line: &str) {
        if let Some((_, Leaf::Paragraph(lines))) = &mut self.leaf {
            lines.push(line.trim_start().to_string());
        }
    }

    /// The part of a line inside its containers: a leaf block's line.
    fn leaf_line(&mut self, line: &str) {
        let paragraph_open = matches!(self.leaf, Some((_, Leaf::Paragraph(_))));
        if is_blank(line) {
            match &mut self.leaf {
                Some((_, Leaf::Indented(lines))) => lines.push(String::new()),
                _ => self.close(),
            }
            return;
        }
        if indent_of(line) >= 4 {
            if paragraph_open {
                self.paragraph_line(line);
            } else if let Some((_, Leaf::Indented(lines))) = &mut self.leaf {
                lines.push(line[4..].to_string());
            } else {
                self.open(Leaf::Indented(vec![line[4..].to_string()]));
            }
            return;
        }
        let setext = line.trim();
        // An underline makes the paragraph above a heading, unless it holds only definitions.
        let has_text = match &self.leaf {
            Some((_, Leaf::Paragraph(lines))) => definitions(lines).1 < lines.len(),
            _ => false,
        };
        if has_text
            && indent_of(line) <= 3
            && !setext.is_empty()
            && (setext.bytes().all(|b| b == b'=') || setext.bytes().all(|b| b == b'-'))
        {
            self.close_as_heading(if setext.starts_with('=') { 1 } else { 2 });
            return;
        }
        if thematic_break(line) {
            self.close();
        } else if let Some((level, text)) = atx_heading(line) {
            self.close();
            self.fill_items();
            self.out.push((
                BlockKind::Heading { level },
                Content::Inline(text.to_string()),
            ));
        } else if let Some((fence, len)) = fence_of(line) {
            self.open(Leaf::Fenced {
                fence,
                len,
                indent: indent_of(line),
                lines: Vec::new(),
            });
        } else if let Some(end) = html_start(line, paragraph_open) {
            self.open(Leaf::Html(end));
            let ended = match end {
                Some(text) => line.to_ascii_lowercase().contains(text),
                None => false,
            };
            if ended {
                self.close();
            }
        } else if paragraph_open {
            self.paragraph_line(line);
        } else {
            self.open(Leaf::Paragraph(vec![line.trim_start().to_string()]));
        }
    }

    /// A paragraph underlined with `===` or `---` is a heading (if anything is left of it once
    /// its reference definitions are read).
    fn close_as_heading(&mut self, level: u8) {
        let before = self.out.len();
        self.close();
        if self.out.len() > before {
            if let Some((kind, _)) = self.out.last_mut() {
                *kind = BlockKind::Heading { level };
            }
        }
    }
}

fn build(b: &mut StructureBuilder, content: &Content, refs: &References) {
    match content {
        Content::Code(code) => {
            // Code keeps its lines (though not their indentation).
            let mut lines = code.split('\n').peekable();
            while let Some(line) = lines.next() {
                b.text(line);
                if lines.peek().is_some_and(|next| !next.is_empty()) {
                    b.line_break();
                }
            }
        }
        Content::Inline(source) => {
            for piece in pieces(source, refs) {
                match piece {
                    Piece::Text(t) => b.text(&t),
                    Piece::SoftBreak => b.text(" "),
                    Piece::HardBreak => b.line_break(),
                    Piece::LinkStart(href) => b.start_link(&href),
                    Piece::LinkEnd => b.end_link(),
                }
            }
        }
    }
}

/// An article from Markdown (CommonMark). Raw HTML and images are dropped; links keep their
/// text, and their address when it passes the link rule.
pub fn article_from_markdown(source: &str, fallback_title: &str) -> Result<Article, FileProblem> {
    let mut blocks = Blocks::default();
    for line in source.lines() {
        blocks.line(line);
    }
    blocks.close();
    let mut b = StructureBuilder::new();
    for (kind, content) in &blocks.out {
        b.start_block(*kind);
        build(&mut b, content, &blocks.refs);
        b.end_block();
    }
    b.finish(fallback_title)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn markdown_becomes_structured_text() {
        let md = "# Ministry denies report\n\nThe *ministry* said on [Monday](https://example.org/statement) that\nthe report was false.\n\n## Reaction\n\n> Officials said  it was a smear.\n\n- first point\n- second [evil](javascript:alert(1)) point\n\n1. numbered\n\nLine one  \nLine two\n\n<script>alert(1)</script>\n\n![chart](data:image/png;base64,AAAA) Caption text.\n";
        let a = article_from_markdown(md, "fallback").unwrap();
        assert_eq!(a.title, "Ministry denies report");
        assert_eq!(
            a.text,
            "The ministry said on Monday that the report was false.\n\nReaction\n\nOfficials said it was a smear.\n\nfirst point\n\nsecond evil point\n\nnumbered\n\nLine one\nLine two\n\nCaption text."
        );
        assert_eq!(
            a.blocks,
            vec![
                BlockKind::Paragraph,
                BlockKind::Heading { level: 2 },
                BlockKind::Quote,
                BlockKind::Item { ordered: false },
                BlockKind::Item { ordered: false },
                BlockKind::Item { ordered: true },
                BlockKind::Paragraph,
                BlockKind::Paragraph,
            ]
        );
        assert_eq!(a.links.len(), 1, "the javascript: link keeps its text only");
        let link = &a.links[0];
        assert_eq!(slice(&a.text, link.start, link.end), Some("Monday"));
        assert_eq!(link.href, "https://example.org/statement");
        assert!(!a.text.contains("alert") && !a.text.contains("data:"));
    }
}
