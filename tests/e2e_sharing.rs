#![cfg(not(target_arch = "wasm32"))]
//! End to end, sharing without files: a teacher copies an exercise link; a student opens it in
//! a profile of their own, works through Student mode (its menu, progress and handed-in
//! record) and hands in by code; the teacher pastes the code and scores it. Also: a damaged
//! link changes nothing, the teacher trying their own exercise leaves no empty twin in the
//! Library, and Teacher mode's answer key (its title, no evidence warning, the printed grid).

use std::path::Path;

use claimcheck::core::classroom::session::CLASSROOM_KEY;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::keys::ESCAPE;
use claimcheck_e2e_support::{Browser, TempDir};

const EMAILS: &str = "The Ledger has not independently verified those emails.";
const BOARD: &str = "said the director had never raised the matter with them";

/// Teacher mode with a key of two claims, the first Verified without evidence.
async fn teacher_with_key(t: &Browser) {
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    t.add_claim_by_key(DENIAL).await;
    t.add_claim_by_key(EMAILS).await;
    t.click(".claim-item").await;
    t.press("Verified").await;
    t.find("#exercise-instructions")
        .await
        .send_keys("Find the sourced claims.")
        .await
        .unwrap();
    t.wait_stored(CLASSROOM_KEY, "Find the sourced claims.")
        .await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_student_opens_the_link_works_and_hands_in_by_code() {
    let t = Browser::open().await;
    teacher_with_key(&t).await;
    let link = t.copy_exercise_link().await;
    assert!(link.contains("#exercise=cx1."), "{link}");
    assert!(
        !link.contains(EMAILS),
        "the exercise is packed, not spelled out"
    );
    println!("exercise link: {} characters", link.chars().count());

    let s = Browser::open().await;
    s.open_link(&link).await;
    s.wait_for(".student-banner").await;
    assert!(s
        .text(".student-banner")
        .await
        .contains("Find the sourced claims."));
    // Student mode shows the work, and keeps the rest in its menu.
    for hidden in ["Teacher", "Reader", "Import", "Paste article", "Copy JSON"] {
        assert!(!s.exists_button(hidden).await, "{hidden} waits in the menu");
    }
    s.press("Menu").await;
    for shown in ["Teacher", "Reader", "Import", "Paste article", "Copy JSON"] {
        assert!(s.button(shown).await.is_displayed().await.unwrap());
    }
    s.press_key(ESCAPE).await;
    s.wait_for("#student-menu-items[hidden]").await;
    s.press("Menu").await;
    s.click(".student-banner h2").await;
    s.wait_for("#student-menu-items[hidden]").await;

    assert_eq!(s.text(".student-progress").await, "Nothing marked yet");
    s.add_claim_by_key(BOARD).await;
    s.wait_text(".student-progress", "1 marked · 0 with a source")
        .await;
    s.set_source("the board").await;
    s.wait_text(".student-progress", "1 marked · 1 with a source")
        .await;
    s.find("#student-name")
        .await
        .send_keys("Bea")
        .await
        .unwrap();
    s.wait_stored(CLASSROOM_KEY, "\"student\":\"Bea\"").await;
    assert!(!s.exists(".handed-in").await);
    let code = s.copy_submission_code().await;
    assert!(code.starts_with("cs1."), "{code}");
    let handed = s.wait_text_containing(".handed-in", "Handed in at").await;
    assert!(handed.contains("hand in again"), "{handed}");
    // The record is kept.
    s.reload().await;
    s.wait_text_containing(".handed-in", "Handed in at").await;
    s.close().await;

    // The teacher loads the key and pastes the code, with a broken line beside it.
    t.press("Export answer key").await;
    let key = t
        .downloaded(&format!("{}.key.json", slug(SAMPLE_TITLE)))
        .await;
    let dir = TempDir::new("sharing");
    let key_path = dir.write("port.key.json", &key);
    t.choose_files_in("#scoring-files", &[key_path.as_path()])
        .await;
    let cut = &code[..code.len() - 12];
    t.paste_codes(&[&code, "", cut]).await;
    t.wait_text_containing(".class-table caption", "1 scored")
        .await;
    assert!(t.text(".class-table").await.contains("Bea"));
    let problems = t.text(".scoring-problems").await;
    assert!(
        problems.contains("Line 3:") && problems.contains("damaged or incomplete"),
        "{problems}"
    );
    assert!(t.text(".paste-codes-status").await.contains("1 line"));
    t.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_damaged_or_foreign_link_is_refused_and_the_work_stays() {
    let t = Browser::open().await;
    teacher_with_key(&t).await;
    let link = t.copy_exercise_link().await;
    let s = Browser::open().await;
    s.open_link(&link).await;
    s.wait_for(".student-banner").await;
    s.add_claim_by_key(BOARD).await;
    s.wait_saved().await;
    s.open_link(&link[..link.len() - 20]).await;
    s.wait_toast("damaged or incomplete").await;
    s.wait_for(".student-banner").await;
    assert_eq!(s.count(".claim-item").await, 1, "the work is still there");
    let base = link.split('#').next().unwrap();
    s.open_link(&format!("{base}#exercise=hello")).await;
    s.wait_toast("not a Claimcheck exercise link").await;
    assert_eq!(s.count(".claim-item").await, 1);
    s.close().await;
    t.close().await;
}

/// The library's entries titled `title`, with their counts.
async fn entries_titled(b: &Browser, title: &str) -> Vec<String> {
    b.press("Library").await;
    b.wait_for(".library-list").await;
    let rows = b.texts(".library-entry").await;
    b.press_key(ESCAPE).await;
    rows.into_iter().filter(|r| r.contains(title)).collect()
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn the_teacher_trying_their_own_exercise_gets_the_key_back_and_one_library_entry() {
    let t = Browser::open().await;
    teacher_with_key(&t).await;
    // The answer key: so titled, and no evidence warning on the teacher's Verified claim.
    assert_eq!(t.text("#claims-heading").await, "Answer key");
    assert!(!t.exists(".claim-item .no-evidence").await);
    t.click(".claim-item").await;
    assert!(!t.exists(".claim-editor .no-evidence").await);

    t.press("Export exercise").await;
    let stem = slug(SAMPLE_TITLE);
    let exercise = t.downloaded(&format!("{stem}.exercise.json")).await;
    let dir = TempDir::new("sharing-own");
    let path = dir.write(&format!("{stem}.exercise.json"), &exercise);
    t.open_file(Path::new(&path)).await;
    t.wait_for(".student-banner").await;
    t.press("Menu").await;
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    t.wait_text_containing(".key-summary", "Answer key: 2 claims")
        .await;
    assert_eq!(t.count(".claim-item").await, 2);
    for name in ["Edit article", "Article details"] {
        assert!(
            t.button(name)
                .await
                .attr("disabled")
                .await
                .unwrap()
                .is_none(),
            "{name} works on the key's article"
        );
    }
    let entries = entries_titled(&t, SAMPLE_TITLE).await;
    assert_eq!(entries.len(), 1, "{entries:?}");

    // Work done while trying it stays, told apart from the key's article.
    t.open_file(Path::new(&path)).await;
    t.wait_for(".student-banner").await;
    t.add_claim_by_key(BOARD).await;
    t.press("Leave exercise").await;
    t.wait_gone(".student-banner").await;
    let entries = entries_titled(&t, SAMPLE_TITLE).await;
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.contains("exercise work"))
            .count(),
        1,
        "{entries:?}"
    );
    t.press("Teacher").await;
    t.wait_text_containing(".key-summary", "Answer key: 2 claims")
        .await;

    // The printed worksheet asks for the source kind, which the rubric scores.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    t.script("window.print = () => {};", vec![]).await;
    // The teacher panel is long: the button sits under a toast until scrolled up.
    t.script(
        "[...document.querySelectorAll('button')].find(b => b.textContent === 'Print worksheet')
            .scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    t.press("Print worksheet").await;
    let printed = flat(&pdf_extract::extract_text_from_mem(&t.print_pdf().await).unwrap());
    assert!(printed.contains("Kind of source"), "{printed}");
    t.close().await;
}
