//! Saving text as a file the user downloads.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("The download could not start ({e:?}).");
    let document = gloo::utils::document();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
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
