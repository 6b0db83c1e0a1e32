//! The side panel: counts, the selected claim's editor, and every claim in reading order.

use yew::prelude::*;

use crate::app::actions::Action;
use crate::app::view_model::claim_filter::ClaimFilter;
use crate::core::model::{count_summary, counts_summary, Claim, Status};
use crate::view::article::article_view::scroll_to_claim;
use crate::view::claims::claim_editor::ClaimEditor;
use crate::view::claims::claim_filters::ClaimFilters;
use crate::view::claims::claim_list::ClaimItem;
use crate::view::claims::orphan_list::OrphanList;

#[derive(Properties, PartialEq)]
pub struct ClaimPanelProps {
    pub claims: Vec<Claim>,
    pub orphans: Vec<Claim>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
    /// Shown under the counts: the claim suggestions.
    #[prop_or_default]
    pub children: Html,
}

/// The source names already used in the article, each once, offered as suggestions.
fn source_names(claims: &[Claim]) -> Vec<String> {
    let mut names: Vec<String> = claims
        .iter()
        .map(|c| c.source.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// How many claims there are and how many are verified; of those shown, when filtered.
fn counts(filter: &ClaimFilter, claims: &[Claim], shown: &[&Claim]) -> String {
    if filter.is_active() {
        let verified = shown
            .iter()
            .filter(|c| c.status == Status::Verified)
            .count();
        format!(
            "Showing {} · {}",
            shown.len(),
            counts_summary(shown.len(), verified)
        )
    } else {
        count_summary(claims)
    }
}

/// Keeps the selected claim in view in the list.
#[hook]
fn use_selected_in_view(selected: Option<String>, filter: ClaimFilter) {
    use_effect_with((selected, filter), |(selected, _)| {
        if let Some(id) = selected {
            let item = gloo::utils::document()
                .query_selector(&format!(".claim-list [data-claim=\"{id}\"]"))
                .ok()
                .flatten();
            if let Some(item) = item {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                item.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
}

#[function_component(ClaimPanel)]
pub fn claim_panel(props: &ClaimPanelProps) -> Html {
    let filter = use_state(ClaimFilter::default);
    let selected = props.selected.as_deref().and_then(|id| {
        props
            .claims
            .iter()
            .chain(&props.orphans)
            .find(|c| c.id == id)
    });
    let shown = filter.apply(&props.claims, props.selected.as_deref());
    let counts = counts(&filter, &props.claims, &shown);
    use_selected_in_view(props.selected.clone(), (*filter).clone());
    let on_select = use_callback(props.dispatch.clone(), |id: String, dispatch| {
        dispatch.emit(Action::Select(Some(id.clone())));
        scroll_to_claim(&id);
    });
    html! {
        <aside class="panel" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ "Claims" }</h2>
            <p class="counts" aria-live="polite">{ counts }</p>
            { props.children.clone() }
            if let Some(claim) = selected {
                <ClaimEditor key={claim.id.clone()} claim={claim.clone()} source_names={source_names(&props.claims)} dispatch={props.dispatch.clone()} />
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
            if !props.claims.is_empty() {
                <ClaimFilters filter={filter.clone()} />
            }
            if props.claims.is_empty() {
                <p class="empty">
                    { "No claims yet. Select a passage in the article — a statement it attributes to someone — and choose " }
                    <strong>{ "Add claim" }</strong>{ " (or press A)." }
                </p>
            } else {
                <ol class="claim-list">
                    { for shown.iter().map(|c| html! {
                        <ClaimItem
                            key={c.id.clone()}
                            claim={(*c).clone()}
                            selected={props.selected.as_deref() == Some(c.id.as_str())}
                            on_select={on_select.clone()}
                        />
                    }) }
                </ol>
            }
        </aside>
    }
}
