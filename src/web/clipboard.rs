//! Copying text to the clipboard.

/// Puts `text` on the clipboard; the error says why it could not.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| {
            let why = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "the browser refused".to_string());
            format!("Could not copy to the clipboard: {why}. Use Export JSON instead.")
        })
}
