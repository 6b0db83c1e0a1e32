//! schema.org `ClaimReview` (JSON-LD), as fact-checkers publish them: one review per claim,
//! its status the rating. Written only; Claimcheck does not read them back.

use serde_json::{json, Value};

use crate::core::formats::deep_link;
use crate::core::formats::w3c::article_iri;
use crate::core::model::{Article, Claim, Document, SourceKind};

/// The claims as schema.org `ClaimReview`s (a JSON-LD array, one per claim).
pub fn to_claimreview(article: &Article, claims: &[Claim], reviewer: &str) -> String {
    serde_json::to_string_pretty(&claim_reviews(article, claims, reviewer))
        .expect("JSON values always serialize")
}

/// Every article's claims as `ClaimReview`s, in one array.
pub fn library_to_claimreview(docs: &[Document], reviewer: &str) -> String {
    let reviews: Vec<Value> = docs
        .iter()
        .flat_map(|d| claim_reviews(&d.article, &d.claims, reviewer))
        .collect();
    serde_json::to_string_pretty(&reviews).expect("JSON values always serialize")
}

fn claim_reviews(article: &Article, claims: &[Claim], reviewer: &str) -> Vec<Value> {
    claims
        .iter()
        .map(|c| {
            let author_type = match c.source_kind {
                Some(SourceKind::Person) => "Person",
                _ => "Organization",
            };
            let mut item = json!({
                "@type": "Claim",
                "appearance": {
                    "@type": "CreativeWork",
                    "headline": article.title,
                    "url": article_iri(article),
                },
            });
            if !c.source.is_empty() {
                item["author"] = json!({"@type": author_type, "name": c.source});
            }
            json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": c.quote.exact,
                "itemReviewed": item,
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": c.status.label(),
                },
                "author": {"@type": "Person", "name": reviewer},
                "datePublished": c.modified.get(..10).unwrap_or(&c.modified),
                "url": format!("{}{}", article_iri(article), deep_link::format(&article.id, Some(&c.id))),
            })
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::formats::test_documents::sample;

    #[test]
    fn claimreview_names_claim_author_rating_and_places() {
        let (article, claims) = sample();
        let v: Value =
            serde_json::from_str(&to_claimreview(&article, &claims, "A. Student")).unwrap();
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
            r["itemReviewed"]["appearance"]["url"],
            "https://news.example/story"
        );
        assert_eq!(r["reviewRating"]["alternateName"], "Verified");
        assert_eq!(r["author"]["name"], "A. Student");
        assert_eq!(r["datePublished"], "2026-11-02");
        assert_eq!(r["url"], "https://news.example/story#article=a-1&claim=c-1");
    }
}
