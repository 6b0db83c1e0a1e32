//! On a phone, the claims panel is a sheet over the bottom of the article: collapsed to its
//! handle, at half the screen, or nearly full. The handle is dragged (mouse, pen or finger),
//! tapped, or pressed with Enter or Space to open and close it; the arrow keys step between
//! the heights. On a wide screen none of this is drawn (styles/app.css) and the panel stands
//! beside the article.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How far the sheet is open.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Snap {
    Collapsed,
    Half,
    Full,
}

impl Snap {
    const ALL: [Snap; 3] = [Snap::Collapsed, Snap::Half, Snap::Full];

    /// The panel's height, as a share of the screen's.
    fn share(self) -> f64 {
        match self {
            Snap::Collapsed => 0.0,
            Snap::Half => 0.5,
            Snap::Full => 0.86,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Snap::Collapsed => "collapsed",
            Snap::Half => "half",
            Snap::Full => "full",
        }
    }

    /// The height nearest to `share` of the screen.
    fn nearest(share: f64) -> Snap {
        Snap::ALL
            .into_iter()
            .min_by(|a, b| {
                (a.share() - share)
                    .abs()
                    .total_cmp(&(b.share() - share).abs())
            })
            .unwrap_or(Snap::Collapsed)
    }

    /// One step up (`true`) or down.
    fn step(self, up: bool) -> Snap {
        let i = Snap::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let i = if up {
            (i + 1).min(2)
        } else {
            i.saturating_sub(1)
        };
        Snap::ALL[i]
    }
}

/// A press on the handle being followed.
struct Drag {
    from_y: f64,
    from_share: f64,
    last_y: f64,
    moved: bool,
}

/// How far a press may wander and still be a tap.
const TAP_SLOP_PX: f64 = 6.0;
/// A click this soon after a drag ends is the drag's own, not a tap.
const CLICK_AFTER_DRAG_MS: f64 = 500.0;

/// The handle's drag, fed by pointer events (mouse, pen) and touch events (fingers: with
/// touch, Chromium does not always deliver pointer moves to the handle, so touches are
/// followed as touches). While it moves, the sheet's height is set on the element directly,
/// without a render; when it ends, the sheet snaps to the nearest height.
#[derive(Clone)]
struct Dragger {
    sheet: NodeRef,
    snap: UseStateHandle<Snap>,
    drag: Rc<RefCell<Option<Drag>>>,
    ended_at: Rc<Cell<f64>>,
}

impl Dragger {
    fn start(&self, y: f64) {
        *self.drag.borrow_mut() = Some(Drag {
            from_y: y,
            from_share: self.snap.share(),
            last_y: y,
            moved: false,
        });
    }

    fn share_at(d: &Drag) -> f64 {
        (d.from_share + (d.from_y - d.last_y) / screen_height()).clamp(0.0, Snap::Full.share())
    }

    fn move_to(&self, y: f64) {
        let mut drag = self.drag.borrow_mut();
        let Some(d) = drag.as_mut() else {
            return;
        };
        d.last_y = y;
        d.moved |= (d.from_y - y).abs() > TAP_SLOP_PX;
        if d.moved {
            self.draw(Some(Self::share_at(d)));
        }
    }

    fn end(&self) {
        let Some(d) = self.drag.borrow_mut().take() else {
            return;
        };
        if d.moved {
            self.ended_at.set(js_sys::Date::now());
            self.draw(None);
            self.snap.set(Snap::nearest(Self::share_at(&d)));
        }
    }

    fn cancel(&self) {
        if self.drag.borrow_mut().take().is_some() {
            self.draw(None);
        }
    }

    fn just_dragged(&self) -> bool {
        js_sys::Date::now() - self.ended_at.get() < CLICK_AFTER_DRAG_MS
    }

    /// Draws the sheet at `share` of the screen while dragging; `None` goes back to the height
    /// of the render (a new one, if any, is drawn next).
    fn draw(&self, share: Option<f64>) {
        let Some(el) = self.sheet.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let style = el.style();
        match share {
            Some(s) => {
                let _ = el.set_attribute("data-dragging", "");
                let _ = style.set_property("--sheet-h", &height(s));
            }
            None => {
                let _ = el.remove_attribute("data-dragging");
                let _ = style.set_property("--sheet-h", &height(drawn_share(&el)));
            }
        }
    }
}

fn first_touch_y(e: &TouchEvent) -> Option<f64> {
    e.touches().get(0).map(|t| f64::from(t.client_y()))
}

#[derive(Properties, PartialEq)]
pub struct BottomSheetProps {
    /// What the handle reads ("Claims · 3").
    pub label: AttrValue,
    /// The claim being edited: when it changes to another claim, a collapsed sheet opens so
    /// that its editor shows.
    pub expand_for: Option<String>,
    pub children: Html,
}

fn screen_height() -> f64 {
    gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(1.0)
        .max(1.0)
}

#[function_component(BottomSheet)]
pub fn bottom_sheet(props: &BottomSheetProps) -> Html {
    let snap = use_state(|| Snap::Collapsed);
    let sheet = use_node_ref();
    let dragger = Dragger {
        sheet: sheet.clone(),
        snap: snap.clone(),
        drag: use_mut_ref(|| None::<Drag>),
        ended_at: use_memo((), |()| Cell::new(f64::NEG_INFINITY)),
    };
    // Opened while drawing, not in an effect: the claims panel's own effect (the editor's
    // focus after Add claim) runs after this same pass and needs the panel shown by then.
    let last_claim = use_mut_ref(|| None::<String>);
    let opening = *last_claim.borrow() != props.expand_for
        && props.expand_for.is_some()
        && *snap == Snap::Collapsed;
    if *last_claim.borrow() != props.expand_for {
        *last_claim.borrow_mut() = props.expand_for.clone();
    }
    if opening {
        snap.set(Snap::Half);
    }
    let shown = if opening { Snap::Half } else { *snap };
    let d = dragger.clone();
    let on_pointer_down = Callback::from(move |e: PointerEvent| {
        if e.pointer_type() != "touch" {
            if let Some(handle) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = handle.set_pointer_capture(e.pointer_id());
            }
            d.start(f64::from(e.client_y()));
        }
    });
    let d = dragger.clone();
    let on_pointer_move = Callback::from(move |e: PointerEvent| {
        if e.pointer_type() != "touch" {
            d.move_to(f64::from(e.client_y()));
        }
    });
    let d = dragger.clone();
    let on_pointer_up = Callback::from(move |e: PointerEvent| {
        if e.pointer_type() != "touch" {
            d.end();
        }
    });
    let d = dragger.clone();
    let on_touch_start = Callback::from(move |e: TouchEvent| {
        if let Some(y) = first_touch_y(&e) {
            d.start(y);
        }
    });
    let d = dragger.clone();
    let on_touch_move = Callback::from(move |e: TouchEvent| {
        if let Some(y) = first_touch_y(&e) {
            d.move_to(y);
        }
    });
    let d = dragger.clone();
    let on_touch_end = Callback::from(move |_: TouchEvent| d.end());
    let d = dragger.clone();
    let on_cancel = Callback::from(move |_: Event| d.cancel());
    let on_click = {
        let snap = snap.clone();
        Callback::from(move |e: MouseEvent| {
            // A click from Enter or Space has no press count (`detail` 0): it is always a tap.
            if e.detail() != 0 && dragger.just_dragged() {
                return;
            }
            snap.set(if *snap == Snap::Collapsed {
                Snap::Half
            } else {
                Snap::Collapsed
            });
        })
    };
    let on_key = {
        let snap = snap.clone();
        Callback::from(move |e: KeyboardEvent| {
            let up = match e.key().as_str() {
                "ArrowUp" => true,
                "ArrowDown" => false,
                _ => return,
            };
            e.prevent_default();
            snap.set(snap.step(up));
        })
    };
    let open = shown != Snap::Collapsed;
    html! {
        <div class="bottom-sheet" ref={sheet} data-snap={shown.name()} data-share={shown.share().to_string()}
            style={format!("--sheet-h: {}", height(shown.share()))}>
            <button type="button" class="sheet-handle" aria-expanded={open.to_string()} aria-controls="sheet-content"
                aria-keyshortcuts="ArrowUp ArrowDown"
                title="Drag, tap, or press Enter to open or close; arrow keys change the height"
                onpointerdown={on_pointer_down} onpointermove={on_pointer_move} onpointerup={on_pointer_up}
                onpointercancel={on_cancel.reform(|e: PointerEvent| e.into())}
                ontouchstart={on_touch_start} ontouchmove={on_touch_move} ontouchend={on_touch_end}
                ontouchcancel={on_cancel.reform(|e: TouchEvent| e.into())}
                onclick={on_click} onkeydown={on_key}>
                <span class="grip" aria-hidden="true"></span>
                <span class="sheet-label">{ props.label.clone() }</span>
            </button>
            <div id="sheet-content" class="sheet-content">{ props.children.clone() }</div>
        </div>
    }
}

/// The panel's height, for the style sheet's `--sheet-h`.
fn height(share: f64) -> String {
    format!("{:.2}vh", share * 100.0)
}

/// The share of the height drawn now (kept on the element by the render).
fn drawn_share(el: &web_sys::HtmlElement) -> f64 {
    el.get_attribute("data-share")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.0)
}
