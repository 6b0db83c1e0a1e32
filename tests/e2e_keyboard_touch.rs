#![cfg(not(target_arch = "wasm32"))]
//! End to end, without a mouse: a whole session with the keyboard alone, and one on a phone's
//! touch screen, in headless Chromium against the release build (see tests/e2e_claims.rs).

use claimcheck::core::formats::native;
use claimcheck::core::model::{SourceKind, Status};
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::SAMPLE_TITLE;
use claimcheck_e2e_support::keys::{ARROW_DOWN, ARROW_RIGHT, ENTER, TAB};
use claimcheck_e2e_support::Browser;

const FIRST_SENTENCE: &str = "The head of the Bellmouth Port Authority signed off on a $48 million dredging contract last spring for a company partly owned by his brother, according to procurement records obtained by The Coastal Ledger through a public-records request.";

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_whole_session_with_the_keyboard_alone() {
    let b = Browser::open().await;
    // Every pointer event the page sees is counted: there must be none.
    b.script(
        "window.__pointer = 0;
         for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart'])
           document.addEventListener(t, () => window.__pointer++, true);",
        vec![],
    )
    .await;
    mark_two_sentences_with_keys(&b).await;
    evidence_kind_filter_and_undo_by_keyboard(&b).await;
    // Export from the menu, opened with Enter.
    b.find(".export-menu summary")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    b.button("Export JSON")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    let json = b
        .downloaded(&format!("{}.claims.json", slug(SAMPLE_TITLE)))
        .await;
    let doc = native::parse(&json).unwrap();
    assert_eq!(doc.claims.len(), 2);
    let c = &doc.claims[0];
    assert_eq!(c.quote.exact, FIRST_SENTENCE);
    assert_eq!(c.status, Status::Verified);
    assert_eq!(c.source_kind, Some(SourceKind::Document));
    assert_eq!(c.evidence[0].url, "https://records.example/contract-148");
    assert_eq!(c.evidence[0].shows, "the contract award");
    // ? shows the shortcuts.
    b.find("#article-body").await.send_keys("?").await.unwrap();
    b.wait_for(".shortcuts-dialog[open]").await;
    assert_eq!(b.script("return window.__pointer;", vec![]).await, 0);
    b.close().await;
}

/// From the skip link into the article; sentences selected, added and verified with keys.
async fn mark_two_sentences_with_keys(b: &Browser) {
    // Tab to "Skip to the article", Enter: the caret is in the article.
    b.press_key(TAB).await;
    b.press_key(ENTER).await;
    // Shift + arrows extend a selection word by word.
    b.press_shifted(ARROW_RIGHT).await;
    b.press_shifted(ARROW_RIGHT).await;
    assert_eq!(b.selected_text().await.trim(), "The head");
    // S selects the sentence at the caret; A makes it a claim; V verifies it.
    b.press_key("s").await;
    assert_eq!(b.selected_text().await, FIRST_SENTENCE);
    b.press_key("a").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.press_key("v").await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;
    assert_eq!(
        b.text(".claim-editor .no-evidence").await,
        "Verified — no evidence given"
    );
    // Down moves by sentence; S selects the one just passed; A adds it.
    b.find("#article-body")
        .await
        .send_keys(ARROW_DOWN)
        .await
        .unwrap();
    b.press_key(ARROW_DOWN).await;
    b.press_key("s").await;
    assert_eq!(
        b.selected_text().await,
        "The records show that Halvorsen Marine, a firm registered in 2024, won the contract despite submitting the second-highest of four bids."
    );
    b.press_key("a").await;
    b.wait_counts("2 claims · 1 verified · 1 unverified").await;
    // P and N move between claims.
    b.press_key("p").await;
    b.wait_text(".editor-quote", FIRST_SENTENCE).await;
}

/// Evidence and the source kind typed into their fields, a status filter, and undo and redo
/// of the kind with the keys.
async fn evidence_kind_filter_and_undo_by_keyboard(b: &Browser) {
    let type_into = async |css: &str, text: &str| {
        b.find(css).await.send_keys(text).await.unwrap();
    };
    // Evidence and the source kind, typed into their fields.
    type_into("#evidence-url", "https://records.example/contract-148").await;
    type_into("#evidence-title", "Procurement register").await;
    type_into("#evidence-shows", &format!("the contract award{ENTER}")).await;
    b.wait_text(".evidence a", "Procurement register").await;
    assert_eq!(b.attr(".evidence a", "rel").await, "noopener noreferrer");
    assert_eq!(b.attr(".evidence a", "target").await, "_blank");
    assert!(!b.exists(".claim-editor .no-evidence").await);
    assert_eq!(b.text(".evidence .stance").await, "supports");
    type_into("select[id^='kind-']", "Doc").await;
    b.wait_text(".claim-item.selected .claim-source", "Source: (document)")
        .await;
    // Filter to verified claims: the counts follow.
    type_into("#filter-status", "Ver").await;
    b.wait_counts("Showing 1 of 2 claims · 1 verified · 0 unverified")
        .await;
    // Undo the source kind, redo it.
    b.press_ctrl('z', false).await;
    b.wait_gone(".claim-item.selected .claim-source").await;
    b.press_ctrl('z', true).await;
    b.wait_text(".claim-item.selected .claim-source", "Source: (document)")
        .await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_phone_session_with_touch() {
    let b = Browser::open_phone().await;
    assert_eq!(b.script("return innerWidth;", vec![]).await, 390);
    // The panel is a bottom sheet.
    assert_eq!(
        b.script(
            "return getComputedStyle(document.querySelector('.panel')).position;",
            vec![]
        )
        .await,
        "fixed"
    );
    // A long press on a word selects it, and the toolbar sits below the selection, clear of
    // the phone's own menu above it.
    let at = b.phrase_start("Reyl denied any wrongdoing").await;
    b.touch(at, 1200).await;
    let toolbar = b.wait_for(".selection-toolbar").await;
    let selected = b.selected_text().await;
    assert!(
        !selected.trim().is_empty(),
        "the long press selected nothing"
    );
    let (_, toolbar_y, _, _) = toolbar.rectangle().await.unwrap();
    let selection_bottom = b
        .script(
            "return getSelection().getRangeAt(0).getBoundingClientRect().bottom;",
            vec![],
        )
        .await;
    assert!(
        toolbar_y >= selection_bottom.as_f64().unwrap(),
        "toolbar above the selection"
    );
    b.tap(&b.button("Add claim").await).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.tap(&b.button("Verified").await).await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;
    let claims = b.claims().await;
    assert_eq!(claims[0]["status"], "verified");
    assert_eq!(claims[0]["quote"]["exact"], selected.trim());
    b.close().await;
}
