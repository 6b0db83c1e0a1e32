//! Student mode: the teacher's feedback on the student's work, on the article. The student's
//! claims as handed in, each marked with what it came to; the key claims too when the teacher
//! released them; the comments and the score in words; and the printed feedback sheet. A bar
//! offers it again once the student goes back to the work.

use yew::prelude::*;

use crate::app::actions::Action;
use crate::core::classroom::feedback::Feedback;
use crate::core::classroom::review_results::Outcome;
use crate::view::classroom::feedback_sheet::{summary, FeedbackSheet};
use crate::view::classroom::review_article::{legend, Overlay, ReviewArticle};
use crate::view::classroom::teacher_panel::print;

#[derive(Properties, PartialEq)]
pub struct FeedbackViewProps {
    pub feedback: Feedback,
    pub showing: bool,
    /// `Action::ShowFeedback`.
    pub dispatch: Callback<Action>,
}

fn overlays(f: &Feedback) -> Vec<Overlay> {
    let mut out: Vec<Overlay> = f
        .claims
        .iter()
        .zip(&f.results)
        .map(|(c, r)| Overlay {
            claim: c.clone(),
            key: false,
            class: r.outcome.class(),
            icon: r.outcome.icon(),
            words: format!("your claim: {}", r.outcome.words().to_lowercase()),
        })
        .collect();
    if let Some(key) = &f.key {
        for k in key {
            let found = f
                .results
                .iter()
                .any(|r| r.key.as_deref() == Some(k.id.as_str()));
            out.push(Overlay {
                claim: k.clone(),
                key: true,
                class: if found { "found" } else { "missed" },
                icon: if found { "" } else { "✗" },
                words: if found {
                    "key claim, found".into()
                } else {
                    "key claim, missed".into()
                },
            });
        }
    }
    out
}

#[function_component(FeedbackView)]
pub fn feedback_view(props: &FeedbackViewProps) -> Html {
    let f = &props.feedback;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.showing, move |showing| {
            if *showing {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }
    if !props.showing {
        return html! {
            <div class="feedback-bar" role="region" aria-label="Feedback">
                <span>{ format!("Your teacher's feedback: {}", summary(f)) }</span>
                <button type="button" onclick={props.dispatch.reform(|_: MouseEvent| Action::ShowFeedback(true))}>{ "Show feedback" }</button>
            </div>
        };
    }
    let back = props
        .dispatch
        .reform(|_: MouseEvent| Action::ShowFeedback(false));
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                dispatch.emit(Action::ShowFeedback(false));
            }
        })
    };
    let found = f
        .results
        .iter()
        .filter(|r| r.outcome == Outcome::Found)
        .count();
    html! {
        <section class="feedback-view" aria-labelledby="feedback-heading" {onkeydown}>
            <h2 id="feedback-heading" ref={heading} tabindex="-1">{ format!("Feedback on “{}”", f.title) }</h2>
            <p class="feedback-summary">{ summary(f) }</p>
            { legend(f.key.is_some()) }
            <ReviewArticle text={AttrValue::from(f.article.text.clone())} overlays={overlays(f)}
                label={format!("The article with your claims: {found} found a key claim")} />
            <FeedbackSheet feedback={f.clone()} on_screen=true />
            <div class="review-actions">
                <button type="button" onclick={back}>{ "Back to my work" }</button>
                <button type="button" onclick={print("feedback")}>{ "Print feedback sheet" }</button>
            </div>
        </section>
    }
}
