#![cfg(not(target_arch = "wasm32"))]
//! End to end, the same article open in two tabs of one browser profile (same origin, so one
//! localStorage): each tab's saves merge with the other's instead of overwriting them, and an
//! article deleted in one tab is not saved back by the other. Headless Chromium against the
//! release build (see tests/e2e_claims.rs).

use claimcheck_e2e_support::app::DENIAL;
use claimcheck_e2e_support::Browser;
use serde_json::Value;

const MINISTRY: &str = "the ministry said in a statement";

fn field(claims: &Value, i: usize, name: &str) -> String {
    claims[i][name].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn claims_added_in_two_tabs_both_survive_reloading_both() {
    let b = Browser::open().await;
    let a = b.tab().await;
    let other = b.open_tab().await;
    b.switch_to(&a).await;
    b.add_claim(DENIAL).await;
    b.wait_saved().await;
    b.switch_to(&other).await;
    b.add_claim(MINISTRY).await;
    b.wait_saved().await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    for tab in [&other, &a] {
        b.switch_to(tab).await;
        b.reload().await;
        b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_note_in_one_tab_and_a_source_in_the_other_are_both_kept() {
    let b = Browser::open().await;
    let a = b.tab().await;
    b.add_claim(DENIAL).await;
    b.wait_saved().await;
    // The other tab opens where the first left off: on the claim, selected.
    let other = b.open_tab().await;
    b.wait_for(".claim-editor").await;
    b.switch_to(&a).await;
    b.write_note("Checked with the port's minutes").await;
    b.wait_saved().await;
    b.switch_to(&other).await;
    // The note from the first tab shows here without a reload.
    b.wait_value("Note", "Checked with the port's minutes")
        .await;
    b.set_source("Tomas Reyl").await;
    b.wait_saved().await;
    for tab in [&other, &a] {
        b.switch_to(tab).await;
        b.reload().await;
        let claims = b.claims().await;
        assert_eq!(
            (field(&claims, 0, "note"), field(&claims, 0, "source")),
            (
                "Checked with the port's minutes".to_string(),
                "Tomas Reyl".to_string()
            ),
            "{claims}"
        );
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn an_article_deleted_in_one_tab_is_not_brought_back_by_the_other() {
    // A pasted article: unlike a bundled sample, nothing but the library can open it again.
    let b = Browser::open().await;
    let a = b.tab().await;
    b.paste_article(&format!(
        "{TIDES}\n\n{TIDE_CLAIM}, the harbour office said."
    ))
    .await;
    b.wait_text("#article-title", TIDES).await;
    b.add_claim(TIDE_CLAIM).await;
    b.wait_saved().await;
    let other = b.open_tab().await;
    b.wait_text("#article-title", TIDES).await;
    // The first tab goes back to the harbor story and deletes the pasted one.
    b.switch_to(&a).await;
    b.open_sample("Port authority").await;
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    let at = b
        .script(
            "return [...document.querySelectorAll('.library-entry .library-title')]
                .findIndex(t => t.textContent.startsWith(arguments[0])) + 1;",
            vec![TIDES.into()],
        )
        .await;
    b.click(&format!(
        ".library-entry:nth-child({at}) .library-actions .danger"
    ))
    .await;
    b.press("Delete for good").await;
    b.wait_text_containing(".toast span", "Deleted").await;
    // The other tab is told at once, keeps working, and its save does not bring it back.
    b.switch_to(&other).await;
    let told = b
        .wait_text_containing(".banner-error", "deleted in another tab")
        .await;
    assert!(told.contains("Export JSON"), "{told}");
    b.write_note("Written after the delete").await;
    b.hide_page().await;
    assert!(b.export_json().await.contains("Written after the delete"));
    assert_eq!(stored_tides(&b).await, 0, "the article was saved back");
    // Reloading both: it is in neither, nor in storage.
    for tab in [&other, &a] {
        b.switch_to(tab).await;
        b.reload().await;
        assert_ne!(b.text("#article-title").await, TIDES);
        assert_eq!(stored_tides(&b).await, 0);
    }
    b.close().await;
}

const TIDES: &str = "Harbour tides report";
const TIDE_CLAIM: &str = "The tide rose four metres on Tuesday";

/// How many stored values (articles or the index) name the pasted article.
async fn stored_tides(b: &Browser) -> u64 {
    b.script(
        "return Object.keys(localStorage)
            .filter(k => k.startsWith('claimcheck:article:') || k === 'claimcheck:index')
            .filter(k => localStorage.getItem(k).includes(arguments[0])).length;",
        vec![TIDES.into()],
    )
    .await
    .as_u64()
    .unwrap()
}
