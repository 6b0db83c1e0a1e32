//! What every menu and popover on the page does while it is open: Esc closes it and gives the
//! focus back to the control that opened it, and a press outside it closes it.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the focus goes when the control that opened a menu is hidden (it was inside the
/// phone's "More" menu, which closed).
const FALLBACK_OPENER: &str = "more-toggle";

/// Gives the focus to `el` if it is on screen; else to the header's "More" button.
pub fn refocus(el: Option<&web_sys::HtmlElement>) {
    let shown = |e: &web_sys::HtmlElement| e.offset_width() > 0 || e.offset_height() > 0;
    if let Some(el) = el.filter(|e| e.is_connected() && shown(e)) {
        let _ = el.focus();
        return;
    }
    if let Some(more) = gloo::utils::document()
        .get_element_by_id(FALLBACK_OPENER)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(shown)
    {
        let _ = more.focus();
    }
}

/// The element that has the focus now.
pub fn focused() -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// While `open`: Esc with the focus in `area` calls `on_escape` (then the focus returns to
/// `opener`, or to what had the focus when `area` opened), and a press outside `area` calls
/// `on_outside`. Esc is taken in
/// the capture phase and stopped, so the page's own Esc (leaving the claim editor) does not
/// also act on it.
#[hook]
pub fn use_dismiss(
    open: bool,
    area: NodeRef,
    opener: NodeRef,
    on_escape: Callback<()>,
    on_outside: Callback<()>,
) {
    use_effect_with(open, move |open| {
        let listeners = open.then(|| {
            let opened_from = opener.cast::<web_sys::HtmlElement>().or_else(focused);
            let capture = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: false,
            };
            let document = gloo::utils::document();
            let keys_area = area.clone();
            let keys = EventListener::new_with_options(&document, "keydown", capture, move |e| {
                let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                // Esc belongs to the menu while the focus is in it (or nowhere in particular).
                let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let in_area = match (keys_area.cast::<web_sys::Node>(), &target) {
                    (Some(area), Some(t)) => {
                        area.contains(Some(t)) || t.node_name().eq_ignore_ascii_case("body")
                    }
                    _ => true,
                };
                if key.key() == "Escape" && in_area {
                    e.stop_propagation();
                    e.prevent_default();
                    on_escape.emit(());
                    refocus(opened_from.as_ref());
                }
            });
            let presses =
                EventListener::new_with_options(&document, "pointerdown", capture, move |e| {
                    let inside = match (
                        area.cast::<web_sys::Node>(),
                        e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
                    ) {
                        (Some(area), Some(target)) => area.contains(Some(&target)),
                        _ => true,
                    };
                    if !inside {
                        on_outside.emit(());
                    }
                });
            (keys, presses)
        });
        move || drop(listeners)
    });
}
