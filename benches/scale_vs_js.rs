//! Scale benchmark, in headless Chromium on the release build: how long the interactions that
//! should not grow with the article take, on articles of 1k, 4k and 16k words with 0, 100, 500
//! and 2,000 claims (`support/scale_workload.rs`), each timed to the next paint:
//! - open: switching to the article from another one (`window.claimcheck.loadArticle`), to the
//!   first paint and to the paint with all of the claim list drawn (a long list draws its later
//!   chunks in the frames after the first);
//! - plain JS: the same article DOM, highlights and claim list, built by `createElement` in the
//!   same page, as the floor a hand-written page would pay;
//! - add: Add claim (the A key) on a selection in a stretch without claims; it starts just after
//!   a paint, so one frame (16.7 ms at 60 Hz) is its floor, however little the work;
//! - V/U: the selected claim's status set with V, then U, alternately;
//! - key: one keystroke in the selected claim's Note, and the characters written to localStorage
//!   before the next paint (saving should not be on that path);
//! - save: the save the page being hidden forces just after a keystroke, and what it writes.
//!
//! Before the table: start-up (navigation to the article painted, the wasm download and its
//! compile). After it: memory after the largest case. Medians of several runs. Run with
//! scripts/bench.sh, or `CLAIMCHECK_DIST=dist cargo bench --bench scale_vs_js` on a release dist.

// The benchmark drives a browser from the host; built for wasm32 (as clippy does for every
// target) it has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() {
    host::run().await;
}

#[cfg(not(target_arch = "wasm32"))]
mod support {
    pub mod scale_workload;
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use claimcheck_e2e_support::Browser;
    use serde_json::{json, Value};

    use super::support::scale_workload::workload;

    const PAGE_JS: &str = include_str!("support/scale_page.js");
    const RUNS: usize = 5;
    const WORDS: [usize; 3] = [1_000, 4_000, 16_000];
    const CLAIMS: [usize; 4] = [0, 100, 500, 2_000];

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }

    async fn call(b: &Browser, body: &str, args: Vec<Value>) -> Value {
        let js = format!(
            "const done = arguments[arguments.length - 1]; const args = [...arguments].slice(0, -1);
             Promise.resolve().then(() => {body}).then(v => done({{ok: v}}), e => done({{err: String(e && e.stack || e)}}));"
        );
        let r = b.script_async(&js, args).await;
        match r.get("ok") {
            Some(v) => v.clone(),
            None => panic!("in the page: {}", r["err"]),
        }
    }

    /// A fresh page on an empty localStorage, with the benchmark's helpers.
    async fn fresh(b: &Browser) {
        b.script("localStorage.clear();", vec![]).await;
        b.reload().await;
        b.wait_for("#article-body").await;
        b.script(PAGE_JS, vec![]).await;
    }

    async fn startup(b: &Browser) {
        b.script("localStorage.clear();", vec![]).await;
        b.reload().await;
        b.wait_for("#article-body").await;
        let r = call(
            b,
            "new Promise(resolve => {
               const nav = performance.getEntriesByType('navigation')[0];
               const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
               new PerformanceObserver(list => {
                 const lcp = list.getEntries().pop();
                 resolve({painted: lcp.startTime, dom: nav.domContentLoadedEventEnd,
                          wasmStart: wasm.startTime, wasmEnd: wasm.responseEnd, wasmName: wasm.name});
               }).observe({type: 'largest-contentful-paint', buffered: true});
             }).then(async r => {
               const bytes = await (await fetch(r.wasmName)).arrayBuffer();
               const t0 = performance.now();
               await WebAssembly.compile(bytes);
               r.compile = performance.now() - t0;
               return r;
             })",
            vec![],
        )
        .await;
        println!(
            "start-up (local server, fresh profile): article painted {:.0} ms after navigation \
             (largest contentful paint); DOMContentLoaded {:.0} ms; wasm fetched {:.0}–{:.0} ms; \
             wasm compile {:.1} ms (WebAssembly.compile of the bundle, in the page)",
            r["painted"].as_f64().unwrap(),
            r["dom"].as_f64().unwrap(),
            r["wasmStart"].as_f64().unwrap(),
            r["wasmEnd"].as_f64().unwrap(),
            r["compile"].as_f64().unwrap()
        );
    }

    struct Row {
        /// Claims loaded: those of the workload on distinct words.
        claims: usize,
        open: f64,
        /// To the paint after the last of the claim list is drawn.
        open_all: f64,
        plain: f64,
        add: Option<f64>,
        status: Option<f64>,
        key: Option<(f64, f64)>,
        save: Option<(f64, f64)>,
    }

    async fn case(b: &Browser, words: usize, claims: usize) -> Row {
        let w = workload(words, claims);
        let title = format!("Scale {words} words, {claims} claims");
        fresh(b).await;
        let ranges: Vec<Value> = w.claims.iter().map(|&(s, e)| json!([s, e])).collect();
        let made = call(
            b,
            "__scale.setup(args[0], args[1], args[2])",
            vec![title.clone().into(), w.text.clone().into(), ranges.into()],
        )
        .await;
        assert_eq!(
            made.as_u64(),
            Some(w.claims.len() as u64),
            "the claims did not load"
        );
        let (mut open, mut open_all) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let ms = call(
                b,
                "__scale.open(args[0], args[1])",
                vec![title.clone().into(), w.text.clone().into()],
            )
            .await;
            open.push(ms["first"].as_f64().unwrap());
            open_all.push(ms["all"].as_f64().unwrap());
        }
        let marks = b.count("#article-body mark").await;
        assert!(claims == 0 || marks > 0, "the claims are not highlighted");
        let parts = call(b, "__scale.snapshot()", vec![]).await;
        let mut plain = Vec::new();
        for _ in 0..RUNS {
            let ms = call(b, "__scale.plain(args[0])", vec![parts.clone()]).await;
            plain.push(ms.as_f64().unwrap());
        }
        let mut row = Row {
            claims: w.claims.len(),
            open: median(open),
            open_all: median(open_all),
            plain: median(plain),
            add: None,
            status: None,
            key: None,
            save: None,
        };
        if claims > 0 {
            let id = format!("bench-{}", claims / 3);
            call(b, "__scale.chooseClaim(args[0])", vec![id.into()]).await;
            let mut status = Vec::new();
            for i in 0..RUNS * 2 {
                let k = if i % 2 == 0 { "v" } else { "u" };
                let ms = call(b, "__scale.status(args[0])", vec![k.into()]).await;
                status.push(ms.as_f64().unwrap());
            }
            row.status = Some(median(status));
            let (mut key, mut chars, mut save, mut saved) = (vec![], vec![], vec![], vec![]);
            for i in 0..RUNS * 2 {
                let ch = ["a", "b", "c", " ", "d"][i % 5];
                let r = call(b, "__scale.keystroke(args[0])", vec![ch.into()]).await;
                key.push(r["ms"].as_f64().unwrap());
                chars.push(r["chars"].as_f64().unwrap());
                if i % 2 == 1 {
                    let r = call(b, "__scale.flush()", vec![]).await;
                    save.push(r["ms"].as_f64().unwrap());
                    saved.push(r["chars"].as_f64().unwrap());
                }
            }
            row.key = Some((median(key), median(chars)));
            row.save = Some((median(save), median(saved)));
        }
        let mut add = Vec::new();
        let before = b
            .script("return window.claimcheck.claims().length;", vec![])
            .await;
        for &(s, e) in w.free.iter().take(RUNS) {
            let ms = call(b, "__scale.add(args[0], args[1])", vec![s.into(), e.into()]).await;
            add.push(ms.as_f64().unwrap());
        }
        let after = b
            .script("return window.claimcheck.claims().length;", vec![])
            .await;
        assert_eq!(
            after.as_u64().unwrap(),
            before.as_u64().unwrap() + RUNS as u64,
            "Add claim did not add the claims"
        );
        row.add = Some(median(add));
        row
    }

    async fn memory(b: &Browser) {
        b.cdp("Performance.enable", json!({})).await;
        let metrics = b.cdp("Performance.getMetrics", json!({})).await;
        let heap = metrics["metrics"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["name"] == "JSHeapUsedSize"))
            .and_then(|m| m["value"].as_f64())
            .unwrap_or(f64::NAN);
        // The bundle's init hands back the instance it already made: its memory is the app's.
        let wasm = call(
            b,
            "import(document.querySelector('script[data-claimcheck-boot]').dataset.js)
               .then(m => m.default()).then(w => w.memory.buffer.byteLength)",
            vec![],
        )
        .await;
        println!(
            "memory after the largest case: JS heap used {:.1} MB, wasm memory {:.1} MB",
            heap / 1e6,
            wasm.as_f64().unwrap_or(f64::NAN) / 1e6
        );
    }

    fn cell(v: Option<f64>) -> String {
        v.map_or("–".to_string(), |v| format!("{v:.1}"))
    }

    pub async fn run() {
        let b = Browser::open().await;
        startup(&b).await;
        println!(
            "\nscale (ms to the next paint, median of {RUNS}; open all: to the paint with all of the claim list drawn; ratio: open / plainJS; add starts just after a paint, so one frame is its floor; key chars: characters written to localStorage before that paint; save: the save forced by pagehide after a keystroke)"
        );
        println!(
            "{:>6} {:>6} {:>8} {:>8} {:>8} {:>6} {:>7} {:>7} {:>7} {:>9} {:>7} {:>10}",
            "words",
            "claims",
            "open",
            "open all",
            "plainJS",
            "ratio",
            "add",
            "V/U",
            "key",
            "key chars",
            "save",
            "save chars"
        );
        for words in WORDS {
            for claims in CLAIMS {
                let r = case(&b, words, claims).await;
                println!(
                    "{:>6} {:>6} {:>8.1} {:>8.1} {:>8.1} {:>5.1}× {:>7} {:>7} {:>7} {:>9} {:>7} {:>10}",
                    words,
                    r.claims,
                    r.open,
                    r.open_all,
                    r.plain,
                    r.open / r.plain,
                    cell(r.add),
                    cell(r.status),
                    cell(r.key.map(|k| k.0)),
                    r.key.map_or("–".into(), |k| format!("{:.0}", k.1)),
                    cell(r.save.map(|s| s.0)),
                    r.save.map_or("–".into(), |s| format!("{:.0}", s.1)),
                );
            }
        }
        memory(&b).await;
        b.close().await;
    }
}
