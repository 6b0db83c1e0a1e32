#![cfg(not(target_arch = "wasm32"))]
//! End to end, the library of articles: several articles each with their own claims, details,
//! renaming and deleting with undo, deep links and the browser's Back, in headless Chromium
//! against the release build (see tests/e2e_claims.rs).

use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::Browser;

const SLEEP_STUDY: &str = "Teenagers who start school later";
const DROUGHT_TITLE: &str =
    "Aid agencies say drought relief is reaching barely half of those in need";

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_library_keeps_articles_apart_renames_and_deletes_with_undo() {
    let b = Browser::open().await;
    b.add_claim_by_key(DENIAL).await;
    b.mark_verified().await;
    second_article_with_details(&b).await;

    // The library lists both, each with its own counts.
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    let entries = b
        .script("return [...document.querySelectorAll('.library-entry')].map(e => e.querySelector('.library-title').textContent + ' | ' + e.querySelector('.library-counts').textContent);", vec![])
        .await;
    assert_eq!(
        entries,
        serde_json::json!([
            format!("{SAMPLE_TITLE} | 1 claim · 1 verified · 0 unverified"),
            "Teenagers who start school later sleep longer and score better, large study findsopen | 2 claims · 0 verified · 2 unverified"
        ])
    );
    assert!(b
        .text(".storage-meter label")
        .await
        .starts_with("Storage used: 0.0"));
    // Open the first; its claims are its own.
    b.click(".library-entry:first-child .library-actions button")
        .await;
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;

    // Rename the other, then delete it, then undo.
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    b.click(".library-entry:nth-child(2) .library-actions button:nth-child(2)")
        .await;
    let title = b.wait_for("#rename-title").await;
    title.clear().await.unwrap();
    title.send_keys("Sleep study").await.unwrap();
    b.press("Save title").await;
    b.wait_text(".library-entry:nth-child(2) .library-title", "Sleep study")
        .await;
    b.click(".library-entry:nth-child(2) .library-actions .danger")
        .await;
    b.press("Delete for good").await;
    b.wait_text(".toast span", "Deleted “Sleep study”.").await;
    assert_eq!(b.count(".library-entry").await, 1);
    b.press("Undo").await;
    b.wait_text(".toast", "“Sleep study” is back in the library.")
        .await;
    // The library, still open, lists it again with its claims.
    b.wait_text(
        ".library-entry:nth-child(2) .library-counts",
        "2 claims · 0 verified · 2 unverified",
    )
    .await;
    b.click(".library-entry:nth-child(2) .library-actions button")
        .await;
    b.wait_text("#article-title", "Sleep study").await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    b.close().await;
}

/// A second sample with two claims of its own, and its details (outlet and address) shown
/// above the article, kept across a reload.
async fn second_article_with_details(b: &Browser) {
    b.open_sample(SLEEP_STUDY).await;
    b.wait_counts("0 claims · 0 verified · 0 unverified").await;
    b.add_claim_by_key("slept about 40 minutes more on school nights")
        .await;
    b.add_claim_by_key("Fewer than one in five U.S. high schools meet that standard")
        .await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    // Details: outlet and address, shown above the article and exported.
    b.press("Article details").await;
    let outlet = b.wait_for("#details-outlet").await;
    outlet.clear().await.unwrap();
    outlet.send_keys("Meridian Health Desk").await.unwrap();
    b.find("#details-url")
        .await
        .send_keys("https://meridian.example/sleep")
        .await
        .unwrap();
    b.press("Save details").await;
    b.wait_text(
        ".byline",
        "Meridian Health Desk · By Priya Natarajan, health correspondent",
    )
    .await;
    b.wait_saved().await;
    b.reload().await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    assert_eq!(
        b.text(".source-url a").await,
        "https://meridian.example/sleep"
    );
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn deep_links_land_on_their_claim_and_back_moves_between_articles() {
    let b = Browser::open().await;
    b.add_claim_by_key("The Northern Gazette reported last week")
        .await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    let claim = b.claims().await[0]["id"].as_str().unwrap().to_string();
    b.open_sample("Aid agencies say drought relief").await;
    b.wait_text("#article-title", DROUGHT_TITLE).await;
    // Back returns to the first article, forward to the second.
    b.client.back().await.unwrap();
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    b.client.forward().await.unwrap();
    b.wait_text("#article-title", DROUGHT_TITLE).await;
    // A deep link, opened fresh, lands on its claim.
    b.wait_saved().await;
    let link = format!(
        "{}#article=sample-harbor-contract&claim={claim}",
        b.url().await
    );
    b.client.goto("about:blank").await.unwrap();
    b.client.goto(&link).await.unwrap();
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    b.wait_text(".editor-quote", "The Northern Gazette reported last week")
        .await;
    b.wait_for("mark.claim.selected.flash").await;
    b.wait_in_view("mark.claim.selected").await;
    b.close().await;
}
