//! The top bar: samples, undo, opening and importing files, the library, and the Export menu.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::classroom::session::Mode;
use crate::core::formats::export::ExportFormat;
use crate::core::intake::samples;
use crate::core::model::Article;
use crate::view::form_values::{event_value, open_chooser};

#[derive(Properties, PartialEq)]
pub struct HeaderBarProps {
    pub mode: Mode,
    /// Working on an exercise.
    pub student: bool,
    /// The open article is a student's copy of an exercise, which stays as the teacher made it.
    pub read_only: bool,
    /// The open article's id.
    pub article_id: String,
    pub can_undo: bool,
    pub can_redo: bool,
    pub editing: bool,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_mode: Callback<Mode>,
    pub on_edit: Callback<()>,
    pub on_paste: Callback<()>,
    pub on_open: Callback<Article>,
    pub on_file: Callback<web_sys::File>,
    pub on_library: Callback<()>,
    pub on_details: Callback<()>,
    /// Downloads an export of the open article.
    pub on_export_article: Callback<ExportFormat>,
    /// Downloads an export of the whole library.
    pub on_export_library: Callback<ExportFormat>,
    pub on_copy_json: Callback<()>,
    /// The Export menu's **Publishing as** setting (`publisher_settings.rs`).
    #[prop_or_default]
    pub publishing: Html,
}

#[function_component(HeaderBar)]
pub fn header_bar(props: &HeaderBarProps) -> Html {
    let read_only = props.read_only;
    html! {
        <header class="app-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "✓?" }</span>
                <span class="name">{ "Claimcheck" }</span>
            </div>
            { mode_switch(props.mode, props.student, &props.on_mode) }
            <nav class="actions" aria-label="Article">
                { sample_picker(&props.article_id, &props.on_open) }
                <button type="button" disabled={!props.can_undo} aria-keyshortcuts="Control+Z"
                    title="Undo the last change (Ctrl+Z)"
                    onclick={props.on_undo.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
                <button type="button" disabled={!props.can_redo} aria-keyshortcuts="Control+Shift+Z Control+Y"
                    title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
                    onclick={props.on_redo.reform(|_: MouseEvent| ())}>{ "Redo" }</button>
                <FileButtons on_file={props.on_file.clone()} />
                <button type="button" onclick={props.on_paste.reform(|_: MouseEvent| ())}>{ "Paste article" }</button>
                <button type="button" onclick={props.on_library.reform(|_: MouseEvent| ())}>{ "Library" }</button>
                <button type="button" disabled={read_only} onclick={props.on_details.reform(|_: MouseEvent| ())}>{ "Article details" }</button>
                <button type="button" disabled={props.editing || read_only} title={if read_only { "An exercise's article is the same for the whole class" } else { "" }}
                    onclick={props.on_edit.reform(|_: MouseEvent| ())}>{ "Edit article" }</button>
                { export_menu(&props.on_export_article, &props.on_export_library, &props.publishing) }
                <button type="button" onclick={props.on_copy_json.reform(|_: MouseEvent| ())}>{ "Copy JSON" }</button>
            </nav>
        </header>
    }
}

/// Reader and Teacher, and a badge while working on an exercise.
fn mode_switch(mode: Mode, student: bool, on_mode: &Callback<Mode>) -> Html {
    let mode_button = |m: Mode, label: &'static str, title: &'static str| {
        html! {
            <button type="button" aria-pressed={(mode == m).to_string()} title={title}
                onclick={on_mode.reform(move |_: MouseEvent| m)}>{ label }</button>
        }
    };
    html! {
        <div class="mode-switch" role="group" aria-label="Mode">
            { mode_button(Mode::Reader, "Reader", "Read and annotate for yourself") }
            { mode_button(Mode::Teacher, "Teacher", "Build exercises with an answer key and score a class") }
            if student {
                <span class="mode-badge" aria-current="true">{ "Student" }</span>
            }
        </div>
    }
}

/// The bundled sample articles, the open one chosen.
fn sample_picker(current: &str, on_open: &Callback<Article>) -> Html {
    let on_sample = {
        let on_open = on_open.clone();
        Callback::from(move |e: Event| {
            if let Some(article) = samples::by_id(&event_value(&e)) {
                on_open.emit(article);
            }
        })
    };
    let samples = samples::all();
    let is_sample = samples.iter().any(|s| s.id == current);
    html! {
        <label class="sample-picker">
            <span class="visually-hidden">{ "Sample article" }</span>
            <select onchange={on_sample} aria-label="Sample article">
                <option value="" selected={!is_sample} disabled=true>{ "Samples…" }</option>
                { for samples.iter().map(|s| html! {
                    <option value={s.id.clone()} selected={s.id == current}>{ s.title.clone() }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
struct FileButtonsProps {
    on_file: Callback<web_sys::File>,
}

/// Open file and Import, each a button for a hidden file chooser; either hands the file on.
#[function_component(FileButtons)]
fn file_buttons(props: &FileButtonsProps) -> Html {
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
    html! {
        <>
            <button type="button" onclick={choose_file}>{ "Open file" }</button>
            <input ref={file_input} id="open-file" type="file" class="visually-hidden" tabindex="-1"
                aria-label="Open an article or exercise file" accept=".txt,.text,.md,.markdown,.html,.htm,.json" onchange={on_file_chosen.clone()} />
            <button type="button" onclick={choose_import}>{ "Import" }</button>
            <input ref={import_input} id="import-file" type="file" class="visually-hidden" tabindex="-1"
                aria-label="Import annotations (Claimcheck, W3C or Hypothesis JSON)" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_file_chosen} />
        </>
    }
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

/// Export: the open article or the whole library, in each format.
fn export_menu(
    on_export_article: &Callback<ExportFormat>,
    on_export_library: &Callback<ExportFormat>,
    publishing: &Html,
) -> Html {
    let choice = |on_export: &Callback<ExportFormat>, format: ExportFormat| {
        let on_export = on_export.clone();
        Callback::from(move |e: MouseEvent| {
            close_menu(&e);
            on_export.emit(format);
        })
    };
    html! {
        <details class="export-menu">
            <summary>{ "Export" }</summary>
            <div class="menu-panel" role="group" aria-label="Export">
                <p class="menu-heading">{ "This article" }</p>
                { for ExportFormat::ALL.into_iter().map(|f| html! {
                    <button type="button" onclick={choice(on_export_article, f)}>{ format!("Export {}", f.label()) }</button>
                }) }
                <p class="menu-heading">{ "Whole library, one file" }</p>
                { for ExportFormat::ALL.into_iter().map(|f| html! {
                    <button type="button" onclick={choice(on_export_library, f)}>{ format!("Export library as {}", f.label()) }</button>
                }) }
                { publishing.clone() }
            </div>
        </details>
    }
}
