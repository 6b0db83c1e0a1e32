//! A key-value store in memory, for tests: a map, a switch that makes every write fail the way a
//! full browser storage does, a quota that fails only the writes that would not fit, and values
//! that are not valid UTF-16 (as browser storage can hold).

use std::collections::BTreeMap;

use super::store::{KeyValue, WriteError};
use crate::core::ordering;

#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub data: BTreeMap<String, String>,
    /// Values that are not valid text, as UTF-16 code units (lone surrogates and all); `get`
    /// gives them changed, as a browser's `String` conversion does.
    pub units: BTreeMap<String, Vec<u16>>,
    /// Every write fails while this is on.
    pub full: bool,
    /// At most this many UTF-16 code units (keys and values, as browsers count), when set:
    /// a write that would go over fails, as in a browser whose storage is nearly full.
    pub quota: Option<usize>,
    /// Every key read, in order: reading a large record costs, so tests count the reads.
    pub reads: std::cell::RefCell<Vec<String>>,
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

impl MemoryKv {
    /// The value under `key` as UTF-16 code units, exactly.
    pub fn code_units(&self, key: &str) -> Option<Vec<u16>> {
        self.units
            .get(key)
            .cloned()
            .or_else(|| self.data.get(key).map(|v| v.encode_utf16().collect()))
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.reads.borrow_mut().push(key.to_string());
        match self.units.get(key) {
            Some(units) => Some(String::from_utf16_lossy(units)),
            None => self.data.get(key).cloned(),
        }
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
        self.units.remove(key);
        self.data.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.units.remove(key);
        self.data.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.data.keys().chain(self.units.keys()).cloned().collect();
        ordering::sort(&mut keys);
        keys.dedup();
        keys
    }
    fn is_exact(&self, key: &str, _text: &str) -> bool {
        !self.units.contains_key(key)
    }
    fn same(&self, a: &str, b: &str) -> bool {
        self.code_units(a) == self.code_units(b)
    }
    fn copy_exact(&mut self, from: &str, to: &str) -> Result<(), WriteError> {
        if self.full {
            return Err(WriteError::Full);
        }
        match (self.units.get(from).cloned(), self.data.get(from).cloned()) {
            (Some(units), _) => {
                self.data.remove(to);
                self.units.insert(to.into(), units);
            }
            (None, value) => {
                self.units.remove(to);
                self.data.insert(to.into(), value.unwrap_or_default());
            }
        }
        Ok(())
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
