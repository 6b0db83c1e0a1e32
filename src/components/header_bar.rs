//! The top bar: samples, Paste article, Export JSON and Copy JSON.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::form_values::event_value;
use crate::article_text::slug;
use crate::browser::{clipboard, download};
use crate::export_formats;
use crate::model::Article;
use crate::samples;
use crate::state::{Action, AppState};

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
}

pub fn export_file_name(article: &Article) -> String {
    format!("{}.claims.json", slug(&article.title))
}

#[derive(Clone, Copy)]
pub enum ExportFormat {
    W3c,
    ClaimReview,
    Csv,
}

/// The file name, type and text of an export.
pub fn export_file(state: &AppState, format: ExportFormat) -> (String, &'static str, String) {
    let slug = slug(&state.article.title);
    match format {
        ExportFormat::W3c => (
            format!("{slug}.annotations.jsonld"),
            "application/ld+json",
            export_formats::to_w3c(&state.article, &state.claims),
        ),
        ExportFormat::ClaimReview => (
            format!("{slug}.claimreview.jsonld"),
            "application/ld+json",
            export_formats::to_claimreview(&state.article, &state.claims, "Claimcheck reader"),
        ),
        ExportFormat::Csv => (
            format!("{slug}.claims.csv"),
            "text/csv",
            export_formats::to_csv(&state.claims),
        ),
    }
}

#[function_component(HeaderBar)]
pub fn header_bar(props: &HeaderBarProps) -> Html {
    let state = &props.state;
    let on_export = {
        let state = state.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let json = state.export_json();
            let name = export_file_name(&state.article);
            match download::download_text(&name, "application/json", &json) {
                Ok(()) => on_message.emit(Some(format!("Exported {name}"))),
                Err(e) => on_message.emit(Some(e)),
            }
        })
    };
    let export_as = |format: ExportFormat| {
        let state = state.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, mime, text) = export_file(&state, format);
            match download::download_text(&name, mime, &text) {
                Ok(()) => on_message.emit(Some(format!("Exported {name}"))),
                Err(e) => on_message.emit(Some(e)),
            }
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
    let choose_file = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
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
    let choose_import = {
        let import_input = import_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = import_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
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
                    aria-label="Open an article file" accept=".txt,.text,.md,.markdown,.html,.htm" onchange={on_file_chosen.clone()} />
                <button type="button" onclick={choose_import}>{ "Import" }</button>
                <input ref={import_input} id="import-file" type="file" class="visually-hidden" tabindex="-1"
                    aria-label="Import a Claimcheck JSON file" accept=".json,application/json" onchange={on_file_chosen} />
                <button type="button" onclick={props.on_paste.reform(|_: MouseEvent| ())}>{ "Paste article" }</button>
                <button type="button" onclick={props.on_library.reform(|_: MouseEvent| ())}>{ "Library" }</button>
                <button type="button" onclick={props.on_details.reform(|_: MouseEvent| ())}>{ "Article details" }</button>
                <button type="button" disabled={props.editing} onclick={props.on_edit.reform(|_: MouseEvent| ())}>{ "Edit article" }</button>
                <button type="button" onclick={on_export}>{ "Export JSON" }</button>
                <button type="button" onclick={on_copy}>{ "Copy JSON" }</button>
                <details class="more-exports">
                    <summary>{ "More exports" }</summary>
                    <div class="export-menu">
                        <button type="button" onclick={export_as(ExportFormat::W3c)}>{ "Export W3C annotations" }</button>
                        <button type="button" onclick={export_as(ExportFormat::ClaimReview)}>{ "Export ClaimReview" }</button>
                        <button type="button" onclick={export_as(ExportFormat::Csv)}>{ "Export CSV" }</button>
                    </div>
                </details>
            </nav>
        </header>
    }
}
