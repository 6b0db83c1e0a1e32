#![cfg(not(target_arch = "wasm32"))]
//! End to end, a teacher's review of one student and the feedback that goes back: the teacher
//! loads the key and two submissions, opens one student, rejects a match, marks an extra claim
//! valid, comments and exports feedback with the key released; a reload keeps the scoring
//! session; the student opens the feedback in Student mode and sees it on the article.

use std::path::Path;

use claimcheck::core::classroom::exercise::{Exercise, Submission};
use claimcheck::core::classroom::feedback::parse_feedback;
use claimcheck::core::classroom::saved_scoring::scoring_key;
use claimcheck::core::model::Claim;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{Browser, TempDir};

const EMAILS: &str = "The Ledger has not independently verified those emails.";
const EXTRA: &str = "Halvorsen Marine, a firm registered in 2024";

/// The teacher's key: the denial and the emails sentence; exported as exercise and key files.
async fn teacher_exports(t: &Browser) -> (String, String) {
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    for phrase in [DENIAL, EMAILS] {
        t.add_claim_by_key(phrase).await;
    }
    t.press("Export exercise").await;
    let stem = slug(SAMPLE_TITLE);
    let exercise = t.downloaded(&format!("{stem}.exercise.json")).await;
    let key = t.downloaded(&format!("{stem}.key.json")).await;
    (exercise, key)
}

/// Ben's submission, made here rather than in a third browser: the denial only.
fn bens_submission(exercise: &Exercise) -> String {
    let text = &exercise.article.text;
    let start = text.find(DENIAL).unwrap();
    let chars = |b: usize| text[..b].chars().count();
    let (s, e) = (chars(start), chars(start + DENIAL.len()));
    let (quote, position) = claimcheck::core::anchoring::selectors::describe(text, s, e).unwrap();
    let claim = Claim::unverified(
        "ben-1".into(),
        quote,
        position,
        "2026-03-02T09:00:00Z",
        "2026-03-02T09:00:00Z",
    );
    Submission::new(
        exercise,
        "Ben",
        vec![claim],
        "2026-03-02T09:00:00Z",
        "2026-03-02T09:20:00Z",
    )
    .to_json()
}

#[tokio::test]
#[ignore]
async fn a_teacher_reviews_one_student_and_the_student_reads_the_feedback() {
    let dir = TempDir::new("student-review");
    let t = Browser::open().await;
    let (exercise_text, key_text) = teacher_exports(&t).await;
    let exercise: Exercise = serde_json::from_str(&exercise_text).unwrap();

    // Ana, in a profile of her own: the denial and an extra passage.
    let s = Browser::open().await;
    s.open_file(&dir.write("port.exercise.json", &exercise_text))
        .await;
    s.wait_for(".student-banner").await;
    s.add_claim_by_key(DENIAL).await;
    s.add_claim_by_key(EXTRA).await;
    s.find("#student-name")
        .await
        .send_keys("Ana")
        .await
        .unwrap();
    s.press("Submit").await;
    let ana_file = format!("{}-ana.submission.json", slug(SAMPLE_TITLE));
    let ana = s.downloaded(&ana_file).await;

    let files = [
        dir.write("port.key.json", &key_text),
        dir.write(&ana_file, &ana),
        dir.write("ben.submission.json", bens_submission(&exercise)),
    ];
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    t.choose_files_in("#scoring-files", &refs).await;
    t.wait_text(".class-table caption", "2 scored · 0 flagged")
        .await;

    // Ana's review: her denial found, the extra passage marked as not in the key, signs and
    // words, not colour alone.
    t.open_student_review("Ana").await;
    let focused = t.script("return document.activeElement.id;", vec![]).await;
    assert_eq!(focused, "review-heading", "the review takes the focus");
    assert!(t.review_summary().await.contains("Found 1 of 2 key claims"));
    let student_badge = |kind: &str| format!(".review-article .rv-badge-{kind}:not(.rv-badge-key)");
    assert_eq!(t.count(&student_badge("found")).await, 1);
    assert_eq!(t.count(&student_badge("extra")).await, 1);
    let spoken = t
        .text(".review-article .rv-badge-extra .visually-hidden")
        .await;
    assert!(spoken.contains("not in the key"), "{spoken}");
    assert!(
        t.text(".review-article").await.contains('✗'),
        "the missed key claim is marked"
    );

    // The teacher marks the extra claim valid (it counts as found), rejects the match, and
    // comments; the summary follows each override at once.
    t.press("Mark valid").await;
    t.wait_for(".review-others .rv-valid").await;
    t.wait_text_containing(".review-summary", "Found 2 of 2")
        .await;
    assert!(t.exists_button("Add to the key").await);
    t.press("Reject this match").await;
    t.wait_text_containing(".review-summary", "Found 1 of 2")
        .await;
    assert!(t.exists_button("Undo reject").await);
    t.comment_on_key_claim(1, "Who denies it? Name the source.")
        .await;
    t.write_overall_comment("A careful start.").await;
    let kept = scoring_key(&exercise.id);
    t.wait_stored(&kept, "A careful start.").await;
    t.wait_stored(&kept, "\"rejected\":[[").await;

    t.click("#release-key").await;
    t.press("Export feedback").await;
    let name = format!("{}-ana.feedback.json", slug(SAMPLE_TITLE));
    let feedback_text = t.downloaded(&name).await;
    let feedback = parse_feedback(&feedback_text).unwrap();
    assert_eq!(feedback.student, "Ana");
    assert_eq!(feedback.overall, "A careful start.");
    assert!(feedback
        .missed
        .iter()
        .any(|m| m.comment == "Who denies it? Name the source."));
    assert_eq!(feedback.key.as_ref().map(Vec::len), Some(2), "released");
    assert_eq!((feedback.tally.found, feedback.tally.valid_extra), (0, 1));

    // Esc goes back to the table, where Ana's row shows the override.
    t.find("#review-heading")
        .await
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    t.wait_for(".class-table").await;

    // A reload keeps the scoring session: key, submissions, overrides and comments.
    t.reload().await;
    t.wait_text(".class-table caption", "2 scored · 0 flagged")
        .await;
    t.open_student_review("Ana").await;
    assert!(t.exists_button("Undo reject").await);
    let overall = t
        .script(
            "return document.getElementById('overall-comment').value;",
            vec![],
        )
        .await;
    assert_eq!(overall, "A careful start.");

    // Ana opens the feedback on her work: her claims marked on the article, the comments, and
    // the key the teacher released.
    s.open_file(&dir.write(&name, &feedback_text)).await;
    s.wait_toast("Feedback on").await;
    s.wait_for(".feedback-view").await;
    let shown = s.text(".feedback-view").await;
    for expected in [
        "A careful start.",
        "Who denies it? Name the source.",
        "The answer key",
        "Valid, not in the key",
    ] {
        assert!(
            shown.contains(expected),
            "the feedback lacks {expected:?}: {shown}"
        );
    }
    assert!(s.count(".feedback-view .review-article .rv-badge").await >= 2);
    // Back to the work, and the feedback is one click away; a damaged file is refused.
    s.press("Back to my work").await;
    s.wait_for(".feedback-bar").await;
    let damaged = feedback_text.replace("A careful start.", "Perfect!");
    s.open_file(&dir.write("damaged.feedback.json", &damaged))
        .await;
    s.wait_toast("changed or damaged").await;
    s.close().await;
    t.close().await;
}
