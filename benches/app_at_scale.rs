//! The app's pure layers at scale, natively: what one keystroke in a Note, one status change,
//! one Add claim and one save cost in `app` and `core` (reducer, history, the save's merge and
//! serialization), and what laying out the article's highlights afresh costs (what an added
//! claim still does), with 0, 100, 500 and 2,000 claims on a 16k-word article. The browser side of
//! the same interactions is `scale_vs_js`; this one says how much of it is ours before Yew draws.
//! Built with the bench profile (opt-level 1), so the figures are for comparing rows, not for
//! the release build's speed. Timings are printed, never asserted.

#[path = "support/scale_workload.rs"]
mod scale_workload;

use std::time::Instant;

use claimcheck::app::actions::Action;
use claimcheck::app::session::Session;
use claimcheck::app::view_model::highlight_layout::layout_article_with_suggestions;
use claimcheck::core::library::memory_kv::MemoryKv;
use claimcheck::core::model::{Article, Status};
use scale_workload::workload;

const RUNS: usize = 15;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn ms(f: impl FnOnce()) -> f64 {
    let t0 = Instant::now();
    f();
    t0.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let words = 16_000;
    println!("app layers, natively ({words} words; ms, median of {RUNS})");
    println!(
        "{:>7} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "claims", "load", "key", "status", "add", "save", "layout"
    );
    for claims in [0, 100, 500, 2_000] {
        let w = workload(words, claims);
        let mut s = Session::start(MemoryKv::default(), None);
        s.open_article(Article {
            id: "bench".into(),
            title: "Bench".into(),
            text: w.text.clone(),
            ..Article::default()
        });
        let load = ms(|| {
            for (i, &(start, end)) in w.claims.iter().enumerate() {
                s.dispatch(Action::AddClaim {
                    id: format!("c{i}"),
                    start,
                    end,
                    at: "t".into(),
                });
            }
            s.flush();
        });
        let (mut key, mut status, mut save) = (vec![], vec![], vec![]);
        let mut add = vec![];
        if claims > 0 {
            let id = format!("c{}", w.claims.len() / 3);
            s.dispatch(Action::Select(Some(id.clone())));
            let mut note = String::new();
            for i in 0..RUNS {
                note.push('a');
                let n = note.clone();
                key.push(ms(|| {
                    s.dispatch(Action::SetNote {
                        id: id.clone(),
                        note: n,
                        at: format!("k{i}"),
                    })
                }));
                save.push(ms(|| s.flush()));
                let st = if i % 2 == 0 {
                    Status::Verified
                } else {
                    Status::Unverified
                };
                status.push(ms(|| {
                    s.dispatch(Action::SetStatus {
                        id: id.clone(),
                        status: st,
                        at: format!("s{i}"),
                    })
                }));
            }
        }
        for (i, &(start, end)) in w.free.iter().enumerate() {
            add.push(ms(|| {
                s.dispatch(Action::AddClaim {
                    id: format!("n{i}"),
                    start,
                    end,
                    at: "t".into(),
                })
            }));
        }
        let layout: Vec<f64> = (0..RUNS)
            .map(|_| {
                let st = s.state();
                ms(|| {
                    std::hint::black_box(layout_article_with_suggestions(
                        &st.article,
                        &st.claims,
                        &[],
                    ));
                })
            })
            .collect();
        let cell = |v: Vec<f64>| {
            if v.is_empty() {
                "—".to_string()
            } else {
                format!("{:.2}", median(v))
            }
        };
        println!(
            "{:>7} {:>8.0} {:>8} {:>8} {:>8} {:>8} {:>8}",
            w.claims.len(),
            load,
            cell(key),
            cell(status),
            cell(add),
            cell(save),
            cell(layout)
        );
    }
}
