#![cfg(not(target_arch = "wasm32"))]
//! End to end: the release build (`trunk build --release`, path in CLAIMCHECK_DIST) in real
//! headless Chromium over WebDriver, used as a person would: real mouse drags to select, clicks on
//! buttons found by their accessible names, key presses, reloads, and downloaded files.
//!
//! Run by scripts/test.sh; they are `#[ignore]`d in a plain `cargo test` because they need the
//! release build and ChromeDriver.

#[allow(dead_code)] // each test file uses part of the shared driver
mod e2e_support;

use claimcheck::core::formats::native;
use claimcheck::core::model::Status;
use claimcheck::core::text::offsets::slice;
use claimcheck::core::text::paragraphs::slug;
use e2e_support::Browser;

const SAMPLE_TITLE: &str =
    "Port authority chief approved dredging contract for firm tied to his brother, records show";

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn mark_verify_reload_and_export_claims_with_the_mouse() {
    let b = Browser::open().await;
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);
    assert_eq!(
        b.text(".counts").await,
        "0 claims · 0 verified · 0 unverified"
    );

    // A selection outside the article offers nothing.
    b.drag_over_element_text("#article-title").await;
    b.pause(300).await;
    assert!(
        !b.exists(".selection-toolbar").await,
        "toolbar for a headline selection"
    );
    b.press_key("a").await;
    assert_eq!(
        b.text(".counts").await,
        "0 claims · 0 verified · 0 unverified"
    );

    // Select a sentence with the mouse, then Add claim from the toolbar.
    let denial = "Port Authority director Tomas Reyl denied any wrongdoing.";
    b.drag_select(denial).await;
    assert_eq!(b.selected_text().await, denial);
    b.button("Add claim").await.click().await.unwrap();
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    assert_eq!(b.text("mark.claim").await, denial);
    assert!(b
        .attr("mark.claim", "class")
        .await
        .contains("claim-unverified"));
    assert!(!b.exists(".selection-toolbar").await);

    // Tag it verified, give its source and a note.
    b.button("Verified").await.click().await.unwrap();
    b.wait_text(".counts", "1 claim · 1 verified · 0 unverified")
        .await;
    assert!(b
        .attr("mark.claim", "class")
        .await
        .contains("claim-verified"));
    assert_eq!(b.attr("mark.claim", "data-end").await, "verified");
    b.field("Source")
        .await
        .send_keys("Tomas Reyl")
        .await
        .unwrap();
    b.field("Note")
        .await
        .send_keys("Board minutes show no disclosure.")
        .await
        .unwrap();

    // A passage across a paragraph break, added with the A key.
    b.drag_select("Reyl said in a statement on Monday.\n\nThe authority's board minutes")
        .await;
    b.press_key("a").await;
    b.wait_text(".counts", "2 claims · 1 verified · 1 unverified")
        .await;

    // A passage inside an existing claim: both stay highlighted, split into runs.
    b.drag_select("Tomas Reyl denied").await;
    b.button("Add claim").await.click().await.unwrap();
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    assert_eq!(b.count("mark.claim.overlap").await, 1);
    b.field("Note")
        .await
        .send_keys("Nested inside the denial.")
        .await
        .unwrap();

    // Clicking where claims overlap selects the innermost; clicking again, the one around it.
    b.press_key("\u{e00c}").await; // Escape: nothing selected
    b.wait_gone(".claim-editor").await;
    b.find("mark.claim.overlap").await.click().await.unwrap();
    b.wait_text(".editor-quote", "Tomas Reyl denied").await;
    b.find("mark.claim.overlap").await.click().await.unwrap();
    b.wait_text(".editor-quote", denial).await;

    // Clicking a highlight selects its claim.
    b.find("mark.claim:not(.overlap)")
        .await
        .click()
        .await
        .unwrap();
    b.wait_value("Source", "Tomas Reyl").await;

    // Link the claim to the words that name its source: they get their own underline.
    let said = "Reyl said in a statement on Monday";
    b.drag_select(said).await;
    b.button("Set as source").await.click().await.unwrap();
    b.wait_text(".source-phrase q", said).await;
    let underlined = b
        .script("return [...document.querySelectorAll('#article-body .attribution')].map(e => e.textContent).join('');", vec![])
        .await;
    assert_eq!(underlined, said);

    // Reload: article, claims, statuses, fields and the selection are all back.
    b.pause(800).await;
    b.client.refresh().await.unwrap();
    b.wait_for("#article-body").await;
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    b.wait_value("Source", "Tomas Reyl").await;
    assert_eq!(
        b.field("Note")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Board minutes show no disclosure.")
    );

    // Export JSON downloads <slug>.claims.json whose quotes are the text at their offsets.
    b.export("Export JSON").await;
    let name = format!("{}.claims.json", slug(SAMPLE_TITLE));
    let json = b.downloaded(&name).await;
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
    assert_eq!(
        exacts,
        [
            denial,
            "Tomas Reyl denied",
            "Reyl said in a statement on Monday.\n\nThe authority's board minutes"
        ]
    );
    assert_eq!(doc.claims[0].status, Status::Verified);
    assert_eq!(doc.claims[0].source, "Tomas Reyl");
    assert_eq!(
        doc.claims[0]
            .source_phrase
            .as_ref()
            .map(|p| p.quote.exact.as_str()),
        Some("Reyl said in a statement on Monday")
    );
    assert_eq!(doc.claims[1].note, "Nested inside the denial.");

    // Copy JSON puts the same export on the clipboard.
    b.grant("clipboard-read").await;
    b.grant("clipboard-write").await;
    b.button("Copy JSON").await.click().await.unwrap();
    b.wait_text(".toast", "Copied the claims as JSON").await;
    let copied = b
        .script_async("navigator.clipboard.readText().then(arguments[0]);")
        .await;
    assert_eq!(copied.as_str(), Some(json.as_str()));

    // A claim far down the page: clicking it in the panel scrolls its highlight into view.
    b.drag_select("Reyl's office called that account \"a fabrication.\"")
        .await;
    b.press_key("a").await;
    b.wait_text(".counts", "4 claims · 1 verified · 3 unverified")
        .await;
    b.script("window.scrollTo(0, 0);", vec![]).await;
    let last_mark = ".article-body p:last-child mark.claim";
    assert!(
        !b.in_view(last_mark).await,
        "the page is too short to test scrolling"
    );
    b.find(".claim-list li:last-child button")
        .await
        .click()
        .await
        .unwrap();
    b.pause(800).await;
    assert!(b.in_view(last_mark).await);
    b.wait_value("Source", "").await;
    b.button("Delete").await.click().await.unwrap();
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    b.find(".claim-list li:first-child button")
        .await
        .click()
        .await
        .unwrap();

    // Delete, then Undo from the toast.
    b.button("Delete").await.click().await.unwrap();
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    b.find(".toast button").await.click().await.unwrap();
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;

    // Every change can be undone and redone: with the keys, and with the buttons.
    b.press_ctrl('z', false).await;
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    b.press_ctrl('z', true).await;
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    b.button("Undo").await.click().await.unwrap(); // the toast's undo of the delete
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    b.button("Undo").await.click().await.unwrap(); // the delete itself
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    b.press_ctrl('y', false).await;
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    b.button("Redo").await.click().await.unwrap();
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    b.close().await;
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
        b.drag_select(phrase).await;
        b.button("Add claim").await.click().await.unwrap();
        b.pause(150).await;
    }
    b.wait_text(".counts", "4 claims · 0 verified · 4 unverified")
        .await;

    b.export("Export JSON").await;
    let json = b.downloaded("unicode-test.claims.json").await;
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
    let api = b.script("return window.claimcheck.claims();", vec![]).await;
    assert_eq!(api.as_array().unwrap().len(), 4);
    assert_eq!(api[1]["position"]["start"], 49);
    assert_eq!(api[1]["quote"]["exact"], phrases[1]);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn paste_article_shows_plain_text_and_refuses_bad_input() {
    let b = Browser::open().await;
    b.button("Paste article").await.click().await.unwrap();
    let area = b.wait_for("#paste-text").await;
    // Only a title: refused with a message, nothing changes.
    area.send_keys("Just a headline").await.unwrap();
    b.button("Use this article").await.click().await.unwrap();
    b.wait_text("#paste-error", "Only a title was found. Put the title on the first line and the article's paragraphs below it.").await;
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);

    area.send_keys("\n\nThe <b>ministry</b> said <img src=x onerror=alert(1)> Zürich and 北京 agreed.\n\nOfficials denied it.")
        .await
        .unwrap();
    b.button("Use this article").await.click().await.unwrap();
    b.wait_text("#article-title", "Just a headline").await;
    assert_eq!(b.count("#article-body p").await, 2);
    assert_eq!(b.count("#article-body b, #article-body img").await, 0);
    assert_eq!(
        b.text("#article-body p").await,
        "The <b>ministry</b> said <img src=x onerror=alert(1)> Zürich and 北京 agreed."
    );
    assert_eq!(
        b.text(".counts").await,
        "0 claims · 0 verified · 0 unverified"
    );

    // The pasted article is the current one after a reload, and the sample kept its own place.
    b.drag_select("Officials denied it.").await;
    b.press_key("a").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    b.pause(800).await;
    b.client.refresh().await.unwrap();
    b.wait_text("#article-title", "Just a headline").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    b.close().await;
}

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
    b.drag_select("the ministry said in a statement").await;
    b.button("Add claim").await.click().await.unwrap();
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    let alert = b.wait_for(".banner-error[role=alert]").await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("Not saved") && message.contains("Export JSON"),
        "{message}"
    );
    // The warning lasts: further changes keep failing and it stays.
    b.button("Verified").await.click().await.unwrap();
    b.pause(600).await;
    assert!(b.exists(".banner-error").await);
    // The work is still all there to export.
    b.export("Export JSON").await;
    let json = b
        .downloaded(&format!("{}.claims.json", slug(SAMPLE_TITLE)))
        .await;
    let doc = native::parse(&json).unwrap();
    assert_eq!(
        doc.claims[0].quote.exact,
        "the ministry said in a statement"
    );
    assert_eq!(doc.claims[0].status, Status::Verified);
    // The library's storage meter shows the browser's storage nearly full, and says what to do.
    b.button("Library").await.click().await.unwrap();
    let meter = b.wait_for(".storage-meter").await.text().await.unwrap();
    assert!(
        meter.contains("(100%)") || meter.contains("(99%)"),
        "{meter}"
    );
    assert!(meter.contains("Storage is nearly full. Export"), "{meter}");
    b.button("Close").await.click().await.unwrap();
    // Once there is room again, the next change saves and the warning goes.
    b.script(
        "Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k));",
        vec![],
    )
    .await;
    b.button("Unverified").await.click().await.unwrap();
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
    b.client.refresh().await.unwrap();
    let warning = b.wait_for(".banner-warning").await.text().await.unwrap();
    assert!(warning.contains("could not be read"), "{warning}");
    assert!(b.exists_button("Download kept data").await);
    // The app still works, and the unreadable value is kept, unchanged, beside it.
    b.drag_select("Reyl denied any wrongdoing").await;
    b.press_key("a").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    b.pause(800).await;
    let kept = b
        .script(
            "return localStorage.getItem('claimcheck:unreadable:claimcheck:index');",
            vec![],
        )
        .await;
    assert_eq!(kept, "{broken");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn editing_the_article_keeps_claims_on_their_words_and_orphans_can_be_reattached() {
    let b = Browser::open().await;
    let denial = "Port Authority director Tomas Reyl denied any wrongdoing.";
    let gazette = "The Northern Gazette reported last week, citing emails between port staff";
    let owned = "Halvorsen Marine is reportedly owned in part by Erik Reyl";
    for phrase in [denial, gazette, owned] {
        b.drag_select(phrase).await;
        b.press_key("a").await;
        b.pause(150).await;
    }
    b.wait_text(".counts", "3 claims · 0 verified · 3 unverified")
        .await;
    b.button("Verified").await.click().await.unwrap();

    // Edit: a paragraph added at the top, the Gazette sentence reworded, the ownership sentence
    // cut. Typed into the editor as a person would.
    let old = claimcheck::core::intake::samples::first().text;
    let new = format!("Editor's note: this story has been updated.\n\n{old}")
        .replace("reported last week, citing", "reported on Friday, citing")
        .replace(&format!("{owned}, the director's younger brother, through a holding company registered in the Cayman Islands. "), "");
    assert!(!new.contains(owned));
    b.button("Edit article").await.click().await.unwrap();
    let area = b.wait_for("#article-text").await;
    area.clear().await.unwrap();
    area.send_keys(&new).await.unwrap();
    b.button("Save article").await.click().await.unwrap();
    b.wait_text(
        ".toast-report span",
        "Article saved: 0 unchanged · 2 moved · 1 orphaned",
    )
    .await;

    // The highlights sit on the same words in the new text.
    let marks: Vec<String> = b
        .script(
            "return [...document.querySelectorAll('mark.claim')].map(m => m.textContent);",
            vec![],
        )
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        marks,
        [
            denial,
            "The Northern Gazette reported on Friday, citing emails between port staff"
        ]
    );
    // The orphan (the verified one) is listed apart, not counted among anchored claims.
    assert_eq!(
        b.text(".counts").await,
        "2 claims · 0 verified · 2 unverified"
    );
    assert_eq!(b.text("#orphans-heading").await, "Orphans (1)");
    assert_eq!(b.text(".orphan .claim-quote").await, format!("“{owned}”"));

    // Re-attach the orphan to the passage where it belongs now.
    b.drag_select("A spokesperson for the firm said the company")
        .await;
    b.find(".orphan-actions button")
        .await
        .click()
        .await
        .unwrap();
    b.wait_gone(".orphans").await;
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;

    // All of it survives a reload.
    b.pause(800).await;
    b.client.refresh().await.unwrap();
    b.wait_text(".counts", "3 claims · 1 verified · 2 unverified")
        .await;
    assert_eq!(
        b.text("#article-body p").await,
        "Editor's note: this story has been updated."
    );
    let json = b
        .script("return window.claimcheck.exportJson();", vec![])
        .await;
    let doc = native::parse(json.as_str().unwrap()).unwrap();
    assert!(doc.orphans.is_empty());
    assert_eq!(
        doc.claims[2].quote.exact,
        "A spokesperson for the firm said the company"
    );
    b.close().await;
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn text_markdown_and_html_files_open_as_safe_readable_articles() {
    let b = Browser::open().await;
    b.choose_file(&fixture("wire_story.txt")).await;
    b.wait_text(
        "#article-title",
        "Council delays vote on harbor bridge after engineers raise concerns",
    )
    .await;
    assert_eq!(b.count("#article-body [data-p]").await, 2);

    b.choose_file(&fixture("health_story.md")).await;
    b.wait_text(
        "#article-title",
        "Daily walks linked to lower blood pressure, review finds",
    )
    .await;
    assert_eq!(
        b.text("#article-body h3.block-heading").await,
        "What the experts said"
    );
    assert_eq!(b.count("#article-body .block-item").await, 2);
    assert!(b
        .text("#article-body .block-quote")
        .await
        .starts_with("\"The effect is modest"));
    assert_eq!(
        b.attr("#article-body .link", "data-href").await,
        "https://journals.example.org/walking-review"
    );
    assert_eq!(b.count("#article-body img").await, 0);

    b.choose_file(&fixture("hostile_page.html")).await;
    b.wait_text("#article-title", "Port audit finds missing invoices")
        .await;
    // Nothing in the page ran, and nothing active made it into the article.
    b.pause(500).await;
    assert_eq!(
        b.script("return typeof window.__xss;", vec![]).await,
        "undefined"
    );
    assert_eq!(
        b.count("#article-body script, #article-body iframe, #article-body img, #article-body a, #article-body form").await,
        0
    );
    let body = b.text("#article-body").await;
    assert!(
        body.contains("An audit of the port authority found 37 invoices"),
        "{body}"
    );
    assert!(body.contains("Click here for the full list"));
    assert!(!body.contains("do not keep"));
    assert_eq!(
        b.attr("#article-body .link", "data-href").await,
        "https://news.example.com/report.pdf"
    );
    assert_eq!(b.count("#article-body [data-href^='javascript']").await, 0);
    assert_eq!(
        b.text(".source-url a").await,
        "https://news.example.com/port-audit"
    );
    // Claims work on imported structure like on any article.
    b.drag_select("37 invoices with no matching work orders")
        .await;
    b.press_key("a").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn files_that_are_not_articles_get_a_message_and_change_nothing() {
    let b = Browser::open().await;
    b.drag_select("Port Authority director Tomas Reyl denied any wrongdoing.")
        .await;
    b.press_key("a").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    let dir = std::env::temp_dir().join(format!("claimcheck-bad-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("photo.txt");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    )
    .unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let big = dir.join("huge.html");
    std::fs::write(&big, "<p>word </p>".repeat(220_000)).unwrap();
    let pdf = dir.join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    for (file, expected) in [
        (&png, "This file is not text"),
        (&empty, "This file is empty."),
        (&big, "Claimcheck opens articles up to 2 MB."),
        (&pdf, "is not a kind of file Claimcheck opens"),
    ] {
        b.choose_file(file).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let toast = b
                .script(
                    "return document.querySelector('.toasts').textContent;",
                    vec![],
                )
                .await;
            if toast.as_str().unwrap_or_default().contains(expected) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{}: no message {expected:?}, saw {toast}",
                file.display()
            );
            b.pause(50).await;
        }
        assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);
        assert_eq!(
            b.text(".counts").await,
            "1 claim · 0 verified · 1 unverified"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_library_keeps_articles_apart_renames_and_deletes_with_undo() {
    let b = Browser::open().await;
    b.drag_select("Port Authority director Tomas Reyl denied any wrongdoing.")
        .await;
    b.press_key("a").await;
    b.button("Verified").await.click().await.unwrap();
    // A second article, with claims of its own.
    b.pick_sample("Teenagers who start school later").await;
    b.wait_text(".counts", "0 claims · 0 verified · 0 unverified")
        .await;
    b.drag_select("slept about 40 minutes more on school nights")
        .await;
    b.press_key("a").await;
    b.drag_select("Fewer than one in five U.S. high schools meet that standard")
        .await;
    b.press_key("a").await;
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    // Details: outlet and address, shown above the article and exported.
    b.button("Article details").await.click().await.unwrap();
    let outlet = b.wait_for("#details-outlet").await;
    outlet.clear().await.unwrap();
    outlet.send_keys("Meridian Health Desk").await.unwrap();
    b.find("#details-url")
        .await
        .send_keys("https://meridian.example/sleep")
        .await
        .unwrap();
    b.button("Save details").await.click().await.unwrap();
    b.wait_text(
        ".byline",
        "Meridian Health Desk · By Priya Natarajan, health correspondent",
    )
    .await;
    b.pause(800).await;
    b.client.refresh().await.unwrap();
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    assert_eq!(
        b.text(".source-url a").await,
        "https://meridian.example/sleep"
    );

    // The library lists both, each with its own counts.
    b.button("Library").await.click().await.unwrap();
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
    b.find(".library-entry:first-child .library-actions button")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    b.wait_text(".counts", "1 claim · 1 verified · 0 unverified")
        .await;

    // Rename the other, then delete it, then undo.
    b.button("Library").await.click().await.unwrap();
    b.wait_for(".library-entry").await;
    b.find(".library-entry:nth-child(2) .library-actions button:nth-child(2)")
        .await
        .click()
        .await
        .unwrap();
    let title = b.wait_for("#rename-title").await;
    title.clear().await.unwrap();
    title.send_keys("Sleep study").await.unwrap();
    b.button("Save title").await.click().await.unwrap();
    b.wait_text(".library-entry:nth-child(2) .library-title", "Sleep study")
        .await;
    b.find(".library-entry:nth-child(2) .library-actions .danger")
        .await
        .click()
        .await
        .unwrap();
    b.button("Delete for good").await.click().await.unwrap();
    b.wait_text(".toast span", "Deleted “Sleep study”.").await;
    assert_eq!(b.count(".library-entry").await, 1);
    b.button("Undo").await.click().await.unwrap();
    b.wait_text(".toast", "“Sleep study” is back in the library.")
        .await;
    // The library, still open, lists it again with its claims.
    b.wait_text(
        ".library-entry:nth-child(2) .library-counts",
        "2 claims · 0 verified · 2 unverified",
    )
    .await;
    b.find(".library-entry:nth-child(2) .library-actions button")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("#article-title", "Sleep study").await;
    b.wait_text(".counts", "2 claims · 0 verified · 2 unverified")
        .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn deep_links_land_on_their_claim_and_back_moves_between_articles() {
    let b = Browser::open().await;
    b.drag_select("The Northern Gazette reported last week")
        .await;
    b.press_key("a").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    let claim = b
        .script("return window.claimcheck.claims()[0].id;", vec![])
        .await;
    let claim = claim.as_str().unwrap().to_string();
    b.pick_sample("Aid agencies say drought relief").await;
    b.wait_text(
        "#article-title",
        "Aid agencies say drought relief is reaching barely half of those in need",
    )
    .await;
    // Back returns to the first article, forward to the second.
    b.client.back().await.unwrap();
    b.wait_text("#article-title", SAMPLE_TITLE).await;
    b.client.forward().await.unwrap();
    b.wait_text(
        "#article-title",
        "Aid agencies say drought relief is reaching barely half of those in need",
    )
    .await;
    // A deep link, opened fresh, lands on its claim.
    b.pause(800).await;
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
    b.pause(900).await;
    assert!(b.in_view("mark.claim.selected").await);
    b.close().await;
}

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const ARROW_DOWN: &str = "\u{e015}";
const ARROW_RIGHT: &str = "\u{e014}";

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
    // Tab to "Skip to the article", Enter: the caret is in the article.
    b.press_key(TAB).await;
    b.press_key(ENTER).await;
    // Shift + arrows extend a selection word by word.
    b.press_shifted(ARROW_RIGHT).await;
    b.press_shifted(ARROW_RIGHT).await;
    assert_eq!(b.selected_text().await.trim(), "The head");
    // S selects the sentence at the caret; A makes it a claim; V verifies it.
    b.press_key("s").await;
    let first = "The head of the Bellmouth Port Authority signed off on a $48 million dredging contract last spring for a company partly owned by his brother, according to procurement records obtained by The Coastal Ledger through a public-records request.";
    assert_eq!(b.selected_text().await, first);
    b.press_key("a").await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    b.press_key("v").await;
    b.wait_text(".counts", "1 claim · 1 verified · 0 unverified")
        .await;
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
    b.wait_text(".counts", "2 claims · 1 verified · 1 unverified")
        .await;
    // P and N move between claims.
    b.press_key("p").await;
    b.wait_text(".editor-quote", first).await;

    // Evidence and the source kind, typed into their fields.
    b.find("#evidence-url")
        .await
        .send_keys("https://records.example/contract-148")
        .await
        .unwrap();
    b.find("#evidence-title")
        .await
        .send_keys("Procurement register")
        .await
        .unwrap();
    b.find("#evidence-shows")
        .await
        .send_keys(&format!("the contract award{ENTER}"))
        .await
        .unwrap();
    b.wait_text(".evidence a", "Procurement register").await;
    assert_eq!(b.attr(".evidence a", "rel").await, "noopener noreferrer");
    assert_eq!(b.attr(".evidence a", "target").await, "_blank");
    assert!(!b.exists(".claim-editor .no-evidence").await);
    assert_eq!(b.text(".evidence .stance").await, "supports");
    b.find("select[id^='kind-']")
        .await
        .send_keys("Doc")
        .await
        .unwrap();
    b.wait_text(".claim-item.selected .claim-source", "Source: (document)")
        .await;
    // Filter to verified claims: the counts follow.
    b.find("#filter-status")
        .await
        .send_keys("Ver")
        .await
        .unwrap();
    b.wait_text(".counts", "Showing 1 · 1 claim · 1 verified · 0 unverified")
        .await;
    // Undo the source kind, redo it.
    b.press_ctrl('z', false).await;
    b.wait_gone(".claim-item.selected .claim-source").await;
    b.press_ctrl('z', true).await;
    b.wait_text(".claim-item.selected .claim-source", "Source: (document)")
        .await;
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
    assert_eq!(c.quote.exact, first);
    assert_eq!(c.status, Status::Verified);
    assert_eq!(
        c.source_kind,
        Some(claimcheck::core::model::SourceKind::Document)
    );
    assert_eq!(c.evidence[0].url, "https://records.example/contract-148");
    assert_eq!(c.evidence[0].shows, "the contract award");
    // ? shows the shortcuts.
    b.find("#article-body").await.send_keys("?").await.unwrap();
    b.wait_for(".shortcuts-dialog[open]").await;
    assert_eq!(b.script("return window.__pointer;", vec![]).await, 0);
    b.close().await;
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
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    b.tap(&b.button("Verified").await).await;
    b.wait_text(".counts", "1 claim · 1 verified · 0 unverified")
        .await;
    let claims = b.script("return window.claimcheck.claims();", vec![]).await;
    assert_eq!(claims[0]["status"], "verified");
    assert_eq!(claims[0]["quote"]["exact"], selected.trim());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn w3c_claimreview_and_csv_exports_download_and_parse() {
    let b = Browser::open().await;
    let denial = "Port Authority director Tomas Reyl denied any wrongdoing.";
    b.drag_select(denial).await;
    b.press_key("a").await;
    b.button("Verified").await.click().await.unwrap();
    b.field("Source")
        .await
        .send_keys("=Tomas Reyl")
        .await
        .unwrap();
    b.pause(300).await;
    let stem = slug(SAMPLE_TITLE);

    b.export("Export W3C annotations").await;
    let w3c: serde_json::Value =
        serde_json::from_str(&b.downloaded(&format!("{stem}.annotations.jsonld")).await).unwrap();
    assert_eq!(w3c["type"], "AnnotationCollection");
    let annotation = &w3c["first"]["items"][0];
    assert_eq!(annotation["motivation"], "assessing");
    assert_eq!(annotation["target"]["selector"][0]["exact"], denial);

    b.export("Export ClaimReview").await;
    let reviews: serde_json::Value =
        serde_json::from_str(&b.downloaded(&format!("{stem}.claimreview.jsonld")).await).unwrap();
    assert_eq!(reviews[0]["@type"], "ClaimReview");
    assert_eq!(reviews[0]["claimReviewed"], denial);
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Verified");

    b.export("Export CSV").await;
    let csv_text = b.downloaded(&format!("{stem}.claims.csv")).await;
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[0], denial);
    assert_eq!(&row[1], "verified");
    assert_eq!(&row[2], "'=Tomas Reyl", "a formula-like cell is defused");

    // The same exports for scripts.
    let api_csv = b
        .script("return window.claimcheck.exportAs('csv');", vec![])
        .await;
    assert_eq!(api_csv.as_str(), Some(csv_text.as_str()));
    let bad = b
        .script("try { window.claimcheck.exportAs('pdf'); return 'no error'; } catch (e) { return e.message; }", vec![])
        .await;
    assert!(bad.as_str().unwrap().contains("format must be"), "{bad}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn an_export_imports_into_an_empty_library_as_the_same_claims() {
    let a = Browser::open().await;
    for phrase in [
        "Port Authority director Tomas Reyl denied any wrongdoing.",
        "The Northern Gazette reported last week",
    ] {
        a.drag_select(phrase).await;
        a.press_key("a").await;
        a.pause(150).await;
    }
    a.button("Verified").await.click().await.unwrap();
    a.field("Note")
        .await
        .send_keys("Check the minutes.")
        .await
        .unwrap();
    a.pause(400).await;
    a.export("Export JSON").await;
    let name = format!("{}.claims.json", slug(SAMPLE_TITLE));
    let exported = a.downloaded(&name).await;
    a.close().await;

    let b = Browser::open().await;
    let dir = std::env::temp_dir().join(format!("claimcheck-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(&name);
    std::fs::write(&file, &exported).unwrap();
    b.choose_file_in("#import-file", &file).await;
    b.wait_text(".counts", "2 claims · 1 verified · 1 unverified")
        .await;
    assert!(b.text(".toasts").await.contains("2 added"));
    let again = b
        .script("return window.claimcheck.exportJson();", vec![])
        .await;
    let (before, after) = (
        native::parse(&exported).unwrap(),
        native::parse(again.as_str().unwrap()).unwrap(),
    );
    assert_eq!(
        before.claims, after.claims,
        "export → import → export is the identity"
    );
    // Importing the same file again changes nothing.
    b.choose_file_in("#import-file", &file).await;
    b.pause(300).await;
    let report = b
        .script(
            "return window.claimcheck.importJson(arguments[0]);",
            vec![exported.clone().into()],
        )
        .await;
    assert_eq!(report["added"], 0);
    assert_eq!(report["unchanged"], 2);
    let _ = std::fs::remove_dir_all(&dir);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn bad_imports_get_a_message_and_leave_storage_byte_for_byte_unchanged() {
    let b = Browser::open().await;
    b.drag_select("Port Authority director Tomas Reyl denied any wrongdoing.")
        .await;
    b.press_key("a").await;
    b.pause(600).await;
    let good: serde_json::Value = serde_json::from_str(
        b.script("return window.claimcheck.exportJson();", vec![])
            .await
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v.to_string()
    };
    let mut bad: Vec<(String, &str)> = vec![
        (String::new(), "not valid JSON"),
        ("{".into(), "not valid JSON"),
        ("[]".into(), "not a file Claimcheck imports"),
        ("null".into(), "not a file Claimcheck imports"),
        ("\u{feff}{oops".into(), "not valid JSON"),
        ("[".repeat(5000), "not valid JSON"),
        ("x".repeat(6 * 1024 * 1024), "up to 5 MB"),
        (
            with(&|v| v["format"] = "hypothesis".into()),
            "not a Claimcheck file",
        ),
        (with(&|v| v["version"] = 99.into()), "newer Claimcheck"),
        (with(&|v| v["version"] = "2".into()), "version"),
        (
            with(&|v| {
                v.as_object_mut().unwrap().remove("article");
            }),
            "article",
        ),
        (with(&|v| v["article"]["text"] = 5.into()), "article.text"),
        (
            with(&|v| v["article"]["id"] = "".into()),
            "article.id is empty",
        ),
        (with(&|v| v["claims"] = "none".into()), "claims"),
        (
            with(&|v| v["claims"][0]["status"] = true.into()),
            "claims[0].status",
        ),
        (
            with(&|v| v["claims"][0]["position"]["start"] = (-3).into()),
            "claims[0].position.start",
        ),
        (
            with(&|v| v["claims"][0]["position"]["end"] = serde_json::json!(1e30)),
            "claims[0].position.end",
        ),
        (
            with(&|v| v["claims"][0]["position"]["end"] = 999_999.into()),
            "past the end",
        ),
        (
            with(&|v| v["claims"][0]["position"]["end"] = 0.into()),
            "is not after start",
        ),
        (
            with(&|v| v["claims"][0]["quote"]["exact"] = "words not there".into()),
            "claims[0].quote.exact does not match",
        ),
        (
            with(&|v| v["claims"][0]["quote"]["exact"] = "".into()),
            "claims[0].quote.exact is empty",
        ),
        (
            with(&|v| {
                let c = v["claims"][0].clone();
                v["claims"].as_array_mut().unwrap().push(c);
            }),
            "used twice",
        ),
        (
            with(&|v| v["claims"][0]["id"] = "".into()),
            "claims[0].id is empty",
        ),
        (
            with(&|v| v["claims"][0]["note"] = "x".repeat(10 * 1024 * 1024).into()),
            "up to 5 MB",
        ),
    ];
    let nested = format!("{}{}", "{\"a\":".repeat(3000), "1");
    bad.push((nested, "not valid JSON"));
    // W3C Web Annotation, Hypothesis and library files, each wrong in one way.
    let w3c = |annotation: serde_json::Value| {
        serde_json::json!({"@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [annotation]}})
        .to_string()
    };
    let quote = |exact: &str| serde_json::json!({"type": "TextQuoteSelector", "exact": exact});
    let denial = "Port Authority director Tomas Reyl denied any wrongdoing.";
    let hyp = |annotation: serde_json::Value| {
        serde_json::json!({"export_date": "2026-11-20T00:00:00Z", "annotations": [annotation]})
            .to_string()
    };
    let library = |documents: serde_json::Value| {
        serde_json::json!({"format": "claimcheck-library", "version": 1, "documents": documents})
            .to_string()
    };
    let broken_doc = with(&|v| v["claims"][0]["quote"]["exact"] = "not these words".into());
    bad.extend([
        (
            serde_json::json!({"type": "AnnotationCollection", "first": "https://anno.example/page/1"}).to_string(),
            "not in the file",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "target": {"source": "x", "selector":
                [quote(denial), {"type": "TextPositionSelector", "start": -1, "end": 3}]}})),
            "first.items[0].target.selector[1].start (-1) is not a character offset",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "target": {"source": "x", "selector":
                [quote(denial), {"type": "TextPositionSelector", "start": 1e300, "end": 3}]}})),
            "is not a character offset",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "target": {"selector": quote("")}})),
            "first.items[0].target.selector.exact is empty",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "body": "note"})),
            "first.items[0].target is missing",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "target": {
                "source": "https://elsewhere.example/story", "selector": quote("words in no article here")}})),
            "Open that article in Claimcheck first",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "target": "https://elsewhere.example/story"})),
            "nothing to import",
        ),
        (
            w3c(serde_json::json!({"type": "Annotation", "target": {"selector": quote(denial)},
                "body": {"purpose": "tagging", "value": ["verified"]}})),
            "first.items[0].body[0].value is not a string",
        ),
        (
            serde_json::json!({"type": "AnnotationPage", "items": [
                {"type": "Annotation", "id": "same", "target": {"selector": quote(denial)}},
                {"type": "Annotation", "id": "same", "target": {"selector": quote(denial)}}]}).to_string(),
            "items[1].id",
        ),
        (
            serde_json::json!({"type": "AnnotationCollection", "first": {"items": [
                {"type": "Annotation", "target": {"source": "urn:claimcheck:article:x", "selector": quote(denial)}}]},
                "claimcheck:articles": [{"id": "x", "title": "T"}]}).to_string(),
            "claimcheck:articles does not have the expected shape: [0]",
        ),
        (
            serde_json::json!({"export_date": "2026-11-20", "annotations": {"id": "x"}}).to_string(),
            "\"annotations\" is not a list",
        ),
        (
            hyp(serde_json::json!({"target": [{"selector": [quote(denial)]}]})),
            "annotations[0].id is missing",
        ),
        (
            hyp(serde_json::json!({"id": "h1", "tags": [true], "target": [{"selector": [quote(denial)]}]})),
            "annotations[0].tags is not a list of words",
        ),
        (
            hyp(serde_json::json!({"id": "h1", "text": "page note", "target": [{"source": "https://x.example"}]})),
            "page notes and replies are not claims",
        ),
        (
            hyp(serde_json::json!({"id": "h1", "target": [{"selector": [{"type": "TextQuoteSelector", "exact": 12}]}]})),
            "annotations[0].target[0].selector[0].exact is not a string",
        ),
        (
            serde_json::json!({"format": "claimcheck-library", "version": 7, "documents": []}).to_string(),
            "newer Claimcheck (library version 7)",
        ),
        (library(serde_json::json!([])), "holds no articles"),
        (
            library(serde_json::json!([good.clone(), serde_json::from_str::<serde_json::Value>(&broken_doc).unwrap()])),
            "In documents[1]: claims[0].quote.exact does not match",
        ),
        (
            library(serde_json::json!([good.clone(), good.clone()])),
            "is used twice",
        ),
        (
            serde_json::json!({"format": "claimcheck-exercise", "version": 1}).to_string(),
            "not annotations to import",
        ),
        (
            with(&|v| v["claims"][0]["modified"] = "=HYPERLINK(\"https://x.example\")".into()),
            "claims[0].modified is not a date and time",
        ),
    ]);
    let snapshot = "return JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]));";
    let before = b.script(snapshot, vec![]).await;
    for (i, (text, expected)) in bad.iter().enumerate() {
        let report = b
            .script(
                "return window.claimcheck.importJson(arguments[0]);",
                vec![text.clone().into()],
            )
            .await;
        assert_eq!(report["ok"], false, "case {i}: {report}");
        let error = report["error"].as_str().unwrap_or_default();
        assert!(
            error.contains(expected),
            "case {i}: {error:?} lacks {expected:?}"
        );
    }
    // Files that are not UTF-8 text never reach the parser; the page says why.
    let dir = std::env::temp_dir().join(format!("claimcheck-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut latin1 = br#"{"format":"claimcheck","version":2,"note":"caf"#.to_vec();
    latin1.extend([0xE9, b'"', b'}']);
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("latin1.json", latin1, "is not UTF-8 or UTF-16 text"),
        (
            "broken-utf16.json",
            vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00],
            "is not UTF-8 or UTF-16 text",
        ),
        (
            "image.json",
            vec![
                0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
            ],
            "is not UTF-8 or UTF-16 text",
        ),
        (
            "bom-then-bad.jsonld",
            vec![0xEF, 0xBB, 0xBF, b'{', 0xC3, 0x28, b'}'],
            "is not UTF-8 or UTF-16 text",
        ),
        ("empty.json", Vec::new(), "This file is empty"),
        (
            "utf16-not-json.json",
            [0xFF, 0xFE]
                .into_iter()
                .chain("hello".encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            "not valid JSON",
        ),
    ];
    let mut corpus = bad.len() + 1;
    for (name, bytes, expected) in &files {
        // The file's own name in the message tells this toast from the last one.
        let expected = if expected.contains("UTF-8") {
            format!("\"{name}\" {expected}")
        } else {
            expected.to_string()
        };
        let expected = expected.as_str();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        b.choose_file_in("#import-file", &path).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let toasts = b.text(".toasts").await;
            if toasts.contains(expected) {
                assert!(toasts.contains("Nothing was imported"), "{toasts}");
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{name}: {toasts:?} lacks {expected:?}"
            );
            b.pause(50).await;
        }
        corpus += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(corpus >= 40, "the corpus has {corpus} bad files");
    eprintln!("bad-file corpus: {corpus} files, each refused with a message");
    // A non-string is refused too, without throwing.
    let report = b
        .script("return window.claimcheck.importJson(42);", vec![])
        .await;
    assert_eq!(report["ok"], false);
    assert_eq!(b.script(snapshot, vec![]).await, before, "storage changed");
    assert_eq!(
        b.text(".counts").await,
        "1 claim · 0 verified · 1 unverified"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn w3c_library_and_hypothesis_files_import_back() {
    let a = Browser::open().await;
    let denial = "Port Authority director Tomas Reyl denied any wrongdoing.";
    a.drag_select(denial).await;
    a.press_key("a").await;
    a.button("Verified").await.click().await.unwrap();
    a.field("Source")
        .await
        .send_keys("Tomas Reyl")
        .await
        .unwrap();
    a.pause(400).await;
    let second = "Aid agencies say drought relief";
    a.pick_sample(second).await;
    a.drag_select("the United Nations World Food Programme said on Thursday")
        .await;
    a.press_key("a").await;
    a.pause(400).await;
    let drought_title = a.text("#article-title").await;
    a.export("Export W3C annotations").await;
    let w3c = a
        .downloaded(&format!("{}.annotations.jsonld", slug(&drought_title)))
        .await;
    let today = a
        .script("return new Date().toISOString().slice(0, 10);", vec![])
        .await;
    a.export("Export library as JSON").await;
    let library_name = format!(
        "claimcheck-library-{}.library.json",
        today.as_str().unwrap()
    );
    let library = a.downloaded(&library_name).await;
    a.export("Export library as CSV").await;
    let csv_text = a
        .downloaded(&format!(
            "claimcheck-library-{}.claims.csv",
            today.as_str().unwrap()
        ))
        .await;
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "one row per claim of the whole library");
    assert_eq!(&rows[0][0], SAMPLE_TITLE);
    assert_eq!(&rows[0][2], denial);
    a.close().await;

    // A fresh browser: the W3C file alone brings the article and its claim.
    let b = Browser::open().await;
    let dir = std::env::temp_dir().join(format!("claimcheck-interchange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let w3c_file = dir.join("drought.annotations.jsonld");
    std::fs::write(&w3c_file, &w3c).unwrap();
    b.choose_file_in("#import-file", &w3c_file).await;
    b.wait_text("#article-title", &drought_title).await;
    b.wait_text(".counts", "1 claim · 0 verified · 1 unverified")
        .await;
    assert!(b
        .text(".toasts")
        .await
        .contains("as a new article: 1 added"));
    let again = b
        .script("return window.claimcheck.exportAs('w3c');", vec![])
        .await;
    assert_eq!(
        again.as_str(),
        Some(w3c.as_str()),
        "W3C export → import → export is the identity"
    );

    // The library file brings both articles; the one already here is merged, not doubled.
    let report = b
        .script(
            "return window.claimcheck.importJson(arguments[0]);",
            vec![library.clone().into()],
        )
        .await;
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["format"], "Claimcheck library");
    assert_eq!(report["articles"].as_array().unwrap().len(), 2);
    let whole = b
        .script(
            "return window.claimcheck.exportAs('claimcheck', 'library');",
            vec![],
        )
        .await;
    let whole: serde_json::Value = serde_json::from_str(whole.as_str().unwrap()).unwrap();
    let original: serde_json::Value = serde_json::from_str(&library).unwrap();
    let titles = |v: &serde_json::Value| {
        let mut t: Vec<String> = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["article"]["title"].as_str().unwrap().to_string())
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles(&whole), titles(&original));
    let claims_of = |v: &serde_json::Value, title: &str| {
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["article"]["title"] == title)
            .unwrap()["claims"]
            .clone()
    };
    assert_eq!(
        claims_of(&whole, SAMPLE_TITLE),
        claims_of(&original, SAMPLE_TITLE)
    );
    assert_eq!(
        claims_of(&whole, &drought_title),
        claims_of(&original, &drought_title)
    );

    // A Hypothesis export: found by its words, tags become statuses, the reply and the page
    // note are left out, the annotation that repeats a claim here is a duplicate.
    b.pick_sample("Port authority chief").await;
    b.wait_text(".counts", "1 claim · 1 verified · 0 unverified")
        .await;
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hypothesis_export.json");
    b.choose_file_in("#import-file", &fixture).await;
    b.wait_text(".counts", "2 claims · 1 verified · 1 unverified")
        .await;
    let toast = b.text(".toasts").await;
    for expected in [
        "1 added",
        "1 duplicates skipped",
        "found by their words",
        "0 orphaned",
        "2 annotations that mark no passage",
    ] {
        assert!(toast.contains(expected), "{toast:?} lacks {expected:?}");
    }
    let claims = b.script("return window.claimcheck.claims();", vec![]).await;
    let gazette = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hyp-Rx9wQq2uEe-8lI1uYi3bZh")
        .expect("the Hypothesis annotation became a claim");
    assert_eq!(gazette["status"], "unverified");
    assert_eq!(
        gazette["note"],
        "The Gazette story is behind a paywall; we could not see the emails."
    );
    let _ = std::fs::remove_dir_all(&dir);
    b.close().await;
}
