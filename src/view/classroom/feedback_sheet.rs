//! Feedback in words: the score's figures, what each of the student's claims came to with the
//! teacher's comment, the key claims missed, the overall comment, and the key when released.
//! On screen in Student mode, and on paper as the printed feedback sheet (`data-print="feedback"`,
//! see the print rules in styles/app.css).

use yew::prelude::*;

use crate::core::classroom::feedback::Feedback;
use crate::core::text::quotes::{shorten, Cut};

/// "Found 3 of 5 key claims · status 2/3 · source 1/2 · span fit 84%".
pub fn summary(f: &Feedback) -> String {
    let t = f.tally;
    let mut parts = vec![format!(
        "Found {} of {} key claims",
        t.found + t.valid_extra,
        t.key_claims
    )];
    if t.found > 0 {
        parts.push(format!("status agrees {}/{}", t.status_agrees, t.found));
        if t.source_judged > 0 {
            parts.push(format!(
                "source agrees {}/{}",
                t.source_agrees, t.source_judged
            ));
        }
    }
    if let Some(fit) = t.span_fit {
        parts.push(format!("span fit {fit}%"));
    }
    if t.extra + t.too_broad > 0 {
        parts.push(format!("{} not in the key", t.extra + t.too_broad));
    }
    if let Some(total) = f.total {
        parts.insert(0, format!("Score {total}%"));
    }
    parts.join(" · ")
}

#[derive(Properties, PartialEq)]
pub struct FeedbackSheetProps {
    pub feedback: Feedback,
    /// Shown on screen too, not only printed.
    #[prop_or_default]
    pub on_screen: bool,
}

#[function_component(FeedbackSheet)]
pub fn feedback_sheet(props: &FeedbackSheetProps) -> Html {
    let f = &props.feedback;
    let key_quote = |id: &str| {
        f.key
            .as_ref()
            .and_then(|k| k.iter().find(|c| c.id == id))
            .map(|c| c.quote.exact.clone())
    };
    html! {
        <section class={classes!("feedback-sheet", (!props.on_screen).then_some("print-only"))} aria-label="Feedback">
            <p class="sheet-kind">{ "Claimcheck feedback" }</p>
            <h3 class="feedback-title">{ format!("{} — {}", f.title, f.student) }</h3>
            <p class="feedback-summary">{ summary(f) }</p>
            if !f.overall.is_empty() {
                <blockquote class="feedback-overall"><p>{ f.overall.clone() }</p></blockquote>
            }
            <h4>{ "Your claims" }</h4>
            <ol class="feedback-results">
                { for f.claims.iter().zip(&f.results).map(|(c, r)| html! {
                    <li class={classes!("feedback-result", format!("rv-{}", r.outcome.class()))}>
                        <span class="rv-badge" aria-hidden="true">{ r.outcome.icon() }</span>
                        <strong>{ format!(" {}: ", r.outcome.words()) }</strong>
                        <q>{ shorten(&c.quote.exact, Cut::Words(14)) }</q>
                        if let (Some(p), Some(rc)) = (r.span_precision, r.span_recall) {
                            <span class="feedback-fit">{ format!(" — {p}% of your span is the key claim; it covers {rc}% of it") }</span>
                        }
                        if let Some(agrees) = r.status_agrees {
                            <span class="feedback-status">{ if agrees { format!(" · status {} ✓", c.status.label()) } else { format!(" · status {} ≠ the key's", c.status.label()) } }</span>
                        }
                        if let Some(agrees) = r.source_agrees {
                            <span class="feedback-source">{ if agrees { " · source kind ✓" } else { " · source kind ≠ the key's" } }</span>
                        }
                        if !r.comment.is_empty() { <p class="feedback-comment">{ format!("Teacher: {}", r.comment) }</p> }
                    </li>
                }) }
            </ol>
            if !f.missed.is_empty() {
                <h4>{ format!("Key claims you missed: {}", f.missed.len()) }</h4>
                <ul class="feedback-missed">
                    { for f.missed.iter().map(|m| html! {
                        <li>
                            <span class="rv-badge" aria-hidden="true">{ "✗" }</span>
                            { match key_quote(&m.key) { Some(q) => html! { <q>{ q }</q> }, None => html! { { " A claim you did not mark" } } } }
                            if !m.comment.is_empty() { <p class="feedback-comment">{ format!("Teacher: {}", m.comment) }</p> }
                        </li>
                    }) }
                </ul>
            }
            if let Some(key) = &f.key {
                <h4>{ "The answer key" }</h4>
                <ol class="feedback-key">
                    { for key.iter().map(|k| html! { <li><q>{ k.quote.exact.clone() }</q>{ format!(" — {}", k.status.label()) }</li> }) }
                </ol>
            }
        </section>
    }
}
