//! "Paste article": plain text becomes the current article.

use yew::prelude::*;

use crate::core::model::Article;
use crate::core::text::paragraphs::article_from_paste;

#[derive(Properties, PartialEq)]
pub struct PasteDialogProps {
    pub open: bool,
    pub on_close: Callback<()>,
    pub on_open: Callback<Article>,
}

#[function_component(PasteDialog)]
pub fn paste_dialog(props: &PasteDialogProps) -> Html {
    let dialog = use_node_ref();
    let textarea = use_node_ref();
    let error = use_state(|| None::<String>);
    {
        let dialog = dialog.clone();
        let textarea = textarea.clone();
        let error = error.clone();
        use_effect_with(props.open, move |open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if *open && !d.open() {
                    error.set(None);
                    let _ = d.show_modal();
                    if let Some(t) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
                        let _ = t.focus();
                    }
                } else if !*open && d.open() {
                    d.close();
                }
            }
        });
    }
    let on_submit = {
        let textarea = textarea.clone();
        let error = error.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = textarea
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            match article_from_paste(&text) {
                Ok(article) => {
                    if let Some(t) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
                        t.set_value("");
                    }
                    error.set(None);
                    on_open.emit(article);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    // Esc closes the native dialog by itself; keep our state in step.
    let on_native_close = props.on_close.reform(|_: Event| ());
    let on_cancel = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <dialog ref={dialog} class="paste-dialog" aria-labelledby="paste-title" onclose={on_native_close}>
            <form onsubmit={on_submit}>
                <h2 id="paste-title">{ "Paste article" }</h2>
                <p class="hint">{ "The first line becomes the title; blank lines separate paragraphs. The text is shown as plain text." }</p>
                <label for="paste-text" class="visually-hidden">{ "Article text" }</label>
                <textarea id="paste-text" ref={textarea} rows="14" aria-describedby="paste-error"
                    placeholder={"Headline\n\nFirst paragraph…\n\nSecond paragraph…"} />
                <p id="paste-error" class="error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
                <div class="dialog-actions">
                    <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                    <button type="submit" class="primary">{ "Use this article" }</button>
                </div>
            </form>
        </dialog>
    }
}
