//! localStorage as the core's [`KeyValue`]. localStorage holds UTF-16 that need not be valid
//! (a lone surrogate), which web-sys can only hand over as a `String` with U+FFFD in its
//! place; so values that may be such are read again as JavaScript strings, to tell, to copy
//! them aside and to offer them for download unchanged.

use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::library::store::{KeyValue, WriteError};

pub struct LocalStorage {
    storage: Option<web_sys::Storage>,
    /// Why storage cannot be used, when it cannot.
    unavailable: Option<String>,
}

impl LocalStorage {
    pub fn open() -> Self {
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(storage))) => LocalStorage {
                storage: Some(storage),
                unavailable: None,
            },
            Some(Err(e)) => Self::unavailable(describe(&e)),
            _ => Self::unavailable("storage is disabled in this browser".to_string()),
        }
    }

    fn unavailable(why: String) -> Self {
        LocalStorage {
            storage: None,
            unavailable: Some(why),
        }
    }

    /// Why nothing can be saved, if nothing can.
    pub fn unavailable_reason(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }
}

#[wasm_bindgen]
extern "C" {
    /// localStorage with values as JavaScript strings, never converted to Rust text.
    type RawStorage;
    #[wasm_bindgen(method, js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Option<JsString>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &RawStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

impl LocalStorage {
    /// The value under `key` as the JavaScript string it is.
    fn raw(&self, key: &str) -> Option<JsString> {
        self.storage
            .as_ref()?
            .unchecked_ref::<RawStorage>()
            .get_item(key)
    }

    /// The value under `key` as UTF-16 code units, when it is not valid text (and so cannot
    /// be given as a `String` unchanged).
    pub fn invalid_text(&self, key: &str) -> Option<Vec<u16>> {
        let raw = self.raw(key)?;
        (!raw.is_valid_utf16()).then(|| raw.iter().collect())
    }
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => format!("{}: {}", d.name(), d.message()),
        None => "storage is disabled in this browser".to_string(),
    }
}

fn is_quota_error(e: &wasm_bindgen::JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| {
        d.name() == "QuotaExceededError" || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

fn write_error(e: &JsValue) -> WriteError {
    if is_quota_error(e) {
        WriteError::Full
    } else {
        WriteError::Unavailable(describe(e))
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let Some(storage) = &self.storage else {
            return Err(WriteError::Unavailable(
                self.unavailable.clone().unwrap_or_default(),
            ));
        };
        storage.set_item(key, value).map_err(|e| write_error(&e))
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(key);
        }
    }

    fn is_exact(&self, key: &str, text: &str) -> bool {
        // Converting to a `String` puts U+FFFD for each lone surrogate: without one, the text
        // is exact, and the slow check (code unit by code unit) is needed only with one.
        !text.contains('\u{FFFD}') || self.raw(key).is_none_or(|raw| raw.is_valid_utf16())
    }

    fn same(&self, a: &str, b: &str) -> bool {
        match (self.raw(a), self.raw(b)) {
            (Some(a), Some(b)) => JsValue::from(a) == JsValue::from(b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }

    fn copy_exact(&mut self, from: &str, to: &str) -> Result<(), WriteError> {
        let value = self.raw(from).unwrap_or_else(|| JsString::from(""));
        let Some(storage) = &self.storage else {
            return Err(WriteError::Unavailable(
                self.unavailable.clone().unwrap_or_default(),
            ));
        };
        storage
            .unchecked_ref::<RawStorage>()
            .set_item(to, &value)
            .map_err(|e| write_error(&e))?;
        self.keep_copy_if_same(from, to)
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = &self.storage else {
            return Vec::new();
        };
        let n = storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}
