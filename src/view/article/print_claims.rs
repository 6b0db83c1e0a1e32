//! What the browser's print (Ctrl+P) puts after the article: its claims, numbered in reading
//! order, each with its status, source, note and evidence written out (addresses as text, since
//! paper has no links). Hidden on screen. Just before printing, the last highlight of each claim
//! gets its number (`data-print-n`), which the print rules draw in the article, so the numbers
//! on paper match the list.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::SharedClaims;

use crate::core::model::{Claim, Stance, Status};
use crate::view::SameRc;

#[derive(Properties, PartialEq)]
pub struct PrintClaimsProps {
    /// The open article's claims, in reading order.
    pub claims: SharedClaims,
}

/// How many claims one printed chunk holds: a changed note redraws its chunk, not the list.
const CHUNK: usize = 50;

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

fn claim_item(n: usize, c: &Claim) -> Html {
    html! {
        <li class={classes!("print-claim", format!("print-{}", c.status.as_str()))}>
            <p class="print-claim-head">
                <span class="print-n">{ format!("{n}.") }</span>{ " " }
                <q>{ c.quote.exact.clone() }</q>
            </p>
            <p>{ format!("Status: {}", status_text(c.status)) }</p>
            <p>{ format!("Source: {}", source_text(c)) }</p>
            if !c.note.trim().is_empty() {
                <p class="print-note">{ format!("Note: {}", c.note.trim()) }</p>
            }
            if !c.evidence.is_empty() {
                <ul class="print-evidence">
                    { for c.evidence.iter().map(|e| {
                        let stance = match e.stance {
                            Stance::Supports => "Supports",
                            Stance::Contradicts => "Contradicts",
                        };
                        let what = [e.title.trim(), e.shows.trim()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" — ");
                        let what = if what.is_empty() { String::new() } else { format!("{what}: ") };
                        html! { <li>{ format!("{stance}: {what}{}", e.url) }</li> }
                    }) }
                </ul>
            }
        </li>
    }
}

#[derive(Properties)]
struct PrintChunkProps {
    claims: SharedClaims,
    /// The first claim of the chunk (its index in `claims`).
    from: usize,
}

impl PrintChunkProps {
    fn chunk(&self) -> &[Rc<Claim>] {
        let to = (self.from + CHUNK).min(self.claims.len());
        &self.claims[self.from..to]
    }
}

impl PartialEq for PrintChunkProps {
    fn eq(&self, other: &Self) -> bool {
        self.from == other.from && self.chunk() == other.chunk()
    }
}

#[function_component(PrintChunk)]
fn print_chunk(props: &PrintChunkProps) -> Html {
    html! {
        <>{ for props.chunk().iter().enumerate().map(|(i, c)| claim_item(props.from + i + 1, c)) }</>
    }
}

#[function_component(PrintClaims)]
pub fn print_claims(props: &PrintClaimsProps) -> Html {
    use_effect_with(SameRc(props.claims.clone()), |claims| {
        let claims = claims.0.clone();
        let listener = EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
            number_highlights(&claims)
        });
        move || drop(listener)
    });
    html! {
        <section class="print-claims" aria-hidden="true">
            <h2>{ if props.claims.is_empty() { "No claims marked" } else { "Claims" } }</h2>
            <ol class="print-claim-list">
                { for (0..props.claims.len()).step_by(CHUNK).map(|from| html! {
                    <PrintChunk key={from} claims={props.claims.clone()} from={from} />
                }) }
            </ol>
        </section>
    }
}
