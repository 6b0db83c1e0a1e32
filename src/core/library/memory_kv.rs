//! A key-value store in memory, for tests: a map, a switch that makes every write fail the way a
//! full browser storage does, and a quota that fails only the writes that would not fit.

use std::collections::BTreeMap;

use super::store::{KeyValue, WriteError};

#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub data: BTreeMap<String, String>,
    /// Every write fails while this is on.
    pub full: bool,
    /// At most this many UTF-16 code units (keys and values, as browsers count), when set:
    /// a write that would go over fails, as in a browser whose storage is nearly full.
    pub quota: Option<usize>,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl MemoryKv {
    /// What is kept, in UTF-16 code units.
    pub fn usage(&self) -> usize {
        self.data.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    /// Leaves room for only `room` more code units from now on.
    pub fn leave_room(&mut self, room: usize) {
        self.quota = Some(self.usage() + room);
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.data.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        if self.full {
            return Err(WriteError::Full);
        }
        if let Some(quota) = self.quota {
            let replaced = self.data.get(key).map_or(0, |old| units(key) + units(old));
            if self.usage() - replaced + units(key) + units(value) > quota {
                return Err(WriteError::Full);
            }
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
