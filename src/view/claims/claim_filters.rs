//! The filters above the claim list: status, source kind, a search, and the order.

use yew::prelude::*;

use crate::app::view_model::claim_filter::{ClaimFilter, SortBy};
use crate::core::model::{SourceKind, Status};
use crate::view::form_values::event_value;

#[derive(Properties, PartialEq)]
pub struct ClaimFiltersProps {
    /// The panel's filter, which the list below follows.
    pub filter: UseStateHandle<ClaimFilter>,
}

#[function_component(ClaimFilters)]
pub fn claim_filters(props: &ClaimFiltersProps) -> Html {
    let set = |change: fn(&mut ClaimFilter, String)| {
        let filter = props.filter.clone();
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
}
