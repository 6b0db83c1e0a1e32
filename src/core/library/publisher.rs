//! The **Your name / organisation** setting, kept under its own key beside the library: who
//! ClaimReview exports name as their author. Like everything stored, a value Claimcheck cannot
//! read is copied aside before a new one is written over it.

use super::store::{KeyValue, Store, WriteError};
use crate::core::formats::claimreview::Publisher;
use crate::core::formats::value_reader;

pub const PUBLISHER_KEY: &str = "claimcheck:publisher";

impl<S: KeyValue> Store<S> {
    /// The setting; unset (no name) when none was saved or it cannot be read.
    pub fn publisher(&self) -> Publisher {
        self.kv
            .get(PUBLISHER_KEY)
            .and_then(|raw| value_reader::read_text(&raw).ok())
            .unwrap_or_default()
    }

    /// Saves the setting; what was stored and cannot be read is kept aside first.
    pub fn set_publisher(
        &mut self,
        publisher: &Publisher,
        warnings: &mut Vec<String>,
    ) -> Result<(), WriteError> {
        if let Some(raw) = self.kv.get(PUBLISHER_KEY) {
            if value_reader::read_text::<Publisher>(&raw).is_err() {
                self.quarantine(PUBLISHER_KEY, "it is not a name setting", warnings);
            }
        }
        if self.is_protected(PUBLISHER_KEY) {
            return Err(WriteError::Unavailable(
                "the setting stored before could not be kept aside".into(),
            ));
        }
        let json = serde_json::to_string(publisher).expect("a publisher always serializes");
        self.kv.set(PUBLISHER_KEY, &json)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::claimreview::PublisherKind;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::library::recovery::UNREADABLE_PREFIX;

    #[test]
    fn the_setting_is_kept_and_what_cannot_be_read_is_kept_aside() {
        let mut store = Store::new(MemoryKv::default());
        assert_eq!(store.publisher(), Publisher::default());
        let desk = Publisher::checked("Port Desk", PublisherKind::Organization, "").unwrap();
        let mut warnings = Vec::new();
        store.set_publisher(&desk, &mut warnings).unwrap();
        assert_eq!(store.publisher(), desk);
        assert!(warnings.is_empty());

        store.kv_mut().set(PUBLISHER_KEY, "{not json").unwrap();
        assert_eq!(
            store.publisher(),
            Publisher::default(),
            "unreadable is unset"
        );
        store.set_publisher(&desk, &mut warnings).unwrap();
        assert_eq!(store.publisher(), desk);
        assert_eq!(
            store
                .kv()
                .get(&format!("{UNREADABLE_PREFIX}{PUBLISHER_KEY}"))
                .as_deref(),
            Some("{not json")
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }
}
