#![cfg(not(target_arch = "wasm32"))]
//! End to end, what opens over the page closes as people expect: Esc closes the Export menu
//! and Article details and gives the focus back to the button that opened them; a press
//! outside closes them (Article details only while nothing in it was changed). Also: the
//! Export button's focus ring is the other buttons', and Save in Edit article stays reachable
//! however long the article.

use claimcheck_e2e_support::keys::{ESCAPE, TAB};
use claimcheck_e2e_support::{poll, Browser};

/// Whether the element matching `css` has the keyboard focus.
async fn focused(b: &Browser, css: &str) -> bool {
    b.script(
        "return document.activeElement === document.querySelector(arguments[0]);",
        vec![css.into()],
    )
    .await
        == true
}

async fn what_is_focused(b: &Browser) -> String {
    b.script(
        "const a = document.activeElement; return a ? a.outerHTML.slice(0, 120) : 'nothing';",
        vec![],
    )
    .await
    .to_string()
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn esc_and_outside_presses_close_the_export_menu_and_article_details() {
    let b = Browser::open().await;
    // Export: Esc closes it, and the focus is back on Export.
    b.click(".export-menu summary").await;
    b.wait_for(".export-menu[open]").await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".export-menu[open]").await;
    assert!(
        focused(&b, ".export-menu summary").await,
        "focus is on {}",
        what_is_focused(&b).await
    );
    // A press outside closes it too.
    b.click(".export-menu summary").await;
    b.wait_for(".export-menu[open]").await;
    b.click("#article-title").await;
    b.wait_gone(".export-menu[open]").await;
    // A press inside (on its heading) does not.
    b.click(".export-menu summary").await;
    b.click(".export-menu .menu-heading").await;
    assert!(b.exists(".export-menu[open]").await);
    b.press_key(ESCAPE).await;
    b.wait_gone(".export-menu[open]").await;

    // Article details opens with the focus on its first field; Esc cancels and returns the
    // focus to the button.
    b.press("Article details").await;
    b.wait_for(".details-form").await;
    poll(async || {
        if focused(&b, "#details-title").await {
            Ok(())
        } else {
            Err(format!(
                "the title field lacks the focus: {}",
                what_is_focused(&b).await
            ))
        }
    })
    .await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".details-form").await;
    assert!(
        focused(&b, "#details-button").await,
        "focus is on {}",
        what_is_focused(&b).await
    );
    // Cancel and Save give it back too.
    b.press("Article details").await;
    b.wait_for(".details-form").await;
    b.press("Cancel").await;
    b.wait_gone(".details-form").await;
    assert!(
        focused(&b, "#details-button").await,
        "after Cancel: {}",
        what_is_focused(&b).await
    );
    b.press("Article details").await;
    b.wait_for(".details-form").await;
    b.press("Save details").await;
    b.wait_gone(".details-form").await;
    assert!(
        focused(&b, "#details-button").await,
        "after Save: {}",
        what_is_focused(&b).await
    );
    // A press outside closes an unchanged form...
    b.press("Article details").await;
    b.wait_for(".details-form").await;
    b.click("#article-title").await;
    b.wait_gone(".details-form").await;
    // ...but not one with typing in it: nothing typed is lost to a stray press.
    b.press("Article details").await;
    let title = b.wait_for("#details-title").await;
    title.send_keys(" (corrected)").await.unwrap();
    b.click("#article-title").await;
    b.pause(300).await;
    assert!(b.exists(".details-form").await, "the form stays open");
    let kept = b
        .script(
            "return document.getElementById('details-title').value;",
            vec![],
        )
        .await;
    assert!(kept.as_str().unwrap().ends_with(" (corrected)"), "{kept}");
    // Esc there is Cancel: the title is as it was.
    b.find("#details-title")
        .await
        .send_keys(ESCAPE)
        .await
        .unwrap();
    b.wait_gone(".details-form").await;
    assert!(!b.text("#article-title").await.contains("(corrected)"));
    b.close().await;
}

/// The focus ring of the element that has the focus: outline style, width, colour, offset.
async fn focus_ring(b: &Browser) -> String {
    b.script(
        "const s = getComputedStyle(document.activeElement);
         return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' ');",
        vec![],
    )
    .await
    .as_str()
    .unwrap()
    .to_string()
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_export_button_has_the_same_focus_ring_as_the_other_buttons() {
    let b = Browser::open().await;
    // Reached with Tab, as a keyboard user does: Article details, Edit article, Export.
    b.script("document.getElementById('details-button').focus();", vec![])
        .await;
    b.press_key(TAB).await;
    let name = b
        .script("return document.activeElement.textContent;", vec![])
        .await;
    assert_eq!(name, "Edit article");
    let button_ring = focus_ring(&b).await;
    b.press_key(TAB).await;
    assert!(focused(&b, ".export-menu summary").await);
    let export_ring = focus_ring(&b).await;
    println!("focus rings: a button {button_ring:?}, Export {export_ring:?}");
    assert!(button_ring.starts_with("solid 3px"), "{button_ring}");
    assert_eq!(export_ring, button_ring);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn save_in_edit_article_stays_reachable_on_a_long_article() {
    let b = Browser::open().await;
    // A long article: 120 paragraphs.
    let text: Vec<String> = (1..=120)
        .map(|i| format!("Paragraph {i} says something that goes on for a while, as articles do."))
        .collect();
    b.press("Paste article").await;
    b.wait_for("#paste-text").await;
    b.script(
        "document.getElementById('paste-text').value = arguments[0];",
        vec![text.join("\n\n").into()],
    )
    .await;
    b.press("Use this article").await;
    b.wait_text_containing("#article-body", "Paragraph 120 says")
        .await;
    b.press("Edit article").await;
    b.wait_for("#article-text").await;
    let (box_height, screen) = {
        let v = b
            .script(
                "return [document.getElementById('article-text').getBoundingClientRect().height, innerHeight];",
                vec![],
            )
            .await;
        (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
    };
    println!("Edit article: text box {box_height} px high on a {screen} px screen");
    assert!(box_height <= screen * 0.6 + 1.0, "{box_height} of {screen}");
    assert!(b.in_view(".article-editor button[type=submit]").await);
    // With the page scrolled as far as it goes, too.
    b.script("window.scrollTo(0, document.body.scrollHeight);", vec![])
        .await;
    assert!(b.in_view(".article-editor button[type=submit]").await);
    b.script("window.scrollTo(0, 0);", vec![]).await;
    assert!(b.in_view(".article-editor button[type=submit]").await);
    b.press("Save article").await;
    b.wait_gone("#article-text").await;
    b.close().await;
}
