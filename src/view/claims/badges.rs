//! What a claim looks like in a list, wherever it is listed: its status badge and its quote cut
//! short.

use yew::prelude::*;

use crate::core::model::Status;

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
