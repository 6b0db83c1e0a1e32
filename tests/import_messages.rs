//! Every bad import file gets a message that says what is wrong, checked natively on what the
//! app's Import runs (the browser edge's `AppStore::import_text` and `file_open::read_import`):
//! the file's bytes decoded, the parser, then the merge into the library. Nothing is imported
//! when any step refuses. tests/e2e_import_export.rs shows, in Chromium, that such a message
//! reaches the user and that storage stays as it was; the browser edge's own messages (the
//! 5 MB limit, a file's name in its message) are checked there.

use claimcheck::app::actions::Action;
use claimcheck::app::reducer::reduce;
use claimcheck::app::state::AppState;
use claimcheck::core::formats::native;
use claimcheck::core::formats::sniff::{parse_import, MAX_IMPORT_BYTES};
use claimcheck::core::intake::files::{decode_text_up_to, FileProblem};
use claimcheck::core::intake::samples;
use claimcheck::core::library::merge::import_all;
use claimcheck::core::model::Document;
use serde_json::{json, Value};

const NOW: &str = "2026-11-20T10:00:00Z";
const DENIAL: &str = "Port Authority director Tomas Reyl denied any wrongdoing.";

/// The first sample with one claim on the denial, as the app stores and exports it.
fn good() -> Value {
    let article = samples::first();
    let at = article
        .text
        .find(DENIAL)
        .expect("the sample holds the denial");
    let start = article.text[..at].chars().count();
    let state = AppState::new(article, Vec::new(), Vec::new(), None);
    let state = reduce(
        &state,
        Action::AddClaim {
            id: "c-denial".into(),
            start,
            end: start + DENIAL.chars().count(),
            at: NOW.into(),
        },
    );
    assert_eq!(state.claims.len(), 1);
    serde_json::from_str(&state.export_json()).unwrap()
}

/// What importing `text` into `library` says, as the app's Import does it.
fn import(library: &[Document], text: &str) -> Result<(), String> {
    let parsed = parse_import(text, NOW).map_err(|e| e.0)?;
    import_all(library, parsed).map(|_| ()).map_err(|e| e.0)
}

/// The bad Claimcheck, W3C, Hypothesis and library files, each wrong in one way, with words
/// its message must hold.
fn bad_files(good: &Value) -> Vec<(String, &'static str)> {
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v.to_string()
    };
    let mut bad: Vec<(String, &str)> = vec![
        (String::new(), "not valid JSON"),
        ("{".into(), "not valid JSON"),
        ("[]".into(), "not a file Claimcheck imports"),
        ("null".into(), "not a file Claimcheck imports"),
        ("\u{feff}{oops".into(), "not valid JSON"),
        ("[".repeat(5000), "not valid JSON"),
        (
            with(&|v| v["format"] = "hypothesis".into()),
            "not a Claimcheck file",
        ),
        (with(&|v| v["version"] = 99.into()), "newer Claimcheck"),
        (with(&|v| v["version"] = "2".into()), "version"),
        (
            with(&|v| {
                v.as_object_mut().unwrap().remove("article");
            }),
            "article",
        ),
        (with(&|v| v["article"]["text"] = 5.into()), "article.text"),
        (
            with(&|v| v["article"]["id"] = "".into()),
            "article.id is empty",
        ),
        (with(&|v| v["claims"] = "none".into()), "claims"),
        (
            with(&|v| v["claims"][0]["status"] = true.into()),
            "claims[0].status",
        ),
        (
            with(&|v| v["claims"][0]["position"]["start"] = (-3).into()),
            "claims[0].position.start",
        ),
        (
            with(&|v| v["claims"][0]["position"]["end"] = json!(1e30)),
            "claims[0].position.end",
        ),
        (
            with(&|v| v["claims"][0]["position"]["end"] = 999_999.into()),
            "past the end",
        ),
        (
            with(&|v| v["claims"][0]["position"]["end"] = 0.into()),
            "is not after start",
        ),
        (
            with(&|v| v["claims"][0]["quote"]["exact"] = "words not there".into()),
            "claims[0].quote.exact does not match",
        ),
        (
            with(&|v| v["claims"][0]["quote"]["exact"] = "".into()),
            "claims[0].quote.exact is empty",
        ),
        (
            with(&|v| {
                let c = v["claims"][0].clone();
                v["claims"].as_array_mut().unwrap().push(c);
            }),
            "used twice",
        ),
        (
            with(&|v| v["claims"][0]["id"] = "".into()),
            "claims[0].id is empty",
        ),
        (
            with(&|v| v["claims"][0]["modified"] = "=HYPERLINK(\"https://x.example\")".into()),
            "claims[0].modified is not a date and time",
        ),
    ];
    let nested = format!("{}{}", "{\"a\":".repeat(3000), "1");
    bad.push((nested, "not valid JSON"));
    let broken_doc = with(&|v| v["claims"][0]["quote"]["exact"] = "not these words".into());
    bad.extend(interchange_files(good, &broken_doc));
    bad
}

/// W3C Web Annotation, Hypothesis and library files, each wrong in one way.
fn interchange_files(good: &Value, broken_doc: &str) -> Vec<(String, &'static str)> {
    let w3c = |annotation: Value| {
        json!({"@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [annotation]}})
        .to_string()
    };
    let quote = |exact: &str| json!({"type": "TextQuoteSelector", "exact": exact});
    let hyp = |annotation: Value| {
        json!({"export_date": "2026-11-20T00:00:00Z", "annotations": [annotation]}).to_string()
    };
    let library = |documents: Value| {
        json!({"format": "claimcheck-library", "version": 1, "documents": documents}).to_string()
    };
    let broken: Value = serde_json::from_str(broken_doc).unwrap();
    vec![
        (
            json!({"type": "AnnotationCollection", "first": "https://anno.example/page/1"}).to_string(),
            "not in the file",
        ),
        (
            w3c(json!({"type": "Annotation", "target": {"source": "x", "selector":
                [quote(DENIAL), {"type": "TextPositionSelector", "start": -1, "end": 3}]}})),
            "first.items[0].target.selector[1].start (-1) is not a character offset",
        ),
        (
            w3c(json!({"type": "Annotation", "target": {"source": "x", "selector":
                [quote(DENIAL), {"type": "TextPositionSelector", "start": 1e300, "end": 3}]}})),
            "is not a character offset",
        ),
        (
            w3c(json!({"type": "Annotation", "target": {"selector": quote("")}})),
            "first.items[0].target.selector.exact is empty",
        ),
        (
            w3c(json!({"type": "Annotation", "body": "note"})),
            "first.items[0].target is missing",
        ),
        (
            w3c(json!({"type": "Annotation", "target": {
                "source": "https://elsewhere.example/story", "selector": quote("words in no article here")}})),
            "Open that article in Claimcheck first",
        ),
        (
            w3c(json!({"type": "Annotation", "target": "https://elsewhere.example/story"})),
            "nothing to import",
        ),
        (
            w3c(json!({"type": "Annotation", "target": {"selector": quote(DENIAL)},
                "body": {"purpose": "tagging", "value": ["verified"]}})),
            "first.items[0].body[0].value is not a string",
        ),
        (
            json!({"type": "AnnotationPage", "items": [
                {"type": "Annotation", "id": "same", "target": {"selector": quote(DENIAL)}},
                {"type": "Annotation", "id": "same", "target": {"selector": quote(DENIAL)}}]}).to_string(),
            "items[1].id",
        ),
        (
            json!({"type": "AnnotationCollection", "first": {"items": [
                {"type": "Annotation", "target": {"source": "urn:claimcheck:article:x", "selector": quote(DENIAL)}}]},
                "claimcheck:articles": [{"id": "x", "title": "T"}]}).to_string(),
            "claimcheck:articles does not have the expected shape: [0]",
        ),
        (
            json!({"export_date": "2026-11-20", "annotations": {"id": "x"}}).to_string(),
            "\"annotations\" is not a list",
        ),
        (
            hyp(json!({"target": [{"selector": [quote(DENIAL)]}]})),
            "annotations[0].id is missing",
        ),
        (
            hyp(json!({"id": "h1", "tags": [true], "target": [{"selector": [quote(DENIAL)]}]})),
            "annotations[0].tags is not a list of words",
        ),
        (
            hyp(json!({"id": "h1", "text": "page note", "target": [{"source": "https://x.example"}]})),
            "page notes and replies are not claims",
        ),
        (
            hyp(json!({"id": "h1", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": 12}]}]})),
            "annotations[0].target[0].selector[0].exact is not a string",
        ),
        (
            json!({"format": "claimcheck-library", "version": 7, "documents": []}).to_string(),
            "newer Claimcheck (library version 7)",
        ),
        (library(json!([])), "holds no articles"),
        (
            library(json!([good.clone(), broken])),
            "In documents[1]: claims[0].quote.exact does not match",
        ),
        (library(json!([good.clone(), good.clone()])), "is used twice"),
        (
            json!({"format": "claimcheck-exercise", "version": 1}).to_string(),
            "not annotations to import",
        ),
    ]
}

/// Files whose bytes are not UTF-8 text never reach the parser.
fn undecodable_files() -> Vec<(&'static str, Vec<u8>)> {
    let mut latin1 = br#"{"format":"claimcheck","version":2,"note":"caf"#.to_vec();
    latin1.extend([0xE9, b'"', b'}']);
    vec![
        ("latin1.json", latin1),
        (
            "broken-utf16.json",
            vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00],
        ),
        (
            "image.json",
            vec![
                0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
            ],
        ),
        (
            "bom-then-bad.jsonld",
            vec![0xEF, 0xBB, 0xBF, b'{', 0xC3, 0x28, b'}'],
        ),
    ]
}

#[test]
fn every_bad_import_is_refused_with_a_message_naming_what_is_wrong() {
    let good = good();
    let library = [native::parse(&good.to_string()).expect("the good file imports")];
    assert_eq!(import(&library, &good.to_string()), Ok(()), "the good file");
    let bad = bad_files(&good);
    for (i, (text, expected)) in bad.iter().enumerate() {
        let error = import(&library, text).expect_err(&format!("case {i} was imported"));
        assert!(
            error.contains(expected),
            "case {i}: {error:?} lacks {expected:?}"
        );
    }
    let undecodable = undecodable_files();
    for (name, bytes) in &undecodable {
        assert_eq!(
            decode_text_up_to(bytes, MAX_IMPORT_BYTES),
            Err(FileProblem::NotText),
            "{name}"
        );
    }
    let empty = decode_text_up_to(b"", MAX_IMPORT_BYTES).unwrap_err();
    assert!(empty.to_string().contains("This file is empty"), "{empty}");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("hello".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let decoded = decode_text_up_to(&utf16, MAX_IMPORT_BYTES).expect("UTF-16 is text");
    let error = import(&library, &decoded).unwrap_err();
    assert!(error.contains("not valid JSON"), "{error:?}");
    let corpus = bad.len() + undecodable.len() + 2;
    assert!(corpus >= 40, "the corpus has {corpus} bad files");
}
