//! Reading and setting what form controls hold, whatever their kind, and opening file choosers.

use wasm_bindgen::JsCast;

/// The value of an input, text area or select.
fn value_of(target: &web_sys::EventTarget) -> Option<String> {
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(area.value());
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

/// What the control an event came from holds.
pub fn event_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| value_of(&t))
        .unwrap_or_default()
}

/// What the control with `id` holds.
pub fn value_by_id(id: &str) -> String {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|el| value_of(&el))
        .unwrap_or_default()
}

/// Puts `value` in the input or text area with `id`.
pub fn set_value_by_id(id: &str, value: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
}

/// A button's click that opens the (hidden) file chooser `input`.
pub fn open_chooser(input: &yew::NodeRef) -> yew::Callback<web_sys::MouseEvent> {
    let input = input.clone();
    yew::Callback::from(move |_: web_sys::MouseEvent| {
        if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
            input.click();
        }
    })
}
