//! What a teacher adds to one student's review: overrides of the matching and comments, per
//! claim and overall. Kept in the scoring session, by student, and written into the feedback.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::classroom::scoring::Overrides;

/// One student's overrides and comments.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StudentMarks {
    pub overrides: Overrides,
    /// By claim id, a key claim's or the student's; never empty strings.
    pub comments: BTreeMap<String, String>,
    pub overall: String,
}

/// A teacher's decision on one pair of claims or one extra claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// A near miss counts as found: key claim, student claim.
    Accept(String, String),
    /// A match does not count.
    Reject(String, String),
    /// An extra claim is valid: it counts as found.
    Valid(String),
    /// Back to what the matching says, for this pair (or this extra claim when the key id is
    /// empty).
    Undo(String, String),
}

impl StudentMarks {
    /// Whether there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        *self == StudentMarks::default()
    }

    pub fn decide(&mut self, decision: Decision) {
        let o = &mut self.overrides;
        match decision {
            Decision::Accept(k, s) => {
                o.rejected.retain(|p| *p != (k.clone(), s.clone()));
                // One student claim per key claim: accepting another replaces the first.
                o.accepted
                    .retain(|(key, student)| *key != k && *student != s);
                o.valid_extra.retain(|v| *v != s);
                o.accepted.push((k, s));
            }
            Decision::Reject(k, s) => {
                o.accepted.retain(|p| *p != (k.clone(), s.clone()));
                if !o.rejected.contains(&(k.clone(), s.clone())) {
                    o.rejected.push((k, s));
                }
            }
            Decision::Valid(s) => {
                if !o.valid_extra.contains(&s) {
                    o.valid_extra.push(s);
                }
            }
            Decision::Undo(k, s) => {
                o.accepted.retain(|p| *p != (k.clone(), s.clone()));
                o.rejected.retain(|p| *p != (k.clone(), s.clone()));
                if k.is_empty() {
                    o.valid_extra.retain(|v| *v != s);
                }
            }
        }
    }

    /// Sets the comment on claim `id` (blank removes it).
    pub fn set_comment(&mut self, id: String, text: String) {
        if text.trim().is_empty() {
            self.comments.remove(&id);
        } else {
            self.comments.insert(id, text);
        }
    }

    pub fn comment(&self, id: &str) -> &str {
        self.comments.get(id).map_or("", String::as_str)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn pair(k: &str, s: &str) -> (String, String) {
        (k.to_string(), s.to_string())
    }

    #[test]
    fn decisions_replace_each_other_and_undo_goes_back_to_the_matching() {
        let mut m = StudentMarks::default();
        m.decide(Decision::Reject("k1".into(), "s1".into()));
        m.decide(Decision::Reject("k1".into(), "s1".into()));
        assert_eq!(m.overrides.rejected, [pair("k1", "s1")], "kept once");
        m.decide(Decision::Accept("k1".into(), "s1".into()));
        assert!(m.overrides.rejected.is_empty());
        m.decide(Decision::Accept("k1".into(), "s2".into()));
        assert_eq!(
            m.overrides.accepted,
            [pair("k1", "s2")],
            "one student claim per key claim"
        );
        m.decide(Decision::Valid("s3".into()));
        m.decide(Decision::Undo("k1".into(), "s2".into()));
        assert!(m.overrides.accepted.is_empty());
        assert_eq!(m.overrides.valid_extra, ["s3"]);
        m.decide(Decision::Undo(String::new(), "s3".into()));
        assert!(m.is_empty());
    }

    #[test]
    fn a_blank_comment_is_no_comment() {
        let mut m = StudentMarks::default();
        m.set_comment("k1".into(), "Look at who says it.".into());
        assert_eq!(m.comment("k1"), "Look at who says it.");
        m.set_comment("k1".into(), "  ".into());
        assert_eq!(m.comment("k1"), "");
        assert!(m.is_empty());
    }
}
