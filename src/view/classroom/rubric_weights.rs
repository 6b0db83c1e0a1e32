//! The rubric: how much each part of a score weighs, the presets beside the weights, and a
//! message for a weight that cannot be used (negative, empty) instead of quietly using 0.

use yew::prelude::*;

use crate::core::classroom::scoring::rubric::{parse_weight, Preset};
use crate::core::classroom::scoring::Rubric;
use crate::view::form_values::{event_value, set_value_by_id};

#[derive(Properties, PartialEq)]
pub struct RubricWeightsProps {
    pub rubric: Rubric,
    pub on_rubric: Callback<Rubric>,
    /// Whether the exercise has labels: then label agreement has a weight too.
    pub has_labels: bool,
}

/// Each weight: its field's id, its label, and how it is set.
type Field = (&'static str, &'static str, fn(&mut Rubric, f64));

const FIELDS: [Field; 6] = [
    ("weight-found", "Claims found", |r, v| r.found = v),
    ("weight-span-fit", "Span fit", |r, v| r.span_fit = v),
    ("weight-precision", "Precision", |r, v| r.precision = v),
    ("weight-status", "Status agreement", |r, v| r.status = v),
    ("weight-source", "Source agreement", |r, v| r.source = v),
    ("weight-labels", "Label agreement", |r, v| r.labels = v),
];

fn values(r: &Rubric) -> [f64; 6] {
    [
        r.found,
        r.span_fit,
        r.precision,
        r.status,
        r.source,
        r.labels,
    ]
}

fn fill(rubric: &Rubric) {
    for ((id, _, _), value) in FIELDS.iter().zip(values(rubric)) {
        set_value_by_id(id, &format!("{value}"));
    }
}

/// How much each part of a score weighs, with presets; bad weights get a message.
#[function_component(RubricWeights)]
pub fn rubric_weights(props: &RubricWeightsProps) -> Html {
    let rubric = props.rubric;
    let has_labels = props.has_labels;
    // The message for each field a teacher typed something unusable in.
    let problems = use_state(<[Option<String>; 6]>::default);
    {
        // Filled once: after that the fields are the teacher's, and a re-render in the middle of
        // typing must not put the old number back.
        // Again when the labels field comes or goes.
        use_effect_with(has_labels, move |_| fill(&rubric));
    }
    let field = |i: usize| {
        let (id, label, set) = FIELDS[i];
        let on_rubric = props.on_rubric.clone();
        let problems_handle = problems.clone();
        let onchange = Callback::from(move |e: Event| {
            let mut next_problems = (*problems_handle).clone();
            match parse_weight(&event_value(&e)) {
                Ok(v) => {
                    next_problems[i] = None;
                    let mut next = rubric;
                    set(&mut next, v);
                    on_rubric.emit(next);
                }
                Err(message) => next_problems[i] = Some(format!("{label}: {message}")),
            }
            problems_handle.set(next_problems);
        });
        let invalid = problems[i].is_some();
        html! {
            <label for={id}>{ label }
                <input {id} type="number" min="0" step="0.05" {onchange}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={invalid.then_some("rubric-problems")} />
            </label>
        }
    };
    let preset_button = |preset: Preset| {
        let on_rubric = props.on_rubric.clone();
        let problems = problems.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let next = preset.rubric();
            fill(&next);
            problems.set(Default::default());
            on_rubric.emit(next);
        });
        let pressed = rubric.preset() == Some(preset);
        html! {
            <button type="button" class="rubric-preset" {onclick} aria-pressed={pressed.to_string()}
                title={preset.description()}>{ preset.label() }</button>
        }
    };
    let mut messages: Vec<String> = problems.iter().flatten().cloned().collect();
    if messages.is_empty() {
        messages.extend(rubric.problem(has_labels));
    }
    html! {
        <fieldset class="rubric">
            <legend>{ "Rubric weights (relative)" }</legend>
            <div class="rubric-presets" role="group" aria-label="Rubric presets">
                <span>{ "Presets:" }</span>
                { for Preset::ALL.into_iter().map(preset_button) }
            </div>
            { for (0..FIELDS.len()).filter(|&i| has_labels || FIELDS[i].0 != "weight-labels").map(field) }
            <p class="rubric-note">{ match rubric.preset() {
                Some(p) => format!("{}: {}", p.label(), p.description()),
                None => "Your own weights: each part counts in proportion to its weight.".to_string(),
            } }</p>
            if !messages.is_empty() {
                <ul id="rubric-problems" class="rubric-problems" role="alert">
                    { for messages.into_iter().map(|m| html! { <li>{ m }</li> }) }
                </ul>
            }
        </fieldset>
    }
}
