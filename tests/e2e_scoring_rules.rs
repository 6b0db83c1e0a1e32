#![cfg(not(target_arch = "wasm32"))]
//! End to end, the scoring rule a teacher can defend (issue 13): a student's run-on span is
//! found with its span fit shown, a span over two key claims is too broad, every column explains
//! itself, a preset changes the weights, a negative weight gets a message, and
//! `window.claimcheck.review` gives the claim-by-claim shape — in headless Chromium against the
//! release build.

use std::path::Path;

use claimcheck::core::anchoring::selectors::describe;
use claimcheck::core::classroom::exercise::{Exercise, Key, Settings, Submission};
use claimcheck::core::classroom::scoring::{score_files, Preset, Rubric};
use claimcheck::core::model::{Article, Claim, SourceKind, Status};
use claimcheck_e2e_support::{Browser, TempDir};

const TEXT: &str = "The harbour board approved a new ferry route on Monday, its chair said. Tickets will cost £4. The route opens in May.\n\nUnion officials said drivers had not been consulted. The operator said it had met the union twice. Both sides will meet again next week.";
const ROUTE: &str = "The harbour board approved a new ferry route on Monday, its chair said.";
const UNION: &str = "Union officials said drivers had not been consulted.";
const OPERATOR: &str = "The operator said it had met the union twice.";

fn claim(id: &str, quote: &str, status: Status, kind: SourceKind) -> Claim {
    let byte = TEXT.find(quote).expect("in the text");
    let start = TEXT[..byte].chars().count();
    let (quote, position) = describe(TEXT, start, start + quote.chars().count()).unwrap();
    let t = "2026-03-02T10:00:00Z";
    Claim {
        status,
        source_kind: Some(kind),
        ..Claim::unverified(id.into(), quote, position, t, t)
    }
}

fn exercise() -> Exercise {
    let article = Article {
        id: "a-ferry".into(),
        title: "Ferry route approved".into(),
        text: TEXT.into(),
        ..Article::default()
    };
    Exercise::new(
        article,
        "Mark the sourced claims.",
        Settings::default(),
        None,
        "ex-ferry",
    )
}

/// The key (three claims) and one student's work: the route claim with the sentence after it
/// (a run-on), one span over the union's and the operator's claims (too broad).
fn files() -> (String, String) {
    let key = vec![
        claim("k1", ROUTE, Status::Verified, SourceKind::Person),
        claim("k2", UNION, Status::Unverified, SourceKind::Organization),
        claim("k3", OPERATOR, Status::Unverified, SourceKind::Organization),
    ];
    let run_on = format!("{ROUTE} Tickets will cost £4.");
    let student = vec![
        claim("s1", &run_on, Status::Verified, SourceKind::Person),
        claim(
            "s2",
            &format!("{UNION} {OPERATOR}"),
            Status::Unverified,
            SourceKind::Organization,
        ),
    ];
    let ex = exercise();
    let sub = Submission::new(&ex, "Ada", student, "", "").to_json();
    (Key::new(ex, key).to_json(), sub)
}

async fn cell(t: &Browser, class: &str) -> String {
    t.text(&format!(".class-table tbody tr:first-child td.{class}"))
        .await
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_run_on_span_is_found_and_every_column_explains_itself() {
    let (key, sub) = files();
    let dir = TempDir::new("scoring-rules");
    let paths = [
        dir.write("ferry.key.json", &key),
        dir.write("ferry-ada.submission.json", &sub),
    ];
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let expected = score_files(&key, &[("ada", sub.as_str())], &Rubric::default()).unwrap();
    let ada = expected.students[0].score.clone().unwrap();
    assert_eq!((ada.found, ada.too_broad, ada.extra), (1, 1, 0));
    assert!(ada.span_fit < 1.0);

    let t = Browser::open().await;
    t.press("Teacher").await;
    t.wait_for(".scoring-panel").await;
    t.choose_files_in("#scoring-files", &refs).await;
    t.wait_text(".class-table caption", "1 scored · 0 flagged")
        .await;

    // Found, with its span fit shown; the span over two key claims is too broad.
    assert_eq!(cell(&t, "found").await, "1 of 3");
    assert_eq!(
        cell(&t, "span-fit").await,
        format!("{:.0}%", ada.span_fit * 100.0)
    );
    assert_eq!(cell(&t, "too-broad").await, "1");
    assert_eq!(cell(&t, "extra").await, "0");
    // Agreement over what was found, as a fraction beside the percentage.
    assert_eq!(cell(&t, "status").await, "100% (1/1)");
    assert_eq!(cell(&t, "precision").await, "50% (1/2)");
    assert_eq!(
        cell(&t, "total").await,
        format!("{:.0}%", ada.total * 100.0)
    );

    // Every column heading explains itself: a tooltip and the same words as its description.
    let headings = t
        .script(
            "return [...document.querySelectorAll('.class-table thead th')].map(th => {
                 const el = th.querySelector('[aria-describedby]');
                 const help = el && document.getElementById(el.getAttribute('aria-describedby'));
                 return [th.querySelector('button, span').textContent, el ? el.title : '', help ? help.textContent : ''];
             });",
            vec![],
        )
        .await;
    let headings: Vec<(String, String, String)> = serde_json::from_value(headings).unwrap();
    assert_eq!(headings.len(), 10, "{headings:?}");
    for (label, title, help) in &headings {
        assert!(title.len() > 20, "{label} has no tooltip");
        assert_eq!(title, help, "{label}: the tooltip is its description");
    }
    let found = headings.iter().find(|h| h.0 == "Found").unwrap();
    assert!(found.1.contains("runs on"), "{}", found.1);
    t.click(".how-scores-work summary").await;
    assert!(t
        .text(".how-scores-work")
        .await
        .contains("A span is too broad"));

    // A preset changes the weights, and the total with them.
    t.press("Finding claims").await;
    let finding = Preset::FindingClaims.rubric();
    let rescored = score_files(&key, &[("ada", sub.as_str())], &finding).unwrap();
    let total = rescored.students[0].score.as_ref().unwrap().total;
    assert_ne!(total, ada.total);
    t.wait_text(
        ".class-table tbody tr:first-child td.total",
        &format!("{:.0}%", total * 100.0),
    )
    .await;
    let found_weight = t
        .script(
            "return document.getElementById('weight-found').value;",
            vec![],
        )
        .await;
    assert_eq!(found_weight, format!("{}", finding.found));
    assert_eq!(
        t.attr(".rubric-preset[aria-pressed='true']", "title").await,
        Preset::FindingClaims.description()
    );

    // A negative weight gets a message, and the total stays what it was.
    let field = t.find("#weight-precision").await;
    field.clear().await.unwrap();
    field.send_keys("-1\t").await.unwrap();
    t.wait_for(".rubric-problems").await;
    assert!(t
        .text(".rubric-problems")
        .await
        .contains("Precision: A weight cannot be negative"));
    assert_eq!(t.attr("#weight-precision", "aria-invalid").await, "true");
    assert_eq!(cell(&t, "total").await, format!("{:.0}%", total * 100.0));

    // The same claim by claim, for scripts.
    let review = t
        .script(
            "return window.claimcheck.review(arguments[0], arguments[1]);",
            vec![key.clone().into(), sub.clone().into()],
        )
        .await;
    assert_eq!(review["matched"][0]["key"], "k1");
    assert_eq!(review["matched"][0]["student"], "s1");
    let precision = review["matched"][0]["spanPrecision"].as_f64().unwrap();
    assert!(precision < 1.0 && precision > 0.5, "{precision}");
    assert_eq!(review["matched"][0]["statusAgrees"], true);
    assert_eq!(review["matched"][0]["sourceAgrees"], true);
    assert_eq!(review["missed"], serde_json::json!(["k2", "k3"]));
    assert_eq!(review["extra"], serde_json::json!([]));
    assert_eq!(review["tooBroad"][0]["student"], "s2");
    assert_eq!(
        review["tooBroad"][0]["keys"],
        serde_json::json!(["k2", "k3"])
    );
    // Overrides: the teacher accepts the too-broad span for the union's claim.
    let accepted = t
        .script(
            "return window.claimcheck.review(arguments[0], arguments[1], {accepted: [['k2', 's2']]});",
            vec![key.clone().into(), sub.clone().into()],
        )
        .await;
    assert_eq!(accepted["matched"][1]["byOverride"], true);
    assert_eq!(accepted["tooBroad"], serde_json::json!([]));
    // Bad input: a clear error.
    let error = t
        .script(
            "try { window.claimcheck.review('{', arguments[0]); return 'no error'; } catch (e) { return e.message; }",
            vec![sub.clone().into()],
        )
        .await;
    assert!(
        error
            .as_str()
            .unwrap()
            .starts_with("review: the key could not be read"),
        "{error}"
    );
    let error = t
        .script(
            "try { window.claimcheck.review(arguments[0], arguments[1], {accepted: 'k2'}); return 'no error'; } catch (e) { return e.message; }",
            vec![key.clone().into(), sub.clone().into()],
        )
        .await;
    assert!(
        error.as_str().unwrap().contains("overrides must be"),
        "{error}"
    );
    // score() gives the counts behind each figure.
    let score = t
        .script(
            "return window.claimcheck.score(arguments[0], [arguments[1]]);",
            vec![key.into(), sub.into()],
        )
        .await;
    let counts = &score["students"][0]["counts"];
    assert_eq!(counts["found"], serde_json::json!({"part": 1, "whole": 3}));
    assert_eq!(counts["status"], serde_json::json!({"part": 1, "whole": 1}));
    t.close().await;
}
