#![cfg(not(target_arch = "wasm32"))]
//! End to end, the same article open in two tabs of one browser profile (same origin, so one
//! localStorage): each tab's saves merge with the other's instead of overwriting them, and an
//! article deleted in one tab is not saved back by the other. Headless Chromium against the
//! release build (see tests/e2e_claims.rs).

use claimcheck::core::intake::samples;
use claimcheck::core::library::store::{article_key, INDEX_KEY};
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
    let sleep = samples::all()[3].clone();
    let b = Browser::open().await;
    let a = b.tab().await;
    b.open_sample("Teenagers who start school later").await;
    b.add_claim("The effect on sleep showed up within the first semester")
        .await;
    b.wait_saved().await;
    let other = b.open_tab().await;
    b.wait_text("#article-title", &sleep.title).await;
    // The first tab goes back to the harbor story and deletes the sleep study.
    b.switch_to(&a).await;
    b.open_sample("Port authority").await;
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    let at = b
        .script(
            "return [...document.querySelectorAll('.library-entry .library-title')]
                .findIndex(t => t.textContent.startsWith('Teenagers')) + 1;",
            vec![],
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
    let key = article_key(&sleep.id);
    let stored = b
        .script(
            "return [localStorage.getItem(arguments[0]), localStorage.getItem(arguments[1])];",
            vec![key.clone().into(), INDEX_KEY.into()],
        )
        .await;
    assert_eq!(stored[0], Value::Null, "the article was saved back");
    assert!(
        !stored[1].as_str().unwrap().contains(&sleep.id),
        "{}",
        stored[1]
    );
    // Reloading both: it is in neither, nor in the library.
    for tab in [&other, &a] {
        b.switch_to(tab).await;
        b.reload().await;
        assert!(!b.text("#article-title").await.starts_with("Teenagers"));
        let stored = b
            .script(
                "return localStorage.getItem(arguments[0]);",
                vec![key.clone().into()],
            )
            .await;
        assert_eq!(stored, Value::Null);
    }
    b.close().await;
}
