#![cfg(not(target_arch = "wasm32"))]
//! End to end, the browser's storage going wrong: full, or holding data the app cannot read, in
//! headless Chromium against the release build (see tests/e2e_claims.rs).

use claimcheck::core::formats::native;
use claimcheck::core::model::Status;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::SAMPLE_TITLE;
use claimcheck_e2e_support::Browser;

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_full_storage_warns_and_keeps_the_work_exportable() {
    let b = Browser::open().await;
    // Another page of the same site has used up the storage quota.
    let filled = b
        .script(
            "let i = 0, size = 1024 * 1024, error = null;
             while (size >= 1) {
               try { localStorage.setItem('filler:' + i++, 'x'.repeat(size)); }
               catch (e) { error = e.name; size = Math.floor(size / 2); }
             }
             return error;",
            vec![],
        )
        .await;
    assert_eq!(filled, "QuotaExceededError");
    b.add_claim("the ministry said in a statement").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    let alert = b.wait_for(".banner-error[role=alert]").await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("Not saved") && message.contains("Export JSON"),
        "{message}"
    );
    // The warning lasts: further changes keep failing and it stays. (A failed save leaves no
    // trace in storage to wait for: hiding the page makes the app attempt it at once.)
    b.mark_verified().await;
    b.hide_page().await;
    assert!(b.exists(".banner-error").await);
    // The work is still all there to export.
    let json = b
        .export_download(
            "Export JSON",
            &format!("{}.claims.json", slug(SAMPLE_TITLE)),
        )
        .await;
    let doc = native::parse(&json).unwrap();
    assert_eq!(
        doc.claims[0].quote.exact,
        "the ministry said in a statement"
    );
    assert_eq!(doc.claims[0].status, Status::Verified);
    // The library's storage meter shows the browser's storage nearly full, and says what to do.
    b.press("Library").await;
    let meter = b.wait_for(".storage-meter").await.text().await.unwrap();
    assert!(
        meter.contains("(100%)") || meter.contains("(99%)"),
        "{meter}"
    );
    assert!(meter.contains("Storage is nearly full. Export"), "{meter}");
    b.press("Close").await;
    // Once there is room again, the next change saves and the warning goes.
    b.script(
        "Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k));",
        vec![],
    )
    .await;
    b.mark_unverified().await;
    b.wait_gone(".banner-error").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn unreadable_stored_data_is_kept_and_reported() {
    let b = Browser::open().await;
    b.script(
        "localStorage.setItem('claimcheck:index', '{broken');",
        vec![],
    )
    .await;
    b.reload().await;
    let warning = b.wait_for(".banner-warning").await.text().await.unwrap();
    assert!(warning.contains("could not be read"), "{warning}");
    assert!(b.exists_button("Download kept data").await);
    // The app still works, and the unreadable value is kept, unchanged, beside it.
    b.add_claim_by_key("Reyl denied any wrongdoing").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.wait_saved().await;
    let kept = b
        .script(
            "return localStorage.getItem('claimcheck:unreadable:claimcheck:index');",
            vec![],
        )
        .await;
    assert_eq!(kept, "{broken");
    b.close().await;
}
