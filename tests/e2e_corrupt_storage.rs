#![cfg(not(target_arch = "wasm32"))]
//! End to end, storage holding what the app cannot read: a corrupt library index must hide no
//! article, and a value that is not valid UTF-16 (a lone surrogate) must be kept aside code
//! unit for code unit; in headless Chromium against the release build (see tests/e2e_claims.rs).

use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::Browser;
use serde_json::{json, Value};

const SLEEP_STUDY: &str = "Teenagers who start school later";
const ASIDE: &str = "claimcheck:unreadable:claimcheck:index";

/// Two stored articles, with 1 and 2 claims; gives every `claimcheck:` key and its value.
async fn two_articles(b: &Browser) -> Value {
    b.add_claim_by_key(DENIAL).await;
    b.wait_counts("1 claim · 0 verified · 1 unverified").await;
    b.wait_saved().await;
    b.open_sample(SLEEP_STUDY).await;
    b.add_claim_by_key("slept about 40 minutes more on school nights")
        .await;
    b.add_claim_by_key("Fewer than one in five U.S. high schools meet that standard")
        .await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    b.wait_saved().await;
    b.script(
        "return Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('claimcheck:'))
           .map(k => [k, localStorage.getItem(k)]));",
        vec![],
    )
    .await
}

/// Each corrupt index, as JavaScript computing it from `good` (the index as stored), and
/// whether the app must move it aside (a readable index is only put right).
const STATES: &[(&str, &str, bool)] = &[
    ("invalid JSON", "'{not json'", true),
    ("empty array", "'[]'", true),
    ("null", "'null'", true),
    ("number", "'42'", true),
    ("empty string", "''", true),
    ("wrong types", "'{\"version\":\"1\",\"articles\":{}}'", true),
    ("other fields only", "'{\"foo\":1}'", true),
    (
        "version 99",
        "good.replace('\"version\":1', '\"version\":99')",
        true,
    ),
    ("truncated", "good.slice(0, good.length >> 1)", true),
    (
        "1 MB of garbage",
        "'\\u0001garbage\\u007f'.repeat(110000)",
        true,
    ),
    (
        "100,000-deep nesting",
        "'['.repeat(100000) + ']'.repeat(100000)",
        true,
    ),
    (
        "name collision on the moved-aside key",
        "(localStorage.setItem(arguments[1], 'older kept data'), '{broken')",
        true,
    ),
    (
        "duplicate ids and entries for missing articles",
        "(() => { const i = JSON.parse(good);
            i.articles = [...i.articles, ...i.articles, {id: 'gone', title: 'Gone', claims: 3}];
            return JSON.stringify(i); })()",
        false,
    ),
    (
        "no articles listed",
        "(() => { const i = JSON.parse(good); i.articles = []; return JSON.stringify(i); })()",
        false,
    ),
    ("no index at all", "null", false),
];

/// Seeds the two articles and the index `state` computes, and reloads; gives the index seeded.
async fn seed(b: &Browser, stored: &Value, state: &str) -> Value {
    let js = format!(
        "const [stored, aside] = arguments;
         localStorage.clear();
         for (const [k, v] of Object.entries(stored)) if (k !== 'claimcheck:index') localStorage.setItem(k, v);
         const good = stored['claimcheck:index'];
         const bad = {state};
         if (bad !== null) localStorage.setItem('claimcheck:index', bad);
         localStorage.setItem('test:seeded-index', bad === null ? '' : bad);
         return bad === null ? null : bad.length;"
    );
    let seeded = b.script(&js, vec![stored.clone(), ASIDE.into()]).await;
    b.reload().await;
    seeded
}

/// The library dialog's rows, as "title | counts".
async fn library_rows(b: &Browser) -> Vec<String> {
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    let rows = b
        .script(
            "return [...document.querySelectorAll('.library-entry')].map(e =>
               e.querySelector('.library-title strong').textContent + ' | ' + e.querySelector('.library-counts').textContent);",
            vec![],
        )
        .await;
    b.press("Close").await;
    let mut rows: Vec<String> = serde_json::from_value(rows).unwrap();
    rows.sort();
    rows
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_corrupt_index_hides_no_article() {
    let b = Browser::open().await;
    let stored = two_articles(&b).await;
    let sleep_title = stored
        .as_object()
        .unwrap()
        .values()
        .filter_map(|v| serde_json::from_str::<Value>(v.as_str()?).ok())
        .filter_map(|d| d["article"]["title"].as_str().map(str::to_string))
        .find(|t| t.starts_with(SLEEP_STUDY))
        .expect("the second article is stored");
    let mut expected = vec![
        format!("{SAMPLE_TITLE} | 1 claim · 0 verified · 1 unverified"),
        format!("{sleep_title} | 2 claims · 0 verified · 2 unverified"),
    ];
    expected.sort();
    for &(name, state, moved_aside) in STATES {
        let seeded = seed(&b, &stored, state).await;
        assert_eq!(library_rows(&b).await, expected, "{name}");
        // Export library has both, with their claims.
        let library: Value =
            serde_json::from_str(&b.export_as("claimcheck", Some("library")).await).unwrap();
        let mut claims: Vec<usize> = library["documents"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: {library}"))
            .iter()
            .map(|d| d["claims"].as_array().unwrap().len())
            .collect();
        claims.sort();
        assert_eq!(claims, vec![1, 2], "{name}");
        // The corrupt index is kept, exactly, under a key no other data had.
        let kept = b
            .script(
                "const bad = localStorage.getItem('test:seeded-index');
                 return Object.keys(localStorage).filter(k => k.startsWith(arguments[0]))
                   .sort().map(k => [k, localStorage.getItem(k) === bad ? 'same' : localStorage.getItem(k)]);",
                vec![ASIDE.into()],
            )
            .await;
        let want = if name.starts_with("name collision") {
            json!([[ASIDE, "older kept data"], [format!("{ASIDE}:2"), "same"]])
        } else if moved_aside {
            json!([[ASIDE, "same"]])
        } else {
            json!([])
        };
        assert_eq!(kept, want, "{name} ({seeded} characters)");
        if moved_aside {
            let warning = b.wait_for(".banner-warning").await.text().await.unwrap();
            assert!(warning.contains("could not be read"), "{name}: {warning}");
        }
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_lone_surrogate_is_kept_aside_code_unit_for_code_unit() {
    let b = Browser::open().await;
    let stored = two_articles(&b).await;
    let key = stored
        .as_object()
        .unwrap()
        .iter()
        .find(|(k, v)| k.starts_with("claimcheck:article:") && v.as_str().unwrap().contains("Reyl"))
        .map(|(k, _)| k.clone())
        .unwrap();
    // The page's address names the open article: open the first, so a reload starts on it.
    b.open_sample("Port authority chief").await;
    // The first article, open at start, with a lone high surrogate before its title and a lone
    // low one inside a claim's quote context.
    let original = b
        .script(
            "const [stored, key] = arguments;
             localStorage.clear();
             for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
             const index = JSON.parse(stored['claimcheck:index']);
             index.current = key.slice('claimcheck:article:'.length);
             localStorage.setItem('claimcheck:index', JSON.stringify(index));
             const value = stored[key].replace(/\"title\":\\s*\"/, m => m + '\\uD800')
               .replace(/\"note\":\\s*\"/, m => m + '\\uDC00');
             localStorage.setItem(key, value);
             localStorage.setItem('test:original', value);
             return [value.length, value.indexOf('\\uD800') >= 0, value.isWellFormed()];",
            vec![stored.clone(), key.clone().into()],
        )
        .await;
    assert_eq!(original[1], true, "{original}");
    assert_eq!(original[2], false, "{original}");
    b.reload().await;
    let warning = b.wait_for(".banner-warning").await.text().await.unwrap();
    assert!(warning.contains("not valid text"), "{warning}");
    assert!(b.exists_button("Download kept data").await);
    b.wait_text_containing("#article-title", "Port authority")
        .await;
    let compare = "const [key] = arguments;
        const original = localStorage.getItem('test:original');
        return [localStorage.getItem('claimcheck:unreadable:' + key) === original,
                localStorage.getItem(key) === original];";
    // Kept aside exactly, and the original still untouched.
    assert_eq!(
        b.script(compare, vec![key.clone().into()]).await,
        json!([true, true])
    );
    // An edit saves the article again (its text as shown, U+FFFD in place of the surrogate);
    // what was there is still kept, code unit for code unit.
    b.add_claim("the ministry said in a statement").await;
    b.wait_counts("2 claims · 0 verified · 2 unverified").await;
    b.wait_saved().await;
    assert_eq!(
        b.script(compare, vec![key.clone().into()]).await,
        json!([true, false])
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn an_unreadable_article_is_shown_as_such_in_the_library() {
    let b = Browser::open().await;
    let stored = two_articles(&b).await;
    b.open_sample("Port authority chief").await;
    b.script(
        "const [stored] = arguments;
         localStorage.clear();
         for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
         const key = Object.keys(stored).find(k => stored[k].includes('school nights'));
         localStorage.setItem(key, '{\"format\":\"claimcheck\",\"article\":');",
        vec![stored],
    )
    .await;
    b.reload().await;
    b.press("Library").await;
    b.wait_for(".library-entry").await;
    let rows = b
        .script(
            "return [...document.querySelectorAll('.library-entry')].map(e =>
               [e.querySelector('.library-counts').textContent,
                [...e.querySelectorAll('.library-actions button')].map(b => b.textContent)]);",
            vec![],
        )
        .await;
    assert_eq!(
        rows,
        json!([
            ["1 claim · 0 verified · 1 unverified", ["Open", "Rename", "Delete"]],
            [
                "Its saved copy cannot be read, so it cannot be opened. It is kept unchanged, to download.",
                ["Download what was kept", "Rename", "Delete"]
            ]
        ])
    );
    // What it offers to download is kept, unchanged.
    let kept = b
        .script(
            "return Object.keys(localStorage).filter(k => k.startsWith('claimcheck:unreadable:claimcheck:article:'))
               .map(k => localStorage.getItem(k));",
            vec![],
        )
        .await;
    assert_eq!(kept, json!(["{\"format\":\"claimcheck\",\"article\":"]));
    b.close().await;
}
