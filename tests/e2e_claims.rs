#![cfg(not(target_arch = "wasm32"))]
//! End to end, claims: the release build (`trunk build --release`, path in CLAIMCHECK_DIST) in
//! real headless Chromium over WebDriver, used as a person would: real mouse drags to select,
//! clicks on buttons found by their accessible names, key presses, reloads, downloaded files.
//!
//! Run by scripts/test.sh; they are `#[ignore]`d in a plain `cargo test` because they need the
//! release build and ChromeDriver.

use claimcheck::core::formats::native;
use claimcheck::core::model::Status;
use claimcheck::core::text::offsets::slice;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{keys, Browser};

const SAID: &str = "Reyl said in a statement on Monday";
const ACROSS_PARAGRAPHS: &str =
    "Reyl said in a statement on Monday.\n\nThe authority's board minutes";

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn mark_verify_reload_and_export_claims_with_the_mouse() {
    let b = Browser::open().await;
    annotate_with_the_mouse(&b).await;
    reload_then_export_and_copy(&b).await;
    scroll_delete_undo_and_redo(&b).await;
    b.close().await;
}

/// Three claims made with the mouse on the first sample: the denial (verified, with a source,
/// a note and the words naming its source), a passage across a paragraph break, and a passage
/// nested inside the denial.
async fn annotate_with_the_mouse(b: &Browser) {
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);
    assert_eq!(b.counts().await, "0 claims · 0 verified · 0 unverified");

    // A selection outside the article offers nothing.
    b.drag_over_element_text("#article-title").await;
    // Nothing is to appear: give the toolbar the time it would take to show up.
    b.pause(300).await;
    assert!(
        !b.exists(".selection-toolbar").await,
        "toolbar for a headline selection"
    );
    b.press_key("a").await;
    assert_eq!(b.counts().await, "0 claims · 0 verified · 0 unverified");

    // Select a sentence with the mouse, then Add claim from the toolbar.
    b.drag_select(DENIAL).await;
    assert_eq!(b.selected_text().await, DENIAL);
    b.press("Add claim").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    assert_eq!(b.text("mark.claim").await, DENIAL);
    assert!(b
        .attr("mark.claim", "class")
        .await
        .contains("claim-unverified"));
    assert!(!b.exists(".selection-toolbar").await);

    // Tag it verified, give its source and a note.
    b.mark_verified().await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;
    assert!(b
        .attr("mark.claim", "class")
        .await
        .contains("claim-verified"));
    assert_eq!(b.attr("mark.claim", "data-end").await, "verified");
    b.set_source("Tomas Reyl").await;
    b.write_note("Board minutes show no disclosure.").await;

    // A passage across a paragraph break, added with the A key.
    b.add_claim_by_key(ACROSS_PARAGRAPHS).await;
    b.wait_counts("2 claims · 1 verified · 1 unverified").await;

    // A passage inside an existing claim: both stay highlighted, split into runs.
    b.add_claim("Tomas Reyl denied").await;
    b.wait_counts("3 claims · 1 verified · 2 unverified").await;
    assert_eq!(b.count("mark.claim.overlap").await, 1);
    b.write_note("Nested inside the denial.").await;

    // Clicking where claims overlap selects the innermost; clicking again, the one around it.
    b.press_key(keys::ESCAPE).await; // nothing selected
    b.wait_gone(".claim-editor").await;
    b.click("mark.claim.overlap").await;
    b.wait_text(".editor-quote", "Tomas Reyl denied").await;
    b.click("mark.claim.overlap").await;
    b.wait_text(".editor-quote", DENIAL).await;

    // Clicking a highlight selects its claim.
    b.click("mark.claim:not(.overlap)").await;
    b.wait_value("Source", "Tomas Reyl").await;

    // Link the claim to the words that name its source: they get their own underline.
    b.set_source_phrase(SAID).await;
    let underlined = b.texts("#article-body .attribution").await.join("");
    assert_eq!(underlined, SAID);
}

/// After a reload everything is back; Export JSON and Copy JSON give the claims.
async fn reload_then_export_and_copy(b: &Browser) {
    // Reload: article, claims, statuses, fields and the selection are all back.
    b.wait_saved().await;
    b.reload().await;
    b.wait_counts("3 claims · 1 verified · 2 unverified").await;
    b.wait_value("Source", "Tomas Reyl").await;
    assert_eq!(b.value("Note").await, "Board minutes show no disclosure.");

    // Export JSON downloads <slug>.claims.json whose quotes are the text at their offsets.
    let name = format!("{}.claims.json", slug(SAMPLE_TITLE));
    let json = b.export_download("Export JSON", &name).await;
    let doc = native::parse(&json).expect("the export validates");
    assert_eq!(doc.article.title, SAMPLE_TITLE);
    assert_eq!(doc.claims.len(), 3);
    for c in &doc.claims {
        assert_eq!(
            slice(&doc.article.text, c.position.start, c.position.end),
            Some(c.quote.exact.as_str())
        );
    }
    let exacts: Vec<&str> = doc.claims.iter().map(|c| c.quote.exact.as_str()).collect();
    assert_eq!(exacts, [DENIAL, "Tomas Reyl denied", ACROSS_PARAGRAPHS]);
    assert_eq!(doc.claims[0].status, Status::Verified);
    assert_eq!(doc.claims[0].source, "Tomas Reyl");
    assert_eq!(
        doc.claims[0]
            .source_phrase
            .as_ref()
            .map(|p| p.quote.exact.as_str()),
        Some(SAID)
    );
    assert_eq!(doc.claims[1].note, "Nested inside the denial.");

    // Copy JSON puts the same export on the clipboard.
    b.grant("clipboard-read").await;
    b.grant("clipboard-write").await;
    b.press("Copy JSON").await;
    b.wait_text(".toast", "Copied the claims as JSON").await;
    let copied = b
        .script_async("navigator.clipboard.readText().then(arguments[0]);", vec![])
        .await;
    assert_eq!(copied.as_str(), Some(json.as_str()));
}

/// A claim far down the page scrolls into view from the panel; Delete, Undo from the toast,
/// and every change undone and redone with the keys and with the buttons.
async fn scroll_delete_undo_and_redo(b: &Browser) {
    const THREE: &str = "3 claims · 1 verified · 2 unverified";
    const TWO: &str = "2 claims · 0 verified · 2 unverified";
    // A claim far down the page: clicking it in the panel scrolls its highlight into view.
    b.add_claim_by_key("Reyl's office called that account \"a fabrication.\"")
        .await;
    b.wait_counts("4 claims · 1 verified · 3 unverified").await;
    b.script("window.scrollTo(0, 0);", vec![]).await;
    let last_mark = ".article-body p:last-child mark.claim";
    assert!(
        !b.in_view(last_mark).await,
        "the page is too short to test scrolling"
    );
    b.click(".claim-list > :last-child > :last-child button")
        .await;
    b.wait_in_view(last_mark).await;
    b.wait_value("Source", "").await;
    b.press("Delete").await;
    b.wait_counts(THREE).await;
    b.click(".claim-list > :first-child > :first-child button")
        .await;

    // Delete, then Undo from the toast.
    b.press("Delete").await;
    b.wait_counts(TWO).await;
    b.click(".toast button").await;
    b.wait_counts(THREE).await;

    // Every change can be undone and redone: with the keys, and with the buttons.
    b.press_ctrl('z', false).await;
    b.wait_counts(TWO).await;
    b.press_ctrl('z', true).await;
    b.wait_counts(THREE).await;
    b.press("Undo").await; // the toast's undo of the delete
    b.wait_counts(TWO).await;
    b.press("Undo").await; // the delete itself
    b.wait_counts(THREE).await;
    b.press_ctrl('y', false).await;
    b.wait_counts(TWO).await;
    b.press("Redo").await;
    b.wait_counts(THREE).await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn offsets_stay_exact_with_emoji_accents_cjk_and_rtl_text() {
    let b = Browser::open().await;
    // Accents written as combining marks (e + U+0301), a ZWJ emoji family, CJK, and Arabic.
    let text = "Café owners 👩\u{200d}👩\u{200d}👧 said the tax was «de\u{301}ja\u{300} vu».\n\n北京市政府 said 世界 prices rose 😀 sharply, the ministry announced.\n\nقال الوزير إن التقرير كاذب, the minister said.";
    let id = b
        .script(
            "return window.claimcheck.loadArticle({title: 'Unicode 🌍 test', text: arguments[0]});",
            vec![text.into()],
        )
        .await;
    assert!(id.as_str().unwrap().starts_with("a-"));
    b.wait_text("#article-title", "Unicode 🌍 test").await;

    let phrases = [
        "owners 👩\u{200d}👩\u{200d}👧 said the tax was «de\u{301}ja\u{300} vu».",
        "北京市政府 said 世界 prices rose 😀 sharply",
        "قال الوزير إن التقرير كاذب",
        "the minister said",
    ];
    for phrase in phrases {
        b.add_claim(phrase).await;
    }
    b.wait_counts("4 claims · 0 verified · 4 unverified").await;

    let json = b
        .export_download("Export JSON", "unicode-test.claims.json")
        .await;
    let doc = native::parse(&json).expect("the export validates");
    assert_eq!(doc.article.text, text);
    let quotes: Vec<(&str, usize, usize)> = doc
        .claims
        .iter()
        .map(|c| (c.quote.exact.as_str(), c.position.start, c.position.end))
        .collect();
    assert_eq!(
        quotes,
        [
            (phrases[0], 5, 47),
            (phrases[1], 49, 84),
            (phrases[2], 111, 137),
            (phrases[3], 139, 156),
        ]
    );
    for c in &doc.claims {
        assert_eq!(
            slice(text, c.position.start, c.position.end),
            Some(c.quote.exact.as_str())
        );
    }
    // The script API sees the same claims.
    let api = b.claims().await;
    assert_eq!(api.as_array().unwrap().len(), 4);
    assert_eq!(api[1]["position"]["start"], 49);
    assert_eq!(api[1]["quote"]["exact"], phrases[1]);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn editing_the_article_keeps_claims_on_their_words_and_orphans_can_be_reattached() {
    let b = Browser::open().await;
    let gazette = "The Northern Gazette reported last week, citing emails between port staff";
    let owned = "Halvorsen Marine is reportedly owned in part by Erik Reyl";
    for phrase in [DENIAL, gazette, owned] {
        b.add_claim_by_key(phrase).await;
    }
    b.wait_counts("3 claims · 0 verified · 3 unverified").await;
    b.mark_verified().await;

    // Edit: a paragraph added at the top, the Gazette sentence reworded, the ownership sentence
    // cut. Typed into the editor as a person would.
    let old = claimcheck::core::intake::samples::first().text;
    let new = format!("Editor's note: this story has been updated.\n\n{old}")
        .replace("reported last week, citing", "reported on Friday, citing")
        .replace(&format!("{owned}, the director's younger brother, through a holding company registered in the Cayman Islands. "), "");
    assert!(!new.contains(owned));
    b.press("Edit article").await;
    let area = b.wait_for("#article-text").await;
    area.clear().await.unwrap();
    area.send_keys(&new).await.unwrap();
    b.press("Save article").await;
    b.wait_text(
        ".toast-report span",
        "Article saved: 0 unchanged · 2 moved · 1 orphaned",
    )
    .await;

    // The highlights sit on the same words in the new text.
    assert_eq!(
        b.texts("mark.claim").await,
        [
            DENIAL,
            "The Northern Gazette reported on Friday, citing emails between port staff"
        ]
    );
    // The orphan (the verified one) is listed apart, not counted among anchored claims.
    assert_eq!(b.counts().await, "2 claims · 0 verified · 2 unverified");
    assert_eq!(b.text("#orphans-heading").await, "Orphans (1)");
    assert_eq!(b.text(".orphan .claim-quote").await, format!("“{owned}”"));

    // Re-attach the orphan to the passage where it belongs now.
    b.drag_select("A spokesperson for the firm said the company")
        .await;
    b.click(".orphan-actions button").await;
    b.wait_gone(".orphans").await;
    b.wait_counts("3 claims · 1 verified · 2 unverified").await;

    // All of it survives a reload.
    b.wait_saved().await;
    b.reload().await;
    b.wait_counts("3 claims · 1 verified · 2 unverified").await;
    assert_eq!(
        b.text("#article-body p").await,
        "Editor's note: this story has been updated."
    );
    let doc = native::parse(&b.export_json().await).unwrap();
    assert!(doc.orphans.is_empty());
    assert_eq!(
        doc.claims[2].quote.exact,
        "A spokesperson for the firm said the company"
    );
    b.close().await;
}
