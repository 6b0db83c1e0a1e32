//! The side panel: counts, the selected claim's editor, and every claim in reading order.

use yew::prelude::*;

use crate::app::state::Action;
use crate::app::view_model::claim_filter::{ClaimFilter, SortBy};
use crate::core::model::{count_summary, counts_summary, Claim, SourceKind, Status};
use crate::core::text::quotes::{shorten, Cut};
use crate::view::article::article_view::scroll_to_claim;
use crate::view::claims::claim_editor::ClaimEditor;
use crate::view::claims::orphan_list::OrphanList;
use crate::view::form_values::event_value;

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
    let mut source_names: Vec<String> = props
        .claims
        .iter()
        .map(|c| c.source.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    source_names.sort();
    source_names.dedup();
    let shown = filter.apply(&props.claims, props.selected.as_deref());
    let counts = if filter.is_active() {
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
        count_summary(&props.claims)
    };
    {
        // Keep the selected claim in view in the list.
        let selected = props.selected.clone();
        use_effect_with((selected, (*filter).clone()), |(selected, _)| {
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
    let set = |change: fn(&mut ClaimFilter, String)| {
        let filter = filter.clone();
        move |value: String| {
            let mut f = (*filter).clone();
            change(&mut f, value);
            filter.set(f);
        }
    };
    let on_status = {
        let set = set(|f, v| {
            f.status = match v.as_str() {
                "verified" => Some(Status::Verified),
                "unverified" => Some(Status::Unverified),
                _ => None,
            }
        });
        Callback::from(move |e: Event| set(event_value(&e)))
    };
    let on_kind = {
        let set = set(|f, v| {
            f.kind = match v.as_str() {
                "" => None,
                "unset" => Some(None),
                other => SourceKind::parse(other).map(Some),
            }
        });
        Callback::from(move |e: Event| set(event_value(&e)))
    };
    let on_sort = {
        let set = set(|f, v| {
            f.sort = if v == "changed" {
                SortBy::LastChange
            } else {
                SortBy::Position
            }
        });
        Callback::from(move |e: Event| set(event_value(&e)))
    };
    let on_search = {
        let set = set(|f, v| f.search = v);
        Callback::from(move |e: InputEvent| set(event_value(&e)))
    };
    html! {
        <aside class="panel" aria-labelledby="claims-heading">
            <h2 id="claims-heading">{ "Claims" }</h2>
            <p class="counts" aria-live="polite">{ counts }</p>
            if let Some(claim) = selected {
                <ClaimEditor key={claim.id.clone()} claim={claim.clone()} source_names={source_names.clone()} dispatch={props.dispatch.clone()} />
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
                <div class="claim-filters" role="group" aria-label="Filter claims">
                    <label for="filter-status">{ "Status" }</label>
                    // Each default option says it is selected: Yew inserts options last first.
                    <select id="filter-status" onchange={on_status}>
                        <option value="" selected=true>{ "All" }</option>
                        <option value="verified">{ "Verified" }</option>
                        <option value="unverified">{ "Unverified" }</option>
                    </select>
                    <label for="filter-kind">{ "Source kind" }</label>
                    <select id="filter-kind" onchange={on_kind}>
                        <option value="" selected=true>{ "All" }</option>
                        { for SourceKind::ALL.iter().map(|k| html! { <option value={k.as_str()}>{ k.label() }</option> }) }
                        <option value="unset">{ "Not chosen yet" }</option>
                    </select>
                    <label for="filter-search">{ "Search claims" }</label>
                    <input id="filter-search" type="search" oninput={on_search} placeholder="Quote, source or note" />
                    <label for="filter-sort">{ "Sort by" }</label>
                    <select id="filter-sort" onchange={on_sort}>
                        <option value="position" selected=true>{ "Position in the article" }</option>
                        <option value="changed">{ "Last change" }</option>
                    </select>
                </div>
            }
            if props.claims.is_empty() {
                <p class="empty">
                    { "No claims yet. Select a passage in the article — a statement it attributes to someone — and choose " }
                    <strong>{ "Add claim" }</strong>{ " (or press A)." }
                </p>
            } else {
                <ol class="claim-list">
                    { for shown.iter().map(|c| {
                        let id = c.id.clone();
                        let dispatch = props.dispatch.clone();
                        let onclick = Callback::from(move |_: MouseEvent| {
                            dispatch.emit(Action::Select(Some(id.clone())));
                            scroll_to_claim(&id);
                        });
                        let is_selected = props.selected.as_deref() == Some(c.id.as_str());
                        html! {
                            <li key={c.id.clone()} data-claim={c.id.clone()}>
                                <button type="button"
                                    class={classes!("claim-item", is_selected.then_some("selected"))}
                                    aria-current={is_selected.then_some("true")}
                                    onclick={onclick}>
                                    { status_badge(c.status) }
                                    if c.verified_without_evidence() {
                                        <span class="no-evidence">{ "verified — no evidence given" }</span>
                                    }
                                    <span class="claim-quote">{ format!("“{}”", shorten(&c.quote.exact, Cut::FlatChars(140))) }</span>
                                    if !c.source.is_empty() || c.source_kind.is_some() {
                                        <span class="claim-source">
                                            { format!("Source: {}{}", c.source,
                                                c.source_kind.map(|k| format!(" ({})", k.label().to_lowercase())).unwrap_or_default()) }
                                        </span>
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
