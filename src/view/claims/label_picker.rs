//! The claim editor's label picker: one button per label of the open article's exercise, the
//! claim's own pressed, and No label. It draws nothing but its slot when no labels apply
//! (reader mode, an exercise without a set), so the editor looks as it did before labels.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::labels::label_set;
use crate::app::state::AppState;
use crate::core::classroom::labels::in_set;
use crate::web::clock;

/// The labels that apply to the open article, handed down the page as a context so the claims
/// panel need not carry them through every component between.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabelSet(pub Rc<[String]>);

impl LabelSet {
    pub fn of(state: &AppState) -> LabelSet {
        LabelSet(label_set(state).into())
    }
}

#[derive(Properties, PartialEq)]
pub struct LabelPickerProps {
    pub claim_id: String,
    pub label: Option<String>,
    pub dispatch: Callback<Action>,
}

#[function_component(LabelPicker)]
pub fn label_picker(props: &LabelPickerProps) -> Html {
    let set = use_context::<LabelSet>().unwrap_or_default();
    let current = props.label.as_deref();
    let choose = |label: Option<String>| {
        let (dispatch, id) = (props.dispatch.clone(), props.claim_id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::SetLabel {
                id: id.clone(),
                label: label.clone(),
                at: clock::now(),
            })
        })
    };
    let known = current.and_then(|l| in_set(&set.0, l));
    html! {
        <div class="label-slot">
        if !set.0.is_empty() {
            <div class="label-group" role="group" aria-label="Label">
                <span class="label-group-name" aria-hidden="true">{ "Label" }</span>
                { for set.0.iter().map(|label| {
                    let pressed = known == Some(label.as_str());
                    // Pressing the claim's own label again takes it off.
                    let onclick = choose((!pressed).then(|| label.clone()));
                    html! {
                        <button type="button" class={classes!("label-button", pressed.then_some("pressed"))}
                            aria-pressed={pressed.to_string()} onclick={onclick}>{ label.clone() }</button>
                    }
                }) }
                <button type="button" class={classes!("label-button", "label-none", current.is_none().then_some("pressed"))}
                    aria-pressed={current.is_none().to_string()} onclick={choose(None)}>{ "No label" }</button>
            </div>
            if let (Some(label), None) = (current, known) {
                <p class="hint" role="note">
                    { format!("Labelled “{label}”, which is no longer one of this exercise's labels: choose one of them.") }
                </p>
            }
        }
        </div>
    }
}
