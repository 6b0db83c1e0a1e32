//! Touch gestures on the article.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;

use super::dom::in_article;
use crate::core::text::paragraphs::word_at;
use crate::web::store::AppStore;
use crate::web::text_selection;

/// Where a press began, its timer (gone once the finger moved away), and whether it fired.
type Press = Option<((f64, f64), Option<Timeout>, bool)>;

/// Where the finger is (or was, when it lifts).
fn point(e: &web_sys::TouchEvent) -> Option<(f64, f64)> {
    e.touches()
        .get(0)
        .or_else(|| e.changed_touches().get(0))
        .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())))
}

/// A long press on the article selects the word under the finger when the platform itself does
/// not (some touch screens, and emulated ones), so the Add claim toolbar can appear. When the
/// press ends it swallows the follow-up mouse events, which would otherwise clear the selection.
pub fn long_press_selects_a_word(store: &Rc<AppStore>) -> Vec<EventListener> {
    let press: Rc<RefCell<Press>> = Rc::default();
    let document = gloo::utils::document();
    let start = {
        let (press, store) = (press.clone(), store.clone());
        EventListener::new(&document, "touchstart", move |e| {
            let in_article = in_article(e);
            let e: &web_sys::TouchEvent = e.unchecked_ref();
            let Some(at) = point(e).filter(|_| in_article && e.touches().length() == 1) else {
                *press.borrow_mut() = None;
                return;
            };
            let timer = select_word_later(&press, &store, at);
            *press.borrow_mut() = Some((at, Some(timer), false));
        })
    };
    let moved = {
        let press = press.clone();
        EventListener::new(&document, "touchmove", move |e| {
            let e: &web_sys::TouchEvent = e.unchecked_ref();
            let mut p = press.borrow_mut();
            if let (Some((from, timer, _)), Some(now)) = (p.as_mut(), point(e)) {
                if (now.0 - from.0).hypot(now.1 - from.1) > 10.0 {
                    timer.take();
                }
            }
        })
    };
    let end = EventListener::new_with_options(
        &document,
        "touchend",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            if let Some((_, _, fired)) = press.borrow_mut().take() {
                if fired {
                    e.prevent_default();
                }
            }
        },
    );
    vec![start, moved, end]
}

/// The long press's timer: when it fires, the press is marked as fired and, unless something is
/// selected already, the word at `at` is selected.
fn select_word_later(press: &Rc<RefCell<Press>>, store: &Rc<AppStore>, at: (f64, f64)) -> Timeout {
    let (fired, store) = (press.clone(), store.clone());
    Timeout::new(550, move || {
        if let Some(p) = fired.borrow_mut().as_mut() {
            p.2 = true;
        }
        if text_selection::has_selection() {
            return;
        }
        let word = text_selection::offset_at_point(at.0, at.1)
            .and_then(|o| word_at(&store.state().article.text, o));
        if let Some((s, e)) = word {
            text_selection::select_offsets(s, e);
        }
    })
}
