#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing what Import reads (Claimcheck JSON, the library file, W3C Web Annotations, Hypothesis
//! exports), the merge into the library, deep links, and the browser storage the app starts
//! from: arbitrary text and structured mutations of valid files never panic, every refusal says
//! why, and what is accepted keeps its promises (claims on their quotes, nothing dropped,
//! reading it back gives the same).

mod fuzz_support;

use std::collections::HashSet;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use claimcheck::app::actions::Action;
use claimcheck::app::session::Session;
use claimcheck::app::view_model::highlight_layout::layout_article;
use claimcheck::core::classroom::session::{Classroom, CLASSROOM_KEY};
use claimcheck::core::formats::annotations::{Format, Parsed, Part};
use claimcheck::core::formats::deep_link;
use claimcheck::core::formats::export::{article_export, library_export, ExportFormat};
use claimcheck::core::formats::native::{self, library_to_json, to_json};
use claimcheck::core::formats::sniff::parse_import;
use claimcheck::core::formats::w3c::{library_to_w3c, to_w3c};
use claimcheck::core::library::merge::import_all;
use claimcheck::core::library::recovery::UNREADABLE_PREFIX;
use claimcheck::core::library::store::{article_key, INDEX_KEY};
use claimcheck::core::model::Document;
use fuzz_support::*;

/// What a successful read promises, part by part.
fn check_parsed(parsed: &Parsed) -> Result<(), TestCaseError> {
    prop_assert!(!parsed.parts.is_empty(), "a file read without a part");
    let mut claim_ids = HashSet::new();
    let mut article_ids = HashSet::new();
    for part in &parsed.parts {
        match part {
            Part::Document(d) => {
                checked_document(d)?;
                prop_assert!(article_ids.insert(d.article.id.clone()), "article twice");
            }
            Part::Annotations(set) => {
                // An article our W3C export carries comes in even with no claims, as it would
                // from the Claimcheck file; any other set has claims.
                prop_assert!(
                    !set.claims.is_empty() || !set.orphans.is_empty() || set.article.is_some(),
                    "an annotation set without claims or its article"
                );
                for c in set.claims.iter().chain(&set.orphans) {
                    quoted(c)?;
                    prop_assert!(claim_ids.insert(c.id.clone()), "claim id {:?} twice", &c.id);
                }
                if let Some(a) = &set.article {
                    prop_assert!(!a.id.trim().is_empty());
                }
            }
        }
    }
    Ok(())
}

fn incoming(part: &Part) -> usize {
    match part {
        Part::Document(d) => d.claims.len() + d.orphans.len(),
        Part::Annotations(set) => set.claims.len() + set.orphans.len(),
    }
}

/// Merging `parsed` into `library`: every claim of the file is accounted for, no claim of the
/// library is dropped, every written document's claims sit on their quotes.
fn check_import(library: &[Document], parsed: Parsed) -> Result<(), TestCaseError> {
    let counts: Vec<usize> = parsed.parts.iter().map(incoming).collect();
    let outcome = match import_all(library, parsed) {
        Ok(outcome) => outcome,
        Err(e) => return said_why(&e),
    };
    prop_assert_eq!(outcome.reports.len(), counts.len());
    for (r, n) in outcome.reports.iter().zip(&counts) {
        prop_assert_eq!(
            r.added + r.updated + r.unchanged + r.duplicates,
            *n,
            "claims of the file unaccounted for: {:?}",
            r
        );
    }
    for d in &outcome.documents {
        on_their_quotes(&d.article.text, &d.claims)?;
        ids_unique(d.claims.iter().chain(&d.orphans))?;
        if let Some(before) = library.iter().find(|l| l.article.id == d.article.id) {
            for c in before.claims.iter().chain(&before.orphans) {
                prop_assert!(
                    d.claims.iter().chain(&d.orphans).any(|x| x.id == c.id),
                    "the import dropped claim {:?} of the library",
                    &c.id
                );
            }
        }
    }
    prop_assert!(!outcome.summary().is_empty());
    Ok(())
}

/// Reads an import file the way the app does, checking whatever comes back.
fn import(text: &str, library: &[Document]) -> Result<Option<Parsed>, TestCaseError> {
    match parse_import(text, NOW) {
        Err(e) => {
            said_why(&e)?;
            Ok(None)
        }
        Ok(parsed) => {
            check_parsed(&parsed)?;
            check_import(&[], parsed.clone())?;
            check_import(library, parsed.clone())?;
            Ok(Some(parsed))
        }
    }
}

/// How many annotations a W3C file holds, found as `w3c::annotations_of` finds them.
fn w3c_items(v: &Value) -> usize {
    let typed = |t: &str| match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => a.iter().any(|x| x == t),
        _ => false,
    };
    let len = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
    match v {
        Value::Array(a) => a.len(),
        _ if typed("Annotation") => 1,
        _ if typed("AnnotationPage") => len(v.get("items")),
        _ => match v.get("first") {
            Some(first @ Value::Object(_)) => len(first.get("items")),
            _ => len(v.get("items")),
        },
    }
}

/// Every annotation of an annotation file is a claim or counted as skipped: none is dropped.
fn annotations_accounted(text: &str, parsed: &Parsed) -> Result<(), TestCaseError> {
    let v = as_json(text);
    let items = match parsed.format {
        Format::W3c => w3c_items(&v),
        Format::Hypothesis => match v.get("annotations") {
            Some(Value::Array(a)) => a.len(),
            _ => v["rows"].as_array().map_or(0, Vec::len),
        },
        _ => return Ok(()),
    };
    let claims: usize = parsed.parts.iter().map(incoming).sum();
    prop_assert_eq!(claims + parsed.skipped, items, "annotations dropped");
    Ok(())
}

/// A document loaded from storage (`native::parse_with_report`) and everything the app then
/// does with it.
fn check_loaded(text: &str) -> Result<(), TestCaseError> {
    let (doc, report) = match native::parse_with_report(text) {
        Ok(loaded) => loaded,
        Err(e) => return said_why(&e),
    };
    on_their_quotes(&doc.article.text, &doc.claims)?;
    ids_unique(doc.claims.iter().chain(&doc.orphans))?;
    let file = as_json(text);
    prop_assert_eq!(
        doc.claims.len() + doc.orphans.len(),
        listed(&file),
        "a claim was lost on load"
    );
    if let Some(r) = report {
        prop_assert_eq!(
            r.unchanged + r.moved + r.orphaned,
            file["claims"].as_array().map_or(0, Vec::len)
        );
    }
    let again = native::parse(&to_json(&doc.article, &doc.claims, &doc.orphans));
    prop_assert_eq!(
        again.as_ref(),
        Ok(&doc),
        "saving and loading again changed it"
    );
    let _ = layout_article(&doc.article, &doc.claims);
    for format in ExportFormat::ALL {
        let _ = article_export(format, &doc, &Default::default());
        let _ = library_export(
            format,
            std::slice::from_ref(&doc),
            "2026-11-29",
            &Default::default(),
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn import_reads_any_text_or_says_why(text in any_text()) {
        import(&text, &[])?;
        check_loaded(&text)?;
        if let Err(e) = native::parse_strict(&text) {
            said_why(&e)?;
        }
    }

    #[test]
    fn a_mutated_claimcheck_file_imports_or_says_why(doc in document(), m in mutations()) {
        let text = m.apply(&to_json(&doc.article, &doc.claims, &doc.orphans));
        if let Some(parsed) = import(&text, std::slice::from_ref(&doc))? {
            if let [Part::Document(read)] = &parsed.parts[..] {
                let again = parse_import(&to_json(&read.article, &read.claims, &read.orphans), NOW);
                prop_assert_eq!(again.map(|p| p.parts), Ok(parsed.parts.clone()));
            }
        }
        match native::parse_strict(&text) {
            Ok(strict) => {
                checked_document(&strict)?;
                prop_assert!(native::parse_with_report(&text).is_ok(), "strict but not lenient");
            }
            Err(e) => said_why(&e)?,
        }
        check_loaded(&text)?;
    }

    #[test]
    fn a_mutated_library_file_imports_or_says_why(docs in library(), m in mutations()) {
        let text = m.apply(&library_to_json(&docs));
        // The library reader alone, whatever the file's "format" says.
        if let Ok(value) = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(&text)) {
            match native::parse_library_value(value) {
                Ok(read) => {
                    for d in &read {
                        checked_document(d)?;
                    }
                    let ids: HashSet<&str> = read.iter().map(|d| d.article.id.as_str()).collect();
                    prop_assert_eq!(ids.len(), read.len(), "an article twice in the library");
                }
                Err(e) => said_why(&e)?,
            }
        }
        if let Some(parsed) = import(&text, &docs)? {
            if parsed.format == Format::Library {
                let read: Vec<Document> = parsed.parts.iter().map(|p| match p {
                    Part::Document(d) => d.clone(),
                    Part::Annotations(_) => unreachable!("a library holds documents"),
                }).collect();
                let again = parse_import(&library_to_json(&read), NOW).map(|p| p.parts);
                prop_assert_eq!(again, Ok(parsed.parts.clone()));
            }
        }
    }

    #[test]
    fn mutated_w3c_annotations_import_or_say_why(
        docs in library(),
        whole_library in any::<bool>(),
        m in mutations(),
    ) {
        let file = if whole_library {
            library_to_w3c(&docs)
        } else {
            to_w3c(&docs[0].article, &docs[0].claims)
        };
        let text = m.apply(&file);
        let bare: Vec<Document> = docs
            .iter()
            .map(|d| Document::new(d.article.clone(), vec![], vec![]))
            .collect();
        if let Some(parsed) = import(&text, &bare)? {
            annotations_accounted(&text, &parsed)?;
            check_import(&docs, parsed)?;
        }
    }

    #[test]
    fn a_mutated_hypothesis_export_imports_or_says_why(doc in document(), m in mutations()) {
        let text = m.apply(&hypothesis_export(&doc));
        let mut article = doc.article.clone();
        if article.url.is_empty() {
            article.url = "https://news.example/story".into();
        }
        let library = [Document::new(article, vec![], vec![])];
        if let Some(parsed) = import(&text, &library)? {
            annotations_accounted(&text, &parsed)?;
        }
    }

    #[test]
    fn any_fragment_reads_as_a_deep_link(fragment in any_text()) {
        let link = deep_link::parse(&fragment);
        prop_assert!(link.article.as_ref().is_none_or(|a| !a.is_empty()));
        prop_assert!(link.claim.as_ref().is_none_or(|c| !c.is_empty()));
    }

    #[test]
    fn deep_links_read_back_what_they_say(article in unicode(), claim in proptest::option::of(unicode())) {
        let link = deep_link::parse(&deep_link::format(&article, claim.as_deref()));
        prop_assert_eq!(link.article, Some(article).filter(|a| !a.is_empty()));
        prop_assert_eq!(link.claim, claim.filter(|c| !c.is_empty()));
    }

    #[test]
    fn what_storage_holds_is_never_lost_on_start(
        docs in library(),
        article_edits in proptest::collection::vec(mutations(), 3),
        index in stored(),
        classroom in stored(),
        current in any::<Index>(),
    ) {
        let mut kv = MapKv::default();
        for (d, m) in docs.iter().zip(&article_edits) {
            kv.0.insert(article_key(&d.article.id), m.apply(&to_json(&d.article, &d.claims, &d.orphans)));
        }
        let entries: Vec<Value> = docs.iter().map(|d| serde_json::json!({
            "id": d.article.id, "title": d.article.title, "claims": d.claims.len(),
        })).collect();
        let valid_index = serde_json::json!({
            "version": 1, "current": current.get(&docs).article.id, "selected": "c0", "articles": entries,
        }).to_string();
        kv.0.insert(INDEX_KEY.into(), index.text(&valid_index));
        kv.0.insert(CLASSROOM_KEY.into(), classroom.text(&Classroom::default().to_json()));
        let before = kv.clone();
        let mut session = Session::start(kv, None);
        let state = session.state().clone();
        on_their_quotes(&state.article.text, &state.claims_vec())?;
        let _ = session.library_documents();
        let after = session.store().kv().0.clone();
        for (key, value) in &before.0 {
            let kept = after.get(key) == Some(value)
                || after.iter().any(|(k, v)| k.starts_with(UNREADABLE_PREFIX) && v == value);
            prop_assert!(kept, "what was stored under {} is gone", key);
        }
        // Saving a change afterwards writes over nothing that was set aside.
        let len = claimcheck::core::text::offsets::char_len(&state.article.text);
        session.dispatch(Action::AddClaim { id: "fuzz".into(), start: 0, end: len.min(9), at: NOW.into() });
        session.save();
        let saved = &session.store().kv().0;
        for (key, value) in after.iter().filter(|(k, _)| k.starts_with(UNREADABLE_PREFIX)) {
            prop_assert_eq!(saved.get(key), Some(value), "saving overwrote {}", key);
        }
    }
}

/// What a storage key holds: a valid value, a mutated one, or any text.
#[derive(Debug, Clone)]
enum Stored {
    Valid,
    Mutated(Mutations),
    Any(String),
}

impl Stored {
    fn text(&self, valid: &str) -> String {
        match self {
            Stored::Valid => valid.to_string(),
            Stored::Mutated(m) => m.apply(valid),
            Stored::Any(text) => text.clone(),
        }
    }
}

fn stored() -> impl Strategy<Value = Stored> {
    prop_oneof![
        Just(Stored::Valid),
        mutations().prop_map(Stored::Mutated),
        any_text().prop_map(Stored::Any),
    ]
}

// ---------------------------------------------------------------------------------------------
// Targeted cases

fn sample() -> Document {
    let text = "Café owners said rents rose 40%.\n\nReyl denied it.";
    let (quote, position) = claimcheck::core::anchoring::selectors::describe(text, 17, 31).unwrap();
    let claim = claimcheck::core::model::Claim::unverified(
        "c0".into(),
        quote,
        position,
        "2026-11-01T10:00:00Z",
        "2026-11-01T10:00:00Z",
    );
    let article = claimcheck::core::model::Article {
        id: "a-1".into(),
        title: "Rents".into(),
        text: text.into(),
        ..Default::default()
    };
    Document::new(article, vec![claim], vec![])
}

/// `file` with the value at `pointer` replaced by raw JSON text.
fn with_raw(file: &str, pointer: &str, raw: &str) -> String {
    let mut v: Value = serde_json::from_str(file).unwrap();
    *v.pointer_mut(pointer).unwrap() = Value::String("\u{1}here\u{1}".into());
    v.to_string().replace("\"\\u0001here\\u0001\"", raw)
}

#[test]
fn ten_thousand_nested_arrays_or_objects_are_refused_with_a_message() {
    let doc = sample();
    let export = to_json(&doc.article, &doc.claims, &doc.orphans);
    let w3c = to_w3c(&doc.article, &doc.claims);
    for deep in [nested_arrays(10_000), nested_objects(10_000)] {
        let mut files = vec![deep.clone()];
        for pointer in [
            "/article/text",
            "/claims/0",
            "/claims/0/position/start",
            "/version",
        ] {
            files.push(with_raw(&export, pointer, &deep));
        }
        files.push(with_raw(
            &library_to_json(std::slice::from_ref(&doc)),
            "/documents/0",
            &deep,
        ));
        files.push(with_raw(&w3c, "/first/items/0/target", &deep));
        for file in &files {
            for result in [
                parse_import(file, NOW).map(|_| ()),
                native::parse(file).map(|_| ()),
                native::parse_strict(file).map(|_| ()),
            ] {
                let e = result.expect_err("nesting this deep is not a file Claimcheck reads");
                assert!(!e.0.is_empty());
            }
            // An object's unknown fields are ignored, however deep; the rest is refused.
            let _ = Classroom::from_json(file);
            assert_eq!(deep_link::parse(file), deep_link::DeepLink::default());
        }
    }
}

#[test]
fn lone_surrogates_and_out_of_range_numbers_are_refused_with_a_message() {
    let doc = sample();
    let export = to_json(&doc.article, &doc.claims, &doc.orphans);
    for (pointer, raw) in [
        ("/article/text", r#""\ud800""#),
        ("/claims/0/quote/exact", r#""x\udfff""#),
        ("/claims/0/position/end", "1e999"),
        ("/claims/0/position/end", "18446744073709551616"),
        ("/claims/0/position/start", "-1"),
        ("/version", "2.0"),
    ] {
        let file = with_raw(&export, pointer, raw);
        let e = parse_import(&file, NOW).expect_err(raw);
        assert!(!e.0.is_empty(), "{pointer} = {raw}");
    }
}
