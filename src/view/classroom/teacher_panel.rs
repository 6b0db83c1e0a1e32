//! Teacher mode: building an exercise from the open article (instructions, settings, the key
//! being the teacher's own claims), exporting it, and printing the worksheet and the key.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::classroom::exercise::{Exercise, Key, Settings};
use crate::core::classroom::session::{build_exercise, ExerciseDraft};
use crate::core::model::{Article, Claim};
use crate::view::form_values::event_value;
use crate::view::SameRc;
use crate::web::{clipboard, clock, download, exercise_link};

#[derive(Properties, PartialEq)]
pub struct TeacherPanelProps {
    pub article: Rc<Article>,
    /// The teacher's claims on the article: the answer key.
    pub claims: Vec<Claim>,
    /// The exercise being prepared from the article.
    pub draft: ExerciseDraft,
    pub on_instructions: Callback<String>,
    pub on_settings: Callback<Settings>,
    /// The exercise was exported under an id with a hash.
    pub on_exported: Callback<(String, String)>,
    /// Accepts every claim suggestion into the key.
    pub on_draft_key: Callback<()>,
    pub on_message: Callback<Option<String>>,
}

/// Prints one of the sheets (`worksheet` or `key`, see `print_sheets`) with the browser's own
/// print dialog; the print style sheet shows only the sheet named on the body. The name is taken
/// off after printing, and by any print the buttons did not ask for (Ctrl+P later prints the
/// page, even where the browser never says a print ended).
pub(crate) fn print(sheet: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let body = gloo::utils::body();
        let _ = body.set_attribute("data-print", sheet);
        let _ = body.set_attribute("data-print-asked", "");
        let window = gloo::utils::window();
        gloo::events::EventListener::once(&window, "afterprint", |_| {
            let _ = gloo::utils::body().remove_attribute("data-print");
        })
        .forget();
        let _ = window.print();
    })
}

/// Installed once: a print that no Print button asked for prints the page as it is.
pub fn forget_stale_print_requests() {
    gloo::events::EventListener::new(&gloo::utils::window(), "beforeprint", |_| {
        let body = gloo::utils::body();
        if body.has_attribute("data-print-asked") {
            let _ = body.remove_attribute("data-print-asked");
        } else {
            let _ = body.remove_attribute("data-print");
        }
    })
    .forget();
}

/// What Export and Copy exercise link both make the exercise from: the article, the teacher's
/// claims (the key) and the draft, and whom to tell.
struct KeySource {
    article: Rc<Article>,
    claims: Vec<Claim>,
    draft: ExerciseDraft,
    on_exported: Callback<(String, String)>,
    on_message: Callback<Option<String>>,
}

impl KeySource {
    fn of(props: &TeacherPanelProps) -> Self {
        KeySource {
            article: props.article.clone(),
            claims: props.claims.clone(),
            draft: props.draft.clone(),
            on_exported: props.on_exported.clone(),
            on_message: props.on_message.clone(),
        }
    }

    /// The exercise and its key as they stand now, reported as exported; `None`, with the
    /// reason shown, while there are no claims to be the key.
    fn build(&self) -> Option<(Exercise, Key)> {
        if self.claims.is_empty() {
            self.on_message.emit(Some(
                "Mark the claims students should find first: your claims on this article are the answer key.".into(),
            ));
            return None;
        }
        let (exercise, key) =
            build_exercise(&self.article, &self.claims, &self.draft, &clock::now());
        self.on_exported
            .emit((exercise.id.clone(), exercise.hash.clone()));
        Some((exercise, key))
    }
}

/// Exports the exercise and its answer key (`with_exercise`, what Export exercise does), or the
/// key alone, for browsers that held back the second download of one click.
fn export(props: &TeacherPanelProps, with_exercise: bool) -> Callback<MouseEvent> {
    let source = KeySource::of(props);
    Callback::from(move |_: MouseEvent| {
        let Some((exercise, key)) = source.build() else {
            return;
        };
        let on_message = &source.on_message;
        let mut files = Vec::new();
        if with_exercise {
            files.push((exercise.file_name(), exercise.to_json()));
        }
        files.push((key.file_name(), key.to_json()));
        for (name, json) in &files {
            if let Err(e) = download::download_text(name, "application/json", json) {
                on_message.emit(Some(e));
                return;
            }
        }
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        on_message.emit(Some(if with_exercise {
            format!(
                "Exported {} for students and {} for you (keep the key to yourself). If your browser asks, allow both downloads.",
                names[0], names[1]
            )
        } else {
            format!("Exported {}", names[0])
        }));
    })
}

/// Copy exercise link: the exercise in a link's fragment (which never reaches a server), on
/// the clipboard and shown, for students to open in Student mode.
fn copy_link(
    props: &TeacherPanelProps,
    shown: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let (source, shown) = (KeySource::of(props), shown.clone());
    Callback::from(move |_: MouseEvent| {
        let Some((exercise, _)) = source.build() else {
            return;
        };
        let (shown, on_message) = (shown.clone(), source.on_message.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let link = match exercise_link::link_for(&exercise).await {
                Ok(link) => link,
                Err(e) => return on_message.emit(Some(e)),
            };
            shown.set(Some(link.clone()));
            let chars = link.chars().count();
            on_message.emit(Some(match clipboard::copy_text(&link).await {
                Ok(()) => format!("Copied the exercise link ({chars} characters). Students who open it work on the exercise; the answer key is not in it."),
                Err(_) => format!("The exercise link ({chars} characters) is shown in the panel: select it and copy it."),
            }));
        });
    })
}

/// What students' work must have.
fn settings_fieldset(settings: Settings, on_settings: &Callback<Settings>) -> Html {
    let setting = |label: &'static str, on: bool, change: fn(&mut Settings, bool)| {
        let on_settings = on_settings.clone();
        let settings = settings.clone();
        let onchange = Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.checked())
                .unwrap_or(false);
            let mut next = settings.clone();
            change(&mut next, checked);
            on_settings.emit(next);
        });
        html! {
            <label class="check"><input type="checkbox" checked={on} {onchange} />{ label }</label>
        }
    };
    html! {
        <>
        <fieldset class="exercise-settings">
            <legend>{ "Students must" }</legend>
            { setting("give a source for each claim", settings.require_source, |s, on| s.require_source = on) }
            { setting("add evidence to mark a claim Verified", settings.verified_needs_evidence, |s, on| s.verified_needs_evidence = on) }
            { setting("be told how many claims the key has", settings.show_count_hint, |s, on| s.show_count_hint = on) }
        </fieldset>
        <fieldset class="exercise-settings">
            <legend>{ "Students may" }</legend>
            { setting("Allow hints: ask for one suggested claim at a time (the count is handed in)", settings.allow_hints, |s, on| s.allow_hints = on) }
        </fieldset>
        </>
    }
}

#[function_component(TeacherPanel)]
pub fn teacher_panel(props: &TeacherPanelProps) -> Html {
    let draft = &props.draft;
    // Hashing the article is for when it or the exercise changed, not for every render.
    let changed = *use_memo(
        (SameRc(props.article.clone()), draft.clone()),
        |(article, draft)| draft.changed_since_export(&article.0.text),
    );
    let on_instructions = props
        .on_instructions
        .reform(|e: InputEvent| event_value(&e));
    let key_count = props.claims.len();
    let shown_link = use_state(|| None::<String>);
    html! {
        <section class="teacher-panel" aria-labelledby="exercise-heading">
            <h2 id="exercise-heading">{ "Exercise from this article" }</h2>
            <p class="key-summary">
                { format!("Answer key: {key_count} {} — the claims you mark on this article, with their status and source kind.",
                    if key_count == 1 { "claim" } else { "claims" }) }
            </p>
            if changed {
                <p class="changed-warning" role="status">
                    { "You changed this exercise since you exported it. Export it again and hand out the new file: work on the old one will be flagged when scored with the new key." }
                </p>
            }
            <label class="stacked" for="exercise-instructions">{ "Instructions for students" }</label>
            <textarea id="exercise-instructions" rows="3" defaultvalue={draft.instructions.clone()}
                placeholder="Find every sourced claim. For each, say who the source is and whether the article shows it is verified."
                oninput={on_instructions} />
            { settings_fieldset(draft.settings.clone(), &props.on_settings) }
            <crate::view::classroom::label_set_editor::LabelSetEditor settings={draft.settings.clone()} on_settings={props.on_settings.clone()} />
            <div class="teacher-actions">
                <button type="button" class="draft-key" onclick={props.on_draft_key.reform(|_: MouseEvent| ())}
                    title="Accepts every claim suggestion as a claim of the key; check them before you export">{ "Draft key from suggestions" }</button>
                <button type="button" class="primary" onclick={export(props, true)}>{ "Export exercise" }</button>
                <button type="button" id="copy-exercise-link" onclick={copy_link(props, &shown_link)}
                    title="A link that holds the exercise (not the key): students open it instead of a file">{ "Copy exercise link" }</button>
                <button type="button" onclick={export(props, false)}>{ "Export answer key" }</button>
                <button type="button" onclick={print("worksheet")}>{ "Print worksheet" }</button>
                <button type="button" onclick={print("key")}>{ "Print answer key" }</button>
            </div>
            if let Some(link) = (*shown_link).clone() {
                <label class="stacked exercise-link">{ "Exercise link" }
                    <input id="exercise-link" type="text" readonly=true value={link} />
                </label>
            }
        </section>
    }
}
