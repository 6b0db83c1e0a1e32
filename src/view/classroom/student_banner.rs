//! Student mode: the exercise's instructions, the student's name, how far the work is, and
//! handing it in (as a file or as a code to paste), with when it last was.

use yew::prelude::*;

use crate::core::classroom::progress::progress_line;
use crate::core::classroom::session::{
    submission, submission_problems, submission_record, Classroom, StudentWork,
};
use crate::core::model::Claim;
use crate::view::form_values::event_value;
use crate::view::SameRc;
use crate::web::{clipboard, clock, download, exercise_link};

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
    /// The work was handed in at this moment (RFC 3339).
    #[prop_or_default]
    pub on_handed_in: Callback<String>,
}

/// "10:42" in the reader's own time (and the day, when it was not today).
fn local_time(at: &str) -> String {
    let date = js_sys::Date::new(&at.into());
    if date.get_time().is_nan() {
        return at.to_string();
    }
    let time = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    let today = js_sys::Date::new_0().to_date_string();
    if date.to_date_string() == today {
        time
    } else {
        format!(
            "{} {time}",
            String::from(date.to_locale_date_string("default", &js_sys::Object::new()))
        )
    }
}

/// What keeps the work from being handed in, shown above it; `true` when nothing does.
fn ready(
    work: &StudentWork,
    claims: &[Claim],
    problems: &UseStateHandle<Vec<String>>,
    on_message: &Callback<Option<String>>,
) -> bool {
    let found = submission_problems(work, claims);
    let ok = found.is_empty();
    if !ok {
        on_message.emit(Some(
            "Not handed in yet: see the list above your work.".into(),
        ));
    }
    problems.set(found);
    ok
}

/// Copy submission code: the work as a code the teacher pastes, on the clipboard and shown
/// (to copy by hand where the browser refuses the clipboard).
fn copy_code(
    props: &StudentBannerProps,
    problems: &UseStateHandle<Vec<String>>,
    shown: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let (classroom, claims, problems, shown) = (
        props.classroom.clone(),
        props.claims.clone(),
        problems.clone(),
        shown.clone(),
    );
    let (on_message, on_handed_in) = (props.on_message.clone(), props.on_handed_in.clone());
    Callback::from(move |_: MouseEvent| {
        let Some(work) = classroom.0.active_work() else {
            return;
        };
        if !ready(work, &claims, &problems, &on_message) {
            return;
        }
        let now = clock::now();
        let record = submission_record(work, &claims, &now);
        let (shown, on_message, on_handed_in) =
            (shown.clone(), on_message.clone(), on_handed_in.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let code = match exercise_link::code_for(&record).await {
                Ok(code) => code,
                Err(e) => return on_message.emit(Some(e)),
            };
            shown.set(Some(code.clone()));
            on_handed_in.emit(now);
            on_message.emit(Some(match clipboard::copy_text(&code).await {
                Ok(()) => "Your submission code is copied: paste it where your teacher asked (a message, a form).".to_string(),
                Err(_) => "Your submission code is shown under Submit: select it and copy it for your teacher.".to_string(),
            }));
        });
    })
}

#[function_component(StudentBanner)]
pub fn student_banner(props: &StudentBannerProps) -> Html {
    let problems = use_state(Vec::<String>::new);
    let shown_code = use_state(|| None::<String>);
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
        let on_handed_in = props.on_handed_in.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(work) = classroom.0.active_work() else {
                return;
            };
            if !ready(work, &claims, &problems, &on_message) {
                return;
            }
            let now = clock::now();
            let (name, json) = submission(work, &claims, &now);
            on_message.emit(Some(
                match download::download_text(&name, "application/json", &json) {
                    Ok(()) => {
                        on_handed_in.emit(now);
                        format!("Saved {name}: hand this file to your teacher.")
                    }
                    Err(e) => e,
                },
            ));
        })
    };
    let on_copy_code = copy_code(props, &problems, &shown_code);
    let handed_in = props.classroom.0.handed_in.get(&work.exercise.id).cloned();
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
                <button type="button" class="primary" onclick={on_submit}
                    title="Saves your work as a file to hand to your teacher">{ "Submit" }</button>
                <button type="button" id="copy-submission-code" onclick={on_copy_code}
                    title="Copies your work as a code to paste for your teacher, instead of a file">{ "Copy submission code" }</button>
            </div>
            <p class="student-progress" aria-live="polite">{ progress_line(&props.claims) }</p>
            if let Some(at) = handed_in {
                <p class="handed-in" role="status">
                    { format!("Handed in at {}. You can hand in again after more work: the newest one counts.", local_time(&at)) }
                </p>
            }
            if let Some(code) = (*shown_code).clone() {
                <label class="stacked submission-code">{ "Your submission code" }
                    <textarea id="submission-code" readonly=true rows="3" value={code} />
                </label>
            }
            if !problems.is_empty() {
                <ul class="submit-problems" role="alert">
                    { for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ul>
            }
        </section>
    }
}
