#![cfg(not(target_arch = "wasm32"))]
//! End to end, a classroom exercise: a teacher builds an exercise and its key, two students
//! (each in a browser profile of their own) open it, annotate differently and submit, and the
//! teacher scores the class — in real headless Chromium against the release build.

#[allow(dead_code)] // each test file uses part of the shared driver
mod e2e_support;

use claimcheck::core::classroom::scoring::{score_files, Rubric};
use claimcheck::core::text::paragraphs::slug;
use e2e_support::Browser;

const SAMPLE_TITLE: &str =
    "Port authority chief approved dredging contract for firm tied to his brother, records show";
const DENIAL: &str = "Port Authority director Tomas Reyl denied any wrongdoing.";
const EMAILS: &str = "The Ledger has not independently verified those emails.";
const BOARD: &str = "said the director had never raised the matter with them";
const EXTRA: &str = "Halvorsen Marine, a firm registered in 2024";

async fn mark(b: &Browser, phrase: &str) {
    b.drag_select(phrase).await;
    b.press_key("a").await;
    b.pause(200).await;
}

fn temp_dir(what: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-{what}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A student opens the exercise, marks `phrases` (the first one Verified) and submits as `name`.
async fn student(exercise: &std::path::Path, name: &str, phrases: &[&str]) -> (String, String) {
    let b = Browser::open().await;
    b.choose_file(exercise).await;
    b.wait_for(".student-banner").await;
    assert!(b
        .text(".student-banner")
        .await
        .contains("Find the sourced claims."));
    assert!(b
        .text(".student-banner")
        .await
        .contains("The answer key has 3 sourced claims."));
    assert!(
        b.button("Edit article")
            .await
            .attr("disabled")
            .await
            .unwrap()
            .is_some(),
        "read-only"
    );
    for phrase in phrases {
        mark(&b, phrase).await;
    }
    b.button("Verified").await.click().await.unwrap();
    // Handing in without a name is refused, with the reason.
    b.button("Submit").await.click().await.unwrap();
    b.wait_for(".submit-problems").await;
    assert!(b
        .text(".submit-problems")
        .await
        .contains("Write your name first."));
    b.find("#student-name").await.send_keys(name).await.unwrap();
    b.pause(600).await;
    // Work in progress survives a reload, name and all.
    b.client.refresh().await.unwrap();
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
    b.choose_file(exercise).await;
    b.pause(500).await;
    assert_eq!(b.count(".claim-item").await, phrases.len());
    b.button("Submit").await.click().await.unwrap();
    let file = format!("{}-{}.submission.json", slug(SAMPLE_TITLE), slug(name));
    let text = b.downloaded(&file).await;
    b.close().await;
    (file, text)
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_teacher_scores_two_students_against_a_key() {
    // The teacher builds the exercise: three key claims, instructions, the count hint.
    let t = Browser::open().await;
    t.button("Teacher").await.click().await.unwrap();
    t.wait_for(".teacher-panel").await;
    for phrase in [DENIAL, EMAILS, BOARD] {
        mark(&t, phrase).await;
    }
    t.find(".claim-item").await.click().await.unwrap();
    t.button("Verified").await.click().await.unwrap();
    t.find("#exercise-instructions")
        .await
        .send_keys("Find the sourced claims.")
        .await
        .unwrap();
    t.find(".exercise-settings label:nth-of-type(3) input")
        .await
        .click()
        .await
        .unwrap();
    t.pause(400).await;
    t.button("Export exercise").await.click().await.unwrap();
    let stem = slug(SAMPLE_TITLE);
    let exercise_text = t.downloaded(&format!("{stem}.exercise.json")).await;
    let key_text = t.downloaded(&format!("{stem}.key.json")).await;
    assert!(
        !exercise_text.contains("\"claims\""),
        "the exercise never carries the key"
    );
    let dir = temp_dir("classroom");
    let exercise = dir.join(format!("{stem}.exercise.json"));
    std::fs::write(&exercise, &exercise_text).unwrap();

    // Print worksheet, then the browser's print: the worksheet. Printing again (Ctrl+P, say)
    // prints the page, not the worksheet again.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let printed = |pdf: Vec<u8>| flat(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    // WebDriver cannot drive the print dialog: the page's print() is a no-op here and
    // WebDriver's own print stands in for the dialog (firing the same print events).
    t.script("window.print = () => {};", vec![]).await;
    t.button("Print worksheet").await.click().await.unwrap();
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
    t.button("Print answer key").await.click().await.unwrap();
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
    let paths: Vec<std::path::PathBuf> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
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

    // What the table shows is what the scoring core computes for the same files.
    let subs: Vec<(&str, &str)> = files[1..]
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let expected = score_files(&key_text, &subs, &Rubric::default()).unwrap();
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

    // Sorting by name, and a rubric that only counts claims found.
    t.find(".class-table thead th:nth-child(1) button")
        .await
        .click()
        .await
        .unwrap();
    t.wait_text(".class-table tbody tr:first-child th", "Ana Silva")
        .await;
    t.find(".class-table thead th:nth-child(1) button")
        .await
        .click()
        .await
        .unwrap();
    t.wait_text(".class-table tbody tr:first-child th", "Ben")
        .await;
    for (id, value) in [
        ("weight-found", "1"),
        ("weight-precision", "0"),
        ("weight-status", "0"),
        ("weight-source", "0"),
    ] {
        let field = t.find(&format!("#{id}")).await;
        field.clear().await.unwrap();
        field.send_keys(&format!("{value}\t")).await.unwrap();
    }
    t.pause(300).await;
    let found_only = Rubric {
        found: 1.0,
        precision: 0.0,
        status: 0.0,
        source: 0.0,
    };
    let rescored = score_files(&key_text, &subs, &found_only).unwrap();
    let ben_total = rescored.students[1].score.as_ref().unwrap().total;
    t.wait_text(
        ".class-table tbody tr:first-child td.total",
        &format!("{:.0}%", ben_total * 100.0),
    )
    .await;

    // Grades download as CSV, one row per student.
    t.button("Export grades").await.click().await.unwrap();
    let grades = t.downloaded(&format!("{stem}.grades.csv")).await;
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(grades.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(records.len(), 3);
    let names: Vec<&str> = records.iter().map(|r| &r[0]).collect();
    assert_eq!(names, ["Ben", "Ana Silva", "Cy"], "in the table's order");
    assert_eq!(&records[0][1], format!("{:.1}", ben_total * 100.0));
    assert!(records[2][8].contains("another exercise"));

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
    assert!((total - ana_score.total).abs() < 1e-9);
    let _ = std::fs::remove_dir_all(&dir);
    t.close().await;
}
