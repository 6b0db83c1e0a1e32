//! The article with two sets of claims over it, for a teacher's review of one student and for a
//! student's feedback: the key claims underlined, the student's claims shaded by what they came
//! to, each ending in a sign and its words for screen readers (never colour alone). The runs
//! come from the one highlight layout (`app::view_model::highlight_layout`).

use std::collections::HashMap;

use yew::prelude::*;

use crate::app::view_model::highlight_layout::layout;
use crate::core::model::Claim;

/// One claim drawn over the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    pub claim: Claim,
    /// A key claim (underlined) or the student's (shaded).
    pub key: bool,
    /// The class its kind is drawn with: `found`, `missed`, `extra`, `too-broad`, `valid`.
    pub class: &'static str,
    pub icon: &'static str,
    /// What it came to, in words.
    pub words: String,
}

#[derive(Properties, PartialEq)]
pub struct ReviewArticleProps {
    pub text: AttrValue,
    pub overlays: Vec<Overlay>,
    /// What the article is, for screen readers ("Ana's claims over the article").
    pub label: AttrValue,
}

fn layer_id(o: &Overlay) -> String {
    format!("{}:{}", if o.key { "key" } else { "you" }, o.claim.id)
}

#[function_component(ReviewArticle)]
pub fn review_article(props: &ReviewArticleProps) -> Html {
    let claims: Vec<Claim> = props
        .overlays
        .iter()
        .map(|o| Claim {
            id: layer_id(o),
            ..o.claim.clone()
        })
        .collect();
    let by_id: HashMap<String, &Overlay> =
        props.overlays.iter().map(|o| (layer_id(o), o)).collect();
    let paragraphs = layout(&props.text, &claims);
    html! {
        <div class="review-article" role="group" aria-label={props.label.clone()}>
            { for paragraphs.iter().map(|p| html! {
                <p>
                    { for p.runs.iter().map(|run| {
                        let marks: Vec<&Overlay> = run.marks.iter().filter_map(|m| by_id.get(&m.claim_id).copied()).collect();
                        let class = classes!(
                            "rv-run",
                            marks.iter().any(|o| o.key).then_some("rv-key"),
                            marks.iter().find(|o| o.key).map(|o| format!("rv-key-{}", o.class)),
                            marks.iter().find(|o| !o.key).map(|o| format!("rv-{}", o.class)),
                        );
                        let ends: Vec<&Overlay> = run.marks.iter().filter(|m| m.ends).filter_map(|m| by_id.get(&m.claim_id).copied()).collect();
                        html! {
                            <>
                                if marks.is_empty() { { run.text.clone() } } else { <span {class}>{ run.text.clone() }</span> }
                                { for ends.iter().map(|o| html! {
                                    <span class={classes!("rv-badge", format!("rv-badge-{}", o.class), o.key.then_some("rv-badge-key"))} title={o.words.clone()}>
                                        <span aria-hidden="true">{ o.icon }</span>
                                        <span class="visually-hidden">{ format!(" ({})", o.words) }</span>
                                    </span>
                                }) }
                            </>
                        }
                    }) }
                </p>
            }) }
        </div>
    }
}

/// The signs on the article, explained.
pub fn legend(with_key: bool) -> Html {
    html! {
        <ul class="review-legend" aria-label="What the signs mean">
            <li><span class="rv-badge rv-badge-found" aria-hidden="true">{ "✓" }</span>{ " found a key claim" }</li>
            if with_key {
                <li><span class="rv-badge rv-badge-missed rv-badge-key" aria-hidden="true">{ "✗" }</span>{ " key claim missed (dashed underline)" }</li>
            }
            <li><span class="rv-badge rv-badge-extra" aria-hidden="true">{ "+" }</span>{ " not in the key" }</li>
            <li><span class="rv-badge rv-badge-too-broad" aria-hidden="true">{ "↔" }</span>{ " too broad: covers several key claims" }</li>
            <li><span class="rv-badge rv-badge-valid" aria-hidden="true">{ "★" }</span>{ " valid, though not in the key" }</li>
        </ul>
    }
}
