//! Anchoring benchmark, in headless Chromium on the release build: Claimcheck's resolver (through
//! `window.claimcheck.resolveMany`) against the npm package approx-string-match 2.0.0 with the
//! Hypothesis client's anchoring (position check, exact search, then `matchQuote` scoring), on
//! the same generated workload: a 100 KB article, 1,000 quotes of 20–300 characters, 5% of them
//! with 1–10% character noise, 2% deleted from the text.
//!
//! Prints, for each side, time, correct anchors, wrong anchors and orphans, and the time ratio.
//! Run with scripts/bench-anchoring.sh (it builds the release bundle and fetches the npm package).

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
    pub mod anchoring_workload;
}

#[cfg(not(target_arch = "wasm32"))]
mod host {

    use super::support::anchoring_workload::{workload, Fate, Workload, DELETED, NOISY};
    use serde_json::Value;

    const RUNS: usize = 5;

    /// Hypothesis's anchoring of a quote, over approx-string-match: the stored position if its text
    /// is still the quote, otherwise `matchQuote` (exact occurrences first, then approximate search,
    /// candidates scored on quote 50, prefix 20, suffix 20, position 2). Written from the Hypothesis
    /// client's `match-quote.ts` and `html.ts`.
    const HYPOTHESIS_JS: &str = r#"
    window.__hypothesisAnchor = (search) => {
      function find(text, str, maxErrors) {
        let pos = 0; const exact = [];
        while (pos !== -1) {
          pos = text.indexOf(str, pos);
          if (pos !== -1) { exact.push({start: pos, end: pos + str.length, errors: 0}); pos += 1; }
        }
        if (exact.length > 0) return exact;
        return search(text, str, maxErrors);
      }
      function textMatchScore(text, str) {
        if (str.length === 0 || text.length === 0) return 0.0;
        const matches = find(text, str, str.length);
        return 1 - matches[0].errors / str.length;
      }
      function matchQuote(text, quote, context) {
        if (quote.length === 0) return null;
        const maxErrors = Math.min(256, quote.length / 2);
        const matches = find(text, quote, maxErrors);
        if (matches.length === 0) return null;
        const scoreMatch = (m) => {
          const quoteScore = 1 - m.errors / quote.length;
          const prefixScore = context.prefix
            ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1.0;
          const suffixScore = context.suffix
            ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1.0;
          let posScore = 1.0;
          if (typeof context.hint === 'number') posScore = 1.0 - Math.abs(m.start - context.hint) / text.length;
          return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
        };
        const scored = matches.map(m => ({start: m.start, end: m.end, score: scoreMatch(m)}));
        scored.sort((a, b) => b.score - a.score);
        return scored[0];
      }
      return (selectors, text) => selectors.map(s => {
        const p = s.position;
        if (p && text.slice(p.start, p.end) === s.quote.exact) return {kind: 'exact', start: p.start, end: p.end};
        const m = matchQuote(text, s.quote.exact, {prefix: s.quote.prefix, suffix: s.quote.suffix, hint: p ? p.start : undefined});
        return m ? {kind: 'fuzzy', start: m.start, end: m.end, score: m.score} : {kind: 'orphan'};
      });
    };
    "#;

    struct Tally {
        correct: usize,
        wrong: usize,
        orphans: usize,
    }

    /// Correct: an unchanged quote on exactly its words; a noisy one overlapping its words by at
    /// least 80% (intersection over union). Any anchor for a deleted quote is wrong.
    fn tally(results: &[Value], w: &Workload) -> Tally {
        let mut t = Tally {
            correct: 0,
            wrong: 0,
            orphans: 0,
        };
        for (i, r) in results.iter().enumerate() {
            if r["kind"] == "orphan" {
                t.orphans += 1;
                continue;
            }
            let got = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            let good = match (w.fates[i], w.truth[i]) {
                (Fate::Unchanged, Some(truth)) => got == truth,
                (Fate::Noisy, Some(truth)) => {
                    let inter = got.1.min(truth.1).saturating_sub(got.0.max(truth.0));
                    let union = got.1.max(truth.1) - got.0.min(truth.0);
                    inter as f64 / union as f64 >= 0.8
                }
                _ => false,
            };
            if good {
                t.correct += 1;
            } else {
                t.wrong += 1;
            }
        }
        t
    }

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }

    pub async fn run() {
        let module = std::env::var("APPROX_STRING_MATCH").expect(
            "APPROX_STRING_MATCH must name approx-string-match 2.0.0's build/src/index.js (scripts/bench-anchoring.sh sets it)",
        );
        let module_source = std::fs::read_to_string(&module).expect("approx-string-match source");
        let w = workload();
        println!(
            "workload: {} KB article ({} code points), {} quotes of 20–300 characters: {} with 1–10% noise, {} deleted",
            w.old_text.len() / 1024,
            w.old_text.chars().count(),
            w.selectors.len(),
            NOISY,
            DELETED
        );
        let b = claimcheck_e2e_support::Browser::open().await;
        // Load approx-string-match as the ES module it is, and the Hypothesis anchoring over it.
        b.script(HYPOTHESIS_JS, vec![]).await;
        let loaded = b
            .script_async(
                "const [source, done] = arguments;
                 const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
                 import(url).then(m => { window.__hypothesis = window.__hypothesisAnchor(m.default); done('ok'); },
                                  e => done(String(e)));",
                vec![module_source.into()],
            )
            .await;
        assert_eq!(loaded, "ok", "approx-string-match did not load");
        let selectors = serde_json::to_value(&w.selectors).unwrap();
        let run = "const [side, selectors, text] = arguments;
                   const t0 = performance.now();
                   const out = side === 'rust' ? window.claimcheck.resolveMany(selectors, text)
                                               : window.__hypothesis(selectors, text);
                   return {ms: performance.now() - t0, out};";
        let mut times = [Vec::new(), Vec::new()];
        let mut outputs = [Value::Null, Value::Null];
        // One warm-up round, then alternate sides so neither gets a quieter machine.
        for round in 0..=RUNS {
            for (i, side) in ["rust", "js"].into_iter().enumerate() {
                let r = b
                    .script(
                        run,
                        vec![side.into(), selectors.clone(), w.new_text.clone().into()],
                    )
                    .await;
                if round > 0 {
                    times[i].push(r["ms"].as_f64().unwrap());
                }
                outputs[i] = r["out"].clone();
            }
        }
        // The floor: every quote still at its stored position, so the time is the crossing into
        // wasm, preparing the text and checking positions.
        let mut floor = Vec::new();
        for _ in 0..RUNS {
            let r = b
                .script(
                    run,
                    vec!["rust".into(), selectors.clone(), w.old_text.clone().into()],
                )
                .await;
            floor.push(r["ms"].as_f64().unwrap());
        }
        b.close().await;
        println!(
            "{:<44} {:>10} {:>8} {:>7} {:>8}",
            "side (median of 5 runs)", "time ms", "correct", "wrong", "orphans"
        );
        let mut medians = [0.0; 2];
        for (i, name) in [
            "Claimcheck resolveMany (Rust, wasm)",
            "Hypothesis matchQuote + approx-string-match",
        ]
        .into_iter()
        .enumerate()
        {
            let t = tally(outputs[i].as_array().unwrap(), &w);
            medians[i] = median(times[i].clone());
            println!(
                "{:<44} {:>10.1} {:>8} {:>7} {:>8}",
                name, medians[i], t.correct, t.wrong, t.orphans
            );
        }
        println!(
            "{:<44} {:>10.1}   (all quotes at their stored positions)",
            "Claimcheck resolveMany, text unchanged",
            median(floor)
        );
        println!(
            "time ratio (JS / Claimcheck): {:.2}× — expected deleted quotes: {} (best: all orphans)",
            medians[1] / medians[0],
            DELETED
        );
    }
}
