//! W3C Web Annotations (JSON-LD): the export, one annotation per claim with motivation
//! "assessing", and the reader for ours or another tool's. Our export also carries the articles
//! it annotates, so the file alone imports into an empty library.

use serde_json::{json, Map, Value};

use crate::core::classroom::labels::tidy;
use crate::core::formats::annotations::{
    each, hashed_id, nothing_to_import, quoted_claim, str_field, text_selectors, time_field,
    AnnotationSet, Format, Groups, Parsed, Part,
};
use crate::core::formats::envelope::{err, typed, FormatError};
use crate::core::formats::link_fields;
use crate::core::model::{Article, Claim, Document, Evidence, SourceKind, Stance, Status};
use crate::core::text::links::{check_link, is_link};

/// The article's address for annotation targets: its original URL, or a stable URN.
pub fn article_iri(article: &Article) -> String {
    if is_link(&article.url) {
        article.url.clone()
    } else {
        format!("{ARTICLE_URN}{}", article.id)
    }
}

pub const ARTICLE_URN: &str = "urn:claimcheck:article:";
pub const CLAIM_URN: &str = "urn:claimcheck:claim:";
/// The W3C export carries the articles it annotates under this term (declared in its
/// `@context`), so the file alone can be imported into an empty library; other tools ignore it.
pub const W3C_ARTICLES: &str = "claimcheck:articles";
pub const W3C_STANCE: &str = "claimcheck:stance";
/// Marks an annotation whose words were no longer in the article when it was exported, so an
/// import keeps it an orphan as the Claimcheck JSON file would.
pub const W3C_ORPHAN: &str = "claimcheck:orphan";
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const CLAIMCHECK_NS: &str = "urn:claimcheck:ns#";

/// One claim as a W3C Web Annotation with motivation "assessing".
fn annotation(article: &Article, claim: &Claim, orphan: bool) -> Value {
    let mut body = vec![json!({
        "type": "TextualBody",
        "purpose": "tagging",
        "value": claim.status.as_str(),
    })];
    // The exercise's category is a tag too; import tells it from the status by its value.
    if let Some(label) = &claim.label {
        body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": label}));
    }
    if !claim.note.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": claim.note}));
    }
    if !claim.source.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "describing", "value": claim.source}));
    }
    if let Some(kind) = claim.source_kind {
        body.push(json!({"type": "TextualBody", "purpose": "classifying", "value": kind.as_str()}));
    }
    for evidence in &claim.evidence {
        let mut link = json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": evidence.url,
        });
        // The model has no word for evidence against; ours travels under our own term.
        if evidence.stance == Stance::Contradicts {
            link[W3C_STANCE] = "contradicts".into();
        }
        body.push(link);
    }
    let mut annotation = json!({
        "id": format!("{CLAIM_URN}{}", claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created,
        "modified": claim.modified,
        "body": body,
        "target": {
            "source": article_iri(article),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": claim.quote.exact,
                    "prefix": claim.quote.prefix,
                    "suffix": claim.quote.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": claim.position.start,
                    "end": claim.position.end,
                },
            ],
        },
    });
    if orphan {
        annotation[W3C_ORPHAN] = true.into();
    }
    annotation
}

fn w3c_collection(id: String, label: &str, docs: &[(&Article, &[Claim], &[Claim])]) -> String {
    let items: Vec<Value> = docs
        .iter()
        .flat_map(|(a, claims, orphans)| {
            let claims = claims.iter().map(|c| annotation(a, c, false));
            claims.chain(orphans.iter().map(|c| annotation(a, c, true)))
        })
        .collect();
    let embedded: Vec<&Article> = docs.iter().map(|(a, _, _)| *a).collect();
    let collection = json!({
        "@context": [W3C_CONTEXT, {"claimcheck": CLAIMCHECK_NS}],
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "items": items,
        },
        W3C_ARTICLES: embedded,
    });
    serde_json::to_string_pretty(&collection).expect("JSON values always serialize")
}

/// The claims as a W3C Web Annotation `AnnotationCollection` (JSON-LD).
pub fn to_w3c(article: &Article, claims: &[Claim]) -> String {
    w3c_collection(
        format!("{ARTICLE_URN}{}:claims", article.id),
        &article.title,
        &[(article, claims, &[])],
    )
}

/// An article with its claims and orphans, as the Export menu writes it: everything the
/// Claimcheck JSON file holds, so either file imports the same way.
pub fn document_to_w3c(doc: &Document) -> String {
    w3c_collection(
        format!("{ARTICLE_URN}{}:claims", doc.article.id),
        &doc.article.title,
        &[(&doc.article, &doc.claims, &doc.orphans)],
    )
}

/// Every article's claims and orphans as one `AnnotationCollection`.
pub fn library_to_w3c(docs: &[Document]) -> String {
    let parts: Vec<(&Article, &[Claim], &[Claim])> = docs
        .iter()
        .map(|d| (&d.article, &d.claims[..], &d.orphans[..]))
        .collect();
    w3c_collection(
        "urn:claimcheck:library".into(),
        "Claimcheck library",
        &parts,
    )
}

pub(super) fn is_w3c(obj: &Map<String, Value>) -> bool {
    let typed = |t: &str| {
        obj.get("type").is_some_and(|v| match v {
            Value::String(s) => s == t,
            Value::Array(a) => a.iter().any(|x| x == t),
            _ => false,
        })
    };
    obj.contains_key("@context")
        || typed("AnnotationCollection")
        || typed("AnnotationPage")
        || typed("Annotation")
}

fn annotations_of(value: &Value) -> Result<(Vec<&Value>, &'static str), FormatError> {
    if let Value::Array(items) = value {
        return Ok((items.iter().collect(), ""));
    }
    let typed = |t: &str| each(value.get("type")).iter().any(|v| *v == t);
    if typed("Annotation") {
        return Ok((vec![value], "annotation"));
    }
    if typed("AnnotationPage") {
        return match value.get("items") {
            Some(Value::Array(items)) => Ok((items.iter().collect(), "items")),
            _ => err("The AnnotationPage has no \"items\" list."),
        };
    }
    match value.get("first") {
        Some(Value::Object(page)) => match page.get("items") {
            Some(Value::Array(items)) => Ok((items.iter().collect(), "first.items")),
            _ => err("first.items is missing or is not a list."),
        },
        Some(Value::String(iri)) => err(format!(
            "This collection's annotations are not in the file (its first page is at {iri}). Export them with the annotations included."
        )),
        _ => match value.get("items") {
            Some(Value::Array(items)) => Ok((items.iter().collect(), "items")),
            _ => err("This W3C file has no annotations: no \"first.items\" or \"items\" list."),
        },
    }
}

pub(super) fn parse_w3c(value: &Value, now: &str) -> Result<Parsed, FormatError> {
    let (items, list) = annotations_of(value)?;
    let mut groups = Groups::default();
    let mut skipped = 0;
    for (i, a) in items.iter().enumerate() {
        let at = if list == "annotation" {
            "The annotation".to_string()
        } else if list.is_empty() {
            format!("[{i}]")
        } else {
            format!("{list}[{i}]")
        };
        if !a.is_object() {
            return err(format!("{at} is not an annotation object."));
        }
        let targets = each(a.get("target"));
        if targets.is_empty() {
            return err(format!("{at}.target is missing."));
        }
        let mut found = None;
        for (t_index, target) in targets.iter().enumerate() {
            let t_at = if targets.len() > 1 {
                format!("{at}.target[{t_index}]")
            } else {
                format!("{at}.target")
            };
            // A bare address annotates a whole page, not a passage.
            let Some(obj) = target.as_object() else {
                continue;
            };
            let source = match obj.get("source") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).unwrap_or("").into(),
                _ => String::new(),
            };
            if let Some(sel) = text_selectors(obj.get("selector"), &t_at)? {
                found = Some((source, sel));
                break;
            }
        }
        let Some((source, (quote, position))) = found else {
            skipped += 1;
            continue;
        };
        let id = match str_field(a, "id", &at)? {
            Some(id) => match id.strip_prefix(CLAIM_URN) {
                Some("") => return err(format!("{at}.id has an empty claim id.")),
                Some(ours) => ours.to_string(),
                None => hashed_id("w3c", id),
            },
            None => hashed_id("w3c", &format!("{source}\u{0}{}\u{0}{i}", quote.exact)),
        };
        let created = time_field(a, "created", &at)?.unwrap_or(now);
        let modified = time_field(a, "modified", &at)?.unwrap_or(created);
        let mut claim = quoted_claim(id, quote, position, created, modified);
        let mut bodies = each(a.get("body"));
        let body_value = a.get("bodyValue");
        if let Some(v) = body_value {
            bodies.push(v);
        }
        for (b_index, body) in bodies.iter().enumerate() {
            read_body(&mut claim, body, &format!("{at}.body[{b_index}]"))?;
        }
        let orphan = a.get(W3C_ORPHAN) == Some(&Value::Bool(true));
        groups.add(&source, "", claim, orphan, &at)?;
    }
    attach_embedded_articles(value, &mut groups.sets)?;
    if groups.sets.is_empty() {
        return err(if skipped > 0 {
            nothing_to_import(skipped, "this file", "a TextQuoteSelector")
        } else {
            "This W3C file holds no annotations.".to_string()
        });
    }
    Ok(Parsed {
        format: Format::W3c,
        parts: groups.sets.into_iter().map(Part::Annotations).collect(),
        skipped,
    })
}

fn read_body(claim: &mut Claim, body: &Value, at: &str) -> Result<(), FormatError> {
    let (purpose, value) = match body {
        // `bodyValue`, or a body that is just an address.
        Value::String(s) if is_link(s) => ("linking", s.as_str()),
        Value::String(s) => ("commenting", s.as_str()),
        Value::Object(o) => {
            let purpose = o.get("purpose").and_then(Value::as_str).unwrap_or("");
            let value = o
                .get("value")
                .or_else(|| o.get("source"))
                .or_else(|| o.get("id"));
            match value {
                Some(Value::String(s)) => (purpose, s.as_str()),
                None | Some(Value::Null) => return Ok(()),
                Some(_) => return err(format!("{at}.value is not a string.")),
            }
        }
        _ => return err(format!("{at} is not a body object.")),
    };
    let linking = purpose == "linking" || (purpose.is_empty() && is_link(value));
    match purpose {
        "tagging" => match value.trim().to_lowercase().as_str() {
            "verified" => claim.status = Status::Verified,
            "unverified" => claim.status = Status::Unverified,
            "" => {}
            // Any other tag is the claim's label; a claim has one, so further tags are kept
            // in the note rather than dropped.
            _ if claim.label.is_none() => claim.label = Some(tidy(value)),
            _ => push_note(claim, &format!("Also tagged: {}", tidy(value))),
        },
        "describing" => claim.source = value.to_string(),
        "classifying" => {
            if let Some(kind) = SourceKind::parse(value.trim()) {
                claim.source_kind = Some(kind);
            }
        }
        _ if linking => {
            // Evidence is a link a reader follows: a file with any other address is refused.
            let url = check_link(value, &format!("The linking body {at}")).map_err(FormatError)?;
            let against = body.get(W3C_STANCE).and_then(Value::as_str) == Some("contradicts");
            claim.evidence.push(Evidence {
                url,
                stance: if against {
                    Stance::Contradicts
                } else {
                    Stance::Supports
                },
                ..Evidence::default()
            });
        }
        _ => push_note(claim, value),
    }
    Ok(())
}

/// Adds a paragraph to the claim's note.
fn push_note(claim: &mut Claim, text: &str) {
    if !claim.note.is_empty() {
        claim.note.push_str("\n\n");
    }
    claim.note.push_str(text);
}

/// Our W3C export carries its articles; each set about one of them gets it, and an article with
/// no annotations comes in as a set of none, as it would from the Claimcheck file. Sets follow
/// the order of the articles, then those about pages the file does not carry.
fn attach_embedded_articles(
    value: &Value,
    sets: &mut Vec<AnnotationSet>,
) -> Result<(), FormatError> {
    let Some(embedded) = value.get(W3C_ARTICLES) else {
        return Ok(());
    };
    let articles: Vec<Article> = typed(embedded, &format!("{W3C_ARTICLES} does not"))?;
    for (i, a) in articles.iter().enumerate() {
        if a.id.trim().is_empty() {
            return err(format!("{W3C_ARTICLES}[{i}].id is empty."));
        }
        link_fields::check_article(a, &format!("{W3C_ARTICLES}[{i}]."))?;
    }
    let mut foreign = std::mem::take(sets);
    for a in articles {
        let source = article_iri(&a);
        let mut set = match foreign.iter().position(|s| s.source == source) {
            Some(i) => foreign.remove(i),
            None => AnnotationSet {
                source,
                title: String::new(),
                article: None,
                claims: Vec::new(),
                orphans: Vec::new(),
            },
        };
        set.title = a.title.clone();
        set.article = Some(a);
        sets.push(set);
    }
    sets.append(&mut foreign);
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::test_documents::sample;

    #[test]
    fn w3c_has_the_model_s_required_shape() {
        let (article, claims) = sample();
        let v: Value = serde_json::from_str(&to_w3c(&article, &claims)).unwrap();
        // The model: one or more contexts, the annotation one among them (first, by custom).
        assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
        assert!(v["id"].as_str().is_some_and(|id| !id.is_empty()));
        assert_eq!(v["type"], "AnnotationCollection");
        assert_eq!(v["total"], 1);
        let a = &v["first"]["items"][0];
        assert!(a["id"]
            .as_str()
            .unwrap()
            .starts_with("urn:claimcheck:claim:"));
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "assessing");
        assert_eq!(a["target"]["source"], "https://news.example/story");
        let selectors = a["target"]["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[0]["exact"], claims[0].quote.exact);
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        assert_eq!(
            (selectors[1]["start"].as_u64(), selectors[1]["end"].as_u64()),
            (Some(0), Some(36))
        );
        let purposes: Vec<&str> = a["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["purpose"].as_str().unwrap())
            .collect();
        assert_eq!(
            purposes,
            [
                "tagging",
                "commenting",
                "describing",
                "classifying",
                "linking",
                "linking"
            ]
        );
        assert_eq!(a["body"][0]["value"], "verified");
        for body in a["body"].as_array().unwrap() {
            let t = body["type"].as_str().unwrap();
            assert!(t == "TextualBody" || t == "SpecificResource", "{t}");
            let has = |k: &str| body.get(k).is_some_and(|v| v.is_string());
            assert!(if t == "TextualBody" {
                has("value")
            } else {
                has("source")
            });
        }
        assert_eq!(v["claimcheck:articles"][0]["text"], article.text);
    }

    #[test]
    fn a_label_travels_as_a_second_tagging_body_and_reads_back() {
        let (article, mut claims) = sample();
        claims[0].label = Some("needs context".into());
        let v: Value = serde_json::from_str(&to_w3c(&article, &claims)).unwrap();
        let tags: Vec<&Value> = v["first"]["items"][0]["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .map(|b| &b["value"])
            .collect();
        assert_eq!(tags, [&json!("verified"), &json!("needs context")]);
        let parsed = parse_w3c(&v, "2026-01-01T00:00:00Z").unwrap();
        let Part::Annotations(set) = &parsed.parts[0] else {
            panic!("annotations")
        };
        let back = &set.claims[0];
        assert_eq!(
            (back.status, back.label.as_deref()),
            (Status::Verified, Some("needs context"))
        );
        // Without a label there is one tag, as before labels.
        claims[0].label = None;
        let v: Value = serde_json::from_str(&to_w3c(&article, &claims)).unwrap();
        let tagging = v["first"]["items"][0]["body"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["purpose"] == "tagging")
            .count();
        assert_eq!(tagging, 1);
    }

    #[test]
    fn another_tools_tags_give_the_status_a_label_and_a_note() {
        let tag =
            |value: &str| json!({"type": "TextualBody", "purpose": "tagging", "value": value});
        let file = json!({
            "type": "AnnotationPage",
            "items": [{"id": "https://anno.example/7", "type": "Annotation",
                "body": [tag("Verified"), tag("  Opinion "), tag(""), tag("satire")],
                "target": {"source": "https://elsewhere.example/story",
                    "selector": {"type": "TextQuoteSelector", "exact": "rents rose 40%"}}}]
        });
        let parsed = parse_w3c(&file, "2026-01-01T00:00:00Z").unwrap();
        let Part::Annotations(set) = &parsed.parts[0] else {
            panic!("annotations")
        };
        let c = &set.claims[0];
        assert_eq!(c.status, Status::Verified);
        assert_eq!(c.label.as_deref(), Some("Opinion"));
        assert_eq!(
            c.note, "Also tagged: satire",
            "a second tag is kept, not dropped"
        );
    }

    #[test]
    fn a_non_web_evidence_link_is_refused_naming_the_body() {
        let file = |link: &str| {
            json!({
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "type": "AnnotationPage",
                "items": [
                    {"id": "https://anno.example/2", "type": "Annotation",
                     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Verified"},
                              {"type": "SpecificResource", "purpose": "linking", "source": link}],
                     "target": {"source": "https://elsewhere.example/story",
                        "selector": {"type": "TextQuoteSelector", "exact": "rents rose 40%"}}}
                ]
            })
        };
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:x",
            " \u{1}data:text/html,x",
            "/relative",
        ] {
            assert_eq!(
                parse_w3c(&file(hostile), "2026-01-01T00:00:00Z").unwrap_err().0,
                "The linking body items[0].body[1]: the address must start with http:// or https://.",
                "{hostile:?}"
            );
        }
        let parsed = parse_w3c(
            &file(" https://court.example/filing "),
            "2026-01-01T00:00:00Z",
        )
        .unwrap();
        let Part::Annotations(set) = &parsed.parts[0] else {
            panic!("annotations")
        };
        assert_eq!(
            set.claims[0].evidence[0].url,
            "https://court.example/filing"
        );
        // A body that only looks like text stays a note, not a link.
        let mut note = file("x");
        note["items"][0]["body"][1] = json!("javascript:alert(1)");
        let parsed = parse_w3c(&note, "2026-01-01T00:00:00Z").unwrap();
        let Part::Annotations(set) = &parsed.parts[0] else {
            panic!("annotations")
        };
        assert!(set.claims[0].evidence.is_empty());
        assert_eq!(set.claims[0].note, "javascript:alert(1)");
    }

    #[test]
    fn embedded_articles_with_a_non_web_address_are_refused() {
        let (mut article, claims) = sample();
        article.url = "vbscript:msgbox(1)".into();
        let v: Value = serde_json::from_str(&to_w3c(&article, &claims)).unwrap();
        let e = parse_w3c(&v, "2026-01-01T00:00:00Z").unwrap_err().0;
        assert_eq!(
            e,
            format!("The article's original address ({W3C_ARTICLES}[0].url): the address must start with http:// or https://.")
        );
    }
}
