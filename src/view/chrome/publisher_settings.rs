//! **Publishing as** in the Export menu: the reader's name or organisation (and, optionally,
//! the page the reviews will be on), which ClaimReview exports name as their author. Without a
//! name the menu says that ClaimReview needs one to be published.

use yew::prelude::*;

use crate::core::formats::claimreview::{Publisher, PublisherKind};
use crate::view::form_values::value_by_id;

#[derive(Properties, PartialEq)]
pub struct PublisherSettingsProps {
    /// The setting as saved.
    pub publisher: Publisher,
    pub on_save: Callback<Publisher>,
    /// Says what is wrong with what was typed (an address that is not a web page's).
    pub on_message: Callback<Option<String>>,
}

#[function_component(PublisherSettings)]
pub fn publisher_settings(props: &PublisherSettingsProps) -> Html {
    let on_submit = {
        let (on_save, on_message) = (props.on_save.clone(), props.on_message.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let kind = match value_by_id("publisher-kind").as_str() {
                "person" => PublisherKind::Person,
                _ => PublisherKind::Organization,
            };
            match Publisher::checked(
                &value_by_id("publisher-name"),
                kind,
                &value_by_id("publisher-url"),
            ) {
                Ok(publisher) => on_save.emit(publisher),
                Err(e) => on_message.emit(Some(e)),
            }
        })
    };
    let p = &props.publisher;
    let person = p.kind == PublisherKind::Person;
    html! {
        <form class="publisher-settings" onsubmit={on_submit} aria-labelledby="publisher-heading">
            <p class="menu-heading" id="publisher-heading">{ "Publishing as" }</p>
            <label for="publisher-name">{ "Your name / organisation" }</label>
            <input id="publisher-name" type="text" autocomplete="organization" value={p.name.clone()} />
            <label for="publisher-kind">{ "It is" }</label>
            <select id="publisher-kind">
                <option value="organization" selected={!person}>{ "an organisation" }</option>
                <option value="person" selected={person}>{ "a person" }</option>
            </select>
            <label for="publisher-url">{ "Review page address (optional)" }</label>
            <input id="publisher-url" type="url" placeholder="https://" value={p.url.clone()} />
            if p.name.is_empty() {
                <p class="hint" id="publisher-needed">
                    { "ClaimReview needs your name or organisation as its author to be published." }
                </p>
            }
            <button type="submit">{ "Save name" }</button>
        </form>
    }
}
