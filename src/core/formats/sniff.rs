//! Reading what Import is given: Claimcheck JSON, a whole-library file, W3C Web Annotations
//! (ours, or another tool's) and Hypothesis exports. The whole file is checked before anything
//! is used; what comes out is one part per article, ready for `import_merge`.

use serde_json::{Map, Value};

use crate::core::formats::export::{article_iri, ARTICLE_URN, CLAIM_URN, W3C_ARTICLES, W3C_STANCE};
use crate::core::formats::native::{
    self, parse_strict_value, Document, FormatError, LIBRARY_FORMAT, LIBRARY_VERSION,
};
use crate::core::model::{
    is_web_url, Article, Claim, Evidence, SourceKind, Stance, Status, TextPosition, TextQuote,
};
use crate::core::text::offsets::char_len;
use crate::core::text::paragraphs::article_id;

/// Which kind of file an import was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Claimcheck,
    Library,
    W3c,
    Hypothesis,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Claimcheck => "Claimcheck JSON",
            Format::Library => "Claimcheck library",
            Format::W3c => "W3C Web Annotation",
            Format::Hypothesis => "Hypothesis export",
        }
    }
}

/// Claims found by their quote (and a position, when the file had one) for an article named by
/// its address. The article itself comes along when the file carries it (our W3C export does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationSet {
    /// The annotated page's address, as the file gives it.
    pub source: String,
    /// The page's title, when the file says.
    pub title: String,
    pub article: Option<Article>,
    /// Positions are a hint only: they are checked against the text when the set is anchored.
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A whole Claimcheck document, every claim on its quote.
    Document(Document),
    Annotations(AnnotationSet),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub format: Format,
    pub parts: Vec<Part>,
    /// Annotations that are not about a passage of text (page notes, replies, other media).
    pub skipped: usize,
}

fn err<T>(msg: impl Into<String>) -> Result<T, FormatError> {
    Err(FormatError(msg.into()))
}

/// Reads an import file. `now` dates claims whose file gives no time.
pub fn parse_import(text: &str, now: &str) -> Result<Parsed, FormatError> {
    let value = native::parse_value(text)?;
    let one = |part| Parsed {
        format: Format::Claimcheck,
        parts: vec![part],
        skipped: 0,
    };
    match &value {
        Value::Object(obj) => match obj.get("format").and_then(Value::as_str) {
            Some(native::FORMAT) => Ok(one(Part::Document(parse_strict_value(value)?))),
            Some(LIBRARY_FORMAT) => parse_library(value),
            Some(other) if other.starts_with("claimcheck-") => err(format!(
                "This is a Claimcheck {} file, not annotations to import. {}",
                &other["claimcheck-".len()..],
                "Students open an exercise with Open file; teachers load keys and submissions in Teacher mode, under Score submissions."
            )),
            _ if is_w3c(obj) => parse_w3c(&value, now),
            _ if obj.contains_key("annotations") || obj.contains_key("rows") => {
                parse_hypothesis(obj, now)
            }
            _ if obj.contains_key("format") => err(
                "This is not a Claimcheck file: \"format\" is not \"claimcheck\" or \"claimcheck-library\".",
            ),
            _ => err(UNKNOWN),
        },
        Value::Array(items) if items.iter().any(|i| i.get("target").is_some()) => {
            parse_w3c(&value, now)
        }
        _ => err(UNKNOWN),
    }
}

const UNKNOWN: &str = "This is not a file Claimcheck imports. Import reads Claimcheck JSON, a Claimcheck library file, W3C Web Annotations and Hypothesis JSON exports.";

fn is_w3c(obj: &Map<String, Value>) -> bool {
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

fn parse_library(value: Value) -> Result<Parsed, FormatError> {
    let Value::Object(mut obj) = value else {
        unreachable!("only objects have a format")
    };
    match obj.get("version").and_then(Value::as_u64) {
        Some(LIBRARY_VERSION) => {}
        Some(v) if v > LIBRARY_VERSION => {
            return err(format!(
                "This library file was made by a newer Claimcheck (library version {v}); this one reads version {LIBRARY_VERSION}."
            ))
        }
        _ => return err("\"version\" is missing or not a supported library version number."),
    }
    let Some(Value::Array(documents)) = obj.remove("documents") else {
        return err("\"documents\" is missing or is not a list.");
    };
    if documents.is_empty() {
        return err("This library file holds no articles.");
    }
    let mut ids = std::collections::HashSet::new();
    let mut parts = Vec::with_capacity(documents.len());
    for (i, doc) in documents.into_iter().enumerate() {
        let doc = parse_strict_value(doc)
            .map_err(|e| FormatError(format!("In documents[{i}]: {}", e.0)))?;
        if !ids.insert(doc.article.id.clone()) {
            return err(format!(
                "documents[{i}].article.id \"{}\" is used twice.",
                doc.article.id
            ));
        }
        parts.push(Part::Document(doc));
    }
    Ok(Parsed {
        format: Format::Library,
        parts,
        skipped: 0,
    })
}

/// One value or a list of them, as JSON-LD allows.
fn each(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
    }
}

fn str_field<'a>(v: &'a Value, key: &str, at: &str) -> Result<Option<&'a str>, FormatError> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => err(format!("{at}.{key} is not a string.")),
    }
}

/// A time the file gives: RFC 3339, as Claimcheck keeps them.
fn time_field<'a>(v: &'a Value, key: &str, at: &str) -> Result<Option<&'a str>, FormatError> {
    match str_field(v, key, at)? {
        Some(t) if !crate::core::model::is_rfc3339(t) => err(format!(
            "{at}.{key} ({t:?}) is not a date and time like 2026-11-29T10:00:00Z."
        )),
        t => Ok(t),
    }
}

fn offset_field(v: &Value, key: &str, at: &str) -> Result<usize, FormatError> {
    match v.get(key) {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(n) if n <= u32::MAX as u64 => Ok(n as usize),
            _ => err(format!(
                "{at}.{key} ({n}) is not a character offset (a whole number from 0)."
            )),
        },
        Some(_) => err(format!("{at}.{key} is not a number.")),
        None => err(format!("{at}.{key} is missing.")),
    }
}

/// The quote and the position hint of a target's selectors; `None` when the target is not a
/// passage of text.
fn text_selectors(
    selector: Option<&Value>,
    at: &str,
) -> Result<Option<(TextQuote, Option<TextPosition>)>, FormatError> {
    let mut quote = None;
    let mut position = None;
    let listed = matches!(selector, Some(Value::Array(_)));
    for (i, s) in each(selector).iter().enumerate() {
        let at = if listed {
            format!("{at}.selector[{i}]")
        } else {
            format!("{at}.selector")
        };
        match s.get("type").and_then(Value::as_str) {
            Some("TextQuoteSelector") => {
                let exact = str_field(s, "exact", &at)?.unwrap_or_default();
                if exact.trim().is_empty() {
                    return err(format!("{at}.exact is empty."));
                }
                quote = Some(TextQuote {
                    exact: exact.to_string(),
                    prefix: str_field(s, "prefix", &at)?.unwrap_or_default().into(),
                    suffix: str_field(s, "suffix", &at)?.unwrap_or_default().into(),
                });
            }
            Some("TextPositionSelector") => {
                let start = offset_field(s, "start", &at)?;
                let end = offset_field(s, "end", &at)?;
                if end <= start {
                    return err(format!("{at}.end ({end}) is not after start ({start})."));
                }
                position = Some(TextPosition { start, end });
            }
            _ => {}
        }
    }
    Ok(quote.map(|q| {
        // A position that cannot hold the quote is no hint at all.
        let position = position.filter(|p: &TextPosition| p.end - p.start == char_len(&q.exact));
        (q, position)
    }))
}

/// Where a claim of unknown place starts out: anchoring searches the whole text for it.
fn placeholder(quote: &TextQuote) -> TextPosition {
    TextPosition {
        start: 0,
        end: char_len(&quote.exact),
    }
}

/// An unverified claim with nothing said about it yet, at `position` if the file gave one.
fn quoted_claim(
    id: String,
    quote: TextQuote,
    position: Option<TextPosition>,
    created: &str,
    modified: &str,
) -> Claim {
    let position = position.unwrap_or_else(|| placeholder(&quote));
    Claim::unverified(id, quote, position, created, modified)
}

fn hashed_id(prefix: &str, key: &str) -> String {
    format!("{prefix}-{}", &article_id("", key)[2..])
}

/// Annotations grouped by the page they are about, in the order the file first names each.
#[derive(Default)]
struct Groups {
    sets: Vec<AnnotationSet>,
    ids: std::collections::HashSet<String>,
}

impl Groups {
    fn add(
        &mut self,
        source: &str,
        title: &str,
        claim: Claim,
        at: &str,
    ) -> Result<(), FormatError> {
        if !self.ids.insert(claim.id.clone()) {
            return err(format!("{at}.id \"{}\" is used twice.", claim.id));
        }
        match self.sets.iter_mut().find(|s| s.source == source) {
            Some(set) => set.claims.push(claim),
            None => self.sets.push(AnnotationSet {
                source: source.to_string(),
                title: title.to_string(),
                article: None,
                claims: vec![claim],
            }),
        }
        Ok(())
    }
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

fn parse_w3c(value: &Value, now: &str) -> Result<Parsed, FormatError> {
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
        groups.add(&source, "", claim, &at)?;
    }
    attach_embedded_articles(value, &mut groups.sets)?;
    if groups.sets.is_empty() {
        return err(if skipped > 0 {
            format!("None of the {skipped} annotations in this file marks a passage of text (a TextQuoteSelector), so there is nothing to import.")
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
        Value::String(s) if is_web_url(s) => ("linking", s.as_str()),
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
    let linking = purpose == "linking" || (purpose.is_empty() && is_web_url(value));
    match purpose {
        "tagging" => match value.trim().to_lowercase().as_str() {
            "verified" => claim.status = Status::Verified,
            "unverified" => claim.status = Status::Unverified,
            _ => {}
        },
        "describing" => claim.source = value.to_string(),
        "classifying" => {
            if let Some(kind) = SourceKind::parse(value.trim()) {
                claim.source_kind = Some(kind);
            }
        }
        _ if linking => {
            // Only web addresses become evidence links a reader might follow.
            if is_web_url(value) {
                let against = body.get(W3C_STANCE).and_then(Value::as_str) == Some("contradicts");
                claim.evidence.push(Evidence {
                    url: value.trim().to_string(),
                    stance: if against {
                        Stance::Contradicts
                    } else {
                        Stance::Supports
                    },
                    ..Evidence::default()
                });
            }
        }
        _ => {
            if !claim.note.is_empty() {
                claim.note.push_str("\n\n");
            }
            claim.note.push_str(value);
        }
    }
    Ok(())
}

/// Our W3C export carries its articles; each set about one of them gets it.
fn attach_embedded_articles(value: &Value, sets: &mut [AnnotationSet]) -> Result<(), FormatError> {
    let Some(embedded) = value.get(W3C_ARTICLES) else {
        return Ok(());
    };
    let articles: Vec<Article> = native::typed(embedded, &format!("{W3C_ARTICLES} does not"))?;
    for (i, a) in articles.iter().enumerate() {
        if a.id.trim().is_empty() {
            return err(format!("{W3C_ARTICLES}[{i}].id is empty."));
        }
    }
    for set in sets {
        if let Some(a) = articles.iter().find(|a| article_iri(a) == set.source) {
            set.title = a.title.clone();
            set.article = Some(a.clone());
        }
    }
    Ok(())
}

fn parse_hypothesis(obj: &Map<String, Value>, now: &str) -> Result<Parsed, FormatError> {
    let (list, items) = match (obj.get("annotations"), obj.get("rows")) {
        (Some(Value::Array(items)), _) => ("annotations", items),
        (None, Some(Value::Array(items))) => ("rows", items),
        _ => return err("\"annotations\" is not a list."),
    };
    let mut groups = Groups::default();
    let mut skipped = 0;
    for (i, a) in items.iter().enumerate() {
        let at = format!("{list}[{i}]");
        if !a.is_object() {
            return err(format!("{at} is not an annotation object."));
        }
        // Replies carry no passage of their own.
        if each(a.get("references")).iter().any(|r| !r.is_null()) {
            skipped += 1;
            continue;
        }
        let mut found = None;
        for (t, target) in each(a.get("target")).iter().enumerate() {
            let t_at = format!("{at}.target[{t}]");
            if !target.is_object() {
                return err(format!("{t_at} is not an object."));
            }
            if let Some(sel) = text_selectors(target.get("selector"), &t_at)? {
                let source = str_field(target, "source", &t_at)?.unwrap_or_default();
                found = Some((source.to_string(), sel));
                break;
            }
        }
        // Page notes have no selector.
        let Some((target_source, (quote, position))) = found else {
            skipped += 1;
            continue;
        };
        let source = str_field(a, "uri", &at)?
            .map(str::to_string)
            .unwrap_or(target_source);
        let id = match str_field(a, "id", &at)? {
            Some(id) if !id.is_empty() => format!("hyp-{id}"),
            _ => return err(format!("{at}.id is missing.")),
        };
        let tags: Vec<String> = each(a.get("tags"))
            .iter()
            .map(|t| t.as_str().map(|s| s.trim().to_lowercase()))
            .collect::<Option<_>>()
            .ok_or_else(|| FormatError(format!("{at}.tags is not a list of words.")))?;
        let status =
            if tags.iter().any(|t| t == "verified") && !tags.iter().any(|t| t == "unverified") {
                Status::Verified
            } else {
                Status::Unverified
            };
        let created = time_field(a, "created", &at)?.unwrap_or(now).to_string();
        let modified = time_field(a, "updated", &at)?
            .unwrap_or(&created)
            .to_string();
        let title = a
            .get("document")
            .and_then(|d| d.get("title"))
            .and_then(|t| each(Some(t)).first().and_then(|t| t.as_str()))
            .unwrap_or("");
        let claim = Claim {
            status,
            note: str_field(a, "text", &at)?.unwrap_or_default().to_string(),
            ..quoted_claim(id, quote, position, &created, &modified)
        };
        groups.add(&source, title, claim, &at)?;
    }
    if groups.sets.is_empty() {
        return err(if skipped > 0 {
            format!("None of the {skipped} annotations in this export marks a passage of text (page notes and replies are not claims), so there is nothing to import.")
        } else {
            "This Hypothesis export holds no annotations.".to_string()
        });
    }
    Ok(Parsed {
        format: Format::Hypothesis,
        parts: groups.sets.into_iter().map(Part::Annotations).collect(),
        skipped,
    })
}

/// How well a library article fits a set of annotations: its address, then how many of their
/// quotes it holds word for word. `None` when neither ties them: not the same address, and fewer
/// than half of the quotes in it.
pub fn affinity(set: &AnnotationSet, article: &Article) -> Option<(bool, usize)> {
    let same_address = !set.source.is_empty()
        && (set.source == article.url
            || set.source.strip_prefix(ARTICLE_URN) == Some(article.id.as_str()));
    let quotes = set
        .claims
        .iter()
        .filter(|c| article.text.contains(&c.quote.exact))
        .count();
    // Without the address, at least half of the quotes must be there word for word: a phrase
    // or two in common ("the minister said") does not make it the same article.
    (same_address || (quotes > 0 && quotes * 2 >= set.claims.len()))
        .then_some((same_address, quotes))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::export::{library_to_w3c, to_w3c};
    use crate::core::formats::native::{library_to_json, to_json, FORMAT, VERSION};
    use crate::core::library::merge::import_all;
    use crate::core::test_claims::claim_on;
    use serde_json::json;

    const TEXT: &str = "Café owners said on Monday that rents rose 40%. The Washington Post reported, citing confidential documents, that the port paid twice. Reyl denied it.";
    const NOW: &str = "2026-11-29T00:00:00.000Z";

    fn article(id: &str, url: &str) -> Article {
        Article {
            id: id.into(),
            title: format!("Story {id}"),
            url: url.into(),
            text: TEXT.into(),
            ..Article::default()
        }
    }

    fn claim(id: &str, quote: &str) -> Claim {
        Claim {
            status: Status::Verified,
            source: "The Washington Post".into(),
            source_kind: Some(SourceKind::Publication),
            note: "Checked against the filing.".into(),
            evidence: vec![Evidence {
                url: "https://court.example/filing".into(),
                ..Evidence::default()
            }],
            created: "2026-11-01T10:00:00.000Z".into(),
            modified: "2026-11-02T10:00:00.000Z".into(),
            ..claim_on(TEXT, id, quote)
        }
    }

    fn doc(article: Article, claims: Vec<Claim>) -> Document {
        Document {
            format: FORMAT.into(),
            version: VERSION,
            article,
            claims,
            orphans: vec![],
        }
    }

    fn import(
        library: &[Document],
        text: &str,
    ) -> Result<crate::core::library::merge::ImportOutcome, String> {
        let parsed = parse_import(text, NOW).map_err(|e| e.0)?;
        import_all(library, parsed).map_err(|e| e.0)
    }

    fn sample_doc() -> Document {
        let mut against = claim("c1", "the port paid twice");
        against.evidence[0].stance = Stance::Contradicts;
        let mut unverified = claim("c2", "Reyl denied it.");
        unverified.status = Status::Unverified;
        unverified.source_kind = None;
        unverified.evidence.clear();
        unverified.note.clear();
        doc(
            article("a-1", ""),
            vec![claim("c0", "rents rose 40%"), against, unverified],
        )
    }

    #[test]
    fn w3c_export_imported_into_an_empty_library_exports_the_same() {
        let d = sample_doc();
        let first = to_w3c(&d.article, &d.claims);
        let outcome = import(&[], &first).unwrap();
        assert_eq!(outcome.format, Format::W3c);
        assert_eq!(outcome.documents.len(), 1);
        let back = &outcome.documents[0];
        assert!(outcome.reports[0].new_article);
        assert_eq!(outcome.reports[0].added, 3);
        assert_eq!(to_w3c(&back.article, &back.claims), first);
        assert_eq!(back.claims[0].source_kind, Some(SourceKind::Publication));
        assert_eq!(back.claims[1].evidence[0].stance, Stance::Contradicts);
        assert_eq!(back.claims[2].status, Status::Unverified);
        // Importing it again changes nothing.
        let again = import(&outcome.documents, &first).unwrap();
        assert_eq!((again.reports[0].added, again.reports[0].unchanged), (0, 3));
        assert_eq!(again.documents, outcome.documents);
    }

    #[test]
    fn library_files_round_trip_and_import_every_article() {
        let a = sample_doc();
        let mut b = doc(
            article("a-2", "https://news.example/b"),
            vec![claim("c9", "Reyl denied it.")],
        );
        b.article.text = TEXT.into();
        let file = library_to_json(&[a.clone(), b.clone()]);
        let outcome = import(&[], &file).unwrap();
        assert_eq!(outcome.format, Format::Library);
        assert_eq!(outcome.documents, vec![a.clone(), b.clone()]);
        assert_eq!(library_to_json(&outcome.documents), file);
        // Into a library that has one of them: one merge, one new article.
        let outcome = import(std::slice::from_ref(&a), &file).unwrap();
        assert_eq!(outcome.reports.len(), 2);
        assert!(!outcome.reports[0].new_article && outcome.reports[1].new_article);
        let w3c = library_to_w3c(&[a, b]);
        let outcome = import(&[], &w3c).unwrap();
        assert_eq!(outcome.documents.len(), 2);
        assert_eq!(library_to_w3c(&outcome.documents), w3c);
    }

    #[test]
    fn another_tool_s_w3c_annotations_find_their_article_by_its_words() {
        let file = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationPage",
            "items": [
                {"id": "https://anno.example/1", "type": "Annotation",
                 "bodyValue": "Is this in the filing?",
                 "target": {"source": "https://elsewhere.example/story",
                    "selector": {"type": "TextQuoteSelector", "exact": "the port paid twice"}}},
                {"id": "https://anno.example/2", "type": "Annotation",
                 "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Verified"},
                          {"type": "SpecificResource", "purpose": "linking", "source": "javascript:alert(1)"}],
                 "target": {"source": "https://elsewhere.example/story",
                    "selector": [{"type": "TextPositionSelector", "start": 9999, "end": 10014},
                                 {"type": "TextQuoteSelector", "exact": "Reyl denied it."}]}},
                {"id": "https://anno.example/3", "type": "Annotation",
                 "target": "https://elsewhere.example/story"}
            ]
        })
        .to_string();
        let library = vec![
            doc(article("other", ""), vec![]).tap_text("Nothing to see here."),
            doc(article("a-1", ""), vec![claim("c1", "rents rose 40%")]),
        ];
        let outcome = import(&library, &file).unwrap();
        assert_eq!(outcome.skipped, 1, "the whole-page annotation");
        let report = &outcome.reports[0];
        assert_eq!(report.article_id, "a-1");
        assert!(report.by_quote);
        let r = report.reanchored.unwrap();
        assert_eq!((r.unchanged + r.moved, r.orphaned), (2, 0));
        let merged = &outcome.documents[0];
        assert_eq!(merged.claims.len(), 3);
        let by_quote = |q: &str| merged.claims.iter().find(|c| c.quote.exact == q).unwrap();
        let first = by_quote("the port paid twice");
        assert_eq!(first.note, "Is this in the filing?");
        assert_eq!(first.status, Status::Unverified);
        assert_eq!(first.created, NOW);
        let second = by_quote("Reyl denied it.");
        assert_eq!(second.status, Status::Verified);
        assert!(second.evidence.is_empty(), "no javascript: links");
        assert!(outcome.summary().contains("found by their words"));
        // The same file again merges by id: nothing new.
        let again = import(&outcome.documents, &file).unwrap();
        assert_eq!(again.reports[0].added, 0);
    }

    trait TapText {
        fn tap_text(self, text: &str) -> Self;
    }

    impl TapText for Document {
        fn tap_text(mut self, text: &str) -> Self {
            self.article.text = text.into();
            self
        }
    }

    #[test]
    fn a_phrase_in_common_does_not_make_it_the_same_article() {
        let annotation = |exact: &str| {
            json!({"type": "Annotation", "target": {"source": "https://other.example/budget",
                "selector": {"type": "TextQuoteSelector", "exact": exact}}})
        };
        let file = json!({"type": "AnnotationPage", "items": [
            annotation("Reyl denied it."),
            annotation("the budget grew by a third"),
            annotation("taxes will not rise"),
        ]})
        .to_string();
        let e = import(&[sample_doc()], &file).unwrap_err();
        assert!(e.contains("https://other.example/budget"), "{e}");
        // Two of three found: that is the article.
        let file = json!({"type": "AnnotationPage", "items": [
            annotation("Reyl denied it."),
            annotation("the port paid twice"),
            annotation("taxes will not rise"),
        ]})
        .to_string();
        let outcome = import(&[sample_doc()], &file).unwrap();
        assert_eq!(outcome.reports[0].reanchored.unwrap().orphaned, 1);
    }

    #[test]
    fn annotations_for_an_article_not_here_are_refused_with_its_address() {
        let file = json!({"type": "Annotation", "id": "x", "target": {
            "source": "https://elsewhere.example/story",
            "selector": {"type": "TextQuoteSelector", "exact": "words found nowhere"}}})
        .to_string();
        let e = import(&[sample_doc()], &file).unwrap_err();
        assert!(e.contains("https://elsewhere.example/story"), "{e}");
        assert!(e.contains("Open that article in Claimcheck first"), "{e}");
    }

    fn hypothesis_export() -> String {
        json!({
            "export_date": "2026-11-20T10:00:00Z",
            "export_userid": "acct:teacher@hypothes.is",
            "client_version": "1.1500.0",
            "annotations": [
                {"id": "AbC1", "created": "2026-11-10T10:00:00Z", "updated": "2026-11-11T10:00:00Z",
                 "uri": "https://news.example/port", "text": "Matches the court filing.",
                 "tags": ["Verified", "port"],
                 "document": {"title": ["Port story"]},
                 "target": [{"source": "https://news.example/port", "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0,
                     "endContainer": "/p[1]", "endOffset": 19},
                    {"type": "TextPositionSelector", "start": 0, "end": 5},
                    {"type": "TextQuoteSelector", "exact": "the port paid twice",
                     "prefix": "documents, that ", "suffix": ". Reyl"}]}]},
                {"id": "AbC2", "created": "2026-11-10T10:00:00Z", "updated": "2026-11-10T10:00:00Z",
                 "uri": "https://news.example/port", "text": "", "tags": ["unverified"],
                 "target": [{"source": "https://news.example/port", "selector": [
                    {"type": "TextQuoteSelector", "exact": "Reyl denied it."}]}]},
                {"id": "AbC3", "uri": "https://news.example/port", "text": "Great read",
                 "tags": [], "target": [{"source": "https://news.example/port"}]},
                {"id": "AbC4", "uri": "https://news.example/port", "text": "Agreed",
                 "references": ["AbC1"], "target": [{"source": "https://news.example/port"}]}
            ]
        })
        .to_string()
    }

    #[test]
    fn hypothesis_tags_become_statuses_and_text_the_note() {
        let mut a = article("a-port", "https://news.example/port");
        a.text = format!("Changed intro. {TEXT}");
        let library = vec![doc(article("decoy", ""), vec![]), doc(a.clone(), vec![])];
        let outcome = import(&library, &hypothesis_export()).unwrap();
        assert_eq!(outcome.format, Format::Hypothesis);
        assert_eq!(outcome.skipped, 2, "a page note and a reply");
        let report = &outcome.reports[0];
        assert_eq!(
            report.article_id, "a-port",
            "the address wins over the decoy's words"
        );
        assert_eq!(report.added, 2);
        let merged = &outcome.documents[0];
        let c = &merged.claims[0];
        assert_eq!(c.id, "hyp-AbC1");
        assert_eq!(c.quote.exact, "the port paid twice");
        assert_eq!(
            crate::core::text::offsets::slice(&a.text, c.position.start, c.position.end),
            Some("the port paid twice"),
            "the wrong position hint was ignored"
        );
        assert_eq!(
            (c.status, c.note.as_str()),
            (Status::Verified, "Matches the court filing.")
        );
        assert_eq!(
            (c.created.as_str(), c.modified.as_str()),
            ("2026-11-10T10:00:00Z", "2026-11-11T10:00:00Z")
        );
        assert_eq!(merged.claims[1].status, Status::Unverified);
    }

    #[test]
    fn bad_files_name_what_is_wrong() {
        let cases: Vec<(Value, &str)> = vec![
            (
                json!({"annotations": "no"}),
                "\"annotations\" is not a list",
            ),
            (
                json!({"annotations": [{"id": "x", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": 5}]}]}]}),
                "annotations[0].target[0].selector[0].exact is not a string",
            ),
            (
                json!({"annotations": [{"id": "x", "tags": [1], "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "Reyl"}]}]}]}),
                "annotations[0].tags is not a list of words",
            ),
            (
                json!({"annotations": [{"target": [{"selector": [{"type": "TextQuoteSelector", "exact": "Reyl"}]}]}]}),
                "annotations[0].id is missing",
            ),
            (
                json!({"annotations": [{"id": "p", "target": [{"source": "s"}]}]}),
                "page notes and replies are not claims",
            ),
            (
                json!({"type": "AnnotationCollection", "first": "https://x.example/page1"}),
                "not in the file",
            ),
            (
                json!({"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", "target": {"selector":
                {"type": "TextPositionSelector", "start": -1, "end": 4}}}]}}),
                "first.items[0].target.selector.start (-1) is not a character offset",
            ),
            (
                json!({"type": "AnnotationPage", "items": [{"type": "Annotation", "target": {"selector":
                [{"type": "TextPositionSelector", "start": 9, "end": 4}]}}]}),
                "items[0].target.selector[0].end (4) is not after start (9)",
            ),
            (
                json!({"type": "AnnotationPage", "items": [
                {"type": "Annotation", "id": "d", "target": {"selector": {"type": "TextQuoteSelector", "exact": "a"}}},
                {"type": "Annotation", "id": "d", "target": {"selector": {"type": "TextQuoteSelector", "exact": "b"}}}]}),
                "items[1].id \"w3c-",
            ),
            (
                json!({"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "  "}}}),
                "The annotation.target.selector.exact is empty",
            ),
            (
                json!({"type": "Annotation"}),
                "The annotation.target is missing",
            ),
            (
                json!({"type": "AnnotationPage", "items": [{"type": "Annotation", "target": {"selector":
                {"type": "TextQuoteSelector", "exact": "Reyl"}}, "body": {"purpose": "commenting", "value": 3}}]}),
                "items[0].body[0].value is not a string",
            ),
            (
                json!({"type": "AnnotationCollection", "first": {"items": []}, "claimcheck:articles": [{"id": 1}]}),
                "claimcheck:articles does not have the expected shape: [0].id invalid type",
            ),
            (
                json!({"format": "claimcheck-library", "version": 2, "documents": []}),
                "newer Claimcheck (library version 2)",
            ),
            (
                json!({"format": "claimcheck-library", "version": 1, "documents": []}),
                "holds no articles",
            ),
            (
                json!({"format": "claimcheck-library", "version": 1, "documents": [{"format": "claimcheck", "version": 2}]}),
                "In documents[0]: The file's contents do not have the expected shape",
            ),
            (
                json!({"format": "claimcheck-exercise", "version": 1}),
                "Claimcheck exercise file",
            ),
            (json!({"format": "something"}), "not a Claimcheck file"),
            (json!({"hello": "world"}), "not a file Claimcheck imports"),
            (json!(42), "not a file Claimcheck imports"),
        ];
        for (value, expected) in cases {
            let e = parse_import(&value.to_string(), NOW).unwrap_err().0;
            assert!(e.contains(expected), "{value}: {e}");
        }
        let d = sample_doc();
        let dup = library_to_json(&[d.clone(), d]);
        assert!(parse_import(&dup, NOW)
            .unwrap_err()
            .0
            .contains("documents[1].article.id \"a-1\" is used twice"));
        let mut w3c: Value =
            serde_json::from_str(&to_w3c(&sample_doc().article, &sample_doc().claims)).unwrap();
        w3c["claimcheck:articles"][0]["text"] = json!(7);
        assert!(parse_import(&w3c.to_string(), NOW)
            .unwrap_err()
            .0
            .contains("claimcheck:articles does not have the expected shape: [0].text"));
        assert!(parse_import(&to_json(&sample_doc().article, &[], &[]), NOW).is_ok());
    }
}
