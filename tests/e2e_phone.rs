#![cfg(not(target_arch = "wasm32"))]
//! End to end on a 390×844 touch phone: the header is one row with the rest in a "More" menu
//! (usable with a finger, the keyboard and a screen reader), the claims panel is a bottom sheet
//! that collapses to its handle, opens, and follows a finger dragging its handle, and the
//! article has most of the screen while the sheet is collapsed.

use std::time::Duration;

use claimcheck_e2e_support::fantoccini::actions::{
    InputSource, PointerAction, TouchActions, MOUSE_BUTTON_LEFT,
};
use claimcheck_e2e_support::keys::{ARROW_DOWN, ARROW_UP, ENTER, ESCAPE, TAB};
use claimcheck_e2e_support::{poll, Browser};

/// Whether a button reading `name` is drawn and within the screen.
async fn shown(b: &Browser, name: &str) -> bool {
    b.script(
        "const el = [...document.querySelectorAll('button')].find(e => e.textContent.trim() === arguments[0]);
         if (!el) return false;
         const r = el.getBoundingClientRect();
         return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;",
        vec![name.into()],
    )
    .await
        == true
}

/// The middle of the sheet's handle, in viewport pixels, once it has stopped moving.
async fn handle_middle(b: &Browser) -> (f64, f64) {
    poll(async || {
        let r = b
            .script(
                "const r = document.querySelector('.sheet-handle').getBoundingClientRect();
                 return [r.left + r.width / 2, r.top + r.height / 2, document.getAnimations().length];",
                vec![],
            )
            .await;
        if r[2].as_u64() == Some(0) {
            Ok((r[0].as_f64().unwrap(), r[1].as_f64().unwrap()))
        } else {
            Err("the sheet is still moving".to_string())
        }
    })
    .await
}

async fn wait_snap(b: &Browser, snap: &str) {
    poll(async || {
        let now = b.attr(".bottom-sheet", "data-snap").await;
        if now == snap {
            Ok(())
        } else {
            Err(format!("the sheet is {now}, not {snap}"))
        }
    })
    .await;
}

/// The panel's height as a share of the screen's, once its transition is over.
async fn panel_share(b: &Browser) -> f64 {
    poll(async || {
        let v = b
            .script(
                "const p = document.querySelector('.panel');
                 const h = getComputedStyle(p).display === 'none' ? 0 : p.getBoundingClientRect().height;
                 return [h, innerHeight, document.getAnimations().length];",
                vec![],
            )
            .await;
        if v[2].as_u64() == Some(0) {
            Ok(v[0].as_f64().unwrap() / v[1].as_f64().unwrap())
        } else {
            Err("the sheet is still moving".to_string())
        }
    })
    .await
}

/// The share of the screen's height where the article shows: below the header, above the
/// sheet's handle.
async fn article_share(b: &Browser) -> f64 {
    let v = b
        .script(
            "const a = document.querySelector('.article').getBoundingClientRect();
             const h = document.querySelector('.sheet-handle').getBoundingClientRect();
             const top = Math.max(a.top, 0), bottom = Math.min(a.bottom, h.top, innerHeight);
             return Math.max(0, bottom - top) / innerHeight;",
            vec![],
        )
        .await;
    v.as_f64().unwrap()
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_phone_header_is_one_row_with_a_more_menu() {
    let b = Browser::open_phone().await;
    let header = b
        .script(
            "return document.querySelector('.app-header').getBoundingClientRect().height;",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    println!("phone header: {header} px high");
    assert!(header <= 64.0, "the header is {header} px high");
    // One row: every control shown in it sits on the same line.
    let tops = b
        .script(
            "return [...document.querySelectorAll('.app-header .brand, .app-header .history button, #more-toggle')]
                 .map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));",
            vec![],
        )
        .await;
    let tops: Vec<i64> = serde_json::from_value(tops).unwrap();
    assert_eq!(tops.len(), 4, "{tops:?}");
    assert!(tops.iter().all(|t| (t - tops[0]).abs() <= 4), "{tops:?}");
    // The rest is behind More, hidden until it opens.
    assert!(!shown(&b, "Paste article").await);
    let more = b.button("More").await;
    assert_eq!(
        more.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    assert_eq!(b.attr("#more-toggle", "aria-controls").await, "header-more");
    b.tap(&more).await;
    b.wait_for(".app-header.more-open").await;
    assert_eq!(b.attr("#more-toggle", "aria-expanded").await, "true");
    assert!(shown(&b, "Paste article").await);
    assert!(shown(&b, "Library").await);
    // A choice in it closes it and does what it says.
    b.tap(&b.button("Paste article").await).await;
    b.wait_for(".paste-dialog[open]").await;
    assert!(!b.exists(".app-header.more-open").await);
    b.press_key(ESCAPE).await;
    b.wait_gone(".paste-dialog[open]").await;

    // With the keyboard: Enter opens it, Tab goes into it, Esc closes it and the focus is
    // back on More.
    b.script("document.getElementById('more-toggle').focus();", vec![])
        .await;
    b.press_key(ENTER).await;
    b.wait_for(".app-header.more-open").await;
    b.press_key(TAB).await;
    let inside = b
        .script(
            "return document.getElementById('header-more').contains(document.activeElement);",
            vec![],
        )
        .await;
    assert_eq!(inside, true, "Tab from More goes into the menu");
    b.press_key(ESCAPE).await;
    b.wait_gone(".app-header.more-open").await;
    let on_more = b.script("return document.activeElement.id;", vec![]).await;
    assert_eq!(on_more, "more-toggle");
    // A tap outside closes it.
    b.tap(&b.button("More").await).await;
    b.wait_for(".app-header.more-open").await;
    // (On the article, below the menu's box.)
    let menu_bottom = b
        .script(
            "return document.getElementById('header-more').getBoundingClientRect().bottom;",
            vec![],
        )
        .await
        .as_f64()
        .unwrap();
    assert!(menu_bottom < 700.0, "the menu reaches {menu_bottom}");
    b.touch((195.0, 760.0), 60).await;
    b.wait_gone(".app-header.more-open").await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_bottom_sheet_collapses_opens_and_follows_a_finger() {
    let b = Browser::open_phone().await;
    // Collapsed on load: the article has most of the screen.
    wait_snap(&b, "collapsed").await;
    assert_eq!(b.attr(".sheet-handle", "aria-expanded").await, "false");
    assert_eq!(
        b.attr(".sheet-handle", "aria-controls").await,
        "sheet-content"
    );
    let share = article_share(&b).await;
    println!(
        "phone, sheet collapsed: the article shows on {:.0}% of the screen",
        share * 100.0
    );
    assert!(
        share >= 0.6,
        "the article shows on {share:.2} of the screen"
    );

    // A tap opens it halfway; another closes it.
    b.tap(&b.find(".sheet-handle").await).await;
    wait_snap(&b, "half").await;
    assert_eq!(b.attr(".sheet-handle", "aria-expanded").await, "true");
    let half = panel_share(&b).await;
    assert!((half - 0.5).abs() < 0.03, "half open is {half:.2}");
    b.tap(&b.find(".sheet-handle").await).await;
    wait_snap(&b, "collapsed").await;

    // A finger drags the handle up: nearly full screen; part way down: half; all the way
    // down: collapsed.
    let (x, y) = handle_middle(&b).await;
    b.touch_drag((x, y), (x, 60.0), 400).await;
    wait_snap(&b, "full").await;
    let full = panel_share(&b).await;
    println!("sheet heights: half {half:.2}, full {full:.2} of the screen");
    assert!(full > 0.8, "full is {full:.2}");
    let (x, y) = handle_middle(&b).await;
    b.touch_drag((x, y), (x, 844.0 * 0.5), 400).await;
    wait_snap(&b, "half").await;
    let (x, y) = handle_middle(&b).await;
    b.touch_drag((x, y), (x, 835.0), 400).await;
    wait_snap(&b, "collapsed").await;
    assert_eq!(b.attr(".sheet-handle", "aria-expanded").await, "false");
    // While the finger moves, the sheet follows it (between the snap points).
    let (x, y) = handle_middle(&b).await;
    let finger = TouchActions::new("finger".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(200)),
            x,
            y: y - 250.0,
        });
    b.client.perform_actions(finger).await.unwrap();
    let following = b
        .script(
            "return [document.querySelector('.bottom-sheet').hasAttribute('data-dragging'),
                     document.querySelector('.panel').getBoundingClientRect().height];",
            vec![],
        )
        .await;
    b.client.release_actions().await.unwrap();
    assert_eq!(following[0], true, "{following}");
    let h = following[1].as_f64().unwrap();
    assert!(
        (200.0..300.0).contains(&h),
        "the panel is {h} px high mid-drag"
    );
    // Let go at 30% of the screen: the nearest height is half.
    wait_snap(&b, "half").await;

    // The keyboard: Enter and Space toggle it; the arrow keys change the height.
    let handle = b.find(".sheet-handle").await;
    handle.send_keys(ENTER).await.unwrap();
    wait_snap(&b, "collapsed").await;
    handle.send_keys(" ").await.unwrap();
    wait_snap(&b, "half").await;
    handle.send_keys(ARROW_UP).await.unwrap();
    wait_snap(&b, "full").await;
    handle.send_keys(ARROW_DOWN).await.unwrap();
    wait_snap(&b, "half").await;
    handle.send_keys(ARROW_DOWN).await.unwrap();
    wait_snap(&b, "collapsed").await;
    assert_eq!(b.attr(".sheet-handle", "aria-expanded").await, "false");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn adding_a_claim_on_the_phone_opens_the_sheet_at_its_editor() {
    let b = Browser::open_phone().await;
    wait_snap(&b, "collapsed").await;
    let at = b.phrase_start("Reyl denied any wrongdoing").await;
    b.touch(at, 1200).await;
    b.wait_for(".selection-toolbar").await;
    b.tap(&b.button("Add claim").await).await;
    wait_snap(&b, "half").await;
    b.wait_for(".claim-editor").await;
    b.tap(&b.button("Verified").await).await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;
    assert_eq!(b.text(".sheet-label").await, "Claims · 1");
    b.close().await;
}
