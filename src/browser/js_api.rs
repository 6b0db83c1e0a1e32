//! `window.claimcheck`: the core, for scripts and for pages that embed the app. A product
//! interface (documented in README.md): plain objects in, plain objects out.

use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::app_store::AppStore;
use crate::article_text::article_from_parts;
use crate::export_json;

#[derive(Deserialize)]
struct ArticleInput {
    #[serde(default)]
    title: String,
    text: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    byline: String,
    #[serde(default)]
    date: String,
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

fn to_plain<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&e.to_string()))
}

fn set(target: &Object, name: &str, value: &JsValue) {
    Reflect::set(target, &name.into(), value).expect("setting a property on a plain object");
}

fn method<F>(api: &Object, name: &str, f: F)
where
    F: Fn(JsValue) -> Result<JsValue, JsValue> + 'static,
{
    let closure = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(f);
    let function: &Function = closure.as_ref().unchecked_ref();
    set(api, name, function);
    // The API lives as long as the page.
    closure.forget();
}

/// Installs `window.claimcheck`.
pub fn install(store: &Rc<AppStore>) {
    let api = Object::new();
    set(&api, "version", &env!("CARGO_PKG_VERSION").into());

    let s = store.clone();
    method(&api, "loadArticle", move |input| {
        let input: ArticleInput = serde_wasm_bindgen::from_value(input).map_err(|e| {
            js_error(&format!(
                "loadArticle expects {{title, text}} with text a string: {e}"
            ))
        })?;
        let mut article =
            article_from_parts(&input.title, &input.text).map_err(|e| js_error(&e.to_string()))?;
        article.outlet = input.outlet;
        article.byline = input.byline;
        article.date = input.date;
        Ok(s.open_article(article).into())
    });

    let s = store.clone();
    method(&api, "claims", move |_| to_plain(&s.state().claims));

    let s = store.clone();
    method(&api, "exportJson", move |_| {
        let state = s.state();
        Ok(export_json::to_json(&state.article, &state.claims).into())
    });

    set(&gloo::utils::window(), "claimcheck", &api);
}
