//! What a claim looks like in a list, wherever it is listed: its status badge and its quote cut
//! short.

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

/// A claim's quote as lists show it: in quotation marks, on one line, cut after 140 characters.
pub fn list_quote(quote: &str) -> String {
    format!("“{}”", shorten(quote, Cut::FlatChars(140)))
}
