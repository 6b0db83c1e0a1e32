//! Student mode's one menu: what a student rarely needs (files, the library, export, the mode
//! switch) out of the way of the exercise, and never in front of it; it closes as every menu
//! does (`dismiss.rs`: Esc, a press outside) and after a choice.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::view::chrome::dismiss::use_dismiss;

#[derive(Properties, PartialEq)]
pub struct StudentMenuProps {
    /// The menu's items.
    pub children: Html,
}

#[function_component(StudentMenu)]
pub fn student_menu(props: &StudentMenuProps) -> Html {
    let open = use_state(|| false);
    let area = use_node_ref();
    let toggle = use_node_ref();
    let close = use_callback(open.setter(), |(), open| open.set(false));
    use_dismiss(
        *open,
        area.clone(),
        toggle.clone(),
        close.clone(),
        close.clone(),
    );
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // A button pressed in the menu is a choice (opening the Export menu inside it is not yet).
    let on_choice = Callback::from(move |e: MouseEvent| {
        let target = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.is_some_and(|t| {
            t.closest("summary").ok().flatten().is_none()
                && t.closest("button").ok().flatten().is_some()
        }) {
            close.emit(());
        }
    });
    html! {
        <div class="student-menu" ref={area}>
            <button type="button" id="student-menu-toggle" ref={toggle} aria-haspopup="true"
                aria-expanded={open.to_string()} aria-controls="student-menu-items" onclick={on_toggle}>
                { "Menu" }<span aria-hidden="true">{ if *open { " ▴" } else { " ▾" } }</span>
            </button>
            <div id="student-menu-items" class="student-menu-items" hidden={!*open} onclick={on_choice}>
                { props.children.clone() }
            </div>
        </div>
    }
}
