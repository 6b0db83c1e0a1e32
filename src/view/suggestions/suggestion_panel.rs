//! The suggestions section of the claims panel: Suggest claims (or, for a student with hints
//! allowed, Show a hint), the count, Accept all, and each suggestion with Accept, Adjust and
//! Dismiss.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::view_model::suggestion_list::{SuggestionItem, SuggestionList};
use crate::core::suggestions::Span;
use crate::core::text::plural::counted;
use crate::web::{clock, text_selection};

#[derive(Properties, PartialEq)]
pub struct SuggestionPanelProps {
    pub list: Rc<SuggestionList>,
    pub dispatch: Callback<Action>,
}

/// Scrolls the suggestion starting at `start` into view in the article.
pub fn scroll_to_suggestion(start: usize) {
    let selector = format!("[data-suggestion=\"{start}\"]");
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Accepts suggestion `span` as a fresh claim.
pub fn accept_action(span: Span) -> Action {
    Action::AcceptSuggestion {
        span,
        id: clock::new_id("c"),
        at: clock::now(),
    }
}

fn item(item: &SuggestionItem, current: bool, student: bool, dispatch: &Callback<Action>) -> Html {
    let span = item.span;
    let on_select = dispatch.reform(move |_: MouseEvent| {
        scroll_to_suggestion(span.start);
        Action::SelectSuggestion(Some(span))
    });
    // Adjust: the suggestion's words become the selection, so the selection toolbar (and its
    // Add claim) works on them as on any selection; the claim added keeps the source found.
    let on_adjust = dispatch.reform(move |_: MouseEvent| {
        text_selection::select_offsets(span.start, span.end);
        Action::AdjustSuggestion(span)
    });
    let on_accept = dispatch.reform(move |_: MouseEvent| accept_action(span));
    let on_dismiss = dispatch.reform(move |_: MouseEvent| Action::DismissSuggestion(span));
    let source = if item.source.is_empty() {
        "no source named".to_string()
    } else {
        item.source.clone()
    };
    html! {
        <li class={classes!("suggestion", current.then_some("current"))} data-suggestion={span.start.to_string()}>
            <button type="button" class="suggestion-quote" onclick={on_select} aria-current={current.then_some("true")}>
                { format!("“{}”", item.excerpt) }
            </button>
            if !student {
                <p class="suggestion-meta">
                    <span class="suggestion-source">{ source }</span>
                    { " · " }<span class="suggestion-kind">{ item.kind }</span>
                    { " · " }<span class="suggestion-confidence">{ item.confidence }</span>
                </p>
            }
            <div class="suggestion-actions">
                if !student {
                    <button type="button" class="accept-suggestion" onclick={on_accept}>{ "Accept" }</button>
                }
                <button type="button" class="adjust-suggestion" onclick={on_adjust}
                    title="Select these words in the article, to change where the claim starts or ends">{ "Adjust" }</button>
                if !student {
                    <button type="button" class="dismiss-suggestion" onclick={on_dismiss}>{ "Dismiss" }</button>
                }
            </div>
        </li>
    }
}

/// The controls beside the heading for this mode.
fn head_actions(list: &SuggestionList, dispatch: &Callback<Action>) -> Html {
    if list.student {
        let used = counted(list.hints_used as usize, "hint used", "hints used");
        return html! {
            <>
                <button type="button" class="show-hint" onclick={dispatch.reform(|_: MouseEvent| Action::ShowHint)}
                    title="Shows one passage that is likely a sourced claim; your teacher sees how many hints you used">
                    { "Show a hint" }
                </button>
                <span class="hints-used">{ used }</span>
            </>
        };
    }
    if !list.shown {
        return html! {
            <button type="button" class="suggest-claims" onclick={dispatch.reform(|_: MouseEvent| Action::SuggestClaims)}
                title="Find the statements the article attributes to a source">{ "Suggest claims" }</button>
        };
    }
    let on_accept_all = dispatch.reform(|_: MouseEvent| Action::AcceptAllSuggestions {
        id_prefix: clock::new_id("c"),
        at: clock::now(),
    });
    html! {
        <>
            <span class="suggestion-count" aria-live="polite">{ list.count() }</span>
            <button type="button" class="accept-all-suggestions" disabled={list.items.is_empty()} onclick={on_accept_all}>{ "Accept all" }</button>
            <button type="button" class="hide-suggestions" onclick={dispatch.reform(|_: MouseEvent| Action::HideSuggestions)}>{ "Hide" }</button>
        </>
    }
}

#[function_component(SuggestionPanel)]
pub fn suggestion_panel(props: &SuggestionPanelProps) -> Html {
    let list = &props.list;
    if list.student && !list.hints_allowed {
        return html! {};
    }
    html! {
        <section class="suggestions" aria-labelledby="suggestions-heading">
            <div class="suggestions-head">
                <h3 id="suggestions-heading">{ if list.student { "Hints" } else { "Suggestions" } }</h3>
                { head_actions(list, &props.dispatch) }
            </div>
            if let Some(message) = list.empty_message() {
                <p class="empty suggestions-empty">{ message }</p>
            }
            if !list.items.is_empty() {
                <ol class="suggestion-list">
                    { for list.items.iter().map(|i| item(i, list.current == Some(i.span), list.student, &props.dispatch)) }
                </ol>
                if !list.student {
                    <p class="hint">{ "J next · Shift+J previous · Y accept · X dismiss" }</p>
                }
            }
        </section>
    }
}
