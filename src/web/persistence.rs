//! Keeping the data: asking the browser for persistent storage, asking whether it has it, and
//! when the library was last exported. Each call does nothing (or says "unknown") where the
//! API is missing (an old browser, an insecure page, storage disabled): none of this may stop
//! the app.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::app::backup::{LAST_BACKUP_KEY, PERSISTENCE_ASKED_KEY};

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `navigator.storage`, where the browser has it.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    Some(wasm_bindgen::JsCast::unchecked_into(manager))
}

/// The time of the last export (or of the first claim, before any), in ms since 1970.
pub fn last_backup() -> Option<f64> {
    local_storage()?
        .get_item(LAST_BACKUP_KEY)
        .ok()
        .flatten()?
        .parse()
        .ok()
}

/// Records that the library (or an article) was exported just now.
pub fn record_backup() {
    if let Some(s) = local_storage() {
        let _ = s.set_item(LAST_BACKUP_KEY, &js_sys::Date::now().to_string());
    }
}

/// Called while there are claims: the first time, the reminder's clock starts and the browser
/// is asked, once, to keep the site's data (Chromium decides by engagement, Firefox may ask the
/// user, Safari exempts the site from its 7-day clearing).
pub fn claims_exist() {
    let Some(s) = local_storage() else { return };
    if s.get_item(LAST_BACKUP_KEY).ok().flatten().is_none() {
        record_backup();
    }
    if s.get_item(PERSISTENCE_ASKED_KEY).ok().flatten().is_some() {
        return;
    }
    let Some(manager) = storage_manager() else {
        return;
    };
    if let Ok(promise) = manager.persist() {
        let _ = s.set_item(PERSISTENCE_ASKED_KEY, &js_sys::Date::now().to_string());
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// `navigator.storage.persisted()`, or `None` when the browser cannot say.
pub async fn persisted() -> Option<bool> {
    let promise = storage_manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
