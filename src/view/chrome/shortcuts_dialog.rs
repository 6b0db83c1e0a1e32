//! "?": every keyboard shortcut.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShortcutsDialogProps {
    pub open: bool,
    pub on_close: Callback<()>,
}

const SHORTCUTS: &[(&str, &str)] = &[
    (
        "Tab, then Enter on “Skip to the article”",
        "Read the article with the keyboard",
    ),
    ("← →", "Move the caret by word"),
    ("↑ ↓", "Move the caret by sentence"),
    ("Shift + arrows", "Extend the selection"),
    ("S", "Select the sentence at the caret"),
    ("A", "Add the selection as a claim"),
    ("V / U", "Mark the selected claim verified / unverified"),
    ("N / P", "Next / previous claim"),
    ("Delete", "Delete the selected claim"),
    ("J / Shift+J", "Next / previous claim suggestion"),
    ("Y / X", "Accept / dismiss the current suggestion"),
    ("Esc", "Leave the claim editor"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("?", "Show these shortcuts"),
];

#[function_component(ShortcutsDialog)]
pub fn shortcuts_dialog(props: &ShortcutsDialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(props.open, move |open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                } else if !*open && d.open() {
                    d.close();
                }
            }
        });
    }
    html! {
        <dialog ref={dialog} class="shortcuts-dialog" aria-labelledby="shortcuts-title"
            onclose={props.on_close.reform(|_: Event| ())}>
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            <p class="hint">{ "Shortcuts do nothing while you type in a field." }</p>
            <dl class="shortcuts">
                { for SHORTCUTS.iter().map(|(keys, what)| html! {
                    <>
                        <dt><kbd>{ *keys }</kbd></dt>
                        <dd>{ *what }</dd>
                    </>
                }) }
            </dl>
            <div class="dialog-actions">
                <button type="button" onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </dialog>
    }
}
