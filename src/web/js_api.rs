//! `window.claimcheck`: the core, for scripts and for pages that embed the app. A product
//! interface (documented in README.md): plain objects in, plain objects out.

use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::store::AppStore;
use crate::core::anchoring::resolve;
use crate::core::anchoring::selectors::{self, Selectors};
use crate::core::classroom::scoring::Rubric;
use crate::core::formats::export::{self, ExportFormat};
use crate::core::formats::value_reader;
use crate::core::library::merge::ImportOutcome;
use crate::core::text::offsets::char_len;
use crate::core::text::paragraphs::article_from_parts;

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

// Plain objects cross as JSON text. Why not serde-wasm-bindgen: it compiles each type's reading
// and writing code once more beside serde_json's and the core's value reader (issue 14); the
// browser's own JSON parser and printer cost the bundle nothing.
fn to_plain<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| js_error(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

fn from_plain<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let json = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| js_error(&format!("{what}: it is not a plain value")))?;
    value_reader::read_text(&json).map_err(|e| js_error(&format!("{what}: {e}")))
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| js_error(&format!("{what} must be a string")))
}

fn offset_arg(value: &JsValue, what: &str) -> Result<usize, JsValue> {
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(n as usize),
        _ => Err(js_error(&format!(
            "{what} must be a whole number of code points, 0 or more"
        ))),
    }
}

fn set(target: &Object, name: &str, value: &JsValue) {
    Reflect::set(target, &name.into(), value).expect("setting a property on a plain object");
}

type Method = dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>;

/// Adds `name` to the API object; arguments JavaScript leaves out arrive as `undefined`.
fn method<F>(api: &Object, name: &str, f: F)
where
    F: Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue> + 'static,
{
    let closure = Closure::<Method>::new(f);
    let function: &Function = closure.as_ref().unchecked_ref();
    set(api, name, function);
    // The API lives as long as the page.
    closure.forget();
}

/// Installs `window.claimcheck`.
pub fn install(store: &Rc<AppStore>) {
    let api = Object::new();
    set(&api, "version", &env!("CARGO_PKG_VERSION").into());
    install_article(&api, store);
    install_exports(&api, store);
    install_import(&api, store);
    install_scoring(&api);
    install_anchoring(&api);
    install_suggestions(&api);
    set(&gloo::utils::window(), "claimcheck", &api);
}

/// `loadArticle` and `claims`: the open article and its claims.
fn install_article(api: &Object, store: &Rc<AppStore>) {
    let s = store.clone();
    method(api, "loadArticle", move |input, _, _| {
        let input: ArticleInput = from_plain(
            input,
            "loadArticle expects {title, text} with text a string",
        )?;
        let mut article =
            article_from_parts(&input.title, &input.text).map_err(|e| js_error(&e.to_string()))?;
        article.outlet = input.outlet;
        article.byline = input.byline;
        article.date = input.date;
        Ok(s.open_article(article).into())
    });

    let s = store.clone();
    method(api, "claims", move |_, _, _| {
        to_plain(&s.state().claims_vec())
    });
}

/// `exportJson` and `exportAs`: the open article, or the whole library, in any export format.
fn install_exports(api: &Object, store: &Rc<AppStore>) {
    let s = store.clone();
    method(api, "exportJson", move |_, _, _| {
        Ok(s.state().export_json().into())
    });

    let s = store.clone();
    method(api, "exportAs", move |format, scope, _| {
        let format = format
            .as_string()
            .and_then(|f| ExportFormat::parse(&f))
            .ok_or_else(|| {
                js_error(
                    "exportAs(format, scope): format must be \"claimcheck\", \"w3c\", \"claimreview\" or \"csv\"",
                )
            })?;
        let file = match scope.as_string().as_deref() {
            None if scope.is_undefined() => {
                export::article_export(format, &s.state().document(), &s.publisher())
            }
            Some("article") => {
                export::article_export(format, &s.state().document(), &s.publisher())
            }
            Some("library") => {
                export::library_export(format, &s.library_documents(), "", &s.publisher())
            }
            _ => return Err(js_error(
                "exportAs(format, scope): scope must be \"article\" (the default) or \"library\"",
            )),
        };
        Ok(file.text.into())
    });
}

/// `importJson`: a file's annotations merged into the library, with a report that never throws.
fn install_import(api: &Object, store: &Rc<AppStore>) {
    let s = store.clone();
    method(api, "importJson", move |text, _, _| {
        // Never throws: the report says what went wrong.
        let report = match text.as_string() {
            None => Err("importJson(text): text must be a string".to_string()),
            Some(text) => s.import_text(&text),
        };
        let value = match report {
            Ok(outcome) => import_report(&outcome),
            Err(error) => serde_json::json!({"ok": false, "error": error}),
        };
        to_plain(&value)
    });
}

/// What `importJson` says of an import that went through: each article's figures.
fn import_report(outcome: &ImportOutcome) -> serde_json::Value {
    let articles: Vec<serde_json::Value> = outcome
        .reports
        .iter()
        .map(|r| {
            serde_json::json!({
                "articleId": r.article_id,
                "title": r.article_title,
                "newArticle": r.new_article,
                "added": r.added,
                "updated": r.updated,
                "unchanged": r.unchanged,
                "duplicates": r.duplicates,
                "reanchored": r.reanchored.map(|a| serde_json::json!({
                    "exact": a.unchanged, "moved": a.moved, "orphaned": a.orphaned,
                })),
            })
        })
        .collect();
    // The first article's figures stand at the top too: most files hold one.
    let mut value = articles
        .first()
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    value["ok"] = true.into();
    value["format"] = outcome.format.label().into();
    value["skipped"] = outcome.skipped.into();
    value["summary"] = outcome.summary().into();
    value["articles"] = articles.into();
    value
}

/// `score`: a class's submissions scored against an answer key.
fn install_scoring(api: &Object) {
    method(api, "score", |key, submissions, rubric| {
        let key = string_arg(&key, "score(keyJson, submissionJsons, rubric?): keyJson")?;
        let submissions: Vec<String> = from_plain(
            submissions,
            "score(keyJson, submissionJsons, rubric?): submissionJsons must be an array of strings",
        )?;
        let rubric: Rubric = if rubric.is_undefined() || rubric.is_null() {
            Rubric::default()
        } else {
            from_plain(rubric, "score(keyJson, submissionJsons, rubric?): rubric")?
        };
        // Students without a name in their file are known by their place in the list.
        let names: Vec<String> = (1..=submissions.len())
            .map(|i| format!("Student {i}"))
            .collect();
        let files: Vec<(&str, &str)> = names
            .iter()
            .zip(&submissions)
            .map(|(n, s)| (n.as_str(), s.as_str()))
            .collect();
        let report = crate::core::classroom::scoring::score_files(&key, &files, &rubric)
            .map_err(|e| js_error(&format!("score: the key could not be read: {e}")))?;
        to_plain(&report)
    });
    install_review(api);
}

/// `review`: one submission against a key, claim by claim, with the teacher's overrides
/// (scoring, issue 13).
fn install_review(api: &Object) {
    use crate::core::classroom::scoring::review::{review_files, Overrides};
    const USAGE: &str = "review(keyJson, submissionJson, overrides?)";
    method(api, "review", |key, submission, overrides| {
        let key = string_arg(&key, &format!("{USAGE}: keyJson"))?;
        let submission = string_arg(&submission, &format!("{USAGE}: submissionJson"))?;
        let overrides: Overrides = if overrides.is_undefined() || overrides.is_null() {
            Overrides::default()
        } else {
            from_plain(
                overrides,
                &format!("{USAGE}: overrides must be {{accepted: [[keyId, studentId]], rejected: [[keyId, studentId]], validExtra: [studentId]}}"),
            )?
        };
        let review = review_files(&key, &submission, &overrides)
            .map_err(|e| js_error(&format!("review: {e}")))?;
        to_plain(&review)
    });
}

/// `describe`, `resolve` and `resolveMany`: anchoring a passage of any text, and finding it again.
fn install_anchoring(api: &Object) {
    method(api, "describe", |text, start, end| {
        let text = string_arg(&text, "describe(text, start, end): text")?;
        let (start, end) = (offset_arg(&start, "start")?, offset_arg(&end, "end")?);
        let selectors = selectors::selectors(&text, start, end).ok_or_else(|| {
            js_error(&format!(
                "describe: {start}..{end} is not a non-empty range of the text ({} code points)",
                char_len(&text)
            ))
        })?;
        to_plain(&selectors)
    });

    method(api, "resolve", |selectors, text, _| {
        let selectors: Selectors = from_plain(selectors, "resolve(selectors, text): selectors")?;
        let text = string_arg(&text, "resolve(selectors, text): text")?;
        to_plain(&resolve::resolve(&selectors, &text))
    });

    method(api, "resolveMany", |selectors, text, _| {
        let selectors: Vec<Selectors> = from_plain(
            selectors,
            "resolveMany(selectorsArray, text): selectorsArray",
        )?;
        let text = string_arg(&text, "resolveMany(selectorsArray, text): text")?;
        to_plain(&resolve::resolve_many(&selectors, &text))
    });
}

/// `suggestClaims`: the sourced claims the suggester finds in any text.
fn install_suggestions(api: &Object) {
    use crate::core::suggestions::suggest;
    use crate::core::text::offsets::CharTable;
    method(api, "suggestClaims", |text, _, _| {
        let text = string_arg(&text, "suggestClaims(text): text")?;
        let table = CharTable::new(&text);
        let span =
            |s: crate::core::suggestions::Span| serde_json::json!({"start": s.start, "end": s.end});
        let list: Vec<serde_json::Value> = suggest(&text)
            .iter()
            .map(|s| {
                serde_json::json!({
                    "start": s.claim.start,
                    "end": s.claim.end,
                    "quote": table.slice(s.claim.start, s.claim.end).unwrap_or_default(),
                    "cue": s.cue.map(span),
                    "source": s.source.as_ref().map(|x| serde_json::json!({
                        "start": x.span.start, "end": x.span.end, "text": x.text,
                    })),
                    "sourceKind": s.source_kind.as_str(),
                    "confidence": s.confidence,
                })
            })
            .collect();
        to_plain(&list)
    });
}
