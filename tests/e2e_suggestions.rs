#![cfg(not(target_arch = "wasm32"))]
//! End to end, claim suggestions in real headless Chromium on the release build: a reader asks
//! for them, accepts one (its source filled in), dismisses others (with the buttons and the
//! keys), reloads (the dismissals and the claim stay), and accepts the rest; a teacher drafts
//! the key from them and allows hints; a student asks for one hint and hands in the count.
//!
//! The tests follow what `window.claimcheck.suggestClaims` finds in the article, not a fixed
//! list, so they hold whatever the suggester's rules become; the article is written so that any
//! suggester finds several attributed statements.

use claimcheck::core::classroom::session::CLASSROOM_KEY;
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::keys::ESCAPE;
use claimcheck_e2e_support::{Browser, TempDir};
use serde_json::Value;

const TITLE: &str = "Bridge opening delayed again";
const BODY: &str = "The mayor said the new bridge would open in May.\n\n\
    The council said the budget was short by two million euros.\n\n\
    Police said the river road would stay closed until Friday.\n\n\
    A spokeswoman for the port said the ferries would keep running.\n\n\
    The head teacher said classes would start an hour later.\n\n\
    Engineers told the council that the cables needed another test.\n\n\
    According to the city's records, the contract was signed in 2021.\n\n\
    It rained all day.";
const ALLOW_HINTS: &str =
    "Allow hints: ask for one suggested claim at a time (the count is handed in)";
const KINDS: [&str; 6] = [
    "person",
    "organization",
    "publication",
    "document",
    "anonymous",
    "none",
];

async fn open_article() -> Browser {
    let b = Browser::open().await;
    b.paste_article(&format!("{TITLE}\n\n{BODY}")).await;
    b.wait_text("#article-title", TITLE).await;
    b
}

fn start(s: &Value) -> usize {
    s["start"].as_u64().unwrap() as usize
}

/// The code points `start..end` of `text`.
fn code_points(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// `suggestClaims` gives plain objects in code points, and a clear error for a non-string.
async fn the_api_gives_the_documented_shape(b: &Browser) {
    let text = "😀 Intro.\n\nThe minister said taxes would fall next year.\n\nIt rained.";
    let found = b.suggest_claims_in(text).await;
    assert!(!found.is_empty(), "an attributed statement is found");
    for s in &found {
        let (from, to) = (start(s), s["end"].as_u64().unwrap() as usize);
        assert!(from < to, "{s}");
        assert_eq!(s["quote"], code_points(text, from, to), "code points: {s}");
        assert!(
            s["cue"].is_null()
                || s["cue"]["end"].as_u64().unwrap() > s["cue"]["start"].as_u64().unwrap()
        );
        if !s["source"].is_null() {
            let (ss, se) = (
                s["source"]["start"].as_u64().unwrap() as usize,
                s["source"]["end"].as_u64().unwrap() as usize,
            );
            assert!(s["source"]["text"].is_string(), "{s}");
            assert!(se <= text.chars().count() && ss < se, "{s}");
        }
        assert!(KINDS.contains(&s["sourceKind"].as_str().unwrap()), "{s}");
        let confidence = s["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{s}");
    }
    let error = b
        .script(
            "try { window.claimcheck.suggestClaims(42); return 'no error'; } catch (e) { return e.message; }",
            vec![],
        )
        .await;
    assert_eq!(error, "suggestClaims(text): text must be a string");
}

#[tokio::test]
#[ignore]
async fn a_reader_accepts_and_dismisses_suggestions_and_a_reload_keeps_both() {
    let b = open_article().await;
    the_api_gives_the_documented_shape(&b).await;
    let text = b.article_text().await;
    let expected = b.suggest_claims_in(&text).await;
    assert!(expected.len() >= 6, "{expected:?}");
    let starts: Vec<usize> = expected.iter().map(start).collect();

    b.suggest_claims().await;
    assert_eq!(b.listed_suggestions().await, starts);
    assert!(
        b.exists(".article-body .suggested").await,
        "outlined in the article"
    );
    assert!(b
        .text(".suggestion-count")
        .await
        .contains(&format!("{} suggestions", starts.len())));

    // Accepting makes an Unverified claim with the source, its kind and its phrase filled in.
    b.accept_suggestion(starts[0]).await;
    let claim = b.claims().await[0].clone();
    let first = &expected[0];
    assert_eq!(claim["position"]["start"].as_u64(), first["start"].as_u64());
    assert_eq!(claim["status"], "unverified");
    let source = first["source"]["text"].as_str().unwrap_or("");
    assert_eq!(claim["source"], source);
    assert_eq!(claim["sourceKind"], first["sourceKind"]);
    if !first["source"].is_null() {
        assert_eq!(
            claim["sourcePhrase"]["position"]["start"],
            first["source"]["start"]
        );
    }
    assert!(!b.listed_suggestions().await.contains(&starts[0]));

    // Dismissing with the button, then with J (next) and X (dismiss).
    b.dismiss_suggestion(starts[1]).await;
    b.click("#suggestions-heading").await;
    let current: usize = b
        .attr(".suggestion.current", "data-suggestion")
        .await
        .parse()
        .unwrap();
    b.press_key("j").await;
    let next = starts[2..]
        .iter()
        .copied()
        .cycle()
        .skip_while(|s| *s != current)
        .nth(1)
        .unwrap();
    b.wait_for(&format!(".suggestion.current[data-suggestion='{next}']"))
        .await;
    b.press_key("x").await;
    b.wait_suggestion_count(starts.len() - 3).await;
    let dismissed = [starts[1], next];
    b.wait_saved().await;
    let id = serde_json::from_str::<Value>(&b.export_json().await).unwrap()["article"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let key = format!("claimcheck:dismissed-suggestions:{id}");
    for s in &expected {
        if dismissed.contains(&start(s)) {
            b.wait_stored(&key, s["quote"].as_str().unwrap()).await;
        }
    }

    // After a reload: the claim is there, the dismissed suggestions stay dismissed.
    b.reload().await;
    b.wait_text("#article-title", TITLE).await;
    assert_eq!(b.claims().await[0]["source"], source);
    b.suggest_claims().await;
    let left: Vec<usize> = starts
        .iter()
        .copied()
        .filter(|s| *s != starts[0] && !dismissed.contains(s))
        .collect();
    assert_eq!(b.listed_suggestions().await, left);

    // Adjust selects the suggestion's words, so the selection toolbar adds it as a claim.
    b.click(&format!(
        ".suggestion[data-suggestion='{}'] .adjust-suggestion",
        left[0]
    ))
    .await;
    b.press("Add claim").await;
    b.wait_gone(&format!(".suggestion[data-suggestion='{}']", left[0]))
        .await;
    let adjusted = b.claims().await;
    let suggested = expected.iter().find(|s| start(s) == left[0]).unwrap();
    let claim = adjusted
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["position"]["start"].as_u64() == Some(left[0] as u64))
        .expect("the adjusted suggestion is a claim");
    assert_eq!(
        claim["source"],
        suggested["source"]["text"].as_str().unwrap_or(""),
        "it keeps the source the suggestion found"
    );
    assert_eq!(claim["sourceKind"], suggested["sourceKind"]);

    // Shift+J steps back (wrapping round to the last), Y accepts the current one.
    let rest = &left[1..];
    b.click("#suggestions-heading").await;
    b.wait_for(&format!(
        ".suggestion.current[data-suggestion='{}']",
        rest[0]
    ))
    .await;
    b.press_key("J").await;
    let last = *rest.last().unwrap();
    b.wait_for(&format!(".suggestion.current[data-suggestion='{last}']"))
        .await;
    b.press_key("y").await;
    b.wait_gone(&format!(".suggestion[data-suggestion='{last}']"))
        .await;
    assert!(b
        .claims()
        .await
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["position"]["start"].as_u64() == Some(last as u64)));
    // The ? dialog lists the suggestion keys.
    b.find("#article-body").await.send_keys("?").await.unwrap();
    b.wait_for(".shortcuts-dialog[open]").await;
    let keys = b.text(".shortcuts-dialog").await;
    assert!(keys.contains("J / Shift+J"), "{keys}");
    assert!(
        keys.contains("Accept / dismiss the current suggestion"),
        "{keys}"
    );
    b.press_key(ESCAPE).await;
    b.wait_gone(".shortcuts-dialog[open]").await;

    // Accept all takes the rest; then there is nothing left to handle.
    b.press("Accept all").await;
    b.wait_text(".suggestions-empty", "All suggestions handled.")
        .await;
    assert_eq!(b.claims().await.as_array().unwrap().len(), 1 + left.len());
    b.close().await;
}

#[tokio::test]
#[ignore]
async fn a_teacher_drafts_the_key_and_a_student_uses_one_counted_hint() {
    let t = open_article().await;
    let text = t.article_text().await;
    let expected = t.suggest_claims_in(&text).await;
    t.press("Teacher").await;
    t.wait_for(".teacher-panel").await;
    t.press("Draft key from suggestions").await;
    t.wait_toast(&format!("{} claims from suggestions", expected.len()))
        .await;
    assert_eq!(t.claims().await.as_array().unwrap().len(), expected.len());
    t.field(ALLOW_HINTS).await.click().await.unwrap();
    t.wait_stored(CLASSROOM_KEY, "\"allowHints\":true").await;
    t.press("Export exercise").await;
    let stem = slug(TITLE);
    let exercise = t.downloaded(&format!("{stem}.exercise.json")).await;
    let key = t.downloaded(&format!("{stem}.key.json")).await;
    assert!(exercise.contains("\"allowHints\": true"), "{exercise}");
    let dir = TempDir::new("suggestions");
    let exercise_path = dir.write(&format!("{stem}.exercise.json"), &exercise);

    // The student sees no suggestions, only Show a hint: one at a time, counted.
    let s = Browser::open().await;
    s.open_file(&exercise_path).await;
    s.wait_for(".student-banner").await;
    assert!(!s.exists_button("Suggest claims").await);
    assert_eq!(s.suggestion_count().await, 0);
    s.press("Show a hint").await;
    s.wait_suggestion_count(1).await;
    assert_eq!(s.listed_suggestions().await, vec![start(&expected[0])]);
    assert!(s.exists(".article-body .suggested").await);
    assert_eq!(s.text(".hints-used").await, "1 hint used");
    assert!(
        !s.exists(".suggestion .accept-suggestion").await,
        "the student marks it"
    );
    s.add_claim_by_key(expected[0]["quote"].as_str().unwrap())
        .await;
    s.wait_suggestion_count(0).await;
    s.find("#student-name")
        .await
        .send_keys("Ana")
        .await
        .unwrap();
    s.wait_stored(CLASSROOM_KEY, "\"hintsUsed\":1").await;
    s.press("Submit").await;
    let name = format!("{stem}-ana.submission.json");
    let submission = s.downloaded(&name).await;
    let v: Value = serde_json::from_str(&submission).unwrap();
    assert_eq!(v["hintsUsed"], 1);
    s.close().await;

    // The teacher's class table shows the hints used.
    let paths = [
        dir.write(&format!("{stem}.key.json"), &key),
        dir.write(&name, &submission),
    ];
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    t.choose_files_in("#scoring-files", &refs).await;
    t.wait_for(".class-table td.hints-used").await;
    assert_eq!(t.text(".class-table td.hints-used").await, "1");
    t.close().await;
}
