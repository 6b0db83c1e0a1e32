//! Work put off until the browser has drawn: what the reader does not need to see in the first
//! frame (the rest of a long list, the address bar) waits until that frame is on screen.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` after the browser has drawn `frames` more frames (a task queued from an animation
/// frame callback runs after that frame is drawn).
pub fn after_frames(frames: u32, f: impl FnOnce() + 'static) {
    let next = Closure::once_into_js(move || {
        if frames > 1 {
            after_frames(frames - 1, f);
        } else {
            gloo::timers::callback::Timeout::new(0, f).forget();
        }
    });
    let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
}
