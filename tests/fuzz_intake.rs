#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing how articles come in (file bytes decoded, plain text, Markdown, the structure the
//! HTML edge hands the builder, pasted text) and how claims find their words (selectors resolved
//! over any text, re-anchoring after an edit): nothing panics, and what comes out keeps its
//! promises (text without NUL, links and claims within the text, no claim dropped).

mod fuzz_support;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::TestCaseError;

use claimcheck::core::anchoring::reanchor::reanchor;
use claimcheck::core::anchoring::resolve::{resolve, resolve_many, MIN_SCORE};
use claimcheck::core::anchoring::selectors::{Resolution, Selectors};
use claimcheck::core::intake::files::{
    article_from_text_file, decode_text, file_kind, title_from_file_name, FileKind,
    StructureBuilder,
};
use claimcheck::core::intake::markdown::article_from_markdown;
use claimcheck::core::model::{Article, BlockKind, Claim, TextPosition, TextQuote};
use claimcheck::core::text::offsets::{char_len, slice};
use claimcheck::core::text::paragraphs::{
    article_from_parts, article_from_paste, article_id, join_paragraphs, paragraph_ranges,
    parse_pasted, sentence_at, word_at, MAX_PASTE_BYTES,
};
use fuzz_support::*;

/// What every article made from a file or a paste promises. (A paste's text may be only white
/// space other than spaces and tabs, U+2028 say: its lines are not trimmed of it.)
fn check_article(a: &Article) -> Result<(), TestCaseError> {
    let len = char_len(&a.text);
    prop_assert!(!a.text.is_empty(), "an article without text");
    prop_assert!(!a.title.is_empty(), "an article without a title");
    prop_assert!(!a.text.contains('\0'));
    prop_assert_eq!(&a.id, &article_id(&a.title, &a.text));
    for l in &a.links {
        prop_assert!(
            l.start < l.end && l.end <= len,
            "link {:?} outside the text ({})",
            l,
            len
        );
        let href = l.href.to_ascii_lowercase();
        prop_assert!(
            ["https://", "http://", "mailto:"]
                .iter()
                .any(|p| href.starts_with(p)),
            "an unsafe link {:?}",
            &l.href
        );
    }
    if !a.blocks.is_empty() {
        prop_assert_eq!(
            a.blocks.len(),
            paragraph_ranges(&a.text).len(),
            "one block kind per paragraph of {:?}",
            &a.text
        );
    }
    Ok(())
}

/// Pieces Markdown is made of: blocks, inline markup, links, images, raw HTML, references.
const MARKDOWN: &[&str] = &[
    "# ",
    "## ",
    "###### ",
    "####### ",
    "> ",
    ">",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "   ",
    "    ",
    "\t",
    "\n",
    "\n",
    "\n\n",
    "[",
    "]",
    "(",
    ")",
    "](https://x.example/a)",
    "](javascript:x)",
    "![",
    "![img](x.png)",
    "<a href=\"https://x.example\">",
    "</a>",
    "<div>",
    "</div>",
    "<br>",
    "```",
    "~~~",
    "`",
    "**",
    "*",
    "_",
    "  \n",
    "\\",
    "---",
    "===",
    "|",
    "<!--",
    "-->",
    "&amp;",
    "&#0;",
    "&#x1F600;",
    "word",
    "The ministry said",
    "😀",
    "e\u{301}",
    "\u{0}",
    "\u{feff}",
    "[ref]: https://ref.example",
    "[ref]",
    "<https://auto.example>",
    "<mailto:a@b.example>",
    "- [ ] ",
    "Title\n=====",
    "\r\n",
];

fn markdown() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => vec(select(MARKDOWN), 0..60).prop_map(|p| p.concat()),
        1 => unicode(),
    ]
}

/// What the HTML edge does to a builder as it walks a page.
#[derive(Debug, Clone)]
enum Op {
    Start(BlockKind),
    End,
    Text(String),
    Break,
    Link(&'static str),
    EndLink,
    Title(String),
    Url(String),
}

fn op() -> impl Strategy<Value = Op> {
    let kind = prop_oneof![
        Just(BlockKind::Paragraph),
        (1u8..=6).prop_map(|level| BlockKind::Heading { level }),
        any::<bool>().prop_map(|ordered| BlockKind::Item { ordered }),
        Just(BlockKind::Quote),
    ];
    prop_oneof![
        2 => kind.prop_map(Op::Start),
        2 => Just(Op::End),
        4 => prop_oneof![unicode(), select(WORDS).prop_map(str::to_string), Just(" ".to_string())]
            .prop_map(Op::Text),
        2 => Just(Op::Break),
        1 => select(vec!["https://a.example/x", " http://b.example ", "javascript:alert(1)", "", "MAILTO:a@b"])
            .prop_map(Op::Link),
        1 => Just(Op::EndLink),
        1 => unicode().prop_map(Op::Title),
        1 => unicode().prop_map(Op::Url),
    ]
}

/// A text edited here and there: words put in, taken out, replaced.
fn edited(text: &str, edits: &[(Index, Index, &str)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, span, with) in edits {
        let start = at.index(chars.len() + 1);
        let end = start + span.index(chars.len() - start + 1).min(8);
        chars.splice(start..end, with.chars());
    }
    chars.into_iter().collect()
}

fn edits() -> impl Strategy<Value = Vec<(Index, Index, &'static str)>> {
    vec((any::<Index>(), any::<Index>(), select(WORDS)), 0..6)
}

/// Text to anchor in: article-like, or one pattern many times over (quotes that repeat).
fn anchoring_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text(),
        1 => (select(vec!["ab", "a", "the port ", "😀 "]), 1usize..200).prop_map(|(p, n)| p.repeat(n)),
        1 => unicode(),
    ]
}

/// Selectors as files bring them: a passage of the text, maybe changed, or any words, with
/// context that may be empty, wrong or huge, and positions anywhere, far past the text too.
fn selectors_for(text: String) -> impl Strategy<Value = (String, Vec<Selectors>)> {
    let len = char_len(&text);
    let position = prop_oneof![
        Just(None),
        (0..len + 3, 0..len + 3).prop_map(|(s, e)| Some(TextPosition { start: s, end: e })),
        select(vec![usize::MAX - 1, usize::MAX, u32::MAX as usize, 1 << 40]).prop_map(|s| Some(
            TextPosition {
                start: s,
                end: s.saturating_add(3)
            }
        )),
    ];
    let context = || {
        prop_oneof![
            Just(String::new()),
            unicode(),
            (0usize..6000).prop_map(|n| "x".repeat(n)),
        ]
    };
    let one = (
        any::<Index>(),
        any::<Index>(),
        prop::option::weighted(0.3, (any::<Index>(), select(WORDS))),
        prop::option::weighted(0.2, unicode()),
        context(),
        context(),
        position,
    );
    (Just(text), vec(one, 0..20)).prop_map(move |(text, seeds)| {
        let chars: Vec<char> = text.chars().collect();
        let sels = seeds
            .into_iter()
            .map(|(a, b, change, other, prefix, suffix, position)| {
                // Long quotes cost the approximate search most; a few hundred code points
                // reach every path of it.
                let start = a.index(chars.len() + 1);
                let end = start + b.index((chars.len() - start).min(240) + 1);
                let mut exact: String = chars[start..end].iter().collect();
                if let Some((at, word)) = change {
                    exact = edited(&exact, &[(at, at, word)]);
                }
                Selectors {
                    quote: TextQuote {
                        exact: other.unwrap_or(exact),
                        prefix,
                        suffix,
                    },
                    position,
                }
            })
            .collect();
        (text, sels)
    })
}

fn check_resolution(r: &Resolution, sel: &Selectors, text: &str) -> Result<(), TestCaseError> {
    match *r {
        Resolution::Exact { start, end } => {
            prop_assert_eq!(slice(text, start, end), Some(sel.quote.exact.as_str()));
        }
        Resolution::Fuzzy { start, end, score } => {
            prop_assert!(
                start < end && end <= char_len(text),
                "fuzzy {}..{} outside",
                start,
                end
            );
            prop_assert!((MIN_SCORE..=1.0 + 1e-9).contains(&score), "score {}", score);
        }
        Resolution::Orphan => {}
    }
    if sel.quote.exact.is_empty() {
        prop_assert_eq!(*r, Resolution::Orphan);
    }
    Ok(())
}

fn claims_on(text: &str, seeds: &[(Index, Index, Option<TextPosition>)]) -> Vec<Claim> {
    let chars: Vec<char> = text.chars().collect();
    seeds
        .iter()
        .enumerate()
        .map(|(i, (a, b, position))| {
            let start = a.index(chars.len() + 1);
            let end = start + b.index(chars.len() - start + 1);
            let exact: String = chars[start..end].iter().collect();
            let quote = TextQuote {
                exact,
                prefix: String::new(),
                suffix: String::new(),
            };
            let position = position.unwrap_or(TextPosition { start, end });
            Claim::unverified(format!("c{i}"), quote, position, NOW, NOW)
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn file_bytes_decode_to_text_or_are_refused(bytes in bytes(), name in unicode()) {
        match decode_text(&bytes) {
            Ok(text) => {
                prop_assert!(!text.contains('\0') && !text.trim().is_empty());
                prop_assert!(bytes.len() <= MAX_PASTE_BYTES);
                if let Ok(a) = article_from_text_file(&text) {
                    check_article(&a)?;
                }
                if let Ok(a) = article_from_markdown(&text, &title_from_file_name(&name)) {
                    check_article(&a)?;
                }
            }
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
        match file_kind(&name) {
            Ok(kind) => {
                let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
                let expected = match ext.as_deref() {
                    Some("txt" | "text") => FileKind::Text,
                    Some("md" | "markdown") => FileKind::Markdown,
                    _ => FileKind::Html,
                };
                prop_assert_eq!(kind, expected);
            }
            Err(e) => prop_assert!(e.to_string().contains(&name)),
        }
        prop_assert!(!title_from_file_name(&name).trim().is_empty());
    }

    #[test]
    fn text_reads_the_same_in_utf8_and_utf16(text in unicode(), big_endian in any::<bool>()) {
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend(text.as_bytes());
        let mut utf16 = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            utf16.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        prop_assert_eq!(decode_text(&utf16), decode_text(&utf8));
    }

    #[test]
    fn markdown_becomes_an_article_or_is_refused(source in markdown(), name in unicode()) {
        // The app's fallback title is the file's name made a title.
        match article_from_markdown(&source, &title_from_file_name(&name)) {
            Ok(a) => {
                check_article(&a)?;
                prop_assert!(!a.text.trim().is_empty());
            }
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn any_page_structure_builds_an_article_or_none(ops in vec(op(), 0..40)) {
        let mut b = StructureBuilder::new();
        for op in ops {
            match op {
                Op::Start(kind) => b.start_block(kind),
                Op::End => b.end_block(),
                Op::Text(t) => b.text(&t),
                Op::Break => b.line_break(),
                Op::Link(href) => b.start_link(href),
                Op::EndLink => b.end_link(),
                Op::Title(t) => b.title = Some(t),
                Op::Url(u) => b.url = Some(u),
            }
        }
        match b.finish("Page") {
            Ok(a) => {
                check_article(&a)?;
                prop_assert!(!a.text.trim().is_empty() && !a.title.trim().is_empty());
            }
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn pasted_text_becomes_an_article_or_says_why(input in prop_oneof![any_text(), text()], title in unicode()) {
        match article_from_paste(&input) {
            Ok(a) => {
                check_article(&a)?;
                let (t, paragraphs) = parse_pasted(&input).unwrap();
                prop_assert_eq!(&a.title, &t);
                prop_assert_eq!(&a.text, &join_paragraphs(&paragraphs));
                for p in &paragraphs {
                    prop_assert!(!p.is_empty() && !p.contains('\n'));
                    prop_assert!(!p.chars().any(char::is_control), "a control character in {:?}", p);
                }
            }
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
        match article_from_parts(&title, &input) {
            Ok(a) => check_article(&a)?,
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn words_and_sentences_lie_within_the_text(text in anchoring_text(), offsets in vec(any::<Index>(), 1..8), far in any::<usize>()) {
        let len = char_len(&text);
        for offset in offsets.iter().map(|o| o.index(len + 2)).chain([far]) {
            if let Some((s, e)) = word_at(&text, offset) {
                prop_assert!(s <= offset && offset < e && e <= len);
            }
            if let Some((s, e)) = sentence_at(&text, offset) {
                let found = slice(&text, s, e);
                prop_assert!(found.is_some_and(|f| !f.is_empty() && f.trim() == f), "{:?}", found);
            }
        }
        for (s, e) in paragraph_ranges(&text) {
            prop_assert!(s < e && e <= len);
        }
    }

    #[test]
    fn any_selectors_resolve_within_the_text((text, sels) in anchoring_text().prop_flat_map(selectors_for)) {
        let many = resolve_many(&sels, &text);
        prop_assert_eq!(many.len(), sels.len());
        for (sel, r) in sels.iter().zip(&many) {
            check_resolution(r, sel, &text)?;
            prop_assert_eq!(&resolve(sel, &text), r, "resolving alone and among many differ");
        }
    }

    #[test]
    fn re_anchoring_after_an_edit_keeps_every_claim(
        text in anchoring_text(),
        claims in vec((any::<Index>(), any::<Index>(), prop::option::weighted(0.2, (0usize..5000, 0usize..5000).prop_map(|(start, end)| TextPosition { start, end }))), 0..6),
        orphans in vec((any::<Index>(), any::<Index>(), Just(None)), 0..3),
        edits in edits(),
    ) {
        let claims = claims_on(&text, &claims);
        let mut orphans = claims_on(&text, &orphans);
        for (i, o) in orphans.iter_mut().enumerate() {
            o.id = format!("o{i}");
        }
        let new_text = edited(&text, &edits);
        let anchored = reanchor(&new_text, claims.clone(), orphans.clone());
        let mut before: Vec<&str> = claims.iter().chain(&orphans).map(|c| c.id.as_str()).collect();
        let mut after: Vec<&str> = anchored.claims.iter().chain(&anchored.orphans).map(|c| c.id.as_str()).collect();
        before.sort_unstable();
        after.sort_unstable();
        prop_assert_eq!(before, after, "re-anchoring lost or made up a claim");
        on_their_quotes(&new_text, &anchored.claims)?;
        let r = anchored.report;
        prop_assert_eq!(r.unchanged + r.moved + r.orphaned, claims.len());
        prop_assert!(r.recovered <= orphans.len());
        for c in &anchored.claims {
            prop_assert!(slice(&new_text, c.position.start, c.position.end).is_some_and(|q| q.trim() == q));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Targeted cases

#[test]
fn deeply_nested_markdown_and_structure_do_not_overflow() {
    for source in [
        "> ".repeat(10_000) + "deep",
        "- ".repeat(10_000) + "deep",
        (0..2_000)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect(),
        "[".repeat(10_000) + "x" + &"](https://x.example)".repeat(10_000),
        "*".repeat(10_000) + "x" + &"*".repeat(10_000),
        "<div>".repeat(10_000) + "x",
        "![".repeat(10_000) + "x",
    ] {
        if let Ok(a) = article_from_markdown(&source, "deep") {
            assert!(!a.text.is_empty());
        }
    }
    let mut b = StructureBuilder::new();
    for _ in 0..10_000 {
        b.start_link("https://x.example");
        b.text("x ");
    }
    for _ in 0..10_000 {
        b.line_break();
        b.end_link();
    }
    assert!(b.finish("deep").is_ok());
}

#[test]
fn selectors_far_past_the_text_or_with_huge_context_resolve() {
    let text = "The port paid twice. Reyl denied it. The port paid twice.";
    for (exact, prefix, position) in [
        (
            "the port",
            "x".repeat(100_000),
            Some(TextPosition {
                start: usize::MAX - 1,
                end: usize::MAX,
            }),
        ),
        (
            "Reyl",
            String::new(),
            Some(TextPosition { start: 9, end: 2 }),
        ),
        ("", String::new(), None),
        ("paid twice. The", "😀".repeat(50_000), None),
    ] {
        let sel = Selectors {
            quote: TextQuote {
                exact: exact.into(),
                prefix: prefix.clone(),
                suffix: prefix,
            },
            position,
        };
        let r = resolve(&sel, text);
        if exact.is_empty() {
            assert_eq!(r, Resolution::Orphan);
        } else if let Resolution::Exact { start, end } = r {
            assert_eq!(slice(text, start, end), Some(exact));
        }
    }
}

#[test]
fn two_line_breaks_in_a_row_keep_block_kinds_in_step_with_paragraphs() {
    // Found by any_page_structure_builds_an_article_or_none: `<li>🌀<br><br>ਲ</li>` made two
    // paragraphs of one block, so every later block was drawn with its neighbour's kind.
    let mut b = StructureBuilder::new();
    b.start_block(BlockKind::Item { ordered: false });
    b.text("🌀");
    b.line_break();
    b.line_break();
    b.text("ਲ");
    b.start_block(BlockKind::Heading { level: 2 });
    b.text("Next");
    let a = b.finish("Page").unwrap();
    assert_eq!(a.text, "🌀\n\nਲ\n\nNext");
    assert_eq!(
        a.blocks,
        vec![
            BlockKind::Item { ordered: false },
            BlockKind::Item { ordered: false },
            BlockKind::Heading { level: 2 },
        ]
    );
}

#[test]
fn a_context_thousands_of_characters_long_does_not_freeze_resolving() {
    // Found by any_selectors_resolve_within_the_text: the context was compared by edit distance
    // in full at each of hundreds of occurrences of the quote, which took minutes. The bound is
    // far above what resolving takes now, far below what it took.
    let text = "the port ".repeat(500);
    let sel = Selectors {
        quote: TextQuote {
            exact: "the port".into(),
            prefix: "y".repeat(5000),
            suffix: "z".repeat(5000),
        },
        position: Some(TextPosition { start: 7, end: 9 }),
    };
    let started = std::time::Instant::now();
    let found = resolve(&sel, &text);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    let (start, end) = found.range().expect("the quote is in the text");
    assert_eq!(slice(&text, start, end), Some("the port"));
}
