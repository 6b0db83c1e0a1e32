#![cfg(not(target_arch = "wasm32"))]
//! End to end, files in and out: exports in every format, downloaded and parsed; imports of
//! those files into a fresh browser; and bad imports refused with a message, in headless
//! Chromium against the release build (see tests/e2e_claims.rs).

use claimcheck::core::formats::native;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{fixture, Browser, TempDir};
use serde_json::Value;

const DROUGHT: &str = "Aid agencies say drought relief";

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn w3c_claimreview_and_csv_exports_download_and_parse() {
    let b = Browser::open().await;
    b.add_claim_by_key(DENIAL).await;
    b.mark_verified().await;
    b.set_source("=Tomas Reyl").await;
    b.wait_saved().await;
    let stem = slug(SAMPLE_TITLE);

    let w3c: Value = serde_json::from_str(
        &b.export_download(
            "Export W3C annotations",
            &format!("{stem}.annotations.jsonld"),
        )
        .await,
    )
    .unwrap();
    assert_eq!(w3c["type"], "AnnotationCollection");
    let annotation = &w3c["first"]["items"][0];
    assert_eq!(annotation["motivation"], "assessing");
    assert_eq!(annotation["target"]["selector"][0]["exact"], DENIAL);

    let reviews: Value = serde_json::from_str(
        &b.export_download("Export ClaimReview", &format!("{stem}.claimreview.jsonld"))
            .await,
    )
    .unwrap();
    assert_eq!(reviews[0]["@type"], "ClaimReview");
    assert_eq!(reviews[0]["claimReviewed"], DENIAL);
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Verified");

    let csv_text = b
        .export_download("Export CSV", &format!("{stem}.claims.csv"))
        .await;
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[0], DENIAL);
    assert_eq!(&row[1], "verified");
    assert_eq!(&row[2], "'=Tomas Reyl", "a formula-like cell is defused");

    // The same exports for scripts.
    assert_eq!(b.export_as("csv", None).await, csv_text);
    let bad = b
        .script("try { window.claimcheck.exportAs('pdf'); return 'no error'; } catch (e) { return e.message; }", vec![])
        .await;
    assert!(bad.as_str().unwrap().contains("format must be"), "{bad}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn an_export_imports_into_an_empty_library_as_the_same_claims() {
    let a = Browser::open().await;
    a.add_claim_by_key(DENIAL).await;
    a.add_claim_by_key("The Northern Gazette reported last week")
        .await;
    a.mark_verified().await;
    a.write_note("Check the minutes.").await;
    a.wait_saved().await;
    let name = format!("{}.claims.json", slug(SAMPLE_TITLE));
    let exported = a.export_download("Export JSON", &name).await;
    a.close().await;

    let b = Browser::open().await;
    let dir = TempDir::new("import");
    let file = dir.write(&name, &exported);
    b.import_file(&file).await;
    b.wait_counts("2 claims · 1 verified · 1 unverified").await;
    assert!(b.text(".toasts").await.contains("2 added"));
    let again = b.export_json().await;
    let (before, after) = (
        native::parse(&exported).unwrap(),
        native::parse(&again).unwrap(),
    );
    assert_eq!(
        before.claims, after.claims,
        "export → import → export is the identity"
    );
    // Importing the same file again changes nothing.
    b.import_file(&file).await;
    b.wait_toast("2 already here").await;
    let report = b.import_json(&exported).await;
    assert_eq!(report["added"], 0);
    assert_eq!(report["unchanged"], 2);
    b.close().await;
}

/// The parser's whole table of bad files and their messages is tests/import_messages.rs; here,
/// in the page, one of them shows its message reaches the caller, and the checks the browser
/// edge makes itself (the import size limit, a file that is not text, a script's non-string)
/// give theirs; through all of them storage stays byte for byte as it was.
#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn bad_imports_get_a_message_and_leave_storage_byte_for_byte_unchanged() {
    let b = Browser::open().await;
    b.add_claim_by_key(DENIAL).await;
    b.wait_saved().await;
    let good: Value = serde_json::from_str(&b.export_json().await).unwrap();
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        v.to_string()
    };
    let bad: Vec<(String, &str)> = vec![
        (
            with(&|v| v["claims"][0]["quote"]["exact"] = "words not there".into()),
            "claims[0].quote.exact does not match",
        ),
        ("x".repeat(6 * 1024 * 1024), "up to 5 MB"),
        (
            with(&|v| v["claims"][0]["note"] = "x".repeat(10 * 1024 * 1024).into()),
            "up to 5 MB",
        ),
    ];
    let before = b.storage_snapshot().await;
    for (i, (text, expected)) in bad.iter().enumerate() {
        let report = b.import_json(text).await;
        assert_eq!(report["ok"], false, "case {i}: {report}");
        let error = report["error"].as_str().unwrap_or_default();
        assert!(
            error.contains(expected),
            "case {i}: {error:?} lacks {expected:?}"
        );
    }
    // A file that is not UTF-8 text never reaches the parser; the page says why, naming it.
    let dir = TempDir::new("bad");
    let mut latin1 = br#"{"format":"claimcheck","version":2,"note":"caf"#.to_vec();
    latin1.extend([0xE9, b'"', b'}']);
    b.import_file(&dir.write("latin1.json", latin1)).await;
    let toasts = b
        .wait_toast("\"latin1.json\" is not UTF-8 or UTF-16 text")
        .await;
    assert!(toasts.contains("Nothing was imported"), "{toasts}");
    // A non-string is refused too, without throwing.
    let report = b
        .script("return window.claimcheck.importJson(42);", vec![])
        .await;
    assert_eq!(report["ok"], false);
    assert_eq!(b.storage_snapshot().await, before, "storage changed");
    assert_eq!(b.counts().await, "1 claim · 0 verified · 1 unverified");
    b.close().await;
}

/// What the first browser exported: the drought sample's W3C annotations, the whole library as
/// JSON, and the drought sample's title.
struct Exported {
    w3c: String,
    library: String,
    drought_title: String,
}

/// Two articles with a claim each, exported as W3C annotations, as a library, and as the
/// library's CSV (checked here).
async fn export_two_articles() -> Exported {
    let a = Browser::open().await;
    a.add_claim_by_key(DENIAL).await;
    a.mark_verified().await;
    a.set_source("Tomas Reyl").await;
    a.wait_saved().await;
    a.open_sample(DROUGHT).await;
    a.add_claim_by_key("the United Nations World Food Programme said on Thursday")
        .await;
    a.wait_saved().await;
    let drought_title = a.text("#article-title").await;
    let w3c = a
        .export_download(
            "Export W3C annotations",
            &format!("{}.annotations.jsonld", slug(&drought_title)),
        )
        .await;
    let today = a
        .script("return new Date().toISOString().slice(0, 10);", vec![])
        .await;
    let today = today.as_str().unwrap();
    let library = a
        .export_download(
            "Export library as JSON",
            &format!("claimcheck-library-{today}.library.json"),
        )
        .await;
    let csv_text = a
        .export_download(
            "Export library as CSV",
            &format!("claimcheck-library-{today}.claims.csv"),
        )
        .await;
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2, "one row per claim of the whole library");
    assert_eq!(&rows[0][0], SAMPLE_TITLE);
    assert_eq!(&rows[0][2], DENIAL);
    a.close().await;
    Exported {
        w3c,
        library,
        drought_title,
    }
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn w3c_library_and_hypothesis_files_import_back() {
    let exported = export_two_articles().await;
    // A fresh browser: the W3C file alone brings the article and its claim.
    let b = Browser::open().await;
    let dir = TempDir::new("interchange");
    b.import_file(&dir.write("drought.annotations.jsonld", &exported.w3c))
        .await;
    b.wait_text("#article-title", &exported.drought_title).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    assert!(b
        .text(".toasts")
        .await
        .contains("as a new article: 1 added"));
    assert_eq!(
        b.export_as("w3c", None).await,
        exported.w3c,
        "W3C export → import → export is the identity"
    );
    library_merges_into_what_is_here(&b, &exported).await;
    hypothesis_annotations_find_their_words(&b).await;
    b.close().await;
}

/// The library file brings both articles; the one already here is merged, not doubled.
async fn library_merges_into_what_is_here(b: &Browser, exported: &Exported) {
    let report = b.import_json(&exported.library).await;
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["format"], "Claimcheck library");
    assert_eq!(report["articles"].as_array().unwrap().len(), 2);
    let whole: Value =
        serde_json::from_str(&b.export_as("claimcheck", Some("library")).await).unwrap();
    let original: Value = serde_json::from_str(&exported.library).unwrap();
    let titles = |v: &Value| {
        let mut t: Vec<String> = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["article"]["title"].as_str().unwrap().to_string())
            .collect();
        t.sort();
        t
    };
    assert_eq!(titles(&whole), titles(&original));
    let claims_of = |v: &Value, title: &str| {
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["article"]["title"] == title)
            .unwrap()["claims"]
            .clone()
    };
    assert_eq!(
        claims_of(&whole, SAMPLE_TITLE),
        claims_of(&original, SAMPLE_TITLE)
    );
    assert_eq!(
        claims_of(&whole, &exported.drought_title),
        claims_of(&original, &exported.drought_title)
    );
}

/// A Hypothesis export: found by its words, tags become statuses, the reply and the page note
/// are left out, the annotation that repeats a claim here is a duplicate.
async fn hypothesis_annotations_find_their_words(b: &Browser) {
    b.open_sample("Port authority chief").await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;
    b.import_file(&fixture("hypothesis_export.json")).await;
    b.wait_counts("2 claims · 1 verified · 1 unverified").await;
    let toast = b.text(".toasts").await;
    for expected in [
        "1 added",
        "1 duplicate skipped",
        "found by their words",
        "0 orphaned",
        "2 annotations that mark no passage",
    ] {
        assert!(toast.contains(expected), "{toast:?} lacks {expected:?}");
    }
    let claims = b.claims().await;
    let gazette = claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hyp-Rx9wQq2uEe-8lI1uYi3bZh")
        .expect("the Hypothesis annotation became a claim");
    assert_eq!(gazette["status"], "unverified");
    assert_eq!(
        gazette["note"],
        "The Gazette story is behind a paywall; we could not see the emails."
    );
}
