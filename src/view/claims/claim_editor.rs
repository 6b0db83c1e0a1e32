//! The selected claim: its status, its source (who, what kind, where the text names them), its
//! evidence trail, a note, and Delete.

use yew::prelude::*;

use crate::app::actions::Action;
use crate::core::model::{Claim, Evidence, SourceKind, Stance, Status};
use crate::core::text::links::check_link;
use crate::view::claims::label_picker::LabelPicker;
use crate::view::form_values::{event_value, set_value_by_id, value_by_id};
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct ClaimEditorProps {
    pub claim: Claim,
    /// Source names already used in this article, offered as suggestions.
    pub source_names: Vec<String>,
    /// A claim of the teacher's answer key: no "no evidence given" warning.
    #[prop_or_default]
    pub key_claim: bool,
    pub dispatch: Callback<Action>,
}

/// A callback that dispatches the action `make` builds for this claim from a field's text.
fn text_action<E: AsRef<web_sys::Event> + 'static>(
    dispatch: &Callback<Action>,
    id: &str,
    make: fn(String, String, String) -> Action,
) -> Callback<E> {
    let (dispatch, id) = (dispatch.clone(), id.to_string());
    Callback::from(move |e: E| {
        dispatch.emit(make(id.clone(), event_value(e.as_ref()), clock::now()))
    })
}

#[function_component(ClaimEditor)]
pub fn claim_editor(props: &ClaimEditorProps) -> Html {
    let claim = &props.claim;
    let on_note: Callback<InputEvent> = text_action(&props.dispatch, &claim.id, |id, note, at| {
        Action::SetNote { id, note, at }
    });
    let on_delete = {
        let dispatch = props.dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Delete { id: id.clone() }))
    };
    let note_id = format!("note-{}", claim.id);
    html! {
        <section class="claim-editor" aria-label="Selected claim">
            <blockquote class="editor-quote">{ claim.quote.exact.clone() }</blockquote>
            { status_buttons(claim, &props.dispatch) }
            <LabelPicker claim_id={claim.id.clone()} label={claim.label.clone()} dispatch={props.dispatch.clone()} />
            // Each part that comes and goes has a fixed wrapper, so the fields around it keep
            // their own DOM nodes (and a select keeps its own choice).
            <div class="marker-slot">
                if claim.verified_without_evidence() && !props.key_claim {
                    <p class="no-evidence" role="note">{ "Verified — no evidence given" }</p>
                }
            </div>
            { source_fields(claim, &props.source_names, &props.dispatch) }
            <h3 class="editor-heading">{ "Evidence" }</h3>
            { evidence_list(claim, &props.dispatch) }
            <EvidenceForm id={claim.id.clone()} dispatch={props.dispatch.clone()} />
            <label for={note_id.clone()}>{ "Note" }</label>
            <textarea id={note_id} value={claim.note.clone()} oninput={on_note} rows="4"
                placeholder="What you checked, what you found" />
            <div class="editor-actions">
                <button type="button" class="danger" onclick={on_delete}>{ "Delete" }</button>
            </div>
        </section>
    }
}

/// Verified and Unverified, the claim's own pressed.
fn status_buttons(claim: &Claim, dispatch: &Callback<Action>) -> Html {
    let status_button = |status: Status, icon: &'static str| {
        let dispatch = dispatch.clone();
        let id = claim.id.clone();
        let pressed = claim.status == status;
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::SetStatus {
                id: id.clone(),
                status,
                at: clock::now(),
            })
        });
        html! {
            <button type="button"
                class={classes!("status-button", format!("status-{}", status.as_str()), pressed.then_some("pressed"))}
                aria-pressed={pressed.to_string()}
                onclick={onclick}>
                <span class="icon" aria-hidden="true">{ icon }</span>{ status.label() }
            </button>
        }
    };
    html! {
        <div class="status-group" role="group" aria-label="Status">
            { status_button(Status::Verified, "✓") }
            { status_button(Status::Unverified, "?") }
        </div>
    }
}

/// Who the source is, what kind, and where the text names them.
fn source_fields(claim: &Claim, source_names: &[String], dispatch: &Callback<Action>) -> Html {
    let on_source: Callback<InputEvent> = text_action(dispatch, &claim.id, |id, source, at| {
        Action::SetSource { id, source, at }
    });
    let on_kind = {
        let dispatch = dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |e: Event| {
            dispatch.emit(Action::SetSourceKind {
                id: id.clone(),
                kind: SourceKind::parse(&event_value(&e)),
                at: clock::now(),
            })
        })
    };
    let clear_phrase = {
        let dispatch = dispatch.clone();
        let id = claim.id.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::ClearSourcePhrase {
                id: id.clone(),
                at: clock::now(),
            })
        })
    };
    let source_id = format!("source-{}", claim.id);
    let kind_id = format!("kind-{}", claim.id);
    let kind_value = claim.source_kind.map_or("", |k| k.as_str());
    html! {
        <>
            <label for={source_id.clone()}>{ "Source" }</label>
            <input id={source_id} type="text" value={claim.source.clone()} oninput={on_source}
                list="source-names" placeholder="Who the article attributes this to" autocomplete="off" />
            <datalist id="source-names">
                { for source_names.iter().map(|n| html! { <option value={n.clone()} /> }) }
            </datalist>
            <label for={kind_id.clone()}>{ "Source kind" }</label>
            <select id={kind_id} onchange={on_kind}>
                <option value="" selected={kind_value.is_empty()}>{ "Not chosen yet" }</option>
                { for SourceKind::ALL.iter().map(|k| html! {
                    <option value={k.as_str()} selected={kind_value == k.as_str()}>{ k.label() }</option>
                }) }
            </select>
            <div class="phrase-slot">
                if let Some(phrase) = &claim.source_phrase {
                    <div class="source-phrase">
                        <span>{ "Named in the text: " }<q>{ phrase.quote.exact.clone() }</q></span>
                        <button type="button" onclick={clear_phrase}>{ "Clear source phrase" }</button>
                    </div>
                } else {
                    <p class="hint">{ "Select the words that name the source (“according to…”) and choose Set as source." }</p>
                }
            </div>
        </>
    }
}

/// The claim's evidence, each with what it shows and a Remove button.
fn evidence_list(claim: &Claim, dispatch: &Callback<Action>) -> Html {
    html! {
        <div class="evidence-slot">
        if claim.evidence.is_empty() {
            <p class="hint">{ "No evidence yet." }</p>
        } else {
            <ul class="evidence-list">
                { for claim.evidence.iter().enumerate().map(|(i, ev)| {
                    let remove = {
                        let (dispatch, id) = (dispatch.clone(), claim.id.clone());
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::RemoveEvidence { id: id.clone(), index: i, at: clock::now() }))
                    };
                    let stance = match ev.stance { Stance::Supports => "supports", Stance::Contradicts => "contradicts" };
                    let title = if ev.title.is_empty() { ev.url.clone() } else { ev.title.clone() };
                    html! {
                        <li class={classes!("evidence", format!("evidence-{stance}"))}>
                            <span class="stance">{ stance }</span>
                            // A second wall: what storage holds from before the rule shows as text.
                            if let Ok(href) = check_link(&ev.url, "") {
                                <a href={href} target="_blank" rel="noopener noreferrer">{ title }</a>
                            } else {
                                <span class="unlinked">{ title }</span>
                            }
                            if !ev.shows.is_empty() { <span class="shows">{ ev.shows.clone() }</span> }
                            <button type="button" aria-label={format!("Remove evidence {}", i + 1)} onclick={remove}>{ "Remove" }</button>
                        </li>
                    }
                }) }
            </ul>
        }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EvidenceFormProps {
    /// The claim the evidence is for.
    id: String,
    dispatch: Callback<Action>,
}

/// Adding evidence: an http(s) address, a title, what it shows, and whether it supports or
/// contradicts the claim.
#[function_component(EvidenceForm)]
fn evidence_form(props: &EvidenceFormProps) -> Html {
    let evidence_error = use_state(|| None::<String>);
    let on_add_evidence = {
        let dispatch = props.dispatch.clone();
        let id = props.id.clone();
        let evidence_error = evidence_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let url = match check_link(&value_by_id("evidence-url"), "Evidence address") {
                Ok(url) => url,
                Err(why) => {
                    evidence_error.set(Some(why));
                    return;
                }
            };
            let stance = if value_by_id("evidence-stance") == "contradicts" {
                Stance::Contradicts
            } else {
                Stance::Supports
            };
            dispatch.emit(Action::AddEvidence {
                id: id.clone(),
                evidence: Evidence {
                    url,
                    title: value_by_id("evidence-title"),
                    shows: value_by_id("evidence-shows"),
                    stance,
                },
                at: clock::now(),
            });
            evidence_error.set(None);
            for id in ["evidence-url", "evidence-title", "evidence-shows"] {
                set_value_by_id(id, "");
            }
        })
    };
    html! {
        <form class="evidence-form" onsubmit={on_add_evidence}>
            <label for="evidence-url">{ "Evidence address" }</label>
            <input id="evidence-url" type="url" placeholder="https://" autocomplete="off" />
            <label for="evidence-title">{ "Evidence title" }</label>
            <input id="evidence-title" type="text" autocomplete="off" />
            <label for="evidence-shows">{ "What it shows" }</label>
            <input id="evidence-shows" type="text" autocomplete="off" />
            <label for="evidence-stance">{ "It" }</label>
            // Yew inserts options last first, so the default must say it is selected.
            <select id="evidence-stance">
                <option value="supports" selected=true>{ "supports the claim" }</option>
                <option value="contradicts">{ "contradicts the claim" }</option>
            </select>
            <p class="error" role="alert">{ (*evidence_error).clone().unwrap_or_default() }</p>
            <button type="submit">{ "Add evidence" }</button>
        </form>
    }
}
