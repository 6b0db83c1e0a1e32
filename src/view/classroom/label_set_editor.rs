//! The teacher's label set for an exercise: the labels so far, each with Remove, a field to add
//! one (checked by the one rule, `core::classroom::labels`, with its message beside the field),
//! and presets to start from.

use yew::prelude::*;

use crate::core::classroom::exercise::Settings;
use crate::core::classroom::labels::{check_label, MAX_LABELS, PRESETS};
use crate::view::form_values::{set_value_by_id, value_by_id};

const FIELD_ID: &str = "new-label";

#[derive(Properties, PartialEq)]
pub struct LabelSetEditorProps {
    /// The exercise's settings; the editor changes only their labels.
    pub settings: Settings,
    pub on_settings: Callback<Settings>,
}

/// `settings` with `labels` as its label set.
fn with_labels(settings: &Settings, labels: Vec<String>) -> Settings {
    Settings {
        labels,
        ..settings.clone()
    }
}

#[function_component(LabelSetEditor)]
pub fn label_set_editor(props: &LabelSetEditorProps) -> Html {
    let error = use_state(|| None::<String>);
    let labels = &props.settings.labels;
    let add = {
        let (settings, on_settings, error) = (
            props.settings.clone(),
            props.on_settings.clone(),
            error.clone(),
        );
        move || match check_label(&value_by_id(FIELD_ID), &settings.labels) {
            Ok(label) => {
                let mut next = settings.labels.clone();
                next.push(label);
                on_settings.emit(with_labels(&settings, next));
                set_value_by_id(FIELD_ID, "");
                error.set(None);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let on_add = {
        let add = add.clone();
        Callback::from(move |_: MouseEvent| add())
    };
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            add();
        }
    });
    let set_to = |next: Vec<String>| {
        let next = with_labels(&props.settings, next);
        props.on_settings.reform(move |_: MouseEvent| next.clone())
    };
    let remove = |i: usize| {
        let mut rest = labels.clone();
        rest.remove(i);
        set_to(rest)
    };
    html! {
        <fieldset class="exercise-settings label-set-editor">
            <legend>{ "Labels students tag claims with" }</legend>
            if labels.is_empty() {
                <p class="hint">{ "None: students mark claims Verified or Unverified only. Add labels (such as fact / opinion) to have them sort claims too, and label your key's claims: label agreement is scored on them." }</p>
                <div class="label-presets">
                    { for PRESETS.iter().map(|(name, set)| {
                        let onclick = set_to(set.iter().map(|l| l.to_string()).collect());
                        html! { <button type="button" {onclick}>{ format!("Use “{name}”") }</button> }
                    }) }
                </div>
            } else {
                <ul class="label-set" aria-label="Labels">
                    { for labels.iter().enumerate().map(|(i, label)| html! {
                        <li class="label-chip">
                            <span class="claim-label">{ label.clone() }</span>
                            <button type="button" aria-label={format!("Remove label {label}")} onclick={remove(i)}>{ "×" }</button>
                        </li>
                    }) }
                </ul>
            }
            if labels.len() < MAX_LABELS {
                <div class="label-add">
                    <label for={FIELD_ID} class="visually-hidden">{ "New label" }</label>
                    <input id={FIELD_ID} type="text" maxlength="60" placeholder="New label, e.g. needs context"
                        autocomplete="off" onkeydown={on_key} />
                    <button type="button" onclick={on_add}>{ "Add label" }</button>
                </div>
            }
            <p class="error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
        </fieldset>
    }
}
