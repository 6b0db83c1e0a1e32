//! The small toolbar next to a selection in the article, offering Add claim.

use yew::prelude::*;

/// The selection's box on screen (viewport coordinates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ToolbarSpot {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub width: f64,
}

#[derive(Properties, PartialEq)]
pub struct SelectionToolbarProps {
    pub spot: ToolbarSpot,
    pub on_add: Callback<()>,
    /// Offered while a claim is selected: link it to the selected attribution phrase.
    pub on_set_source: Option<Callback<()>>,
}

#[function_component(SelectionToolbar)]
pub fn selection_toolbar(props: &SelectionToolbarProps) -> Html {
    let spot = props.spot;
    let viewport_width = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    // Touch screens put their own copy/select-all menu above a selection: go below it there.
    let coarse = gloo::utils::window()
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // Above the selection, unless that would leave the screen; centred, kept on screen.
    let top = if !coarse && spot.top > 56.0 {
        spot.top - 48.0
    } else {
        spot.bottom + 8.0
    };
    let left = (spot.left + spot.width / 2.0 - 60.0).clamp(8.0, (viewport_width - 140.0).max(8.0));
    let style = format!("top: {top:.0}px; left: {left:.0}px;");
    let on_click = props.on_add.reform(|_: MouseEvent| ());
    // Pressing the button must not clear the selection it acts on.
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    html! {
        <div class="selection-toolbar" role="toolbar" aria-label="Selection" style={style}>
            <button type="button" class="primary" onmousedown={keep_selection.clone()} onclick={on_click}
                title="Mark the selected passage as a sourced claim (key A)">
                { "Add claim" }
            </button>
            if let Some(on_set_source) = &props.on_set_source {
                <button type="button" onmousedown={keep_selection.clone()}
                    onclick={on_set_source.reform(|_: MouseEvent| ())}
                    title="Mark the selected words as where the selected claim's source is named">
                    { "Set as source" }
                </button>
            }
        </div>
    }
}
