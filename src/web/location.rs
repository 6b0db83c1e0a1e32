//! The address bar: deep links (`#article=…&claim=…`) in, and each article opened pushed as a
//! history entry, so the browser's back and forward move between articles.

use crate::core::formats::deep_link::{self, DeepLink};

pub fn current() -> DeepLink {
    deep_link::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// Records that `article` is open (a new history entry when it differs from the address).
pub fn show_article(article: &str) {
    let window = gloo::utils::window();
    if current().article.as_deref() == Some(article) {
        return;
    }
    let fragment = deep_link::format(article, None);
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
    }
}

/// Names `article` in the address without a new history entry (the page's first article).
pub fn replace_article(article: &str) {
    let fragment = deep_link::format(article, None);
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
    }
}

/// Calls `on_change` whenever the address's fragment changes by back, forward or a typed link.
pub fn on_change(on_change: impl Fn(DeepLink) + 'static) {
    let on_change = std::rc::Rc::new(on_change);
    for event in ["popstate", "hashchange"] {
        let on_change = on_change.clone();
        gloo::events::EventListener::new(&gloo::utils::window(), event, move |_| {
            on_change(current())
        })
        .forget();
    }
}
