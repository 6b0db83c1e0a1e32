#![cfg(not(target_arch = "wasm32"))]
//! End to end, a classroom exercise: a teacher builds an exercise and its key, two students
//! (each in a browser profile of their own) open it, annotate differently and submit, and the
//! teacher scores the class — in real headless Chromium against the release build.

use std::path::{Path, PathBuf};

use claimcheck::core::classroom::scoring::{score_files, ClassReport, Rubric};
use claimcheck::core::classroom::session::CLASSROOM_KEY;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{Browser, TempDir};

const EMAILS: &str = "The Ledger has not independently verified those emails.";
const BOARD: &str = "said the director had never raised the matter with them";
const EXTRA: &str = "Halvorsen Marine, a firm registered in 2024";

/// A student opens the exercise, marks `phrases` (the first one Verified) and submits as `name`.
async fn student(exercise: &Path, name: &str, phrases: &[&str]) -> (String, String) {
    let b = Browser::open().await;
    b.open_file(exercise).await;
    b.wait_for(".student-banner").await;
    assert!(b
        .text(".student-banner")
        .await
        .contains("Find the sourced claims."));
    assert!(b
        .text(".student-banner")
        .await
        .contains("The answer key has 3 sourced claims."));
    // Student mode keeps the article's actions in its menu.
    b.press("Menu").await;
    assert!(
        b.button("Edit article")
            .await
            .attr("disabled")
            .await
            .unwrap()
            .is_some(),
        "read-only"
    );
    b.press("Menu").await;
    for phrase in phrases {
        b.add_claim_by_key(phrase).await;
    }
    b.press("Verified").await;
    // Handing in without a name is refused, with the reason.
    b.press("Submit").await;
    b.wait_for(".submit-problems").await;
    assert!(b
        .text(".submit-problems")
        .await
        .contains("Write your name first."));
    b.find("#student-name").await.send_keys(name).await.unwrap();
    b.wait_stored(CLASSROOM_KEY, &format!("\"student\":\"{name}\""))
        .await;
    // Work in progress survives a reload, name and all.
    b.reload().await;
    b.wait_for(".student-banner").await;
    let kept = b
        .script(
            "return document.getElementById('student-name').value;",
            vec![],
        )
        .await;
    assert_eq!(kept, name);
    assert_eq!(b.count(".claim-item").await, phrases.len());
    // Opening the same exercise again resumes it rather than starting over.
    b.open_file(exercise).await;
    b.wait_toast("Opened the exercise").await;
    assert_eq!(b.count(".claim-item").await, phrases.len());
    b.press("Submit").await;
    let file = format!("{}-{}.submission.json", slug(SAMPLE_TITLE), slug(name));
    let text = b.downloaded(&file).await;
    b.close().await;
    (file, text)
}

/// The teacher builds the exercise: three key claims, instructions, the count hint; exports
/// the exercise and its key.
async fn teacher_exports_an_exercise(t: &Browser) -> (String, String) {
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    for phrase in [DENIAL, EMAILS, BOARD] {
        t.add_claim_by_key(phrase).await;
    }
    t.click(".claim-item").await;
    t.press("Verified").await;
    t.find("#exercise-instructions")
        .await
        .send_keys("Find the sourced claims.")
        .await
        .unwrap();
    t.click(".exercise-settings label:nth-of-type(3) input")
        .await;
    t.wait_stored(CLASSROOM_KEY, "\"showCountHint\":true").await;
    t.press("Export exercise").await;
    let stem = slug(SAMPLE_TITLE);
    let exercise_text = t.downloaded(&format!("{stem}.exercise.json")).await;
    let key_text = t.downloaded(&format!("{stem}.key.json")).await;
    assert!(
        !exercise_text.contains("\"claims\""),
        "the exercise never carries the key"
    );
    (exercise_text, key_text)
}

/// Print worksheet, then the browser's print: the worksheet. Printing again (Ctrl+P, say)
/// prints the page, not the worksheet again. Print answer key prints the key.
async fn worksheet_and_key_print(t: &Browser) {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let printed = |pdf: Vec<u8>| flat(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    // WebDriver cannot drive the print dialog: the page's print() is a no-op here and
    // WebDriver's own print stands in for the dialog (firing the same print events).
    t.script("window.print = () => {};", vec![]).await;
    // The teacher panel is long: the button sits under the export's toast until scrolled up.
    t.script(
        "[...document.querySelectorAll('button')].find(b => b.textContent === 'Print worksheet')
            .scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    t.press("Print worksheet").await;
    let first = printed(t.print_pdf().await);
    assert!(first.contains("CLAIMCHECK WORKSHEET"), "{first}");
    let again = printed(t.print_pdf().await);
    assert!(!again.contains("CLAIMCHECK WORKSHEET"), "{again}");
    assert!(
        again.contains("Score submissions"),
        "the page itself: {again}"
    );
    // What they print: the worksheet and the key, as Chromium prints them.
    let worksheet = first;
    for expected in [
        "CLAIMCHECK WORKSHEET",
        "Name:",
        "Find the sourced claims.",
        "There are 3 sourced claims to find.",
        "¶3 Port Authority director Tomas Reyl denied any wrongdoing.",
        "Claim (the words)",
    ] {
        assert!(
            worksheet.contains(expected),
            "the worksheet lacks {expected:?}: {worksheet}"
        );
    }
    for absent in [
        "Score submissions",
        "Export",
        "answer key — for the teacher",
    ] {
        assert!(
            !worksheet.contains(absent),
            "the worksheet shows {absent:?}"
        );
    }
    t.press("Print answer key").await;
    let key_sheet = printed(t.print_pdf().await);
    assert!(
        key_sheet.contains("CLAIMCHECK ANSWER KEY — FOR THE TEACHER"),
        "{key_sheet}"
    );
    assert!(
        key_sheet.contains("¶3") && key_sheet.contains("— Verified"),
        "{key_sheet}"
    );
    assert!(!key_sheet.contains("Name:"));
}

/// Loads the key and the submissions (`files`, names and texts) for scoring through the file
/// input, then drops the first submission again on the box: it counts once.
async fn load_the_class(t: &Browser, dir: &TempDir, files: &[(String, String)]) {
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, text)| dir.write(name, text))
        .collect();
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    t.choose_files_in("#scoring-files", &refs).await;
    t.wait_for(".class-table").await;
    t.wait_text(".class-table caption", "2 scored · 1 flagged")
        .await;

    // Dropping a file on the box loads it too; the same submission again counts once.
    t.script(
        "const dt = new DataTransfer();
         dt.items.add(new File([arguments[1]], arguments[0], {type: 'application/json'}));
         document.querySelector('.scoring-drop').dispatchEvent(
             new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
        vec![files[1].0.clone().into(), files[1].1.clone().into()],
    )
    .await;
    t.wait_for(".scoring-problems").await;
    assert!(t
        .text(".scoring-problems")
        .await
        .contains("was loaded already; it counts once"));
    assert_eq!(t.text(".class-table caption").await, "2 scored · 1 flagged");
}

/// What the table shows is what the scoring core computes for the same files (`expected`):
/// rows, the heat strip, the per-claim counts, the common extras.
async fn the_table_shows_the_scores(t: &Browser, expected: &ClassReport) {
    let rows = t
        .script(
            "return [...document.querySelectorAll('.class-table tbody tr')].map(r => [...r.children].map(c => c.textContent));",
            vec![],
        )
        .await;
    let rows: Vec<Vec<String>> = serde_json::from_value(rows).unwrap();
    assert_eq!(rows.len(), 3);
    let ana_score = expected.students[0].score.as_ref().unwrap();
    let ben_score = expected.students[1].score.as_ref().unwrap();
    assert!(ana_score.total > ben_score.total);
    assert_eq!((ana_score.found, ana_score.extra), (2, 0));
    assert_eq!((ben_score.found, ben_score.extra), (1, 1));
    assert_eq!(rows[0][0], "Ana Silva", "sorted by total, best first");
    assert_eq!(rows[0][1], format!("{:.0}%", ana_score.total * 100.0));
    assert_eq!(rows[0][2], "2 of 3");
    assert_eq!(rows[1][0], "Ben");
    assert_eq!(rows[1][1], format!("{:.0}%", ben_score.total * 100.0));
    assert_eq!(rows[1][3], "1");
    assert_eq!(rows[2][0], "Cy");
    assert!(rows[2][1].contains("another exercise"), "{:?}", rows[2]);

    // The heat strip and the per-claim counts: the denial found by both, the board by none.
    assert_eq!(t.count(".heat-strip .heat-cell").await, 3);
    let counts = t.text(".key-claim-counts").await;
    assert!(
        counts.contains(&format!("{DENIAL} — found by 2 of 2")),
        "{counts}"
    );
    assert!(
        counts.contains(&format!("{EMAILS} — found by 1 of 2 (Ana Silva)")),
        "{counts}"
    );
    assert!(counts.contains("found by 0 of 2"), "{counts}");
    assert!(t.text(".common-extras").await.contains(EXTRA));
}

/// Sorting by name, then a rubric that only counts claims found; returns Ben's total under it.
async fn sort_by_name_and_count_only_found(
    t: &Browser,
    key_text: &str,
    subs: &[(&str, &str)],
) -> f64 {
    let by_name = ".class-table thead th:nth-child(1) button";
    t.click(by_name).await;
    t.wait_text(".class-table tbody tr:first-child th", "Ana Silva")
        .await;
    t.click(by_name).await;
    t.wait_text(".class-table tbody tr:first-child th", "Ben")
        .await;
    for (id, value) in [
        ("weight-found", "1"),
        ("weight-span-fit", "0"),
        ("weight-precision", "0"),
        ("weight-status", "0"),
        ("weight-source", "0"),
    ] {
        let field = t.find(&format!("#{id}")).await;
        field.clear().await.unwrap();
        field.send_keys(&format!("{value}\t")).await.unwrap();
    }
    let found_only = Rubric {
        found: 1.0,
        span_fit: 0.0,
        precision: 0.0,
        status: 0.0,
        source: 0.0,
        labels: 0.0,
    };
    let rescored = score_files(key_text, subs, &found_only).unwrap();
    let ben_total = rescored.students[1].score.as_ref().unwrap().total;
    t.wait_text(
        ".class-table tbody tr:first-child td.total",
        &format!("{:.0}%", ben_total * 100.0),
    )
    .await;
    ben_total
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_teacher_scores_two_students_against_a_key() {
    let t = Browser::open().await;
    let (exercise_text, key_text) = teacher_exports_an_exercise(&t).await;
    let stem = slug(SAMPLE_TITLE);
    let dir = TempDir::new("classroom");
    let exercise = dir.write(&format!("{stem}.exercise.json"), &exercise_text);
    worksheet_and_key_print(&t).await;

    // Two students, each in a browser of their own, annotate differently.
    let (ana_name, ana) = student(&exercise, "Ana Silva", &[DENIAL, EMAILS]).await;
    let (ben_name, ben) = student(&exercise, "Ben", &[EXTRA, DENIAL]).await;
    // A third file was made for another exercise: flagged, never scored.
    let mut other: serde_json::Value = serde_json::from_str(&ben).unwrap();
    other["exerciseId"] = "ex-0000000000000000".into();
    other["student"] = "Cy".into();
    let files = [
        (format!("{stem}.key.json"), key_text.clone()),
        (ana_name, ana),
        (ben_name, ben),
        ("cy.submission.json".to_string(), other.to_string()),
    ];
    load_the_class(&t, &dir, &files).await;

    let subs: Vec<(&str, &str)> = files[1..]
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let expected = score_files(&key_text, &subs, &Rubric::default()).unwrap();
    the_table_shows_the_scores(&t, &expected).await;
    let ben_total = sort_by_name_and_count_only_found(&t, &key_text, &subs).await;

    // Grades download as CSV, one row per student.
    t.press("Export grades").await;
    let grades = t.downloaded(&format!("{stem}.grades.csv")).await;
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(grades.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(records.len(), 3);
    let names: Vec<&str> = records.iter().map(|r| &r[0]).collect();
    assert_eq!(names, ["Ben", "Ana Silva", "Cy"], "in the table's order");
    assert_eq!(&records[0][1], format!("{:.1}", ben_total * 100.0));
    // The problem is the last column (column 8 before issue 13 added three).
    assert!(records[2][11].contains("another exercise"));

    // The same scores for scripts.
    let api = t
        .script(
            "return window.claimcheck.score(arguments[0], arguments[1]);",
            vec![
                key_text.clone().into(),
                serde_json::json!([files[1].1, files[2].1]),
            ],
        )
        .await;
    assert_eq!(api["students"][0]["name"], "Ana Silva");
    assert_eq!(api["students"][1]["found"], 1);
    let total = api["students"][0]["total"].as_f64().unwrap();
    let ana_total = expected.students[0].score.as_ref().unwrap().total;
    assert!((total - ana_total).abs() < 1e-9);
    t.close().await;
}
