//! The teacher's scoring sessions, kept beside the library: one per exercise
//! (`classroom::saved_scoring`), and which one is open. Like everything stored, a session
//! Claimcheck cannot read is copied aside, never written over.

use super::store::{KeyValue, Store, WriteError};
use crate::core::classroom::saved_scoring::{
    from_saved_json, is_empty, scoring_key, session_id, to_saved_json, NO_KEY, OPEN_SCORING_KEY,
};
use crate::core::classroom::scoring_session::ScoringSession;

/// What [`Store::keep_scoring`] wrote: the session's id and its JSON.
pub type KeptScoring = Option<(String, String)>;

impl<S: KeyValue> Store<S> {
    /// The session the teacher had open when the page was last used.
    pub fn open_scoring(
        &mut self,
        warnings: &mut Vec<String>,
    ) -> Option<(ScoringSession, KeptScoring)> {
        let id = self.kv.get(OPEN_SCORING_KEY)?;
        let session = self.kept_scoring(&id, warnings)?;
        let json = to_saved_json(&session);
        Some((session, Some((id, json))))
    }

    /// The session kept for exercise `id`, if one is.
    pub fn kept_scoring(&mut self, id: &str, warnings: &mut Vec<String>) -> Option<ScoringSession> {
        let key = scoring_key(id);
        let raw = self.kv.get(&key)?;
        match from_saved_json(&raw) {
            Ok(session) => Some(session),
            Err(why) => {
                if !self.is_protected(&key) {
                    self.quarantine(&key, &why, warnings);
                }
                None
            }
        }
    }

    /// Keeps `session` under its exercise, as the open one; `written` is what the last call
    /// wrote (nothing is written again when nothing changed). A cleared session's entry goes;
    /// the keyless entry goes once its submissions are under an exercise's key.
    pub fn keep_scoring(
        &mut self,
        session: &ScoringSession,
        written: &KeptScoring,
    ) -> Result<KeptScoring, WriteError> {
        let before = written.as_ref().map(|(id, _)| id.as_str());
        if is_empty(session) {
            if let Some(id) = before {
                self.kv.remove(&scoring_key(id));
            }
            self.kv.remove(OPEN_SCORING_KEY);
            return Ok(None);
        }
        let id = session_id(session);
        let json = to_saved_json(session);
        if written.as_ref() == Some(&(id.clone(), json.clone())) {
            return Ok(written.clone());
        }
        let key = scoring_key(&id);
        if self.is_protected(&key) {
            return Err(WriteError::Unavailable(
                "the scoring session stored before could not be kept aside".into(),
            ));
        }
        self.kv.set(&key, &json)?;
        self.kv.set(OPEN_SCORING_KEY, &id)?;
        if before == Some(NO_KEY) && id != NO_KEY {
            self.kv.remove(&scoring_key(NO_KEY));
        }
        Ok(Some((id, json)))
    }
}
