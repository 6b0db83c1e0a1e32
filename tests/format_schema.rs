#![cfg(not(target_arch = "wasm32"))]
//! docs/claimcheck.schema.json and docs/formats.md stay true to what the code writes and reads.

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::formats::claimreview::{Publisher, PublisherKind};
use claimcheck::core::formats::export::{article_export, library_export, ExportFormat};
use claimcheck::core::formats::native::{self, library_to_json, to_json};
use claimcheck::core::formats::w3c::{document_to_w3c, library_to_w3c, to_w3c};
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
        label: Some("needs context".into()),
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
        ("version", Box::new(|v| v["version"] = 4.into())),
        ("label", Box::new(|v| v["claims"][0]["label"] = 7.into())),
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
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/formats.md")).unwrap();
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
    // Each article's claim and its orphan (issue 16: the W3C file holds what the JSON holds).
    assert_eq!(check_w3c(&library_to_w3c(&[d, second])), 4);
}

#[test]
fn the_w3c_export_carries_orphans_marked_as_such() {
    let d = rich();
    let text = document_to_w3c(&d);
    assert_eq!(check_w3c(&text), 2, "the claim and the orphan");
    let v: Value = serde_json::from_str(&text).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items[0].get("claimcheck:orphan"), None);
    assert_eq!(items[1]["claimcheck:orphan"], true);
    assert_eq!(items[1]["id"], "urn:claimcheck:claim:c2");
}

/// What schema.org and Google's fact-check guidelines ask of a `ClaimReview`, for `claim` of
/// `article`: every problem found, in words (none for a review that can be published).
fn claimreview_problems(review: &Value, article: &Article, claim: &Claim) -> Vec<String> {
    let mut problems = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    let web = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://"))
    };
    let named = |v: &Value| {
        matches!(v["@type"].as_str(), Some("Person" | "Organization"))
            && v["name"].as_str().is_some_and(|n| !n.trim().is_empty())
    };
    need(
        review["@context"] == "https://schema.org",
        "@context is schema.org",
    );
    need(review["@type"] == "ClaimReview", "@type is ClaimReview");
    need(
        review["claimReviewed"].as_str() == Some(claim.quote.exact.as_str()),
        "claimReviewed is the claim's words",
    );
    need(web(&review["url"]), "url is the review's web address");
    need(
        named(&review["author"]),
        "author is a Person or Organization with a name",
    );
    let date = review["datePublished"].as_str().unwrap_or("");
    need(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "datePublished is an ISO 8601 date",
    );
    let rating = &review["reviewRating"];
    need(rating["@type"] == "Rating", "reviewRating is a Rating");
    need(
        rating["alternateName"].as_str() == Some(claim.status.label()),
        "reviewRating.alternateName is the verdict in words",
    );
    match (
        rating["ratingValue"].as_u64(),
        rating["worstRating"].as_u64(),
        rating["bestRating"].as_u64(),
    ) {
        (Some(v), Some(worst), Some(best)) => need(
            worst < best && (worst..=best).contains(&v),
            "ratingValue is on its scale",
        ),
        _ => need(
            false,
            "reviewRating has ratingValue, worstRating and bestRating numbers",
        ),
    }
    let item = &review["itemReviewed"];
    need(item["@type"] == "Claim", "itemReviewed is a Claim");
    if !claim.source.is_empty() {
        need(
            named(&item["author"]),
            "itemReviewed.author names who made the claim",
        );
    }
    if !article.url.is_empty() {
        let appearance = &item["appearance"];
        need(
            appearance["@type"] == "CreativeWork",
            "itemReviewed.appearance is a CreativeWork",
        );
        need(
            appearance["url"].as_str() == Some(article.url.as_str()),
            "itemReviewed.appearance.url is the article's address",
        );
        need(
            appearance["headline"].as_str() == Some(article.title.as_str()),
            "itemReviewed.appearance.headline is the article's title",
        );
        if !article.outlet.is_empty() {
            need(
                named(&appearance["publisher"]),
                "the article's publisher is named",
            );
        }
        if !article.byline.is_empty() {
            need(
                named(&appearance["author"]),
                "the article's author is named",
            );
        }
    }
    problems
}

fn reviews(text: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_claimreview_export_has_what_publishing_requires() {
    let mut d = rich();
    d.article.outlet = "The Ledger".into();
    d.article.byline = "A. Writer".into();
    let mut unverified = d.claims[0].clone();
    unverified.id = "c3".into();
    unverified.status = Status::Unverified;
    unverified.source = "Ana Ruiz".into();
    unverified.source_kind = Some(SourceKind::Person);
    d.claims.push(unverified);
    let mut pasted = d.clone();
    pasted.article.id = "a-pasted".into();
    pasted.article.url.clear();
    let desk = Publisher::checked(
        "Harbour Desk",
        PublisherKind::Organization,
        "https://checks.example/rents",
    )
    .unwrap();

    let one = article_export(ExportFormat::ClaimReview, &d, &desk);
    assert_eq!(one.advice, None, "nothing is missing");
    let library = library_export(
        ExportFormat::ClaimReview,
        &[d.clone(), pasted.clone()],
        "2026-12-01",
        &desk,
    );
    let all = reviews(&library.text);
    assert_eq!(
        all.len(),
        4,
        "one review per claim, orphans are not reviewed"
    );
    for (review, (article, claim)) in all.iter().zip(
        [&d, &pasted]
            .into_iter()
            .flat_map(|doc| doc.claims.iter().map(move |c| (&doc.article, c))),
    ) {
        assert_eq!(
            claimreview_problems(review, article, claim),
            Vec::<String>::new(),
            "{review:#}"
        );
    }
    assert_eq!(reviews(&one.text), all[..2].to_vec());
    assert_eq!(
        all[1]["reviewRating"]["ratingValue"], 3,
        "Unverified: unproven, mid-scale"
    );
    assert_eq!(all[1]["itemReviewed"]["author"]["@type"], "Person");
    assert!(
        all[2]["itemReviewed"].get("appearance").is_none(),
        "a pasted text has no address"
    );
    assert_eq!(
        all[2]["url"],
        "https://checks.example/rents#article=a-pasted&claim=c1"
    );
}

#[test]
fn without_a_name_the_claimreview_export_works_and_the_user_is_told_what_is_missing() {
    let d = rich();
    let file = article_export(ExportFormat::ClaimReview, &d, &Publisher::default());
    let review = &reviews(&file.text)[0];
    assert_eq!(
        claimreview_problems(review, &d.article, &d.claims[0]),
        ["author is a Person or Organization with a name"]
    );
    let advice = file.advice.expect("the user is told");
    assert!(advice.contains("your name or organisation"), "{advice}");
    // The checker knows the old export could not be published: a made-up author, a urn:
    // address and a rating with no value.
    let old = json!({"@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": d.claims[0].quote.exact, "datePublished": "2026-11-01",
        "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork",
            "headline": "Rents", "url": "urn:claimcheck:article:a-1"}},
        "reviewRating": {"@type": "Rating", "alternateName": "Verified"},
        "author": {"@type": "Person", "name": "Claimcheck reader"},
        "url": "urn:claimcheck:article:a-1#article=a-1&claim=c1"});
    let mut pasted = d.article.clone();
    pasted.url.clear();
    let problems = claimreview_problems(&old, &pasted, &d.claims[0]);
    assert_eq!(
        problems,
        [
            "url is the review's web address",
            "reviewRating has ratingValue, worstRating and bestRating numbers",
            "itemReviewed.author names who made the claim",
        ]
    );
}
