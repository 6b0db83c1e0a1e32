//! Teacher mode: one student's work against the key. The article with the key claims and the
//! student's claims over it, each key claim found (and how well) or missed, each other claim
//! extra, too broad or valid; the teacher's overrides (accept a near miss, reject a match, mark
//! an extra claim valid and add it to the key) and comments; Export feedback and the printed
//! feedback sheet. Esc or Back returns to the class table.

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::review::{feedback_for, review_of, student_total};
use crate::core::classroom::review_marks::{Decision, StudentMarks};
use crate::core::classroom::review_results::{
    key_results, near_misses, span_fit_words, student_results, tally, KeyResult, Outcome,
    StudentResult,
};
use crate::core::classroom::scoring::Matched;
use crate::core::classroom::session::Classroom;
use crate::core::model::Claim;
use crate::core::text::quotes::{shorten, Cut};
use crate::view::classroom::feedback_sheet::FeedbackSheet;
use crate::view::classroom::review_article::{legend, Overlay, ReviewArticle};
use crate::view::classroom::teacher_panel::print;
use crate::view::form_values::event_value;
use crate::view::SameRc;
use crate::web::{clock, download};

#[derive(Properties, PartialEq)]
pub struct StudentReviewProps {
    pub classroom: SameRc<Classroom>,
    pub student: AttrValue,
    /// The review's named actions (`Action::DecideReview`, `SetReviewComment`, …).
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
}

/// What the review's controls need: the student and the dispatcher.
#[derive(Clone)]
struct Ctl {
    student: String,
    dispatch: Callback<Action>,
}

impl Ctl {
    fn decide(&self, decision: Decision) -> Callback<MouseEvent> {
        let (student, dispatch) = (self.student.clone(), self.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::DecideReview {
                student: student.clone(),
                decision: decision.clone(),
            })
        })
    }

    fn add_to_key(&self, claim: &str) -> Callback<MouseEvent> {
        let (student, dispatch, claim) = (
            self.student.clone(),
            self.dispatch.clone(),
            claim.to_string(),
        );
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::AddToKey {
                student: student.clone(),
                claim: claim.clone(),
                id: clock::new_id("key"),
                at: clock::now(),
            })
        })
    }

    /// The comment box of claim `id`.
    fn comment(&self, id: &str, marks: &StudentMarks) -> Html {
        let (student, dispatch, claim) =
            (self.student.clone(), self.dispatch.clone(), id.to_string());
        let oninput = Callback::from(move |e: InputEvent| {
            dispatch.emit(Action::SetReviewComment {
                student: student.clone(),
                claim: claim.clone(),
                text: event_value(&e),
            })
        });
        let field = format!("comment-{id}");
        html! {
            <label class="review-comment" for={field.clone()}>{ "Comment " }
                <textarea id={field} rows="1" value={marks.comment(id).to_string()} {oninput}
                    placeholder="For the student (optional)" />
            </label>
        }
    }
}

fn quote(c: &Claim) -> Html {
    html! { <q>{ shorten(&c.quote.exact, Cut::Words(12)) }</q> }
}

/// Status and source kind of a match, each agreeing or not, in words and signs.
fn agreement(m: &Matched, key: &Claim, student: &Claim) -> Html {
    let status = if m.status_agrees {
        format!("= status {}", key.status.label())
    } else {
        format!(
            "≠ status: key {}, student {}",
            key.status.label(),
            student.status.label()
        )
    };
    let source = m.source_agrees.map(|agrees| {
        let kind = |c: &Claim| c.source_kind.map_or("none", |k| k.label());
        if agrees {
            format!("= source kind {}", kind(key))
        } else {
            format!(
                "≠ source kind: key {}, student {}",
                kind(key),
                kind(student)
            )
        }
    });
    let label = m
        .label_agrees
        .map(|a| if a { "= label" } else { "≠ label" });
    html! {
        <span class="review-agreement">
            <span class={classes!("agree", (!m.status_agrees).then_some("disagree"))}>{ status }</span>
            if let Some(s) = source { <span class={classes!("agree", (m.source_agrees == Some(false)).then_some("disagree"))}>{ s }</span> }
            if let Some(l) = label { <span class={classes!("agree", (m.label_agrees == Some(false)).then_some("disagree"))}>{ l }</span> }
        </span>
    }
}

/// One key claim: found by which claim and how well (Reject), or missed (Accept a near miss,
/// or undo a rejection); and its comment.
fn key_item(k: &KeyResult, results: &[StudentResult], marks: &StudentMarks, ctl: &Ctl) -> Html {
    let found = results
        .iter()
        .find(|r| Some(&r.claim.id) == k.found_by.as_ref());
    let rejected: Vec<&StudentResult> = results
        .iter()
        .filter(|r| {
            marks
                .overrides
                .rejected
                .contains(&(k.claim.id.clone(), r.claim.id.clone()))
        })
        .collect();
    let body = match found.and_then(|r| r.matched.as_ref().map(|m| (r, m))) {
        Some((r, m)) => html! {
            <>
                <p><span class="rv-badge rv-badge-found" aria-hidden="true">{ "✓" }</span>
                    <strong>{ if m.by_override { " Found (accepted by you)" } else { " Found" } }</strong>{ " by " }{ quote(&r.claim) }
                    { format!(" — {}", span_fit_words(m)) }</p>
                <p>{ agreement(m, &k.claim, &r.claim) }</p>
                if m.by_override {
                    <button type="button" onclick={ctl.decide(Decision::Undo(k.claim.id.clone(), r.claim.id.clone()))}>{ "Undo accept" }</button>
                } else {
                    <button type="button" onclick={ctl.decide(Decision::Reject(k.claim.id.clone(), r.claim.id.clone()))}>{ "Reject this match" }</button>
                }
            </>
        },
        None => html! {
            <>
                <p><span class="rv-badge rv-badge-missed" aria-hidden="true">{ "✗" }</span><strong>{ " Missed" }</strong></p>
                { for near_misses(&k.claim, results).into_iter().filter(|r| !rejected.contains(r)).map(|r| html! {
                    <button type="button" onclick={ctl.decide(Decision::Accept(k.claim.id.clone(), r.claim.id.clone()))}>
                        { "Accept " }{ quote(&r.claim) }{ " as found" }
                    </button>
                }) }
            </>
        },
    };
    html! {
        <li class={classes!("review-key", if found.is_some() { "rv-found" } else { "rv-missed" })}>
            <p class="review-quote">{ quote(&k.claim) }</p>
            { body }
            { for rejected.iter().map(|r| html! {
                <p class="review-rejected">{ "You rejected " }{ quote(&r.claim) }{ " " }
                    <button type="button" onclick={ctl.decide(Decision::Undo(k.claim.id.clone(), r.claim.id.clone()))}>{ "Undo reject" }</button></p>
            }) }
            { ctl.comment(&k.claim.id, marks) }
        </li>
    }
}

/// One of the student's claims that found no key claim: extra, too broad or valid.
fn other_item(r: &StudentResult, marks: &StudentMarks, ctl: &Ctl) -> Html {
    let o = r.outcome;
    html! {
        <li class={classes!("review-other", format!("rv-{}", o.class()))}>
            <p><span class={classes!("rv-badge", format!("rv-badge-{}", o.class()))} aria-hidden="true">{ o.icon() }</span>
                <strong>{ format!(" {}: ", o.words()) }</strong>{ quote(&r.claim) }
                if o == Outcome::TooBroad { { format!(" (covers {} key claims)", r.covers.len()) } }</p>
            if o == Outcome::Valid {
                <button type="button" onclick={ctl.decide(Decision::Undo(String::new(), r.claim.id.clone()))}>{ "Undo valid" }</button>
                <button type="button" onclick={ctl.add_to_key(&r.claim.id)}>{ "Add to the key" }</button>
            } else {
                <button type="button" onclick={ctl.decide(Decision::Valid(r.claim.id.clone()))}>{ "Mark valid" }</button>
            }
            { ctl.comment(&r.claim.id, marks) }
        </li>
    }
}

fn overlays(keys: &[KeyResult], results: &[StudentResult]) -> Vec<Overlay> {
    let key = keys.iter().map(|k| Overlay {
        claim: k.claim.clone(),
        key: true,
        class: if k.found_by.is_some() {
            "found"
        } else {
            "missed"
        },
        icon: if k.found_by.is_some() { "" } else { "✗" },
        words: if k.found_by.is_some() {
            "key claim, found".into()
        } else {
            "key claim, missed".into()
        },
    });
    let student = results.iter().map(|r| Overlay {
        claim: r.claim.clone(),
        key: false,
        class: r.outcome.class(),
        icon: r.outcome.icon(),
        words: match &r.matched {
            Some(m) => format!("student claim: found, {}", span_fit_words(m)),
            None => format!("student claim: {}", r.outcome.words().to_lowercase()),
        },
    });
    key.chain(student).collect()
}

#[function_component(StudentReview)]
pub fn student_review(props: &StudentReviewProps) -> Html {
    let release = use_state(|| false);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.student.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let classroom = &props.classroom.0;
    let student = props.student.to_string();
    let back = props
        .dispatch
        .reform(|_: MouseEvent| Action::ReviewStudent(None));
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                dispatch.emit(Action::ReviewStudent(None));
            }
        })
    };
    let session = &classroom.scoring;
    let (Some(key), Some((side, review))) = (session.key.as_ref(), review_of(session, &student))
    else {
        let problem = session
            .key
            .as_ref()
            .zip(session.submissions.iter().find(|s| s.student == student))
            .and_then(|(k, s)| s.problem_with(k))
            .unwrap_or_else(|| "Load the key to review this work.".into());
        return html! {
            <section class="student-review" aria-labelledby="review-heading" {onkeydown}>
                <button type="button" class="review-back" onclick={back}>{ "← Back to the class" }</button>
                <h2 id="review-heading" ref={heading} tabindex="-1">{ format!("Review: {student}") }</h2>
                <p role="alert">{ format!("Not scored: {problem}") }</p>
            </section>
        };
    };
    let marks = session.marks.get(&student).cloned().unwrap_or_default();
    let results = student_results(&side.claims, &review);
    let keys = key_results(&key.claims, &review);
    let ctl = Ctl {
        student: student.clone(),
        dispatch: props.dispatch.clone(),
    };
    let t = tally(key.claims.len(), &results);
    let total = student_total(classroom, &student);
    let mut summary = vec![format!(
        "Found {} of {} key claims",
        t.found + t.valid_extra,
        t.key_claims
    )];
    if t.found > 0 {
        summary.push(format!("status {}/{}", t.status_agrees, t.found));
        summary.push(format!("source {}/{}", t.source_agrees, t.source_judged));
    }
    if let Some(fit) = t.span_fit {
        summary.push(format!("span fit {fit}%"));
    }
    summary.push(format!("{} extra · {} too broad", t.extra, t.too_broad));
    let others: Vec<&StudentResult> = results.iter().filter(|r| r.matched.is_none()).collect();
    let feedback = feedback_for(classroom, &student, *release);
    html! {
        <section class="student-review" aria-labelledby="review-heading" {onkeydown}>
            <button type="button" class="review-back" onclick={back}>{ "← Back to the class" }</button>
            <h2 id="review-heading" ref={heading} tabindex="-1">{ format!("Review: {student}") }</h2>
            <p class="review-summary" aria-live="polite">
                if let Some(total) = total { <strong>{ format!("Total {:.0}% · ", total * 100.0) }</strong> }
                { summary.join(" · ") }
            </p>
            { legend(true) }
            <ReviewArticle text={AttrValue::from(key.article.text.clone())} overlays={overlays(&keys, &results)}
                label={format!("The article, with the key claims and {student}'s claims")} />
            <h3>{ "Key claims" }</h3>
            <ol class="review-keys">{ for keys.iter().map(|k| key_item(k, &results, &marks, &ctl)) }</ol>
            <h3>{ format!("{student}'s other claims") }</h3>
            if others.is_empty() { <p>{ "None: every claim found a key claim." }</p> }
            <ul class="review-others">{ for others.iter().map(|r| other_item(r, &marks, &ctl)) }</ul>
            { feedback_controls(&ctl, &marks, &release, feedback.clone(), &props.on_message) }
            if let Some(f) = feedback { <FeedbackSheet feedback={f} /> }
        </section>
    }
}

/// The overall comment, Release the answer key, Export feedback and Print feedback sheet.
fn feedback_controls(
    ctl: &Ctl,
    marks: &StudentMarks,
    release: &UseStateHandle<bool>,
    feedback: Option<crate::core::classroom::feedback::Feedback>,
    on_message: &Callback<Option<String>>,
) -> Html {
    let overall = {
        let (student, dispatch) = (ctl.student.clone(), ctl.dispatch.clone());
        Callback::from(move |e: InputEvent| {
            dispatch.emit(Action::SetOverallComment {
                student: student.clone(),
                text: event_value(&e),
            })
        })
    };
    let toggle = {
        let release = release.clone();
        Callback::from(move |_: Event| release.set(!*release))
    };
    let export = {
        let on_message = on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(f) = &feedback else { return };
            let name = f.file_name();
            on_message.emit(Some(
                match download::download_text(&name, "application/json", &f.to_json()) {
                    Ok(()) => format!("Exported {name}"),
                    Err(e) => e,
                },
            ));
        })
    };
    html! {
        <div class="review-feedback">
            <label for="overall-comment">{ "Overall comment" }</label>
            <textarea id="overall-comment" rows="3" value={marks.overall.clone()} oninput={overall}
                placeholder="What went well, what to look at next time" />
            <label class="release-key"><input type="checkbox" id="release-key" checked={**release} onchange={toggle} />
                { " Release the answer key with the feedback" }</label>
            <div class="review-actions">
                <button type="button" id="export-feedback" onclick={export}>{ "Export feedback" }</button>
                <button type="button" onclick={print("feedback")}>{ "Print feedback sheet" }</button>
            </div>
        </div>
    }
}
