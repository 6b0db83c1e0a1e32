//! Anchoring benchmark, in headless Chromium on the release build: Claimcheck's resolver (through
//! `window.claimcheck.resolveMany`) against the npm package approx-string-match 2.0.0 with the
//! Hypothesis client's anchoring (position check, exact search, then `matchQuote` scoring), on
//! the same generated workloads (benches/support/anchoring_workload.rs): today's 100 KB article
//! with 1,000 quotes, then one stress at a time (vocabulary, moved quotes, deletions, long quotes,
//! a 16k-word article with 2,000 claims).
//!
//! Prints one row per workload: each side's median time, correct anchors, wrong anchors and
//! orphans, and the time ratio. Run with scripts/bench-anchoring.sh (it builds the release bundle
//! and fetches the npm package). `-- --native` runs Claimcheck's side natively, without a browser,
//! for a quick look while working on the resolver.

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

    use super::support::anchoring_workload::{matrix, workload, Fate, Workload};
    use claimcheck::core::anchoring::resolve::resolve_many;
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

    fn cells(t: &Tally) -> String {
        format!("{:>5} {:>5} {:>5}", t.correct, t.wrong, t.orphans)
    }

    pub async fn run() {
        if std::env::args().any(|a| a == "--native") {
            return native();
        }
        let module = std::env::var("APPROX_STRING_MATCH").expect(
            "APPROX_STRING_MATCH must name approx-string-match 2.0.0's build/src/index.js (scripts/bench-anchoring.sh sets it)",
        );
        let module_source = std::fs::read_to_string(&module).expect("approx-string-match source");
        let b = claimcheck_e2e_support::Browser::open().await;
        // The page's Content-Security-Policy allows no blob: or inline module, but scripts the
        // driver runs are not subject to it: run the module's source as one, its single
        // `export default function search` made a plain declaration.
        assert!(
            module_source.matches("export ").count() == 1
                && module_source.contains("export default function search("),
            "approx-string-match 2.0.0's single export was expected in {module}"
        );
        let inlined = module_source.replace("export default function search(", "function search(")
            + "\nwindow.__hypothesis = window.__hypothesisAnchor(search); return 'ok';";
        b.script(HYPOTHESIS_JS, vec![]).await;
        let loaded = b.script(&inlined, vec![]).await;
        assert_eq!(loaded, "ok", "approx-string-match did not load");
        let run = "const [side, selectors, text] = arguments;
                   const t0 = performance.now();
                   const out = side === 'rust' ? window.claimcheck.resolveMany(selectors, text)
                                               : window.__hypothesis(selectors, text);
                   return {ms: performance.now() - t0, out};";
        println!("Anchoring: Claimcheck resolveMany (Rust, wasm, release) vs Hypothesis matchQuote + approx-string-match 2.0.0");
        println!("(headless Chromium, median of {RUNS} runs after one warm-up; c/w/o = correct, wrong, orphans)");
        println!();
        let specs = matrix();
        for spec in &specs {
            println!("{:<31} {}", spec.name, spec.describe());
        }
        println!();
        println!(
            "{:<31} {:>10} {:>10} {:>7}  {:>17}  {:>17}",
            "workload", "Claimcheck", "JS", "JS/CC", "Claimcheck c/w/o", "JS c/w/o"
        );
        for spec in &specs {
            let w = workload(spec);
            let selectors = serde_json::to_value(&w.selectors).unwrap();
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
            let ms = [median(times[0].clone()), median(times[1].clone())];
            let t = [0, 1].map(|i| tally(outputs[i].as_array().unwrap(), &w));
            println!(
                "{:<31} {:>8.1}ms {:>8.1}ms {:>6.2}×  {:>17}  {:>17}",
                spec.name,
                ms[0],
                ms[1],
                ms[1] / ms[0],
                cells(&t[0]),
                cells(&t[1])
            );
        }
        b.close().await;
        println!("(a deleted quote is only ever right as an orphan; every anchor for it counts as wrong)");
    }

    /// Claimcheck's side only, natively: the same workloads and tally, no browser.
    fn native() {
        println!(
            "{:<31} {:>10}  {:>17}",
            "workload (native)", "Claimcheck", "c/w/o"
        );
        // ANCHORING_ONLY=long: only the workloads whose name holds that (for a profiler).
        let only = std::env::var("ANCHORING_ONLY").unwrap_or_default();
        for spec in matrix().iter().filter(|s| s.name.contains(only.as_str())) {
            let w = workload(spec);
            let mut times = Vec::new();
            let mut out = Vec::new();
            for _ in 0..=RUNS {
                let t0 = std::time::Instant::now();
                out = resolve_many(&w.selectors, &w.new_text);
                times.push(t0.elapsed().as_secs_f64() * 1000.0);
            }
            let out: Vec<Value> = out
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect();
            let t = tally(&out, &w);
            println!(
                "{:<31} {:>8.1}ms  {:>17}",
                spec.name,
                median(times[1..].to_vec()),
                cells(&t)
            );
            if std::env::var_os("ANCHORING_DETAIL").is_some() {
                for (i, r) in out.iter().enumerate() {
                    let ok = tally(std::slice::from_ref(r), &single(&w, i));
                    if ok.correct == 0 {
                        println!(
                            "  #{i} {:?} truth {:?} got {} quote {:?}",
                            fate_name(w.fates[i]),
                            w.truth[i],
                            r,
                            w.selectors[i]
                                .quote
                                .exact
                                .chars()
                                .take(60)
                                .collect::<String>()
                        );
                    }
                }
            }
        }
    }

    fn fate_name(f: Fate) -> &'static str {
        match f {
            Fate::Unchanged => "unchanged",
            Fate::Noisy => "noisy",
            Fate::Deleted => "deleted",
        }
    }

    /// The workload's `i`th quote alone, for tallying one result.
    fn single(w: &Workload, i: usize) -> Workload {
        Workload {
            new_text: String::new(),
            selectors: vec![w.selectors[i].clone()],
            truth: vec![w.truth[i]],
            fates: vec![w.fates[i]],
        }
    }
}
