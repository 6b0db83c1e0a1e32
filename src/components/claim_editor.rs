//! The selected claim: its status, source, note, and Delete.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::clock;
use crate::model::{Claim, Status};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ClaimEditorProps {
    pub claim: Claim,
    pub dispatch: Callback<Action>,
}

fn field_value(e: &InputEvent) -> String {
    let target = e.target();
    if let Some(input) = target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        return input.value();
    }
    target
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

#[function_component(ClaimEditor)]
pub fn claim_editor(props: &ClaimEditorProps) -> Html {
    let claim = &props.claim;
    let status_button = |status: Status, icon: &'static str| {
        let dispatch = props.dispatch.clone();
        let id = claim.id.clone();
        let pressed = claim.status == status;
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::SetStatus {
                id: id.clone(),
                status,
                at: clock::now(),
            })
        });
        html! {
            <button type="button"
                class={classes!("status-button", format!("status-{}", status.as_str()), pressed.then_some("pressed"))}
                aria-pressed={pressed.to_string()}
                onclick={onclick}>
                <span class="icon" aria-hidden="true">{ icon }</span>{ status.label() }
            </button>
        }
    };
    let on_source = {
        let dispatch = props.dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |e: InputEvent| {
            dispatch.emit(Action::SetSource {
                id: id.clone(),
                source: field_value(&e),
                at: clock::now(),
            })
        })
    };
    let on_note = {
        let dispatch = props.dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |e: InputEvent| {
            dispatch.emit(Action::SetNote {
                id: id.clone(),
                note: field_value(&e),
                at: clock::now(),
            })
        })
    };
    let on_delete = {
        let dispatch = props.dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Delete { id: id.clone() }))
    };
    let source_id = format!("source-{}", claim.id);
    let note_id = format!("note-{}", claim.id);
    html! {
        <section class="claim-editor" aria-label="Selected claim">
            <blockquote class="editor-quote">{ claim.quote.exact.clone() }</blockquote>
            <div class="status-group" role="group" aria-label="Status">
                { status_button(Status::Verified, "✓") }
                { status_button(Status::Unverified, "?") }
            </div>
            <label for={source_id.clone()}>{ "Source" }</label>
            <input id={source_id} type="text" value={claim.source.clone()} oninput={on_source}
                placeholder="Who the article attributes this to" autocomplete="off" />
            <label for={note_id.clone()}>{ "Note" }</label>
            <textarea id={note_id} value={claim.note.clone()} oninput={on_note} rows="4"
                placeholder="What you checked, what you found" />
            <div class="editor-actions">
                <button type="button" class="danger" onclick={on_delete}>{ "Delete" }</button>
            </div>
        </section>
    }
}
