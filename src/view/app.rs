//! The page: header, banners, the article with its highlights, the claims panel, and the
//! selection toolbar. Wires DOM events (selection, keys) to actions.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::Action;
use crate::app::state::Details;
use crate::app::view_model::deep_link::DeepLink;
use crate::core::classroom::session::Mode;
use crate::core::formats::export::{self, ExportFormat};
use crate::core::model::Status;
use crate::core::text::offsets::trim_range;
use crate::core::text::paragraphs::{sentence_at, word_at};
use crate::view::article::article_editor::ArticleEditor;
use crate::view::article::article_view::ArticleView;
use crate::view::article::details_form::DetailsForm;
use crate::view::article::selection_toolbar::{SelectionToolbar, ToolbarSpot};
use crate::view::chrome::banners::Banners;
use crate::view::chrome::header_bar::HeaderBar;
use crate::view::chrome::library_dialog::LibraryDialog;
use crate::view::chrome::paste_dialog::PasteDialog;
use crate::view::chrome::shortcuts_dialog::ShortcutsDialog;
use crate::view::chrome::toast::Toast;
use crate::view::claims::claim_panel::ClaimPanel;
use crate::view::classroom::print_sheets::PrintSheets;
use crate::view::classroom::scoring_panel::ScoringPanel;
use crate::view::classroom::student_banner::StudentBanner;
use crate::view::classroom::teacher_panel::TeacherPanel;
use crate::web::store::AppStore;
use crate::web::{clock, download, file_open, location, text_selection};

#[derive(Properties)]
pub struct AppProps {
    pub store: Rc<AppStore>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

/// A callback that sets `state` to `value`, for buttons that open and close things.
fn set_on_call<T: Clone + 'static>(state: &UseStateHandle<T>, value: T) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_| state.set(value.clone()))
}

/// Marks the user's current selection in the article as a claim, if there is one.
pub fn add_claim_from_selection(store: &Rc<AppStore>) -> bool {
    let Some((start, end)) = text_selection::selection_offsets() else {
        return false;
    };
    store.dispatch(Action::AddClaim {
        id: clock::new_id("c"),
        start,
        end,
        at: clock::now(),
    });
    text_selection::clear_selection();
    true
}

/// Opens an article from a file, or says what is wrong with the file; the open article and its
/// claims are untouched when it cannot be opened. JSON files are imports, or classroom files.
fn open_file(store: &Rc<AppStore>, message: &Callback<Option<String>>, file: web_sys::File) {
    let (store, message) = (store.clone(), message.clone());
    if file_open::is_import(&file) {
        wasm_bindgen_futures::spawn_local(async move {
            let text = match file_open::read_import(&file).await {
                Ok(text) => text,
                Err(e) => return message.emit(Some(format!("Nothing was imported: {e}"))),
            };
            store.open_json(&file.name(), text);
        });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match file_open::read_article(&file).await {
            Ok(article) => {
                let title = article.title.clone();
                store.open_article(article);
                message.emit(Some(format!("Opened “{title}”")));
            }
            Err(problem) => message.emit(Some(problem)),
        }
    });
}

/// Opens a deep link's article and shows its claim.
fn follow_link(store: &Rc<AppStore>, message: &Callback<Option<String>>, link: DeepLink) {
    if let Some(article) = &link.article {
        if let Err(e) = store.open_by_id(article) {
            message.emit(Some(e));
            return;
        }
    }
    if let Some(claim) = link.claim {
        if store.state().claim(&claim).is_none() {
            message.emit(Some(
                "The claim this link points to is not in the article.".to_string(),
            ));
            return;
        }
        store.dispatch(Action::Select(Some(claim.clone())));
        // After the view has drawn the article the link opened.
        gloo::timers::callback::Timeout::new(50, move || {
            crate::view::article::article_view::flash_claim(&claim)
        })
        .forget();
    }
}

/// A long press on the article selects the word under the finger when the platform itself does
/// not (some touch screens, and emulated ones), so the Add claim toolbar can appear. When the
/// press ends it swallows the follow-up mouse events, which would otherwise clear the selection.
fn long_press_selects_a_word(store: &Rc<AppStore>) -> Vec<EventListener> {
    type Press = Option<((f64, f64), Option<gloo::timers::callback::Timeout>, bool)>;
    let press: Rc<std::cell::RefCell<Press>> = Rc::default();
    let document = gloo::utils::document();
    let point = |e: &web_sys::TouchEvent| {
        e.touches()
            .get(0)
            .or_else(|| e.changed_touches().get(0))
            .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())))
    };
    let start = {
        let (press, store) = (press.clone(), store.clone());
        EventListener::new(&document, "touchstart", move |e| {
            let e: &web_sys::TouchEvent = e.unchecked_ref();
            let in_article = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("#article-body").ok().flatten())
                .is_some();
            let Some(at) = point(e).filter(|_| in_article && e.touches().length() == 1) else {
                *press.borrow_mut() = None;
                return;
            };
            let (fired, store) = (press.clone(), store.clone());
            let timer = gloo::timers::callback::Timeout::new(550, move || {
                if let Some(p) = fired.borrow_mut().as_mut() {
                    p.2 = true;
                }
                if text_selection::has_selection() {
                    return;
                }
                let word = text_selection::offset_at_point(at.0, at.1)
                    .and_then(|o| word_at(&store.state().article.text, o));
                if let Some((s, e)) = word {
                    text_selection::select_offsets(s, e);
                }
            });
            *press.borrow_mut() = Some((at, Some(timer), false));
        })
    };
    let moved = {
        let press = press.clone();
        EventListener::new(&document, "touchmove", move |e| {
            let e: &web_sys::TouchEvent = e.unchecked_ref();
            let mut p = press.borrow_mut();
            if let (Some((from, timer, _)), Some(now)) = (p.as_mut(), point(e)) {
                if (now.0 - from.0).hypot(now.1 - from.1) > 10.0 {
                    timer.take();
                }
            }
        })
    };
    let end = EventListener::new_with_options(
        &document,
        "touchend",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            if let Some((_, _, fired)) = press.borrow_mut().take() {
                if fired {
                    e.prevent_default();
                }
            }
        },
    );
    vec![start, moved, end]
}

/// Marks the sentence around the caret as the selection ("select sentence").
fn select_sentence(store: &Rc<AppStore>) -> bool {
    text_selection::ensure_caret();
    let Some(caret) = text_selection::caret_offset() else {
        return false;
    };
    match sentence_at(&store.state().article.text, caret) {
        Some((start, end)) => text_selection::select_offsets(start, end),
        None => false,
    }
}

/// Selects the next (or previous) claim in reading order and shows it.
fn step_claim(store: &Rc<AppStore>, forward: bool) -> bool {
    let state = store.state();
    if state.claims.is_empty() {
        return false;
    }
    let at = state
        .selected
        .as_deref()
        .and_then(|id| state.claims.iter().position(|c| c.id == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => state.claims.len() - 1,
        (Some(i), true) => (i + 1).min(state.claims.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let id = state.claims[next].id.clone();
    store.dispatch(Action::Select(Some(id.clone())));
    crate::view::article::article_view::scroll_to_claim(&id);
    true
}

fn in_article(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("#article-body").ok().flatten())
        .is_some()
}

/// Whether a key press is typing into text (where Ctrl+Z is the field's own undo).
fn typing_in_text(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        })
}

/// Whether a key press is meant for a form control rather than for the app.
pub fn typing_in_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        })
}

fn in_claim_editor(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".claim-editor").ok().flatten())
        .is_some()
}

/// Where the toolbar goes for the current selection, if the selection is a usable passage.
fn toolbar_spot(store: &AppStore) -> Option<ToolbarSpot> {
    let (start, end) = text_selection::selection_offsets()?;
    trim_range(&store.state().article.text, start, end)?;
    let rect = text_selection::current_range()?.get_bounding_client_rect();
    Some(ToolbarSpot {
        top: rect.top(),
        bottom: rect.bottom(),
        left: rect.left(),
        width: rect.width(),
    })
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = props.store.clone();
    let update = use_force_update();
    let update_view = update.clone();
    let toolbar = use_state(|| None::<ToolbarSpot>);
    let paste_open = use_state(|| false);
    // Messages are notices in the state, set through this.
    let message = {
        let store = store.clone();
        Callback::from(move |m: Option<String>| {
            store.dispatch(m.map_or(Action::DismissMessage, Action::Tell))
        })
    };
    let editing = use_state(|| false);
    let help_open = use_state(|| false);
    let details_open = use_state(|| false);
    let library_open = use_state(|| false);

    {
        let store = store.clone();
        let toolbar = toolbar.setter();
        let message_setter = message.clone();
        let help = help_open.setter();
        use_effect_with((), move |_| {
            store.subscribe(move || update.force_update());
            let document = gloo::utils::document();
            let s = store.clone();
            let on_selection = EventListener::new(&document, "selectionchange", move |_| {
                toolbar.set(toolbar_spot(&s));
            });
            let s = store.clone();
            let on_key = EventListener::new(&document, "keydown", move |e| {
                let e: &KeyboardEvent = e.unchecked_ref();
                if e.key() == "Escape" && in_claim_editor(e) {
                    // Esc leaves the claim editor, even from its fields (which keep their text).
                    if let Some(field) = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = field.blur();
                    }
                    s.dispatch(Action::Select(None));
                    return;
                }
                if typing_in_text(e) {
                    // Keys typed into a text field are the field's, Ctrl+Z included.
                    return;
                }
                if e.ctrl_key() || e.meta_key() {
                    let key = e.key().to_lowercase();
                    let action = match (key.as_str(), e.shift_key()) {
                        ("z", false) => Some(Action::Undo),
                        ("z", true) | ("y", false) => Some(Action::Redo),
                        _ => None,
                    };
                    if let Some(action) = action {
                        e.prevent_default();
                        s.dispatch(action);
                    }
                    return;
                }
                if typing_in_field(e) || e.alt_key() {
                    return;
                }
                let reading = in_article(e);
                let key = e.key();
                let handled = match key.as_str() {
                    "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp" if reading => {
                        let forward = key == "ArrowRight" || key == "ArrowDown";
                        let by_sentence = key == "ArrowDown" || key == "ArrowUp";
                        text_selection::move_caret(e.shift_key(), forward, by_sentence);
                        true
                    }
                    "s" | "S" if reading => select_sentence(&s),
                    "a" | "A" => add_claim_from_selection(&s),
                    "v" | "V" | "u" | "U" => {
                        let status = if key.eq_ignore_ascii_case("v") {
                            Status::Verified
                        } else {
                            Status::Unverified
                        };
                        match s.state().selected.clone() {
                            Some(id) => {
                                s.dispatch(Action::SetStatus {
                                    id,
                                    status,
                                    at: clock::now(),
                                });
                                true
                            }
                            None => false,
                        }
                    }
                    "n" | "N" | "p" | "P" => step_claim(&s, key.eq_ignore_ascii_case("n")),
                    "Delete" => match s.state().selected.clone() {
                        Some(id) => {
                            s.dispatch(Action::Delete { id });
                            true
                        }
                        None => false,
                    },
                    "?" => {
                        help.set(true);
                        true
                    }
                    "Escape" => {
                        s.dispatch(Action::Select(None));
                        false
                    }
                    _ => false,
                };
                if handled {
                    e.prevent_default();
                }
            });
            let long_press = long_press_selects_a_word(&store);
            // A restored selection is scrolled into view once the article is on screen.
            if let Some(id) = store.state().selected.clone() {
                crate::view::article::article_view::scroll_to_claim(&id);
            }
            // Deep links, now and whenever back, forward or a typed link changes the address.
            let follow = {
                let s = store.clone();
                let message = message_setter.clone();
                move |link: DeepLink| follow_link(&s, &message, link)
            };
            let link = location::current();
            if link.article.is_some() {
                follow(link);
            } else {
                location::replace_article(&store.state().article.id);
            }
            location::on_change(follow);
            // Files dropped anywhere on the page open as articles.
            let on_dragover = EventListener::new_with_options(
                &document,
                "dragover",
                EventListenerOptions::enable_prevent_default(),
                |e| e.prevent_default(),
            );
            let s = store.clone();
            let message = message_setter.clone();
            let on_drop = EventListener::new_with_options(
                &document,
                "drop",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let e: &web_sys::DragEvent = e.unchecked_ref();
                    // A drop zone of its own (scoring) took it already.
                    if e.default_prevented() {
                        return;
                    }
                    let file = e
                        .data_transfer()
                        .and_then(|d| d.files())
                        .and_then(|f| f.get(0));
                    if let Some(file) = file {
                        e.prevent_default();
                        open_file(&s, &message, file);
                    }
                },
            );
            move || {
                drop(on_selection);
                drop(on_key);
                drop(on_dragover);
                drop(on_drop);
                drop(long_press);
            }
        });
    }

    let state = store.state();
    use_effect_with(state.article.id.clone(), |id| location::show_article(id));
    let dispatch = {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let on_add = {
        let store = store.clone();
        Callback::from(move |_| {
            add_claim_from_selection(&store);
        })
    };
    let on_set_source = state
        .selected
        .clone()
        .filter(|id| !state.is_orphan(id))
        .map(|id| {
            let store = store.clone();
            Callback::from(move |_| {
                if let Some((start, end)) = text_selection::selection_offsets() {
                    store.dispatch(Action::SetSourcePhrase {
                        id: id.clone(),
                        start,
                        end,
                        at: clock::now(),
                    });
                    text_selection::clear_selection();
                }
            })
        });
    let on_message = message.clone();
    let on_export_library = {
        let store = store.clone();
        let message = message.clone();
        Callback::from(move |format: ExportFormat| {
            let docs = store.library_documents();
            let today = clock::now().get(..10).unwrap_or("").to_string();
            let file = export::library_export(format, &docs, &today);
            message.emit(Some(
                match download::download_text(&file.name, file.mime, &file.text) {
                    Ok(()) => format!("Exported {} ({} articles)", file.name, docs.len()),
                    Err(e) => e,
                },
            ));
        })
    };
    let open_paste = set_on_call(&paste_open, true);
    let close_paste = set_on_call(&paste_open, false);
    let toggle_edit = {
        let editing = editing.clone();
        Callback::from(move |on: bool| editing.set(on))
    };
    let on_file = {
        let store = store.clone();
        let message = message.clone();
        Callback::from(move |file: web_sys::File| open_file(&store, &message, file))
    };
    let show_library = set_on_call(&library_open, true);
    let close_library = set_on_call(&library_open, false);
    let show_details = set_on_call(&details_open, true);
    let close_details = set_on_call(&details_open, false);
    let library_open_article = {
        let (store, message, library_open) = (store.clone(), message.clone(), library_open.clone());
        Callback::from(move |id: String| match store.open_by_id(&id) {
            Ok(()) => library_open.set(false),
            Err(e) => message.emit(Some(e)),
        })
    };
    let library_rename = {
        let (store, message, update) = (store.clone(), message.clone(), update_view.clone());
        Callback::from(move |(id, title): (String, String)| {
            if let Err(e) = store.rename(&id, &title) {
                message.emit(Some(e));
            }
            update.force_update();
        })
    };
    let library_delete = {
        let (store, message) = (store.clone(), message.clone());
        Callback::from(move |id: String| {
            if let Err(e) = store.remove_article(&id) {
                message.emit(Some(e));
            }
        })
    };
    let undo_remove = {
        let store = store.clone();
        Callback::from(move |_| store.undo_remove_article())
    };
    let dismiss_remove = dispatch.reform(|_| Action::DismissRemovedArticle);
    let on_open_article = {
        let store = store.clone();
        let paste_open = paste_open.clone();
        Callback::from(move |article| {
            store.open_article(article);
            paste_open.set(false);
        })
    };

    let skip_to_article = Callback::from(|_: MouseEvent| {
        if let Some(body) =
            text_selection::article_body().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = body.focus();
        }
    });
    let close_help = set_on_call(&help_open, false);
    html! {
        <>
            <button type="button" class="skip-link" onclick={skip_to_article}>{ "Skip to the article" }</button>
            <HeaderBar
                state={state.clone()}
                editing={*editing}
                on_edit={toggle_edit.reform(|_| true)}
                on_file={on_file}
                on_library={show_library}
                on_details={show_details}
                dispatch={dispatch.clone()}
                on_paste={open_paste}
                on_open={on_open_article.clone()}
                on_message={on_message.clone()}
                on_export_library={on_export_library}
            />
            <Banners
                state={state.clone()}
                store={crate::view::SameRc(store.clone())}
                dispatch={dispatch.clone()}
                on_message={on_message.clone()}
            />
            if state.classroom.is_student() {
                <StudentBanner state={state.clone()} dispatch={dispatch.clone()} on_message={on_message.clone()} />
            }
            if state.classroom.mode == Mode::Teacher {
                <div class="classroom">
                    <TeacherPanel key={state.article.id.clone()} state={state.clone()} dispatch={dispatch.clone()} on_message={on_message.clone()} />
                    <ScoringPanel state={state.clone()} dispatch={dispatch.clone()} on_message={on_message.clone()} />
                </div>
                <PrintSheets state={state.clone()} />
            }
            <div class="layout">
                <div class="reading">
                if *details_open {
                    <DetailsForm
                        details={Details::of(&state.article)}
                        dispatch={dispatch.clone()}
                        on_done={close_details}
                    />
                }
                if *editing {
                    <ArticleEditor
                        text={state.article.text.clone()}
                        dispatch={dispatch.clone()}
                        on_done={toggle_edit.reform(|_| false)}
                    />
                } else {
                    <ArticleView
                        article={state.article.clone()}
                        claims={state.claims.clone()}
                        selected={state.selected.clone()}
                        dispatch={dispatch.clone()}
                    />
                }
                </div>
                <ClaimPanel
                    claims={state.claims.clone()}
                    orphans={state.orphans.clone()}
                    selected={state.selected.clone()}
                    dispatch={dispatch.clone()}
                    on_message={on_message.clone()}
                />
            </div>
            if let Some(spot) = *toolbar {
                <SelectionToolbar spot={spot} on_add={on_add} on_set_source={on_set_source} />
            }
            <ShortcutsDialog open={*help_open} on_close={close_help} />
            <PasteDialog open={*paste_open} on_close={close_paste} on_open={on_open_article} />
            <LibraryDialog
                open={*library_open}
                entries={if *library_open { store.library() } else { Vec::new() }}
                current={state.article.id.clone()}
                usage={if *library_open { store.usage() } else { 0 }}
                on_close={close_library}
                on_open={library_open_article}
                on_rename={library_rename}
                on_delete={library_delete}
                removed={state.notices.removed_article.as_ref().map(|r| r.entry.title.clone())}
                on_undo_remove={undo_remove.clone()}
            />
            <Toast
                deleted={state.notices.deleted.clone()}
                removed_article={state.notices.removed_article.as_ref().map(|r| r.entry.title.clone())}
                on_undo_remove={undo_remove}
                on_dismiss_remove={dismiss_remove}
                reanchored={state.notices.reanchored}
                message={state.notices.message.clone()}
                dispatch={dispatch}
                on_message={on_message}
            />
        </>
    }
}
