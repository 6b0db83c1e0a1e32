//! The page: header, banners, the article with its highlights, the claims panel, and the
//! selection toolbar. Wires DOM events (selection, keys) to actions.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::article_editor::ArticleEditor;
use super::article_view::ArticleView;
use super::banners::Banners;
use super::claim_panel::ClaimPanel;
use super::header_bar::HeaderBar;
use super::paste_dialog::PasteDialog;
use super::selection_toolbar::{SelectionToolbar, ToolbarSpot};
use super::toast::Toast;
use crate::browser::app_store::AppStore;
use crate::browser::{clock, text_selection};
use crate::offsets::trim_range;
use crate::state::Action;

#[derive(Properties)]
pub struct AppProps {
    pub store: Rc<AppStore>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
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

/// Whether a key press is meant for a text field rather than for the app.
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
    let toolbar = use_state(|| None::<ToolbarSpot>);
    let paste_open = use_state(|| false);
    let message = use_state(|| None::<String>);
    let editing = use_state(|| false);

    {
        let store = store.clone();
        let toolbar = toolbar.setter();
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
                if typing_in_field(e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                match e.key().as_str() {
                    // Adding happens in the guard: the key is only taken when there was a passage.
                    "a" | "A" if add_claim_from_selection(&s) => e.prevent_default(),
                    "Escape" => s.dispatch(Action::Select(None)),
                    _ => {}
                }
            });
            // A restored selection is scrolled into view once the article is on screen.
            if let Some(id) = store.state().selected.clone() {
                super::article_view::scroll_to_claim(&id);
            }
            move || {
                drop(on_selection);
                drop(on_key);
            }
        });
    }

    let state = store.state();
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
    let on_message = {
        let message = message.clone();
        Callback::from(move |m: Option<String>| message.set(m))
    };
    let open_paste = {
        let paste_open = paste_open.clone();
        Callback::from(move |_| paste_open.set(true))
    };
    let close_paste = {
        let paste_open = paste_open.clone();
        Callback::from(move |_| paste_open.set(false))
    };
    let toggle_edit = {
        let editing = editing.clone();
        Callback::from(move |on: bool| editing.set(on))
    };
    let on_open_article = {
        let store = store.clone();
        let paste_open = paste_open.clone();
        Callback::from(move |article| {
            store.open_article(article);
            paste_open.set(false);
        })
    };

    html! {
        <>
            <HeaderBar
                state={state.clone()}
                editing={*editing}
                on_edit={toggle_edit.reform(|_| true)}
                on_paste={open_paste}
                on_open={on_open_article.clone()}
                on_message={on_message.clone()}
            />
            <Banners
                state={state.clone()}
                store={super::StoreRef(store.clone())}
                dispatch={dispatch.clone()}
                on_message={on_message.clone()}
            />
            <div class="layout">
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
                <ClaimPanel
                    claims={state.claims.clone()}
                    orphans={state.orphans.clone()}
                    selected={state.selected.clone()}
                    dispatch={dispatch.clone()}
                    on_message={on_message.clone()}
                />
            </div>
            if let Some(spot) = *toolbar {
                <SelectionToolbar spot={spot} on_add={on_add} />
            }
            <PasteDialog open={*paste_open} on_close={close_paste} on_open={on_open_article} />
            <Toast
                deleted={state.deleted.clone()}
                reanchored={state.reanchored}
                message={(*message).clone()}
                dispatch={dispatch}
                on_message={on_message}
            />
        </>
    }
}
