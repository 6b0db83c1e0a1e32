//! Files dropped anywhere on the page open as articles (or as imports and classroom files).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::Callback;

/// Hands the first file of a drop to `on_file`, unless a drop zone of its own took the drop.
pub fn open_dropped_files(on_file: Callback<web_sys::File>) -> [EventListener; 2] {
    let document = gloo::utils::document();
    let on_dragover = EventListener::new_with_options(
        &document,
        "dragover",
        EventListenerOptions::enable_prevent_default(),
        |e| e.prevent_default(),
    );
    let on_drop = EventListener::new_with_options(
        &document,
        "drop",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let e: &web_sys::DragEvent = e.unchecked_ref();
            // A drop zone of its own (scoring) took it already.
            if e.default_prevented() {
                return;
            }
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                on_file.emit(file);
            }
        },
    );
    [on_dragover, on_drop]
}
