//! The article as readable text, with claims drawn as highlights. Each run of text from
//! `highlight_layout` becomes one element carrying `data-o` (its code-point offset), which is what
//! `browser::text_selection` reads to turn a DOM selection back into offsets.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::text_selection::{self, ARTICLE_BODY_ID};
use crate::highlight_layout::{layout, Paragraph, Run};
use crate::model::{Article, Claim, Status};
use crate::offsets::char_len;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
    pub claims: Vec<Claim>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

/// Scrolls the first highlight of claim `id` into view and flashes it.
pub fn scroll_to_claim(id: &str) {
    let selector = format!("mark[data-claims~=\"{id}\"]");
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Verified => "claim-verified",
        Status::Unverified => "claim-unverified",
    }
}

fn render_run(run: &Run, selected: Option<&str>) -> Html {
    let Some(inner) = run.marks.first() else {
        return html! { <span data-o={run.start.to_string()}>{ run.text.clone() }</span> };
    };
    let ids: Vec<&str> = run.marks.iter().map(|m| m.claim_id.as_str()).collect();
    let is_selected = selected.is_some_and(|s| ids.contains(&s));
    let end = run.marks.iter().find(|m| m.ends).map(|m| m.status.as_str());
    let title = if run.marks.len() > 1 {
        format!("{} claims overlap here", run.marks.len())
    } else {
        format!("{} claim", inner.status.label())
    };
    html! {
        <mark
            class={classes!(
                "claim",
                status_class(inner.status),
                is_selected.then_some("selected"),
                (run.marks.len() > 1).then_some("overlap")
            )}
            data-o={run.start.to_string()}
            data-claims={ids.join(" ")}
            data-end={end}
            title={title}
        >
            { run.text.clone() }
        </mark>
    }
}

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    paragraph: Paragraph,
    /// The selected claim, only when it is highlighted in this paragraph (so the others need no
    /// re-render when the selection moves).
    selected: Option<String>,
}

#[function_component(ParagraphView)]
fn paragraph_view(props: &ParagraphProps) -> Html {
    let selected = props.selected.as_deref();
    html! {
        <p dir="auto" data-p={props.paragraph.start.to_string()}>
            { for props.paragraph.runs.iter().map(|r| render_run(r, selected)) }
        </p>
    }
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let paragraphs = use_memo(
        (props.article.clone(), props.claims.clone()),
        |(article, claims)| layout(&article.text, claims),
    );
    let text_len = use_memo(props.article.clone(), |a| char_len(&a.text));
    let on_click = {
        let dispatch = props.dispatch.clone();
        let selected = props.selected.clone();
        Callback::from(move |e: MouseEvent| {
            // A click that ends a drag is part of selecting text, not a choice of claim.
            if text_selection::has_selection() {
                return;
            }
            let mark = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("mark[data-claims]").ok().flatten());
            // Innermost claim first; clicking again where claims overlap moves to the next one
            // out, so every overlapping claim stays reachable.
            let ids: Vec<String> = mark
                .and_then(|m| m.get_attribute("data-claims"))
                .map(|ids| ids.split(' ').map(str::to_string).collect())
                .unwrap_or_default();
            let next = match selected
                .as_ref()
                .and_then(|s| ids.iter().position(|i| i == s))
            {
                Some(i) => ids.get((i + 1) % ids.len()),
                None => ids.first(),
            };
            let id = next.cloned();
            if let Some(id) = id {
                dispatch.emit(Action::Select(Some(id)));
            }
        })
    };
    let article = &props.article;
    let meta: Vec<&str> = [article.outlet.as_str(), article.byline.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    html! {
        <article class="article" aria-labelledby="article-title">
            <header class="article-head">
                <h1 id="article-title" dir="auto">{ article.title.clone() }</h1>
                if !meta.is_empty() {
                    <p class="byline">{ meta.join(" · ") }</p>
                }
                if !article.date.is_empty() {
                    <p class="dateline"><time datetime={article.date.clone()}>{ article.date.clone() }</time></p>
                }
            </header>
            <div
                id={ARTICLE_BODY_ID}
                class="article-body"
                data-len={text_len.to_string()}
                onclick={on_click}
            >
                { for paragraphs.iter().map(|p| {
                    let selected = props.selected.clone().filter(|id| {
                        p.runs.iter().any(|r| r.marks.iter().any(|m| &m.claim_id == id))
                    });
                    html! { <ParagraphView key={p.start} paragraph={p.clone()} selected={selected} /> }
                }) }
            </div>
        </article>
    }
}
