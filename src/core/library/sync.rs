//! Two tabs of one browser share the library: before a tab saves, it merges its copy of the
//! article with what is stored now, three ways, against the version it last loaded or saved
//! (the base). Per claim and per field: what only one side changed since the base is taken
//! from that side; what both changed goes to the later `modified` (the rule of
//! [`merge::newer`], which imports follow too) and is reported. A claim deleted in a tab leaves
//! a tombstone (its id and when) that beats every edit made before it, so a stale tab never
//! brings it back; an edit made after the delete keeps the claim, since losing work someone
//! did later is worse than showing a claim again. Classroom state merges the same way, key by
//! key of its JSON.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::merge::{newer, settle};
use crate::core::anchoring::reanchor::reanchor;
use crate::core::model::{Claim, Document};

/// Deleted claims of one article: id → when (RFC 3339).
pub type Tombstones = BTreeMap<String, String>;

/// A claim both tabs changed in the same field since the base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub quote: String,
    pub fields: Vec<&'static str>,
    /// Whether this tab's change was the later one (and kept).
    pub kept_mine: bool,
}

impl Conflict {
    pub fn message(&self) -> String {
        format!(
            "This claim was also changed in another tab: “{}” ({}). The later change was kept{}.",
            self.quote,
            self.fields.join(", "),
            if self.kept_mine {
                ", this tab's"
            } else {
                ", the other tab's, and is shown here now"
            }
        )
    }
}

/// What a three-way merge gives: the document to keep, the tombstones to store with it, and
/// where both sides changed the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    pub document: Document,
    pub tombstones: Tombstones,
    pub conflicts: Vec<Conflict>,
}

fn all_claims(doc: &Document) -> impl Iterator<Item = &Claim> {
    doc.claims.iter().chain(&doc.orphans)
}

/// A document's claims by id: looked up once per claim of three copies, so a linear search
/// would make a save's merge quadratic in the number of claims.
fn by_id(doc: Option<&Document>) -> HashMap<&str, &Claim> {
    let mut ids = HashMap::new();
    for c in doc.into_iter().flat_map(all_claims) {
        // The first of two claims with one id, as a search from the start would find.
        ids.entry(c.id.as_str()).or_insert(c);
    }
    ids
}

/// Merges `mine` (this tab's) with `theirs` (stored now, written by another tab) against
/// `base`, with the stored `tombstones`; this tab's own deletes since the base are dated `now`.
pub fn three_way(
    base: Option<&Document>,
    mine: &Document,
    theirs: &Document,
    tombstones: &Tombstones,
    now: &str,
) -> Synced {
    let (in_base, in_mine, in_theirs) = (by_id(base), by_id(Some(mine)), by_id(Some(theirs)));
    let mut graves = tombstones.clone();
    for gone in base.into_iter().flat_map(all_claims) {
        if !in_mine.contains_key(gone.id.as_str()) {
            // Never older than the version it deletes, whatever the clock says.
            let when = now.max(gone.modified.as_str());
            let at = graves.entry(gone.id.clone()).or_default();
            if at.as_str() < when {
                *at = when.to_string();
            }
        }
    }
    let article_base = base.map(|b| &b.article);
    let article = if article_base == Some(&mine.article) {
        theirs.article.clone()
    } else {
        mine.article.clone()
    };
    let mut ids: Vec<&str> = all_claims(mine).map(|c| c.id.as_str()).collect();
    ids.extend(
        all_claims(theirs)
            .map(|c| c.id.as_str())
            .filter(|id| !in_mine.contains_key(id)),
    );
    let mut conflicts = Vec::new();
    let mut kept: Vec<(Claim, bool)> = Vec::new();
    for id in ids {
        let b = in_base.get(id).copied();
        let merged = match (in_mine.get(id).copied(), in_theirs.get(id).copied()) {
            (Some(m), Some(t)) => match b {
                Some(b) => {
                    let (claim, conflict) = fields(b, m, t);
                    conflicts.extend(conflict);
                    let from_theirs = m.position != t.position && claim.position == t.position;
                    (claim, from_theirs)
                }
                None if newer(t, m) => (t.clone(), true),
                None => (m.clone(), false),
            },
            // Gone from the stored copy with no tombstone: deleted there, unless changed here.
            (Some(m), None) if b == Some(m) => continue,
            (Some(m), None) => (m.clone(), false),
            (None, Some(t)) => (t.clone(), true),
            (None, None) => continue,
        };
        if graves
            .get(id)
            .is_some_and(|at| at.as_str() >= merged.0.modified.as_str())
        {
            continue;
        }
        kept.push(merged);
    }
    // Claims taken from a copy of another text are found again on the text kept. Each text
    // is compared once, not once per claim (a long text, thousands of claims).
    let same_text = [mine, theirs].map(|d| d.article.text == article.text);
    let (same, other): (Vec<_>, Vec<_>) = kept
        .into_iter()
        .partition(|(_, from_theirs)| same_text[usize::from(*from_theirs)]);
    let mut claims: Vec<Claim> = same.into_iter().map(|(c, _)| c).collect();
    let mut orphans = Vec::new();
    if !other.is_empty() {
        let anchored = reanchor(
            &article.text,
            other.into_iter().map(|(c, _)| c).collect(),
            Vec::new(),
        );
        claims.extend(anchored.claims);
        orphans = anchored.orphans;
    }
    let mut document = Document::new(article, claims, orphans);
    settle(&mut document);
    Synced {
        document,
        tombstones: graves,
        conflicts,
    }
}

/// One claim changed on both sides: field by field against the base.
fn fields(b: &Claim, m: &Claim, t: &Claim) -> (Claim, Option<Conflict>) {
    let mine_later = !newer(t, m);
    let mut out = m.clone();
    let mut clashed = Vec::new();
    macro_rules! field {
        ($name:literal, $($f:ident),+) => {{
            let (bv, mv, tv) = (($(&b.$f),+), ($(&m.$f),+), ($(&t.$f),+));
            if mv == bv || (tv != bv && tv != mv && !mine_later) {
                $(out.$f = t.$f.clone();)+
            }
            if mv != bv && tv != bv && mv != tv {
                clashed.push($name);
            }
        }};
    }
    field!("place", quote, position);
    field!("status", status);
    field!("source", source);
    field!("kind of source", source_kind);
    field!("attribution phrase", source_phrase);
    field!("note", note);
    field!("label", label);
    field!("evidence", evidence);
    out.modified = m.modified.clone().max(t.modified.clone());
    out.created = m.created.clone().min(t.created.clone());
    let conflict = (!clashed.is_empty()).then(|| Conflict {
        quote: out.quote.exact.chars().take(60).collect(),
        fields: clashed,
        kept_mine: mine_later,
    });
    (out, conflict)
}

/// Three-way merge of two JSON values against their base, key by key of objects; where both
/// changed one value, `mine` wins (the tab saving now made the later change).
pub fn merge_json(base: Option<&Value>, mine: &Value, theirs: &Value) -> Value {
    if base == Some(mine) {
        return theirs.clone();
    }
    if base == Some(theirs) || mine == theirs {
        return mine.clone();
    }
    match (base, mine, theirs) {
        (Some(Value::Object(b)), Value::Object(m), Value::Object(t)) => {
            let mut out = serde_json::Map::new();
            for key in m.keys().chain(t.keys().filter(|k| !m.contains_key(*k))) {
                let merged = match (m.get(key), t.get(key)) {
                    (Some(mv), Some(tv)) => merge_json(b.get(key), mv, tv),
                    // Dropped on one side: dropped, unless the other side changed it.
                    (Some(v), None) | (None, Some(v)) if b.get(key) == Some(v) => continue,
                    (Some(v), None) | (None, Some(v)) => v.clone(),
                    (None, None) => continue,
                };
                out.insert(key.clone(), merged);
            }
            Value::Object(out)
        }
        _ => mine.clone(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::intake::samples;
    use crate::core::model::Status;
    use crate::core::test_claims::claim_on;
    use serde_json::json;

    fn doc(claims: Vec<Claim>) -> Document {
        Document::new(samples::first(), claims, Vec::new())
    }

    fn claim(id: &str, quote: &str, at: &str) -> Claim {
        let mut c = claim_on(&samples::first().text, id, quote);
        c.modified = at.into();
        c
    }

    const Q1: &str = "the ministry said in a statement";

    fn second_quote() -> String {
        samples::first().text.chars().skip(1).take(20).collect()
    }

    fn ids(d: &Document) -> Vec<&str> {
        all_claims(d).map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn claims_added_in_two_tabs_both_survive() {
        let base = doc(vec![]);
        let mine = doc(vec![claim("x", Q1, "t1")]);
        let theirs = doc(vec![claim("y", &second_quote(), "t2")]);
        let s = three_way(Some(&base), &mine, &theirs, &Tombstones::new(), "t3");
        let mut got = ids(&s.document);
        got.sort();
        assert_eq!(got, vec!["x", "y"]);
        assert!(s.conflicts.is_empty());
    }

    #[test]
    fn a_label_given_in_one_tab_survives_a_note_written_in_the_other() {
        let base = doc(vec![claim("x", Q1, "t0")]);
        let mut m = claim("x", Q1, "t2");
        m.note = "from A".into();
        let mut t = claim("x", Q1, "t1");
        t.label = Some("opinion".into());
        let s = three_way(
            Some(&base),
            &doc(vec![m]),
            &doc(vec![t]),
            &Tombstones::new(),
            "t3",
        );
        let c = &s.document.claims[0];
        assert_eq!(
            (c.note.as_str(), c.label.as_deref()),
            ("from A", Some("opinion"))
        );
        assert!(s.conflicts.is_empty());
    }

    #[test]
    fn different_fields_of_one_claim_are_both_kept() {
        let base = doc(vec![claim("x", Q1, "t0")]);
        let mut m = claim("x", Q1, "t1");
        m.note = "from A".into();
        let mut t = claim("x", Q1, "t2");
        t.source = "Ministry".into();
        let s = three_way(
            Some(&base),
            &doc(vec![m]),
            &doc(vec![t]),
            &Tombstones::new(),
            "t3",
        );
        let c = &s.document.claims[0];
        assert_eq!((c.note.as_str(), c.source.as_str()), ("from A", "Ministry"));
        assert_eq!(c.modified, "t2");
        assert!(s.conflicts.is_empty());
    }

    #[test]
    fn the_same_field_goes_to_the_later_change_and_is_reported() {
        let base = doc(vec![claim("x", Q1, "t0")]);
        let mut m = claim("x", Q1, "t1");
        m.note = "mine, earlier".into();
        m.status = Status::Verified;
        let mut t = claim("x", Q1, "t2");
        t.note = "theirs, later".into();
        let s = three_way(
            Some(&base),
            &doc(vec![m.clone()]),
            &doc(vec![t.clone()]),
            &Tombstones::new(),
            "t3",
        );
        let c = &s.document.claims[0];
        assert_eq!(c.note, "theirs, later");
        assert_eq!(c.status, Status::Verified, "only mine changed the status");
        assert_eq!(s.conflicts.len(), 1);
        assert_eq!(s.conflicts[0].fields, vec!["note"]);
        assert!(!s.conflicts[0].kept_mine);
        assert!(s.conflicts[0].message().contains("changed in another tab"));
        // The other way round, mine is the later.
        m.modified = "t5".into();
        let s = three_way(
            Some(&base),
            &doc(vec![m]),
            &doc(vec![t]),
            &Tombstones::new(),
            "t6",
        );
        assert_eq!(s.document.claims[0].note, "mine, earlier");
        assert!(s.conflicts[0].kept_mine);
    }

    #[test]
    fn a_tombstone_beats_an_older_edit_and_a_stale_copy() {
        let base = doc(vec![claim("x", Q1, "t0")]);
        // Deleted here: the tombstone is dated now and written with the merge.
        let s = three_way(
            Some(&base),
            &doc(vec![]),
            &doc(vec![claim("x", Q1, "t1")]),
            &Tombstones::new(),
            "t2",
        );
        assert!(ids(&s.document).is_empty(), "an older edit there loses");
        assert_eq!(s.tombstones.get("x").map(String::as_str), Some("t2"));
        // Deleted in another tab: this tab's untouched copy does not bring it back.
        let s = three_way(Some(&base), &base, &doc(vec![]), &s.tombstones, "t3");
        assert!(ids(&s.document).is_empty());
        // Nor does a tab that never had a base.
        let s = three_way(None, &base, &doc(vec![]), &s.tombstones, "t3");
        assert!(ids(&s.document).is_empty());
    }

    #[test]
    fn an_edit_made_after_the_delete_keeps_the_claim() {
        let base = doc(vec![claim("x", Q1, "t0")]);
        let mut m = claim("x", Q1, "t5");
        m.note = "written after the other tab deleted it".into();
        let graves = Tombstones::from([("x".to_string(), "t2".to_string())]);
        let s = three_way(Some(&base), &doc(vec![m]), &doc(vec![]), &graves, "t6");
        assert_eq!(ids(&s.document), vec!["x"]);
    }

    #[test]
    fn no_base_falls_back_to_the_import_rule() {
        let mut m = claim("x", Q1, "t1");
        m.note = "older".into();
        let mut t = claim("x", Q1, "t2");
        t.note = "newer".into();
        let s = three_way(None, &doc(vec![m]), &doc(vec![t]), &Tombstones::new(), "t3");
        assert_eq!(s.document.claims[0].note, "newer");
    }

    #[test]
    fn classroom_json_merges_key_by_key() {
        let base = json!({"mode": "student", "works": {"e1": {"student": "", "started": "t0"}}});
        let mine = json!({"mode": "student", "works": {"e1": {"student": "Ana", "started": "t0"}}});
        let theirs =
            json!({"mode": "teacher", "works": {"e1": {"student": "", "started": "t0"}, "e2": {}}});
        let merged = merge_json(Some(&base), &mine, &theirs);
        assert_eq!(
            merged,
            json!({"mode": "teacher", "works": {"e1": {"student": "Ana", "started": "t0"}, "e2": {}}})
        );
        let both = json!({"mode": "reader"});
        assert_eq!(
            merge_json(Some(&base), &both, &json!({"mode": "teacher"})),
            both
        );
    }
}
