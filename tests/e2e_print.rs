#![cfg(not(target_arch = "wasm32"))]
//! End to end, printing the page in Reader (Ctrl+P): the article with its highlights and, after
//! it, the claims numbered as in the article, with status, source, note and evidence written
//! out; none of the app's controls.

use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::Browser;

const EMAILS: &str = "The Ledger has not independently verified those emails.";
const EVIDENCE: &str = "https://records.example/reyl-statement";

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn reader_prints_the_article_and_its_numbered_claims_without_the_app() {
    let b = Browser::open().await;
    b.add_claim(EMAILS).await;
    b.add_claim(DENIAL).await;
    b.mark_verified().await;
    b.set_source("Tomas Reyl").await;
    b.write_note("Denied in a statement").await;
    b.add_evidence(EVIDENCE).await;
    b.wait_saved().await;

    let text = flat(&pdf_extract::extract_text_from_mem(&b.print_pdf().await).unwrap());
    println!("printed: {text}");
    // The article, then its claims in reading order: DENIAL (¶3) comes before EMAILS.
    let title = text
        .find(&flat(SAMPLE_TITLE))
        .expect("the title is printed");
    let body = text
        .find("denied any wrongdoing")
        .expect("the article is printed");
    // (The PDF's text splits some words at kerning, so the list is found by its first entry.)
    let list = text
        .find(&format!("1. “{DENIAL}”"))
        .unwrap_or_else(|| panic!("claim 1, the denial, is listed: {text}"));
    assert!(title < body && body < list, "{text}");
    let claims = &text[list..];
    assert!(
        claims.contains(&format!("2. “{EMAILS}”")),
        "claim 2, the emails: {claims}"
    );
    for expected in [
        "Status: ✓ Verified",
        "Source: Tomas Reyl",
        "Note: Denied in a statement",
        EVIDENCE,
        "Status: ? Unverified",
    ] {
        assert!(
            claims.contains(expected),
            "the list lacks {expected:?}: {claims}"
        );
    }
    // Not the app's controls.
    for absent in [
        "Paste article",
        "Copy JSON",
        "Open file",
        "Skip to the article",
        "Article details",
        "Add claim",
        "Claims ·",
        "Arrow keys move",
    ] {
        assert!(!text.contains(absent), "the print shows {absent:?}: {text}");
    }
    // The numbers in the article are the list's: on each claim's last highlight.
    let numbers = b
        .script(
            "return [...document.querySelectorAll('mark[data-print-n]')].map(m => [m.getAttribute('data-print-n'), m.textContent]);",
            vec![],
        )
        .await;
    let numbers: Vec<(String, String)> = serde_json::from_value(numbers).unwrap();
    assert_eq!(numbers.len(), 2, "{numbers:?}");
    assert_eq!(numbers[0].0, "1");
    assert!(DENIAL.ends_with(numbers[0].1.trim()), "{numbers:?}");
    assert_eq!(numbers[1].0, "2");
    assert!(EMAILS.ends_with(numbers[1].1.trim()), "{numbers:?}");
    b.close().await;
}
