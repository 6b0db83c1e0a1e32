//! The insertion mark: the article is not editable, so the browser draws no caret in it, yet
//! the arrow keys move one (see `input::keyboard`). This draws it, a thin bar where the
//! selection's focus is, while the article has the keyboard focus.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Node;
use yew::prelude::*;

use crate::app::view_model::highlight_layout::Paragraph;
use crate::view::SameRc;
use crate::web::text_selection::{article_body, ARTICLE_BODY_ID};

#[derive(Properties, PartialEq)]
pub struct CaretMarkProps {
    /// The article's layout: when it is drawn anew, the words (and the caret) may have moved.
    pub layout: SameRc<Vec<Rc<Paragraph>>>,
}

/// Where the mark goes, relative to the article element it is drawn in.
#[derive(Clone, Copy, PartialEq)]
struct Spot {
    left: f64,
    top: f64,
    height: f64,
}

/// The box of the character boundary at (`node`, `offset`): the collapsed range's own box, or
/// where a character beside it starts or ends (a collapsed range can have no box).
fn point_rect(node: &Node, offset: u32) -> Option<(f64, f64, f64)> {
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(node, offset).ok()?;
    range.collapse_with_to_start(true);
    let rect = range.get_bounding_client_rect();
    if rect.height() > 0.0 {
        return Some((rect.left(), rect.top(), rect.height()));
    }
    if node.node_type() != Node::TEXT_NODE {
        return None;
    }
    let len = node
        .text_content()
        .unwrap_or_default()
        .encode_utf16()
        .count() as u32;
    // One character's box: its left edge is the boundary before it, its right the one after.
    let edge = |from: u32, right: bool| -> Option<(f64, f64, f64)> {
        range.set_start(node, from).ok()?;
        range.set_end(node, from + 1).ok()?;
        let rect = range.get_bounding_client_rect();
        let x = if right { rect.right() } else { rect.left() };
        (rect.height() > 0.0).then(|| (x, rect.top(), rect.height()))
    };
    if offset < len {
        edge(offset, false)
    } else if offset > 0 {
        edge(offset - 1, true)
    } else {
        None
    }
}

/// Where the caret is, while the article has the focus and the selection's focus is in it.
fn caret_spot() -> Option<Spot> {
    let document = gloo::utils::document();
    if document.active_element()?.id() != ARTICLE_BODY_ID {
        return None;
    }
    let body = article_body()?;
    let selection = gloo::utils::window().get_selection().ok()??;
    let node = selection.focus_node()?;
    if !body.contains(Some(&node)) {
        return None;
    }
    let (x, y, height) = point_rect(&node, selection.focus_offset())?;
    let article = body.parent_element()?.get_bounding_client_rect();
    Some(Spot {
        left: x - article.left(),
        top: y - article.top(),
        height,
    })
}

#[function_component(CaretMark)]
pub fn caret_mark(props: &CaretMarkProps) -> Html {
    // Set on every selection change; drawn again only when the spot moves.
    let spot = use_state_eq(|| None::<Spot>);
    {
        let spot = spot.clone();
        use_effect_with((), move |_| {
            let follow = Rc::new(move || spot.set(caret_spot()));
            let on = |target: &web_sys::EventTarget, event: &'static str| {
                let follow = follow.clone();
                EventListener::new(target, event, move |_| follow())
            };
            let document: web_sys::EventTarget = gloo::utils::document().unchecked_into();
            let window: web_sys::EventTarget = gloo::utils::window().unchecked_into();
            let listeners = [
                on(&document, "selectionchange"),
                on(&document, "focusin"),
                on(&document, "focusout"),
                on(&window, "resize"),
            ];
            move || drop(listeners)
        });
    }
    {
        // The text may have moved under the caret: a claim's icon added, the article changed.
        let spot = spot.clone();
        use_effect_with(props.layout.clone(), move |_| spot.set(caret_spot()));
    }
    let style = spot.map(|s| {
        format!(
            "left: {:.1}px; top: {:.1}px; height: {:.1}px",
            s.left, s.top, s.height
        )
    });
    html! {
        <span class="caret-mark" aria-hidden="true" hidden={spot.is_none()} style={style}></span>
    }
}
