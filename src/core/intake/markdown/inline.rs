//! A Markdown paragraph's inline content, reduced to what an article keeps: text, line breaks
//! and links. Emphasis markers, raw HTML tags and images go; code spans keep their text.
//! Follows CommonMark's rules for the constructs it knows (delimiter runs, the bracket stack,
//! inline and reference links, autolinks, escapes, character references), without recursion,
//! and in time close to linear in the text even for hostile input.

use std::collections::BTreeMap;

use super::entities::reference;

/// What an article takes from a paragraph, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Text(String),
    SoftBreak,
    HardBreak,
    LinkStart(String),
    LinkEnd,
}

/// Link reference definitions by normalized label: `[label]: destination`.
pub(super) type References = BTreeMap<String, String>;

/// A label as references are matched: case and runs of white space do not count.
pub(super) fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Debug)]
enum Node {
    Piece(Piece),
    /// A run of `*` or `_`; what emphasis does not use of it stays as text.
    Delims {
        ch: char,
        /// What is left of the run, and its length as written (the "rule of 3" counts that).
        count: usize,
        run: usize,
        opens: bool,
        closes: bool,
    },
    /// `[` or `![` that may open a link or an image; `at` is where its label starts.
    Bracket {
        image: bool,
        at: usize,
    },
}

struct Inline<'a> {
    src: &'a str,
    refs: &'a References,
    nodes: Vec<Node>,
    /// Open brackets, as indices into `nodes`.
    brackets: Vec<usize>,
    /// Brackets below this depth of `brackets` may no longer open links (links do not nest).
    links_from: usize,
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// Backslash escapes and character references resolved, as in link destinations.
pub(super) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            let n = rest[1..].chars().next().expect("checked");
            out.push(n);
            i += 1 + n.len_utf8();
        } else if let Some((decoded, len)) = (c == '&').then(|| reference(rest)).flatten() {
            out.push(decoded);
            i += len;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

impl Inline<'_> {
    fn text(&mut self, s: &str) {
        if let Some(Node::Piece(Piece::Text(t))) = self.nodes.last_mut() {
            t.push_str(s);
        } else {
            self.nodes.push(Node::Piece(Piece::Text(s.to_string())));
        }
    }

    /// Parses from byte `i`, returning where the next construct starts.
    fn step(&mut self, i: usize) -> usize {
        let rest = &self.src[i..];
        let c = rest.chars().next().expect("within the text");
        match c {
            '\\' => match rest[1..].chars().next() {
                Some('\n') => {
                    self.nodes.push(Node::Piece(Piece::HardBreak));
                    i + 2 + leading_spaces(&rest[2..])
                }
                Some(n) if n.is_ascii_punctuation() => {
                    self.text(&rest[1..2]);
                    i + 2
                }
                _ => {
                    self.text("\\");
                    i + 1
                }
            },
            '&' => match reference(rest) {
                Some((decoded, len)) => {
                    self.text(decoded.encode_utf8(&mut [0; 4]));
                    i + len
                }
                None => {
                    self.text("&");
                    i + 1
                }
            },
            '`' => self.code_span(i),
            '*' | '_' => self.delimiters(i, c),
            '!' if rest[1..].starts_with('[') => {
                self.brackets.push(self.nodes.len());
                self.nodes.push(Node::Bracket {
                    image: true,
                    at: i + 2,
                });
                i + 2
            }
            '[' => {
                self.brackets.push(self.nodes.len());
                self.nodes.push(Node::Bracket {
                    image: false,
                    at: i + 1,
                });
                i + 1
            }
            ']' => self.close_bracket(i),
            '<' => self.angle(i),
            '\n' => {
                // Two spaces or more before a line's end make a hard break.
                let hard = self.src[..i].ends_with("  ");
                if let Some(Node::Piece(Piece::Text(t))) = self.nodes.last_mut() {
                    t.truncate(t.trim_end_matches(' ').len());
                }
                let piece = if hard {
                    Piece::HardBreak
                } else {
                    Piece::SoftBreak
                };
                self.nodes.push(Node::Piece(piece));
                i + 1 + leading_spaces(&rest[1..])
            }
            _ => {
                let end = rest
                    .find(['\\', '&', '`', '*', '_', '!', '[', ']', '<', '\n'])
                    .map_or(rest.len(), |e| e.max(c.len_utf8()));
                self.text(&rest[..end]);
                i + end
            }
        }
    }

    fn code_span(&mut self, i: usize) -> usize {
        let rest = &self.src[i..];
        let run = rest.len() - rest.trim_start_matches('`').len();
        let mut from = run;
        while let Some(at) = rest[from..].find('`') {
            let start = from + at;
            let len = rest[start..].len() - rest[start..].trim_start_matches('`').len();
            if len == run {
                let code = rest[run..start].replace('\n', " ");
                let strip = code.len() >= 2
                    && code.starts_with(' ')
                    && code.ends_with(' ')
                    && !code.bytes().all(|b| b == b' ');
                self.text(if strip {
                    &code[1..code.len() - 1]
                } else {
                    &code
                });
                return i + start + len;
            }
            from = start + len;
        }
        self.text(&rest[..run]);
        i + run
    }

    fn delimiters(&mut self, i: usize, ch: char) -> usize {
        let rest = &self.src[i..];
        let count = rest.len() - rest.trim_start_matches(ch).len();
        let before = self.src[..i].chars().next_back().unwrap_or(' ');
        let after = rest[count..].chars().next().unwrap_or(' ');
        let left = !after.is_whitespace()
            && (!is_punct(after) || before.is_whitespace() || is_punct(before));
        let right = !before.is_whitespace()
            && (!is_punct(before) || after.is_whitespace() || is_punct(after));
        let (opens, closes) = if ch == '*' {
            (left, right)
        } else {
            (
                left && (!right || is_punct(before)),
                right && (!left || is_punct(after)),
            )
        };
        self.nodes.push(Node::Delims {
            ch,
            count,
            run: count,
            opens,
            closes,
        });
        i + count
    }

    fn close_bracket(&mut self, i: usize) -> usize {
        let Some(opener) = self.brackets.pop() else {
            self.text("]");
            return i + 1;
        };
        let Node::Bracket { image, at } = self.nodes[opener] else {
            unreachable!("brackets index bracket nodes")
        };
        let usable = image || self.brackets.len() >= self.links_from;
        self.links_from = self.links_from.min(self.brackets.len());
        let target = if usable {
            self.link_target(&self.src[at..i], i + 1)
        } else {
            None
        };
        let Some((dest, end)) = target else {
            self.nodes[opener] = Node::Piece(Piece::Text(if image { "![" } else { "[" }.into()));
            self.text("]");
            return i + 1;
        };
        if image {
            // An image, alt text and all, is no part of an article.
            self.nodes.truncate(opener);
        } else {
            // Emphasis inside a link's text pairs only there.
            self.emphasis(opener + 1);
            self.settle(opener + 1);
            self.nodes[opener] = Node::Piece(Piece::LinkStart(dest));
            self.nodes.push(Node::Piece(Piece::LinkEnd));
            self.links_from = self.brackets.len();
        }
        end
    }

    /// The destination of the link whose label is `label`, its tail starting at byte `i`: an
    /// inline `(destination "title")`, or a reference `[ref]`, `[]` or none. With where it ends.
    fn link_target(&self, label: &str, i: usize) -> Option<(String, usize)> {
        let rest = &self.src[i..];
        if rest.starts_with('(') {
            if let Some((dest, len)) = inline_destination(rest) {
                return Some((dest, i + len));
            }
        }
        let (key, end) = match rest
            .strip_prefix('[')
            .and_then(|r| r.find(']').map(|e| &r[..e]))
        {
            Some(r) if !r.trim().is_empty() && !r.contains('[') => (r, i + r.len() + 2),
            Some("") => (label, i + 2),
            _ => (label, i),
        };
        let dest = self.refs.get(&normalize_label(key))?;
        Some((dest.clone(), end))
    }

    /// `<` opens an autolink, a raw HTML tag (dropped), or is just the character.
    fn angle(&mut self, i: usize) -> usize {
        let rest = &self.src[i..];
        let end = rest[1..].find(['>', '<', ' ', '\n']).map(|e| e + 1);
        if let Some(end) = end.filter(|&e| rest[e..].starts_with('>')) {
            let inner = &rest[1..end];
            let scheme = inner.split_once(':').map(|(s, _)| s).unwrap_or("");
            let is_uri = (2..=32).contains(&scheme.len())
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b));
            let is_mail = !is_uri
                && inner.split_once('@').is_some_and(|(user, host)| {
                    !user.is_empty()
                        && host.contains('.')
                        && !host.contains('@')
                        && !host.ends_with('.')
                });
            if is_uri || is_mail {
                let href = if is_mail {
                    format!("mailto:{inner}")
                } else {
                    inner.to_string()
                };
                self.nodes.push(Node::Piece(Piece::LinkStart(href)));
                self.text(inner);
                self.nodes.push(Node::Piece(Piece::LinkEnd));
                return i + end + 1;
            }
        }
        let tag = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
        let opens_tag = tag.starts_with(|c: char| c.is_ascii_alphabetic())
            || rest[1..].starts_with("!--")
            || rest[1..].starts_with('?');
        match rest.find('>').filter(|_| opens_tag) {
            Some(end) => i + end + 1,
            None => {
                self.text("<");
                i + 1
            }
        }
    }

    /// Matches the emphasis delimiters from node `from` on (CommonMark's "process emphasis"),
    /// dropping what they use.
    fn emphasis(&mut self, from: usize) {
        // Openers by character, as indices into `nodes`.
        let mut openers: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for closer in from..self.nodes.len() {
            let Node::Delims {
                ch,
                run: closer_run,
                opens,
                closes,
                ..
            } = self.nodes[closer]
            else {
                continue;
            };
            let which = usize::from(ch == '_');
            while closes && self.count(closer) > 0 {
                let closer_count = self.count(closer);
                let found = openers[which].iter().rposition(|&o| {
                    let Node::Delims {
                        run,
                        closes: o_closes,
                        ..
                    } = self.nodes[o]
                    else {
                        return false;
                    };
                    // The "rule of 3": a run that could both open and close pairs with another
                    // only when their lengths do not add up to a multiple of three.
                    !((o_closes || opens)
                        && (run + closer_run) % 3 == 0
                        && !(run % 3 == 0 && closer_run % 3 == 0))
                });
                let Some(at) = found else { break };
                let opener = openers[which][at];
                let used = if self.count(opener) >= 2 && closer_count >= 2 {
                    2
                } else {
                    1
                };
                self.take(opener, used);
                self.take(closer, used);
                openers[which].truncate(at + usize::from(self.count(opener) > 0));
                // Delimiters between a pair can no longer pair with anything.
                while openers[1 - which].last().is_some_and(|&o| o > opener) {
                    openers[1 - which].pop();
                }
            }
            if opens && self.count(closer) > 0 {
                openers[which].push(closer);
            }
        }
    }

    /// Delimiters from node `from` on that emphasis did not use become text.
    fn settle(&mut self, from: usize) {
        for node in &mut self.nodes[from..] {
            if let Node::Delims { ch, count, .. } = *node {
                *node = Node::Piece(Piece::Text(ch.to_string().repeat(count)));
            }
        }
    }

    fn count(&self, node: usize) -> usize {
        match self.nodes[node] {
            Node::Delims { count, .. } => count,
            _ => 0,
        }
    }

    fn take(&mut self, node: usize, used: usize) {
        if let Node::Delims { count, .. } = &mut self.nodes[node] {
            *count -= used;
        }
    }
}

fn leading_spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

/// `(destination "title")` at the start of `text`: the destination and the bytes it all spans.
fn inline_destination(text: &str) -> Option<(String, usize)> {
    let mut i = 1 + leading_spaces_and_newline(&text[1..]);
    let rest = &text[i..];
    let (raw, len) = if let Some(inner) = rest.strip_prefix('<') {
        let end = inner.find(['>', '\n', '<'])?;
        inner[end..]
            .starts_with('>')
            .then_some((&inner[..end], end + 2))?
    } else {
        let mut depth = 0usize;
        let mut end = rest.len();
        let mut escaped = false;
        for (at, c) in rest.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = at;
                    break;
                }
                ')' => depth -= 1,
                c if c.is_whitespace() || c.is_control() => {
                    end = at;
                    break;
                }
                _ => {}
            }
        }
        (&rest[..end], end)
    };
    i += len;
    let gap = leading_spaces_and_newline(&text[i..]);
    i += gap;
    let closer = match text[i..].chars().next()? {
        '"' => Some('"'),
        '\'' => Some('\''),
        '(' => Some(')'),
        _ => None,
    };
    if let Some(closer) = closer.filter(|_| gap > 0) {
        let body = &text[i + 1..];
        let mut escaped = false;
        let end = body.char_indices().find(|&(_, c)| {
            let hit = c == closer && !escaped;
            escaped = c == '\\' && !escaped;
            hit
        })?;
        i += 1 + end.0 + 1;
        i += leading_spaces_and_newline(&text[i..]);
    }
    text[i..].starts_with(')').then(|| (unescape(raw), i + 1))
}

fn leading_spaces_and_newline(text: &str) -> usize {
    let first = leading_spaces(text);
    match text[first..].strip_prefix('\n') {
        Some(after) => first + 1 + leading_spaces(after),
        None => first,
    }
}

/// A paragraph's (or heading's) inline content: its lines joined by `\n`.
pub(super) fn pieces(src: &str, refs: &References) -> Vec<Piece> {
    let mut p = Inline {
        src,
        refs,
        nodes: Vec::new(),
        brackets: Vec::new(),
        links_from: 0,
    };
    let mut i = 0;
    while i < src.len() {
        i = p.step(i);
    }
    p.emphasis(0);
    p.settle(0);
    let mut out: Vec<Piece> = Vec::with_capacity(p.nodes.len());
    for node in p.nodes {
        let piece = match node {
            Node::Piece(piece) => piece,
            Node::Bracket { image, .. } => Piece::Text(if image { "![" } else { "[" }.into()),
            // `settle` made every run text.
            Node::Delims { .. } => continue,
        };
        match (out.last_mut(), piece) {
            (Some(Piece::Text(t)), Piece::Text(more)) => t.push_str(&more),
            (_, Piece::Text(t)) if t.is_empty() => {}
            (_, piece) => out.push(piece),
        }
    }
    if let Some(Piece::Text(t)) = out.last_mut() {
        t.truncate(t.trim_end().len());
    }
    out
}
