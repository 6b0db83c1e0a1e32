//! Where an event happened on the page: in the article, in a text field, in the claim editor.
//! Keys and touches ask the same questions, so each is answered once here.

use wasm_bindgen::JsCast;

fn target(event: &web_sys::Event) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

fn within(event: &web_sys::Event, selector: &str) -> bool {
    target(event)
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// Whether the event happened in the article's text.
pub fn in_article(event: &web_sys::Event) -> bool {
    within(event, "#article-body")
}

/// Whether the event happened in the selected claim's editor.
pub fn in_claim_editor(event: &web_sys::Event) -> bool {
    within(event, ".claim-editor")
}

/// Whether a key press is typing into text (where Ctrl+Z is the field's own undo).
pub fn typing_in_text(event: &web_sys::Event) -> bool {
    target(event).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA")
            || el.closest("[contenteditable]").ok().flatten().is_some()
    })
}

/// Whether a key press is meant for a form control rather than for the app.
pub fn typing_in_field(event: &web_sys::Event) -> bool {
    target(event).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.closest("[contenteditable]").ok().flatten().is_some()
    })
}
