//! Where the keyboard is and what is on screen: the focused element, the boxes of parts of
//! the page, and opening an article of one's own text through `window.claimcheck`.

use serde_json::Value;

use crate::{poll, Browser};

/// An element's box in the viewport, as `getBoundingClientRect` gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Whether this box lies wholly inside `outer`.
    pub fn inside(&self, outer: &Rect) -> bool {
        self.left >= outer.left
            && self.right <= outer.right
            && self.top >= outer.top
            && self.bottom <= outer.bottom
    }
}

impl Browser {
    /// The box of the first element matching `css`; `None` when there is none, or it is hidden.
    pub async fn rect(&self, css: &str) -> Option<Rect> {
        let r = self
            .script(
                "const el = document.querySelector(arguments[0]);
                 if (!el || el.hidden) return null;
                 const r = el.getBoundingClientRect();
                 return [r.left, r.top, r.right, r.bottom];",
                vec![css.into()],
            )
            .await;
        let a = r.as_array()?;
        let f = |i: usize| a[i].as_f64().unwrap();
        Some(Rect {
            left: f(0),
            top: f(1),
            right: f(2),
            bottom: f(3),
        })
    }

    /// The part of the viewport the element matching `css` shows: its box, clipped to the window.
    pub async fn visible_rect(&self, css: &str) -> Rect {
        let r = self
            .rect(css)
            .await
            .unwrap_or_else(|| panic!("{css} is not on the page"));
        let (w, h) = self.viewport().await;
        Rect {
            left: r.left.max(0.0),
            top: r.top.max(0.0),
            right: r.right.min(w),
            bottom: r.bottom.min(h),
        }
    }

    /// The viewport's width and height.
    pub async fn viewport(&self) -> (f64, f64) {
        let v = self
            .script("return [innerWidth, innerHeight];", vec![])
            .await;
        (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
    }

    /// Whether the focused element matches `css`.
    pub async fn focus_is(&self, css: &str) -> bool {
        self.script(
            "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
            vec![css.into()],
        )
        .await
            == Value::Bool(true)
    }

    /// Waits until the focused element matches `css`.
    pub async fn wait_focus(&self, css: &str) {
        poll(async || {
            if self.focus_is(css).await {
                Ok(())
            } else {
                let at = self
                    .script(
                        "const a = document.activeElement; return a ? a.outerHTML.slice(0, 120) : null;",
                        vec![],
                    )
                    .await;
                Err(format!("the focus is on {at}, not {css}"))
            }
        })
        .await
    }

    /// Opens an article of `title` and `text` (paragraphs apart by a blank line) with
    /// `window.claimcheck.loadArticle`, and waits for it to show.
    pub async fn load_article(&self, title: &str, text: &str) {
        self.script(
            "window.claimcheck.loadArticle({title: arguments[0], text: arguments[1]});",
            vec![title.into(), text.into()],
        )
        .await;
        self.wait_text("#article-title", title).await;
    }
}
