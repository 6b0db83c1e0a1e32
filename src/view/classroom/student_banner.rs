//! Student mode: the exercise's instructions, the student's name, and handing the work in.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::{Action, AppState};
use crate::core::classroom::session::{submission, submission_problems, Mode};
use crate::view::form_values::event_value;
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct StudentBannerProps {
    pub state: Rc<AppState>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
}

#[function_component(StudentBanner)]
pub fn student_banner(props: &StudentBannerProps) -> Html {
    let problems = use_state(Vec::<String>::new);
    let name_ref = use_node_ref();
    let work = props.state.classroom.active_work().cloned();
    {
        // Filled once per exercise: after that the field is the student's own.
        let name_ref = name_ref.clone();
        let (id, name) = work
            .as_ref()
            .map(|w| (w.exercise.id.clone(), w.student.clone()))
            .unwrap_or_default();
        use_effect_with(id, move |_| {
            if let Some(input) = name_ref.cast::<web_sys::HtmlInputElement>() {
                input.set_value(&name);
            }
        });
    }
    let Some(work) = work else {
        return html! {};
    };
    let on_name = props
        .dispatch
        .reform(|e: InputEvent| Action::SetStudentName(event_value(&e)));
    let on_submit = {
        let (state, problems, on_message) = (
            props.state.clone(),
            problems.clone(),
            props.on_message.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(work) = state.classroom.active_work() else {
                return;
            };
            let found = submission_problems(work, &state.claims);
            if !found.is_empty() {
                problems.set(found);
                on_message.emit(Some(
                    "Not handed in yet: see the list above your work.".into(),
                ));
                return;
            }
            problems.set(Vec::new());
            let (name, json) = submission(work, &state.claims, &clock::now());
            on_message.emit(Some(
                match download::download_text(&name, "application/json", &json) {
                    Ok(()) => format!("Saved {name}: hand this file to your teacher."),
                    Err(e) => e,
                },
            ));
        })
    };
    let exercise = &work.exercise;
    let hint = exercise
        .claim_count
        .map(|n| format!("The answer key has {n} sourced claims."));
    let settings = exercise.settings;
    html! {
        <section class="student-banner" aria-label="Exercise">
            <div class="student-head">
                <h2>{ format!("Exercise: {}", exercise.title) }</h2>
                <button type="button" onclick={props.dispatch.reform(|_: MouseEvent| Action::SetMode(Mode::Reader))}
                    title="Your work is kept: open the exercise file again to go on">{ "Leave exercise" }</button>
            </div>
            if !exercise.instructions.trim().is_empty() {
                <p class="instructions">{ exercise.instructions.clone() }</p>
            }
            <ul class="exercise-rules">
                if let Some(hint) = hint { <li>{ hint }</li> }
                if settings.require_source { <li>{ "Give the source of every claim." }</li> }
                if settings.verified_needs_evidence { <li>{ "A Verified claim needs a link to evidence that supports it." }</li> }
                <li>{ "Your work is saved in this browser as you go." }</li>
            </ul>
            <div class="student-actions">
                <label>{ "Your name " }
                    <input ref={name_ref} id="student-name" type="text" autocomplete="name" oninput={on_name} />
                </label>
                <button type="button" class="primary" onclick={on_submit}>{ "Submit" }</button>
            </div>
            if !problems.is_empty() {
                <ul class="submit-problems" role="alert">
                    { for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ul>
            }
        </section>
    }
}
