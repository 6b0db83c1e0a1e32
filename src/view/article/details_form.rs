//! "Article details": title, outlet, author, date and the original address. Esc cancels, and
//! the focus goes back to the button that opened the form.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::view::chrome::dismiss::{focused, refocus, use_dismiss};
use crate::view::form_values::{set_value_by_id, value_by_id};

use crate::app::actions::Action;
use crate::app::details::Details;
use crate::core::text::links::check_link;

#[derive(Properties, PartialEq)]
pub struct DetailsFormProps {
    pub details: Details,
    pub dispatch: Callback<Action>,
    pub on_done: Callback<()>,
}

/// What the fields hold now.
fn read_fields() -> Details {
    Details {
        title: value_by_id("details-title"),
        outlet: value_by_id("details-outlet"),
        byline: value_by_id("details-author"),
        date: value_by_id("details-date"),
        url: value_by_id("details-url"),
    }
}

fn focus_by_id(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[function_component(DetailsForm)]
pub fn details_form(props: &DetailsFormProps) -> Html {
    let error = use_state(|| None::<String>);
    let form = use_node_ref();
    // The button that opened the form has the focus as it first renders; Save and Cancel give
    // the focus back to it.
    let opener = use_state(focused);
    let done = {
        let (on_done, opener) = (props.on_done.clone(), opener.clone());
        Callback::from(move |()| {
            on_done.emit(());
            refocus(opener.as_ref());
        })
    };
    // Esc is Cancel. A press outside closes the form only while nothing in it was changed, so
    // that no typing is lost to a stray tap.
    let on_outside = {
        let (initial, on_done) = (props.details.clone(), props.on_done.clone());
        Callback::from(move |()| {
            if read_fields() == initial {
                on_done.emit(());
            }
        })
    };
    use_dismiss(
        true,
        form.clone(),
        NodeRef::default(),
        props.on_done.clone(),
        on_outside,
    );
    {
        // Filled once when the form opens: after that the fields are the user's, and re-renders
        // of the page must not put the old values back.
        let d = props.details.clone();
        use_effect_with((), move |_| {
            for (id, v) in [
                ("details-title", &d.title),
                ("details-outlet", &d.outlet),
                ("details-author", &d.byline),
                ("details-date", &d.date),
                ("details-url", &d.url),
            ] {
                set_value_by_id(id, v);
            }
            focus_by_id("details-title");
        });
    }
    let on_save = {
        let (dispatch, on_done, error) = (props.dispatch.clone(), done.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let details = read_fields();
            if details.title.trim().is_empty() {
                error.set(Some("The article needs a title.".into()));
                return;
            }
            if !details.url.trim().is_empty() {
                if let Err(why) = check_link(&details.url, "Original address") {
                    error.set(Some(why));
                    return;
                }
            }
            dispatch.emit(Action::SetDetails(details));
            on_done.emit(());
        })
    };
    let on_cancel = done.reform(|_: MouseEvent| ());
    html! {
        <form class="details-form" ref={form} onsubmit={on_save} aria-labelledby="details-heading">
            <h2 id="details-heading">{ "Article details" }</h2>
            <label for="details-title">{ "Title" }</label>
            <input id="details-title" type="text" />
            <label for="details-outlet">{ "Outlet" }</label>
            <input id="details-outlet" type="text" />
            <label for="details-author">{ "Author" }</label>
            <input id="details-author" type="text" />
            <label for="details-date">{ "Date" }</label>
            <input id="details-date" type="text" placeholder="2026-11-29" />
            <label for="details-url">{ "Original address" }</label>
            <input id="details-url" type="url" placeholder="https://" />
            <p class="error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
            <div class="dialog-actions">
                <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                <button type="submit" class="primary">{ "Save details" }</button>
            </div>
        </form>
    }
}
