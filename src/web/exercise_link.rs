//! Exercise links and submission codes in the browser: the compression is the browser's own
//! (`CompressionStream("deflate-raw")`), so it costs the bundle nothing; the framing and every
//! check are the core's (`core::classroom::share_codes`).

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::classroom::exercise::{Exercise, Submission};
use crate::core::classroom::share_codes::{
    does_not_inflate, exercise_from_json, exercise_json, exercise_link, frame, link_code,
    submission_json, unframe, CodeKind,
};

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&f, target, args)
}

fn construct(global: &str, args: &Array) -> Result<JsValue, JsValue> {
    let ctor: Function = Reflect::get(&js_sys::global(), &global.into())?.dyn_into()?;
    Reflect::construct(&ctor, args)
}

/// `bytes` through a `CompressionStream` or `DecompressionStream` (`stream`) in deflate-raw.
async fn through(stream: &str, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    let transform = construct(stream, &Array::of1(&"deflate-raw".into()))?;
    let piped = call(
        &call(&blob, "stream", &Array::new())?,
        "pipeThrough",
        &Array::of1(&transform),
    )?;
    let response = construct("Response", &Array::of1(&piped))?;
    let buffer: Promise = call(&response, "arrayBuffer", &Array::new())?.dyn_into()?;
    Ok(Uint8Array::new(&JsFuture::from(buffer).await?).to_vec())
}

const NO_STREAMS: &str =
    "This browser cannot pack links (it has no CompressionStream): use a current Chrome, Edge, Firefox or Safari, or share the file instead.";

async fn compress(json: &str) -> Result<Vec<u8>, String> {
    through("CompressionStream", json.as_bytes())
        .await
        .map_err(|_| NO_STREAMS.to_string())
}

/// The JSON a checked code holds.
async fn unpack(kind: CodeKind, code: &str) -> Result<String, String> {
    let bytes = unframe(kind, code)?;
    let inflated = through("DecompressionStream", &bytes)
        .await
        .map_err(|_| does_not_inflate(kind))?;
    String::from_utf8(inflated).map_err(|_| does_not_inflate(kind))
}

/// The link that opens `exercise` in Student mode on this page's address.
pub async fn link_for(exercise: &Exercise) -> Result<String, String> {
    let code = frame(
        CodeKind::Exercise,
        &compress(&exercise_json(exercise)).await?,
    );
    let page = gloo::utils::window().location().href().unwrap_or_default();
    Ok(exercise_link(&page, &code))
}

/// The code a student copies to hand `submission` in.
pub async fn code_for(submission: &Submission) -> Result<String, String> {
    Ok(frame(
        CodeKind::Submission,
        &compress(&submission_json(submission)).await?,
    ))
}

/// The exercise link in the address, if there is one: the exercise, or why it cannot be opened.
pub fn link_in_address() -> Option<String> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    link_code(&hash).map(str::to_string)
}

/// The exercise an exercise link's code holds, checked as its file would be.
pub async fn exercise_from_code(code: &str) -> Result<Exercise, String> {
    exercise_from_json(&unpack(CodeKind::Exercise, code).await?)
}

/// The submission JSON a pasted code holds (read as a submission file is read, by the caller).
pub async fn submission_from_code(code: &str) -> Result<String, String> {
    unpack(CodeKind::Submission, code).await
}
