//! What an accepted result must be, whichever reader made it, and browser storage in memory.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use claimcheck::core::formats::envelope::FormatError;
use claimcheck::core::library::store::{KeyValue, WriteError};
use claimcheck::core::model::{is_rfc3339, Claim, Document};
use claimcheck::core::text::offsets::{char_len, slice};

/// A refusal says why, in words.
pub fn said_why(e: &FormatError) -> Result<(), TestCaseError> {
    prop_assert!(!e.0.trim().is_empty(), "an empty error message");
    Ok(())
}

/// Every claim lies within the text (its length in code points) and on its quote there.
pub fn on_their_quotes(text: &str, claims: &[Claim]) -> Result<(), TestCaseError> {
    let len = char_len(text);
    for c in claims {
        prop_assert!(
            c.position.start < c.position.end && c.position.end <= len,
            "claim {} at {:?} is not within the text ({len} code points)",
            c.id,
            c.position
        );
        prop_assert_eq!(
            slice(text, c.position.start, c.position.end),
            Some(c.quote.exact.as_str()),
            "claim {} is not on its quote",
            &c.id
        );
    }
    Ok(())
}

/// No two claims of a document (anchored or orphaned) share an id.
pub fn ids_unique<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Result<(), TestCaseError> {
    let mut seen = std::collections::HashSet::new();
    for c in claims {
        prop_assert!(seen.insert(c.id.as_str()), "claim id {:?} twice", &c.id);
    }
    Ok(())
}

/// What a checked Claimcheck document promises: an article id, claims on their quotes with
/// RFC 3339 times, no id twice.
pub fn checked_document(doc: &Document) -> Result<(), TestCaseError> {
    prop_assert!(!doc.article.id.trim().is_empty());
    on_their_quotes(&doc.article.text, &doc.claims)?;
    for c in &doc.claims {
        prop_assert!(is_rfc3339(&c.created) && is_rfc3339(&c.modified));
    }
    ids_unique(doc.claims.iter().chain(&doc.orphans))
}

/// A quote as an annotation reader may give it: words, and a position that can hold them.
pub fn quoted(c: &Claim) -> Result<(), TestCaseError> {
    prop_assert!(!c.quote.exact.trim().is_empty());
    prop_assert!(c.position.start < c.position.end);
    Ok(())
}

/// How many claims and orphans a file's JSON lists (it parsed, so it is JSON).
pub fn listed(doc: &Value) -> usize {
    let count = |k: &str| doc.get(k).and_then(Value::as_array).map_or(0, Vec::len);
    count("claims") + count("orphans")
}

/// The file's JSON as the readers see it (a byte-order mark skipped).
pub fn as_json(text: &str) -> Value {
    serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .expect("a file that was read is JSON")
}

/// Browser storage in memory, for the session and the library store.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MapKv(pub std::collections::BTreeMap<String, String>);

impl KeyValue for MapKv {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.0.keys().cloned().collect()
    }
}
