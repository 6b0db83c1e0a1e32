//! Student mode: the exercise's instructions, the student's name, and handing the work in.

use yew::prelude::*;

use crate::core::classroom::session::{submission, submission_problems, Classroom};
use crate::core::model::Claim;
use crate::view::form_values::event_value;
use crate::view::SameRc;
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct StudentBannerProps {
    /// The classroom state, with the exercise being worked on.
    pub classroom: SameRc<Classroom>,
    /// The student's claims: what is handed in.
    pub claims: Vec<Claim>,
    pub on_name: Callback<String>,
    /// Leaves the exercise (its work is kept).
    pub on_leave: Callback<()>,
    pub on_message: Callback<Option<String>>,
}

#[function_component(StudentBanner)]
pub fn student_banner(props: &StudentBannerProps) -> Html {
    let problems = use_state(Vec::<String>::new);
    let name_ref = use_node_ref();
    let work = props.classroom.0.active_work().cloned();
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
    let on_name = props.on_name.reform(|e: InputEvent| event_value(&e));
    let on_submit = {
        let (classroom, claims, problems, on_message) = (
            props.classroom.clone(),
            props.claims.clone(),
            problems.clone(),
            props.on_message.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(work) = classroom.0.active_work() else {
                return;
            };
            let found = submission_problems(work, &claims);
            if !found.is_empty() {
                problems.set(found);
                on_message.emit(Some(
                    "Not handed in yet: see the list above your work.".into(),
                ));
                return;
            }
            problems.set(Vec::new());
            let (name, json) = submission(work, &claims, &clock::now());
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
    let settings = &exercise.settings;
    html! {
        <section class="student-banner" aria-label="Exercise">
            <div class="student-head">
                <h2>{ format!("Exercise: {}", exercise.title) }</h2>
                <button type="button" onclick={props.on_leave.reform(|_: MouseEvent| ())}
                    title="Your work is kept: open the exercise file again to go on">{ "Leave exercise" }</button>
            </div>
            if !exercise.instructions.trim().is_empty() {
                <p class="instructions">{ exercise.instructions.clone() }</p>
            }
            <ul class="exercise-rules">
                if let Some(hint) = hint { <li>{ hint }</li> }
                if settings.require_source { <li>{ "Give the source of every claim." }</li> }
                if settings.verified_needs_evidence { <li>{ "A Verified claim needs a link to evidence that supports it." }</li> }
                <li>{ "Your work is saved in this browser as you go (a warning says so when it cannot be)." }</li>
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
