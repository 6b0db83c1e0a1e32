//! "Edit article": the article's plain text in a text box. Saving re-anchors every claim, and the
//! summary of what moved appears in a message.

use yew::prelude::*;

use crate::app::actions::Action;
use crate::core::text::paragraphs::parse_paragraphs;

#[derive(Properties, PartialEq)]
pub struct ArticleEditorProps {
    pub text: String,
    pub dispatch: Callback<Action>,
    pub on_done: Callback<()>,
}

#[function_component(ArticleEditor)]
pub fn article_editor(props: &ArticleEditorProps) -> Html {
    let area = use_node_ref();
    let error = use_state(|| None::<String>);
    {
        let area = area.clone();
        use_effect_with((), move |_| {
            if let Some(a) = area.cast::<web_sys::HtmlTextAreaElement>() {
                let _ = a.focus();
            }
        });
    }
    let on_save = {
        let area = area.clone();
        let error = error.clone();
        let dispatch = props.dispatch.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = area
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|a| a.value())
                .unwrap_or_default();
            if parse_paragraphs(&text).is_empty() {
                error.set(Some(
                    "The article needs some text. Your claims are unchanged.".to_string(),
                ));
                return;
            }
            dispatch.emit(Action::EditText { text });
            on_done.emit(());
        })
    };
    let on_cancel = props.on_done.reform(|_: MouseEvent| ());
    // `defaultvalue`, not `value`: the box is the user's while it is open, and re-renders of the
    // page (a selection change elsewhere) must not put the old text back.
    html! {
        <form class="article-editor" onsubmit={on_save} aria-labelledby="edit-heading">
            // While the article is being edited its title (the page's h1) is not shown: this is.
            <h1 id="edit-heading">{ "Edit article" }</h1>
            <p class="hint">
                { "Edit the text; blank lines separate paragraphs. When you save, every claim is found again in the new text — claims whose words are gone are kept as orphans." }
            </p>
            <label for="article-text" class="visually-hidden">{ "Article text" }</label>
            <textarea id="article-text" ref={area} defaultvalue={props.text.clone()} rows="24" spellcheck="false" />
            <p class="error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
            <div class="dialog-actions">
                <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                <button type="submit" class="primary">{ "Save article" }</button>
            </div>
        </form>
    }
}
