//! Undo and redo: snapshots of an article's data taken before each change, kept per article for
//! the session. Typing in one field of one claim is one step, not one per key.

use std::collections::HashMap;
use std::rc::Rc;

use crate::app::shared_claims::SharedClaims;
use crate::core::library::dismissals::Dismissed;
use crate::core::model::{Article, Claim};

/// How many steps back one article keeps.
pub const DEPTH: usize = 300;

/// An article's data at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub article: Rc<Article>,
    pub claims: SharedClaims,
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    /// The suggestions dismissed on it, so a dismissal is undone like a claim change.
    pub dismissed: Rc<Vec<Dismissed>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Steps {
    past: Vec<Rc<Snapshot>>,
    future: Vec<Rc<Snapshot>>,
    /// The field last typed into, so further typing joins the same step.
    typing: Option<String>,
}

/// Every article's undo steps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    articles: HashMap<String, Steps>,
}

impl History {
    /// Records `before` as the state to go back to after a change to article `id`. Changes with
    /// the same `typing` key in a row (one field of one claim) share one step.
    pub fn record(&mut self, id: &str, before: Snapshot, typing: Option<String>) {
        let steps = self.articles.entry(id.to_string()).or_default();
        steps.future.clear();
        if typing.is_some() && typing == steps.typing {
            return;
        }
        steps.typing = typing;
        steps.past.push(Rc::new(before));
        if steps.past.len() > DEPTH {
            steps.past.remove(0);
        }
    }

    /// The state to go back to from `current`, if any.
    pub fn undo(&mut self, id: &str, current: Snapshot) -> Option<Rc<Snapshot>> {
        let steps = self.articles.get_mut(id)?;
        let back = steps.past.pop()?;
        steps.future.push(Rc::new(current));
        steps.typing = None;
        Some(back)
    }

    /// The state `undo` left, if nothing changed since.
    pub fn redo(&mut self, id: &str, current: Snapshot) -> Option<Rc<Snapshot>> {
        let steps = self.articles.get_mut(id)?;
        let forward = steps.future.pop()?;
        steps.past.push(Rc::new(current));
        steps.typing = None;
        Some(forward)
    }

    pub fn can_undo(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|s| !s.past.is_empty())
    }

    pub fn can_redo(&self, id: &str) -> bool {
        self.articles.get(id).is_some_and(|s| !s.future.is_empty())
    }

    /// Ends any typing step, so the next keystroke starts a new one.
    pub fn break_typing(&mut self, id: &str) {
        if let Some(steps) = self.articles.get_mut(id) {
            steps.typing = None;
        }
    }
}
