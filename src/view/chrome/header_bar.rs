//! The top bar: samples, undo, opening and importing files, the library, and the Export menu.
//! On a phone it is one row: the name, Undo and Redo, and a "More" menu holding the rest.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::classroom::session::Mode;
use crate::core::formats::export::ExportFormat;
use crate::core::intake::samples;
use crate::core::model::Article;
use crate::view::chrome::dismiss::use_dismiss;
use crate::view::chrome::student_menu::StudentMenu;
use crate::view::form_values::{event_value, open_chooser};
use crate::web::text_selection;

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
    let more_open = use_state(|| false);
    let more_area = use_node_ref();
    let more_toggle = use_node_ref();
    let close_more = use_callback(more_open.setter(), |(), open| open.set(false));
    use_dismiss(
        *more_open,
        more_area.clone(),
        more_toggle.clone(),
        close_more.clone(),
        close_more.clone(),
    );
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |_: MouseEvent| more_open.set(!*more_open))
    };
    // A choice made in the phone's "More" menu closes it (opening the Export menu inside it is
    // not a choice yet).
    let chose_in_more = {
        let close_more = close_more.clone();
        Callback::from(move |e: Event| {
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let chose = target.is_some_and(|t| {
                t.closest("summary").ok().flatten().is_none()
                    && (t.closest("button").ok().flatten().is_some() || e.type_() == "change")
            });
            if chose {
                close_more.emit(());
            }
        })
    };
    html! {
        <header class={classes!("app-header", (*more_open).then_some("more-open"))}>
            <button type="button" class="skip-link" onclick={skip_to_article}>{ "Skip to the article" }</button>
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "✓?" }</span>
                <span class="name">{ "Claimcheck" }</span>
            </div>
            <div class="history" role="group" aria-label="History">
                <button type="button" disabled={!props.can_undo} aria-keyshortcuts="Control+Z"
                    title="Undo the last change (Ctrl+Z)"
                    onclick={props.on_undo.reform(|_: MouseEvent| ())}>{ "Undo" }</button>
                <button type="button" disabled={!props.can_redo} aria-keyshortcuts="Control+Shift+Z Control+Y"
                    title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
                    onclick={props.on_redo.reform(|_: MouseEvent| ())}>{ "Redo" }</button>
            </div>
            if props.student {
                <StudentMenu>
                    { mode_switch(props.mode, props.student, &props.on_mode) }
                    { article_actions(props) }
                </StudentMenu>
            } else {
            // On a phone everything below sits in the "More" menu; on a wide screen the
            // menu's box is not drawn and its controls stand in the header's row. In student
            // mode the student's menu holds them instead.
            <div class="more" ref={more_area}>
                <button type="button" id="more-toggle" class="more-toggle" ref={more_toggle}
                    aria-expanded={more_open.to_string()} aria-controls="header-more"
                    onclick={toggle_more}>
                    { "More" }<span class="more-arrow" aria-hidden="true">{ if *more_open { " ▴" } else { " ▾" } }</span>
                </button>
                <div id="header-more" class="more-items" onclick={chose_in_more.reform(|e: MouseEvent| e.into())}
                    onchange={chose_in_more}>
                    { mode_switch(props.mode, props.student, &props.on_mode) }
                    { article_actions(props) }
                </div>
            </div>
            }
        </header>
    }
}

/// Samples, files, the library, the article's details and text, Export and Copy JSON: in the
/// header's row (the phone's "More" menu), or in Student mode's menu, where no sample is
/// offered (a student works on the exercise).
fn article_actions(props: &HeaderBarProps) -> Html {
    let read_only = props.read_only;
    html! {
        <nav class="actions" aria-label="Article">
            if !props.student { { sample_picker(&props.article_id, &props.on_open) } }
            <FileButtons on_file={props.on_file.clone()} />
            <button type="button" onclick={props.on_paste.reform(|_: MouseEvent| ())}>{ "Paste article" }</button>
            <button type="button" onclick={props.on_library.reform(|_: MouseEvent| ())}>{ "Library" }</button>
            <button type="button" id="details-button" disabled={read_only} onclick={props.on_details.reform(|_: MouseEvent| ())}>{ "Article details" }</button>
            <button type="button" disabled={props.editing || read_only} title={if read_only { "An exercise's article is the same for the whole class" } else { "" }}
                onclick={props.on_edit.reform(|_: MouseEvent| ())}>{ "Edit article" }</button>
            <ExportMenu on_export_article={props.on_export_article.clone()} on_export_library={props.on_export_library.clone()}
                publishing={props.publishing.clone()} />
            <button type="button" onclick={props.on_copy_json.reform(|_: MouseEvent| ())}>{ "Copy JSON" }</button>
        </nav>
    }
}

/// Moves the keyboard focus to the article's text.
fn skip_to_article(_: MouseEvent) {
    if let Some(body) =
        text_selection::article_body().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = body.focus();
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

#[derive(Properties, PartialEq)]
struct ExportMenuProps {
    /// Downloads an export of the open article.
    on_export_article: Callback<ExportFormat>,
    /// Downloads an export of the whole library.
    on_export_library: Callback<ExportFormat>,
    /// The "Publishing as" form ClaimReview exports sign with.
    publishing: Html,
}

/// Export: the open article or the whole library, in each format. The menu is the browser's
/// own `<details>`; the component follows its opening to close it on Esc or a press outside.
#[function_component(ExportMenu)]
fn export_menu(props: &ExportMenuProps) -> Html {
    let open = use_state(|| false);
    let menu = use_node_ref();
    let summary = use_node_ref();
    let close = use_callback(menu.clone(), |(), menu| {
        if let Some(menu) = menu.cast::<web_sys::Element>() {
            let _ = menu.remove_attribute("open");
        }
    });
    use_dismiss(*open, menu.clone(), summary.clone(), close.clone(), close);
    let on_toggle = {
        let (open, menu) = (open.setter(), menu.clone());
        Callback::from(move |_: Event| {
            open.set(
                menu.cast::<web_sys::Element>()
                    .is_some_and(|m| m.has_attribute("open")),
            )
        })
    };
    let choice = |on_export: &Callback<ExportFormat>, format: ExportFormat| {
        let on_export = on_export.clone();
        Callback::from(move |e: MouseEvent| {
            close_menu(&e);
            on_export.emit(format);
        })
    };
    html! {
        <details class="export-menu" ref={menu} ontoggle={on_toggle}>
            <summary ref={summary}>{ "Export" }</summary>
            <div class="menu-panel" role="group" aria-label="Export">
                <p class="menu-heading">{ "This article" }</p>
                { for ExportFormat::ALL.into_iter().map(|f| html! {
                    <button type="button" onclick={choice(&props.on_export_article, f)}>{ format!("Export {}", f.label()) }</button>
                }) }
                <p class="menu-heading">{ "Whole library, one file" }</p>
                { for ExportFormat::ALL.into_iter().map(|f| html! {
                    <button type="button" onclick={choice(&props.on_export_library, f)}>{ format!("Export library as {}", f.label()) }</button>
                }) }
                { props.publishing.clone() }
            </div>
        </details>
    }
}
