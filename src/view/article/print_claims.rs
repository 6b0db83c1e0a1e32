//! What the browser's print (Ctrl+P) puts after the article: its claims, numbered in reading
//! order, each with its status, source, note and evidence written out (addresses as text, since
//! paper has no links). Hidden on screen, so it is written only when a print begins, by the
//! `beforeprint` listener straight into the page (the browser lays the page out for paper once
//! its listeners return; a render Yew scheduled from there could come too late, as it does
//! inside a `window.print()` call), and taken out when the print ends: with 2,000 claims, the
//! page does not carry some 12,000 elements no one sees, nor redraw them on every change.
//! Just before printing, the last highlight of each claim also gets its number
//! (`data-print-n`), which the print rules draw in the article, so the numbers on paper match
//! the list.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};
use yew::prelude::*;

use crate::app::state::SharedClaims;

use crate::core::model::{Claim, Evidence, Stance, Status};
use crate::view::SameRc;

#[derive(Properties, PartialEq)]
pub struct PrintClaimsProps {
    /// The open article's claims, in reading order.
    pub claims: SharedClaims,
}

const NUMBER_ATTR: &str = "data-print-n";

/// Writes each claim's number on its last highlight, for the print rules.
fn number_highlights(claims: &[Rc<Claim>]) {
    let document = gloo::utils::document();
    let all = |css: &str| -> Vec<web_sys::Element> {
        let Ok(list) = document.query_selector_all(css) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    };
    for el in all(&format!("[{NUMBER_ATTR}]")) {
        let _ = el.remove_attribute(NUMBER_ATTR);
    }
    for (i, id) in claims.iter().map(|c| &c.id).enumerate() {
        let Some(last) = all(&format!("mark[data-claims~=\"{id}\"]")).pop() else {
            continue;
        };
        let n = match last.get_attribute(NUMBER_ATTR) {
            Some(before) => format!("{before},{}", i + 1),
            None => (i + 1).to_string(),
        };
        let _ = last.set_attribute(NUMBER_ATTR, &n);
    }
}

fn status_text(status: Status) -> String {
    let icon = match status {
        Status::Verified => "✓",
        Status::Unverified => "?",
    };
    format!("{icon} {}", status.label())
}

fn source_text(c: &Claim) -> String {
    let kind = c.source_kind.map(|k| k.label());
    match (c.source.trim(), kind) {
        ("", None) => "none given".to_string(),
        ("", Some(kind)) => kind.to_string(),
        (who, None) => who.to_string(),
        (who, Some(kind)) => format!("{who} ({kind})"),
    }
}

fn append(parent: &Element, child: &Element) -> Option<()> {
    parent.append_child(child).ok().map(drop)
}

/// A new element: `tag`, of `class` when given, holding `text` when given.
fn element(doc: &Document, tag: &str, class: Option<&str>, text: Option<&str>) -> Option<Element> {
    let el = doc.create_element(tag).ok()?;
    if let Some(class) = class {
        el.set_class_name(class);
    }
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    Some(el)
}

fn evidence_line(e: &Evidence) -> String {
    let stance = match e.stance {
        Stance::Supports => "Supports",
        Stance::Contradicts => "Contradicts",
    };
    let what = [e.title.trim(), e.shows.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    let what = if what.is_empty() {
        String::new()
    } else {
        format!("{what}: ")
    };
    format!("{stance}: {what}{}", e.url)
}

/// Claim `n` written out: its quote, status, source, note and evidence.
fn claim_item(doc: &Document, n: usize, c: &Claim) -> Option<Element> {
    let li = element(
        doc,
        "li",
        Some(&format!("print-claim print-{}", c.status.as_str())),
        None,
    )?;
    let head = element(doc, "p", Some("print-claim-head"), None)?;
    append(
        &head,
        &element(doc, "span", Some("print-n"), Some(&format!("{n}.")))?,
    )?;
    head.append_child(&doc.create_text_node(" ")).ok()?;
    append(&head, &element(doc, "q", None, Some(&c.quote.exact))?)?;
    append(&li, &head)?;
    let status = format!("Status: {}", status_text(c.status));
    append(&li, &element(doc, "p", None, Some(&status))?)?;
    let source = format!("Source: {}", source_text(c));
    append(&li, &element(doc, "p", None, Some(&source))?)?;
    if !c.note.trim().is_empty() {
        let note = format!("Note: {}", c.note.trim());
        append(&li, &element(doc, "p", Some("print-note"), Some(&note))?)?;
    }
    if !c.evidence.is_empty() {
        let list = element(doc, "ul", Some("print-evidence"), None)?;
        for e in &c.evidence {
            append(&list, &element(doc, "li", None, Some(&evidence_line(e)))?)?;
        }
        append(&li, &list)?;
    }
    Some(li)
}

/// Writes the claims into `section`, in place of what it held.
fn write_list(section: &Element, claims: &[Rc<Claim>]) -> Option<()> {
    let doc = gloo::utils::document();
    section.set_text_content(None);
    let title = if claims.is_empty() {
        "No claims marked"
    } else {
        "Claims"
    };
    append(section, &element(&doc, "h2", None, Some(title))?)?;
    let list = element(&doc, "ol", Some("print-claim-list"), None)?;
    for (i, c) in claims.iter().enumerate() {
        append(&list, &claim_item(&doc, i + 1, c)?)?;
    }
    append(section, &list)?;
    Some(())
}

#[function_component(PrintClaims)]
pub fn print_claims(props: &PrintClaimsProps) -> Html {
    let section = use_node_ref();
    use_effect_with(SameRc(props.claims.clone()), {
        let section = section.clone();
        move |claims| {
            let claims = claims.0.clone();
            let window = gloo::utils::window();
            let before = EventListener::new(&window, "beforeprint", {
                let section = section.clone();
                move |_| {
                    if let Some(section) = section.cast::<Element>() {
                        write_list(&section, &claims);
                    }
                    number_highlights(&claims);
                }
            });
            let after = EventListener::new(&window, "afterprint", move |_| {
                if let Some(section) = section.cast::<Element>() {
                    section.set_text_content(None);
                }
            });
            move || drop((before, after))
        }
    });
    html! { <section class="print-claims" aria-hidden="true" ref={section}></section> }
}
