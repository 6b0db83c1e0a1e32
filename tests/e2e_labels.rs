#![cfg(not(target_arch = "wasm32"))]
//! End to end, claim labels: a teacher gives an exercise a label set (a preset and one typed
//! in, a bad one refused with its message) and labels the key; a student opens the exercise in
//! a profile of their own and tags two claims; the list and the highlights show the labels as
//! words; the exports carry them, and importing the export into a fresh profile keeps them.

use claimcheck::core::classroom::session::CLASSROOM_KEY;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{Browser, TempDir};
use serde_json::Value;

const EMAILS: &str = "The Ledger has not independently verified those emails.";

/// The labels of the article's claims, in reading order, as `window.claimcheck.claims()` has
/// them.
fn labels_of(claims: &Value) -> Vec<Option<String>> {
    claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().map(str::to_string))
        .collect()
}

/// The teacher's label set and key, exported: the exercise file's text.
async fn teacher_exports_a_labelled_exercise(t: &Browser) -> String {
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    t.use_label_preset("Fact / opinion").await;
    t.wait_label_set(&["fact", "opinion"]).await;
    // A label already there, in other letters, is refused with the rule.
    t.add_label("  FACT ").await;
    t.wait_text(
        ".label-set-editor .error",
        "“fact” is already in the label set.",
    )
    .await;
    t.add_label("needs context").await;
    t.wait_label_set(&["fact", "opinion", "needs context"])
        .await;
    t.wait_stored(
        CLASSROOM_KEY,
        r#""labels":["fact","opinion","needs context"]"#,
    )
    .await;
    assert_eq!(
        t.text(".label-set-editor .error").await,
        "",
        "the message goes"
    );
    t.add_claim_by_key(DENIAL).await;
    t.tag_claim("fact").await;
    t.add_claim_by_key(EMAILS).await;
    t.tag_claim("needs context").await;
    assert_eq!(
        labels_of(&t.claims().await),
        [Some("fact".into()), Some("needs context".into())]
    );
    t.press("Export exercise").await;
    let stem = slug(SAMPLE_TITLE);
    let exercise = t.downloaded(&format!("{stem}.exercise.json")).await;
    let key: Value =
        serde_json::from_str(&t.downloaded(&format!("{stem}.key.json")).await).unwrap();
    assert_eq!(key["claims"][0]["label"], "fact");
    assert_eq!(key["claims"][1]["label"], "needs context");
    exercise
}

#[tokio::test]
#[ignore = "needs a release build in CLAIMCHECK_DIST and chromedriver"]
async fn a_teacher_defines_labels_a_student_tags_claims_and_the_export_keeps_them() {
    let teacher = Browser::open().await;
    let exercise_text = teacher_exports_a_labelled_exercise(&teacher).await;
    let exercise: Value = serde_json::from_str(&exercise_text).unwrap();
    assert_eq!(
        exercise["settings"]["labels"],
        serde_json::json!(["fact", "opinion", "needs context"])
    );
    teacher.close().await;

    let dir = TempDir::new("labels");
    let path = dir.write("labelled.exercise.json", &exercise_text);
    let student = Browser::open().await;
    student.open_file(&path).await;
    student.wait_for(".student-banner").await;
    student.add_claim_by_key(DENIAL).await;
    student.tag_claim("opinion").await;
    student.add_claim_by_key(EMAILS).await;
    student.tag_claim("needs context").await;
    // Changing one's mind: another label takes the place of the first.
    student.tag_claim("fact").await;
    student.tag_claim("needs context").await;
    assert_eq!(student.listed_labels().await, ["opinion", "needs context"]);
    // The highlight says it in words too, where each claim ends.
    assert_eq!(student.count("mark.claim[data-label='opinion']").await, 1);
    assert!(student
        .attr("mark.claim[data-label='needs context']", "title")
        .await
        .contains("needs context"));
    student.wait_saved().await;

    let json = student.export_json().await;
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["version"], 3);
    assert_eq!(
        labels_of(&doc["claims"]),
        [Some("opinion".into()), Some("needs context".into())]
    );
    let w3c: Value = serde_json::from_str(&student.export_as("w3c", None).await).unwrap();
    let tags: Vec<String> = w3c["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["body"].as_array().unwrap().clone())
        .filter(|b| b["purpose"] == "tagging")
        .map(|b| b["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        tags,
        ["unverified", "opinion", "unverified", "needs context"]
    );
    let csv = student.export_as("csv", None).await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let label = reader.headers().unwrap().iter().position(|h| h == "label");
    let label = label.expect("a label column");
    let labels: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[label].to_string())
        .collect();
    assert_eq!(labels, ["opinion", "needs context"]);
    student.close().await;

    // A fresh profile, in Reader mode: the import keeps the labels, as words in the list.
    let reader = Browser::open().await;
    let report = reader.import_json(&json).await;
    assert!(report.to_string().contains("added"), "{report}");
    reader.wait_for(".claim-list .claim-label").await;
    assert_eq!(
        labels_of(&reader.claims().await),
        [Some("opinion".into()), Some("needs context".into())]
    );
    assert_eq!(reader.listed_labels().await, ["opinion", "needs context"]);
    // Reader mode keeps verified and unverified only: no label picker.
    reader.click(".claim-item").await;
    reader.wait_for(".claim-editor").await;
    assert_eq!(reader.count(".claim-editor .label-group").await, 0);
    reader.close().await;
}
