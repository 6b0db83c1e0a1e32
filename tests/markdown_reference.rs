#![cfg(not(target_arch = "wasm32"))]
//! The Markdown reader (`core::intake::markdown`) checked against pulldown-cmark, the CommonMark
//! parser the app used before: the same made-up Markdown must make the same article (title,
//! text, block kinds, links) through both. `reference` is the converter the app had, with three
//! bugs fixed (the reader does what it meant): indented code glued its lines together ("code" +
//! "block" read "codeblock"); a paragraph after a quote or heading that opens a list item came
//! out a plain paragraph; and an e-mail autolink (`<desk@example.org>`) lost its address, since
//! pulldown-cmark gives it without `mailto:`.

use claimcheck::core::intake::files::{FileProblem, StructureBuilder};
use claimcheck::core::intake::markdown::article_from_markdown;
use claimcheck::core::model::{Article, BlockKind};
use proptest::prelude::*;
use proptest::sample::select;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

fn reference(source: &str, fallback_title: &str) -> Result<Article, FileProblem> {
    let mut b = StructureBuilder::new();
    let mut lists: Vec<bool> = Vec::new();
    let mut quote_depth = 0usize;
    let mut in_item_block = false;
    let mut skipping_image = 0usize;
    let mut code: Option<String> = None;
    let container = |lists: &[bool], quote_depth: usize| {
        if let Some(&ordered) = lists.last() {
            BlockKind::Item { ordered }
        } else if quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    };
    for event in Parser::new_ext(source, Options::empty()) {
        if skipping_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => skipping_image += 1,
                Event::End(TagEnd::Image) => skipping_image -= 1,
                _ => {}
            }
            continue;
        }
        if let Some(text) = &mut code {
            match event {
                Event::Text(t) => text.push_str(&t),
                _ => {
                    let mut lines = text.trim_end_matches('\n').split('\n').peekable();
                    while let Some(line) = lines.next() {
                        b.text(line);
                        if lines.peek().is_some_and(|next| !next.is_empty()) {
                            b.line_break();
                        }
                    }
                    code = None;
                    b.end_block();
                }
            }
            continue;
        }
        if let Event::Start(
            Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::List(_) | Tag::HtmlBlock,
        ) = event
        {
            in_item_block = false;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                b.start_block(BlockKind::Heading { level });
            }
            Event::Start(Tag::Paragraph) if !std::mem::take(&mut in_item_block) => {
                b.start_block(container(&lists, quote_depth));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_item_block = false;
                b.start_block(container(&lists, quote_depth));
                code = Some(String::new());
            }
            Event::Start(Tag::List(first)) => {
                b.end_block();
                lists.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                b.end_block();
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                b.start_block(container(&lists, quote_depth));
                in_item_block = true;
            }
            Event::Start(Tag::BlockQuote(_)) => {
                in_item_block = false;
                b.end_block();
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.end_block();
                quote_depth -= 1;
            }
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item,
            ) => {
                in_item_block = false;
                b.end_block();
            }
            _ => {}
        }
        // Text after a heading, quote, code or list in a tight item is the item's.
        if !lists.is_empty() {
            if let Event::End(
                TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::HtmlBlock,
            ) = event
            {
                b.start_block(container(&lists, quote_depth));
            }
        }
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                ..
            }) => b.start_link(&format!("mailto:{dest_url}")),
            Event::Start(Tag::Link { dest_url, .. }) => b.start_link(&dest_url),
            Event::End(TagEnd::Link) => b.end_link(),
            Event::Start(Tag::Image { .. }) => skipping_image = 1,
            Event::Text(t) | Event::Code(t) => {
                in_item_block = false;
                let mut lines = t.split('\n').peekable();
                while let Some(line) = lines.next() {
                    b.text(line);
                    if lines.peek().is_some_and(|next| !next.is_empty()) {
                        b.line_break();
                    }
                }
            }
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.line_break(),
            _ => {}
        }
    }
    b.finish(fallback_title)
}

fn same(source: &str) {
    assert_eq!(
        article_from_markdown(source, "fallback"),
        reference(source, "fallback"),
        "on {source:?}"
    );
}

/// Made-up articles in the Markdown people write: every construct the reader knows.
const ARTICLES: &[&str] = &[
    "# Harbor bridge vote delayed\n\nThe council *delayed* its vote on **Tuesday**, the clerk said.\n\nEngineers had raised concerns.\n",
    "Bridge report\n=============\n\nSubtitle here\n-------------\n\nBody text.\n",
    "# Title #\n\n## Second ##   \n\n### Third #not-closing\n\n####### seven is text\n\n#hashtag is text\n",
    "- one\n- two\n- three\n\n1. first\n2. second\n\n3) third\n",
    "* loose item\n\n* another\n\n  with a second paragraph\n\n+ plus list\n",
    "- outer\n  - inner\n    - innermost\n  - inner two\n- outer two\n",
    "1. step\n\n   continued step\n\n       indented code in item\n2. next\n",
    "> A quoted line\n> continues here.\n>\n> New paragraph in the quote.\n\n> Second quote\nlazy continuation\n",
    "> - quoted item\n> - another\n>\n> > nested quote\n",
    "- item\n  > quote in item\n- next\n",
    "Officials said\nthe report was false.  \nA hard break, and\\\nanother.\n",
    "```\nfenced code\n  indented inside\n\nafter blank\n```\n\n~~~ rust\ntilde fence\n~~~\n\n    indented code\n    block\n\ntext\n",
    "```\nunclosed fence\nruns to the end\n",
    "Text with `code span` and `` double ` tick `` and ` `.\n",
    "A [link](https://example.org/a) and [titled](https://example.org/b \"Title\") and [angle](<https://example.org/c d>).\n",
    "[ref link][r1], [collapsed][], [shortcut] and [missing][nope].\n\n[r1]: https://example.org/r1\n[collapsed]: https://example.org/c 'T'\n[Shortcut]: <https://example.org/s>\n",
    "Nested [outer [inner](https://a.example/i) text](https://a.example/o) brackets.\n",
    "Bad [js](javascript:alert(1)) and [mail](mailto:desk@example.org) and <https://auto.example/x> and <desk@example.org>.\n",
    "Image ![alt *text*](pic.png \"t\") gone, and ![ref image][r] too.\n\n[r]: pic.png\n",
    "Escapes: \\*not emphasis\\*, \\[not a link\\], \\# and \\\\ backslash, \\a stays.\n",
    "Entities: &amp; &lt;tag&gt; &quot;q&quot; &copy; &eacute;t&eacute; &mdash; &#8212; &#x2014; &nbsp;x &#0; &bogus; & alone.\n",
    "Emphasis: *a* _b_ **c** __d__ ***e*** *f **g** h* snake_case_word 2*3*4 * not * _x_y_ **unclosed\n",
    "Raw <span class=\"x\">inline</span> HTML and <!-- comment --> and a < b > c.\n",
    "<div>\nblock html\n</div>\n\nAfter the block.\n\n<script>\nalert(1)\n</script>\nText after script.\n",
    "Para\n<div>interrupts</div>\n\n<custom-tag>\nseven\n</custom-tag>\n",
    "***\n---\n___\n* * *\nText\n- - -\n",
    "Text\n---\n\nText\n***\n\n- a\n---\n",
    "  # indented heading\n\n   > indented quote\n\n    # code not heading\n",
    "\tTabbed code\n\n-\tTab item\n\n>\tTab quote\n",
    "1. one\n1. one again\n10. ten\n\nparagraph\n2. not a list start\n\nparagraph\n1. interrupts\n",
    "-\n  empty first line item\n\n- \n\n-\n\ntext\n",
    "Café déjà vu — 北京 and 😀 in *emphasis* and [链接](https://example.org/中文).\n",
    "Line with trailing spaces   \n\n\n\nMany blank lines above.   \n",
    "> # Heading in quote\n> text\n\n- ## heading in item\n",
    "[not a def]:\n\n[def]: https://example.org/d \"title\" extra\n\n[def]\n",
    "*emphasis with [link](https://e.example/) inside*\n\n[**bold link**](https://e.example/b)\n",
    "A line\n    indented continuation\n  and another.\n",
    "- a\n\n\n- b\n",
    "Windows\r\nline\r\nendings\r\n\r\nsecond paragraph\r\n",
    "[r]: https://x.example/r\n(https://x.example/a)(https://x.example/a)\n",
    "[r]: https://x.example/r\n(a title)\n\n[s]: https://x.example/s\n\"quoted\" and more\n\n[t]: https://x.example/t\n'it\\'s'\n\n[r] [s] [t]\n",
    "[u]: https://x.example/u (paren (nested) title)\n[v]: https://x.example/v \"a\" \"b\"\n\n[u] [v]\n",
];

#[test]
fn made_up_articles_read_as_the_reference_reads_them() {
    for source in ARTICLES {
        same(source);
    }
}

#[test]
fn the_fixture_article_reads_as_the_reference_reads_it() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/health_story.md"
    );
    same(&std::fs::read_to_string(fixture).unwrap());
}

/// Whether `source` holds a construct where pulldown-cmark departs from CommonMark (checked
/// against commonmark.js and markdown-it) and the reader does not: such sources are no test of
/// the reader against this reference. Two are recognised here; the rest exploring found are
/// pinned in `where_pulldown_cmark_departs_from_commonmark_the_reader_follows_commonmark`
/// (exploring may find them again).
fn pulldown_cmark_departs(source: &str) -> bool {
    // The second: a hard break that ends a link's text.
    starts_item_with_code(source) || source.contains("\\\n]")
}

/// Whether a list item in `source` starts with indented code (its marker followed by five
/// spaces or more, then text). There pulldown-cmark ends the list at the item's next line,
/// where CommonMark (and commonmark.js, markdown-it) keep that line in the item, as the reader
/// does.
fn starts_item_with_code(source: &str) -> bool {
    source.lines().any(|line| {
        let body = line.trim_start_matches([' ', '>']);
        let after = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| body.strip_prefix(m))
            .or_else(|| {
                let digits = body.bytes().take_while(u8::is_ascii_digit).count();
                let rest = &body[digits..];
                (digits > 0).then(|| rest.strip_prefix(". ").or(rest.strip_prefix(") ")))?
            });
        after.is_some_and(|a| a.starts_with("    ") && !a.trim().is_empty())
    })
}

#[test]
fn where_pulldown_cmark_departs_from_commonmark_the_reader_follows_commonmark() {
    let article = article_from_markdown("-     word \n  word ", "f").unwrap();
    assert_eq!(article.text, "word\n\nword");
    assert_eq!(
        article.blocks,
        vec![
            BlockKind::Item { ordered: false },
            BlockKind::Item { ordered: false }
        ]
    );
    assert!(starts_item_with_code("-     word \n  word "));
    // A hard break that ends a link's text is dropped as at a paragraph's end (pulldown-cmark
    // keeps the backslash here when the text is `*`; CommonMark makes it a break).
    let article = article_from_markdown("> [*\\\n](https://x.example/b)", "f").unwrap();
    assert_eq!((article.text.as_str(), article.links[0].end), ("*", 1));
    // A code span over a line break: the next line's indent goes with the paragraph's, so
    // `*` and the code touch (pulldown-cmark keeps a space).
    let article = article_from_markdown("*`\n  word # `", "f").unwrap();
    assert_eq!(article.text, "*word #");
    // An escaped bracket after a reference link leaves `[r]` as text, not nothing.
    let article = article_from_markdown("[r]: https://x.example/r\n[r]\\[r]", "f").unwrap();
    assert_eq!(article.text, "r[r]");
    assert!(!starts_item_with_code("-   word\n    code"));
}

/// Pieces of Markdown, put together at random.
const PIECES: &[&str] = &[
    "# ",
    "## ",
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "  ",
    "    ",
    "\n",
    "\n",
    "\n\n",
    "word ",
    "Officials ",
    "said ",
    "*",
    "**",
    "_",
    "`",
    "[",
    "]",
    "(https://x.example/a)",
    "](https://x.example/b)",
    "![",
    "&amp;",
    "&eacute;",
    "\\",
    "<b>",
    "</b>",
    "<div>",
    "```",
    "---",
    "===",
    "é",
    "😀 ",
    "[r]",
    "\n[r]: https://x.example/r\n",
    "<https://x.example/auto>",
    "  \n",
    "(t)",
    "\"t\"",
    "'t'",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Words, markers and line breaks put together at random read as the reference reads them.
    /// In CI the cases come from a fixed seed (scripts/test.sh sets `PROPTEST_RNG_SEED`); run
    /// without it to explore.
    #[test]
    fn random_markdown_reads_as_the_reference_reads_it(parts in prop::collection::vec(select(PIECES), 0..30)) {
        let source = parts.concat();
        prop_assume!(!pulldown_cmark_departs(&source));
        prop_assert_eq!(article_from_markdown(&source, "f"), reference(&source, "f"), "on {:?}", source);
    }
}
