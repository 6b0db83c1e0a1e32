//! schema.org `ClaimReview` (JSON-LD), as fact-checkers publish them: one review per claim,
//! its status the rating, the reader's name (the Publisher setting) its author. Written only;
//! Claimcheck does not read them back. `docs/formats.md` documents the rating scale.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::core::formats::deep_link;
use crate::core::model::{Article, Claim, Document, SourceKind, Status};
use crate::core::text::links::{check_link, is_link};

/// Who publishes the reviews: the **Your name / organisation** setting. ClaimReview needs an
/// author with a name; the app has no accounts, so the reader says who they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
    #[serde(default)]
    pub kind: PublisherKind,
    /// The page where the reviews will be published (optional): each review's `url` is this
    /// address with the claim's own fragment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublisherKind {
    #[default]
    Organization,
    Person,
}

impl PublisherKind {
    /// The schema.org type: "Organization" or "Person".
    pub fn schema_type(self) -> &'static str {
        match self {
            PublisherKind::Organization => "Organization",
            PublisherKind::Person => "Person",
        }
    }
}

impl Publisher {
    /// The setting as the user typed it, trimmed, with its address checked by the one link rule;
    /// or what is wrong with the address.
    pub fn checked(name: &str, kind: PublisherKind, url: &str) -> Result<Publisher, String> {
        let url = match url.trim() {
            "" => String::new(),
            given => check_link(given, "The review page address")?,
        };
        Ok(Publisher {
            name: name.split_whitespace().collect::<Vec<_>>().join(" "),
            kind,
            url,
        })
    }
}

/// The numeric scale of `reviewRating`, as `docs/formats.md` documents it: 1 (false) to 5
/// (true), like most fact-checkers' scales. Claimcheck has no "false" finding: a claim not
/// (yet) confirmed is Unverified, the middle of the scale ("unproven"), not its bottom.
pub const WORST_RATING: u8 = 1;
pub const BEST_RATING: u8 = 5;

pub fn rating_value(status: Status) -> u8 {
    match status {
        Status::Verified => 5,
        Status::Unverified => 3,
    }
}

/// The claims as schema.org `ClaimReview`s (a JSON-LD array, one per claim).
pub fn to_claimreview(article: &Article, claims: &[Claim], publisher: &Publisher) -> String {
    serde_json::to_string_pretty(&claim_reviews(article, claims, publisher))
        .expect("JSON values always serialize")
}

/// Every article's claims as `ClaimReview`s, in one array.
pub fn library_to_claimreview(docs: &[Document], publisher: &Publisher) -> String {
    let reviews: Vec<Value> = docs
        .iter()
        .flat_map(|d| claim_reviews(&d.article, &d.claims, publisher))
        .collect();
    serde_json::to_string_pretty(&reviews).expect("JSON values always serialize")
}

/// What an export of `docs` as ClaimReview lacks to be published (a name; a web address for
/// the reviews), in a sentence for the user; `None` when nothing does.
pub fn missing_for_publishing(publisher: &Publisher, docs: &[&Document]) -> Option<String> {
    let no_name = publisher.name.is_empty();
    let no_address = publisher.url.is_empty()
        && docs
            .iter()
            .any(|d| !d.claims.is_empty() && !is_link(&d.article.url));
    let what = match (no_name, no_address) {
        (false, false) => return None,
        (true, false) => "your name or organisation",
        (false, true) => "a web address for each review",
        (true, true) => "your name or organisation and a web address for each review",
    };
    Some(format!(
        "To publish ClaimReview, it needs {what}: fill in “Publishing as” in the Export menu{}.",
        if no_address {
            " (the review page), or give the article's original address in Article details"
        } else {
            ""
        }
    ))
}

/// The article where the claim was made, as a schema.org `CreativeWork`; `None` when its
/// original address is not known (a pasted text has none).
fn appearance(article: &Article) -> Option<Value> {
    if !is_link(&article.url) {
        return None;
    }
    let mut work = json!({"@type": "CreativeWork", "url": article.url, "headline": article.title});
    if let Some(name) = byline_name(&article.byline) {
        work["author"] = json!({"@type": "Person", "name": name});
    }
    if !article.outlet.trim().is_empty() {
        work["publisher"] = json!({"@type": "Organization", "name": article.outlet.trim()});
    }
    if let Some(date) = iso_date(&article.date) {
        work["datePublished"] = date.into();
    }
    Some(work)
}

/// The writer's name in a byline: "By Priya Natarajan, health correspondent" names
/// "Priya Natarajan".
fn byline_name(byline: &str) -> Option<&str> {
    let line = byline.trim();
    let line = ["By ", "by ", "BY "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
        .unwrap_or(line);
    let name = line.split(',').next().unwrap_or(line).trim();
    (!name.is_empty()).then_some(name)
}

/// `YYYY-MM-DD` from the start of `date`, when it starts with one.
fn iso_date(date: &str) -> Option<&str> {
    let day = date.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

/// The review's own address: the publisher's review page, else the article's original address,
/// with the claim's fragment; none when neither is known (a `urn:` cannot be published).
fn review_url(article: &Article, claim: &Claim, publisher: &Publisher) -> Option<String> {
    let page = if publisher.url.is_empty() {
        is_link(&article.url).then_some(article.url.as_str())?
    } else {
        publisher.url.as_str()
    };
    let page = page.split('#').next().unwrap_or(page);
    Some(format!(
        "{page}{}",
        deep_link::format(&article.id, Some(&claim.id))
    ))
}

fn claim_reviews(article: &Article, claims: &[Claim], publisher: &Publisher) -> Vec<Value> {
    claims
        .iter()
        .map(|c| {
            let mut item = json!({"@type": "Claim"});
            if !c.source.is_empty() {
                let author_type = match c.source_kind {
                    Some(SourceKind::Person) => "Person",
                    _ => "Organization",
                };
                item["author"] = json!({"@type": author_type, "name": c.source});
            }
            if let Some(work) = appearance(article) {
                item["appearance"] = work;
            }
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": c.quote.exact,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rating_value(c.status),
                    "bestRating": BEST_RATING,
                    "worstRating": WORST_RATING,
                    "alternateName": c.status.label(),
                },
                "datePublished": c.modified.get(..10).unwrap_or(&c.modified),
            });
            if !publisher.name.is_empty() {
                review["author"] =
                    json!({"@type": publisher.kind.schema_type(), "name": publisher.name});
            }
            if let Some(url) = review_url(article, c, publisher) {
                review["url"] = url.into();
            }
            review
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::test_documents::{sample, sample_doc};

    fn newsroom() -> Publisher {
        Publisher::checked("  Port  Desk ", PublisherKind::Organization, "").unwrap()
    }

    #[test]
    fn claimreview_names_claim_author_rating_and_places() {
        let (mut article, claims) = sample();
        article.outlet = "The Harbour Times".into();
        article.byline = "By A. Writer, port reporter".into();
        article.date = "2026-11-01T08:00:00Z".into();
        let v: Value =
            serde_json::from_str(&to_claimreview(&article, &claims, &newsroom())).unwrap();
        let r = &v[0];
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], claims[0].quote.exact);
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(
            r["itemReviewed"]["author"],
            json!({"@type": "Organization", "name": "+Ministry of Transport"})
        );
        assert_eq!(
            r["itemReviewed"]["appearance"],
            json!({"@type": "CreativeWork", "url": "https://news.example/story",
                "headline": "Ministry, \"quoted\"",
                "author": {"@type": "Person", "name": "A. Writer"},
                "publisher": {"@type": "Organization", "name": "The Harbour Times"},
                "datePublished": "2026-11-01"})
        );
        assert_eq!(
            r["reviewRating"],
            json!({"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
                "alternateName": "Verified"})
        );
        assert_eq!(
            r["author"],
            json!({"@type": "Organization", "name": "Port Desk"})
        );
        assert_eq!(r["datePublished"], "2026-11-02");
        assert_eq!(r["url"], "https://news.example/story#article=a-1&claim=c-1");
    }

    #[test]
    fn the_review_page_names_each_review_and_unverified_is_the_middle_of_the_scale() {
        let doc = sample_doc();
        let me = Publisher::checked(
            "Ana Ruiz",
            PublisherKind::Person,
            " https://checks.example/port#top ",
        )
        .unwrap();
        let v: Value =
            serde_json::from_str(&library_to_claimreview(std::slice::from_ref(&doc), &me)).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 3);
        assert_eq!(
            v[0]["author"],
            json!({"@type": "Person", "name": "Ana Ruiz"})
        );
        assert_eq!(
            v[0]["url"],
            "https://checks.example/port#article=a-1&claim=c0"
        );
        assert_eq!(v[2]["reviewRating"]["ratingValue"], 3);
        assert_eq!(v[2]["reviewRating"]["alternateName"], "Unverified");
        assert!(
            v[0]["itemReviewed"].get("appearance").is_none(),
            "no original address, no appearance"
        );
        assert_eq!(missing_for_publishing(&me, &[&doc]), None);
    }

    #[test]
    fn without_a_name_or_an_address_the_export_still_works_and_says_what_is_missing() {
        let doc = sample_doc();
        let v: Value = serde_json::from_str(&to_claimreview(
            &doc.article,
            &doc.claims,
            &Publisher::default(),
        ))
        .unwrap();
        assert!(v[0].get("author").is_none(), "no made-up author");
        assert!(v[0].get("url").is_none(), "no unpublishable urn: address");
        let told = missing_for_publishing(&Publisher::default(), &[&doc]).unwrap();
        assert!(
            told.contains("your name or organisation and a web address"),
            "{told}"
        );
        let (article, claims) = sample();
        let with_address = Document::new(article, claims, vec![]);
        let told = missing_for_publishing(&Publisher::default(), &[&with_address]).unwrap();
        assert_eq!(
            told,
            "To publish ClaimReview, it needs your name or organisation: fill in “Publishing as” in the Export menu."
        );
        assert_eq!(missing_for_publishing(&newsroom(), &[&with_address]), None);
        let e =
            Publisher::checked("Ana", PublisherKind::Person, "javascript:alert(1)").unwrap_err();
        assert!(e.starts_with("The review page address"), "{e}");
    }
}
