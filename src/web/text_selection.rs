//! DOM selection ↔ code-point offsets into the article text.
//!
//! The article view renders each run of text in its own element carrying `data-o`, the run's
//! code-point offset in the article text (see `app/view_model/paragraph_markup.rs`), and the body
//! element carries `data-len`, the text's length. That makes the mapping local: a DOM point inside a
//! run is the run's offset plus the code points before it in that run's text node. The DOM counts
//! UTF-16 code units; the core counts code points; the conversion happens here and only here.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::core::text::offsets::{char_len, char_to_utf16, utf16_to_char, Round};

/// The id of the element that holds the article's paragraphs.
pub const ARTICLE_BODY_ID: &str = "article-body";

pub fn article_body() -> Option<Element> {
    gloo::utils::document().get_element_by_id(ARTICLE_BODY_ID)
}

fn run_offset(el: &Element) -> Option<usize> {
    el.get_attribute("data-o")?.parse().ok()
}

fn text_len(root: &Element) -> usize {
    root.get_attribute("data-len")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The node after `node` in document order, within `root`; `skip_children` steps over its subtree.
fn next_node(node: &Node, root: &Node, skip_children: bool) -> Option<Node> {
    if !skip_children {
        if let Some(child) = node.first_child() {
            return Some(child);
        }
    }
    let mut current = node.clone();
    loop {
        if current.is_same_node(Some(root)) {
            return None;
        }
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        current = current.parent_node()?;
    }
}

/// Offset of the first run at or after `from` in document order, or the end of the text.
fn offset_from(root: &Element, mut from: Option<Node>) -> usize {
    while let Some(node) = from {
        if let Some(o) = node.dyn_ref::<Element>().and_then(run_offset) {
            return o;
        }
        from = next_node(&node, root, false);
    }
    text_len(root)
}

/// The code-point offset of DOM point (`node`, `offset`), which must lie inside `root`.
fn point_offset(root: &Element, node: &Node, offset: u32, round: Round) -> usize {
    if node.node_type() == Node::TEXT_NODE {
        if let Some(base) = node.parent_element().as_ref().and_then(run_offset) {
            let text = node.text_content().unwrap_or_default();
            return base + utf16_to_char(&text, offset as usize, round);
        }
        // A text node outside any run (white space between elements): before it or after it.
        return if offset == 0 {
            offset_from(root, Some(node.clone()))
        } else {
            offset_from(root, next_node(node, root, true))
        };
    }
    // An element point: before its child number `offset`, or after its last child.
    match node.child_nodes().item(offset) {
        Some(child) => offset_from(root, Some(child)),
        None => offset_from(root, next_node(node, root, true)),
    }
}

/// Where a DOM point lies relative to the article body.
enum Side {
    Before,
    Inside,
    After,
}

fn side(root: &Element, node: &Node) -> Side {
    if root.contains(Some(node)) {
        return Side::Inside;
    }
    if root.compare_document_position(node) & Node::DOCUMENT_POSITION_PRECEDING != 0 {
        Side::Before
    } else {
        Side::After
    }
}

/// Code-point offsets `(start, end)` of `range` in the article text, not yet trimmed. A range
/// with one end outside the article is clipped to it; one wholly outside gives `None`.
pub fn range_offsets(root: &Element, range: &Range) -> Option<(usize, usize)> {
    let (sc, so) = (range.start_container().ok()?, range.start_offset().ok()?);
    let (ec, eo) = (range.end_container().ok()?, range.end_offset().ok()?);
    let start = match side(root, &sc) {
        Side::Inside => point_offset(root, &sc, so, Round::Down),
        Side::Before => 0,
        Side::After => return None,
    };
    let end = match side(root, &ec) {
        Side::Inside => point_offset(root, &ec, eo, Round::Up),
        Side::After => text_len(root),
        Side::Before => return None,
    };
    let starts_outside = !matches!(side(root, &sc), Side::Inside);
    let ends_outside = !matches!(side(root, &ec), Side::Inside);
    if (starts_outside && ends_outside) || end <= start {
        return None;
    }
    Some((start, end))
}

/// The user's current selection as a range, if there is a non-empty one.
pub fn current_range() -> Option<Range> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    selection.get_range_at(0).ok()
}

/// Code-point offsets of the user's selection inside the article, if any.
pub fn selection_offsets() -> Option<(usize, usize)> {
    range_offsets(&article_body()?, &current_range()?)
}

/// Whether the user has selected text anywhere (so a click is part of selecting, not a choice).
pub fn has_selection() -> bool {
    current_range().is_some()
}

pub fn clear_selection() {
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// The DOM point for code-point offset `offset`. At a boundary between runs, `at_end` prefers the
/// end of the earlier run, which keeps a range ending at a paragraph's end inside that paragraph.
/// Offsets inside a paragraph break have no DOM point.
fn dom_point(root: &Element, offset: usize, at_end: bool) -> Option<(Node, u32)> {
    let runs = root.query_selector_all("[data-o]").ok()?;
    let mut fallback = None;
    for i in 0..runs.length() {
        let el: Element = runs.item(i)?.dyn_into().ok()?;
        let base = run_offset(&el)?;
        let text_node = el.first_child()?;
        let text = text_node.text_content().unwrap_or_default();
        let len = char_len(&text);
        if offset < base || offset > base + len {
            continue;
        }
        let point = (text_node, char_to_utf16(&text, offset - base) as u32);
        let preferred = if at_end {
            offset > base
        } else {
            offset < base + len
        };
        if preferred {
            return Some(point);
        }
        fallback.get_or_insert(point);
    }
    fallback
}

/// A DOM range over code points `start..end` of the article text.
pub fn dom_range(root: &Element, start: usize, end: usize) -> Option<Range> {
    let (sn, so) = dom_point(root, start, false)?;
    let (en, eo) = dom_point(root, end, true)?;
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&sn, so).ok()?;
    range.set_end(&en, eo).ok()?;
    Some(range)
}

/// Selects code points `start..end` of the article, as a user's drag would.
pub fn select_offsets(start: usize, end: usize) -> bool {
    let Some(range) = article_body().and_then(|root| dom_range(&root, start, end)) else {
        return false;
    };
    let Ok(Some(selection)) = gloo::utils::window().get_selection() else {
        return false;
    };
    let _ = selection.remove_all_ranges();
    selection.add_range(&range).is_ok()
}

/// The code-point offset of the selection's focus (the caret) inside the article.
pub fn caret_offset() -> Option<usize> {
    let root = article_body()?;
    let selection = gloo::utils::window().get_selection().ok()??;
    let node = selection.focus_node()?;
    if !root.contains(Some(&node)) {
        return None;
    }
    Some(point_offset(
        &root,
        &node,
        selection.focus_offset(),
        Round::Down,
    ))
}

/// Puts the caret at the start of the article if the selection is not already in it.
pub fn ensure_caret() {
    if caret_offset().is_none() {
        if let Some(range) = article_body().and_then(|root| {
            dom_range(&root, 0, 0).or_else(|| {
                let first = root.query_selector("[data-o]").ok()??;
                let range = gloo::utils::document().create_range().ok()?;
                range.set_start(&first.first_child()?, 0).ok()?;
                Some(range)
            })
        }) {
            range.collapse_with_to_start(true);
            if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
                let _ = selection.remove_all_ranges();
                let _ = selection.add_range(&range);
            }
        }
    }
}

/// Moves the caret (or, with `extend`, the selection's end) by a word or a sentence, as the
/// browser itself measures them.
pub fn move_caret(extend: bool, forward: bool, by_sentence: bool) {
    ensure_caret();
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.modify(
            if extend { "extend" } else { "move" },
            if forward { "forward" } else { "backward" },
            if by_sentence { "sentence" } else { "word" },
        );
    }
}

/// The code-point offset of the text under viewport point (`x`, `y`), if it is in the article.
pub fn offset_at_point(x: f64, y: f64) -> Option<usize> {
    let root = article_body()?;
    let caret = gloo::utils::document().caret_position_from_point(x as f32, y as f32)?;
    let node = caret.offset_node()?;
    if !root.contains(Some(&node)) {
        return None;
    }
    Some(point_offset(&root, &node, caret.offset(), Round::Down))
}

/// Where one end of the selection goes when a block's runs are written anew.
enum End {
    /// Outside the block: the DOM point stays as it is.
    Kept(Node, u32),
    /// Inside it: found again by its text offset.
    At(usize),
}

/// Replaces the runs of one block (a paragraph, heading or quote of the article) with `markup`,
/// keeping the user's selection or caret where it was in the text: new runs are new nodes, and
/// a selection whose ends sat in the old ones would otherwise collapse to the block's edge.
pub fn write_runs(block: &Element, markup: &str) {
    // A block drawn for the first time holds no selection; asking for one would make the
    // browser lay out the page half-built, once per block of a newly opened article.
    if !block.has_child_nodes() {
        block.set_inner_html(markup);
        return;
    }
    let selection = gloo::utils::window().get_selection().ok().flatten();
    let root = article_body();
    let kept = match (&selection, &root) {
        (Some(s), Some(root)) if s.range_count() > 0 => {
            let end = |node: Option<Node>, offset: u32| {
                let node = node?;
                Some(if block.contains(Some(&node)) {
                    End::At(point_offset(root, &node, offset, Round::Down))
                } else {
                    End::Kept(node, offset)
                })
            };
            let anchor = end(s.anchor_node(), s.anchor_offset());
            let focus = end(s.focus_node(), s.focus_offset());
            let inside = |e: &Option<End>| matches!(e, Some(End::At(_)));
            (inside(&anchor) || inside(&focus)).then_some((anchor, focus))
        }
        _ => None,
    };
    block.set_inner_html(markup);
    let (Some(selection), Some((Some(anchor), Some(focus)))) = (selection, kept) else {
        return;
    };
    let point = |end: End| match end {
        End::Kept(node, offset) => Some((node, offset)),
        End::At(offset) => dom_point(block, offset, false),
    };
    if let (Some((an, ao)), Some((fnode, fo))) = (point(anchor), point(focus)) {
        let _ = selection.set_base_and_extent(&an, ao, &fnode, fo);
    }
}
