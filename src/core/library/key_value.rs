//! The storage the library is kept in, as the core sees it: keys and text values, writes that
//! can fail (full, or refused), and exact copies for values a `String` cannot hold unchanged.
//! The browser edge implements it over localStorage (`web/local_storage.rs`); tests use a map
//! (`memory_kv.rs`).

/// Why a write failed, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    Full,
    Unavailable(String),
}

impl WriteError {
    pub fn user_message(&self) -> String {
        match self {
            WriteError::Full => "Your browser's storage for this page is full, so your latest changes are not saved. \
                They are still here: use Export JSON to keep a copy."
                .to_string(),
            WriteError::Unavailable(why) => format!(
                "Your browser is not letting Claimcheck save ({why}). Your work stays in this tab only: \
                 use Export JSON before you close it."
            ),
        }
    }
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;

    /// Whether `text`, just read from `key`, is exactly what is stored there. Browser storage
    /// holds UTF-16 that need not be valid (a lone surrogate), which a `String` can only hold
    /// changed (as U+FFFD), so such a value must be copied aside with [`KeyValue::copy_exact`].
    fn is_exact(&self, _key: &str, _text: &str) -> bool {
        true
    }

    /// Whether keys `a` and `b` hold the very same value, code unit for code unit.
    fn same(&self, a: &str, b: &str) -> bool {
        self.get(a) == self.get(b)
    }

    /// Copies the value under `from` to `to` unchanged, and checks the copy; a copy that is
    /// not equal is removed again.
    fn copy_exact(&mut self, from: &str, to: &str) -> Result<(), WriteError> {
        let value = self.get(from).unwrap_or_default();
        self.set(to, &value)?;
        self.keep_copy_if_same(from, to)
    }

    /// After copying `from` to `to`: keeps the copy only if it equals the original exactly, so
    /// a copy that lost something never stands in for what was there.
    fn keep_copy_if_same(&mut self, from: &str, to: &str) -> Result<(), WriteError> {
        if self.same(from, to) {
            Ok(())
        } else {
            self.remove(to);
            Err(WriteError::Unavailable(
                "the copy was not equal".to_string(),
            ))
        }
    }
}

/// How much browsers let one site keep in localStorage, in UTF-16 code units: about 5 million
/// characters, told to users as "about 5 MB" (`text::sizes::storage_used`, docs/user-guide.md).
pub const STORAGE_QUOTA: usize = 5 * 1024 * 1024;
