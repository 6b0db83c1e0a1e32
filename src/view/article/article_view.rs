//! The article as readable text, with claims drawn as highlights. Each block of the layout is one
//! element whose runs are written as markup (`paragraph_markup`), each run carrying `data-o` (its
//! code-point offset), which is what `web::text_selection` reads to turn a DOM selection back
//! into offsets.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::SharedClaims;

use crate::app::actions::Action;
use crate::app::view_model::claim_filter::ClaimFilter;
use crate::app::view_model::highlight_layout::{layout_article_with_suggestions, Paragraph};
use crate::app::view_model::highlight_patch::{restyle, Change, Layout};
use crate::app::view_model::paragraph_markup::{runs_markup, Shown};
use crate::core::model::{Article, BlockKind};
use crate::core::ordering;
use crate::core::suggestions::Span;
use crate::core::text::links::check_link;
use crate::core::text::offsets::char_len;
use crate::view::article::caret_mark::CaretMark;
use crate::view::SameRc;
use crate::web::text_selection::{self, ARTICLE_BODY_ID};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
    pub claims: SharedClaims,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
    /// The claims panel's filter: highlights of the claims it leaves out are dimmed.
    #[prop_or_default]
    pub filter: ClaimFilter,
    /// Claim suggestions shown, outlined in the text; the current one stands out.
    #[prop_or_default]
    pub suggestions: Rc<Vec<Span>>,
    #[prop_or_default]
    pub current_suggestion: Option<Span>,
}

/// Scrolls the first highlight of claim `id` into view.
pub fn scroll_to_claim(id: &str) {
    let selector = format!("mark[data-claims~=\"{id}\"]");
    if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls to claim `id` and makes its highlight flash, so the eye finds it (deep links).
pub fn flash_claim(id: &str) {
    scroll_to_claim(id);
    let selector = format!("mark[data-claims~=\"{id}\"]");
    let Ok(marks) = gloo::utils::document().query_selector_all(&selector) else {
        return;
    };
    let marks: Vec<web_sys::Element> = (0..marks.length())
        .filter_map(|i| marks.item(i)?.dyn_into().ok())
        .collect();
    for m in &marks {
        let _ = m.class_list().add_1("flash");
    }
    gloo::timers::callback::Timeout::new(2_500, move || {
        for m in &marks {
            let _ = m.class_list().remove_1("flash");
        }
    })
    .forget();
}

#[derive(Properties)]
struct ParagraphProps {
    /// The paragraph, shared with the layout: never copied per render.
    paragraph: Rc<Paragraph>,
    /// The selected claim, only when it is highlighted in this paragraph (so the others need no
    /// re-render when the selection moves).
    selected: Option<String>,
    /// The claims highlighted here that the filter leaves out (only this paragraph's, likewise).
    dimmed: Vec<String>,
    /// The current suggestion's start, likewise only when it is in this paragraph.
    suggestion: Option<usize>,
}

/// Equal when the paragraph shows the same: a new layout (after a claim was added) redraws
/// only the paragraphs whose runs changed.
impl PartialEq for ParagraphProps {
    fn eq(&self, other: &Self) -> bool {
        let same_paragraph =
            Rc::ptr_eq(&self.paragraph, &other.paragraph) || self.paragraph == other.paragraph;
        same_paragraph
            && self.selected == other.selected
            && self.dimmed == other.dimmed
            && self.suggestion == other.suggestion
    }
}

#[function_component(ParagraphView)]
fn paragraph_view(props: &ParagraphProps) -> Html {
    let paragraph = &props.paragraph;
    let markup = runs_markup(
        paragraph,
        Shown {
            selected: props.selected.as_deref(),
            dimmed: &props.dimmed,
            suggestion: props.suggestion,
        },
    );
    let block = use_node_ref();
    {
        let block = block.clone();
        // The kind too: a new kind is a new element, which starts empty.
        use_effect_with((paragraph.kind, markup), move |(_, markup)| {
            if let Some(el) = block.cast::<web_sys::Element>() {
                text_selection::write_runs(&el, markup);
            }
        });
    }
    let start = paragraph.start.to_string();
    match paragraph.kind {
        BlockKind::Paragraph => html! { <p ref={block} dir="auto" data-p={start}></p> },
        BlockKind::Heading { level } => {
            // The title is the page's h1; the article's own headings sit below it.
            let tag = format!("h{}", (level + 1).clamp(2, 6));
            html! { <@{tag} ref={block} dir="auto" class="block-heading" data-p={start}></@> }
        }
        BlockKind::Item { ordered } => html! {
            <p ref={block} dir="auto" class={classes!("block-item", ordered.then_some("ordered"))} data-p={start}></p>
        },
        BlockKind::Quote => {
            html! { <blockquote ref={block} dir="auto" class="block-quote" data-p={start}></blockquote> }
        }
    }
}

/// What the layout was made from, and the layout.
struct Kept {
    article: Rc<Article>,
    claims: SharedClaims,
    suggestions: Rc<Vec<Span>>,
    layout: Layout,
}

/// The article laid out, kept between renders: laid out again only when a highlight moves,
/// appears or goes; a status or label change restyles its paragraphs (`highlight_patch`), and
/// typing a note leaves the layout as it was.
#[hook]
fn use_layout(article: &Rc<Article>, claims: &SharedClaims, suggestions: &Rc<Vec<Span>>) -> Layout {
    let kept: Rc<RefCell<Option<Kept>>> = use_mut_ref(|| None);
    let mut kept = kept.borrow_mut();
    // Suggestions by value: the page makes their list afresh on every render, and a new list
    // of the same spans must not cost a layout of the whole article on every keystroke.
    let change = match kept.as_ref() {
        Some(k) if Rc::ptr_eq(&k.article, article) && k.suggestions == *suggestions => {
            if Rc::ptr_eq(&k.claims, claims) {
                Change::Same
            } else {
                restyle(&k.layout, &k.claims, claims)
            }
        }
        _ => Change::Relayout,
    };
    let layout = match (change, kept.as_ref()) {
        (Change::Same, Some(k)) => k.layout.clone(),
        (Change::Restyled(layout), _) => layout,
        _ => Rc::new(
            layout_article_with_suggestions(article, claims, suggestions)
                .into_iter()
                .map(Rc::new)
                .collect(),
        ),
    };
    *kept = Some(Kept {
        article: article.clone(),
        claims: claims.clone(),
        suggestions: suggestions.clone(),
        layout: layout.clone(),
    });
    layout
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let paragraphs = use_layout(&props.article, &props.claims, &props.suggestions);
    let text_len = use_memo(props.article.clone(), |a| char_len(&a.text));
    let dimmed: Rc<HashSet<String>> = use_memo(
        (
            props.filter.clone(),
            SameRc(props.claims.clone()),
            props.selected.clone(),
        ),
        |(filter, claims, selected)| filter.dimmed(&claims.0, selected.as_deref()),
    );
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
                if let Ok(href) = check_link(&article.url, "") {
                    <p class="source-url">
                        { "Original: " }
                        <a href={href} target="_blank" rel="noopener noreferrer">{ article.url.clone() }</a>
                    </p>
                }
            </header>
            <div
                id={ARTICLE_BODY_ID}
                class="article-body"
                tabindex="0"
                role="region"
                aria-label="Article text"
                aria-describedby="article-keys"
                onfocus={Callback::from(|_: FocusEvent| text_selection::ensure_caret())}
                data-len={text_len.to_string()}
                onclick={on_click}
            >
                // Keyed by article too: another article's paragraphs are new blocks, which hold
                // no selection to keep (see `text_selection::write_runs`).
                { for paragraphs.iter().map(|p| {
                    let selected = props.selected.clone().filter(|id| {
                        p.runs.iter().any(|r| r.marks.iter().any(|m| &m.claim_id == id))
                    });
                    let mut dimmed: Vec<String> = p.runs.iter()
                        .flat_map(|r| r.marks.iter())
                        .filter(|m| dimmed.contains(&m.claim_id))
                        .map(|m| m.claim_id.clone())
                        .collect();
                    ordering::sort(&mut dimmed);
                    dimmed.dedup();
                    let suggestion = props.current_suggestion.map(|s| s.start).filter(|s| {
                        p.runs.iter().any(|r| r.suggestion == Some(*s))
                    });
                    html! { <ParagraphView key={format!("{}@{}", article.id, p.start)} paragraph={p.clone()} selected={selected} dimmed={dimmed} suggestion={suggestion} /> }
                }) }
            </div>
            <CaretMark layout={SameRc(paragraphs.clone())} />
        </article>
    }
}
