//! Stored data Claimcheck cannot read is never overwritten: it is moved aside under a key of
//! its own (for the user to download), or, when even that fails, its key is left alone for the
//! rest of the session.

use super::store::{KeyValue, Store};

pub const UNREADABLE_PREFIX: &str = "claimcheck:unreadable:";

impl<S: KeyValue> Store<S> {
    /// Moves an unreadable value aside under a key of its own, so saving never overwrites it.
    /// If even that fails the key is protected: nothing is written to it this session.
    pub(super) fn quarantine(
        &mut self,
        key: &str,
        raw: &str,
        why: &str,
        warnings: &mut Vec<String>,
    ) {
        let mut n = 1;
        let mut aside = format!("{UNREADABLE_PREFIX}{key}");
        while self.kv.get(&aside).is_some_and(|v| v != raw) {
            n += 1;
            aside = format!("{UNREADABLE_PREFIX}{key}:{n}");
        }
        if self.kv.set(&aside, raw).is_ok() {
            warnings.push(format!(
                "Saved data under \"{key}\" could not be read ({why}). It was kept, unchanged, under \"{aside}\"."
            ));
        } else {
            self.protected.push(key.to_string());
            warnings.push(format!(
                "Saved data under \"{key}\" could not be read ({why}). It is left untouched, so changes to it \
                 will not be saved this session."
            ));
        }
    }

    /// Whether nothing may be written to `key` this session.
    pub(super) fn is_protected(&self, key: &str) -> bool {
        self.protected.iter().any(|k| k == key)
    }

    /// Every stored key that holds something Claimcheck could not read.
    pub fn unreadable_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(UNREADABLE_PREFIX))
            .collect();
        keys.sort();
        keys
    }
}
