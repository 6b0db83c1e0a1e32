//! A key-value store in memory, for tests: a map, and a switch that makes every write fail the
//! way a full browser storage does.

use std::collections::BTreeMap;

use super::store::{KeyValue, WriteError};

#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub data: BTreeMap<String, String>,
    /// Every write fails while this is on.
    pub full: bool,
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.data.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        if self.full {
            return Err(WriteError::Full);
        }
        self.data.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.data.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.data.keys().cloned().collect()
    }
}

/// One store seen by several sessions, as the tabs of one browser see localStorage.
pub type SharedKv = std::rc::Rc<std::cell::RefCell<MemoryKv>>;

impl KeyValue for SharedKv {
    fn get(&self, key: &str) -> Option<String> {
        self.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.borrow_mut().remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.borrow().keys()
    }
}
