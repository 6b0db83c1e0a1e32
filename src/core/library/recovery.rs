//! Stored data Claimcheck cannot read is never overwritten: it is copied aside, code unit for
//! code unit, under a key of its own that no other data has (for the user to download), or,
//! when even that fails, its key is left alone for the rest of the session. And what can be
//! read stays reachable: the index is only a summary of the article keys, so when it cannot be
//! read, or misses articles that are stored, it is made again from them.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use super::index::{Index, IndexEntry};
use super::store::{article_key, KeyValue, Store, ARTICLE_PREFIX, INDEX_KEY, NOT_TEXT};
use crate::core::formats::{native, value_reader};
use crate::core::ordering;

pub const UNREADABLE_PREFIX: &str = "claimcheck:unreadable:";

impl<S: KeyValue> Store<S> {
    /// Copies the value under `key` aside under a key of its own, so saving never overwrites
    /// it: the first of `claimcheck:unreadable:<key>`, `…:2`, `…:3` … that is free or already
    /// holds this very value. If even that fails the key is protected: nothing is written to it
    /// this session.
    pub(super) fn quarantine(&mut self, key: &str, why: &str, warnings: &mut Vec<String>) {
        let mut n = 1;
        let mut aside = format!("{UNREADABLE_PREFIX}{key}");
        while self.kv.get(&aside).is_some() && !self.kv.same(key, &aside) {
            n += 1;
            aside = format!("{UNREADABLE_PREFIX}{key}:{n}");
        }
        let kept = self.kv.get(&aside).is_some() || self.kv.copy_exact(key, &aside).is_ok();
        if kept {
            warnings.push(format!(
                "Saved data under \"{key}\" could not be read ({why}). It was kept, unchanged, under \"{aside}\"."
            ));
        } else {
            if !self.is_protected(key) {
                self.protected.push(key.to_string());
            }
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
        ordering::sort(&mut keys);
        keys
    }
}

impl<S: KeyValue> Store<S> {
    /// The index as stored, made to agree with the article keys (see [`Store::reconcile`]);
    /// an index that cannot be read is copied aside and made again from the articles.
    pub(super) fn read_index(&mut self, warnings: &mut Vec<String>) -> Index {
        let stored = self.stored_index(warnings);
        self.reconcile(stored.unwrap_or_default())
    }

    /// As [`Store::read_index`], at start-up: an index made again in place of one moved aside
    /// is written at once, so the unreadable one is not read again on every save.
    pub(super) fn start_index(&mut self, warnings: &mut Vec<String>) -> Index {
        let had_index = self.kv.get(INDEX_KEY).is_some();
        let stored = self.stored_index(warnings);
        let unreadable = had_index && stored.is_none();
        let index = self.reconcile(stored.unwrap_or_default());
        if unreadable && !self.is_protected(INDEX_KEY) {
            // Failing here (storage full) changes nothing: the next save tries again.
            let _ = self.write_index(&index);
        }
        index
    }

    /// The stored index, if it can be read.
    fn stored_index(&mut self, warnings: &mut Vec<String>) -> Option<Index> {
        if self.is_protected(INDEX_KEY) {
            return None;
        }
        let raw = self.kv.get(INDEX_KEY)?;
        if !self.kv.is_exact(INDEX_KEY, &raw) {
            self.quarantine(INDEX_KEY, NOT_TEXT, warnings);
        }
        let why = match value_reader::read_text::<Index>(&raw) {
            Ok(index) if index.version <= 1 => return Some(index),
            Ok(index) => format!("it was written by a newer version, {}", index.version),
            Err(e) => e,
        };
        self.quarantine(INDEX_KEY, &why, warnings);
        None
    }

    /// `index` with each stored article listed once: entries whose article is not stored are
    /// dropped, a repeated entry is dropped, and each stored article it misses is added, in
    /// key order, with its title and counts (its id, when it cannot be read).
    fn reconcile(&self, mut index: Index) -> Index {
        let keys = self.kv.keys();
        let stored: HashSet<&str> = keys
            .iter()
            .filter_map(|k| k.strip_prefix(ARTICLE_PREFIX))
            .collect();
        let mut listed = HashSet::new();
        index
            .articles
            .retain(|e| stored.contains(e.id.as_str()) && listed.insert(e.id.clone()));
        for key in &keys {
            let Some(id) = key.strip_prefix(ARTICLE_PREFIX) else {
                continue;
            };
            if listed.contains(id) {
                continue;
            }
            let doc = self.kv.get(key).and_then(|raw| native::parse(&raw).ok());
            index.articles.push(match doc {
                Some(d) => IndexEntry::of(&d.article, &d.claims, &d.orphans),
                None => IndexEntry {
                    id: id.to_string(),
                    title: id.to_string(),
                    ..IndexEntry::default()
                },
            });
        }
        index.version = 1;
        index
    }

    /// Whether the stored copy of article `id` can be read (remembered by a hash of it).
    pub(super) fn is_readable(&self, id: &str) -> bool {
        let Some(raw) = self.kv.get(&article_key(id)) else {
            return false;
        };
        let mut hasher = DefaultHasher::new();
        raw.hash(&mut hasher);
        let hash = hasher.finish();
        let mut known = self.readable.borrow_mut();
        match known.get(id) {
            Some(&(h, readable)) if h == hash => readable,
            _ => {
                let readable = native::parse(&raw).is_ok();
                known.insert(id.to_string(), (hash, readable));
                readable
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::formats::native;
    use crate::core::intake::samples;
    use crate::core::library::memory_kv::MemoryKv;
    use crate::core::library::store::tests::{edited, start};
    use crate::core::library::store::{article_key, INDEX_KEY};
    use crate::core::model::Document;
    use crate::core::test_claims::claim_at;

    const ASIDE: &str = "claimcheck:unreadable:claimcheck:index";

    /// Two stored articles, with 2 claims and 1 claim, and a good index listing them.
    fn two_articles() -> (MemoryKv, [Document; 2]) {
        let samples = samples::all();
        let doc = |i: usize, claims: usize| {
            let article = samples[i].clone();
            let claims = (0..claims)
                .map(|c| claim_at(&article.text, &format!("c{c}"), 10 * c, 10 * c + 8))
                .collect();
            Document::new(article, claims, Vec::new())
        };
        let docs = [doc(0, 2), doc(1, 1)];
        let mut store = Store::new(MemoryKv::default());
        store.put_documents(&docs).unwrap();
        (store.kv().clone(), docs)
    }

    fn deep_nesting() -> String {
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))
    }

    /// Every index Claimcheck cannot read: each must be moved aside exactly, and both articles
    /// must stay listed and exported.
    fn unreadable_indexes() -> Vec<(&'static str, String)> {
        let good = two_articles().0.data[INDEX_KEY].clone();
        vec![
            ("invalid JSON", "{not json".into()),
            ("empty array", "[]".into()),
            ("null", "null".into()),
            ("true", "true".into()),
            ("number", "42".into()),
            ("a JSON string", "\"claimcheck\"".into()),
            ("empty string", String::new()),
            ("whitespace", " \n\t ".into()),
            ("truncated", good[..good.len() / 2].into()),
            (
                "version 99",
                good.replace("\"version\":1", "\"version\":99"),
            ),
            (
                "version as text",
                good.replace("\"version\":1", "\"version\":\"1\""),
            ),
            (
                "negative version",
                good.replace("\"version\":1", "\"version\":-1"),
            ),
            (
                "huge version",
                good.replace("\"version\":1", "\"version\":1e300"),
            ),
            (
                "articles is an object",
                "{\"version\":1,\"articles\":{}}".into(),
            ),
            (
                "articles is null",
                "{\"version\":1,\"articles\":null}".into(),
            ),
            (
                "entry of wrong types",
                "{\"version\":1,\"articles\":[{\"id\":5,\"title\":[]}]}".into(),
            ),
            (
                "claims as text",
                good.replacen("\"claims\":2", "\"claims\":\"2\"", 1),
            ),
            ("other fields only", "{\"foo\":1}".into()),
            ("empty object", "{}".into()),
            ("1 MB of garbage", "\u{1}garbage\u{7f}ø".repeat(100_000)),
            ("100,000-deep nesting", deep_nesting()),
            (
                "deep objects",
                format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
            ),
            ("byte order mark", format!("\u{feff}{good}")),
            ("trailing garbage", format!("{good}x")),
        ]
    }

    /// Starts on `kv` and checks that both articles of [`two_articles`] are listed with their
    /// counts and exported, and that no key but the index and new aside keys changed.
    fn assert_both_reachable(state: &str, kv: MemoryKv, docs: &[Document; 2]) -> Store<MemoryKv> {
        let before = kv.data.clone();
        let mut store = Store::new(kv);
        store.start(samples::by_id, samples::first());
        let library = store.library();
        let listed: BTreeMap<_, _> = library
            .iter()
            .map(|e| (e.id.as_str(), (e.claims, e.unreadable)))
            .collect();
        for doc in docs {
            assert_eq!(
                listed.get(doc.article.id.as_str()),
                Some(&(doc.claims.len(), false)),
                "{state}: {library:?}"
            );
        }
        assert_eq!(library.len(), 2, "{state}: {library:?}");
        let exported = store.documents(&mut Vec::new());
        assert_eq!(exported.len(), 2, "{state}");
        for (key, value) in &before {
            if key != INDEX_KEY {
                assert_eq!(
                    store.kv().data.get(key),
                    Some(value),
                    "{state}: {key} changed"
                );
            }
        }
        store
    }

    #[test]
    fn every_unreadable_index_is_kept_aside_and_rebuilt_from_the_articles() {
        let states = unreadable_indexes();
        assert!(states.len() >= 24);
        for (state, bad) in states {
            let (mut kv, docs) = two_articles();
            kv.data.insert(INDEX_KEY.into(), bad.clone());
            let mut store = assert_both_reachable(state, kv, &docs);
            assert_eq!(store.kv().data.get(ASIDE), Some(&bad), "{state}");
            assert_eq!(store.unreadable_keys(), vec![ASIDE.to_string()], "{state}");
            // The index made again is what is stored now, and every later start finds it.
            let again = assert_both_reachable(state, store.kv().clone(), &docs);
            assert_eq!(again.kv().data.get(ASIDE), Some(&bad), "{state}");
            assert!(
                store.kv().get(INDEX_KEY).is_some_and(|i| i != bad),
                "{state}"
            );
            let _ = store.library();
        }
    }

    #[test]
    fn a_moved_aside_key_that_is_taken_is_never_overwritten() {
        let (mut kv, docs) = two_articles();
        kv.data.insert(INDEX_KEY.into(), "[]".into());
        kv.data.insert(ASIDE.into(), "older kept data".into());
        kv.data
            .insert(format!("{ASIDE}:2"), "more kept data".into());
        let store = assert_both_reachable("name collision", kv, &docs);
        assert_eq!(store.kv().data[ASIDE], "older kept data");
        assert_eq!(store.kv().data[&format!("{ASIDE}:2")], "more kept data");
        assert_eq!(store.kv().data[&format!("{ASIDE}:3")], "[]");
        assert_eq!(store.unreadable_keys().len(), 3);
    }

    #[test]
    fn the_same_unreadable_index_is_kept_aside_once() {
        let (mut kv, docs) = two_articles();
        kv.data.insert(INDEX_KEY.into(), "null".into());
        kv.data.insert(ASIDE.into(), "null".into());
        let store = assert_both_reachable("kept before", kv, &docs);
        assert_eq!(store.unreadable_keys(), vec![ASIDE.to_string()]);
    }

    #[test]
    fn a_readable_index_is_made_to_agree_with_the_stored_articles() {
        let (kv, docs) = two_articles();
        let good = kv.data[INDEX_KEY].clone();
        let first = docs[0].article.id.as_str();
        let second = docs[1].article.id.as_str();
        let entry = |id: &str| {
            good[good.find(&format!("{{\"id\":\"{id}\"")).unwrap()..]
                .split('}')
                .next()
                .unwrap()
                .to_string()
                + "}"
        };
        let missing = "{\"id\":\"gone\",\"title\":\"Gone\",\"claims\":3}";
        let states = [
            ("no index", None),
            ("no articles listed", Some("{\"version\":1,\"current\":null,\"selected\":null,\"articles\":[]}".to_string())),
            ("one article listed", Some(format!("{{\"version\":1,\"current\":null,\"selected\":null,\"articles\":[{}]}}", entry(second)))),
            ("duplicate ids", Some(format!("{{\"version\":1,\"current\":null,\"selected\":null,\"articles\":[{0},{1},{0},{1}]}}", entry(first), entry(second)))),
            ("entries for missing articles", Some(format!("{{\"version\":1,\"current\":\"gone\",\"selected\":null,\"articles\":[{missing},{},{missing}]}}", entry(first)))),
            ("version 0", Some(good.replace("\"version\":1", "\"version\":0"))),
        ];
        for (state, index) in states {
            let mut kv = kv.clone();
            match index {
                Some(index) => kv.data.insert(INDEX_KEY.into(), index),
                None => kv.data.remove(INDEX_KEY),
            };
            let store = assert_both_reachable(state, kv, &docs);
            assert!(store.unreadable_keys().is_empty(), "{state}");
        }
    }

    #[test]
    fn an_unreadable_article_is_listed_as_such_listed_or_not() {
        let (mut kv, docs) = two_articles();
        let broken = "{\"format\":\"claimcheck\",\"article\":";
        kv.data
            .insert(article_key(&docs[1].article.id), broken.into());
        kv.data
            .insert(article_key("stray"), "not an article".into());
        let mut store = Store::new(kv);
        store.start(samples::by_id, samples::first());
        let library = store.library();
        let flags: Vec<(&str, bool)> = library
            .iter()
            .map(|e| (e.id.as_str(), e.unreadable))
            .collect();
        assert_eq!(
            flags,
            vec![
                (docs[0].article.id.as_str(), false),
                (docs[1].article.id.as_str(), true),
                ("stray", true)
            ]
        );
        // Listing them keeps them aside, exactly, to be downloaded.
        let aside = format!("{UNREADABLE_PREFIX}{}", article_key(&docs[1].article.id));
        assert_eq!(store.kv().data[&aside], broken);
        let stray = format!("{UNREADABLE_PREFIX}{}", article_key("stray"));
        assert_eq!(store.kv().data[&stray], "not an article");
        let mut warnings = Vec::new();
        assert_eq!(store.documents(&mut warnings).len(), 1);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(store.unreadable_keys().len(), 2);
        assert_eq!(store.kv().data[&article_key(&docs[1].article.id)], broken);
    }

    /// `json` as UTF-16 with `\u{FFFD}` in it replaced by a lone high surrogate.
    fn with_lone_surrogate(json: &str) -> Vec<u16> {
        json.encode_utf16()
            .map(|u| if u == 0xFFFD { 0xD800 } else { u })
            .collect()
    }

    #[test]
    fn lone_surrogates_are_kept_aside_code_unit_for_code_unit_before_any_save() {
        let (mut kv, docs) = two_articles();
        let mut doc = docs[0].clone();
        doc.claims[0].note = "before \u{FFFD} after".into();
        let key = article_key(&doc.article.id);
        let units = with_lone_surrogate(&native::to_json(&doc.article, &doc.claims, &doc.orphans));
        kv.data.remove(&key);
        kv.units.insert(key.clone(), units.clone());
        let mut store = assert_both_reachable("lone surrogate", kv.clone(), &docs);
        let mut warnings = Vec::new();
        let read = store.read_article(&doc.article.id, &mut warnings).unwrap();
        assert_eq!(read.claims[0].note, "before \u{FFFD} after");
        assert!(warnings[0].contains("not valid text"), "{warnings:?}");
        let aside = format!("{UNREADABLE_PREFIX}{key}");
        assert_eq!(store.kv().code_units(&aside), Some(units.clone()));
        assert_eq!(store.kv().code_units(&key), Some(units.clone()));
        // Saving now may write the article: its exact copy is kept.
        store.put_documents(&[read]).unwrap();
        assert_eq!(store.kv().code_units(&aside), Some(units.clone()));

        // When the copy cannot be made, the original is never written.
        kv.full = true;
        let mut store = Store::new(kv);
        let read = store
            .read_article(&doc.article.id, &mut Vec::new())
            .unwrap();
        store.kv_mut().full = false;
        assert!(store.put_documents(&[read]).is_err());
        assert!(store.rename(&doc.article.id, "New").is_err());
        assert_eq!(store.kv().code_units(&key), Some(units));
        assert!(store.unreadable_keys().is_empty());
    }

    #[test]
    fn an_index_with_lone_surrogates_is_kept_aside_exactly() {
        let (mut kv, docs) = two_articles();
        let good = kv.data.remove(INDEX_KEY).unwrap();
        let units = with_lone_surrogate(&good.replace("\"version\"", "\"\u{FFFD}\":0,\"version\""));
        kv.units.insert(INDEX_KEY.into(), units.clone());
        let store = assert_both_reachable("index with a lone surrogate", kv, &docs);
        assert_eq!(store.kv().code_units(ASIDE), Some(units));
    }

    #[test]
    fn unreadable_data_is_moved_aside_and_never_overwritten() {
        let mut kv = MemoryKv::default();
        let key = article_key(&samples::first().id);
        kv.data.insert(
            INDEX_KEY.into(),
            format!(
                "{{\"version\":1,\"current\":\"{}\",\"selected\":null,\"articles\":[]}}",
                samples::first().id
            ),
        );
        kv.data.insert(
            key.clone(),
            "{\"format\":\"claimcheck\",\"version\":1,\"article\":".into(),
        );
        let mut store = Store::new(kv);
        let s = start(&mut store);
        assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
        assert!(s.warnings[0].contains("could not be read"));
        let aside = store.unreadable_keys();
        assert_eq!(aside, vec![format!("claimcheck:unreadable:{key}")]);
        store.save(edited(&s.document).current()).unwrap();
        assert_eq!(
            store.kv().get(&aside[0]).as_deref(),
            Some("{\"format\":\"claimcheck\",\"version\":1,\"article\":")
        );
    }

    #[test]
    fn when_it_cannot_be_moved_aside_it_is_left_alone() {
        let mut kv = MemoryKv::default();
        kv.data.insert(INDEX_KEY.into(), "not json".into());
        kv.full = true;
        let mut store = Store::new(kv);
        let s = start(&mut store);
        assert!(s.warnings[0].contains("left untouched"));
        store.kv.full = false;
        store.save(edited(&s.document).current()).unwrap();
        assert_eq!(store.kv().get(INDEX_KEY).as_deref(), Some("not json"));
    }

    #[test]
    fn a_newer_index_is_kept_aside_too() {
        let mut kv = MemoryKv::default();
        kv.data
            .insert(INDEX_KEY.into(), "{\"version\":7,\"articles\":[]}".into());
        let mut store = Store::new(kv);
        let s = start(&mut store);
        assert!(s.warnings[0].contains("newer version"));
        assert_eq!(store.unreadable_keys().len(), 1);
    }
}
