#![cfg(not(target_arch = "wasm32"))]
//! End to end, a full storage never loses what is on screen (issue 12, items 2, 3, 4 and 7):
//! importing, switching articles, undoing a delete and exporting the library all work from the
//! work in the tab, and the messages say where that work is; in headless Chromium against the
//! release build (see tests/e2e_claims.rs).

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::formats::native;
use claimcheck::core::model::Document;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{Browser, TempDir};
use serde_json::Value;

const QUOTE: &str = "the ministry said in a statement";
const SLEEP_STUDY: &str = "Teenagers who start school later";

/// A claim saved on the first sample, then storage filled up and a long note typed on the
/// claim, which cannot be saved: the banner says so. Returns the note.
async fn long_note_not_saved(b: &Browser) -> String {
    b.add_claim(QUOTE).await;
    b.wait_saved().await;
    b.fill_storage().await;
    let note = "Checked with the ministry's press office. ".repeat(100);
    b.write_note(&note).await;
    // A failed save leaves nothing in storage to wait for: hiding the page makes it happen now.
    b.hide_page().await;
    let banner = b.wait_for(".banner-error").await.text().await.unwrap();
    assert!(
        banner.contains("Not saved") && banner.contains("Export JSON"),
        "{banner}"
    );
    note
}

/// The note of the first claim of the open article, from `window.claimcheck.claims()`.
async fn first_note(b: &Browser) -> String {
    b.claims().await[0]["note"].as_str().unwrap().to_string()
}

/// `doc` with only a claim on `quote`, under a new id, as another reader's export would have.
fn export_with_claim_on(doc: &Document, quote: &str) -> String {
    let text = &doc.article.text;
    let start = text[..text.find(quote).unwrap()].chars().count();
    let (q, position) = describe(text, start, start + quote.chars().count()).unwrap();
    let mut claim = doc.claims[0].clone();
    claim.id = "from-a-colleague".into();
    claim.quote = q;
    claim.position = position;
    claim.note = String::new();
    native::to_json(&doc.article, &[claim], &[])
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn an_import_while_storage_is_full_keeps_the_note_and_the_warning() {
    let b = Browser::open().await;
    let note = long_note_not_saved(&b).await;
    let doc = native::parse(&b.export_json().await).unwrap();
    let dir = TempDir::new("full-import");
    let file = dir.write("colleague.claims.json", export_with_claim_on(&doc, DENIAL));
    b.import_file(&file).await;
    let told = b.wait_toast("1 added").await;
    assert!(
        told.contains("Not saved: it is kept in this tab until you close it"),
        "{told}"
    );
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    let claims = b.claims().await;
    let notes: Vec<&str> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["note"].as_str().unwrap())
        .collect();
    assert!(notes.contains(&note.as_str()), "the note on screen stays");
    assert!(b.exists(".banner-error").await, "the warning stays");
    // Once there is room again, the next save keeps both, and the warning goes.
    b.free_storage().await;
    b.hide_page().await;
    b.wait_gone(".banner-error").await;
    b.wait_saved().await;
    b.reload().await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    assert!(b
        .claims()
        .await
        .to_string()
        .contains("Checked with the ministry"));
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn switching_away_from_unsaved_work_keeps_it_in_the_tab_and_says_so() {
    let b = Browser::open().await;
    let note = long_note_not_saved(&b).await;
    b.open_sample(SLEEP_STUDY).await;
    let told = b.wait_toast("are not saved").await;
    assert!(
        told.contains(&format!(
            "Your changes to “{SAMPLE_TITLE}” are not saved (your browser's storage for this page is full): they are kept in this tab until you close it."
        )),
        "{told}"
    );
    // The banner follows the article whose work is not saved.
    let banner = b.wait_for(".banner-error").await.text().await.unwrap();
    assert!(
        banner.contains(&format!("your changes to “{SAMPLE_TITLE}” are not saved"))
            && banner.contains("open it again from the Library"),
        "{banner}"
    );
    // Opened again from the Library, it has the note.
    b.press("Library").await;
    b.wait_text_containing(".library-list", SAMPLE_TITLE).await;
    b.click(".library-entry:first-child .library-actions button")
        .await;
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    assert_eq!(first_note(&b).await, note);
    // With room again, it is saved, and survives a reload.
    b.free_storage().await;
    b.hide_page().await;
    b.wait_gone(".banner-error").await;
    b.wait_saved().await;
    b.reload().await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    assert_eq!(first_note(&b).await, note);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn undoing_a_delete_while_storage_is_full_puts_it_back_in_the_tab() {
    let b = Browser::open().await;
    b.add_claim(QUOTE).await;
    b.wait_saved().await;
    b.open_sample(SLEEP_STUDY).await;
    b.wait_stored("claimcheck:index", "\"current\":\"sample-sleep-study\"")
        .await;
    b.press("Library").await;
    b.wait_text_containing(".library-list", SAMPLE_TITLE).await;
    b.click(".library-entry:first-child .library-actions .danger")
        .await;
    b.press("Delete for good").await;
    b.wait_for(".library-undo").await;
    // Another page takes the room the delete made.
    b.fill_storage().await;
    b.click(".library-undo button").await;
    let told = b.wait_toast("is back in the library").await;
    assert!(
        told.contains(&format!(
            "“{SAMPLE_TITLE}” is back in the library, but only in this tab: your browser's storage for this page is full, so it is not saved. Use Export library to keep a copy before you close the tab."
        )),
        "{told}"
    );
    // It is listed, opens with its claim, and is in the library export.
    b.wait_text(
        ".library-entry:nth-child(2) .library-counts",
        "1 claim · 0 verified · 1 unverified",
    )
    .await;
    let banner = b.text(".banner-error").await;
    assert!(banner.contains(SAMPLE_TITLE), "{banner}");
    let library: Value =
        serde_json::from_str(&b.export_as("claimcheck", Some("library")).await).unwrap();
    assert!(library.to_string().contains(QUOTE), "{library}");
    b.click(".library-entry:nth-child(2) .library-actions button")
        .await;
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    // As the message said, it was only in this tab: a reload while storage is full has lost it.
    b.reload().await;
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    assert_eq!(b.count(".library-entry").await, 1);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_library_export_has_the_work_not_saved() {
    let b = Browser::open().await;
    let note = long_note_not_saved(&b).await;
    b.open_sample(SLEEP_STUDY).await;
    b.add_claim("slept about 40 minutes more on school nights")
        .await;
    let library: Value =
        serde_json::from_str(&b.export_as("claimcheck", Some("library")).await).unwrap();
    let docs = library["documents"].as_array().unwrap();
    let claims_of = |title: &str| -> Vec<Value> {
        docs.iter()
            .find(|d| d["article"]["title"].as_str().unwrap().starts_with(title))
            .map(|d| d["claims"].as_array().unwrap().clone())
            .unwrap_or_default()
    };
    let first = claims_of(SAMPLE_TITLE);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0]["note"], note.as_str(), "the work kept in the tab");
    let open = claims_of(SLEEP_STUDY);
    assert_eq!(open.len(), 1, "the open article as on screen");
    b.close().await;
}
