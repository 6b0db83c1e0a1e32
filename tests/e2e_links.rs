#![cfg(not(target_arch = "wasm32"))]
//! End to end, links: the hostile-link corpus (tests/fixtures/hostile_links.txt) imported as
//! evidence plants no live link (the import is refused naming the field, storage unchanged); a
//! file with only web links shows exactly those as links; and a normal session breaks no rule of
//! the page's Content-Security-Policy, in headless Chromium against the release build (see
//! tests/e2e_claims.rs).

use claimcheck::core::formats::native;
use claimcheck::core::model::{Claim, Document, Evidence, TextPosition, TextQuote};
use claimcheck::core::text::paragraphs::slug;
use claimcheck_e2e_support::app::{DENIAL, SAMPLE_TITLE};
use claimcheck_e2e_support::{link_corpus, poll, Browser, TempDir};
use serde_json::Value;

const NOW: &str = "2026-11-20T10:00:00Z";

/// Links on the page whose address the browser reads as anything but http(s).
const NON_WEB_LINKS: &str = "return [...document.querySelectorAll('a[href]')]
    .filter(a => a.protocol !== 'http:' && a.protocol !== 'https:').map(a => a.getAttribute('href'));";

/// The open sample as Export JSON writes it, with one claim on the denial per list of
/// evidence addresses.
async fn sample_with_evidence(b: &Browser, evidence: &[Vec<String>]) -> String {
    let mut doc: Document = native::parse(&b.export_json().await).unwrap();
    let at = doc.article.text.find(DENIAL).unwrap();
    let start = doc.article.text[..at].chars().count();
    let position = TextPosition {
        start,
        end: start + DENIAL.chars().count(),
    };
    doc.claims = evidence
        .iter()
        .enumerate()
        .map(|(i, urls)| Claim {
            evidence: urls
                .iter()
                .map(|url| Evidence {
                    url: url.clone(),
                    ..Evidence::default()
                })
                .collect(),
            ..Claim::unverified(
                format!("c{i}"),
                TextQuote {
                    exact: DENIAL.into(),
                    prefix: String::new(),
                    suffix: String::new(),
                },
                position,
                NOW,
                NOW,
            )
        })
        .collect();
    native::to_json(&doc.article, &doc.claims, &[])
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn hostile_evidence_addresses_are_refused_naming_the_field() {
    let b = Browser::open().await;
    let hostile: Vec<String> = link_corpus()
        .into_iter()
        .filter(|(accept, _)| !accept)
        .map(|(_, address)| address)
        .collect();
    assert!(hostile.len() >= 56, "{} payloads", hostile.len());
    let before = b.storage_snapshot().await;

    // Every payload on its own claim, in one file: refused whole, naming the first.
    let all: Vec<Vec<String>> = hostile.iter().map(|a| vec![a.clone()]).collect();
    let file = sample_with_evidence(&b, &all).await;
    let report = b.import_json(&file).await;
    assert_eq!(report["ok"], false, "{report}");
    let error = report["error"].as_str().unwrap();
    assert!(
        error.starts_with("Evidence 1 of claim “Port Authority director Tomas Reyl denied…” (claims[0].evidence[0].url): the address must start with http:// or https://"),
        "{error}"
    );
    // And through the Import button, as a person does it.
    let dir = TempDir::new("hostile-links");
    b.import_file(&dir.write("hostile.claims.json", &file))
        .await;
    let toasts = b.wait_toast("(claims[0].evidence[0].url)").await;
    assert!(toasts.contains("Nothing was imported"), "{toasts}");

    // Each payload alone, behind a good link: refused, naming its field.
    let mut refused = 0;
    for address in &hostile {
        let one =
            sample_with_evidence(&b, &[vec!["https://ok.example/".into(), address.clone()]]).await;
        let report = b.import_json(&one).await;
        assert_eq!(report["ok"], false, "{address:?} imported: {report}");
        let error = report["error"].as_str().unwrap_or_default();
        assert!(
            error.contains("Evidence 2 of claim") && error.contains("(claims[0].evidence[1].url)"),
            "{address:?}: {error}"
        );
        refused += 1;
    }
    assert_eq!(refused, hostile.len());
    assert_eq!(b.storage_snapshot().await, before, "storage changed");
    assert_eq!(b.claims().await, Value::Array(vec![]));
    assert_eq!(b.script(NON_WEB_LINKS, vec![]).await, Value::Array(vec![]));
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_file_with_web_links_shows_exactly_those_as_links() {
    let b = Browser::open().await;
    let web: Vec<String> = link_corpus()
        .into_iter()
        .filter(|(accept, _)| *accept)
        .map(|(_, address)| address)
        .collect();
    let report = b
        .import_json(&sample_with_evidence(&b, std::slice::from_ref(&web)).await)
        .await;
    assert_eq!(report["ok"], true, "{report}");
    b.click(".claim-list [data-claim='c0'] button").await;
    let shown = poll(async || {
        let n = b.count(".evidence-list a[href]").await;
        if n == web.len() {
            Ok(n)
        } else {
            Err(format!("{n} evidence links, not {}", web.len()))
        }
    })
    .await;
    assert_eq!(shown, web.len());
    assert_eq!(b.script(NON_WEB_LINKS, vec![]).await, Value::Array(vec![]));
    // The editor's own form refuses what an import would, with the same message.
    b.add_evidence("JaVaScRiPt:alert(1)").await;
    b.wait_text_containing(
        ".evidence-form .error",
        "Evidence address: the address must start with http:// or https://.",
    )
    .await;
    b.add_evidence("https://court.example/filing").await;
    poll(async || match b.count(".evidence-list a[href]").await {
        n if n == web.len() + 1 => Ok(()),
        n => Err(format!("{n} evidence links")),
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_stored_address_from_before_the_rule_shows_as_text() {
    let b = Browser::open().await;
    b.add_claim_by_key(DENIAL).await;
    b.add_evidence("https://court.example/filing").await;
    b.wait_for(".evidence-list a[href]").await;
    b.wait_saved().await;
    // What an older version (or a hand edit) may have left in storage.
    let planted = b
        .script(
            "const doc = window.claimcheck.exportJson();
             const key = Object.keys(localStorage).find(k => localStorage.getItem(k) === doc);
             localStorage.setItem(key, doc.replace('\"https://court.example/filing\"', JSON.stringify('java\\tscript:alert(1)')));
             return key;",
            vec![],
        )
        .await;
    assert!(planted.is_string(), "{planted}");
    b.reload().await;
    b.wait_for("#article-body").await;
    // The reload brings the claim back selected, its editor open.
    b.wait_for(".evidence-list .unlinked").await;
    assert_eq!(b.count(".evidence-list a").await, 0);
    assert_eq!(b.script(NON_WEB_LINKS, vec![]).await, Value::Array(vec![]));
    b.close().await;
}

/// Collects the page's Content-Security-Policy violations: those reported before this ran
/// (the ReportingObserver's buffer holds them from the page's start) and those after.
const WATCH_VIOLATIONS: &str = "window.__violations = [];
    const note = (directive, url) => window.__violations.push(`${directive}: ${url}`);
    document.addEventListener('securitypolicyviolation', e => note(e.effectiveDirective, e.blockedURI));
    const reported = reports => reports.forEach(r => note(r.body.effectiveDirective, r.body.blockedURL));
    const observer = new ReportingObserver(reported, {types: ['csp-violation'], buffered: true});
    observer.observe();
    window.__takeViolations = () => { reported(observer.takeRecords()); return window.__violations; };
    return true;";

#[tokio::test]
#[ignore = "needs the release build and ChromeDriver: run scripts/test.sh"]
async fn a_normal_session_breaks_no_rule_of_the_content_security_policy() {
    let b = Browser::open().await;
    b.script(WATCH_VIOLATIONS, vec![]).await;
    let policy = b
        .script("return document.querySelector(\"meta[http-equiv='Content-Security-Policy']\").content;", vec![])
        .await;
    let policy = policy.as_str().unwrap();
    for part in [
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(policy.contains(part), "{policy}");
    }
    let scripts = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src "))
        .unwrap();
    assert!(
        !scripts.contains("unsafe-inline") && !scripts.contains("'unsafe-eval'"),
        "{policy}"
    );
    assert_eq!(
        b.script(
            "return document.querySelectorAll('script:not([src])').length;",
            vec![]
        )
        .await,
        0,
        "no inline script"
    );

    b.add_claim(DENIAL).await;
    b.mark_verified().await;
    b.set_source("Tomas Reyl").await;
    b.write_note("Check the minutes.").await;
    b.add_evidence("https://court.example/filing").await;
    b.wait_for(".evidence-list a[href]").await;
    b.wait_saved().await;
    let exported = b.export_json().await;
    let report = b.import_json(&exported).await;
    assert_eq!(report["ok"], true, "{report}");
    b.export_download(
        "Export JSON",
        &format!("{}.claims.json", slug(SAMPLE_TITLE)),
    )
    .await;
    b.reload().await;
    b.wait_for("#article-body").await;
    b.script(WATCH_VIOLATIONS, vec![]).await;
    b.wait_counts("1 claim · 1 verified · 0 unverified").await;

    let seen = b.script("return window.__takeViolations();", vec![]).await;
    assert_eq!(seen, Value::Array(vec![]), "violations");
    // The policy is in force and the watch sees it refuse: an inline script a page might plant
    // does not run, and is reported.
    let ran = b
        .script(
            "const s = document.createElement('script'); s.textContent = 'window.__planted = true';
             document.head.append(s); return window.__planted === true;",
            vec![],
        )
        .await;
    assert_eq!(ran, false, "an inline script ran");
    poll(async || {
        let seen = b.script("return window.__takeViolations();", vec![]).await;
        match seen.as_array() {
            Some(v)
                if v.iter()
                    .any(|s| s.as_str().unwrap_or("").starts_with("script-src")) =>
            {
                Ok(())
            }
            _ => Err(format!("the blocked script was not reported: {seen}")),
        }
    })
    .await;
    b.close().await;
}
