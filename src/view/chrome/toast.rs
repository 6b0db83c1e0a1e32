//! Brief messages at the bottom of the screen: "Claim deleted · Undo", "Copied".

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::notices::Deleted;
use crate::core::anchoring::reanchor::Report;

const UNDO_SECONDS: u32 = 10;
const MESSAGE_SECONDS: u32 = 5;

#[derive(Properties, PartialEq)]
pub struct ToastProps {
    pub deleted: Option<Deleted>,
    /// The title of an article just taken out of the library.
    pub removed_article: Option<String>,
    pub on_undo_remove: Callback<()>,
    pub on_dismiss_remove: Callback<()>,
    pub reanchored: Option<Report>,
    pub message: Option<String>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
}

#[function_component(Toast)]
pub fn toast(props: &ToastProps) -> Html {
    {
        let dispatch = props.dispatch.clone();
        let deleted_id = props.deleted.as_ref().map(|d| d.claim.id.clone());
        use_effect_with(deleted_id, move |id| {
            let timer = id.as_ref().map(|_| {
                Timeout::new(UNDO_SECONDS * 1000, move || {
                    dispatch.emit(Action::DismissUndo)
                })
            });
            move || drop(timer)
        });
    }
    {
        let on_message = props.on_message.clone();
        use_effect_with(props.message.clone(), move |m| {
            let timer = m
                .as_ref()
                .map(|_| Timeout::new(MESSAGE_SECONDS * 1000, move || on_message.emit(None)));
            move || drop(timer)
        });
    }
    let undo = props.dispatch.reform(|_: MouseEvent| Action::UndoDelete);
    let dismiss_report = props.dispatch.reform(|_: MouseEvent| Action::DismissReport);
    html! {
        <div class="toasts" aria-live="polite">
            if props.deleted.is_some() {
                <div class="toast">
                    <span>{ "Claim deleted." }</span>
                    <button type="button" onclick={undo}>{ "Undo" }</button>
                </div>
            }
            if let Some(title) = &props.removed_article {
                <div class="toast">
                    <span>{ format!("Deleted “{title}”.") }</span>
                    <button type="button" onclick={props.on_undo_remove.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
                    <button type="button" onclick={props.on_dismiss_remove.reform(|_: MouseEvent| ())}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(report) = &props.reanchored {
                <div class="toast toast-report" role="status">
                    <span>{ format!("Article saved: {}", report.summary()) }</span>
                    <button type="button" onclick={dismiss_report}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(m) = &props.message {
                <div class="toast">{ m.clone() }</div>
            }
        </div>
    }
}
