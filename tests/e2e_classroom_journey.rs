#![cfg(not(target_arch = "wasm32"))]
//! End to end, one classroom exercise from start to finish, each person in a browser profile of
//! their own: the teacher builds an exercise and copies its link; two students open the link,
//! annotate and hand in, one by file and one by code; the teacher scores both, reviews one,
//! accepts a near miss, comments and exports feedback; a reload keeps the scoring session; the
//! student opens the feedback on their own work.

use std::path::Path;

use claimcheck::core::classroom::feedback::parse_feedback;
use claimcheck::core::classroom::session::CLASSROOM_KEY;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{Browser, TempDir};

/// The key's second claim.
const EMAILS: &str = "The Ledger has not independently verified those emails.";
/// A span that runs on from the sentence before into the key's second claim.
const RUN_ON: &str =
    "ranked Halvorsen Marine third. The Ledger has not independently verified those emails.";
/// A sourced-looking passage the key leaves out.
const EXTRA: &str = "Halvorsen Marine, a firm registered in 2024";
/// Too little of the key's second claim to count as finding it: a near miss.
const NEAR_MISS: &str = "The Ledger has not";

/// A student opens `link`, marks `phrases`, and gives their name.
async fn student_works(link: &str, name: &str, phrases: &[&str]) -> Browser {
    let s = Browser::open().await;
    s.open_link(link).await;
    s.wait_for(".student-banner").await;
    for phrase in phrases {
        s.add_claim_by_key(phrase).await;
    }
    s.find("#student-name").await.send_keys(name).await.unwrap();
    s.wait_stored(CLASSROOM_KEY, &format!("\"student\":\"{name}\""))
        .await;
    s
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn an_exercise_goes_from_link_to_feedback() {
    let dir = TempDir::new("classroom-journey");
    let stem = slug(SAMPLE_TITLE);

    // The teacher's key: the denial and the emails sentence.
    let t = Browser::open().await;
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    assert_eq!(t.text("#claims-heading").await, "Answer key");
    t.add_claim_by_key(DENIAL).await;
    t.add_claim_by_key(EMAILS).await;
    t.find("#exercise-instructions")
        .await
        .send_keys("Mark every sourced claim.")
        .await
        .unwrap();
    t.wait_stored(CLASSROOM_KEY, "Mark every sourced claim.")
        .await;
    let link = t.copy_exercise_link().await;

    // Ana: the emails sentence with the end of the one before it (a run-on span), marked
    // Verified, and a passage the key leaves out; she hands in by file.
    let ana = student_works(&link, "Ana", &[RUN_ON, EXTRA]).await;
    assert!(ana
        .text(".student-banner")
        .await
        .contains("Mark every sourced claim."));
    // In reading order the left-out passage comes first, the run-on span last.
    ana.click(".claim-list > :last-child > :last-child .claim-item")
        .await;
    ana.mark_verified().await;
    ana.wait_text(".student-progress", "2 marked · 0 with a source")
        .await;
    ana.press("Submit").await;
    let ana_name = format!("{stem}-ana.submission.json");
    let ana_file = ana.downloaded(&ana_name).await;
    ana.wait_text_containing(".handed-in", "Handed in at").await;

    // Ben: the denial, and too little of the emails sentence; he hands in by code.
    let ben = student_works(&link, "Ben", &[DENIAL, NEAR_MISS]).await;
    let code = ben.copy_submission_code().await;
    ben.wait_text_containing(".handed-in", "Handed in at").await;

    // The teacher loads the key and Ana's file, and pastes Ben's code.
    t.press("Export answer key").await;
    let key = t.downloaded(&format!("{stem}.key.json")).await;
    let files = [dir.write("key.json", &key), dir.write(&ana_name, &ana_file)];
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    t.choose_files_in("#scoring-files", &refs).await;
    t.paste_codes(&[&code]).await;
    t.wait_text(".class-table caption", "2 scored · 0 flagged")
        .await;

    // Ana's run-on span found the emails claim (not one extra and one missed); it costs in span
    // fit, and her status is judged over what she found.
    let row = t.class_row("Ana").await;
    let cells: Vec<&str> = row.split(" | ").collect();
    assert_eq!(cells[2], "1 of 2", "found: {row}");
    assert_eq!(
        cells[3], "1",
        "one extra claim, the passage the key leaves out: {row}"
    );
    assert_eq!(cells[5], "0% (0/1)", "status over what was found: {row}");
    let fit: f64 = cells[7].trim_end_matches('%').parse().unwrap();
    assert!(
        fit > 0.0 && fit < 100.0,
        "the run-on's span fit shows: {row}"
    );

    // Ben's review: the near miss is offered; accepting it counts it as found at once.
    let ben_row = t.class_row("Ben").await;
    assert!(ben_row.contains("1 of 2"), "{ben_row}");
    t.open_student_review("Ben").await;
    assert!(t.review_summary().await.contains("Found 1 of 2"));
    t.accept_near_miss().await;
    t.wait_text_containing(".review-summary", "Found 2 of 2")
        .await;
    t.comment_on_key_claim(1, "Good: the denial and its source.")
        .await;
    t.write_overall_comment("Mark the whole sentence next time.")
        .await;
    // The review is long: the button sits under a toast until scrolled into the open.
    t.script(
        "document.getElementById('export-feedback').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    t.press("Export feedback").await;
    let name = format!("{stem}-ben.feedback.json");
    let feedback_text = t.downloaded(&name).await;
    let feedback = parse_feedback(&feedback_text).unwrap();
    assert_eq!(feedback.student, "Ben");
    assert_eq!(feedback.overall, "Mark the whole sentence next time.");
    assert!(
        feedback.key.is_none(),
        "the key is not released unless ticked"
    );

    // Back in the table, Ben's row follows the override; a reload keeps all of it.
    t.press("← Back to the class").await;
    t.wait_for(".class-table").await;
    assert!(t.class_row("Ben").await.contains("2 of 2"));
    t.reload().await;
    t.wait_text(".class-table caption", "2 scored · 0 flagged")
        .await;
    assert!(t.class_row("Ben").await.contains("2 of 2"));
    t.open_student_review("Ben").await;
    assert!(t.exists_button("Undo accept").await);

    // Ben opens the feedback on his own work.
    ben.open_file(&dir.write(&name, &feedback_text)).await;
    ben.wait_for(".feedback-view").await;
    let shown = ben.text(".feedback-view").await;
    for expected in [
        "Mark the whole sentence next time.",
        "Good: the denial and its source.",
    ] {
        assert!(
            shown.contains(expected),
            "the feedback lacks {expected:?}: {shown}"
        );
    }
    assert!(!shown.contains("The answer key"), "not released: {shown}");

    ana.close().await;
    ben.close().await;
    t.close().await;
}
