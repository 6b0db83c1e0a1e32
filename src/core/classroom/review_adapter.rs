//! The review of one submission against the key, with the names and shapes of the shared
//! contract (`scoring::review`, being written beside this): a minimal stand-in over spans alone,
//! so the review view, the feedback file and the scoring session can be built and tested now.
//! When `scoring::review` lands, everything here becomes a re-export of it.

use serde::{Deserialize, Serialize};

use crate::core::model::Claim;

/// What one student's claims are, claim by claim, against the key.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub matched: Vec<Matched>,
    /// Key claims not found.
    pub missed: Vec<String>,
    /// Student claims that match no key claim.
    pub extra: Vec<String>,
    pub too_broad: Vec<TooBroad>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Matched {
    pub key: String,
    pub student: String,
    pub span_precision: f64,
    pub span_recall: f64,
    pub status_agrees: bool,
    pub source_agrees: Option<bool>,
    pub label_agrees: Option<bool>,
    pub by_override: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TooBroad {
    pub student: String,
    pub keys: Vec<String>,
}

/// The teacher's decisions over the matching.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Overrides {
    /// (key claim id, student claim id): a near miss accepted as found.
    pub accepted: Vec<(String, String)>,
    /// A match the teacher rejects.
    pub rejected: Vec<(String, String)>,
    /// Student claim ids the teacher marks valid (they count as found).
    pub valid_extra: Vec<String>,
}

fn overlap(a: &Claim, b: &Claim) -> usize {
    let (s, e) = (
        a.position.start.max(b.position.start),
        a.position.end.min(b.position.end),
    );
    e.saturating_sub(s)
}

fn len(c: &Claim) -> usize {
    c.position.end.saturating_sub(c.position.start).max(1)
}

fn matched(k: &Claim, s: &Claim, by_override: bool) -> Matched {
    let o = overlap(k, s);
    Matched {
        key: k.id.clone(),
        student: s.id.clone(),
        span_precision: o as f64 / len(s) as f64,
        span_recall: o as f64 / len(k) as f64,
        status_agrees: k.status == s.status,
        source_agrees: k.source_kind.map(|kind| Some(kind) == s.source_kind),
        label_agrees: None,
        by_override,
    }
}

/// Student claims covering most of two or more key claims are too broad; the others match the
/// key claim they share most of both spans with (half of the key claim at least), one to one;
/// then the overrides apply.
pub fn review(key: &[Claim], student: &[Claim], overrides: &Overrides) -> Review {
    let mut out = Review::default();
    let mut used = vec![false; student.len()];
    for (i, s) in student.iter().enumerate() {
        let keys: Vec<String> = key
            .iter()
            .filter(|k| overlap(k, s) * 2 > len(k))
            .map(|k| k.id.clone())
            .collect();
        if keys.len() > 1 {
            used[i] = true;
            out.too_broad.push(TooBroad {
                student: s.id.clone(),
                keys,
            });
        }
    }
    for k in key {
        let best = student
            .iter()
            .enumerate()
            .filter(|(i, s)| !used[*i] && overlap(k, s) * 2 > len(k))
            .filter(|(_, s)| !overrides.rejected.contains(&(k.id.clone(), s.id.clone())))
            .max_by_key(|(_, s)| overlap(k, s));
        let accepted = overrides
            .accepted
            .iter()
            .find(|(key_id, _)| *key_id == k.id);
        let chosen = match accepted {
            Some((_, sid)) => student.iter().position(|s| s.id == *sid).map(|i| (i, true)),
            None => best.map(|(i, _)| (i, false)),
        };
        match chosen {
            Some((i, by_override)) => {
                used[i] = true;
                out.too_broad.retain(|t| t.student != student[i].id);
                out.matched.push(matched(k, &student[i], by_override));
            }
            None => out.missed.push(k.id.clone()),
        }
    }
    for (i, s) in student.iter().enumerate() {
        if !used[i] {
            out.extra.push(s.id.clone());
        }
    }
    out
}
