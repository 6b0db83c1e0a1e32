//! Orphans: claims whose words are no longer in the article. Never dropped: each can be put back
//! on a passage the reader selects, or deleted.

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::view_model::claim_markup::brief;
use crate::core::model::Claim;
use crate::web::{clock, text_selection};

#[derive(Properties, PartialEq)]
pub struct OrphanListProps {
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
}

#[function_component(OrphanList)]
pub fn orphan_list(props: &OrphanListProps) -> Html {
    // Pressing a button must not clear the article selection it is about to use.
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    html! {
        <section class="orphans" aria-labelledby="orphans-heading">
            <h3 id="orphans-heading">{ format!("Orphans ({})", props.orphans.len()) }</h3>
            <p class="hint">
                { "The words of these claims are no longer in the article. Select the passage where one belongs and choose Re-attach, or delete it." }
            </p>
            <ul class="orphan-list">
                { for props.orphans.iter().map(|c| {
                    let reattach = {
                        let (dispatch, on_message, id) = (props.dispatch.clone(), props.on_message.clone(), c.id.clone());
                        Callback::from(move |_: MouseEvent| match text_selection::selection_offsets() {
                            Some((start, end)) => {
                                dispatch.emit(Action::Reattach { id: id.clone(), start, end, at: clock::now() });
                                text_selection::clear_selection();
                            }
                            None => on_message.emit(Some(
                                "Select the passage in the article first, then choose Re-attach.".to_string(),
                            )),
                        })
                    };
                    let select = {
                        let (dispatch, id) = (props.dispatch.clone(), c.id.clone());
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Select(Some(id.clone()))))
                    };
                    let delete = {
                        let (dispatch, id) = (props.dispatch.clone(), c.id.clone());
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Delete { id: id.clone() }))
                    };
                    let is_selected = props.selected.as_deref() == Some(c.id.as_str());
                    html! {
                        <li key={c.id.clone()} class={classes!("orphan", is_selected.then_some("selected"))}>
                            <button type="button" class="orphan-quote" onclick={select} aria-current={is_selected.then_some("true")}>
                                { Html::from_html_unchecked(brief(c).into()) }
                            </button>
                            <div class="orphan-actions">
                                <button type="button" onmousedown={keep_selection.clone()} onclick={reattach}>{ "Re-attach" }</button>
                                <button type="button" class="danger" onclick={delete}>{ "Delete" }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
