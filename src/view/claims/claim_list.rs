//! One claim in the list, in reading order: its status, its quote, its source. Each is its own
//! component, so moving the selection redraws only the two claims it moved between.

use yew::prelude::*;

use crate::core::model::Claim;
use crate::view::claims::badges::{label_badge, list_quote, status_badge};

#[derive(Properties, PartialEq)]
pub struct ClaimItemProps {
    pub claim: Claim,
    pub selected: bool,
    /// A claim of the teacher's answer key: no "no evidence given" warning.
    #[prop_or_default]
    pub key_claim: bool,
    /// Selects the claim with this id (and shows it in the article).
    pub on_select: Callback<String>,
}

#[function_component(ClaimItem)]
pub fn claim_item(props: &ClaimItemProps) -> Html {
    let c = &props.claim;
    let onclick = {
        let (on_select, id) = (props.on_select.clone(), c.id.clone());
        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
    };
    let is_selected = props.selected;
    html! {
        <li data-claim={c.id.clone()}>
            <button type="button"
                class={classes!("claim-item", is_selected.then_some("selected"))}
                aria-current={is_selected.then_some("true")}
                onclick={onclick}>
                { status_badge(c.status) }
                { label_badge(c.label.as_deref()) }
                if c.verified_without_evidence() && !props.key_claim {
                    <span class="no-evidence">{ "verified — no evidence given" }</span>
                }
                <span class="claim-quote">{ list_quote(&c.quote.exact) }</span>
                if !c.source.is_empty() || c.source_kind.is_some() {
                    <span class="claim-source">
                        { format!("Source: {}{}", c.source,
                            c.source_kind.map(|k| format!(" ({})", k.label().to_lowercase())).unwrap_or_default()) }
                    </span>
                }
            </button>
        </li>
    }
}
