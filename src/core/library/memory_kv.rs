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
