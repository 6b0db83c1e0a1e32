#![cfg(not(target_arch = "wasm32"))]
//! docs/claimcheck.schema.json and docs/format.md stay true to what the code writes and reads.

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::formats::native::{self, library_to_json, to_json};
use claimcheck::core::formats::w3c::{library_to_w3c, to_w3c};
use claimcheck::core::model::{
    Article, BlockKind, Claim, Document, Evidence, Link, Passage, SourceKind, Stance, Status,
};
use serde_json::{json, Value};

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/claimcheck.schema.json"
    ))
    .unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("a valid schema")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn rich() -> Document {
    let text =
        "Heading\n\nCafé owners said rents rose 40%, the Ledger reported.\n\nOne\n\n“Quoted.”";
    let article = Article {
        id: "a-1".into(),
        title: "Rents".into(),
        url: "https://news.example/rents".into(),
        text: text.into(),
        blocks: vec![
            BlockKind::Heading { level: 2 },
            BlockKind::Paragraph,
            BlockKind::Item { ordered: true },
            BlockKind::Quote,
        ],
        links: vec![Link {
            start: 9,
            end: 13,
            href: "https://cafe.example".into(),
        }],
        ..Article::default()
    };
    let (quote, position) = describe(text, 9, 41).unwrap();
    let (pq, pp) = describe(text, 43, 61).unwrap();
    let claim = Claim {
        id: "c1".into(),
        quote,
        position,
        status: Status::Verified,
        source: "Café owners".into(),
        source_kind: Some(SourceKind::Organization),
        source_phrase: Some(Passage {
            quote: pq,
            position: pp,
        }),
        note: "n".into(),
        evidence: vec![Evidence {
            url: "https://stats.example".into(),
            title: "Stats".into(),
            shows: "40%".into(),
            stance: Stance::Contradicts,
        }],
        created: "2026-11-01T00:00:00.000Z".into(),
        modified: "2026-11-01T00:00:00.000Z".into(),
    };
    let mut orphan = claim.clone();
    orphan.id = "c2".into();
    orphan.source_kind = None;
    Document::new(article, vec![claim], vec![orphan])
}

#[test]
fn every_export_matches_the_schema() {
    let v = schema();
    let d = rich();
    let one: Value = serde_json::from_str(&to_json(&d.article, &d.claims, &d.orphans)).unwrap();
    assert_eq!(errors(&v, &one), Vec::<String>::new());
    let mut second = d.clone();
    second.article.id = "a-2".into();
    let library: Value = serde_json::from_str(&library_to_json(&[d, second])).unwrap();
    assert_eq!(errors(&v, &library), Vec::<String>::new());
    let v1 = json!({"format": "claimcheck", "version": 1,
        "article": {"id": "a", "title": "T", "outlet": "", "byline": "", "date": "", "text": "one two"},
        "claims": [{"id": "c", "quote": {"exact": "two", "prefix": "one ", "suffix": ""},
            "position": {"start": 4, "end": 7}, "status": "unverified", "source": "", "note": "",
            "created": "t", "modified": "t"}]});
    assert_eq!(errors(&v, &v1), Vec::<String>::new());
    assert!(native::parse(&v1.to_string()).is_ok());
}

#[test]
fn the_schema_refuses_what_import_refuses() {
    let v = schema();
    let d = rich();
    let good: Value = serde_json::from_str(&to_json(&d.article, &d.claims, &[])).unwrap();
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "status",
            Box::new(|v| v["claims"][0]["status"] = "maybe".into()),
        ),
        ("id", Box::new(|v| v["claims"][0]["id"] = "".into())),
        (
            "start",
            Box::new(|v| v["claims"][0]["position"]["start"] = (-1).into()),
        ),
        (
            "exact",
            Box::new(|v| v["claims"][0]["quote"]["exact"] = "".into()),
        ),
        ("version", Box::new(|v| v["version"] = 3.into())),
        ("format", Box::new(|v| v["format"] = "other".into())),
        (
            "kind",
            Box::new(|v| v["claims"][0]["sourceKind"] = "rumour".into()),
        ),
        (
            "stance",
            Box::new(|v| v["claims"][0]["evidence"][0]["stance"] = "maybe".into()),
        ),
        (
            "block",
            Box::new(|v| v["article"]["blocks"][0] = json!({"kind": "heading"})),
        ),
        (
            "article",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("article");
            }),
        ),
    ];
    for (what, edit) in edits {
        let mut bad = good.clone();
        edit(&mut bad);
        assert!(
            !errors(&v, &bad).is_empty(),
            "the schema let a bad {what} through"
        );
        assert!(
            native::parse(&bad.to_string()).is_err(),
            "import let a bad {what} through"
        );
    }
}

#[test]
fn the_documented_example_is_valid_and_imports() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    let start = doc.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example: Value = serde_json::from_str(&doc[start..end]).unwrap();
    assert_eq!(errors(&schema(), &example), Vec::<String>::new());
    let parsed = native::parse_strict(&doc[start..end]).expect("the example imports");
    let c = &parsed.claims[0];
    let p = c.source_phrase.as_ref().unwrap();
    assert_eq!(
        describe(&parsed.article.text, p.position.start, p.position.end),
        Some((p.quote.clone(), p.position)),
        "the example's attribution phrase has the context Claimcheck would write"
    );
    assert_eq!(
        describe(&parsed.article.text, c.position.start, c.position.end),
        Some((c.quote.clone(), c.position))
    );
}

/// The Web Annotation model's musts, checked on every annotation of an export.
fn check_w3c(text: &str) -> usize {
    let v: Value = serde_json::from_str(text).unwrap();
    let context = &v["@context"];
    let contexts: Vec<&Value> = match context {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    assert!(contexts.contains(&&json!("http://www.w3.org/ns/anno.jsonld")));
    assert_eq!(v["type"], "AnnotationCollection");
    assert!(v["id"].is_string());
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"], items.len());
    for a in items {
        assert!(
            a["id"].as_str().is_some_and(|id| id.contains(':')),
            "an IRI id"
        );
        assert_eq!(a["type"], "Annotation");
        let target = &a["target"];
        assert!(target["source"].as_str().is_some_and(|s| s.contains(':')));
        let types: Vec<&str> = target["selector"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["TextQuoteSelector", "TextPositionSelector"]);
        for body in a["body"].as_array().unwrap() {
            assert!(body["type"].is_string() && body["purpose"].is_string());
        }
    }
    items.len()
}

#[test]
fn w3c_exports_have_the_model_s_required_shape() {
    let d = rich();
    assert_eq!(check_w3c(&to_w3c(&d.article, &d.claims)), 1);
    let mut second = d.clone();
    second.article.id = "a-2".into();
    second.article.url.clear();
    assert_eq!(check_w3c(&library_to_w3c(&[d, second])), 2);
}
