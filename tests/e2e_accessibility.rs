#![cfg(not(target_arch = "wasm32"))]
//! End to end, axe-core (WCAG 2.0–2.2 A and AA, and its best practices) finds nothing wrong in
//! every state a person meets: the start page, the claim editor, each dialog and form, the
//! Export menu, Teacher mode, scoring with a class's results, an exercise in student mode, and
//! the phone (with its "More" menu and its sheet open).

use std::path::Path;

use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::keys::ESCAPE;
use claimcheck_e2e_support::{Browser, TempDir};

const EMAILS: &str = "The Ledger has not independently verified those emails.";

/// Runs axe-core on the page as it is; returns one line per rule broken in `state`.
async fn check(b: &Browser, state: &str, broken: &mut Vec<String>) {
    let found = b.axe().await;
    println!(
        "axe, {state}: {} violation(s){}",
        found.len(),
        found
            .iter()
            .map(|v| format!(" {}", v.id))
            .collect::<String>()
    );
    for v in found {
        broken.push(format!(
            "{state}: {} ({}, {:?}) at {:?}",
            v.id, v.help, v.impact, v.targets
        ));
    }
}

fn no_violations(broken: &[String]) {
    assert!(broken.is_empty(), "axe-core found:\n{}", broken.join("\n"));
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn reader_states_have_no_axe_violations() {
    let b = Browser::open().await;
    let mut broken = Vec::new();
    // The check can fail: an image without a text alternative, put in for a moment, is found.
    b.script(
        "const img = document.createElement('img'); img.id = 'axe-canary'; img.src = 'icons/icon.svg';
         document.querySelector('main').append(img);",
        vec![],
    )
    .await;
    let canary = b.axe().await;
    assert!(
        canary
            .iter()
            .any(|v| v.id == "image-alt" && v.targets.contains(&"#axe-canary".to_string())),
        "axe-core missed an image without alt: {canary:?}"
    );
    b.script("document.getElementById('axe-canary').remove();", vec![])
        .await;
    check(&b, "home", &mut broken).await;

    b.add_claim(DENIAL).await;
    b.mark_verified().await;
    b.add_claim(EMAILS).await;
    b.wait_for(".claim-editor").await;
    check(&b, "claim editor open", &mut broken).await;

    b.suggest_claims().await;
    b.wait_for(".article-body .suggested").await;
    check(&b, "claim suggestions shown", &mut broken).await;

    b.click(".export-menu summary").await;
    b.wait_for(".export-menu[open]").await;
    check(&b, "Export menu open", &mut broken).await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".export-menu[open]").await;

    b.press("Library").await;
    b.wait_for(".library-dialog[open]").await;
    check(&b, "Library dialog", &mut broken).await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".library-dialog[open]").await;

    b.press("Paste article").await;
    b.wait_for(".paste-dialog[open]").await;
    check(&b, "Paste article dialog", &mut broken).await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".paste-dialog[open]").await;

    b.script("document.activeElement.blur();", vec![]).await;
    b.find("#article-body").await.send_keys("?").await.unwrap();
    b.wait_for(".shortcuts-dialog[open]").await;
    check(&b, "Shortcuts dialog", &mut broken).await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".shortcuts-dialog[open]").await;

    b.press("Article details").await;
    b.wait_for(".details-form").await;
    check(&b, "Article details", &mut broken).await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".details-form").await;

    b.press("Edit article").await;
    b.wait_for("#article-text").await;
    check(&b, "Edit article", &mut broken).await;
    b.press("Cancel").await;
    b.wait_gone("#article-text").await;
    no_violations(&broken);
    b.close().await;
}

/// A student opens `exercise`, marks one claim and submits as Ana; returns the file.
async fn a_student_submits(exercise: &Path, broken: &mut Vec<String>) -> (String, String) {
    let s = Browser::open().await;
    s.open_file(exercise).await;
    s.wait_for(".student-banner").await;
    check(&s, "student mode", broken).await;
    s.add_claim_by_key(DENIAL).await;
    s.find("#student-name")
        .await
        .send_keys("Ana")
        .await
        .unwrap();
    s.press("Submit").await;
    let name = format!("{}-ana.submission.json", slug(SAMPLE_TITLE));
    let text = s.downloaded(&name).await;
    s.close().await;
    (name, text)
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn classroom_states_have_no_axe_violations() {
    let t = Browser::open().await;
    let mut broken = Vec::new();
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    t.add_claim_by_key(DENIAL).await;
    t.add_claim_by_key(EMAILS).await;
    check(&t, "Teacher mode", &mut broken).await;
    t.press("Export exercise").await;
    let stem = slug(SAMPLE_TITLE);
    let exercise = t.downloaded(&format!("{stem}.exercise.json")).await;
    let key = t.downloaded(&format!("{stem}.key.json")).await;
    let dir = TempDir::new("a11y-classroom");
    let exercise_path = dir.write(&format!("{stem}.exercise.json"), &exercise);
    let (sub_name, sub) = a_student_submits(&exercise_path, &mut broken).await;

    let key_path = dir.write(&format!("{stem}.key.json"), &key);
    let sub_path = dir.write(&sub_name, &sub);
    t.choose_files_in("#scoring-files", &[key_path.as_path(), sub_path.as_path()])
        .await;
    t.wait_for(".class-table").await;
    t.wait_text_containing(".class-table caption", "1 scored")
        .await;
    check(&t, "scoring with results", &mut broken).await;
    no_violations(&broken);
    t.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn phone_states_have_no_axe_violations() {
    let b = Browser::open_phone().await;
    let mut broken = Vec::new();
    check(&b, "phone", &mut broken).await;
    b.tap(&b.button("More").await).await;
    b.wait_for(".app-header.more-open").await;
    check(&b, "phone, More menu open", &mut broken).await;
    b.press_key(ESCAPE).await;
    b.wait_gone(".app-header.more-open").await;
    b.tap(&b.find(".sheet-handle").await).await;
    b.wait_for(".bottom-sheet[data-snap='half']").await;
    check(&b, "phone, claims sheet open", &mut broken).await;
    no_violations(&broken);
    b.close().await;
}
