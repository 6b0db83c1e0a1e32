//! localStorage as the core's [`KeyValue`].

use wasm_bindgen::JsCast;

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
        storage.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                WriteError::Full
            } else {
                WriteError::Unavailable(describe(&e))
            }
        })
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(key);
        }
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
