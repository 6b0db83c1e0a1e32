//! What a claim looks like in a list, wherever it is listed: its status badge, its label and its
//! quote cut short.

use yew::prelude::*;

use crate::core::model::Status;
use crate::core::text::quotes::{shorten, Cut};

pub fn status_badge(status: Status) -> Html {
    let (class, icon) = match status {
        Status::Verified => ("badge badge-verified", "✓"),
        Status::Unverified => ("badge badge-unverified", "?"),
    };
    html! {
        <span class={class}><span class="icon" aria-hidden="true">{ icon }</span>{ status.label() }</span>
    }
}

/// A claim's label (an exercise's category) as text beside its status; nothing without one.
pub fn label_badge(label: Option<&str>) -> Html {
    match label {
        Some(label) => {
            html! { <span class="claim-label">{ label.to_string() }</span> }
        }
        None => html! {},
    }
}

/// A claim's quote as lists show it: in quotation marks, on one line, cut after 140 characters.
pub fn list_quote(quote: &str) -> String {
    format!("“{}”", shorten(quote, Cut::FlatChars(140)))
}
