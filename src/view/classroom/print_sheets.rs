//! What Print worksheet and Print answer key put on paper: hidden on screen, and only the sheet
//! named by the body's `data-print` is printed (see the print rules in styles/app.css).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::classroom::session::{paragraph_number, ExerciseDraft};
use crate::core::model::{Article, Claim};
use crate::core::text::offsets::slice;
use crate::core::text::paragraphs::paragraph_ranges;

#[derive(Properties, PartialEq)]
pub struct PrintSheetsProps {
    pub article: Rc<Article>,
    /// The teacher's claims: the answer key.
    pub claims: Vec<Claim>,
    /// The exercise being prepared from the article.
    pub draft: ExerciseDraft,
}

#[function_component(PrintSheets)]
pub fn print_sheets(props: &PrintSheetsProps) -> Html {
    let article = &props.article;
    let draft = &props.draft;
    let settings = &draft.settings;
    let paragraphs: Vec<String> = paragraph_ranges(&article.text)
        .iter()
        .map(|&(s, e)| slice(&article.text, s, e).unwrap_or_default().to_string())
        .collect();
    let dateline = [&article.outlet, &article.byline, &article.date]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    let rows = if settings.show_count_hint {
        props.claims.len()
    } else {
        8
    };
    html! {
        <div class="print-sheets" aria-hidden="true">
            <section class="print-sheet worksheet">
                <p class="sheet-kind">{ "Claimcheck worksheet" }</p>
                <h1>{ article.title.clone() }</h1>
                if !dateline.is_empty() { <p class="dateline">{ dateline.clone() }</p> }
                <p class="name-line">{ "Name: " }<span class="blank"></span>{ " Date: " }<span class="blank short"></span></p>
                if !draft.instructions.trim().is_empty() {
                    <p class="instructions">{ draft.instructions.clone() }</p>
                }
                <ul class="rules">
                    if settings.show_count_hint { <li>{ format!("There are {} sourced claims to find.", props.claims.len()) }</li> }
                    if settings.require_source { <li>{ "Give the source of every claim." }</li> }
                    if settings.verified_needs_evidence { <li>{ "A claim marked Verified needs evidence." }</li> }
                </ul>
                <ol class="numbered-article">
                    { for paragraphs.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ol>
                <table class="answer-grid">
                    <thead><tr>
                        <th>{ "¶" }</th><th>{ "Claim (the words)" }</th><th>{ "Source" }</th>
                        <th>{ "Verified?" }</th><th>{ "Evidence" }</th>
                    </tr></thead>
                    <tbody>
                        { for (0..rows.max(1)).map(|_| html! { <tr><td></td><td></td><td></td><td></td><td></td></tr> }) }
                    </tbody>
                </table>
            </section>
            <section class="print-sheet answer-key">
                <p class="sheet-kind">{ "Claimcheck answer key — for the teacher" }</p>
                <h1>{ article.title.clone() }</h1>
                if !dateline.is_empty() { <p class="dateline">{ dateline }</p> }
                <ol class="key-claims">
                    { for props.claims.iter().map(|c| {
                        let kind = c.source_kind.map(|k| format!(" ({})", k.label())).unwrap_or_default();
                        html! {
                            <li>
                                <span class="para">{ format!("¶{} ", paragraph_number(&article.text, c.position.start)) }</span>
                                <q>{ c.quote.exact.clone() }</q>
                                <span class="key-status">{ format!(" — {}", c.status.label()) }</span>
                                if !c.source.is_empty() || c.source_kind.is_some() {
                                    <div>{ format!("Source: {}{kind}", c.source) }</div>
                                }
                                if !c.note.is_empty() { <div>{ format!("Note: {}", c.note) }</div> }
                                { for c.evidence.iter().map(|e| html! { <div>{ format!("Evidence: {}", e.url) }</div> }) }
                            </li>
                        }
                    }) }
                </ol>
            </section>
        </div>
    }
}
