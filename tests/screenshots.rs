#![cfg(not(target_arch = "wasm32"))]
//! The README's and the guides' screenshots, taken from the release build in headless Chromium
//! so they show the app as it is: the reading view with claims at 1400×900, the claim editor,
//! Teacher mode scoring a class, and a 390×844 phone. Run by `scripts/screenshots.sh` (which
//! builds the release first); `#[ignore]`d and not named `e2e_*`, so neither `cargo test` nor
//! `scripts/test.sh` takes pictures. Writes `docs/images/*.png` (or `$CLAIMCHECK_SCREENSHOTS`),
//! each under 200 KB (195,000 bytes).

use std::path::PathBuf;

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::formats::native;
use claimcheck::core::intake::samples;
use claimcheck::core::model::{Claim, Status};
use claimcheck_e2e_support::app::DENIAL;
use claimcheck_e2e_support::{keys, Browser, TempDir};

const EMAILS: &str = "The Northern Gazette reported last week, citing emails between port staff";
const OWNED: &str = "Halvorsen Marine is reportedly owned in part by Erik Reyl";

fn out_dir() -> PathBuf {
    let dir = std::env::var("CLAIMCHECK_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/images"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves the page at `size` as `name`.png in [`out_dir`].
async fn shot(b: &Browser, name: &str, size: (u32, u32), mobile: bool) {
    let (png, scale) = b.screenshot_png(size, mobile, MAX_BYTES).await;
    assert!(png.len() <= MAX_BYTES, "{name}.png is {} bytes", png.len());
    let path = out_dir().join(format!("{name}.png"));
    std::fs::write(&path, &png).unwrap();
    println!(
        "{} ({} KB, scale {scale:.1})",
        path.display(),
        png.len() / 1024
    );
}

/// Pictures larger than this are taken again at a smaller scale.
const MAX_BYTES: usize = 195_000;

/// The first sample with three claims: one verified with its source, two to check.
async fn with_claims(b: &Browser) {
    for phrase in [DENIAL, EMAILS, OWNED] {
        b.add_claim_by_key(phrase).await;
    }
    b.click("mark.claim").await;
    b.mark_verified().await;
    b.set_source("Tomas Reyl").await;
    b.wait_saved().await;
}

/// A student's work on the first sample: claims on `quotes`, the first verified.
fn student_work(quotes: &[&str]) -> String {
    let article = samples::first();
    let claims: Vec<Claim> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let at = article.text.find(q).expect("the sample holds the quote");
            let start = article.text[..at].chars().count();
            let (quote, position) =
                describe(&article.text, start, start + q.chars().count()).expect("a passage");
            let mut c = Claim::unverified(
                format!("s{i}"),
                quote,
                position,
                "2026-12-01T09:00:00Z",
                "2026-12-01T09:00:00Z",
            );
            if i == 0 {
                c.status = Status::Verified;
            }
            c
        })
        .collect();
    native::to_json(&article, &claims, &[])
}

#[tokio::test]
#[ignore = "takes the docs' screenshots: run scripts/screenshots.sh"]
async fn screenshots_of_the_release_build() {
    let b = Browser::open().await;
    with_claims(&b).await;
    // Nothing selected, at the top: the page as it opens.
    b.script(
        "getSelection().removeAllRanges(); document.activeElement?.blur();",
        vec![],
    )
    .await;
    b.press_key(keys::ESCAPE).await;
    b.wait_gone(".claim-editor").await;
    b.script("scrollTo(0, 0);", vec![]).await;
    shot(&b, "home", (1400, 900), false).await;

    b.click("mark.claim").await;
    b.wait_for(".claim-editor").await;
    // The editor's top in its panel, the page at its top.
    b.script(
        "document.querySelector('.claim-editor').scrollIntoView({block: 'start'}); scrollTo(0, 0);",
        vec![],
    )
    .await;
    shot(&b, "claim-editor", (1400, 900), false).await;

    // Teacher mode, scoring a class against the reader's claims as the key.
    let dir = TempDir::new("screenshots");
    let key = b.export_json().await;
    let files = [
        dir.write("port-story.key.json", &key),
        dir.write("Ana.json", student_work(&[DENIAL, EMAILS])),
        dir.write(
            "Ben.json",
            student_work(&[OWNED, "dredging costs rose 61 percent last year"]),
        ),
        dir.write("Chloé.json", student_work(&[DENIAL, EMAILS, OWNED])),
    ];
    b.press("Teacher").await;
    b.wait_for(".teacher-panel").await;
    let refs: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    b.choose_files_in("#scoring-files", &refs).await;
    b.wait_for(".class-table").await;
    b.script("scrollTo(0, 0);", vec![]).await;
    shot(&b, "teacher-scoring", (1400, 900), false).await;
    b.close().await;

    // The phone gets the same work through Import (a touch selection needs no showing here).
    let phone = Browser::open_phone().await;
    let report = phone.import_json(&key).await;
    assert_eq!(report["ok"], true, "{report}");
    // The claims sheet half open, over the article.
    phone.tap(&phone.find(".sheet-handle").await).await;
    phone.wait_for(".bottom-sheet[data-snap='half']").await;
    phone
        .wait_counts("3 claims · 1 verified · 2 unverified")
        .await;
    phone
        .script(
            "getSelection().removeAllRanges(); document.activeElement?.blur(); scrollTo(0, 0);",
            vec![],
        )
        .await;
    shot(&phone, "phone", (390, 844), true).await;
    phone.close().await;
}
