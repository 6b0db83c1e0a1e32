//! The library: every article kept in this browser, with its claim counts; open, rename or
//! delete one; and how much of the browser's storage is used.

use yew::prelude::*;

use crate::app::backup::persistence_text;
use crate::core::library::store::{IndexEntry, STORAGE_QUOTA};
use crate::core::text::plural::counted;
use crate::core::text::sizes::storage_used;
use crate::view::form_values::value_by_id;
use crate::web::persistence;

#[derive(Properties, PartialEq)]
pub struct LibraryDialogProps {
    pub open: bool,
    pub entries: Vec<IndexEntry>,
    pub current: String,
    /// The articles that are students' copies of an exercise (work on it, possibly the
    /// teacher's own try), told apart from the article the exercise was made from.
    #[prop_or_default]
    pub exercise_copies: Vec<String>,
    /// UTF-16 code units used in localStorage.
    pub usage: usize,
    pub on_close: Callback<()>,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    pub on_delete: Callback<String>,
    /// The title of the article just deleted, while it can still be undone.
    pub removed: Option<String>,
    pub on_undo_remove: Callback<()>,
    /// Downloads what was kept of stored data that cannot be read.
    pub on_download_kept_data: Callback<()>,
    /// Downloads the whole library as Claimcheck JSON.
    pub on_backup: Callback<()>,
}

/// How much of the browser's storage is used, with a warning when it is nearly full.
fn storage_meter(usage: usize) -> Html {
    let share = usage as f64 / STORAGE_QUOTA as f64;
    let percent = (share * 100.0).min(100.0);
    html! {
        <div class={classes!("storage-meter", (share >= 0.8).then_some("storage-high"))}>
            <label for="storage-use">{ storage_used(usage, STORAGE_QUOTA) }</label>
            <meter id="storage-use" min="0" max="100" low="60" high="80" optimum="10" value={format!("{percent:.1}")} />
            if share >= 0.8 {
                <p class="warning" role="alert">
                    { "Storage is nearly full. Export the articles you are done with (Export JSON), then delete them here to make room." }
                </p>
            }
        </div>
    }
}

/// Whether the browser keeps the data for good, asked each time the dialog opens (`None` until
/// it answers, or when it cannot say).
#[hook]
fn use_persisted(open: bool) -> Option<bool> {
    let persisted = use_state(|| None);
    {
        let persisted = persisted.clone();
        use_effect_with(open, move |open| {
            if *open {
                wasm_bindgen_futures::spawn_local(async move {
                    persisted.set(persistence::persisted().await);
                });
            }
        });
    }
    *persisted
}

/// Whether the data is kept, and the one-click backup of the whole library.
fn keeping(persisted: Option<bool>, on_backup: &Callback<()>) -> Html {
    html! {
        <div class="library-keeping">
            <p class="persistence">{ persistence_text(persisted) }</p>
            <button type="button" onclick={on_backup.reform(|_: MouseEvent| ())}>{ "Back up library" }</button>
        </div>
    }
}

/// Shows the dialog as a modal while `open`; each time it opens, no rename or delete is under
/// way.
#[hook]
fn use_modal(
    open: bool,
    renaming: &UseStateHandle<Option<String>>,
    confirming: &UseStateHandle<Option<String>>,
) -> NodeRef {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        let (renaming, confirming) = (renaming.clone(), confirming.clone());
        use_effect_with(open, move |open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if *open && !d.open() {
                    renaming.set(None);
                    confirming.set(None);
                    let _ = d.show_modal();
                } else if !*open && d.open() {
                    d.close();
                }
            }
        });
    }
    dialog
}

/// The title box is filled when it opens, then left to the user while they type.
#[hook]
fn use_rename_box(title: Option<String>) {
    use_effect_with(title, |title| {
        let input = gloo::utils::document()
            .get_element_by_id("rename-title")
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok());
        if let (Some(input), Some(title)) = (input, title) {
            input.set_value(title);
            let _ = input.focus();
        }
    });
}

#[function_component(LibraryDialog)]
pub fn library_dialog(props: &LibraryDialogProps) -> Html {
    let renaming = use_state(|| None::<String>);
    let confirming = use_state(|| None::<String>);
    let dialog = use_modal(props.open, &renaming, &confirming);
    let persisted = use_persisted(props.open);
    use_rename_box(
        (*renaming)
            .as_ref()
            .and_then(|id| props.entries.iter().find(|e| &e.id == id))
            .map(|e| e.title.clone()),
    );
    let rows = props
        .entries
        .iter()
        .map(|e| entry_row(props, e, &renaming, &confirming));
    html! {
        <dialog ref={dialog} class="library-dialog" aria-labelledby="library-title" onclose={props.on_close.reform(|_: Event| ())}>
            <h2 id="library-title">{ "Library" }</h2>
            { storage_meter(props.usage) }
            { keeping(persisted, &props.on_backup) }
            // The page behind a modal is out of reach, so the undo is offered here too.
            if let Some(title) = &props.removed {
                <div class="library-undo" role="status">
                    <span>{ format!("Deleted “{title}”.") }</span>
                    <button type="button" onclick={props.on_undo_remove.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
                </div>
            }
            if props.entries.is_empty() {
                <p class="empty">{ "Articles you open or annotate are kept here." }</p>
            } else {
                <ul class="library-list">{ for rows }</ul>
            }
            <div class="dialog-actions">
                <button type="button" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </dialog>
    }
}

/// One article of the library: its title (or the rename box), its counts, and Open, Rename and
/// Delete (or the question whether to delete it for good).
fn entry_row(
    props: &LibraryDialogProps,
    e: &IndexEntry,
    renaming: &UseStateHandle<Option<String>>,
    confirming: &UseStateHandle<Option<String>>,
) -> Html {
    let id = e.id.clone();
    let is_current = e.id == props.current;
    let open = props.on_open.reform({
        let id = id.clone();
        move |_: MouseEvent| id.clone()
    });
    let start_rename = {
        let (renaming, id) = (renaming.clone(), id.clone());
        Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
    };
    let ask_delete = {
        let (confirming, id) = (confirming.clone(), id.clone());
        Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };
    let delete = {
        let (on_delete, confirming, id) = (props.on_delete.clone(), confirming.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(None);
            on_delete.emit(id.clone())
        })
    };
    let rename_form = {
        let (on_rename, renaming, id) = (props.on_rename.clone(), renaming.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_rename.emit((id.clone(), value_by_id("rename-title")));
            renaming.set(None);
        })
    };
    let cancel_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(None))
    };
    html! {
        <li key={e.id.clone()} class={classes!("library-entry", is_current.then_some("current"))}>
            if renaming.as_deref() == Some(e.id.as_str()) {
                <form class="rename" onsubmit={rename_form}>
                    <label for="rename-title" class="visually-hidden">{ "New title" }</label>
                    <input id="rename-title" type="text" />
                    <button type="submit" class="primary">{ "Save title" }</button>
                    <button type="button" onclick={cancel_rename}>{ "Cancel" }</button>
                </form>
            } else {
                <div class="library-title">
                    <strong>{ e.title.clone() }</strong>
                    if props.exercise_copies.contains(&e.id) {
                        <span class="badge exercise-work" title="Work on the exercise made from this article; the article itself is listed apart">{ "exercise work" }</span>
                    }
                    if is_current { <span class="badge">{ "open" }</span> }
                </div>
            }
            if e.unreadable {
                <div class="library-counts unreadable" role="note">
                    { "Its saved copy cannot be read, so it cannot be opened. It is kept unchanged, to download." }
                </div>
            } else {
                <div class="library-counts">{ e.summary() }</div>
            }
            if confirming.as_deref() == Some(e.id.as_str()) {
                <div class="confirm" role="alert">
                    <span>{ format!("Delete “{}” and its {} from this browser?", e.title, counted(e.claims + e.orphans, "claim", "claims")) }</span>
                    <button type="button" class="danger" onclick={delete}>{ "Delete for good" }</button>
                    <button type="button" onclick={keep}>{ "Keep it" }</button>
                </div>
            } else {
                <div class="library-actions">
                    if e.unreadable {
                        <button type="button" onclick={props.on_download_kept_data.reform(|_: MouseEvent| ())}>{ "Download what was kept" }</button>
                    } else {
                        <button type="button" onclick={open} disabled={is_current}>{ "Open" }</button>
                    }
                    <button type="button" onclick={start_rename}>{ "Rename" }</button>
                    <button type="button" class="danger" onclick={ask_delete}>{ "Delete" }</button>
                </div>
            }
        </li>
    }
}
