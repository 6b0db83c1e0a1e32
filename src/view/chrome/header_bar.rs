//! The top bar: samples, undo, opening and importing files, the library, and the Export menu.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::{Action, AppState};
use crate::core::classroom::session::Mode;
use crate::core::formats::export::{self, ExportFormat};
use crate::core::intake::samples;
use crate::core::model::Article;
use crate::view::form_values::{event_value, open_chooser};
use crate::web::{clipboard, download};

#[derive(Properties, PartialEq)]
pub struct HeaderBarProps {
    pub state: Rc<AppState>,
    pub editing: bool,
    pub on_edit: Callback<()>,
    pub on_paste: Callback<()>,
    pub on_open: Callback<Article>,
    pub on_file: Callback<web_sys::File>,
    pub on_library: Callback<()>,
    pub on_details: Callback<()>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
    /// Downloads an export of the whole library.
    pub on_export_library: Callback<ExportFormat>,
}

/// Closes the menu a choice was made in.
fn close_menu(e: &MouseEvent) {
    let menu = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

#[function_component(HeaderBar)]
pub fn header_bar(props: &HeaderBarProps) -> Html {
    let state = &props.state;
    let export_article = |format: ExportFormat| {
        let state = state.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |e: MouseEvent| {
            close_menu(&e);
            let file = export::article_export(format, &state.document());
            match download::download_text(&file.name, file.mime, &file.text) {
                Ok(()) => on_message.emit(Some(format!("Exported {}", file.name))),
                Err(e) => on_message.emit(Some(e)),
            }
        })
    };
    let export_library = |format: ExportFormat| {
        let on_export_library = props.on_export_library.clone();
        Callback::from(move |e: MouseEvent| {
            close_menu(&e);
            on_export_library.emit(format);
        })
    };
    let on_copy = {
        let state = state.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let json = state.export_json();
            let on_message = on_message.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let message = match clipboard::copy_text(&json).await {
                    Ok(()) => "Copied the claims as JSON".to_string(),
                    Err(e) => e,
                };
                on_message.emit(Some(message));
            });
        })
    };
    let on_sample = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            if let Some(article) = samples::by_id(&event_value(&e)) {
                on_open.emit(article);
            }
        })
    };
    let file_input = use_node_ref();
    let choose_file = open_chooser(&file_input);
    let on_file_chosen = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            // Choosing the same file again should open it again.
            input.set_value("");
        })
    };
    let import_input = use_node_ref();
    let choose_import = open_chooser(&import_input);
    let mode = state.classroom.mode;
    let student = state.classroom.is_student();
    // A student's copy of an exercise stays as the teacher made it, in any mode.
    let read_only = state.article_is_read_only();
    let mode_button = |m: Mode, label: &'static str, title: &'static str| {
        html! {
            <button type="button" aria-pressed={(mode == m).to_string()} title={title}
                onclick={props.dispatch.reform(move |_: MouseEvent| Action::SetMode(m))}>{ label }</button>
        }
    };
    let current = state.article.id.clone();
    let samples = samples::all();
    let is_sample = samples.iter().any(|s| s.id == current);
    html! {
        <header class="app-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "✓?" }</span>
                <span class="name">{ "Claimcheck" }</span>
            </div>
            <div class="mode-switch" role="group" aria-label="Mode">
                { mode_button(Mode::Reader, "Reader", "Read and annotate for yourself") }
                { mode_button(Mode::Teacher, "Teacher", "Build exercises with an answer key and score a class") }
                if student {
                    <span class="mode-badge" aria-current="true">{ "Student" }</span>
                }
            </div>
            <nav class="actions" aria-label="Article">
                <label class="sample-picker">
                    <span class="visually-hidden">{ "Sample article" }</span>
                    <select onchange={on_sample} aria-label="Sample article">
                        <option value="" selected={!is_sample} disabled=true>{ "Samples…" }</option>
                        { for samples.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={s.id == current}>{ s.title.clone() }</option>
                        }) }
                    </select>
                </label>
                <button type="button" disabled={!state.can_undo()} aria-keyshortcuts="Control+Z"
                    title="Undo the last change (Ctrl+Z)"
                    onclick={props.dispatch.reform(|_: MouseEvent| Action::Undo)}>{ "Undo" }</button>
                <button type="button" disabled={!state.can_redo()} aria-keyshortcuts="Control+Shift+Z Control+Y"
                    title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
                    onclick={props.dispatch.reform(|_: MouseEvent| Action::Redo)}>{ "Redo" }</button>
                <button type="button" onclick={choose_file}>{ "Open file" }</button>
                <input ref={file_input} id="open-file" type="file" class="visually-hidden" tabindex="-1"
                    aria-label="Open an article or exercise file" accept=".txt,.text,.md,.markdown,.html,.htm,.json" onchange={on_file_chosen.clone()} />
                <button type="button" onclick={choose_import}>{ "Import" }</button>
                <input ref={import_input} id="import-file" type="file" class="visually-hidden" tabindex="-1"
                    aria-label="Import annotations (Claimcheck, W3C or Hypothesis JSON)" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_file_chosen} />
                <button type="button" onclick={props.on_paste.reform(|_: MouseEvent| ())}>{ "Paste article" }</button>
                <button type="button" onclick={props.on_library.reform(|_: MouseEvent| ())}>{ "Library" }</button>
                <button type="button" disabled={read_only} onclick={props.on_details.reform(|_: MouseEvent| ())}>{ "Article details" }</button>
                <button type="button" disabled={props.editing || read_only} title={if read_only { "An exercise's article is the same for the whole class" } else { "" }}
                    onclick={props.on_edit.reform(|_: MouseEvent| ())}>{ "Edit article" }</button>
                <details class="export-menu">
                    <summary>{ "Export" }</summary>
                    <div class="menu-panel" role="group" aria-label="Export">
                        <p class="menu-heading">{ "This article" }</p>
                        { for ExportFormat::ALL.into_iter().map(|f| html! {
                            <button type="button" onclick={export_article(f)}>{ format!("Export {}", f.label()) }</button>
                        }) }
                        <p class="menu-heading">{ "Whole library, one file" }</p>
                        { for ExportFormat::ALL.into_iter().map(|f| html! {
                            <button type="button" onclick={export_library(f)}>{ format!("Export library as {}", f.label()) }</button>
                        }) }
                    </div>
                </details>
                <button type="button" onclick={on_copy}>{ "Copy JSON" }</button>
            </nav>
        </header>
    }
}
