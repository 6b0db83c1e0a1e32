//! The fields of a file that hold addresses a reader may follow — an article's original address
//! and the links in its text, each claim's evidence — checked by the one rule
//! (`text::links`), each named in the message as a reader sees it and as the file spells it.
//! A file with one bad address is refused whole, like any other bad file.

use crate::core::formats::envelope::FormatError;
use crate::core::model::{Article, Claim};
use crate::core::text::links::{check_link, check_link_or_mail};
use crate::core::text::quotes::{shorten, Cut};

/// `article`'s original address (when it has one) and the links in its text; `at` is where the
/// article is in the file ("article.", "exercise.article.").
pub fn check_article(article: &Article, at: &str) -> Result<(), FormatError> {
    // No address at all is fine: the article then has no "Original" link.
    if !article.url.trim().is_empty() {
        check_link(
            &article.url,
            &format!("The article's original address ({at}url)"),
        )
        .map_err(FormatError)?;
    }
    for (i, link) in article.links.iter().enumerate() {
        check_link_or_mail(
            &link.href,
            &format!("Link {} in the article's text ({at}links[{i}].href)", i + 1),
        )
        .map_err(FormatError)?;
    }
    Ok(())
}

/// Every evidence address of `claims`, the list the file calls `list` ("claims", "orphans",
/// "exercise.claims").
pub fn check_evidence(claims: &[Claim], list: &str) -> Result<(), FormatError> {
    let kind = if list.ends_with("orphans") {
        "orphaned claim"
    } else {
        "claim"
    };
    for (i, claim) in claims.iter().enumerate() {
        for (j, evidence) in claim.evidence.iter().enumerate() {
            let field = format!(
                "Evidence {} of {kind} “{}” ({list}[{i}].evidence[{j}].url)",
                j + 1,
                shorten(&claim.quote.exact, Cut::Words(6))
            );
            check_link(&evidence.url, &field).map_err(FormatError)?;
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::model::{Evidence, Link};
    use crate::core::test_claims::claim_at;

    #[test]
    fn the_message_names_the_claim_and_the_field() {
        let text = "The port paid twice for the same cranes, records show.";
        let mut claims = vec![claim_at(text, "c1", 0, 54)];
        claims[0].evidence = vec![
            Evidence {
                url: "https://records.example/1".into(),
                ..Evidence::default()
            },
            Evidence {
                url: "JaVaScRiPt:alert(1)".into(),
                ..Evidence::default()
            },
        ];
        assert_eq!(
            check_evidence(&claims, "claims").unwrap_err().0,
            "Evidence 2 of claim “The port paid twice for the…” (claims[0].evidence[1].url): the address must start with http:// or https://."
        );
        assert!(check_evidence(&claims, "orphans")
            .unwrap_err()
            .0
            .starts_with("Evidence 2 of orphaned claim"));
        claims[0].evidence.pop();
        assert_eq!(check_evidence(&claims, "claims"), Ok(()));
    }

    #[test]
    fn an_article_s_address_and_text_links_are_checked() {
        let mut article = Article {
            url: " ".into(),
            links: vec![Link {
                start: 0,
                end: 1,
                href: "mailto:desk@example.org".into(),
            }],
            ..Article::default()
        };
        assert_eq!(check_article(&article, "article."), Ok(()));
        article.url = "data:text/html,x".into();
        assert_eq!(
            check_article(&article, "article.").unwrap_err().0,
            "The article's original address (article.url): the address must start with http:// or https://."
        );
        article.url = "https://news.example/story".into();
        article.links[0].href = "vbscript:x".into();
        assert_eq!(
            check_article(&article, "exercise.article.").unwrap_err().0,
            "Link 1 in the article's text (exercise.article.links[0].href): the address must start with http://, https:// or mailto:."
        );
    }
}
