#![cfg(not(target_arch = "wasm32"))]
//! End to end, everyday reliability (issue 12): the small failures a hostile tester found, each
//! reproduced in the release build in headless Chromium, and the browser asked to keep the data.
//! A large import's toast stays small and off the header; a line with no spaces wraps; the A
//! key on a passage that already is a claim says so; persistent storage is asked for after the
//! first claim, the Library says whether it was granted, and a week without an export brings a
//! reminder whose one click downloads the library.
//!
//! Run by scripts/test.sh; `#[ignore]`d in a plain `cargo test` because they need the release
//! build and ChromeDriver.

use claimcheck::app::backup::{LAST_BACKUP_KEY, PERSISTENCE_ASKED_KEY};
use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::formats::export::{library_export, ExportFormat};
use claimcheck::core::model::{Claim, Document};
use claimcheck::core::text::paragraphs::article_from_paste;
use claimcheck_e2e_support::app::DENIAL;
use claimcheck_e2e_support::{keys, poll, Browser, TempDir};
use serde_json::Value;

/// A library file of `n` articles, each with two claims.
fn library_file(n: usize) -> String {
    let docs: Vec<Document> = (0..n)
        .map(|i| {
            let article = article_from_paste(&format!(
                "Harbour report number {i}\n\nThe minister said the port paid {i} invoices twice. The board agreed to look again."
            ))
            .unwrap();
            let claim = |id: &str, words: &str| {
                let start = article.text.find(words).unwrap();
                let start = article.text[..start].chars().count();
                let (quote, position) =
                    describe(&article.text, start, start + words.chars().count()).unwrap();
                Claim::unverified(format!("{id}-{i}"), quote, position, "2026-11-01T10:00:00.000Z", "2026-11-01T10:00:00.000Z")
            };
            let claims = vec![
                claim("paid", "the port paid"),
                claim("board", "The board agreed"),
            ];
            Document {
                article,
                claims,
                orphans: vec![],
            }
        })
        .collect();
    library_export(
        ExportFormat::Claimcheck,
        &docs,
        "2026-12-01",
        &Default::default(),
    )
    .text
}

/// The box of `css` on the page: [top, bottom, height] in CSS pixels.
async fn rect(b: &Browser, css: &str) -> [f64; 3] {
    let r = b
        .script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.top, r.bottom, r.height];",
            vec![css.into()],
        )
        .await;
    let n = |i: usize| r[i].as_f64().unwrap();
    [n(0), n(1), n(2)]
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_56_article_import_is_told_in_a_toast_that_stays_off_the_header() {
    let b = Browser::open().await;
    let dir = TempDir::new("everyday-import");
    b.import_file(&dir.write("library.json", library_file(56)))
        .await;
    let told = b.wait_toast("56 articles imported").await;
    assert!(told.contains("112 claims added"), "{told}");
    assert!(told.contains("and 53 more"), "{told}");
    let viewport = b.script("return window.innerHeight;", vec![]).await;
    let viewport = viewport.as_f64().unwrap();
    let [top, _, height] = rect(&b, ".toasts").await;
    let [_, header_bottom, _] = rect(&b, ".app-header").await;
    eprintln!("toasts: {height} px tall from {top} px; header ends at {header_bottom} px; window {viewport} px");
    assert!(
        height <= 0.4 * viewport,
        "the toasts are {height} px tall in a {viewport} px window"
    );
    assert!(
        top >= header_bottom,
        "the toasts start at {top} px, over the header ending at {header_bottom} px"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_line_with_no_spaces_wraps_instead_of_widening_the_page() {
    let b = Browser::open().await;
    let line = "x".repeat(100_000);
    let id = b
        .script(
            "return window.claimcheck.loadArticle({title: 'One long line', text: arguments[0]});",
            vec![line.clone().into()],
        )
        .await;
    assert!(id.is_string(), "{id}");
    b.wait_text("#article-title", "One long line").await;
    // A claim on part of it puts the long word in the claims panel too.
    let widths = || async {
        let w = b
            .script(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await;
        (w[0].as_f64().unwrap(), w[1].as_f64().unwrap())
    };
    poll(async || {
        let (scroll, viewport) = widths().await;
        if scroll <= viewport + 4.0 {
            eprintln!("page: {scroll} px wide in a {viewport} px window");
            Ok(())
        } else {
            Err(format!(
                "the page is {scroll} px wide in a {viewport} px window"
            ))
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_a_key_on_a_passage_that_already_is_a_claim_selects_it_and_says_so() {
    let b = Browser::open().await;
    b.add_claim_by_key(DENIAL).await;
    b.press_key(keys::ESCAPE).await;
    b.drag_select(DENIAL).await;
    b.press_key("a").await;
    b.wait_toast("This passage is already a claim").await;
    assert_eq!(b.counts().await, "1 claim · 0 verified · 1 unverified");
    let selected = b.texts(".claim-item.selected .claim-quote").await;
    assert_eq!(selected.len(), 1, "{selected:?}");
    assert!(
        selected[0].contains("denied any wrongdoing"),
        "{selected:?}"
    );
    b.close().await;
}

/// The name the library backup downloads under today.
async fn library_file_name(b: &Browser) -> String {
    let today = b
        .script("return new Date().toISOString().slice(0, 10);", vec![])
        .await;
    format!(
        "claimcheck-library-{}.library.json",
        today.as_str().unwrap()
    )
}

/// localStorage[`key`], once it is there.
async fn stored(b: &Browser, key: &str) -> String {
    poll(async || {
        match b
            .script(
                "return localStorage.getItem(arguments[0]);",
                vec![key.into()],
            )
            .await
        {
            Value::String(s) => Ok(s),
            other => Err(format!("{key} is {other}")),
        }
    })
    .await
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn persistence_is_asked_after_the_first_claim_and_a_week_without_backup_is_reminded() {
    let b = Browser::open().await;
    let asked = b
        .script(
            "return localStorage.getItem(arguments[0]);",
            vec![PERSISTENCE_ASKED_KEY.into()],
        )
        .await;
    assert_eq!(
        asked,
        Value::Null,
        "asked before there was anything to keep"
    );
    b.add_claim(DENIAL).await;
    stored(&b, PERSISTENCE_ASKED_KEY).await;
    let started: f64 = stored(&b, LAST_BACKUP_KEY).await.parse().unwrap();
    assert!(!b.exists(".backup-reminder").await, "a reminder on day one");

    // The Library says what the browser answered, and backs the library up in one click.
    b.press("Library").await;
    let said = b
        .wait_text_containing(".library-keeping .persistence", "This browser")
        .await;
    assert!(
        said.contains("persistent storage") || said.contains("may clear"),
        "the browser's answer is not shown: {said:?}"
    );
    eprintln!("Library: {said}");
    b.click(".library-keeping button").await;
    let file = b.downloaded(&library_file_name(&b).await).await;
    assert!(file.contains("denied any wrongdoing"), "{file}");
    let after: f64 = stored(&b, LAST_BACKUP_KEY).await.parse().unwrap();
    assert!(after >= started);
    b.press("Close").await;

    // Eight days on, the reminder shows; its button downloads the library and it goes.
    b.wait_saved().await;
    let eight_days_ago = (after - 8.0 * 24.0 * 3600.0 * 1000.0).to_string();
    b.script(
        "localStorage.setItem(arguments[0], arguments[1]);",
        vec![LAST_BACKUP_KEY.into(), eight_days_ago.into()],
    )
    .await;
    b.reload().await;
    b.wait_text_containing(".backup-reminder", "7 days").await;
    b.click(".backup-reminder button.primary").await;
    let file = b.downloaded(&library_file_name(&b).await).await;
    assert!(file.contains("denied any wrongdoing"), "{file}");
    b.wait_gone(".backup-reminder").await;
    b.close().await;
}
