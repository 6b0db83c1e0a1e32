#![cfg(target_arch = "wasm32")]
//! How long `suggest` takes on a 10,000-word article in headless Chromium (issue 15 wants under
//! 50 ms): the evaluation set's articles joined until they reach 10,000 words, one warm-up run,
//! then timed runs. Prints the median and the fastest run; timings are never asserted.
//! Run by `scripts/bench-suggestions.sh`.

mod suggestion_eval;

use claimcheck::core::suggestions::suggest;
use js_sys::{Function, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLES: [&str; 13] = [
    include_str!("fixtures/suggestions/01-wire-politics.txt"),
    include_str!("fixtures/suggestions/02-conflict.txt"),
    include_str!("fixtures/suggestions/03-business-earnings.txt"),
    include_str!("fixtures/suggestions/04-health-study.txt"),
    include_str!("fixtures/suggestions/05-local-news.txt"),
    include_str!("fixtures/suggestions/06-op-ed.txt"),
    include_str!("fixtures/suggestions/07-documents.txt"),
    include_str!("fixtures/suggestions/08-long-quotes.txt"),
    include_str!("fixtures/suggestions/09-sports.txt"),
    include_str!("fixtures/suggestions/10-court.txt"),
    include_str!("fixtures/suggestions/11-tech.txt"),
    include_str!("fixtures/suggestions/12-weather-disaster.txt"),
    include_str!("fixtures/suggestions/13-wire-diplomacy.txt"),
];

const WORDS: usize = 10_000;
const RUNS: usize = 10;

/// `performance.now()`, sub-millisecond where `Date.now()` only counts whole milliseconds.
fn now_ms() -> f64 {
    let performance = Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .expect("the page has window.performance");
    let now: Function = Reflect::get(&performance, &JsValue::from_str("now"))
        .expect("performance.now exists")
        .into();
    now.call0(&performance)
        .expect("performance.now() runs")
        .as_f64()
        .expect("performance.now() gives a number")
}

#[wasm_bindgen_test]
fn suggest_10000_words() {
    let text = suggestion_eval::long_article(&ARTICLES, WORDS);
    let words = text.split_whitespace().count();
    let warm_up = suggest(&text);
    assert!(
        !warm_up.is_empty(),
        "suggest found no claim in {words} words of news articles"
    );
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = now_ms();
        let found = suggest(&text);
        times.push(now_ms() - start);
        assert_eq!(found.len(), warm_up.len(), "suggest is not deterministic");
    }
    times.sort_by(f64::total_cmp);
    console_log!(
        "suggest on {words} words ({} suggestions): median {:.2} ms, fastest {:.2} ms over {RUNS} runs",
        warm_up.len(),
        (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2.0,
        times[0]
    );
}
