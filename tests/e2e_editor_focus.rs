#![cfg(not(target_arch = "wasm32"))]
//! End to end, the keyboard's place (issue 16): after Add claim the editor's top is in view and
//! has the focus, the article draws its caret, and Esc from the editor comes back to the article
//! with the caret where the claim ends. In headless Chromium against the release build.

use claimcheck_e2e_support::app::DENIAL;
use claimcheck_e2e_support::focus::Rect;
use claimcheck_e2e_support::keys::{ARROW_DOWN, ARROW_RIGHT, ENTER, ESCAPE, TAB};
use claimcheck_e2e_support::{poll, Browser};

/// The editor's first control: the status buttons, Verified first.
const FIRST_CONTROL: &str = ".claim-editor .status-group button.status-verified";

/// Forty paragraphs, each with a sentence a claim can be made of.
fn long_article() -> String {
    (1..=40)
        .map(|i| {
            format!(
                "Paragraph {i} opens here. Official number {i} said the harbour fees rose by {i} percent last year, according to the council's own report. A third sentence closes paragraph {i} with a few more words, so that it wraps across lines."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn claim_in(i: usize) -> String {
    format!("Official number {i} said the harbour fees rose by {i} percent")
}

/// The editor's top (its quote, status and Source field) lies in the part of the panel on
/// screen, and the focus is on its first control.
async fn assert_editor_top_in_view(b: &Browser, what: &str) {
    b.wait_focus(FIRST_CONTROL).await;
    let panel = b.visible_rect(".panel").await;
    for part in [
        ".claim-editor .editor-quote",
        ".claim-editor .status-group",
        ".claim-editor input[id^='source-']",
    ] {
        let rect = b.rect(part).await.unwrap();
        assert!(
            rect.inside(&panel),
            "{what}: {part} at {rect:?} is outside the panel's visible {panel:?}"
        );
    }
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn add_claim_shows_the_editor_top_and_focuses_it() {
    let b = Browser::open().await;
    b.client.set_window_size(1400, 900).await.unwrap();
    b.load_article("Harbour fees", &long_article()).await;
    for i in 1..=7 {
        b.add_claim_by_key(&claim_in(i)).await;
    }
    // Near the end of the article, with the toolbar's Add claim: its card is the list's last,
    // far below the editor.
    b.add_claim(&claim_in(38)).await;
    assert_editor_top_in_view(&b, "Add claim").await;
    let panel = b.rect(".panel").await.unwrap();
    let card_top = b
        .script(
            "const panel = document.querySelector('.panel');
             const card = document.querySelector('.claim-item.selected');
             return card.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!(
        card_top > panel.height(),
        "the new card ({card_top} px down the panel) must be out of the panel's first screen ({} px) for this test to mean anything",
        panel.height()
    );
    // The same with the A key, for a claim between the others and that one.
    b.add_claim_by_key(&claim_in(30)).await;
    assert_editor_top_in_view(&b, "key A").await;
    assert_eq!(b.count(".claim-item").await, 9);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn on_a_phone_the_editor_top_shows_in_the_sheet() {
    let b = Browser::open_phone().await;
    for word in ["Reyl denied any wrongdoing", "Halvorsen Marine, a firm"] {
        let at = b.phrase_start(word).await;
        b.touch(at, 1200).await;
        b.wait_for(".selection-toolbar").await;
        b.tap(&b.button("Add claim").await).await;
        assert_editor_top_in_view(&b, word).await;
        let sheet = b.visible_rect(".panel").await;
        let (_, height) = b.viewport().await;
        assert!(sheet.bottom <= height, "the sheet is on screen");
    }
    b.close().await;
}

/// The caret mark's box, once it shows.
async fn caret(b: &Browser) -> Rect {
    poll(async || match b.rect(".caret-mark").await {
        Some(r) if r.width() > 0.0 && r.height() > 0.0 => Ok(r),
        other => Err(format!("no caret is drawn: {other:?}")),
    })
    .await
}

/// Waits until the caret mark has moved from `from`; returns where it is.
async fn caret_moved(b: &Browser, from: Rect) -> Rect {
    poll(async || {
        let now = caret(b).await;
        if now != from {
            Ok(now)
        } else {
            Err(format!("the caret stayed at {from:?}"))
        }
    })
    .await
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_caret_is_drawn_and_follows_the_arrow_keys() {
    let b = Browser::open().await;
    assert!(
        b.rect(".caret-mark").await.is_none(),
        "a caret before the article has the focus"
    );
    // Tab to "Skip to the article", Enter: the article has the focus and draws its caret.
    b.press_key(TAB).await;
    b.press_key(ENTER).await;
    b.wait_focus("#article-body").await;
    let body = b.rect("#article-body").await.unwrap();
    let start = caret(&b).await;
    assert!(
        start.inside(&body),
        "caret {start:?} outside the article {body:?}"
    );
    b.press_key(ARROW_RIGHT).await;
    let word = caret_moved(&b, start).await;
    assert!(word.left > start.left, "right moves the caret right");
    assert_eq!(word.top, start.top, "one word on, the same line");
    b.press_key(ARROW_DOWN).await;
    let sentence = caret_moved(&b, word).await;
    assert!(
        sentence.top > word.top,
        "down, by a sentence, moves the caret down"
    );
    assert!(sentence.inside(&body));
    // It is drawn where the selection's focus is.
    let focus_x = b
        .script(
            "const s = getSelection(); const r = document.createRange();
             r.setStart(s.focusNode, s.focusOffset);
             return r.getBoundingClientRect().left;",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    let middle = (sentence.left + sentence.right) / 2.0;
    assert!(
        (middle - focus_x).abs() <= 2.0,
        "the mark ({middle}) is not at the caret ({focus_x})"
    );
    // Away from the article, no caret.
    b.press_key(TAB).await;
    poll(async || match b.rect(".caret-mark").await {
        None => Ok(()),
        Some(r) => Err(format!("the caret still shows at {r:?}")),
    })
    .await;
    b.close().await;
}

/// Esc in an editor field: the editor closes, the article has the focus with the caret at the
/// claim's end, and Shift+Right then A makes the next claim from there.
async fn esc_then_next_claim(b: &Browser, field: &str) {
    b.field(field).await.send_keys(ESCAPE).await.unwrap();
    b.wait_gone(".claim-editor").await;
    b.wait_focus("#article-body").await;
    caret(b).await;
    let before = b.claims().await.as_array().unwrap().len();
    b.press_shifted(ARROW_RIGHT).await;
    assert!(
        !b.selected_text().await.trim().is_empty(),
        "Shift+Right selected nothing"
    );
    b.press_key("a").await;
    let claims = poll(async || {
        let claims = b.claims().await;
        match claims.as_array().unwrap().len() {
            n if n == before + 1 => Ok(claims),
            n => Err(format!("{n} claims after A, not {}", before + 1)),
        }
    })
    .await;
    b.wait_focus(FIRST_CONTROL).await;
    let selected = b
        .script(
            "return document.querySelector('.claim-editor .editor-quote').textContent;",
            vec![],
        )
        .await;
    let new = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["quote"]["exact"] == selected)
        .expect("the new claim is the one in the editor");
    assert!(!new["quote"]["exact"].as_str().unwrap().is_empty());
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn esc_in_the_editor_returns_to_the_article_at_the_claim() {
    let b = Browser::open().await;
    b.add_claim(DENIAL).await;
    b.wait_focus(FIRST_CONTROL).await;
    b.set_source("Tomas Reyl").await;
    esc_then_next_claim(&b, "Source").await;
    // The word after the denial, where its caret was left.
    let claims = b.claims().await;
    let (first, second) = (&claims[0], &claims[1]);
    assert_eq!(first["quote"]["exact"], DENIAL);
    assert_eq!(first["source"], "Tomas Reyl", "Esc kept what was typed");
    let (end, next) = (
        first["position"]["end"].as_u64().unwrap(),
        second["position"]["start"].as_u64().unwrap(),
    );
    assert!(
        next > end && next <= end + 3,
        "the next claim starts at {next}, not at the word after the first (which ends at {end})"
    );
    // From the Note of that claim too.
    b.write_note("Next word.").await;
    esc_then_next_claim(&b, "Note").await;
    assert_eq!(b.claims().await.as_array().unwrap().len(), 3);
    b.close().await;
}
