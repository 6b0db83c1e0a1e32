#![cfg(not(target_arch = "wasm32"))]
//! End to end, opening articles: pasted text, and .txt, .md and .html files (hostile ones
//! included), in headless Chromium against the release build (see tests/e2e_claims.rs).

use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{fixture, Browser, TempDir};

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn paste_article_shows_plain_text_and_refuses_bad_input() {
    let b = Browser::open().await;
    // Only a title: refused with a message, nothing changes.
    b.paste_article("Just a headline").await;
    b.wait_text("#paste-error", "Only a title was found. Put the title on the first line and the article's paragraphs below it.").await;
    assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);

    b.find("#paste-text").await.send_keys("\n\nThe <b>ministry</b> said <img src=x onerror=alert(1)> Zürich and 北京 agreed.\n\nOfficials denied it.")
        .await
        .unwrap();
    b.press("Use this article").await;
    b.wait_text("#article-title", "Just a headline").await;
    assert_eq!(b.count("#article-body p").await, 2);
    assert_eq!(b.count("#article-body b, #article-body img").await, 0);
    assert_eq!(
        b.text("#article-body p").await,
        "The <b>ministry</b> said <img src=x onerror=alert(1)> Zürich and 北京 agreed."
    );
    assert_eq!(b.counts().await, "0 claims · 0 verified · 0 unverified");

    // The pasted article is the current one after a reload, and the sample kept its own place.
    b.add_claim_by_key("Officials denied it.").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.wait_saved().await;
    b.reload().await;
    b.wait_text("#article-title", "Just a headline").await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn text_markdown_and_html_files_open_as_safe_readable_articles() {
    let b = Browser::open().await;
    b.open_file(&fixture("wire_story.txt")).await;
    b.wait_text(
        "#article-title",
        "Council delays vote on harbor bridge after engineers raise concerns",
    )
    .await;
    assert_eq!(b.count("#article-body [data-p]").await, 2);

    b.open_file(&fixture("health_story.md")).await;
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

    b.open_file(&fixture("hostile_page.html")).await;
    b.wait_text("#article-title", "Port audit finds missing invoices")
        .await;
    // Nothing in the page ran, and nothing active made it into the article. A script that ran
    // would leave its mark in a moment: give it that moment, since nothing is to happen.
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
    b.add_claim_by_key("37 invoices with no matching work orders")
        .await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn files_that_are_not_articles_get_a_message_and_change_nothing() {
    let b = Browser::open().await;
    b.add_claim_by_key(DENIAL).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    let dir = TempDir::new("bad-files");
    let png = dir.write(
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    );
    let empty = dir.write("empty.txt", b"");
    let big = dir.write("huge.html", "<p>word </p>".repeat(220_000));
    let pdf = dir.write("report.pdf", b"%PDF-1.7");
    for (file, expected) in [
        (&png, "This file is not text"),
        (&empty, "This file is empty."),
        (&big, "Claimcheck opens articles up to 2 MB."),
        (&pdf, "is not a kind of file Claimcheck opens"),
    ] {
        b.open_file(file).await;
        b.wait_toast(expected).await;
        assert_eq!(b.text("#article-title").await, SAMPLE_TITLE);
        assert_eq!(b.counts().await, "1 claim · 0 verified · 1 unverified");
    }
    b.close().await;
}
