//! Articles from files: the bytes checked and decoded, and a builder that turns
//! a document's structure (headings, paragraphs, list items, quotes, line breaks, links) into an
//! article — the same way every time, whether the structure came from Markdown (`intake::markdown`) or from the
//! browser's HTML parser at the edge (`browser::html_import`).

use crate::core::model::{Article, BlockKind, Link};
use crate::core::text::links::{check_link, check_link_or_mail};
use crate::core::text::offsets::char_len;
use crate::core::text::paragraphs::{
    article_from_paste, article_id, paragraph_ranges, PasteError, MAX_PASTE_BYTES,
};
use crate::core::text::sizes::refusal;

/// Why a file could not become an article, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    TooLarge { bytes: usize },
    NotText,
    UnknownKind { name: String },
    NoText,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileProblem::Empty => write!(f, "This file is empty."),
            FileProblem::TooLarge { bytes } => f.write_str(&refusal(
                "This file",
                *bytes,
                MAX_PASTE_BYTES,
                "opens articles",
            )),
            FileProblem::NotText => write!(
                f,
                "This file is not text (it may be an image or a document saved in another format). \
                 Claimcheck opens .txt, .md and .html files."
            ),
            FileProblem::UnknownKind { name } => write!(
                f,
                "\"{name}\" is not a kind of file Claimcheck opens: use .txt, .md or .html."
            ),
            FileProblem::NoText => write!(f, "No article text was found in this file."),
        }
    }
}

/// The kinds of file Claimcheck opens, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Markdown,
    Html,
}

pub fn file_kind(name: &str) -> Result<FileKind, FileProblem> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("txt" | "text") => Ok(FileKind::Text),
        Some("md" | "markdown") => Ok(FileKind::Markdown),
        Some("html" | "htm") => Ok(FileKind::Html),
        _ => Err(FileProblem::UnknownKind {
            name: name.to_string(),
        }),
    }
}

/// Decodes a file's bytes as text (UTF-8, or UTF-16 with a byte-order mark), refusing what is
/// empty, too large, or not text at all.
pub fn decode_text(bytes: &[u8]) -> Result<String, FileProblem> {
    decode_text_up_to(bytes, MAX_PASTE_BYTES)
}

/// As [`decode_text`], with another size limit (imports may be larger than articles).
pub fn decode_text_up_to(bytes: &[u8], max_bytes: usize) -> Result<String, FileProblem> {
    if bytes.len() > max_bytes {
        return Err(FileProblem::TooLarge { bytes: bytes.len() });
    }
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map_err(|_| FileProblem::NotText)?
            .to_string(),
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] if rest.len() % 2 == 0 => {
            let little = bytes[0] == 0xFF;
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| {
                    if little {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            String::from_utf16(&units).map_err(|_| FileProblem::NotText)?
        }
        _ => std::str::from_utf8(bytes)
            .map_err(|_| FileProblem::NotText)?
            .to_string(),
    };
    // Valid UTF-8 can still be binary: text has no NULs and few control characters.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || controls * 100 > text.chars().count().max(1) {
        return Err(FileProblem::NotText);
    }
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(text)
}

/// Builds an article from a document's structure, normalizing white space as HTML does.
#[derive(Debug, Default)]
pub struct StructureBuilder {
    blocks: Vec<(BlockKind, String)>,
    /// (block, start, end, href), offsets in code points within the block.
    links: Vec<(usize, usize, usize, String)>,
    open: Option<(BlockKind, String)>,
    pending_space: bool,
    open_links: Vec<(usize, Option<String>)>,
    /// The document's own title (HTML `<title>`), used when there is no first-level heading.
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Only links that pass the one link rule are kept (a page's own bad link costs it just that
/// link); the text of any link always is.
fn safe_href(href: &str) -> Option<String> {
    check_link_or_mail(href, "").ok()
}

impl StructureBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a block (ending any open one).
    pub fn start_block(&mut self, kind: BlockKind) {
        self.end_block();
        self.open = Some((kind, String::new()));
        self.pending_space = false;
    }

    /// Ends the open block, dropping it if it holds no text.
    pub fn end_block(&mut self) {
        let Some((kind, text)) = self.open.take() else {
            return;
        };
        let trimmed = text.trim_end_matches([' ', '\n']).to_string();
        let len = char_len(&trimmed);
        let index = self.blocks.len();
        let mut kept_links = Vec::new();
        for (block, start, end, href) in self.links.drain(..).collect::<Vec<_>>() {
            if block == index {
                let end = end.min(len);
                if start < end {
                    kept_links.push((block, start, end, href));
                }
            } else {
                kept_links.push((block, start, end, href));
            }
        }
        self.links = kept_links;
        if !trimmed.trim().is_empty() {
            self.blocks.push((kind, trimmed));
        } else {
            self.links.retain(|l| l.0 != index);
        }
        self.open_links.clear();
    }

    fn block_text(&mut self) -> &mut String {
        if self.open.is_none() {
            self.open = Some((BlockKind::Paragraph, String::new()));
        }
        &mut self.open.as_mut().expect("just opened").1
    }

    /// Adds text; runs of white space become one space, and none starts a block or a line.
    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if c.is_control() {
                continue;
            }
            let pending = std::mem::take(&mut self.pending_space);
            let block = self.block_text();
            if pending && !block.is_empty() && !block.ends_with('\n') {
                block.push(' ');
            }
            block.push(c);
        }
    }

    /// A line break inside the block.
    pub fn line_break(&mut self) {
        let block = self.block_text();
        let trimmed = block.trim_end_matches(' ').len();
        block.truncate(trimmed);
        if !block.is_empty() {
            block.push('\n');
        }
        self.pending_space = false;
    }

    pub fn start_link(&mut self, href: &str) {
        let at = {
            let pending = self.pending_space;
            let block = self.block_text();
            // A space pending before the link belongs before it, not inside it.
            char_len(block) + usize::from(pending && !block.is_empty())
        };
        self.open_links.push((at, safe_href(href)));
    }

    pub fn end_link(&mut self) {
        let Some((start, href)) = self.open_links.pop() else {
            return;
        };
        let end = char_len(self.block_text());
        if let Some(href) = href.filter(|_| end > start) {
            self.links.push((self.blocks.len(), start, end, href));
        }
    }

    /// The article: the first first-level heading (else the document's title, else
    /// `fallback_title`) as its title, the other blocks as its text.
    pub fn finish(mut self, fallback_title: &str) -> Result<Article, FileProblem> {
        self.end_block();
        let mut title = None;
        if let Some((BlockKind::Heading { level: 1 }, _)) = self.blocks.first() {
            title = Some(self.blocks.remove(0).1.replace('\n', " "));
            self.links.retain(|l| l.0 != 0);
            for link in &mut self.links {
                link.0 -= 1;
            }
        }
        let title = title
            .or(self
                .title
                .clone()
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| fallback_title.to_string());
        if self.blocks.is_empty() {
            return Err(FileProblem::NoText);
        }
        let mut text = String::new();
        let mut starts = Vec::with_capacity(self.blocks.len());
        for (i, (_, block)) in self.blocks.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            starts.push(char_len(&text));
            text.push_str(block);
        }
        let links = self
            .links
            .into_iter()
            .map(|(block, start, end, href)| Link {
                start: starts[block] + start,
                end: starts[block] + end,
                href,
            })
            .collect();
        // Two line breaks in a row (`<br><br>`) make a paragraph break inside a block: each
        // paragraph of the text gets its block's kind, so the kinds stay in step with them.
        let kinds: Vec<BlockKind> = self
            .blocks
            .iter()
            .flat_map(|(k, block)| std::iter::repeat_n(*k, paragraph_ranges(block).len()))
            .collect();
        let blocks = if kinds.iter().all(|k| *k == BlockKind::Paragraph) {
            Vec::new()
        } else {
            kinds
        };
        Ok(Article {
            id: article_id(&title, &text),
            title,
            text,
            blocks,
            links,
            // A page's canonical address becomes its "Original" link only if it passes the rule.
            url: self
                .url
                .and_then(|u| check_link(&u, "").ok())
                .unwrap_or_default(),
            ..Article::default()
        })
    }
}

/// An article from a plain-text file: first line the title, blank lines between paragraphs.
pub fn article_from_text_file(text: &str) -> Result<Article, FileProblem> {
    article_from_paste(text).map_err(|e| match e {
        PasteError::Empty | PasteError::NoBody => FileProblem::NoText,
        PasteError::TooLarge { bytes } => FileProblem::TooLarge { bytes },
    })
}

/// A title from a file name: "drought-aid_2026.md" → "drought aid 2026".
pub fn title_from_file_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "Untitled article".to_string()
    } else {
        words.join(" ")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn only_links_that_pass_the_link_rule_are_kept() {
        let mut b = StructureBuilder::new();
        b.start_block(BlockKind::Paragraph);
        for href in [
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "//evil.example/",
            "/relative",
            "HTTPS://EXAMPLE.ORG/A",
            "mailto:desk@example.org",
        ] {
            b.start_link(href);
            b.text("word ");
            b.end_link();
        }
        b.url = Some("vbscript:msgbox(1)".into());
        let a = b.finish("file").unwrap();
        let kept: Vec<&str> = a.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(kept, ["HTTPS://EXAMPLE.ORG/A", "mailto:desk@example.org"]);
        assert_eq!(
            a.url, "",
            "a canonical address that fails the rule is dropped"
        );
    }

    #[test]
    fn the_builder_normalizes_white_space_and_keeps_link_offsets() {
        let mut b = StructureBuilder::new();
        b.start_block(BlockKind::Paragraph);
        b.text("  Officials \n\t said ");
        b.start_link("https://a.example/x");
        b.text(" 北京 😀 ");
        b.end_link();
        b.text(" agreed.  ");
        b.line_break();
        b.text("  Next line ");
        b.end_block();
        b.start_block(BlockKind::Paragraph);
        b.text("   ");
        b.end_block();
        b.text("Loose text becomes a paragraph.");
        b.title = Some("  Page   title ".into());
        let a = b.finish("file").unwrap();
        assert_eq!(a.title, "Page title");
        assert_eq!(
            a.text,
            "Officials said 北京 😀 agreed.\nNext line\n\nLoose text becomes a paragraph."
        );
        assert_eq!(
            slice(&a.text, a.links[0].start, a.links[0].end),
            Some("北京 😀")
        );
        assert!(a.blocks.is_empty(), "all paragraphs: no block list needed");
        assert_eq!(
            StructureBuilder::new().finish("x"),
            Err(FileProblem::NoText)
        );
    }

    #[test]
    fn bytes_that_are_not_an_article_are_refused() {
        assert_eq!(decode_text(b""), Err(FileProblem::Empty));
        assert_eq!(decode_text(b" \n\t "), Err(FileProblem::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert_eq!(decode_text(png), Err(FileProblem::NotText));
        assert_eq!(decode_text(b"caf\xe9"), Err(FileProblem::NotText));
        assert_eq!(decode_text(b"a\0b text"), Err(FileProblem::NotText));
        let big = vec![b'a'; MAX_PASTE_BYTES + 1];
        assert!(matches!(
            decode_text(&big),
            Err(FileProblem::TooLarge { .. })
        ));
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFCaf\xC3\xA9").as_deref(),
            Ok("Café")
        );
        assert_eq!(decode_text(b"\xFF\xFEh\0i\0").as_deref(), Ok("hi"));
        assert!(FileProblem::NotText
            .to_string()
            .contains(".txt, .md and .html"));
    }

    #[test]
    fn file_kinds_and_titles_come_from_names() {
        assert_eq!(file_kind("Story.HTM"), Ok(FileKind::Html));
        assert_eq!(file_kind("a.markdown"), Ok(FileKind::Markdown));
        assert_eq!(file_kind("notes.txt"), Ok(FileKind::Text));
        assert!(file_kind("photo.png").is_err());
        assert_eq!(
            title_from_file_name("drought-aid_2026.md"),
            "drought aid 2026"
        );
        let a = article_from_text_file("Title line\n\nBody.").unwrap();
        assert_eq!((a.title.as_str(), a.text.as_str()), ("Title line", "Body."));
        assert_eq!(
            article_from_text_file("Only a title"),
            Err(FileProblem::NoText)
        );
    }
}
