//! Where the key claims are in the article, each shaded by how much of the class found it: a
//! colour-blind-safe sequential scale (dark blue to yellow, like cividis) with a pattern per band
//! and a legend, and the same as a list in words.

use yew::prelude::*;

use crate::core::classroom::scoring::report::{found_band, FOUND_BANDS};
use crate::core::classroom::scoring::ClassReport;

fn legend() -> Html {
    html! {
        <ul class="heat-legend" aria-label="Heat strip legend">
            { for FOUND_BANDS.iter().enumerate().map(|(band, name)| html! {
                <li><span class={classes!("heat-swatch", format!("heat-b{band}"))} aria-hidden="true"></span>{ *name }</li>
            }) }
        </ul>
    }
}

/// The heat strip, its legend, and each key claim's count.
pub fn heat_strip(report: &ClassReport, text_len: usize) -> Html {
    let len = text_len.max(1) as f64;
    html! {
        <div class="heat">
            <h3>{ "Key claims found by the class" }</h3>
            <div class="heat-strip" role="img"
                aria-label="The article from start to end, with each key claim shaded by how many students found it">
                { for report.key_claims.iter().map(|k| {
                    let band = found_band(k.count, report.scored);
                    let style = format!(
                        "left:{:.3}%;width:max(4px,{:.3}%)",
                        k.start as f64 / len * 100.0,
                        (k.end - k.start) as f64 / len * 100.0,
                    );
                    html! { <span class={classes!("heat-cell", format!("heat-b{band}"))} {style}
                        title={format!("“{}” — found by {} of {} ({})", k.quote, k.count, report.scored, FOUND_BANDS[band])}></span> }
                }) }
            </div>
            { legend() }
            <ol class="key-claim-counts">
                { for report.key_claims.iter().map(|k| {
                    let band = found_band(k.count, report.scored);
                    html! {
                        <li>
                            <span class={classes!("heat-swatch", format!("heat-b{band}"))} aria-hidden="true"></span>
                            <q>{ k.quote.clone() }</q>
                            <span class="found-by">{ format!(" — found by {} of {}", k.count, report.scored) }</span>
                            if !k.students.is_empty() { <span class="who">{ format!(" ({})", k.students.join(", ")) }</span> }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
