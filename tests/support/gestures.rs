//! What hands do: drag the mouse across words, touch and hold, tap, press keys; and where on
//! screen the words are, read from the page's layout as eyes would.

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions,
    MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use serde_json::Value;

use crate::{poll, Browser};

/// Down at `from`, moved to `to` over `ms` milliseconds, up: a drag, by mouse or finger.
fn stroke(from: (f64, f64), to: (f64, f64), ms: u64) -> [PointerAction; 4] {
    [
        PointerAction::MoveTo {
            duration: None,
            x: from.0,
            y: from.1,
        },
        PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        },
        PointerAction::MoveTo {
            duration: Some(Duration::from_millis(ms)),
            x: to.0,
            y: to.1,
        },
        PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        },
    ]
}

/// WebDriver's codes for keys that are not characters.
pub mod keys {
    pub const TAB: &str = "\u{e004}";
    pub const ENTER: &str = "\u{e007}";
    pub const ESCAPE: &str = "\u{e00c}";
    pub const ARROW_RIGHT: &str = "\u{e014}";
    pub const ARROW_UP: &str = "\u{e013}";
    pub const ARROW_DOWN: &str = "\u{e015}";
    pub(crate) const SHIFT: char = '\u{e008}';
    pub(crate) const CONTROL: char = '\u{e009}';
}

/// Viewport boxes of the first and the last character of `arguments[0]` in the rendered
/// article, as `[first.left, first.right, first.middle, last.left, last.right, last.middle]`;
/// null when the article does not hold the phrase.
const PHRASE_BOXES_JS: &str = r#"
    const phrase = arguments[0];
    const runs = [...document.querySelectorAll('#article-body [data-o]')];
    // The article's text as the reader sees it, with where each character sits.
    let text = '', where = [];
    let lastPara = null;
    for (const run of runs) {
        const p = run.closest('[data-p]');
        if (lastPara && p !== lastPara) { text += '\n\n'; where.push(null, null); }
        lastPara = p;
        const node = run.firstChild;
        for (let i = 0; i < node.data.length; i++) { text += node.data[i]; where.push([node, i]); }
    }
    const at = text.indexOf(phrase);
    if (at < 0) return null;
    const box = (k) => {
        const [node, i] = where[k];
        const r = document.createRange();
        r.setStart(node, i); r.setEnd(node, i + 1);
        const rects = r.getClientRects();
        return rects[0];
    };
    box(at).top; // forces layout
    const first = box(at), last = box(at + phrase.length - 1);
    return [first.left, first.right, first.top + first.height / 2,
            last.left, last.right, last.top + last.height / 2];
"#;

/// Scrolls the paragraph holding the start of `arguments[0]` to the middle of the screen.
const SCROLL_TO_PHRASE_JS: &str = r#"
    const phrase = arguments[0];
    for (const p of document.querySelectorAll('#article-body [data-p]')) {
        if (p.textContent.includes(phrase.split('\n')[0])) { p.scrollIntoView({block: 'center'}); break; }
    }"#;

impl Browser {
    pub async fn selected_text(&self) -> String {
        self.script("return window.getSelection().toString();", vec![])
            .await
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Resolves once the page has drawn its next frame.
    async fn next_frame(&self) {
        self.script_async("requestAnimationFrame(() => arguments[0]());", vec![])
            .await;
    }

    /// Viewport points just inside the first and the last character of `phrase` in the
    /// article, once it is scrolled into view and stays put; from its end for right-to-left
    /// text on one line.
    async fn phrase_points(&self, phrase: &str) -> ((f64, f64), (f64, f64)) {
        self.script(SCROLL_TO_PHRASE_JS, vec![phrase.into()]).await;
        // Where the words are once the layout has settled: the same in two frames running.
        let boxes: Value = poll(async || {
            let seen = self.script(PHRASE_BOXES_JS, vec![phrase.into()]).await;
            self.next_frame().await;
            let again = self.script(PHRASE_BOXES_JS, vec![phrase.into()]).await;
            if seen == again {
                Ok(seen)
            } else {
                Err(format!("{phrase:?} is still moving on the page"))
            }
        })
        .await;
        let a = boxes
            .as_array()
            .unwrap_or_else(|| panic!("{phrase:?} is not in the article"));
        let f = |i: usize| a[i].as_f64().unwrap();
        let (first_left, first_right, first_y) = (f(0), f(1), f(2));
        let (last_left, last_right, last_y) = (f(3), f(4), f(5));
        let right_to_left = first_y == last_y && first_left > last_left;
        if right_to_left {
            ((first_right - 1.0, first_y), (last_left + 1.0, last_y))
        } else {
            ((first_left + 1.0, first_y), (last_right - 1.0, last_y))
        }
    }

    /// Where the first character of `phrase` is on screen, scrolled into view.
    pub async fn phrase_start(&self, phrase: &str) -> (f64, f64) {
        let (from, _) = self.phrase_points(phrase).await;
        (from.0 + 2.0, from.1)
    }

    /// Presses the left button at `from`, moves to `to` (over 150 ms, as a hand does), lets go.
    async fn drag(&self, from: (f64, f64), to: (f64, f64)) {
        let mouse = stroke(from, to, 150)
            .into_iter()
            .fold(MouseActions::new("mouse".into()), MouseActions::then);
        self.client.perform_actions(mouse).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// A finger down at `from`, moved to `to` over `ms` milliseconds, lifted.
    pub async fn touch_drag(&self, from: (f64, f64), to: (f64, f64), ms: u64) {
        let finger = stroke(from, to, ms)
            .into_iter()
            .fold(TouchActions::new("finger".into()), TouchActions::then);
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Selects `phrase` in the article by dragging the mouse across it, then waits for the
    /// selection toolbar.
    pub async fn drag_select(&self, phrase: &str) {
        let (from, to) = self.phrase_points(phrase).await;
        self.drag(from, to).await;
        self.wait_for(".selection-toolbar").await;
        assert_eq!(
            self.selected_text().await.replace("\n", ""),
            phrase.replace("\n", ""),
            "the drag selected something else"
        );
    }

    /// Drags across the whole text of the element matching `css`.
    pub async fn drag_over_element_text(&self, css: &str) {
        let (x, y, w, h) = self.find(css).await.rectangle().await.unwrap();
        self.drag((x + 2.0, y + h / 2.0), (x + w - 2.0, y + h / 2.0))
            .await;
        assert!(!self.selected_text().await.is_empty());
    }

    /// Touches the screen at `at` for `hold` milliseconds (a tap, or a long press): the hold
    /// is part of the gesture, not a wait.
    pub async fn touch(&self, at: (f64, f64), hold: u64) {
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: at.0,
                y: at.1,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(hold),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Taps the middle of `el` (a 60 ms touch).
    pub async fn tap(&self, el: &Element) {
        let finger = TouchActions::new("finger".into())
            .then(PointerAction::MoveToElement {
                element: el.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(60),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(finger).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Presses and releases `key` (a character, or one of [`keys`]).
    pub async fn press_key(&self, key: &str) {
        let key = key.chars().next().unwrap();
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Presses `key` with Control held (and Shift too when `shift`).
    pub async fn press_ctrl(&self, key: char, shift: bool) {
        let mut actions = KeyActions::new("keyboard".into()).then(KeyAction::Down {
            value: keys::CONTROL,
        });
        if shift {
            actions = actions.then(KeyAction::Down { value: keys::SHIFT });
        }
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        if shift {
            actions = actions.then(KeyAction::Up { value: keys::SHIFT });
        }
        actions = actions.then(KeyAction::Up {
            value: keys::CONTROL,
        });
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Presses `key` with Shift held.
    pub async fn press_shifted(&self, key: &str) {
        let key = key.chars().next().unwrap();
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: keys::SHIFT })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: keys::SHIFT });
        self.client.perform_actions(actions).await.unwrap();
    }
}
