#![cfg(not(target_arch = "wasm32"))]
//! End to end, a long claim list: an article with 600 claims lists every one of them, in
//! reading order, as one list to assistive technology, though the list is drawn in chunks and
//! the chunks below the first two only in the frames after the article appears; a claim chosen
//! in the article shows, selected, in the list; and Ctrl+P still prints every claim
//! (see tests/e2e_claims.rs for how these tests run).

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::formats::native;
use claimcheck::core::model::Claim;
use claimcheck::core::text::paragraphs::article_from_parts;
use claimcheck_e2e_support::{poll, Browser};
use serde_json::json;

/// Enough for the list to draw most of its chunks after the first paint (more than ten).
const CLAIMS: usize = 600;
const TITLE: &str = "A long list";
const AT: &str = "2026-01-01T00:00:00Z";

/// An article of `CLAIMS` attributed sentences, three to a paragraph, and each sentence's range.
fn article() -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    for n in 0..CLAIMS {
        if n > 0 {
            text.push_str(if n % 3 == 0 { "\n\n" } else { " " });
        }
        let sentence = format!(
            "Witness {n} said the shipment weighed {} tonnes.",
            n * 7 + 3
        );
        let start = text.chars().count();
        text.push_str(&sentence);
        ranges.push((start, text.chars().count()));
    }
    (text, ranges)
}

/// The article with one claim per sentence, as Export JSON writes it.
fn with_claims(text: &str, ranges: &[(usize, usize)]) -> String {
    let article = article_from_parts(TITLE, text).unwrap();
    let claims: Vec<Claim> = ranges
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| {
            let (quote, position) = describe(&article.text, s, e).unwrap();
            Claim {
                source: format!("Witness {i}"),
                ..Claim::unverified(format!("long-{i}"), quote, position, AT, AT)
            }
        })
        .collect();
    native::to_json(&article, &claims, &[])
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_long_list_shows_every_claim_in_order_and_the_chosen_one() {
    let b = Browser::open().await;
    let (text, ranges) = article();
    b.script(
        "window.claimcheck.loadArticle({ title: arguments[0], text: arguments[1] });",
        vec![TITLE.into(), text.clone().into()],
    )
    .await;
    let report = b.import_json(&with_claims(&text, &ranges)).await;
    assert_eq!(report["ok"], json!(true), "the import failed: {report}");
    // Chosen in the article as soon as it is drawn: its chunk is drawn, whatever is pending.
    b.click(&format!("mark[data-claims~='long-{}']", CLAIMS - 1))
        .await;
    let quote = format!("“Witness {} said the shipment weighed", CLAIMS - 1);
    let shown = b
        .wait_text_containing(".claim-item.selected .claim-quote", &quote)
        .await;
    assert!(shown.starts_with(&quote), "{shown}");
    // Every claim is listed, once, in reading order, as items of one list, in several chunks.
    let listed: Vec<String> = poll(async || {
        let ids = b
            .script(
                "if (document.querySelector('.claim-chunk[data-pending]')) return null;
                 return [...document.querySelectorAll('[role=list] [role=listitem]')].map(i => i.dataset.claim);",
                vec![],
            )
            .await;
        serde_json::from_value::<Option<Vec<String>>>(ids)
            .unwrap()
            .ok_or_else(|| "part of the list is still to be drawn".to_string())
    })
    .await;
    let expected: Vec<String> = (0..CLAIMS).map(|i| format!("long-{i}")).collect();
    assert_eq!(listed, expected);
    assert_eq!(b.count(".claim-list[role=list]").await, 1);
    assert!(
        b.count(".claim-chunk").await > 2,
        "the list is not in chunks"
    );
    b.wait_counts(&format!(
        "{CLAIMS} claims · 0 verified · {CLAIMS} unverified"
    ))
    .await;
    // The printed list is written only for the print, with every claim, numbered.
    assert_eq!(b.count(".print-claim").await, 0, "printed claims on screen");
    let pdf = pdf_extract::extract_text_from_mem(&b.print_pdf().await).unwrap();
    let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    for n in [1, CLAIMS / 2, CLAIMS] {
        let entry = format!("{n}. “Witness {}", n - 1);
        assert!(flat.contains(&entry), "the print lacks {entry:?}");
    }
    b.close().await;
}
