//! The library's index, kept under one key: which article is open, what is selected in it, and
//! every stored article with its claim counts (what the library dialog lists). The index is
//! only a summary of the article keys (`recovery` makes it again from them when it must).

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use crate::core::model::{counts_summary, verified_count, Article, Claim};

/// An article in the library, with its claim counts by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IndexEntry {
    pub id: String,
    pub title: String,
    /// Anchored claims.
    pub claims: usize,
    #[serde(default)]
    pub verified: usize,
    #[serde(default)]
    pub orphans: usize,
    /// Its stored copy cannot be read (so it cannot be opened); never stored, found on reading.
    #[serde(skip)]
    pub unreadable: bool,
}

impl IndexEntry {
    /// The library entry for an article with these claims.
    pub fn of<C: Borrow<Claim>>(article: &Article, claims: &[C], orphans: &[Claim]) -> Self {
        IndexEntry {
            id: article.id.clone(),
            title: article.title.clone(),
            claims: claims.len(),
            verified: verified_count(claims),
            orphans: orphans.len(),
            unreadable: false,
        }
    }

    /// "7 claims · 3 verified · 4 unverified", with orphans when there are any.
    pub fn summary(&self) -> String {
        let mut s = counts_summary(self.claims, self.verified);
        if self.orphans > 0 {
            s.push_str(&format!(" · {} orphaned", self.orphans));
        }
        s
    }
}

/// The index key: which article is open, what is selected in it, and which articles are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Index {
    pub version: u64,
    pub current: Option<String>,
    pub selected: Option<String>,
    pub articles: Vec<IndexEntry>,
}

impl Index {
    /// Adds `entry`, or replaces the entry of the same article where it stands.
    pub(super) fn upsert(&mut self, entry: IndexEntry) {
        match self.articles.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => self.articles.push(entry),
        }
        self.version = 1;
    }
}
