//! The view: Yew components that render the state and dispatch actions. No component changes
//! state any other way.

mod app;
mod article;
mod chrome;
mod claims;
mod classroom;
mod commands;
mod form_values;
mod input;
mod suggestions;

use std::rc::Rc;

use crate::web::{js_api, store::AppStore};

/// Starts the app in the page's `<main id="app">` (or body).
pub fn start() {
    let store = AppStore::start();
    js_api::install(&store);
    classroom::teacher_panel::forget_stale_print_requests();
    let props = app::AppProps { store };
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
    crate::web::offline::register();
}

/// Shared data as a prop or a memo's input: equal when it is the very same, never compared
/// field by field.
pub struct SameRc<T>(pub Rc<T>);

impl<T> Clone for SameRc<T> {
    fn clone(&self) -> Self {
        SameRc(self.0.clone())
    }
}

impl<T> PartialEq for SameRc<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
