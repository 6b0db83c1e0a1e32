//! Lasting warnings: saving is failing, or stored data could not be read (and was kept).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::{Action, AppState, StorageHealth};
use crate::view::SameRc;
use crate::web::download;
use crate::web::store::AppStore;

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub state: Rc<AppState>,
    pub store: SameRc<AppStore>,
    pub dispatch: Callback<Action>,
    pub on_message: Callback<Option<String>>,
}

#[function_component(Banners)]
pub fn banners(props: &BannersProps) -> Html {
    let unreadable = props.store.0.unreadable_keys();
    let on_download = {
        let store = props.store.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            for (i, key) in store.0.unreadable_keys().iter().enumerate() {
                if let Some(raw) = store.0.raw_stored(key) {
                    let name = format!("claimcheck-kept-data-{}.json", i + 1);
                    if let Err(e) = download::download_text(&name, "application/json", &raw) {
                        on_message.emit(Some(e));
                    }
                }
            }
        })
    };
    html! {
        <div class="banners">
            if let StorageHealth::Failing(message) = &props.state.notices.storage {
                <div class="banner banner-error" role="alert">
                    <strong>{ "Not saved. " }</strong>{ message.clone() }
                </div>
            }
            { for props.state.notices.warnings.iter().enumerate().map(|(i, w)| {
                let dispatch = props.dispatch.clone();
                html! {
                    <div class="banner banner-warning" role="alert">
                        <span>{ w.clone() }</span>
                        if !unreadable.is_empty() {
                            <button type="button" onclick={on_download.clone()}>{ "Download kept data" }</button>
                        }
                        <button type="button" onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissWarning(i)))}>
                            { "Dismiss" }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}
