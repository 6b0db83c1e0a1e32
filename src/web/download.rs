//! Saving text as a file the user downloads.

use wasm_bindgen::{JsCast, JsValue};

fn fail(e: JsValue) -> String {
    format!("The download could not start ({e:?}).")
}

/// Offers `text` as a download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    offer(filename, &blob)
}

/// Offers UTF-16 code units exactly as they are, lone surrogates and all (which text given to
/// a `Blob` would lose): as UTF-16LE with a byte order mark, which text editors open.
pub fn download_utf16(filename: &str, units: &[u16]) -> Result<(), String> {
    let bytes: Vec<u8> = [0xFEFF_u16]
        .iter()
        .chain(units)
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-16le");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    offer(filename, &blob)
}

fn offer(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let document = gloo::utils::document();
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&link).map_err(fail)?;
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
