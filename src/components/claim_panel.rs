//! The side panel: counts, the selected claim's editor, and every claim in reading order.

use yew::prelude::*;

use super::article_view::scroll_to_claim;
use super::claim_editor::ClaimEditor;
use super::orphan_list::OrphanList;
use crate::model::{count_summary, Claim, Status};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ClaimPanelProps {
    pub claims: Vec<Claim>,
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
}

pub fn status_badge(status: Status) -> Html {
    let (class, icon) = match status {
        Status::Verified => ("badge badge-verified", "✓"),
        Status::Unverified => ("badge badge-unverified", "?"),
    };
    html! {
        <span class={class}><span class="icon" aria-hidden="true">{ icon }</span>{ status.label() }</span>
    }
}

/// At most `max` characters of a quote, for the list.
pub fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

#[function_component(ClaimPanel)]
pub fn claim_panel(props: &ClaimPanelProps) -> Html {
    let selected = props.selected.as_deref().and_then(|id| {
        props
            .claims
            .iter()
            .chain(&props.orphans)
            .find(|c| c.id == id)
    });
    html! {
        <aside class="panel" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ "Claims" }</h2>
            <p class="counts" aria-live="polite">{ count_summary(&props.claims) }</p>
            if let Some(claim) = selected {
                <ClaimEditor claim={claim.clone()} dispatch={props.dispatch.clone()} />
            }
            // Rendered only when there is something to show: a component that renders nothing
            // leaves Yew no DOM node to place its siblings against.
            if !props.orphans.is_empty() {
                <OrphanList
                    orphans={props.orphans.clone()}
                    selected={props.selected.clone()}
                    dispatch={props.dispatch.clone()}
                    on_message={props.on_message.clone()}
                />
            }
            if props.claims.is_empty() {
                <p class="empty">
                    { "No claims yet. Select a passage in the article — a statement it attributes to someone — and choose " }
                    <strong>{ "Add claim" }</strong>{ " (or press A)." }
                </p>
            } else {
                <ol class="claim-list">
                    { for props.claims.iter().map(|c| {
                        let id = c.id.clone();
                        let dispatch = props.dispatch.clone();
                        let onclick = Callback::from(move |_: MouseEvent| {
                            dispatch.emit(Action::Select(Some(id.clone())));
                            scroll_to_claim(&id);
                        });
                        let is_selected = props.selected.as_deref() == Some(c.id.as_str());
                        html! {
                            <li key={c.id.clone()}>
                                <button type="button"
                                    class={classes!("claim-item", is_selected.then_some("selected"))}
                                    aria-current={is_selected.then_some("true")}
                                    onclick={onclick}>
                                    { status_badge(c.status) }
                                    <span class="claim-quote">{ format!("“{}”", shorten(&c.quote.exact, 140)) }</span>
                                    if !c.source.is_empty() {
                                        <span class="claim-source">{ format!("Source: {}", c.source) }</span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
        </aside>
    }
}
